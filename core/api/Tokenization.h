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
    bool tokens = true; ///< return the token strings (byte-level form, e.g. "Ġhello")
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
    /// The same from a simdjson document (core/api/FastJson.h).
    static std::optional<TokenizationResponse> fromElement(
        const json::Element &json, QString *error);
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

/// Response of `GET /models/{modelName}/tokenizer` (spec: getModelTokenizer, "a representation of
/// the tokenizer that was used to train that model"; the spec leaves it an open object). The real
/// service and the sandbox answer a Hugging Face `tokenizers` file (tokenizer.json), which the
/// official client hands to `Tokenizer.from_str` (reference/CLIENT-SEMANTICS.md §4): `version`,
/// `truncation`, `padding`, `added_tokens`, `normalizer`, `pre_tokenizer`, `post_processor`,
/// `decoder` and `model`. Read leniently, as the spec's open object: `version` must be a string
/// and `model` an object when present; every other key is kept in `extra`, so toJson() gives the
/// file back as it came (a real vocabulary is several MB).
struct ModelTokenizerResponse : json::ResponseBody<ModelTokenizerResponse>
{
    static constexpr QLatin1String kRoot{"tokenizer response"};
    std::optional<QString> version; ///< the file format, "1.0"
    std::optional<QJsonObject>
        model; ///< `type` ("BPE", "WordPiece", "Unigram", "WordLevel"), `vocab`...
    QJsonObject extra;

    /// model.type, e.g. "BPE"; empty without a model.
    QString modelType() const;
    /// Entries of model.vocab (an object of token → id, or Unigram's list of [token, score]), plus
    /// the added tokens whose ids are not in it; 0 when there is none.
    qsizetype vocabularySize() const;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

} // namespace core
