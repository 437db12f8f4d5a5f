// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Chat.h"
#include "core/api/Completion.h"
#include "core/api/Embedding.h"
#include "core/api/Evaluation.h"
#include "core/api/Explanation.h"
#include "core/api/Steering.h"
#include "core/api/Tokenization.h"
#include "core/api/Translation.h"

namespace core {

/// One request as the API receives it, made by core from a typed request: the endpoint's name
/// (the path after the base URL, e.g. "complete", "chat/completions"), the model it runs on and
/// the JSON body. A tab hands it on unread: to "View code" (CodeGenerator), to the history
/// (RunRecorder) and to tests. It never holds the token or a URL.
struct ApiCall
{
    QString endpoint; ///< "complete"; empty: no call (the input is not valid)
    QString model; ///< the body's `model`; empty where the endpoint has none (steering_concepts)
    QJsonObject body; ///< the request body exactly as ApiClient sends it

    bool isValid() const { return !endpoint.isEmpty(); }
    /// The body as compact JSON text, as sent on the wire.
    QByteArray bodyBytes() const;

    static ApiCall of(const CompletionRequest &request); ///< POST /complete
    static ApiCall of(const ChatRequest &request); ///< POST /chat/completions
    static ApiCall of(const EvaluationRequest &request); ///< POST /evaluate
    static ApiCall of(const ExplanationRequest &request); ///< POST /explain
    static ApiCall of(const TokenizationRequest &request); ///< POST /tokenize
    static ApiCall of(const DetokenizationRequest &request); ///< POST /detokenize
    static ApiCall of(const TranslationRequest &request); ///< POST /translate
    static ApiCall of(const EmbeddingRequest &request); ///< POST /embed
    static ApiCall of(const SemanticEmbeddingRequest &request); ///< POST /semantic_embed
    static ApiCall of(const BatchSemanticEmbeddingRequest &request); ///< POST /batch_semantic_embed
    static ApiCall of(const InstructableEmbeddingRequest &request); ///< POST /instructable_embed
    static ApiCall of(const EmbeddingV2Request &request); ///< POST /embeddings
    static ApiCall of(const CreateSteeringConceptRequest &request); ///< POST /steering_concepts

    /// A call made from a recorded run's endpoint and request body (the history keeps both).
    static ApiCall fromRecord(const QString &endpoint, const QJsonObject &body);
};

} // namespace core
