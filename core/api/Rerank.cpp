// SPDX-License-Identifier: MIT
#include "core/api/Rerank.h"

using namespace Qt::StringLiterals;

namespace core {

void RerankRequest::read(json::Reader &r)
{
    r.optional(u"model"_s, model);
    r.required(u"query"_s, query);
    r.required(u"documents"_s, documents);
    r.optional(u"top_n"_s, topN);
    if (topN && *topN < 1 && r.context().mode == json::Mode::Strict)
        r.context()
            .child(u"top_n"_s)
            .fail(u"must be at least 1 (leave it out for all documents)"_s);
}

void RerankRequest::write(json::Writer &w) const
{
    w.put(u"model"_s, model);
    w.put(u"query"_s, query);
    w.put(u"documents"_s, documents);
    w.put(u"top_n"_s, topN);
}

void RerankResult::read(json::Reader &r)
{
    r.required(u"index"_s, index);
    r.required(u"relevance_score"_s, relevanceScore);
}

void RerankResult::write(json::Writer &w) const
{
    w.put(u"index"_s, index);
    w.put(u"relevance_score"_s, relevanceScore);
}

void RerankUsage::read(json::Reader &r)
{
    r.optional(u"completion_tokens"_s, completionTokens);
    r.optional(u"prompt_tokens"_s, promptTokens);
    r.optional(u"total_tokens"_s, totalTokens);
}

void RerankUsage::write(json::Writer &w) const
{
    w.put(u"completion_tokens"_s, completionTokens);
    w.put(u"prompt_tokens"_s, promptTokens);
    w.put(u"total_tokens"_s, totalTokens);
}

void RerankResponse::read(json::Reader &r)
{
    r.required(u"results"_s, results);
    r.optional(u"usage"_s, usage);
}

void RerankResponse::write(json::Writer &w) const
{
    w.put(u"results"_s, results);
    w.put(u"usage"_s, usage);
}

} // namespace core
