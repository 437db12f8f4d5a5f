// SPDX-License-Identifier: MIT
// The sandbox over real sockets: every endpoint through core's ApiClient, the consistency of the
// SyntheticModel's answers, every validation error and the 401, and the client's behaviour under
// each injected fault (busy, quota, rate-limit, cut stream, malformed, slow, TLS).
#include "core/api/Validation.h"
#include "core/net/ApiClient.h"
#include "core/net/BatchEmbedder.h"
#include "core/net/EmbeddingProvider.h"
#include "sandbox/SandboxServer.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;
using core::ApiError;
using core::ApiJob;

namespace {

const QString kBase = u"sandbox-luminous-base"_s;
const QString kChat = u"sandbox-llama-3.1-8b-instruct"_s;

/// Waits for a job's finished() and keeps the job alive for the test to read.
template<class Job>
std::unique_ptr<Job> await(Job *job)
{
    job->setAutoDelete(false);
    QSignalSpy spy(job, &Job::finished);
    if (job->state() == ApiJob::State::Running)
        spy.wait(30000);
    return std::unique_ptr<Job>(job);
}

double cosine(const QList<float> &a, const QList<float> &b)
{
    double dot = 0, na = 0, nb = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        dot += double(a.at(i)) * b.at(i);
        na += double(a.at(i)) * a.at(i);
        nb += double(b.at(i)) * b.at(i);
    }
    return dot / std::sqrt(na * nb);
}

double norm(const QList<float> &a)
{
    double sum = 0;
    for (const float x : a)
        sum += double(x) * x;
    return std::sqrt(sum);
}

struct RawAnswer
{
    int status = 0;
    QJsonObject json;
    QByteArray body;
};

} // namespace

class TestSandbox : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();

    // every endpoint
    void modelsVersionAndUser();
    void completeIsDeterministicAndStreamsTheSameText();
    void embeddedWorkersYieldTheCpu();
    void temperatureAndSeedVaryTheSamples();
    void completeParameters();
    void chatAndChatStream();
    void chatJsonSchemaAndTools();
    void tokenizeDetokenizeRoundTrip();
    void evaluateAgreesWithCompletionLogProbs();
    void explanationFollowsTheScoring();
    void explanationOfImageAndTokenIds();
    void semanticEmbeddingsAreLexicalAndRepresentationAware();
    void batchAndEmbedAndInstructable();
    void embeddingsV2FloatAndBase64Agree();
    void gradientEmbeddings();
    void steeringPullsTowardsPositiveWords();
    void steeringConceptsSurviveARestart();
    void cacheScopeIsTheServerNotThePort();
    void translateAndRerank();

    // errors
    void validationErrors_data();
    void validationErrors();
    void missingOrWrongTokenIs401();

    // faults
    void busyTwiceThenSuccess();
    void quotaIsNotRetried();
    void rateLimitHonoursRetryAfter();
    void cutStreamKeepsPartialText();
    void malformedJsonAndStream();
    void slowFirstByteStillSucceeds();
    void badFaultHeaderIsA400();
    void globalFaultsAreReproducible();
    void selfSignedTlsNeedsItsCa();

private:
    core::ApiClient *client(const QList<QPair<QByteArray, QByteArray>> &headers = {},
        const QString &token = u"sandbox"_s);
    RawAnswer post(
        const QString &endpoint, const QByteArray &body, const QByteArray &token = "sandbox");
    core::CompletionRequest completion(const QString &prompt, int maximumTokens = 12) const;

    std::unique_ptr<sandbox::EmbeddedSandbox> m_sandbox;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    QList<core::ApiClient *> m_clients;
};

void TestSandbox::initTestCase()
{
    sandbox::SandboxOptions options;
    options.tokensPerSecond = 0; // no pacing: tests wait on signals, not on the clock
    m_sandbox = std::make_unique<sandbox::EmbeddedSandbox>(options);
    QString error;
    QVERIFY2(m_sandbox->start(&error), qPrintable(error));
    QCOMPARE(m_sandbox->baseUrl().scheme(), u"http"_s);
    QCOMPARE(m_sandbox->baseUrl().path(), u"/v1"_s);
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_nam->setProxy(QNetworkProxy::NoProxy);
}

void TestSandbox::cleanup()
{
    qDeleteAll(m_clients);
    m_clients.clear();
}

core::ApiClient *TestSandbox::client(
    const QList<QPair<QByteArray, QByteArray>> &headers, const QString &token)
{
    core::ClientConfig config;
    config.baseUrl = m_sandbox->baseUrl();
    config.token = token;
    config.retry.firstDelayMs = 1;
    config.extraHeaders = headers;
    auto *c = new core::ApiClient(m_nam.get(), config);
    m_clients.append(c);
    return c;
}

RawAnswer TestSandbox::post(
    const QString &endpoint, const QByteArray &body, const QByteArray &token)
{
    QNetworkRequest request(QUrl(m_sandbox->baseUrl().toString() + u'/' + endpoint));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply *reply = m_nam->post(request, body);
    QSignalSpy spy(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        spy.wait(30000);
    RawAnswer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    answer.json = QJsonDocument::fromJson(answer.body).object();
    reply->deleteLater();
    return answer;
}

core::CompletionRequest TestSandbox::completion(const QString &prompt, int maximumTokens) const
{
    core::CompletionRequest request;
    request.model = kBase;
    request.prompt = core::Prompt::fromText(prompt);
    request.maximumTokens = maximumTokens;
    return request;
}

// ---- every endpoint ----

void TestSandbox::modelsVersionAndUser()
{
    auto models = await(client()->modelSettings());
    QCOMPARE(models->state(), ApiJob::State::Succeeded);
    QStringList names;
    for (const core::ModelSettings &m : models->result().models) {
        names.append(m.name);
        QVERIFY2(m.name.startsWith(u"sandbox-"_s), qPrintable(m.name));
    }
    QVERIFY(names.contains(kBase));
    QVERIFY(names.contains(kChat));
    const auto chatModel = std::find_if(models->result().models.cbegin(),
        models->result().models.cend(),
        [](const core::ModelSettings &m) { return m.name == kChat; });
    QVERIFY(chatModel->supportsChat());
    auto available = await(client()->modelsAvailable());
    QCOMPARE(available->result().models.size(), models->result().models.size());
    auto version = await(client()->version());
    QCOMPARE(version->state(), ApiJob::State::Succeeded);
    QVERIFY(version->result().version.contains(u"sandbox"_s));
    auto me = await(client()->usersMe());
    QCOMPARE(me->result().email, u"sandbox@localhost"_s);
}

void TestSandbox::embeddedWorkersYieldTheCpu()
{
#if defined(Q_OS_LINUX)
    // In the app's process the sandbox's workers run at nice 10 (SandboxOptions::workerNice), the
    // window's thread at the process's own: read from /proc after requests have kept them busy.
    auto job = await(client()->complete(completion(u"The weather today"_s)));
    QCOMPARE(job->state(), ApiJob::State::Succeeded);
    const auto niceOf = [](const QString &task) {
        QFile stat(task + u"/stat"_s);
        if (!stat.open(QIODevice::ReadOnly))
            return -100;
        const QByteArray line = stat.readAll();
        // Fields after the command name (in parentheses): state is field 3, nice field 19.
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        return fields.size() > 16 ? fields.at(16).toInt() : -100;
    };
    int workers = 0;
    const QDir tasks(u"/proc/self/task"_s);
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid) + u"/comm"_s);
        if (!comm.open(QIODevice::ReadOnly) || !comm.readAll().startsWith("aleph-sandbox-w"))
            continue;
        ++workers;
        QCOMPARE(niceOf(tasks.filePath(tid)), 10);
    }
    QVERIFY(workers > 0);
    QCOMPARE(niceOf(u"/proc/self/task/%1"_s.arg(QCoreApplication::applicationPid())), 0);
