// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Chat.h"
#include "core/api/Completion.h"
#include "core/api/Embedding.h"
#include "core/api/Evaluation.h"
#include "core/api/Explanation.h"
#include "core/api/FastJson.h"
#include "core/api/Gradient.h"
#include "core/api/Models.h"
#include "core/api/Rerank.h"
#include "core/api/Steering.h"
#include "core/api/Tokenization.h"
#include "core/api/Translation.h"
#include "core/net/ApiJob.h"
#include "core/net/SseParser.h"

#include <QFutureWatcher>
#include <QMap>
#include <QtConcurrent/QtConcurrentRun>

namespace core {

namespace detail {
/// `value` as compact JSON text (an object or an array).
QString compactJson(const QJsonValue &value);
std::optional<QJsonValue> parseJsonBody(
    const QByteArray &body, const QString &endpoint, ApiError *error);
template<class Response>
std::optional<Response> parseResponse(const QJsonValue &json, QString *message)
{
    if constexpr (std::is_same_v<Response, ChatResponse>) {
        return ChatResponse::fromJsonValue(json, message);
    } else if constexpr (
        std::is_same_v<Response,
            ModelSettingsResponse> || std::is_same_v<Response, ModelsAvailableResponse>) {
        return Response::fromJson(json, message);
    } else {
        if (!json.isObject()) {
            *message = QStringLiteral("expected a JSON object, got ") + json::typeName(json);
            return std::nullopt;
        }
        return Response::fromJson(json.toObject(), message);
    }
}
/// The answers read with simdjson (core/api/FastJson.h): the large ones, whose QJsonDocument tree
/// costs most (issue 22). Every other answer takes the QJsonDocument path.
template<class Response>
inline constexpr bool kParsedFast = std::
                                        is_same_v<Response, SemanticEmbeddingResponse> || std::is_same_v<Response, BatchSemanticEmbeddingResponse> || std::is_same_v<Response, EmbeddingResponse> || std::is_same_v<Response, EmbeddingV2Response> || std::is_same_v<Response, GradientEmbeddingsResponse> || std::is_same_v<Response, ExplanationResponse> || std::is_same_v<Response, EvaluationResponse> || std::is_same_v<Response, TokenizationResponse> || std::is_same_v<Response, CompletionResponse>;
} // namespace detail

/// A job whose 2xx answer is one JSON document, parsed into `Response`.
/// A body that is not the documented shape fails the job with Kind::MalformedResponse.
template<class Response>
class JsonJob : public ApiJob
{
public:
    JsonJob(QNetworkAccessManager *nam, RequestSpec spec, RetryPolicy retry, QObject *parent)
        : ApiJob(nam, std::move(spec), retry, parent)
    {}
    /// Valid once state() is Succeeded.
    const Response &result() const { return m_result; }
    /// Moves the result out (large answers such as a batch of embeddings); result() is empty after.
    Response takeResult() { return std::move(m_result); }
    QString answerText() const override
    {
        return state() == State::Succeeded ? detail::compactJson(QJsonValue(m_result.toJson()))
                                           : QString();
    }

protected:
    bool parseBody(const QByteArray &body, ApiError *error) override
    {
        std::optional<Response> parsed = parse(body, endpoint(), error);
        if (!parsed)
            return false;
        m_result = std::move(*parsed);
        return true;
    }

    void deliverBody(const QByteArray &body) override
    {
        if (body.size() < offThreadParseBytes())
            return ApiJob::deliverBody(body);
        // The worker owns copies of everything it reads, so the job may be cancelled or deleted
        // while it runs; the watcher (a child) then goes with the job and nothing is delivered.
        struct Parsed
        {
            std::optional<Response> response;
            ApiError error;
        };
        auto *watcher = new QFutureWatcher<Parsed>(this);
        QObject::connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
            Parsed parsed = watcher->future().takeResult();
            watcher->deleteLater();
            if (parsed.response)
                m_result = std::move(*parsed.response);
            bodyParsed(parsed.response.has_value(), parsed.error);
        });
        watcher->setFuture(QtConcurrent::run([body, endpoint = endpoint()] {
            Parsed parsed;
            parsed.response = parse(body, endpoint, &parsed.error);
            return parsed;
        }));
    }

private:
    static std::optional<Response> parse(
        const QByteArray &body, const QString &endpoint, ApiError *error)
    {
        if constexpr (detail::kParsedFast<Response>) {
            // simdjson where it takes the body; the QJsonDocument path below for the rest, so the
            // messages of invalid JSON stay its own.
            bool usable = false;
            QString message;
            std::optional<Response> parsed = json::readFast<Response>(body, &usable, &message);
            if (usable) {
                if (!parsed)
                    *error = ApiError::make(ApiError::Kind::MalformedResponse, message);
                return parsed;
            }
        }
        const std::optional<QJsonValue> json = detail::parseJsonBody(body, endpoint, error);
        if (!json)
            return std::nullopt;
        QString message;
        std::optional<Response> parsed = detail::parseResponse<Response>(*json, &message);
        if (!parsed)
            *error = ApiError::make(ApiError::Kind::MalformedResponse, message);
        return parsed;
    }

private:
    Response m_result;
};

