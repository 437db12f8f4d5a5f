// SPDX-License-Identifier: MIT
// The Embeddings tab at 100,000 texts (issue 22), the data side:
//  (a) 100,000 × 5,120 clustered vectors: PCA time (target ≤ 8 s), the neighbour index's build,
//      query latency p50/p95 of search and neighbours (target ≤ 50 ms) and recall@10 against the
//      exact scan (target ≥ 0.95), resident memory against the raw vector bytes
//      (target ≤ 1.3 × raw + 300 MB);
//  (b) with --texts N: N short texts through the in-process sandbox into the Embeddings tab:
//      texts/s, the longest GUI-thread stall (gap between 2 ms ticks of a precise timer, as
//      bench_chat measures it; target ≤ 16 ms), the longest single event the GUI thread handled
//      (wall and the thread's CPU time: a long gap without a long event is the thread waiting for
//      a core), peak memory against the raw vector bytes.
// Prints the figures; asserts nothing.
//
// Run: bench_embeddings_scale [--rows N] [--dims D] [--queries Q] [--texts T] [--compress]
//      [--skip-vectors]
#include "core/analysis/Neighbours.h"
#include "core/analysis/Parallel.h"
#include "core/analysis/Projection.h"
#include "core/net/ApiClient.h"
#include "core/storage/Database.h"
#include "core/storage/EmbeddingCache.h"
#include "tests/bench/Timing.h"
#include "tests/support/SandboxClient.h"
#include "ui/embeddings/EmbeddingsTab.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <random>

using namespace Qt::StringLiterals;

namespace {

/// A field of /proc/self/status in MB ("VmRSS", "VmHWM"); 0 where there is none.
double statusMb(const char *field)
{
    QFile file(u"/proc/self/status"_s);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : file.readAll().split('\n'))
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return 0;
}

/// Resets VmHWM to the current VmRSS (Linux ≥ 4.0: "5" to /proc/self/clear_refs), so that the
/// next statusMb("VmHWM") is the peak of one phase. False where that is not possible.
bool resetPeak()
{
    QFile file(u"/proc/self/clear_refs"_s);
    return file.open(QIODevice::WriteOnly) && file.write("5") == 1;
}

/// The peak of the phase since the last resetPeak() in MB; raises `*overall` to it.
double phasePeak(double *overall)
{
    const double peak = statusMb("VmHWM");
    *overall = std::max(*overall, peak);
    return peak;
}

/// /proc/loadavg: the load averages over 1, 5 and 15 minutes, running/all tasks, last pid.
QString loadText()
{
    QFile file(u"/proc/loadavg"_s);
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll().trimmed()) : u"?"_s;
}

/// `rows` vectors around 64 random centres: the centre (norm ≈ √dims) plus Gaussian noise of 0.7
/// in every dimension (what makes the neighbours inside a cluster: the hard case for a search that
/// is not exact). Generated in parts on all threads.
std::vector<float> clusteredData(int rows, int dims)
{
    constexpr int kClusters = 64;
    std::mt19937 engine(1);
    std::normal_distribution<float> gaussian(0, 1);
    std::vector<float> centres(size_t(kClusters) * size_t(dims));
    for (float &v : centres)
        v = gaussian(engine);
    std::vector<float> data(size_t(rows) * size_t(dims));
    core::analysis::parallelParts(rows, 1, [&](int part, qsizetype begin, qsizetype end) {
        std::mt19937 local(unsigned(100 + part));
        std::normal_distribution<float> noise(0, 0.7f);
        for (qsizetype i = begin; i < end; ++i) {
            const float *centre = centres.data() + size_t(i % kClusters) * size_t(dims);
            float *row = data.data() + size_t(i) * size_t(dims);
            for (int d = 0; d < dims; ++d)
                row[d] = centre[d] + noise(local);
        }
    });
    return data;
}

double percentile(QList<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(std::min(v.size() - 1, qsizetype(v.size() * p)));
}

