// SPDX-License-Identifier: MIT
#include "ui/embeddings/EmbeddingRowModel.h"

#include "ui/common/Palette.h"
#include "ui/embeddings/MapView.h"

#include <QBrush>

namespace ui {

EmbeddingRowModel::EmbeddingRowModel(const QStringList &headers, QObject *parent)
    : QAbstractTableModel(parent)
    , m_headers(headers)
{}

void EmbeddingRowModel::setTexts(const QStringList &texts)
{
    beginResetModel();
    m_texts = texts;
    m_rows.clear();
    endResetModel();
}

void EmbeddingRowModel::setRows(const QList<Row> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int EmbeddingRowModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EmbeddingRowModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EmbeddingRowModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == Number ? r.number
            : index.column() == Value   ? r.value
                                        : elideText(m_texts.value(r.dataRow), 200);
    case Qt::ToolTipRole:
        if (index.column() != Text)
            return {};
        return r.numbered
            ? QStringLiteral("#%1 %2").arg(r.dataRow + 1).arg(m_texts.value(r.dataRow))
            : m_texts.value(r.dataRow);
    case Qt::ForegroundRole:
        return index.column() == Number && r.coloured
            ? QVariant(QBrush(Palette::current().labelTextColor(r.label)))
            : QVariant();
    case Qt::UserRole:
        return r.dataRow;
    default:
        return {};
    }
}

QVariant EmbeddingRowModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section >= m_headers.size())
        return {};
    return m_headers.at(section);
}

} // namespace ui
