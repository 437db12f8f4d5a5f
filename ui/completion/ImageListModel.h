// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Prompt.h"

#include <QAbstractListModel>
#include <QIcon>

namespace ui {

/// The images of a completion prompt, in the order they are sent (before the text): each row
/// owns its prompt item (base64 made once, when added), a thumbnail (decoration), a name
/// (display) and a tool tip (the file it came from).
class ImageListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    explicit ImageListModel(QObject *parent = nullptr);

    /// Adds an image item at the end.
    void append(const core::PromptItem &item,
        const QIcon &thumbnail,
        const QString &name,
        const QString &toolTip = QString());
    void removeAt(int row);
    void clear();
    /// The image items, in order.
    QList<core::PromptItem> items() const;
    bool isEmpty() const { return m_rows.isEmpty(); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Row
    {
        core::PromptItem item;
        QIcon thumbnail;
        QString name;
        QString toolTip;
    };
    QList<Row> m_rows;
};

} // namespace ui
