// SPDX-License-Identifier: MIT
#include "core/api/Completion.h"

using namespace Qt::StringLiterals;

namespace core {

namespace {

/// `log_probs` of an answer. Real answers (cassettes test_complete/*) send a list with one
/// {token: log-probability} map per generated token, as the spec's description says; the spec's
/// schema types it as an object. A spec-shaped object is left unread, so it stays in `extra` and
/// toJson() gives it back as it came.
void readLogProbs(json::Reader &r, std::optional<QList<QMap<QString, double>>> &out)
{
    if (!r.isObject(u"log_probs"_s))
        r.optional(u"log_probs"_s, out);
}

} // namespace

CompletionRequest CompletionRequest::withClientDefaults(const QString &model, const Prompt &prompt)
{
    CompletionRequest r;
    r.model = model;
    r.prompt = prompt;
    r.temperature = 0.0;
    r.topK = 0;
    r.topP = 0.0;
    r.presencePenalty = 0.0;
    r.frequencyPenalty = 0.0;
    r.repetitionPenaltiesIncludePrompt = false;
    r.useMultiplicativePresencePenalty = false;
    r.n = 1;
    r.tokens = false;
    r.disableOptimizations = false;
    r.minimumTokens = 0;
    r.echo = false;
    r.useMultiplicativeFrequencyPenalty = false;
    r.sequencePenalty = 0.0;
    r.sequencePenaltyMinLength = 2;
    r.useMultiplicativeSequencePenalty = false;
    r.completionBiasInclusionFirstTokenOnly = false;
    r.completionBiasExclusionFirstTokenOnly = false;
    r.controlLogAdditive = true;
    r.repetitionPenaltiesIncludeCompletion = true;
    r.rawCompletion = false;
    return r;
}

void CompletionRequest::read(json::Reader &r)
{
    r.required(u"model"_s, model);
    r.required(u"prompt"_s, prompt);
    r.optional(u"hosting"_s, hosting);
    r.optional(u"maximum_tokens"_s, maximumTokens);
    r.optional(u"minimum_tokens"_s, minimumTokens);
    r.optional(u"echo"_s, echo);
    r.optional(u"temperature"_s, temperature);
    r.optional(u"top_k"_s, topK);
    r.optional(u"top_p"_s, topP);
    r.optional(u"presence_penalty"_s, presencePenalty);
    r.optional(u"frequency_penalty"_s, frequencyPenalty);
    r.optional(u"sequence_penalty"_s, sequencePenalty);
    r.optional(u"sequence_penalty_min_length"_s, sequencePenaltyMinLength);
    r.optional(u"repetition_penalties_include_prompt"_s, repetitionPenaltiesIncludePrompt);
    r.optional(u"repetition_penalties_include_completion"_s, repetitionPenaltiesIncludeCompletion);
    r.optional(u"use_multiplicative_presence_penalty"_s, useMultiplicativePresencePenalty);
    r.optional(u"use_multiplicative_frequency_penalty"_s, useMultiplicativeFrequencyPenalty);
    r.optional(u"use_multiplicative_sequence_penalty"_s, useMultiplicativeSequencePenalty);
    r.optional(u"penalty_bias"_s, penaltyBias);
    r.optional(u"penalty_exceptions"_s, penaltyExceptions);
    r.optional(
        u"penalty_exceptions_include_stop_sequences"_s, penaltyExceptionsIncludeStopSequences);
    r.optional(u"best_of"_s, bestOf);
    r.optional(u"n"_s, n);
    r.optional(u"logit_bias"_s, logitBias);
    r.optional(u"log_probs"_s, logProbs);
    r.optional(u"stop_sequences"_s, stopSequences);
    r.optional(u"tokens"_s, tokens);
    r.optional(u"raw_completion"_s, rawCompletion);
    r.optional(u"disable_optimizations"_s, disableOptimizations);
    r.optional(u"completion_bias_inclusion"_s, completionBiasInclusion);
    r.optional(
        u"completion_bias_inclusion_first_token_only"_s, completionBiasInclusionFirstTokenOnly);
    r.optional(u"completion_bias_exclusion"_s, completionBiasExclusion);
    r.optional(
        u"completion_bias_exclusion_first_token_only"_s, completionBiasExclusionFirstTokenOnly);
    r.optional(u"contextual_control_threshold"_s, contextualControlThreshold);
    r.optional(u"control_log_additive"_s, controlLogAdditive);
    r.optional(u"stream"_s, stream);
    r.optional(u"steering_concepts"_s, steeringConcepts);
    r.optional(u"tags"_s, tags);
}

void CompletionRequest::write(json::Writer &w) const
{
    w.put(u"model"_s, model);
    w.put(u"prompt"_s, prompt);
    w.put(u"hosting"_s, hosting);
    w.put(u"maximum_tokens"_s, maximumTokens);
    w.put(u"minimum_tokens"_s, minimumTokens);
    w.put(u"echo"_s, echo);
    w.put(u"temperature"_s, temperature);
    w.put(u"top_k"_s, topK);
    w.put(u"top_p"_s, topP);
    w.put(u"presence_penalty"_s, presencePenalty);
    w.put(u"frequency_penalty"_s, frequencyPenalty);
    w.put(u"sequence_penalty"_s, sequencePenalty);
    w.put(u"sequence_penalty_min_length"_s, sequencePenaltyMinLength);
    w.put(u"repetition_penalties_include_prompt"_s, repetitionPenaltiesIncludePrompt);
    w.put(u"repetition_penalties_include_completion"_s, repetitionPenaltiesIncludeCompletion);
    w.put(u"use_multiplicative_presence_penalty"_s, useMultiplicativePresencePenalty);
    w.put(u"use_multiplicative_frequency_penalty"_s, useMultiplicativeFrequencyPenalty);
    w.put(u"use_multiplicative_sequence_penalty"_s, useMultiplicativeSequencePenalty);
    w.put(u"penalty_bias"_s, penaltyBias);
    w.put(u"penalty_exceptions"_s, penaltyExceptions);
    w.put(u"penalty_exceptions_include_stop_sequences"_s, penaltyExceptionsIncludeStopSequences);
    w.put(u"best_of"_s, bestOf);
    w.put(u"n"_s, n);
    w.put(u"logit_bias"_s, logitBias);
    w.put(u"log_probs"_s, logProbs);
    w.put(u"stop_sequences"_s, stopSequences);
    w.put(u"tokens"_s, tokens);
    w.put(u"raw_completion"_s, rawCompletion);
    w.put(u"disable_optimizations"_s, disableOptimizations);
    w.put(u"completion_bias_inclusion"_s, completionBiasInclusion);
    w.put(u"completion_bias_inclusion_first_token_only"_s, completionBiasInclusionFirstTokenOnly);
    w.put(u"completion_bias_exclusion"_s, completionBiasExclusion);
    w.put(u"completion_bias_exclusion_first_token_only"_s, completionBiasExclusionFirstTokenOnly);
    w.put(u"contextual_control_threshold"_s, contextualControlThreshold);
    w.put(u"control_log_additive"_s, controlLogAdditive);
    w.put(u"stream"_s, stream);
    w.put(u"steering_concepts"_s, steeringConcepts);
    w.put(u"tags"_s, tags);
}

QJsonObject CompletionRequest::toJson() const
{
    return json::serialize(*this);
}

std::optional<CompletionRequest> CompletionRequest::fromJson(
    const QJsonObject &json, QString *error)
{
    return json::parse<CompletionRequest>(json, u"complete"_s, json::Mode::Strict, error);
}

void CompletionResult::read(json::Reader &r)
{
    r.optional(u"index"_s, index);
    r.optional(u"completion"_s, completion);
    r.optional(u"finish_reason"_s, finishReason);
    r.optional(u"raw_completion"_s, rawCompletion);
    r.optional(u"completion_tokens"_s, completionTokens);
    readLogProbs(r, logProbs);
}

void CompletionResult::write(json::Writer &w) const
{
    w.put(u"index"_s, index);
    w.put(u"completion"_s, completion);
    w.put(u"finish_reason"_s, finishReason);
    w.put(u"raw_completion"_s, rawCompletion);
    w.put(u"completion_tokens"_s, completionTokens);
    w.put(u"log_probs"_s, logProbs);
}

void CompletionResponse::read(json::Reader &r)
{
    r.required(u"model_version"_s, modelVersion);
    r.required(u"completions"_s, completions);
    r.optional(u"optimized_prompt"_s, optimizedPrompt);
    r.required(u"num_tokens_prompt_total"_s, numTokensPromptTotal);
    r.required(u"num_tokens_generated"_s, numTokensGenerated);
}

void CompletionResponse::write(json::Writer &w) const
{
    w.put(u"model_version"_s, modelVersion);
    w.put(u"completions"_s, completions);
    w.put(u"optimized_prompt"_s, optimizedPrompt);
    w.put(u"num_tokens_prompt_total"_s, numTokensPromptTotal);
    w.put(u"num_tokens_generated"_s, numTokensGenerated);
}

QJsonObject CompletionResponse::toJson() const
{
    return json::serialize(*this);
}

std::optional<CompletionResponse> CompletionResponse::fromJson(
    const QJsonObject &json, QString *error)
{
    return json::parse<CompletionResponse>(
        json, u"complete response"_s, json::Mode::Lenient, error);
}

std::optional<CompletionResponse> CompletionResponse::fromElement(
    const json::Element &json, QString *error)
{
    return json::parse<CompletionResponse, json::Element>(
        json, u"complete response"_s, json::Mode::Lenient, error);
}

QString CompletionStreamEvent::typeName(Type type)
{
    switch (type) {
    case Type::StreamChunk:
        return u"stream_chunk"_s;
    case Type::StreamSummary:
        return u"stream_summary"_s;
    case Type::CompletionSummary:
        return u"completion_summary"_s;
    }
    return {};
}

void CompletionStreamEvent::read(json::Reader &r)
{
    QString typeString;
    r.required(u"type"_s, typeString);
    if (r.failed())
        return;
    if (typeString == u"stream_chunk"_s) {
        type = Type::StreamChunk;
        int i = 0;
        QString text;
        r.required(u"index"_s, i);
        r.required(u"completion"_s, text);
        index = i;
        completion = text;
    } else if (typeString == u"stream_summary"_s) {
        type = Type::StreamSummary;
        int i = 0;
        r.required(u"index"_s, i);
        index = i;
    } else if (typeString == u"completion_summary"_s) {
        type = Type::CompletionSummary;
        int prompt = 0;
        int generated = 0;
        r.required(u"num_tokens_prompt_total"_s, prompt);
        r.required(u"num_tokens_generated"_s, generated);
        numTokensPromptTotal = prompt;
        numTokensGenerated = generated;
    } else {
        return r.context().child(u"type"_s).fail(
            u"unknown stream event type \"%1\""_s.arg(typeString));
    }
    r.optional(u"index"_s, index);
    r.optional(u"completion"_s, completion);
    readLogProbs(r, logProbs);
    r.optional(u"raw_completion"_s, rawCompletion);
    r.optional(u"completion_tokens"_s, completionTokens);
    r.optional(u"model_version"_s, modelVersion);
    r.optional(u"finish_reason"_s, finishReason);
    r.optional(u"num_tokens_prompt_total"_s, numTokensPromptTotal);
    r.optional(u"num_tokens_generated"_s, numTokensGenerated);
    r.optional(u"optimized_prompt"_s, optimizedPrompt);
}

void CompletionStreamEvent::write(json::Writer &w) const
{
    w.put(u"type"_s, typeName(type));
    w.put(u"index"_s, index);
    w.put(u"completion"_s, completion);
    w.put(u"log_probs"_s, logProbs);
    w.put(u"raw_completion"_s, rawCompletion);
    w.put(u"completion_tokens"_s, completionTokens);
    w.put(u"model_version"_s, modelVersion);
    w.put(u"finish_reason"_s, finishReason);
    w.put(u"num_tokens_prompt_total"_s, numTokensPromptTotal);
    w.put(u"num_tokens_generated"_s, numTokensGenerated);
    w.put(u"optimized_prompt"_s, optimizedPrompt);
}

QJsonObject CompletionStreamEvent::toJson() const
{
    return json::serialize(*this);
}

std::optional<CompletionStreamEvent> CompletionStreamEvent::fromJson(
    const QJsonObject &json, QString *error)
{
    return json::parse<CompletionStreamEvent>(
        json, u"complete stream event"_s, json::Mode::Lenient, error);
}

} // namespace core
