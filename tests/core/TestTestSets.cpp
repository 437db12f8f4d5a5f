// SPDX-License-Identifier: MIT
// Test sets (issue 23): template filling, checks, CSV/JSONL import, and runs against the
// in-process sandbox over real sockets (2 versions × 2 models, cancel and resume, pass rates,
// comparison of two runs, exports).
#include "core/storage/PromptLibrary.h"
#include "core/util/Csv.h"
#include "core/workbench/JsonSchema.h"
#include "core/workbench/Template.h"
#include "core/workbench/TestRunner.h"
#include "tests/support/SandboxClient.h"
#include "tests/support/TempDatabase.h"
#include "tests/support/TestSetFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using core::Check;
using core::CheckResult;

namespace {

Check check(const QString &json)
{
    QString error;
    std::optional<Check> c
        = Check::fromJson(QJsonDocument::fromJson(json.toUtf8()).object(), &error);
    if (!c)
        qFatal("bad check %s: %s", qPrintable(json), qPrintable(error));
    return *c;
}

/// The fixture with two versions and a check of every kind for every row.
core::TestSet capitalsSet()
{
    std::optional<core::TestSet> set = testsupport::capitalsFixture();
    core::TestedVersion v1;
    v1.version = u"1"_s;
    v1.promptTemplate = u"Q: What is the capital of {{ country }}?\nA:"_s;
    v1.parameters = {{u"maximum_tokens"_s, 12}};
    core::TestedVersion v2;
    v2.version = u"2"_s;
    v2.promptTemplate = u"Answer {{ style }}. The capital of {{ country }} is"_s;
    v2.parameters = {{u"maximum_tokens"_s, 8}, {u"temperature"_s, 0.0}};
    set->versions = {v1, v2};
    set->checks = {check(uR"({"kind":"exact"})"_s),
        check(uR"({"kind":"contains","text":"the"})"_s),
        check(uR"({"kind":"regex","pattern":"\\w"})"_s),
        check(uR"({"kind":"json"})"_s),
        check(uR"({"kind":"json_schema","schema":{"type":"string"}})"_s),
        check(uR"({"kind":"max_length","characters":40})"_s),
        check(uR"({"kind":"similarity","threshold":0.5})"_s),
        check(uR"({"kind":"log_probability","threshold":-30})"_s),
        check(uR"({"kind":"manual","scale":"1-5","pass_from":3})"_s)};
    return *set;
}

const QStringList kModels{u"sandbox-luminous-base"_s, u"sandbox-llama-3.1-8b-instruct"_s};

} // namespace

class TestTestSets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void templateIsFilledFromValues();
    void jsonSchemaValidation_data();
    void jsonSchemaValidation();
    void pureChecksDecide();
    void checksRoundTripThroughJson();
    void csvImportFindsVariablesExpectedAndChecks();
    void jsonlImportTakesNestedAndFlatRows();
    void badImportsSayWhere();
    void setSavesAndLoads();
    void libraryVersionBecomesTestedVersion();
    void runCancelResumeAndCompare();
    void retriesAreCountedPerCell();

private:
    /// Runs `runner` to its end; false when it does not finish in time.
    bool runToEnd(core::TestRunner &runner);
    testsupport::SandboxClient m_sandbox;
    QTemporaryDir m_dir;
};

void TestTestSets::initTestCase()
{
    QString error;
    QVERIFY2(m_sandbox.start(&error), qPrintable(error));
    QVERIFY(m_dir.isValid());
}

bool TestTestSets::runToEnd(core::TestRunner &runner)
{
    QSignalSpy finished(&runner, &core::TestRunner::finished);
    runner.start();
    return finished.wait(60000);
}

void TestTestSets::templateIsFilledFromValues()
{
    const QString t = u"Hi {{name}}, {{ name }} likes {{  thing_2 }}; {{ not valid-}}"_s;
    QCOMPARE(core::templateVariables(t), (QStringList{u"name"_s, u"thing_2"_s}));
    QString missing;
    QCOMPARE(core::fillTemplate(t, {{u"name"_s, u"Ada"_s}, {u"thing_2"_s, u"tea"_s}}, &missing),
        u"Hi Ada, Ada likes tea; {{ not valid-}}"_s);
    QVERIFY(missing.isEmpty());
    QCOMPARE(core::fillTemplate(t, {{u"name"_s, u"Ada"_s}}, &missing),
        u"Hi Ada, Ada likes ; {{ not valid-}}"_s);
    QCOMPARE(missing, u"thing_2"_s);
}

