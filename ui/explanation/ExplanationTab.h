// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/ExplanationScores.h"
#include "core/net/ApiClient.h"
#include "ui/common/PlaygroundTab.h"

#include <QWidget>

class QTableView;

namespace ui {

class ExplanationForm;
class ExplanationResultsView;
class HeatmapView;
class RunController;
class WhatIfAnalysis;

/// `/explain` (reference/API-ENDPOINTS.md §4): which parts of a prompt (text, images, token ids)
/// drove the model towards a target, as a heatmap over the prompt with a colour-blind-safe
/// diverging scale, a sortable table kept in sync with it, per-target-token explanations or their
/// mean, the scale optionally fixed, two explanations compared side by side on one scale,
/// what-if re-runs with attention controls on the marked spans (/complete and /evaluate), and
/// exports (PNG, SVG, CSV, JSON). Completion and Chat hand their prompt and output over with
/// setInput(). Explain with Ctrl+Enter, Stop with Esc.
///
/// The tab composes ExplanationForm (the inputs), ExplanationResultsView (heatmaps, table,
/// what-if box; ExplanationExporter writes its exports) and WhatIfAnalysis (the what-if jobs),
/// and runs /explain through a RunController. The what-if re-runs are WhatIfAnalysis's own: a
/// background analysis of several jobs at once, shown in the what-if box and not recorded.
class ExplanationTab : public PlaygroundTab
{
    Q_OBJECT
public:
    explicit ExplanationTab(core::ApiClient *client, QWidget *parent = nullptr); // client not owned
    ~ExplanationTab() override;
    void setModels(const QList<core::ModelSettings> &models) override;
    void setRecorder(core::RunRecorder *recorder) override;
    bool isBusy() const;

    /// The request the form describes; `error` set (first problem) when it is not valid.
    core::ExplanationRequest buildRequest(QString *error) const;
    /// Fills the form from `request`: prompt items in order (the first text item goes into the
    /// editor), target and every parameter.
    void applyRequest(const core::ExplanationRequest &request);
    /// "From a run": puts `prompt` and `target` into the form (with `model` when it is not
    /// empty), then explains them.
    void setInput(const core::Prompt &prompt, const QString &target, const QString &model);
    void addImageFile(const QString &path);
    void addTokenIds(const QList<qint64> &ids);
    /// Crops image item `row` of the prompt items to the square (x, y, size) in pixels (spec:
    /// ImagePromptItem x, y, size); a null rectangle removes the crop. False with `error` when
    /// `row` is not an image or the square leaves the image.
    bool setImageCrop(int row, const QRect &square, QString *error);

    /// Shows `response` as the answer to `request` (also what a finished run does).
    void showResponse(
        const core::ExplanationRequest &request, const core::ExplanationResponse &response);
    bool hasResult() const;
    /// The target tokens on show ("" entries never); empty with target_granularity "complete".
    QStringList targetTokens() const;
    /// -1: all (the mean, or the one explanation); else the target token whose explanation shows.
    int targetIndex() const;
    void setTargetIndex(int index);
    HeatmapView *heatmap() const;
    HeatmapView *pinnedHeatmap() const;
    QTableView *table() const;
    /// The extent of the scale in use: the fixed one with "Fix scale", else the largest |score|
    /// of the view on show ("All" or one target token; template tokens left out), with a pinned
    /// explanation the larger of both views.
    double scaleExtent() const;
    /// What the legend says about the scale in force, e.g. "scale ±0.161 (this view)".
    QString scaleCaption() const;
    /// The validation message on show ("" until the user tried to run).
    QString validationText() const;
    QString statusText() const;
    QString whatIfText() const;

    /// Exports: true on success, else false with `error`. PNG/SVG are the heatmap on show with a
    /// title and the legend; CSV/JSON hold every explanation of the answer (core::analysis).
    bool exportPng(const QString &path, QString *error) const;
    bool exportSvg(const QString &path, QString *error) const;
    bool exportCsv(const QString &path, QString *error) const;
    bool exportJson(const QString &path, QString *error) const;

    // PlaygroundTab
    QString tabKey() const override { return QStringLiteral("explanation"); }
    core::ApiCall currentCall(QString *problem) const override;
    QVariantMap draft() const override;
    void restoreDraft(const QVariantMap &draft) override;
    void restoreRun(const core::RunRecord &run) override;
    ModelPicker *modelPicker() const override;
    bool canRun() const override { return true; }
    void triggerRun() override { run(); }
    bool canStop() const override { return isBusy(); }
    void triggerStop() override { stop(); }
    QString openUnsupportedText() const override
    {
        return tr("Explanation opens no files: type the prompt, add images with “Add images…”, or "
                  "use Explain in "
                  "Completion or Chat.");
    }

public Q_SLOTS:
    void run();
    void stop();
    /// Keeps the explanation on show for comparison: the next one appears beside it on one scale.
    void pinForComparison();
    void unpin();
    /// Re-runs /complete and /evaluate with attention controls (the what-if factor) on the marked
    /// spans, beside the same without controls.
    void runWhatIf();
    void chooseImages();

Q_SIGNALS:
    /// A run ended (any way).
    void finished();
    /// A what-if re-run ended (any way).
    void whatIfFinished();

private:
    void onExplained(core::ApiJob *job);

    core::ApiClient *m_client; // not owned
    QAbstractButton *exportButton() const override;
    RunController *m_run;
    core::ExplanationRequest m_pendingRequest;

    ExplanationForm *m_form;
    ExplanationResultsView *m_view;
    WhatIfAnalysis *m_whatIf;
};

} // namespace ui
