// SPDX-License-Identifier: MIT
// The Embeddings tab at 100,000 texts (issue 22): UMAP of 100,000 rows (target ≤ 120 s), t-SNE of
// 20,000 rows, how soon a cancelled UMAP returns, and the map of 1,000,000 points redrawn while
// zooming (target ≤ 16 ms a frame). Synthetic data: `--clusters` Gaussian blobs in `--dims`
// dimensions (noise 0.8 around unit-variance centres); the layouts' quality is the share of each
// sampled point's 10 nearest map points with its blob (kNN label agreement). Figures only:
// nothing is asserted.
//
// Run: build/tests/bench/bench_projection_scale [--umap-rows N] [--tsne-rows N] [--dims D]
// [--clusters C] [--points P] [--width W] [--height H] [--save FILE.png] [--cancel-after MS]
// [--print-frames 1] (0 rows or points skip that part; --print-frames lists every zoom frame)
#include "core/analysis/Projection.h"
#include "core/analysis/Tsne.h"
#include "ui/embeddings/MapView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineF>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <thread>

using namespace Qt::StringLiterals;

namespace {

/// `rows` points around `clusters` centres in `dims` dimensions; labels[i] = i % clusters.
std::vector<float> clusteredData(int rows, int dims, int clusters, std::vector<int> *labels)
{
    std::mt19937 engine(1);
    std::normal_distribution<float> gaussian(0, 1);
    std::vector<float> centres(size_t(clusters) * size_t(dims));
    for (float &v : centres)
        v = gaussian(engine);
    std::vector<float> data(size_t(rows) * size_t(dims));
    labels->resize(size_t(rows));
    for (int i = 0; i < rows; ++i) {
        const int c = i % clusters;
        (*labels)[size_t(i)] = c;
        for (int d = 0; d < dims; ++d)
            data[size_t(i) * size_t(dims) + size_t(d)]
                = centres[size_t(c) * size_t(dims) + size_t(d)] + 0.8f * gaussian(engine);
    }
    return data;
}

/// kNN label agreement of `samples` evenly spaced points against all points (k = 10).
double agreement(const QList<QPointF> &points, const std::vector<int> &labels, int samples)
{
    const int n = int(points.size());
    if (n < 12)
        return 0;
    samples = std::min(samples, n);
    int agree = 0, total = 0;
    std::vector<std::pair<double, int>> byDistance(static_cast<size_t>(n));
    for (int s = 0; s < samples; ++s) {
        const int i = int(qint64(s) * n / samples);
        for (int j = 0; j < n; ++j) {
            const double dx = points[j].x() - points[i].x(), dy = points[j].y() - points[i].y();
            byDistance[size_t(j)] = {j == i ? 1e300 : dx * dx + dy * dy, j};
        }
        std::partial_sort(byDistance.begin(), byDistance.begin() + 10, byDistance.end());
        for (int m = 0; m < 10; ++m) {
            agree += labels[size_t(byDistance[size_t(m)].second)] == labels[size_t(i)];
            ++total;
        }
    }
    return double(agree) / total;
}

/// Times each phase of a layout from its progress reports.
struct PhaseClock
{
    QElapsedTimer clock;
    QString phase;
    qint64 phaseStart = 0;
    QStringList lines;
    core::analysis::ProgressFunction function()
    {
        clock.start();
        return [this](double, const QString &p) {
            if (p == phase)
                return;
            finish();
            phase = p;
            phaseStart = clock.elapsed();
        };
    }
    void finish()
    {
        if (!phase.isEmpty())
            lines.append(
                u"%1 %2 s"_s.arg(phase).arg((clock.elapsed() - phaseStart) / 1000.0, 0, 'f', 1));
    }
};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    int umapRows = 100000, tsneRows = 20000, dims = 5120, clusters = 20, points = 1000000;
    int width = 1440, height = 900, cancelAfter = 5000, printFrames = 0;
    QString save;
    const QStringList args = QCoreApplication::arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        const int v = args.at(i + 1).toInt();
        if (args.at(i) == u"--umap-rows"_s)
            umapRows = v;
        else if (args.at(i) == u"--tsne-rows"_s)
            tsneRows = v;
        else if (args.at(i) == u"--dims"_s)
            dims = v;
        else if (args.at(i) == u"--clusters"_s)
            clusters = v;
        else if (args.at(i) == u"--points"_s)
            points = v;
        else if (args.at(i) == u"--width"_s)
            width = v;
        else if (args.at(i) == u"--height"_s)
            height = v;
        else if (args.at(i) == u"--print-frames"_s)
            printFrames = v;
        else if (args.at(i) == u"--cancel-after"_s)
            cancelAfter = v;
        else if (args.at(i) == u"--save"_s)
            save = args.at(i + 1);
    }
    if (dims < 2 || clusters < 1 || width < 240 || height < 200) {
        std::fprintf(stderr, "bench_projection_scale: bad arguments\n");
        return 2;
    }
    std::printf("threads: %u\n", std::thread::hardware_concurrency());

    if (umapRows > 0) {
        std::vector<int> labels;
        const std::vector<float> data = clusteredData(umapRows, dims, clusters, &labels);
        const core::analysis::VectorView view{data.data(), umapRows, dims};
        PhaseClock phases;
        QElapsedTimer clock;
        clock.start();
        const QList<QPointF> layout = core::analysis::umap(view, {}, phases.function());
        const double seconds = clock.elapsed() / 1000.0;
        phases.finish();
        std::printf("UMAP %d x %d                %8.1f s (target <= 120; %s); kNN label "
                    "agreement %.3f\n",
            umapRows,
            dims,
            seconds,
            qPrintable(phases.lines.join(u", "_s)),
            agreement(layout, labels, 1000));

        // Cancel after `cancelAfter` ms: how long until umap() returns.
        std::atomic<bool> cancel{false};
        QElapsedTimer cancelClock;
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(cancelAfter));
            cancelClock.start();
            cancel = true;
        });
        QString phaseAtCancel;
        const QList<QPointF> none = core::analysis::umap(
            view,
            {},
            [&](double, const QString &phase) {
                if (!cancel)
                    phaseAtCancel = phase;
            },
            &cancel);
        canceller.join();
        std::printf("UMAP %d x %d cancelled at %.1f s (in \"%s\"): returned after %lld ms (%s)\n",
            umapRows,
            dims,
            cancelAfter / 1000.0,
            qPrintable(phaseAtCancel),
            cancelClock.elapsed(),
            none.isEmpty() ? "empty" : "NOT empty");
    }

    if (tsneRows > 0) {
        std::vector<int> labels;
        const std::vector<float> data = clusteredData(tsneRows, dims, clusters, &labels);
        PhaseClock phases;
        QElapsedTimer clock;
        clock.start();
        const QList<QPointF> layout
            = core::analysis::tsne({data.data(), tsneRows, dims}, {}, phases.function());
        const double seconds = clock.elapsed() / 1000.0;
        phases.finish();
        std::printf("t-SNE %d x %d (1,000 iterations) %8.1f s (%s); kNN label agreement %.3f\n",
            tsneRows,
            dims,
            seconds,
            qPrintable(phases.lines.join(u", "_s)),
            agreement(layout, labels, 1000));
    }

    if (points > 0) {
        // A map like a UMAP of `clusters` topics: blobs of different sizes and densities.
        std::mt19937 engine(2);
        std::normal_distribution<double> gaussian(0, 1);
        QList<QPointF> xy;
        QList<int> labels;
        QStringList texts;
        QStringList names;
        for (int c = 0; c < clusters; ++c)
            names.append(u"topic %1"_s.arg(c + 1));
        xy.reserve(points);
        labels.reserve(points);
        for (int i = 0; i < points; ++i) {
            const int c = i % clusters;
            const double spread = 0.4 + 0.15 * (c % 5);
            const double angle = c * 2.4, radius = 3 + 1.2 * c;
            xy.append(QPointF(radius * std::cos(angle) + spread * gaussian(engine),
                radius * std::sin(angle) + spread * gaussian(engine)));
            labels.append(i % 97 == 0 ? -1 : c);
            texts.append(QString());
        }
        ui::MapView map;
        map.resize(width, height);
        QElapsedTimer clock;
        clock.start();
        map.setPoints(xy, labels, names, texts);
        const double setMs = clock.nsecsElapsed() / 1e6;
        map.grab(); // first paint: the image buffers
        if (!save.isEmpty())
            map.grab().save(save);
        std::printf("map of %d points at %d x %d: setPoints %.0f ms (grid index)\n",
            points,
            width,
            height,
            setMs);
        // Zoom in towards a blob's edge in 1.25× steps, then out again; per zoom band the median
        // and the worst whole-widget paint (raster, marks, legend, axes), as map.grab() paints it.
        // Towards blob 4's edge (its centre at radius 7.8, angle 9.6 rad).
        const QPointF anchor
            = map.toWidget(QPointF(7.8 * std::cos(9.6) + 0.5, 7.8 * std::sin(9.6)));
        struct Band
        {
            double fromZoom = 1, toZoom = 1;
            std::vector<double> frames, rasters;
            int density = 0;
        };
        std::vector<Band> bands(4);
        double zoom = 1;
        for (int pass = 0; pass < 2; ++pass) {
            for (int step = 0; step < 32; ++step) {
                const double factor = pass == 0 ? 1.25 : 1 / 1.25;
                map.zoomAt(anchor, factor);
                zoom *= factor;
                QElapsedTimer frame;
                frame.start();
                map.grab();
                const double ms = frame.nsecsElapsed() / 1e6;
                const int level = std::clamp(int(std::log(zoom) / std::log(1.25) / 8), 0, 3);
                Band &band = bands[size_t(level)];
                band.frames.push_back(ms);
                band.rasters.push_back(map.lastRasterMs());
                band.density += map.lastRasterWasDensity();
                if (printFrames)
                    std::printf("    frame %2d zoom %7.1fx: %5.2f ms (raster %5.2f ms, %s)\n",
                        pass * 32 + step,
                        zoom,
                        ms,
                        map.lastRasterMs(),
                        map.lastRasterWasDensity() ? "density" : "discs");
            }
        }
        for (int level = 0; level < 4; ++level) {
            const Band &band = bands[size_t(level)];
            if (band.frames.empty())
                continue;
            std::printf("  zoom %6.0fx .. %6.0fx: frame median %5.2f ms, max %5.2f ms; raster "
                        "median %5.2f ms (%d of %zu frames density, rest discs; target <= 16)\n",
                std::pow(1.25, level * 8),
                std::pow(1.25, level * 8 + 8),
                median(band.frames),
                *std::max_element(band.frames.begin(), band.frames.end()),
                median(band.rasters),
                band.density,
                band.frames.size());
        }
        std::vector<double> all;
        for (const Band &band : bands)
            all.insert(all.end(), band.frames.begin(), band.frames.end());
        std::printf("  all %zu frames: median %5.2f ms, max %5.2f ms (target <= 16)\n",
            all.size(),
            median(all),
            all.empty() ? 0.0 : *std::max_element(all.begin(), all.end()));
        // Hover: the nearest point under the cursor (the grid lookup).
        map.fit();
        QElapsedTimer hover;
        hover.start();
        int found = 0;
        for (int i = 0; i < 1000; ++i)
            found
                += map.pointAt(QPointF(100 + (i * 37) % (width - 200), 100 + (i * 53) % 600)) >= 0;
        std::printf("  pointAt (hover) %.3f ms a lookup (%d of 1000 hit a point)\n",
            hover.nsecsElapsed() / 1e6 / 1000,
            found);
    }
    return 0;
}
