// SPDX-License-Identifier: MIT
#pragma once

#include "ui/common/Palette.h"

#include <QColor>

namespace ui {

/// The colour scale of explanation scores: diverging and colour-blind safe (ColorBrewer RdBu:
/// blue for scores against the target, red for scores that drove it, near-white for 0), symmetric
/// over [−extent, +extent]. Scores beyond the extent get the end colours. The colours come from
/// the palette table (Palette::scoreColor): the current scheme's unless a palette is given.
class ScoreScale
{
public:
    explicit ScoreScale(double extent = 1.0) { setExtent(extent); }
    double extent() const { return m_extent; }
    /// A non-positive or non-finite extent becomes 1 (an all-zero explanation stays white).
    void setExtent(double extent);
    /// Where `score` falls on the scale, −1..1.
    double position(double score) const;
    QColor colorFor(double score, const Palette &palette = Palette::current()) const
    {
        return palette.scoreColor(position(score));
    }
    /// The colour at position t (−1..1, clamped).
    static QColor colorAt(double t, const Palette &palette = Palette::current())
    {
        return palette.scoreColor(t);
    }

private:
    double m_extent = 1.0;
};

} // namespace ui
