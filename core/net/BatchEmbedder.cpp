// SPDX-License-Identifier: MIT
#include "core/net/BatchEmbedder.h"

#include "core/net/ApiClient.h"
#include "core/util/Logging.h"

using namespace Qt::StringLiterals;

namespace core {

EmbeddingBatchJob::EmbeddingBatchJob(int total, BatchOptions options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_total(total)
{
    m_embeddings.resize(total);
}

EmbeddingBatchJob::~EmbeddingBatchJob()
{
    const QList<ApiJob *> running = m_running;
    for (ApiJob *job : running) {
        job->disconnect(this);
        job->cancel();
    }
}

int EmbeddingBatchJob::chunkCount() const
{
    const int size = std::max(1, m_options.chunkSize);
    return (m_total + size - 1) / size;
}

void EmbeddingBatchJob::start()
{
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_state != State::Running)
                return;
            if (m_total == 0)
                return finish(State::Succeeded);
            fill();
        },
        Qt::QueuedConnection);
}

void EmbeddingBatchJob::failLater(const ApiError &error)
{
    m_error = error;
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_state == State::Running)
                finish(State::Failed);
        },
        Qt::QueuedConnection);
}

void EmbeddingBatchJob::fill()
{
    while (m_state == State::Running && m_nextBegin < m_total && m_running.size() < m_options.maxInFlight) {
        const int begin = m_nextBegin;
        const int end = std::min(m_total, begin + m_options.chunkSize);
        const int chunk = begin / m_options.chunkSize;
        m_nextBegin = end;
        ApiJob *job = sendChunk(begin, end);
        if (!job) {
            m_error = ApiError::make(ApiError::Kind::InvalidRequest, u"the connection was closed"_s);
            return finish(State::Failed);
        }
        m_running.append(job);
        connect(job, &ApiJob::retrying, this, [this, chunk](int retry, int totalRetries, int delayMs, const ApiError &e) {
            Q_EMIT retrying(chunk, retry, totalRetries, delayMs, e);
        });
        connect(job, &ApiJob::finished, this, [this, job, chunk, begin, end] {
            onChunkFinished(job, chunk, begin, end);
        });
        // A chunk deleted before it finished (its client was deleted) would otherwise leave the
        // batch waiting forever.
        connect(job, &QObject::destroyed, this, [this, job] {
            if (m_running.removeAll(job) > 0 && m_state == State::Running) {
                m_error = ApiError::make(ApiError::Kind::Interrupted, u"the connection was closed during the batch"_s);
                finish(State::Failed);
            }
        });
    }
}

void EmbeddingBatchJob::onChunkFinished(ApiJob *job, int chunk, int begin, int end)
{
    m_running.removeAll(job);
    if (m_state != State::Running)
        return;
    const QString where = u"chunk %1 of %2 (inputs %3–%4)"_s.arg(chunk + 1).arg(chunkCount()).arg(begin + 1).arg(end);
    if (job->state() != ApiJob::State::Succeeded) {
        m_error = job->error();
        m_error.message = where + u": "_s + m_error.message;
        qCInfo(lcNet) << "batch failed at" << where;
        return finish(State::Failed);
    }
    ChunkResult result;
    ApiError error;
    if (!readChunk(job, begin, end, &result, &error)) {
        m_error = error;
        m_error.message = where + u": "_s + error.message;
        return finish(State::Failed);
    }
    if (result.embeddings.size() != end - begin) {
        m_error = ApiError::make(ApiError::Kind::MalformedResponse,
                                 where + u": %1 vectors for %2 inputs"_s.arg(result.embeddings.size()).arg(end - begin));
        return finish(State::Failed);
    }
    for (int i = begin; i < end; ++i)
        m_embeddings[i] = std::move(result.embeddings[i - begin]);
    m_tokens += result.tokens;
    if (chunk > m_lastChunkWithVersion) {
        m_lastChunkWithVersion = chunk;
        m_modelVersion = result.modelVersion;
    }
    m_done += end - begin;
    Q_EMIT chunkFinished(begin, end);
    if (m_state != State::Running)
        return; // a listener cancelled
    Q_EMIT progress(m_done, m_total);
    if (m_state != State::Running)
        return; // a listener cancelled
    if (m_done == m_total)
        return finish(State::Succeeded);
    fill();
}

void EmbeddingBatchJob::cancel()
{
    if (m_state != State::Running)
        return;
    m_state = State::Canceled; // first: each chunk's cancel() re-enters onChunkFinished()
    const QList<ApiJob *> running = m_running;
    for (ApiJob *job : running)
        job->cancel();
    finish(State::Canceled);
}

void EmbeddingBatchJob::finish(State state)
{
    if (m_finished)
        return;
    m_finished = true;
    m_state = state;
    if (state == State::Succeeded) {
        m_error = ApiError();
    } else {
        const QList<ApiJob *> running = m_running;
        m_running.clear();
        for (ApiJob *job : running) {
            job->disconnect(this);
            job->cancel();
        }
    }
    Q_EMIT finished();
    if (m_autoDelete)
        deleteLater();
}

BatchEmbedder::BatchEmbedder(ApiClient *client,
                             const SemanticEmbeddingOptions &options,
                             QList<Prompt> prompts,
                             BatchOptions batch,
                             QObject *parent)
    : EmbeddingBatchJob(int(prompts.size()), batch, parent)
    , m_client(client)
    , m_options(options)
    , m_prompts(std::move(prompts))
{
    if (batch.chunkSize < 1 || batch.chunkSize > kMaxPromptsPerBatch)
        failLater(ApiError::make(ApiError::Kind::InvalidRequest,
                                 u"batch size %1: must be 1..%2"_s.arg(batch.chunkSize).arg(kMaxPromptsPerBatch)));
    else if (batch.maxInFlight < 1)
        failLater(ApiError::make(ApiError::Kind::InvalidRequest,
                                 u"requests in flight %1: must be at least 1"_s.arg(batch.maxInFlight)));
    else
        start();
}

ApiJob *BatchEmbedder::sendChunk(int begin, int end)
{
    if (!m_client)
        return nullptr;
    BatchSemanticEmbeddingRequest request;
    static_cast<SemanticEmbeddingOptions &>(request) = m_options;
    request.prompts = m_prompts.mid(begin, end - begin);
    return m_client->batchSemanticEmbed(request);
}

bool BatchEmbedder::readChunk(ApiJob *job, int, int, ChunkResult *result, ApiError *)
{
    BatchSemanticEmbeddingResponse response = static_cast<BatchSemanticEmbeddingJob *>(job)->takeResult();
    result->embeddings = std::move(response.embeddings);
    result->tokens = response.numTokensPromptTotal.value_or(0);
    result->modelVersion = response.modelVersion.value_or(QString());
    return true;
}

} // namespace core
