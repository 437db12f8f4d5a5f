// SPDX-License-Identifier: MIT
#include "ui/library/PromptListModel.h"

#include <QLocale>

namespace ui {

PromptListModel::PromptListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void PromptListModel::setLibrary(core::PromptLibrary *library)
{
    if (m_library)
        disconnect(m_library, nullptr, this, nullptr);
    m_library = library;
    if (m_library)
        connect(m_library, &core::PromptLibrary::changed, this, &PromptListModel::reload);
    reload();
}

void PromptListModel::setFilter(const QString &text)
{
    m_filter = text;
    reload();
}

void PromptListModel::reload()
{
    beginResetModel();
    m_rows = m_library ? m_library->list(m_filter) : QList<core::SavedPrompt>();
    endResetModel();
}

int PromptListModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

qint64 PromptListModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

std::optional<core::SavedPrompt> PromptListModel::promptAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return m_rows.at(row);
}

int PromptListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PromptListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PromptListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const core::SavedPrompt &p = m_rows.at(index.row());
    if (role == IdRole)
        return p.id;
    const QString changed = QLocale().toString(p.updated.toLocalTime(), QLocale::NarrowFormat);
    if (role == Qt::ToolTipRole)
        return tr("%1\nTags: %2\n%n version(s), the newest from %3", nullptr, p.versionCount)
            .arg(
                p.name, p.tags.isEmpty() ? tr("none") : p.tags.join(QStringLiteral(", ")), changed);
    if (role == Qt::TextAlignmentRole && index.column() == VersionsColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return p.name;
    case TagsColumn:
        return p.tags.join(QStringLiteral(", "));
    case VersionsColumn:
        return p.versionCount;
    case ChangedColumn:
        return changed;
    default:
        return {};
    }
}

QVariant PromptListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TagsColumn:
        return tr("Tags");
    case VersionsColumn:
        return tr("Versions");
    case ChangedColumn:
        return tr("Changed");
    default:
        return {};
    }
}

} // namespace ui
