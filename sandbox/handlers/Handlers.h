// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Chat.h"
#include "core/api/Completion.h"
#include "core/api/Embedding.h"
#include "core/api/Evaluation.h"
#include "core/api/Explanation.h"
#include "core/api/Gradient.h"
#include "core/api/Rerank.h"
#include "core/api/Steering.h"
#include "core/api/Tokenization.h"
#include "core/api/Translation.h"
#include "sandbox/Prepare.h"
#include "sandbox/Reply.h"

namespace sandbox {

// The meaning of each endpoint (reference/API-ENDPOINTS.md), after the prepare step (Prepare.h):
// the request is read and validated, `prepared.model` can serve it (Routes.cpp says which
// Requirement each endpoint has), its steering concept is resolved and its prompts are encoded.
// Each handler answers what the real API answers, from the one SyntheticModel, or a 400
// INVALID_REQUEST for what only the model can check (context size, token ids, layers...), naming
// the endpoint and the field. Long work polls cancelled() and then answers cancelledReply().
// Deterministic: the same request gives the same answer (requestSeed()), but for `created`.

// GET endpoints (handlers/Models.cpp)
Reply handleModelSettings(
    const Services &services); ///< GET /model-settings: every SandboxModel's settings
Reply handleModelsAvailable(
    const Services &services); ///< GET /models_available: names, descriptions, hosting
Reply handleUserDetail(const Services &services); ///< GET /users/me: a fixed local user
/// What GET /version answers: a version the official client's validate_version() accepts (PEP 440,
/// major 1 and at least its MIN_API_VERSION 1.19.0), with a local label that names the sandbox.
constexpr QByteArrayView kSandboxApiVersion = "1.19.0+sandbox";
Reply handleVersion(const Services &services); ///< GET /version: kSandboxApiVersion as text/plain
/// GET /models/{modelName}/tokenizer (`endpoint` is the path after /v1/): the Tokenizer as a
/// Hugging Face tokenizer.json (huggingFaceTokenizerJson()), the same for every model; 404 for a
/// model the sandbox does not serve.
Reply handleModelTokenizer(const Services &services, const QString &endpoint);

// Text generation (handlers/Completion.cpp, handlers/Chat.cpp)
/// POST /complete: n of max(n, best_of) samples (the best by log-probability per token when
/// best_of is given), echo, log_probs, completion_bias_inclusion / _exclusion, steering; a stream
/// of stream_chunk / stream_summary events per completion and one completion_summary.
Reply handleComplete(const Services &services, const Prepared<core::CompletionRequest> &prepared);
/// POST /evaluate: log-probability, perplexities and greedy agreement of completion_expected.
Reply handleEvaluate(const Services &services, const Prepared<core::EvaluationRequest> &prepared);
/// POST /chat/completions: the conversation (text and image parts) as context; a reply, a JSON
/// schema instance (response_format) or a tool call (tool_choice, or a tool the last user message
/// names); OpenAI-style chunks ending in `data: [DONE]` when streamed.
Reply handleChat(const Services &services, const Prepared<core::ChatRequest> &prepared);

// Tokens (handlers/Tokenization.cpp)
/// POST /tokenize: the Tokenizer's ids and/or their byte-level forms ("Ġhello"), as asked.
Reply handleTokenize(const Services &services, const Prepared<core::TokenizationRequest> &prepared);
/// POST /detokenize: the text of token_ids; 400 for an id outside the vocabulary.
Reply handleDetokenize(
    const Services &services, const Prepared<core::DetokenizationRequest> &prepared);

// Explanation (handlers/Explanation.cpp)
/// POST /explain: AtMan-style scores, the change of the target's log-probability when each span
/// of the prompt (and of the target) is suppressed by control_factor; image items in 3 × 3 tiles.
Reply handleExplain(const Services &services, const Prepared<core::ExplanationRequest> &prepared);

// Embeddings (handlers/Embeddings.cpp; the vectors are Vectors.h's)
/// POST /embed: per asked layer (−1 = the last of 0..layers; 400 outside) and pooling, a
/// layerVector() of hiddenSize floats, as `layer_<n>` → pooling → vector; the prompt's tokens
/// when asked.
Reply handleEmbed(const Services &services, const Prepared<core::EmbeddingRequest> &prepared);
/// POST /semantic_embed: one semanticVector() of compress_to_size (or embeddingSize) floats.
Reply handleSemanticEmbed(
    const Services &services, const Prepared<core::SemanticEmbeddingRequest> &prepared);
/// POST /batch_semantic_embed: a semanticVector() per prompt, in order, written straight to bytes
/// (the text BatchSemanticEmbeddingResponse::toJson() gives, without building a QJsonArray).
Reply handleBatchSemanticEmbed(
    const Services &services, const Prepared<core::BatchSemanticEmbeddingRequest> &prepared);
/// POST /instructable_embed: one instructableVector() of embeddingSize floats.
Reply handleInstructableEmbed(
    const Services &services, const Prepared<core::InstructableEmbeddingRequest> &prepared);
/// POST /embeddings (OpenAI-style): text, texts or token ids; float or base64 (little-endian
/// float32) vectors of `dimensions` components.
Reply handleEmbeddings(
    const Services &services, const Prepared<core::EmbeddingV2Request> &prepared);
/// POST /gradient/api/embeddings/{slug}: the embeddings in reverse order (the service promises
/// none; clients must read `index`).
Reply handleGradientEmbeddings(
    const Prepared<core::GradientEmbeddingsRequest> &prepared, const QString &slug);

// Other tasks (handlers/Translation.cpp, handlers/Rerank.cpp, handlers/Steering.cpp)
/// POST /translate: pseudoTranslate() into a supported target_language (else 400).
Reply handleTranslate(const Services &services, const Prepared<core::TranslationRequest> &prepared);
/// POST /rerank: documents by relevanceScore(), best first, the first top_n.
Reply handleRerank(const Services &services, const Prepared<core::RerankRequest> &prepared);
/// POST /steering_concepts: 201 with the concept's id, `sandbox-concept-<16 hex digits>` of a
/// hash of the examples, so the same examples give the same id; the concept is the words of the
/// positive examples the negative ones lack, and the reverse.
Reply handleCreateSteeringConcept(
    const Services &services, const Prepared<core::CreateSteeringConceptRequest> &prepared);

} // namespace sandbox
