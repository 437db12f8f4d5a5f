// SPDX-License-Identifier: MIT
#pragma once

#include "core/storage/PromptLibrary.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeView;
class QTreeWidget;

namespace ui {

class PromptListModel;
class PromptVersionDiff;

/// The prompt library: search (name, tags, template text), the saved prompts, their versions and
/// the diff between two of them. Open loads a version into the Completion tab (MainWindow
/// connects openRequested), Duplicate copies a prompt with its versions, Delete has an Undo bar
/// (Ctrl+Z), Import… and Export… read and write the JSON file (docs/prompt-library-format.md).
class PromptLibraryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PromptLibraryPanel(QWidget *parent = nullptr);
    /// The library listed and changed (not owned; may be null).
    void setLibrary(core::PromptLibrary *library);

    PromptListModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QTreeWidget *versionList() const { return m_versions; }
    PromptVersionDiff *diff() const { return m_diff; }
    QLineEdit *searchEdit() const { return m_search; }
    /// The prompt selected (0: none).
    qint64 currentId() const;
    /// Selects prompt `id` (its newest version).
    void selectPrompt(qint64 id);
    /// Selects versions `before` and `after` of the prompt shown: the diff compares them.
    void compareVersions(int before, int after);
    /// The empty-state text shown instead of the list ("" when the list is shown).
    QString emptyText() const;

public Q_SLOTS:
    /// Deletes prompt `id` (asks nothing: Undo brings it back).
    void deletePrompt(qint64 id);
    /// Brings back the prompt deleted last.
    void undoDelete();
    qint64 duplicatePrompt(qint64 id);
    void importFile(const QString &path);
    void exportFile(const QString &path);

Q_SIGNALS:
    /// Open version `number` of prompt `id` in the Completion tab.
    void openRequested(qint64 id, int number);
    /// Something to tell the user (an import's result or error).
    void message(const QString &text);

private:
    void showVersions();
    void updateDiff();
    void updateEmptyState();
    void updateButtons();
    void openSelected();
    void showContextMenu(const QPoint &pos);
    /// The version numbers selected, ascending.
    QList<int> selectedVersions() const;

    QPointer<core::PromptLibrary> m_library;
    PromptListModel *m_model;
    QLineEdit *m_search;
    QTreeView *m_view;
    QLabel *m_empty;
    QTreeWidget *m_versions;
    PromptVersionDiff *m_diff;
    QPushButton *m_open;
    QPushButton *m_duplicate;
    QPushButton *m_delete;
    QWidget *m_undoBar;
    QLabel *m_undoLabel;
    QList<qint64> m_deleted; ///< newest last: what Undo brings back
    qint64 m_shownId = 0; ///< the prompt whose versions are listed
};

} // namespace ui
