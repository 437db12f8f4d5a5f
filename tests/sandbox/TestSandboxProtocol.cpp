// SPDX-License-Identifier: MIT
// The sandbox speaks the protocol as the real service does (issue 19): each recorded /complete and
// /chat/completions request, sent to the sandbox, gets an answer with the recorded fields; echo
// pairs completion_tokens with log_probs; raw_completion, system_fingerprint and `logprobs: null`
// come when the service sends them; `tags` is accepted; /models_available has the recorded keys;
// /explain's normalize spans 0..1; /version satisfies the official client; and the tokenizer
// endpoint answers through core. Over real sockets, on the raw bytes (nulls matter here).
#include "core/api/Endpoints.h"
#include "core/api/Json.h"
#include "core/api/Tokenization.h"
#include "core/net/ApiClient.h"
#include "tests/support/CassetteServer.h"
#include "tests/support/SandboxClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using core::ApiJob;

namespace {

const QString kBase = u"sandbox-luminous-base"_s;
const QString kChat = u"sandbox-llama-3.1-8b-instruct"_s;

struct Answer
{
    int status = 0;
    QByteArray contentType;
    QByteArray body;
    QJsonValue json() const
    {
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    }
    /// The JSON of each `data:` line of an event stream, without [DONE].
    QList<QJsonObject> events() const
    {
        QList<QJsonObject> out;
        for (const QByteArray &line : body.split('\n')) {
            if (line.startsWith("data: ") && line != "data: [DONE]")
                out.append(QJsonDocument::fromJson(line.mid(6)).object());
        }
        return out;
    }
};

template<class Job>
std::unique_ptr<Job> await(Job *job)
{
    job->setAutoDelete(false);
    QSignalSpy spy(job, &Job::finished);
    if (job->state() == ApiJob::State::Running)
        spy.wait(30000);
    return std::unique_ptr<Job>(job);
}

QStringList keysOf(const QJsonValue &value)
{
    QStringList keys = value.toObject().keys();
    keys.sort();
    return keys;
}

/// Every score of an explanation (all items, the target included).
QList<double> scoresOf(const QJsonObject &explanation)
{
    QList<double> scores;
    for (const QJsonValue &item : explanation.value(u"items"_s).toArray()) {
        for (const QJsonValue &score : item.toObject().value(u"scores"_s).toArray())
            scores.append(score.isObject() ? score.toObject().value(u"score"_s).toDouble()
                                           : score.toDouble());
    }
    return scores;
}

} // namespace

class TestSandboxProtocol : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void recordedRequestsGetTheRecordedFields_data();
    void recordedRequestsGetTheRecordedFields();
    void echoPairsCompletionTokensWithLogProbs();
    void rawCompletionComesWithTokensOrLogProbs_data();
    void rawCompletionComesWithTokensOrLogProbs();
    void chatSendsFingerprintAndNullLogprobs();
    void tagsAreAcceptedAndIgnored();
    void modelsAvailableHasTheRecordedKeys();
    void normalizedExplanationSpansZeroToOne();
    void versionSatisfiesTheOfficialClient();
    void tokenizerThroughCore();

private:
    Answer send(const QByteArray &method, const QString &endpoint, const QJsonObject &body = {});

    testsupport::SandboxClient m_sandbox;
    QList<testsupport::Interaction> m_recorded;
};

void TestSandboxProtocol::initTestCase()
{
    QString error;
    QVERIFY2(m_sandbox.start(&error), qPrintable(error));
    m_recorded = testsupport::loadCassettes(&error);
    QVERIFY2(!m_recorded.isEmpty(), qPrintable(error));
}

