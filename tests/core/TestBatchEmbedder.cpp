// SPDX-License-Identifier: MIT
// BatchEmbedder and the embedding providers against a scripted embeddings server over loopback.
#include "core/net/ApiClient.h"
#include "core/net/BatchEmbedder.h"
#include "core/net/CachedEmbedding.h"
#include "core/net/EmbeddingProvider.h"
#include "core/storage/Database.h"
#include "core/storage/EmbeddingCache.h"
#include "tests/support/LoopbackHttpServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using core::ApiJob;

namespace {

/// Number in a prompt text "t<number>".
int numberOf(const QString &text)
{
    return text.mid(1).toInt();
}

/// Answers /batch_semantic_embed with a vector per prompt that encodes the prompt ([n, n/2]) and a
/// token count of (n % 3 + 1) per prompt. It holds answers until `hold` requests are waiting (or
/// the rest of the expected requests have come, or no new request came for 200 ms) and then
/// answers them in reverse order of arrival, so chunks finish out of order and the most requests
/// a client keeps in flight shows in `maxPending` (hold = K + 1 lets a client that sends too many
/// be seen). A chunk holding the
/// prompt "t<failAt>" is answered 500 at once, every time; with `stallOthers` nothing else is
/// ever answered. It also speaks Gradient's POST /gradient/api/embeddings/<slug>.
class EmbedServer : public testsupport::LoopbackHttpServer
{
public:
    EmbedServer()
    {
        m_quiet.setSingleShot(true);
        QObject::connect(&m_quiet, &QTimer::timeout, this, [this] { release(); });
    }
    int hold = 5;
    int expectedRequests = 0;
    int failAt = -1;
    bool stallOthers = false;
    bool gradientBadIndex = false;
    int maxPending = 0;
    QList<QJsonObject> bodies; // every request body, in arrival order
    QList<QPointer<testsupport::Responder>> stalled;

protected:
    void handle(
        const testsupport::RecordedRequest &request, testsupport::Responder *responder) override
    {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        bodies.append(body);
        if (request.path.startsWith("/gradient/api/embeddings/"))
            return answerGradient(body, responder);
        if (request.path == "/v1/embeddings")
            return answerEmbeddings(body, responder);
        QJsonArray embeddings;
        int tokens = 0;
        bool fail = false;
        for (const QJsonValue &prompt : body.value(u"prompts"_s).toArray()) {
            const int n = numberOf(prompt.toArray().first().toObject().value(u"data"_s).toString());
            fail = fail || n == failAt;
            embeddings.append(QJsonArray{n, n / 2.0});
            tokens += n % 3 + 1;
        }
        if (fail)
            return responder->send(
                500, "application/json", R"({"error":"boom","code":"INTERNAL"})");
        if (stallOthers) {
            stalled.append(responder);
            return;
        }
        const QJsonObject answer{{u"model_version"_s, u"v%1"_s.arg(bodies.size())},
            {u"embeddings"_s, embeddings},
            {u"num_tokens_prompt_total"_s, tokens}};
        m_pending.append({responder, QJsonDocument(answer).toJson(QJsonDocument::Compact)});
        maxPending = std::max(maxPending, int(m_pending.size()));
        const int remaining = expectedRequests - m_answered;
        if (m_pending.size() >= std::min(hold, remaining)) {
            m_quiet.stop();
            release();
        } else {
            m_quiet.start(200);
        }
    }

private:
    void release()
    {
        const auto pending = m_pending;
        m_pending.clear();
        for (auto it = pending.rbegin(); it != pending.rend(); ++it) {
            ++m_answered;
            if (it->first)
                it->first->send(200, "application/json", it->second);
        }
    }

    void answerGradient(const QJsonObject &body, testsupport::Responder *responder)
    {
        const QJsonArray inputs = body.value(u"inputs"_s).toArray();
        QJsonArray embeddings;
        for (qsizetype i = inputs.size() - 1; i >= 0;
             --i) { // reverse order: the client sorts by index
            const QString text = inputs.at(i).toObject().value(u"input"_s).toString();
            embeddings.append(QJsonObject{{u"embedding"_s, QJsonArray{double(text.size()), 1.0}},
                {u"index"_s, gradientBadIndex ? 0 : int(i)}});
        }
        responder->send(200,
            "application/json",
            QJsonDocument(QJsonObject{{u"embeddings"_s, embeddings}})
                .toJson(QJsonDocument::Compact));
    }