void TestTestSets::jsonSchemaValidation_data()
{
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("instance");
    QTest::addColumn<QString>("error"); // empty: valid

    const QString person = uR"({"type":"object","required":["name","age"],
        "additionalProperties":false,
        "properties":{"name":{"type":"string","minLength":1},
                      "age":{"type":"integer","minimum":0,"maximum":150},
                      "tags":{"type":"array","items":{"$ref":"#/$defs/tag"},"maxItems":2}},
        "$defs":{"tag":{"enum":["a","b"]}}})"_s;
    QTest::newRow("valid") << person << uR"({"name":"Ada","age":36,"tags":["a"]})"_s << QString();
    QTest::newRow("type") << person << uR"({"name":"Ada","age":"36"})"_s
                          << u"$.age: expected integer, got string"_s;
    QTest::newRow("fraction") << person << uR"({"name":"Ada","age":36.5})"_s
                              << u"$.age: expected integer, got number"_s;
    QTest::newRow("required") << person << uR"({"name":"Ada"})"_s
                              << u"$: property \"age\" is required"_s;
    QTest::newRow("additional") << person << uR"({"name":"Ada","age":1,"x":1})"_s
                                << u"$: property \"x\" is not allowed"_s;
    QTest::newRow("maximum") << person << uR"({"name":"Ada","age":151})"_s
                             << u"$.age: above the maximum 150"_s;
    QTest::newRow("ref enum") << person << uR"({"name":"Ada","age":1,"tags":["c"]})"_s
                              << u"$.tags[0]: not one of the enum values"_s;
    QTest::newRow("maxItems") << person << uR"({"name":"Ada","age":1,"tags":["a","b","a"]})"_s
                              << u"$.tags: more than 2 items"_s;
    QTest::newRow("minLength") << person << uR"({"name":"","age":1})"_s
                               << u"$.name: shorter than 1 characters"_s;
    const QString alternatives
        = uR"({"anyOf":[{"type":"number"},{"type":"string","pattern":"^x"}]})"_s;
    QTest::newRow("anyOf number") << alternatives << u"3"_s << QString();
    QTest::newRow("anyOf pattern") << alternatives << uR"("xy")"_s << QString();
    QTest::newRow("anyOf none")
        << alternatives << uR"("yx")"_s
        << u"$: matches none of the anyOf alternatives (first: $: expected number, got string)"_s;
}

void TestTestSets::jsonSchemaValidation()
{
    QFETCH(QString, schema);
    QFETCH(QString, instance);
    QFETCH(QString, error);
    const QJsonObject s = QJsonDocument::fromJson(schema.toUtf8()).object();
    QVERIFY(!s.isEmpty());
    const QJsonValue v = QJsonDocument::fromJson(u"[%1]"_s.arg(instance).toUtf8()).array().first();
    QString why;
    QCOMPARE(core::validateJsonSchema(v, s, &why), error.isEmpty());
    QCOMPARE(why, error);
}

