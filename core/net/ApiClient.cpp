// SPDX-License-Identifier: MIT
#include "core/net/ApiClient.h"

#include "core/api/Endpoints.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSslConfiguration>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace core {

ApiClient::ApiClient(QNetworkAccessManager *nam, ClientConfig config, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_config(std::move(config))
{
    applyProxy();
}

void ApiClient::setConfig(const ClientConfig &config)
{
    m_config = config;
    applyProxy();
    Q_EMIT configChanged();
}

void ApiClient::applyProxy()
{
    // DefaultProxy defers to the application proxy, i.e. the system's when main() turned that on.
    m_nam->setProxy(m_config.proxy.value_or(QNetworkProxy(QNetworkProxy::DefaultProxy)));
}

QByteArray ApiClient::userAgent()
{
    return QByteArrayLiteral("aleph-playground/" ALEPH_VERSION);
}

QUrl ApiClient::endpointUrl(const QString &endpoint) const
{
    return endpointUrl(m_config.baseUrl, endpoint);
}

QUrl ApiClient::endpointUrl(const QUrl &baseUrl, const QString &endpoint)
{
    QString base = baseUrl.toString();
    if (!base.endsWith(u'/'))
        base += u'/';
    return QUrl(base + endpoint);
}

RequestSpec ApiClient::makeSpec(const QString &endpoint, const QJsonObject *body, bool stream) const
{
    const EndpointInfo *info = findEndpoint(endpoint);
    RequestSpec spec;
    spec.endpoint = endpoint;
    spec.transferTimeoutMs = m_config.transferTimeoutMs;
    static const QStringList largeAnswers{u"embed"_s,
        u"semantic_embed"_s,
        u"batch_semantic_embed"_s,
        u"instructable_embed"_s,
        u"embeddings"_s};
    spec.maximumResponseBytes
        = m_config.maximumResponseBytes * (largeAnswers.contains(endpoint) ? 8 : 1);
    QUrl url = endpointUrl(endpoint);
    if (body && m_config.nice && (!info || info->acceptsNice)) {
        QUrlQuery query(url);
        query.addQueryItem(u"nice"_s, u"true"_s);
        url.setQuery(query);
    }
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    if (!m_config.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_config.token.toUtf8());
    if (body) {
        QJsonObject json = *body;
        if (m_config.hosting && info && info->acceptsHosting && !json.contains(u"hosting"_s))
            json.insert(u"hosting"_s, *m_config.hosting);
        if (stream)
            json.insert(u"stream"_s, true);
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        spec.body = QJsonDocument(json).toJson(QJsonDocument::Compact);
        spec.verb = "POST";
    } else {
        spec.verb = "GET";
    }
    if (stream)
        request.setRawHeader("Accept", "text/event-stream");
    else
        request.setRawHeader("Accept", "application/json");
    for (const auto &header : m_config.extraHeaders)
        request.setRawHeader(header.first, header.second);
    if ((!m_config.caCertificates.isEmpty() || !m_config.verifyPeer)
        && url.scheme() == u"https"_s) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(m_config.caCertificates);
        if (!m_config.verifyPeer)
            ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        request.setSslConfiguration(ssl);
    }
    spec.request = request;
    return spec;
}

template<class Job>
Job *ApiClient::post(const QString &endpoint, QJsonObject body, bool stream)
{
    auto *job = new Job(m_nam, makeSpec(endpoint, &body, stream), m_config.retry, this);
    job->start();
    return job;
}

CompletionJob *ApiClient::complete(CompletionRequest request)
{
    request.stream.reset();
    return post<CompletionJob>(u"complete"_s, request.toJson(), false);
}

CompletionStreamJob *ApiClient::completeStreaming(CompletionRequest request)
{
    request.stream.reset();
    return post<CompletionStreamJob>(u"complete"_s, request.toJson(), true);
}

ChatJob *ApiClient::chat(ChatRequest request)
{
    request.stream.reset();
    return post<ChatJob>(u"chat/completions"_s, request.toJson(), false);
}

ChatStreamJob *ApiClient::chatStreaming(ChatRequest request)
{
    request.stream.reset();
    return post<ChatStreamJob>(u"chat/completions"_s, request.toJson(), true);
}

TokenizationJob *ApiClient::tokenize(const TokenizationRequest &request)
{
    return post<TokenizationJob>(u"tokenize"_s, request.toJson(), false);
}

DetokenizationJob *ApiClient::detokenize(const DetokenizationRequest &request)
{
    return post<DetokenizationJob>(u"detokenize"_s, request.toJson(), false);
}

template<class Job>
Job *ApiClient::get(const QString &endpoint)
{
    auto *job = new Job(m_nam, makeSpec(endpoint, nullptr, false), m_config.retry, this);
    job->start();
    return job;
}

