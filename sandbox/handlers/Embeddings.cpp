// SPDX-License-Identifier: MIT
// POST /embed, /semantic_embed, /batch_semantic_embed, /instructable_embed, /embeddings and the
// Gradient embeddings API. The vectors themselves are Vectors.h's.
#include "sandbox/JsonWriter.h"
#include "sandbox/Vectors.h"
#include "sandbox/handlers/Handlers.h"
#include "sandbox/handlers/Support.h"

#include <QtEndian>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sandbox {

namespace {

/// A JSON body written by JsonWriter: vectors never go through QJsonArrays.
Reply jsonReply(QByteArray body)
{
    Reply out;
    out.body = std::move(body);
    return out;
}

/// The answer of /semantic_embed and /instructable_embed: one vector, and the tokens of the prompt
/// it embeds.
Reply embeddingReply(const QList<float> &embedding, const EncodedPrompt &prompt)
{
    core::SemanticEmbeddingResponse response;
    response.modelVersion = modelVersion();
    response.embedding = embedding;
    response.numTokensPromptTotal = int(prompt.context.size());
    return jsonReply(jsonText(response));
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
    return jsonReply(jsonText(response));
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
    core::BatchSemanticEmbeddingResponse response;
    response.modelVersion = modelVersion();
    int tokens = 0;
    for (const EncodedPrompt &prompt : prepared.prompts) {
        response.embeddings.append(semanticVector(prompt,
            model.name(),
            r.representation,
            r.compressToSize.value_or(model.embeddingSize),
            r.normalize.value_or(false)));
        tokens += int(prompt.context.size());
    }
    response.numTokensPromptTotal = tokens;
    return jsonReply(jsonText(response));
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
    return jsonReply(jsonText(response));
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
