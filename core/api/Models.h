// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Json.h"

#include <optional>

namespace core {

/// One model of `GET /model-settings` (spec: the path's inline item schema;
/// reference/API-ENDPOINTS.md §7). Only models visible to the caller are listed.
struct ModelSettings
{
    QString name;
    std::optional<QString> status; ///< "available" | "unavailable"
    std::optional<QString> description;
    std::optional<bool> multimodal; ///< image prompt items allowed
    std::optional<double> maxContextSize; ///< "max_context_size", tokens
    std::optional<bool> semanticEmbedding; ///< legacy flag
    std::optional<QString> completionType; ///< "none" | "full": whether /complete works
    std::optional<QString> embeddingType; ///< "none" | "raw" | "semantic" | "instructable"
    std::optional<bool> aligned;
    std::optional<bool> chat; ///< whether /chat/completions works
    std::optional<QString> promptTemplate;
    std::optional<double> maximumCompletionTokens;
    std::optional<QString> modelCard; ///< URI
    QJsonObject extra;

    bool supportsCompletion() const
    {
        return completionType.value_or(QString()) == QLatin1String("full");
    }
    bool supportsChat() const { return chat.value_or(false); }
    /// Whether /semantic_embed and /batch_semantic_embed work: `embedding_type` "semantic", or
    /// the legacy `semantic_embedding` flag.
    bool supportsSemanticEmbedding() const
    {
        return embeddingType.value_or(QString()) == QLatin1String("semantic")
            || semanticEmbedding.value_or(false);
    }

    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// The model to embed with when the user named none: `preferred` when `models` (from
/// `GET /model-settings`) lists it with semantic embeddings, else the first model that has them,
/// else `preferred` (an empty list: the connection's models are unknown).
QString semanticEmbeddingModel(
    const QList<ModelSettings> &models, const QString &preferred = QStringLiteral("luminous-base"));

/// Response of `GET /model-settings`: a JSON array of ModelSettings.
struct ModelSettingsResponse
{
    QList<ModelSettings> models;
    QJsonArray toJson() const;
    static std::optional<ModelSettingsResponse> fromJson(const QJsonValue &json, QString *error);
};

/// One model of `GET /models_available` (deprecated). The spec lists name, description and
/// hostings; the real service also sends the other fields here (reference/CLIENT-SEMANTICS.md
/// §5.13, the official client's recordings). Any other key stays in `extra`.
struct ModelAvailable
{
    QString name;
    std::optional<QString> description;
    std::optional<QStringList> hostings; ///< e.g. ["aleph-alpha"]
    std::optional<qint64> maxContextSize; ///< "max_context_size", tokens of prompt + completion
    std::optional<bool> imageSupport; ///< "image_support": image items in prompts
    std::optional<bool> qaSupport; ///< "qa_support" (the Q&A endpoint was removed: false)
    std::optional<bool> summarizationSupport; ///< "summarization_support" (removed likewise)
    std::optional<QStringList>
        embeddingTypes; ///< "embedding_types"; empty when the model does not embed
    std::optional<qint64>
        maximumCompletionTokens; ///< "maximum_completion_tokens"; null (unset) = no own limit
    std::optional<bool> aligned; ///< tuned to follow instructions
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// Response of `GET /models_available`: a JSON array of ModelAvailable.
struct ModelsAvailableResponse
{
    QList<ModelAvailable> models;
    QJsonArray toJson() const;
    static std::optional<ModelsAvailableResponse> fromJson(const QJsonValue &json, QString *error);
};

/// Response of `GET /users/me` (spec: UserDetail): who the token belongs to. Backs "Test
/// connection". `credits_remaining`, `invoice_allowed` and `out_of_credits_threshold` are legacy
/// constants; a server may leave them out.
struct UserDetail : json::ResponseBody<UserDetail>
{
    static constexpr QLatin1String kRoot{"users/me response"};
    double id = 0;
    QString email;
    std::optional<QString> role;
    std::optional<double> creditsRemaining;
    std::optional<bool> invoiceAllowed;
    std::optional<qint64> outOfCreditsThreshold;
    std::optional<QString> termsOfServiceVersion;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// `GET /version`: the deployed API version, plain text such as "1.0.0" (trailing whitespace
/// removed).
struct VersionResponse
{
    QString version;
};

} // namespace core
