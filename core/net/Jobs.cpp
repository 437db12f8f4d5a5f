// SPDX-License-Identifier: MIT
#include "core/net/Jobs.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace core {

std::optional<QJsonValue> detail::parseJsonBody(
    const QByteArray &body, const QString &endpoint, ApiError *error)
{
    QString message;
    std::optional<QJsonValue> json = json::parseDocument(body, &message);
    if (!json) {
        *error = ApiError::make(
            ApiError::Kind::MalformedResponse, endpoint + u" response: "_s + message);
    }
    return json;
}

QString detail::compactJson(const QJsonValue &value)
{
    const QJsonDocument document
        = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
}

QString VersionJob::answerText() const
{
    return state() == State::Succeeded ? m_result.version : QString();
}

QString CompletionStreamJob::answerText() const
{
    return state() == State::Succeeded ? detail::compactJson(result().toJson()) : QString();
}

bool VersionJob::parseBody(const QByteArray &body, ApiError *error)
{
    const QString text = QString::fromUtf8(body).trimmed();
    // A version is one short line; an HTML error page or a JSON document is not one.
    if (text.isEmpty() || text.size() > 200 || text.contains(u'\n') || text.startsWith(u'<')
        || text.startsWith(u'{')) {
        *error = ApiError::make(ApiError::Kind::MalformedResponse,
            u"version response: expected a version string, got %1"_s.arg(
                text.isEmpty() ? u"an empty body"_s : u"\""_s + text.left(60) + u'"'));
        return false;
    }
    m_result.version = text;
    return true;
}

bool SseJob::streamData(QByteArrayView chunk, ApiError *error)
{
    const QList<SseEvent> events = m_parser.feed(chunk);
    if (m_parser.overflowed()) {
        *error = ApiError::make(ApiError::Kind::MalformedResponse,
            endpoint() + u" stream: an event is larger than 16 MB"_s);
        return false;
    }
    for (const SseEvent &event : events) {
        if (event.data == "[DONE]") {
            m_sawDone = true;
            continue;
        }
        QString message;
        const std::optional<QJsonValue> json = json::parseDocument(event.data, &message);
        if (!json || !json->isObject()) {
            *error = ApiError::make(ApiError::Kind::MalformedResponse,
                endpoint() + u" stream: event is not a JSON object: "_s
                    + (json ? json::typeName(*json) : message));
            return false;
        }
        if (!handleEvent(json->toObject(), error))
            return false;
    }
    return true;
}

CompletionStreamJob::CompletionStreamJob(
    QNetworkAccessManager *nam, RequestSpec spec, RetryPolicy retry, QObject *parent)
    : SseJob(nam, std::move(spec), retry, parent)
{}

bool CompletionStreamJob::handleEvent(const QJsonObject &json, ApiError *error)
{
    QString message;
    std::optional<CompletionStreamEvent> event = CompletionStreamEvent::fromJson(json, &message);
    if (!event) {
        *error = ApiError::make(ApiError::Kind::MalformedResponse, message);
        return false;
    }
    m_events.append(*event);
    const int index = event->index.value_or(0);
    switch (event->type) {
    case CompletionStreamEvent::Type::StreamChunk: {
        CompletionResult &r = m_results[index];
        r.index = index;
        r.completion = r.completion.value_or(QString()) + event->completion.value_or(QString());
        if (event->rawCompletion)
            r.rawCompletion = r.rawCompletion.value_or(QString()) + *event->rawCompletion;
        if (event->completionTokens)
            r.completionTokens
                = r.completionTokens.value_or(QStringList()) + *event->completionTokens;
        if (event->logProbs)
            r.logProbs = r.logProbs.value_or(QList<QMap<QString, double>>()) + *event->logProbs;
        break;
    }
    case CompletionStreamEvent::Type::StreamSummary: {
        CompletionResult &r = m_results[index];
        r.index = index;
        if (!r.completion)
            r.completion = QString();
        r.finishReason = event->finishReason;
        if (event->modelVersion)
            m_modelVersion = *event->modelVersion;
        break;
    }
    case CompletionStreamEvent::Type::CompletionSummary:
        m_promptTokens = event->numTokensPromptTotal.value_or(0);
        m_generatedTokens = event->numTokensGenerated.value_or(0);
        m_summaryReceived = true;
        break;
    }
    markDelivered();
    Q_EMIT eventReceived(*event);
    if (event->type == CompletionStreamEvent::Type::StreamChunk && event->completion
        && !event->completion->isEmpty())
        Q_EMIT textReceived(index, *event->completion);
    return true;
}

CompletionResponse CompletionStreamJob::result() const
{
    CompletionResponse response;
    response.modelVersion = m_modelVersion;
    response.completions = m_results.values();
    response.numTokensPromptTotal = m_promptTokens;
    response.numTokensGenerated = m_generatedTokens;
    for (const CompletionStreamEvent &e : m_events) {
        if (e.optimizedPrompt)
            response.optimizedPrompt = e.optimizedPrompt;
    }
    return response;
}

ChatStreamJob::ChatStreamJob(
    QNetworkAccessManager *nam, RequestSpec spec, RetryPolicy retry, QObject *parent)
    : SseJob(nam, std::move(spec), retry, parent)
{}

bool ChatStreamJob::handleEvent(const QJsonObject &json, ApiError *error)
{
    QString message;
    std::optional<ChatResponse> chunk = ChatResponse::fromJson(json, &message);
    if (!chunk) {
        *error = ApiError::make(ApiError::Kind::MalformedResponse, message);
        return false;
    }
    m_chunks.append(*chunk);
    if (chunk->usage)
        m_usage = chunk->usage;
    markDelivered();
    Q_EMIT chunkReceived(*chunk);
    for (const ChatChoice &choice : chunk->choices) {
        if (choice.finishReason)
            m_finishReasons[choice.index] = *choice.finishReason;
        if (choice.delta && choice.delta->content && !choice.delta->content->isEmpty()) {
            m_texts[choice.index] += *choice.delta->content;
            Q_EMIT deltaReceived(choice.index, *choice.delta->content);
        }
    }
    return true;
}

std::optional<QString> ChatStreamJob::finishReason(int index) const
{
    if (!m_finishReasons.contains(index))
        return std::nullopt;
    return m_finishReasons.value(index);
}

bool ChatStreamJob::streamComplete() const
{
    if (m_sawDone)
        return true;
    if (m_finishReasons.isEmpty())
        return false;
    for (auto it = m_texts.begin(); it != m_texts.end(); ++it) {
        if (!m_finishReasons.contains(it.key()))
            return false;
    }
    return true;
}

} // namespace core
