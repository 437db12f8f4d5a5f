// SPDX-License-Identifier: MIT
#include "ui/testsets/TestResultsModel.h"

#include "ui/common/Palette.h"

namespace ui {

TestResultsModel::TestResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_headerTimer.setSingleShot(true);
    m_headerTimer.setInterval(100);
    connect(&m_headerTimer, &QTimer::timeout, this, [this] {
        if (m_firstDirtyColumn >= 0 && m_lastDirtyColumn < columnCount())
            Q_EMIT headerDataChanged(Qt::Horizontal, m_firstDirtyColumn, m_lastDirtyColumn);
        m_firstDirtyColumn = m_lastDirtyColumn = -1;
    });
}

void TestResultsModel::setRun(const core::TestSet &set, const core::TestRun &run)
{
    beginResetModel();
    m_set = set;
    m_run = run;
    m_newlyFailing.clear();
    m_newlyPassing.clear();
    m_firstDirtyColumn = m_lastDirtyColumn = -1;
    endResetModel();
}

void TestResultsModel::updateCell(const core::TestRun &run, int row, int column)
{
    if (row >= m_run.rowCount || column >= m_run.columns.size())
        return;
    m_run.cell(row, column) = run.cell(row, column);
    const QModelIndex i = index(row, column);
    Q_EMIT dataChanged(i, i);
    m_firstDirtyColumn = m_firstDirtyColumn < 0 ? column : std::min(m_firstDirtyColumn, column);
    m_lastDirtyColumn = std::max(m_lastDirtyColumn, column);
    if (!m_headerTimer.isActive())
        m_headerTimer.start();
}

void TestResultsModel::setComparison(const core::RunComparison &comparison)
{
    m_newlyFailing.clear();
    m_newlyPassing.clear();
    const int columns = int(m_run.columns.size());
    for (const auto &c : comparison.newlyFailing)
        m_newlyFailing.insert(c.row * columns + c.column);
    for (const auto &c : comparison.newlyPassing)
        m_newlyPassing.insert(c.row * columns + c.column);
    if (rowCount() > 0 && columnCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

int TestResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_run.rowCount;
}

int TestResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_run.columns.size());
}

QVariant TestResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const core::CellResult &c = m_run.cell(index.row(), index.column());
    const int cellIndex = index.row() * int(m_run.columns.size()) + index.column();
    const int change
        = m_newlyFailing.contains(cellIndex) ? -1 : (m_newlyPassing.contains(cellIndex) ? 1 : 0);
    using State = core::CellResult::State;
    switch (role) {
    case Qt::DisplayRole: {
        QString mark;
        switch (c.state) {
        case State::Pending:
            return QString();
        case State::Running:
            return tr("running…");
        case State::Error:
            return tr("⚠ %1").arg(c.error.left(60));
        case State::Done:
            mark = c.passed() ? QStringLiteral("✓") : QStringLiteral("✗");
            break;
        }
        if (change)
            mark += change < 0 ? QStringLiteral("▼") : QStringLiteral("▲");
        QString answer = c.answer.simplified();
        if (answer.size() > 40)
            answer = answer.left(39) + QStringLiteral("…");
        QString line = tr("%1 tok · %2 ms").arg(c.promptTokens + c.completionTokens).arg(c.ms);
        if (c.retries > 0)
            line += QLatin1Char(' ') + tr("· %n retry(s)", nullptr, c.retries);
        return QString(mark + QLatin1Char(' ') + answer + QLatin1Char('\n') + line);
    }
    case Qt::ToolTipRole: {
        if (c.state == State::Error)
            return c.error;
        QStringList reasons;
        for (const core::CheckResult &r : c.checks)
            reasons.append((r.passed() ? QStringLiteral("✓ ")
                                       : (r.failed() ? QStringLiteral("✗ ") : QStringLiteral("· ")))
                + r.reason);
        if (change)
            reasons.prepend(change < 0 ? tr("Newly failing") : tr("Newly passing"));
        return reasons.join(QLatin1Char('\n'));
    }
    case Qt::BackgroundRole:
        if (c.state == State::Done && c.passed())
            return Palette::current().diffAdded;
        if (c.failed())
            return Palette::current().diffRemoved;
        return {};
    case Qt::ForegroundRole:
        if (c.state == State::Done || c.failed())
            return Palette::current().textOn(
                c.passed() ? Palette::current().diffAdded : Palette::current().diffRemoved);
        return Palette::current().mutedText;
    case StateRole:
        return int(c.state);
    case PassedRole:
        return c.passed();
    case ChangeRole:
        return change;
    default:
        return {};
    }
}

QVariant TestResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole)
            return section + 1;
        if (role == Qt::ToolTipRole && section < m_set.rows.size()) {
            QStringList vars;
            for (const QString &name : m_set.variables)
                vars.append(name + QStringLiteral(" = ") + m_set.rows.at(section).vars.value(name));
            vars.append(tr("expected: %1").arg(m_set.rows.at(section).expected));
            return vars.join(QLatin1Char('\n'));
        }
        return {};
    }
    if (section >= m_run.columns.size() || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const std::optional<double> rate = m_run.passRate(section);
    const QString passLine = rate ? tr("%1% passed (%2 of %3)")
                                        .arg(qRound(*rate * 100))
                                        .arg(m_run.passedCount(section))
                                        .arg(m_run.finishedCount(section))
                                  : tr("not run yet");
    return QString(tr("Version %1").arg(m_run.columns.at(section).version) + QLatin1Char('\n')
        + m_run.columns.at(section).model + QLatin1Char('\n') + passLine);
}

} // namespace ui
