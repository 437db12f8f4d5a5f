// SPDX-License-Identifier: MIT
#include "ui/steering/SteeringLibraryModel.h"

#include "ui/common/Palette.h"

#include <QBrush>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace ui {

SteeringLibraryModel::SteeringLibraryModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void SteeringLibraryModel::setEntries(
    const QList<core::SteeringConceptEntry> &entries, const QString &host)
{
    const int before = int(m_entries.size());
    const int after = int(entries.size());
    if (after < before) {
        beginRemoveRows({}, after, before - 1);
        m_entries.resize(after);
        endRemoveRows();
    } else if (after > before) {
        beginInsertRows({}, before, after - 1);
        m_entries.append(entries.mid(before));
        endInsertRows();
    }
    m_host = host;
    m_entries = entries;
    if (after > 0)
        Q_EMIT dataChanged(index(0, 0), index(after - 1, ColumnCount - 1));
}

int SteeringLibraryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int SteeringLibraryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SteeringLibraryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::SteeringConceptEntry &e = m_entries.at(index.row());
    const bool elsewhere = e.host != m_host;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case Name:
            return e.name;
        case Id:
            return e.conceptId.size() > 12 ? u"…"_s + e.conceptId.right(10) : e.conceptId;
        case Profile:
            return e.profile;
        default:
            return QLocale().toString(e.createdAt.toLocalTime(), QLocale::ShortFormat);
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Name:
            return e.description.isEmpty() ? e.name : e.name + u"\n"_s + e.description;
        case Id:
            return e.conceptId;
        case Profile:
            return elsewhere
                ? tr("Made on %1; its id works there only. Re-create it here to use it on %2.")
                      .arg(e.host, m_host)
                : e.host;
        default:
            return {};
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == Profile && elsewhere)
            return QBrush(Palette::current().mutedText);
        return {};
    default:
        return {};
    }
}

bool SteeringLibraryModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != Name
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    if (value.toString() != m_entries.at(index.row()).name)
        Q_EMIT renameRequested(index.row(), value.toString());
    return true;
}

Qt::ItemFlags SteeringLibraryModel::flags(const QModelIndex &index) const
{
    const Qt::ItemFlags base = QAbstractTableModel::flags(index);
    return index.isValid() && index.column() == Name ? base | Qt::ItemIsEditable : base;
}

QVariant SteeringLibraryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("name");
    case Id:
        return tr("id");
    case Profile:
        return tr("profile");
    default:
        return tr("created");
    }
}

} // namespace ui
