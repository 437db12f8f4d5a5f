// SPDX-License-Identifier: MIT
// POST /embed, /semantic_embed, /batch_semantic_embed, /instructable_embed, /embeddings and the
// Gradient embeddings API. The vectors themselves are Vectors.h's.
#include "core/api/Json.h"
#include "sandbox/Vectors.h"
#include "sandbox/handlers/Handlers.h"
#include "sandbox/handlers/Support.h"

#include <QJsonArray>
#include <QtEndian>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sandbox {

namespace {

/// `[x0,x1,...]` with each float's shortest round-trip digits (core::json::appendFloat).
void appendFloatArray(QByteArray &out, const QList<float> &v)
{
    out.reserve(out.size() + v.size() * 12 + 2);
    out += '[';
    for (qsizetype i = 0; i < v.size(); ++i) {
        if (i)
            out += ',';
        core::json::appendFloat(out, v.at(i));
    }
    out += ']';
}

/// `"model_version":"…"`, the string escaped as JSON.
QByteArray modelVersionMember()
{
    const QByteArray version = compact(QJsonArray{modelVersion()}); // ["…"]
    return R"("model_version":)" + version.mid(1, version.size() - 2);
}

/// The answer of /semantic_embed and /instructable_embed: one vector, and the tokens of the prompt
/// it embeds. Written straight to bytes like the batch answer (SemanticEmbeddingResponse's members
/// in QJsonDocument's order): a QJsonArray of 5,120 numbers was most of a full-size request's time.
Reply embeddingReply(const QList<float> &embedding, const EncodedPrompt &prompt)
{
    static const QByteArray version = modelVersionMember();
    QByteArray text = R"({"embedding":)";
    appendFloatArray(text, embedding);
    text += ',' + version + R"(,"num_tokens_prompt_total":)"
        + QByteArray::number(prompt.context.size()) + '}';
    Reply out;
    out.body = std::move(text);
    return out;
}

} // namespace

Reply handleEmbed(const Services &services, const Prepared<core::EmbeddingRequest> &prepared)
{
    const core::EmbeddingRequest &r = prepared.request;
    const SandboxModel &model = *prepared.model;
    const EncodedPrompt &prompt = prepared.prompt();
    QMap<QString, QMap<QString, core::Embedding>> embeddings;
    for (const int layer : r.layers.value_or(QList<int>{-1})) {
        if (layer > model.layers || layer < -(model.layers + 1))
            return badRequest(u"embed: field \"layers\": layer %1 is outside -%2..%3"_s.arg(layer)
                                  .arg(model.layers + 1)
                                  .arg(model.layers));
        const int index = layer < 0 ? model.layers + 1 + layer : layer;
        for (const QString &pooling : r.pooling.value_or(QStringList{u"max"_s}))
            embeddings[u"layer_"_s + QString::number(index)][pooling]
                = layerVector(prompt, model, index, pooling, r.normalize.value_or(false));
    }
    core::EmbeddingResponse response;
    response.modelVersion = modelVersion();
    response.embeddings = embeddings;
    if (r.tokens.value_or(false)) {
        QStringList tokens;
        for (const ContextToken &t : prompt.context)
            tokens.append(services.model.tokenizer().text(t.id));
        response.tokens = tokens;
    }
    response.numTokensPromptTotal = int(prompt.context.size());
    return Reply::json(response.toJson());
}

Reply handleSemanticEmbed(
    const Services &, const Prepared<core::SemanticEmbeddingRequest> &prepared)
{
    const core::SemanticEmbeddingRequest &r = prepared.request;
    const SandboxModel &model = *prepared.model;
    return embeddingReply(semanticVector(prepared.prompt(),
                              model.name(),
                              r.representation,
                              r.compressToSize.value_or(model.embeddingSize),
                              r.normalize.value_or(false)),
        prepared.prompt());
}

