// SPDX-License-Identifier: MIT
// Demo decks (issue 24): the deck file's round trip with recordings, the malformed files it
// refuses (naming the step and field), and the run recorder's observer that a rehearsal keeps
// answers with (the stored run, and a run kept while the history opens).
#include "core/presenter/DemoDeck.h"
#include "core/storage/RunRecorder.h"
#include "tests/support/TempDatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestDemoDeck : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripKeepsStepsNotesInputsAndRecordings();
    void malformedDecksAreRefusedWithTheField_data();
    void malformedDecksAreRefusedWithTheField();
    void filesNameThemselvesInErrors();
    void shippedSamplesRead();
    void recorderObserverSeesStoredAndPendingRuns();
};

namespace {

core::DemoDeck sampleDeck()
{
    core::DemoDeck deck;
    deck.title = u"Für die Vorführung"_s;
    deck.description = u"Two steps"_s;
    core::DeckStep completion;
    completion.tab = u"completion"_s;
    completion.title = u"Continue a text"_s;
    completion.note = u"Say: one token at a time.\nThen pause."_s;
    completion.inputs
        = {{u"request"_s,
               QVariantMap{
                   {u"model"_s, u"m"_s}, {u"prompt"_s, u"Hello"_s}, {u"maximum_tokens"_s, 12}}},
            {u"stream"_s, true},
            {u"variables"_s, QVariantMap{{u"x"_s, u"1"_s}}}};
    core::RunRecord run;
    run.tab = u"completion"_s;
    run.endpoint = u"complete"_s;
    run.model = u"m"_s;
    run.request = {{u"model"_s, u"m"_s}, {u"prompt"_s, u"Hello"_s}};
    run.response = uR"({"completions":[{"completion":" world"}]})"_s;
    run.startedAt = QDateTime(QDate(2026, 12, 3), QTime(12, 30, 1, 250), Qt::UTC);
    run.durationMs = 420;
    run.promptTokens = 1;
    run.completionTokens = 2;
    completion.recording = run;
    core::DeckStep chat;
    chat.tab = u"chat"_s;
    chat.inputs = {{u"input"_s, u"Hi"_s}, {u"messages"_s, QVariantList{u"a"_s, 2.5, false}}};
    deck.steps = {completion, chat};
    return deck;
}

} // namespace

void TestDemoDeck::roundTripKeepsStepsNotesInputsAndRecordings()
{
    const core::DemoDeck deck = sampleDeck();
    QTemporaryDir dir;
    const QString path = dir.filePath(u"deck.json"_s);
    QString error;
    QVERIFY2(core::saveDemoDeck(deck, path, &error), qPrintable(error));
    const std::optional<core::DemoDeck> back = core::loadDemoDeck(path, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->title, deck.title);
    QCOMPARE(back->description, deck.description);
    QCOMPARE(back->steps.size(), 2);
    QCOMPARE(back->recordedSteps(), 1);
    const core::DeckStep &s = back->steps.at(0);
    QCOMPARE(s.tab, u"completion"_s);
    QCOMPARE(s.title, u"Continue a text"_s);
    QCOMPARE(s.note, deck.steps.at(0).note);
    QCOMPARE(QJsonObject::fromVariantMap(s.inputs),
        QJsonObject::fromVariantMap(deck.steps.at(0).inputs));
    QVERIFY(s.recording);
    QCOMPARE(s.recording->tab, u"completion"_s);
    QCOMPARE(s.recording->endpoint, u"complete"_s);
    QCOMPARE(s.recording->request, deck.steps.at(0).recording->request);
    QCOMPARE(s.recording->response, deck.steps.at(0).recording->response);
    QCOMPARE(s.recording->startedAt, deck.steps.at(0).recording->startedAt);
    QCOMPARE(s.recording->finishedAt, s.recording->startedAt.addMSecs(420));
    QCOMPARE(s.recording->status, core::RunStatus::Succeeded);
    QCOMPARE(s.recording->promptTokens, 1);
    QCOMPARE(s.recording->completionTokens, 2);
    // The typed request reads back from the recording as the history's would.
    QString problem;
    QVERIFY(s.recording->call().isValid());
    QCOMPARE(back->steps.at(1).inputs.value(u"messages"_s).toList().size(), 3);
    QVERIFY(!back->steps.at(1).recording);
    // The drafts' form (plain values) reads back to the same deck.
    QString variantError;
    const std::optional<core::DemoDeck> fromDraft
        = core::DemoDeck::fromVariant(deck.toVariant(), &variantError);
    QVERIFY2(fromDraft, qPrintable(variantError));
    QCOMPARE(fromDraft->toJson(), deck.toJson());
    QVERIFY(!core::DemoDeck::fromVariant({{u"format"_s, u"x"_s}}, &variantError));
    QVERIFY(variantError.startsWith(u"not a demo deck"_s));
    // The profile and the history id are not written: they mean nothing on another machine.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(json.value(u"format"_s).toString(), u"aleph-playground.deck"_s);
    QCOMPARE(json.value(u"version"_s).toInt(), 1);
    const QJsonObject recording
        = json.value(u"steps"_s).toArray().at(0).toObject().value(u"recording"_s).toObject();
    QVERIFY(!recording.contains(u"profile"_s));
    QVERIFY(!recording.contains(u"id"_s));
    QCOMPARE(recording.value(u"duration_ms"_s).toInt(), 420);
}

