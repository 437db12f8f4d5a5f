// SPDX-License-Identifier: MIT
#include "ui/embeddings/EmbeddingsAnalysis.h"

#include "core/analysis/Projection.h"
#include "core/analysis/Tsne.h"
#include "ui/embeddings/NeighbourQueries.h"

#include <QFutureWatcher>
#include <QHash>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace ui {

EmbeddingsAnalysis::EmbeddingsAnalysis(QObject *parent)
    : QObject(parent)
    , m_queries(new NeighbourQueries(this))
{}

EmbeddingsAnalysis::~EmbeddingsAnalysis()
{
    if (m_workCancel)
        m_workCancel->store(true);
}

bool EmbeddingsAnalysis::setVectors(const QStringList &texts,
    const QStringList &labels,
    core::EmbeddingMatrix &&data,
    int dims,
    QString *error)
{
    // The set: one vector of `dims` floats per text, moved in (never copied).
    if (dims <= 0 || data.size() != size_t(texts.size()) * size_t(dims)) {
        *error = tr("The vectors do not fit the texts (%L1 floats for %L2 texts of %L3 "
                    "dimensions): a bad answer.")
                     .arg(qint64(data.size()))
                     .arg(texts.size())
                     .arg(dims);
        return false;
    }
    EmbeddingSet set;
    set.texts = texts;
    set.labels = labels;
    set.dims = dims;
    set.data = std::move(data);
    QHash<QString, int> labelNumbers;
    for (const QString &label : std::as_const(set.labels)) {
        if (label.isEmpty()) {
            set.labelIndex.append(-1);
            continue;
        }
        const auto found = labelNumbers.constFind(label);
        if (found != labelNumbers.cend()) {
            set.labelIndex.append(found.value());
            continue;
        }
        labelNumbers.insert(label, int(set.labelNames.size()));
        set.labelIndex.append(int(set.labelNames.size()));
        set.labelNames.append(label);
    }
    m_set = std::make_shared<const EmbeddingSet>(
        std::move(set)); // shared with the workers, never copied
    ++m_generation;
    if (m_workCancel)
        m_workCancel->store(true);
    m_workCancel = std::make_shared<std::atomic<bool>>(false);
    m_index.reset();
    m_queries->clear();
    for (QList<QPointF> &points : m_points)
        points.clear();
    return true;
}

QString EmbeddingsAnalysis::axisTitleX(Projection projection) const
{
    return projection == Projection::Umap ? u"UMAP 1"_s
        : projection == Projection::Tsne  ? u"t-SNE 1"_s
                                          : m_pcaTitleX;
}

QString EmbeddingsAnalysis::axisTitleY(Projection projection) const
{
    return projection == Projection::Umap ? u"UMAP 2"_s
        : projection == Projection::Tsne  ? u"t-SNE 2"_s
                                          : m_pcaTitleY;
}

void EmbeddingsAnalysis::cancel()
{
    if (m_workCancel && isCancellable())
        m_workCancel->store(true);
}

bool EmbeddingsAnalysis::takeCancelled()
{
    if (!m_workCancel || !m_workCancel->load())
        return false;
    m_workCancel = std::make_shared<std::atomic<bool>>(false);
    return true;
}

void EmbeddingsAnalysis::buildIndex()
{
    m_indexBusy = true;
    const auto shared = m_set;
    const int generation = m_generation;
    auto *watcher = new QFutureWatcher<std::shared_ptr<core::analysis::NeighbourIndex>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        m_index = watcher->result();
        m_indexBusy = false;
        m_queries->setIndex(m_index);
        Q_EMIT indexReady();
        Q_EMIT workEnded();
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [shared] {
        auto index = std::make_shared<core::analysis::NeighbourIndex>();
        index->build(shared->view(), core::analysis::NeighbourIndex::kAutomatic, shared);
        return index;
    }));
}

void EmbeddingsAnalysis::project(Projection projection)
{
    struct Result
    {
        QList<QPointF> points;
        QString x, y;
    };
    m_projectionBusy = true;
    const auto shared = m_set;
    const auto cancelFlag = m_workCancel;
    const int generation = m_generation;
    QPointer<EmbeddingsAnalysis> self = this;
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, projection] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        m_projectionBusy = false;
        Result r = watcher->result();
        if (r.points.isEmpty()) {
            Q_EMIT projected(projection, false);
            Q_EMIT workEnded();
            return;
        }
        m_points[size_t(projection)] = r.points;
        if (projection == Projection::Pca) {
            m_pcaTitleX = r.x;
            m_pcaTitleY = r.y;
        }
        Q_EMIT projected(projection, true);
        Q_EMIT workEnded();
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [shared, cancelFlag, projection, self] {
        Result r;
        const core::analysis::ProgressFunction progress = [self](double share, const QString &) {
            QMetaObject::invokeMethod(self, [self, share] {
                if (self)
                    Q_EMIT self->projectionProgress(int(share * 100));
            });
        };
        if (projection == Projection::Umap) {
            r.points = core::analysis::umap(shared->view(), {}, progress, cancelFlag.get());
            return r;
        }
        if (projection == Projection::Tsne) {
            r.points = core::analysis::tsne(shared->view(), {}, progress, cancelFlag.get());
            return r;
        }
        const core::analysis::PcaResult pca
            = core::analysis::pca(shared->view(), 2, 2, progress, cancelFlag.get());
        if (pca.components == 0)
            return r; // cancelled
        r.points.reserve(shared->rows());
        for (int i = 0; i < shared->rows(); ++i)
            r.points.append(QPointF(pca.scores[size_t(i) * 2], pca.scores[size_t(i) * 2 + 1]));
        const auto share = [&](int c) {
            return pca.totalVariance > 0 ? 100.0 * pca.variance[size_t(c)] / pca.totalVariance
                                         : 0.0;
        };
        r.x = QObject::tr("PCA 1 (%L1 % of the variance)").arg(share(0), 0, 'f', 1);
        r.y = QObject::tr("PCA 2 (%L1 %)").arg(share(1), 0, 'f', 1);
        return r;
    }));
}

void EmbeddingsAnalysis::computeMatrix(
    const QList<int> &rows, bool byLabel, const QStringList &labels, const MatrixDone &done)
{
    struct Result
    {
        core::analysis::SimilarityMatrix matrix;
        std::vector<int> order;
    };
    m_matrixBusy = true;
    const auto shared = m_set;
    const auto cancelFlag = m_workCancel;
    const int generation = m_generation;
    const std::vector<int> rowsVector(rows.begin(), rows.end());
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, done] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        m_matrixBusy = false;
        Result r = watcher->result();
        done(std::move(r.matrix), r.order);
        Q_EMIT workEnded();
    });
    watcher->setFuture(
        QtConcurrent::run(&m_pool, [shared, cancelFlag, rowsVector, byLabel, labels] {
            Result r;
            r.matrix = core::analysis::similarityMatrix(shared->view(), rowsVector);
            r.order = byLabel ? core::analysis::labelOrder(r.matrix, labels)
                              : core::analysis::clusterOrder(r.matrix, cancelFlag.get());
            return r;
        }));
}

} // namespace ui
