// SPDX-License-Identifier: MIT
// SyntheticModel::generate() (sampling from next(): temperature, top_k, top_p, penalties, biases,
// stop sequences, log_probs alternatives) and continuationLogProbs() (teacher forcing: /evaluate,
// echo and /explain's target log-probabilities).
#include "sandbox/Cancellation.h"
#include "sandbox/SyntheticModel.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace sandbox {

Generation SyntheticModel::generate(
    QList<ContextToken> context, const Sampling &sampling, const Steering *steering) const
{
    Generation out;
    std::mt19937_64 random(sampling.seed);
    const bool argmax = sampling.temperature <= 0 && sampling.topK <= 0 && sampling.topP <= 0;
    const double temperature = sampling.temperature > 0 ? sampling.temperature : 1.0;
    QHash<qint64, int> counts;
    if (sampling.penaltiesIncludePrompt)
        for (const ContextToken &t : std::as_const(context))
            counts[t.id] += 1;
    QByteArray utf8;
    out.finishReason = QStringLiteral("maximum_tokens");

    for (int step = 0; step < sampling.maximumTokens; ++step) {
        // A request nobody waits for any more stops here (the caller answers cancelledReply()).
        if (cancelled())
            break;
        const Scores scores = next(context, steering);
        QList<double> adjusted = scores.logits;
        for (qsizetype i = 0; i < scores.ids.size(); ++i) {
            const qint64 id = scores.ids.at(i);
            adjusted[i] += sampling.logitBias.value(id, 0.0);
            if (id == Tokenizer::kEndOfText)
                adjusted[i] += sampling.endOfTextBias;
            const int count = counts.value(id, 0);
            if (count > 0)
                adjusted[i] -= sampling.presencePenalty + sampling.frequencyPenalty * count;
            if (id == Tokenizer::kEndOfText && step < sampling.minimumTokens)
                adjusted[i] = -1e300;
            if (step == 0 && sampling.excludedFirstTokens.contains(id))
                adjusted[i] = -1e300;
        }
        // Order the candidates by adjusted logit (ties by id, so the order is stable).
        QList<qsizetype> order(scores.ids.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
            return adjusted.at(a) != adjusted.at(b) ? adjusted.at(a) > adjusted.at(b)
                                                    : scores.ids.at(a) < scores.ids.at(b);
        });
        qsizetype chosen = order.first();
        if (!argmax) {
            qsizetype keep = order.size();
            if (sampling.topK > 0)
                keep = std::min<qsizetype>(keep, sampling.topK);
            QList<double> weights;
            const double top = adjusted.at(order.first()) / temperature;
            double total = 0;
            for (qsizetype k = 0; k < keep; ++k) {
                const double w = adjusted.at(order.at(k)) <= -1e299
                    ? 0.0
                    : std::exp(adjusted.at(order.at(k)) / temperature - top);
                weights.append(w);
                total += w;
            }
            if (sampling.topP > 0 && total > 0) {
                double cumulative = 0;
                qsizetype k = 0;
                for (; k < weights.size(); ++k) {
                    cumulative += weights.at(k) / total;
                    if (cumulative >= sampling.topP)
                        break;
                }
                weights.resize(std::min(weights.size(), k + 1));
            }
            std::discrete_distribution<qsizetype> pick(weights.cbegin(), weights.cend());
            chosen = order.at(pick(random));
        }
        const qint64 id = scores.ids.at(chosen);
        if (sampling.alternatives > 0) {
            QList<QPair<qint64, double>> alternatives;
            QList<qsizetype> byModel(scores.ids.size());
            std::iota(byModel.begin(), byModel.end(), 0);
            std::sort(byModel.begin(), byModel.end(), [&](qsizetype a, qsizetype b) {
                return scores.logits.at(a) != scores.logits.at(b)
                    ? scores.logits.at(a) > scores.logits.at(b)
                    : scores.ids.at(a) < scores.ids.at(b);
            });
            for (qsizetype k = 0; k < std::min<qsizetype>(sampling.alternatives, byModel.size());
                 ++k)
                alternatives.append(
                    {scores.ids.at(byModel.at(k)), scores.logProbAt(byModel.at(k))});
            out.alternatives.append(alternatives);
        } else {
            out.alternatives.append(QList<QPair<qint64, double>>());
        }
        if (id == Tokenizer::kEndOfText) {
            out.alternatives.removeLast();
            out.finishReason = QStringLiteral("end_of_text");
            break;
        }
        out.tokens.append(id);
        out.logProbs.append(scores.logProbAt(chosen));
        const QByteArray piece = m_tokenizer.bytes(id);
        out.pieces.append(QString::fromUtf8(piece));
        utf8 += piece;
        counts[id] += 1;
        context.append({id, 1.0, scores.replacing.value(id, -1)});
        const QString text = QString::fromUtf8(utf8);
        bool stopped = false;
        for (const QString &stop : sampling.stopSequences) {
            const qsizetype at = text.indexOf(stop);
            if (at >= 0) {
                out.rawText = text;
                out.text = text.left(at);
                out.finishReason = QStringLiteral("stop_sequence_reached");
                stopped = true;
                break;
            }
        }
        if (stopped)
            return out;
    }
    out.rawText = QString::fromUtf8(utf8);
    out.text = out.rawText;
    return out;
}

QList<double> SyntheticModel::continuationLogProbs(QList<ContextToken> context,
    const QList<qint64> &continuation,
    const Steering *steering,
    QList<qint64> *greedy) const
{
    QList<double> out;
    out.reserve(continuation.size());
    for (const qint64 id : continuation) {
        const Scores scores = next(context, steering);
        out.append(scores.logProb(id));
        if (greedy) {
            const auto best = std::max_element(scores.logits.cbegin(), scores.logits.cend());
            greedy->append(scores.ids.at(best - scores.logits.cbegin()));
        }
        context.append({id, 1.0, scores.replacing.value(id, -1)});
    }
    return out;
}

} // namespace sandbox
