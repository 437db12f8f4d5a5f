// SPDX-License-Identifier: MIT
#include "ui/completion/ImageListModel.h"

namespace ui {

ImageListModel::ImageListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void ImageListModel::append(const core::PromptItem &item,
    const QIcon &thumbnail,
    const QString &name,
    const QString &toolTip)
{
    const int row = int(m_rows.size());
    beginInsertRows(QModelIndex(), row, row);
    m_rows.append(Row{item, thumbnail, name, toolTip});
    endInsertRows();
}

void ImageListModel::removeAt(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    beginRemoveRows(QModelIndex(), row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void ImageListModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

QList<core::PromptItem> ImageListModel::items() const
{
    QList<core::PromptItem> out;
    out.reserve(m_rows.size());
    for (const Row &r : m_rows)
        out.append(r.item);
    return out;
}

int ImageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ImageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return r.name;
    case Qt::DecorationRole:
        return r.thumbnail;
    case Qt::ToolTipRole:
        return r.toolTip.isEmpty() ? QVariant() : QVariant(r.toolTip);
    default:
        return QVariant();
    }
}

bool ImageListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    // Renames a row (programmatic: the view offers no editor, as the list widget it replaced).
    if (role != Qt::EditRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    m_rows[index.row()].name = value.toString();
    Q_EMIT dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole});
    return true;
}

Qt::ItemFlags ImageListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsDragEnabled;
}

} // namespace ui
