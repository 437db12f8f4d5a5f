// SPDX-License-Identifier: MIT
// The OpenAPI file (tests/data/openapi) as the contract of every endpoint core speaks, above all
// of those with no recorded traffic: translate, steering_concepts, models_available, version,
// users/me and /embeddings.
#include "core/api/Endpoints.h"
#include "core/net/ApiClient.h"
#include "tests/support/OpenApi.h"
#include "tests/support/TestHttpServer.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using core::ApiJob;
using testsupport::ScriptedResponse;
using testsupport::TestHttpServer;

namespace {

QString specPath(const QString &endpoint)
{
    return u"/"_s + endpoint;
}

/// A path for `endpoint` with a value in each of its parameters ("models/{modelName}/tokenizer" →
/// "models/luminous-base/tokenizer").
QString concretePath(const QString &endpoint)
{
    QString path = endpoint;
    return path.replace(QRegularExpression(u"\\{[^}/]+\\}"_s), u"luminous-base"_s);
}

QString methodOf(const core::EndpointInfo &info)
{
    return info.isGet ? u"get"_s : u"post"_s;
}

/// Request properties the typed layer refuses on purpose.
QStringList skippedRequestFields(const QString &endpoint)
{
    if (endpoint == u"embeddings"_s)
        return {u"user"_s}; // deprecated, and the server rejects it
    return {};
}

QByteArray compact(const QJsonValue &v)
{
    return v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                       : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
}

template<class Job>
std::unique_ptr<Job> finish(Job *job)
{
    job->setAutoDelete(false);
    std::unique_ptr<Job> guard(job);
    QSignalSpy finished(job, &ApiJob::finished);
    if (!finished.wait(10000))
        qWarning("job did not finish");
    return guard;
}

} // namespace

class TestOpenApiContract : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void endpointsMatchTheSpec_data();
    void endpointsMatchTheSpec();
    void requestWithEveryFieldRoundTrips_data();
    void requestWithEveryFieldRoundTrips();
    void requestExamplesRoundTrip_data();
    void requestExamplesRoundTrip();
    void responseWithEveryFieldIsKept_data();
    void responseWithEveryFieldIsKept();
    void translateFromTheSpecExamples();
    void steeringConceptAnswers201();
    void embeddingsV2FloatAndBase64();
    void modelsAvailableUsersMeAndVersion();
    void versionRejectsAnHtmlPage();

private:
    void addEndpointRows(bool postOnly);
    core::ClientConfig config() const;
    testsupport::OpenApiSpec m_spec;
    std::unique_ptr<TestHttpServer> m_server;
    QNetworkAccessManager m_nam;
};

void TestOpenApiContract::initTestCase()
{
    QString error;
    QVERIFY2(m_spec.load(testsupport::OpenApiSpec::defaultPath(), &error), qPrintable(error));
    m_nam.setProxy(QNetworkProxy::NoProxy);
}

void TestOpenApiContract::init()
{
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listen());
}

core::ClientConfig TestOpenApiContract::config() const
{
    core::ClientConfig c;
    c.baseUrl = m_server->baseUrl();
    c.token = u"spec-token"_s;
    c.nice = true;
    c.hosting = u"aleph-alpha"_s;
    c.retry.totalRetries = 0;
    return c;
}

void TestOpenApiContract::addEndpointRows(bool postOnly)
{
    QTest::addColumn<QString>("endpoint");
    for (const QString &name : core::endpointNames()) {
        if (!postOnly || !core::findEndpoint(name)->isGet)
            QTest::newRow(qPrintable(name)) << name;
    }
}

void TestOpenApiContract::endpointsMatchTheSpec_data()
{
    addEndpointRows(false);
}

