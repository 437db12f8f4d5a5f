// SPDX-License-Identifier: MIT
// The only file under ui/ with colour literals (tests/ui/check-colour-literals.sh enforces it).
#include "ui/common/Palette.h"

#include <QGuiApplication>
#include <QPalette>

#include <algorithm>
#include <cmath>

namespace ui {

namespace {

QColor rgb(QRgb value)
{
    return QColor::fromRgb(value);
}

QList<QColor> colours(std::initializer_list<QRgb> values)
{
    QList<QColor> out;
    for (const QRgb v : values)
        out.append(rgb(v));
    return out;
}

/// Piecewise-linear interpolation over evenly spaced stops, t in 0..1.
QColor along(const QList<QColor> &stops, double t)
{
    t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0) * double(stops.size() - 1);
    const int i = std::min(int(t), int(stops.size()) - 2);
    return Palette::mix(stops.at(i), stops.at(i + 1), t - i);
}

Palette makeLight()
{
    Palette p;
    p.scheme = Scheme::Light;
    p.error = rgb(0xb00020);
    p.warning = rgb(0x9a3b00);
    p.success = rgb(0x1b5e20);
    p.info = rgb(0x0b4a8b);
    p.mutedText = rgb(0x5f5f5f);

    p.sandboxBannerBackground = rgb(0xfff4ce);
    p.sandboxBannerText = rgb(0x3b2f00);
    p.sandboxBannerBorder = rgb(0xe0c36a);
    p.noticeBackground = rgb(0xe8f0fe);
    p.noticeText = rgb(0x0b2a5b);
    p.noticeBorder = rgb(0x9ab6e8);
    p.recordingBackground = rgb(0xb45309);
    p.recordingText = rgb(0xffffff);
    p.spotlightDim = QColor::fromRgbF(0, 0, 0, 0.62f);
    p.pointerRing = QColor::fromRgbF(0.96f, 0.62f, 0.04f, 0.55f);
    p.steeringBadgeBackground = rgb(0xeef3ff);
    p.steeringBadgeText = rgb(0x1d3b7a);
    p.steeringBadgeBorder = rgb(0xa9bde8);
    p.steeringProblemBackground = rgb(0xfdecea);
    p.steeringProblemText = rgb(0x8a1c12);
    p.steeringProblemBorder = rgb(0xe0a39c);
    p.tlsBadgeBackground = rgb(0xc62828);
    p.tlsBadgeText = rgb(0xffffff);
    p.tlsWarningBackground = rgb(0xffe3d6);
    p.tlsWarningText = rgb(0x8a1c00);
    p.problemFill = rgb(0xffd9cc);
    p.diffAdded = rgb(0xd4f4dd);
    p.diffRemoved = rgb(0xfbd9d9);
    p.quoteBackground = rgb(0xf0f0f0);

    p.page = rgb(0xffffff);
    p.ink = rgb(0x141414);
    p.caption = rgb(0x5f5f5f);
    p.frame = rgb(0xbbbbbb);
    p.templateFill = rgb(0xdcdcdc);
    p.templateInk = rgb(0x4d4d4d);
    p.neutralFill = rgb(0xebebeb);
    p.chipBorder = rgb(0x969696);
    p.overlayEdge = QColor(255, 255, 255, 90);
    p.selectionRing = rgb(0x202020);
    p.neighbourLine = QColor(0x33, 0x33, 0x33, 150);
    p.highlight = rgb(0xc00030);
    p.legendBackground = QColor(255, 255, 255, 230);
    p.legendBorder = rgb(0xcccccc);
    p.matrixSeparator = QColor(255, 255, 255, 200);

    p.tokenFills[0] = rgb(0xcfe4ff);
    p.tokenFills[1] = rgb(0xffdca8);
    p.tokenCurrent = rgb(0x1f5fbf);
    p.segmentMark = QColor(0x56, 0xb4, 0xe9, 120);
    p.segmentUnderline = rgb(0x0072b2);

    // ColorBrewer RdBu, 7 classes with the two darkest left out.
    p.m_scoreStops
        = colours({0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7, 0xfddbc7, 0xf4a582, 0xd6604d});
    // ColorBrewer YlGnBu, 9 classes.
    p.m_similarityStops = colours(
        {0xffffd9, 0xedf8b1, 0xc7e9b4, 0x7fcdbb, 0x41b6c4, 0x1d91c0, 0x225ea8, 0x253494, 0x081d58});
    p.m_translationStops = colours({0xd55e00, 0xf0e442, 0x009e73});
    p.m_translationStrength = 0.55;
    p.m_logProbStrong = rgb(0xe67814);
    p.m_logProbStrength = 0.75;
    // Okabe–Ito (without black and yellow, which read badly as small dots on white), then
    // Tableau 10. Orange before sky blue: with five labels, two blues would be the first five.
    p.m_labels = colours({0x0072b2,
        0xd55e00,
        0x009e73,
        0xcc79a7,
        0xe69f00,
        0x56b4e9,
        0x4e79a7,
        0xe15759,
        0x76b7b2,
        0x59a14f,
        0xb07aa1,
        0x9c755f,
        0xedc948,
        0xff9da7});
    p.m_unlabelled = rgb(0x888888);
    return p;
}

Palette makeDark()
{
    Palette p;
    p.scheme = Scheme::Dark;
    p.error = rgb(0xff8a80);
    p.warning = rgb(0xffb870);
    p.success = rgb(0x8fd694);
    p.info = rgb(0x9cc8ff);
    p.mutedText = rgb(0xa8a8a8);

    p.sandboxBannerBackground = rgb(0x3a3113);
    p.sandboxBannerText = rgb(0xffe9a8);
    p.sandboxBannerBorder = rgb(0x7a6424);
    p.noticeBackground = rgb(0x1b2a44);
    p.noticeText = rgb(0xd2e2ff);
    p.noticeBorder = rgb(0x3d5a8a);
    p.recordingBackground = rgb(0xf59e0b);
    p.recordingText = rgb(0x1a1000);
    p.spotlightDim = QColor::fromRgbF(0, 0, 0, 0.70f);
    p.pointerRing = QColor::fromRgbF(1.0f, 0.78f, 0.2f, 0.55f);
    p.steeringBadgeBackground = rgb(0x1e2942);
    p.steeringBadgeText = rgb(0xc9d8ff);
    p.steeringBadgeBorder = rgb(0x3d5080);
    p.steeringProblemBackground = rgb(0x45201c);
    p.steeringProblemText = rgb(0xffc9c2);
    p.steeringProblemBorder = rgb(0x8a4a42);
    p.tlsBadgeBackground = rgb(0xb71c1c);
    p.tlsBadgeText = rgb(0xffffff);
    p.tlsWarningBackground = rgb(0x4a2418);
    p.tlsWarningText = rgb(0xffcbb8);
    p.problemFill = rgb(0x5a2a1c);
    p.diffAdded = rgb(0x1d4a2a);
    p.diffRemoved = rgb(0x5a2326);
    p.quoteBackground = rgb(0x3a3a3a);

    p.page = rgb(0x1e1e1e);
    p.ink = rgb(0xe8e8e8);
    p.caption = rgb(0xa8a8a8);
    p.frame = rgb(0x5c5c5c);
    p.templateFill = rgb(0x484848);
    p.templateInk = rgb(0xd0d0d0);
    p.neutralFill = rgb(0x3a3a3a);
    p.chipBorder = rgb(0x6e6e6e);
    p.overlayEdge = QColor(0, 0, 0, 110);
    p.selectionRing = rgb(0xf0f0f0);
    p.neighbourLine = QColor(0xdd, 0xdd, 0xdd, 150);
    p.highlight = rgb(0xff5c7a);
    p.legendBackground = QColor(0x2a, 0x2a, 0x2a, 235);
    p.legendBorder = rgb(0x5c5c5c);
    p.matrixSeparator = QColor(0, 0, 0, 200);

    p.tokenFills[0] = rgb(0x1f3d63);
    p.tokenFills[1] = rgb(0x5c3d10);
    p.tokenCurrent = rgb(0x3d7fe0);
    p.segmentMark = QColor(0x56, 0xb4, 0xe9, 90);
    p.segmentUnderline = rgb(0x56b4e9);

    // RdBu's hues, dark enough for white text, meeting at a grey just off the page.
    p.m_scoreStops
        = colours({0x2a5d8f, 0x2b4c6b, 0x2c3a47, 0x2a2a2a, 0x4a302b, 0x7a3b2e, 0xa33a32});
    // viridis: dark for low, bright for high.
    p.m_similarityStops = colours({0x440154,
        0x482878,
        0x3e4989,
        0x31688e,
        0x26828e,
        0x1f9e89,
        0x35b779,
        0x6ece58,
        0xb5de2b,
        0xfde725});
    p.m_translationStops = colours({0xd55e00, 0xc9bd2a, 0x009e73});
    p.m_translationStrength = 0.5;
    p.m_logProbStrong = rgb(0xe67814);
    p.m_logProbStrength = 0.6;
    // The same families, lighter: readable as dots on a dark page.
    p.m_labels = colours({0x56b4e9,
        0xff8c42,
        0x2fc29a,
        0xe08dbe,
        0xf0c040,
        0x9fd6f5,
        0x86a9d6,
        0xff7f81,
        0x9ed9d4,
        0x8ccb7f,
        0xd2a3c6,
        0xc9a386,
        0xf5da75,
        0xffb7be});
    p.m_unlabelled = rgb(0x9a9a9a);
    return p;
}

} // namespace

