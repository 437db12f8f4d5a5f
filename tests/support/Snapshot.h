// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QWidget>

namespace testsupport {

/// With ALEPH_SCREENSHOT_DIR set, saves what `w` shows as DIR/name.png, for looking at a UI
/// test's states (and comparing them before and after a change); does nothing otherwise.
inline void snapshot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("ALEPH_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        w->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

} // namespace testsupport
