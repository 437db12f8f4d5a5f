// SPDX-License-Identifier: MIT
// POST /chat/completions.
#include "sandbox/Cancellation.h"
#include "sandbox/SchemaSampler.h"
#include "sandbox/handlers/Handlers.h"
#include "sandbox/handlers/Support.h"

#include <QDateTime>
#include <QSize>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sandbox {

Reply handleChat(const Services &services, const Prepared<core::ChatRequest> &prepared)
{
    const core::ChatRequest &r = prepared.request;
    const SandboxModel &model = *prepared.model;
    const Steering *steer = prepared.steering ? &*prepared.steering : nullptr;
    Reply reply;

    // The conversation as context: each message's text, images as colour patches.
    QList<ContextToken> context;
    for (qsizetype i = 0; i < r.messages.size(); ++i) {
        const core::ChatMessage &message = r.messages.at(i);
        for (const core::ChatContentPart &part :
            message.contentParts.value_or(QList<core::ChatContentPart>())) {
            if (part.type != u"image_url"_s || !part.imageUrl)
                continue;
            if (!model.settings.multimodal.value_or(false))
                return missingCapability(u"This model does not accept images."_s);
            const QString url = part.imageUrl->url;
            const qsizetype comma = url.indexOf(u',');
            if (!url.startsWith(u"data:image/"_s) || comma < 0
                || !url.left(comma).endsWith(u";base64"_s))
                return badRequest(u"chat/completions: field \"messages[%1].content\": image_url "
                                  u"must be a base64 data URL "
                                  u"(data:image/png;base64,...)"_s.arg(i));
            QString error;
            QSize size;
            const auto patches = services.model.imagePatches(
                QByteArray::fromBase64(url.mid(comma + 1).toLatin1()), {}, {}, {}, &size, &error);
            if (!patches)
                return badRequest(
                    u"chat/completions: field \"messages[%1].content\": %2"_s.arg(i).arg(error));
            for (const qint64 id : *patches)
                context.append({id, 1.0});
        }
        context += services.model.contextOf(
            i + 1 < r.messages.size() ? message.text() + u"\n\n"_s : message.text());
    }
    // In 64-bit, before any work: max_tokens may be anything up to INT_MAX (as may n).
    const qint64 conversationLength
        = context.size() + 4 * qint64(r.messages.size()) + 4; // + the template's markers
    const qint64 contextSize = model.settings.maxContextSize.value_or(8192);
    if (conversationLength > contextSize)
        return badRequest(
            u"chat/completions: field \"messages\": the conversation has %1 tokens, more than the model's context of %2 tokens"_s
                .arg(conversationLength)
                .arg(contextSize));
    const std::optional<int> requested = r.maxTokens ? r.maxTokens : r.maximumTokens;
    const QString requestedField = r.maxTokens ? u"max_tokens"_s : u"maximum_tokens"_s;
    if (requested && conversationLength + qint64(*requested) > contextSize)
        return badRequest(u"chat/completions: field \"%1\": the conversation has %2 tokens; with "
                          u"%1 %3 that exceeds the model's "
                          u"context of %4 tokens"_s.arg(requestedField)
                              .arg(conversationLength)
                              .arg(*requested)
                              .arg(contextSize));
    if (r.n.value_or(1) > kMaxSamples)
        return badRequest(u"chat/completions: field \"n\": at most %1 choices per request, got %2"_s
                              .arg(kMaxSamples)
                              .arg(*r.n));
    // Within the context now, so these fit an int.
    const int promptTokens = int(conversationLength);
    const int maximumTokens
        = requested.value_or(std::min<int>(512, int(contextSize - conversationLength)));

    Sampling sampling;
    sampling.temperature = r.temperature.value_or(1.0);
    sampling.endOfTextBias = 2.0; // replies of a few sentences, like an assistant's
    sampling.minimumTokens = std::min(3, maximumTokens); // but never an empty one
    sampling.topK = r.topK.value_or(0);
    sampling.topP = r.topP.value_or(0.0);
    sampling.maximumTokens = maximumTokens;
    sampling.stopSequences = r.stop ? r.stop->sequences : QStringList();
    sampling.presencePenalty = r.presencePenalty.value_or(0.0);
    sampling.frequencyPenalty = r.frequencyPenalty.value_or(0.0);
    sampling.alternatives = r.topLogprobs.value_or(0);
    if (!readLogitBias(
            u"chat/completions"_s, r.logitBias, services.model.tokenizer(), &sampling, &reply))
        return reply;
    const quint64 seed = requestSeed(prepared.json);

    // A tool call when the caller requires one, or when the last user message names a tool.
    const core::ChatTool *tool = nullptr;
    if (r.tools && !r.tools->isEmpty() && (!r.toolChoice || r.toolChoice->mode != u"none"_s)) {
        QString lastUser;
        for (const core::ChatMessage &m : r.messages)
            if (m.role == u"user"_s)
                lastUser = m.text().toLower();
        const bool lastIsTool = r.messages.constLast().role == u"tool"_s;
        for (const core::ChatTool &candidate : *r.tools) {
            const QString name = candidate.function.name;
            if (r.toolChoice && r.toolChoice->mode == u"function"_s) {
                if (r.toolChoice->functionName == name)
                    tool = &candidate;
            } else if (r.toolChoice && r.toolChoice->mode == u"required"_s) {
                tool = tool ? tool : &candidate;
            } else if (!lastIsTool
                && (lastUser.contains(name.toLower())
                    || lastUser.contains(QString(name).replace(u'_', u' ').toLower()))) {
                tool = tool ? tool : &candidate;
            }
        }
        if (r.toolChoice && r.toolChoice->mode == u"function"_s && !tool)
            return badRequest(
                u"chat/completions: field \"tool_choice\": no tool is named \"%1\""_s.arg(
                    r.toolChoice->functionName.value_or(QString())));
    }

    core::ChatResponse response;
    response.id = u"chatcmpl-sandbox-"_s + hex(seed);
    response.object = u"chat.completion"_s;
    response.created = QDateTime::currentSecsSinceEpoch();
    response.model = model.name();
    // The real service sends both (cassette test_can_chat_with_chat_model): which model version
    // answered, and `logprobs: null` in each choice unless they were asked for.
    response.systemFingerprint = modelVersion();
    int completionTokens = 0;
    QList<QStringList> streamPieces;
    const int n = r.n.value_or(1);
    for (int i = 0; i < n; ++i) {
        if (cancelled())
            return cancelledReply();
        sampling.seed = mix(seed, quint64(i));
        core::ChatChoice choice;
        choice.index = i;
        choice.extra.insert(u"logprobs"_s, QJsonValue::Null); // unless set below
        core::ChatMessage message;
        message.role = u"assistant"_s;
        QStringList pieces;
        if (tool) {
            SchemaSampler sampler(services.model,
                context,
                tool->function.parameters.value_or(QJsonObject()),
                sampling.seed);
            core::ChatToolCall call;
            call.id = u"call_"_s + hex(sampling.seed).left(12);
            call.type = u"function"_s;
            core::ChatFunctionCall function;
            function.name = tool->function.name;
            function.arguments = QString::fromUtf8(compact(sampler.sample(
                tool->function.parameters.value_or(QJsonObject()), tool->function.name)));
            call.function = function;
            message.toolCalls = QList<core::ChatToolCall>{call};
            message.content = QString();
            choice.finishReason = u"tool_calls"_s;
            completionTokens += int(services.model.tokenizer().encode(*function.arguments).size());
        } else if (r.responseFormat) {
            const QJsonObject schema = r.responseFormat->jsonSchema.schema;
            SchemaSampler sampler(services.model, context, schema, sampling.seed);
            const QString json = QString::fromUtf8(
                compact(sampler.sample(schema, r.responseFormat->jsonSchema.name)));
            message.content = json;
            for (const TextToken &t : services.model.tokenizer().encode(json))
                pieces.append(json.mid(t.start, t.length));
            completionTokens += int(pieces.size());
            choice.finishReason = u"stop"_s;
        } else {
            const Generation g = services.model.generate(context, sampling, steer);
            if (cancelled())
                return cancelledReply();
            // A reply starts at its first word, not with the space the first token carries.
            const qsizetype skip = g.text.startsWith(u' ') ? 1 : 0;
            message.content = g.text.mid(skip);
            pieces = piecesOf(g);
            if (skip && !pieces.isEmpty())
                pieces.first().remove(0, 1);
            completionTokens += int(g.tokens.size());
            choice.finishReason = g.finishReason == u"maximum_tokens"_s ? u"length"_s : u"stop"_s;
            if (r.logprobs.value_or(false)) {
                core::ChatLogprobs logprobs;
                QList<core::ChatTokenLogprob> content;
                for (qsizetype t = 0; t < g.tokens.size(); ++t) {
                    const auto bytesOf = [&services](qint64 id) {
                        QList<int> bytes;
                        for (const char b : services.model.tokenizer().bytes(id))
                            bytes.append(int(uchar(b)));
                        return bytes;
                    };
                    core::ChatTokenLogprob entry;
                    entry.token = services.model.tokenizer().text(g.tokens.at(t));
                    entry.logprob = g.logProbs.at(t);
                    entry.bytes = bytesOf(g.tokens.at(t));
                    QList<core::ChatTopLogprob> top;
                    for (const auto &alternative : g.alternatives.value(t)) {
                        core::ChatTopLogprob a;
                        a.token = services.model.tokenizer().text(alternative.first);
                        a.logprob = alternative.second;
                        a.bytes = bytesOf(alternative.first);
                        top.append(a);
                    }
                    entry.topLogprobs = top;
                    content.append(entry);
                }
                logprobs.content = content;
                choice.logprobs = logprobs;
            }
        }
        choice.message = message;
        response.choices.append(choice);
        streamPieces.append(pieces);
    }
    core::ChatUsage usage;
    usage.promptTokens = promptTokens;
    usage.completionTokens = completionTokens;
    usage.totalTokens = promptTokens + completionTokens;
    response.usage = usage;

    if (!r.stream.value_or(false))
        return Reply::json(response.toJson());

    reply = Reply();
    reply.stream = true;
    reply.doneMarker = true;
    reply.contentType = "text/event-stream";
    const auto chunk
        = [&](int index, const core::ChatDelta &delta, const std::optional<QString> &finish) {
              core::ChatResponse c;
              c.id = response.id;
              c.object = u"chat.completion.chunk"_s;
              c.created = response.created;
              c.model = response.model;
              // As recorded (test_can_chat_with_streaming_support): the fingerprint only on the
              // chunk that ends a choice, null before, as `finish_reason` is; `logprobs` and
              // `usage` null in every chunk (the usage comes in a chunk of its own, with
              // stream_options.include_usage).
              if (finish)
                  c.systemFingerprint = response.systemFingerprint;
              else
                  c.extra.insert(u"system_fingerprint"_s, QJsonValue::Null);
              c.extra.insert(u"usage"_s, QJsonValue::Null);
              core::ChatChoice choice;
              choice.index = index;
              choice.extra.insert(u"logprobs"_s, QJsonValue::Null);
              if (!finish)
                  choice.extra.insert(u"finish_reason"_s, QJsonValue::Null);
              choice.delta = delta;
              choice.finishReason = finish;
              c.choices.append(choice);
              reply.events.append(compact(c.toJson()));
          };
    for (int i = 0; i < n; ++i) {
        core::ChatDelta first;
        first.role = u"assistant"_s;
        first.content = QString();
        chunk(i, first, std::nullopt);
        const core::ChatMessage &message = *response.choices.at(i).message;
        if (message.toolCalls) {
            core::ChatDelta calls;
            QList<core::ChatToolCall> toolCalls = *message.toolCalls;
            toolCalls[0].index = 0;
            calls.toolCalls = toolCalls;
            chunk(i, calls, std::nullopt);
        }
        for (const QString &piece : streamPieces.at(i)) {
            core::ChatDelta delta;
            delta.content = piece;
            chunk(i, delta, std::nullopt);
        }
        chunk(i, core::ChatDelta(), response.choices.at(i).finishReason);
    }
    if (r.streamOptions && r.streamOptions->includeUsage.value_or(false)) {
        core::ChatResponse last;
        last.id = response.id;
        last.object = u"chat.completion.chunk"_s;
        last.created = response.created;
        last.model = response.model;
        last.usage = usage;
        reply.events.append(compact(last.toJson()));
    }
    return reply;
}

} // namespace sandbox
