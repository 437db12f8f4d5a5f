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

qint64 RunRecorder::begin(const QString &tab, const ApiJob &job)
{
    if (!m_store)
        return 0;
    return begin(tab,
        ApiCall::fromRecord(job.endpoint(), QJsonDocument::fromJson(job.requestBody()).object()));
}

qint64 RunRecorder::begin(const QString &tab, const ApiCall &call)
{
    return m_store ? m_store->beginRun(tab, m_profile, call.model, call.endpoint, call.body) : 0;
}

void RunRecorder::savePartial(qint64 id, const QString &partial)
{
    if (m_store && id)
        m_store->savePartial(id, partial);
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
        if (m_store && id)
            m_store->finishRun(id,
                RunStatus::Succeeded,
                answer.isNull() ? job.answerText() : answer,
                QString(),
                job.elapsedMs(),
                promptTokens,
                completionTokens,
                QStringLiteral(""));
        break;
    case ApiJob::State::Canceled:
        if (m_store && id)
            m_store->finishRun(id,
                RunStatus::Canceled,
                QString(),
                QString(),
                job.elapsedMs(),
                promptTokens,
                completionTokens,
                partial.isNull() ? QStringLiteral("") : partial);
        break;
    case ApiJob::State::Failed:
        if (m_store && id)
            m_store->finishRun(id,
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
    if (m_store && id)
        m_store->finishRun(id, status, response, error, ms, promptTokens, completionTokens);
}

} // namespace core
