// SPDX-License-Identifier: MIT
#include "ui/explanation/ExplanationResult.h"

namespace ui {

QString shortenedText(QString text, int max)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text.size() > max ? text.left(max - 1) + QStringLiteral("…") : text;
}

ExplanationResult ExplanationResult::make(
    const core::ExplanationRequest &request, const core::ExplanationResponse &response)
{
    ExplanationResult r;
    r.request = request;
    r.response = response;
    r.target = request.target.value_or(QString());
    if (r.target.isEmpty()) { // the server chose the target: the explanations' targets make it up
        for (const core::Explanation &e : response.explanations)
            r.target += e.target;
    }
    int position = 0;
    for (const core::Explanation &e : response.explanations) {
        int at = r.target.indexOf(e.target, position);
        if (at < 0 || e.target.isEmpty())
            at = position;
        const int end = std::min(int(r.target.size()), at + int(e.target.size()));
        r.tokenRanges.append({at, end});
        position = end;
        r.explanations.append(core::analysis::spansOf(e, request.prompt, r.target));
    }
    r.mean = r.explanations.size() == 1 ? r.explanations.first()
                                        : core::analysis::meanOf(r.explanations);
    r.label = tr("%1 · “%2” → “%3”")
                  .arg(request.model,
                      shortenedText(request.prompt.text(), 40),
                      shortenedText(r.target, 30));
    return r;
}

const QList<core::analysis::ScoredSpan> &ExplanationResult::shownSpans(int targetIndex) const
{
    if (targetIndex >= 0 && targetIndex < explanations.size())
        return explanations.at(targetIndex);
    return mean;
}

} // namespace ui
