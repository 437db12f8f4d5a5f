// SPDX-License-Identifier: MIT
#include "ui/common/Theme.h"

#include <QApplication>
#include <QPalette>
#include <QPointer>
#include <QStyle>
#include <QStyleFactory>
#include <QToolButton>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace ui {

namespace {

ThemeMode g_mode = ThemeMode::System;

/// What the platform gave before the first applyTheme(): System goes back to it.
struct PlatformLook
{
    bool saved = false;
    QString styleName;
    QPalette palette;
};

PlatformLook &platformLook()
{
    static PlatformLook look;
    if (!look.saved && qApp) {
        look.saved = true;
        look.styleName = QApplication::style() ? QApplication::style()->name() : QString();
        look.palette = QApplication::palette();
    }
    return look;
}

constexpr char kRoleProperty[] = "alephTextRole";

void applyTextRole(QWidget *widget)
{
    const auto role = TextRole(widget->property(kRoleProperty).toInt());
    if (role == TextRole::Normal) {
        widget->setPalette(QPalette());
        return;
    }
    const QColor color = textRoleColor(role);
    QPalette p;
    p.setColor(QPalette::WindowText, color);
    p.setColor(QPalette::Text, color);
    widget->setPalette(p);
}

} // namespace

QString themeModeName(ThemeMode mode)
{
    switch (mode) {
    case ThemeMode::Light:
        return u"light"_s;
    case ThemeMode::Dark:
        return u"dark"_s;
    case ThemeMode::System:
        break;
    }
    return u"system"_s;
}

std::optional<ThemeMode> themeModeFromName(const QString &name)
{
    for (const ThemeMode m : {ThemeMode::System, ThemeMode::Light, ThemeMode::Dark})
        if (name.compare(themeModeName(m), Qt::CaseInsensitive) == 0)
            return m;
    return std::nullopt;
}

QPalette lightPalette()
{
    QStyle *fusion = QStyleFactory::create(u"Fusion"_s);
    QPalette p = fusion ? fusion->standardPalette() : QPalette();
    delete fusion;
    // Fusion's #308cc6 gives white selected text 3.7:1; this blue gives 5.4:1.
    p.setColor(QPalette::Active, QPalette::Highlight, QColor(0x2b, 0x6c, 0xb0));
    p.setColor(QPalette::Inactive, QPalette::Highlight, QColor(0x2b, 0x6c, 0xb0));
    return p;
}

QPalette darkPalette()
{
    const QColor window(0x2d, 0x2d, 0x2d), base(0x1e, 0x1e, 0x1e), text(0xe8, 0xe8, 0xe8),
        disabled(0x80, 0x80, 0x80);
    QPalette p(window);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x38, 0x38, 0x38));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x8a, 0x80));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4a, 0x4a));
    p.setColor(QPalette::Midlight, QColor(0x3e, 0x3e, 0x3e));
    p.setColor(QPalette::Mid, QColor(0x5a, 0x5a, 0x5a));
    p.setColor(QPalette::Dark, QColor(0x20, 0x20, 0x20));
    p.setColor(QPalette::Shadow, QColor(0x0a, 0x0a, 0x0a));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    p.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Link, QColor(0x8a, 0xb8, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xc8, 0x9b, 0xff));
    for (const auto role :
        {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::PlaceholderText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Base, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::Disabled, QPalette::Button, QColor(0x30, 0x30, 0x30));
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x50, 0x50));
    return p;
}

void applyTheme(ThemeMode mode)
{
    const PlatformLook &look = platformLook();
    g_mode = mode;
    switch (mode) {
    case ThemeMode::System:
        if (!look.styleName.isEmpty() && QApplication::style()->name() != look.styleName)
            QApplication::setStyle(QStyleFactory::create(look.styleName));
        QApplication::setPalette(look.palette);
        break;
    case ThemeMode::Light:
    case ThemeMode::Dark:
        if (QApplication::style()->name().compare(u"fusion"_s, Qt::CaseInsensitive) != 0)
            QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
        QApplication::setPalette(mode == ThemeMode::Dark ? darkPalette() : lightPalette());
        break;
    }
    // A widget with a style sheet keeps the palette it was polished with: polish it again, so
    // that palette(...) references and the colours the sheet leaves alone follow the new theme.
    const QWidgetList widgets = QApplication::allWidgets();
    for (QWidget *widget : widgets) {
        const QString sheet = widget->styleSheet();
        if (sheet.isEmpty())
            continue;
        widget->setStyleSheet(QString());
        widget->setStyleSheet(sheet);
    }
    Q_EMIT themeNotifier()->changed(currentScheme());
}

ThemeMode themeMode()
{
    return g_mode;
}

Scheme currentScheme()
{
    return Palette::current().scheme;
}

ThemeNotifier *themeNotifier()
{
    static QPointer<ThemeNotifier> notifier;
    if (!notifier)
        notifier = new ThemeNotifier(qApp);
    return notifier;
}

void onThemeChange(QObject *context, const std::function<void()> &apply)
{
    apply();
    QObject::connect(themeNotifier(), &ThemeNotifier::changed, context, [apply] { apply(); });
}

QColor textRoleColor(TextRole role, const Palette &palette)
{
    switch (role) {
    case TextRole::Error:
        return palette.error;
    case TextRole::Warning:
        return palette.warning;
    case TextRole::Success:
        return palette.success;
    case TextRole::Info:
        return palette.info;
    case TextRole::Muted:
        return palette.mutedText;
    case TextRole::Normal:
        break;
    }
    return QApplication::palette().color(QPalette::WindowText);
}

QString coloredHtml(const QString &html, TextRole role)
{
    if (role == TextRole::Normal)
        return html;
    return u"<span style='color:%1'>%2</span>"_s.arg(textRoleColor(role).name(), html);
}

void setTextRole(QWidget *widget, TextRole role)
{
    const bool connected = widget->property(kRoleProperty).isValid();
    widget->setProperty(kRoleProperty, int(role));
    if (!connected) {
        QPointer<QWidget> guard(widget);
        QObject::connect(themeNotifier(), &ThemeNotifier::changed, widget, [guard] {
            if (guard)
                applyTextRole(guard);
        });
    }
    applyTextRole(widget);
}

void highlightWhenChecked(QToolButton *button)
{
    // palette(...) in a sheet is resolved when the sheet is set; applyTheme() sets every sheet
    // again after a change, so the colours follow the theme.
    button->setStyleSheet(u"QToolButton:checked { background: palette(highlight); "
                          "color: palette(highlighted-text); border: 1px solid palette(highlight); "
                          "border-radius: 3px; }"_s);
}

} // namespace ui
