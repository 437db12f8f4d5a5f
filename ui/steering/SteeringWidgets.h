// SPDX-License-Identifier: MIT
#pragma once

#include <QKeySequence>
#include <QPushButton>
#include <QShortcut>

#include <functional>

namespace ui::steering {

/// `key` runs `slot` anywhere inside `owner`.
inline void addShortcut(QWidget *owner, const QKeySequence &key, const std::function<void()> &slot)
{
    auto *shortcut = new QShortcut(key, owner);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    QObject::connect(shortcut, &QShortcut::activated, owner, slot);
}

/// Ctrl+Enter (both Enter keys) runs `slot` anywhere inside `owner`.
inline void addRunShortcuts(QWidget *owner, const std::function<void()> &slot)
{
    addShortcut(owner, QKeySequence(Qt::CTRL | Qt::Key_Return), slot);
    addShortcut(owner, QKeySequence(Qt::CTRL | Qt::Key_Enter), slot);
}

/// A push button with its object name and tool tip.
inline QPushButton *button(
    const QString &text, const QString &objectName, const QString &tip, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(objectName);
    b->setToolTip(tip);
    return b;
}

} // namespace ui::steering
