// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Chat.h"
#include "core/api/Completion.h"
#include "core/api/Embedding.h"
#include "core/api/Evaluation.h"
#include "core/api/Explanation.h"
#include "core/api/Rerank.h"
#include "core/api/Steering.h"
#include "core/api/Translation.h"

namespace core {

/// Range and consistency checks of typed requests, beyond what fromJson() checks (types, required
/// fields, enum values). The ranges are the spec's (`minimum`/`maximum` in
/// reference/aleph-alpha-inference-openapi.json) and the documented rules of its descriptions
/// ("best_of must be strictly greater than n", "only one steering concept at a time").
/// The sandbox answers a request that fails them with 400; the UI flags the field before sending.
///
/// Each function returns an empty string when the request is valid, else the first problem in the
/// form fromJson() uses: `complete: field "top_p": must be between 0 and 1, got 1.5`.
QString validate(const CompletionRequest &request);
QString validate(const ChatRequest &request);
QString validate(const ExplanationRequest &request);
QString validate(const EvaluationRequest &request);
QString validate(const SemanticEmbeddingRequest &request);
QString validate(const BatchSemanticEmbeddingRequest &request);
QString validate(const InstructableEmbeddingRequest &request);
QString validate(const EmbeddingRequest &request);
QString validate(const EmbeddingV2Request &request);
QString validate(const RerankRequest &request);
QString validate(const TranslationRequest &request);
QString validate(const CreateSteeringConceptRequest &request);
/// Checks that apply to every prompt: control factors ≥ 0, control ranges with start ≥ 0 and
/// length ≥ 0, image crops with size > 0. `root` names the request ("complete").
QString validate(
    const Prompt &prompt, const QString &root, const QString &field = QStringLiteral("prompt"));

} // namespace core
