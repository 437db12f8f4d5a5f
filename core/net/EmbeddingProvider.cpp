// SPDX-License-Identifier: MIT
#include "core/net/EmbeddingProvider.h"

#include "core/net/ApiClient.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace core {

AlephAlphaEmbeddingProvider::AlephAlphaEmbeddingProvider(ApiClient *client,
                                                         AlephAlphaEmbeddingSettings settings,
                                                         QObject *parent)
    : EmbeddingProvider(parent)
    , m_client(client)
    , m_settings(std::move(settings))
{
}

QString AlephAlphaEmbeddingProvider::displayName() const
{
    return u"Aleph Alpha %1 (%2)"_s.arg(m_settings.model,
                                        m_settings.asymmetric ? u"document/query"_s : u"symmetric"_s);
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

EmbeddingBatchJob *AlephAlphaEmbeddingProvider::run(const QStringList &texts, Representation representation)
{
    QList<Prompt> prompts;
    prompts.reserve(texts.size());
    for (const QString &text : texts)
        prompts.append(Prompt::fromText(text));
    return new BatchEmbedder(m_client, options(representation), std::move(prompts), m_settings.batch, this);
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
            failLater(ApiError::make(ApiError::Kind::InvalidRequest, u"Gradient: no model slug set"_s));
        else if (s.workspaceId.isEmpty())
            failLater(ApiError::make(ApiError::Kind::InvalidRequest, u"Gradient: no workspace id set"_s));
        else if (s.batch.chunkSize < 1 || s.batch.maxInFlight < 1)
            failLater(ApiError::make(ApiError::Kind::InvalidRequest, u"Gradient: batch size and requests in flight must be at least 1"_s));
        else
            start();
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

GradientEmbeddingProvider::GradientEmbeddingProvider(QNetworkAccessManager *nam,
                                                     GradientEmbeddingSettings settings,
                                                     QObject *parent)
    : EmbeddingProvider(parent)
    , m_nam(nam)
    , m_settings(std::move(settings))
{
}

QString GradientEmbeddingProvider::displayName() const
{
    return u"Gradient "_s + m_settings.model;
}

QUrl GradientEmbeddingProvider::embeddingsUrl() const
{
    QString base = m_settings.apiUrl.toString();
    if (!base.endsWith(u'/'))
        base += u'/';
    return QUrl(base + u"embeddings/"_s + QString::fromLatin1(QUrl::toPercentEncoding(m_settings.model)));
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
    spec.body = QJsonDocument(GradientEmbeddingsRequest::fromTexts(texts).toJson()).toJson(QJsonDocument::Compact);
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
