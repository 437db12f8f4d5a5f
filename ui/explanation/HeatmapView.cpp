// SPDX-License-Identifier: MIT
#include "ui/explanation/HeatmapView.h"

#include "ui/explanation/HeatmapAccessible.h"
#include "ui/explanation/HeatmapBlock.h"

#include <QAccessible>
#include <QElapsedTimer>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QPainter>
#include <QScrollBar>
#include <QTextLayout>
#include <QToolTip>

#include <algorithm>
#include <cmath>

using core::analysis::ScoredSpan;

namespace ui {

namespace {
constexpr double kMargin = HeatmapBlock::kMargin;
constexpr int kOverlayAlpha = 170; // at the ends of the scale; 0 at a score of 0

QString shortText(QString text, int max = 60)
{
    text.replace(QLatin1Char('\n'), QStringLiteral("↵"));
    if (text.size() > max)
        text = text.left(max - 1) + QStringLiteral("…");
    return text;
}

QString signedScore(double score)
{
    return (score > 0 ? QStringLiteral("+") : QString()) + QLocale().toString(score, 'g', 8);
}

} // namespace

// ---------------------------------------------------------------- HeatmapView

HeatmapView::HeatmapView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    installHeatmapAccessibility();
    setObjectName(QStringLiteral("heatmap"));
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(true);
    viewport()->setAutoFillBackground(false);
    setProperty("spanGeneration", quint64(0));
    // Larger than the UI's text: read from a distance in demos, and room for the colours.
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 1.2);
    setFont(f);
    m_placeholder = tr("Run an explanation to see which parts of the prompt drove the target.");
}

HeatmapView::~HeatmapView() = default;

void HeatmapView::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    viewport()->update();
}

void HeatmapView::setContent(const core::Prompt &prompt, const QString &target)
{
    m_prompt = prompt;
    if (m_prompt.isPlainText())
        m_prompt.items = {core::PromptItem::fromText(*m_prompt.plainText)};
    m_target = target;
    m_blocks = HeatmapBlock::build(m_prompt, target);
    m_spans.clear();
    m_spanRects.clear();
    m_templateSpans.clear();
    m_marked.clear();
    m_current = -1;
    m_explainedFirst = m_explainedLast = 0;
    setProperty("spanGeneration", property("spanGeneration").toULongLong() + 1);
    m_layoutWidth = -1;
    relayout();
    Q_EMIT markedSpansChanged();
}

void HeatmapView::setSpans(const QList<ScoredSpan> &spans)
{
    bool samePlaces = spans.size() == m_spans.size();
    for (qsizetype i = 0; samePlaces && i < spans.size(); ++i)
        samePlaces = spans.at(i).samePlace(m_spans.at(i));
    m_spans = spans;
    m_templateSpans.clear();
    m_templateSpans.reserve(m_spans.size());
    for (const ScoredSpan &span : std::as_const(m_spans))
        m_templateSpans.append(coversOnlyTemplate(span));
    if (!samePlaces) {
        m_current = -1;
        const bool hadMarks = !m_marked.isEmpty();
        m_marked.clear();
        setProperty("spanGeneration", property("spanGeneration").toULongLong() + 1);
        if (hadMarks)
            Q_EMIT markedSpansChanged();
    }
    placeSpans();
    viewport()->update();
}

QList<QPair<int, int>> HeatmapView::templateTokenRanges(const QString &text)
{
    return ui::templateTokenRanges(text);
}

QColor HeatmapView::templateFill()
{
    return Palette::current().templateFill;
}

QColor HeatmapView::inkOn(const Palette &palette)
{
    // One ink for the whole scale: Palette's scales are made so that textOn() gives the same
    // colour for every score (TestTheme checks it), so the text layout is drawn with one pen.
    return palette.textOn(palette.scoreColor(0.0));
}