QColor Palette::scoreColor(double t) const
{
    t = std::clamp(std::isfinite(t) ? t : 0.0, -1.0, 1.0);
    static constexpr double kAt[7] = {-1.0, -0.55, -0.2, 0.0, 0.2, 0.55, 1.0};
    for (int i = 1; i < 7; ++i)
        if (t <= kAt[i])
            return mix(m_scoreStops.at(i - 1),
                m_scoreStops.at(i),
                (t - kAt[i - 1]) / (kAt[i] - kAt[i - 1]));
    return m_scoreStops.last();
}

QColor Palette::logProbShade(double p) const
{
    const double strength
        = std::clamp(std::isfinite(p) ? 1.0 - p : 1.0, 0.0, 1.0) * m_logProbStrength;
    return mix(page, m_logProbStrong, strength);
}

QColor Palette::translationScore(double score) const
{
    const double t = std::isfinite(score) ? std::clamp((score - 0.5) / 0.5, 0.0, 1.0) : 0.0;
    return mix(page, along(m_translationStops, t), m_translationStrength);
}

QColor Palette::similarityColor(double t) const
{
    return along(m_similarityStops, t);
}

QColor Palette::labelColor(int index) const
{
    if (index < 0)
        return m_unlabelled;
    return m_labels.at(index % m_labels.size());
}

