// SPDX-License-Identifier: MIT
// The Embeddings tab's maths against known answers: PCA on data with a known principal axis,
// UMAP's curve and smooth distances against umap-learn's values, UMAP keeping separated clusters
// apart, neighbours on a hand-made set (exact and the int8 candidate scan), and the similarity
// matrix's cluster order.
#include "core/analysis/Neighbours.h"
#include "core/analysis/Projection.h"
#include "core/analysis/Similarity.h"

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
        int agree = 0, total = 0;
        for (int i = 0; i < points.size(); ++i) {
            std::vector<std::pair<double, int>> byDistance;
            for (int j = 0; j < points.size(); ++j)
                if (j != i)
                    byDistance.push_back({QLineF(points[i], points[j]).length(), j});
            std::partial_sort(byDistance.begin(), byDistance.begin() + 5, byDistance.end());
            for (int m = 0; m < 5; ++m) {
                agree += labels[size_t(byDistance[size_t(m)].second)] == labels[size_t(i)];
                ++total;
            }
        }
        QVERIFY2(agree > 0.97 * total, qPrintable(u"%1 of %2"_s.arg(agree).arg(total)));
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

    void candidateSearchAgreesWithExactSearch()
    {
        // 6,000 rows: the int8 scan runs in parts on several threads where there are cores.
        std::vector<int> labels;
        const int n = 6000, d = 96;
        const std::vector<float> data = clustered(30, n / 30, d, 0.5f, &labels, 11);
        NeighbourIndex exact, approximate;
        exact.build({data.data(), n, d}, n);
        approximate.build({data.data(), n, d}, 0);
        QVERIFY(!exact.isApproximate());
        QVERIFY(approximate.isApproximate());
        // No copy of the vectors: inverse norms only (exact), plus int8 codes and scales.
        QCOMPARE(exact.extraBytes(), qint64(n) * 4);
        QCOMPARE(approximate.extraBytes(), qint64(n) * (d + 8));
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
