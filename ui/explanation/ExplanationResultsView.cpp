// SPDX-License-Identifier: MIT
#include "ui/explanation/ExplanationResultsView.h"

#include "ui/common/Palette.h"
#include "ui/common/PresenterHint.h"
#include "ui/common/Theme.h"
#include "ui/explanation/ExplanationExporter.h"
#include "ui/explanation/HeatmapView.h"
#include "ui/explanation/ScaleLegend.h"
#include "ui/explanation/SpanTableModel.h"
#include "ui/explanation/WhatIfAnalysis.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

using core::analysis::ScoredSpan;

namespace ui {

namespace {

QString percent(double logp)
{
    const double p = std::exp(logp) * 100.0;
    return p >= 0.1 ? QStringLiteral("%L1%").arg(p, 0, 'f', 1)
                    : QStringLiteral("%L1%").arg(p, 0, 'g', 2);
}

} // namespace

ExplanationResultsView::ExplanationResultsView(QWidget *parent)
    : QWidget(parent)
{
    QWidget *panel = this;
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(6, 0, 0, 0);

    // The target as a row of tokens: "All" and one button per explained token.
    auto *targetScroll = new QScrollArea(panel);
    targetScroll->setObjectName(QStringLiteral("targetTokens"));
    targetScroll->setWidgetResizable(true);
    targetScroll->setFrameShape(QFrame::NoFrame);
    targetScroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_targetBar = new QWidget(targetScroll);
    m_targetBarLayout = new QHBoxLayout(m_targetBar);
    m_targetBarLayout->setContentsMargins(0, 0, 0, 0);
    m_targetBarLayout->setSpacing(2);
    targetScroll->setWidget(m_targetBar);
    targetScroll->setFixedHeight(m_targetBar->fontMetrics().height() + 26);
    m_targetButtons = new QButtonGroup(this);
    m_targetButtons->setExclusive(true);
    connect(
        m_targetButtons, &QButtonGroup::idClicked, this, [this](int id) { setTargetIndex(id); });
    auto *targetRow = new QHBoxLayout;
    auto *targetLabel = new QLabel(tr("Explained:"), panel);
    targetLabel->setToolTip(tr("Choose a target token to see its explanation; All shows the mean "
                               "over the tokens (Alt+Left/Right)."));
    targetRow->addWidget(targetLabel);
    targetRow->addWidget(targetScroll, 1);
    layout->addLayout(targetRow);

    // Scale, comparison, export.
    auto *tools = new QHBoxLayout;
    m_fixScale = new QCheckBox(tr("Fix scale at ±"), panel);
    m_fixScale->setObjectName(QStringLiteral("fixScale"));
    m_fixScale->setToolTip(
        tr("Keep one colour scale across views and explanations (to compare runs). Off: each view "
           "(All, or one target token) gets its own scale, from its largest |score|."));
    m_fixedExtent = new QDoubleSpinBox(panel);
    m_fixedExtent->setObjectName(QStringLiteral("fixedExtent"));
    m_fixedExtent->setRange(0.0001, 1e6);
    m_fixedExtent->setDecimals(4);
    m_fixedExtent->setValue(1.0);
    m_fixedExtent->setEnabled(false);
    connect(m_fixScale, &QCheckBox::toggled, this, [this](bool on) {
        if (on) { // fix what is shown now, exactly
            const double extent = viewExtent();
            m_fixedValue = extent > 0 ? extent : 1.0;
            const QSignalBlocker blocker(m_fixedExtent);
            m_fixedExtent->setValue(m_fixedValue);
        }
        m_fixedExtent->setEnabled(on);
        updateScale();
    });
    connect(m_fixedExtent, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        m_fixedValue = value; // typed by the user
        updateScale();
    });
    m_pinButton = new QPushButton(tr("Pin for comparison"), panel);
    m_pinButton->setObjectName(QStringLiteral("pin"));
    m_pinButton->setToolTip(
        tr("Keep this explanation on the left; the next one appears beside it on the same scale "
           "(prompt v1 and v2, two models, steered and unsteered)."));
    m_pinButton->setEnabled(false);
    connect(m_pinButton, &QPushButton::clicked, this, &ExplanationResultsView::pinForComparison);
    m_unpinButton = new QPushButton(tr("Unpin"), panel);
    m_unpinButton->setObjectName(QStringLiteral("unpin"));
    m_unpinButton->hide();
    connect(m_unpinButton, &QPushButton::clicked, this, &ExplanationResultsView::unpin);
    m_exportButton = new QToolButton(panel);
    m_exportButton->setObjectName(QStringLiteral("export"));
    m_exportButton->setText(tr("Export"));
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    m_exportButton->setEnabled(false);
    auto *exportMenu = new QMenu(m_exportButton);
    const auto addExport = [this, exportMenu](const QString &label,
                               const QString &filter,
                               const QString &suffix,
                               ExplanationExporter::Format format) {
        exportMenu->addAction(label, this, [this, filter, suffix, format] {
            QString path = QFileDialog::getSaveFileName(
                this, tr("Export"), QStringLiteral("explanation.") + suffix, filter);
            if (path.isEmpty())
                return;
            if (QFileInfo(path).suffix().isEmpty())
                path += QLatin1Char('.') + suffix;
            QString error;
            if (ExplanationExporter(this).write(format, path, &error))
                Q_EMIT statusMessage(tr("Saved %1.").arg(QDir::toNativeSeparators(path)));
            else
                Q_EMIT statusMessage(error);
        });
    };
    addExport(tr("Heatmap as PNG…"),
        tr("PNG image (*.png)"),
        QStringLiteral("png"),
        ExplanationExporter::Format::Png);
    addExport(tr("Heatmap as SVG…"),
        tr("SVG image (*.svg)"),
        QStringLiteral("svg"),
        ExplanationExporter::Format::Svg);
    addExport(tr("Scores as CSV…"),
        tr("CSV (*.csv)"),
        QStringLiteral("csv"),
        ExplanationExporter::Format::Csv);
    addExport(tr("Scores as JSON…"),
        tr("JSON (*.json)"),
        QStringLiteral("json"),
        ExplanationExporter::Format::Json);
    m_exportButton->setMenu(exportMenu);
    tools->addWidget(m_fixScale);
    tools->addWidget(m_fixedExtent);
    tools->addStretch(1);
    tools->addWidget(m_pinButton);
    tools->addWidget(m_unpinButton);
    tools->addWidget(m_exportButton);
    layout->addLayout(tools);

