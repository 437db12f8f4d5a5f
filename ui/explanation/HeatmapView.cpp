// SPDX-License-Identifier: MIT
#include "ui/explanation/HeatmapView.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QElapsedTimer>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QPointer>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTextLayout>
#include <QToolTip>
#include <QWindow>

#include <algorithm>
#include <cmath>

using core::analysis::ScoredSpan;

namespace ui {

namespace {
constexpr double kMargin = 12;
constexpr double kBlockGap = 14;
constexpr double kLineGap = 3;
constexpr double kMaxImageHeight = 300;
constexpr int kOverlayAlpha = 170; // at the ends of the scale; 0 at a score of 0
const QColor kPage(255, 255, 255);
const QColor kInk(20, 20, 20);
const QColor kCaption(110, 110, 110);
const QColor kTemplateFill(0xdc, 0xdc, 0xdc); // template tokens: neutral, off the diverging scale
const QColor kTemplateInk(125, 125, 125);

QString shortText(QString text, int max = 60)
{
    text.replace(QLatin1Char('\n'), QStringLiteral("↵"));
    if (text.size() > max)
        text = text.left(max - 1) + QStringLiteral("…");
    return text;
}

QString signedScore(double score)
{
    return (score > 0 ? QStringLiteral("+") : QString()) + QString::number(score, 'g', 8);
}

/// Which characters of `text` belong to template special tokens; empty when there are none.
QList<bool> templateMask(const QString &text)
{
    QList<bool> mask;
    for (const auto &[first, last] : HeatmapView::templateTokenRanges(text)) {
        if (mask.isEmpty())
            mask = QList<bool>(text.size(), false);
        for (int i = first; i < last; ++i)
            mask[i] = true;
    }
    return mask;
}

/// Grey text over the template tokens of a text block.
void greyTemplateText(QTextLayout *layout, const QList<QPair<int, int>> &ranges)
{
    QList<QTextLayout::FormatRange> formats;
    for (const auto &[first, last] : ranges) {
        QTextLayout::FormatRange range;
        range.start = first;
        range.length = last - first;
        range.format.setForeground(kTemplateInk);
        formats.append(range);
    }
    layout->setFormats(formats);
}
} // namespace

struct HeatmapView::Block
{
    enum class Kind { Text, Image, Tokens, Target };
    Kind kind = Kind::Text;
    int item = -1;
    QString caption;
    double top = 0;     // caption top, page coordinates
    double bottom = 0;  // end of the body
    // Text and Target
    std::unique_ptr<QTextLayout> layout;
    QPointF layoutPos;
    QList<int> lineStarts;
    // Image
    QImage image;
    QImage scaled;
    QRectF imageRect;
    QRect crop; // pixels of the original image; null when uncropped
    QList<bool> templateChars; // Text and Target: per character, part of a template token (empty: none)
    // Tokens
    QStringList chips;
    QList<QRectF> chipRects;
    QList<int> chipSpans; // the span scoring each chip, or -1

