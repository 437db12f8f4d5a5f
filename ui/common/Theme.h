// SPDX-License-Identifier: MIT
#pragma once

#include "ui/common/Palette.h"

#include <QObject>
#include <QPalette>
#include <QString>

#include <functional>
#include <optional>

class QToolButton;
class QWidget;

namespace ui {

/// The user's choice of colours. System follows the platform palette (Qt 6.4 has no
/// QStyleHints::colorScheme(), so "dark" means the platform window colour is dark).
enum class ThemeMode { System, Light, Dark };

/// "system", "light", "dark" (settings, --theme).
QString themeModeName(ThemeMode mode);
/// The mode for a name (case-insensitive), nullopt for anything else.
std::optional<ThemeMode> themeModeFromName(const QString &name);

/// Applies `mode` to the running QApplication: Light and Dark use the Fusion style with its light
/// palette or a dark one; System restores the style and palette the platform gave at start. Every
/// widget gets QEvent::PaletteChange, and themeNotifier() emits changed() afterwards. Views that
/// cache colours rebuild them then. Needs a QApplication.
void applyTheme(ThemeMode mode);
/// The mode last applied (System before any call).
ThemeMode themeMode();
/// The scheme in use (Palette::current().scheme).
Scheme currentScheme();
/// The QPalettes applyTheme() installs with the Fusion style for Light (Fusion's own, with a
/// selection dark enough for white text) and Dark.
QPalette lightPalette();
QPalette darkPalette();

/// Emits changed() after applyTheme() has switched the palette.
class ThemeNotifier : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
Q_SIGNALS:
    void changed(ui::Scheme scheme);
};
ThemeNotifier *themeNotifier();

/// Calls `apply` now and after every theme change while `context` lives (for style sheets and
/// other colours a widget keeps).
void onThemeChange(QObject *context, const std::function<void()> &apply);

/// What a label's (or other text widget's) text means, coloured from the palette table.
enum class TextRole { Normal, Error, Warning, Success, Info, Muted };
/// Gives `widget`'s text (WindowText and Text) the colour of `role` in the current scheme, and
/// again after each theme change. Normal: the inherited colours.
void setTextRole(QWidget *widget, TextRole role);
QColor textRoleColor(TextRole role, const Palette &palette = Palette::current());
/// `html` in a span coloured for `role` (rich-text labels that mix messages of several kinds).
QString coloredHtml(const QString &html, TextRole role);

/// Draws a checkable tool button's checked state in the palette's highlight colours (Fusion's
/// sunken look is hard to tell from unchecked in the dark theme). Follows theme changes.
void highlightWhenChecked(QToolButton *button);

} // namespace ui
