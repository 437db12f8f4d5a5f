// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/Neighbours.h"
#include "core/analysis/Similarity.h"
#include "core/api/Embedding.h"
#include "ui/embeddings/EmbeddingSet.h"

#include <QList>
#include <QObject>
#include <QPointF>
#include <QThreadPool>

#include <array>
#include <atomic>
#include <functional>
#include <memory>

namespace ui {

class NeighbourQueries;

/// The Embeddings tab's work on an embedded set, off the GUI thread (QtConcurrent with a
/// QFutureWatcher each): the neighbour index, the PCA, UMAP and t-SNE projections and similarity
/// matrices. Owns the set (shared read-only with the workers), the results, one cancel flag for
/// the running work and a generation counter: a result of an older set is dropped.
class EmbeddingsAnalysis : public QObject
{
    Q_OBJECT
public:
    /// The map's projections, in the order of the projection chooser's entries.
    enum class Projection { Pca, Umap, Tsne };
    Q_ENUM(Projection)

    explicit EmbeddingsAnalysis(QObject *parent = nullptr);
    ~EmbeddingsAnalysis() override;

    /// Makes the set of `texts` and their vectors (`data`: texts × dims floats, row-major, moved
    /// in and never copied: the neighbour index and the projections read it in place) the
    /// current one, dropping every result and cancelling the work on the old set. False with
    /// `error` when `data` does not hold texts × dims floats.
    bool setVectors(const QStringList &texts,
        const QStringList &labels,
        core::EmbeddingMatrix &&data,
        int dims,
        QString *error);
    const EmbeddingSet &set() const { return *m_set; }

    /// Builds the neighbour index; indexReady() when done.
    void buildIndex();
    /// Null while the index is being built.
    const core::analysis::NeighbourIndex *index() const { return m_index.get(); }
    /// Searches and neighbours of a row over the index, off the GUI thread (they wait while the
    /// index is being built; a new set drops them).
    NeighbourQueries *queries() const { return m_queries; }

    /// The points of a finished projection (empty: not computed yet).
    const QList<QPointF> &points(Projection projection) const
    {
        return m_points[size_t(projection)];
    }
    QString axisTitleX(Projection projection) const;
    QString axisTitleY(Projection projection) const;
    /// Computes a projection: projectionProgress() (UMAP, t-SNE), then projected(). t-SNE of more
    /// than core::analysis::kTsneMaxRows rows fails at once (projected() with `ok` false).
    void project(Projection projection);

    /// Computes the similarity matrix of the data rows `rows` and its order (by `labels` when
    /// `byLabel`, else by clustering); `done` gets them, empty when cancelled.
    using MatrixDone = std::function<void(
        core::analysis::SimilarityMatrix &&matrix, const std::vector<int> &order)>;
    void computeMatrix(
        const QList<int> &rows, bool byLabel, const QStringList &labels, const MatrixDone &done);

    bool isBusy() const { return m_indexBusy || m_projectionBusy || m_matrixBusy; }
    /// A projection or a matrix is being computed (what Cancel stops).
    bool isCancellable() const { return m_projectionBusy || m_matrixBusy; }
    /// Asks the running projection or matrix to stop.
    void cancel();
    /// True once after cancel(): the flag is then fresh for the next work.
    bool takeCancelled();

Q_SIGNALS:
    void indexReady();
    void projectionProgress(int percent);
    /// A projection ended: `ok` false when it failed or was cancelled.
    void projected(ui::EmbeddingsAnalysis::Projection projection, bool ok);
    /// The index, a projection or a matrix is done (isBusy() may have turned false).
    void workEnded();

private:
    /// The analysis's own threads: long work (seconds at 100,000 × 5,120) on Qt's global pool
    /// would starve the raster paint engine, which splits large fills over that pool and waits
    /// for it on the GUI thread.
    QThreadPool m_pool;
    std::shared_ptr<const EmbeddingSet> m_set = std::make_shared<const EmbeddingSet>();
    std::shared_ptr<core::analysis::NeighbourIndex> m_index;
    NeighbourQueries *m_queries = nullptr;
    std::array<QList<QPointF>, 3> m_points; ///< by Projection
    QString m_pcaTitleX, m_pcaTitleY;
    std::shared_ptr<std::atomic<bool>> m_workCancel;
    int m_generation = 0;
    bool m_indexBusy = false;
    bool m_projectionBusy = false;
    bool m_matrixBusy = false;
};

} // namespace ui
