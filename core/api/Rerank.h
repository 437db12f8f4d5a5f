// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Json.h"

#include <optional>

namespace core {

/// Body of `POST /rerank` (spec: RerankRequest; reference/API-ENDPOINTS.md §5). Required: query,
/// documents. The spec has no `model` property but its example and the official client send one;
/// the model needs `rerank_task.supported`.
struct RerankRequest : json::RequestBody<RerankRequest>
{
    static constexpr QLatin1String kRoot{"rerank"};
    std::optional<QString> model; ///< e.g. "bge-reranker-v2-m3"
    QString query;
    QStringList documents;
    std::optional<int> topN; ///< "top_n": return only the best N; unset = all
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// One ranked document (spec: RerankResponse.results[]).
struct RerankResult
{
    int index = 0; ///< position in the request's `documents`
    double relevanceScore = 0; ///< "relevance_score", higher is more relevant
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// `usage` of a rerank answer; prompt and completion tokens are reported as 0.
struct RerankUsage
{
    std::optional<int> completionTokens;
    std::optional<int> promptTokens;
    std::optional<int> totalTokens;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// Response of `POST /rerank`: results sorted by descending relevance.
struct RerankResponse : json::ResponseBody<RerankResponse>
{
    static constexpr QLatin1String kRoot{"rerank response"};
    QList<RerankResult> results;
    std::optional<RerankUsage> usage;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

} // namespace core