void TestDemoDeck::malformedDecksAreRefusedWithTheField_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("message");
    const QString step = uR"({"format":"aleph-playground.deck","version":1,"steps":[%1]})"_s;
    QTest::newRow("format") << uR"({"format":"aleph-playground.testset","version":1,"steps":[]})"_s
                            << u"not a demo deck"_s;
    QTest::newRow("later version")
        << uR"({"format":"aleph-playground.deck","version":2,"steps":[]})"_s
        << u"version 2 is newer"_s;
    QTest::newRow("version text")
        << uR"({"format":"aleph-playground.deck","version":"1","steps":[]})"_s
        << u"version: not a version number"_s;
    QTest::newRow("no steps") << uR"({"format":"aleph-playground.deck","version":1})"_s
                              << u"steps: not an array"_s;
    QTest::newRow("title")
        << uR"({"format":"aleph-playground.deck","version":1,"title":3,"steps":[]})"_s
        << u"title: not a string"_s;
    QTest::newRow("step") << step.arg(u"3"_s) << u"steps[0]: not an object"_s;
    QTest::newRow("tab") << step.arg(uR"({"tab":"kitchen"})"_s)
                         << u"steps[0]: tab: \"kitchen\" is not a tab"_s;
    QTest::newRow("no tab") << step.arg(uR"({"inputs":{}})"_s) << u"steps[0]: tab: \"\""_s;
    QTest::newRow("inputs") << step.arg(uR"({"tab":"chat","inputs":[1]})"_s)
                            << u"steps[0]: inputs: not an object"_s;
    QTest::newRow("note") << step.arg(uR"({"tab":"chat","note":{}})"_s)
                          << u"steps[0]: note: not a string"_s;
    QTest::newRow("recording") << step.arg(uR"({"tab":"chat"},{"tab":"chat","recording":5})"_s)
                               << u"steps[1]: recording: not an object"_s;
    QTest::newRow("recording request") << step.arg(
        uR"({"tab":"chat","recording":{"endpoint":"chat/completions","request":"x"}})"_s)
                                       << u"steps[0]: recording: request: not an object"_s;
    QTest::newRow("recording endpoint")
        << step.arg(uR"({"tab":"chat","recording":{"request":{}}})"_s)
        << u"steps[0]: recording: endpoint: missing"_s;
    QTest::newRow("recording tab") << step.arg(
        uR"({"tab":"chat","recording":{"tab":"completion","endpoint":"complete","request":{}}})"_s)
                                   << u"steps[0]: recording.tab: \"completion\" is not the step's tab"_s;
    QTest::newRow("recording date") << step.arg(
        uR"({"tab":"chat","recording":{"endpoint":"e","request":{},"started":"today"}})"_s)
                                    << u"steps[0]: recording: started: not an ISO 8601 date"_s;
    QTest::newRow("recording tokens")
        << step.arg(
               uR"({"tab":"chat","recording":{"endpoint":"e","request":{},"prompt_tokens":1.5}})"_s)
        << u"steps[0]: recording: prompt_tokens: not a whole number"_s;
    QTest::newRow("recording huge tokens")
        << step.arg(
               uR"({"tab":"chat","recording":{"endpoint":"e","request":{},"completion_tokens":1e300}})"_s)
        << u"steps[0]: recording: completion_tokens: not a whole number"_s;
}

void TestDemoDeck::malformedDecksAreRefusedWithTheField()
{
    QFETCH(QString, json);
    QFETCH(QString, message);
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    QVERIFY2(doc.isObject(), qPrintable(json));
    QString error;
    QVERIFY(!core::DemoDeck::fromJson(doc.object(), &error));
    QVERIFY2(error.startsWith(message), qPrintable(error));
}

