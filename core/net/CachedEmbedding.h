// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/EmbeddingProvider.h"

#include <QElapsedTimer>
#include <QPointer>

namespace core {

class EmbeddingCache;

/// Embeds a list of texts through an EmbeddingProvider with an EmbeddingCache in front: cached
/// vectors are taken as they are, only the misses are sent (through the provider's batch job:
/// chunks, requests in flight, retries), and every chunk that finishes is stored at once, so a
/// failure or a cancel keeps what finished and running the same texts again resumes where it
/// stopped. Without a cache every text is sent.
///
/// Like the other jobs: it starts from the event loop, finished() fires exactly once and never
/// inside the call that created it, cancel() emits it synchronously; autoDelete is off (the
/// caller owns it and reads the partial results after a failure).
class CachedEmbeddingJob : public QObject
{
    Q_OBJECT
public:
    using State = ApiJob::State;
    /// `provider` and `cache` must outlive the job; `cache` may be null. `query`: embedQuery() for
    /// each text (search queries), else embedDocuments().
    CachedEmbeddingJob(EmbeddingProvider *provider, EmbeddingCache *cache, QStringList texts, bool query = false,
                       QObject *parent = nullptr);
    ~CachedEmbeddingJob() override;

    State state() const { return m_state; }
    const ApiError &error() const { return m_error; }
    /// One entry per text, in order; an entry is empty until its vector is in (and stays empty for
    /// texts not embedded when the job failed or was cancelled).
    const QList<Embedding> &embeddings() const { return m_embeddings; }
    int total() const { return int(m_texts.size()); }
    /// Texts with their vector (from the cache or the service) so far.
    int done() const { return m_done; }
    /// Texts found in the cache.
    int cached() const { return m_cached; }
    /// Texts sent to the service (their vectors may not all have arrived).
    int sent() const { return m_sent; }
    /// Milliseconds since the first request was sent (0 when nothing was sent).
    qint64 sendingMs() const { return m_clock.isValid() ? m_clock.elapsed() : 0; }
    /// A message when storing to the cache failed (the vectors are still delivered).
    QString cacheError() const { return m_cacheError; }
    void cancel();
    /// Cache only (set before the job starts): when any text is not in the cache the job fails
    /// (InvalidRequest) without sending anything. Used to bring a result back without a request.
    void setCacheOnly(bool on) { m_cacheOnly = on; }

Q_SIGNALS:
    void progress(int done, int total);
    void retrying(int chunk, int retry, int totalRetries, int delayMs, const core::ApiError &error);
    void finished();

private:
    void begin();
    void finish(State state);

    QPointer<EmbeddingProvider> m_provider;
    EmbeddingCache *m_cache;
    QStringList m_texts;
    bool m_query;
    bool m_cacheOnly = false;
    QList<QByteArray> m_keys;
    QList<Embedding> m_embeddings;
    QList<int> m_missing;             // text positions sent to the service
    QPointer<EmbeddingBatchJob> m_batch;
    QList<QPointer<EmbeddingBatchJob>> m_queries;
    ApiError m_error;
    QString m_cacheError;
    QElapsedTimer m_clock;
    State m_state = State::Running;
    int m_done = 0;
    int m_cached = 0;
    int m_sent = 0;
    int m_queriesLeft = 0;
    bool m_finished = false;
};

} // namespace core