    /// /embeddings: input texts "t<n>" → [n, n/2], listed in reverse order (the client sorts by
    /// index).
    void answerEmbeddings(const QJsonObject &body, testsupport::Responder *responder)
    {
        const QJsonArray inputs = body.value(u"input"_s).toArray();
        QJsonArray data;
        for (qsizetype i = inputs.size() - 1; i >= 0; --i) {
            const int n = numberOf(inputs.at(i).toString());
            data.append(QJsonObject{{u"object"_s, u"embedding"_s},
                {u"embedding"_s, QJsonArray{n, n / 2.0}},
                {u"index"_s, int(i)}});
        }
        responder->send(200,
            "application/json",
            QJsonDocument(QJsonObject{{u"object"_s, u"list"_s},
                              {u"data"_s, data},
                              {u"model"_s, body.value(u"model"_s)},
                              {u"usage"_s,
                                  QJsonObject{{u"prompt_tokens"_s, int(inputs.size())},
                                      {u"total_tokens"_s, int(inputs.size())}}}})
                .toJson(QJsonDocument::Compact));
    }

    QList<QPair<QPointer<testsupport::Responder>, QByteArray>> m_pending;
    QTimer m_quiet;
    int m_answered = 0;
};

QList<core::Prompt> prompts(int count)
{
    QList<core::Prompt> out;
    for (int i = 0; i < count; ++i)
        out.append(core::Prompt::fromText(u"t%1"_s.arg(i)));
    return out;
}

core::SemanticEmbeddingOptions lumiousOptions()
{
    core::SemanticEmbeddingOptions options;
    options.model = u"luminous-base"_s;
    options.representation = core::Representation::Document;
    options.compressToSize = 128;
    options.normalize = true;
    return options;
}

} // namespace

class TestBatchEmbedder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void requestSizesOrderAndTokens_data();
    void requestSizesOrderAndTokens();
    void failingChunkFailsJobAndCancelsTheOthers();
    void cancelStopsEveryChunk();
    void zeroPromptsSendNothing();
    void deletedClientFailsTheBatch();
    void badOptionsAreRefusedBeforeSending_data();
    void badOptionsAreRefusedBeforeSending();
    void alephAlphaProviderUsesDocumentAndQuery();
    void gradientProviderSpeaksItsWireFormat();
    void gradientAnswerWithBadIndexIsAnError();
    void embeddingsV2ProviderSendsInputLists();
    void cacheHitSendsNoRequest();
    void failureKeepsFinishedChunksAndResumes();
    void largeAnswerIsParsedOffTheGuiThread();

private:
    core::ClientConfig config() const;
    std::unique_ptr<EmbedServer> m_server;
    QNetworkAccessManager m_nam;
};

void TestBatchEmbedder::init()
{
    m_nam.setProxy(QNetworkProxy::NoProxy);
    m_server = std::make_unique<EmbedServer>();
    QVERIFY(m_server->listen());
}

void TestBatchEmbedder::cleanup()
{
    m_server.reset();
}

core::ClientConfig TestBatchEmbedder::config() const
{
    core::ClientConfig c;
    c.baseUrl = m_server->baseUrl();
    c.token = u"secret-token"_s;
    c.retry.totalRetries = 2;
    c.retry.firstDelayMs = 1;
    return c;
}

void TestBatchEmbedder::requestSizesOrderAndTokens_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<QList<int>>("sizes"); // prompts per request, by the chunk's first prompt
    QTest::addColumn<bool>("plainTexts"); // BatchEmbedder::ofTexts(): prompts made per chunk
    QTest::newRow("1") << 1 << QList<int>{1} << false;
    QTest::newRow("100") << 100 << QList<int>{100} << false;
    QTest::newRow("101") << 101 << QList<int>{100, 1} << false;
    QTest::newRow("1000") << 1000 << QList<int>(10, 100) << false;
    QTest::newRow("101 texts") << 101 << QList<int>{100, 1} << true;
    QTest::newRow("1000 texts") << 1000 << QList<int>(10, 100) << true;
}

