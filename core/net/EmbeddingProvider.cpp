// SPDX-License-Identifier: MIT
#include "core/net/EmbeddingProvider.h"

#include "core/net/ApiClient.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace core {

AlephAlphaEmbeddingProvider::AlephAlphaEmbeddingProvider(
    ApiClient *client, AlephAlphaEmbeddingSettings settings, QObject *parent)
    : EmbeddingProvider(parent)
    , m_client(client)
    , m_settings(std::move(settings))
{}

QString AlephAlphaEmbeddingProvider::displayName() const
{
    return u"Aleph Alpha %1 (%2)"_s.arg(
        m_settings.model, m_settings.asymmetric ? u"document/query"_s : u"symmetric"_s);
}

QString AlephAlphaEmbeddingProvider::cacheScope(bool query) const
{
    const SemanticEmbeddingOptions o
        = options(m_settings.asymmetric ? (query ? Representation::Query : Representation::Document)
                                        : Representation::Symmetric);
    return QStringList{u"aleph-alpha semantic_embed"_s,
        m_client ? m_client->config().serverKey() : QString(),
        m_settings.model,
        toString(o.representation),
        u"compress_to_size=%1"_s.arg(o.compressToSize.value_or(0)),
        u"normalize=%1"_s.arg(o.normalize.value_or(false)),
        u"contextual_control_threshold=%1"_s.arg(o.contextualControlThreshold
                ? QString::number(*o.contextualControlThreshold, 'g', 17)
                : u"none"_s),
        u"control_log_additive=%1"_s.arg(o.controlLogAdditive.value_or(true))}
        .join(u'\n');
}

SemanticEmbeddingOptions AlephAlphaEmbeddingProvider::options(Representation representation) const
{
    SemanticEmbeddingOptions o;
    o.model = m_settings.model;
    o.representation = representation;
    o.compressToSize = m_settings.compressToSize;
    o.normalize = m_settings.normalize;
    o.contextualControlThreshold = m_settings.contextualControlThreshold;
    o.controlLogAdditive = m_settings.controlLogAdditive;
    return o;
}

EmbeddingBatchJob *AlephAlphaEmbeddingProvider::run(
    const QStringList &texts, Representation representation)
{
    return BatchEmbedder::ofTexts(m_client, options(representation), texts, m_settings.batch, this);
}

EmbeddingBatchJob *AlephAlphaEmbeddingProvider::embedDocuments(const QStringList &texts)
{
    return run(texts, m_settings.asymmetric ? Representation::Document : Representation::Symmetric);
}

EmbeddingBatchJob *AlephAlphaEmbeddingProvider::embedQuery(const QString &text)
{
    return run({text}, m_settings.asymmetric ? Representation::Query : Representation::Symmetric);
}

namespace {

/// `/embeddings` chunks: one request per slice of the texts.
class EmbeddingsV2BatchJob : public EmbeddingBatchJob
{
public:
    EmbeddingsV2BatchJob(
        AlephAlphaEmbeddingsV2Provider *provider, QStringList texts, QObject *parent)
        : EmbeddingBatchJob(int(texts.size()), provider->settings().batch, parent)
        , m_provider(provider)
        , m_texts(std::move(texts))
    {
        const AlephAlphaEmbeddingsV2Settings &s = provider->settings();
        if (s.model.isEmpty())
            failLater(
                ApiError::make(ApiError::Kind::InvalidRequest, u"/embeddings: no model chosen"_s));
        else if (s.batch.chunkSize < 1 || s.batch.chunkSize > kMaxPromptsPerBatch
            || s.batch.maxInFlight < 1)
            failLater(ApiError::make(ApiError::Kind::InvalidRequest,
                u"/embeddings: texts per request must be 1..%1 and requests in flight at least 1"_s
                    .arg(kMaxPromptsPerBatch)));
        else if (s.dimensions && *s.dimensions < 1)
            failLater(ApiError::make(
                ApiError::Kind::InvalidRequest, u"/embeddings: dimensions must be at least 1"_s));
    }

protected:
    ApiJob *sendChunk(int begin, int end) override
    {
        if (!m_provider || !m_provider->client())
            return nullptr;
        EmbeddingV2Request request;
        request.model = m_provider->settings().model;
        request.dimensions = m_provider->settings().dimensions;
        request.input = EmbeddingV2Input::fromTexts(m_texts.mid(begin, end - begin));
        return m_provider->client()->embeddings(request);
    }

