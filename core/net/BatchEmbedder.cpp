// SPDX-License-Identifier: MIT
#include "core/net/BatchEmbedder.h"

#include "core/net/ApiClient.h"
#include "core/util/Logging.h"

using namespace Qt::StringLiterals;

namespace core {

EmbeddingBatchJob::EmbeddingBatchJob(int total, BatchOptions options, QObject *parent)
    : BatchJob(total, parent)
    , m_options(options)
{
    m_embeddings.resize(total);
}

int EmbeddingBatchJob::chunkCount() const
{
    const int size = std::max(1, m_options.chunkSize);
    return (total() + size - 1) / size;
}

void EmbeddingBatchJob::begin()
{
    if (total() == 0)
        return finish(State::Succeeded);
    fill();
}

void EmbeddingBatchJob::fill()
{
    while (state() == State::Running && m_nextBegin < total()
        && runningParts() < m_options.maxInFlight) {
        const int begin = m_nextBegin;
        const int end = std::min(total(), begin + m_options.chunkSize);
        const int chunk = begin / m_options.chunkSize;
        m_nextBegin = end;
        ApiJob *job = sendChunk(begin, end);
        if (!job)
            return finish(State::Failed,
                ApiError::make(ApiError::Kind::InvalidRequest, u"the connection was closed"_s));
        addPart(job, chunk, [this, job, chunk, begin, end] {
            onChunkFinished(job, chunk, begin, end);
        });
    }
}

void EmbeddingBatchJob::onChunkFinished(ApiJob *job, int chunk, int begin, int end)
{
    const QString where = u"chunk %1 of %2 (inputs %3–%4)"_s.arg(chunk + 1)
                              .arg(chunkCount())
                              .arg(begin + 1)
                              .arg(end);
    ChunkResult result;
    ApiError error;
    if (job->state() != ApiJob::State::Succeeded) {
        error = job->error();
        error.message = where + u": "_s + error.message;
        qCInfo(lcNet) << "batch failed at" << where;
        return finish(State::Failed, error);
    }
    if (!readChunk(job, begin, end, &result, &error)) {
        error.message = where + u": "_s + error.message;
        return finish(State::Failed, error);
    }
    if (result.embeddings.size() != end - begin) {
        return finish(State::Failed,
            ApiError::make(ApiError::Kind::MalformedResponse,
                where
                    + u": %1 vectors for %2 inputs"_s.arg(result.embeddings.size())
                          .arg(end - begin)));
    }
    for (int i = begin; i < end; ++i)
        m_embeddings[i] = std::move(result.embeddings[i - begin]);
    m_tokens += result.tokens;
    if (chunk > m_lastChunkWithVersion) {
        m_lastChunkWithVersion = chunk;
        m_modelVersion = result.modelVersion;
    }
    Q_EMIT chunkFinished(begin, end);
    if (state() != State::Running)
        return; // a listener cancelled
    advance(end - begin);
    if (state() != State::Running)
        return; // a listener cancelled
    if (done() == total())
        return finish(State::Succeeded);
    fill();
}

BatchEmbedder::BatchEmbedder(ApiClient *client,
    const SemanticEmbeddingOptions &options,
    QList<Prompt> prompts,
    BatchOptions batch,
    QObject *parent)
    : BatchEmbedder(client, options, std::move(prompts), {}, batch, parent)
{}

BatchEmbedder *BatchEmbedder::ofTexts(ApiClient *client,
    const SemanticEmbeddingOptions &options,
    QStringList texts,
    BatchOptions batch,
    QObject *parent)
{
    return new BatchEmbedder(client, options, {}, std::move(texts), batch, parent);
}

BatchEmbedder::BatchEmbedder(ApiClient *client,
    const SemanticEmbeddingOptions &options,
    QList<Prompt> prompts,
    QStringList texts,
    BatchOptions batch,
    QObject *parent)
    : EmbeddingBatchJob(int(prompts.size() + texts.size()), batch, parent)
    , m_client(client)
    , m_options(options)
    , m_prompts(std::move(prompts))
    , m_texts(std::move(texts))
{
    if (batch.chunkSize < 1 || batch.chunkSize > kMaxPromptsPerBatch)
        failLater(ApiError::make(ApiError::Kind::InvalidRequest,
            u"batch size %1: must be 1..%2"_s.arg(batch.chunkSize).arg(kMaxPromptsPerBatch)));
    else if (batch.maxInFlight < 1)
        failLater(ApiError::make(ApiError::Kind::InvalidRequest,
            u"requests in flight %1: must be at least 1"_s.arg(batch.maxInFlight)));
}

ApiJob *BatchEmbedder::sendChunk(int begin, int end)
{
    if (!m_client)
        return nullptr;
    BatchSemanticEmbeddingRequest request;
    static_cast<SemanticEmbeddingOptions &>(request) = m_options;
    if (m_texts.isEmpty()) {
        request.prompts = m_prompts.mid(begin, end - begin);
    } else {
        request.prompts.reserve(end - begin);
        for (int i = begin; i < end; ++i)
            request.prompts.append(Prompt::fromText(m_texts.at(i)));
    }
    return m_client->batchSemanticEmbed(request);
}

bool BatchEmbedder::readChunk(ApiJob *job, int, int, ChunkResult *result, ApiError *)
{
    BatchSemanticEmbeddingResponse response
        = static_cast<BatchSemanticEmbeddingJob *>(job)->takeResult();
    result->embeddings = std::move(response.embeddings);
    result->tokens = response.numTokensPromptTotal.value_or(0);
    result->modelVersion = response.modelVersion.value_or(QString());
    return true;
}

} // namespace core
