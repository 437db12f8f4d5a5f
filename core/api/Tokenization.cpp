// SPDX-License-Identifier: MIT
#include "core/api/Tokenization.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace core {

void TokenizationRequest::read(json::Reader &r)
{
    r.required(u"model"_s, model);
    r.required(u"prompt"_s, prompt);
    r.required(u"tokens"_s, tokens);
    r.required(u"token_ids"_s, tokenIds);
}

void TokenizationRequest::write(json::Writer &w) const
{
    w.put(u"model"_s, model);
    w.put(u"prompt"_s, prompt);
    w.put(u"tokens"_s, tokens);
    w.put(u"token_ids"_s, tokenIds);
}

QJsonObject TokenizationRequest::toJson() const
{
    return json::serialize(*this);
}

std::optional<TokenizationRequest> TokenizationRequest::fromJson(
    const QJsonObject &json, QString *error)
{
    return json::parse<TokenizationRequest>(json, u"tokenize"_s, json::Mode::Strict, error);
}

void TokenizationResponse::read(json::Reader &r)
{
    r.optional(u"tokens"_s, tokens);
    r.optional(u"token_ids"_s, tokenIds);
}

void TokenizationResponse::write(json::Writer &w) const
{
    w.put(u"tokens"_s, tokens);
    w.put(u"token_ids"_s, tokenIds);
}

QJsonObject TokenizationResponse::toJson() const
{
    return json::serialize(*this);
}

std::optional<TokenizationResponse> TokenizationResponse::fromJson(
    const QJsonObject &json, QString *error)
{
    return json::parse<TokenizationResponse>(
        json, u"tokenize response"_s, json::Mode::Lenient, error);
}

std::optional<TokenizationResponse> TokenizationResponse::fromElement(
    const json::Element &json, QString *error)
{
    return json::parse<TokenizationResponse, json::Element>(
        json, u"tokenize response"_s, json::Mode::Lenient, error);
}

void DetokenizationRequest::read(json::Reader &r)
{
    r.required(u"model"_s, model);
    r.required(u"token_ids"_s, tokenIds);
}

void DetokenizationRequest::write(json::Writer &w) const
{
    w.put(u"model"_s, model);
    w.put(u"token_ids"_s, tokenIds);
}

QJsonObject DetokenizationRequest::toJson() const
{
    return json::serialize(*this);
}

std::optional<DetokenizationRequest> DetokenizationRequest::fromJson(
    const QJsonObject &json, QString *error)
{
    return json::parse<DetokenizationRequest>(json, u"detokenize"_s, json::Mode::Strict, error);
}

void DetokenizationResponse::read(json::Reader &r)
{
    r.required(u"result"_s, result);
}

void DetokenizationResponse::write(json::Writer &w) const
{
    w.put(u"result"_s, result);
}

QJsonObject DetokenizationResponse::toJson() const
{
    return json::serialize(*this);
}

std::optional<DetokenizationResponse> DetokenizationResponse::fromJson(
    const QJsonObject &json, QString *error)
{
    return json::parse<DetokenizationResponse>(
        json, u"detokenize response"_s, json::Mode::Lenient, error);
}

void ModelTokenizerResponse::read(json::Reader &r)
{
    r.optional(u"version"_s, version);
    r.optional(u"model"_s, model);
}

void ModelTokenizerResponse::write(json::Writer &w) const
{
    w.put(u"version"_s, version);
    w.put(u"model"_s, model);
}

QString ModelTokenizerResponse::modelType() const
{
    return model.value_or(QJsonObject()).value(u"type"_s).toString();
}

qsizetype ModelTokenizerResponse::vocabularySize() const
{
    const QJsonValue vocab = model.value_or(QJsonObject()).value(u"vocab"_s);
    QSet<qint64> ids;
    qsizetype size = 0;
    if (vocab.isObject()) {
        const QJsonObject object = vocab.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            ids.insert(it.value().toInteger(-1));
        size = ids.size();
    } else if (vocab.isArray()) { // Unigram: the id is the position
        size = vocab.toArray().size();
        for (qint64 id = 0; id < size; ++id)
            ids.insert(id);
    }
    for (const QJsonValue &token : extra.value(u"added_tokens"_s).toArray()) {
        const qint64 id = token.toObject().value(u"id"_s).toInteger(-1);
        if (id >= 0 && !ids.contains(id)) {
            ids.insert(id);
            ++size;
        }
    }
    return size;
}

} // namespace core
