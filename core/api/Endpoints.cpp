// SPDX-License-Identifier: MIT
#include "core/api/Endpoints.h"

#include "core/api/Chat.h"
#include "core/api/Completion.h"
#include "core/api/Models.h"
#include "core/api/Tokenization.h"

#include <QList>

using namespace Qt::StringLiterals;

namespace core {
namespace {

template<class Request>
std::optional<QJsonObject> roundTripRequest(const QJsonObject &json, QString *error)
{
    const std::optional<Request> request = Request::fromJson(json, error);
    if (!request)
        return std::nullopt;
    return request->toJson();
}

template<class Response>
std::optional<QJsonValue> roundTripObject(const QJsonValue &json, QString *error)
{
    if (!json.isObject()) {
        if (error)
            *error = u"expected a JSON object, got "_s + json::typeName(json);
        return std::nullopt;
    }
    const std::optional<Response> response = Response::fromJson(json.toObject(), error);
    if (!response)
        return std::nullopt;
    return QJsonValue(response->toJson());
}

QList<EndpointInfo> buildRegistry()
{
    QList<EndpointInfo> list;

    EndpointInfo complete;
    complete.name = u"complete"_s;
    complete.acceptsHosting = true;
    complete.acceptsNice = true;
    complete.normalizeRequest = roundTripRequest<CompletionRequest>;
    complete.normalizeResponse = roundTripObject<CompletionResponse>;
    complete.normalizeStreamEvent = [](const QJsonObject &json, QString *error) -> std::optional<QJsonObject> {
        const auto event = CompletionStreamEvent::fromJson(json, error);
        if (!event)
            return std::nullopt;
        return event->toJson();
    };
    complete.isFinalStreamEvent = [](const QJsonObject &json) {
        return json.value(u"type"_s).toString() == u"completion_summary"_s;
    };
    list.append(complete);

    EndpointInfo chat;
    chat.name = u"chat/completions"_s;
    chat.acceptsNice = true;
    chat.normalizeRequest = roundTripRequest<ChatRequest>;
    chat.normalizeResponse = [](const QJsonValue &json, QString *error) -> std::optional<QJsonValue> {
        const auto response = ChatResponse::fromJsonValue(json, error);
        if (!response)
            return std::nullopt;
        return QJsonValue(response->toJson());
    };
    chat.normalizeStreamEvent = [](const QJsonObject &json, QString *error) -> std::optional<QJsonObject> {
        const auto chunk = ChatResponse::fromJson(json, error);
        if (!chunk)
            return std::nullopt;
        return chunk->toJson();
    };
    chat.isFinalStreamEvent = [](const QJsonObject &json) {
        for (const QJsonValue &choice : json.value(u"choices"_s).toArray()) {
            if (choice.toObject().value(u"finish_reason"_s).isString())
                return true;
        }
        return false;
    };
    list.append(chat);

    EndpointInfo tokenize;
    tokenize.name = u"tokenize"_s;
    tokenize.normalizeRequest = roundTripRequest<TokenizationRequest>;
    tokenize.normalizeResponse = roundTripObject<TokenizationResponse>;
    list.append(tokenize);

    EndpointInfo detokenize;
    detokenize.name = u"detokenize"_s;
    detokenize.normalizeRequest = roundTripRequest<DetokenizationRequest>;
    detokenize.normalizeResponse = roundTripObject<DetokenizationResponse>;
    list.append(detokenize);

    EndpointInfo modelSettings;
    modelSettings.name = u"model-settings"_s;
    modelSettings.isGet = true;
    modelSettings.normalizeResponse = [](const QJsonValue &json, QString *error) -> std::optional<QJsonValue> {
        const auto response = ModelSettingsResponse::fromJson(json, error);
        if (!response)
            return std::nullopt;
        return QJsonValue(response->toJson());
    };
    list.append(modelSettings);
    return list;
}

const QList<EndpointInfo> &registry()
{
    static const QList<EndpointInfo> s_registry = buildRegistry();
    return s_registry;
}

} // namespace

const EndpointInfo *findEndpoint(const QString &name)
{
    for (const EndpointInfo &info : registry()) {
        if (info.name == name)
            return &info;
    }
    return nullptr;
}

QStringList endpointNames()
{
    QStringList names;
    for (const EndpointInfo &info : registry())
        names.append(info.name);
    names.sort();
    return names;
}

} // namespace core
