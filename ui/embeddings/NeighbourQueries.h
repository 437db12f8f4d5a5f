// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/Neighbours.h"
#include "core/api/Embedding.h"

#include <QList>
#include <QObject>

#include <array>
#include <atomic>
#include <memory>

class QThreadPool;

namespace ui {

/// The Embeddings tab's nearest-neighbour queries, off the GUI thread: a search (the rows nearest
/// to a query vector) and the neighbours of a row, each run on the queries' own thread over the
/// shared, read-only core::analysis::NeighbourIndex (one scan: up to about 100 ms at
/// 100,000 × 5,120) and delivered by signal on the thread that owns this object.
///
/// A newer query of a kind supersedes the older one: its answer is dropped, or it is skipped when
/// it has not started. A query asked while there is no index waits for setIndex(). setIndex() and
/// clear() (a new set) drop every query and answer of the old index; the index (and the set it
/// holds) lives as long as a running query needs it. Deleting this object waits for the query
/// that is running, skips the rest and delivers nothing.
class NeighbourQueries : public QObject
{
    Q_OBJECT
public:
    enum class Kind { Search, Neighbours };

    explicit NeighbourQueries(QObject *parent = nullptr);
    ~NeighbourQueries() override;

    /// The index the queries read (null: none yet; queries wait). Drops the old index's queries
    /// and answers; runs the waiting ones on the new index.
    void setIndex(std::shared_ptr<const core::analysis::NeighbourIndex> index);
    /// No index (a new set is being indexed): drops every query and answer.
    void clear() { setIndex(nullptr); }
    const core::analysis::NeighbourIndex *index() const { return m_index.get(); }

    /// The `k` rows nearest to `vector` (the index's dims() floats): searchFinished().
    void search(const core::Embedding &vector, int k);
    /// The `k` rows nearest to row `row`, itself left out: neighboursFound().
    void findNeighbours(int row, int k);
    /// A query of `kind` waits for the index or runs; its answer is still to come.
    bool isPending(Kind kind) const { return m_queries[size_t(kind)].pending; }
    /// Drops the pending query of `kind` (its answer will not come).
    void cancel(Kind kind);

Q_SIGNALS:
    /// The answer of the latest search: best first, `k` rows or fewer.
    void searchFinished(const QList<core::analysis::Neighbour> &found);
    /// The answer of the latest findNeighbours(`row`): best first, `row` left out.
    void neighboursFound(int row, const QList<core::analysis::Neighbour> &found);

private:
    struct Query
    {
        bool pending = false;
        bool running = false; // sent to the pool (else waiting for the index)
        core::Embedding vector; // Search
        int row = -1; // Neighbours
        int k = 0;
    };
    /// Makes `query` the pending one of `kind` (superseding the one before) and runs it when the
    /// index is there.
    void ask(Kind kind, Query query);
    /// Sends the pending query of `kind` to the pool.
    void run(Kind kind);
    /// A new serial number for `kind`: every earlier query of the kind is superseded.
    quint64 supersede(Kind kind);

    std::unique_ptr<QThreadPool> m_pool; // one thread: a scan already uses every core
    std::shared_ptr<const core::analysis::NeighbourIndex> m_index;
    std::array<Query, 2> m_queries; // by Kind
    /// By Kind: the latest query's serial number, read by the workers to skip superseded ones.
    std::array<std::shared_ptr<std::atomic<quint64>>, 2> m_latest;
};

} // namespace ui
