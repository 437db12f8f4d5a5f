// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Prompt.h"

#include <optional>

namespace core {

/// Body of `POST /evaluate` (spec: EvaluationRequest; reference/API-ENDPOINTS.md §4): how likely
/// the model finds `completion_expected` after `prompt`. Required: model, prompt,
/// completion_expected.
struct EvaluationRequest : ControlOptions, json::RequestBody<EvaluationRequest>
{
    static constexpr QLatin1String kRoot{"evaluate"};
    QString model;
    std::optional<QString> hosting; ///< "aleph-alpha" or unset
    Prompt prompt;
    QString completionExpected; ///< "completion_expected"
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// `result` of an evaluation. Every metric may be null. Log values are natural logarithms.
struct EvaluationResult
{
    std::optional<double> logProbability; ///< log P(completion | prompt), ≤ 0
    std::optional<double> logPerplexity; ///< −logProbability
    std::optional<double> logPerplexityPerToken;
    std::optional<double>
        logPerplexityPerCharacter; ///< the only metric independent of the tokenizer
    std::optional<bool> correctGreedy; ///< greedy decoding would give the expected text
    std::optional<int> tokenCount; ///< tokens of the expected completion
    std::optional<int> characterCount;
    std::optional<QString> completion; ///< argmax guess of one forward pass
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// Response of `POST /evaluate` (spec: EvaluationResponse). The token count covers the prompt and
/// the expected completion.
struct EvaluationResponse : json::ResponseBody<EvaluationResponse>
{
    static constexpr QLatin1String kRoot{"evaluate response"};
    std::optional<QString> modelVersion;
    EvaluationResult result;
    std::optional<int> numTokensPromptTotal;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

} // namespace core