QColor Palette::labelTextColor(int index) const
{
    const QColor colour = labelColor(index);
    const QColor toward = textOn(page); // black on a light page, white on a dark one
    for (int step = 0; step <= 20; ++step) {
        const QColor c = mix(colour, toward, step / 20.0);
        if (contrastRatio(c, page) >= 4.5)
            return c;
    }
    return toward;
}

QColor Palette::textOn(const QColor &background) const
{
    const QColor bg = background.alpha() < 255 ? composite(background, page) : background;
    const QColor black = rgb(0x000000), white = rgb(0xffffff);
    return contrastRatio(bg, black) >= contrastRatio(bg, white) ? black : white;
}

const Palette &Palette::light()
{
    static const Palette p = makeLight();
    return p;
}

const Palette &Palette::dark()
{
    static const Palette p = makeDark();
    return p;
}

const Palette &Palette::current()
{
    if (!qGuiApp)
        return light();
    return QGuiApplication::palette().color(QPalette::Window).lightness() < 128 ? dark() : light();
}

double Palette::relativeLuminance(const QColor &color)
{
    const auto channel = [](double c) {
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    const QColor c = color.toRgb();
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double Palette::contrastRatio(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a), lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor Palette::composite(const QColor &over, const QColor &under)
{
    return mix(under, QColor(over.red(), over.green(), over.blue()), over.alphaF());
}

QColor Palette::mix(const QColor &a, const QColor &b, double f)
{
    f = std::clamp(std::isfinite(f) ? f : 0.0, 0.0, 1.0);
    const auto m = [f](int x, int y) {
        return int(std::lround(x + (y - x) * f));
    };
    return QColor(m(a.red(), b.red()), m(a.green(), b.green()), m(a.blue(), b.blue()));
}

} // namespace ui
