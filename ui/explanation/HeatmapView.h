// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/ExplanationScores.h"
#include "ui/explanation/ScoreScale.h"

#include <QAbstractScrollArea>
#include <QImage>
#include <QSet>

#include <memory>
#include <vector>

namespace ui {

struct HeatmapBlock;

/// A heatmap of one explanation over its prompt, painted on a white page: text items as text
/// with each scored span's background in the ScoreScale colour, image items with their score
/// rectangles as a translucent overlay (the crop, if any, outlined), token_ids items as chips,
/// then the target with its own scores and the explained part underlined.
///
/// Interaction: hovering a span shows its exact score; clicking makes it current and marks or
/// unmarks it (marked spans feed the what-if); Left/Right (or Up/Down) move between spans, Home/End
/// jump, Space marks. Screen readers see every span as a child with its text and score.
///
/// Built for large inputs: the text is laid out once per width (QTextLayout), span rectangles once
/// per explanation; a paint touches only what is visible.
class HeatmapView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit HeatmapView(QWidget *parent = nullptr);
    ~HeatmapView() override;

    /// What the scores are about: the request's prompt (images decoded here) and target. Clears
    /// the spans.
    void setContent(const core::Prompt &prompt, const QString &target);
    /// The spans to show. Keeps the current span and the marks when the places are the same as
    /// before (another target token of the same explanation).
    void setSpans(const QList<core::analysis::ScoredSpan> &spans);
    /// The part of the target being explained (UTF-16 range), underlined; (0, 0) for none.
    void setExplainedRange(int first, int last);
    void setScale(const ScoreScale &scale);
    const ScoreScale &scale() const { return m_scale; }
    /// Shown when there is nothing to draw.
    void setPlaceholderText(const QString &text);

    const QList<core::analysis::ScoredSpan> &spans() const { return m_spans; }
    /// Whether span `index` covers only prompt-template special tokens (`<|…|>`, `<s>`, `</s>`,
    /// `[INST]`, `[/INST]`, `<<SYS>>`, `<</SYS>>`, as a chat's prompt template puts them): drawn
    /// grey, described as a template token and left out of scoreExtent().
    bool isTemplateSpan(int index) const { return m_templateSpans.value(index, false); }
    /// isTemplateSpan() of every span, in order.
    const QList<bool> &templateSpans() const { return m_templateSpans; }
    /// The largest |score| of the spans that are not template tokens (0 for none): the extent
    /// of a scale for what this view shows.
    double scoreExtent() const;
    /// The UTF-16 ranges [first, last) of the template special tokens in `text`.
    static QList<QPair<int, int>> templateTokenRanges(const QString &text);
    /// The fill of template-token spans (a neutral grey, off the score scale).
    static QColor templateFill();
    /// The colour of the text on the page and on every colour of the scale (Palette::textOn).
    static QColor inkOn(const Palette &palette);
    int currentSpan() const { return m_current; }
    void setCurrentSpan(int index);
    QList<int> markedSpans() const;
    void setMarked(int index, bool marked);
    void clearMarks();

    /// The span under `viewportPos`, or -1.
    int spanAt(const QPoint &viewportPos) const;
    /// The rectangles of span `index` in viewport coordinates (after scrolling); empty when it is
    /// not shown.
    QList<QRectF> spanRects(int index) const;
    /// "“word” +0.40625" with the span's place: tool tips and screen readers.
    QString spanDescription(int index) const;
    /// Brings span `index` into view.
    void ensureSpanVisible(int index);

    /// Size of the whole page at the current width.
    QSize contentSize() const;
    /// Paints the page (everything, not only the visible part) at page coordinates in the colours
    /// of `palette`: the widget, and exports (Palette::light(), on white).
    void renderPage(
        QPainter *painter, const QRectF &clip, const Palette &palette = Palette::current()) const;
    /// Milliseconds the last layout (setContent/resize) and span placement (setSpans) took.
    double lastLayoutMs() const { return m_layoutMs; }
    double lastSpansMs() const { return m_spansMs; }

Q_SIGNALS:
    void currentSpanChanged(int index);
    void markedSpansChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;

private:
    using Block = HeatmapBlock;
    void relayout();
    void placeSpans();
    bool coversOnlyTemplate(const core::analysis::ScoredSpan &span) const;
    void updateScrollBar();
    void notifyAccessibleFocus();
    Block *blockForSpan(const core::analysis::ScoredSpan &span) const;

    core::Prompt m_prompt;
    QString m_target;
    std::vector<std::unique_ptr<Block>> m_blocks;
    QList<core::analysis::ScoredSpan> m_spans;
    QList<QList<QRectF>> m_spanRects; // page coordinates, per span
    QList<bool> m_templateSpans; // per span: only template tokens
    QSet<int> m_marked;
    int m_current = -1;
    int m_explainedFirst = 0;
    int m_explainedLast = 0;
    ScoreScale m_scale;
    QString m_placeholder;
    int m_layoutWidth = -1;
    int m_pageHeight = 0;
    double m_layoutMs = 0;
    double m_spansMs = 0;
};

} // namespace ui
