// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

namespace ui {

/// The dynamic property that marks a widget Presenter mode hides (issue 24).
inline constexpr char kPresenterHidden[] = "presenterHidden";

/// Marks `widget` as a parameter panel or a developer detail: Presenter mode hides it while it
/// runs and gives it back its visibility after.
inline void hideInPresenterMode(QWidget *widget)
{
    widget->setProperty(kPresenterHidden, true);
}

} // namespace ui
