// SPDX-License-Identifier: MIT
// Recorded real traffic (../shared/cassettes) as the contract of core's typed layer and client.
#include "core/api/Endpoints.h"
#include "core/net/ApiClient.h"
#include "tests/support/CassetteServer.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using core::ApiJob;
using testsupport::Interaction;

class TestContract : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void requestRoundTrips_data();
    void requestRoundTrips();
    void replayKeepsEveryRecordedField_data();
    void replayKeepsEveryRecordedField();
    void typedJobsParseRecordedAnswers();
    void unmatchedRequestNamesClosestRecording();

private:
    void addRows();
    testsupport::CassetteServer m_server;
    QNetworkAccessManager m_nam;
    QList<Interaction> m_interactions;
};

Q_DECLARE_METATYPE(Interaction)

// The endpoints core speaks so far; every recorded interaction of these is a row.
static QString endpointOf(const Interaction &in)
{
    return QString::fromUtf8(in.path).mid(QStringLiteral("/v1/").size());
}

void TestContract::initTestCase()
{
    QString error;
    QVERIFY2(m_server.load(&error), qPrintable(error));
    QVERIFY(m_server.listen());
    m_nam.setProxy(QNetworkProxy::NoProxy);
    m_interactions = m_server.interactions();
}

void TestContract::addRows()
{
    QTest::addColumn<Interaction>("interaction");
    int rows = 0;
    for (const Interaction &in : testsupport::loadCassettes()) {
        if (!core::findEndpoint(endpointOf(in)))
            continue;
        QTest::newRow(qPrintable(in.name())) << in;
        ++rows;
    }
    QVERIFY2(rows >= 20, "expected the recorded complete, chat, tokenize and detokenize traffic");
}

void TestContract::requestRoundTrips_data()
{
    addRows();
}

void TestContract::requestRoundTrips()
{
    QFETCH(Interaction, interaction);
    const core::EndpointInfo *info = core::findEndpoint(endpointOf(interaction));
    QVERIFY(info && info->normalizeRequest);
    QString error;
    const std::optional<QJsonObject> typed = info->normalizeRequest(interaction.requestBody.toObject(), &error);
    QVERIFY2(typed, qPrintable(error));
    const QString diff = core::json::firstDifference(core::json::stripNulls(*typed),
                                                     core::json::stripNulls(interaction.requestBody));
    QVERIFY2(diff.isEmpty(), qPrintable(u"differs at "_s + diff));
}

void TestContract::replayKeepsEveryRecordedField_data()
{
    addRows();
}

static QJsonValue recordedEventsAsJson(const QByteArray &sse)
{
    QJsonArray events;
    for (const QByteArray &line : sse.split('\n')) {
        if (line.startsWith("data: ") && line.mid(6) != "[DONE]")
            events.append(QJsonDocument::fromJson(line.mid(6)).object());
    }
    return events;
}

void TestContract::replayKeepsEveryRecordedField()
{
    QFETCH(Interaction, interaction);
    core::ClientConfig config;
    config.baseUrl = m_server.baseUrl();
    config.token = u"cassette"_s;
    config.retry.totalRetries = 0;
    core::ApiClient client(&m_nam, config);
    core::RawJob *job = client.request(endpointOf(interaction), interaction.requestBody.toObject());
    job->setAutoDelete(false);
    std::unique_ptr<core::RawJob> guard(job);
    QSignalSpy finished(job, &ApiJob::finished);
    QVERIFY(finished.wait(10000));

    if (interaction.status >= 400) {
        QCOMPARE(job->state(), ApiJob::State::Failed);
        QCOMPARE(job->error().httpStatus, interaction.status);
        QCOMPARE(job->error().kind, core::ApiError::fromHttp(interaction.status, {}).kind);
        const QJsonObject body = interaction.responseBody.toObject();
        QCOMPARE(job->error().message, body.value(u"error"_s).toString());
        QCOMPARE(job->error().code, body.value(u"code"_s).toString());
        return;
    }
    QVERIFY2(job->state() == ApiJob::State::Succeeded, qPrintable(job->error().toString()));
    if (interaction.isStream()) {
        QJsonArray got;
        for (const QJsonObject &e : job->events())
            got.append(e);
        const QJsonValue expected = recordedEventsAsJson(interaction.responseBytes());
        QVERIFY(!expected.toArray().isEmpty());
        const QString diff = core::json::firstDifference(core::json::stripNulls(got),
                                                         core::json::stripNulls(expected));
        QVERIFY2(diff.isEmpty(), qPrintable(u"stream differs at "_s + diff));
        return;
    }
    const QString diff = core::json::firstDifference(core::json::stripNulls(job->response()),
                                                     core::json::stripNulls(interaction.responseBody));
    QVERIFY2(diff.isEmpty(), qPrintable(u"response differs at "_s + diff));
}

void TestContract::typedJobsParseRecordedAnswers()
{
    core::ClientConfig config;
    config.baseUrl = m_server.baseUrl();
    config.retry.totalRetries = 0;
    core::ApiClient client(&m_nam, config);

    // test_complete/test_complete_maximum_tokens_none: the request the official client built.
    core::CompletionRequest request = core::CompletionRequest::withClientDefaults(
        u"luminous-base"_s, core::Prompt::fromText(u"Hello, World!"_s));
    request.maximumTokens = 7;
    request.stopSequences = QStringList{u","_s};
    auto *job = client.complete(request);
    job->setAutoDelete(false);
    std::unique_ptr<core::CompletionJob> guard(job);
    QSignalSpy finished(job, &ApiJob::finished);
    QVERIFY(finished.wait(10000));
    QVERIFY2(job->state() == ApiJob::State::Succeeded, qPrintable(job->error().toString()));
    QCOMPARE(job->result().completions.first().completion.value_or(QString()), u"\n\nI\u2019m a little"_s);
    QCOMPARE(job->result().numTokensGenerated, 7);

    // test_chat/test_can_chat_with_streaming_support, through the typed stream job.
    core::ChatRequest chat;
    chat.model = u"llama-3.1-8b-instruct"_s;
    chat.messages = {core::ChatMessage::fromText(u"user"_s, u"Hello, how are you?"_s)};
    auto *stream = client.chatStreaming(chat);
    stream->setAutoDelete(false);
    std::unique_ptr<core::ChatStreamJob> streamGuard(stream);
    QSignalSpy streamFinished(stream, &ApiJob::finished);
    QVERIFY(streamFinished.wait(10000));
    QVERIFY2(stream->state() == ApiJob::State::Succeeded, qPrintable(stream->error().toString()));
    QVERIFY(stream->text().startsWith(u"I'm just a computer program"_s));
    QCOMPARE(stream->finishReason().value_or(QString()), u"stop"_s);
}

void TestContract::unmatchedRequestNamesClosestRecording()
{
    core::ClientConfig config;
    config.baseUrl = m_server.baseUrl();
    config.retry.totalRetries = 0;
    core::ApiClient client(&m_nam, config);
    core::TokenizationRequest request;
    request.model = u"luminous-base"_s;
    request.prompt = u"Hello!"_s; // recorded: "Hello"
    auto *job = client.tokenize(request);
    job->setAutoDelete(false);
    std::unique_ptr<core::TokenizationJob> guard(job);
    QSignalSpy finished(job, &ApiJob::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(job->error().httpStatus, 404);
    QVERIFY2(job->error().message.contains(u"closest: test_tokenize/"_s)
                 && job->error().message.contains(u"first difference at \"prompt\""_s),
             qPrintable(job->error().message));
}

QTEST_GUILESS_MAIN(TestContract)
#include "TestContract.moc"