    m_legend = new ScaleLegend(panel);
    layout->addWidget(m_legend);

    // Heatmaps: the pinned one (when comparing) beside the current one.
    auto *maps = new QSplitter(Qt::Horizontal, panel);
    maps->setObjectName(QStringLiteral("mapsSplitter"));
    m_pinnedBox = new QWidget(maps);
    auto *pinnedLayout = new QVBoxLayout(m_pinnedBox);
    pinnedLayout->setContentsMargins(0, 0, 0, 0);
    m_pinnedLabel = new QLabel(m_pinnedBox);
    m_pinnedLabel->setObjectName(QStringLiteral("pinnedLabel"));
    m_pinnedLabel->setWordWrap(true);
    m_pinnedHeatmap = new HeatmapView(m_pinnedBox);
    m_pinnedHeatmap->setObjectName(QStringLiteral("pinnedHeatmap"));
    pinnedLayout->addWidget(m_pinnedLabel);
    pinnedLayout->addWidget(m_pinnedHeatmap, 1);
    m_pinnedBox->hide();
    auto *currentBox = new QWidget(maps);
    auto *currentLayout = new QVBoxLayout(currentBox);
    currentLayout->setContentsMargins(0, 0, 0, 0);
    m_currentLabel = new QLabel(currentBox);
    m_currentLabel->setObjectName(QStringLiteral("currentLabel"));
    m_currentLabel->setWordWrap(true);
    m_currentLabel->hide();
    m_heatmap = new HeatmapView(currentBox);
    currentLayout->addWidget(m_currentLabel);
    currentLayout->addWidget(m_heatmap, 1);
    maps->addWidget(m_pinnedBox);
    maps->addWidget(currentBox);

