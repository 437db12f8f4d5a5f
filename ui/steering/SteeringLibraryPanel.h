// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/ApiClient.h"
#include "core/storage/SteeringLibrary.h"

#include <QGroupBox>

#include <optional>

class QLabel;
class QPushButton;
class QTableView;

namespace ui {

class SteeringLibraryModel;

/// The Steering tab's library box: the concepts kept in SQLite (SteeringLibraryModel) with
/// Open, Rename, Duplicate, Delete, Undo delete, Re-create here and "Use in Completion/Chat".
/// It renames, duplicates, deletes and restores entries itself; opening, re-creating and using an
/// entry are asked of the tab.
class SteeringLibraryPanel : public QGroupBox
{
    Q_OBJECT
public:
    explicit SteeringLibraryPanel(
        core::ApiClient *client, QWidget *parent = nullptr); // client not owned
    void setLibrary(core::SteeringLibrary *library);
    core::SteeringLibrary *library() const { return m_library; }
    QTableView *table() const { return m_table; }
    SteeringLibraryModel *model() const { return m_model; }

    /// The entries as listed; the current row (-1: none); the rowid of a row (0: none).
    const QList<core::SteeringConceptEntry> &entries() const;
    int selectedRow() const;
    qint64 rowIdAt(int row) const;

    /// Lists the library again (against the server in use).
    void reload();
    bool renameEntry(int row, const QString &name);
    bool deleteEntry(int row);
    bool undoDelete();
    bool canUndo() const { return m_deleted.has_value(); }
    bool duplicateEntry(int row);

Q_SIGNALS:
    /// A line for the tab's status.
    void message(const QString &text);
    /// The library changed.
    void changed();
    void openRequested(int row);
    void recreateRequested(int row);
    /// "Use in Chat" (`chat`) or "Use in Completion" for the concept `id`.
    void useRequested(const QString &id, bool chat);

private:
    core::ApiClient *m_client;
    core::SteeringLibrary *m_library = nullptr;
    std::optional<core::SteeringConceptEntry> m_deleted;
    SteeringLibraryModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_undoButton = nullptr;
    QLabel *m_empty = nullptr;
};

} // namespace ui
