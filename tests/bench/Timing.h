// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QList>

#include <algorithm>

namespace bench {

/// The median of `v` (the upper one of an even count); 0 when empty.
inline double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

/// Milliseconds on `t` so far, with sub-millisecond precision.
inline double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace bench
