// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/Jobs.h"
#include "core/net/RawJob.h"
#include "core/net/RetryPolicy.h"
#include "core/settings/Preferences.h"

#include <QNetworkProxy>
#include <QObject>
#include <QSslCertificate>
#include <QUrl>

class QNetworkAccessManager;

namespace core {

/// How to reach the API. The token is held in memory only (never written anywhere by core).
struct ClientConfig
{
    QUrl baseUrl = defaults::baseUrl();
    QString token; ///< sent as `Authorization: Bearer <token>`
    std::optional<QString> hosting; ///< "aleph-alpha": only Aleph Alpha's datacenters
    bool nice = false; ///< `?nice=true` on POSTs of endpoints that accept it
    int transferTimeoutMs = defaults::kTimeoutSeconds
        * 1000; ///< no data for this long ends the attempt (server stops at 300 s)
    RetryPolicy retry;
    /// Certificates trusted besides the system's (a profile's CA bundle, a self-signed server).
    QList<QSslCertificate> caCertificates;
    /// TLS peer verification. Off only when a profile explicitly says so (the UI shows a warning
    /// badge); then any certificate is accepted.
    bool verifyPeer = true;
    /// An explicit proxy for every request. Unset: the system's and the environment's proxy
    /// settings (QNetworkProxyFactory::setUseSystemConfiguration, set in main()).
    std::optional<QNetworkProxy> proxy;
    /// More headers sent with every request (e.g. `X-Sandbox-Fault` against the sandbox). Never
    /// put the token here: it belongs in `token`.
    QList<QPair<QByteArray, QByteArray>> extraHeaders;
    /// Which server this is, for what is kept per server (the embedding cache's scope, where a
    /// steering concept was made). Empty: the base URL. The app's offline sandbox sets
    /// "aleph-sandbox:offline", so that its new port at each launch does not make it a new server.
    QString serverId;
    /// The most bytes one answer may have (body, error body, or a whole stream); 8 times as much
    /// for the embedding endpoints, whose answers are large by design. More is a malformed answer.
    qint64 maximumResponseBytes = 64ll << 20;
    /// `serverId`, or the base URL when it is empty.
    QString serverKey() const { return serverId.isEmpty() ? baseUrl.toString() : serverId; }
};

/// The one client of the inference API. Each call returns a job parented to the client that
/// runs by itself; connect to ApiJob::finished() (it never fires inside the call).
/// URL = base URL + "/" + endpoint name (reference/CLIENT-SEMANTICS.md §1.1). Headers:
/// Authorization (when a token is set), `User-Agent: aleph-playground/<version>`,
/// `Content-Type: application/json`; streams also send `Accept: text/event-stream`.
class ApiClient : public QObject
{
    Q_OBJECT
public:
    /// `nam` is not owned and must outlive the client.
    ApiClient(QNetworkAccessManager *nam, ClientConfig config, QObject *parent = nullptr);

    const ClientConfig &config() const { return m_config; }
    /// The network access manager the client sends through (not owned), for other services
    /// (Gradient) that should share its connections and proxy settings.
    QNetworkAccessManager *networkAccessManager() const { return m_nam; }
    /// Replaces the connection settings for the jobs started from now on (running jobs keep
    /// theirs).
    void setConfig(const ClientConfig &config);
    /// base URL + "/" + endpoint, e.g. https://host/v1 + complete → https://host/v1/complete
    QUrl endpointUrl(const QString &endpoint) const;
    /// The same rule for any base URL (View code uses it).
    static QUrl endpointUrl(const QUrl &baseUrl, const QString &endpoint);
    static QByteArray userAgent();

    /// POST /complete. `stream` is cleared: use completeStreaming() for SSE.
    CompletionJob *complete(CompletionRequest request);
    /// POST /complete with "stream": true.
    CompletionStreamJob *completeStreaming(CompletionRequest request);
    /// POST /chat/completions.
    ChatJob *chat(ChatRequest request);
    /// POST /chat/completions with "stream": true.
    ChatStreamJob *chatStreaming(ChatRequest request);
    /// POST /tokenize.
    TokenizationJob *tokenize(const TokenizationRequest &request);
    /// POST /detokenize.
    DetokenizationJob *detokenize(const DetokenizationRequest &request);
    /// GET /model-settings: the models visible to this token, with their capabilities.
    ModelSettingsJob *modelSettings();
    /// GET /models_available (deprecated): name, description and hostings of each model.
    ModelsAvailableJob *modelsAvailable();
    /// GET /users/me: who the token belongs to ("Test connection"). 401 means a bad token.
    UserDetailJob *usersMe();
    /// GET /version: the deployed API version as text. Needs no token.
    VersionJob *version();
    /// GET /models/{modelName}/tokenizer: `model`'s tokenizer as a Hugging Face tokenizer.json
    /// (several MB for a real vocabulary). 404 or 400 for a model the server does not have.
    ModelTokenizerJob *modelTokenizer(const QString &model);

    /// POST /explain: attribution scores of prompt parts for `target` (heatmaps).
    ExplanationJob *explain(const ExplanationRequest &request);
    /// POST /evaluate: likelihood metrics of an expected completion.
    EvaluationJob *evaluate(const EvaluationRequest &request);
    /// POST /embed (deprecated): per-layer pooled embeddings.
    EmbeddingJob *embed(const EmbeddingRequest &request);
    /// POST /semantic_embed: one vector for one prompt.
    SemanticEmbeddingJob *semanticEmbed(const SemanticEmbeddingRequest &request);
    /// POST /batch_semantic_embed: one request of at most kMaxPromptsPerBatch prompts (more fail
    /// the job with Kind::InvalidRequest before sending). BatchEmbedder handles any number.
    BatchSemanticEmbeddingJob *batchSemanticEmbed(const BatchSemanticEmbeddingRequest &request);
    /// POST /instructable_embed: a vector guided by an instruction.
    SemanticEmbeddingJob *instructableEmbed(const InstructableEmbeddingRequest &request);
    /// POST /embeddings: the OpenAI-style endpoint.
    EmbeddingV2Job *embeddings(const EmbeddingV2Request &request);
    /// POST /translate.
    TranslationJob *translate(const TranslationRequest &request);
    /// POST /rerank.
    RerankJob *rerank(const RerankRequest &request);
    /// POST /steering_concepts (BETA): answers 201 with the concept's id.
    SteeringConceptJob *createSteeringConcept(const CreateSteeringConceptRequest &request);

    /// Any endpoint of endpointNames() with a body in the API's JSON format. The body goes through
    /// the typed request first; an invalid body fails the job (Kind::InvalidRequest) without
    /// sending anything. A body with `"stream": true` is read as a stream.
    RawJob *request(const QString &endpoint, const QJsonObject &body = {});

Q_SIGNALS:
    /// setConfig() was called (a profile switch): tabs refresh their model lists.
    void configChanged();

private:
    void applyProxy();
    RequestSpec makeSpec(const QString &endpoint, const QJsonObject *body, bool stream) const;
    template<class Job>
    Job *post(const QString &endpoint, QJsonObject body, bool stream);
    template<class Job>
    Job *get(const QString &endpoint);

    QNetworkAccessManager *m_nam; // not owned
    ClientConfig m_config;
};

} // namespace core