    m_tableModel = new SpanTableModel(this);
    m_tableProxy = new QSortFilterProxyModel(this);
    m_tableProxy->setSourceModel(m_tableModel);
    m_tableProxy->setSortRole(Qt::UserRole);
    m_table = new QTableView(panel);
    m_table->setObjectName(QStringLiteral("spanTable"));
    m_table->setModel(m_tableProxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SpanTableModel::Position, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    // Fixed widths from the font: sizing columns to their contents would measure every row.
    const QFontMetrics fm = m_table->fontMetrics();
    m_table->horizontalHeader()->setSectionResizeMode(SpanTableModel::Text, QHeaderView::Stretch);
    m_table->horizontalHeader()->setMinimumSectionSize(fm.horizontalAdvance(QStringLiteral("00")));
    m_table->setColumnWidth(SpanTableModel::Marked, fm.height() + 14);
    m_table->setColumnWidth(
        SpanTableModel::Position, fm.horizontalAdvance(QStringLiteral("0000")) + 18);
    m_table->setColumnWidth(SpanTableModel::Kind, fm.horizontalAdvance(tr("image 10")) + 10);
    m_table->setColumnWidth(
        SpanTableModel::Score, fm.horizontalAdvance(QStringLiteral("-0.00000e-00")) + 8);
    m_table->setToolTip(tr("Click a header to sort (by score to find what mattered most). Tick "
                           "spans for the what-if."));

    // Heatmap ↔ table.
    connect(m_heatmap,
        &HeatmapView::currentSpanChanged,
        this,
        &ExplanationResultsView::syncTableToHeatmap);
    connect(m_table->selectionModel(),
        &QItemSelectionModel::currentRowChanged,
        this,
        [this](const QModelIndex &current) {
            if (m_syncing || !current.isValid())
                return;
            m_syncing = true;
            m_heatmap->setCurrentSpan(m_tableProxy->mapToSource(current).row());
            m_syncing = false;
        });
    connect(m_heatmap, &HeatmapView::markedSpansChanged, this, [this] {
        const QList<int> marked = m_heatmap->markedSpans();
        m_tableModel->setMarked(marked);
        m_markedLabel->setText(tr("%n span(s) marked", nullptr, int(marked.size())));
        m_whatIfButton->setEnabled(!marked.isEmpty() && m_result && !m_busy);
    });
    connect(m_tableModel, &SpanTableModel::markToggled, m_heatmap, &HeatmapView::setMarked);

    // What-if.
    auto *whatIf
        = new QGroupBox(tr("What-if: marked spans suppressed (< 1) or amplified (> 1)"), panel);
    whatIf->setObjectName(QStringLiteral("whatIf"));
    // The heatmap is what an audience reads; the span table and the what-if are for the analyst.
    hideInPresenterMode(whatIf);
    hideInPresenterMode(m_table);
    auto *whatIfLayout = new QVBoxLayout(whatIf);
    auto *whatIfRow = new QHBoxLayout;
    m_markedLabel = new QLabel(tr("%n span(s) marked", nullptr, 0), whatIf);
    m_markedLabel->setObjectName(QStringLiteral("markedLabel"));
    m_markedLabel->setToolTip(
        tr("Click spans in the heatmap (or Space on the current one), or tick them in the table."));
    auto *clearMarks = new QToolButton(whatIf);
    clearMarks->setText(tr("Clear"));
    connect(clearMarks, &QToolButton::clicked, m_heatmap, &HeatmapView::clearMarks);
    m_whatIfFactor = new QDoubleSpinBox(whatIf);
    m_whatIfFactor->setObjectName(QStringLiteral("whatIfFactor"));
    m_whatIfFactor->setRange(0.0, 100.0);
    m_whatIfFactor->setDecimals(2);
    m_whatIfFactor->setSingleStep(0.1);
    m_whatIfFactor->setValue(0.1);
    m_whatIfFactor->setToolTip(tr("The attention control factor: below 1 suppresses the marked "
                                  "spans, above 1 amplifies them."));
    m_whatIfMaximumTokens = new QSpinBox(whatIf);
    m_whatIfMaximumTokens->setObjectName(QStringLiteral("whatIfMaximumTokens"));
    m_whatIfMaximumTokens->setRange(1, 256);
    m_whatIfMaximumTokens->setValue(16);
    m_whatIfMaximumTokens->setToolTip(tr("maximum_tokens of the two completions"));
    m_whatIfButton = new QPushButton(tr("Re-run"), whatIf);
    m_whatIfButton->setToolTip(tr("Re-run /complete and /evaluate with attention controls on the "
                                  "marked spans, beside the same without."));
    m_whatIfButton->setObjectName(QStringLiteral("whatIfRun"));
    m_whatIfButton->setEnabled(false);
    connect(m_whatIfButton, &QPushButton::clicked, this, &ExplanationResultsView::whatIfRequested);
    whatIfRow->addWidget(m_markedLabel);
    whatIfRow->addWidget(clearMarks);
    whatIfRow->addStretch(1);
    whatIfLayout->addLayout(whatIfRow);
    auto *whatIfParams = new QHBoxLayout;
    whatIfParams->addWidget(new QLabel(tr("factor"), whatIf));
    whatIfParams->addWidget(m_whatIfFactor);
    whatIfParams->addWidget(new QLabel(tr("tokens"), whatIf));
    whatIfParams->addWidget(m_whatIfMaximumTokens);
    whatIfParams->addStretch(1);
    whatIfParams->addWidget(m_whatIfButton);
    whatIfLayout->addLayout(whatIfParams);
    m_whatIfLabel = new QLabel(whatIf);
    m_whatIfLabel->setObjectName(QStringLiteral("whatIfResult"));
    m_whatIfLabel->setWordWrap(true);
    m_whatIfLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_whatIfLabel->setTextFormat(Qt::RichText);
    m_whatIfLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    whatIfLayout->addWidget(m_whatIfLabel, 1);

    // The heatmaps above; the table and the what-if below, side by side.
    auto *bottom = new QSplitter(Qt::Horizontal, panel);
    bottom->setObjectName(QStringLiteral("tableSplitter"));
    bottom->addWidget(m_table);
    bottom->addWidget(whatIf);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);
    bottom->setSizes({600, 400});
    auto *vertical = new QSplitter(Qt::Vertical, panel);
    vertical->setObjectName(QStringLiteral("resultSplitter"));
    vertical->addWidget(maps);
    vertical->addWidget(bottom);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 2);
    layout->addWidget(vertical, 1);

    updateScale();
}

