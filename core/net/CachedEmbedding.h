// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/EmbeddingProvider.h"
#include "core/storage/EmbeddingCache.h"

#include <QElapsedTimer>
#include <QPointer>

#include <memory>

namespace core {

class PrefaultWindow;

/// Embeds a list of texts through an EmbeddingProvider with an EmbeddingCache in front: cached
/// vectors are taken as they are (looked up on the cache's thread), only the misses are sent
/// (through the provider's batch job: chunks, requests in flight, retries), and every chunk that
/// finishes is queued for storing at once, so a failure or a cancel keeps what finished and running
/// the same texts again resumes where it stopped. Without a cache every text is sent.
///
/// The life cycle is BatchJob's (starts from the event loop, finished() exactly once, cancel()),
/// except that autoDelete is off: the caller owns the job and reads the partial results after a
/// failure. progress() counts texts with their vector (cached ones first, in one step);
/// retrying() passes on the provider's batch job's. Errors: the provider's batch job's (e.g.
/// "chunk 2 of 3 (...): ..."), Kind::InvalidRequest without a provider or, cache only, for texts
/// not in the cache, Kind::Interrupted when the provider is deleted while its requests run.
class CachedEmbeddingJob : public BatchJob
{
    Q_OBJECT
public:
    /// `provider` and `cache` must outlive the job; `cache` may be null. `query`: embedQuery() for
    /// each text (search queries), else embedDocuments().
    CachedEmbeddingJob(EmbeddingProvider *provider,
        EmbeddingCache *cache,
        QStringList texts,
        bool query = false,
        QObject *parent = nullptr);
    ~CachedEmbeddingJob() override;

    /// One entry per text, in order; an entry is empty until its vector is in (and stays empty for
    /// texts not embedded when the job failed or was cancelled). Empty in matrix output.
    const QList<Embedding> &embeddings() const { return m_embeddings; }

    /// Matrix output (set before the job starts), for large sets: the vectors go into one
    /// row-major matrix of texts × dims() floats as they arrive (each chunk's vectors are copied
    /// and released, the cache's hits are read straight into it off the calling thread), so the
    /// set is held once and never copied or zeroed as a whole on the calling thread; its pages are
    /// mapped ahead of the arriving vectors off the calling thread (PrefaultWindow). Rows of texts
    /// without a vector are unspecified (zero when the cache had others). A vector whose size
    /// differs from the first one's fails the job (Kind::MalformedResponse).
    void setMatrixOutput(bool on) { m_matrixOutput = on; }
    /// The size of every vector in matrix output (0 until the first is in).
    int dims() const { return m_dims; }
    /// The matrix of matrix output: texts × dims() floats, row-major (empty until a vector is in).
    const EmbeddingMatrix &matrix() const { return m_matrix; }
    /// Moves the matrix out (the job's is then empty).
    EmbeddingMatrix takeMatrix();
    /// Texts found in the cache.
    int cached() const { return m_cached; }
    /// Texts sent to the service (their vectors may not all have arrived).
    int sent() const { return m_sent; }
    /// Milliseconds since the first request was sent (0 when nothing was sent).
    qint64 sendingMs() const { return m_sendClock.isValid() ? m_sendClock.elapsed() : 0; }
    /// A message when storing to the cache failed (the vectors are still delivered). The cache
    /// writes on its own thread, so a write that fails after the job has finished shows up here
    /// late.
    QString cacheError() const { return m_cacheError; }
    /// Cache only (set before the job starts): when any text is not in the cache the job fails
    /// (InvalidRequest) without sending anything. Used to bring a result back without a request.
    void setCacheOnly(bool on) { m_cacheOnly = on; }

private:
    void begin() override;
    /// Takes the cache's hits and sends the rest.
    void onLookup(EmbeddingCache::Found &&found);
    /// Puts `vector` at text position `position` (false: it failed the job).
    bool place(int position, Embedding vector);
    /// Stores the vectors of m_missing[from, to) in the cache and counts them done.
    void store(int from, int to, const QList<Embedding> &vectors);

    QPointer<EmbeddingProvider> m_provider;
    EmbeddingCache *m_cache;
    QStringList m_texts;
    bool m_query;
    bool m_cacheOnly = false;
    QList<QByteArray> m_keys;
    QList<Embedding> m_embeddings;
    bool m_matrixOutput = false;
    int m_dims = 0;
    EmbeddingMatrix m_matrix;
    std::unique_ptr<PrefaultWindow> m_prefault; // maps m_matrix's pages ahead of place()
    QList<int> m_missing; // text positions sent to the service
    QString m_cacheError;
    QElapsedTimer m_sendClock;
    int m_cached = 0;
    int m_sent = 0;
};

} // namespace core
