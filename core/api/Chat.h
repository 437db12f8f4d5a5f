// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Json.h"

#include <QMap>
#include <QStringList>

#include <optional>

namespace core {

/// `image_url` of a content part: a base64 data URL ("data:image/png;base64,...").
struct ChatImageUrl
{
    QString url;
    std::optional<QString> detail; ///< only "auto" is allowed
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// One part of a multimodal chat message: `{type:"text", text}` or `{type:"image_url", image_url}`.
struct ChatContentPart
{
    QString type; ///< "text" | "image_url"
    std::optional<QString> text;
    std::optional<ChatImageUrl> imageUrl;
    QJsonObject extra;
    static ChatContentPart fromText(const QString &text);
    static ChatContentPart fromImageDataUrl(const QString &dataUrl);
    /// An image_url part with a `data:image/png;base64,` URL, as the recorded chat traffic carries
    /// (ImageFile::pngDataUrl). nullopt with a message for a file that is not PNG, JPEG or WebP.
    static std::optional<ChatContentPart> fromImageFile(const QString &path, QString *error);
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// `function` of a tool call: the name and the arguments as JSON text.
struct ChatFunctionCall
{
    std::optional<QString> name;
    std::optional<QString> arguments; ///< JSON text; streamed deltas append to it
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// A tool call made by the model (spec: ChatRequestMessageToolCall). In a streamed delta only
/// `index` is sure to be present; in a request id, type and function are required.
struct ChatToolCall
{
    std::optional<int> index;
    std::optional<QString> id;
    std::optional<QString> type; ///< "function"
    std::optional<ChatFunctionCall> function;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// A chat message (spec: ChatRequestMessage; response `message`). `content` is a string or a list
/// of parts; exactly one of the two is set in a request.
struct ChatMessage
{
    QString role; ///< "system" | "user" | "assistant" | "tool"
    std::optional<QString> content;
    std::optional<QList<ChatContentPart>> contentParts;
    std::optional<QList<ChatToolCall>> toolCalls; ///< "tool_calls"; may be [] in responses
    std::optional<QString> toolCallId; ///< "tool_call_id" for role "tool"
    std::optional<QJsonValue> name; ///< deprecated, ignored by the server
    QJsonObject extra;

    static ChatMessage fromText(const QString &role, const QString &text);
    /// The text of `content`, or of all text parts joined.
    QString text() const;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// `function` of a tool definition (spec: FunctionObject).
struct ChatFunction
{
    QString name; ///< a-zA-Z0-9_-, ≤ 64 characters
    std::optional<QString> description;
    std::optional<QJsonObject> parameters; ///< JSON Schema
    std::optional<bool> strict;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// A tool the model may call (spec: ChatRequestTool).
struct ChatTool
{
    QString type = QStringLiteral("function");
    ChatFunction function;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// `json_schema` of a response_format.
struct ChatJsonSchema
{
    QString name;
    QJsonObject schema;
    std::optional<QString> description;
    std::optional<bool> strict;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// Structured output (spec: ResponseFormat): `{type:"json_schema", json_schema:{...}}`.
struct ChatResponseFormat
{
    QString type = QStringLiteral("json_schema");
    ChatJsonSchema jsonSchema;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// `tool_choice`: "none" | "auto" | "required", or a function to force by name.
struct ChatToolChoice
{
    QString mode; ///< "none", "auto", "required", or "function"
    std::optional<QString> functionName; ///< set when mode is "function"
};

/// `stop`: one string or a list of strings; `single` remembers which form was used.
struct ChatStop
{
    QStringList sequences;
    bool single = false;
};

struct ChatStreamOptions
{
    std::optional<bool> includeUsage; ///< "include_usage": a last chunk with usage, empty choices
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// Body of `POST /chat/completions` (spec: ChatRequest; reference/API-ENDPOINTS.md §2).
/// Required: model, messages. `maximum_tokens` and `top_k` are what the official client sends
/// (recorded traffic); `max_tokens` is the spec's name. fromJson() rejects unknown fields.
struct ChatRequest
{
    QString model;
    QList<ChatMessage> messages;
    std::optional<int> maxTokens; ///< "max_tokens" ≥ 1
    std::optional<int> maximumTokens; ///< "maximum_tokens" (official client's name)
    std::optional<int> n;
    std::optional<double> temperature; ///< 0..2, default 1
    std::optional<double> topP; ///< 0..1
    std::optional<int> topK;
    std::optional<double> frequencyPenalty; ///< −2..2
    std::optional<double> presencePenalty; ///< −2..2
    std::optional<QMap<QString, double>> logitBias; ///< token id → −100..100
    std::optional<bool> logprobs;
    std::optional<int> topLogprobs; ///< 0..20
    std::optional<ChatStop> stop;
    std::optional<bool> stream;
    std::optional<ChatStreamOptions> streamOptions;
    std::optional<ChatResponseFormat> responseFormat;
    std::optional<QList<ChatTool>> tools; ///< at most 128
    std::optional<ChatToolChoice> toolChoice;
    std::optional<QStringList> steeringConcepts;
    std::optional<bool> parallelToolCalls; ///< deprecated; the server rejects it
    std::optional<QJsonValue> seed; ///< deprecated, ignored
    std::optional<QJsonValue> serviceTier; ///< deprecated, ignored
    std::optional<QJsonValue> user; ///< deprecated, ignored
    std::optional<QStringList> tags; ///< the official client's `tags` option (CLIENT-SEMANTICS.md
                                     ///< §1.3): labels the service accepts and ignores
    QJsonObject extra;