void benchVectors(int rows, int dims, int queries)
{
    const double startRss = statusMb("VmRSS");
    const double rawMb = double(rows) * dims * sizeof(float) / (1024.0 * 1024.0);
    // Each phase's own peak (VmHWM reset between phases where the kernel allows it); the
    // process's peak is the largest of them.
    const bool perPhase = resetPeak();
    double overallPeak = 0;
    QElapsedTimer clock;
    clock.start();
    const std::vector<float> data = clusteredData(rows, dims);
    const double dataPeak = phasePeak(&overallPeak);
    std::printf("(a) %d x %d clustered vectors: %.0f MB raw, made in %.1f s; threads %d; load %s\n",
        rows,
        dims,
        rawMb,
        bench::ms(clock) / 1000,
        core::analysis::analysisThreads(),
        qPrintable(loadText()));
    const core::analysis::VectorView view{data.data(), rows, dims};

    resetPeak();
    clock.restart();
    QList<double> shares;
    const core::analysis::PcaResult pca = core::analysis::pca(
        view, 2, 2, [&](double share, const QString &) { shares.append(share); });
    std::printf("PCA (2 components): %.2f s (target <= 8 s), %lld progress reports; load %s\n",
        bench::ms(clock) / 1000,
        static_cast<long long>(shares.size()),
        qPrintable(loadText()));

    const double pcaPeak = phasePeak(&overallPeak);

    resetPeak();
    clock.restart();
    core::analysis::NeighbourIndex index;
    index.build(view);
    const double buildPeak = phasePeak(&overallPeak);
    std::printf("neighbour index: %s, built in %.2f s, %.0f MB besides the vectors\n",
        index.isApproximate() ? "4-bit candidate scan + exact re-score" : "exact scan",
        bench::ms(clock) / 1000,
        double(index.extraBytes()) / (1024.0 * 1024.0));

    // Neighbours of rows and searches for vectors that are no row (a row, perturbed).
    resetPeak();
    std::mt19937 engine(5);
    std::normal_distribution<float> gaussian(0, 1);
    QList<double> rowMs, searchMs, exactMs;
    int hits = 0, total = 0;
    for (int q = 0; q < queries; ++q) {
        const int row = int((quint64(q) * 7919) % quint64(rows));
        clock.restart();
        const QList<core::analysis::Neighbour> near = index.nearestToRow(row, 10);
        rowMs.append(bench::ms(clock));
        std::vector<float> query(
            data.begin() + qsizetype(row) * dims, data.begin() + qsizetype(row + 1) * dims);
        for (float &v : query)
            v += 0.5f * gaussian(engine);
        clock.restart();
        const QList<core::analysis::Neighbour> found = index.nearest(query.data(), 10);
        searchMs.append(bench::ms(clock));
        clock.restart();
        const QList<core::analysis::Neighbour> exactFound = index.nearestExact(query.data(), 10);
        exactMs.append(bench::ms(clock));
        const QList<core::analysis::Neighbour> exactNear
            = index.nearestExact(data.data() + qsizetype(row) * dims, 10, row);
        const auto count = [&](const QList<core::analysis::Neighbour> &answer,
                               const QList<core::analysis::Neighbour> &exact) {
            for (const core::analysis::Neighbour &x : exact) {
                ++total;
                hits += std::any_of(answer.begin(),
                    answer.end(),
                    [&](const core::analysis::Neighbour &y) { return y.row == x.row; });
            }
        };
        count(near, exactNear);
        count(found, exactFound);
    }
    std::printf("neighbours of a row (k = 10): p50 %.1f ms, p95 %.1f ms; search (k = 10): p50 "
                "%.1f ms, p95 %.1f ms (target <= 50); exact scan p50 %.1f ms; recall@10 %.4f "
                "over %d queries (target >= 0.95); load %s\n",
        percentile(rowMs, 0.5),
        percentile(rowMs, 0.95),
        percentile(searchMs, 0.5),
        percentile(searchMs, 0.95),
        percentile(exactMs, 0.5),
        total ? double(hits) / total : 0.0,
        2 * queries,
        qPrintable(loadText()));
    const double queryPeak = phasePeak(&overallPeak);
    if (perPhase)
        std::printf("peaks (VmHWM) by phase: data %.0f MB, PCA %.0f MB, index build %.0f MB, "
                    "queries %.0f MB\n",
            dataPeak,
            pcaPeak,
            buildPeak,
            queryPeak);
    std::printf("memory: VmRSS %.0f MB, peak %.0f MB (at start %.0f MB); raw %.0f MB; target "
                "1.3 x raw + 300 = %.0f MB\n",
        statusMb("VmRSS"),
        overallPeak,
        startRss,
        rawMb,
        1.3 * rawMb + 300);
}