ModelSettingsJob *ApiClient::modelSettings()
{
    return get<ModelSettingsJob>(u"model-settings"_s);
}

ModelsAvailableJob *ApiClient::modelsAvailable()
{
    return get<ModelsAvailableJob>(u"models_available"_s);
}

UserDetailJob *ApiClient::usersMe()
{
    return get<UserDetailJob>(u"users/me"_s);
}

VersionJob *ApiClient::version()
{
    return get<VersionJob>(u"version"_s);
}

ModelTokenizerJob *ApiClient::modelTokenizer(const QString &model)
{
    return get<ModelTokenizerJob>(modelTokenizerEndpoint(model));
}

ExplanationJob *ApiClient::explain(const ExplanationRequest &request)
{
    return post<ExplanationJob>(u"explain"_s, request.toJson(), false);
}

EvaluationJob *ApiClient::evaluate(const EvaluationRequest &request)
{
    return post<EvaluationJob>(u"evaluate"_s, request.toJson(), false);
}

EmbeddingJob *ApiClient::embed(const EmbeddingRequest &request)
{
    return post<EmbeddingJob>(u"embed"_s, request.toJson(), false);
}

SemanticEmbeddingJob *ApiClient::semanticEmbed(const SemanticEmbeddingRequest &request)
{
    return post<SemanticEmbeddingJob>(u"semantic_embed"_s, request.toJson(), false);
}

BatchSemanticEmbeddingJob *ApiClient::batchSemanticEmbed(
    const BatchSemanticEmbeddingRequest &request)
{
    if (request.prompts.size() > kMaxPromptsPerBatch) {
        auto *job = new BatchSemanticEmbeddingJob(
            m_nam, makeSpec(u"batch_semantic_embed"_s, nullptr, false), m_config.retry, this);
        job->failLater(ApiError::make(ApiError::Kind::InvalidRequest,
            u"batch_semantic_embed: %1 prompts; one request takes at most %2 "
            "(use BatchEmbedder)"_s.arg(request.prompts.size())
                .arg(kMaxPromptsPerBatch)));
        return job;
    }
    return post<BatchSemanticEmbeddingJob>(u"batch_semantic_embed"_s, request.toJson(), false);
}

SemanticEmbeddingJob *ApiClient::instructableEmbed(const InstructableEmbeddingRequest &request)
{
    return post<SemanticEmbeddingJob>(u"instructable_embed"_s, request.toJson(), false);
}

EmbeddingV2Job *ApiClient::embeddings(const EmbeddingV2Request &request)
{
    return post<EmbeddingV2Job>(u"embeddings"_s, request.toJson(), false);
}

TranslationJob *ApiClient::translate(const TranslationRequest &request)
{
    return post<TranslationJob>(u"translate"_s, request.toJson(), false);
}

RerankJob *ApiClient::rerank(const RerankRequest &request)
{
    return post<RerankJob>(u"rerank"_s, request.toJson(), false);
}

SteeringConceptJob *ApiClient::createSteeringConcept(const CreateSteeringConceptRequest &request)
{
    return post<SteeringConceptJob>(u"steering_concepts"_s, request.toJson(), false);
}

RawJob *ApiClient::request(const QString &endpoint, const QJsonObject &body)
{
    const EndpointInfo *info = findEndpoint(endpoint);
    if (!info) {
        auto *job = new RawJob(
            m_nam, RequestSpec{endpoint, {}, "POST", {}, 0}, m_config.retry, nullptr, false, this);
        job->failLater(ApiError::make(ApiError::Kind::InvalidRequest,
            u"unknown endpoint \"%1\" (known: %2)"_s.arg(endpoint, endpointNames().join(u", "_s))));
        return job;
    }
    if (info->isGet) {
        auto *job = new RawJob(
            m_nam, makeSpec(endpoint, nullptr, false), m_config.retry, info, false, this);
        job->start();
        return job;
    }
    QString error;
    const std::optional<QJsonObject> typed = info->normalizeRequest(body, &error);
    if (!typed) {
        auto *job = new RawJob(
            m_nam, RequestSpec{endpoint, {}, "POST", {}, 0}, m_config.retry, info, false, this);
        job->failLater(ApiError::make(ApiError::Kind::InvalidRequest, error));
        return job;
    }
    const bool stream = typed->value(u"stream"_s).toBool();
    QJsonObject json = *typed;
    json.remove(u"stream"_s);
    auto *job
        = new RawJob(m_nam, makeSpec(endpoint, &json, stream), m_config.retry, info, stream, this);
    job->start();
    return job;
}

} // namespace core
