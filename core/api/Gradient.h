// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Embedding.h"

namespace core {

/// One text of a Gradient embeddings request.
struct GradientEmbeddingInput
{
    QString input;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// Body of Gradient's `POST {api_url}/embeddings/{slug}` (reference/SEED-EMBEDDINGS.md):
/// `{"inputs": [{"input": "<text>"}, ...]}`.
struct GradientEmbeddingsRequest : json::RequestBody<GradientEmbeddingsRequest>
{
    static constexpr QLatin1String kRoot{"gradient embeddings"};
    QList<GradientEmbeddingInput> inputs;
    QJsonObject extra;
    static GradientEmbeddingsRequest fromTexts(const QStringList &texts);
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// One vector of a Gradient answer; `index` is the position in the request's `inputs`.
struct GradientEmbedding
{
    Embedding embedding; ///< normalized by the service
    int index = 0;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// Response of Gradient's embeddings call: `{"embeddings": [{"embedding": [...], "index": 0},
/// ...]}`. The answer may list the vectors in any order; inOrder() sorts them by index.
struct GradientEmbeddingsResponse : json::ResponseBody<GradientEmbeddingsResponse>
{
    static constexpr QLatin1String kRoot{"gradient embeddings response"};
    QList<GradientEmbedding> embeddings;
    QJsonObject extra;
    /// The vectors by index for `count` inputs; nullopt (with `error`) when an index is missing,
    /// repeated or out of range.
    std::optional<QList<Embedding>> inOrder(qsizetype count, QString *error) const;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

} // namespace core