/// CPU time of the calling thread in ms.
double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1000.0 + double(t.tv_nsec) / 1e6;
}

/// The application, timing every event the GUI thread handles (outermost notify() only): the
/// longest one by wall time and by the thread's CPU time, with what it was. A gap between ticks
/// with no long event in it is the GUI thread waiting for a core, not working.
class TimedApplication : public QApplication
{
public:
    using QApplication::QApplication;
    struct Longest
    {
        double wallMs = 0, cpuMs = 0;
        QString what;
    };
    bool timing = false;
    Longest byWall, byCpu;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!timing || m_depth > 0 || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        // Read before: the receiver may be deleted by its event (DeferredDelete).
        const char *className = receiver->metaObject()->className();
        const int type = int(event->type());
        ++m_depth;
        QElapsedTimer wall;
        wall.start();
        const double cpu = threadCpuMs();
        const bool result = QApplication::notify(receiver, event);
        --m_depth;
        const double wallMs = bench::ms(wall);
        const double cpuMs = threadCpuMs() - cpu;
        if (wallMs > byWall.wallMs || cpuMs > byCpu.cpuMs) {
            const QString what = u"event %1 to %2"_s.arg(type).arg(QString::fromLatin1(className));
            if (wallMs > byWall.wallMs)
                byWall = {wallMs, cpuMs, what};
            if (cpuMs > byCpu.cpuMs)
                byCpu = {wallMs, cpuMs, what};
        }
        return result;
    }

private:
    int m_depth = 0;
};

/// Short texts on a few topics, each one different (the sandbox's vectors follow the words).
QStringList makeTexts(int count)
{
    const QStringList subjects = {u"The harbour"_s,
        u"My laptop"_s,
        u"The football team"_s,
        u"Our kitchen"_s,
        u"The election"_s,
        u"This recipe"_s,
        u"The train"_s,
        u"A new phone"_s};
    const QStringList verbs = {u"needs"_s, u"lost"_s, u"won"_s, u"shows"_s, u"gets"_s};
    const QStringList objects = {u"a repair"_s,
        u"the match"_s,
        u"fresh bread"_s,
        u"more votes"_s,
        u"a delay"_s,
        u"the battery"_s,
        u"some ships"_s};
    QStringList texts;
    texts.reserve(count);
    for (int i = 0; i < count; ++i)
        texts.append(u"%1 %2 %3, number %4."_s
                         .arg(subjects.at(i % subjects.size()),
                             verbs.at((i / 8) % verbs.size()),
                             objects.at((i / 40) % objects.size()))
                         .arg(i));
    return texts;
}

