// SPDX-License-Identifier: MIT
#include "ui/explanation/ScoreScale.h"

#include <algorithm>
#include <cmath>

namespace ui {

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

} // namespace ui
