// SPDX-License-Identifier: MIT
#pragma once

#include "core/workbench/TestSet.h"

#include <QAbstractTableModel>

namespace ui {

/// A test set as an editable table: one column per variable, then "Expected", then the row's own
/// checks (read-only, described). Edits change the set in place; rows can be added and removed.
class TestSetModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit TestSetModel(QObject *parent = nullptr);

    const core::TestSet &testSet() const { return m_set; }
    /// Replaces the whole set (after opening or importing).
    void setTestSet(const core::TestSet &set);
    /// Appends rows (an import added to the table); their new variables become columns.
    void appendRows(const core::TestSet &rows);
    /// Appends one row with these variable values (new names become columns).
    void addRow(const QHash<QString, QString> &vars, const QString &expected = {});
    /// Adds columns for variables of `templateText` that have none yet.
    void addVariables(const QStringList &names);
    /// The set's own checks and versions (edited elsewhere) are written back through these.
    void setChecks(const QList<core::Check> &checks);
    void setVersions(const QList<core::TestedVersion> &versions);
    void setName(const QString &name) { m_set.name = name; }
    /// Keeps the set as it is now, for undo() (call before a change that loses something:
    /// removing rows, versions or checks, opening another file). At most 50 are kept.
    void remember();
    /// Brings back the set last remembered; false when there is none.
    bool undo();
    bool canUndo() const { return !m_undo.isEmpty(); }

    int expectedColumn() const { return int(m_set.variables.size()); }
    int checksColumn() const { return expectedColumn() + 1; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

Q_SIGNALS:
    /// Anything of the set changed (cells, rows, columns, checks, versions).
    void edited();

private:
    core::TestSet m_set;
    QList<core::TestSet> m_undo;
};

} // namespace ui
