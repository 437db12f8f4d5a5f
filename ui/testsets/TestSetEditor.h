// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Completion.h"

#include <QWidget>

#include <functional>

class QDialog;
class QListWidget;
class QPushButton;
class QTableView;

namespace core {
class PromptLibrary;
}

namespace ui {

class TestSetModel;

/// What a test set takes from the Completion tab: its prompt text (variables not substituted),
/// the values of its variables now, and its request (model and parameters). Each may be empty.
struct CompletionSource
{
    std::function<QString()> templateText;
    std::function<QHash<QString, QString>()> values;
    std::function<core::CompletionRequest(QString *error)> request;
};

/// Edits a test set in place: the table of rows (a column per variable, the expected answer, the
/// row's own checks), the prompt versions it runs, and the checks for every row. Rows come from
/// CSV or JSON Lines imports, from typing, or from the Completion tab's current variable values;
/// versions from the Completion tab, a pasted template, or the prompt library.
class TestSetEditor : public QWidget
{
    Q_OBJECT
public:
    TestSetEditor(TestSetModel *model, QWidget *parent = nullptr);
    void setCompletionSource(const CompletionSource &source) { m_source = source; }
    /// The saved prompts "Add from library…" offers (not owned; null: the button is disabled).
    void setPromptLibrary(core::PromptLibrary *library);
    QTableView *table() const { return m_table; }

public Q_SLOTS:
    /// Asks for a CSV or JSONL file and appends its rows.
    void importRows();
    /// Appends the Completion tab's current variable values as a row.
    void addRowFromCompletion();
    /// Adds the Completion tab's prompt and parameters as the next version.
    void addCompletionVersion();
    /// Asks for a template (pasted) and adds it as the next version, with the parameters of the
    /// Completion tab.
    void addVersionFromText();
    /// Opens the list of the library's saved prompts and their versions (window-modal, not
    /// blocking); the versions chosen there are added. Returns the dialog (null without a library).
    QDialog *addVersionsFromLibrary();
    /// Removes the selected rows (Undo brings them back).
    void removeSelectedRows();
    /// Brings back the table as it was before the last removal or replacement.
    void undo();
    /// Adds a check for every row (asks for its value when the kind has one).
    void addCheck(int kind);

Q_SIGNALS:
    /// For the status line: what was done or what went wrong.
    void message(const QString &text);

private:
    void refreshLists();
    void addVersion(const QString &templateText);
    QString nextVersionLabel() const;

    TestSetModel *m_model;
    CompletionSource m_source;
    core::PromptLibrary *m_library = nullptr;
    QPushButton *m_fromLibrary;
    QTableView *m_table;
    QListWidget *m_versions;
    QListWidget *m_checks;
};

} // namespace ui