#else
    QSKIP("per-thread nice values are Linux's");
#endif
}

void TestSandbox::completeIsDeterministicAndStreamsTheSameText()
{
    const core::CompletionRequest request
        = completion(u"My name is Zorblax. Hello, my name is"_s, 10);
    auto first = await(client()->complete(request));
    auto second = await(client()->complete(request));
    QCOMPARE(first->state(), ApiJob::State::Succeeded);
    const QString text = first->result().completions.value(0).completion.value_or(QString());
    QVERIFY(!text.isEmpty());
    QCOMPARE(second->result().completions.value(0).completion.value_or(QString()), text);
    QVERIFY2(text.startsWith(u" Zorblax"_s), qPrintable(text)); // induction copies the name
    QVERIFY(first->result().modelVersion.contains(u"sandbox"_s));
    QCOMPARE(first->result().numTokensGenerated, 10);

    auto stream = await(client()->completeStreaming(request));
    QCOMPARE(stream->state(), ApiJob::State::Succeeded);
    QCOMPARE(stream->result().completions.value(0).completion.value_or(QString()), text);
    QCOMPARE(stream->result().numTokensGenerated, 10);
}

void TestSandbox::temperatureAndSeedVaryTheSamples()
{
    core::CompletionRequest request = completion(u"The weather today is"_s, 12);
    request.temperature = 1.0;
    request.n = 4;
    auto job = await(client()->complete(request));
    QCOMPARE(job->state(), ApiJob::State::Succeeded);
    QSet<QString> texts;
    for (const core::CompletionResult &r : job->result().completions)
        texts.insert(r.completion.value_or(QString()));
    QCOMPARE(job->result().completions.size(), 4);
    QVERIFY2(texts.size() >= 2, "four samples at temperature 1 are not all the same");

    core::ChatRequest chat;
    chat.model = kChat;
    chat.messages = {core::ChatMessage::fromText(u"user"_s, u"Tell me about the city."_s)};
    QSet<QString> replies;
    for (int seed = 1; seed <= 4; ++seed) {
        chat.seed = QJsonValue(seed);
        auto reply = await(client()->chat(chat));
        QCOMPARE(reply->state(), ApiJob::State::Succeeded);
        replies.insert(reply->result().choices.value(0).message->text());
    }
    QVERIFY2(replies.size() >= 2, "different seeds give different chat samples");
}

void TestSandbox::completeParameters()
{
    core::CompletionRequest request = completion(u"The weather today is"_s, 30);
    auto free = await(client()->complete(request));
    const QString freeText = *free->result().completions.value(0).completion;
    const QString stop = freeText.split(u' ', Qt::SkipEmptyParts).value(3); // a word in the middle
    QVERIFY(!stop.isEmpty());
    request.stopSequences = QStringList{stop};
    request.echo = true;
    request.logProbs = 3;
    request.tokens = true;
    request.rawCompletion = true;
    auto job = await(client()->complete(request));
    QCOMPARE(job->state(), ApiJob::State::Succeeded);
    const core::CompletionResult r = job->result().completions.value(0);
    QVERIFY(r.completion->startsWith(u"The weather today is"_s)); // echo
    QCOMPARE(*r.finishReason, u"stop_sequence_reached"_s);
    QCOMPARE(*r.completion, u"The weather today is"_s + freeText.left(freeText.indexOf(stop)));
    QVERIFY(r.rawCompletion->endsWith(stop));
    QVERIFY(r.completionTokens && !r.completionTokens->isEmpty());
    // completion_tokens and log_probs pair up: the prompt's 4 tokens (echo; the first has no
    // log-probability), then each generated token with its 3 alternatives
    QCOMPARE(r.logProbs->size(), r.completionTokens->size());
    QVERIFY(r.completionTokens->size() > 4);
    QVERIFY(r.logProbs->first().isEmpty());
    QCOMPARE(r.completionTokens->mid(0, 4).join(QString()), u"The weather today is"_s);
    QVERIFY(r.logProbs->last().size() >= 3);

    // best_of returns n of the runs; n > best_of is a 400
    core::CompletionRequest best = completion(u"Once upon a time"_s, 6);
    best.temperature = 0.8;
    best.bestOf = 3;
    auto bestJob = await(client()->complete(best));
    QCOMPARE(bestJob->result().completions.size(), 1);
    QCOMPARE(bestJob->result().numTokensPromptTotal, 3 * 4); // summed over the three runs

    // completion_bias_inclusion: the answer is one of the options
    core::CompletionRequest choice = completion(u"Is the product great? Answer:"_s, 5);
    choice.completionBiasInclusion = QStringList{u" yes"_s, u" no"_s};
    auto choiceJob = await(client()->complete(choice));
    const QString answer = *choiceJob->result().completions.value(0).completion;
    QVERIFY2(answer == u" yes"_s || answer == u" no"_s, qPrintable(answer));
}

void TestSandbox::chatAndChatStream()
{
    core::ChatRequest request;
    request.model = kChat;
    request.messages = {core::ChatMessage::fromText(u"system"_s, u"You are helpful."_s),
        core::ChatMessage::fromText(u"user"_s, u"Hello, how are you?"_s)};
    request.maxTokens = 20;
    request.logprobs = true;
    request.topLogprobs = 2;
    auto job = await(client()->chat(request));
    QCOMPARE(job->state(), ApiJob::State::Succeeded);
    const core::ChatResponse &response = job->result();
    QCOMPARE(response.choices.size(), 1);
    const QString reply = response.choices.first().message->text();
    QVERIFY(!reply.isEmpty());
    QVERIFY(response.usage);
    QVERIFY(response.usage->completionTokens >= 1 && response.usage->completionTokens <= 20);
    QCOMPARE(response.usage->totalTokens,
        response.usage->promptTokens + response.usage->completionTokens);
    QVERIFY(response.choices.first().logprobs && response.choices.first().logprobs->content);
    QCOMPARE(response.choices.first().logprobs->content->first().topLogprobs->size(), 2);

    request.logprobs.reset();
    request.topLogprobs.reset();
    auto plain = await(client()->chat(request));
    core::ChatStreamOptions options;
    options.includeUsage = true;
    request.streamOptions = options;
    auto stream = await(client()->chatStreaming(request));
    QCOMPARE(stream->state(), ApiJob::State::Succeeded);
    QCOMPARE(stream->text(), plain->result().choices.first().message->text());
}