Answer TestSandboxProtocol::send(
    const QByteArray &method, const QString &endpoint, const QJsonObject &body)
{
    QNetworkRequest request(QUrl(m_sandbox.sandbox->baseUrl().toString() + u'/' + endpoint));
    request.setRawHeader("Authorization", "Bearer " + m_sandbox.sandbox->token().toUtf8());
    QNetworkReply *reply = nullptr;
    if (method == "GET") {
        reply = m_sandbox.nam->get(request);
    } else {
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        reply = m_sandbox.nam->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    QSignalSpy spy(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        spy.wait(30000);
    Answer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    answer.body = reply->readAll();
    reply->deleteLater();
    return answer;
}

void TestSandboxProtocol::recordedRequestsGetTheRecordedFields_data()
{
    QTest::addColumn<int>("index");
    int rows = 0;
    for (qsizetype i = 0; i < m_recorded.size(); ++i) {
        const testsupport::Interaction &in = m_recorded.at(i);
        if (in.status == 200 && (in.path == "/v1/complete" || in.path == "/v1/chat/completions")) {
            QTest::newRow(qPrintable(in.name())) << int(i);
            ++rows;
        }
    }
    QVERIFY(rows >= 15);
}

void TestSandboxProtocol::recordedRequestsGetTheRecordedFields()
{
    // The recorded request, with a sandbox model: the answer has the keys the real one has (with
    // values; null-valued keys are compared in chatSendsFingerprintAndNullLogprobs). The sandbox
    // never optimizes prompts, so `optimized_prompt` is left out of the comparison.
    QFETCH(int, index);
    const testsupport::Interaction &in = m_recorded.at(index);
    const bool chat = in.path == "/v1/chat/completions";
    QJsonObject request = in.requestBody.toObject();
    request.insert(u"model"_s, chat ? kChat : kBase);
    const Answer answer = send("POST", QString::fromUtf8(in.path.mid(4)), request);
    QVERIFY2(answer.status == 200, answer.body.constData());
    const auto compareKeys
        = [](const QJsonValue &ours, const QJsonValue &theirs, const QString &where) {
              QStringList expected = keysOf(theirs);
              expected.removeAll(u"optimized_prompt"_s);
              const QStringList got = keysOf(ours);
              return got == expected
                  ? QString()
                  : u"%1: %2, recorded %3"_s.arg(where, got.join(u','), expected.join(u','));
          };
    QString diff;
    if (in.isStream()) {
        QVERIFY(answer.contentType.startsWith("text/event-stream"));
        // Every kind of event has the recorded keys (chat: the first, a middle and the last chunk).
        QMap<QString, QJsonObject> recorded;
        QMap<QString, QJsonObject> ours;
        const auto kindOf = [chat](const QJsonObject &event, int position, int count) {
            if (!chat)
                return event.value(u"type"_s).toString();
            return position == 0 ? u"first"_s : position == count - 1 ? u"last"_s : u"middle"_s;
        };
        Answer theirs;
        theirs.body = in.responseBytes();
        const QList<QJsonObject> theirEvents = theirs.events();
        const QList<QJsonObject> ourEvents = answer.events();
        for (qsizetype k = 0; k < theirEvents.size(); ++k)
            recorded.insert(
                kindOf(theirEvents.at(k), int(k), int(theirEvents.size())), theirEvents.at(k));
        for (qsizetype k = 0; k < ourEvents.size(); ++k)
            ours.insert(kindOf(ourEvents.at(k), int(k), int(ourEvents.size())), ourEvents.at(k));
        QCOMPARE(ours.keys(), recorded.keys());
        for (auto it = recorded.cbegin(); it != recorded.cend() && diff.isEmpty(); ++it) {
            diff = compareKeys(ours.value(it.key()), it.value(), it.key());
            if (diff.isEmpty() && chat)
                diff = compareKeys(ours.value(it.key()).value(u"choices"_s).toArray().first(),
                    it.value().value(u"choices"_s).toArray().first(),
                    it.key() + u" choices[0]"_s);
        }
    } else if (chat) {
        const QJsonObject theirs = in.responseBody.toObject();
        const QJsonObject ours = answer.json().toObject();
        diff = compareKeys(ours, theirs, u"response"_s);
        if (diff.isEmpty())
            diff = compareKeys(ours.value(u"choices"_s).toArray().first(),
                theirs.value(u"choices"_s).toArray().first(),
                u"choices[0]"_s);
        // The message's keys but `tool_calls`, which depends on the deployment (the tool-calling
        // qwen3-32b-tool always sends it, [] without a call; llama-3.1-8b-instruct never) and on
        // whether the reply is a call.
        QJsonObject ourMessage
            = ours.value(u"choices"_s).toArray().first().toObject().value(u"message"_s).toObject();
        QJsonObject theirMessage = theirs.value(u"choices"_s)
                                       .toArray()
                                       .first()
                                       .toObject()
                                       .value(u"message"_s)
                                       .toObject();
        ourMessage.remove(u"tool_calls"_s);
        theirMessage.remove(u"tool_calls"_s);
        if (diff.isEmpty())
            diff = compareKeys(ourMessage, theirMessage, u"choices[0].message"_s);
    } else {
        const QJsonObject theirs = in.responseBody.toObject();
        const QJsonObject ours = answer.json().toObject();
        diff = compareKeys(ours, theirs, u"response"_s);
        const QJsonArray theirCompletions = theirs.value(u"completions"_s).toArray();
        const QJsonArray ourCompletions = ours.value(u"completions"_s).toArray();
        QCOMPARE(ourCompletions.size(), theirCompletions.size());
        for (qsizetype k = 0; k < theirCompletions.size() && diff.isEmpty(); ++k)
            diff = compareKeys(
                ourCompletions.at(k), theirCompletions.at(k), u"completions[%1]"_s.arg(k));
    }
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestSandboxProtocol::echoPairsCompletionTokensWithLogProbs()
{
    // cassette test_complete_with_echo: one completion token per log_probs entry, the prompt's
    // tokens included, the first of them with {} (nothing before it to condition on).
    const testsupport::Interaction *echo = nullptr;
    for (const testsupport::Interaction &in : std::as_const(m_recorded))
        if (in.file == u"test_complete/test_complete_with_echo.json"_s)
            echo = &in;
    QVERIFY(echo);
    const QJsonObject theirs
        = echo->responseBody.toObject().value(u"completions"_s).toArray().first().toObject();
    QCOMPARE(theirs.value(u"completion_tokens"_s).toArray().size(),
        theirs.value(u"log_probs"_s).toArray().size());
    QCOMPARE(theirs.value(u"log_probs"_s).toArray().first().toObject(), QJsonObject());

    for (const int maximumTokens : {0, 3}) {
        QJsonObject request = echo->requestBody.toObject();
        request.insert(u"model"_s, kBase);
        request.insert(u"maximum_tokens"_s, maximumTokens);
        const Answer answer = send("POST", u"complete"_s, request);
        QCOMPARE(answer.status, 200);
        const QJsonObject ours
            = answer.json().toObject().value(u"completions"_s).toArray().first().toObject();
        const QJsonArray tokens = ours.value(u"completion_tokens"_s).toArray();
        const QJsonArray logProbs = ours.value(u"log_probs"_s).toArray();
        QCOMPARE(tokens.size(), logProbs.size());
        QCOMPARE(tokens.size(), 2 + maximumTokens); // "Hello world": two prompt tokens, as recorded
        QCOMPARE(logProbs.first().toObject(), QJsonObject());
        QString joined;
        for (qsizetype k = 0; k < tokens.size(); ++k) {
            joined += tokens.at(k).toString();
            if (k > 0)
                QVERIFY2(logProbs.at(k).toObject().contains(tokens.at(k).toString()),
                    qPrintable(u"log_probs[%1] has no entry for %2"_s.arg(k).arg(
                        tokens.at(k).toString())));
        }
        QCOMPARE(joined, ours.value(u"completion"_s).toString());
    }
}

void TestSandboxProtocol::rawCompletionComesWithTokensOrLogProbs_data()
{
    QTest::addColumn<QJsonObject>("options");
    QTest::addColumn<bool>("raw");
    QTest::newRow("nothing asked") << QJsonObject() << false;
    QTest::newRow("raw_completion false") << QJsonObject{{u"raw_completion"_s, false}} << false;
    QTest::newRow("raw_completion") << QJsonObject{{u"raw_completion"_s, true}} << true;
    QTest::newRow("tokens") << QJsonObject{{u"tokens"_s, true}} << true;
    QTest::newRow("log_probs 0") << QJsonObject{{u"log_probs"_s, 0}, {u"raw_completion"_s, false}}
                                 << true;
}

void TestSandboxProtocol::rawCompletionComesWithTokensOrLogProbs()
{
    // The spec's raw_completion: "Setting tokens to true or log_probs to any value will also
    // trigger the raw completion to be returned" (recorded: test_complete has it, with log_probs).
    QFETCH(QJsonObject, options);
    QFETCH(bool, raw);
    QJsonObject request{
        {u"model"_s, kBase}, {u"prompt"_s, u"Hello, World!"_s}, {u"maximum_tokens"_s, 5}};
    for (auto it = options.begin(); it != options.end(); ++it)
        request.insert(it.key(), it.value());
    const Answer answer = send("POST", u"complete"_s, request);
    QCOMPARE(answer.status, 200);
    const QJsonObject completion
        = answer.json().toObject().value(u"completions"_s).toArray().first().toObject();
    QCOMPARE(completion.contains(u"raw_completion"_s), raw);
    if (raw)
        QCOMPARE(completion.value(u"raw_completion"_s).toString(),
            completion.value(u"completion"_s).toString());
}

void TestSandboxProtocol::chatSendsFingerprintAndNullLogprobs()
{
    // As recorded (test_can_chat_with_chat_model, test_can_chat_with_streaming_support).
    const QJsonObject request{{u"model"_s, kChat},
        {u"messages"_s,
            QJsonArray{
                QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"Hello, how are you?"_s}}}},
        {u"max_tokens"_s, 6}};
    const Answer plain = send("POST", u"chat/completions"_s, request);
    QCOMPARE(plain.status, 200);
    const QJsonObject response = plain.json().toObject();
    QVERIFY(!response.value(u"system_fingerprint"_s).toString().isEmpty());
    const QJsonObject choice = response.value(u"choices"_s).toArray().first().toObject();
    QVERIFY(choice.contains(u"logprobs"_s));
    QVERIFY(choice.value(u"logprobs"_s).isNull());

    QJsonObject asked = request;
    asked.insert(u"logprobs"_s, true);
    const QJsonObject withLogprobs = send("POST", u"chat/completions"_s, asked).json().toObject();
    QVERIFY(withLogprobs.value(u"choices"_s)
                .toArray()
                .first()
                .toObject()
                .value(u"logprobs"_s)
                .isObject());

    QJsonObject streamed = request;
    streamed.insert(u"stream"_s, true);
    const QList<QJsonObject> chunks = send("POST", u"chat/completions"_s, streamed).events();
    QVERIFY(chunks.size() >= 3);
    for (qsizetype k = 0; k < chunks.size(); ++k) {
        const QJsonObject &c = chunks.at(k);
        QVERIFY(c.contains(u"system_fingerprint"_s) && c.contains(u"usage"_s));
        QVERIFY(c.value(u"usage"_s).isNull());
        const QJsonObject first = c.value(u"choices"_s).toArray().first().toObject();
        QVERIFY(first.contains(u"logprobs"_s) && first.value(u"logprobs"_s).isNull());
        // the fingerprint only in the chunk that ends the choice
        QCOMPARE(c.value(u"system_fingerprint"_s).isString(), k == chunks.size() - 1);
    }
    QCOMPARE(chunks.last().value(u"system_fingerprint"_s), response.value(u"system_fingerprint"_s));
}

void TestSandboxProtocol::tagsAreAcceptedAndIgnored()
{
    // The official client adds `tags` to the body when configured (CLIENT-SEMANTICS.md §1.3).
    const QJsonObject complete{
        {u"model"_s, kBase}, {u"prompt"_s, u"The weather today is"_s}, {u"maximum_tokens"_s, 6}};
    QJsonObject tagged = complete;
    tagged.insert(u"tags"_s, QJsonArray{u"team-a"_s, u"experiment"_s});
    const Answer plain = send("POST", u"complete"_s, complete);
    const Answer withTags = send("POST", u"complete"_s, tagged);
    QCOMPARE(withTags.status, 200);
    QCOMPARE(withTags.json().toObject().value(u"completions"_s),
        plain.json().toObject().value(u"completions"_s));

    const QJsonObject chat{{u"model"_s, kChat},
        {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"Hi"_s}}}},
        {u"max_tokens"_s, 4},
        {u"tags"_s, QJsonArray{u"team-a"_s}}};
    const Answer chatAnswer = send("POST", u"chat/completions"_s, chat);
    QVERIFY2(chatAnswer.status == 200, chatAnswer.body.constData());

    // core reads and writes it, and still refuses a field that is not there
    QString error;
    const std::optional<core::CompletionRequest> typed
        = core::CompletionRequest::fromJson(tagged, &error);
    QVERIFY2(typed, qPrintable(error));
    QCOMPARE(typed->tags, QStringList({u"team-a"_s, u"experiment"_s}));
    QCOMPARE(typed->toJson(), tagged);
    const std::optional<core::ChatRequest> typedChat = core::ChatRequest::fromJson(chat, &error);
    QVERIFY2(typedChat, qPrintable(error));
    QCOMPARE(typedChat->toJson(), chat);
    QJsonObject unknown = complete;
    unknown.insert(u"tag"_s, QJsonArray{u"x"_s});
    QVERIFY(!core::CompletionRequest::fromJson(unknown, &error));
    QVERIFY(send("POST", u"complete"_s, unknown).status == 400);
}

