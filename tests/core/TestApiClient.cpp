// SPDX-License-Identifier: MIT
#include "core/net/ApiClient.h"
#include "core/net/ConnectionTest.h"
#include "core/storage/RunRecorder.h"
#include "tests/support/TestHttpServer.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using core::ApiError;
using core::ApiJob;
using testsupport::ScriptedResponse;
using testsupport::TestHttpServer;
Q_DECLARE_METATYPE(core::ApiError::Kind)

class TestApiClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void sendsHeadersUrlNiceAndHosting();
    void joinsBaseUrlWithOneSlash();
    void retriesServiceUnavailableThenSucceeds();
    void honoursRetryAfter();
    void exhaustedRetriesGiveBusy();
    void mapsErrorStatuses_data();
    void mapsErrorStatuses();
    void errorEchoingTheHeaderLosesTheToken();
    void oversizedAnswersFailWithBoundedMemory();
    void cancelWhileInFlight();
    void cancelWhileWaitingToRetry();
    void transferTimeoutIsTimeoutNotCancel();
    void malformedBodyIsAnError_data();
    void malformedBodyIsAnError();
    void streamDeliversChunksInOrder();
    void cutStreamKeepsPartialTextAndIsNotRetried();
    void malformedStreamEventFailsJob();
    void connectionRefusedIsNetworkError();
    void finishedNeverFiresInsideTheCall();
    void connectionTestAsksUsersMe();
    void connectionTestFallsBackToModelSettings();
    void recorderKeepsWhatTheJobSentAndGot();

private:
    core::CompletionRequest sampleRequest() const;
    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<core::ApiClient> m_client;
    core::ClientConfig m_config;
};

void TestApiClient::init()
{
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_nam->setProxy(QNetworkProxy::NoProxy);
    m_config = core::ClientConfig();
    m_config.baseUrl = m_server->baseUrl();
    m_config.token = u"test-token"_s;
    m_config.retry.firstDelayMs = 1;
    m_client = std::make_unique<core::ApiClient>(m_nam.get(), m_config);
}

void TestApiClient::cleanup()
{
    m_client.reset();
    m_nam.reset();
    m_server.reset();
}

core::CompletionRequest TestApiClient::sampleRequest() const
{
    core::CompletionRequest r;
    r.model = u"luminous-base"_s;
    r.prompt = core::Prompt::fromText(u"Hello"_s);
    r.maximumTokens = 3;
    return r;
}

static const QByteArray kCompletionOk
    = R"({"completions":[{"completion":" world","finish_reason":"maximum_tokens"}],"model_version":"x","num_tokens_prompt_total":1,"num_tokens_generated":1})";

static QByteArray chatChunk(const QByteArray &content, const QByteArray &finish = "null")
{
    return R"(data: {"id":"c","choices":[{"index":0,"finish_reason":)" + finish
        + R"(,"delta":{"content":")" + content + R"("}}],"object":"chat.completion.chunk"})"
        + "\n\n";
}

template<class Job>
static std::unique_ptr<Job> owned(Job *job)
{
    job->setAutoDelete(false);
    return std::unique_ptr<Job>(job);
}