void TestSandbox::chatJsonSchemaAndTools()
{
    core::ChatRequest request;
    request.model = kChat;
    request.messages = {core::ChatMessage::fromText(u"user"_s, u"Describe a city."_s)};
    core::ChatResponseFormat format;
    format.jsonSchema.name = u"city"_s;
    format.jsonSchema.schema = QJsonDocument::fromJson(R"({"type":"object","properties":{
        "name":{"type":"string"},"population":{"type":"integer"},"capital":{"type":"boolean"},
        "sights":{"type":"array","items":{"$ref":"#/$defs/sight"}}},
        "$defs":{"sight":{"type":"object","properties":{"title":{"type":"string"}}}}})")
                                   .object();
    request.responseFormat = format;
    auto job = await(client()->chat(request));
    QCOMPARE(job->state(), ApiJob::State::Succeeded);
    const QJsonObject city
        = QJsonDocument::fromJson(job->result().choices.first().message->text().toUtf8()).object();
    QVERIFY(city.value(u"name"_s).isString());
    QVERIFY(city.value(u"population"_s).isDouble());
    QVERIFY(city.value(u"capital"_s).isBool());
    QVERIFY(city.value(u"sights"_s).toArray().first().toObject().value(u"title"_s).isString());

    core::ChatRequest tools;
    tools.model = kChat;
    tools.messages = {core::ChatMessage::fromText(
        u"user"_s, u"What is the weather in Berlin? Use get_weather."_s)};
    core::ChatTool tool;
    tool.function.name = u"get_weather"_s;
    tool.function.parameters
        = QJsonDocument::fromJson(R"({"type":"object","properties":{"city":{"type":"string"}}})")
              .object();
    tools.tools = QList<core::ChatTool>{tool};
    auto call = await(client()->chat(tools));
    QCOMPARE(call->state(), ApiJob::State::Succeeded);
    const core::ChatChoice choice = call->result().choices.first();
    QCOMPARE(*choice.finishReason, u"tool_calls"_s);
    QCOMPARE(*choice.message->toolCalls->first().function->name, u"get_weather"_s);
    const QJsonObject arguments
        = QJsonDocument::fromJson(choice.message->toolCalls->first().function->arguments->toUtf8())
              .object();
    QVERIFY(arguments.value(u"city"_s).isString());
}

void TestSandbox::tokenizeDetokenizeRoundTrip()
{
    const QString text = u"Hello, Zorblax! Grüße aus Köln 🐈\n\nnew paragraph"_s;
    core::TokenizationRequest request;
    request.model = kBase;
    request.prompt = text;
    auto tokens = await(client()->tokenize(request));
    QCOMPARE(tokens->state(), ApiJob::State::Succeeded);
    const QList<qint64> ids = *tokens->result().tokenIds;
    QCOMPARE(tokens->result().tokens->size(), ids.size());
    QCOMPARE(tokens->result().tokens->first(), u"Hello"_s);
    QVERIFY(tokens->result().tokens->contains(u"Ċ"_s)); // newline in byte-level form
    core::DetokenizationRequest back;
    back.model = kBase;
    back.tokenIds = ids;
    auto detok = await(client()->detokenize(back));
    QCOMPARE(detok->result().result, text);
}

void TestSandbox::evaluateAgreesWithCompletionLogProbs()
{
    core::CompletionRequest request = completion(u"Berlin is the capital of"_s, 4);
    request.logProbs = 0;
    auto job = await(client()->complete(request));
    const core::CompletionResult r = job->result().completions.value(0);
    double sum = 0;
    for (const auto &step : *r.logProbs)
        sum += step.first(); // log_probs 0: only the chosen token
    core::EvaluationRequest evaluation;
    evaluation.model = kBase;
    evaluation.prompt = core::Prompt::fromText(u"Berlin is the capital of"_s);
    evaluation.completionExpected = *r.completion;
    auto eval = await(client()->evaluate(evaluation));
    QCOMPARE(eval->state(), ApiJob::State::Succeeded);
    QVERIFY(qAbs(*eval->result().result.logProbability - sum) < 1e-9);
    QCOMPARE(*eval->result().result.correctGreedy, true); // it is the greedy completion
    QCOMPARE(*eval->result().result.tokenCount, 4);
    QCOMPARE(*eval->result().result.completion, *r.completion);

    evaluation.completionExpected = u" a purple elephant"_s;
    auto unlikely = await(client()->evaluate(evaluation));
    QCOMPARE(*unlikely->result().result.correctGreedy, false);
    QVERIFY(*unlikely->result().result.logProbability < sum);
}

void TestSandbox::explanationFollowsTheScoring()
{
    core::ExplanationRequest request;
    request.model = kBase;
    request.prompt = core::Prompt::fromText(u"My name is Zorblax. Hello, my name is"_s);
    request.target = u" Zorblax"_s;
    auto job = await(client()->explain(request));
    QCOMPARE(job->state(), ApiJob::State::Succeeded);
    const core::Explanation e = job->result().explanations.value(0);
    QCOMPARE(e.target, u" Zorblax"_s);
    QCOMPARE(e.items.size(), 2); // the text and the target
    QCOMPARE(e.items.first().type, core::ExplanationItem::Type::Text);
    QCOMPARE(e.items.last().type, core::ExplanationItem::Type::Target);
    // word granularity; the earlier "Zorblax" is what made the target likely
    const auto &scores = e.items.first().textScores;
    const auto best = std::max_element(scores.cbegin(),
        scores.cend(),
        [](const core::TextScore &a, const core::TextScore &b) { return a.score < b.score; });
    QCOMPARE(core::ExplanationItem::segmentText(u"My name is Zorblax. Hello, my name is"_s, *best),
        u"Zorblax"_s);

    // What-if agrees: suppressing that span lowers the target's log-probability, as the score says.
    core::EvaluationRequest evaluation;
    evaluation.model = kBase;
    evaluation.prompt = request.prompt;
    evaluation.completionExpected = u" Zorblax"_s;
    auto plain = await(client()->evaluate(evaluation));
    core::PromptItem controlled
        = core::PromptItem::fromText(u"My name is Zorblax. Hello, my name is"_s);
    core::TextControl control;
    control.start = best->start;
    control.length = best->length;
    control.factor = 0.1;
    controlled.textControls = QList<core::TextControl>{control};
    evaluation.prompt = core::Prompt();
    evaluation.prompt.items = {controlled};
    auto suppressed = await(client()->evaluate(evaluation));
    QVERIFY(
        qAbs((*plain->result().result.logProbability - *suppressed->result().result.logProbability)
            - best->score)
        < 1e-9);

    // per-token targets, postprocessing and normalize
    request.targetGranularity = u"token"_s;
    request.postprocessing = u"absolute"_s;
    request.normalize = true;
    core::PromptGranularity sentences;
    sentences.type = u"sentence"_s;
    request.promptGranularity = sentences;
    auto perToken = await(client()->explain(request));
    QCOMPARE(perToken->state(), ApiJob::State::Succeeded);
    QVERIFY(perToken->result().explanations.size() >= 2);
    double largest = 0;
    for (const core::TextScore &s :
        perToken->result().explanations.first().items.first().textScores) {
        QVERIFY(s.score >= 0 && s.score <= 1);
        largest = std::max(largest, s.score);
    }
    QCOMPARE(largest, 1.0);
    QCOMPARE(perToken->result().explanations.first().items.first().textScores.size(),
        2); // two sentences
    QVERIFY(perToken->result()
                .explanations.first()
                .items.last()
                .textScores.isEmpty()); // nothing before the first target token
}