bool HeatmapView::coversOnlyTemplate(const ScoredSpan &span) const
{
    if (span.kind != ScoredSpan::Kind::Text && span.kind != ScoredSpan::Kind::Target)
        return false;
    const Block *block = blockForSpan(span);
    if (!block || block->templateChars.isEmpty())
        return false;
    const QString text = block->layout->text();
    bool any = false;
    for (int i = std::max(0, span.first); i < std::min(span.last, int(block->templateChars.size()));
         ++i) {
        if (block->templateChars.at(i))
            any = true;
        else if (!text.at(i).isSpace())
            return false; // ordinary text in the span: it is scored as usual
    }
    return any;
}

double HeatmapView::scoreExtent() const
{
    double extent = 0;
    for (qsizetype i = 0; i < m_spans.size(); ++i)
        if (!isTemplateSpan(int(i)) && std::isfinite(m_spans.at(i).score))
            extent = std::max(extent, std::abs(m_spans.at(i).score));
    return extent;
}

void HeatmapView::setExplainedRange(int first, int last)
{
    m_explainedFirst = first;
    m_explainedLast = last;
    viewport()->update();
}

void HeatmapView::setScale(const ScoreScale &scale)
{
    m_scale = scale;
    viewport()->update();
}

HeatmapView::Block *HeatmapView::blockForSpan(const ScoredSpan &span) const
{
    for (const auto &block : m_blocks) {
        switch (span.kind) {
        case ScoredSpan::Kind::Text:
            if (block->kind == Block::Kind::Text && block->item == span.item)
                return block.get();
            break;
        case ScoredSpan::Kind::Image:
            if (block->kind == Block::Kind::Image && block->item == span.item)
                return block.get();
            break;
        case ScoredSpan::Kind::Token:
            if (block->kind == Block::Kind::Tokens && block->item == span.item)
                return block.get();
            break;
        case ScoredSpan::Kind::Target:
            if (block->kind == Block::Kind::Target)
                return block.get();
            break;
        }
    }
    return nullptr;
}

void HeatmapView::relayout()
{
    QElapsedTimer timer;
    timer.start();
    const int width = viewport()->width();
    m_layoutWidth = width;
    m_pageHeight = HeatmapBlock::layOut(m_blocks, width, font());
    m_layoutMs = timer.nsecsElapsed() / 1e6;
    placeSpans();
    updateScrollBar();
    viewport()->update();
}

void HeatmapView::placeSpans()
{
    QElapsedTimer timer;
    timer.start();
    m_spanRects.clear();
    m_spanRects.reserve(m_spans.size());
    for (const auto &block : m_blocks)
        block->chipSpans = QList<int>(block->chips.size(), -1);
    for (const ScoredSpan &span : std::as_const(m_spans)) {
        QList<QRectF> rects;
        if (Block *block = blockForSpan(span)) {
            switch (span.kind) {
            case ScoredSpan::Kind::Text:
            case ScoredSpan::Kind::Target:
                rects = block->textRects(span.first, span.last);
                break;
            case ScoredSpan::Kind::Image: {
                const QRectF &ir = block->imageRect;
                rects.append(QRectF(ir.left() + span.rect.left * ir.width(),
                    ir.top() + span.rect.top * ir.height(),
                    span.rect.width * ir.width(),
                    span.rect.height * ir.height())
                                 .intersected(ir));
                break;
            }
            case ScoredSpan::Kind::Token:
                if (span.start >= 0 && span.start < block->chipRects.size()) {
                    rects.append(block->chipRects.at(span.start));
                    block->chipSpans[span.start] = int(m_spanRects.size());
                }
                break;
            }
        }
        m_spanRects.append(rects);
    }
    m_spansMs = timer.nsecsElapsed() / 1e6;
}

void HeatmapView::updateScrollBar()
{
    QScrollBar *bar = verticalScrollBar();
    bar->setRange(0, std::max(0, m_pageHeight - viewport()->height()));
    bar->setPageStep(viewport()->height());
    bar->setSingleStep(std::max(12, fontMetrics().height()));
}

