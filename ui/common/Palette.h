// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QList>

namespace ui {

/// Which of the two colour tables is in use: the resolved form of a ThemeMode (Theme.h).
enum class Scheme { Light, Dark };

/// The one table of colours the UI paints with, one instance per scheme: semantic colours
/// (status and error text, banners, badges), the page colours of the custom-painted views, and
/// the colour scales. No widget under ui/ writes a colour literal; it asks Palette::current()
/// (what is on screen) or Palette::light() (exports, which stay on white).
///
/// Text drawn on a coloured background takes its colour from textOn(), which returns black or
/// white, whichever contrasts more: with either, the WCAG 2 contrast ratio is at least 4.58:1 for
/// any opaque background (TestTheme checks every scale in both schemes).
struct Palette
{
    Scheme scheme = Scheme::Light;

    // Status and message text, on the window background.
    QColor error;
    QColor warning;
    QColor success;
    QColor info;
    QColor mutedText;

    // Banners and badges: background, text, border.
    QColor sandboxBannerBackground, sandboxBannerText, sandboxBannerBorder;
    QColor noticeBackground, noticeText, noticeBorder;
    QColor steeringBadgeBackground, steeringBadgeText, steeringBadgeBorder;
    QColor steeringProblemBackground, steeringProblemText, steeringProblemBorder;
    QColor tlsBadgeBackground, tlsBadgeText;
    QColor tlsWarningBackground, tlsWarningText;
    QColor problemFill; ///< table rows with a problem (steering pairs)
    QColor diffAdded, diffRemoved;
    QColor quoteBackground; ///< quoted model output inside rich text (what-if)
    /// Presenter mode: the mark of a step showing its rehearsed answer; the dimming around the
    /// spotlit widget (translucent); the ring around the pointer (translucent).
    QColor recordingBackground, recordingText;
    QColor spotlightDim;
    QColor pointerRing;

    // Custom-painted views (heatmap, map, matrix).
    QColor page; ///< the background the views draw on
    QColor ink; ///< text and strong marks on `page`
    QColor caption; ///< secondary text on `page`
    QColor frame; ///< thin frames and axes
    QColor templateFill; ///< prompt-template tokens: neutral, off the diverging scale
    QColor templateInk; ///< text on templateFill
    QColor neutralFill; ///< token chips without a score, image placeholders
    QColor chipBorder;
    QColor overlayEdge; ///< the edge of image-overlay cells
    QColor selectionRing; ///< selected points on the map
    QColor neighbourLine; ///< lines to a point's neighbours
    QColor highlight; ///< search hits on the map (their rank badge: textOn(highlight))
    QColor legendBackground;
    QColor legendBorder;
    QColor matrixSeparator; ///< lines between label groups in the similarity matrix

    // Token and segment marks in text views.
    QColor tokenFills[2]; ///< alternating token fills (tokenizer)
    QColor tokenCurrent; ///< the token selected in the table
    QColor segmentMark; ///< the source of the hovered translation segment
    QColor segmentUnderline;

    /// The diverging explanation scale at t in −1..1 (clamped): blue against the target, red for
    /// it, the neutral page-like colour at 0. Light: ColorBrewer RdBu without its two darkest
    /// classes; dark: the same hues, dark enough for white text.
    QColor scoreColor(double t) const;
    /// The fill of a generated token of probability p (0..1): the less likely, the stronger the
    /// orange, opaque over `page`.
    QColor logProbShade(double p) const;
    /// The translation score scale over 0.5..1 (scores below 0.5 get the low end): orange,
    /// yellow, bluish green (Okabe–Ito), blended with `page` so that text stays readable.
    QColor translationScore(double score) const;
    /// The sequential similarity scale at t in 0..1 (clamped). Light: ColorBrewer YlGnBu, light
    /// for low; dark: from dark to bright (viridis).
    QColor similarityColor(double t) const;
    /// The colour of label `index` on the map and the matrix strips (colour-blind safe, cycling
    /// after 14); index < 0: the colour of points without a label.
    QColor labelColor(int index) const;
    int labelColorCount() const { return int(m_labels.size()); }
    /// labelColor(index) for text on the page and in lists: the same hue, darkened (light) or
    /// lightened (dark) just enough for a contrast ratio of 4.5:1 with `page`.
    QColor labelTextColor(int index) const;

    /// Black or white, whichever has the higher contrast ratio on `background` (an opaque colour;
    /// a translucent one is taken as drawn over `page`).
    QColor textOn(const QColor &background) const;

    /// The table in use: the scheme of the application palette (its window colour dark or light).
    static const Palette &current();
    static const Palette &light();
    static const Palette &dark();
    static const Palette &forScheme(Scheme scheme)
    {
        return scheme == Scheme::Dark ? dark() : light();
    }

    /// WCAG 2 relative luminance (0..1) of an opaque colour.
    static double relativeLuminance(const QColor &color);
    /// WCAG 2 contrast ratio (1..21) of two opaque colours.
    static double contrastRatio(const QColor &a, const QColor &b);
    /// `over` drawn with its alpha on the opaque `under`.
    static QColor composite(const QColor &over, const QColor &under);
    /// a + (b − a)·f, per channel, opaque.
    static QColor mix(const QColor &a, const QColor &b, double f);

    QList<QColor> m_scoreStops; // 7 stops at −1, −0.55, −0.2, 0, 0.2, 0.55, 1
    QList<QColor> m_similarityStops; // evenly spaced over 0..1
    QList<QColor> m_translationStops; // at 0.5, 0.75, 1
    double m_translationStrength = 0.5;
    QColor m_logProbStrong;
    double m_logProbStrength = 0.75;
    QList<QColor> m_labels;
    QColor m_unlabelled;
};

} // namespace ui