void TestSandbox::explanationOfImageAndTokenIds()
{
    QImage image(60, 60, QImage::Format_RGB32);
    image.fill(Qt::blue);
    for (int y = 0; y < 20; ++y)
        for (int x = 0; x < 20; ++x)
            image.setPixel(x, y, qRgb(230, 20, 20)); // a red top-left tile
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    core::ExplanationRequest request;
    request.model = kBase;
    request.prompt.items = {core::PromptItem::fromImageBytes(png),
        core::PromptItem::fromText(u"The colour is"_s),
        core::PromptItem::fromTokenIds({1 + 'x', 1 + 'y'})};
    request.target = u" red"_s;
    auto job = await(client()->explain(request));
    QVERIFY2(job->state() == ApiJob::State::Succeeded, qPrintable(job->error().toString()));
    const core::Explanation e = job->result().explanations.value(0);
    QCOMPARE(e.items.size(), 4);
    QCOMPARE(e.items.at(0).type, core::ExplanationItem::Type::Image);
    QCOMPARE(e.items.at(0).imageScores.size(), 9);
    QCOMPARE(e.items.at(2).type, core::ExplanationItem::Type::TokenIds);
    QCOMPARE(e.items.at(2).tokenScores.size(), 2);
    const auto &tiles = e.items.at(0).imageScores;
    const auto best = std::max_element(tiles.cbegin(),
        tiles.cend(),
        [](const core::ImageScore &a, const core::ImageScore &b) { return a.score < b.score; });
    QCOMPARE(best->inPixels(60, 60), QRect(0, 0, 20, 20)); // the red tile explains " red"

    // a model without images refuses them
    core::CompletionRequest chatModel = completion(u"x"_s);
    chatModel.model = u"sandbox-pharia-1-embedding"_s;
    auto refused = await(client()->complete(chatModel));
    QCOMPARE(refused->error().kind, ApiError::Kind::BadRequest);
    QCOMPARE(refused->error().code, u"MISSING_CAPABILITY"_s);
}

void TestSandbox::semanticEmbeddingsAreLexicalAndRepresentationAware()
{
    const auto embed = [&](const QString &text,
                           core::Representation representation,
                           std::optional<int> compress = {},
                           bool normalize = false) {
        core::SemanticEmbeddingRequest request;
        request.model = kBase;
        request.prompt = core::Prompt::fromText(text);
        request.representation = representation;
        request.compressToSize = compress;
        request.normalize = normalize;
        auto job = await(client()->semanticEmbed(request));
        return job->result().embedding;
    };
    const auto cat = embed(u"the cat sat on the mat"_s, core::Representation::Symmetric);
    const auto cat2 = embed(u"a cat sat on a mat"_s, core::Representation::Symmetric);
    const auto market = embed(u"quarterly stock market report"_s, core::Representation::Symmetric);
    QCOMPARE(cat.size(), 5120);
    QVERIFY(cosine(cat, cat2) > cosine(cat, market) + 0.3);
    const auto document = embed(u"the cat sat on the mat"_s, core::Representation::Document);
    const auto query = embed(u"the cat sat on the mat"_s, core::Representation::Query);
    QVERIFY(document != query);
    QVERIFY(cosine(document, query) > 0.8);
    const auto small
        = embed(u"the cat sat on the mat"_s, core::Representation::Symmetric, 128, true);
    QCOMPARE(small.size(), 128);
    QVERIFY(qAbs(norm(small) - 1.0) < 1e-5);
    QCOMPARE(
        embed(u"the cat sat on the mat"_s, core::Representation::Symmetric), cat); // deterministic
}

void TestSandbox::batchAndEmbedAndInstructable()
{
    QStringList texts;
    for (int i = 0; i < 250; ++i)
        texts.append(u"text number %1"_s.arg(i));
    core::SemanticEmbeddingOptions options;
    options.model = kBase;
    options.compressToSize = 128;
    QList<core::Prompt> prompts;
    for (const QString &t : std::as_const(texts))
        prompts.append(core::Prompt::fromText(t));
    auto *batch = new core::BatchEmbedder(client(), options, prompts);
    batch->setAutoDelete(false);
    std::unique_ptr<core::BatchEmbedder> guard(batch);
    QSignalSpy done(batch, &core::EmbeddingBatchJob::finished);
    QVERIFY(done.wait(30000));
    QCOMPARE(batch->state(), core::EmbeddingBatchJob::State::Succeeded);
    QCOMPARE(batch->embeddings().size(), 250);
    // in input order: the batch answer equals the single answer for the same text
    core::SemanticEmbeddingRequest single;
    static_cast<core::SemanticEmbeddingOptions &>(single) = options;
    single.prompt = core::Prompt::fromText(texts.at(137));
    auto one = await(client()->semanticEmbed(single));
    QCOMPARE(batch->embeddings().at(137), one->result().embedding);

    core::EmbeddingRequest embed;
    embed.model = kBase;
    embed.prompt = core::Prompt::fromText(u"abc"_s);
    embed.layers = QList<int>{0, -1};
    embed.pooling = QStringList{u"mean"_s, u"max"_s};
    embed.tokens = true;
    auto raw = await(client()->embed(embed));
    QCOMPARE(raw->state(), ApiJob::State::Succeeded);
    QVERIFY(raw->result().embeddings->contains(u"layer_0"_s));
    QVERIFY(raw->result().embeddings->contains(u"layer_40"_s));
    QCOMPARE(raw->result().embeddings->value(u"layer_40"_s).value(u"mean"_s).size(), 5120);
    QCOMPARE(raw->result().tokens->join(QString()), u"abc"_s);

    core::InstructableEmbeddingRequest instructable;
    instructable.model = u"sandbox-pharia-1-embedding"_s;
    instructable.input = core::Prompt::fromText(u"hello"_s);
    instructable.instruction = u"Represent the text to query a database of salutations"_s;
    auto ins = await(client()->instructableEmbed(instructable));
    QCOMPARE(ins->result().embedding.size(), 1024);
    instructable.instruction = u"Represent the text for a topic classifier"_s;
    auto other = await(client()->instructableEmbed(instructable));
    QVERIFY(other->result().embedding != ins->result().embedding);
}

