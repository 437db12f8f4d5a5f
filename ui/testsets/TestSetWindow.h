// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Models.h"
#include "ui/testsets/TestSetEditor.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTabWidget;

namespace core {
class ApiClient;
class PromptLibrary;
} // namespace core

namespace ui {

class TestRunPanel;
class TestSetModel;

/// The test-set workbench (issue 23), a window of its own: the set's editor and the run panel
/// in two tabs, with Open and Save of the set file (docs/test-set-format.md).
class TestSetWindow : public QWidget
{
    Q_OBJECT
public:
    explicit TestSetWindow(core::ApiClient *client, QWidget *parent = nullptr);
    void setCompletionSource(const CompletionSource &source);
    /// The connection's models (`GET /model-settings`), for the run panel's choices.
    void setAvailableModels(const QList<core::ModelSettings> &models);
    /// The saved prompts the editor's "Add from library…" offers (not owned; may be null).
    void setPromptLibrary(core::PromptLibrary *library);

    TestSetModel *model() const { return m_model; }
    TestSetEditor *editor() const { return m_editor; }
    TestRunPanel *runPanel() const { return m_runPanel; }
    QTabWidget *tabs() const { return m_tabs; }
    /// Opens a saved set, or imports a CSV/JSONL file as a new set. False with a message shown.
    bool openFile(const QString &path);
    bool saveFile(const QString &path);

public Q_SLOTS:
    void open();
    void save();
    /// Ctrl+Enter: the Results tab, and a run of the set.
    void run();
    /// Esc: cancels the run (finished cells are kept).
    void cancel();

Q_SIGNALS:
    void explainRequested(const core::Prompt &prompt, const QString &answer, const QString &model);

private:
    void showMessage(const QString &text);

    TestSetModel *m_model;
    TestSetEditor *m_editor;
    TestRunPanel *m_runPanel;
    QTabWidget *m_tabs;
    QLineEdit *m_name;
    QLabel *m_message;
    QString m_path;
};

} // namespace ui