QSize HeatmapView::contentSize() const
{
    return QSize(std::max(1, m_layoutWidth), std::max(1, m_pageHeight));
}

void HeatmapView::renderPage(QPainter *painter, const QRectF &clip, const Palette &pal) const
{
    const QColor ink = inkOn(pal);
    painter->save();
    painter->fillRect(clip, pal.page);
    QFont captionFont = font();
    captionFont.setPointSizeF(std::max(7.0, font().pointSizeF() * 0.85));
    const QFontMetricsF captionMetrics(captionFont);
    // Which spans are in which block (spans of one block are contiguous in the usual order, but
    // nothing depends on that).
    for (const auto &block : m_blocks) {
        const QRectF area(0, block->top, 1e6, block->bottom - block->top);
        if (!area.intersects(clip))
            continue;
        painter->setFont(captionFont);
        painter->setPen(pal.caption);
        painter->drawText(QPointF(kMargin, block->top + captionMetrics.ascent()), block->caption);
        painter->setFont(font());
        switch (block->kind) {
        case Block::Kind::Text:
        case Block::Kind::Target: {
            const bool target = block->kind == Block::Kind::Target;
            for (qsizetype i = 0; i < m_spans.size(); ++i) {
                const ScoredSpan &span = m_spans.at(i);
                if ((span.kind == ScoredSpan::Kind::Target) != target
                    || (!target && span.item != block->item))
                    continue;
                const QColor color
                    = isTemplateSpan(int(i)) ? pal.templateFill : m_scale.colorFor(span.score, pal);
                for (const QRectF &r : m_spanRects.at(i))
                    if (r.intersects(clip))
                        painter->fillRect(r, color);
            }
            painter->setPen(ink);
            QList<QTextLayout::FormatRange> templateInk = block->templateInk;
            for (QTextLayout::FormatRange &range : templateInk)
                range.format.setForeground(pal.templateInk);
            block->layout->draw(painter, block->layoutPos, templateInk, clip);
            if (target && m_explainedLast > m_explainedFirst) {
                painter->setPen(QPen(ink, 2));
                for (const QRectF &r : block->textRects(m_explainedFirst, m_explainedLast))
                    painter->drawLine(
                        QPointF(r.left(), r.bottom() + 1), QPointF(r.right(), r.bottom() + 1));
            }
            break;
        }
        case Block::Kind::Image: {
            if (!block->scaled.isNull())
                painter->drawImage(block->imageRect.topLeft(), block->scaled);
            else
                painter->fillRect(block->imageRect, pal.neutralFill);
            for (qsizetype i = 0; i < m_spans.size(); ++i) {
                const ScoredSpan &span = m_spans.at(i);
                if (span.kind != ScoredSpan::Kind::Image || span.item != block->item)
                    continue;
                // The stronger the score, the more opaque: a score of 0 leaves the image as it is.
                QColor color = m_scale.colorFor(span.score, pal);
                color.setAlpha(
                    int(std::lround(kOverlayAlpha * std::abs(m_scale.position(span.score)))));
                for (const QRectF &r : m_spanRects.at(i)) {
                    painter->fillRect(r, color);
                    painter->setPen(QPen(pal.overlayEdge, 1));
                    painter->drawRect(r);
                }
            }
            if (!block->crop.isNull() && !block->image.isNull()) {
                const QRectF &ir = block->imageRect;
                const double sx = ir.width() / block->image.width();
                const double sy = ir.height() / block->image.height();
                const QRectF crop(ir.left() + block->crop.x() * sx,
                    ir.top() + block->crop.y() * sy,
                    block->crop.width() * sx,
                    block->crop.height() * sy);
                painter->setPen(QPen(pal.textOn(ink), 2));
                painter->drawRect(crop);
                painter->setPen(QPen(ink, 2, Qt::DashLine));
                painter->drawRect(crop);
            }
            break;
        }
        case Block::Kind::Tokens: {
            for (qsizetype k = 0; k < block->chipRects.size(); ++k) {
                const QRectF &r = block->chipRects.at(k);
                if (!r.intersects(clip))
                    continue;
                const int span = block->chipSpans.value(k, -1);
                const QColor color
                    = span >= 0 ? m_scale.colorFor(m_spans.at(span).score, pal) : pal.neutralFill;
                painter->setPen(pal.chipBorder);
                painter->setBrush(color);
                painter->drawRoundedRect(r, 4, 4);
                painter->setPen(pal.textOn(color));
                painter->drawText(r, Qt::AlignCenter, block->chips.at(k));
            }
            painter->setBrush(Qt::NoBrush);
            break;
        }
        }
    }
    // Marked spans (the what-if selection): a solid frame.
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(ink, 2));
    for (const int i : m_marked)
        for (const QRectF &r : m_spanRects.value(i))
            if (r.intersects(clip))
                painter->drawRect(r.adjusted(1, 1, -1, -1));
    painter->restore();
}