void TestSandbox::embeddingsV2FloatAndBase64Agree()
{
    core::EmbeddingV2Request request;
    request.model = u"sandbox-pharia-1-embedding"_s;
    request.input = core::EmbeddingV2Input::fromTexts({u"first text"_s, u"second text"_s});
    request.dimensions = 256;
    auto floats = await(client()->embeddings(request));
    QCOMPARE(floats->state(), ApiJob::State::Succeeded);
    QCOMPARE(floats->result().data.size(), 2);
    QCOMPARE(floats->result().data.at(1).index, 1);
    QCOMPARE(floats->result().data.at(0).vector().size(), 256);
    request.encodingFormat = u"base64"_s;
    auto packed = await(client()->embeddings(request));
    QVERIFY(packed->result().data.at(0).embeddingBase64);
    QCOMPARE(packed->result().data.at(0).vector(), floats->result().data.at(0).vector());
}

void TestSandbox::gradientEmbeddings()
{
    core::GradientEmbeddingSettings settings;
    QUrl api = m_sandbox->baseUrl();
    api.setPath(u"/gradient/api"_s);
    settings.apiUrl = api;
    settings.workspaceId = u"workspace-1"_s;
    settings.accessToken = u"sandbox"_s;
    settings.model = u"bge-large"_s;
    settings.batch = core::BatchOptions{7, 2};
    settings.retry.firstDelayMs = 1;
    core::GradientEmbeddingProvider provider(m_nam.get(), settings);
    const QStringList texts{u"a cat"_s,
        u"a dog"_s,
        u"the cat"_s,
        u"stock market"_s,
        u"one"_s,
        u"two"_s,
        u"three"_s,
        u"four"_s,
        u"five"_s,
        u"six"_s};
    core::EmbeddingBatchJob *job = provider.embedDocuments(texts);
    job->setAutoDelete(false);
    std::unique_ptr<core::EmbeddingBatchJob> guard(job);
    QSignalSpy done(job, &core::EmbeddingBatchJob::finished);
    QVERIFY(done.wait(30000));
    QVERIFY2(job->state() == core::EmbeddingBatchJob::State::Succeeded,
        qPrintable(job->error().toString()));
    QCOMPARE(job->embeddings().size(), texts.size());
    QVERIFY(qAbs(norm(job->embeddings().first()) - 1.0) < 1e-5);
    // the sandbox answers in reverse order; the provider puts them back by index
    QVERIFY(cosine(job->embeddings().at(0), job->embeddings().at(2))
        > cosine(job->embeddings().at(0), job->embeddings().at(3)));

    settings.workspaceId.clear();
    core::GradientEmbeddingProvider noWorkspace(m_nam.get(), settings);
    core::EmbeddingBatchJob *refused = noWorkspace.embedQuery(u"x"_s);
    refused->setAutoDelete(false);
    std::unique_ptr<core::EmbeddingBatchJob> refusedGuard(refused);
    QSignalSpy refusedDone(refused, &core::EmbeddingBatchJob::finished);
    QVERIFY(refusedDone.wait(30000));
    QCOMPARE(refused->error().kind,
        ApiError::Kind::InvalidRequest); // the provider refuses before sending
    // the sandbox itself answers a request without the header with 401
    QNetworkRequest raw(QUrl(api.toString() + u"/embeddings/bge-large"_s));
    raw.setRawHeader("Authorization", "Bearer sandbox");
    raw.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = m_nam->post(raw, R"({"inputs":[{"input":"x"}]})");
    QSignalSpy replied(reply, &QNetworkReply::finished);
    QVERIFY(replied.wait(30000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
    QVERIFY(reply->readAll().contains("x-gradient-workspace-id"));
    reply->deleteLater();
}

void TestSandbox::steeringPullsTowardsPositiveWords()
{
    core::CreateSteeringConceptRequest concept_;
    concept_.examples
        = {{u"The car drove down the road."_s, u"The pizza with cheese and fresh tomatoes."_s, {}},
            {u"I fixed the engine."_s, u"I baked bread and a good soup."_s, {}}};
    auto created = await(client()->createSteeringConcept(concept_));
    QCOMPARE(created->state(), ApiJob::State::Succeeded);
    const QString id = created->result().id;
    QVERIFY(id.startsWith(u"sandbox-concept-"_s));

    const QStringList food{
        u"pizza"_s, u"cheese"_s, u"tomatoes"_s, u"bread"_s, u"soup"_s, u"baked"_s, u"fresh"_s};
    const auto foodWords = [&](const QString &text) {
        int count = 0;
        for (const QString &word : food)
            count += int(text.count(word));
        return count;
    };
    core::CompletionRequest request = completion(u"Today I want to tell you about"_s, 24);
    auto plain = await(client()->complete(request));
    request.steeringConcepts = QStringList{id};
    auto steered = await(client()->complete(request));
    QCOMPARE(steered->state(), ApiJob::State::Succeeded);
    const QString steeredText = *steered->result().completions.value(0).completion;
    QVERIFY2(foodWords(steeredText) > foodWords(*plain->result().completions.value(0).completion),
        qPrintable(steeredText));

    request.steeringConcepts = QStringList{u"no-such-concept"_s};
    auto unknown = await(client()->complete(request));
    QCOMPARE(unknown->error().kind, ApiError::Kind::BadRequest);
    QVERIFY(unknown->error().message.contains(u"no-such-concept"_s));
}

void TestSandbox::steeringConceptsSurviveARestart()
{
    // The app's offline sandbox gets a new port at each launch; with a state file the concepts
    // made on it still answer after a restart (with the same id), and a broken file loses nothing.
    QTemporaryDir dir;
    const QString state = dir.filePath(u"sandbox-state.json"_s);
    core::CreateSteeringConceptRequest concept_;
    concept_.examples = {{u"It is fine."_s, u"It is wonderful, amazing, fantastic!"_s, {}}};
    QString id;
    for (int launch = 0; launch < 2; ++launch) {
        sandbox::SandboxOptions options;
        options.tokensPerSecond = 0;
        options.stateFile = state;
        sandbox::EmbeddedSandbox sb(options);
        QString error;
        QVERIFY2(sb.start(&error), qPrintable(error));
        core::ClientConfig config;
        config.baseUrl = sb.baseUrl();
        config.token = sb.token();
        core::ApiClient c(m_nam.get(), config);
        if (launch == 0) {
            auto created = await(c.createSteeringConcept(concept_));
            QCOMPARE(created->state(), ApiJob::State::Succeeded);
            id = created->result().id;
            QVERIFY(QFile::exists(state));
        } else {
            core::CompletionRequest request = completion(u"Today"_s, 6);
            request.steeringConcepts = QStringList{id};
            auto steered = await(c.complete(request));
            QVERIFY2(steered->state() == ApiJob::State::Succeeded,
                qPrintable(steered->error().toString()));
            // Creating it again is idempotent and keeps one entry in the file.
            auto again = await(c.createSteeringConcept(concept_));
            QCOMPARE(again->result().id, id);
        }
    }
    QFile file(state);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(file.readAll())
                 .object()
                 .value(u"steering_concepts"_s)
                 .toArray()
                 .size(),
        1);
    file.close();

    // A file that is not ours is set aside, not read and not lost.
    QFile broken(state);
    QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
    broken.write("not json");
    broken.close();
    sandbox::SandboxOptions options;
    options.stateFile = state;
    sandbox::EmbeddedSandbox sb(options);
    QVERIFY(sb.start());
    QFile aside(state + u".bad"_s);
    QVERIFY(aside.open(QIODevice::ReadOnly));
    QCOMPARE(aside.readAll(), QByteArray("not json"));
}

void TestSandbox::cacheScopeIsTheServerNotThePort()
{
    core::ClientConfig a;
    a.baseUrl = QUrl(u"http://127.0.0.1:40001/v1"_s);
    core::ClientConfig b = a;
    b.baseUrl = QUrl(u"http://127.0.0.1:40002/v1"_s);
    QVERIFY(a.serverKey() != b.serverKey());
    a.serverId = b.serverId = u"aleph-sandbox:offline"_s;
    QCOMPARE(a.serverKey(), b.serverKey());
    core::ApiClient clientA(m_nam.get(), a);
    core::ApiClient clientB(m_nam.get(), b);
    core::AlephAlphaEmbeddingSettings settings;
    settings.model = kBase;
    core::AlephAlphaEmbeddingProvider providerA(&clientA, settings);
    core::AlephAlphaEmbeddingProvider providerB(&clientB, settings);
    QCOMPARE(providerA.cacheScope(false), providerB.cacheScope(false));
    b.serverId.clear();
    clientB.setConfig(b);
    QVERIFY(providerA.cacheScope(false) != providerB.cacheScope(false));
}

void TestSandbox::translateAndRerank()
{
    core::TranslationRequest translation;
    translation.model = u"sandbox-pharia-1-mt-translation"_s;
    translation.source = u"Hello world. The cat is in the house."_s;
    translation.targetLanguage = u"de"_s;
    auto job = await(client()->translate(translation));
    QCOMPARE(job->state(), ApiJob::State::Succeeded);
    QVERIFY2(job->result().translation.startsWith(u"[de] Hallo Welt."_s),
        qPrintable(job->result().translation));
    QCOMPARE(job->result().segments->size(), 2);
    for (const core::TranslationSegment &s : *job->result().segments)
        QVERIFY(s.score > 0 && s.score <= 1);
    QVERIFY(*job->result().score > 0 && *job->result().score <= 1);

    translation.targetLanguage = u"xx"_s;
    auto unsupported = await(client()->translate(translation));
    QCOMPARE(unsupported->error().kind, ApiError::Kind::BadRequest);
    QVERIFY2(unsupported->error().message.contains(u"\"xx\" is not a supported language"_s),
        qPrintable(unsupported->error().message));

    translation.targetLanguage = u"de"_s;
    translation.model = kBase;
    auto wrong = await(client()->translate(translation));
    QCOMPARE(wrong->error().code, u"MISSING_CAPABILITY"_s);

    core::RerankRequest rerank;
    rerank.query = u"cat on a mat"_s;
    rerank.documents
        = {u"stock market report"_s, u"the cat sat on the mat"_s, u"weather forecast"_s};
    rerank.topN = 2;
    auto ranked = await(client()->rerank(rerank));
    QCOMPARE(ranked->state(), ApiJob::State::Succeeded);
    QCOMPARE(ranked->result().results.size(), 2);
    QCOMPARE(ranked->result().results.first().index, 1);
    QVERIFY(ranked->result().results.at(0).relevanceScore
        > ranked->result().results.at(1).relevanceScore);
}

// ---- errors ----

void TestSandbox::validationErrors_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("not JSON") << u"complete"_s << QByteArray("{\"model\":") << u"INVALID_JSON"_s
                              << u"not valid JSON"_s;
    QTest::newRow("missing model") << u"complete"_s << QByteArray(R"({"prompt":"x"})")
                                   << u"INVALID_REQUEST"_s << u"missing required field \"model\""_s;
    QTest::newRow("mistyped maximum_tokens")
        << u"complete"_s
        << QByteArray(R"({"model":"sandbox-luminous-base","prompt":"x","maximum_tokens":"3"})")
        << u"INVALID_REQUEST"_s << u"\"maximum_tokens\": expected an integer"_s;
    QTest::newRow("maximum_tokens 0")
        << u"complete"_s
        << QByteArray(R"({"model":"sandbox-luminous-base","prompt":"x","maximum_tokens":0})")
        << u"INVALID_REQUEST"_s << u"\"maximum_tokens\": must be at least 1, got 0"_s;
    QTest::newRow("top_p above 1")
        << u"complete"_s
        << QByteArray(R"({"model":"sandbox-luminous-base","prompt":"x","top_p":1.5})")
        << u"INVALID_REQUEST"_s << u"\"top_p\": must be between 0 and 1, got 1.5"_s;
    QTest::newRow("n above best_of")
        << u"complete"_s
        << QByteArray(R"({"model":"sandbox-luminous-base","prompt":"x","n":3,"best_of":2})")
        << u"INVALID_REQUEST"_s << u"best_of"_s;
    QTest::newRow("unknown field")
        << u"complete"_s
        << QByteArray(R"({"model":"sandbox-luminous-base","prompt":"x","maximum_token":3})")
        << u"INVALID_REQUEST"_s << u"\"maximum_token\": unknown field"_s;
    QTest::newRow("unknown model")
        << u"complete"_s << QByteArray(R"({"model":"luminous-nope","prompt":"x"})")
        << u"UNKNOWN_MODEL"_s << u"unknown model \"luminous-nope\""_s;
    QTest::newRow("too long")
        << u"complete"_s
        << QByteArray(R"({"model":"sandbox-luminous-base","prompt":"x","maximum_tokens":9000})")
        << u"INVALID_REQUEST"_s << u"exceeds the model's context of 8192 tokens"_s;
    QTest::newRow("chat on a completion model")
        << u"chat/completions"_s
        << QByteArray(
               R"({"model":"sandbox-luminous-base","messages":[{"role":"user","content":"hi"}]})")
        << u"MISSING_CAPABILITY"_s << u"does not support chat"_s;
    QTest::newRow("chat temperature 3")
        << u"chat/completions"_s
        << QByteArray(
               R"({"model":"sandbox-llama-3.1-8b-instruct","temperature":3,"messages":[{"role":"user","content":"hi"}]})")
        << u"INVALID_REQUEST"_s << u"\"temperature\": must be between 0 and 2, got 3"_s;
    QTest::newRow("chat role")
        << u"chat/completions"_s
        << QByteArray(
               R"({"model":"sandbox-llama-3.1-8b-instruct","messages":[{"role":"robot","content":"hi"}]})")
        << u"INVALID_REQUEST"_s << u"\"robot\" is not one of"_s;
    QTest::newRow("explain without target field")
        << u"explain"_s << QByteArray(R"({"model":"sandbox-luminous-base","prompt":"x"})")
        << u"INVALID_REQUEST"_s << u"target"_s;
    QTest::newRow("embed on chat model")
        << u"semantic_embed"_s
        << QByteArray(
               R"({"model":"sandbox-llama-3.1-8b-instruct","prompt":"x","representation":"symmetric"})")
        << u"MISSING_CAPABILITY"_s << u"semantic embeddings"_s;
    QTest::newRow("compress 64")
        << u"semantic_embed"_s
        << QByteArray(
               R"({"model":"sandbox-luminous-base","prompt":"x","representation":"symmetric","compress_to_size":64})")
        << u"INVALID_REQUEST"_s << u"compress_to_size"_s;
    QTest::newRow("batch of 101")
        << u"batch_semantic_embed"_s
        << (QByteArray(
                R"({"model":"sandbox-luminous-base","representation":"symmetric","prompts":[)")
               + QByteArray("\"x\",").repeated(100) + QByteArray("\"x\"]}"))
        << u"INVALID_REQUEST"_s << u"at most 100"_s;
    QTest::newRow("detokenize bad id")
        << u"detokenize"_s << QByteArray(R"({"model":"sandbox-luminous-base","token_ids":[-5]})")
        << u"INVALID_REQUEST"_s << u"token id -5 is not in the vocabulary"_s;
    QTest::newRow("steering without examples")
        << u"steering_concepts"_s << QByteArray(R"({"examples":[]})") << u"INVALID_REQUEST"_s
        << u"examples"_s;
    QTest::newRow("image on a text-only model")
        << u"complete"_s
        << QByteArray(R"({"model":"sandbox-pharia-1-mt-translation","prompt":"x"})")
        << u"MISSING_CAPABILITY"_s << u"does not support completions"_s;
    QTest::newRow("rerank top_n 0")
        << u"rerank"_s << QByteArray(R"({"query":"q","documents":["a"],"top_n":0})")
        << u"INVALID_REQUEST"_s << u"top_n"_s;
}

