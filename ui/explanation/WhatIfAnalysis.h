// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/ExplanationScores.h"
#include "core/net/ApiClient.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace ui {

/// What one what-if re-run found: the completion of the prompt as it was [0] and with the
/// attention controls [1], their probabilities, the target's probability (with a target), or the
/// first error.
struct WhatIfOutcome
{
    QString completion[2];
    std::optional<double> completionLogProb[2];
    std::optional<double> targetLogProb[2];
    QString error;
    QString target; // the target evaluated ("" for none)
    double factor = 0; // the control factor on the marked spans
    int spanCount = 0; // how many spans were marked
};

/// The what-if re-runs in the background: /complete, and /evaluate of the target when there is
/// one, on a prompt as it was and with attention controls on marked spans. Owns the jobs of the
/// re-run under way and a generation counter: a new re-run cancels the previous one, whose
/// answers are dropped; cancel() stops the jobs.
class WhatIfAnalysis : public QObject
{
    Q_OBJECT
public:
    explicit WhatIfAnalysis(core::ApiClient *client, QObject *parent = nullptr); // client not owned

    /// Starts the four (two without a target) requests for `base` with and without `factor` on
    /// `marked`.
    void start(const core::ExplanationRequest &base,
        const QString &target,
        const QList<core::analysis::ScoredSpan> &marked,
        double factor,
        int maximumTokens);
    /// Cancels the jobs under way (their re-run then ends with "Stopped.").
    void cancel();

Q_SIGNALS:
    /// The newest re-run ended, any way.
    void finished(const ui::WhatIfOutcome &outcome);

private:
    core::ApiClient *m_client; // not owned
    QList<QPointer<core::ApiJob>> m_jobs;
    int m_generation = 0; // answers of older re-runs are dropped
};

} // namespace ui
