// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/ApiError.h"
#include "core/workbench/TestRun.h"
#include "core/workbench/TestSet.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

namespace core {

class ApiClient;
class ApiJob;

/// How a test run is sent.
struct TestRunOptions
{
    int concurrency = 4; ///< cells in flight at once, ≥ 1
    /// The model whose semantic embeddings decide similarity checks (/batch_semantic_embed,
    /// symmetric, both texts in one request).
    QString embeddingModel = QStringLiteral("luminous-base");
};

/// Runs the pending cells of a TestRun through an ApiClient (issue 23): per cell one
/// `/complete` with the version's template filled from the row (the version's `parameters` and
/// steering concepts sent with it, the column's model), then the pure checks, then one
/// `/batch_semantic_embed` (expected, answer) when the row has similarity checks and one
/// `/evaluate` (prompt, expected) when it has log-probability checks. At most
/// `options.concurrency` cells are in flight; each request retries by the client's RetryPolicy
/// (retries are counted per cell and announced with cellRetrying()). A failure is kept in the
/// cell that failed (state Error) and the run goes on.
///
/// cancel() stops the cells in flight (they become Pending again) and keeps the finished ones;
/// start() again resumes with the pending cells only. finished() fires once per start().
class TestRunner : public QObject
{
    Q_OBJECT
public:
    /// `client` must outlive the runner. `run` may hold finished cells from an earlier start
    /// (those are not sent again); its columns name versions of `set`.
    TestRunner(ApiClient *client,
        TestSet set,
        TestRun run,
        TestRunOptions options = {},
        QObject *parent = nullptr);
    ~TestRunner() override;

    /// A new run of `set` on `columns` with every cell pending, a fresh id and the time now.
    static TestRun newRun(const TestSet &set, const QList<RunColumn> &columns);
    /// Every version of `set` × every model of `models` (a version's own model when `models` is
    /// empty).
    static QList<RunColumn> columnsFor(const TestSet &set, const QStringList &models);

    const TestSet &testSet() const { return m_set; }
    const TestRun &run() const { return m_run; }
    /// Sets a cell's manual grade (TestRun::setGrade) and emits cellFinished() for it.
    void setGrade(int row, int column, const ManualGrade &grade);
    bool isRunning() const { return m_running; }
    /// `/complete` requests sent since construction (one per cell started; a cell whose template
    /// cannot be filled sends none).
    int completionsSent() const { return m_completionsSent; }
    /// Cells that were in flight when cancel() stopped them (they are pending again).
    int cellsCancelled() const { return m_cellsCancelled; }

public Q_SLOTS:
    /// Sends the pending cells (from the event loop). No-op while running.
    void start();
    /// Stops the cells in flight (back to Pending); emits finished(true) synchronously. No-op when
    /// not running.
    void cancel();

Q_SIGNALS:
    void cellStarted(int row, int column);
    /// The cell is Done or Error (also after a new grade).
    void cellFinished(int row, int column);
    /// A request of the cell will be retried (ApiJob::retrying).
    void cellRetrying(
        int row, int column, int retry, int totalRetries, int delayMs, const core::ApiError &error);
    /// `done` of `total` cells are finished.
    void progress(int done, int total);
    /// The run stopped: all cells finished, or cancel() (`canceled`).
    void finished(bool canceled);

private:
    struct Flight;
    void fill();
    void startCell(int index);
    void onCompletion(Flight *flight);
    void sendChecks(Flight *flight);
    void endCell(Flight *flight);
    void watch(Flight *flight, ApiJob *job);
    const TestedVersion *version(const QString &label) const;

    QPointer<ApiClient> m_client;
    TestSet m_set;
    TestRun m_run;
    TestRunOptions m_options;
    QList<Flight *> m_flights;
    int m_next = 0;
    int m_completionsSent = 0;
    int m_cellsCancelled = 0;
    bool m_running = false;
};

} // namespace core