void TestSandbox::validationErrors()
{
    QFETCH(QString, endpoint);
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, message);
    const RawAnswer answer = post(endpoint, body);
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.json.value(u"code"_s).toString(), code);
    QVERIFY2(answer.json.value(u"error"_s).toString().contains(message), answer.body.constData());
    // the client words it as a bad request with the server's message
    const ApiError error = ApiError::fromHttp(answer.status, answer.body);
    QCOMPARE(error.kind, ApiError::Kind::BadRequest);
    QVERIFY(error.message.contains(message));
}

void TestSandbox::missingOrWrongTokenIs401()
{
    auto none = await(client({}, QString())->modelSettings());
    QCOMPARE(none->error().kind, ApiError::Kind::Unauthorized);
    QCOMPARE(none->error().httpStatus, 401);
    QCOMPARE(none->attempts(), 1); // 401 is not retried
    auto wrong = await(client({}, u"not-the-token"_s)->complete(completion(u"x"_s)));
    QCOMPARE(wrong->error().kind, ApiError::Kind::Unauthorized);
    QVERIFY(wrong->error().message.contains(u"not valid"_s));
    auto version = await(client({}, QString())->version()); // needs no token
    QCOMPARE(version->state(), ApiJob::State::Succeeded);
}

// ---- faults ----