    bool readChunk(ApiJob *job, int begin, int end, ChunkResult *result, ApiError *error) override
    {
        const EmbeddingV2Response &response = static_cast<EmbeddingV2Job *>(job)->result();
        const int count = end - begin;
        QList<Embedding> ordered(count);
        QList<bool> seen(count, false);
        for (const EmbeddingV2Data &d : response.data) {
            if (d.index < 0 || d.index >= count || seen.at(d.index)) {
                *error = ApiError::make(ApiError::Kind::MalformedResponse,
                    u"embeddings response: index %1 is repeated or outside 0..%2"_s.arg(d.index)
                        .arg(count - 1));
                return false;
            }
            seen[d.index] = true;
            ordered[d.index] = d.vector();
            if (ordered[d.index].isEmpty()) {
                *error = ApiError::make(ApiError::Kind::MalformedResponse,
                    u"embeddings response: vector %1 is empty or not whole float32 values"_s.arg(
                        d.index));
                return false;
            }
        }
        result->embeddings
            = std::move(ordered); // a missing index leaves the count short: caught by the batch
        if (response.data.size() != count)
            result->embeddings.resize(response.data.size());
        result->tokens = response.usage ? response.usage->promptTokens : 0;
        result->modelVersion = response.model.value_or(QString());
        return true;
    }

private:
    QPointer<AlephAlphaEmbeddingsV2Provider> m_provider;
    QStringList m_texts;
};

/// Gradient's chunks: one embeddings request per slice of the texts.
class GradientBatchJob : public EmbeddingBatchJob
{
public:
    GradientBatchJob(GradientEmbeddingProvider *provider, QStringList texts, QObject *parent)
        : EmbeddingBatchJob(int(texts.size()), provider->settings().batch, parent)
        , m_provider(provider)
        , m_texts(std::move(texts))
    {
        const GradientEmbeddingSettings &s = provider->settings();
        if (s.model.isEmpty())
            failLater(
                ApiError::make(ApiError::Kind::InvalidRequest, u"Gradient: no model slug set"_s));
        else if (s.workspaceId.isEmpty())
            failLater(
                ApiError::make(ApiError::Kind::InvalidRequest, u"Gradient: no workspace id set"_s));
        else if (s.batch.chunkSize < 1 || s.batch.maxInFlight < 1)
            failLater(ApiError::make(ApiError::Kind::InvalidRequest,
                u"Gradient: batch size and requests in flight must be at least 1"_s));
    }

protected:
    ApiJob *sendChunk(int begin, int end) override
    {
        if (!m_provider)
            return nullptr;
        return m_provider->embedChunk(m_texts.mid(begin, end - begin));
    }

    bool readChunk(ApiJob *job, int begin, int end, ChunkResult *result, ApiError *error) override
    {
        QString message;
        std::optional<QList<Embedding>> ordered
            = static_cast<GradientEmbeddingsJob *>(job)->result().inOrder(end - begin, &message);
        if (!ordered) {
            *error = ApiError::make(ApiError::Kind::MalformedResponse, message);
            return false;
        }
        result->embeddings = std::move(*ordered);
        return true;
    }

private:
    QPointer<GradientEmbeddingProvider> m_provider;
    QStringList m_texts;
};

} // namespace

