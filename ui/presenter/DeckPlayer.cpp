// SPDX-License-Identifier: MIT
#include "ui/presenter/DeckPlayer.h"

#include "core/storage/RunRecorder.h"
#include "ui/common/PlaygroundTab.h"
#include "ui/presenter/DeckModel.h"

namespace ui {

DeckPlayer::DeckPlayer(const Host &host, DeckModel *model, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_model(model)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &DeckPlayer::onTimeout);
    // Another deck (opened, restored): what ran belongs to the old one.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        stop();
        m_current = -1;
    });
}

DeckPlayer::~DeckPlayer()
{
    if (m_running && m_host.recorder)
        m_host.recorder->setFinishedObserver({});
}

void DeckPlayer::play(int row)
{
    if (row < 0 || row >= m_model->stepCount())
        return;
    if (m_running)
        abandon();
    const core::DeckStep &step = m_model->step(row);
    m_current = row;
    m_answer.reset();
    m_error.clear();
    PlaygroundTab *tab = m_host.tab ? m_host.tab(step.tab) : nullptr;
    if (!tab) {
        m_running = true;
        Q_EMIT stepStarted(row);
        end(Outcome::Refused, tr("There is no %1 tab in this window.").arg(step.tab));
        return;
    }
    m_tab = tab;
    if (m_host.show)
        m_host.show(tab);
    tab->applyStepInputs(step.inputs);
    m_running = true;
    Q_EMIT stepStarted(row);
    if (m_host.recorder)
        m_host.recorder->setFinishedObserver([this](const core::RunRecord &run) { onRecord(run); });
    m_watch = connect(tab, &PlaygroundTab::commandsChanged, this, &DeckPlayer::onCommandsChanged);
    m_retryWatch = connect(tab, &PlaygroundTab::runRetrying, this, &DeckPlayer::onRetrying);
    tab->triggerRun();
    m_started = tab->canStop();
    if (!m_started)
        onCommandsChanged(); // refused, or answered at once
    else if (!m_rehearsing && m_fallbackAfterMs > 0)
        m_timer.start(m_fallbackAfterMs);
}

void DeckPlayer::next()
{
    play(m_current + 1);
}

void DeckPlayer::previous()
{
    if (m_current > 0)
        play(m_current - 1);
}

void DeckPlayer::rehearse()
{
    if (m_model->stepCount() == 0)
        return;
    m_rehearsing = true;
    m_problems.clear();
    play(0);
}

void DeckPlayer::stop()
{
    const bool wasRehearsing = std::exchange(m_rehearsing, false);
    if (m_running)
        abandon();
    if (wasRehearsing)
        Q_EMIT rehearsalFinished(m_model->deck().recordedSteps(), m_model->stepCount(), m_problems);
}

void DeckPlayer::abandon()
{
    disconnect(m_watch);
    disconnect(m_retryWatch);
    m_timer.stop();
    if (m_host.recorder)
        m_host.recorder->setFinishedObserver({});
    if (m_tab && m_tab->canStop())
        m_tab->triggerStop();
    end(Outcome::Stopped, QString());
}

void DeckPlayer::onCommandsChanged()
{
    if (!m_running || m_settlePending || (m_tab && m_tab->canStop()))
        return;
    // The tab turns its buttons back before it shows the answer and the recorder keeps the run:
    // settle once all of that is done.
    m_settlePending = true;
    QTimer::singleShot(0, this, [this] {
        m_settlePending = false;
        settle();
    });
}

void DeckPlayer::onRecord(const core::RunRecord &run)
{
    if (!m_running || m_current < 0 || run.tab != m_model->step(m_current).tab || m_answer
        || !m_error.isEmpty())
        return;
    if (run.status == core::RunStatus::Succeeded)
        m_answer = run;
    else if (run.status != core::RunStatus::Canceled)
        m_error = run.error.isEmpty() ? tr("The request did not succeed.") : run.error;
}

void DeckPlayer::onTimeout()
{
    fallBack(tr("No answer after %1 s.").arg(m_fallbackAfterMs / 1000.0, 0, 'g', 3));
}

void DeckPlayer::onRetrying(const QString &reason)
{
    // On stage a failed request is not retried for seconds: the recording shows at once.
    fallBack(reason);
}

void DeckPlayer::fallBack(const QString &why)
{
    if (!m_running || !m_tab || m_rehearsing)
        return;
    const core::DeckStep &step = m_model->step(m_current);
    if (!step.recording || !m_tab->restoresAnswers())
        return; // nothing to show instead: the live run goes on
    disconnect(m_watch);
    disconnect(m_retryWatch);
    m_timer.stop();
    if (m_host.recorder)
        m_host.recorder->setFinishedObserver({});
    m_tab->triggerStop();
    showRecording();
    end(Outcome::Recording, why);
}

void DeckPlayer::settle()
{
    if (!m_running || (m_tab && m_tab->canStop()))
        return;
    disconnect(m_watch);
    disconnect(m_retryWatch);
    m_timer.stop();
    if (m_host.recorder)
        m_host.recorder->setFinishedObserver({});
    const int row = m_current;
    if (m_rehearsing) {
        const bool replayable = m_tab && m_tab->restoresAnswers();
        if (m_answer && replayable) {
            m_model->setRecording(row, m_answer);
        } else {
            const QString why = !m_error.isEmpty() ? m_error
                : !m_started                       ? tr("the tab did not run (see its status line)")
                : m_answer ? tr("this tab cannot show a recorded answer, so the step runs live")
                           : tr("this tab's runs are not kept in the history");
            m_problems << tr("Step %1 (%2): %3").arg(row + 1).arg(m_model->stepLabel(row), why);
        }
        end(m_answer ? Outcome::Live : !m_started ? Outcome::Refused : Outcome::Failed, m_error);
        QTimer::singleShot(0, this, [this] {
            if (!m_rehearsing)
                return;
            if (m_current + 1 < m_model->stepCount()) {
                play(m_current + 1);
                return;
            }
            m_rehearsing = false;
            Q_EMIT rehearsalFinished(
                m_model->deck().recordedSteps(), m_model->stepCount(), m_problems);
        });
        return;
    }
    if (!m_started) {
        end(Outcome::Refused, QString());
    } else if (!m_error.isEmpty()) {
        if (showRecording())
            end(Outcome::Recording, m_error);
        else
            end(Outcome::Failed, m_error);
    } else {
        end(Outcome::Live, QString());
    }
}

void DeckPlayer::end(Outcome outcome, const QString &detail)
{
    m_running = false;
    m_outcome = outcome;
    Q_EMIT stepEnded(m_current, outcome, detail);
}

bool DeckPlayer::showRecording()
{
    const core::DeckStep &step = m_model->step(m_current);
    if (!step.recording || !m_tab || !m_tab->restoresAnswers())
        return false;
    m_tab->restoreRun(*step.recording);
    return true;
}

} // namespace ui