void TestDemoDeck::filesNameThemselvesInErrors()
{
    QTemporaryDir dir;
    const auto write = [&dir](const QString &name, const QByteArray &bytes) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write");
        file.write(bytes);
        return file.fileName();
    };
    QString error;
    QVERIFY(!core::loadDemoDeck(write(u"broken.json"_s, "{\"format\":"), &error));
    QVERIFY2(
        error.startsWith(u"broken.json: "_s) && error.contains(u"offset"_s), qPrintable(error));
    QVERIFY(!core::loadDemoDeck(write(u"list.json"_s, "[1,2]"), &error));
    QCOMPARE(error, u"list.json: not a JSON object"_s);
    QVERIFY(!core::loadDemoDeck(write(u"binary.json"_s, QByteArray("{\0}", 3)), &error));
    QVERIFY2(error.contains(u"binary.json is not a text file"_s), qPrintable(error));
    QVERIFY(!core::loadDemoDeck(dir.filePath(u"missing.json"_s), &error));
    QVERIFY2(error.startsWith(u"Cannot open"_s), qPrintable(error));
    // Saving into a folder that does not exist fails with the path, and writes nothing.
    const QString nowhere = dir.filePath(u"no/such/dir/deck.json"_s);
    QVERIFY(!core::saveDemoDeck(sampleDeck(), nowhere, &error));
    QVERIFY2(error.contains(u"deck.json"_s), qPrintable(error));
    QVERIFY(!QFile::exists(nowhere));
}

void TestDemoDeck::shippedSamplesRead()
{
    for (const QString &name : {u"offline-sandbox"_s, u"aleph-alpha-models"_s}) {
        QString error;
        const std::optional<core::DemoDeck> deck = core::loadDemoDeck(
            QStringLiteral(ALEPH_SOURCE_DIR "/resources/decks/%1.json").arg(name), &error);
        QVERIFY2(deck, qPrintable(error));
        QVERIFY(!deck->title.isEmpty());
        QCOMPARE(deck->steps.size(), 6);
        QStringList tabs;
        for (const core::DeckStep &step : deck->steps) {
            tabs << step.tab;
            QVERIFY2(!step.note.isEmpty(), qPrintable(step.title));
            QVERIFY2(!step.title.isEmpty(), qPrintable(step.tab));
        }
        QCOMPARE(tabs,
            QStringList({u"completion"_s,
                u"chat"_s,
                u"explanation"_s,
                u"steering"_s,
                u"embeddings"_s,
                u"translation"_s}));
    }
}

void TestDemoDeck::recorderObserverSeesStoredAndPendingRuns()
{
    testsupport::TempDatabase temp;
    QString error;
    QVERIFY2(temp.open(&error), qPrintable(error));
    core::HistoryStore history(&temp.db);
    core::RunRecorder recorder;
    QList<core::RunRecord> seen;
    recorder.setFinishedObserver([&seen](const core::RunRecord &run) { seen << run; });

    // While the history opens: the run kept in memory is seen as it will be stored.
    recorder.setStorePending(true);
    recorder.setProfileName(u"Offline sandbox"_s);
    const QJsonObject body{{u"model"_s, u"m"_s}, {u"prompt"_s, u"Hi"_s}};
    const qint64 kept
        = recorder.begin(u"completion"_s, core::ApiCall::fromRecord(u"complete"_s, body));
    QVERIFY(kept < 0);
    recorder.finish(kept, core::RunStatus::Succeeded, u"answer"_s, QString(), 12, 3, 4);
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen.at(0).tab, u"completion"_s);
    QCOMPARE(seen.at(0).request, body);
    QCOMPARE(seen.at(0).response, u"answer"_s);
    QCOMPARE(seen.at(0).status, core::RunStatus::Succeeded);
    QCOMPARE(seen.at(0).durationMs, 12);
    QCOMPARE(seen.at(0).completionTokens, 4);

    // With the store: the run as stored, read back.
    recorder.setStore(&history);
    const qint64 id
        = recorder.begin(u"chat"_s, core::ApiCall::fromRecord(u"chat/completions"_s, body));
    QVERIFY(id > 0);
    recorder.finish(id, core::RunStatus::Failed, QString(), u"Server error 500"_s, 30);
    QCOMPARE(seen.size(), 2);
    QCOMPARE(seen.at(1).id, id);
    QCOMPARE(seen.at(1).status, core::RunStatus::Failed);
    QCOMPARE(seen.at(1).error, u"Server error 500"_s);
    QCOMPARE(seen.at(1).profile, u"Offline sandbox"_s);

    // Removed: nothing more is seen.
    recorder.setFinishedObserver({});
    const qint64 third
        = recorder.begin(u"chat"_s, core::ApiCall::fromRecord(u"chat/completions"_s, body));
    recorder.finish(third, core::RunStatus::Succeeded, u"x"_s, QString(), 1);
    QCOMPARE(seen.size(), 2);
}

QTEST_GUILESS_MAIN(TestDemoDeck)
#include "TestDemoDeck.moc"