AlephAlphaEmbeddingsV2Provider::AlephAlphaEmbeddingsV2Provider(
    ApiClient *client, AlephAlphaEmbeddingsV2Settings settings, QObject *parent)
    : EmbeddingProvider(parent)
    , m_client(client)
    , m_settings(std::move(settings))
{}

QString AlephAlphaEmbeddingsV2Provider::displayName() const
{
    return u"Aleph Alpha %1 (/embeddings)"_s.arg(m_settings.model);
}

EmbeddingBatchJob *AlephAlphaEmbeddingsV2Provider::embedDocuments(const QStringList &texts)
{
    return new EmbeddingsV2BatchJob(this, texts, this);
}

EmbeddingBatchJob *AlephAlphaEmbeddingsV2Provider::embedQuery(const QString &text)
{
    return new EmbeddingsV2BatchJob(this, {text}, this);
}

QString AlephAlphaEmbeddingsV2Provider::cacheScope(bool) const
{
    return QStringList{u"aleph-alpha embeddings"_s,
        m_client ? m_client->config().serverKey() : QString(),
        m_settings.model,
        u"dimensions=%1"_s.arg(m_settings.dimensions.value_or(0))}
        .join(u'\n');
}

GradientEmbeddingProvider::GradientEmbeddingProvider(
    QNetworkAccessManager *nam, GradientEmbeddingSettings settings, QObject *parent)
    : EmbeddingProvider(parent)
    , m_nam(nam)
    , m_settings(std::move(settings))
{}

QString GradientEmbeddingProvider::displayName() const
{
    return u"Gradient "_s + m_settings.model;
}

QString GradientEmbeddingProvider::cacheScope(bool query) const
{
    // The query prefix is part of the text sent, so it is part of the scope of queries.
    return QStringList{u"gradient embeddings"_s,
        m_settings.apiUrl.toString(),
        m_settings.workspaceId,
        m_settings.model,
        query && m_settings.queryPromptForRetrieval
            ? u"query prefix="_s + *m_settings.queryPromptForRetrieval
            : QString()}
        .join(u'\n');
}

QUrl GradientEmbeddingProvider::embeddingsUrl() const
{
    QString base = m_settings.apiUrl.toString();
    if (!base.endsWith(u'/'))
        base += u'/';
    return QUrl(
        base + u"embeddings/"_s + QString::fromLatin1(QUrl::toPercentEncoding(m_settings.model)));
}

GradientEmbeddingsJob *GradientEmbeddingProvider::embedChunk(const QStringList &texts)
{
    RequestSpec spec;
    spec.endpoint = u"gradient embeddings"_s;
    spec.transferTimeoutMs = m_settings.transferTimeoutMs;
    QNetworkRequest request(embeddingsUrl());
    request.setHeader(QNetworkRequest::UserAgentHeader, ApiClient::userAgent());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept", "application/json");
    if (!m_settings.accessToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_settings.accessToken.toUtf8());
    request.setRawHeader("x-gradient-workspace-id", m_settings.workspaceId.toUtf8());
    spec.request = request;
    spec.body = QJsonDocument(GradientEmbeddingsRequest::fromTexts(texts).toJson())
                    .toJson(QJsonDocument::Compact);
    auto *job = new GradientEmbeddingsJob(m_nam, spec, m_settings.retry, this);
    job->start();
    return job;
}

EmbeddingBatchJob *GradientEmbeddingProvider::run(const QStringList &texts)
{
    return new GradientBatchJob(this, texts, this);
}

EmbeddingBatchJob *GradientEmbeddingProvider::embedDocuments(const QStringList &texts)
{
    return run(texts);
}

EmbeddingBatchJob *GradientEmbeddingProvider::embedQuery(const QString &text)
{
    const QString prompt = m_settings.queryPromptForRetrieval
        ? *m_settings.queryPromptForRetrieval + u' ' + text
        : text;
    return run({prompt});
}

} // namespace core