    /// The rectangles (page coordinates) that text range [first, last) covers.
    QList<QRectF> textRects(int first, int last) const
    {
        QList<QRectF> rects;
        if (!layout || layout->lineCount() == 0 || last <= first)
            return rects;
        auto it = std::upper_bound(lineStarts.cbegin(), lineStarts.cend(), first);
        int line = std::max(0, int(it - lineStarts.cbegin()) - 1);
        for (; line < layout->lineCount(); ++line) {
            const QTextLine l = layout->lineAt(line);
            const int ls = l.textStart();
            const int le = ls + l.textLength();
            if (ls >= last)
                break;
            const int a = std::max(first, ls);
            const int b = std::min(last, le);
            if (b <= a)
                continue;
            const double x1 = l.cursorToX(a);
            const double x2 = l.cursorToX(b);
            double left = std::min(x1, x2);
            double width = std::abs(x2 - x1);
            if (width < 3) // a line break or a lone space: still something to see and to hover
                width = 3;
            rects.append(QRectF(layoutPos.x() + left, layoutPos.y() + l.y(), width, l.height()));
        }
        return rects;
    }
};

// ---------------------------------------------------------------- accessibility

namespace {

/// One span, as screen readers see it: its text and exact score.
class SpanAccessible : public QAccessibleInterface
{
public:
    SpanAccessible(HeatmapView *view, int index, quint64 generation)
        : m_view(view)
        , m_index(index)
        , m_generation(generation)
    {
    }
    bool isValid() const override
    {
        return m_view && m_index < m_view->spans().size() && m_view->property("spanGeneration").toULongLong() == m_generation;
    }
    QObject *object() const override { return nullptr; }
    QWindow *window() const override { return m_view ? m_view->window()->windowHandle() : nullptr; }
    QAccessibleInterface *parent() const override { return QAccessible::queryAccessibleInterface(m_view.data()); }
    QAccessibleInterface *child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    QString text(QAccessible::Text t) const override
    {
        if (!isValid())
            return QString();
        if (t == QAccessible::Name || t == QAccessible::Description)
            return m_view->spanDescription(m_index);
        if (t == QAccessible::Value)
            return QString::number(m_view->spans().at(m_index).score, 'g', 17);
        return QString();
    }
    void setText(QAccessible::Text, const QString &) override {}
    QRect rect() const override
    {
        if (!isValid())
            return QRect();
        const QList<QRectF> rects = m_view->spanRects(m_index);
        if (rects.isEmpty())
            return QRect();
        const QRect r = rects.first().toAlignedRect();
        return QRect(m_view->viewport()->mapToGlobal(r.topLeft()), r.size());
    }
    QAccessible::Role role() const override { return QAccessible::ListItem; }
    QAccessible::State state() const override
    {
        QAccessible::State s;
        s.focusable = true;
        s.selectable = true;
        if (!isValid())
            return s;
        s.focused = m_view->currentSpan() == m_index && m_view->hasFocus();
        s.selected = m_view->markedSpans().contains(m_index);
        s.invisible = m_view->spanRects(m_index).isEmpty();
        return s;
    }

private:
    QPointer<HeatmapView> m_view;
    int m_index;
    quint64 m_generation;
};

/// The heatmap as a list whose items are its spans.
class HeatmapAccessible : public QAccessibleWidget
{
public:
    explicit HeatmapAccessible(HeatmapView *view)
        : QAccessibleWidget(view, QAccessible::List, QObject::tr("Explanation heatmap"))
    {
    }
    HeatmapView *view() const { return static_cast<HeatmapView *>(widget()); }
    int childCount() const override { return int(view()->spans().size()); }
    QAccessibleInterface *child(int index) const override
    {
        if (index < 0 || index >= childCount())
            return nullptr;
        const quint64 generation = view()->property("spanGeneration").toULongLong();
        if (const auto it = m_children.constFind(index); it != m_children.cend()) {
            QAccessibleInterface *cached = QAccessible::accessibleInterface(*it);
            if (cached && cached->isValid())
                return cached;
            if (cached)
                QAccessible::deleteAccessibleInterface(*it);
            m_children.remove(index);
        }
        auto *iface = new SpanAccessible(view(), index, generation);
        m_children.insert(index, QAccessible::registerAccessibleInterface(iface));
        return iface;
    }
    int indexOfChild(const QAccessibleInterface *child) const override
    {
        for (auto it = m_children.cbegin(); it != m_children.cend(); ++it)
            if (QAccessible::accessibleInterface(it.value()) == child)
                return it.key();
        return -1;
    }
    QAccessibleInterface *childAt(int x, int y) const override
    {
        const int index = view()->spanAt(view()->viewport()->mapFromGlobal(QPoint(x, y)));
        return index >= 0 ? child(index) : nullptr;
    }
    QAccessibleInterface *focusChild() const override
    {
        return view()->currentSpan() >= 0 ? child(view()->currentSpan()) : nullptr;
    }

private:
    mutable QHash<int, QAccessible::Id> m_children;
};

QAccessibleInterface *heatmapAccessibleFactory(const QString &key, QObject *object)
{
    if (key == QLatin1String("ui::HeatmapView"))
        if (auto *view = qobject_cast<HeatmapView *>(object))
            return new HeatmapAccessible(view);
    return nullptr;
}

} // namespace

// ---------------------------------------------------------------- HeatmapView

HeatmapView::HeatmapView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    static const bool factoryInstalled = [] {
        QAccessible::installFactory(heatmapAccessibleFactory);
        return true;
    }();
    Q_UNUSED(factoryInstalled);
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
    m_blocks.clear();
    const bool several = m_prompt.items.size() > 1;
    int textIndex = 0;
    int imageIndex = 0;
    for (qsizetype i = 0; i < m_prompt.items.size(); ++i) {
        const core::PromptItem &item = m_prompt.items.at(i);
        auto block = std::make_unique<Block>();
        block->item = int(i);
        switch (item.type) {
        case core::PromptItem::Type::Text: {
            block->kind = Block::Kind::Text;
            block->caption = several ? tr("Text %1").arg(++textIndex) : tr("Prompt");
            QString text = item.text;
            text.replace(QLatin1Char('\n'), QChar::LineSeparator); // same length: indices stay
            block->layout = std::make_unique<QTextLayout>(text);
            block->layout->setCacheEnabled(true);
            block->templateChars = templateMask(item.text);
            if (!block->templateChars.isEmpty())
                greyTemplateText(block->layout.get(), templateTokenRanges(item.text));
            break;
        }
        case core::PromptItem::Type::Image: {
            block->kind = Block::Kind::Image;
            block->image.loadFromData(QByteArray::fromBase64(item.imageBase64.toLatin1()));
            if (item.x && item.y && item.size)
                block->crop = QRect(*item.x, *item.y, *item.size, *item.size);
            block->caption = block->image.isNull() ? tr("Image %1 (could not be decoded)").arg(++imageIndex)
                                                   : tr("Image %1 · %2×%3 px").arg(++imageIndex).arg(block->image.width()).arg(block->image.height());
            if (!block->crop.isNull())
                block->caption += tr(" · cropped to %1×%1 at (%2, %3), outlined").arg(block->crop.width()).arg(block->crop.x()).arg(block->crop.y());
            break;
        }
        case core::PromptItem::Type::TokenIds:
            block->kind = Block::Kind::Tokens;
            block->caption = tr("Token ids");
            for (const qint64 id : item.tokenIds)
                block->chips.append(QStringLiteral("#%1").arg(id));
            break;
        }
        m_blocks.push_back(std::move(block));
    }
    if (!target.isEmpty()) {
        auto block = std::make_unique<Block>();
        block->kind = Block::Kind::Target;
        block->caption = tr("Target (what is explained)");
        QString text = target;
        text.replace(QLatin1Char('\n'), QChar::LineSeparator);
        block->layout = std::make_unique<QTextLayout>(text);
        block->layout->setCacheEnabled(true);
        block->templateChars = templateMask(target);
        if (!block->templateChars.isEmpty())
            greyTemplateText(block->layout.get(), templateTokenRanges(target));
        m_blocks.push_back(std::move(block));
    }
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
    QList<QPair<int, int>> ranges;
    // Cheap pre-check: most prompts have none of these characters' combinations.
    if (!text.contains(QLatin1Char('<')) && !text.contains(QLatin1Char('[')))
        return ranges;
    static const QRegularExpression special(
        QStringLiteral(R"(<\|[^|<>\s]{1,64}\|>|</?s>|\[/?INST\]|<</?SYS>>)"));
    for (auto it = special.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        ranges.append({int(m.capturedStart()), int(m.capturedEnd())});
    }
    return ranges;
}

