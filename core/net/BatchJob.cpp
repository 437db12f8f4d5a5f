// SPDX-License-Identifier: MIT
#include "core/net/BatchJob.h"

using namespace Qt::StringLiterals;

namespace core {

BatchJob::BatchJob(int total, QObject *parent)
    : QObject(parent)
    , m_total(total)
{
    m_clock.start();
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_state != State::Running)
                return; // cancelled before the event loop came round
            if (m_error.isError())
                return finish(State::Failed, m_error); // refused by failLater()
            begin();
        },
        Qt::QueuedConnection);
}

BatchJob::~BatchJob()
{
    stopParts();
}

void BatchJob::failLater(const ApiError &error)
{
    m_error = error;
}

void BatchJob::addPart(ApiJob *part, int chunk, std::function<void()> onFinished)
{
    connect(part,
        &ApiJob::retrying,
        this,
        [this, chunk](int retry, int totalRetries, int delayMs, const ApiError &e) {
            Q_EMIT retrying(chunk, retry, totalRetries, delayMs, e);
        });
    watch(part, std::move(onFinished));
}

void BatchJob::addPart(BatchJob *part, std::function<void()> onFinished)
{
    connect(part, &BatchJob::retrying, this, &BatchJob::retrying);
    watch(part, std::move(onFinished));
}

template<class Job>
void BatchJob::watch(Job *part, std::function<void()> onFinished)
{
    m_parts.append({part, [](QObject *job) {
                        static_cast<Job *>(job)->cancel();
                    }});
    connect(part, &Job::finished, this, [this, part, onFinished = std::move(onFinished)] {
        untrack(part);
        if (m_state == State::Running)
            onFinished();
    });
    // A part deleted before it finished (its client or provider was deleted) would otherwise
    // leave the job waiting forever.
    connect(part, &QObject::destroyed, this, [this, part] {
        if (untrack(part) && m_state == State::Running)
            finish(State::Failed,
                ApiError::make(
                    ApiError::Kind::Interrupted, u"the connection was closed during the batch"_s));
    });
}

bool BatchJob::untrack(QObject *job)
{
    return m_parts.removeIf([job](const Part &part) { return part.job == job; }) > 0;
}

void BatchJob::advance(int count)
{
    m_done += count;
    Q_EMIT progress(m_done, m_total);
}

void BatchJob::cancel()
{
    if (m_state != State::Running)
        return;
    finish(State::Canceled);
}

void BatchJob::finish(State state, const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_state = state;
    m_error = state == State::Failed ? error : ApiError();
    stopParts();
    Q_EMIT finished();
    if (m_autoDelete)
        deleteLater();
}

void BatchJob::stopParts()
{
    // Disconnected first: a part's cancel() emits its finished() synchronously, which must not
    // reach this job any more.
    const QList<Part> parts = std::exchange(m_parts, {});
    for (const Part &part : parts) {
        part.job->disconnect(this);
        part.cancel(part.job);
    }
}

} // namespace core