    QJsonObject toJson() const;
    static std::optional<ChatRequest> fromJson(const QJsonObject &json, QString *error);
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

struct ChatTopLogprob
{
    QString token;
    double logprob = 0;
    std::optional<QList<int>> bytes;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

struct ChatTokenLogprob
{
    QString token;
    double logprob = 0; ///< −9999.0 when unknown
    std::optional<QList<int>> bytes;
    std::optional<QList<ChatTopLogprob>> topLogprobs;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

struct ChatLogprobs
{
    std::optional<QList<ChatTokenLogprob>> content;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// `delta` of a streamed choice: the first has role "assistant" and empty content.
struct ChatDelta
{
    std::optional<QString> role;
    std::optional<QString> content;
    std::optional<QList<ChatToolCall>> toolCalls;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

struct ChatChoice
{
    int index = 0;
    std::optional<QString> finishReason; ///< "stop" | "length" | "content_filter" | "tool_calls"
    std::optional<ChatMessage> message; ///< non-streamed
    std::optional<ChatDelta> delta; ///< streamed
    std::optional<ChatLogprobs> logprobs;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

struct ChatUsage
{
    int promptTokens = 0;
    int completionTokens = 0;
    int totalTokens = 0;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// Response of `POST /chat/completions`, and also each streamed chunk (`object`
/// "chat.completion.chunk"). Spec: ChatResponse. Unknown fields are kept in `extra`.
struct ChatResponse
{
    std::optional<QString> id;
    std::optional<QString> object;
    std::optional<qint64> created; ///< unix seconds
    std::optional<QString> model;
    std::optional<QString> systemFingerprint;
    std::optional<ChatUsage> usage;
    QList<ChatChoice> choices;
    QJsonObject extra;

    QJsonObject toJson() const;
    static std::optional<ChatResponse> fromJson(const QJsonObject &json, QString *error);
    /// Accepts one object, or the one-element array the spec declares.
    static std::optional<ChatResponse> fromJsonValue(const QJsonValue &json, QString *error);
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

namespace json {
bool read(const QJsonValue &v, ChatToolChoice &out, const Context &c);
bool read(const QJsonValue &v, ChatStop &out, const Context &c);
} // namespace json
QJsonValue toValue(const ChatToolChoice &v);
QJsonValue toValue(const ChatStop &v);

} // namespace core
