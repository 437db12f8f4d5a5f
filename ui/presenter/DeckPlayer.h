// SPDX-License-Identifier: MIT
#pragma once

#include "core/storage/HistoryStore.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

namespace core {
class RunRecorder;
}

namespace ui {

class DeckModel;
class PlaygroundTab;

/// Plays the steps of a demo deck (issue 24): a step's tab is shown, its inputs put in
/// (PlaygroundTab::applyStepInputs()) and its Run triggered. A rehearsal plays every step in turn
/// and keeps each step's answer as the history records it (core::RunRecorder's finished
/// observer) in the deck. During the show, a step whose request fails, or has no answer after
/// fallbackAfterMs(), is stopped and its rehearsed answer is shown instead
/// (PlaygroundTab::restoreRun()), reported as a recording so the window can mark it. A request
/// that fails and would be retried falls back at once: a show does not wait through retries.
class DeckPlayer : public QObject
{
    Q_OBJECT
public:
    /// What the player reaches in the window.
    struct Host
    {
        std::function<PlaygroundTab *(const QString &tabKey)> tab; ///< null: no such tab
        std::function<void(PlaygroundTab *)> show; ///< makes the tab the current one
        core::RunRecorder *recorder = nullptr;
    };
    /// How a step ended.
    enum class Outcome {
        Live, ///< the tab's own run answered
        Recording, ///< the rehearsed answer is shown (the run failed or was too slow)
        Failed, ///< the run failed and there is no recording to show
        Refused, ///< the tab did not run (the inputs were not valid); its status line says why
        Stopped, ///< the presenter stopped it
    };
    Q_ENUM(Outcome)

    DeckPlayer(const Host &host, DeckModel *model, QObject *parent = nullptr);
    ~DeckPlayer() override;

    /// The step shown last (−1: none yet).
    int current() const { return m_current; }
    bool isRunning() const { return m_running; }
    bool isRehearsing() const { return m_rehearsing; }
    /// How the current step ended (meaningless while it runs).
    Outcome outcome() const { return m_outcome; }

    /// A step with no answer after this long shows its recording (default 15,000 ms; 0: never).
    int fallbackAfterMs() const { return m_fallbackAfterMs; }
    void setFallbackAfterMs(int ms) { m_fallbackAfterMs = ms; }

public Q_SLOTS:
    /// Shows step `row` and runs it (stopping a step still running).
    void play(int row);
    /// The step after the current one (the first when none was shown); nothing after the last.
    void next();
    /// The step before the current one; nothing before the first.
    void previous();
    /// Plays every step from the first, keeping each answer as the step's recording.
    void rehearse();
    /// Stops the step running now (and a rehearsal).
    void stop();

Q_SIGNALS:
    void stepStarted(int row);
    /// Step `row` ended: `detail` is the error that made it fall back or fail ("" when live).
    void stepEnded(int row, ui::DeckPlayer::Outcome outcome, const QString &detail);
    /// A rehearsal ended: `recorded` of `total` steps have a recording now; `problems` names
    /// the steps that did not get one and why.
    void rehearsalFinished(int recorded, int total, const QStringList &problems);

private:
    void onCommandsChanged();
    void onRecord(const core::RunRecord &run);
    void onTimeout();
    void onRetrying(const QString &reason);
    /// Stops the running step and shows its recording, saying `why`; nothing when the step has
    /// no recording the tab can show (the live run goes on).
    void fallBack(const QString &why);
    /// The running step's tab stopped running: decides how the step ended.
    void settle();
    void end(Outcome outcome, const QString &detail);
    /// Stops the running step (Outcome::Stopped) without ending a rehearsal.
    void abandon();
    /// Shows the current step's recording; false when it has none the tab can show.
    bool showRecording();

    Host m_host;
    DeckModel *m_model;
    QPointer<PlaygroundTab> m_tab;
    QMetaObject::Connection m_watch;
    QMetaObject::Connection m_retryWatch;
    QTimer m_timer;
    int m_current = -1;
    int m_fallbackAfterMs = 15000;
    bool m_running = false;
    bool m_rehearsing = false;
    bool m_started = false; // the tab was running right after its Run was triggered
    bool m_settlePending = false;
    Outcome m_outcome = Outcome::Live;
    std::optional<core::RunRecord> m_answer; // the run's record, when it succeeded
    QString m_error; // the run's error, when it failed
    QStringList m_problems; // the rehearsal's
};

} // namespace ui
