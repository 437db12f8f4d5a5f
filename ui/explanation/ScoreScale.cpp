// SPDX-License-Identifier: MIT
#include "ui/explanation/ScoreScale.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace ui {

namespace {
// ColorBrewer RdBu (colour-blind safe), 7 classes with the two darkest left out: black text stays
// readable on every colour.
struct Stop
{
    double t;
    int r, g, b;
};
constexpr std::array<Stop, 7> kStops{{
    {-1.0, 0x43, 0x93, 0xc3},
    {-0.55, 0x92, 0xc5, 0xde},
    {-0.2, 0xd1, 0xe5, 0xf0},
    {0.0, 0xf7, 0xf7, 0xf7},
    {0.2, 0xfd, 0xdb, 0xc7},
    {0.55, 0xf4, 0xa5, 0x82},
    {1.0, 0xd6, 0x60, 0x4d},
}};
} // namespace

void ScoreScale::setExtent(double extent)
{
    m_extent = (std::isfinite(extent) && extent > 0) ? extent : 1.0;
}

double ScoreScale::position(double score) const
{
    if (!std::isfinite(score))
        return 0.0;
    return std::clamp(score / m_extent, -1.0, 1.0);
}

QColor ScoreScale::colorAt(double t)
{
    t = std::clamp(std::isfinite(t) ? t : 0.0, -1.0, 1.0);
    for (std::size_t i = 1; i < kStops.size(); ++i) {
        const Stop &a = kStops[i - 1];
        const Stop &b = kStops[i];
        if (t <= b.t) {
            const double f = (t - a.t) / (b.t - a.t);
            return QColor(int(std::lround(a.r + f * (b.r - a.r))), int(std::lround(a.g + f * (b.g - a.g))),
                          int(std::lround(a.b + f * (b.b - a.b))));
        }
    }
    const Stop &last = kStops.back();
    return QColor(last.r, last.g, last.b);
}

} // namespace ui
