// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Models.h"
#include "core/net/ApiCall.h"
#include "core/storage/HistoryStore.h"
#include "core/storage/RunRecorder.h"

#include <QAbstractButton>
#include <QVariantMap>
#include <QWidget>

namespace ui {

class ModelPicker;
class RunController;

/// The base of every tab that sends requests, and all MainWindow needs from one: the call it
/// would send now (for "View code"), its model picker, autosaved drafts, and restoring a run
/// from the history; and the hooks of the window's Run, File and Edit menus (canRun()/triggerRun(),
/// …), which grey out the menu's actions when the tab cannot do them now (commandsChanged() says
/// when that may have changed). The wire format stays in core: a call is made by
/// core::ApiCall::of(), a draft is a map of plain values, a run is read through core::RunRecord.
class PlaygroundTab : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;
    /// The history's name of this tab ("completion", "chat").
    virtual QString tabKey() const = 0;
    /// The call the tab would send now; an invalid call with `problem` set when the input is not
    /// valid ("Type some text to tokenize.").
    virtual core::ApiCall currentCall(QString *problem) const = 0;
    /// A call "View code" shows, with its title ("Column A · luminous-base"; "" when alone).
    struct TitledCall
    {
        QString title;
        core::ApiCall call;
    };
    /// The calls "View code" shows: currentCall() alone (untitled) by default; a tab comparing
    /// columns gives each column's. Empty, with `problem` set, when there is none to show.
    virtual QList<TitledCall> currentCalls(QString *problem) const;
    /// Everything typed so far, for the autosave: strings, numbers, booleans, lists and maps.
    virtual QVariantMap draft() const = 0;
    virtual void restoreDraft(const QVariantMap &draft) = 0;
    /// Puts a recorded run's request (and answer, where the tab can show it) back into the tab.
    virtual void restoreRun(const core::RunRecord &run) = 0;
    /// What a demo deck's step keeps of this tab (core::DeckStep::inputs): plain values as
    /// draft() gives them, by default the draft itself. Never a token.
    virtual QVariantMap stepInputs() const { return draft(); }
    /// Puts a deck step's inputs into the tab (by default restoreDraft()); Run follows.
    virtual void applyStepInputs(const QVariantMap &inputs) { restoreDraft(inputs); }
    /// Whether a recorded run of this tab shows its answer when restored (restoreRun()), so a deck
    /// can fall back to it; false where only the request comes back (embeddings, steering).
    virtual bool restoresAnswers() const { return true; }
    /// The model the tab's next run uses, as its picker shows it ("" when it takes none).
    QString currentModel() const;
    /// Where runs are recorded (not owned; null: nowhere).
    virtual void setRecorder(core::RunRecorder *recorder) = 0;
    /// The tab's model picker, or nullptr when its calls take no model.
    virtual ModelPicker *modelPicker() const = 0;
    /// The models of /model-settings, for the picker (and whatever else the tab shows of them).
    virtual void setModels(const QList<core::ModelSettings> &models);

    // The menu's hooks. Defaults: the tab cannot do it (Show tokens: it can when it has a prompt
    // editor; Export: when exportButton() is enabled).
    /// Run ▸ Run (Ctrl+Enter): sends the tab's request.
    virtual bool canRun() const { return false; }
    virtual void triggerRun() {}
    /// Run ▸ Stop (Esc): cancels the running request; only while one runs.
    virtual bool canStop() const { return false; }
    virtual void triggerStop() {}
    /// Run ▸ Compare side by side (Ctrl+Shift+M): turns the compare columns on or off.
    virtual bool canCompare() const { return false; }
    virtual void triggerCompare() {}
    /// Run ▸ Explain: the last answer goes to the Explanation tab (explainRequested of the tab).
    virtual bool canExplain() const { return false; }
    virtual void triggerExplain() {}
    /// Run ▸ Show tokens: the focused prompt editor's text (or selection), else the tab's first.
    virtual bool canShowTokens() const;
    virtual void triggerShowTokens();
    /// File ▸ Export…: the tab's own export (its button's file dialog or format menu).
    virtual bool canExport() const;
    virtual void triggerExport();
    /// File ▸ Open…: what this tab opens ("" when it opens nothing) as a file dialog filter.
    virtual QString openFilter() const { return {}; }
    /// Opens `path` into the tab; false and `error` when it cannot. The default opens nothing.
    virtual bool openFile(const QString &path, QString *error);
    /// File ▸ Open… with a file dialog; the default asks for a file of openFilter() and calls
    /// openFile(). Tabs with their own import dialog (columns of a CSV) override it.
    virtual void triggerOpen();
    /// What File ▸ Open… says on a tab that opens nothing.
    virtual QString openUnsupportedText() const;

Q_SIGNALS:
    /// Something the user typed or chose changed (the autosave waits, then asks draft()).
    void draftChanged();
    /// What the menu's hooks answer may have changed (a run started or ended, a result came).
    void commandsChanged();
    /// A message for the tab's user from a hook (File ▸ Open… failed): shown in the status bar.
    void commandMessage(const QString &text);
    /// A run failed once and is being retried (the deck's player shows a recording instead).
    void runRetrying(const QString &reason);

protected:
    /// The button File ▸ Export… clicks (nullptr: none).
    virtual QAbstractButton *exportButton() const { return nullptr; }
    /// commandsChanged() whenever `run` starts or ends a job.
    void watchRun(RunController *run);
    /// Reads `path` as text for openFile(); false and `error` when it is not readable text.
    static bool readText(const QString &path, QString *text, QString *error);
};

} // namespace ui
