// SPDX-License-Identifier: MIT
// POST /complete and /evaluate.
#include "sandbox/Cancellation.h"
#include "sandbox/handlers/Handlers.h"
#include "sandbox/handlers/Support.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

using namespace Qt::StringLiterals;

namespace sandbox {

Reply handleComplete(const Services &services, const Prepared<core::CompletionRequest> &prepared)
{
    const core::CompletionRequest &r = prepared.request;
    const SandboxModel &model = *prepared.model;
    const EncodedPrompt &prompt = prepared.prompt();
    const Steering *steer = prepared.steering ? &*prepared.steering : nullptr;
    Reply reply;
    // In 64-bit, before any work: maximum_tokens may be anything up to INT_MAX (as may n).
    const qint64 context = model.settings.maxContextSize.value_or(8192);
    const qint64 promptLength = prompt.context.size();
    if (promptLength > context)
        return badRequest(
            u"complete: field \"prompt\": the prompt has %1 tokens, more than the model's context of %2 tokens"_s
                .arg(promptLength)
                .arg(context));
    if (r.maximumTokens && promptLength + qint64(*r.maximumTokens) > context)
        return badRequest(u"complete: field \"maximum_tokens\": the prompt has %1 tokens; with "
                          u"maximum_tokens %2 that exceeds the "
                          u"model's context of %3 tokens"_s.arg(promptLength)
                              .arg(*r.maximumTokens)
                              .arg(context));
    if (r.n.value_or(1) > kMaxSamples)
        return badRequest(
            u"complete: field \"n\": at most %1 completions per request, got %2"_s.arg(kMaxSamples)
                .arg(*r.n));
    // Within the context now, so these fit an int.
    const int promptTokens = int(promptLength);
    const int maximumTokens = r.maximumTokens.value_or(std::min(
        int(model.settings.maximumCompletionTokens.value_or(1024)), int(context - promptLength)));

    Sampling sampling;
    sampling.temperature = r.temperature.value_or(0.0);
    sampling.topK = r.topK.value_or(0);
    sampling.topP = r.topP.value_or(0.0);
    sampling.maximumTokens = maximumTokens;
    sampling.minimumTokens = r.minimumTokens.value_or(0);
    sampling.stopSequences = r.stopSequences.value_or(QStringList());
    sampling.presencePenalty = r.presencePenalty.value_or(0.0);
    sampling.frequencyPenalty = r.frequencyPenalty.value_or(0.0);
    sampling.penaltiesIncludePrompt = r.repetitionPenaltiesIncludePrompt.value_or(false);
    sampling.alternatives = r.logProbs.value_or(0);
    if (!readLogitBias(u"complete"_s, r.logitBias, services.model.tokenizer(), &sampling, &reply))
        return reply;
    for (const QString &excluded : r.completionBiasExclusion.value_or(QStringList())) {
        const QList<qint64> ids = services.model.tokenizer().encodeIds(excluded);
        if (!ids.isEmpty())
            sampling.excludedFirstTokens.insert(ids.first());
    }
    const quint64 seed = requestSeed(prepared.json);
    const int n = r.n.value_or(1);
    const int runs = std::max(n, r.bestOf.value_or(n));
    const QStringList inclusion = r.completionBiasInclusion.value_or(QStringList());

    QList<Generation> generations;
    for (int k = 0; k < runs; ++k) {
        if (cancelled())
            return cancelledReply();
        sampling.seed = mix(seed, quint64(k));
        if (!inclusion.isEmpty()) {
            // The completion is one of the allowed strings: the likeliest (or a sample by
            // likelihood).
            QList<double> scores;
            QList<QList<qint64>> options;
            QList<QList<double>> optionLogProbs;
            for (const QString &option : inclusion) {
                if (cancelled())
                    return cancelledReply();
                options.append(services.model.tokenizer().encodeIds(option));
                optionLogProbs.append(services.model.continuationLogProbs(
                    prompt.context, options.constLast(), steer));
                scores.append(std::accumulate(
                    optionLogProbs.constLast().cbegin(), optionLogProbs.constLast().cend(), 0.0));
            }
            qsizetype best = std::max_element(scores.cbegin(), scores.cend()) - scores.cbegin();
            if (sampling.temperature > 0) {
                std::mt19937_64 random(sampling.seed);
                QList<double> weights;
                for (const double s : std::as_const(scores))
                    weights.append(std::exp((s - scores.at(best)) / sampling.temperature));
                best = std::discrete_distribution<qsizetype>(weights.cbegin(), weights.cend())(
                    random);
            }
            Generation g;
            g.tokens = options.at(best);
            g.logProbs = optionLogProbs.at(best);
            g.alternatives.resize(g.tokens.size());
            for (const qint64 id : std::as_const(g.tokens))
                g.pieces.append(services.model.tokenizer().text(id));
            g.text = g.rawText = inclusion.at(best);
            g.finishReason = u"end_of_text"_s;
            generations.append(g);
        } else {
            generations.append(services.model.generate(prompt.context, sampling, steer));
        }
    }
    if (cancelled())
        return cancelledReply();
    QList<int> chosen(runs);
    std::iota(chosen.begin(), chosen.end(), 0);
    if (r.bestOf) { // the best n by log-probability per token
        const auto perToken = [&](int k) {
            const Generation &g = generations.at(k);
            return g.tokens.isEmpty() ? -1e300 : g.logProbability() / double(g.tokens.size());
        };
        std::stable_sort(
            chosen.begin(), chosen.end(), [&](int a, int b) { return perToken(a) > perToken(b); });
        chosen.resize(n);
    }

    // echo: the prompt's own tokens come first, in completion_tokens and in log_probs alike, one
    // entry per token (cassette test_complete_with_echo: [" Hello", " world"] with [{}, {" world":
    // -6.125}]): the first token has no log-probability, having nothing before it. Image patches
    // have no text and are left out of both.
    QStringList echoTokens;
    QList<QMap<QString, double>> echoLogProbs;
    if (r.echo.value_or(false) && (r.logProbs || r.tokens.value_or(false))) {
        QList<qint64> ids;
        QList<bool> echoed;
        for (const EncodedItem &item : prompt.items)
            for (qsizetype k = 0; k < item.count; ++k) {
                ids.append(prompt.context.at(item.first + k).id);
                echoed.append(item.type != core::PromptItem::Type::Image);
            }
        const QList<double> lps
            = r.logProbs ? services.model.continuationLogProbs({}, ids) : QList<double>();
        for (qsizetype i = 0; i < ids.size(); ++i) {
            if (!echoed.at(i))
                continue;
            const QString text = services.model.tokenizer().text(ids.at(i));
            echoTokens.append(text);
            if (r.logProbs)
                echoLogProbs.append(
                    i == 0 ? QMap<QString, double>() : QMap<QString, double>{{text, lps.at(i)}});
        }
    }

    core::CompletionResponse response;
    response.modelVersion = modelVersion();
    response.numTokensPromptTotal = promptTokens * runs;
    QList<QStringList> streamPieces;
    for (int i = 0; i < n; ++i) {
        const Generation &g = generations.at(chosen.at(i));
        core::CompletionResult result;
        result.index = i;
        const QString prefix = r.echo.value_or(false) ? prompt.text : QString();
        result.completion = prefix + g.text;
        result.finishReason = g.finishReason;
        // Sent when asked, and also whenever tokens or log probs are (the spec's raw_completion;
        // the recordings with log_probs carry it, those without do not).
        if (r.rawCompletion.value_or(false) || r.tokens.value_or(false) || r.logProbs)
            result.rawCompletion = prefix + g.rawText;
        if (r.tokens.value_or(false)) {
            QStringList tokens = echoTokens;
            // Decoded text, as the real API sends them (cassette test_complete_with_echo: "
            // Hello"), so they match the keys of log_probs.
            for (const qint64 id : g.tokens)
                tokens.append(services.model.tokenizer().text(id));
            result.completionTokens = tokens;
        }
        if (r.logProbs) {
            QList<QMap<QString, double>> logProbs = echoLogProbs;
            for (qsizetype t = 0; t < g.tokens.size(); ++t) {
                QMap<QString, double> entry;
                for (const auto &alternative : g.alternatives.value(t))
                    entry.insert(
                        services.model.tokenizer().text(alternative.first), alternative.second);
                entry.insert(services.model.tokenizer().text(g.tokens.at(t)), g.logProbs.at(t));
                logProbs.append(entry);
            }
            result.logProbs = logProbs;
        }
        response.completions.append(result);
        // The stream carries the completion's text piece by piece, cut where the stop sequence cut
        // it.
        QStringList pieces = piecesOf(g);
        if (!prefix.isEmpty())
            pieces.prepend(prefix);
        streamPieces.append(pieces);
    }
    for (const Generation &g : std::as_const(generations))
        response.numTokensGenerated += int(g.tokens.size());

    if (!r.stream.value_or(false))
        return Reply::json(response.toJson());

    reply = Reply();
    reply.stream = true;
    reply.contentType = "text/event-stream";
    for (int i = 0; i < n; ++i) {
        // Each chunk carries its own completion_tokens / log_probs / raw_completion when they were
        // asked for. When a stop sequence cut the text (pieces and tokens no longer line up), the
        // last chunk carries them for the whole completion.
        const core::CompletionResult &whole = response.completions.at(i);
        const QStringList &pieces = streamPieces.at(i);
        const bool hasPrefix = r.echo.value_or(false) && !prompt.text.isEmpty();
        const qsizetype tokenCount = whole.completionTokens
            ? whole.completionTokens->size() - echoTokens.size()
            : whole.logProbs ? whole.logProbs->size() - echoLogProbs.size()
                             : -1;
        const bool aligned = tokenCount == pieces.size() - (hasPrefix ? 1 : 0);
        for (qsizetype p = 0; p < pieces.size(); ++p) {
            core::CompletionStreamEvent chunk;
            chunk.type = core::CompletionStreamEvent::Type::StreamChunk;
            chunk.index = i;
            chunk.completion = pieces.at(p);
            const bool isPrefix = hasPrefix && p == 0;
            const qsizetype t = p - (hasPrefix ? 1 : 0);
            if (aligned) {
                if (whole.rawCompletion)
                    chunk.rawCompletion = pieces.at(p);
                if (whole.completionTokens)
                    chunk.completionTokens = isPrefix
                        ? echoTokens
                        : QStringList{whole.completionTokens->at(echoTokens.size() + t)};
                if (whole.logProbs)
                    chunk.logProbs = isPrefix
                        ? echoLogProbs
                        : QList<QMap<QString, double>>{whole.logProbs->at(echoLogProbs.size() + t)};
            } else if (p == pieces.size() - 1) {
                chunk.rawCompletion = whole.rawCompletion;
                chunk.completionTokens = whole.completionTokens;
                chunk.logProbs = whole.logProbs;
            }
            reply.events.append(compact(chunk.toJson()));
        }
        core::CompletionStreamEvent summary;
        summary.type = core::CompletionStreamEvent::Type::StreamSummary;
        summary.index = i;
        summary.modelVersion = modelVersion();
        summary.finishReason = response.completions.at(i).finishReason;
        reply.events.append(compact(summary.toJson()));
    }
    core::CompletionStreamEvent total;
    total.type = core::CompletionStreamEvent::Type::CompletionSummary;
    total.numTokensPromptTotal = response.numTokensPromptTotal;
    total.numTokensGenerated = response.numTokensGenerated;
    reply.events.append(compact(total.toJson()));
    return reply;
}

Reply handleEvaluate(const Services &services, const Prepared<core::EvaluationRequest> &prepared)
{
    const core::EvaluationRequest &r = prepared.request;
    const EncodedPrompt &prompt = prepared.prompt();
    const QList<qint64> expected = services.model.tokenizer().encodeIds(r.completionExpected);
    QList<qint64> greedy;
    const QList<double> logProbs
        = services.model.continuationLogProbs(prompt.context, expected, nullptr, &greedy);
    const double sum = std::accumulate(logProbs.cbegin(), logProbs.cend(), 0.0);
    core::EvaluationResponse response;
    response.modelVersion = modelVersion();
    response.result.logProbability = sum;
    response.result.logPerplexity = -sum;
    response.result.logPerplexityPerToken
        = expected.isEmpty() ? 0.0 : -sum / double(expected.size());
    response.result.logPerplexityPerCharacter
        = -sum / double(std::max<qsizetype>(1, r.completionExpected.size()));
    response.result.correctGreedy = greedy == expected;
    response.result.tokenCount = int(expected.size());
    response.result.characterCount = int(r.completionExpected.size());
    QString ignored;
    response.result.completion
        = services.model.tokenizer().decode(greedy, &ignored).value_or(QString());
    response.numTokensPromptTotal = int(prompt.context.size() + expected.size());
    return Reply::json(response.toJson());
}

} // namespace sandbox