void TestOpenApiContract::endpointsMatchTheSpec()
{
    QFETCH(QString, endpoint);
    const core::EndpointInfo &info = *core::findEndpoint(endpoint);
    const QString method = methodOf(info);
    QVERIFY2(!m_spec.operation(method, specPath(endpoint)).isEmpty(),
        qPrintable(u"the spec has no %1 %2"_s.arg(method.toUpper(), specPath(endpoint))));
    QCOMPARE(info.acceptsNice, m_spec.acceptsNice(method, specPath(endpoint)));
    const QJsonObject request = m_spec.requestSchema(method, specPath(endpoint));
    QCOMPARE(info.acceptsHosting, request.value(u"properties"_s).toObject().contains(u"hosting"_s));
    int status = 0;
    QString contentType;
    m_spec.responseSchema(method, specPath(endpoint), &status, &contentType);
    QCOMPARE(info.textResponse, contentType == u"text/plain"_s);
}

void TestOpenApiContract::requestWithEveryFieldRoundTrips_data()
{
    addEndpointRows(true);
}

void TestOpenApiContract::requestWithEveryFieldRoundTrips()
{
    QFETCH(QString, endpoint);
    const core::EndpointInfo &info = *core::findEndpoint(endpoint);
    const QJsonObject schema = m_spec.requestSchema(u"post"_s, specPath(endpoint));
    QVERIFY(!schema.isEmpty());
    const QJsonObject sample = m_spec.sample(schema, skippedRequestFields(endpoint)).toObject();
    QVERIFY2(m_spec.validate(sample, schema, true).isEmpty(),
        qPrintable(m_spec.validate(sample, schema, true)));
    QString error;
    const std::optional<QJsonObject> typed = info.normalizeRequest(sample, &error);
    QVERIFY2(typed, qPrintable(error + u"\nsample: "_s + QString::fromUtf8(compact(sample))));
    const QString diff = core::json::firstDifference(*typed, sample);
    QVERIFY2(diff.isEmpty(), qPrintable(u"differs at "_s + diff));
    // What we send is valid under the spec, with no property it does not list.
    const QString invalid = m_spec.validate(*typed, schema, true);
    QVERIFY2(invalid.isEmpty(), qPrintable(invalid));
}

void TestOpenApiContract::requestExamplesRoundTrip_data()
{
    QTest::addColumn<QString>("endpoint");
    int rows = 0;
    for (const QString &name : core::endpointNames()) {
        const core::EndpointInfo &info = *core::findEndpoint(name);
        if (!info.isGet && m_spec.requestSchema(u"post"_s, specPath(name)).contains(u"example"_s)) {
            QTest::newRow(qPrintable(name)) << name;
            ++rows;
        }
    }
    QVERIFY(rows >= 4); // translate, steering_concepts, embeddings, rerank
}

void TestOpenApiContract::requestExamplesRoundTrip()
{
    QFETCH(QString, endpoint);
    const QJsonObject schema = m_spec.requestSchema(u"post"_s, specPath(endpoint));
    const QJsonObject example = m_spec.coerce(schema.value(u"example"_s), schema).toObject();
    // Send it as a client would: through ApiClient::request, and check the body on the wire.
    m_server->enqueue(
        ("/v1/" + endpoint).toUtf8(), TestHttpServer::json(500, R"({"error":"spec test"})"));
    core::ApiClient client(&m_nam, config());
    auto job = finish(client.request(endpoint, example));
    QCOMPARE(job->error().httpStatus, 500);
    QCOMPARE(m_server->requests().size(), 1);
    QJsonObject sent = QJsonDocument::fromJson(m_server->requests().first().body).object();
    QJsonObject expected = example;
    if (core::findEndpoint(endpoint)->acceptsHosting)
        expected.insert(u"hosting"_s, u"aleph-alpha"_s);
    const QString diff = core::json::firstDifference(sent, expected);
    QVERIFY2(diff.isEmpty(), qPrintable(u"differs at "_s + diff));
    QCOMPARE(m_server->requests().first().query,
        QByteArray(core::findEndpoint(endpoint)->acceptsNice ? "nice=true" : ""));
}

void TestOpenApiContract::responseWithEveryFieldIsKept_data()
{
    addEndpointRows(false);
}

