// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Json.h"

#include <optional>

namespace core {

/// Body of `POST /tokenize` (spec: TokenizationRequest). All four fields are required; the prompt
/// is a plain string, never multimodal.
struct TokenizationRequest
{
    QString model;
    QString prompt;
    bool tokens = true;   ///< return the token strings (byte-level form, e.g. "Ġhello")
    bool tokenIds = true; ///< "token_ids": return the ids
    QJsonObject extra;
    QJsonObject toJson() const;
    static std::optional<TokenizationRequest> fromJson(const QJsonObject &json, QString *error);
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// Response of `POST /tokenize` (spec: TokenizationResponse).
struct TokenizationResponse
{
    std::optional<QStringList> tokens;
    std::optional<QList<qint64>> tokenIds;
    QJsonObject extra;
    QJsonObject toJson() const;
    static std::optional<TokenizationResponse> fromJson(const QJsonObject &json, QString *error);
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// Body of `POST /detokenize` (spec: DetokenizationRequest).
struct DetokenizationRequest
{
    QString model;
    QList<qint64> tokenIds;
    QJsonObject extra;
    QJsonObject toJson() const;
    static std::optional<DetokenizationRequest> fromJson(const QJsonObject &json, QString *error);
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// Response of `POST /detokenize` (spec: DetokenizationResponse): `{result: "<text>"}`.
struct DetokenizationResponse
{
    QString result;
    QJsonObject extra;
    QJsonObject toJson() const;
    static std::optional<DetokenizationResponse> fromJson(const QJsonObject &json, QString *error);
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

} // namespace core
