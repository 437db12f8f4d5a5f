// SPDX-License-Identifier: MIT
#include "core/net/CachedEmbedding.h"

#include "core/storage/EmbeddingCache.h"

using namespace Qt::StringLiterals;

namespace core {

CachedEmbeddingJob::CachedEmbeddingJob(EmbeddingProvider *provider, EmbeddingCache *cache, QStringList texts, bool query,
                                       QObject *parent)
    : QObject(parent)
    , m_provider(provider)
    , m_cache(cache)
    , m_texts(std::move(texts))
    , m_query(query)
{
    m_embeddings.resize(m_texts.size());
    QMetaObject::invokeMethod(this, &CachedEmbeddingJob::begin, Qt::QueuedConnection);
}

CachedEmbeddingJob::~CachedEmbeddingJob()
{
    if (m_batch) {
        m_batch->disconnect(this);
        m_batch->cancel();
    }
    for (const auto &job : std::as_const(m_queries)) {
        if (job) {
            job->disconnect(this);
            job->cancel();
        }
    }
}

void CachedEmbeddingJob::begin()
{
    if (m_state != State::Running)
        return;
    if (!m_provider) {
        m_error = ApiError::make(ApiError::Kind::InvalidRequest, u"no embeddings provider"_s);
        return finish(State::Failed);
    }
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
    m_done = m_cached;
    Q_EMIT progress(m_done, total());
    if (m_state != State::Running)
        return;
    if (m_missing.isEmpty())
        return finish(State::Succeeded);
    if (m_cacheOnly) {
        m_error = ApiError::make(ApiError::Kind::InvalidRequest,
                                 u"%1 of %2 texts are not in the cache"_s.arg(m_missing.size()).arg(m_texts.size()));
        return finish(State::Failed);
    }

    m_clock.start();
    m_sent = int(m_missing.size());
    const auto store = [this](int from, int to) { // positions in m_missing
        QList<QByteArray> keys;
        QList<Embedding> vectors;
        for (int m = from; m < to; ++m) {
            if (m_cache) {
                keys.append(m_keys.at(m_missing.at(m)));
                vectors.append(m_embeddings.at(m_missing.at(m)));
            }
        }
        if (m_cache && !m_cache->store(keys, vectors))
            m_cacheError = m_cache->lastError();
        m_done += to - from;
        Q_EMIT progress(m_done, total());
    };

    if (!m_query) {
        QStringList texts;
        texts.reserve(m_missing.size());
        for (const int i : std::as_const(m_missing))
            texts.append(m_texts.at(i));
        m_batch = m_provider->embedDocuments(texts);
        m_batch->setAutoDelete(false);
        connect(m_batch, &EmbeddingBatchJob::retrying, this, &CachedEmbeddingJob::retrying);
        connect(m_batch, &EmbeddingBatchJob::chunkFinished, this, [this, store](int from, int to) {
            for (int m = from; m < to; ++m)
                m_embeddings[m_missing.at(m)] = m_batch->embeddings().at(m);
            store(from, to);
        });
        connect(m_batch, &EmbeddingBatchJob::finished, this, [this] {
            EmbeddingBatchJob *batch = m_batch;
            m_error = batch->error();
            const State state = batch->state();
            batch->deleteLater();
            m_batch.clear();
            finish(state);
        });
        return;
    }
    m_queriesLeft = int(m_missing.size());
    for (int m = 0; m < m_missing.size(); ++m) {
        EmbeddingBatchJob *job = m_provider->embedQuery(m_texts.at(m_missing.at(m)));
        job->setAutoDelete(false);
        m_queries.append(job);
        connect(job, &EmbeddingBatchJob::finished, this, [this, job, m, store] {
            job->deleteLater();
            if (m_state != State::Running)
                return;
            if (job->state() != State::Succeeded) {
                m_error = job->error();
                return finish(job->state());
            }
            m_embeddings[m_missing.at(m)] = job->embeddings().value(0);
            store(m, m + 1);
            if (--m_queriesLeft == 0 && m_state == State::Running)
                finish(State::Succeeded);
        });
    }
}

void CachedEmbeddingJob::cancel()
{
    if (m_state != State::Running)
        return;
    m_state = State::Canceled;
    finish(State::Canceled);
}

void CachedEmbeddingJob::finish(State state)
{
    if (m_finished)
        return;
    m_finished = true;
    m_state = state;
    if (state != State::Failed)
        m_error = ApiError();
    if (m_batch) {
        m_batch->disconnect(this);
        m_batch->cancel();
        m_batch->deleteLater();
        m_batch.clear();
    }
    for (const auto &job : std::as_const(m_queries)) {
        if (job) {
            job->disconnect(this);
            job->cancel();
        }
    }
    Q_EMIT finished();
}

} // namespace core
