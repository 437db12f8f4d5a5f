// SPDX-License-Identifier: MIT
#include "ui/explanation/WhatIfAnalysis.h"

#include "ui/common/ErrorText.h"

#include <memory>

using core::analysis::ScoredSpan;

namespace ui {

namespace {

/// Sum of the log-probabilities of the generated tokens (log_probs 0 asks for exactly those).
std::optional<double> completionLogProb(const core::CompletionResult &r)
{
    if (!r.completionTokens || !r.logProbs || r.logProbs->size() < r.completionTokens->size())
        return std::nullopt;
    const qsizetype offset = r.logProbs->size() - r.completionTokens->size();
    double sum = 0;
    for (qsizetype i = 0; i < r.completionTokens->size(); ++i) {
        const auto &alternatives = r.logProbs->at(offset + i);
        const auto it = alternatives.constFind(r.completionTokens->at(i));
        if (it == alternatives.cend())
            return std::nullopt;
        sum += it.value();
    }
    return sum;
}

/// Keeps the first error of a re-run: "Stopped." for a canceled `job`, else `failed` with the
/// error.
void noteFailure(WhatIfOutcome *outcome, const core::ApiJob *job, const QString &failed)
{
    if (outcome->error.isEmpty())
        outcome->error = job->state() == core::ApiJob::State::Canceled
            ? WhatIfAnalysis::tr("Stopped.")
            : failed.arg(errorText(job->error()));
}

} // namespace

WhatIfAnalysis::WhatIfAnalysis(core::ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

void WhatIfAnalysis::cancel()
{
    for (const QPointer<core::ApiJob> &job : std::as_const(m_jobs))
        if (job)
            job->cancel();
}

void WhatIfAnalysis::start(const core::ExplanationRequest &base,
    const QString &target,
    const QList<ScoredSpan> &marked,
    double factor,
    int maximumTokens)
{
    cancel();
    m_jobs.clear();
    const core::Prompt controlled = core::analysis::withControls(base.prompt, marked, factor);

    struct Pending
    {
        WhatIfOutcome outcome;
        int pending = 4;
    };
    auto state = std::make_shared<Pending>();
    state->outcome.target = target;
    state->outcome.factor = factor;
    state->outcome.spanCount = int(marked.size());
    const int generation = ++m_generation;
    const auto render = [this, state, generation] {
        if (--state->pending > 0 || generation != m_generation)
            return; // still running, or replaced by a newer re-run
        Q_EMIT finished(state->outcome);
    };
    const core::Prompt prompts[2] = {base.prompt, controlled};
    // A /complete or /evaluate request of `prompt` with the model and control settings of `base`.
    const auto onBase = [&base](auto request, const core::Prompt &prompt) {
        request.model = base.model;
        request.prompt = prompt;
        request.contextualControlThreshold = base.contextualControlThreshold;
        request.controlLogAdditive = base.controlLogAdditive;
        return request;
    };
    for (int k = 0; k < 2; ++k) {
        core::CompletionRequest c = onBase(core::CompletionRequest(), prompts[k]);
        c.maximumTokens = maximumTokens;
        c.logProbs = 0;
        c.tokens = true;
        auto *complete = m_client->complete(c);
        connect(complete, &core::ApiJob::finished, this, [complete, state, render, k] {
            WhatIfOutcome &outcome = state->outcome;
            if (complete->state() == core::ApiJob::State::Succeeded
                && !complete->result().completions.isEmpty()) {
                const core::CompletionResult &r = complete->result().completions.first();
                outcome.completion[k] = r.completion.value_or(QString());
                outcome.completionLogProb[k] = completionLogProb(r);
            } else {
                noteFailure(&outcome, complete, tr("The what-if completion failed: %1"));
            }
            render();
        });
        m_jobs.append(complete);
        if (target.isEmpty()) {
            --state->pending;
            continue;
        }
        core::EvaluationRequest e = onBase(core::EvaluationRequest(), prompts[k]);
        e.completionExpected = target;
        auto *evaluate = m_client->evaluate(e);
        connect(evaluate, &core::ApiJob::finished, this, [evaluate, state, render, k] {
            WhatIfOutcome &outcome = state->outcome;
            if (evaluate->state() == core::ApiJob::State::Succeeded)
                outcome.targetLogProb[k] = evaluate->result().result.logProbability;
            else
                noteFailure(&outcome, evaluate, tr("The what-if evaluation failed: %1"));
            render();
        });
        m_jobs.append(evaluate);
    }
}

} // namespace ui
