// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Embedding.h"
#include "core/net/BatchJob.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <utility>

namespace core {

class ApiClient;

/// How a long list is cut into requests.
struct BatchOptions
{
    int chunkSize = kMaxPromptsPerBatch; ///< prompts per request, 1..100 for /batch_semantic_embed
    int maxInFlight = 4; ///< requests running at once, ≥ 1
};

/// Embeds a list of any length as a series of chunk requests: at most `maxInFlight` run at once,
/// each with the ApiJob retries; the vectors come back in input order whatever order the chunks
/// finish in. A chunk that still fails after its retries fails the whole job (its error names the
/// chunk: "chunk 4 of 10 (inputs 301–400): ...") and cancels the others; a chunk that answers
/// with the wrong number of vectors fails it with Kind::MalformedResponse; a client deleted
/// before a chunk could be sent fails it with Kind::InvalidRequest, one deleted while chunks run
/// with Kind::Interrupted. Subclasses say how one chunk is sent and read.
///
/// The life cycle is BatchJob's (starts from the event loop, finished() exactly once, cancel(),
/// autoDelete on by default); progress() counts inputs, retrying() names the chunk (0-based).
class EmbeddingBatchJob : public BatchJob
{
    Q_OBJECT
public:
    /// One vector per input, in input order (each as long as the model's embedding, e.g. 5120 or
    /// 128 floats). Complete once state() is Succeeded; after a failure or cancel the finished
    /// chunks' entries are filled and the others empty.
    const QList<Embedding> &embeddings() const { return m_embeddings; }
    QList<Embedding> takeEmbeddings() { return std::move(m_embeddings); }
    /// Moves input `i`'s vector out (its entry is then empty), e.g. from a chunkFinished() slot
    /// that keeps the vectors elsewhere.
    Embedding takeEmbedding(int i) { return std::exchange(m_embeddings[i], {}); }
    /// Sum of the chunks' prompt token counts, ≥ 0 (0 when the provider reports none).
    qint64 numTokensPromptTotal() const { return m_tokens; }
    /// model_version of the last chunk (in input order), as the official client reports it.
    QString modelVersion() const { return m_modelVersion; }
    /// Requests the inputs are cut into: ceil(total() / chunkSize).
    int chunkCount() const;

Q_SIGNALS:
    /// Inputs [begin, end) have their vectors in embeddings(), emitted before progress() counts
    /// them. They stay there when a later chunk fails, so a caller can keep (and cache) what
    /// finished.
    void chunkFinished(int begin, int end);

protected:
    /// The vectors and token count of one chunk, read from its finished job.
    struct ChunkResult
    {
        QList<Embedding> embeddings;
        qint64 tokens = 0;
        QString modelVersion;
    };

    /// `total` inputs cut by `options`; subclass constructors check the options and call
    /// failLater() when they cannot be used.
    EmbeddingBatchJob(int total, BatchOptions options, QObject *parent);
    /// Sends inputs [begin, end) as one request and returns its started job, or nullptr when it
    /// cannot be sent any more (the client is gone), which fails the batch.
    virtual ApiJob *sendChunk(int begin, int end) = 0;
    /// Reads a succeeded chunk job; false with `error` set when the answer is unusable.
    virtual bool readChunk(ApiJob *job, int begin, int end, ChunkResult *result, ApiError *error)
        = 0;

private:
    void begin() override;
    void fill();
    void onChunkFinished(ApiJob *job, int chunk, int begin, int end);

    BatchOptions m_options;
    int m_nextBegin = 0;
    int m_lastChunkWithVersion = -1;
    QList<Embedding> m_embeddings;
    qint64 m_tokens = 0;
    QString m_modelVersion;
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
    /// The batch of plain `texts`, each sent as Prompt::fromText(): the prompts are made chunk by
    /// chunk as they are sent, so 100,000 texts cost no prompt objects up front (about 20 ms and
    /// 10 MB on the calling thread). Otherwise as the constructor.
    static BatchEmbedder *ofTexts(ApiClient *client,
        const SemanticEmbeddingOptions &options,
        QStringList texts,
        BatchOptions batch = {},
        QObject *parent = nullptr);

protected:
    ApiJob *sendChunk(int begin, int end) override;
    bool readChunk(ApiJob *job, int begin, int end, ChunkResult *result, ApiError *error) override;

private:
    BatchEmbedder(ApiClient *client,
        const SemanticEmbeddingOptions &options,
        QList<Prompt> prompts,
        QStringList texts,
        BatchOptions batch,
        QObject *parent);

    QPointer<ApiClient> m_client;
    SemanticEmbeddingOptions m_options;
    QList<Prompt> m_prompts;
    QStringList m_texts; ///< ofTexts(): the texts, prompts made per chunk (m_prompts empty)
};

} // namespace core
