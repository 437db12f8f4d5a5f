// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/ExplanationScores.h"
#include "core/net/ApiClient.h"
#include "ui/common/PlaygroundTab.h"

#include <QElapsedTimer>
#include <QIcon>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <optional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;
class QToolButton;
class QHBoxLayout;

namespace ui {

class HeatmapView;
class ModelPicker;
class PromptEdit;
class ScaleLegend;
class SpanTableModel;

/// `/explain` (reference/API-ENDPOINTS.md §4): which parts of a prompt (text, images, token ids)
/// drove the model towards a target, as a heatmap over the prompt with a colour-blind-safe
/// diverging scale, a sortable table kept in sync with it, per-target-token explanations or their
/// mean, the scale optionally fixed, two explanations compared side by side on one scale,
/// what-if re-runs with attention controls on the marked spans (/complete and /evaluate), and
/// exports (PNG, SVG, CSV, JSON). Completion and Chat hand their prompt and output over with
/// setInput(). Explain with Ctrl+Enter, Stop with Esc.
class ExplanationTab : public PlaygroundTab
{
    Q_OBJECT
public:
    explicit ExplanationTab(core::ApiClient *client, QWidget *parent = nullptr); // client not owned
    ~ExplanationTab() override;
    void setModels(const QList<core::ModelSettings> &models) override;
    void setRecorder(core::RunRecorder *recorder) override { m_recorder = recorder; }
    bool isBusy() const { return !m_job.isNull(); }

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
    void showResponse(const core::ExplanationRequest &request, const core::ExplanationResponse &response);
    bool hasResult() const { return m_result.has_value(); }
    /// The target tokens on show ("" entries never); empty with target_granularity "complete".
    QStringList targetTokens() const;
    /// -1: all (the mean, or the one explanation); else the target token whose explanation shows.
    int targetIndex() const { return m_targetIndex; }
    void setTargetIndex(int index);
    HeatmapView *heatmap() const { return m_heatmap; }
    HeatmapView *pinnedHeatmap() const { return m_pinnedHeatmap; }
    QTableView *table() const { return m_table; }
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
    ModelPicker *modelPicker() const override { return m_modelPicker; }
    /// The request the tab would send now. False with `error` set when the input is not valid.
    bool currentRequest(QString *endpoint, QJsonObject *body, QString *error) const;

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
    QJsonObject draftJson() const;
    void restoreDraftJson(const QJsonObject &draft);
    struct Result
    {
        core::ExplanationRequest request;
        core::ExplanationResponse response;
        QString target;                                       // the target explained
        QList<QList<core::analysis::ScoredSpan>> explanations; // per explanation of the answer
        QList<core::analysis::ScoredSpan> mean;               // their mean (or the one)
        QList<QPair<int, int>> tokenRanges;                   // UTF-16 range of each explanation's target
        QString label;
    };
    QWidget *buildInput();
    QWidget *buildResults();
    void rebuildItemList();
    QString editorRowText() const;
    void revalidate();
    void setBusy(bool busy);
    void onJobFinished(core::ApiJob *job);
    void showResult();
    void showSelection();
    void rebuildTargetBar();
    void updateScale();
    /// The largest |score| of what is shown (without the fixed scale); 0 for nothing.
    double viewExtent() const;
    void syncTableToHeatmap(int span);
    QList<core::analysis::ScoredSpan> shownSpans(const Result &result, int targetIndex) const;
    QString title() const;
    QImage renderImage() const;
    bool checkExportable(QString *error) const;
    QList<core::analysis::ExportedExplanation> exportedExplanations() const;
    void renderExport(QPainter *painter, const QSize &size) const;
    static Result makeResult(const core::ExplanationRequest &request, const core::ExplanationResponse &response);
    QString tip(const QString &key) const;

    struct Entry
    {
        bool editor = false;   // the text of the prompt editor
        core::PromptItem item; // images, token ids, further text items (and the editor's controls)
        QString name;          // file name of an image
        QIcon icon;            // an image's thumbnail, made once
        QSize imageSize;
    };

    core::ApiClient *m_client; // not owned
    core::RunRecorder *m_recorder = nullptr;
    QPointer<core::ApiJob> m_job;
    QList<QPointer<core::ApiJob>> m_whatIfJobs;
    int m_whatIfGeneration = 0; // answers of older re-runs are dropped
    qint64 m_runId = 0;
    core::ExplanationRequest m_pendingRequest;
    QJsonObject m_descriptions;
    QList<Entry> m_entries;
    std::optional<Result> m_result;
    std::optional<Result> m_pinned;
    int m_targetIndex = -1;
    double m_fixedValue = 1.0;      // the fixed extent, exact (the spin box shows it rounded)
    bool m_showValidation = false;  // validation messages only once the user tried to run
    QElapsedTimer m_clock;
    QTimer m_ticker;

    ModelPicker *m_modelPicker;
    QListWidget *m_itemList;
    PromptEdit *m_promptEdit;
    QPlainTextEdit *m_targetEdit;
    QComboBox *m_promptGranularity;
    QLineEdit *m_delimiter;
    QComboBox *m_targetGranularity;
    QComboBox *m_postprocessing;
    QCheckBox *m_normalize;
    QDoubleSpinBox *m_controlFactor;
    QCheckBox *m_useThreshold;
    QDoubleSpinBox *m_contextualControlThreshold;
    QCheckBox *m_controlLogAdditive;
    QComboBox *m_controlTokenOverlap;
    QLabel *m_validationLabel;
    QPushButton *m_runButton;
    QPushButton *m_stopButton;
    QProgressBar *m_progress;
    QLabel *m_statusLabel;

    QWidget *m_targetBar;
    QHBoxLayout *m_targetBarLayout;
    QButtonGroup *m_targetButtons;
    QCheckBox *m_fixScale;
    QDoubleSpinBox *m_fixedExtent;
    QPushButton *m_pinButton;
    QPushButton *m_unpinButton;
    QToolButton *m_exportButton;
    ScaleLegend *m_legend;
    QWidget *m_pinnedBox;
    QLabel *m_pinnedLabel;
    QLabel *m_currentLabel;
    HeatmapView *m_pinnedHeatmap;
    HeatmapView *m_heatmap;
    SpanTableModel *m_tableModel;
    QSortFilterProxyModel *m_tableProxy;
    QTableView *m_table;
    QLabel *m_markedLabel;
    QDoubleSpinBox *m_whatIfFactor;
    QSpinBox *m_whatIfMaximumTokens;
    QPushButton *m_whatIfButton;
    QLabel *m_whatIfLabel;
    bool m_syncing = false;
};

} // namespace ui