void ExplanationResultsView::showResult()
{
    if (!m_result)
        return;
    m_heatmap->setContent(m_result->request.prompt, m_result->target);
    rebuildTargetBar();
    m_pinButton->setEnabled(true);
    m_exportButton->setEnabled(true);
    m_currentLabel->setText(tr("<b>Current</b> · %1").arg(m_result->label.toHtmlEscaped()));
    showSelection();
}

QStringList ExplanationResultsView::targetTokens() const
{
    QStringList out;
    if (!m_result || m_result->response.explanations.size() < 2)
        return out;
    for (const core::Explanation &e : m_result->response.explanations)
        out << e.target;
    return out;
}

void ExplanationResultsView::rebuildTargetBar()
{
    for (QAbstractButton *b : m_targetButtons->buttons()) {
        m_targetButtons->removeButton(b);
        delete b;
    }
    while (QLayoutItem *item = m_targetBarLayout->takeAt(0))
        delete item;
    const auto addButton = [this](const QString &text, int id, const QString &toolTip) {
        auto *b = new QToolButton(m_targetBar);
        b->setObjectName(
            id < 0 ? QStringLiteral("targetAll") : QStringLiteral("targetToken%1").arg(id));
        b->setText(text);
        b->setToolTip(toolTip);
        b->setCheckable(true);
        b->setAutoRaise(true);
        highlightWhenChecked(b);
        m_targetButtons->addButton(b, id);
        m_targetBarLayout->addWidget(b);
        b->show();
    };
    const QStringList tokens = targetTokens();
    addButton(tokens.isEmpty() ? tr("Whole target") : tr("All (mean)"),
        -1,
        tokens.isEmpty()
            ? tr("One explanation of the whole target (target_granularity complete).")
            : tr("The mean of the %n token explanations, on a scale of its own (unless fixed).",
                nullptr,
                int(tokens.size())));
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        QString shown = tokens.at(i);
        shown.replace(QLatin1Char(' '), QStringLiteral("·"))
            .replace(QLatin1Char('\n'), QStringLiteral("↵"));
        shown.replace(QLatin1Char('&'), QStringLiteral("&&"));
        addButton(
            shown, int(i), tr("Explanation of target token %1: “%2”").arg(i + 1).arg(tokens.at(i)));
    }
    m_targetBarLayout->addStretch(1);
    if (QAbstractButton *b = m_targetButtons->button(m_targetIndex))
        b->setChecked(true);
}

void ExplanationResultsView::setTargetIndex(int index)
{
    if (!m_result)
        return;
    const int count = int(targetTokens().size());
    if (index < -1 || index >= count)
        index = -1;
    m_targetIndex = index;
    if (QAbstractButton *b = m_targetButtons->button(index))
        b->setChecked(true);
    showSelection();
}

