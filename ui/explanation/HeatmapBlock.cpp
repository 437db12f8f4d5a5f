// SPDX-License-Identifier: MIT
#include "ui/explanation/HeatmapBlock.h"

#include <QFontMetricsF>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace ui {

namespace {
constexpr double kBlockGap = 14;
constexpr double kLineGap = 3;
constexpr double kMaxImageHeight = 300;

/// Which characters of `text` belong to template special tokens; empty when there are none.
QList<bool> templateMask(const QString &text)
{
    QList<bool> mask;
    for (const auto &[first, last] : templateTokenRanges(text)) {
        if (mask.isEmpty())
            mask = QList<bool>(text.size(), false);
        for (int i = first; i < last; ++i)
            mask[i] = true;
    }
    return mask;
}

/// The template tokens of a text block as ranges to draw over (their colour is set when painting,
/// from the palette in use: the layout stays the same when the theme changes).
QList<QTextLayout::FormatRange> templateRanges(const QList<QPair<int, int>> &ranges)
{
    QList<QTextLayout::FormatRange> formats;
    for (const auto &[first, last] : ranges) {
        QTextLayout::FormatRange range;
        range.start = first;
        range.length = last - first;
        formats.append(range);
    }
    return formats;
}
} // namespace

QList<QPair<int, int>> templateTokenRanges(const QString &text)
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

QList<QRectF> HeatmapBlock::textRects(int first, int last) const
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

std::vector<std::unique_ptr<HeatmapBlock>> HeatmapBlock::build(
    const core::Prompt &prompt, const QString &target)
{
    std::vector<std::unique_ptr<HeatmapBlock>> blocks;
    const bool several = prompt.items.size() > 1;
    int textIndex = 0;
    int imageIndex = 0;
    for (qsizetype i = 0; i < prompt.items.size(); ++i) {
        const core::PromptItem &item = prompt.items.at(i);
        auto block = std::make_unique<HeatmapBlock>();
        block->item = int(i);
        switch (item.type) {
        case core::PromptItem::Type::Text: {
            block->kind = HeatmapBlock::Kind::Text;
            block->caption = several ? tr("Text %1").arg(++textIndex) : tr("Prompt");
            QString text = item.text;
            text.replace(QLatin1Char('\n'), QChar::LineSeparator); // same length: indices stay
            block->layout = std::make_unique<QTextLayout>(text);
            block->layout->setCacheEnabled(true);
            block->templateChars = templateMask(item.text);
            if (!block->templateChars.isEmpty())
                block->templateInk = templateRanges(templateTokenRanges(item.text));
            break;
        }
        case core::PromptItem::Type::Image: {
            block->kind = HeatmapBlock::Kind::Image;
            block->image.loadFromData(QByteArray::fromBase64(item.imageBase64.toLatin1()));
            if (item.x && item.y && item.size)
                block->crop = QRect(*item.x, *item.y, *item.size, *item.size);
            block->caption = block->image.isNull()
                ? tr("Image %1 (could not be decoded)").arg(++imageIndex)
                : tr("Image %1 · %2×%3 px")
                      .arg(++imageIndex)
                      .arg(block->image.width())
                      .arg(block->image.height());
            if (!block->crop.isNull())
                block->caption += tr(" · cropped to %1×%1 at (%2, %3), outlined")
                                      .arg(block->crop.width())
                                      .arg(block->crop.x())
                                      .arg(block->crop.y());
            break;
        }
        case core::PromptItem::Type::TokenIds:
            block->kind = HeatmapBlock::Kind::Tokens;
            block->caption = tr("Token ids");
            for (const qint64 id : item.tokenIds)
                block->chips.append(QStringLiteral("#%1").arg(id));
            break;
        }
        blocks.push_back(std::move(block));
    }
    if (!target.isEmpty()) {
        auto block = std::make_unique<HeatmapBlock>();
        block->kind = HeatmapBlock::Kind::Target;
        block->caption = tr("Target (what is explained)");
        QString text = target;
        text.replace(QLatin1Char('\n'), QChar::LineSeparator);
        block->layout = std::make_unique<QTextLayout>(text);
        block->layout->setCacheEnabled(true);
        block->templateChars = templateMask(target);
        if (!block->templateChars.isEmpty())
            block->templateInk = templateRanges(templateTokenRanges(target));
        blocks.push_back(std::move(block));
    }
    return blocks;
}

int HeatmapBlock::layOut(
    const std::vector<std::unique_ptr<HeatmapBlock>> &blocks, int width, const QFont &font)
{
    const double textWidth = std::max(120.0, width - 2 * kMargin);
    QFont captionFont = font;
    captionFont.setPointSizeF(std::max(7.0, font.pointSizeF() * 0.85));
    const QFontMetricsF captionMetrics(captionFont);
    const QFontMetricsF metrics(font);
    double y = kMargin;
    for (const auto &block : blocks) {
        block->top = y;
        y += captionMetrics.height() + 3;
        switch (block->kind) {
        case HeatmapBlock::Kind::Text:
        case HeatmapBlock::Kind::Target: {
            QTextLayout &layout = *block->layout;
            layout.setFont(font);
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
        case HeatmapBlock::Kind::Image: {
            QSizeF size = block->image.isNull() ? QSizeF(200, 120) : QSizeF(block->image.size());
            const double s
                = std::min({1.0, textWidth / size.width(), kMaxImageHeight / size.height()});
            size *= s;
            block->imageRect = QRectF(QPointF(kMargin, y), size);
            if (!block->image.isNull() && block->scaled.size() != size.toSize())
                block->scaled = block->image.scaled(
                    size.toSize(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
            y += size.height();
            break;
        }
        case HeatmapBlock::Kind::Tokens: {
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
    return int(std::ceil(y));
}

} // namespace ui
