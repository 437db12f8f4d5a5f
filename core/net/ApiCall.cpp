// SPDX-License-Identifier: MIT
#include "core/net/ApiCall.h"

#include <QJsonDocument>

namespace core {

namespace {

ApiCall make(const QString &endpoint, const QJsonObject &body)
{
    return ApiCall{endpoint, body.value(QLatin1String("model")).toString(), body};
}

} // namespace

QByteArray ApiCall::bodyBytes() const
{
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

ApiCall ApiCall::of(const CompletionRequest &r)
{
    return make(QStringLiteral("complete"), r.toJson());
}
ApiCall ApiCall::of(const ChatRequest &r)
{
    return make(QStringLiteral("chat/completions"), r.toJson());
}
ApiCall ApiCall::of(const EvaluationRequest &r)
{
    return make(QStringLiteral("evaluate"), r.toJson());
}
ApiCall ApiCall::of(const ExplanationRequest &r)
{
    return make(QStringLiteral("explain"), r.toJson());
}
ApiCall ApiCall::of(const TokenizationRequest &r)
{
    return make(QStringLiteral("tokenize"), r.toJson());
}
ApiCall ApiCall::of(const DetokenizationRequest &r)
{
    return make(QStringLiteral("detokenize"), r.toJson());
}
ApiCall ApiCall::of(const TranslationRequest &r)
{
    return make(QStringLiteral("translate"), r.toJson());
}
ApiCall ApiCall::of(const EmbeddingRequest &r)
{
    return make(QStringLiteral("embed"), r.toJson());
}
ApiCall ApiCall::of(const SemanticEmbeddingRequest &r)
{
    return make(QStringLiteral("semantic_embed"), r.toJson());
}
ApiCall ApiCall::of(const BatchSemanticEmbeddingRequest &r)
{
    return make(QStringLiteral("batch_semantic_embed"), r.toJson());
}
ApiCall ApiCall::of(const InstructableEmbeddingRequest &r)
{
    return make(QStringLiteral("instructable_embed"), r.toJson());
}
ApiCall ApiCall::of(const EmbeddingV2Request &r)
{
    return make(QStringLiteral("embeddings"), r.toJson());
}
ApiCall ApiCall::of(const CreateSteeringConceptRequest &r)
{
    return make(QStringLiteral("steering_concepts"), r.toJson());
}

ApiCall ApiCall::fromRecord(const QString &endpoint, const QJsonObject &body)
{
    return make(endpoint, body);
}

} // namespace core
