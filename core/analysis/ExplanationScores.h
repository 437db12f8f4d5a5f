// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Explanation.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

/// Pure functions over `/explain` answers (reference/API-ENDPOINTS.md §4): the scored units as
/// one flat list that views, tables and exports share, their aggregate over target tokens, the
/// colour scale's extent, what-if attention controls and the CSV/JSON exports. No I/O.
namespace core::analysis {

/// One scored unit of an explanation.
struct ScoredSpan
{
    enum class Kind { Text, Image, Token, Target };
    Kind kind = Kind::Text;
    /// Index of the prompt item the span belongs to (Text, Image, Token); -1 for Target.
    int item = -1;
    /// Text/Target: as the API sent them, in characters (code points) of the item's text or of
    /// the target. Token: the token's index in its token_ids item, length 1. Image: 0.
    int start = 0;
    int length = 0;
    /// Text/Target: the same range as UTF-16 indices [first, last) of the text, for views.
    int first = 0;
    int last = 0;
    ImageRect rect; ///< Image: 0..1 of the whole image
    double score = 0;
    /// Text/Target: the covered characters; Token: the token id; Image: "".
    QString text;
    /// Kind as a word: "text", "image", "token_ids", "target".
    QString kindName() const;
    /// Same place (kind, item and range or rectangle), whatever the score.
    bool samePlace(const ScoredSpan &other) const;
};

/// The spans of one explanation: prompt items in order, then the target, each item's scores in
/// the order the API sent them. Texts come from the request's `prompt` (its text items) and
/// `target`. Scores beyond the text are clamped to it; items of unknown type, and items beyond
/// the prompt, are skipped; never an error.
QList<ScoredSpan> spansOf(
    const Explanation &explanation, const Prompt &prompt, const QString &target);

/// The aggregate of several explanations of one prompt (one per target token with
/// target_granularity "token"): the mean score per place over all of them, a place missing from
/// one explanation counting 0 there (target spans exist only for later tokens). The mean stays
/// within the range of the inputs, so it can share their colour scale. Order: first appearance.
QList<ScoredSpan> meanOf(const QList<QList<ScoredSpan>> &explanations);

/// The largest |score| (0 for none); the extent of a symmetric colour scale.
double maxAbsScore(const QList<ScoredSpan> &spans);

/// `prompt` with an attention control of `factor` added over every span (what-if re-runs;
/// spec: TextPromptItem/ImagePromptItem/TokenIdsPromptItem.controls): Text → TextControl over
/// the same characters, Image → ImageControl over the same rectangle, Token → TokenControl at the
/// same index. Controls already in the prompt are kept; Target spans and spans whose item is
/// not in `prompt` are ignored. A plain-text prompt becomes one text item. factor: 0 ≤ f < 1
/// suppresses, f > 1 amplifies.
Prompt withControls(Prompt prompt, const QList<ScoredSpan> &spans, double factor);

/// One explanation as exported: which target (token) it explains and its spans.
struct ExportedExplanation
{
    QString target;
    QList<ScoredSpan> spans;
};

/// CSV (RFC 4180, UTF-8, "\r\n" line ends) with the header
/// `explanation,target,kind,item,start,length,left,top,width,height,text,score`: one row per
/// span; explanation is the 0-based index in `explanations`; start/length are the API's;
/// left..height are set for image spans only; score with full precision.
QByteArray toCsv(const QList<ExportedExplanation> &explanations);

/// JSON: {"format": "aleph-playground/explanation-scores@1", "model", "model_version",
/// "request" (the request's parameters; image data replaced by its size), "explanations":
/// [{"target", "spans": [{"kind", "item", "start", "length", "rect"?, "text", "score"}]}]}.
QJsonObject toJson(const QList<ExportedExplanation> &explanations,
    const ExplanationRequest &request,
    const QString &modelVersion);

} // namespace core::analysis