void TestBatchEmbedder::requestSizesOrderAndTokens()
{
    QFETCH(int, count);
    QFETCH(QList<int>, sizes);
    QFETCH(bool, plainTexts);
    m_server->expectedRequests = int(sizes.size());
    core::ApiClient client(&m_nam, config());
    QStringList texts;
    for (const core::Prompt &prompt : prompts(count))
        texts.append(prompt.text());
    auto *job = plainTexts ? core::BatchEmbedder::ofTexts(&client, lumiousOptions(), texts)
                           : new core::BatchEmbedder(&client, lumiousOptions(), prompts(count));
    job->setAutoDelete(false);
    std::unique_ptr<core::BatchEmbedder> guard(job);
    QSignalSpy progress(job, &core::EmbeddingBatchJob::progress);
    QSignalSpy finished(job, &core::EmbeddingBatchJob::finished);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.size(), 1);
    QVERIFY2(job->state() == ApiJob::State::Succeeded, qPrintable(job->error().toString()));

    // Request sizes, in the order of the prompts they carry, and the options copied into each.
    QList<QPair<int, int>> chunks; // first prompt → size
    for (const QJsonObject &body : std::as_const(m_server->bodies)) {
        const QJsonArray p = body.value(u"prompts"_s).toArray();
        chunks.append({numberOf(p.first().toArray().first().toObject().value(u"data"_s).toString()),
            int(p.size())});
        QCOMPARE(body.value(u"model"_s).toString(), u"luminous-base"_s);
        QCOMPARE(body.value(u"representation"_s).toString(), u"document"_s);
        QCOMPARE(body.value(u"compress_to_size"_s).toInt(), 128);
        QCOMPARE(body.value(u"normalize"_s).toBool(), true);
    }
    std::sort(chunks.begin(), chunks.end());
    QList<int> gotSizes;
    for (int i = 0; i < chunks.size(); ++i) {
        QCOMPARE(chunks.at(i).first, i * 100);
        gotSizes.append(chunks.at(i).second);
    }
    QCOMPARE(gotSizes, sizes);

    // Vectors in input order although the server answered each group in reverse.
    QCOMPARE(job->embeddings().size(), count);
    int expectedTokens = 0;
    for (int i = 0; i < count; ++i) {
        QCOMPARE(job->embeddings().at(i), (core::Embedding{float(i), float(i / 2.0)}));
        expectedTokens += i % 3 + 1;
    }
    QCOMPARE(job->numTokensPromptTotal(), expectedTokens);
    // model_version of the last chunk in input order.
    QVERIFY(!job->modelVersion().isEmpty());
    QCOMPARE(progress.size(), sizes.size());
    QCOMPARE(progress.last().at(0).toInt(), count);
    QCOMPARE(progress.last().at(1).toInt(), count);
    QCOMPARE(m_server->maxPending, std::min<int>(4, int(sizes.size()))); // K = 4 in flight, no more
}

void TestBatchEmbedder::failingChunkFailsJobAndCancelsTheOthers()
{
    m_server->failAt = 350; // chunk 4 of 10 (prompts 300..399)
    m_server->stallOthers = true;
    core::ApiClient client(&m_nam, config());
    auto *job = new core::BatchEmbedder(&client, lumiousOptions(), prompts(1000));
    job->setAutoDelete(false);
    std::unique_ptr<core::BatchEmbedder> guard(job);
    QSignalSpy retrying(job, &core::EmbeddingBatchJob::retrying);
    QSignalSpy finished(job, &core::EmbeddingBatchJob::finished);
    QVERIFY(finished.wait(20000));
    QCOMPARE(job->state(), ApiJob::State::Failed);
    QCOMPARE(job->error().httpStatus, 500);
    QVERIFY2(job->error().message.startsWith(u"chunk 4 of 10 (inputs 301–400): "_s),
        qPrintable(job->error().message));
    QVERIFY(job->error().message.contains(u"boom"_s));
    QCOMPARE(retrying.size(), 2); // the failing chunk's two retries
    QCOMPARE(retrying.first().at(0).toInt(), 3);
    // 3 chunks stalled + 3 attempts of the failing one; nothing after the failure.
    QCOMPARE(m_server->bodies.size(), 6);
    // The stalled chunks were aborted: the server sees their connections close.
    QCOMPARE(m_server->stalled.size(), 3);
    for (const QPointer<testsupport::Responder> &r : std::as_const(m_server->stalled))
        QTRY_VERIFY(!r || !r->isOpen());
}