void TestOpenApiContract::responseWithEveryFieldIsKept()
{
    QFETCH(QString, endpoint);
    const core::EndpointInfo &info = *core::findEndpoint(endpoint);
    const QString method = methodOf(info);
    int status = 0;
    QString contentType;
    const QJsonObject schema
        = m_spec.responseSchema(method, specPath(endpoint), &status, &contentType);
    QVERIFY(status >= 200 && status < 300);
    const QJsonValue sample = info.textResponse ? QJsonValue(schema.value(u"example"_s).toString())
                                                : m_spec.sample(schema);
    const QByteArray body = info.textResponse ? sample.toString().toUtf8() : compact(sample);
    m_server->enqueue(("/v1/" + concretePath(endpoint)).toUtf8(),
        ScriptedResponse{status, contentType.toUtf8(), body, {}, 0, false, false, {}});
    QJsonObject request;
    if (!info.isGet)
        request = m_spec
                      .sample(m_spec.requestSchema(method, specPath(endpoint)),
                          skippedRequestFields(endpoint))
                      .toObject();
    request.remove(u"stream"_s);
    core::ApiClient client(&m_nam, config());
    auto job = finish(client.request(concretePath(endpoint), request));
    QVERIFY2(job->state() == ApiJob::State::Succeeded,
        qPrintable(job->error().toString() + u"\nbody: "_s + QString::fromUtf8(body)));
    QCOMPARE(m_server->requests().first().method, method.toUpper().toUtf8());
    const QString diff = core::json::firstDifference(job->response(), sample);
    QVERIFY2(diff.isEmpty(), qPrintable(u"differs at "_s + diff));
}

void TestOpenApiContract::translateFromTheSpecExamples()
{
    const QJsonObject responseSchema
        = m_spec.resolve(QJsonObject{{u"$ref"_s, u"#/components/schemas/TranslationResponse"_s}});
    const QJsonObject example
        = m_spec.coerce(responseSchema.value(u"example"_s), responseSchema).toObject();
    QCOMPARE(example.value(u"score"_s).toDouble(), 0.704557); // "0.704557" in the file
    QJsonObject withSegments = example;
    withSegments.insert(u"segments"_s,
        QJsonArray{QJsonObject{{u"source"_s, u"What is your name?"_s},
            {u"translation"_s, u"Wie heißt du?"_s},
            {u"score"_s, 0.7}}});
    m_server->enqueue("/v1/translate", TestHttpServer::json(200, compact(example)));
    m_server->enqueue("/v1/translate", TestHttpServer::json(200, compact(withSegments)));
    core::ApiClient client(&m_nam, config());
    core::TranslationRequest request;
    request.model = u"pharia-1-mt-translation"_s;
    request.source = u"What is your name?"_s;
    request.targetLanguage = u"de"_s;
    auto job = finish(client.translate(request));
    QVERIFY2(job->state() == ApiJob::State::Succeeded, qPrintable(job->error().toString()));
    QCOMPARE(job->result().translation, u"Wie heißt du?"_s);
    QVERIFY(!job->result().segments); // "null" in the example
    QCOMPARE(job->result().numTokensPromptTotal.value_or(-1), 18);
    // The request is the spec's own example, and nothing else.
    const QJsonObject requestSchema = m_spec.requestSchema(u"post"_s, u"/translate"_s);
    const QJsonObject sent = QJsonDocument::fromJson(m_server->requests().first().body).object();
    QCOMPARE(sent, m_spec.coerce(requestSchema.value(u"example"_s), requestSchema).toObject());
    QCOMPARE(m_server->requests().first().query, QByteArray("nice=true"));

    auto second = finish(client.translate(request));
    QVERIFY2(second->state() == ApiJob::State::Succeeded, qPrintable(second->error().toString()));
    QCOMPARE(second->result().segments->size(), 1);
    QCOMPARE(second->result().segments->first().translation, u"Wie heißt du?"_s);

    core::TranslationRequest empty = request;
    empty.targetLanguage = u" "_s;
    QString error;
    QVERIFY(!core::TranslationRequest::fromJson(empty.toJson(), &error));
    QCOMPARE(error,
        u"translate: field \"target_language\": empty; give an ISO 639 code such as \"de\""_s);
}

