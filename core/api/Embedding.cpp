// SPDX-License-Identifier: MIT
#include "core/api/Embedding.h"

#include <QtEndian>

using namespace Qt::StringLiterals;

namespace core {

QString toString(Representation representation)
{
    switch (representation) {
    case Representation::Symmetric:
        return u"symmetric"_s;
    case Representation::Document:
        return u"document"_s;
    case Representation::Query:
        return u"query"_s;
    }
    return {};
}

std::optional<Representation> representationFromString(const QString &name)
{
    for (Representation r :
        {Representation::Symmetric, Representation::Document, Representation::Query}) {
        if (toString(r) == name)
            return r;
    }
    return std::nullopt;
}

QJsonValue toValue(Representation representation)
{
    return toString(representation);
}

namespace json {
bool read(const QJsonValue &v, Representation &out, const Context &c)
{
    QString name;
    if (!read(v, name, c))
        return false;
    const std::optional<Representation> r = representationFromString(name);
    if (!r) {
        c.fail(u"\"%1\" is not one of: symmetric, document, query"_s.arg(name));
        return false;
    }
    out = *r;
    return true;
}
} // namespace json

namespace {

const QStringList kHostings{u"aleph-alpha"_s};

} // namespace

void SemanticEmbeddingOptions::readOptions(json::Reader &r)
{
    r.optional(u"model"_s, model);
    r.optionalEnum(u"hosting"_s, hosting, kHostings);
    r.required(u"representation"_s, representation);
    r.optional(u"compress_to_size"_s, compressToSize);
    if (compressToSize && *compressToSize != kCompressedEmbeddingSize
        && r.context().mode == json::Mode::Strict)
        r.context()
            .child(u"compress_to_size"_s)
            .fail(u"only 128 is supported (leave it out for the full size)"_s);
    r.optional(u"normalize"_s, normalize);
    readControls(r);
}

void SemanticEmbeddingOptions::writeOptions(json::Writer &w) const
{
    w.put(u"model"_s, model);
    w.put(u"hosting"_s, hosting);
    w.put(u"representation"_s, representation);
    w.put(u"compress_to_size"_s, compressToSize);
    w.put(u"normalize"_s, normalize);
    writeControls(w);
}

void SemanticEmbeddingRequest::read(json::Reader &r)
{
    readOptions(r);
    r.required(u"prompt"_s, prompt);
}

void SemanticEmbeddingRequest::write(json::Writer &w) const
{
    writeOptions(w);
    w.put(u"prompt"_s, prompt);
}

void BatchSemanticEmbeddingRequest::read(json::Reader &r)
{
    readOptions(r);
    r.required(u"prompts"_s, prompts);
    if (!r.failed() && prompts.size() > kMaxPromptsPerBatch
        && r.context().mode == json::Mode::Strict)
        r.context()
            .child(u"prompts"_s)
            .fail(
                u"%1 prompts; one request takes at most %2 (alephctl embed and BatchEmbedder split longer lists)"_s
                    .arg(prompts.size())
                    .arg(kMaxPromptsPerBatch));
}

void BatchSemanticEmbeddingRequest::write(json::Writer &w) const
{
    writeOptions(w);
    w.put(u"prompts"_s, prompts);
}

void SemanticEmbeddingResponse::read(json::Reader &r)
{
    r.optional(u"model_version"_s, modelVersion);
    r.required(u"embedding"_s, embedding);
    r.optional(u"num_tokens_prompt_total"_s, numTokensPromptTotal);
}

void SemanticEmbeddingResponse::write(json::Writer &w) const
{
    w.put(u"model_version"_s, modelVersion);
    w.put(u"embedding"_s, embedding);
    w.put(u"num_tokens_prompt_total"_s, numTokensPromptTotal);
}

void BatchSemanticEmbeddingResponse::read(json::Reader &r)
{
    r.optional(u"model_version"_s, modelVersion);
    r.required(u"embeddings"_s, embeddings);
    r.optional(u"num_tokens_prompt_total"_s, numTokensPromptTotal);
}

void BatchSemanticEmbeddingResponse::write(json::Writer &w) const
{
    w.put(u"model_version"_s, modelVersion);
    w.put(u"embeddings"_s, embeddings);
    w.put(u"num_tokens_prompt_total"_s, numTokensPromptTotal);
}

void InstructableEmbeddingRequest::read(json::Reader &r)
{
    r.optional(u"model"_s, model);
    r.optionalEnum(u"hosting"_s, hosting, kHostings);
    r.required(u"input"_s, input);
    // The instruction may be the empty string, but the key is required.
    r.required(u"instruction"_s, instruction);
    r.optional(u"normalize"_s, normalize);
    readControls(r);
}

void InstructableEmbeddingRequest::write(json::Writer &w) const
{
    w.put(u"model"_s, model);
    w.put(u"hosting"_s, hosting);
    w.put(u"input"_s, input);
    w.put(u"instruction"_s, instruction);
    w.put(u"normalize"_s, normalize);
    writeControls(w);
}

void EmbeddingRequest::read(json::Reader &r)
{
    r.required(u"model"_s, model);
    r.optionalEnum(u"hosting"_s, hosting, kHostings);
    r.required(u"prompt"_s, prompt);
    r.optional(u"layers"_s, layers);
    r.optional(u"tokens"_s, tokens);
    r.optional(u"pooling"_s, pooling);
    r.optional(u"type"_s, type);
    r.optional(u"normalize"_s, normalize);
    readControls(r);
}

void EmbeddingRequest::write(json::Writer &w) const
{
    w.put(u"model"_s, model);
    w.put(u"hosting"_s, hosting);
    w.put(u"prompt"_s, prompt);
    w.put(u"layers"_s, layers);
    w.put(u"tokens"_s, tokens);
    w.put(u"pooling"_s, pooling);
    w.put(u"type"_s, type);
    w.put(u"normalize"_s, normalize);
    writeControls(w);
}

void EmbeddingResponse::read(json::Reader &r)
{
    r.optional(u"model_version"_s, modelVersion);
    r.optional(u"embeddings"_s, embeddings);
    r.optional(u"tokens"_s, tokens);
    r.optional(u"num_tokens_prompt_total"_s, numTokensPromptTotal);
}

void EmbeddingResponse::write(json::Writer &w) const
{
    w.put(u"model_version"_s, modelVersion);
    w.put(u"embeddings"_s, embeddings);
    w.put(u"tokens"_s, tokens);
    w.put(u"num_tokens_prompt_total"_s, numTokensPromptTotal);
}

EmbeddingV2Input EmbeddingV2Input::fromTexts(const QStringList &texts)
{
    EmbeddingV2Input input;
    input.kind = Kind::Texts;
    input.texts = texts;
    return input;
}

qsizetype EmbeddingV2Input::count() const
{
    switch (kind) {
    case Kind::Text:
    case Kind::TokenIds:
        return 1;
    case Kind::Texts:
        return texts.size();
    case Kind::TokenIdLists:
        return tokenIdLists.size();
    }
    return 0;
}

QJsonValue toValue(const EmbeddingV2Input &input)
{
    switch (input.kind) {
    case EmbeddingV2Input::Kind::Text:
        return input.text;
    case EmbeddingV2Input::Kind::Texts:
        return json::toValue(input.texts);
    case EmbeddingV2Input::Kind::TokenIds:
        return json::toValue(input.tokenIds);
    case EmbeddingV2Input::Kind::TokenIdLists:
        return json::toValue(input.tokenIdLists);
    }
    return {};
}

namespace json {
bool read(const QJsonValue &v, EmbeddingV2Input &out, const Context &c)
{
    out = EmbeddingV2Input();
    if (v.isString()) {
        out.kind = EmbeddingV2Input::Kind::Text;
        out.text = v.toString();
        return true;
    }
    const QJsonArray array = v.toArray();
    if (!v.isArray() || array.isEmpty()) {
        c.fail(
            u"expected a string or a non-empty array of strings, token ids or token-id lists, got "_s
            + (v.isArray() ? u"an empty array"_s : typeName(v)));
        return false;
    }
    const QJsonValue first = array.first();
    if (first.isString()) {
        out.kind = EmbeddingV2Input::Kind::Texts;
        return read(v, out.texts, c);
    }
    if (first.isArray()) {
        out.kind = EmbeddingV2Input::Kind::TokenIdLists;
        return read(v, out.tokenIdLists, c);
    }
    out.kind = EmbeddingV2Input::Kind::TokenIds;
    return read(v, out.tokenIds, c);
}
} // namespace json

void EmbeddingV2Request::read(json::Reader &r)
{
    r.required(u"model"_s, model);
    r.required(u"input"_s, input);
    r.optionalEnum(u"encoding_format"_s, encodingFormat, {u"float"_s, u"base64"_s});
    r.optional(u"dimensions"_s, dimensions);
    if (dimensions && *dimensions < 1 && r.context().mode == json::Mode::Strict)
        r.context().child(u"dimensions"_s).fail(u"must be at least 1"_s);
    if (!r.value(u"user"_s).isUndefined() && !r.value(u"user"_s).isNull())
        r.context().child(u"user"_s).fail(
            u"deprecated; the server rejects requests that carry it"_s);
}

void EmbeddingV2Request::write(json::Writer &w) const
{
    w.put(u"model"_s, model);
    w.put(u"input"_s, input);
    w.put(u"encoding_format"_s, encodingFormat);
    w.put(u"dimensions"_s, dimensions);
}

Embedding EmbeddingV2Data::vector() const
{
    if (!embeddingBase64)
        return embedding;
    const QByteArray bytes = QByteArray::fromBase64(embeddingBase64->toLatin1());
    if (bytes.size() % 4 != 0)
        return {};
    Embedding out(bytes.size() / 4);
    for (qsizetype i = 0; i < out.size(); ++i)
        out[i] = qFromLittleEndian<float>(bytes.constData() + 4 * i);
    return out;
}

void EmbeddingV2Data::read(json::Reader &r)
{
    r.optional(u"object"_s, object);
    const QJsonValue value = r.value(u"embedding"_s);
    if (value.isString()) {
        r.accept(u"embedding"_s);
        embeddingBase64 = value.toString();
    } else {
        r.required(u"embedding"_s, embedding);
    }
    r.required(u"index"_s, index);
}

void EmbeddingV2Data::write(json::Writer &w) const
{
    w.put(u"object"_s, object);
    if (embeddingBase64)
        w.put(u"embedding"_s, *embeddingBase64);
    else
        w.put(u"embedding"_s, embedding);
    w.put(u"index"_s, index);
}

void EmbeddingV2Usage::read(json::Reader &r)
{
    r.required(u"prompt_tokens"_s, promptTokens);
    r.required(u"total_tokens"_s, totalTokens);
}

void EmbeddingV2Usage::write(json::Writer &w) const
{
    w.put(u"prompt_tokens"_s, promptTokens);
    w.put(u"total_tokens"_s, totalTokens);
}

void EmbeddingV2Response::read(json::Reader &r)
{
    r.optional(u"object"_s, object);
    r.required(u"data"_s, data);
    r.optional(u"model"_s, model);
    r.optional(u"usage"_s, usage);
}

void EmbeddingV2Response::write(json::Writer &w) const
{
    w.put(u"object"_s, object);
    w.put(u"data"_s, data);
    w.put(u"model"_s, model);
    w.put(u"usage"_s, usage);
}

} // namespace core
