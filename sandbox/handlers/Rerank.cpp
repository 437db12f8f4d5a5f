// SPDX-License-Identifier: MIT
// POST /rerank.
#include "sandbox/Vectors.h"
#include "sandbox/handlers/Handlers.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sandbox {

Reply handleRerank(const Services &services, const Prepared<core::RerankRequest> &prepared)
{
    const core::RerankRequest &r = prepared.request;
    const QList<float> query = rerankVector(r.query);
    core::RerankResponse response;
    int tokens = int(services.model.tokenizer().encode(r.query).size());
    for (qsizetype i = 0; i < r.documents.size(); ++i) {
        core::RerankResult result;
        result.index = int(i);
        result.relevanceScore = relevanceScore(query, rerankVector(r.documents.at(i)));
        response.results.append(result);
        tokens += int(services.model.tokenizer().encode(r.documents.at(i)).size());
    }
    std::stable_sort(response.results.begin(),
        response.results.end(),
        [](const core::RerankResult &a, const core::RerankResult &b) {
            return a.relevanceScore > b.relevanceScore;
        });
    if (r.topN && *r.topN < response.results.size())
        response.results.resize(*r.topN);
    core::RerankUsage usage;
    usage.completionTokens = 0;
    usage.promptTokens = tokens;
    usage.totalTokens = tokens;
    response.usage = usage;
    return Reply::json(response.toJson());
}

} // namespace sandbox