void TestBatchEmbedder::cancelStopsEveryChunk()
{
    m_server->stallOthers = true;
    core::ApiClient client(&m_nam, config());
    auto *job = new core::BatchEmbedder(&client, lumiousOptions(), prompts(500), {100, 2});
    job->setAutoDelete(false);
    std::unique_ptr<core::BatchEmbedder> guard(job);
    QSignalSpy finished(job, &core::EmbeddingBatchJob::finished);
    QTRY_COMPARE(m_server->stalled.size(), 2); // two in flight (K = 2)
    job->cancel();
    QCOMPARE(finished.size(), 1); // synchronous, like QNetworkReply::abort()
    QCOMPARE(job->state(), ApiJob::State::Canceled);
    job->cancel();
    QCOMPARE(finished.size(), 1);
    for (const QPointer<testsupport::Responder> &r : std::as_const(m_server->stalled))
        QTRY_VERIFY(!r || !r->isOpen());
    QCOMPARE(m_server->bodies.size(), 2);
}

void TestBatchEmbedder::deletedClientFailsTheBatch()
{
    m_server->stallOthers = true;
    auto client = std::make_unique<core::ApiClient>(&m_nam, config());
    auto *job = new core::BatchEmbedder(client.get(), lumiousOptions(), prompts(300));
    job->setAutoDelete(false);
    std::unique_ptr<core::BatchEmbedder> guard(job);
    QSignalSpy finished(job, &core::EmbeddingBatchJob::finished);
    QTRY_COMPARE(m_server->stalled.size(), 3);
    client.reset(); // deletes the chunk jobs, its children
    QCOMPARE(finished.size(), 1);
    QCOMPARE(job->state(), ApiJob::State::Failed);
    QCOMPARE(job->error().kind, core::ApiError::Kind::Interrupted);
}

void TestBatchEmbedder::zeroPromptsSendNothing()
{
    core::ApiClient client(&m_nam, config());
    auto *job = new core::BatchEmbedder(&client, lumiousOptions(), {});
    job->setAutoDelete(false);
    std::unique_ptr<core::BatchEmbedder> guard(job);
    QSignalSpy finished(job, &core::EmbeddingBatchJob::finished);
    QCOMPARE(finished.size(), 0); // never inside the constructor
    QVERIFY(finished.wait(5000));
    QCOMPARE(job->state(), ApiJob::State::Succeeded);
    QVERIFY(job->embeddings().isEmpty());
    QVERIFY(m_server->bodies.isEmpty());
}

void TestBatchEmbedder::badOptionsAreRefusedBeforeSending_data()
{
    QTest::addColumn<int>("chunkSize");
    QTest::addColumn<int>("maxInFlight");
    QTest::addColumn<QString>("message");
    QTest::newRow("chunk 0") << 0 << 4 << u"batch size 0: must be 1..100"_s;
    QTest::newRow("chunk 101") << 101 << 4 << u"batch size 101: must be 1..100"_s;
    QTest::newRow("in flight 0") << 100 << 0 << u"requests in flight 0: must be at least 1"_s;
}

