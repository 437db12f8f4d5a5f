// SPDX-License-Identifier: MIT
// POST /explain.
#include "sandbox/Cancellation.h"
#include "sandbox/PromptEncoding.h"
#include "sandbox/TextSpans.h"
#include "sandbox/handlers/Handlers.h"
#include "sandbox/handlers/Support.h"

#include <QRectF>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace sandbox {

namespace {

constexpr int kExplanationTiles = 3; // image scores: 3 × 3 tiles of 4 × 4 patches
/// /explain scores every span against every target token, each over the whole context: the work
/// is about spans × target tokens × context tokens steps (some 35 million a second on a laptop
/// core). An explanation above this bound (about half a minute) is refused with a 400 that says
/// how to make it smaller, so that one request cannot keep a worker busy for hours.
constexpr double kMaxExplanationSteps = 1e9;

core::ImageScore imageScore(const QRectF &rect, double score)
{
    core::ImageScore out;
    out.rect.left = rect.left();
    out.rect.top = rect.top();
    out.rect.width = rect.width();
    out.rect.height = rect.height();
    out.score = score;
    return out;
}

} // namespace

Reply handleExplain(const Services &services, const Prepared<core::ExplanationRequest> &prepared)
{
    const core::ExplanationRequest &r = prepared.request;
    const QString overlap
        = r.controlTokenOverlap.value_or(u"partial"_s); // the prompt's too (prepare())
    const EncodedPrompt &prompt = prepared.prompt();

    QString target = r.target.value_or(QString());
    if (target.isEmpty()) { // no target: explain what the model would write
        Sampling sampling;
        sampling.maximumTokens = 16;
        sampling.minimumTokens = 1;
        target = services.model.generate(prompt.context, sampling).text;
    }
    const QList<TextToken> targetTokens = services.model.tokenizer().encode(target);
    const qsizetype promptSize = prompt.context.size();
    const double factor = r.controlFactor.value_or(0.1);
    const QString granularity = r.promptGranularity ? r.promptGranularity->type : u"word"_s;
    const QString delimiter
        = r.promptGranularity ? r.promptGranularity->delimiter.value_or(QString()) : QString();
    const bool complete = overlap == u"complete"_s;
    const bool perToken = r.targetGranularity.value_or(u"complete"_s) == u"token"_s;

    // Every span that can be suppressed: its item (−1 for the target), what the score describes,
    // and the context positions it covers (prompt and target tokens form one context).
    struct Span
    {
        int item = -1;
        int start = 0;
        int length = 0;
        QRectF rect;
        QList<qsizetype> positions;
    };
    QList<Span> spans;
    for (qsizetype i = 0; i < prompt.items.size(); ++i) {
        const EncodedItem &item = prompt.items.at(i);
        if (item.type == core::PromptItem::Type::Text) {
            for (const auto &[start, length] :
                segments(item.text, item.tokens, granularity, delimiter)) {
                Span span{int(i), start, length, {}, {}};
                for (const qsizetype k :
                    positionsOf(item.text, item.tokens, start, length, complete))
                    span.positions.append(item.first + k);
                spans.append(span);
            }
        } else if (item.type == core::PromptItem::Type::Image) {
            const int cells = SyntheticModel::kPatchGrid / kExplanationTiles;
            for (int row = 0; row < kExplanationTiles; ++row) {
                for (int column = 0; column < kExplanationTiles; ++column) {
                    Span span{
                        int(i), 0, 0, patchRect(item, row * cells, column * cells, cells), {}};
                    for (int pr = row * cells; pr < (row + 1) * cells; ++pr)
                        for (int pc = column * cells; pc < (column + 1) * cells; ++pc)
                            span.positions.append(
                                item.first + pr * SyntheticModel::kPatchGrid + pc);
                    spans.append(span);
                }
            }
        } else {
            for (qsizetype k = 0; k < item.count; ++k)
                spans.append({int(i), int(k), 1, {}, {item.first + k}});
        }
    }
    const qsizetype firstTargetSpan = spans.size();
    for (const auto &[start, length] : segments(target, targetTokens, granularity, delimiter)) {
        Span span{-1, start, length, {}, {}};
        for (const qsizetype k : positionsOf(target, targetTokens, start, length, complete))
            span.positions.append(promptSize + k);
        spans.append(span);
    }

    // The target's log-probabilities with nothing suppressed, then with each span suppressed.
    QList<qint64> targetIds;
    for (const TextToken &t : targetTokens)
        targetIds.append(t.id);
    QList<ContextToken> full = prompt.context;
    for (const qint64 id : std::as_const(targetIds))
        full.append({id, 1.0});
    const auto targetLogProbs = [&](const QList<ContextToken> &context) {
        QList<double> out;
        for (qsizetype k = 0; k < targetIds.size(); ++k)
            out.append(services.model.next(context, promptSize + k).logProb(targetIds.at(k)));
        return out;
    };
    const double steps = double(spans.size() + 1) * double(targetIds.size()) * double(full.size());
    if (steps > kMaxExplanationSteps)
        return badRequest(
            u"explain: %1 spans scored against %2 target tokens in a context of %3 tokens is more "
            u"work than the "
            u"sandbox does for one request; use a coarser prompt_granularity, a shorter prompt or a shorter target"_s
                .arg(spans.size())
                .arg(targetIds.size())
                .arg(full.size()));
    const QList<double> base = targetLogProbs(full);
    QList<QList<double>> deltas; // [span][target token]
    deltas.reserve(spans.size());
    for (const Span &span : std::as_const(spans)) {
        if (cancelled())
            return cancelledReply();
        QList<ContextToken> probed = full;
        for (const qsizetype p : span.positions)
            probed[p].weight *= factor;
        const QList<double> suppressed = targetLogProbs(probed);
        QList<double> delta;
        for (qsizetype k = 0; k < base.size(); ++k) {
            // A span of the target only explains the target tokens after it.
            const bool after = span.item >= 0
                || (!span.positions.isEmpty() && span.positions.constLast() < promptSize + k);
            delta.append(after ? base.at(k) - suppressed.at(k) : 0.0);
        }
        deltas.append(delta);
    }

    const QString postprocessing = r.postprocessing.value_or(u"none"_s);
    const auto explanation = [&](const QString &targetText,
                                 qsizetype firstToken,
                                 qsizetype endToken) {
        QList<double> scores;
        for (const QList<double> &delta : std::as_const(deltas)) {
            double s = 0;
            for (qsizetype k = firstToken; k < endToken; ++k)
                s += delta.at(k);
            if (postprocessing == u"absolute"_s)
                s = std::abs(s);
            else if (postprocessing == u"square"_s)
                s = s * s;
            scores.append(s);
        }
        // Parts of the target explain only the target tokens after them.
        const int firstTokenStart = firstToken < targetTokens.size()
            ? targetTokens.at(firstToken).start
            : int(target.size());
        const auto shown = [&](qsizetype s) {
            const Span &span = spans.at(s);
            return s < firstTargetSpan || !perToken || span.start + span.length <= firstTokenStart;
        };
        if (r.normalize.value_or(false)) {
            // The spec: "Minimum score becomes 0 and maximum score becomes 1", after
            // postprocessing, over the scores this explanation gives. Equal scores all become 0.
            double low = 0;
            double high = 0;
            bool any = false;
            for (qsizetype s = 0; s < scores.size(); ++s) {
                if (!shown(s))
                    continue;
                low = any ? std::min(low, scores.at(s)) : scores.at(s);
                high = any ? std::max(high, scores.at(s)) : scores.at(s);
                any = true;
            }
            for (double &s : scores)
                s = high > low ? std::clamp((s - low) / (high - low), 0.0, 1.0) : 0.0;
        }
        core::Explanation out;
        out.target = targetText;
        for (qsizetype i = 0; i < prompt.items.size(); ++i) {
            core::ExplanationItem item;
            const core::PromptItem::Type type = prompt.items.at(i).type;
            item.type = type == core::PromptItem::Type::Text ? core::ExplanationItem::Type::Text
                : type == core::PromptItem::Type::Image      ? core::ExplanationItem::Type::Image
                                                        : core::ExplanationItem::Type::TokenIds;
            item.typeName = type == core::PromptItem::Type::Text ? u"text"_s
                : type == core::PromptItem::Type::Image          ? u"image"_s
                                                                 : u"token_ids"_s;
            for (qsizetype s = 0; s < firstTargetSpan; ++s) {
                const Span &span = spans.at(s);
                if (span.item != i)
                    continue;
                if (type == core::PromptItem::Type::Text)
                    item.textScores.append(core::TextScore::fromUtf16(
                        prompt.items.at(i).text, span.start, span.length, scores.at(s)));
                else if (type == core::PromptItem::Type::Image)
                    item.imageScores.append(imageScore(span.rect, scores.at(s)));
                else
                    item.tokenScores.append(scores.at(s));
            }
            out.items.append(item);
        }
        core::ExplanationItem targetItem;
        targetItem.type = core::ExplanationItem::Type::Target;
        targetItem.typeName = u"target"_s;
        for (qsizetype s = firstTargetSpan; s < spans.size(); ++s) {
            const Span &span = spans.at(s);
            if (shown(s))
                targetItem.textScores.append(
                    core::TextScore::fromUtf16(target, span.start, span.length, scores.at(s)));
        }
        out.items.append(targetItem);
        return out;
    };

    core::ExplanationResponse response;
    response.modelVersion = modelVersion();
    if (perToken) {
        for (qsizetype k = 0; k < targetTokens.size(); ++k)
            response.explanations.append(explanation(
                target.mid(targetTokens.at(k).start, targetTokens.at(k).length), k, k + 1));
    } else {
        response.explanations.append(explanation(target, 0, targetTokens.size()));
    }
    return Reply::json(response.toJson());
}

} // namespace sandbox
