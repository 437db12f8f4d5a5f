// SPDX-License-Identifier: MIT
// The Embeddings tab's budgets: PCA of 10,000 × 5,120 (target ≤ 1 s), the map of 100,000 points
// redrawn while zooming (target ≤ 16 ms a frame), plus UMAP, the neighbour index and the
// 2,000 × 2,000 similarity matrix for reference. Random data with 8 clusters; medians of --runs.
//
// Run: build/tests/bench/bench_embeddings [--rows N] [--dims D] [--points P] [--runs R]
// [--umap-rows U] Prints the figures; nothing is asserted.
#include "core/analysis/Neighbours.h"
#include "core/analysis/Projection.h"
#include "core/analysis/Similarity.h"
#include "ui/embeddings/MapView.h"

#include <QApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <random>

using namespace Qt::StringLiterals;

namespace {

std::vector<float> clusteredData(int rows, int dims, unsigned seed)
{
    std::mt19937 engine(seed);
    std::normal_distribution<float> gaussian(0, 1);
    std::vector<float> centres(size_t(8) * size_t(dims));
    for (float &v : centres)
        v = gaussian(engine);
    std::vector<float> data(size_t(rows) * size_t(dims));
    for (int i = 0; i < rows; ++i)
        for (int d = 0; d < dims; ++d)
            data[size_t(i) * size_t(dims) + size_t(d)]
                = centres[size_t(i % 8) * size_t(dims) + size_t(d)] + 0.7f * gaussian(engine);
    return data;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

template<class F>
double timeMs(F &&f)
{
    QElapsedTimer clock;
    clock.start();
    f();
    return clock.nsecsElapsed() / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    int rows = 10000, dims = 5120, points = 100000, runs = 3, umapRows = 5000;
    const QStringList args = QCoreApplication::arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        const int v = args.at(i + 1).toInt();
        if (args.at(i) == u"--rows"_s)
            rows = v;
        else if (args.at(i) == u"--dims"_s)
            dims = v;
        else if (args.at(i) == u"--points"_s)
            points = v;
        else if (args.at(i) == u"--runs"_s)
            runs = v;
        else if (args.at(i) == u"--umap-rows"_s)
            umapRows = v;
    }
    if (rows < 2 || dims < 2 || points < 1 || runs < 1) {
        std::fprintf(stderr, "bench_embeddings: bad arguments\n");
        return 2;
    }

    const std::vector<float> data = clusteredData(rows, dims, 1);
    const core::analysis::VectorView view{data.data(), rows, dims};
    std::vector<double> pcaMs;
    for (int r = 0; r < runs; ++r)
        pcaMs.push_back(timeMs([&] { core::analysis::pca(view, 2); }));
    std::printf("PCA %d x %d (2 components)            %8.1f ms (median of %d; target <= 1000)\n",
        rows,
        dims,
        median(pcaMs),
        runs);

    const int matrixRows = std::min(rows, core::analysis::kMaxSimilarityMatrixSize);
    core::analysis::SimilarityMatrix matrix;
    const double matrixMs = timeMs([&] {
        matrix = core::analysis::similarityMatrix({data.data(), matrixRows, dims});
    });
    const double orderMs = timeMs([&] { core::analysis::clusterOrder(matrix); });
    std::printf("similarity matrix %d x %d               %8.1f ms, cluster order %.1f ms\n",
        matrixRows,
        matrixRows,
        matrixMs,
        orderMs);

    core::analysis::NeighbourIndex index;
    const double indexMs = timeMs([&] { index.build(view); });
    const double queryMs = timeMs([&] {
        for (int q = 0; q < 100; ++q)
            index.nearestToRow(q * 7 % rows, 10);
    }) / 100;
    std::printf("neighbour index %d rows (%s)       %8.1f ms build, %.3f ms a query (k = 10)\n",
        rows,
        index.isApproximate() ? "4-bit" : "exact",
        indexMs,
        queryMs);

    const int u = std::min(rows, umapRows);
    const double umapMs = timeMs([&] { core::analysis::umap({data.data(), u, dims}); });
    std::printf("UMAP %d rows                           %8.1f ms\n", u, umapMs);

    // The map: 100,000 points in 2-D (8 blobs), redrawn at 20 zoom steps.
    std::mt19937 engine(2);
    std::normal_distribution<double> gaussian(0, 1);
    QList<QPointF> xy;
    QList<int> labels;
    QStringList texts;
    xy.reserve(points);
    for (int i = 0; i < points; ++i) {
        const int c = i % 8;
        xy.append(
            QPointF(10 * std::cos(c) + gaussian(engine), 10 * std::sin(c) + gaussian(engine)));
        labels.append(c);
        texts.append(QString());
    }
    ui::MapView map;
    map.resize(900, 700);
    map.setPoints(
        xy, labels, {u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s, u"f"_s, u"g"_s, u"h"_s}, texts);
    std::vector<double> rasterMs, frameMs;
    map.grab(); // first paint: the image buffers
    for (int step = 0; step < 20; ++step) {
        map.zoomAt(QPointF(450, 350), step < 10 ? 1.15 : 1 / 1.15);
        // A whole widget paint as on screen: the raster of the points, marks, legend, axes.
        frameMs.push_back(timeMs([&] { map.grab(); }));
        rasterMs.push_back(map.lastRasterMs());
    }
    std::printf("map of %d points: raster %.2f ms, whole redraw while zooming %.2f ms (median of "
                "20; target <= 16)\n",
        points,
        median(rasterMs),
        median(frameMs));
    return 0;
}
