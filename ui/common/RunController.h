// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/ApiJob.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QAbstractButton;
class QLabel;

namespace core {
class BatchJob;
class RunRecorder;
} // namespace core

namespace ui {

/// The run path every tab shares (after KDE's KJob and KJobUiDelegate): it starts a job
/// (cancelling the previous one), refuses input with a "Not sent: …" text, shows progress,
/// retries, elapsed time and errors in the tab's one status line, toggles the Run and Stop
/// buttons, drops the answers of jobs it has replaced, and records every run through core's
/// RunRecorder (begun from the job, finished from how the job ended).
///
/// A tab reacts to ended(job) — its job, never a stale one — to show the result; the status
/// line then already holds the default text ("Stopped.", the error), which the tab may replace.
class RunController : public QObject
{
    Q_OBJECT
public:
    /// `tabKey` is the history's name of the tab ("tokenizer").
    explicit RunController(const QString &tabKey, QObject *parent = nullptr);
    ~RunController() override;

    void setRecorder(core::RunRecorder *recorder)
    {
        m_recorder = recorder;
    } ///< not owned; may be null
    core::RunRecorder *recorder() const { return m_recorder; }
    /// The tab's status line (not owned).
    void setStatusLabel(QLabel *label);
    /// Run is disabled while a job runs when `disableRunWhileBusy`; Stop is enabled only then.
    void setButtons(QAbstractButton *run, QAbstractButton *stop, bool disableRunWhileBusy = true);

    /// Shows "Not sent: <problem>" and returns false, so callers can `return refuse(...)`.
    bool refuse(const QString &problem);
    /// Runs `job` (just made by ApiClient): cancels the job before it, records a run, shows
    /// `busyText` ("Tokenizing…") with the elapsed seconds, and `retrying` as it happens.
    /// `record` false: not kept in the history (a follow-up the user did not ask for).
    void start(core::ApiJob *job, const QString &busyText, bool record = true);
    /// Runs `job`, a job made of several requests (an embedding batch), on the same path: cancels
    /// the job before it, shows `busyText` with the elapsed seconds and each part's retries
    /// ("Batch 2: …"), toggles Run and Stop, drops a replaced job's end, and ends with
    /// batchEnded(job), then finished(). It is not recorded here: the tab records it with the
    /// recorder's begin(tab, ApiCall) and finish(id, status, …), as it knows the call it stands
    /// for.
    void start(core::BatchJob *job, const QString &busyText);
    /// Cancels the running job (ended() or batchEnded() follows at once with Canceled). Idempotent.
    void stop();
    bool isBusy() const { return !m_job.isNull() || !m_batch.isNull(); }
    core::ApiJob *job() const { return m_job; }
    /// The history id of the running (or last) run; 0 when not recorded.
    qint64 runId() const { return m_runId; }

    /// A stream's text so far: kept with a cancelled or cut run, and written to the history at
    /// most every RunRecorder::partialSaveIntervalMs() while the stream runs.
    void setPartial(const QString &text);
    /// Inside ended(): what the history keeps as a successful run's answer instead of the job's
    /// own answerText(), and the token counts when known.
    void setAnswer(const QString &answer, int promptTokens = -1, int completionTokens = -1);
    /// Inside ended(): the token counts of a successful run whose answer is the job's own
    /// answerText() (made only when the run is recorded: a large answer costs milliseconds).
    void setTokens(int promptTokens, int completionTokens = -1);

    void setStatus(const QString &text);
    QString statusText() const;

    /// Presenter mode's reading pace for every stream: streamed text is shown at most this many
    /// characters a second (0, the default: as it arrives). A stream that ends before its text is
    /// all on show ends (ended(), finished()) once it is; Stop shows the rest at once.
    static void setReadingPace(int charactersPerSecond);
    static int readingPace();
    /// Shows a stream's `text` through `show`: at once, or at the reading pace. For the current
    /// job's deltas only (a replaced job's are the caller's to drop).
    void showStreamed(const QString &text, const std::function<void(const QString &)> &show);
    /// Characters received but not shown yet (the reading pace holds them).
    qsizetype pendingCharacters() const { return m_paced.size(); }

Q_SIGNALS:
    /// The current job ended (any state). Connect the tab's result handling here.
    void ended(core::ApiJob *job);
    /// The current BatchJob ended (any state), with the same default status text as ended().
    void batchEnded(core::BatchJob *job);
    /// After ended() and the history record: for the tab's own `finished()` and for tests.
    void finished();
    void busyChanged(bool busy);
    /// The current job failed once and will be retried: `reason` is the error in the UI's words.
    void retrying(const QString &reason);

private:
    void onFinished(core::ApiJob *job);
    void onBatchFinished(core::BatchJob *job);
    /// The current job has ended in `state`: stops the elapsed seconds, turns Run and Stop back and
    /// shows how a job that did not succeed ended ("Stopped.", the error).
    void wrapUp(core::ApiJob::State state, const core::ApiError &error);
    void setBusy(bool busy);
    void showElapsed();
    /// What onFinished() does once the stream's text is on show.
    void finishJob(core::ApiJob *job);
    /// Shows the next paced characters (all of them when `all`); ends a held job when done.
    void showPaced(bool all);

    QString m_tabKey;
    core::RunRecorder *m_recorder = nullptr;
    QPointer<QLabel> m_status;
    QPointer<QAbstractButton> m_run;
    QPointer<QAbstractButton> m_stop;
    bool m_disableRunWhileBusy = true;
    QPointer<core::ApiJob> m_job;
    QPointer<core::BatchJob> m_batch;
    qint64 m_runId = 0;
    QString m_busyText;
    QString m_partial;
    QString m_answer;
    int m_promptTokens = -1;
    int m_completionTokens = -1;
    QElapsedTimer m_partialClock;
    QTimer m_elapsedTimer;
    // The reading pace: text received and not shown yet, where it goes, and a job that ended
    // meanwhile (kept alive: setAutoDelete(false)).
    QString m_paced;
    std::function<void(const QString &)> m_pacedSink;
    QTimer m_paceTimer;
    QElapsedTimer m_paceClock;
    double m_paceCredit = 0;
    QPointer<core::ApiJob> m_heldJob;
};

} // namespace ui
