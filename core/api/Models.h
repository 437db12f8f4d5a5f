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
    std::optional<QString> status;           ///< "available" | "unavailable"
    std::optional<QString> description;
    std::optional<bool> multimodal;          ///< image prompt items allowed
    std::optional<double> maxContextSize;    ///< "max_context_size", tokens
    std::optional<bool> semanticEmbedding;   ///< legacy flag
    std::optional<QString> completionType;   ///< "none" | "full": whether /complete works
    std::optional<QString> embeddingType;    ///< "none" | "raw" | "semantic" | "instructable"
    std::optional<bool> aligned;
    std::optional<bool> chat;                ///< whether /chat/completions works
    std::optional<QString> promptTemplate;
    std::optional<double> maximumCompletionTokens;
    std::optional<QString> modelCard;        ///< URI
    QJsonObject extra;

    bool supportsCompletion() const { return completionType.value_or(QString()) == QLatin1String("full"); }
    bool supportsChat() const { return chat.value_or(false); }

    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// Response of `GET /model-settings`: a JSON array of ModelSettings.
struct ModelSettingsResponse
{
    QList<ModelSettings> models;
    QJsonArray toJson() const;
    static std::optional<ModelSettingsResponse> fromJson(const QJsonValue &json, QString *error);
};

} // namespace core
