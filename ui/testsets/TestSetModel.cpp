// SPDX-License-Identifier: MIT
#include "ui/testsets/TestSetModel.h"

#include "core/workbench/Template.h"

namespace ui {

TestSetModel::TestSetModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void TestSetModel::setTestSet(const core::TestSet &set)
{
    beginResetModel();
    m_set = set;
    m_set.addTemplateVariables();
    endResetModel();
    Q_EMIT edited();
}

void TestSetModel::remember()
{
    m_undo.append(m_set);
    if (m_undo.size() > 50)
        m_undo.removeFirst();
}

bool TestSetModel::undo()
{
    if (m_undo.isEmpty())
        return false;
    beginResetModel();
    m_set = m_undo.takeLast();
    endResetModel();
    Q_EMIT edited();
    return true;
}

void TestSetModel::appendRows(const core::TestSet &rows)
{
    addVariables(rows.variables);
    if (rows.rows.isEmpty())
        return;
    beginInsertRows({}, int(m_set.rows.size()), int(m_set.rows.size() + rows.rows.size() - 1));
    m_set.rows += rows.rows;
    endInsertRows();
    Q_EMIT edited();
}

void TestSetModel::addRow(const QHash<QString, QString> &vars, const QString &expected)
{
    addVariables(vars.keys());
    beginInsertRows({}, int(m_set.rows.size()), int(m_set.rows.size()));
    m_set.rows.append({vars, expected, {}});
    endInsertRows();
    Q_EMIT edited();
}

void TestSetModel::addVariables(const QStringList &names)
{
    QStringList fresh;
    for (const QString &n : names) {
        if (!m_set.variables.contains(n) && !fresh.contains(n))
            fresh.append(n);
    }
    if (fresh.isEmpty())
        return;
    const int first = int(m_set.variables.size());
    beginInsertColumns({}, first, first + int(fresh.size()) - 1);
    m_set.variables += fresh;
    endInsertColumns();
    Q_EMIT edited();
}

void TestSetModel::setChecks(const QList<core::Check> &checks)
{
    m_set.checks = checks;
    Q_EMIT edited();
}

void TestSetModel::setVersions(const QList<core::TestedVersion> &versions)
{
    m_set.versions = versions;
    QStringList names;
    for (const core::TestedVersion &v : versions)
        names += core::templateVariables(v.promptTemplate);
    addVariables(names);
    Q_EMIT edited();
}

int TestSetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_set.rows.size());
}

int TestSetModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : checksColumn() + 1;
}

QVariant TestSetModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_set.rows.size())
        return {};
    const core::TestRow &row = m_set.rows.at(index.row());
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole)
        return {};
    if (index.column() < expectedColumn())
        return row.vars.value(m_set.variables.at(index.column()));
    if (index.column() == expectedColumn())
        return row.expected;
    QStringList checks;
    for (const core::Check &c : row.checks)
        checks.append(c.describe());
    return checks.join(QStringLiteral("; "));
}

bool TestSetModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.column() > expectedColumn())
        return false;
    core::TestRow &row = m_set.rows[index.row()];
    if (index.column() == expectedColumn())
        row.expected = value.toString();
    else
        row.vars.insert(m_set.variables.at(index.column()), value.toString());
    Q_EMIT dataChanged(index, index);
    Q_EMIT edited();
    return true;
}

QVariant TestSetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    if (section < expectedColumn())
        return QStringLiteral("{{ %1 }}").arg(m_set.variables.at(section));
    if (section == expectedColumn())
        return tr("Expected");
    return tr("Row checks");
}

Qt::ItemFlags TestSetModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() <= expectedColumn())
        f |= Qt::ItemIsEditable;
    return f;
}

bool TestSetModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_set.rows.size())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_set.rows.remove(row, count);
    endRemoveRows();
    Q_EMIT edited();
    return true;
}

} // namespace ui
