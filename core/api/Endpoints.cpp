// SPDX-License-Identifier: MIT
#include "core/api/Endpoints.h"

#include "core/api/Chat.h"
#include "core/api/Completion.h"
#include "core/api/Embedding.h"
#include "core/api/Evaluation.h"
#include "core/api/Explanation.h"
#include "core/api/Models.h"
#include "core/api/Rerank.h"
#include "core/api/Steering.h"
#include "core/api/Tokenization.h"
#include "core/api/Translation.h"

#include <QList>
#include <QUrl>

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

template<class Response>
std::optional<QJsonValue> roundTripArray(const QJsonValue &json, QString *error)
{
    const std::optional<Response> response = Response::fromJson(json, error);
    if (!response)
        return std::nullopt;
    return QJsonValue(response->toJson());
}

enum Flags { None = 0, Hosting = 1, Nice = 2 };

/// A POST endpoint with a JSON body and one JSON answer.
template<class Request, class Response>
EndpointInfo post(const QString &name, int flags)
{
    EndpointInfo info;
    info.name = name;
    info.acceptsHosting = flags & Hosting;
    info.acceptsNice = flags & Nice;
    info.normalizeRequest = roundTripRequest<Request>;
    info.normalizeResponse = roundTripObject<Response>;
    return info;
}

EndpointInfo get(const QString &name,
    std::function<std::optional<QJsonValue>(const QJsonValue &, QString *)> normalizeResponse)
{
    EndpointInfo info;
    info.name = name;
    info.isGet = true;
    info.normalizeResponse = std::move(normalizeResponse);
    return info;
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
    complete.normalizeStreamEvent
        = [](const QJsonObject &json, QString *error) -> std::optional<QJsonObject> {
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
    // The spec declares an array of ChatResponse, OpenAI-style servers send one object: both are
    // read, and the answer keeps its shape.
    chat.normalizeResponse
        = [](const QJsonValue &json, QString *error) -> std::optional<QJsonValue> {
        if (json.isArray()) {
            QJsonArray out;
            for (const QJsonValue &item : json.toArray()) {
                const std::optional<QJsonValue> one = roundTripObject<ChatResponse>(item, error);
                if (!one)
                    return std::nullopt;
                out.append(*one);
            }
            return QJsonValue(out);
        }
        return roundTripObject<ChatResponse>(json, error);
    };
    chat.normalizeStreamEvent
        = [](const QJsonObject &json, QString *error) -> std::optional<QJsonObject> {
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

    list.append(post<TokenizationRequest, TokenizationResponse>(u"tokenize"_s, None));
    list.append(post<DetokenizationRequest, DetokenizationResponse>(u"detokenize"_s, None));
    list.append(post<ExplanationRequest, ExplanationResponse>(u"explain"_s, Hosting | Nice));
    list.append(post<EvaluationRequest, EvaluationResponse>(u"evaluate"_s, Hosting | Nice));
    list.append(post<EmbeddingRequest, EmbeddingResponse>(u"embed"_s, Hosting | Nice));
    list.append(post<SemanticEmbeddingRequest, SemanticEmbeddingResponse>(
        u"semantic_embed"_s, Hosting | Nice));
    list.append(post<BatchSemanticEmbeddingRequest, BatchSemanticEmbeddingResponse>(
        u"batch_semantic_embed"_s, Hosting | Nice));
    list.append(post<InstructableEmbeddingRequest, SemanticEmbeddingResponse>(
        u"instructable_embed"_s, Hosting | Nice));
    list.append(post<EmbeddingV2Request, EmbeddingV2Response>(u"embeddings"_s, Nice));
    list.append(post<TranslationRequest, TranslationResponse>(u"translate"_s, Nice));
    list.append(post<RerankRequest, RerankResponse>(u"rerank"_s, Nice));
    list.append(post<CreateSteeringConceptRequest, CreateSteeringConceptResponse>(
        u"steering_concepts"_s, None));
    list.append(get(u"model-settings"_s, roundTripArray<ModelSettingsResponse>));
    list.append(get(u"models_available"_s, roundTripArray<ModelsAvailableResponse>));
    list.append(get(u"users/me"_s, roundTripObject<UserDetail>));
    EndpointInfo version = get(u"version"_s,
        [](const QJsonValue &json, QString *) -> std::optional<QJsonValue> { return json; });
    version.textResponse = true;
    list.append(version);
    // A Hugging Face tokenizer.json: an open object, kept as it came.
    list.append(get(u"models/{modelName}/tokenizer"_s, roundTripObject<ModelTokenizerResponse>));
    return list;
}

const QList<EndpointInfo> &registry()
{
    static const QList<EndpointInfo> s_registry = buildRegistry();
    return s_registry;
}

} // namespace

namespace {

/// Whether `path` is `name` with each "{parameter}" segment replaced by one non-empty segment.
bool matchesWithParameters(const QString &name, const QString &path)
{
    if (!name.contains(u'{'))
        return false;
    const QStringList pattern = name.split(u'/');
    const QStringList segments = path.split(u'/');
    if (pattern.size() != segments.size())
        return false;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const bool parameter = pattern.at(i).startsWith(u'{') && pattern.at(i).endsWith(u'}');
        if (parameter ? segments.at(i).isEmpty() : segments.at(i) != pattern.at(i))
            return false;
    }
    return true;
}

} // namespace

const EndpointInfo *findEndpoint(const QString &name)
{
    for (const EndpointInfo &info : registry()) {
        if (info.name == name)
            return &info;
    }
    for (const EndpointInfo &info : registry()) {
        if (matchesWithParameters(info.name, name))
            return &info;
    }
    return nullptr;
}

QString modelTokenizerEndpoint(const QString &model)
{
    return u"models/"_s + QString::fromLatin1(QUrl::toPercentEncoding(model)) + u"/tokenizer"_s;
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
