// SPDX-License-Identifier: MIT
#include "ui/embeddings/NeighbourQueries.h"

#include <QFutureWatcher>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace ui {

NeighbourQueries::NeighbourQueries(QObject *parent)
    : QObject(parent)
    , m_pool(std::make_unique<QThreadPool>())
    , m_latest{std::make_shared<std::atomic<quint64>>(0), std::make_shared<std::atomic<quint64>>(0)}
{
    m_pool->setMaxThreadCount(1);
}

NeighbourQueries::~NeighbourQueries()
{
    // Queued queries are skipped; the running one ends (the pool waits), its answer is dropped
    // with the watchers.
    supersede(Kind::Search);
    supersede(Kind::Neighbours);
    m_pool->clear();
}

quint64 NeighbourQueries::supersede(Kind kind)
{
    return m_latest[size_t(kind)]->fetch_add(1) + 1;
}

void NeighbourQueries::setIndex(std::shared_ptr<const core::analysis::NeighbourIndex> index)
{
    m_index = std::move(index);
    for (const Kind kind : {Kind::Search, Kind::Neighbours}) {
        Query &query = m_queries[size_t(kind)];
        if (query.running || !m_index) { // asked of the old index (or its set): dropped
            supersede(kind);
            query = {};
        }
        if (query.pending)
            run(kind); // asked before there was an index
    }
}

void NeighbourQueries::search(const core::Embedding &vector, int k)
{
    Query query;
    query.vector = vector;
    query.k = k;
    ask(Kind::Search, std::move(query));
}

void NeighbourQueries::findNeighbours(int row, int k)
{
    Query query;
    query.row = row;
    query.k = k;
    ask(Kind::Neighbours, std::move(query));
}

void NeighbourQueries::ask(Kind kind, Query query)
{
    cancel(kind);
    query.pending = true;
    m_queries[size_t(kind)] = std::move(query);
    if (m_index)
        run(kind);
}

void NeighbourQueries::cancel(Kind kind)
{
    supersede(kind);
    m_queries[size_t(kind)] = {};
}

void NeighbourQueries::run(Kind kind)
{
    Query &query = m_queries[size_t(kind)];
    query.running = true;
    const quint64 serial = supersede(kind);
    const std::shared_ptr<std::atomic<quint64>> latest = m_latest[size_t(kind)];
    const auto index = m_index; // held (with the set it reads) while the query runs
    const int row = query.row;
    auto *watcher = new QFutureWatcher<QList<core::analysis::Neighbour>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, kind, serial, row] {
        watcher->deleteLater();
        if (m_latest[size_t(kind)]->load() != serial)
            return; // superseded, or asked of an older index
        QList<core::analysis::Neighbour> found = watcher->future().takeResult();
        m_queries[size_t(kind)] = {};
        if (kind == Kind::Search)
            Q_EMIT searchFinished(found);
        else
            Q_EMIT neighboursFound(row, found);
    });
    watcher->setFuture(QtConcurrent::run(
        m_pool.get(), [index, latest, serial, vector = query.vector, row, k = query.k, kind] {
            if (latest->load() != serial)
                return QList<core::analysis::Neighbour>(); // superseded before it started
            if (kind == Kind::Search)
                return index->nearest(vector.constData(), k);
            return row >= 0 && row < index->size() ? index->nearestToRow(row, k)
                                                   : QList<core::analysis::Neighbour>();
        }));
}

} // namespace ui
