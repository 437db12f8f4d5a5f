// SPDX-License-Identifier: MIT
#include "ui/chat/ConversationListModel.h"

#include <QLocale>

namespace ui {

ConversationListModel::ConversationListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void ConversationListModel::setStore(core::ConversationStore *store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (m_store)
        connect(m_store, &core::ConversationStore::changed, this, &ConversationListModel::reload);
    reload();
}

void ConversationListModel::setFilter(const QString &text)
{
    m_filter = text;
    reload();
}

void ConversationListModel::reload()
{
    beginResetModel();
    m_rows.clear();
    if (m_store) {
        for (const core::ConversationRecord &r : m_store->list(m_filter))
            m_rows.append(Row{r.id, r.title, r.updatedAt});
    }
    endResetModel();
}

int ConversationListModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

qint64 ConversationListModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return r.title;
    case Qt::ToolTipRole:
        return tr("%1\nLast message: %2")
            .arg(r.title, QLocale().toString(r.updatedAt.toLocalTime(), QLocale::ShortFormat));
    case IdRole:
        return r.id;
    case UpdatedRole:
        return r.updatedAt;
    default:
        return {};
    }
}

bool ConversationListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || !m_store)
        return false;
    // The store's changed() reloads the list.
    return m_store->rename(m_rows.at(index.row()).id, value.toString());
}

Qt::ItemFlags ConversationListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

} // namespace ui