void TestOpenApiContract::steeringConceptAnswers201()
{
    const QJsonObject schema = m_spec.resolve(
        QJsonObject{{u"$ref"_s, u"#/components/schemas/CreateSteeringConceptResponse"_s}});
    m_server->enqueue(
        "/v1/steering_concepts", TestHttpServer::json(201, compact(schema.value(u"example"_s))));
    core::ApiClient client(&m_nam, config());
    core::CreateSteeringConceptRequest request;
    request.examples = {{u"I appreciate your valuable feedback on this matter."_s,
        u"Thanks for the real talk, fam."_s,
        {}}};
    auto job = finish(client.createSteeringConcept(request));
    QVERIFY2(job->state() == ApiJob::State::Succeeded, qPrintable(job->error().toString()));
    QCOMPARE(
        job->result().id, u"c925b346425c37c380920df3c5f542000d4b54ed3f183313e274328c921879e0"_s);
    const testsupport::RecordedRequest &sent = m_server->requests().first();
    QCOMPARE(sent.query, QByteArray()); // no nice on this endpoint
    const QJsonObject body = QJsonDocument::fromJson(sent.body).object();
    QVERIFY(!body.contains(u"hosting"_s) && !body.contains(u"model"_s));
    QCOMPARE(m_spec.validate(body, m_spec.requestSchema(u"post"_s, u"/steering_concepts"_s), true),
        QString());
    QString error;
    QVERIFY(!core::CreateSteeringConceptRequest::fromJson(
        QJsonObject{{u"examples"_s, QJsonArray()}}, &error));
    QVERIFY(error.contains(u"at least one"_s));
}

void TestOpenApiContract::embeddingsV2FloatAndBase64()
{
    const QJsonObject responseSchema
        = m_spec.resolve(QJsonObject{{u"$ref"_s, u"#/components/schemas/EmbeddingV2Response"_s}});
    const QJsonObject example
        = m_spec.coerce(responseSchema.value(u"example"_s), responseSchema).toObject();
    m_server->enqueue("/v1/embeddings", TestHttpServer::json(200, compact(example)));
    // The same vector as base64 of little-endian float32, as encoding_format "base64" gives it.
    const float values[] = {0.0023064255f, -0.009327292f};
    QByteArray raw(reinterpret_cast<const char *>(values), sizeof values);
    QJsonObject base64 = example;
    QJsonObject data = example.value(u"data"_s).toArray().first().toObject();
    data.insert(u"embedding"_s, QString::fromLatin1(raw.toBase64()));
    base64.insert(u"data"_s, QJsonArray{data});
    m_server->enqueue("/v1/embeddings", TestHttpServer::json(200, compact(base64)));

    core::ApiClient client(&m_nam, config());
    core::EmbeddingV2Request request;
    request.model = u"qwen3-embedding-0.6b"_s;
    request.input = core::EmbeddingV2Input::fromTexts({u"this text will be embedded"_s});
    request.encodingFormat = u"float"_s;
    request.dimensions = 128;
    auto job = finish(client.embeddings(request));
    QVERIFY2(job->state() == ApiJob::State::Succeeded, qPrintable(job->error().toString()));
    QCOMPARE(job->result().data.first().vector(), (core::Embedding{0.0023064255f, -0.009327292f}));
    QCOMPARE(job->result().usage->totalTokens, 8);
    const QJsonObject sent = QJsonDocument::fromJson(m_server->requests().first().body).object();
    QCOMPARE(
        m_spec.validate(sent, m_spec.requestSchema(u"post"_s, u"/embeddings"_s), true), QString());
    QVERIFY(!sent.contains(u"hosting"_s)); // /embeddings takes none

    request.encodingFormat = u"base64"_s;
    auto second = finish(client.embeddings(request));
    QVERIFY2(second->state() == ApiJob::State::Succeeded, qPrintable(second->error().toString()));
    QCOMPARE(
        second->result().data.first().vector(), (core::Embedding{0.0023064255f, -0.009327292f}));

    QString error;
    QJsonObject withUser = request.toJson();
    withUser.insert(u"user"_s, u"me"_s);
    QVERIFY(!core::EmbeddingV2Request::fromJson(withUser, &error));
    QCOMPARE(error,
        u"embeddings: field \"user\": deprecated; the server rejects requests that carry it"_s);
}

