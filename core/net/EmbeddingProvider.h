// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/BatchEmbedder.h"
#include "core/net/Jobs.h"
#include "core/net/RetryPolicy.h"

#include <QUrl>

class QNetworkAccessManager;

namespace core {

class ApiClient;

/// One interface in front of every embeddings vendor, shaped like the seeds' LangChain classes
/// (reference/SEED-EMBEDDINGS.md): documents and queries are embedded separately, because
/// asymmetric models embed them differently. Both calls return a running EmbeddingBatchJob
/// (progress, cancel, vectors in input order).
class EmbeddingProvider : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    /// For people: "Aleph Alpha luminous-base (document/query)", "Gradient bge-large".
    virtual QString displayName() const = 0;
    /// Vectors for texts to be searched or mapped.
    virtual EmbeddingBatchJob *embedDocuments(const QStringList &texts) = 0;
    /// The vector of a search query, comparable with embedDocuments() vectors by cosine similarity.
    virtual EmbeddingBatchJob *embedQuery(const QString &text) = 0;
    /// Everything besides the text that decides a vector: service and host, model, representation
    /// and options, one line each. Equal scopes and texts give equal vectors, so EmbeddingCache
    /// keys on (scope, text). `query` picks the scope of embedQuery().
    virtual QString cacheScope(bool query) const = 0;
};

/// Settings of the Aleph Alpha semantic embeddings (LangChain AlephAlphaSymmetricSemanticEmbedding
/// and AlephAlphaAsymmetricSemanticEmbedding).
struct AlephAlphaEmbeddingSettings
{
    QString model = QStringLiteral("luminous-base");
    /// true: documents as "document" and queries as "query"; false: both "symmetric".
    bool asymmetric = true;
    std::optional<int> compressToSize; ///< 128, or unset for the full 5120 dimensions
    bool normalize = false;
    std::optional<double> contextualControlThreshold;
    bool controlLogAdditive = true;
    BatchOptions batch;
};

/// Aleph Alpha semantic embeddings through `/batch_semantic_embed` (BatchEmbedder): up to 100 texts
/// a request and several requests at once, where LangChain sends one `/semantic_embed` per text.
class AlephAlphaEmbeddingProvider : public EmbeddingProvider
{
    Q_OBJECT
public:
    /// `client` must outlive the provider; it carries host, token, hosting, nice and retries.
    AlephAlphaEmbeddingProvider(
        ApiClient *client, AlephAlphaEmbeddingSettings settings, QObject *parent = nullptr);
    const AlephAlphaEmbeddingSettings &settings() const { return m_settings; }
    QString displayName() const override;
    EmbeddingBatchJob *embedDocuments(const QStringList &texts) override;
    EmbeddingBatchJob *embedQuery(const QString &text) override;
    QString cacheScope(bool query) const override;
    /// The request options used for `representation`.
    SemanticEmbeddingOptions options(Representation representation) const;

private:
    EmbeddingBatchJob *run(const QStringList &texts, Representation representation);
    ApiClient *m_client;
    AlephAlphaEmbeddingSettings m_settings;
};

/// Settings of the Aleph Alpha OpenAI-style `/embeddings` endpoint (spec: EmbeddingV2Request).
struct AlephAlphaEmbeddingsV2Settings
{
    QString model; ///< a model with `embedding_task.supported`
    std::optional<int> dimensions; ///< ≥ 1; not every model supports it
    BatchOptions batch; ///< texts per request (≤ 100) and requests in flight
};

/// Aleph Alpha `/embeddings`: the same vectors for documents and queries (the endpoint has no
/// representation), texts sent `batch.chunkSize` to a request as an `input` list, vectors put back
/// in `index` order (base64 answers decoded).
class AlephAlphaEmbeddingsV2Provider : public EmbeddingProvider
{
    Q_OBJECT
public:
    AlephAlphaEmbeddingsV2Provider(
        ApiClient *client, AlephAlphaEmbeddingsV2Settings settings, QObject *parent = nullptr);
    const AlephAlphaEmbeddingsV2Settings &settings() const { return m_settings; }
    QString displayName() const override;
    EmbeddingBatchJob *embedDocuments(const QStringList &texts) override;
    EmbeddingBatchJob *embedQuery(const QString &text) override;
    QString cacheScope(bool query) const override;
    ApiClient *client() const { return m_client; }

private:
    ApiClient
        *m_client; // not owned; must outlive the provider (as for AlephAlphaEmbeddingProvider)
    AlephAlphaEmbeddingsV2Settings m_settings;
};

/// Settings of the Gradient embeddings API (LangChain GradientEmbeddings;
/// reference/SEED-EMBEDDINGS.md). The access token is held in memory only and sent as
/// `Authorization: Bearer`.
struct GradientEmbeddingSettings
{
    QUrl apiUrl = QUrl(QStringLiteral("https://api.gradient.ai/api")); ///< GRADIENT_API_URL
    QString workspaceId; ///< GRADIENT_WORKSPACE_ID → x-gradient-workspace-id
    QString accessToken; ///< GRADIENT_ACCESS_TOKEN
    QString model; ///< model slug, e.g. "bge-large" (required)
    /// Put in front of every query, joined by one space (documents are sent as they are).
    std::optional<QString> queryPromptForRetrieval;
    /// Texts per request ("micro-batches"; the service's limit is not published, so kept small).
    BatchOptions batch{32, 4};
    int transferTimeoutMs = 305000;
    RetryPolicy retry;
};

/// Gradient embeddings: `POST {api_url}/embeddings/{slug}` with `{"inputs": [{"input": ...}]}`,
/// answered by `{"embeddings": [{"embedding": [...], "index": i}]}` (vectors put back in index
/// order).
class GradientEmbeddingProvider : public EmbeddingProvider
{
    Q_OBJECT
public:
    /// `nam` is not owned and must outlive the provider.
    GradientEmbeddingProvider(
        QNetworkAccessManager *nam, GradientEmbeddingSettings settings, QObject *parent = nullptr);
    const GradientEmbeddingSettings &settings() const { return m_settings; }
    QString displayName() const override;
    EmbeddingBatchJob *embedDocuments(const QStringList &texts) override;
    EmbeddingBatchJob *embedQuery(const QString &text) override;
    QString cacheScope(bool query) const override;
    /// {api_url}/embeddings/{slug}
    QUrl embeddingsUrl() const;
    /// One request for `texts` (at most batch.chunkSize); used by the batch job, started.
    GradientEmbeddingsJob *embedChunk(const QStringList &texts);

private:
    EmbeddingBatchJob *run(const QStringList &texts);
    QNetworkAccessManager *m_nam;
    GradientEmbeddingSettings m_settings;
};

} // namespace core
