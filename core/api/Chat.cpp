// SPDX-License-Identifier: MIT
#include "core/api/Chat.h"

#include "core/api/ImageFile.h"

using namespace Qt::StringLiterals;

namespace core {

void ChatImageUrl::read(json::Reader &r)
{
    r.required(u"url"_s, url);
    r.optional(u"detail"_s, detail);
}

void ChatImageUrl::write(json::Writer &w) const
{
    w.put(u"url"_s, url);
    w.put(u"detail"_s, detail);
}

ChatContentPart ChatContentPart::fromText(const QString &text)
{
    ChatContentPart part;
    part.type = u"text"_s;
    part.text = text;
    return part;
}

ChatContentPart ChatContentPart::fromImageDataUrl(const QString &dataUrl)
{
    ChatContentPart part;
    part.type = u"image_url"_s;
    ChatImageUrl url;
    url.url = dataUrl;
    part.imageUrl = url;
    return part;
}

std::optional<ChatContentPart> ChatContentPart::fromImageFile(const QString &path, QString *error)
{
    const std::optional<ImageFile> image = ImageFile::load(path, error);
    if (!image)
        return std::nullopt;
    const std::optional<QString> url = image->pngDataUrl(error);
    if (!url)
        return std::nullopt;
    return fromImageDataUrl(*url);
}

void ChatContentPart::read(json::Reader &r)
{
    r.required(u"type"_s, type);
    if (r.failed())
        return;
    if (type == u"text"_s) {
        QString t;
        r.required(u"text"_s, t);
        text = t;
    } else if (type == u"image_url"_s) {
        ChatImageUrl url;
        r.required(u"image_url"_s, url);
        imageUrl = url;
    } else if (r.context().mode == json::Mode::Strict) {
        r.context().child(u"type"_s).fail(
            u"unknown content part type \"%1\" (expected text or image_url)"_s.arg(type));
    }
}

void ChatContentPart::write(json::Writer &w) const
{
    w.put(u"type"_s, type);
    w.put(u"text"_s, text);
    w.put(u"image_url"_s, imageUrl);
}

void ChatFunctionCall::read(json::Reader &r)
{
    r.optional(u"name"_s, name);
    r.optional(u"arguments"_s, arguments);
}

void ChatFunctionCall::write(json::Writer &w) const
{
    w.put(u"name"_s, name);
    w.put(u"arguments"_s, arguments);
}

void ChatToolCall::read(json::Reader &r)
{
    r.optional(u"index"_s, index);
    if (r.context().mode == json::Mode::Strict) {
        QString i;
        QString t;
        ChatFunctionCall f;
        r.required(u"id"_s, i);
        r.required(u"type"_s, t);
        r.required(u"function"_s, f);
        id = i;
        type = t;
        function = f;
        return;
    }
    r.optional(u"id"_s, id);
    r.optional(u"type"_s, type);
    r.optional(u"function"_s, function);
}

void ChatToolCall::write(json::Writer &w) const
{
    w.put(u"index"_s, index);
    w.put(u"id"_s, id);
    w.put(u"type"_s, type);
    w.put(u"function"_s, function);
}

ChatMessage ChatMessage::fromText(const QString &role, const QString &text)
{
    ChatMessage m;
    m.role = role;
    m.content = text;
    return m;
}

QString ChatMessage::text() const
{
    if (content)
        return *content;
    QStringList parts;
    if (contentParts) {
        for (const ChatContentPart &part : *contentParts) {
            if (part.text)
                parts.append(*part.text);
        }
    }
    return parts.join(u'\n');
}

void ChatMessage::read(json::Reader &r)
{
    r.required(u"role"_s, role);
    r.accept(u"content"_s);
    const QJsonValue v = r.value(u"content"_s);
    const json::Context c = r.context().child(u"content"_s);
    if (v.isString()) {
        content = v.toString();
    } else if (v.isArray()) {
        QList<ChatContentPart> parts;
        if (json::read(v, parts, c))
            contentParts = parts;
    } else if (v.isUndefined() || v.isNull()) {
        if (r.context().mode == json::Mode::Strict)
            c.failMissing();
    } else {
        c.fail(u"expected a string or an array of content parts, got "_s + json::typeName(v));
    }
    r.optional(u"tool_calls"_s, toolCalls);
    r.optional(u"tool_call_id"_s, toolCallId);
    r.optional(u"name"_s, name);
}

void ChatMessage::write(json::Writer &w) const
{
    w.put(u"role"_s, role);
    if (contentParts)
        w.put(u"content"_s, *contentParts);
    else
        w.put(u"content"_s, content);
    w.put(u"tool_calls"_s, toolCalls);
    w.put(u"tool_call_id"_s, toolCallId);
    w.put(u"name"_s, name);
}

void ChatFunction::read(json::Reader &r)
{
    r.required(u"name"_s, name);
    r.optional(u"description"_s, description);
    r.optional(u"parameters"_s, parameters);
    r.optional(u"strict"_s, strict);
}

void ChatFunction::write(json::Writer &w) const
{
    w.put(u"name"_s, name);
    w.put(u"description"_s, description);
    w.put(u"parameters"_s, parameters);
    w.put(u"strict"_s, strict);
}

void ChatTool::read(json::Reader &r)
{
    r.required(u"type"_s, type);
    r.required(u"function"_s, function);
}

void ChatTool::write(json::Writer &w) const
{
    w.put(u"type"_s, type);
    w.put(u"function"_s, function);
}

void ChatJsonSchema::read(json::Reader &r)
{
    r.required(u"name"_s, name);
    r.required(u"schema"_s, schema);
    r.optional(u"description"_s, description);
    r.optional(u"strict"_s, strict);
}

void ChatJsonSchema::write(json::Writer &w) const
{
    w.put(u"name"_s, name);
    w.put(u"schema"_s, schema);
    w.put(u"description"_s, description);
    w.put(u"strict"_s, strict);
}

void ChatResponseFormat::read(json::Reader &r)
{
    r.required(u"type"_s, type);
    r.required(u"json_schema"_s, jsonSchema);
}

void ChatResponseFormat::write(json::Writer &w) const
{
    w.put(u"type"_s, type);
    w.put(u"json_schema"_s, jsonSchema);
}

void ChatStreamOptions::read(json::Reader &r)
{
    r.optional(u"include_usage"_s, includeUsage);
}

void ChatStreamOptions::write(json::Writer &w) const
{
    w.put(u"include_usage"_s, includeUsage);
}

void ChatRequest::read(json::Reader &r)
{
    r.required(u"model"_s, model);
    r.required(u"messages"_s, messages);
    r.optional(u"max_tokens"_s, maxTokens);
    r.optional(u"maximum_tokens"_s, maximumTokens);
    r.optional(u"n"_s, n);
    r.optional(u"temperature"_s, temperature);
    r.optional(u"top_p"_s, topP);
    r.optional(u"top_k"_s, topK);
    r.optional(u"frequency_penalty"_s, frequencyPenalty);
    r.optional(u"presence_penalty"_s, presencePenalty);
    r.optional(u"logit_bias"_s, logitBias);
    r.optional(u"logprobs"_s, logprobs);
    r.optional(u"top_logprobs"_s, topLogprobs);
    r.optional(u"stop"_s, stop);
    r.optional(u"stream"_s, stream);
    r.optional(u"stream_options"_s, streamOptions);
    r.optional(u"response_format"_s, responseFormat);
    r.optional(u"tools"_s, tools);
    r.optional(u"tool_choice"_s, toolChoice);
    r.optional(u"steering_concepts"_s, steeringConcepts);
    r.optional(u"parallel_tool_calls"_s, parallelToolCalls);
    r.optional(u"seed"_s, seed);
    r.optional(u"service_tier"_s, serviceTier);
    r.optional(u"user"_s, user);
    r.optional(u"tags"_s, tags);
}

void ChatRequest::write(json::Writer &w) const
{
    w.put(u"model"_s, model);
    w.put(u"messages"_s, messages);
    w.put(u"max_tokens"_s, maxTokens);
    w.put(u"maximum_tokens"_s, maximumTokens);
    w.put(u"n"_s, n);
    w.put(u"temperature"_s, temperature);
    w.put(u"top_p"_s, topP);
    w.put(u"top_k"_s, topK);
    w.put(u"frequency_penalty"_s, frequencyPenalty);
    w.put(u"presence_penalty"_s, presencePenalty);
    w.put(u"logit_bias"_s, logitBias);
    w.put(u"logprobs"_s, logprobs);
    w.put(u"top_logprobs"_s, topLogprobs);
    w.put(u"stop"_s, stop);
    w.put(u"stream"_s, stream);
    w.put(u"stream_options"_s, streamOptions);
    w.put(u"response_format"_s, responseFormat);
    w.put(u"tools"_s, tools);
    w.put(u"tool_choice"_s, toolChoice);
    w.put(u"steering_concepts"_s, steeringConcepts);
    w.put(u"parallel_tool_calls"_s, parallelToolCalls);
    w.put(u"seed"_s, seed);
    w.put(u"service_tier"_s, serviceTier);
    w.put(u"user"_s, user);
    w.put(u"tags"_s, tags);
}

QJsonObject ChatRequest::toJson() const
{
    return json::serialize(*this);
}

std::optional<ChatRequest> ChatRequest::fromJson(const QJsonObject &json, QString *error)
{
    return json::parse<ChatRequest>(json, u"chat/completions"_s, json::Mode::Strict, error);
}

void ChatTopLogprob::read(json::Reader &r)
{
    r.required(u"token"_s, token);
    r.required(u"logprob"_s, logprob);
    r.optional(u"bytes"_s, bytes);
}

void ChatTopLogprob::write(json::Writer &w) const
{
    w.put(u"token"_s, token);
    w.put(u"logprob"_s, logprob);
    w.put(u"bytes"_s, bytes);
}

void ChatTokenLogprob::read(json::Reader &r)
{
    r.required(u"token"_s, token);
    r.required(u"logprob"_s, logprob);
    r.optional(u"bytes"_s, bytes);
    r.optional(u"top_logprobs"_s, topLogprobs);
}

void ChatTokenLogprob::write(json::Writer &w) const
{
    w.put(u"token"_s, token);
    w.put(u"logprob"_s, logprob);
    w.put(u"bytes"_s, bytes);
    w.put(u"top_logprobs"_s, topLogprobs);
}

void ChatLogprobs::read(json::Reader &r)
{
    r.optional(u"content"_s, content);
}

void ChatLogprobs::write(json::Writer &w) const
{
    w.put(u"content"_s, content);
}

void ChatDelta::read(json::Reader &r)
{
    r.optional(u"role"_s, role);
    r.optional(u"content"_s, content);
    r.optional(u"tool_calls"_s, toolCalls);
}

void ChatDelta::write(json::Writer &w) const
{
    w.put(u"role"_s, role);
    w.put(u"content"_s, content);
    w.put(u"tool_calls"_s, toolCalls);
}

void ChatChoice::read(json::Reader &r)
{
    r.required(u"index"_s, index);
    r.optional(u"finish_reason"_s, finishReason);
    r.optional(u"message"_s, message);
    r.optional(u"delta"_s, delta);
    r.optional(u"logprobs"_s, logprobs);
}

void ChatChoice::write(json::Writer &w) const
{
    w.put(u"index"_s, index);
    w.put(u"finish_reason"_s, finishReason);
    w.put(u"message"_s, message);
    w.put(u"delta"_s, delta);
    w.put(u"logprobs"_s, logprobs);
}

void ChatUsage::read(json::Reader &r)
{
    r.required(u"prompt_tokens"_s, promptTokens);
    r.required(u"completion_tokens"_s, completionTokens);
    r.required(u"total_tokens"_s, totalTokens);
}

void ChatUsage::write(json::Writer &w) const
{
    w.put(u"prompt_tokens"_s, promptTokens);
    w.put(u"completion_tokens"_s, completionTokens);
    w.put(u"total_tokens"_s, totalTokens);
}

void ChatResponse::read(json::Reader &r)
{
    r.optional(u"id"_s, id);
    r.optional(u"object"_s, object);
    r.optional(u"created"_s, created);
    r.optional(u"model"_s, model);
    r.optional(u"system_fingerprint"_s, systemFingerprint);
    r.optional(u"usage"_s, usage);
    r.required(u"choices"_s, choices);
}

void ChatResponse::write(json::Writer &w) const
{
    w.put(u"id"_s, id);
    w.put(u"object"_s, object);
    w.put(u"created"_s, created);
    w.put(u"model"_s, model);
    w.put(u"system_fingerprint"_s, systemFingerprint);
    w.put(u"usage"_s, usage);
    w.put(u"choices"_s, choices);
}

QJsonObject ChatResponse::toJson() const
{
    return json::serialize(*this);
}

std::optional<ChatResponse> ChatResponse::fromJson(const QJsonObject &json, QString *error)
{
    return json::parse<ChatResponse>(
        json, u"chat/completions response"_s, json::Mode::Lenient, error);
}

std::optional<ChatResponse> ChatResponse::fromJsonValue(const QJsonValue &json, QString *error)
{
    if (json.isArray()) {
        const QJsonArray array = json.toArray();
        if (array.size() != 1 || !array.first().isObject()) {
            if (error)
                *error
                    = u"chat/completions response: expected one response object, got an array of %1"_s
                          .arg(array.size());
            return std::nullopt;
        }
        return fromJson(array.first().toObject(), error);
    }
    return json::parse<ChatResponse>(
        json, u"chat/completions response"_s, json::Mode::Lenient, error);
}

namespace json {

bool read(const QJsonValue &v, ChatToolChoice &out, const Context &c)
{
    out = ChatToolChoice();
    if (v.isString()) {
        out.mode = v.toString();
        if (out.mode != u"none"_s && out.mode != u"auto"_s && out.mode != u"required"_s) {
            c.fail(u"expected \"none\", \"auto\" or \"required\", got \"%1\""_s.arg(out.mode));
            return false;
        }
        return true;
    }
    if (!v.isObject()) {
        c.fail(u"expected a string or a function choice object, got "_s + typeName(v));
        return false;
    }
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() != u"type"_s && it.key() != u"function"_s) {
            c.child(it.key()).fail(u"unknown field: the typed request has no place for it"_s);
            return false;
        }
    }
    QString type;
    QJsonObject function;
    QString name;
    if (!read(o.value(u"type"_s), type, c.child(u"type"_s))
        || !read(o.value(u"function"_s), function, c.child(u"function"_s))
        || !read(function.value(u"name"_s), name, c.child(u"function.name"_s)))
        return false;
    if (function.size() != 1) {
        c.child(u"function"_s).fail(u"only \"name\" is allowed here"_s);
        return false;
    }
    out.mode = type;
    out.functionName = name;
    return true;
}

bool read(const QJsonValue &v, ChatStop &out, const Context &c)
{
    out = ChatStop();
    if (v.isString()) {
        out.single = true;
        out.sequences = QStringList{v.toString()};
        return true;
    }
    if (!v.isArray()) {
        c.fail(u"expected a string or an array of strings, got "_s + typeName(v));
        return false;
    }
    return read(v, out.sequences, c);
}

} // namespace json

QJsonValue toValue(const ChatToolChoice &v)
{
    if (!v.functionName)
        return v.mode;
    return QJsonObject{
        {u"type"_s, v.mode}, {u"function"_s, QJsonObject{{u"name"_s, *v.functionName}}}};
}

QJsonValue toValue(const ChatStop &v)
{
    if (v.single && v.sequences.size() == 1)
        return v.sequences.first();
    return QJsonArray::fromStringList(v.sequences);
}

} // namespace core