void TestOpenApiContract::modelsAvailableUsersMeAndVersion()
{
    int status = 0;
    QString contentType;
    const QJsonObject modelsSchema
        = m_spec.responseSchema(u"get"_s, u"/models_available"_s, &status, &contentType);
    QJsonArray models = m_spec.sample(modelsSchema).toArray();
    QJsonObject model = models.first().toObject();
    model.insert(u"name"_s, u"luminous-base"_s);
    model.insert(u"hostings"_s, QJsonArray{u"aleph-alpha"_s});
    model.insert(
        u"image_support"_s, true); // a key the spec does not list, as recorded by the client
    m_server->enqueue(
        "/v1/models_available", TestHttpServer::json(200, compact(QJsonArray{model})));
    const QJsonObject userSchema
        = m_spec.responseSchema(u"get"_s, u"/users/me"_s, &status, &contentType);
    QJsonObject user = m_spec.sample(userSchema).toObject();
    user.insert(u"email"_s, u"someone@example.com"_s);
    m_server->enqueue("/v1/users/me", TestHttpServer::json(200, compact(user)));
    m_server->enqueue(
        "/v1/version", ScriptedResponse{200, "text/plain", "1.0.0\n", {}, 0, false, false, {}});

    core::ApiClient client(&m_nam, config());
    auto modelsJob = finish(client.modelsAvailable());
    QVERIFY2(
        modelsJob->state() == ApiJob::State::Succeeded, qPrintable(modelsJob->error().toString()));
    QCOMPARE(modelsJob->result().models.first().name, u"luminous-base"_s);
    QCOMPARE(modelsJob->result().models.first().hostings.value_or(QStringList()),
        QStringList{u"aleph-alpha"_s});
    QCOMPARE(modelsJob->result().toJson(), QJsonArray{model}); // the unknown key is kept

    auto userJob = finish(client.usersMe());
    QVERIFY2(userJob->state() == ApiJob::State::Succeeded, qPrintable(userJob->error().toString()));
    QCOMPARE(userJob->result().email, u"someone@example.com"_s);
    QCOMPARE(userJob->result().toJson(), user);

    auto versionJob = finish(client.version());
    QVERIFY2(versionJob->state() == ApiJob::State::Succeeded,
        qPrintable(versionJob->error().toString()));
    QCOMPARE(versionJob->result().version, u"1.0.0"_s);

    for (const testsupport::RecordedRequest &r : m_server->requests()) {
        QCOMPARE(r.method, QByteArray("GET"));
        QVERIFY(r.body.isEmpty());
        QCOMPARE(r.query, QByteArray()); // nice only goes on the POSTs that take it
    }

    // A users/me answer without the required email is malformed, not a crash.
    m_server->enqueue("/v1/users/me", TestHttpServer::json(200, R"({"id": 1})"));
    auto bad = finish(client.usersMe());
    QCOMPARE(bad->error().kind, core::ApiError::Kind::MalformedResponse);
    QCOMPARE(bad->error().message, u"users/me response: missing required field \"email\""_s);
}

void TestOpenApiContract::versionRejectsAnHtmlPage()
{
    m_server->enqueue("/v1/version",
        ScriptedResponse{
            200, "text/html", "<html><body>login</body></html>", {}, 0, false, false, {}});
    core::ApiClient client(&m_nam, config());
    auto job = finish(client.version());
    QCOMPARE(job->state(), ApiJob::State::Failed);
    QCOMPARE(job->error().kind, core::ApiError::Kind::MalformedResponse);
    QVERIFY(job->error().message.startsWith(u"version response: expected a version string"_s));
}

QTEST_GUILESS_MAIN(TestOpenApiContract)
#include "TestOpenApiContract.moc"