void TestSandbox::busyTwiceThenSuccess()
{
    core::ApiClient *c = client({{"X-Sandbox-Fault", "busy*2"}});
    core::CompletionJob *job = c->complete(completion(u"Busy test"_s));
    QSignalSpy retries(job, &ApiJob::retrying);
    auto done = await(job);
    QCOMPARE(done->state(), ApiJob::State::Succeeded);
    QCOMPARE(done->attempts(), 3);
    QCOMPARE(retries.size(), 2);
    QCOMPARE(retries.first().at(3).value<ApiError>().kind, ApiError::Kind::Busy);
    QVERIFY(!done->result().completions.value(0).completion->isEmpty());

    // without a count every attempt is busy: the retries run out and the job says Busy
    core::ClientConfig config = c->config();
    config.extraHeaders = {{"X-Sandbox-Fault", "busy"}};
    config.retry.totalRetries = 2;
    core::ApiClient always(m_nam.get(), config);
    auto busy = await(always.complete(completion(u"Always busy"_s)));
    QCOMPARE(busy->error().kind, ApiError::Kind::Busy);
    QCOMPARE(busy->attempts(), 3);
}

void TestSandbox::quotaIsNotRetried()
{
    auto job = await(client({{"X-Sandbox-Fault", "quota"}})->complete(completion(u"Quota"_s)));
    QCOMPARE(job->error().kind, ApiError::Kind::Quota);
    QCOMPARE(job->error().httpStatus, 402);
    QCOMPARE(job->attempts(), 1);
}

void TestSandbox::rateLimitHonoursRetryAfter()
{
    core::CompletionJob *job
        = client({{"X-Sandbox-Fault", "rate-limit:1*1"}})->complete(completion(u"Rate"_s));
    QSignalSpy retries(job, &ApiJob::retrying);
    auto done = await(job);
    QCOMPARE(done->state(), ApiJob::State::Succeeded);
    QCOMPARE(retries.size(), 1);
    QCOMPARE(retries.first().at(2).toInt(), 1000); // Retry-After: 1 → 1000 ms, not the 1 ms backoff
    QCOMPARE(retries.first().at(3).value<ApiError>().kind, ApiError::Kind::TooManyRequests);
}

