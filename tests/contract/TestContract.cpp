// SPDX-License-Identifier: MIT
// Recorded real traffic (tests/data/cassettes) as the contract of core's typed layer and client.
#include "core/api/Endpoints.h"
#include "core/api/ImageFile.h"
#include "core/net/ApiClient.h"
#include "tests/support/CassetteServer.h"

#include <QFile>
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
    void typedExplanationOfRecordedImage();
    void typedEmbeddingsOfRecordedAnswers();
    void typedEvaluateAndRerank();
    void unmatchedRequestNamesClosestRecording();

private:
    void addRows();
    testsupport::CassetteServer m_server;
    QNetworkAccessManager m_nam;
    QList<Interaction> m_interactions;
};

Q_DECLARE_METATYPE(Interaction)

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
    // Every recorded interaction is a row; one whose endpoint core does not speak fails as a row.
    const QList<Interaction> all = testsupport::loadCassettes();
    QVERIFY2(all.size() >= 263, "expected the 263 recorded interactions of tests/data/cassettes");
    for (const Interaction &in : all)
        QTest::newRow(qPrintable(in.name())) << in;
}

void TestContract::requestRoundTrips_data()
{
    addRows();
}

void TestContract::requestRoundTrips()
{
    QFETCH(Interaction, interaction);
    const core::EndpointInfo *info = core::findEndpoint(endpointOf(interaction));
    QVERIFY2(info, qPrintable(u"core does not speak "_s + endpointOf(interaction)));
    QVERIFY(info->normalizeRequest);
    QString error;
    const std::optional<QJsonObject> typed
        = info->normalizeRequest(interaction.requestBody.toObject(), &error);
    QVERIFY2(typed, qPrintable(error));
    const QString diff = core::json::firstDifference(
        core::json::stripNulls(*typed), core::json::stripNulls(interaction.requestBody));
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
        const QString diff = core::json::firstDifference(
            core::json::stripNulls(got), core::json::stripNulls(expected));
        QVERIFY2(diff.isEmpty(), qPrintable(u"stream differs at "_s + diff));
        return;
    }
    const QString diff = core::json::firstDifference(
        core::json::stripNulls(job->response()), core::json::stripNulls(interaction.responseBody));
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
    QCOMPARE(job->result().completions.first().completion.value_or(QString()),
        u"\n\nI\u2019m a little"_s);
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

/// Runs `job` to its end (it must succeed) and keeps it alive for the caller's checks.
template<class Job>
static std::unique_ptr<Job> finish(Job *job)
{
    job->setAutoDelete(false);
    std::unique_ptr<Job> guard(job);
    QSignalSpy finished(job, &ApiJob::finished);
    if (!finished.wait(10000))
        qWarning("job did not finish");
    return guard;
}

static core::ClientConfig replayConfig(const QUrl &url)
{
    core::ClientConfig config;
    config.baseUrl = url;
    config.retry.totalRetries = 0;
    return config;
}