int benchTab(TimedApplication &app, int count, bool compress)
{
    testsupport::SandboxClient server;
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "sandbox: %s\n", qPrintable(error));
        return 1;
    }
    core::ApiClient &client = *server.client;
    QTemporaryDir dir;
    core::Database db(dir.filePath(u"cache.sqlite"_s));
    if (!db.open(&error)) {
        std::fprintf(stderr, "database: %s\n", qPrintable(error));
        return 1;
    }
    core::EmbeddingCache cache(&db);
    ui::EmbeddingsTab tab(&client);
    tab.setCache(&cache);
    tab.resize(1180, 700);
    tab.show();
    tab.setModel(u"sandbox-luminous-base"_s);
    tab.findChild<QComboBox *>(u"compressToSize"_s)->setCurrentIndex(compress ? 1 : 0);
    tab.setTextsAndLabels(makeTexts(count), {});
    QCoreApplication::processEvents();
    const double startRss = statusMb("VmRSS");

    // The longest gap between 2 ms ticks on the GUI thread, as bench_chat measures it.
    QList<double> gapsMs;
    QElapsedTimer tickClock;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(2);
    QElapsedTimer clock;
    double worstGap = 0, worstGapEnd = 0; // where the longest stall ended, from the start
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        gapsMs.append(bench::ms(tickClock));
        if (gapsMs.last() > worstGap) {
            worstGap = gapsMs.last();
            worstGapEnd = bench::ms(clock);
        }
        tickClock.restart();
    });
    bool finished = false, mapped = false;
    QObject::connect(&tab, &ui::EmbeddingsTab::runFinished, [&] { finished = true; });
    QObject::connect(&tab, &ui::EmbeddingsTab::mapReady, [&] { mapped = true; });
    tickClock.start();
    ticker.start();
    clock.start();
    app.timing = true;
    const double embedCpu = threadCpuMs();
    tab.embed();
    const double embedCallMs = bench::ms(clock);
    const double embedCallCpuMs = threadCpuMs() - embedCpu;
    while (!finished)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    const double runMs = bench::ms(clock);
    const QList<double> runGaps = gapsMs;
    const TimedApplication::Longest runByWall = app.byWall, runByCpu = app.byCpu;
    app.timing = false;
    while (!mapped && tab.set().rows() > 0)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    const double mapMs = bench::ms(clock);
    ticker.stop();
    const int rows = tab.set().rows();
    const int dims = tab.set().dims;
    const double rawMb = double(rows) * dims * sizeof(float) / (1024.0 * 1024.0);
    const auto maxOf = [](const QList<double> &v) {
        return v.isEmpty() ? 0.0 : *std::max_element(v.cbegin(), v.cend());
    };
    std::printf("(b) %d texts (%s) through the sandbox into the tab: %d vectors of %d, %.1f s "
                "(%.0f texts/s); status \"%s\"; load %s\n",
        count,
        compress ? "compress_to_size 128" : "full size",
        rows,
        dims,
        runMs / 1000,
        runMs > 0 ? rows * 1000.0 / runMs : 0.0,
        qPrintable(tab.statusText()),
        qPrintable(loadText()));
    std::printf("GUI gap max while embedding %.1f ms (p99 %.1f ms, embed() call %.1f ms); until "
                "the PCA map (%.1f s): max %.1f ms (ended at %.0f ms; run finished at %.0f ms), "
                "p99 %.1f ms; budget 16 ms\n",
        maxOf(runGaps),
        percentile(runGaps, 0.99),
        embedCallMs,
        mapMs / 1000,
        maxOf(gapsMs),
        worstGapEnd,
        runMs,
        percentile(gapsMs, 0.99));
    std::printf("longest GUI-thread event while embedding: %.1f ms wall (%.1f ms CPU; %s); by CPU "
                "%.1f ms (%.1f ms wall; %s); embed() call %.1f ms CPU\n",
        runByWall.wallMs,
        runByWall.cpuMs,
        qPrintable(runByWall.what),
        runByCpu.cpuMs,
        runByCpu.wallMs,
        qPrintable(runByCpu.what),
        embedCallCpuMs);
    std::printf("memory: VmHWM %.0f MB, VmRSS %.0f MB (%.0f MB before the run); raw %.0f MB; "
                "target 1.3 x raw + 300 = %.0f MB; %lld cached vectors\n",
        statusMb("VmHWM"),
        statusMb("VmRSS"),
        startRss,
        rawMb,
        1.3 * rawMb + 300,
        static_cast<long long>(cache.count()));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TimedApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption rowsOption(u"rows"_s, u"Vectors of (a)."_s, u"N"_s, u"100000"_s);
    const QCommandLineOption dimsOption(u"dims"_s, u"Their size."_s, u"D"_s, u"5120"_s);
    const QCommandLineOption queriesOption(u"queries"_s, u"Queries of (a)."_s, u"Q"_s, u"50"_s);
    const QCommandLineOption textsOption(
        u"texts"_s, u"Texts of (b) (0: skip it)."_s, u"N"_s, u"0"_s);
    const QCommandLineOption compressOption(u"compress"_s, u"(b) with compress_to_size 128."_s);
    const QCommandLineOption skipOption(u"skip-vectors"_s, u"Skip (a)."_s);
    parser.addOptions(
        {rowsOption, dimsOption, queriesOption, textsOption, compressOption, skipOption});
    parser.process(app);
    if (!parser.isSet(skipOption))
        benchVectors(parser.value(rowsOption).toInt(),
            parser.value(dimsOption).toInt(),
            parser.value(queriesOption).toInt());
    const int texts = parser.value(textsOption).toInt();
    return texts > 0 ? benchTab(app, texts, parser.isSet(compressOption)) : 0;
}