void TestTestSets::pureChecksDecide()
{
    using V = CheckResult::Verdict;
    auto verdict = [](const QString &json, const QString &answer, const QString &expected) {
        return core::evaluateCheck(check(json), answer, expected).verdict;
    };
    QCOMPARE(verdict(uR"({"kind":"exact"})"_s, u" Paris\n"_s, u"Paris"_s), V::Pass);
    QCOMPARE(verdict(uR"({"kind":"exact"})"_s, u"Paris."_s, u"Paris"_s), V::Fail);
    QCOMPARE(verdict(uR"({"kind":"contains"})"_s, u"It is Paris."_s, u" Paris "_s), V::Pass);
    QCOMPARE(verdict(uR"({"kind":"contains","text":"Lyon"})"_s, u"Paris"_s, u"Paris"_s), V::Fail);
    QCOMPARE(verdict(uR"({"kind":"regex","pattern":"^\\d+$"})"_s, u"123"_s, {}), V::Pass);
    QCOMPARE(verdict(uR"({"kind":"regex","pattern":"^\\d+$"})"_s, u"12a"_s, {}), V::Fail);
    QCOMPARE(verdict(uR"({"kind":"json"})"_s, u" {\"a\": 1} "_s, {}), V::Pass);
    QCOMPARE(verdict(uR"({"kind":"json"})"_s, u"{a: 1}"_s, {}), V::Fail);
    const QString schema
        = uR"({"kind":"json_schema","schema":{"type":"object","required":["a"]}})"_s;
    QCOMPARE(verdict(schema, u"{\"a\": 1}"_s, {}), V::Pass);
    const CheckResult bad = core::evaluateCheck(check(schema), u"{\"b\": 1}"_s, {});
    QCOMPARE(bad.verdict, V::Fail);
    QVERIFY2(bad.reason.contains(u"property \"a\" is required"_s), qPrintable(bad.reason));
    const CheckResult longer
        = core::evaluateCheck(check(uR"({"kind":"max_length","characters":3})"_s), u" abcd "_s, {});
    QCOMPARE(longer.verdict, V::Fail);
    QCOMPARE(longer.score.value_or(-1), 4.0);
    QCOMPARE(verdict(uR"({"kind":"max_length","characters":4})"_s, u" abcd "_s, {}), V::Pass);
    QCOMPARE(verdict(uR"({"kind":"similarity"})"_s, u"a"_s, u"a"_s), V::Pending);
    QCOMPARE(verdict(uR"({"kind":"log_probability"})"_s, u"a"_s, u"a"_s), V::Pending);
    QCOMPARE(
        core::similarityResult(check(uR"({"kind":"similarity","threshold":0.8})"_s), 0.81).verdict,
        V::Pass);
    QCOMPARE(
        core::logProbabilityResult(check(uR"({"kind":"log_probability","threshold":-2})"_s), -2.5)
            .verdict,
        V::Fail);
    const Check thumbs = check(uR"({"kind":"manual","scale":"thumbs"})"_s);
    QCOMPARE(core::evaluateCheck(thumbs, u"x"_s, {}).verdict, V::Pending);
    QCOMPARE(core::evaluateCheck(thumbs, u"x"_s, {}, core::ManualGrade{5, {}}).verdict, V::Pass);
    const CheckResult down
        = core::evaluateCheck(thumbs, u"x"_s, {}, core::ManualGrade{1, u"rude"_s});
    QCOMPARE(down.verdict, V::Fail);
    QVERIFY(down.reason.contains(u"rude"_s));
    const Check scale = check(uR"({"kind":"manual","scale":"1-5","pass_from":4})"_s);
    QCOMPARE(core::evaluateCheck(scale, u"x"_s, {}, core::ManualGrade{3, {}}).verdict, V::Fail);
    QCOMPARE(core::evaluateCheck(scale, u"x"_s, {}, core::ManualGrade{4, {}}).verdict, V::Pass);
}

