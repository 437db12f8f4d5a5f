// SPDX-License-Identifier: MIT
#pragma once

#include "core/storage/PromptLibrary.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace ui {

/// The saved prompts as a table (a thin model over PromptLibrary::list()), most recently changed
/// first: Name, Tags, Versions, Changed. IdRole gives a row's prompt id.
class PromptListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, TagsColumn, VersionsColumn, ChangedColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1 };

    explicit PromptListModel(QObject *parent = nullptr);
    /// The library listed (not owned; may be null: an empty list). Reloads on its changed().
    void setLibrary(core::PromptLibrary *library);
    /// Lists the prompts whose name, tags or templates contain `text` (all when empty).
    void setFilter(const QString &text);
    QString filter() const { return m_filter; }
    void reload();
    /// The row of prompt `id`, or -1.
    int rowOf(qint64 id) const;
    qint64 idAt(int row) const;
    /// The prompt at `row` as listed.
    std::optional<core::SavedPrompt> promptAt(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QPointer<core::PromptLibrary> m_library;
    QString m_filter;
    QList<core::SavedPrompt> m_rows;
};

} // namespace ui