using CompletionJob = JsonJob<CompletionResponse>; ///< POST /complete
using ChatJob = JsonJob<ChatResponse>; ///< POST /chat/completions
using TokenizationJob = JsonJob<TokenizationResponse>; ///< POST /tokenize
using DetokenizationJob = JsonJob<DetokenizationResponse>; ///< POST /detokenize
using ModelSettingsJob = JsonJob<ModelSettingsResponse>; ///< GET /model-settings
using ExplanationJob = JsonJob<ExplanationResponse>; ///< POST /explain
using EvaluationJob = JsonJob<EvaluationResponse>; ///< POST /evaluate
using EmbeddingJob = JsonJob<EmbeddingResponse>; ///< POST /embed
using SemanticEmbeddingJob
    = JsonJob<SemanticEmbeddingResponse>; ///< POST /semantic_embed, /instructable_embed
using BatchSemanticEmbeddingJob
    = JsonJob<BatchSemanticEmbeddingResponse>; ///< POST /batch_semantic_embed
using EmbeddingV2Job = JsonJob<EmbeddingV2Response>; ///< POST /embeddings
using TranslationJob = JsonJob<TranslationResponse>; ///< POST /translate
using RerankJob = JsonJob<RerankResponse>; ///< POST /rerank
using SteeringConceptJob
    = JsonJob<CreateSteeringConceptResponse>; ///< POST /steering_concepts (201)
using ModelsAvailableJob = JsonJob<ModelsAvailableResponse>; ///< GET /models_available
using UserDetailJob = JsonJob<UserDetail>; ///< GET /users/me
using ModelTokenizerJob = JsonJob<ModelTokenizerResponse>; ///< GET /models/{modelName}/tokenizer
using GradientEmbeddingsJob
    = JsonJob<GradientEmbeddingsResponse>; ///< Gradient POST embeddings/{slug}

/// `GET /version`: a text/plain answer, kept as text (trailing whitespace removed).
class VersionJob : public ApiJob
{
public:
    VersionJob(QNetworkAccessManager *nam, RequestSpec spec, RetryPolicy retry, QObject *parent)
        : ApiJob(nam, std::move(spec), retry, parent)
    {}
    /// Valid once state() is Succeeded.
    const VersionResponse &result() const { return m_result; }
    QString answerText() const override;

protected:
    bool parseBody(const QByteArray &body, ApiError *error) override;

private:
    VersionResponse m_result;
};

/// Base of the jobs that read a `text/event-stream` body: SSE framing and JSON per event.
class SseJob : public ApiJob
{
    Q_OBJECT
protected:
    using ApiJob::ApiJob;
    bool isStreaming() const override { return true; }
    bool parseBody(const QByteArray &, ApiError *) override { return true; } // streams only
    bool streamData(QByteArrayView chunk, ApiError *error) override;
    /// One event's data (never "[DONE]"), parsed as a JSON object. Return false on a bad event.
    virtual bool handleEvent(const QJsonObject &event, ApiError *error) = 0;
    bool m_sawDone = false;

private:
    SseParser m_parser;
};

/// `POST /complete` with `"stream": true`. Emits every event as it arrives and keeps the
/// accumulated completions, so a cut stream still has its partial text (result()).
class CompletionStreamJob : public SseJob
{
    Q_OBJECT
public:
    CompletionStreamJob(
        QNetworkAccessManager *nam, RequestSpec spec, RetryPolicy retry, QObject *parent);
    /// The completions so far, in index order; complete once the completion_summary arrived.
    CompletionResponse result() const;
    /// result() as compact JSON once Succeeded.
    QString answerText() const override;
    const QList<CompletionStreamEvent> &events() const { return m_events; }

Q_SIGNALS:
    void eventReceived(const core::CompletionStreamEvent &event);
    /// Text appended to completion `index`.
    void textReceived(int index, const QString &text);

protected:
    bool handleEvent(const QJsonObject &event, ApiError *error) override;
    bool streamComplete() const override { return m_summaryReceived; }

private:
    QList<CompletionStreamEvent> m_events;
    QMap<int, CompletionResult> m_results;
    QString m_modelVersion;
    int m_promptTokens = 0;
    int m_generatedTokens = 0;
    bool m_summaryReceived = false;
};

/// `POST /chat/completions` with `"stream": true`. Emits every chunk; done at `data: [DONE]`
/// (or when every choice has a finish_reason and the connection closes).
class ChatStreamJob : public SseJob
{
    Q_OBJECT
public:
    ChatStreamJob(QNetworkAccessManager *nam, RequestSpec spec, RetryPolicy retry, QObject *parent);
    /// The text received so far for choice `index`.
    QString text(int index = 0) const { return m_texts.value(index); }
    std::optional<QString> finishReason(int index = 0) const;
    std::optional<ChatUsage> usage() const { return m_usage; }
    const QList<ChatResponse> &chunks() const { return m_chunks; }

Q_SIGNALS:
    void chunkReceived(const core::ChatResponse &chunk);
    /// Content appended to choice `index`.
    void deltaReceived(int index, const QString &text);

protected:
    bool handleEvent(const QJsonObject &event, ApiError *error) override;
    bool streamComplete() const override;

private:
    QList<ChatResponse> m_chunks;
    QMap<int, QString> m_texts;
    QMap<int, QString> m_finishReasons;
    std::optional<ChatUsage> m_usage;
};

} // namespace core
