// SPDX-License-Identifier: MIT
// The Embeddings tab's maths against known answers: PCA on data with a known principal axis,
// UMAP's curve and smooth distances against umap-learn's values, UMAP keeping separated clusters
// apart, neighbours on a hand-made set (exact and the 4-bit candidate scan), and the similarity
// matrix's cluster order. t-SNE's perplexity calibration against its definition and its layout
// keeping clusters apart; the parallel layout graph against exact search; progress and cancelling
// of both layouts.
#include "core/analysis/LayoutGraph.h"
#include "core/analysis/Neighbours.h"
#include "core/analysis/Projection.h"
#include "core/analysis/Similarity.h"
#include "core/analysis/Tsne.h"

#include <QLineF>
#include <QTest>

#include <cmath>
#include <random>

using namespace core::analysis;
using namespace Qt::StringLiterals;

namespace {

double dot(const float *a, const float *b, int n)
{
    double s = 0;
    for (int i = 0; i < n; ++i)
        s += double(a[i]) * b[i];
    return s;
}

/// `perCluster` points around each of `clusters` random centres in `dims` dimensions.
std::vector<float> clustered(int clusters,
    int perCluster,
    int dims,
    float spreadWithin,
    std::vector<int> *labels,
    unsigned seed = 7)
{
    std::mt19937 engine(seed);
    std::normal_distribution<float> gaussian(0, 1);
    std::vector<std::vector<float>> centres(
        static_cast<size_t>(clusters), std::vector<float>(static_cast<size_t>(dims)));
    for (auto &c : centres)
        for (float &v : c)
            v = gaussian(engine);
    std::vector<float> data;
    for (int c = 0; c < clusters; ++c) {
        for (int p = 0; p < perCluster; ++p) {
            for (int d = 0; d < dims; ++d)
                data.push_back(centres[size_t(c)][size_t(d)] + spreadWithin * gaussian(engine));
            labels->push_back(c);
        }
    }
    return data;
}

/// The share of each point's `k` nearest points on the map that have its label.
double labelAgreement(const QList<QPointF> &points, const std::vector<int> &labels, int k)
{
    int agree = 0, total = 0;
    for (int i = 0; i < points.size(); ++i) {
        std::vector<std::pair<double, int>> byDistance;
        for (int j = 0; j < points.size(); ++j)
            if (j != i)
                byDistance.push_back({QLineF(points[i], points[j]).length(), j});
        std::partial_sort(byDistance.begin(), byDistance.begin() + k, byDistance.end());
        for (int m = 0; m < k; ++m) {
            agree += labels[size_t(byDistance[size_t(m)].second)] == labels[size_t(i)];
            ++total;
        }
    }
    return double(agree) / total;
}

/// Progress reports of a layout: every share in 0..1, never falling.
struct ProgressLog
{
    std::vector<double> shares;
    QStringList phases;
    ProgressFunction function()
    {
        return [this](double share, const QString &phase) {
            shares.push_back(share);
            phases.append(phase);
        };
    }
    bool monotonic() const
    {
        for (size_t i = 0; i < shares.size(); ++i)
            if (shares[i] < 0 || shares[i] > 1 || (i > 0 && shares[i] < shares[i - 1]))
                return false;
        return !shares.empty();
    }
};

} // namespace

