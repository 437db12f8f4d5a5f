// SPDX-License-Identifier: MIT
#include "core/api/Evaluation.h"

using namespace Qt::StringLiterals;

namespace core {

void EvaluationRequest::read(json::Reader &r)
{
    r.required(u"model"_s, model);
    r.optionalEnum(u"hosting"_s, hosting, {u"aleph-alpha"_s});
    r.required(u"prompt"_s, prompt);
    r.required(u"completion_expected"_s, completionExpected);
    readControls(r);
}

void EvaluationRequest::write(json::Writer &w) const
{
    w.put(u"model"_s, model);
    w.put(u"hosting"_s, hosting);
    w.put(u"prompt"_s, prompt);
    w.put(u"completion_expected"_s, completionExpected);
    writeControls(w);
}

void EvaluationResult::read(json::Reader &r)
{
    r.optional(u"log_probability"_s, logProbability);
    r.optional(u"log_perplexity"_s, logPerplexity);
    r.optional(u"log_perplexity_per_token"_s, logPerplexityPerToken);
    r.optional(u"log_perplexity_per_character"_s, logPerplexityPerCharacter);
    r.optional(u"correct_greedy"_s, correctGreedy);
    r.optional(u"token_count"_s, tokenCount);
    r.optional(u"character_count"_s, characterCount);
    r.optional(u"completion"_s, completion);
}

void EvaluationResult::write(json::Writer &w) const
{
    w.put(u"log_probability"_s, logProbability);
    w.put(u"log_perplexity"_s, logPerplexity);
    w.put(u"log_perplexity_per_token"_s, logPerplexityPerToken);
    w.put(u"log_perplexity_per_character"_s, logPerplexityPerCharacter);
    w.put(u"correct_greedy"_s, correctGreedy);
    w.put(u"token_count"_s, tokenCount);
    w.put(u"character_count"_s, characterCount);
    w.put(u"completion"_s, completion);
}

void EvaluationResponse::read(json::Reader &r)
{
    r.optional(u"model_version"_s, modelVersion);
    r.required(u"result"_s, result);
    r.optional(u"num_tokens_prompt_total"_s, numTokensPromptTotal);
}

void EvaluationResponse::write(json::Writer &w) const
{
    w.put(u"model_version"_s, modelVersion);
    w.put(u"result"_s, result);
    w.put(u"num_tokens_prompt_total"_s, numTokensPromptTotal);
}

} // namespace core
