// SPDX-License-Identifier: MIT
#include "core/net/CachedEmbedding.h"

#include "core/storage/EmbeddingCache.h"

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
}

void CachedEmbeddingJob::begin()
{
    if (!m_provider)
        return finish(State::Failed,
            ApiError::make(ApiError::Kind::InvalidRequest, u"no embeddings provider"_s));
    const QString scope = m_provider->cacheScope(m_query);
    if (m_cache) {
        m_keys.reserve(m_texts.size());
        for (const QString &text : std::as_const(m_texts))
            m_keys.append(EmbeddingCache::key(scope, text));
        const QHash<int, Embedding> hits = m_cache->lookup(m_keys);
        for (auto it = hits.begin(); it != hits.end(); ++it)
            m_embeddings[it.key()] = it.value();
        m_cached = int(hits.size());
    }
    for (int i = 0; i < m_texts.size(); ++i)
        if (m_embeddings.at(i).isEmpty())
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
            for (int m = from; m < to; ++m)
                m_embeddings[m_missing.at(m)] = batch->embeddings().at(m);
            store(from, to);
        });
        return;
    }
    for (int m = 0; m < m_missing.size(); ++m) {
        EmbeddingBatchJob *job = m_provider->embedQuery(m_texts.at(m_missing.at(m)));
        addPart(job, [this, job, m] {
            if (job->state() != State::Succeeded)
                return finish(job->state(), job->error());
            m_embeddings[m_missing.at(m)] = job->embeddings().value(0);
            store(m, m + 1);
            if (runningParts() == 0)
                finish(State::Succeeded);
        });
    }
}

void CachedEmbeddingJob::store(int from, int to)
{
    if (m_cache) {
        QList<QByteArray> keys;
        QList<Embedding> vectors;
        for (int m = from; m < to; ++m) {
            keys.append(m_keys.at(m_missing.at(m)));
            vectors.append(m_embeddings.at(m_missing.at(m)));
        }
        if (!m_cache->store(keys, vectors))
            m_cacheError = m_cache->lastError();
    }
    advance(to - from);
}

} // namespace core
