// SPDX-License-Identifier: MIT
#pragma once

#include "ui/explanation/ExplanationResult.h"

#include <QWidget>

#include <optional>

class QButtonGroup;
class QCheckBox;
class QDoubleSpinBox;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;
class QToolButton;

namespace ui {

class HeatmapView;
class ScaleLegend;
class SpanTableModel;
struct WhatIfOutcome;

/// The results side of the Explanation tab: the target tokens to choose from ("All" and one
/// button per token), the scale (own or fixed) with its legend, the heatmap with a pinned one
/// beside it for comparison, the sortable span table kept in sync with the heatmap, the export
/// menu and the what-if box (its parameters and outcome). Owns the answer on show and the pinned
/// one; the what-if re-runs themselves are WhatIfAnalysis's.
class ExplanationResultsView : public QWidget
{
    Q_OBJECT
public:
    explicit ExplanationResultsView(QWidget *parent = nullptr);
    ~ExplanationResultsView() override;

    /// Shows `response` as the answer to `request`: "All" selected, the what-if outcome cleared.
    void showResponse(
        const core::ExplanationRequest &request, const core::ExplanationResponse &response);
    /// The answer on show, nullptr before the first.
    const ExplanationResult *result() const { return m_result ? &*m_result : nullptr; }
    /// The target tokens on show ("" entries never); empty with target_granularity "complete".
    QStringList targetTokens() const;
    int targetIndex() const { return m_targetIndex; }
    void setTargetIndex(int index);
    HeatmapView *heatmap() const { return m_heatmap; }
    HeatmapView *pinnedHeatmap() const { return m_pinnedHeatmap; }
    QTableView *table() const { return m_table; }
    ScaleLegend *legend() const { return m_legend; }
    /// See ExplanationTab::scaleExtent().
    double scaleExtent() const;
    QString scaleCaption() const;
    /// The title of an exported heatmap: what is explained, by which model.
    QString title() const;
    void pinForComparison();
    void unpin();
    /// While a run is under way the what-if cannot start.
    void setBusy(bool busy);

    /// The spans marked in the heatmap (what the what-if controls).
    QList<core::analysis::ScoredSpan> markedSpans() const;
    double whatIfFactor() const;
    void setWhatIfFactor(double factor);
    int whatIfMaximumTokens() const;
    QString whatIfText() const;
    /// The what-if could not start: nothing is marked.
    void showWhatIfNeedsMarks();
    void showWhatIfStarted(double factor, int spanCount);
    void showWhatIf(const WhatIfOutcome &outcome);

Q_SIGNALS:
    /// A message for the tab's status line (pinned, exported, an export failed).
    void statusMessage(const QString &text);
    /// The user asked for a what-if re-run.
    void whatIfRequested();

private:
    void showResult();
    void showSelection();
    void rebuildTargetBar();
    void updateScale();
    /// The largest |score| of what is shown (without the fixed scale); 0 for nothing.
    double viewExtent() const;
    void syncTableToHeatmap(int span);

    std::optional<ExplanationResult> m_result;
    std::optional<ExplanationResult> m_pinned;
    int m_targetIndex = -1;
    double m_fixedValue = 1.0; // the fixed extent, exact (the spin box shows it rounded)
    bool m_busy = false;
    bool m_syncing = false;

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
};

} // namespace ui