void TestSandboxProtocol::modelsAvailableHasTheRecordedKeys()
{
    // The keys the official client's recordings show (CLIENT-SEMANTICS.md §5.13), with values that
    // agree with /model-settings.
    const Answer available = send("GET", u"models_available"_s);
    const Answer settings = send("GET", u"model-settings"_s);
    QCOMPARE(available.status, 200);
    const QJsonArray models = available.json().toArray();
    const QJsonArray described = settings.json().toArray();
    QCOMPARE(models.size(), described.size());
    QStringList expected{u"name"_s,
        u"description"_s,
        u"max_context_size"_s,
        u"hostings"_s,
        u"image_support"_s,
        u"qa_support"_s,
        u"summarization_support"_s,
        u"embedding_types"_s,
        u"maximum_completion_tokens"_s,
        u"aligned"_s};
    expected.sort();
    for (qsizetype i = 0; i < models.size(); ++i) {
        const QJsonObject m = models.at(i).toObject();
        const QJsonObject s = described.at(i).toObject();
        QCOMPARE(keysOf(m), expected);
        QCOMPARE(m.value(u"name"_s), s.value(u"name"_s));
        QCOMPARE(
            m.value(u"max_context_size"_s).toInteger(), s.value(u"max_context_size"_s).toInteger());
        QCOMPARE(m.value(u"maximum_completion_tokens"_s).toInteger(),
            s.value(u"maximum_completion_tokens"_s).toInteger());
        QCOMPARE(m.value(u"image_support"_s), s.value(u"multimodal"_s));
        QCOMPARE(m.value(u"aligned"_s), s.value(u"aligned"_s));
        const QJsonArray types = m.value(u"embedding_types"_s).toArray();
        const QString type = s.value(u"embedding_type"_s).toString();
        QCOMPARE(type != u"none"_s, types.contains(QJsonValue(type)));
    }
    // core reads them into typed fields
    QString error;
    const auto typed = core::ModelsAvailableResponse::fromJson(available.json(), &error);
    QVERIFY2(typed, qPrintable(error));
    QCOMPARE(typed->models.first().maxContextSize, 8192);
    QCOMPARE(typed->models.first().imageSupport, true);
    QCOMPARE(typed->models.first().embeddingTypes, QStringList({u"raw"_s, u"semantic"_s}));
    QVERIFY(typed->models.first().extra.isEmpty());
}