QColor HeatmapView::templateFill()
{
    return kTemplateFill;
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
    for (int i = std::max(0, span.first); i < std::min(span.last, int(block->templateChars.size())); ++i) {
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
    const double textWidth = std::max(120.0, width - 2 * kMargin);
    QFont captionFont = font();
    captionFont.setPointSizeF(std::max(7.0, font().pointSizeF() * 0.85));
    const QFontMetricsF captionMetrics(captionFont);
    const QFontMetricsF metrics(font());
    double y = kMargin;
    for (const auto &block : m_blocks) {
        block->top = y;
        y += captionMetrics.height() + 3;
        switch (block->kind) {
        case Block::Kind::Text:
        case Block::Kind::Target: {
            QTextLayout &layout = *block->layout;
            layout.setFont(font());
            layout.clearLayout();
            block->lineStarts.clear();
            double ly = 0;
            layout.beginLayout();
            for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
                line.setLineWidth(textWidth);
                line.setPosition(QPointF(0, ly));
                ly += line.height() + kLineGap;
                block->lineStarts.append(line.textStart());
            }
            layout.endLayout();
            block->layoutPos = QPointF(kMargin, y);
            y += std::max(ly, metrics.height());
            break;
        }
        case Block::Kind::Image: {
            QSizeF size = block->image.isNull() ? QSizeF(200, 120) : QSizeF(block->image.size());
            const double s = std::min({1.0, textWidth / size.width(), kMaxImageHeight / size.height()});
            size *= s;
            block->imageRect = QRectF(QPointF(kMargin, y), size);
            if (!block->image.isNull() && block->scaled.size() != size.toSize())
                block->scaled = block->image.scaled(size.toSize(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
            y += size.height();
            break;
        }
        case Block::Kind::Tokens: {
            block->chipRects.clear();
            double x = kMargin;
            const double h = metrics.height() + 6;
            for (const QString &chip : std::as_const(block->chips)) {
                const double w = metrics.horizontalAdvance(chip) + 12;
                if (x + w > kMargin + textWidth && x > kMargin) {
                    x = kMargin;
                    y += h + 4;
                }
                block->chipRects.append(QRectF(x, y, w, h));
                x += w + 4;
            }
            y += h;
            break;
        }
        }
        block->bottom = y;
        y += kBlockGap;
    }
    m_pageHeight = int(std::ceil(y));
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
                rects.append(QRectF(ir.left() + span.rect.left * ir.width(), ir.top() + span.rect.top * ir.height(),
                                    span.rect.width * ir.width(), span.rect.height * ir.height())
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

void HeatmapView::renderPage(QPainter *painter, const QRectF &clip) const
{
    painter->save();
    painter->fillRect(clip, kPage);
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
        painter->setPen(kCaption);
        painter->drawText(QPointF(kMargin, block->top + captionMetrics.ascent()), block->caption);
        painter->setFont(font());
        switch (block->kind) {
        case Block::Kind::Text:
        case Block::Kind::Target: {
            const bool target = block->kind == Block::Kind::Target;
            for (qsizetype i = 0; i < m_spans.size(); ++i) {
                const ScoredSpan &span = m_spans.at(i);
                if ((span.kind == ScoredSpan::Kind::Target) != target || (!target && span.item != block->item))
                    continue;
                const QColor color = isTemplateSpan(int(i)) ? kTemplateFill : m_scale.colorFor(span.score);
                for (const QRectF &r : m_spanRects.at(i))
                    if (r.intersects(clip))
                        painter->fillRect(r, color);
            }
            painter->setPen(kInk);
            block->layout->draw(painter, block->layoutPos, {}, clip);
            if (target && m_explainedLast > m_explainedFirst) {
                painter->setPen(QPen(kInk, 2));
                for (const QRectF &r : block->textRects(m_explainedFirst, m_explainedLast))
                    painter->drawLine(QPointF(r.left(), r.bottom() + 1), QPointF(r.right(), r.bottom() + 1));
            }
            break;
        }
        case Block::Kind::Image: {
            if (!block->scaled.isNull())
                painter->drawImage(block->imageRect.topLeft(), block->scaled);
            else
                painter->fillRect(block->imageRect, QColor(220, 220, 220));
            for (qsizetype i = 0; i < m_spans.size(); ++i) {
                const ScoredSpan &span = m_spans.at(i);
                if (span.kind != ScoredSpan::Kind::Image || span.item != block->item)
                    continue;
                // The stronger the score, the more opaque: a score of 0 leaves the image as it is.
                QColor color = m_scale.colorFor(span.score);
                color.setAlpha(int(std::lround(kOverlayAlpha * std::abs(m_scale.position(span.score)))));
                for (const QRectF &r : m_spanRects.at(i)) {
                    painter->fillRect(r, color);
                    painter->setPen(QPen(QColor(255, 255, 255, 90), 1));
                    painter->drawRect(r);
                }
            }
            if (!block->crop.isNull() && !block->image.isNull()) {
                const QRectF &ir = block->imageRect;
                const double sx = ir.width() / block->image.width();
                const double sy = ir.height() / block->image.height();
                const QRectF crop(ir.left() + block->crop.x() * sx, ir.top() + block->crop.y() * sy, block->crop.width() * sx,
                                  block->crop.height() * sy);
                painter->setPen(QPen(Qt::white, 2));
                painter->drawRect(crop);
                painter->setPen(QPen(kInk, 2, Qt::DashLine));
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
                const QColor color = span >= 0 ? m_scale.colorFor(m_spans.at(span).score) : QColor(235, 235, 235);
                painter->setPen(QColor(150, 150, 150));
                painter->setBrush(color);
                painter->drawRoundedRect(r, 4, 4);
                painter->setPen(kInk);
                painter->drawText(r, Qt::AlignCenter, block->chips.at(k));
            }
            painter->setBrush(Qt::NoBrush);
            break;
        }
        }
    }
    // Marked spans (the what-if selection): a solid frame.
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(kInk, 2));
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
        painter.fillRect(viewport()->rect(), kPage);
        painter.setPen(kCaption);
        painter.drawText(viewport()->rect().adjusted(20, 20, -20, -20), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        return;
    }
    const int dy = verticalScrollBar()->value();
    painter.translate(0, -dy);
    const QRectF clip = QRectF(event->rect()).translated(0, dy);
    renderPage(&painter, clip);
    // The current span (keyboard, table): a dashed frame.
    if (m_current >= 0 && m_current < m_spanRects.size()) {
        QPen pen(QColor(0, 0, 0), 1.5, Qt::DashLine);
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
        what = tr("“%1” (characters %2–%3 of item %4)").arg(shortText(s.text)).arg(s.start).arg(s.start + s.length).arg(s.item + 1);
        break;
    case ScoredSpan::Kind::Target:
        what = tr("target “%1”").arg(shortText(s.text));
        break;
    case ScoredSpan::Kind::Token:
        what = tr("token id %1 (position %2 of item %3)").arg(s.text).arg(s.start + 1).arg(s.item + 1);
        break;
    case ScoredSpan::Kind::Image:
        what = tr("image tile at %1%, %2% (%3% × %4%) of item %5")
                   .arg(s.rect.left * 100, 0, 'f', 0)
                   .arg(s.rect.top * 100, 0, 'f', 0)
                   .arg(s.rect.width * 100, 0, 'f', 0)
                   .arg(s.rect.height * 100, 0, 'f', 0)
                   .arg(s.item + 1);
        break;
    }
    if (isTemplateSpan(index))
        return tr("%1: template token (score %2, not on the colour scale)").arg(what, signedScore(s.score));
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
        QAccessibleEvent event(this, marked ? QAccessible::SelectionAdd : QAccessible::SelectionRemove);
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
            const QRect area = m_spanRects.at(index).first().translated(0, -verticalScrollBar()->value()).toAlignedRect();
            QToolTip::showText(help->globalPos(), spanDescription(index), viewport(), area);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace ui
