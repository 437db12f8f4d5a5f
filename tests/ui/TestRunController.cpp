// SPDX-License-Identifier: MIT
// ui::RunController on its own, against the scripted loopback server: refusing, busy state and
// buttons, the status line (busy, retrying, Stopped., the error), stale answers dropped, and the
// history record of each ending (Succeeded with the answer, Canceled and Interrupted with the
// partial text, Failed with the error).
#include "core/net/ApiClient.h"
#include "core/storage/HistoryStore.h"
#include "core/storage/RunRecorder.h"
#include "tests/support/TempDatabase.h"
#include "tests/support/TestHttpServer.h"
#include "ui/common/ErrorText.h"
#include "ui/common/RunController.h"

#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using testsupport::ScriptedResponse;
using testsupport::TestHttpServer;

namespace {

const QByteArray kTokens = R"({"tokens":["Hello"],"token_ids":[9]})";

core::TokenizationRequest request(const QString &prompt)
{
    core::TokenizationRequest r;
    r.model = u"m"_s;
    r.prompt = prompt;
    return r;
}

} // namespace

class TestRunController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void refusesWithoutSending();
    void runsRecordsAndTogglesTheButtons();
    void aNewRunDropsTheAnswerOfTheOneBefore();
    void stopKeepsThePartialText();
    void failuresShowAndRecordTheError();
    void retriesShowInTheStatusLine();

private:
    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<core::ApiClient> m_client;
    std::unique_ptr<testsupport::TempDatabase> m_db;
    std::unique_ptr<core::HistoryStore> m_history;
    core::RunRecorder m_recorder;
    std::unique_ptr<QLabel> m_status;
    std::unique_ptr<QPushButton> m_run;
    std::unique_ptr<QPushButton> m_stop;
    std::unique_ptr<ui::RunController> m_controller;
};

void TestRunController::init()
{
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_nam->setProxy(QNetworkProxy::NoProxy);
    core::ClientConfig config;
    config.baseUrl = m_server->baseUrl();
    config.token = u"test-token"_s;
    config.retry.totalRetries = 0;
    m_client = std::make_unique<core::ApiClient>(m_nam.get(), config);
    m_db = std::make_unique<testsupport::TempDatabase>();
    QString error;
    QVERIFY2(m_db->open(&error), qPrintable(error));
    m_history = std::make_unique<core::HistoryStore>(&m_db->db);
    m_recorder.setStore(m_history.get());
    m_recorder.setErrorText(&ui::errorText);
    m_status = std::make_unique<QLabel>();
    m_run = std::make_unique<QPushButton>();
    m_stop = std::make_unique<QPushButton>();
    m_controller = std::make_unique<ui::RunController>(u"tokenizer"_s);
    m_controller->setRecorder(&m_recorder);
    m_controller->setStatusLabel(m_status.get());
    m_controller->setButtons(m_run.get(), m_stop.get());
}

void TestRunController::cleanup()
{
    m_controller.reset(); // cancels what still runs
    m_client.reset();
    m_nam.reset();
    m_server.reset();
    m_history.reset();
    m_db.reset();
}

void TestRunController::refusesWithoutSending()
{
    QVERIFY(!m_controller->refuse(u"Type some text to tokenize."_s));
    QCOMPARE(m_status->text(), u"Not sent: Type some text to tokenize."_s);
    QVERIFY(!m_controller->isBusy());
    QVERIFY(m_run->isEnabled());
    QVERIFY(!m_stop->isEnabled());
    QCOMPARE(m_history->count(), 0);
    QVERIFY(m_server->requests().isEmpty());
}

void TestRunController::runsRecordsAndTogglesTheButtons()
{
    m_server->enqueue("/v1/tokenize", TestHttpServer::json(200, kTokens));
    QSignalSpy ended(m_controller.get(), &ui::RunController::ended);
    QSignalSpy finished(m_controller.get(), &ui::RunController::finished);
    m_controller->start(m_client->tokenize(request(u"Hello"_s)), u"Tokenizing…"_s);
    QVERIFY(m_controller->isBusy());
    QCOMPARE(m_status->text(), u"Tokenizing…"_s);
    QVERIFY(!m_run->isEnabled());
    QVERIFY(m_stop->isEnabled());
    const qint64 id = m_controller->runId();
    QVERIFY(id > 0);
    QCOMPARE(m_history->run(id)->status, core::RunStatus::Running);
    // The tab shows the result in ended(); the record is written after it, with what it set.
    connect(m_controller.get(), &ui::RunController::ended, this, [this](core::ApiJob *job) {
        QCOMPARE(job->state(), core::ApiJob::State::Succeeded);
        m_controller->setStatus(u"Tokenized"_s);
        m_controller->setAnswer(job->answerText(), 1);
    });
    QVERIFY(finished.wait(5000));
    QCOMPARE(ended.size(), 1);
    QCOMPARE(finished.size(), 1);
    QVERIFY(!m_controller->isBusy());
    QVERIFY(m_run->isEnabled());
    QVERIFY(!m_stop->isEnabled());
    QCOMPARE(m_status->text(), u"Tokenized"_s);
    const core::RunRecord run = *m_history->run(id);
    QCOMPARE(run.status, core::RunStatus::Succeeded);
    QCOMPARE(run.tab, u"tokenizer"_s);
    QCOMPARE(run.endpoint, u"tokenize"_s);
    QCOMPARE(run.request, request(u"Hello"_s).toJson());
    QString error;
    const std::optional<core::TokenizationResponse> answer
        = run.responseAs<core::TokenizationResponse>(&error);
    QVERIFY2(answer, qPrintable(error));
    QCOMPARE(answer->tokenIds->first(), 9);
    QCOMPARE(run.promptTokens, 1);
}

