// SPDX-License-Identifier: MIT
// Test-set runs (issue 23) against the in-process sandbox through the real window: a set of
// N rows (default 1,000) on one prompt version × M models, the grid on screen (offscreen), K
// cells in flight. Prints rows/s and the longest GUI-thread stall (gap between 2 ms ticks of a
// precise timer; budget 16 ms). Asserts nothing.
// Run: bench_testset [--rows N] [--models M] [--concurrency K] [--requests]
//   --requests adds a similarity and a log-probability check (two more requests per cell).
#include "core/net/ApiClient.h"
#include "sandbox/SandboxServer.h"
#include "tests/bench/Timing.h"
#include "ui/testsets/TestResultsModel.h"
#include "ui/testsets/TestRunPanel.h"
#include "ui/testsets/TestSetModel.h"
#include "ui/testsets/TestSetWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption rowsOption(u"rows"_s, u"rows of the set"_s, u"N"_s, u"1000"_s);
    const QCommandLineOption modelsOption(u"models"_s, u"models (1 or 2)"_s, u"M"_s, u"1"_s);
    const QCommandLineOption concurrencyOption(
        u"concurrency"_s, u"cells in flight"_s, u"K"_s, u"8"_s);
    const QCommandLineOption requestsOption(
        u"requests"_s, u"add similarity and log-probability checks"_s);
    parser.addOptions({rowsOption, modelsOption, concurrencyOption, requestsOption});
    parser.process(app);
    const int rows = parser.value(rowsOption).toInt();

    sandbox::SandboxOptions options;
    options.tokensPerSecond = 0;
    sandbox::EmbeddedSandbox server(options);
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "sandbox: %s\n", qPrintable(error));
        return 1;
    }
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    core::ClientConfig config;
    config.baseUrl = server.baseUrl();
    config.token = server.token();
    core::ApiClient client(&nam, config);

    static const QStringList countries{u"France"_s,
        u"Germany"_s,
        u"Italy"_s,
        u"Spain"_s,
        u"Japan"_s,
        u"Kenya"_s,
        u"Peru"_s,
        u"Canada"_s,
        u"Norway"_s,
        u"Egypt"_s};
    core::TestSet set;
    set.name = u"bench"_s;
    set.variables = {u"country"_s, u"n"_s};
    for (int i = 0; i < rows; ++i)
        set.rows.append(
            {{{u"country"_s, countries.at(i % countries.size())}, {u"n"_s, QString::number(i)}},
                u"Paris"_s,
                {}});
    core::TestedVersion v;
    v.version = u"1"_s;
    v.model = u"sandbox-luminous-base"_s;
    v.promptTemplate = u"Question {{ n }}: what is the capital of {{ country }}?\nAnswer:"_s;
    v.parameters = {{u"maximum_tokens"_s, 16}};
    set.versions = {v};
    for (const QString &json : {uR"({"kind":"contains"})"_s,
             uR"({"kind":"regex","pattern":"\\w"})"_s,
             uR"({"kind":"max_length","characters":80})"_s,
             uR"({"kind":"json"})"_s}) {
        QString e;
        set.checks.append(
            *core::Check::fromJson(QJsonDocument::fromJson(json.toUtf8()).object(), &e));
    }
    if (parser.isSet(requestsOption)) {
        QString e;
        set.checks.append(*core::Check::make(core::Check::Kind::Similarity, {}, 0.5, &e));
        set.checks.append(*core::Check::make(core::Check::Kind::LogProbability, {}, -50, &e));
    }

    QTemporaryDir dir;
    ui::TestSetWindow window(&client);
    window.runPanel()->setStoreDirectory(dir.path());
    window.model()->setTestSet(set);
    window.runPanel()->setModels(parser.value(modelsOption).toInt() > 1
            ? QStringList{u"sandbox-luminous-base"_s, u"sandbox-llama-3.1-8b-instruct"_s}
            : QStringList{u"sandbox-luminous-base"_s});
    window.runPanel()->setConcurrency(parser.value(concurrencyOption).toInt());
    window.runPanel()->setEmbeddingModel(u"sandbox-luminous-base"_s);
    window.resize(1400, 860);
    window.show();
    window.tabs()->setCurrentWidget(window.runPanel());
    QCoreApplication::processEvents();

    bench::GuiGaps gaps;
    bool done = false;
    QObject::connect(window.runPanel(), &ui::TestRunPanel::runStopped, [&] { done = true; });
    QElapsedTimer clock;
    clock.start();
    gaps.start();
    window.runPanel()->run();
    while (!done)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    gaps.stop();
    const double seconds = bench::ms(clock) / 1000.0;
    const core::TestRun &run = window.runPanel()->currentRun();
    int errors = 0;
    for (const core::CellResult &c : run.cells)
        errors += c.state == core::CellResult::State::Error ? 1 : 0;
    std::printf("test set: %d rows × %lld columns = %lld cells (%d checks each, K=%s) in %.2f s: "
                "%.0f rows/s, %.0f cells/s; %d passed, %d errors; GUI gap max %.1f ms, p99 %.1f ms "
                "over %lld ticks; budget 16 ms\n",
        rows,
        static_cast<long long>(run.columns.size()),
        static_cast<long long>(run.cells.size()),
        int(set.checks.size()),
        qPrintable(parser.value(concurrencyOption)),
        seconds,
        rows / seconds,
        run.cells.size() / seconds,
        run.passedCount(),
        errors,
        gaps.maxMs(),
        gaps.p99Ms(),
        static_cast<long long>(gaps.ticks()));
    return run.finishedCount() == run.cells.size() ? 0 : 1;
}