class TestProjection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pcaFindsTheKnownAxis()
    {
        // Points along u = (1, 2, 2, 0, ...)/3 with spread 10, plus noise of 0.1 in every
        // dimension, offset from the origin (PCA must centre).
        const int n = 500, d = 40;
        std::mt19937 engine(1);
        std::normal_distribution<float> gaussian(0, 1);
        std::vector<float> u(d, 0.0f);
        u[0] = 1.0f / 3;
        u[1] = 2.0f / 3;
        u[2] = 2.0f / 3;
        std::vector<float> data(size_t(n) * d);
        std::vector<float> t(n);
        for (int i = 0; i < n; ++i) {
            t[size_t(i)] = 10 * gaussian(engine);
            for (int c = 0; c < d; ++c)
                data[size_t(i) * d + c]
                    = 5.0f + t[size_t(i)] * u[size_t(c)] + 0.1f * gaussian(engine);
        }
        const PcaResult r = pca({data.data(), n, d}, 2);
        QCOMPARE(r.components, 2);
        QCOMPARE(int(r.scores.size()), n * 2);
        // The first axis is u (up to sign, which is fixed: largest entry positive, so +u).
        QVERIFY2(dot(r.axes.data(), u.data(), d) > 0.999,
            qPrintable(QString::number(dot(r.axes.data(), u.data(), d))));
        // Unit axes, orthogonal to each other.
        QVERIFY(std::abs(dot(r.axes.data(), r.axes.data(), d) - 1) < 1e-4);
        QVERIFY(std::abs(dot(r.axes.data(), r.axes.data() + d, d)) < 1e-3);
        // The first score is the position along the line (centred): correlation ≈ 1.
        double meanT = 0;
        for (float v : t)
            meanT += v / n;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; ++i) {
            const double x = t[size_t(i)] - meanT, y = r.scores[size_t(i) * 2];
            sxy += x * y;
            sxx += x * x;
            syy += y * y;
        }
        QVERIFY(sxy / std::sqrt(sxx * syy) > 0.9999);
        // Variance: ≈ 100 along the line; its share of the total ≈ 100 / (100 + 40 · 0.01).
        QVERIFY2(
            r.variance[0] > 80 && r.variance[0] < 120, qPrintable(QString::number(r.variance[0])));
        QVERIFY(r.variance[0] / r.totalVariance > 0.99);
        QVERIFY(r.variance[1] < 0.05);
    }

    void pcaOfTooLittleDataIsZero()
    {
        const float one[3] = {1, 2, 3};
        const PcaResult r = pca({one, 1, 3}, 2);
        QCOMPARE(int(r.scores.size()), 2);
        QCOMPARE(r.scores[0], 0.0f);
        const PcaResult none = pca({nullptr, 0, 0}, 2);
        QVERIFY(none.scores.empty());
    }

    void pcaIsDeterministic()
    {
        std::vector<int> labels;
        const std::vector<float> data = clustered(3, 30, 64, 0.2f, &labels);
        const PcaResult a = pca({data.data(), 90, 64}, 2);
        const PcaResult b = pca({data.data(), 90, 64}, 2);
        QCOMPARE(a.scores, b.scores);
    }

    void umapCurveMatchesUmapLearn()
    {
        // umap-learn find_ab_params(1.0, 0.1) = (1.5769, 0.8951).
        const auto [a, b] = umapCurve(0.1, 1.0);
        QVERIFY2(std::abs(a - 1.577) < 0.03, qPrintable(QString::number(a)));
        QVERIFY2(std::abs(b - 0.895) < 0.01, qPrintable(QString::number(b)));
    }

    void umapSmoothDistancesHitTheTarget()
    {
        const std::vector<float> distances{0.5f, 0.7f, 0.9f, 1.2f, 1.6f, 2.0f, 2.5f};
        const auto [rho, sigma] = umapSmoothDistances(distances);
        QCOMPARE(rho, 0.5);
        double sum = 0;
        for (const float dist : distances)
            sum += std::exp(-std::max(0.0, dist - rho) / sigma);
        QVERIFY2(std::abs(sum - std::log2(8.0)) < 1e-4, qPrintable(QString::number(sum)));
    }

    void umapKeepsClustersApart()
    {
        std::vector<int> labels;
        const int perCluster = 60;
        const std::vector<float> data = clustered(3, perCluster, 32, 0.15f, &labels);
        UmapOptions options;
        options.nEpochs = 200;
        int reports = 0;
        const QList<QPointF> points
            = umap({data.data(), 3 * perCluster, 32}, options, [&](double share, const QString &) {
                  QVERIFY(share >= 0 && share <= 1);
                  ++reports;
              });
        QCOMPARE(points.size(), 3 * perCluster);
        QVERIFY(reports > 0);
        // Each point's 5 nearest points on the map share its cluster.
        const double agreement = labelAgreement(points, labels, 5);
        QVERIFY2(agreement > 0.97, qPrintable(QString::number(agreement)));
        // Deterministic for a seed.
        QCOMPARE(umap({data.data(), 3 * perCluster, 32}, options), points);
    }

    void umapCancels()
    {
        std::vector<int> labels;
        const std::vector<float> data = clustered(2, 50, 16, 0.1f, &labels);
        std::atomic<bool> cancel{true};
        QVERIFY(umap({data.data(), 100, 16}, {}, {}, &cancel).isEmpty());
        QVERIFY(umap({data.data(), 2, 16}).isEmpty()); // too few points to lay out
    }

    void umapOfManyDimensionsIsReducedAndMonotonic()
    {
        // 600 rows of 256 dimensions: reduced to 50 by the sampled PCA, clusters still apart;
        // progress rises through the three phases to 1.
        std::vector<int> labels;
        const std::vector<float> data = clustered(4, 150, 256, 0.3f, &labels, 5);
        UmapOptions options;
        options.nEpochs = 150;
        ProgressLog log;
        const QList<QPointF> points = umap({data.data(), 600, 256}, options, log.function());
        QCOMPARE(points.size(), 600);
        QVERIFY(log.monotonic());
        QCOMPARE(log.shares.back(), 1.0);
        QVERIFY(log.phases.contains(u"reducing"_s) && log.phases.contains(u"neighbours"_s)
            && log.phases.contains(u"layout"_s));
        const double agreement = labelAgreement(points, labels, 10);
        QVERIFY2(agreement > 0.97, qPrintable(QString::number(agreement)));
    }

    void umapCancelsWhileRunning()
    {
        // Cancelled from the progress callback in the middle of the layout: the run stops at the
        // next check (within an epoch) and returns nothing.
        std::vector<int> labels;
        const std::vector<float> data = clustered(3, 200, 32, 0.2f, &labels);
        std::atomic<bool> cancel{false};
        double last = 0;
        int reportsAfterCancel = 0;
        UmapOptions options;
        options.nEpochs = 400;
        const QList<QPointF> points = umap(
            {data.data(), 600, 32},
            options,
            [&](double share, const QString &phase) {
                if (cancel)
                    ++reportsAfterCancel;
                last = share;
                if (phase == u"layout"_s && share > 0.5)
                    cancel = true;
            },
            &cancel);
        QVERIFY(points.isEmpty());
        QVERIFY2(last < 0.6, qPrintable(QString::number(last)));
        QVERIFY(reportsAfterCancel <= 1);
    }

    void layoutGraphAgreesWithExactSearch()
    {
        // The parallel HNSW graph (exactLimit 0) finds nearly all of the exact neighbours.
        std::vector<int> labels;
        const int n = 3000, d = 24;
        const std::vector<float> data = clustered(20, n / 20, d, 0.5f, &labels, 13);
        const KnnGraph exact = layoutKnnGraph({data.data(), n, d}, 10, n, 1);
        const KnnGraph approximate = layoutKnnGraph({data.data(), n, d}, 10, 0, 1);
        QCOMPARE(int(approximate.index.size()), n * 10);
        int hits = 0;
        for (int i = 0; i < n; ++i) {
            for (int m = 0; m < 10; ++m) {
                const int want = exact.index[size_t(i) * 10 + size_t(m)];
                const auto begin = approximate.index.begin() + i * 10;
                hits += std::find(begin, begin + 10, want) != begin + 10;
            }
            // Nearest first, itself never among them.
            for (int m = 1; m < 10; ++m)
                QVERIFY(approximate.distance[size_t(i) * 10 + size_t(m)]
                    >= approximate.distance[size_t(i) * 10 + size_t(m) - 1]);
            QVERIFY(
                std::find(
                    approximate.index.begin() + i * 10, approximate.index.begin() + i * 10 + 10, i)
                == approximate.index.begin() + i * 10 + 10);
        }
        QVERIFY2(hits >= 0.95 * n * 10, qPrintable(u"recall %1 of %2"_s.arg(hits).arg(n * 10)));
        std::atomic<bool> cancel{true};
        QVERIFY(layoutKnnGraph({data.data(), n, d}, 10, 0, 1, {}, &cancel).index.empty());
    }

    void layoutSpaceIsThePrincipalSubspace()
    {
        // Rows of 80 dimensions reduced to 5: distances between unit rows are kept where the data
        // lies in 5 dimensions (here: a random 5-D subspace).
        std::mt19937 engine(3);
        std::normal_distribution<float> gaussian(0, 1);
        const int n = 300, d = 80, r = 5;
        std::vector<float> basis(size_t(r) * d), data(size_t(n) * d, 0.0f);
        for (float &v : basis)
            v = gaussian(engine);
        for (int i = 0; i < n; ++i)
            for (int c = 0; c < r; ++c) {
                const float w = gaussian(engine);
                for (int j = 0; j < d; ++j)
                    data[size_t(i) * d + j] += w * basis[size_t(c) * d + j];
            }
        int dims = 0;
        const std::vector<float> reduced = layoutSpace({data.data(), n, d}, r, &dims);
        QCOMPARE(dims, r);
        QCOMPARE(int(reduced.size()), n * r);
        const auto unitDistance = [&](int a, int b) {
            const double na = std::sqrt(dot(&data[size_t(a) * d], &data[size_t(a) * d], d));
            const double nb = std::sqrt(dot(&data[size_t(b) * d], &data[size_t(b) * d], d));
            double s = 0;
            for (int j = 0; j < d; ++j) {
                const double e = data[size_t(a) * d + j] / na - data[size_t(b) * d + j] / nb;
                s += e * e;
            }
            return std::sqrt(s);
        };
        for (int a = 0; a < 20; ++a) {
            const int b = (a * 37 + 11) % n;
            double s = 0;
            for (int c = 0; c < r; ++c) {
                const double e = reduced[size_t(a) * r + c] - reduced[size_t(b) * r + c];
                s += e * e;
            }
            QVERIFY(std::abs(std::sqrt(s) - unitDistance(a, b)) < 1e-3);
        }
    }

    void tsneProbabilitiesHaveThePerplexity()
    {
        // 2^H = perplexity for H = −Σ p log2 p; nearer neighbours weigh more; all sum to 1.
        std::vector<float> d2;
        for (int j = 0; j < 90; ++j)
            d2.push_back(0.5f + 0.05f * j);
        const std::vector<float> p = tsneConditionalProbabilities(d2, 30);
        QCOMPARE(int(p.size()), 90);
        double sum = 0, entropy = 0;
        for (const float v : p) {
            sum += v;
            if (v > 0)
                entropy -= v * std::log2(double(v));
        }
        QVERIFY(std::abs(sum - 1) < 1e-5);
        QVERIFY2(std::abs(std::exp2(entropy) - 30) < 0.05, qPrintable(QString::number(entropy)));
        QVERIFY(p[0] > p[10] && p[10] > p[89]);
        // Equal distances: uniform.
        const std::vector<float> flat = tsneConditionalProbabilities(std::vector<float>(10, 2), 5);
        for (const float v : flat)
            QVERIFY(std::abs(v - 0.1f) < 1e-6);
    }

    void tsneKeepsClustersApart()
    {
        std::vector<int> labels;
        const int perCluster = 80;
        const std::vector<float> data = clustered(4, perCluster, 64, 0.3f, &labels, 9);
        TsneOptions options;
        options.iterations = 500;
        options.perplexity = 20;
        ProgressLog log;
        const QList<QPointF> points
            = tsne({data.data(), 4 * perCluster, 64}, options, log.function());
        QCOMPARE(points.size(), 4 * perCluster);
        QVERIFY(log.monotonic());
        QCOMPARE(log.shares.back(), 1.0);
        const double agreement = labelAgreement(points, labels, 10);
        QVERIFY2(agreement > 0.97, qPrintable(QString::number(agreement)));
        // Clusters apart: every cluster's centre is farther from the others' than its own
        // points are from it on average.
        std::vector<QPointF> centres(4);
        for (int i = 0; i < points.size(); ++i)
            centres[size_t(labels[size_t(i)])] += points[i] / perCluster;
        std::vector<double> radius(4, 0);
        for (int i = 0; i < points.size(); ++i)
            radius[size_t(labels[size_t(i)])]
                += QLineF(points[i], centres[size_t(labels[size_t(i)])]).length() / perCluster;
        for (int a = 0; a < 4; ++a)
            for (int b = a + 1; b < 4; ++b)
                QVERIFY(QLineF(centres[size_t(a)], centres[size_t(b)]).length()
                    > radius[size_t(a)] + radius[size_t(b)]);
        // Deterministic for a seed.
        QCOMPARE(tsne({data.data(), 4 * perCluster, 64}, options), points);
    }

    void tsneRefusesAndCancels()
    {
        std::vector<int> labels;
        const std::vector<float> data = clustered(2, 100, 16, 0.1f, &labels);
        QVERIFY(tsne({data.data(), 3, 16}).isEmpty()); // too few to lay out
        // More than kTsneMaxRows rows: refused before any work (no progress at all).
        ProgressLog refused;
        QVERIFY(tsne({data.data(), kTsneMaxRows + 1, 16}, {}, refused.function()).isEmpty());
        QVERIFY(refused.shares.empty());
        std::atomic<bool> cancel{false};
        double last = 0;
        const QList<QPointF> points = tsne(
            {data.data(), 200, 16},
            {},
            [&](double share, const QString &phase) {
                last = share;
                if (phase == u"layout"_s && share > 0.3)
                    cancel = true;
            },
            &cancel);
        QVERIFY(points.isEmpty());
        QVERIFY2(last < 0.35, qPrintable(QString::number(last)));
    }

    void neighboursOfAHandMadeSet_data()
    {
        QTest::addColumn<int>("exactLimit");
        QTest::newRow("exact") << 100;
        QTest::newRow("hnsw") << 0;
    }

    void neighboursOfAHandMadeSet()
    {
        QFETCH(int, exactLimit);
        // Angles 0°, 10°, 30°, 90°, 180° in the plane (lengths differ: cosine ignores them),
        // and a zero vector.
        const auto at = [](double degrees, float length) {
            const double r = degrees * M_PI / 180;
            return std::pair{float(length * std::cos(r)), float(length * std::sin(r))};
        };
        std::vector<float> data;
        for (const auto &[deg, len] :
            std::vector<std::pair<double, float>>{{0, 1}, {10, 3}, {30, 0.5f}, {90, 2}, {180, 1}}) {
            const auto [x, y] = at(deg, len);
            data.push_back(x);
            data.push_back(y);
        }
        data.push_back(0);
        data.push_back(0);
        NeighbourIndex index;
        index.build({data.data(), 6, 2}, exactLimit);
        QCOMPARE(index.isApproximate(), exactLimit == 0);
        const QList<Neighbour> n0 = index.nearestToRow(0, 3);
        QCOMPARE(n0.size(), 3);
        QCOMPARE(n0[0].row, 1);
        QCOMPARE(n0[1].row, 2);
        QVERIFY(std::abs(n0[0].similarity - float(std::cos(10 * M_PI / 180))) < 1e-5);
        QVERIFY(std::abs(n0[1].similarity - float(std::cos(30 * M_PI / 180))) < 1e-5);
        QVERIFY(std::abs(n0[2].similarity) < 1e-5
            || n0[2].row == 5); // 90° (or the zero vector, also 0)
        const float query[2] = {-1, 0.01f};
        const QList<Neighbour> q = index.nearest(query, 1);
        QCOMPARE(q.size(), 1);
        QCOMPARE(q[0].row, 4);
        // A zero query has no neighbours; k beyond the size gives all rows.
        const float zero[2] = {0, 0};
        QVERIFY(index.nearest(zero, 3).isEmpty());
        QCOMPARE(index.nearestToRow(2, 50).size(), 5);
        QVERIFY(index.nearestToRow(9, 3).isEmpty());
    }

    void candidateSearchAgreesWithExactSearch_data()
    {
        QTest::addColumn<int>("dims");
        QTest::addColumn<float>("outlier");
        // 96 dimensions: one whole block of 64 and one padded half; 200: three and a bit.
        QTest::newRow("clustered, 96 dims") << 96 << 0.0f;
        QTest::newRow("clustered, 200 dims") << 200 << 0.0f;
        // Two dimensions 30 times larger than the others in every row (as some models'
        // embeddings have): they are clipped in the codes instead of flattening all others.
        QTest::newRow("outlier dimensions") << 96 << 30.0f;
    }

    void candidateSearchAgreesWithExactSearch()
    {
        QFETCH(int, dims);
        QFETCH(float, outlier);
        // 6,000 rows: the 4-bit scan runs in parts on several threads where there are cores.
        std::vector<int> labels;
        const int n = 6000, d = dims;
        std::vector<float> data = clustered(30, n / 30, d, 0.5f, &labels, 11);
        if (outlier != 0) {
            std::mt19937 engine(17);
            std::normal_distribution<float> gaussian(0, 1);
            for (int row = 0; row < n; ++row) {
                data[size_t(row) * size_t(d) + 3] = outlier * (1 + 0.1f * gaussian(engine));
                data[size_t(row) * size_t(d) + 70] = -outlier * (1 + 0.1f * gaussian(engine));
            }
        }
        NeighbourIndex exact, approximate;
        exact.build({data.data(), n, d}, n);
        approximate.build({data.data(), n, d}, 0);
        QVERIFY(!exact.isApproximate());
        QVERIFY(approximate.isApproximate());
        // No copy of the vectors: inverse norms only (exact), plus 4-bit codes (half a byte per
        // dimension, padded to blocks of 64) and scales.
        QCOMPARE(exact.extraBytes(), qint64(n) * 4);
        QCOMPARE(approximate.extraBytes(), qint64(n) * ((d + 63) / 64 * 32 + 8));
        int hits = 0, total = 0;
        for (int row = 0; row < n; row += 37) {
            const QList<Neighbour> a = exact.nearestToRow(row, 10);
            const QList<Neighbour> b = approximate.nearestToRow(row, 10);
            QCOMPARE(a, approximate.nearestExact(data.data() + qsizetype(row) * d, 10, row));
            QCOMPARE(b.size(), 10);
            for (const Neighbour &x : a) {
                ++total;
                const auto found = std::find_if(
                    b.begin(), b.end(), [&](const Neighbour &y) { return y.row == x.row; });
                hits += found != b.end();
                // Re-scored on the floats: the same similarity as the exact scan.
                if (found != b.end())
                    QVERIFY(std::abs(found->similarity - x.similarity) < 1e-5);
            }
            for (const Neighbour &y : b)
                QVERIFY(y.row != row);
        }
        QVERIFY2(hits >= 0.95 * total, qPrintable(u"recall %1 of %2"_s.arg(hits).arg(total)));
        // A query that is not a row: the same best hit both ways.
        std::vector<float> query(data.begin() + 5 * d, data.begin() + 6 * d);
        for (float &v : query)
            v *= -2;
        QCOMPARE(approximate.nearest(query.data(), 1).value(0).row,
            exact.nearest(query.data(), 1).value(0).row);
    }

    void pcaOfManyRowsRunsInPartsWithProgressAndCancel()
    {
        // 9,000 rows along a known axis, offset: the passes are split over threads.
        const int n = 9000, d = 24;
        std::mt19937 engine(3);
        std::normal_distribution<float> gaussian(0, 1);
        std::vector<float> data(size_t(n) * d);
        for (int i = 0; i < n; ++i) {
            const float t = 10 * gaussian(engine);
            for (int c = 0; c < d; ++c)
                data[size_t(i) * d + c] = 2.0f + (c < 4 ? t / 2 : 0.0f) + 0.1f * gaussian(engine);
        }
        QList<double> shares;
        const PcaResult r = pca({data.data(), n, d}, 2, 2, [&](double share, const QString &) {
            shares.append(share);
        });
        QCOMPARE(r.components, 2);
        QCOMPARE(int(r.scores.size()), n * 2);
        for (int c = 0; c < 4; ++c)
            QVERIFY2(std::abs(r.axes[size_t(c)] - 0.5f) < 1e-3,
                qPrintable(QString::number(r.axes[size_t(c)])));
        QVERIFY2(
            r.variance[0] / r.totalVariance > 0.99, qPrintable(QString::number(r.variance[0])));
        QCOMPARE(shares.size(), 2 * 2 + 3);
        QVERIFY(std::is_sorted(shares.begin(), shares.end()));
        QCOMPARE(shares.last(), 1.0);
        // The same answer as a second run (the split is the same).
        QCOMPARE(pca({data.data(), n, d}, 2).scores, r.scores);

        const std::atomic<bool> cancel = true;
        const PcaResult cancelled = pca({data.data(), n, d}, 2, 2, {}, &cancel);
        QCOMPARE(cancelled.components, 0);
        QVERIFY(cancelled.scores.empty());
    }

    void similarityMatrixAndClusterOrder()
    {
        // Interleaved members of two tight clusters: the cluster order makes each contiguous.
        std::vector<int> labels;
        const std::vector<float> base = clustered(2, 10, 16, 0.05f, &labels, 3);
        std::vector<float> data;
        QStringList names;
        for (int i = 0; i < 10; ++i) {
            for (int c = 0; c < 2; ++c) {
                const int row = c * 10 + i;
                data.insert(data.end(), base.begin() + row * 16, base.begin() + (row + 1) * 16);
                names.append(c ? u"b"_s : u"a"_s);
            }
        }
        const SimilarityMatrix m = similarityMatrix({data.data(), 20, 16});
        QCOMPARE(m.size, 20);
        for (int i = 0; i < 20; ++i)
            QVERIFY(std::abs(m.at(i, i) - 1) < 1e-5);
        QVERIFY(std::abs(m.at(0, 2) - cosineSimilarity(data.data(), data.data() + 32, 16)) < 1e-5);
        QCOMPARE(m.at(3, 7), m.at(7, 3));
        const std::vector<int> order = clusterOrder(m);
        QCOMPARE(int(order.size()), 20);
        int changes = 0;
        for (size_t i = 1; i < order.size(); ++i)
            changes += names[order[i]] != names[order[i - 1]];
        QCOMPARE(changes, 1);
        std::vector<int> sorted = order;
        std::sort(sorted.begin(), sorted.end());
        for (int i = 0; i < 20; ++i)
            QCOMPARE(sorted[size_t(i)], i);
        // By label: the label seen first ("a") first.
        const std::vector<int> byLabel = labelOrder(m, names);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(names[byLabel[size_t(i)]], u"a"_s);
        // Too many rows: refused.
        QCOMPARE(similarityMatrix({data.data(), 20, 16},
                     std::vector<int>(size_t(kMaxSimilarityMatrixSize + 1), 0))
                     .size,
            0);
    }
};

QTEST_GUILESS_MAIN(TestProjection)
#include "TestProjection.moc"
