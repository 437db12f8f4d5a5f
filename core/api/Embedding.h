// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Prompt.h"

#include <QMap>

#include <optional>

/// Requests and responses of the embedding endpoints (reference/API-ENDPOINTS.md §3):
/// `/semantic_embed`, `/batch_semantic_embed`, `/instructable_embed`, `/embed` (deprecated) and the
/// OpenAI-style `/embeddings`. Vectors are `QList<float>`: the spec declares `format: float`, and
/// single precision halves the memory of a large batch. toJson() writes each float as the shortest
/// decimal that reads back the same, which is what the server prints, so a recorded answer
/// round-trips exactly.
namespace core {

using Embedding = QList<float>;

/// `representation` of semantic embeddings. Symmetric embeddings compare with symmetric ones only
/// (clustering, classification); Document and Query are an asymmetric pair for search.
enum class Representation { Symmetric, Document, Query };
QString toString(Representation representation); ///< "symmetric" | "document" | "query"
std::optional<Representation> representationFromString(const QString &name);
QJsonValue toValue(Representation representation);
namespace json {
bool read(const QJsonValue &v, Representation &out, const Context &c);
} // namespace json

/// The `compress_to_size` values the API accepts: 128 (the default, unset, is the model's full
/// size, 5120 for luminous-base).
inline constexpr int kCompressedEmbeddingSize = 128;
/// The most prompts one `/batch_semantic_embed` request may carry.
inline constexpr int kMaxPromptsPerBatch = 100;

/// The options shared by `/semantic_embed` and `/batch_semantic_embed` (spec:
/// SemanticEmbeddingRequest, BatchSemanticEmbeddingRequest); every chunk of a batch copies them.
/// The spec leaves `model` optional; the official client always sends it.
struct SemanticEmbeddingOptions : ControlOptions
{
    std::optional<QString> model;
    std::optional<QString> hosting; ///< "aleph-alpha" or unset
    Representation representation = Representation::Symmetric;
    std::optional<int> compressToSize; ///< "compress_to_size": 128 or unset (full size)
    std::optional<bool> normalize; ///< unit-length vectors; server default false
    void readOptions(json::Reader &r);
    void writeOptions(json::Writer &w) const;
};

/// Body of `POST /semantic_embed` (spec: SemanticEmbeddingRequest). Required: prompt,
/// representation.
struct SemanticEmbeddingRequest : SemanticEmbeddingOptions,
                                  json::RequestBody<SemanticEmbeddingRequest>
{
    static constexpr QLatin1String kRoot{"semantic_embed"};
    Prompt prompt;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// Body of `POST /batch_semantic_embed` (spec: BatchSemanticEmbeddingRequest): the same options
/// with `prompts` (at most kMaxPromptsPerBatch a request) instead of `prompt`. BatchEmbedder
/// splits longer lists.
struct BatchSemanticEmbeddingRequest : SemanticEmbeddingOptions,
                                       json::RequestBody<BatchSemanticEmbeddingRequest>
{
    static constexpr QLatin1String kRoot{"batch_semantic_embed"};
    QList<Prompt> prompts;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// Response of `/semantic_embed` and `/instructable_embed` (spec: SemanticEmbeddingResponse).
struct SemanticEmbeddingResponse : json::ResponseBody<SemanticEmbeddingResponse>
{
    static constexpr QLatin1String kRoot{"semantic_embed response"};
    std::optional<QString> modelVersion; ///< "model_version"
    Embedding embedding; ///< 5120 (or 128 compressed) floats for luminous-base
    std::optional<int> numTokensPromptTotal; ///< tokens of the prompt, images count 144
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// Response of `/batch_semantic_embed` (spec: BatchSemanticEmbeddingResponse): one vector per
/// prompt, in request order; the token count covers all prompts.
struct BatchSemanticEmbeddingResponse : json::ResponseBody<BatchSemanticEmbeddingResponse>
{
    static constexpr QLatin1String kRoot{"batch_semantic_embed response"};
    std::optional<QString> modelVersion;
    QList<Embedding> embeddings;
    std::optional<int> numTokensPromptTotal;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// Body of `POST /instructable_embed` (spec: InstructableEmbeddingRequest). Required: input,
/// instruction (may be empty). The model needs `embedding_type: instructable`.
struct InstructableEmbeddingRequest : ControlOptions,
                                      json::RequestBody<InstructableEmbeddingRequest>
{
    static constexpr QLatin1String kRoot{"instructable_embed"};
    std::optional<QString> model;
    std::optional<QString> hosting;
    Prompt input;
    QString instruction; ///< e.g. "Represent the text to query a database of salutations"
    std::optional<bool> normalize;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// Body of `POST /embed` (deprecated; spec: EmbeddingRequest). Required: model, prompt.
struct EmbeddingRequest : ControlOptions, json::RequestBody<EmbeddingRequest>
{
    static constexpr QLatin1String kRoot{"embed"};
    QString model;
    std::optional<QString> hosting;
    Prompt prompt;
    /// 0 = input embeddings, 1..N = output of layer N, negative counts from the last layer.
    std::optional<QList<int>> layers;
    std::optional<bool> tokens; ///< also return the prompt's tokens
    /// Any of "mean", "weighted_mean", "max", "last_token", "abs_max".
    std::optional<QStringList> pooling;
    std::optional<QString> type; ///< legacy; use /semantic_embed instead
    std::optional<bool> normalize;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// Response of `/embed` (spec: EmbeddingResponse). `embeddings` maps "layer_<i>" (negative
/// layers come back under their absolute index: -1 → "layer_40" for luminous-base) to pooling
/// name to vector.
struct EmbeddingResponse : json::ResponseBody<EmbeddingResponse>
{
    static constexpr QLatin1String kRoot{"embed response"};
    std::optional<QString> modelVersion;
    std::optional<QMap<QString, QMap<QString, Embedding>>> embeddings;
    std::optional<QStringList> tokens;
    std::optional<int> numTokensPromptTotal;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// `input` of `/embeddings`: one text, several texts, one token-id sequence or several.
struct EmbeddingV2Input
{
    enum class Kind { Text, Texts, TokenIds, TokenIdLists };
    Kind kind = Kind::Text;
    QString text;
    QStringList texts;
    QList<qint64> tokenIds;
    QList<QList<qint64>> tokenIdLists;
    static EmbeddingV2Input fromTexts(const QStringList &texts);
    /// How many vectors the answer holds.
    qsizetype count() const;
};
QJsonValue toValue(const EmbeddingV2Input &input);
namespace json {
bool read(const QJsonValue &v, EmbeddingV2Input &out, const Context &c);
} // namespace json

/// Body of `POST /embeddings`, the OpenAI-style endpoint (spec: EmbeddingV2Request). Required:
/// model, input. The model needs `embedding_task.supported`. The deprecated `user` field is
/// rejected by the server and therefore refused here with a message.
struct EmbeddingV2Request : json::RequestBody<EmbeddingV2Request>
{
    static constexpr QLatin1String kRoot{"embeddings"};
    QString model;
    EmbeddingV2Input input;
    std::optional<QString> encodingFormat; ///< "encoding_format": "float" | "base64"
    std::optional<int> dimensions; ///< ≥ 1; not every model supports it
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// One vector of an `/embeddings` answer (spec: EmbeddingV2ResponseData). With
/// `encoding_format: base64` the vector comes as base64 of little-endian float32 values.
struct EmbeddingV2Data
{
    std::optional<QString> object; ///< "embedding"
    Embedding embedding; ///< set when the answer held a float array
    std::optional<QString> embeddingBase64; ///< set when the answer held a base64 string
    int index = 0; ///< position in the request's input
    QJsonObject extra;
    /// The vector, decoded from base64 when needed; empty when the base64 is not whole floats.
    Embedding vector() const;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// `usage` of an `/embeddings` answer (spec: EmbeddingV2Usage).
struct EmbeddingV2Usage
{
    int promptTokens = 0;
    int totalTokens = 0;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// Response of `POST /embeddings` (spec: EmbeddingV2Response).
struct EmbeddingV2Response : json::ResponseBody<EmbeddingV2Response>
{
    static constexpr QLatin1String kRoot{"embeddings response"};
    std::optional<QString> object; ///< "list"
    QList<EmbeddingV2Data> data;
    std::optional<QString> model;
    std::optional<EmbeddingV2Usage> usage;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

} // namespace core
