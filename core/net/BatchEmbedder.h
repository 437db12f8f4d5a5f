// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Embedding.h"
#include "core/net/ApiJob.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace core {

class ApiClient;

/// How a long list is cut into requests.
struct BatchOptions
{
    int chunkSize = kMaxPromptsPerBatch; ///< prompts per request, 1..100 for /batch_semantic_embed
    int maxInFlight = 4;                 ///< requests running at once, ≥ 1
};

/// Embeds a list of any length as a series of chunk requests: at most `maxInFlight` run at once,
/// each with the ApiJob retries; the vectors come back in input order whatever order the chunks
/// finish in. A chunk that still fails after its retries fails the whole job (its error names the
/// chunk) and cancels the others. Subclasses say how one chunk is sent and read.
///
/// Like ApiJob: it starts by itself from the event loop; finished() fires exactly once and never
/// inside the call that created the job; cancel() emits it synchronously; with autoDelete (the
/// default) the job deletes itself after finished().
class EmbeddingBatchJob : public QObject
{
    Q_OBJECT
public:
    using State = ApiJob::State;

    ~EmbeddingBatchJob() override;

    State state() const { return m_state; }
    const ApiError &error() const { return m_error; }
    /// One vector per input, in input order. Complete once state() is Succeeded; after a failure
    /// or cancel the finished chunks' entries are filled and the others empty.
    const QList<Embedding> &embeddings() const { return m_embeddings; }
    QList<Embedding> takeEmbeddings() { return std::move(m_embeddings); }
    /// Sum of the chunks' token counts (0 when the provider reports none).
    qint64 numTokensPromptTotal() const { return m_tokens; }
    /// model_version of the last chunk (in input order), as the official client reports it.
    QString modelVersion() const { return m_modelVersion; }
    int total() const { return m_total; }
    int done() const { return m_done; }
    int chunkCount() const;
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

    /// Idempotent: cancels every running chunk and emits finished() with Canceled.
    void cancel();

Q_SIGNALS:
    /// `done` of `total` inputs have their vectors (after each chunk).
    void progress(int done, int total);
    /// Inputs [begin, end) have their vectors in embeddings(), emitted before progress(). They
    /// stay there when a later chunk fails, so a caller can keep (and cache) what finished.
    void chunkFinished(int begin, int end);
    /// A chunk's request will be retried (ApiJob::retrying); for a status line.
    void retrying(int chunk, int retry, int totalRetries, int delayMs, const core::ApiError &error);
    void finished();

protected:
    /// The vectors and token count of one chunk, read from its finished job.
    struct ChunkResult
    {
        QList<Embedding> embeddings;
        qint64 tokens = 0;
        QString modelVersion;
    };

    EmbeddingBatchJob(int total, BatchOptions options, QObject *parent);
    /// Schedules the first chunks from the event loop. Subclass constructors call it last.
    void start();
    /// Fails from the event loop with an error known before sending (bad options, bad input).
    void failLater(const ApiError &error);
    /// Sends inputs [begin, end) as one request and returns its started job, or nullptr when it
    /// cannot be sent any more (the client is gone), which fails the batch.
    virtual ApiJob *sendChunk(int begin, int end) = 0;
    /// Reads a succeeded chunk job; false with `error` set when the answer is unusable.
    virtual bool readChunk(ApiJob *job, int begin, int end, ChunkResult *result, ApiError *error) = 0;

private:
    void fill();
    void onChunkFinished(ApiJob *job, int chunk, int begin, int end);
    void finish(State state);

    BatchOptions m_options;
    int m_total = 0;
    int m_nextBegin = 0;
    int m_done = 0;
    int m_lastChunkWithVersion = -1;
    QList<ApiJob *> m_running; // removed on finished() and on destroyed(), so never dangling
    QList<Embedding> m_embeddings;
    qint64 m_tokens = 0;
    QString m_modelVersion;
    ApiError m_error;
    State m_state = State::Running;
    bool m_autoDelete = true;
    bool m_finished = false;
};

/// `/batch_semantic_embed` for any number of prompts (reference/CLIENT-SEMANTICS.md §5.7): chunks
/// of at most 100 prompts, each carrying the same options, K in flight (default 4), vectors in
/// input order, token counts summed, model_version from the last chunk. Zero prompts finish at once
/// with no request. chunkSize outside 1..100 or maxInFlight < 1 fail with Kind::InvalidRequest.
class BatchEmbedder : public EmbeddingBatchJob
{
    Q_OBJECT
public:
    /// `options` are copied into every chunk. If `client` is deleted first, the batch fails.
    BatchEmbedder(ApiClient *client,
                  const SemanticEmbeddingOptions &options,
                  QList<Prompt> prompts,
                  BatchOptions batch = {},
                  QObject *parent = nullptr);

protected:
    ApiJob *sendChunk(int begin, int end) override;
    bool readChunk(ApiJob *job, int begin, int end, ChunkResult *result, ApiError *error) override;

private:
    QPointer<ApiClient> m_client;
    SemanticEmbeddingOptions m_options;
    QList<Prompt> m_prompts;
};

} // namespace core