void ExplanationResultsView::showSelection()
{
    if (!m_result)
        return;
    const QList<ScoredSpan> spans = m_result->shownSpans(m_targetIndex);
    m_heatmap->setSpans(spans);
    if (m_targetIndex >= 0 && m_targetIndex < m_result->tokenRanges.size())
        m_heatmap->setExplainedRange(m_result->tokenRanges.at(m_targetIndex).first,
            m_result->tokenRanges.at(m_targetIndex).second);
    else
        m_heatmap->setExplainedRange(0, int(m_result->target.size()));
    const QList<int> marked = m_heatmap->markedSpans();
    const int current = m_heatmap->currentSpan();
    m_syncing = true;
    m_tableModel->setSpans(spans, m_heatmap->templateSpans());
    m_tableModel->setMarked(marked);
    m_syncing = false;
    syncTableToHeatmap(current);
    if (m_pinned) {
        const int pinnedIndex = m_targetIndex < m_pinned->explanations.size() ? m_targetIndex : -1;
        m_pinnedHeatmap->setSpans(m_pinned->shownSpans(pinnedIndex));
        if (pinnedIndex >= 0 && pinnedIndex < m_pinned->tokenRanges.size())
            m_pinnedHeatmap->setExplainedRange(m_pinned->tokenRanges.at(pinnedIndex).first,
                m_pinned->tokenRanges.at(pinnedIndex).second);
        else
            m_pinnedHeatmap->setExplainedRange(0, int(m_pinned->target.size()));
    }
    updateScale();
}

double ExplanationResultsView::viewExtent() const
{
    // The heatmaps hold what is shown (showSelection sets their spans before the scale).
    double extent = m_result ? m_heatmap->scoreExtent() : 0.0;
    if (m_pinned)
        extent = std::max(extent, m_pinnedHeatmap->scoreExtent());
    return extent;
}

double ExplanationResultsView::scaleExtent() const
{
    if (m_fixScale->isChecked())
        return m_fixedValue;
    const double extent = viewExtent();
    return extent > 0 ? extent : 1.0;
}

QString ExplanationResultsView::scaleCaption() const
{
    return m_legend->caption();
}

void ExplanationResultsView::updateScale()
{
    const double extent = scaleExtent();
    const ScoreScale scale(extent);
    m_heatmap->setScale(scale);
    m_pinnedHeatmap->setScale(scale);
    m_tableModel->setScale(scale);
    if (!m_fixScale->isChecked()) { // the spin box shows what "Fix scale" would keep
        const QSignalBlocker blocker(m_fixedExtent);
        m_fixedExtent->setValue(extent);
    }
    QString caption;
    if (m_result) {
        const QString value = QLocale().toString(scale.extent(), 'g', 3);
        if (m_fixScale->isChecked())
            caption = tr("fixed scale ±%1").arg(value);
        else if (m_pinned)
            caption = tr("scale ±%1 (this view and the pinned one)").arg(value);
        else
            caption = tr("scale ±%1 (this view)").arg(value);
        if (m_heatmap->templateSpans().contains(true)
            || (m_pinned && m_pinnedHeatmap->templateSpans().contains(true)))
            caption += tr(" · template tokens grey, not on the scale");
    }
    m_legend->setScale(scale, caption);
}

void ExplanationResultsView::syncTableToHeatmap(int span)
{
    if (m_syncing)
        return;
    m_syncing = true;
    if (span < 0) {
        m_table->clearSelection();
    } else {
        const QModelIndex index
            = m_tableProxy->mapFromSource(m_tableModel->index(span, SpanTableModel::Text));
        m_table->setCurrentIndex(index);
        m_table->scrollTo(index);
    }
    m_syncing = false;
}

void ExplanationResultsView::pinForComparison()
{
    if (!m_result)
        return;
    m_pinned = m_result;
    m_pinnedHeatmap->setContent(m_pinned->request.prompt, m_pinned->target);
    m_pinnedLabel->setText(tr("<b>Pinned</b> · %1").arg(m_pinned->label.toHtmlEscaped()));
    m_pinnedBox->show();
    m_currentLabel->show();
    m_unpinButton->show();
    Q_EMIT statusMessage(tr("Pinned. Change the prompt, the model or the steering and explain "
                            "again to compare on one scale."));
    showSelection();
}

void ExplanationResultsView::unpin()
{
    m_pinned.reset();
    m_pinnedBox->hide();
    m_currentLabel->hide();
    m_unpinButton->hide();
    updateScale();
}

QString ExplanationResultsView::whatIfText() const
{
    return m_whatIfLabel->text();
}

