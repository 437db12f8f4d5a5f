// SPDX-License-Identifier: MIT
#pragma once

#include "core/storage/ConversationStore.h"

#include <QAbstractListModel>

namespace ui {

/// The Chat tab's conversations as a list (a thin model over ConversationStore::list()): the
/// title is the display and edit role (editing renames), the update time is UpdatedRole.
class ConversationListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { IdRole = Qt::UserRole + 1, UpdatedRole };

    explicit ConversationListModel(QObject *parent = nullptr);
    /// The store listed (not owned; may be null: an empty list).
    void setStore(core::ConversationStore *store);
    /// Lists the conversations whose title or messages contain `text` (all when empty).
    void setFilter(const QString &text);
    QString filter() const { return m_filter; }
    /// Reads the store again.
    void reload();
    /// The row of conversation `id`, or -1.
    int rowOf(qint64 id) const;
    qint64 idAt(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Row
    {
        qint64 id;
        QString title;
        QDateTime updatedAt;
    };
    core::ConversationStore *m_store = nullptr;
    QString m_filter;
    QList<Row> m_rows;
};

} // namespace ui
