// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/ApiError.h"
#include "core/net/ApiJob.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>

#include <functional>

namespace core {

/// A job made of several parts, each an ApiJob or another BatchJob: the common half of
/// EmbeddingBatchJob (chunks of one list) and CachedEmbeddingJob (an embedding batch behind a
/// cache). It has ApiJob's life cycle, so callers treat one request and many alike:
///
/// - it starts by itself from the event loop (begin()), never inside the call that created it;
/// - finished() fires exactly once; cancel() is idempotent and emits it synchronously, like
///   ApiJob::cancel() and QNetworkReply::abort();
/// - when it ends other than by success, or is deleted, the parts still running are disconnected
///   and cancelled; a part deleted while running (its ApiClient or provider went away) fails the
///   job with ApiError::Kind::Interrupted;
/// - with autoDelete (the default) it deletes itself after finished().
///
/// Subclasses implement begin(), add their requests with addPart(), report with advance() and end
/// with finish().
class BatchJob : public QObject
{
    Q_OBJECT
public:
    /// ApiJob's states, so that `job->state() == ApiJob::State::Succeeded` reads the same for both.
    using State = ApiJob::State;

    ~BatchJob() override;

    State state() const { return m_state; }
    /// Why the job failed: Kind::None unless state() is Failed. A part's error names the part
    /// where the subclass knows it ("chunk 4 of 10 (inputs 301–400): ...").
    const ApiError &error() const { return m_error; }
    /// Milliseconds since the job was created, ≥ 0.
    qint64 elapsedMs() const { return m_clock.elapsed(); }
    /// How many inputs the job has, ≥ 0 (texts, prompts); fixed at construction.
    int total() const { return m_total; }
    /// Inputs finished so far, 0..total(); equal to total() once the job has succeeded.
    int done() const { return m_done; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

    /// Idempotent: cancels every running part and emits finished() with Canceled, synchronously.
    void cancel();

Q_SIGNALS:
    /// `done` of `total` inputs are finished (0 ≤ done ≤ total); emitted as parts finish.
    void progress(int done, int total);
    /// Part `chunk` (0-based, in input order) will be retried: retry `retry` of `totalRetries`
    /// after `delayMs` ms, because of `error` (ApiJob::retrying); for a status line.
    void retrying(int chunk, int retry, int totalRetries, int delayMs, const core::ApiError &error);
    /// The job has ended: state() is Succeeded, Failed or Canceled. Exactly once.
    void finished();

protected:
    /// `total` inputs (≥ 0). Schedules begin() on the event loop.
    BatchJob(int total, QObject *parent);

    /// Runs once from the event loop, unless the job was cancelled or failLater() was called
    /// first: sends the first parts, or finishes at once.
    virtual void begin() = 0;
    /// From a subclass constructor: the job fails with `error` from the event loop, and begin()
    /// is not called (bad options, bad input: nothing is sent).
    void failLater(const ApiError &error);
    /// Watches a started request as part `chunk`: its retries are announced with retrying(), and
    /// `onFinished` runs when it finishes while this job is still running (the part has left
    /// runningParts() by then). The part must not finish synchronously inside this call.
    void addPart(ApiJob *part, int chunk, std::function<void()> onFinished);
    /// The same for a nested batch; its retrying() signals are passed on as they are.
    void addPart(BatchJob *part, std::function<void()> onFinished);
    /// Parts added and not yet finished, cancelled or deleted.
    int runningParts() const { return int(m_parts.size()); }
    /// `count` more inputs are finished: done() grows and progress() is emitted (also for 0).
    /// A listener may cancel: check state() afterwards.
    void advance(int count);
    /// Ends the job (no-op once ended): Succeeded and Canceled clear error(), Failed sets it to
    /// `error`. Stops the running parts, emits finished(), then deletes the job if autoDelete.
    void finish(State state, const ApiError &error = {});

private:
    template<class Job>
    void watch(Job *part, std::function<void()> onFinished);
    bool untrack(QObject *job);
    void stopParts();

    struct Part
    {
        QObject *job; // removed on finished() and on destroyed(), so never dangling
        void (*cancel)(QObject *); // the part's own cancel()
    };

    QList<Part> m_parts;
    QElapsedTimer m_clock;
    ApiError m_error;
    State m_state = State::Running;
    int m_total = 0;
    int m_done = 0;
    bool m_autoDelete = true;
    bool m_finished = false;
};

} // namespace core
