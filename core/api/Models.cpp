// SPDX-License-Identifier: MIT
#include "core/api/Models.h"

using namespace Qt::StringLiterals;

namespace core {

void ModelSettings::read(json::Reader &r)
{
    r.required(u"name"_s, name);
    r.optional(u"status"_s, status);
    r.optional(u"description"_s, description);
    r.optional(u"multimodal"_s, multimodal);
    r.optional(u"max_context_size"_s, maxContextSize);
    r.optional(u"semantic_embedding"_s, semanticEmbedding);
    r.optional(u"completion_type"_s, completionType);
    r.optional(u"embedding_type"_s, embeddingType);
    r.optional(u"aligned"_s, aligned);
    r.optional(u"chat"_s, chat);
    r.optional(u"prompt_template"_s, promptTemplate);
    r.optional(u"maximum_completion_tokens"_s, maximumCompletionTokens);
    r.optional(u"model_card"_s, modelCard);
}

void ModelSettings::write(json::Writer &w) const
{
    w.put(u"name"_s, name);
    w.put(u"status"_s, status);
    w.put(u"description"_s, description);
    w.put(u"multimodal"_s, multimodal);
    w.put(u"max_context_size"_s, maxContextSize);
    w.put(u"semantic_embedding"_s, semanticEmbedding);
    w.put(u"completion_type"_s, completionType);
    w.put(u"embedding_type"_s, embeddingType);
    w.put(u"aligned"_s, aligned);
    w.put(u"chat"_s, chat);
    w.put(u"prompt_template"_s, promptTemplate);
    w.put(u"maximum_completion_tokens"_s, maximumCompletionTokens);
    w.put(u"model_card"_s, modelCard);
}

QJsonArray ModelSettingsResponse::toJson() const
{
    return json::toValue(models).toArray();
}

QString semanticEmbeddingModel(const QList<ModelSettings> &models, const QString &preferred)
{
    const ModelSettings *first = nullptr;
    for (const ModelSettings &m : models) {
        if (!m.supportsSemanticEmbedding())
            continue;
        if (m.name == preferred)
            return preferred;
        if (!first)
            first = &m;
    }
    return first ? first->name : preferred;
}

std::optional<ModelSettingsResponse> ModelSettingsResponse::fromJson(
    const QJsonValue &json, QString *error)
{
    auto models = json::parseList<ModelSettings>(
        json, u"model-settings response"_s, json::Mode::Lenient, error);
    if (!models)
        return std::nullopt;
    return ModelSettingsResponse{std::move(*models)};
}

void ModelAvailable::read(json::Reader &r)
{
    r.required(u"name"_s, name);
    r.optional(u"description"_s, description);
    r.optional(u"hostings"_s, hostings);
    r.optional(u"max_context_size"_s, maxContextSize);
    r.optional(u"image_support"_s, imageSupport);
    r.optional(u"qa_support"_s, qaSupport);
    r.optional(u"summarization_support"_s, summarizationSupport);
    r.optional(u"embedding_types"_s, embeddingTypes);
    r.optional(u"maximum_completion_tokens"_s, maximumCompletionTokens);
    r.optional(u"aligned"_s, aligned);
}

void ModelAvailable::write(json::Writer &w) const
{
    w.put(u"name"_s, name);
    w.put(u"description"_s, description);
    w.put(u"hostings"_s, hostings);
    w.put(u"max_context_size"_s, maxContextSize);
    w.put(u"image_support"_s, imageSupport);
    w.put(u"qa_support"_s, qaSupport);
    w.put(u"summarization_support"_s, summarizationSupport);
    w.put(u"embedding_types"_s, embeddingTypes);
    w.put(u"maximum_completion_tokens"_s, maximumCompletionTokens);
    w.put(u"aligned"_s, aligned);
}

QJsonArray ModelsAvailableResponse::toJson() const
{
    return json::toValue(models).toArray();
}

std::optional<ModelsAvailableResponse> ModelsAvailableResponse::fromJson(
    const QJsonValue &json, QString *error)
{
    auto models = json::parseList<ModelAvailable>(
        json, u"models_available response"_s, json::Mode::Lenient, error);
    if (!models)
        return std::nullopt;
    return ModelsAvailableResponse{std::move(*models)};
}

void UserDetail::read(json::Reader &r)
{
    r.required(u"id"_s, id);
    r.required(u"email"_s, email);
    r.optional(u"role"_s, role);
    r.optional(u"credits_remaining"_s, creditsRemaining);
    r.optional(u"invoice_allowed"_s, invoiceAllowed);
    r.optional(u"out_of_credits_threshold"_s, outOfCreditsThreshold);
    r.optional(u"terms_of_service_version"_s, termsOfServiceVersion);
}

void UserDetail::write(json::Writer &w) const
{
    w.put(u"id"_s, id);
    w.put(u"email"_s, email);
    w.put(u"role"_s, role);
    w.put(u"credits_remaining"_s, creditsRemaining);
    w.put(u"invoice_allowed"_s, invoiceAllowed);
    w.put(u"out_of_credits_threshold"_s, outOfCreditsThreshold);
    w.put(u"terms_of_service_version"_s, termsOfServiceVersion);
}

} // namespace core