ExplanationResultsView::~ExplanationResultsView() = default;

void ExplanationResultsView::showResponse(
    const core::ExplanationRequest &request, const core::ExplanationResponse &response)
{
    m_result = ExplanationResult::make(request, response);
    m_targetIndex = -1;
    m_whatIfLabel->clear();
    showResult();
}

QString ExplanationResultsView::title() const
{
    if (!m_result)
        return QString();
    QString explained = m_targetIndex >= 0 && m_targetIndex < m_result->response.explanations.size()
        ? tr("target token “%1”").arg(m_result->response.explanations.at(m_targetIndex).target)
        : (targetTokens().isEmpty() ? tr("the target “%1”").arg(shortenedText(m_result->target, 40))
                                    : tr("all target tokens (mean)"));
    return tr("Explanation of %1 · %2").arg(explained, m_result->request.model);
}

void ExplanationResultsView::setBusy(bool busy)
{
    m_busy = busy;
    m_whatIfButton->setEnabled(!busy && m_result && !m_heatmap->markedSpans().isEmpty());
}

// ---------------------------------------------------------------- what-if

QList<ScoredSpan> ExplanationResultsView::markedSpans() const
{
    QList<ScoredSpan> marked;
    for (const int i : m_heatmap->markedSpans())
        marked.append(m_heatmap->spans().at(i));
    return marked;
}

double ExplanationResultsView::whatIfFactor() const
{
    return m_whatIfFactor->value();
}

void ExplanationResultsView::setWhatIfFactor(double factor)
{
    m_whatIfFactor->setValue(factor);
}

int ExplanationResultsView::whatIfMaximumTokens() const
{
    return m_whatIfMaximumTokens->value();
}

void ExplanationResultsView::showWhatIfNeedsMarks()
{
    m_whatIfLabel->setText(
        tr("Mark spans first: click them in the heatmap or tick them in the table."));
}

void ExplanationResultsView::showWhatIfStarted(double factor, int spanCount)
{
    m_whatIfButton->setEnabled(false);
    m_whatIfLabel->setText(
        tr("Re-running with factor %1 on %n span(s)…", nullptr, spanCount).arg(factor));
}

void ExplanationResultsView::showWhatIf(const WhatIfOutcome &outcome)
{
    if (!outcome.error.isEmpty()) {
        m_whatIfLabel->setText(outcome.error.toHtmlEscaped());
        m_whatIfButton->setEnabled(true);
        return;
    }
    const QString &target = outcome.target;
    const auto column = [&](int k, const QString &heading) -> QString {
        QString html = QStringLiteral("<td valign='top' width='50%'><b>%1</b><br>").arg(heading);
        html += QStringLiteral("<span style='background:%1'>%2</span><br>")
                    .arg(Palette::current().quoteBackground.name())
                    .arg(outcome.completion[k].toHtmlEscaped().replace(
                        QLatin1Char('\n'), QStringLiteral("<br>")));
        if (outcome.completionLogProb[k])
            html += tr("P(this completion) = %1 (log %L2)")
                        .arg(percent(*outcome.completionLogProb[k]))
                        .arg(*outcome.completionLogProb[k], 0, 'f', 3);
        if (outcome.targetLogProb[k] && !target.isEmpty())
            html += QStringLiteral("<br>")
                + tr("P(target) = %1 (log %L2)")
                      .arg(percent(*outcome.targetLogProb[k]))
                      .arg(*outcome.targetLogProb[k], 0, 'f', 3);
        return html + QStringLiteral("</td>");
    };
    QString html = QStringLiteral("<table width='100%' cellspacing='6'><tr>");
    html += column(0, tr("Original"));
    html += column(1,
        tr("With controls (factor %L1 on %n span(s))", nullptr, outcome.spanCount)
            .arg(outcome.factor));
    html += QStringLiteral("</tr></table>");
    if (outcome.targetLogProb[0] && outcome.targetLogProb[1] && !target.isEmpty()) {
        const double delta = *outcome.targetLogProb[1] - *outcome.targetLogProb[0];
        html += tr("Δ log P(target) = %1%L2 (the target became %L3× as likely)")
                    .arg(delta >= 0 ? QStringLiteral("+") : QString())
                    .arg(delta, 0, 'f', 3)
                    .arg(std::exp(delta), 0, 'g', 3);
    }
    m_whatIfLabel->setText(html);
    m_whatIfButton->setEnabled(true);
}

} // namespace ui