void TestRunController::aNewRunDropsTheAnswerOfTheOneBefore()
{
    ScriptedResponse stalled = TestHttpServer::json(200, kTokens);
    stalled.stall = true;
    m_server->enqueue("/v1/tokenize", stalled);
    m_server->enqueue("/v1/tokenize", TestHttpServer::json(200, kTokens));
    QList<core::ApiJob::State> states;
    connect(m_controller.get(), &ui::RunController::ended, this, [&states](core::ApiJob *job) {
        states.append(job->state());
    });
    QSignalSpy finished(m_controller.get(), &ui::RunController::finished);
    m_controller->start(m_client->tokenize(request(u"first"_s)), u"Tokenizing…"_s);
    const qint64 first = m_controller->runId();
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requests().size(), 1, 5000);
    m_controller->start(m_client->tokenize(request(u"second"_s)), u"Tokenizing…"_s);
    // The first run ended there and then, as Canceled; only the second one's answer is shown.
    QCOMPARE(states, QList<core::ApiJob::State>{core::ApiJob::State::Canceled});
    QCOMPARE(m_history->run(first)->status, core::RunStatus::Canceled);
    QVERIFY(m_controller->isBusy());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 5000);
    QCOMPARE(states.last(), core::ApiJob::State::Succeeded);
    QCOMPARE(m_history->run(m_controller->runId())->status, core::RunStatus::Succeeded);
}

void TestRunController::stopKeepsThePartialText()
{
    ScriptedResponse stalled = TestHttpServer::json(200, kTokens);
    stalled.stall = true;
    m_server->enqueue("/v1/tokenize", stalled);
    m_recorder.setPartialSaveIntervalMs(0);
    QSignalSpy finished(m_controller.get(), &ui::RunController::finished);
    m_controller->start(m_client->tokenize(request(u"Hello"_s)), u"Tokenizing…"_s);
    const qint64 id = m_controller->runId();
    m_controller->setPartial(u"so far"_s);
    QCOMPARE(m_history->run(id)->partial, u"so far"_s); // written while the run goes on
    m_controller->stop();
    QCOMPARE(finished.size(), 1); // at once
    QCOMPARE(m_status->text(), u"Stopped."_s);
    QVERIFY(!m_stop->isEnabled());
    const core::RunRecord run = *m_history->run(id);
    QCOMPARE(run.status, core::RunStatus::Canceled);
    QCOMPARE(run.partial, u"so far"_s);
    QVERIFY(run.response.isEmpty());
    m_controller->stop(); // idempotent
    QCOMPARE(finished.size(), 1);
}

void TestRunController::failuresShowAndRecordTheError()
{
    m_server->enqueue(
        "/v1/tokenize", TestHttpServer::json(400, R"({"error":"model m is not known"})"));
    QSignalSpy finished(m_controller.get(), &ui::RunController::finished);
    m_controller->start(m_client->tokenize(request(u"Hello"_s)), u"Tokenizing…"_s);
    const qint64 id = m_controller->runId();
    QVERIFY(finished.wait(5000));
    QVERIFY2(m_status->text().contains(u"model m is not known"_s), qPrintable(m_status->text()));
    const core::RunRecord run = *m_history->run(id);
    QCOMPARE(run.status, core::RunStatus::Failed);
    QCOMPARE(run.error, m_status->text());
    QVERIFY(!run.error.contains(u"test-token"_s));

    // Not recorded: a follow-up nobody asked for.
    m_server->enqueue("/v1/tokenize", TestHttpServer::json(200, kTokens));
    m_controller->start(m_client->tokenize(request(u"Hello"_s)), u"Tokenizing…"_s, false);
    QCOMPARE(m_controller->runId(), 0);
    QVERIFY(finished.wait(5000));
    QCOMPARE(m_history->count(), 1);
}

void TestRunController::retriesShowInTheStatusLine()
{
    core::ClientConfig config = m_client->config();
    config.retry.totalRetries = 1;
    config.retry.firstDelayMs = 400;
    m_client->setConfig(config);
    m_server->enqueue("/v1/tokenize", TestHttpServer::json(503, R"({"error":"busy"})"));
    m_server->enqueue("/v1/tokenize", TestHttpServer::json(200, kTokens));
    QSignalSpy finished(m_controller.get(), &ui::RunController::finished);
    m_controller->start(m_client->tokenize(request(u"Hello"_s)), u"Tokenizing…"_s);
    QTRY_VERIFY_WITH_TIMEOUT(m_status->text().contains(u"retrying 1/1"_s), 5000);
    QVERIFY(m_controller->isBusy());
    QVERIFY(finished.wait(5000));
    QCOMPARE(m_history->run(m_controller->runId())->status, core::RunStatus::Succeeded);
}

QTEST_MAIN(TestRunController)
#include "TestRunController.moc"