void TestTestSets::checksRoundTripThroughJson()
{
    const QList<Check> checks = capitalsSet().checks;
    QCOMPARE(checks.size(), Check::allKinds().size());
    QString error;
    const std::optional<QList<Check>> back
        = core::checksFromJson(core::checksToJson(checks), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(core::checksToJson(*back), core::checksToJson(checks));
    for (const QString &bad : {uR"({"kind":"nope"})"_s,
             uR"({"kind":"regex","pattern":"("})"_s,
             uR"({"kind":"similarity","threshold":2})"_s,
             uR"({"kind":"log_probability","threshold":1})"_s,
             uR"({"kind":"manual","scale":"1-10"})"_s,
             uR"({"kind":"json_schema"})"_s}) {
        QVERIFY2(!Check::fromJson(QJsonDocument::fromJson(bad.toUtf8()).object(), &error),
            qPrintable(bad));
        QVERIFY(!error.isEmpty());
    }
}

void TestTestSets::csvImportFindsVariablesExpectedAndChecks()
{
    const core::TestSet set = capitalsSet();
    QCOMPARE(set.variables, (QStringList{u"country"_s, u"style"_s}));
    QCOMPARE(set.rows.size(), 50);
    QCOMPARE(set.rows.at(0).vars.value(u"country"_s), u"France"_s);
    QCOMPARE(set.rows.at(0).expected, u"Paris"_s);
    QVERIFY(set.rows.at(0).checks.isEmpty());
    QCOMPARE(set.rows.at(3).checks.size(), 1);
    QCOMPARE(set.rows.at(3).checks.first().kind, Check::Kind::Contains);
    QCOMPARE(set.rows.at(3).checks.first().text, u"Madrid"_s);
    QCOMPARE(set.rows.at(7).checks.first().kind, Check::Kind::Regex);
    QCOMPARE(set.checksFor(3).size(), set.checks.size() + 1);
}

void TestTestSets::jsonlImportTakesNestedAndFlatRows()
{
    QString error;
    const std::optional<core::TestSet> set = core::TestSet::fromJsonl(
        u"{\"vars\":{\"a\":\"1\",\"b\":\"x\"},\"expected\":\"one\"}\n\n"
        "{\"a\":2,\"c\":true,\"expected\":\"two\",\"checks\":[{\"kind\":\"exact\"}]}\n"_s,
        &error);
    QVERIFY2(set, qPrintable(error));
    QCOMPARE(set->rows.size(), 2);
    QCOMPARE(set->variables, (QStringList{u"a"_s, u"b"_s, u"c"_s}));
    QCOMPARE(set->rows.at(1).vars.value(u"a"_s), u"2"_s);
    QCOMPARE(set->rows.at(1).vars.value(u"c"_s), u"true"_s);
    QCOMPARE(set->rows.at(1).expected, u"two"_s);
    QCOMPARE(set->rows.at(1).checks.size(), 1);
}

void TestTestSets::badImportsSayWhere()
{
    QString error;
    QVERIFY(!core::TestSet::fromJsonl(u"{\"a\":1}\n{oops}\n"_s, &error));
    QVERIFY2(error.startsWith(u"line 2: "_s), qPrintable(error));
    QVERIFY(!core::TestSet::fromJsonl(u"{\"a\":1,\"checks\":[{\"kind\":\"x\"}]}\n"_s, &error));
    QVERIFY2(error.contains(u"unknown check kind"_s), qPrintable(error));
    QVERIFY(!core::TestSet::fromCsv(u"a,expected,checks\n1,2,[{]\n"_s, &error));
    QVERIFY2(error.startsWith(u"row 2: checks: "_s), qPrintable(error));
    QVERIFY(!core::TestSet::fromCsv(u"a,b\n1\n"_s, &error));
    QVERIFY2(error.contains(u"line 2"_s), qPrintable(error));
}

void TestTestSets::setSavesAndLoads()
{
    core::TestSet set = capitalsSet();
    set.promptName = u"capital question"_s;
    set.versions[0].steeringConcepts = {u"_worker/formal"_s};
    set.versions[0].variables = {{u"style"_s, u"briefly"_s}};
    const QString path = m_dir.filePath(u"capitals.testset.json"_s);
    QString error;
    QVERIFY2(core::saveTestSet(set, path, &error), qPrintable(error));
    const std::optional<core::TestSet> back = core::loadTestSet(path, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->toJson(), set.toJson());
    QCOMPARE(back->versions.at(0).steeringConcepts, set.versions.at(0).steeringConcepts);

    QFile f(m_dir.filePath(u"other.json"_s));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"format":"aleph-playground.prompts","version":1})");
    f.close();
    QVERIFY(!core::loadTestSet(f.fileName(), &error));
    QVERIFY2(error.startsWith(u"other.json: not a test set"_s), qPrintable(error));
}