void TestContract::typedExplanationOfRecordedImage()
{
    core::ApiClient client(&m_nam, replayConfig(m_server.baseUrl()));
    // test_explanation/test_explanation_of_image_in_pixels: the JPEG's own bytes, never re-encoded.
    QFile file(testsupport::cassetteDir() + u"/assets/dog-and-cat-cover.jpg"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString error;
    const std::optional<core::PromptItem> image
        = core::PromptItem::fromImageFile(file.fileName(), &error);
    QVERIFY2(image, qPrintable(error));
    core::ExplanationRequest request;
    request.model = u"luminous-base"_s;
    request.prompt.items = {*image,
        core::PromptItem::fromText(u"I am a programmer and French. My favourite food is"_s),
        core::PromptItem::fromTokenIds({4014, 36316, 5681, 387})};
    request.target = u" pizza with cheese"_s;
    auto job = finish(client.explain(request));
    QVERIFY2(job->state() == ApiJob::State::Succeeded, qPrintable(job->error().toString()));
    const core::ExplanationResponse &r = job->result();
    QCOMPARE(r.explanations.size(), 1);
    const QList<core::ExplanationItem> &items = r.explanations.first().items;
    QCOMPARE(items.size(), 4); // one per prompt item, then the target
    QCOMPARE(items.at(0).type, core::ExplanationItem::Type::Image);
    QCOMPARE(items.at(1).type, core::ExplanationItem::Type::Text);
    QCOMPARE(items.at(2).type, core::ExplanationItem::Type::TokenIds);
    QCOMPARE(items.at(3).type, core::ExplanationItem::Type::Target);
    QCOMPARE(items.at(0).imageScores.size(), 9); // auto granularity: a 3×3 grid
    QCOMPARE(items.at(2).tokenScores.size(), 4); // one per token id
    const core::TextScore &segment = items.at(1).textScores.first();
    QVERIFY(
        !core::ExplanationItem::segmentText(request.prompt.items.at(1).text, segment).isEmpty());
    const std::optional<core::ImageFile> decoded = core::ImageFile::load(file.fileName(), &error);
    QVERIFY2(decoded, qPrintable(error));
    QCOMPARE(decoded->size, QSize(1200, 630));
    QCOMPARE(decoded->format, QByteArray("jpeg"));
    // The official client's "in pixels": rect × the original size (1200 × 630), truncated.
    const core::ImageScore &first = items.at(0).imageScores.first();
    const QRect pixels = first.inPixels(1200, 630);
    QCOMPARE(pixels.topLeft(), QPoint(int(first.rect.left * 1200), int(first.rect.top * 630)));
    QCOMPARE(pixels.width(), int(first.rect.width * 1200));
}

void TestContract::typedEmbeddingsOfRecordedAnswers()
{
    core::ApiClient client(&m_nam, replayConfig(m_server.baseUrl()));
    // test_embed/test_embed_semantic: the request the official client built, full options.
    core::SemanticEmbeddingRequest semantic;
    semantic.model = u"luminous-base"_s;
    semantic.prompt = core::Prompt::fromText(u"hello"_s);
    semantic.representation = core::Representation::Symmetric;
    semantic.compressToSize = 128;
    semantic.normalize = false;
    semantic.controlLogAdditive = true;
    auto job = finish(client.semanticEmbed(semantic));
    QVERIFY2(job->state() == ApiJob::State::Succeeded, qPrintable(job->error().toString()));
    QCOMPARE(job->result().embedding.size(), 128);
    QCOMPARE(job->result().numTokensPromptTotal.value_or(-1), 1);

    // test_embed/test_embed_with_tokens: -1 comes back as layer_40.
    core::EmbeddingRequest embed;
    embed.model = u"luminous-base"_s;
    embed.prompt = core::Prompt::fromText(u"abc"_s);
    embed.layers = QList<int>{-1};
    embed.pooling = QStringList{u"mean"_s};
    embed.tokens = true;
    embed.normalize = false;
    embed.controlLogAdditive = true;
    auto embedJob = finish(client.embed(embed));
    QVERIFY2(
        embedJob->state() == ApiJob::State::Succeeded, qPrintable(embedJob->error().toString()));
    QCOMPARE(embedJob->result().tokens.value_or(QStringList()), (QStringList{u" ab"_s, u"c"_s}));
    QVERIFY(embedJob->result().embeddings->value(u"layer_40"_s).value(u"mean"_s).size() > 1000);

    // test_embed/test_can_instructable_embed_with_async_client.
    core::InstructableEmbeddingRequest instructable;
    instructable.model = u"pharia-1-embedding-4608-control-with-256-embedding"_s;
    instructable.input = core::Prompt::fromText(u"hello"_s);
    instructable.instruction = u"Represent the text to query a database of salutations"_s;
    instructable.normalize = false;
    instructable.controlLogAdditive = true;
    auto instructableJob = finish(client.instructableEmbed(instructable));
    QVERIFY2(instructableJob->state() == ApiJob::State::Succeeded,
        qPrintable(instructableJob->error().toString()));
    QCOMPARE(instructableJob->result().embedding.size(), 4608);
}

void TestContract::typedEvaluateAndRerank()
{
    core::ApiClient client(&m_nam, replayConfig(m_server.baseUrl()));
    core::EvaluationRequest evaluation; // test_evaluate/test_evaluate
    evaluation.model = u"luminous-base"_s;
    evaluation.prompt = core::Prompt::fromText(u"hello"_s);
    evaluation.completionExpected = u"world"_s;
    evaluation.controlLogAdditive = true;
    auto job = finish(client.evaluate(evaluation));
    QVERIFY2(job->state() == ApiJob::State::Succeeded, qPrintable(job->error().toString()));
    QCOMPARE(job->result().result.logProbability.value_or(0), -11.3125);
    QCOMPARE(job->result().result.correctGreedy.value_or(true), false);

    core::RerankRequest rerank; // test_rerank/test_can_rerank_with_top_n
    rerank.model = u"bge-reranker-v2-m3"_s;
    rerank.query = u"What is the capital of France?"_s;
    rerank.documents = {u"The capital of Brazil is Brasilia."_s,
        u"The capital of France is Paris."_s,
        u"Horses and cows are both animals."_s};
    rerank.topN = 2;
    auto rerankJob = finish(client.rerank(rerank));
    QVERIFY2(
        rerankJob->state() == ApiJob::State::Succeeded, qPrintable(rerankJob->error().toString()));
    QCOMPARE(rerankJob->result().results.size(), 2);
    QCOMPARE(rerankJob->result().results.first().index, 1); // Paris
    QVERIFY(rerankJob->result().results.first().relevanceScore
        > rerankJob->result().results.last().relevanceScore);
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