void HeatmapView::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    if (m_blocks.empty()) {
        painter.fillRect(viewport()->rect(), Palette::current().page);
        painter.setPen(Palette::current().caption);
        painter.drawText(viewport()->rect().adjusted(20, 20, -20, -20),
            Qt::AlignCenter | Qt::TextWordWrap,
            m_placeholder);
        return;
    }
    const int dy = verticalScrollBar()->value();
    painter.translate(0, -dy);
    const QRectF clip = QRectF(event->rect()).translated(0, dy);
    renderPage(&painter, clip);
    // The current span (keyboard, table): a dashed frame.
    if (m_current >= 0 && m_current < m_spanRects.size()) {
        QPen pen(inkOn(Palette::current()), 1.5, Qt::DashLine);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        for (const QRectF &r : m_spanRects.at(m_current))
            painter.drawRect(r.adjusted(-2, -2, 2, 2));
    }
}

void HeatmapView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    if (viewport()->width() != m_layoutWidth)
        relayout();
    else
        updateScrollBar();
}

void HeatmapView::scrollContentsBy(int, int)
{
    viewport()->update();
}

int HeatmapView::spanAt(const QPoint &viewportPos) const
{
    const QPointF p(viewportPos.x(), viewportPos.y() + verticalScrollBar()->value());
    for (qsizetype i = 0; i < m_spanRects.size(); ++i)
        for (const QRectF &r : m_spanRects.at(i))
            if (r.contains(p))
                return int(i);
    return -1;
}

QList<QRectF> HeatmapView::spanRects(int index) const
{
    QList<QRectF> out;
    const int dy = verticalScrollBar()->value();
    for (const QRectF &r : m_spanRects.value(index)) {
        const QRectF moved = r.translated(0, -dy);
        if (moved.intersects(QRectF(viewport()->rect())))
            out.append(moved);
    }
    return out;
}

QString HeatmapView::spanDescription(int index) const
{
    if (index < 0 || index >= m_spans.size())
        return QString();
    const ScoredSpan &s = m_spans.at(index);
    QString what;
    switch (s.kind) {
    case ScoredSpan::Kind::Text:
        what = tr("“%1” (characters %2–%3 of item %4)")
                   .arg(shortText(s.text))
                   .arg(s.start)
                   .arg(s.start + s.length)
                   .arg(s.item + 1);
        break;
    case ScoredSpan::Kind::Target:
        what = tr("target “%1”").arg(shortText(s.text));
        break;
    case ScoredSpan::Kind::Token:
        what = tr("token id %1 (position %2 of item %3)")
                   .arg(s.text)
                   .arg(s.start + 1)
                   .arg(s.item + 1);
        break;
    case ScoredSpan::Kind::Image:
        what = tr("image tile at %L1%, %L2% (%L3% × %L4%) of item %5")
                   .arg(s.rect.left * 100, 0, 'f', 0)
                   .arg(s.rect.top * 100, 0, 'f', 0)
                   .arg(s.rect.width * 100, 0, 'f', 0)
                   .arg(s.rect.height * 100, 0, 'f', 0)
                   .arg(s.item + 1);
        break;
    }
    if (isTemplateSpan(index))
        return tr("%1: template token (score %2, not on the colour scale)")
            .arg(what, signedScore(s.score));
    return tr("%1: score %2").arg(what, signedScore(s.score));
}

