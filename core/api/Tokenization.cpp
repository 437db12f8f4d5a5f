// SPDX-License-Identifier: MIT
#include "core/api/Tokenization.h"

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

std::optional<TokenizationRequest> TokenizationRequest::fromJson(const QJsonObject &json,
                                                                 QString *error)
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

std::optional<TokenizationResponse> TokenizationResponse::fromJson(const QJsonObject &json,
                                                                   QString *error)
{
    return json::parse<TokenizationResponse>(
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

std::optional<DetokenizationRequest> DetokenizationRequest::fromJson(const QJsonObject &json,
                                                                     QString *error)
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

std::optional<DetokenizationResponse> DetokenizationResponse::fromJson(const QJsonObject &json,
                                                                       QString *error)
{
    return json::parse<DetokenizationResponse>(
        json, u"detokenize response"_s, json::Mode::Lenient, error);
}

} // namespace core
