// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Prompt.h"

#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QRectF>
#include <QStringList>
#include <QTextLayout>

#include <memory>
#include <vector>

class QFont;

namespace ui {

/// One block of a HeatmapView's page: a text, image or token_ids item of the prompt, or the
/// target, with its caption and where it sits on the page once laid out (page coordinates). The
/// view places the scored spans on the blocks and paints them; build() makes the blocks of a
/// prompt and layOut() stacks them at a width.
struct HeatmapBlock
{
    Q_DECLARE_TR_FUNCTIONS(ui::HeatmapView)
public:
    static constexpr double kMargin = 12; // around the page's content

    enum class Kind { Text, Image, Tokens, Target };
    Kind kind = Kind::Text;
    int item = -1;
    QString caption;
    double top = 0; // caption top, page coordinates
    double bottom = 0; // end of the body
    // Text and Target
    std::unique_ptr<QTextLayout> layout;
    QPointF layoutPos;
    QList<int> lineStarts;
    // Image
    QImage image;
    QImage scaled;
    QRectF imageRect;
    QRect crop; // pixels of the original image; null when uncropped
    QList<bool>
        templateChars; // Text and Target: per character, part of a template token (empty: none)
    QList<QTextLayout::FormatRange>
        templateInk; // Text and Target: the template tokens, drawn in the palette's templateInk
    // Tokens
    QStringList chips;
    QList<QRectF> chipRects;
    QList<int> chipSpans; // the span scoring each chip, or -1

    /// The rectangles (page coordinates) that text range [first, last) covers.
    QList<QRectF> textRects(int first, int last) const;

    /// The blocks of `prompt`'s items in order (images decoded here, template tokens found),
    /// then the target's (none for an empty target); not laid out yet.
    static std::vector<std::unique_ptr<HeatmapBlock>> build(
        const core::Prompt &prompt, const QString &target);
    /// Lays `blocks` out one below the other for a page `width` pixels wide in `font`; returns
    /// the page's height.
    static int layOut(
        const std::vector<std::unique_ptr<HeatmapBlock>> &blocks, int width, const QFont &font);
};

/// The UTF-16 ranges [first, last) of the prompt-template special tokens in `text`.
QList<QPair<int, int>> templateTokenRanges(const QString &text);

} // namespace ui