void HeatmapView::setCurrentSpan(int index)
{
    if (index < -1 || index >= m_spans.size())
        index = -1;
    if (index == m_current)
        return;
    m_current = index;
    if (index >= 0)
        ensureSpanVisible(index);
    viewport()->update();
    notifyAccessibleFocus();
    Q_EMIT currentSpanChanged(index);
}

QList<int> HeatmapView::markedSpans() const
{
    QList<int> out(m_marked.cbegin(), m_marked.cend());
    std::sort(out.begin(), out.end());
    return out;
}

void HeatmapView::setMarked(int index, bool marked)
{
    if (index < 0 || index >= m_spans.size() || m_spans.at(index).kind == ScoredSpan::Kind::Target)
        return; // the target is not part of the prompt: no control can go there
    if (marked == m_marked.contains(index))
        return;
    if (marked)
        m_marked.insert(index);
    else
        m_marked.remove(index);
    viewport()->update();
    if (QAccessible::isActive()) {
        QAccessibleEvent event(
            this, marked ? QAccessible::SelectionAdd : QAccessible::SelectionRemove);
        event.setChild(index);
        QAccessible::updateAccessibility(&event);
    }
    Q_EMIT markedSpansChanged();
}

void HeatmapView::clearMarks()
{
    if (m_marked.isEmpty())
        return;
    m_marked.clear();
    viewport()->update();
    Q_EMIT markedSpansChanged();
}

void HeatmapView::ensureSpanVisible(int index)
{
    const QList<QRectF> rects = m_spanRects.value(index);
    if (rects.isEmpty())
        return;
    const QRectF r = rects.first();
    QScrollBar *bar = verticalScrollBar();
    const int top = bar->value();
    const int height = viewport()->height();
    if (r.top() - 8 < top)
        bar->setValue(int(r.top() - 8));
    else if (r.bottom() + 8 > top + height)
        bar->setValue(int(r.bottom() + 8 - height));
}

void HeatmapView::notifyAccessibleFocus()
{
    if (!QAccessible::isActive() || m_current < 0)
        return;
    QAccessibleEvent event(this, QAccessible::Focus);
    event.setChild(m_current);
    QAccessible::updateAccessibility(&event);
}

void HeatmapView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    const int index = spanAt(event->position().toPoint());
    if (index < 0)
        return;
    setCurrentSpan(index);
    setMarked(index, !m_marked.contains(index));
}

void HeatmapView::keyPressEvent(QKeyEvent *event)
{
    const int n = int(m_spans.size());
    if (n == 0) {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Up:
        setCurrentSpan(m_current < 0 ? 0 : std::max(0, m_current - 1));
        return;
    case Qt::Key_Right:
    case Qt::Key_Down:
        setCurrentSpan(m_current < 0 ? 0 : std::min(n - 1, m_current + 1));
        return;
    case Qt::Key_Home:
        setCurrentSpan(0);
        return;
    case Qt::Key_End:
        setCurrentSpan(n - 1);
        return;
    case Qt::Key_Space:
        if (m_current >= 0)
            setMarked(m_current, !m_marked.contains(m_current));
        return;
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}

void HeatmapView::focusInEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusInEvent(event);
    notifyAccessibleFocus();
}

bool HeatmapView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = spanAt(help->pos());
        if (index >= 0) {
            const QRect area = m_spanRects.at(index)
                                   .first()
                                   .translated(0, -verticalScrollBar()->value())
                                   .toAlignedRect();
            QToolTip::showText(help->globalPos(), spanDescription(index), viewport(), area);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace ui
