// SPDX-License-Identifier: MIT
// alephctl test FILE [--version V]... [--model M]... [--concurrency K] [--embedding-model M]:
// runs a saved test set (docs/test-set-format.md) with core's TestRunner, one JSON line per cell
// as it finishes and a summary line (similarity checks embed with --embedding-model, else with a
// model /model-settings lists with semantic embeddings); exit 1 when a check failed or a cell's
// request failed, so a prompt can be tested in CI.
#include "app/alephctl/Cli.h"
#include "app/alephctl/Command.h"
#include "core/workbench/TestRunner.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace alephctl {

namespace {

QByteArray line(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

bool usesSimilarity(const core::TestSet &set)
{
    for (int row = 0; row < set.rows.size(); ++row) {
        const QList<core::Check> checks = set.checksFor(row);
        if (std::any_of(checks.cbegin(), checks.cend(), [](const core::Check &c) {
                return c.kind == core::Check::Kind::Similarity;
            }))
            return true;
    }
    return false;
}

} // namespace

int testCommand(QCoreApplication &app, core::ApiClient &client, const QStringList &args)
{
    QString file;
    QStringList versions;
    QStringList models;
    core::TestRunOptions options;
    bool embeddingModelGiven = false;
    for (int i = 1; i < args.size(); ++i) {
        const QString a = args.at(i);
        if (a == u"--version"_s || a == u"--model"_s || a == u"-m"_s || a == u"--concurrency"_s
            || a == u"--embedding-model"_s) {
            if (++i >= args.size())
                return usage(u"test: "_s + a + u" needs a value"_s);
            const QString v = args.at(i);
            if (a == u"--version"_s) {
                versions.append(v);
            } else if (a == u"--concurrency"_s) {
                bool ok = false;
                options.concurrency = v.toInt(&ok);
                if (!ok || options.concurrency < 1 || options.concurrency > 64)
                    return usage(u"test: --concurrency takes a whole number from 1 to 64"_s);
            } else if (a == u"--embedding-model"_s) {
                options.embeddingModel = v;
                embeddingModelGiven = true;
            } else {
                models.append(v);
            }
        } else if (a.startsWith(u"--"_s)) {
            return usage(u"unknown option "_s + a);
        } else if (file.isEmpty()) {
            file = a;
        } else {
            return usage(u"test: one FILE only"_s);
        }
    }
    if (file.isEmpty())
        return usage(u"test: no FILE given"_s);
    QString error;
    std::optional<core::TestSet> set = core::loadTestSet(file, &error);
    if (!set)
        return usage(u"test: "_s + error);
    if (!versions.isEmpty()) {
        QList<core::TestedVersion> chosen;
        for (const QString &v : std::as_const(versions)) {
            auto it = std::find_if(set->versions.cbegin(),
                set->versions.cend(),
                [&v](const core::TestedVersion &p) { return p.version == v; });
            if (it == set->versions.cend())
                return usage(u"test: %1 has no prompt version \"%2\""_s.arg(file, v));
            chosen.append(*it);
        }
        set->versions = chosen;
    }
    if (set->versions.isEmpty())
        return usage(u"test: %1 has no prompt versions"_s.arg(file));
    if (!embeddingModelGiven && usesSimilarity(*set)) {
        // No --embedding-model: a model of this server with semantic embeddings (luminous-base
        // when it has it). If the list cannot be had, luminous-base is tried.
        QList<core::ModelSettings> available;
        runJob(app, client.modelSettings(), [&available](core::ModelSettingsJob *j) {
            available = j->result().models;
        });
        options.embeddingModel = core::semanticEmbeddingModel(available, options.embeddingModel);
    }
    const QList<core::RunColumn> columns = core::TestRunner::columnsFor(*set, models);
    for (const core::RunColumn &c : columns) {
        if (c.model.isEmpty())
            return usage(u"test: version \"%1\" names no model; give --model"_s.arg(c.version));
    }
    core::TestRunner runner(&client, *set, core::TestRunner::newRun(*set, columns), options);
    QObject::connect(&runner, &core::TestRunner::cellFinished, &app, [&runner](int row, int col) {
        out(line(core::cellJson(runner.testSet(), runner.run(), row, col)));
    });
    QObject::connect(&runner,
        &core::TestRunner::cellRetrying,
        &app,
        [](int row, int col, int retry, int total, int delayMs, const core::ApiError &e) {
            err(u"row %1 column %2: retrying %3/%4 in %5 s (%6)"_s.arg(row + 1)
                    .arg(col + 1)
                    .arg(retry)
                    .arg(total)
                    .arg(delayMs / 1000.0, 0, 'f', 1)
                    .arg(e.toString()));
        });
    QObject::connect(&runner, &core::TestRunner::finished, &app, [&app] { app.exit(0); });
    runner.start();
    app.exec();

    const core::TestRun &run = runner.run();
    QJsonArray columnArray;
    for (int c = 0; c < run.columns.size(); ++c) {
        const std::optional<double> rate = run.passRate(c);
        columnArray.append(QJsonObject{{u"version"_s, run.columns.at(c).version},
            {u"model"_s, run.columns.at(c).model},
            {u"passed"_s, run.passedCount(c)},
            {u"finished"_s, run.finishedCount(c)},
            {u"pass_rate"_s, rate ? QJsonValue(*rate) : QJsonValue()}});
    }
    int errors = 0;
    for (const core::CellResult &c : run.cells)
        errors += c.state == core::CellResult::State::Error ? 1 : 0;
    const int failed = run.finishedCount() - run.passedCount();
    out(line(QJsonObject{{u"summary"_s,
        QJsonObject{{u"set"_s, set->name},
            {u"cells"_s, int(run.cells.size())},
            {u"passed"_s, run.passedCount()},
            {u"failed"_s, failed},
            {u"errors"_s, errors},
            {u"columns"_s, columnArray}}}}));
    return failed > 0 ? ChecksFailed : Ok;
}

} // namespace alephctl
