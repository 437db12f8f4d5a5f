// SPDX-License-Identifier: MIT
#pragma once

#include "ui/common/ModelPicker.h"

#include <QColor>
#include <QPointer>
#include <QVariantMap>
#include <QWidget>

class QDialog;
class QLabel;
class QTextEdit;
class QToolButton;

namespace core {
class ApiJob;
}

namespace ui {

class RunController;

/// For a new column: the first model `picker` lists that is not in `used` ("" when none is).
QString unusedModel(const ModelPicker *picker, const QStringList &used);
/// For a new column: the temperature to try after `temperature` (below 0.5, or the model's default
/// when negative → 0.5 → 1 → 1.5, from 1.5 on → 0).
double nextTemperature(double temperature);

/// One column of a side-by-side comparison (Completion or Chat): its letter (A–D), its own model
/// picker and parameters (in a dialog the "Parameters…" button opens), what it sets differently
/// from column A, its output, and a line of figures for the last run: generated tokens, latency
/// to the first token, total time and finish reason (or how the run ended). Each column runs its
/// requests through its own RunController, so each run is recorded in the history like a run of
/// the tab. Subclasses (CompletionCompareColumn, ChatCompareColumn) supply the output widget,
/// the parameters and the requests.
class CompareColumn : public QWidget
{
    Q_OBJECT
public:
    /// `tabKey` names the tab in the history ("completion").
    CompareColumn(ModelPicker::Capability capability,
        const QString &fallbackModel,
        const QString &tabKey,
        QWidget *parent = nullptr);

    /// The column's place (0: A); sets its title and object names ("compareColumn0").
    void setIndex(int index);
    int index() const { return m_index; }
    /// "A" for column 0, "B" for 1, …
    static QString letter(int index);

    ModelPicker *modelPicker() const { return m_modelPicker; }
    RunController *runController() const { return m_run; }
    bool isBusy() const;
    /// Cancels the column's run (what arrived is kept). Idempotent.
    void stop();
    /// The figures of the last run, or what the column is doing ("Running… 2 s", an error).
    QString statsText() const;
    /// Remove is offered only while more than the fewest columns are shown.
    void setRemovable(bool removable);
    /// Opens the column's parameters (a dialog that stays open beside the window).
    void editParameters();
    QDialog *parametersDialog() const { return m_dialog; }

    /// The text the word diff compares; the highlight ranges are positions in it, which are also
    /// positions in outputView()'s document.
    virtual QString diffText() const = 0;
    virtual QTextEdit *outputView() const = 0;
    /// Highlights `ranges` of diffText() in `colour` (an empty list clears them).
    void highlight(const QList<QPair<int, int>> &ranges, const QColor &colour);
    int highlightCount() const;
    /// The model and parameters as plain values, key by key, to name what differs between columns.
    virtual QVariantMap settingsMap() const = 0;
    /// Names the settings that differ from `reference` (column A's settingsMap()) under the title;
    /// column A says it is the reference.
    void showDifferences(const QVariantMap &reference);
    QString differencesText() const { return m_differencesText; }

Q_SIGNALS:
    /// The model or a parameter changed.
    void settingsChanged();
    void promoteRequested();
    void removeRequested();
    /// The column's run ended (any way), after its figures are shown.
    void finished();

protected:
    void resizeEvent(QResizeEvent *event) override;
    /// Places `output` (the column's view) below the header.
    void setOutput(QWidget *output);
    /// Puts `panel` (the column's parameter form) into the parameters dialog.
    void setParametersPanel(QWidget *panel);
    /// Runs `job` on the column's RunController (cancelling the one before) and times it.
    void startJob(core::ApiJob *job, const QString &busyText);
    /// Text of the running job arrived: the first call notes the latency to the first token.
    void noteText();
    /// Shows the figures of `job`, which ended: `tokens` generated (-1: not known) and
    /// `finishReason` when it succeeded, else how it ended (the RunController's status).
    void showStats(core::ApiJob *job, int tokens, const QString &finishReason);

private:
    void setDifferencesText(const QString &text);

    int m_index = 0;
    QString m_differencesText; // shown elided
    ModelPicker *m_modelPicker;
    RunController *m_run;
    QLabel *m_title;
    QLabel *m_differences;
    QLabel *m_stats;
    QToolButton *m_parametersButton;
    QToolButton *m_promoteButton;
    QToolButton *m_removeButton;
    QDialog *m_dialog;
    QWidget *m_outputSlot;
    QPointer<core::ApiJob> m_timed; // the job whose first token is awaited
    qint64 m_firstTokenMs = -1;
};

} // namespace ui