void TestSandboxProtocol::normalizedExplanationSpansZeroToOne()
{
    // The spec: "Minimum score becomes 0 and maximum score becomes 1. Applied after any
    // postprocessing".
    for (const QString &granularity : {u"complete"_s, u"token"_s}) {
        const QJsonObject request{{u"model"_s, kBase},
            {u"prompt"_s, u"I am a programmer and French. My favourite food is"_s},
            {u"target"_s, u" pizza with cheese"_s},
            {u"target_granularity"_s, granularity},
            {u"normalize"_s, true}};
        const Answer answer = send("POST", u"explain"_s, request);
        QVERIFY2(answer.status == 200, answer.body.constData());
        bool sawSpread = false;
        for (const QJsonValue &explanation :
            answer.json().toObject().value(u"explanations"_s).toArray()) {
            const QList<double> scores = scoresOf(explanation.toObject());
            QVERIFY(!scores.isEmpty());
            const auto [low, high] = std::minmax_element(scores.cbegin(), scores.cend());
            QCOMPARE(*low, 0.0);
            QVERIFY(*high == 1.0 || *high == 0.0); // all equal: all 0
            sawSpread = sawSpread || *high == 1.0;
        }
        QVERIFY(sawSpread);
        // without normalize there are negative scores, which normalize lifts to 0..1
        QJsonObject raw = request;
        raw.remove(u"normalize"_s);
        const QList<double> rawScores = scoresOf(send("POST", u"explain"_s, raw)
                                                     .json()
                                                     .toObject()
                                                     .value(u"explanations"_s)
                                                     .toArray()
                                                     .first()
                                                     .toObject());
        QVERIFY(*std::min_element(rawScores.cbegin(), rawScores.cend()) < 0);
    }
}