Reply handleBatchSemanticEmbed(
    const Services &, const Prepared<core::BatchSemanticEmbeddingRequest> &prepared)
{
    const core::BatchSemanticEmbeddingRequest &r = prepared.request;
    const SandboxModel &model = *prepared.model;
    // Written straight to bytes rather than through QJsonArray: a 100-prompt answer of 5,120
    // floats each is half a million numbers, and the sandbox must not be what a batch benchmark
    // measures. Same text as BatchSemanticEmbeddingResponse::toJson() (shortest float digits).
    QByteArray text = '{' + modelVersionMember() + R"(,"embeddings":[)";
    int tokens = 0;
    for (qsizetype i = 0; i < prepared.prompts.size(); ++i) {
        const EncodedPrompt &prompt = prepared.prompts.at(i);
        const QList<float> v = semanticVector(prompt,
            model.name(),
            r.representation,
            r.compressToSize.value_or(model.embeddingSize),
            r.normalize.value_or(false));
        if (i)
            text += ',';
        appendFloatArray(text, v);
        tokens += int(prompt.context.size());
    }
    text += R"(],"num_tokens_prompt_total":)" + QByteArray::number(tokens) + '}';
    Reply out;
    out.body = std::move(text);
    return out;
}

Reply handleInstructableEmbed(
    const Services &, const Prepared<core::InstructableEmbeddingRequest> &prepared)
{
    const core::InstructableEmbeddingRequest &r = prepared.request;
    return embeddingReply(
        instructableVector(
            prepared.prompt(), r.instruction, *prepared.model, r.normalize.value_or(false)),
        prepared.prompt());
}

Reply handleEmbeddings(const Services &services, const Prepared<core::EmbeddingV2Request> &prepared)
{
    const core::EmbeddingV2Request &r = prepared.request;
    const SandboxModel &model = *prepared.model;
    const int dims = r.dimensions.value_or(model.embeddingSize);
    if (dims > model.embeddingSize)
        return badRequest(u"embeddings: field \"dimensions\": must be at most %1 for %2, got %3"_s
                              .arg(model.embeddingSize)
                              .arg(model.name())
                              .arg(dims));
    QStringList texts;
    switch (r.input.kind) {
    case core::EmbeddingV2Input::Kind::Text:
        texts = {r.input.text};
        break;
    case core::EmbeddingV2Input::Kind::Texts:
        texts = r.input.texts;
        break;
    case core::EmbeddingV2Input::Kind::TokenIds:
    case core::EmbeddingV2Input::Kind::TokenIdLists: {
        const QList<QList<qint64>> lists = r.input.kind == core::EmbeddingV2Input::Kind::TokenIds
            ? QList<QList<qint64>>{r.input.tokenIds}
            : r.input.tokenIdLists;
        for (const QList<qint64> &ids : lists) {
            QString error;
            const std::optional<QString> text = services.model.tokenizer().decode(ids, &error);
            if (!text)
                return badRequest(u"embeddings: field \"input\": %1"_s.arg(error));
            texts.append(*text);
        }
        break;
    }
    }
    core::EmbeddingV2Response response;
    response.object = u"list"_s;
    response.model = model.name();
    const bool base64 = r.encodingFormat.value_or(u"float"_s) == u"base64"_s;
    int tokens = 0;
    for (qsizetype i = 0; i < texts.size(); ++i) {
        const QList<float> v = textVector(texts.at(i), model, dims);
        core::EmbeddingV2Data data;
        data.object = u"embedding"_s;
        data.index = int(i);
        if (base64) {
            QByteArray raw(qsizetype(v.size()) * 4, Qt::Uninitialized);
            for (qsizetype k = 0; k < v.size(); ++k)
                qToLittleEndian(v.at(k), raw.data() + 4 * k);
            data.embeddingBase64 = QString::fromLatin1(raw.toBase64());
        } else {
            data.embedding = v;
        }
        response.data.append(data);
        tokens += int(services.model.tokenizer().encode(texts.at(i)).size());
    }
    core::EmbeddingV2Usage usage;
    usage.promptTokens = tokens;
    usage.totalTokens = tokens;
    response.usage = usage;
    return Reply::json(response.toJson());
}

Reply handleGradientEmbeddings(
    const Prepared<core::GradientEmbeddingsRequest> &prepared, const QString &slug)
{
    core::GradientEmbeddingsResponse response;
    for (qsizetype i = 0; i < prepared.request.inputs.size(); ++i) {
        core::GradientEmbedding e;
        e.embedding = gradientVector(prepared.request.inputs.at(i).input, slug);
        e.index = int(i);
        response.embeddings.append(e);
    }
    // The service answers in no particular order; keep the client honest about `index`.
    std::reverse(response.embeddings.begin(), response.embeddings.end());
    return Reply::json(response.toJson());
}

} // namespace sandbox
