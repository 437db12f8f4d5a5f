// SPDX-License-Identifier: MIT
#include "ui/translation/SegmentTableModel.h"

#include "ui/common/Palette.h"

#include <QBrush>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace ui {

SegmentTableModel::SegmentTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

QColor SegmentTableModel::scoreColor(double score)
{
    return Palette::current().translationScore(score);
}

void SegmentTableModel::setRows(const QList<Row> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void SegmentTableModel::clear()
{
    setRows({});
}

void SegmentTableModel::setTranslation(int row, const QString &text, bool failed)
{
    if (row < 0 || row >= m_rows.size())
        return;
    m_rows[row].translation = text;
    m_rows[row].failed = failed;
    Q_EMIT dataChanged(index(row, Translation), index(row, Translation));
}

void SegmentTableModel::setScore(int row, double score)
{
    if (row < 0 || row >= m_rows.size())
        return;
    m_rows[row].score = score;
    Q_EMIT dataChanged(index(row, Score), index(row, Score));
}

void SegmentTableModel::setLinesMode(bool perLine)
{
    m_perLine = perLine;
    Q_EMIT headerDataChanged(Qt::Horizontal, Number, Number);
}

QStringList SegmentTableModel::headerTexts() const
{
    QStringList out;
    for (int c = 0; c < ColumnCount; ++c)
        out.append(headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
    return out;
}

QStringList SegmentTableModel::rowTexts(int row) const
{
    QStringList out;
    for (int c = 0; c < ColumnCount; ++c)
        out.append(data(index(row, c), Qt::DisplayRole).toString());
    return out;
}

int SegmentTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SegmentTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SegmentTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case Number:
            return QString::number(index.row() + 1);
        case Source:
            return r.source;
        case Translation:
            return r.translation;
        case Score:
            return r.score ? QLocale().toString(*r.score, 'f', 3) : QString();
        }
        break;
    case Qt::BackgroundRole:
        if (index.column() == Score && r.score)
            return QBrush(scoreColor(*r.score));
        break;
    case Qt::ForegroundRole:
        if (index.column() == Score && r.score)
            return QBrush(Palette::current().textOn(scoreColor(*r.score)));
        if (index.column() == Translation && r.failed)
            return QBrush(Palette::current().error);
        break;
    default:
        break;
    }
    return {};
}

QVariant SegmentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Number:
        return m_perLine ? tr("line") : tr("segment");
    case Source:
        return tr("source");
    case Translation:
        return tr("translation");
    default:
        return tr("score");
    }
}

} // namespace ui
