// SPDX-License-Identifier: MIT
#pragma once

#include <QShortcut>
#include <QWidget>

namespace ui {

/// Ctrl+Enter (both Enter keys) runs and Esc stops, anywhere inside `owner`.
template<class Owner>
void addRunStopShortcuts(Owner *owner, void (Owner::*run)(), void (Owner::*stop)())
{
    for (const QKeySequence &key :
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(key, owner);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        QObject::connect(shortcut, &QShortcut::activated, owner, run);
    }
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), owner);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    QObject::connect(escape, &QShortcut::activated, owner, stop);
}

} // namespace ui
