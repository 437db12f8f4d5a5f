// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/ExplanationScores.h"

#include <QCoreApplication>

namespace ui {

/// An answer of /explain as the Explanation tab shows it: the request and response, the target
/// explained, the spans of every explanation and their mean, where each explanation's target
/// token sits in the target, and a one-line label naming model, prompt and target.
struct ExplanationResult
{
    Q_DECLARE_TR_FUNCTIONS(ExplanationResult)
public:
    core::ExplanationRequest request;
    core::ExplanationResponse response;
    QString target; // the target explained
    QList<QList<core::analysis::ScoredSpan>> explanations; // per explanation of the answer
    QList<core::analysis::ScoredSpan> mean; // their mean (or the one)
    QList<QPair<int, int>> tokenRanges; // UTF-16 range of each explanation's target
    QString label;

    static ExplanationResult make(
        const core::ExplanationRequest &request, const core::ExplanationResponse &response);
    /// The spans of target token `targetIndex`, or the mean for -1 (or an index out of range).
    const QList<core::analysis::ScoredSpan> &shownSpans(int targetIndex) const;
};

/// `text` on one line, cut to `max` characters with an ellipsis.
QString shortenedText(QString text, int max);

} // namespace ui