void TestSandboxProtocol::versionSatisfiesTheOfficialClient()
{
    // validate_version(): packaging.version.parse(text), same major as MIN_API_VERSION 1.19.0 and
    // not lower (CLIENT-SEMANTICS.md §3). A PEP 440 release with a local label sorts after the
    // plain release, so "1.19.0+sandbox" passes and still says what it is.
    const Answer version = send("GET", u"version"_s);
    QCOMPARE(version.status, 200);
    QVERIFY(version.contentType.startsWith("text/plain"));
    const QRegularExpressionMatch m
        = QRegularExpression(u"^(\\d+)\\.(\\d+)\\.(\\d+)(\\+[a-z0-9]+(?:[._-][a-z0-9]+)*)?$"_s)
              .match(QString::fromUtf8(version.body));
    QVERIFY2(m.hasMatch(), version.body.constData());
    QCOMPARE(m.captured(1).toInt(), 1);
    QVERIFY(
        m.captured(2).toInt() > 19 || (m.captured(2).toInt() == 19 && m.captured(3).toInt() >= 0));
    QVERIFY(version.body.contains("sandbox"));
}

void TestSandboxProtocol::tokenizerThroughCore()
{
    auto job = await(m_sandbox.client->modelTokenizer(kBase));
    QVERIFY2(job->state() == ApiJob::State::Succeeded, qPrintable(job->error().toString()));
    QCOMPARE(job->result().version, u"1.0"_s);
    QCOMPARE(job->result().modelType(), u"WordPiece"_s);
    const qsizetype tokens = job->result().vocabularySize();
    QVERIFY(tokens > 1000);
    QVERIFY(job->result().extra.value(u"pre_tokenizer"_s).isObject());
    // exactly the ids /detokenize takes
    core::DetokenizationRequest last;
    last.model = kBase;
    last.tokenIds = {tokens - 1};
    QCOMPARE(await(m_sandbox.client->detokenize(last))->state(), ApiJob::State::Succeeded);
    last.tokenIds = {tokens};
    QCOMPARE(await(m_sandbox.client->detokenize(last))->state(), ApiJob::State::Failed);
    // the generic path (alephctl request) finds the endpoint by its spec name
    QCOMPARE(core::findEndpoint(core::modelTokenizerEndpoint(kBase))->name,
        u"models/{modelName}/tokenizer"_s);
    QVERIFY(!core::findEndpoint(u"models//tokenizer"_s));
    auto raw = await(m_sandbox.client->request(core::modelTokenizerEndpoint(kChat)));
    QVERIFY2(raw->state() == ApiJob::State::Succeeded, qPrintable(raw->error().toString()));
    // an unknown model
    auto unknown = await(m_sandbox.client->modelTokenizer(u"no-such-model"_s));
    QCOMPARE(unknown->state(), ApiJob::State::Failed);
    QCOMPARE(unknown->error().httpStatus, 404);
}

QTEST_GUILESS_MAIN(TestSandboxProtocol)
#include "TestSandboxProtocol.moc"