void TestTestSets::libraryVersionBecomesTestedVersion()
{
    testsupport::TempDatabase db;
    QString error;
    QVERIFY2(db.open(&error), qPrintable(error));
    core::PromptLibrary library(&db.db);
    core::PromptVersion first;
    first.created = QDateTime(QDate(2026, 12, 1), QTime(9, 30, 5), Qt::UTC);
    first.templateText = u"Q: Capital of {{ country }}?\nA:"_s;
    first.model = u"luminous-base"_s;
    core::PromptVersion second = first;
    second.created = QDateTime(QDate(2026, 12, 2), QTime(10, 0), Qt::UTC);
    second.templateText = u"Name the capital of {{ country }} {{ style }}.\n"_s;
    second.variables = {{u"country"_s, u"France"_s}, {u"style"_s, u"briefly"_s}};
    second.model = u"luminous-extended"_s;
    second.parameters = QJsonObject{{u"maximum_tokens"_s, 16},
        {u"temperature"_s, 0.5},
        {u"stop_sequences"_s, QJsonArray{u"\n"_s}}};
    second.steeringConcepts = {u"_worker/formal"_s};
    const qint64 id = library.save(u"Capitals"_s, {}, first);
    QVERIFY2(id, qPrintable(library.lastError()));
    QCOMPARE(library.addVersion(id, second), 2);
    const std::optional<core::PromptVersion> stored = library.version(id, 2);
    QVERIFY(stored);

    const core::TestedVersion v = core::TestedVersion::fromSaved(u"Capitals"_s, *stored);
    QCOMPARE(v.version, u"Capitals v2"_s);
    QCOMPARE(v.created, u"2026-12-02T10:00:00Z"_s);
    QCOMPARE(v.promptTemplate, second.templateText);
    QCOMPARE(v.variables,
        (QHash<QString, QString>{{u"country"_s, u"France"_s}, {u"style"_s, u"briefly"_s}}));
    QCOMPARE(v.model, u"luminous-extended"_s);
    QCOMPARE(v.parameters, second.parameters);
    QCOMPARE(v.steeringConcepts, QStringList{u"_worker/formal"_s});
    // The test set file keeps it as it is.
    const std::optional<core::TestedVersion> back
        = core::TestedVersion::fromJson(v.toJson(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->toJson(), v.toJson());
    const core::TestedVersion older
        = core::TestedVersion::fromSaved(u"Capitals"_s, *library.version(id, 1));
    QCOMPARE(older.version, u"Capitals v1"_s);
    QCOMPARE(older.created, u"2026-12-01T09:30:05Z"_s);
    QVERIFY(older.variables.isEmpty());
    QVERIFY(older.steeringConcepts.isEmpty());
}

void TestTestSets::runCancelResumeAndCompare()
{
    const core::TestSet set = capitalsSet();
    const QList<core::RunColumn> columns = core::TestRunner::columnsFor(set, kModels);
    QCOMPARE(columns.size(), 4);
    core::TestRunOptions options;
    options.concurrency = 4;
    options.embeddingModel = u"sandbox-luminous-base"_s;
    const int cells = 50 * 4;

    // First start: cancelled once 60 cells are finished.
    auto first = std::make_unique<core::TestRunner>(
        m_sandbox.client.get(), set, core::TestRunner::newRun(set, columns), options);
    int maxRunning = 0;
    int running = 0;
    connect(first.get(), &core::TestRunner::cellStarted, this, [&] {
        maxRunning = std::max(maxRunning, ++running);
    });
    connect(first.get(), &core::TestRunner::cellFinished, this, [&] { --running; });
    connect(first.get(), &core::TestRunner::progress, this, [&](int done, int total) {
        QCOMPARE(total, cells);
        if (done >= 60 && first->isRunning())
            first->cancel();
    });
    QSignalSpy firstFinished(first.get(), &core::TestRunner::finished);
    first->start();
    QVERIFY(firstFinished.wait(60000));
    QCOMPARE(firstFinished.first().first().toBool(), true); // canceled
    QVERIFY(maxRunning <= options.concurrency);
    QCOMPARE(maxRunning, options.concurrency);
    const core::TestRun partial = first->run();
    const int kept = partial.finishedCount();
    QVERIFY(kept >= 60 && kept < cells);
    for (const core::CellResult &c : partial.cells)
        QVERIFY(
            c.finished() || (c.state == core::CellResult::State::Pending && c.answer.isEmpty()));
    const int sentFirst = first->completionsSent();
    const int cancelledFirst = first->cellsCancelled();
    first.reset();

    // Resume: only the pending cells are sent; the finished ones stay as they were.
    core::TestRunner second(m_sandbox.client.get(), set, partial, options);
    QVERIFY(runToEnd(second));
    const core::TestRun run = second.run();
    QCOMPARE(run.finishedCount(), cells);
    // One /complete per cell over both starts: the first sent one per kept cell and one per cell
    // it cancelled in flight; the resume sends one per pending cell only, none for the 4 cells
    // of the row without a country.
    QVERIFY(cancelledFirst > 0);
    QCOMPARE(sentFirst, kept + cancelledFirst);
    QCOMPARE(second.completionsSent(), cells - kept - 4);
    QCOMPARE(sentFirst - cancelledFirst + second.completionsSent(), cells - 4);
    for (int i = 0; i < cells; ++i) {
        if (partial.cells.at(i).finished())
            QCOMPARE(run.cells.at(i).toJson(), partial.cells.at(i).toJson());
    }

    // Every cell: the answer, a verdict per check that follows from it, tokens and time.
    QList<int> passed(columns.size(), 0);
    QList<int> finished(columns.size(), 0);
    int similarityScores = 0;
    for (int r = 0; r < 50; ++r) {
        const QList<Check> checks = set.checksFor(r);
        const QString expected = set.rows.at(r).expected;
        for (int col = 0; col < columns.size(); ++col) {
            const core::CellResult &c = run.cell(r, col);
            ++finished[col];
            if (r == 49) { // no country: the failure is in the cell, the run went on
                QCOMPARE(c.state, core::CellResult::State::Error);
                QCOMPARE(c.error, u"Template variable {{ country }} has no value."_s);
                continue;
            }
            QCOMPARE(c.state, core::CellResult::State::Done);
            QVERIFY(!c.answer.isEmpty());
            QVERIFY(c.prompt.contains(set.rows.at(r).vars.value(u"country"_s)));
            QVERIFY(c.promptTokens > 0);
            QVERIFY(c.completionTokens > 0);
            QVERIFY(c.ms >= 0);
            QCOMPARE(c.checks.size(), checks.size());
            bool cellPassed = true;
            const QString trimmed = c.answer.trimmed();
            for (int i = 0; i < checks.size(); ++i) {
                const Check &k = checks.at(i);
                const CheckResult &res = c.checks.at(i);
                std::optional<bool> want;
                switch (k.kind) {
                case Check::Kind::Exact:
                    want = trimmed == expected;
                    break;
                case Check::Kind::Contains:
                    want = c.answer.contains(k.text.isEmpty() ? expected : k.text);
                    break;
                case Check::Kind::Regex:
                    want = QRegularExpression(k.text).match(c.answer).hasMatch();
                    break;
                case Check::Kind::Json:
                case Check::Kind::JsonSchema: {
                    QJsonParseError e;
                    const QJsonDocument d
                        = QJsonDocument::fromJson(u"[%1]"_s.arg(trimmed).toUtf8(), &e);
                    want = e.error == QJsonParseError::NoError && d.array().size() == 1
                        && (k.kind == Check::Kind::Json || d.array().first().isString());
                    break;
                }
                case Check::Kind::MaximumLength:
                    want = trimmed.size() <= 40;
                    break;
                case Check::Kind::Similarity:
                    QVERIFY(res.score);
                    QVERIFY(*res.score >= -1.0001 && *res.score <= 1.0001);
                    want = *res.score >= 0.5;
                    ++similarityScores;
                    break;
                case Check::Kind::LogProbability:
                    QVERIFY2(res.score, qPrintable(res.reason));
                    QVERIFY(*res.score <= 0);
                    want = *res.score >= -30;
                    break;
                case Check::Kind::Manual:
                    QCOMPARE(res.verdict, CheckResult::Verdict::Pending);
                    break;
                }
                if (want) {
                    QCOMPARE(res.verdict,
                        *want ? CheckResult::Verdict::Pass : CheckResult::Verdict::Fail);
                    cellPassed = cellPassed && *want;
                }
                QVERIFY(!res.reason.isEmpty());
            }
            QCOMPARE(c.passed(), cellPassed);
            passed[col] += cellPassed ? 1 : 0;
        }
    }
    QCOMPARE(similarityScores, 49 * 4);
    for (int col = 0; col < columns.size(); ++col) {
        QCOMPARE(run.finishedCount(col), finished.at(col));
        QCOMPARE(run.passRate(col).value(), double(passed.at(col)) / finished.at(col));
    }

    // A manual grade re-decides the manual check.
    core::TestRun graded = run;
    graded.setGrade(set, 0, 0, core::ManualGrade{2, u"too short"_s});
    QCOMPARE(graded.cell(0, 0).checks.last().verdict, CheckResult::Verdict::Fail);
    QVERIFY(graded.cell(0, 0).checks.last().reason.contains(u"too short"_s));
    QVERIFY(!graded.cell(0, 0).passed());

    // Kept, reloaded, and compared with a later run whose length limit is stricter.
    const core::TestRunStore store(m_dir.filePath(u"runs"_s));
    QString error;
    QVERIFY2(store.save(run, &error), qPrintable(error));
    core::TestSet stricter = set;
    stricter.checks = {check(uR"({"kind":"regex","pattern":"\\w"})"_s),
        check(uR"({"kind":"max_length","characters":12})"_s)};
    core::TestSet looser = stricter;
    looser.checks[1] = check(uR"({"kind":"max_length","characters":1000})"_s);
    core::TestRunner earlierRunner(
        m_sandbox.client.get(), looser, core::TestRunner::newRun(looser, columns), options);
    QVERIFY(runToEnd(earlierRunner));
    core::TestRunner laterRunner(
        m_sandbox.client.get(), stricter, core::TestRunner::newRun(stricter, columns), options);
    QVERIFY(runToEnd(laterRunner));
    QVERIFY2(store.save(earlierRunner.run(), &error), qPrintable(error));
    QVERIFY2(store.save(laterRunner.run(), &error), qPrintable(error));
    const QList<core::TestRun> kept3 = store.runs(u"capitals"_s);
    QCOMPARE(kept3.size(), 3);
    QCOMPARE(kept3.first().id, laterRunner.run().id); // newest first
    const core::TestRun &earlier = kept3.at(1);
    const core::TestRun &later = kept3.at(0);
    QCOMPARE(earlier.toJson(), earlierRunner.run().toJson());
    const core::RunComparison diff = core::compareRuns(earlier, later);
    QList<core::RunComparison::Cell> newlyFailing;
    QList<core::RunComparison::Cell> newlyPassing;
    for (int r = 0; r < 50; ++r) {
        for (int col = 0; col < columns.size(); ++col) {
            const bool a = earlier.cell(r, col).passed();
            const bool b = later.cell(r, col).passed();
            if (a && !b)
                newlyFailing.append({r, col});
            if (!a && b)
                newlyPassing.append({r, col});
        }
    }
    QCOMPARE(diff.newlyFailing, newlyFailing);
    QCOMPARE(diff.newlyPassing, newlyPassing);
    QVERIFY2(!newlyFailing.isEmpty(), "the stricter limit fails some answers");

    // Exports: CSV with a line per cell, JSON with pass rates.
    const std::optional<core::CsvTable> csv = core::readCsv(core::exportCsv(set, run), &error);
    QVERIFY2(csv, qPrintable(error));
    QCOMPARE(csv->rows.size(), cells);
    QCOMPARE(csv->rows.at(1).at(csv->column(u"model"_s)), kModels.at(1));
    QCOMPARE(csv->rows.at(1).at(csv->column(u"answer"_s)), run.cell(0, 1).answer);
    const QJsonObject json = core::exportJson(set, run);
    QCOMPARE(json.value(u"cells"_s).toArray().size(), cells);
    QCOMPARE(json.value(u"columns"_s).toArray().at(2).toObject().value(u"pass_rate"_s).toDouble(),
        double(passed.at(2)) / finished.at(2));
}

void TestTestSets::retriesAreCountedPerCell()
{
    // Every request is answered 503 once ("busy*1"), then succeeds: one retry per cell, shown.
    core::ClientConfig config = m_sandbox.client->config();
    config.retry.totalRetries = 2;
    config.retry.firstDelayMs = 1;
    config.extraHeaders.append(qMakePair(QByteArray("X-Sandbox-Fault"), QByteArray("busy*1")));
    core::ApiClient client(m_sandbox.nam.get(), config);
    core::TestSet set = capitalsSet();
    set.rows = set.rows.mid(10, 3);
    set.checks = {check(uR"({"kind":"regex","pattern":"\\w"})"_s)};
    core::TestRunner runner(&client,
        set,
        core::TestRunner::newRun(set, core::TestRunner::columnsFor(set, {kModels.first()})),
        {});
    QSignalSpy retrying(&runner, &core::TestRunner::cellRetrying);
    QVERIFY(runToEnd(runner));
    QCOMPARE(retrying.size(), 6);
    for (const core::CellResult &c : runner.run().cells) {
        QCOMPARE(c.retries, 1);
        QVERIFY(c.passed());
    }
}

QTEST_GUILESS_MAIN(TestTestSets)
#include "TestTestSets.moc"
