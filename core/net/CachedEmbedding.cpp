// SPDX-License-Identifier: MIT
#include "core/net/CachedEmbedding.h"

#include "core/storage/EmbeddingCache.h"
#include "core/util/Prefault.h"

using namespace Qt::StringLiterals;

namespace core {

CachedEmbeddingJob::CachedEmbeddingJob(EmbeddingProvider *provider,
    EmbeddingCache *cache,
    QStringList texts,
    bool query,
    QObject *parent)
    : BatchJob(int(texts.size()), parent)
    , m_provider(provider)
    , m_cache(cache)
    , m_texts(std::move(texts))
    , m_query(query)
{
    setAutoDelete(false);
    m_embeddings.resize(m_texts.size());
    // A cancelled or failed run maps no more of the matrix.
    connect(this, &BatchJob::finished, this, [this] {
        if (m_prefault)
            m_prefault->stop();
    });
}

CachedEmbeddingJob::~CachedEmbeddingJob() = default; // the mapping stops with the job

EmbeddingMatrix CachedEmbeddingJob::takeMatrix()
{
    m_prefault.reset(); // the matrix is no longer the job's to map
    return std::move(m_matrix);
}

void CachedEmbeddingJob::begin()
{
    if (!m_provider)
        return finish(State::Failed,
            ApiError::make(ApiError::Kind::InvalidRequest, u"no embeddings provider"_s));
    if (m_matrixOutput)
        m_embeddings = {};
    if (!m_cache)
        return onLookup({});
    // Hashing and reading 100,000 keys takes seconds: done on the cache's thread.
    m_cache->lookupLater(
        m_provider->cacheScope(m_query), m_texts, this, [this](EmbeddingCache::Found &&found) {
            onLookup(std::move(found));
        });
}

void CachedEmbeddingJob::onLookup(EmbeddingCache::Found &&found)
{
    if (state() != State::Running)
        return; // cancelled while the cache was read
    if (!m_provider)
        return finish(State::Failed,
            ApiError::make(ApiError::Kind::Interrupted, u"the embeddings provider was closed"_s));
    m_keys = std::move(found.keys);
    std::vector<bool> have(size_t(m_texts.size()), false);
    for (const int row : std::as_const(found.rows))
        have[size_t(row)] = true;
    m_cached = int(found.rows.size());
    if (m_matrixOutput) {
        m_dims = found.dims;
        m_matrix = std::move(found.matrix);
    } else {
        for (const int row : std::as_const(found.rows)) {
            const float *begin = found.matrix.data() + qsizetype(row) * found.dims;
            m_embeddings[row] = Embedding(begin, begin + found.dims);
        }
        found.matrix = {};
    }
    for (int i = 0; i < m_texts.size(); ++i)
        if (!have[size_t(i)])
            m_missing.append(i);
    advance(m_cached);
    if (state() != State::Running)
        return;
    if (m_missing.isEmpty())
        return finish(State::Succeeded);
    if (m_cacheOnly) {
        return finish(State::Failed,
            ApiError::make(ApiError::Kind::InvalidRequest,
                u"%1 of %2 texts are not in the cache"_s.arg(m_missing.size())
                    .arg(m_texts.size())));
    }

    m_sendClock.start();
    m_sent = int(m_missing.size());
    if (!m_query) {
        QStringList texts;
        texts.reserve(m_missing.size());
        for (const int i : std::as_const(m_missing))
            texts.append(m_texts.at(i));
        EmbeddingBatchJob *batch = m_provider->embedDocuments(texts);
        addPart(batch, [this, batch] { finish(batch->state(), batch->error()); });
        connect(batch, &EmbeddingBatchJob::chunkFinished, this, [this, batch](int from, int to) {
            // Moved out of the batch: the vectors are held here (and by the cache's queue until
            // written), never twice.
            QList<Embedding> vectors;
            vectors.reserve(to - from);
            for (int m = from; m < to; ++m)
                vectors.append(batch->takeEmbedding(m));
            for (int m = from; m < to; ++m)
                if (!place(m_missing.at(m), vectors.at(m - from)))
                    return;
            store(from, to, vectors);
        });
        return;
    }
    for (int m = 0; m < m_missing.size(); ++m) {
        EmbeddingBatchJob *job = m_provider->embedQuery(m_texts.at(m_missing.at(m)));
        addPart(job, [this, job, m] {
            if (job->state() != State::Succeeded)
                return finish(job->state(), job->error());
            const Embedding vector = job->embeddings().value(0);
            if (!place(m_missing.at(m), vector))
                return;
            store(m, m + 1, {vector});
            if (runningParts() == 0)
                finish(State::Succeeded);
        });
    }
}

bool CachedEmbeddingJob::place(int position, Embedding vector)
{
    if (!m_matrixOutput) {
        m_embeddings[position] = std::move(vector);
        return true;
    }
    if (m_dims == 0 && !vector.isEmpty()) {
        m_dims = int(vector.size());
        m_matrix.resize(size_t(m_texts.size()) * size_t(m_dims)); // not zeroed here: 2 GB
        // The kernel zeroes each fresh page on its first write: done ahead, off this thread.
        m_prefault
            = std::make_unique<PrefaultWindow>(m_matrix.data(), m_matrix.size() * sizeof(float));
    }
    if (vector.size() != m_dims) {
        finish(State::Failed,
            ApiError::make(ApiError::Kind::MalformedResponse,
                u"the vectors differ in size (%1 and %2)"_s.arg(m_dims).arg(vector.size())));
        return false;
    }
    std::copy(vector.cbegin(), vector.cend(), m_matrix.begin() + qsizetype(position) * m_dims);
    if (m_prefault)
        m_prefault->advance(size_t(position + 1) * size_t(m_dims) * sizeof(float));
    return true;
}

void CachedEmbeddingJob::store(int from, int to, const QList<Embedding> &vectors)
{
    if (m_cache) {
        QList<QByteArray> keys;
        keys.reserve(to - from);
        for (int m = from; m < to; ++m)
            keys.append(m_keys.at(m_missing.at(m)));
        // Written on the cache's thread, in batches: the calling thread does not wait for SQLite.
        m_cache->storeLater(
            keys, vectors, this, [this](const QString &error) { m_cacheError = error; });
    }
    advance(to - from);
}

} // namespace core
