// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Models.h"
#include "core/net/ApiCall.h"
#include "core/storage/HistoryStore.h"
#include "core/storage/RunRecorder.h"

#include <QVariantMap>
#include <QWidget>

namespace ui {

class ModelPicker;

/// The base of every tab that sends requests, and all MainWindow needs from one: the call it
/// would send now (for "View code"), its model picker, autosaved drafts, and restoring a run
/// from the history. The wire format stays in core: a call is made by core::ApiCall::of(), a
/// draft is a map of plain values, a run is read through core::RunRecord.
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
    /// Everything typed so far, for the autosave: strings, numbers, booleans, lists and maps.
    virtual QVariantMap draft() const = 0;
    virtual void restoreDraft(const QVariantMap &draft) = 0;
    /// Puts a recorded run's request (and answer, where the tab can show it) back into the tab.
    virtual void restoreRun(const core::RunRecord &run) = 0;
    /// Where runs are recorded (not owned; null: nowhere).
    virtual void setRecorder(core::RunRecorder *recorder) = 0;
    /// The tab's model picker, or nullptr when its calls take no model.
    virtual ModelPicker *modelPicker() const = 0;
    /// The models of /model-settings, for the picker (and whatever else the tab shows of them).
    virtual void setModels(const QList<core::ModelSettings> &models);

Q_SIGNALS:
    /// Something the user typed or chose changed (the autosave waits, then asks draft()).
    void draftChanged();
};

} // namespace ui
