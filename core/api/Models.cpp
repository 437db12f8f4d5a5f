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

std::optional<ModelSettingsResponse> ModelSettingsResponse::fromJson(const QJsonValue &json,
                                                                     QString *error)
{
    QString message;
    ModelSettingsResponse out;
    const json::Context c{u"model-settings response"_s, QString(), json::Mode::Lenient, &message};
    if (!json::read(json, out.models, c)) {
        if (error)
            *error = message;
        return std::nullopt;
    }
    return out;
}

} // namespace core