void TestApiClient::sendsHeadersUrlNiceAndHosting()
{
    m_config.nice = true;
    m_config.hosting = u"aleph-alpha"_s;
    m_client->setConfig(m_config);
    m_server->enqueue("/v1/complete", TestHttpServer::json(200, kCompletionOk));
    auto job = owned(m_client->complete(sampleRequest()));
    QSignalSpy finished(job.get(), &ApiJob::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(job->state(), ApiJob::State::Succeeded);
    QCOMPARE(job->result().completions.first().completion, u" world"_s);
    const testsupport::RecordedRequest &req = m_server->requests().first();
    QCOMPARE(req.method, "POST");
    QCOMPARE(req.path, "/v1/complete");
    QCOMPARE(req.query, "nice=true");
    QCOMPARE(req.headers.value("authorization"), "Bearer test-token");
    QCOMPARE(req.headers.value("user-agent"), "aleph-playground/" ALEPH_VERSION);
    QCOMPARE(req.headers.value("content-type"), "application/json");
    const QJsonObject body = QJsonDocument::fromJson(req.body).object();
    QCOMPARE(body.value(u"hosting"_s).toString(), u"aleph-alpha"_s);
    QCOMPARE(body.value(u"maximum_tokens"_s).toInt(), 3);
    QVERIFY(!body.contains(u"stream"_s));
}

void TestApiClient::joinsBaseUrlWithOneSlash()
{
    core::ClientConfig c;
    c.baseUrl = QUrl(u"https://h.example/v1"_s);
    QCOMPARE(core::ApiClient(m_nam.get(), c).endpointUrl(u"chat/completions"_s).toString(),
        u"https://h.example/v1/chat/completions"_s);
    c.baseUrl = QUrl(u"https://h.example/v1/"_s);
    QCOMPARE(core::ApiClient(m_nam.get(), c).endpointUrl(u"complete"_s).toString(),
        u"https://h.example/v1/complete"_s);
}

void TestApiClient::retriesServiceUnavailableThenSucceeds()
{
    m_server->enqueue("/v1/complete", TestHttpServer::json(503, R"({"error":"busy"})"));
    m_server->enqueue("/v1/complete", TestHttpServer::json(502, "bad gateway"));
    m_server->enqueue("/v1/complete", TestHttpServer::json(200, kCompletionOk));
    auto job = owned(m_client->complete(sampleRequest()));
    QSignalSpy finished(job.get(), &ApiJob::finished);
    QSignalSpy retrying(job.get(), &ApiJob::retrying);
    QVERIFY(finished.wait(5000));
    QCOMPARE(job->state(), ApiJob::State::Succeeded);
    QCOMPARE(m_server->requests().size(), 3);
    QCOMPARE(retrying.size(), 2);
    QCOMPARE(retrying.at(0).at(0).toInt(), 1);
    QCOMPARE(retrying.at(1).at(0).toInt(), 2);
    QCOMPARE(retrying.at(1).at(2).toInt(), 2); // 1 ms doubling
}

void TestApiClient::honoursRetryAfter()
{
    m_config.retry.firstDelayMs = 60000; // would time the test out if Retry-After were ignored
    m_client->setConfig(m_config);
    ScriptedResponse limited = TestHttpServer::json(429, R"({"error":"slow down"})");
    limited.headers = {{"Retry-After", "0"}};
    m_server->enqueue("/v1/complete", limited);
    m_server->enqueue("/v1/complete", TestHttpServer::json(200, kCompletionOk));
    auto job = owned(m_client->complete(sampleRequest()));
    QSignalSpy finished(job.get(), &ApiJob::finished);
    QSignalSpy retrying(job.get(), &ApiJob::retrying);
    QVERIFY(finished.wait(5000));
    QCOMPARE(job->state(), ApiJob::State::Succeeded);
    QCOMPARE(retrying.first().at(2).toInt(), 0);

    // A Retry-After above the policy's maximum waits the maximum, not the server's hour.
    core::RetryPolicy policy;
    QCOMPARE(policy.delayMs(0, 3600 * 1000), policy.maxDelayMs);
    QCOMPARE(policy.delayMs(0, 1500), 1500);
    QCOMPARE(policy.delayMs(0, -5), 0);
}

void TestApiClient::exhaustedRetriesGiveBusy()
{
    m_config.retry.totalRetries = 2;
    m_client->setConfig(m_config);
    for (int i = 0; i < 3; ++i)
        m_server->enqueue(
            "/v1/complete", TestHttpServer::json(503, R"({"error":"all workers busy"})"));
    auto job = owned(m_client->complete(sampleRequest()));
    QSignalSpy finished(job.get(), &ApiJob::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(job->state(), ApiJob::State::Failed);
    QCOMPARE(job->error().kind, ApiError::Kind::Busy);
    QCOMPARE(job->error().message, u"all workers busy"_s);
    QCOMPARE(m_server->requests().size(), 3);
    QCOMPARE(job->attempts(), 3);
}

void TestApiClient::mapsErrorStatuses_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<ApiError::Kind>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("400") << 400 << QByteArray(R"({"error":"bad field","code":"INVALID"})")
                         << ApiError::Kind::BadRequest << u"bad field"_s;
    QTest::newRow("401") << 401 << QByteArray(R"({"error":{"message":"token invalid"}})")
                         << ApiError::Kind::Unauthorized << u"token invalid"_s;
    QTest::newRow("402") << 402 << QByteArray(R"({"message":"no credits"})")
                         << ApiError::Kind::Quota << u"no credits"_s;
    QTest::newRow("404 plain text")
        << 404 << QByteArray("not here") << ApiError::Kind::Http << u"not here"_s;
}

void TestApiClient::mapsErrorStatuses()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(ApiError::Kind, kind);
    QFETCH(QString, message);
    m_server->enqueue("/v1/complete", TestHttpServer::json(status, body));
    auto job = owned(m_client->complete(sampleRequest()));
    QSignalSpy finished(job.get(), &ApiJob::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(job->state(), ApiJob::State::Failed);
    QCOMPARE(job->error().kind, kind);
    QCOMPARE(job->error().httpStatus, status);
    QCOMPARE(job->error().message, message);
    QCOMPARE(m_server->requests().size(), 1); // not retried
}

void TestApiClient::errorEchoingTheHeaderLosesTheToken()
{
    // A server that quotes the request's headers in its error: the message is cleaned where the
    // error is made, so the history, logs and exports never see the token. An ordinary word that
    // happens to be a short token ("sandbox") is left alone elsewhere in the text.
    m_config.token = u"not-a-real-token-for-this-test"_s;
    m_client->setConfig(m_config);
    m_server->enqueue("/v1/complete",
        TestHttpServer::json(400,
            R"x({"error":"bad header Authorization: Bearer not-a-real-token-for-this-test (token not-a-real-token-for-this-test)"})x"));
    auto job = owned(m_client->complete(sampleRequest()));
    QSignalSpy finished(job.get(), &ApiJob::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(job->error().message, u"bad header Authorization: [redacted] (token [redacted])"_s);

    m_config.token = u"sandbox"_s;
    m_client->setConfig(m_config);
    m_server->enqueue("/v1/complete",
        TestHttpServer::json(
            400, R"({"error":"unknown model sandbox-x; you sent Bearer sandbox"})"));
    auto second = owned(m_client->complete(sampleRequest()));
    QSignalSpy secondFinished(second.get(), &ApiJob::finished);
    QVERIFY(secondFinished.wait(5000));
    QCOMPARE(second->error().message, u"unknown model sandbox-x; you sent [redacted]"_s);
}

void TestApiClient::oversizedAnswersFailWithBoundedMemory()
{
    // A server that sends more than the cap: a body, an error body, an endless stream line, or
    // an endless stream of valid events. Each fails as malformed, without reading on.
    m_config.maximumResponseBytes = 1 << 20;
    m_config.retry.totalRetries = 0;
    m_client->setConfig(m_config);
    const QByteArray big(3 << 20, 'x');
    m_server->enqueue(
        "/v1/complete", TestHttpServer::json(200, "{\"completions\":\"" + big + "\"}"));
    m_server->enqueue("/v1/complete", TestHttpServer::json(500, big));
    QList<QByteArray> line{"data: "};
    for (int i = 0; i < 48; ++i)
        line.append(QByteArray(64 << 10, 'y'));
    m_server->enqueue("/v1/chat/completions", TestHttpServer::sse(line));
    QList<QByteArray> events;
    for (int i = 0; i < 3000; ++i)
        events.append(chatChunk(QByteArray(500, 'z')));
    m_server->enqueue("/v1/chat/completions", TestHttpServer::sse(events));

    for (int i = 0; i < 2; ++i) {
        auto job = owned(m_client->complete(sampleRequest()));
        QSignalSpy finished(job.get(), &ApiJob::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(job->error().kind, ApiError::Kind::MalformedResponse);
        QVERIFY2(
            job->error().message.contains(u"larger than 1 MB"_s), qPrintable(job->error().message));
    }
    core::ChatRequest request;
    request.model = u"m"_s;
    request.messages = {core::ChatMessage::fromText(u"user"_s, u"hi"_s)};
    for (int i = 0; i < 2; ++i) {
        auto job = owned(m_client->chatStreaming(request));
        QSignalSpy finished(job.get(), &ApiJob::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(job->state(), ApiJob::State::Failed);
        QCOMPARE(job->error().kind, ApiError::Kind::MalformedResponse);
        QVERIFY2(
            job->error().message.contains(u"larger than 1 MB"_s), qPrintable(job->error().message));
        QVERIFY(job->text().size() < (1 << 20));
    }
}

void TestApiClient::cancelWhileInFlight()
{
    ScriptedResponse stall;
    stall.stall = true;
    m_server->enqueue("/v1/complete", stall);
    auto job = owned(m_client->complete(sampleRequest()));
    QSignalSpy finished(job.get(), &ApiJob::finished);
    QSignalSpy received(m_server.get(), &testsupport::LoopbackHttpServer::requestReceived);
    QVERIFY(received.wait(5000));
    job->cancel();
    QCOMPARE(finished.size(), 1); // synchronous
    QCOMPARE(job->state(), ApiJob::State::Canceled);
    job->cancel();
    QCOMPARE(finished.size(), 1); // exactly once
}

void TestApiClient::cancelWhileWaitingToRetry()
{
    m_config.retry.firstDelayMs = 60000;
    m_client->setConfig(m_config);
    m_server->enqueue("/v1/complete", TestHttpServer::json(503, "{}"));
    auto job = owned(m_client->complete(sampleRequest()));
    QSignalSpy finished(job.get(), &ApiJob::finished);
    QSignalSpy retrying(job.get(), &ApiJob::retrying);
    QVERIFY(retrying.wait(5000));
    QCOMPARE(retrying.first().at(2).toInt(), 60000);
    job->cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(job->state(), ApiJob::State::Canceled);
    QCOMPARE(m_server->requests().size(), 1);
}

void TestApiClient::transferTimeoutIsTimeoutNotCancel()
{
    m_config.transferTimeoutMs = 200;
    m_config.retry.totalRetries = 1;
    m_client->setConfig(m_config);
    ScriptedResponse stall;
    stall.stall = true;
    m_server->enqueue("/v1/complete", stall);
    m_server->enqueue("/v1/complete", stall);
    auto job = owned(m_client->complete(sampleRequest()));
    QSignalSpy finished(job.get(), &ApiJob::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(job->state(), ApiJob::State::Failed);
    QCOMPARE(job->error().kind, ApiError::Kind::Timeout);
    QCOMPARE(m_server->requests().size(), 2); // a timeout is retried
}

void TestApiClient::malformedBodyIsAnError_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("contains");
    QTest::newRow("not json") << QByteArray("<html>oops") << u"invalid JSON"_s;
    QTest::newRow("empty") << QByteArray() << u"invalid JSON"_s;
    QTest::newRow("array") << QByteArray("[1,2]") << u"expected a JSON object"_s;
    QTest::newRow("missing completions")
        << QByteArray(R"({"model_version":"x"})") << u"missing required field \"completions\""_s;
    QTest::newRow("wrong type deep") << QByteArray(
        R"({"model_version":"x","completions":[{"completion":5}],"num_tokens_prompt_total":1,"num_tokens_generated":1})")
                                     << u"completions[0].completion"_s;
}

void TestApiClient::malformedBodyIsAnError()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, contains);
    m_server->enqueue("/v1/complete", TestHttpServer::json(200, body));
    auto job = owned(m_client->complete(sampleRequest()));
    QSignalSpy finished(job.get(), &ApiJob::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(job->state(), ApiJob::State::Failed);
    QCOMPARE(job->error().kind, ApiError::Kind::MalformedResponse);
    QVERIFY2(job->error().message.contains(contains), qPrintable(job->error().message));
}

void TestApiClient::streamDeliversChunksInOrder()
{
    m_server->enqueue("/v1/chat/completions",
        TestHttpServer::sse(
            {chatChunk("Hel"), chatChunk("lo"), chatChunk("", "\"stop\""), "data: [DONE]\n\n"}));
    core::ChatRequest request;
    request.model = u"m"_s;
    request.messages = {core::ChatMessage::fromText(u"user"_s, u"hi"_s)};
    auto job = owned(m_client->chatStreaming(request));
    QSignalSpy finished(job.get(), &ApiJob::finished);
    QSignalSpy deltas(job.get(), &core::ChatStreamJob::deltaReceived);
    QVERIFY(finished.wait(5000));
    QCOMPARE(job->state(), ApiJob::State::Succeeded);
    QCOMPARE(deltas.size(), 2);
    QCOMPARE(job->text(), u"Hello"_s);
    QCOMPARE(job->finishReason().value_or(QString()), u"stop"_s);
    const testsupport::RecordedRequest &req = m_server->requests().first();
    QCOMPARE(req.headers.value("accept"), "text/event-stream");
    QCOMPARE(QJsonDocument::fromJson(req.body).object().value(u"stream"_s).toBool(), true);
}

void TestApiClient::cutStreamKeepsPartialTextAndIsNotRetried()
{
    ScriptedResponse cut = TestHttpServer::sse({chatChunk("partial "), chatChunk("text")});
    cut.cut = true;
    m_server->enqueue("/v1/chat/completions", cut);
    m_server->enqueue("/v1/chat/completions", TestHttpServer::json(200, "{}"));
    core::ChatRequest request;
    request.model = u"m"_s;
    request.messages = {core::ChatMessage::fromText(u"user"_s, u"hi"_s)};
    auto job = owned(m_client->chatStreaming(request));
    QSignalSpy finished(job.get(), &ApiJob::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(job->state(), ApiJob::State::Failed);
    QCOMPARE(job->error().kind, ApiError::Kind::Interrupted);
    QCOMPARE(job->text(), u"partial text"_s);
    QCOMPARE(m_server->requests().size(), 1);
}

void TestApiClient::malformedStreamEventFailsJob()
{
    m_server->enqueue("/v1/complete",
        TestHttpServer::sse({R"(data: {"type":"stream_chunk","index":0,"completion":"ok"})"
                             "\n\n",
            "data: {not json\n\n"}));
    auto job = owned(m_client->completeStreaming(sampleRequest()));
    QSignalSpy finished(job.get(), &ApiJob::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(job->state(), ApiJob::State::Failed);
    QCOMPARE(job->error().kind, ApiError::Kind::MalformedResponse);
    QCOMPARE(job->result().completions.first().completion, u"ok"_s);
}

void TestApiClient::connectionRefusedIsNetworkError()
{
    const quint16 port = m_server->port();
    m_server.reset(); // nothing listens there now
    m_config.baseUrl = QUrl(u"http://127.0.0.1:%1/v1"_s.arg(port));
    m_config.retry.totalRetries = 1;
    m_client->setConfig(m_config);
    auto job = owned(m_client->complete(sampleRequest()));
    QSignalSpy finished(job.get(), &ApiJob::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(job->state(), ApiJob::State::Failed);
    QCOMPARE(job->error().kind, ApiError::Kind::Network);
    QCOMPARE(job->attempts(), 2);
}

void TestApiClient::finishedNeverFiresInsideTheCall()
{
    auto job = owned(m_client->request(u"no-such-endpoint"_s, {}));
    QSignalSpy finished(job.get(), &ApiJob::finished);
    QCOMPARE(finished.size(), 0);
    QVERIFY(finished.wait(5000));
    QCOMPARE(job->error().kind, ApiError::Kind::InvalidRequest);
    QVERIFY(job->error().message.contains(u"complete"_s));
    QVERIFY(m_server->requests().isEmpty());
}

void TestApiClient::connectionTestAsksUsersMe()
{
    m_server->enqueue(
        "/v1/users/me", TestHttpServer::json(200, R"({"id":7,"email":"ada@example.com"})"));
    core::ConnectionTest test(m_nam.get(), m_config);
    QSignalSpy finished(&test, &core::ConnectionTest::finished);
    test.start();
    QVERIFY(test.isRunning());
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.size(), 1);
    QVERIFY(test.succeeded());
    QCOMPARE(test.user()->email, u"ada@example.com"_s);
    QCOMPARE(test.modelCount(), -1);
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(m_server->requests().first().headers.value("authorization"), "Bearer test-token");

    // A refused token fails at once: no retry, and /model-settings is not asked.
    m_server->enqueue("/v1/users/me", TestHttpServer::json(401, R"({"error":"bad token"})"));
    core::ConnectionTest refused(m_nam.get(), m_config);
    QSignalSpy refusedFinished(&refused, &core::ConnectionTest::finished);
    refused.start();
    QVERIFY(refusedFinished.wait(5000));
    QVERIFY(!refused.succeeded());
    QCOMPARE(refused.error().httpStatus, 401);
    QCOMPARE(m_server->requests().size(), 2);
}

void TestApiClient::connectionTestFallsBackToModelSettings()
{
    // No /users/me (the server answers 404 for an empty queue): /model-settings decides.
    m_server->enqueue("/v1/model-settings",
        TestHttpServer::json(200,
            R"([{"name":"a","completion_type":"full"},{"name":"b","completion_type":"none"}])"));
    core::ConnectionTest test(m_nam.get(), m_config);
    QSignalSpy finished(&test, &core::ConnectionTest::finished);
    test.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.size(), 1);
    QVERIFY2(test.succeeded(), qPrintable(test.error().message));
    QVERIFY(!test.user());
    QCOMPARE(test.modelCount(), 2);
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->requests().at(1).path, "/v1/model-settings");
}

void TestApiClient::recorderKeepsWhatTheJobSentAndGot()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    core::Database db(dir.filePath(u"history.sqlite"_s));
    QString error;
    QVERIFY2(db.open(&error), qPrintable(error));
    core::HistoryStore history(&db);
    core::RunRecorder recorder;
    recorder.setStore(&history);
    recorder.setProfileName(u"Local"_s);
    recorder.setErrorText(
        [](const core::ApiError &e) -> QString { return u"said: "_s + e.message; });

    m_server->enqueue("/v1/complete", TestHttpServer::json(200, kCompletionOk));
    auto job = owned(m_client->complete(sampleRequest()));
    const qint64 id = recorder.begin(u"completion"_s, *job);
    QVERIFY(id > 0);
    QSignalSpy finished(job.get(), &ApiJob::finished);
    QVERIFY(finished.wait(5000));
    recorder.finish(id, *job, QString(), QString(), 1, 1);
    core::RunRecord run = history.search(QString()).first();
    QCOMPARE(run.endpoint, u"complete"_s);
    QCOMPARE(run.model, u"luminous-base"_s);
    QCOMPARE(run.profile, u"Local"_s);
    QCOMPARE(run.request, sampleRequest().toJson());
    QCOMPARE(QJsonDocument(run.request).toJson(QJsonDocument::Compact),
        m_server->requests().first().body);
    QCOMPARE(run.status, core::RunStatus::Succeeded);
    QCOMPARE(run.response,
        QString::fromUtf8(QJsonDocument(job->result().toJson()).toJson(QJsonDocument::Compact)));
    QCOMPARE(run.responseAs<core::CompletionResponse>(&error)->completions.first().completion,
        u" world"_s);
    QCOMPARE(run.requestAs<core::CompletionRequest>(&error)->toJson(), sampleRequest().toJson());

    // A failure keeps the error as the recorder words it, and the partial text given.
    m_config.retry.totalRetries = 0;
    m_client->setConfig(m_config);
    m_server->enqueue("/v1/complete", TestHttpServer::json(400, R"({"error":"prompt too long"})"));
    auto failing = owned(m_client->complete(sampleRequest()));
    const qint64 failedId = recorder.begin(u"completion"_s, *failing);
    QSignalSpy failed(failing.get(), &ApiJob::finished);
    QVERIFY(failed.wait(5000));
    recorder.finish(failedId, *failing, QString(), u"so far"_s);
    run = history.search(QString()).first();
    QCOMPARE(run.id, failedId);
    QCOMPARE(run.status, core::RunStatus::Failed);
    QCOMPARE(run.error, u"said: prompt too long"_s);
    QCOMPARE(run.partial, u"so far"_s);
    QVERIFY(run.response.isEmpty());

    // Without a store nothing is recorded.
    core::RunRecorder none;
    QCOMPARE(none.begin(u"completion"_s, *failing), 0);
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "TestApiClient.moc"
