// SPDX-License-Identifier: MIT
#pragma once

namespace ui {

/// Makes screen readers see every HeatmapView as a list whose items are its spans, each with
/// its text and exact score (installs an accessibility factory, once; later calls do nothing).
void installHeatmapAccessibility();

} // namespace ui
