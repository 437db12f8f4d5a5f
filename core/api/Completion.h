// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Prompt.h"

#include <QMap>
#include <QStringList>

#include <optional>

namespace core {

/// Body of `POST /complete` (spec: CompletionRequest; reference/API-ENDPOINTS.md §2).
/// Required: model, prompt. Every other field is optional and left out of the JSON when unset, so
/// fromJson() then toJson() reproduces a body exactly. fromJson() rejects unknown fields.
struct CompletionRequest
{
    QString model;
    Prompt prompt;
    std::optional<QString> hosting; ///< "aleph-alpha" or unset (any datacenter)
    std::optional<int> maximumTokens; ///< "maximum_tokens", ≥ 0; prompt + this ≤ context
    std::optional<int> minimumTokens; ///< "minimum_tokens", default 0
    std::optional<bool> echo; ///< prepend the prompt to the completion
    std::optional<double> temperature; ///< 0..1 expected, default 0
    std::optional<int> topK; ///< "top_k", 0 = off
    std::optional<double> topP; ///< "top_p", 0 = off
    std::optional<double> presencePenalty;
    std::optional<double> frequencyPenalty;
    std::optional<double> sequencePenalty;
    std::optional<int> sequencePenaltyMinLength;
    std::optional<bool> repetitionPenaltiesIncludePrompt;
    std::optional<bool> repetitionPenaltiesIncludeCompletion;
    std::optional<bool> useMultiplicativePresencePenalty;
    std::optional<bool> useMultiplicativeFrequencyPenalty;
    std::optional<bool> useMultiplicativeSequencePenalty;
    std::optional<QString> penaltyBias;
    std::optional<QStringList> penaltyExceptions;
    std::optional<bool> penaltyExceptionsIncludeStopSequences;
    std::optional<int> bestOf; ///< "best_of", ≤ 100, > n
    std::optional<int> n; ///< completions returned, default 1
    std::optional<QMap<QString, double>> logitBias; ///< token id (as a string) → bias
    std::optional<int> logProbs; ///< "log_probs", 0..20
    std::optional<QStringList> stopSequences; ///< "stop_sequences"
    std::optional<bool> tokens; ///< also return completion_tokens
    std::optional<bool> rawCompletion; ///< "raw_completion"
    std::optional<bool> disableOptimizations;
    std::optional<QStringList> completionBiasInclusion;
    std::optional<bool> completionBiasInclusionFirstTokenOnly;
    std::optional<QStringList> completionBiasExclusion;
    std::optional<bool> completionBiasExclusionFirstTokenOnly;
    std::optional<double> contextualControlThreshold;
    std::optional<bool> controlLogAdditive;
    std::optional<bool> stream; ///< SSE; set by ApiClient::completeStreaming()
    std::optional<QStringList> steeringConcepts; ///< ids or "_worker/<name>"; one at a time
    std::optional<QStringList> tags; ///< the official client's `tags` option (CLIENT-SEMANTICS.md
                                     ///< §1.3): labels the service accepts and ignores
    QJsonObject extra; ///< always empty: requests are read strictly

    /// A request with the fields the official Python client always sends set to its defaults
    /// (reference/CLIENT-SEMANTICS.md §5.1): temperature 0.0, top_k 0, top_p 0.0, n 1, ...
    static CompletionRequest withClientDefaults(const QString &model, const Prompt &prompt);

    QJsonObject toJson() const;
    /// Errors name the field: `complete: field "maximum_tokens": expected an integer, got a
    /// string`.
    static std::optional<CompletionRequest> fromJson(const QJsonObject &json, QString *error);

    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// One completion of a CompletionResponse (spec: CompletionResponse.completions[]).
struct CompletionResult
{
    std::optional<int> index;
    std::optional<QString> completion; ///< the generated text (absent only in odd answers)
    std::optional<QString>
        finishReason; ///< "maximum_tokens", "end_of_text", "stop_sequence_reached"...
    std::optional<QString> rawCompletion;
    std::optional<QStringList> completionTokens;
    /// One map per generated token: token text → log-probability (natural log).
    std::optional<QList<QMap<QString, double>>> logProbs;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// Response of `POST /complete` (spec: CompletionResponse). Unknown fields are kept in `extra`.
struct CompletionResponse
{
    QString modelVersion;
    QList<CompletionResult> completions;
    std::optional<QList<PromptItem>> optimizedPrompt;
    int numTokensPromptTotal = 0; ///< summed over all n / best_of runs
    int numTokensGenerated = 0;
    QJsonObject extra;

    QJsonObject toJson() const;
    static std::optional<CompletionResponse> fromJson(const QJsonObject &json, QString *error);
    /// The same from a simdjson document (core/api/FastJson.h).
    static std::optional<CompletionResponse> fromElement(const json::Element &json, QString *error);
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// One server-sent event of a streamed `/complete` (spec: StreamChunk, StreamSummary,
/// CompletionSummary). Which fields are set depends on `type`.
struct CompletionStreamEvent
{
    enum class Type { StreamChunk, StreamSummary, CompletionSummary };
    Type type = Type::StreamChunk;
    std::optional<int> index; ///< chunk and summary: which completion (n > 1)
    std::optional<QString> completion; ///< chunk: the next piece of text
    std::optional<QList<QMap<QString, double>>> logProbs;
    std::optional<QString> rawCompletion;
    std::optional<QStringList> completionTokens;
    std::optional<QString> modelVersion; ///< summary
    std::optional<QString> finishReason; ///< summary
    std::optional<int> numTokensPromptTotal; ///< completion summary
    std::optional<int> numTokensGenerated; ///< completion summary
    std::optional<QList<PromptItem>> optimizedPrompt;
    QJsonObject extra;

    static QString typeName(Type type);
    QJsonObject toJson() const;
    static std::optional<CompletionStreamEvent> fromJson(const QJsonObject &json, QString *error);
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

} // namespace core