void TestSandbox::cutStreamKeepsPartialText()
{
    const core::CompletionRequest request = completion(u"The weather today is"_s, 10);
    auto full = await(client()->complete(request));
    const QString text = *full->result().completions.value(0).completion;
    core::CompletionStreamJob *job
        = client({{"X-Sandbox-Fault", "cut-stream:3"}})->completeStreaming(request);
    QSignalSpy pieces(job, &core::CompletionStreamJob::textReceived);
    auto cut = await(job);
    QCOMPARE(cut->state(), ApiJob::State::Failed);
    QCOMPARE(cut->error().kind, ApiError::Kind::Interrupted);
    QCOMPARE(pieces.size(), 3);
    const QString partial = *cut->result().completions.value(0).completion;
    QVERIFY(!partial.isEmpty());
    QVERIFY2(text.startsWith(partial) && partial.size() < text.size(), qPrintable(partial));
    QCOMPARE(cut->attempts(), 1); // not retried after text reached the listener

    core::ChatRequest chat;
    chat.model = kChat;
    chat.messages = {core::ChatMessage::fromText(u"user"_s, u"Tell me a story."_s)};
    chat.maxTokens = 12;
    auto chatCut = await(client({{"X-Sandbox-Fault", "cut-stream:2"}})->chatStreaming(chat));
    QCOMPARE(chatCut->error().kind, ApiError::Kind::Interrupted);
    QVERIFY(!chatCut->text().isEmpty());
}

void TestSandbox::malformedJsonAndStream()
{
    auto json
        = await(client({{"X-Sandbox-Fault", "malformed"}})->complete(completion(u"Malformed"_s)));
    QCOMPARE(json->state(), ApiJob::State::Failed);
    QCOMPARE(json->error().kind, ApiError::Kind::MalformedResponse);
    auto stream = await(client(
        {{"X-Sandbox-Fault",
            "malformed"}})->completeStreaming(completion(u"Malformed"_s, 6)));
    QCOMPARE(stream->error().kind, ApiError::Kind::MalformedResponse);
    auto embedding = await(client({{"X-Sandbox-Fault", "malformed"}})->modelSettings());
    QCOMPARE(embedding->error().kind, ApiError::Kind::MalformedResponse);
}

void TestSandbox::slowFirstByteStillSucceeds()
{
    auto job = await(
        client({{"X-Sandbox-Fault", "slow:300"}})->tokenize({kBase, u"slow"_s, true, true, {}}));
    QCOMPARE(job->state(), ApiJob::State::Succeeded);
    QVERIFY(job->elapsedMs() >= 300);
    // a transfer timeout shorter than the delay ends the attempt as a timeout
    core::ClientConfig config;
    config.baseUrl = m_sandbox->baseUrl();
    config.token = u"sandbox"_s;
    config.transferTimeoutMs = 100;
    config.retry.totalRetries = 0;
    config.extraHeaders = {{"X-Sandbox-Fault", "slow:2000"}};
    core::ApiClient impatient(m_nam.get(), config);
    auto timedOut = await(impatient.tokenize({kBase, u"slow"_s, true, true, {}}));
    QCOMPARE(timedOut->error().kind, ApiError::Kind::Timeout);
}

void TestSandbox::badFaultHeaderIsA400()
{
    auto job = await(client({{"X-Sandbox-Fault", "explode"}})->modelSettings());
    QCOMPARE(job->error().kind, ApiError::Kind::BadRequest);
    QVERIFY(job->error().message.contains(u"unknown fault \"explode\""_s));
    QString error;
    QVERIFY(!sandbox::parseFaultFlags(u"busy"_s, &error));
    QVERIFY(error.contains(u"probability"_s));
    QVERIFY(!sandbox::parseFaultHeader("slow", &error));
    QVERIFY(error.contains(u"needs a value"_s));
    const auto parsed = sandbox::parseFaultFlags(u"busy=0.2,rate-limit:3=0.1"_s, &error);
    QVERIFY(parsed);
    QCOMPARE(parsed->size(), 2);
    QCOMPARE(parsed->at(1).value, 3);
}

void TestSandbox::globalFaultsAreReproducible()
{
    const auto run = [&](quint64 seed) {
        sandbox::SandboxOptions options;
        options.tokensPerSecond = 0;
        options.faults = *sandbox::parseFaultFlags(u"busy=0.5"_s, nullptr);
        options.faultSeed = seed;
        sandbox::EmbeddedSandbox flaky(options);
        if (!flaky.start())
            return QList<int>();
        core::ClientConfig config;
        config.baseUrl = flaky.baseUrl();
        config.token = u"sandbox"_s;
        config.retry.totalRetries = 0;
        core::ApiClient c(m_nam.get(), config);
        QList<int> statuses;
        for (int i = 0; i < 12; ++i) {
            auto job = await(c.version());
            statuses.append(
                job->state() == ApiJob::State::Succeeded ? 200 : job->error().httpStatus);
        }
        return statuses;
    };
    const QList<int> first = run(42);
    QCOMPARE(first.size(), 12);
    QCOMPARE(run(42), first);
    QVERIFY(first.contains(503));
    QVERIFY(first.contains(200));
}

void TestSandbox::selfSignedTlsNeedsItsCa()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString cert = dir.filePath(u"cert.pem"_s);
    const QString key = dir.filePath(u"key.pem"_s);
    QProcess openssl;
    openssl.start(u"openssl"_s,
        {u"req"_s,
            u"-x509"_s,
            u"-newkey"_s,
            u"rsa:2048"_s,
            u"-nodes"_s,
            u"-days"_s,
            u"2"_s,
            u"-subj"_s,
            u"/CN=127.0.0.1"_s,
            u"-addext"_s,
            u"subjectAltName=IP:127.0.0.1,DNS:localhost"_s,
            u"-keyout"_s,
            key,
            u"-out"_s,
            cert});
    QVERIFY2(openssl.waitForFinished(60000), "openssl is needed (packaging/debian-packages.txt)");
    QCOMPARE(openssl.exitCode(), 0);

    sandbox::SandboxOptions options;
    options.tlsCertificateFile = cert;
    options.tlsKeyFile = key;
    sandbox::EmbeddedSandbox https(options);
    QString error;
    QVERIFY2(https.start(&error), qPrintable(error));
    QCOMPARE(https.baseUrl().scheme(), u"https"_s);

    core::ClientConfig config;
    config.baseUrl = https.baseUrl();
    config.token = u"sandbox"_s;
    config.retry.totalRetries = 0;
    core::ApiClient untrusting(m_nam.get(), config);
    auto refused = await(untrusting.modelSettings());
    QCOMPARE(refused->error().kind, ApiError::Kind::Tls);

    config.caCertificates = QSslCertificate::fromPath(cert);
    QCOMPARE(config.caCertificates.size(), 1);
    QNetworkAccessManager fresh; // no TLS session cached from the refused attempt
    fresh.setProxy(QNetworkProxy::NoProxy);
    core::ApiClient trusting(&fresh, config);
    auto accepted = await(trusting.modelSettings());
    QVERIFY2(
        accepted->state() == ApiJob::State::Succeeded, qPrintable(accepted->error().toString()));
    QVERIFY(!accepted->result().models.isEmpty());

    QVERIFY(!sandbox::SandboxServer(
        sandbox::SandboxOptions{u"t"_s, 0, {}, 0, cert, QString(), QString()})
                 .start(QHostAddress::LocalHost, 0, &error));
    QVERIFY(error.contains(u"--tls-key"_s));
}

QTEST_GUILESS_MAIN(TestSandbox)
#include "TestSandbox.moc"
