// SPDX-License-Identifier: MIT
#pragma once

#include "core/workbench/TestRun.h"
#include "core/workbench/TestSet.h"

#include <QAbstractTableModel>
#include <QSet>
#include <QTimer>

namespace ui {

/// The results grid of a test run: one row per test-set row, one column per prompt version ×
/// model. A cell shows pass (✓) or fail (✗), the start of the answer, tokens and time, and is
/// filled green or red; the column header carries the column's pass rate. Cells that newly fail
/// or newly pass against a compared run are marked ▼ / ▲.
class TestResultsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        StateRole = Qt::UserRole + 1, ///< int(core::CellResult::State)
        PassedRole, ///< bool: finished and passed
        ChangeRole, ///< int: −1 newly failing, +1 newly passing, 0 otherwise
    };
    explicit TestResultsModel(QObject *parent = nullptr);

    /// Shows `run` of `set` (copies; update with updateCell()).
    void setRun(const core::TestSet &set, const core::TestRun &run);
    const core::TestRun &run() const { return m_run; }
    const core::TestSet &testSet() const { return m_set; }
    /// Takes the cell's new state from `run` and repaints it; its column's header (pass rate)
    /// follows within 100 ms (headers are repainted at most 10 times a second).
    void updateCell(const core::TestRun &run, int row, int column);
    /// Marks the cells `comparison` names (empty: no marks).
    void setComparison(const core::RunComparison &comparison);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    core::TestSet m_set;
    core::TestRun m_run;
    QTimer m_headerTimer;
    int m_firstDirtyColumn = -1;
    int m_lastDirtyColumn = -1;
    QSet<int> m_newlyFailing; // cell indices
    QSet<int> m_newlyPassing;
};

} // namespace ui