void TestBatchEmbedder::badOptionsAreRefusedBeforeSending()
{
    QFETCH(int, chunkSize);
    QFETCH(int, maxInFlight);
    QFETCH(QString, message);
    core::ApiClient client(&m_nam, config());
    auto *job
        = new core::BatchEmbedder(&client, lumiousOptions(), prompts(10), {chunkSize, maxInFlight});
    job->setAutoDelete(false);
    std::unique_ptr<core::BatchEmbedder> guard(job);
    QSignalSpy finished(job, &core::EmbeddingBatchJob::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(job->state(), ApiJob::State::Failed);
    QCOMPARE(job->error().kind, core::ApiError::Kind::InvalidRequest);
    QCOMPARE(job->error().message, message);
    QVERIFY(m_server->bodies.isEmpty());
}

void TestBatchEmbedder::alephAlphaProviderUsesDocumentAndQuery()
{
    core::ApiClient client(&m_nam, config());
    core::AlephAlphaEmbeddingSettings settings;
    settings.asymmetric = true;
    core::AlephAlphaEmbeddingProvider provider(&client, settings);
    m_server->expectedRequests = 2;
    m_server->hold = 1;
    core::EmbeddingBatchJob *documents = provider.embedDocuments({u"t1"_s, u"t2"_s});
    QSignalSpy documentsDone(documents, &core::EmbeddingBatchJob::finished);
    QVERIFY(documentsDone.wait(5000));
    core::EmbeddingBatchJob *query = provider.embedQuery(u"t7"_s);
    query->setAutoDelete(false);
    std::unique_ptr<core::EmbeddingBatchJob> guard(query);
    QSignalSpy queryDone(query, &core::EmbeddingBatchJob::finished);
    QVERIFY(queryDone.wait(5000));
    QCOMPARE(query->embeddings(), (QList<core::Embedding>{{7.f, 3.5f}}));
    QCOMPARE(m_server->bodies.size(), 2);
    QCOMPARE(m_server->bodies.at(0).value(u"representation"_s).toString(), u"document"_s);
    QCOMPARE(m_server->bodies.at(1).value(u"representation"_s).toString(), u"query"_s);
    QVERIFY(!m_server->bodies.at(1).contains(u"compress_to_size"_s)); // full size by default

    settings.asymmetric = false;
    core::AlephAlphaEmbeddingProvider symmetric(&client, settings);
    QVERIFY(symmetric.options(core::Representation::Symmetric).representation
        == core::Representation::Symmetric);
    QVERIFY(symmetric.displayName().contains(u"symmetric"_s));
}

void TestBatchEmbedder::gradientProviderSpeaksItsWireFormat()
{
    core::GradientEmbeddingSettings settings;
    settings.apiUrl = QUrl(u"http://127.0.0.1:%1/gradient/api"_s.arg(m_server->port()));
    settings.workspaceId = u"ws-123"_s;
    settings.accessToken = u"gradient-secret"_s;
    settings.model = u"bge-large"_s;
    settings.queryPromptForRetrieval = u"Represent this query:"_s;
    settings.batch = {2, 2};
    settings.retry.totalRetries = 0;
    core::GradientEmbeddingProvider provider(&m_nam, settings);
    QCOMPARE(provider.embeddingsUrl().path(), u"/gradient/api/embeddings/bge-large"_s);

    core::EmbeddingBatchJob *documents = provider.embedDocuments({u"a"_s, u"bb"_s, u"ccc"_s});
    documents->setAutoDelete(false);
    std::unique_ptr<core::EmbeddingBatchJob> guard(documents);
    QSignalSpy finished(documents, &core::EmbeddingBatchJob::finished);
    QVERIFY(finished.wait(5000));
    QVERIFY2(
        documents->state() == ApiJob::State::Succeeded, qPrintable(documents->error().toString()));
    // The server lists vectors in reverse; they come back by index.
    QCOMPARE(documents->embeddings(), (QList<core::Embedding>{{1.f, 1.f}, {2.f, 1.f}, {3.f, 1.f}}));
    QCOMPARE(m_server->requests().size(), 2); // micro-batches of 2
    const testsupport::RecordedRequest &first = m_server->requests().first();
    QCOMPARE(first.method, QByteArray("POST"));
    QCOMPARE(first.headers.value("authorization"), QByteArray("Bearer gradient-secret"));
    QCOMPARE(first.headers.value("x-gradient-workspace-id"), QByteArray("ws-123"));
    QCOMPARE(m_server->bodies.first(),
        (QJsonObject{{u"inputs"_s,
            QJsonArray{QJsonObject{{u"input"_s, u"a"_s}}, QJsonObject{{u"input"_s, u"bb"_s}}}}}));

    core::EmbeddingBatchJob *query = provider.embedQuery(u"cats"_s);
    QSignalSpy queryDone(query, &core::EmbeddingBatchJob::finished);
    QVERIFY(queryDone.wait(5000));
    QCOMPARE(m_server->bodies.last()
                 .value(u"inputs"_s)
                 .toArray()
                 .first()
                 .toObject()
                 .value(u"input"_s)
                 .toString(),
        u"Represent this query: cats"_s);
}

void TestBatchEmbedder::gradientAnswerWithBadIndexIsAnError()
{
    m_server->gradientBadIndex = true;
    core::GradientEmbeddingSettings settings;
    settings.apiUrl = QUrl(u"http://127.0.0.1:%1/gradient/api"_s.arg(m_server->port()));
    settings.workspaceId = u"ws"_s;
    settings.model = u"bge-large"_s;
    core::GradientEmbeddingProvider provider(&m_nam, settings);
    core::EmbeddingBatchJob *job = provider.embedDocuments({u"a"_s, u"b"_s});
    job->setAutoDelete(false);
    std::unique_ptr<core::EmbeddingBatchJob> guard(job);
    QSignalSpy finished(job, &core::EmbeddingBatchJob::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(job->state(), ApiJob::State::Failed);
    QCOMPARE(job->error().kind, core::ApiError::Kind::MalformedResponse);
    QVERIFY2(
        job->error().message.contains(u"index 0 is repeated"_s), qPrintable(job->error().message));
}

void TestBatchEmbedder::embeddingsV2ProviderSendsInputLists()
{
    core::ApiClient client(&m_nam, config());
    core::AlephAlphaEmbeddingsV2Settings settings;
    settings.model = u"pharia-1-embedding"_s;
    settings.dimensions = 2;
    settings.batch = {4, 2};
    core::AlephAlphaEmbeddingsV2Provider provider(&client, settings);
    QStringList texts;
    for (int i = 0; i < 10; ++i)
        texts.append(u"t%1"_s.arg(i));
    core::EmbeddingBatchJob *job = provider.embedDocuments(texts);
    job->setAutoDelete(false);
    QSignalSpy done(job, &core::EmbeddingBatchJob::finished);
    QVERIFY(done.wait(5000));
    QCOMPARE(job->state(), ApiJob::State::Succeeded);
    QCOMPARE(m_server->bodies.size(), 3); // 4 + 4 + 2
    for (const QJsonObject &body : std::as_const(m_server->bodies)) {
        QCOMPARE(body.value(u"model"_s).toString(), u"pharia-1-embedding"_s);
        QCOMPARE(body.value(u"dimensions"_s).toInt(), 2);
        QVERIFY(body.value(u"input"_s).isArray());
    }
    for (int i = 0; i < 10; ++i)
        QCOMPARE(job->embeddings().at(i), (core::Embedding{float(i), float(i / 2.0)}));
    QCOMPARE(job->numTokensPromptTotal(), 10);
    delete job;
    // The scope names the endpoint, host, model and dimensions; documents and queries share it.
    QVERIFY(provider.cacheScope(false).contains(u"pharia-1-embedding"_s));
    QCOMPARE(provider.cacheScope(false), provider.cacheScope(true));
}

void TestBatchEmbedder::cacheHitSendsNoRequest()
{
    core::Database db(u":memory:"_s);
    QString error;
    QVERIFY2(db.open(&error), qPrintable(error));
    core::EmbeddingCache cache(&db);
    core::ApiClient client(&m_nam, config());
    core::AlephAlphaEmbeddingSettings settings;
    settings.batch = {10, 2};
    core::AlephAlphaEmbeddingProvider provider(&client, settings);
    QStringList texts;
    for (int i = 0; i < 25; ++i)
        texts.append(u"t%1"_s.arg(i));

    const auto run = [&](const QStringList &list, core::EmbeddingProvider *p) {
        auto job = std::make_unique<core::CachedEmbeddingJob>(p, &cache, list);
        QSignalSpy done(job.get(), &core::CachedEmbeddingJob::finished);
        if (!done.wait(5000))
            return std::unique_ptr<core::CachedEmbeddingJob>();
        return job;
    };
    m_server->hold = 1;
    auto first = run(texts, &provider);
    QVERIFY(first);
    QCOMPARE(first->state(), ApiJob::State::Succeeded);
    QCOMPARE(first->cached(), 0);
    QCOMPARE(first->sent(), 25);
    QCOMPARE(m_server->bodies.size(), 3);
    QCOMPARE(cache.count(), 25);

    // The same texts again: every vector from the cache, no request at all.
    auto second = run(texts, &provider);
    QVERIFY(second);
    QCOMPARE(second->state(), ApiJob::State::Succeeded);
    QCOMPARE(second->cached(), 25);
    QCOMPARE(second->sent(), 0);
    QCOMPARE(m_server->bodies.size(), 3);
    QCOMPARE(second->embeddings(), first->embeddings());
    QCOMPARE(second->embeddings().at(7), (core::Embedding{7, 3.5}));

    // Five new texts among them: one request carrying exactly those five.
    QStringList more = texts;
    for (int i = 100; i < 105; ++i)
        more.insert(i - 90, u"t%1"_s.arg(i));
    auto third = run(more, &provider);
    QVERIFY(third);
    QCOMPARE(third->cached(), 25);
    QCOMPARE(third->sent(), 5);
    QCOMPARE(m_server->bodies.size(), 4);
    QCOMPARE(m_server->bodies.last().value(u"prompts"_s).toArray().size(), 5);
    QCOMPARE(third->embeddings().at(10), (core::Embedding{100, 50}));

    // Another representation (symmetric) or option is another scope: sent again.
    settings.asymmetric = false;
    core::AlephAlphaEmbeddingProvider symmetric(&client, settings);
    QVERIFY(symmetric.cacheScope(false) != provider.cacheScope(false));
    QVERIFY(provider.cacheScope(true) != provider.cacheScope(false));
    auto fourth = run(texts.mid(0, 3), &symmetric);
    QVERIFY(fourth);
    QCOMPARE(fourth->sent(), 3);
    QCOMPARE(m_server->bodies.last().value(u"representation"_s).toString(), u"symmetric"_s);
}

void TestBatchEmbedder::failureKeepsFinishedChunksAndResumes()
{
    core::Database db(u":memory:"_s);
    QString error;
    QVERIFY2(db.open(&error), qPrintable(error));
    core::EmbeddingCache cache(&db);
    core::ClientConfig c = config();
    c.retry.totalRetries = 0;
    core::ApiClient client(&m_nam, c);
    core::AlephAlphaEmbeddingSettings settings;
    settings.batch = {10, 1}; // one request at a time: chunk 1 finishes before chunk 2 fails
    core::AlephAlphaEmbeddingProvider provider(&client, settings);
    QStringList texts;
    for (int i = 0; i < 30; ++i)
        texts.append(u"t%1"_s.arg(i));
    m_server->hold = 1;
    m_server->failAt = 15;
    {
        core::CachedEmbeddingJob job(&provider, &cache, texts);
        QSignalSpy done(&job, &core::CachedEmbeddingJob::finished);
        QVERIFY(done.wait(5000));
        QCOMPARE(job.state(), ApiJob::State::Failed);
        QVERIFY(job.error().message.contains(u"chunk 2 of 3"_s));
        QCOMPARE(job.done(), 10);
        QCOMPARE(job.embeddings().at(9), (core::Embedding{9, 4.5}));
        QVERIFY(job.embeddings().at(10).isEmpty());
        QCOMPARE(cache.count(), 10);
    }
    // Resume: the ten that finished come from the cache; the other twenty are sent.
    m_server->failAt = -1;
    const int before = int(m_server->bodies.size());
    core::CachedEmbeddingJob job(&provider, &cache, texts);
    QSignalSpy done(&job, &core::CachedEmbeddingJob::finished);
    QVERIFY(done.wait(5000));
    QCOMPARE(job.state(), ApiJob::State::Succeeded);
    QCOMPARE(job.cached(), 10);
    QCOMPARE(job.sent(), 20);
    QCOMPARE(int(m_server->bodies.size()) - before, 2);
    QCOMPARE(m_server->bodies.at(before)
                 .value(u"prompts"_s)
                 .toArray()
                 .first()
                 .toArray()
                 .first()
                 .toObject()
                 .value(u"data"_s)
                 .toString(),
        u"t10"_s);
    for (int i = 0; i < 30; ++i)
        QCOMPARE(job.embeddings().at(i), (core::Embedding{float(i), float(i / 2.0)}));
}

void TestBatchEmbedder::largeAnswerIsParsedOffTheGuiThread()
{
    // The same answer parsed on the thread pool (threshold 0) and inline (threshold 1 GiB): the
    // same result, finished() once.
    core::ApiClient client(&m_nam, config());
    core::BatchSemanticEmbeddingRequest request;
    static_cast<core::SemanticEmbeddingOptions &>(request) = lumiousOptions();
    request.prompts = prompts(100);
    m_server->hold = 1;
    for (const qsizetype threshold : {qsizetype(0), qsizetype(1) << 30}) {
        core::BatchSemanticEmbeddingJob *job = client.batchSemanticEmbed(request);
        job->setAutoDelete(false);
        job->setOffThreadParseBytes(threshold);
        QSignalSpy done(job, &ApiJob::finished);
        QVERIFY(done.wait(5000));
        QCOMPARE(done.size(), 1);
        QCOMPARE(job->state(), ApiJob::State::Succeeded);
        QCOMPARE(job->result().embeddings.size(), 100);
        QCOMPARE(job->result().embeddings.at(42), (core::Embedding{42, 21}));
        delete job;
    }
}

QTEST_GUILESS_MAIN(TestBatchEmbedder)
#include "TestBatchEmbedder.moc"
