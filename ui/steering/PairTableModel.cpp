// SPDX-License-Identifier: MIT
#include "ui/steering/PairTableModel.h"

#include "ui/common/Palette.h"

#include <QBrush>

namespace ui {

PairTableModel::PairTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void PairTableModel::setPairs(const QList<core::SteeringConceptExample> &pairs)
{
    beginResetModel();
    m_rows.clear();
    for (const core::SteeringConceptExample &p : pairs)
        m_rows.append({p.negative, p.positive});
    m_problems.clear();
    endResetModel();
}

QList<core::SteeringConceptExample> PairTableModel::pairs() const
{
    QList<core::SteeringConceptExample> out;
    for (const QStringList &row : m_rows)
        out.append({row.at(Negative), row.at(Positive), {}});
    return out;
}

void PairTableModel::appendPair(const QString &negative, const QString &positive)
{
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append({negative, positive});
    endInsertRows();
}

void PairTableModel::swapRows(int a, int b)
{
    if (a < 0 || b < 0 || a >= m_rows.size() || b >= m_rows.size() || a == b)
        return;
    m_rows.swapItemsAt(a, b);
    Q_EMIT dataChanged(index(std::min(a, b), 0), index(std::max(a, b), ColumnCount - 1));
}

void PairTableModel::setProblems(const QHash<int, QString> &problems)
{
    m_problems = problems;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0),
            index(int(m_rows.size()) - 1, ColumnCount - 1),
            {Qt::BackgroundRole, Qt::ToolTipRole});
}

int PairTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PairTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PairTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return m_rows.at(index.row()).at(index.column());
    case Qt::BackgroundRole:
        return m_problems.contains(index.row()) ? QVariant(QBrush(Palette::current().problemFill))
                                                : QVariant();
    case Qt::ToolTipRole:
        return m_problems.value(index.row());
    default:
        return {};
    }
}

bool PairTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    QString &cell = m_rows[index.row()][index.column()];
    if (cell == value.toString())
        return true;
    cell = value.toString();
    Q_EMIT dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole});
    Q_EMIT edited();
    return true;
}

Qt::ItemFlags PairTableModel::flags(const QModelIndex &index) const
{
    return index.isValid() ? QAbstractTableModel::flags(index) | Qt::ItemIsEditable
                           : QAbstractTableModel::flags(index);
}

QVariant PairTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0
        && section < ColumnCount)
        return section == Negative ? tr("negative (steer away)") : tr("positive (steer toward)");
    return QAbstractTableModel::headerData(section, orientation, role);
}

bool PairTableModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_rows.size())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_rows.remove(row, count);
    endRemoveRows();
    return true;
}

} // namespace ui
