// SPDX-License-Identifier: MIT
#include "core/storage/RunRecorder.h"

#include "core/api/ApiError.h"
#include "core/net/ApiJob.h"

#include <QJsonDocument>

namespace core {

QString RunRecorder::errorText(const ApiError &error) const
{
    return m_errorText ? m_errorText(error) : error.message;
}

void RunRecorder::setStore(HistoryStore *store)
{
    m_store = store;
    if (!m_store) {
        if (!m_pending)
            m_kept.clear();
        return;
    }
    m_pending = false;
    for (const KeptRun &run : std::exchange(m_kept, {})) {
        const qint64 id
            = m_store->beginRun(run.tab, run.profile, run.model, run.endpoint, run.body);
        if (!id)
            continue;
        m_storedIds.insert(run.id, id);
        if (!run.partial.isNull())
            m_store->savePartial(id, run.partial);
        if (run.finished)
            m_store->finishRun(id,
                run.status,
                run.response,
                run.error,
                run.ms,
                run.promptTokens,
                run.completionTokens,
                run.finalPartial);
    }
}

RunRecorder::KeptRun *RunRecorder::kept(qint64 id)
{
    for (KeptRun &run : m_kept) {
        if (run.id == id)
            return &run;
    }
    return nullptr;
}

qint64 RunRecorder::storedId(qint64 id) const
{
    return id < 0 ? m_storedIds.value(id) : id;
}

qint64 RunRecorder::begin(const QString &tab, const ApiJob &job)
{
    if (!m_store && !m_pending)
        return 0;
    return begin(tab,
        ApiCall::fromRecord(job.endpoint(), QJsonDocument::fromJson(job.requestBody()).object()));
}

qint64 RunRecorder::begin(const QString &tab, const ApiCall &call)
{
    if (m_store)
        return m_store->beginRun(tab, m_profile, call.model, call.endpoint, call.body);
    if (!m_pending)
        return 0;
    KeptRun run;
    run.id = m_nextProvisional--;
    run.tab = tab;
    run.profile = m_profile;
    run.model = call.model;
    run.endpoint = call.endpoint;
    run.body = call.body;
    m_kept.push_back(std::move(run));
    return m_kept.back().id;
}

void RunRecorder::savePartial(qint64 id, const QString &partial)
{
    if (KeptRun *run = kept(id)) {
        if (!run->finished)
            run->partial = partial;
    } else if (m_store && storedId(id)) {
        m_store->savePartial(storedId(id), partial);
    }
}

void RunRecorder::finishRun(qint64 id,
    RunStatus status,
    const QString &response,
    const QString &error,
    qint64 ms,
    int promptTokens,
    int completionTokens,
    const QString &partial)
{
    if (KeptRun *run = kept(id)) {
        run->finished = true;
        run->status = status;
        run->response = response;
        run->error = error;
        run->ms = ms;
        run->promptTokens = promptTokens;
        run->completionTokens = completionTokens;
        run->finalPartial = partial;
        if (m_observer) {
            RunRecord record;
            record.id = run->id;
            record.tab = run->tab;
            record.profile = run->profile;
            record.model = run->model;
            record.endpoint = run->endpoint;
            record.request = run->body;
            record.response = response;
            record.partial = partial.isNull() ? run->partial : partial;
            record.error = error;
            record.status = status;
            record.durationMs = ms;
            record.finishedAt = QDateTime::currentDateTimeUtc();
            record.startedAt = ms >= 0 ? record.finishedAt.addMSecs(-ms) : record.finishedAt;
            record.promptTokens = promptTokens;
            record.completionTokens = completionTokens;
            m_observer(record);
        }
    } else if (m_store && storedId(id)) {
        m_store->finishRun(
            storedId(id), status, response, error, ms, promptTokens, completionTokens, partial);
        if (m_observer) {
            if (const std::optional<RunRecord> record = m_store->run(storedId(id)))
                m_observer(*record);
        }
    }
}

void RunRecorder::finish(qint64 id,
    const ApiJob &job,
    const QString &answer,
    const QString &partial,
    int promptTokens,
    int completionTokens)
{
    switch (job.state()) {
    case ApiJob::State::Succeeded:
        finishRun(id,
            RunStatus::Succeeded,
            answer.isNull() ? job.answerText() : answer,
            QString(),
            job.elapsedMs(),
            promptTokens,
            completionTokens,
            QStringLiteral(""));
        break;
    case ApiJob::State::Canceled:
        finishRun(id,
            RunStatus::Canceled,
            QString(),
            QString(),
            job.elapsedMs(),
            promptTokens,
            completionTokens,
            partial.isNull() ? QStringLiteral("") : partial);
        break;
    case ApiJob::State::Failed:
        finishRun(id,
            job.error().kind == ApiError::Kind::Interrupted ? RunStatus::Interrupted
                                                            : RunStatus::Failed,
            QString(),
            errorText(job.error()),
            job.elapsedMs(),
            promptTokens,
            completionTokens,
            partial.isNull() ? QStringLiteral("") : partial);
        break;
    case ApiJob::State::Running:
        break;
    }
}

void RunRecorder::finish(qint64 id,
    RunStatus status,
    const QString &response,
    const QString &error,
    qint64 ms,
    int promptTokens,
    int completionTokens)
{
    finishRun(id, status, response, error, ms, promptTokens, completionTokens, QString());
}

} // namespace core
