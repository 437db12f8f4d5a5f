// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace ui {

/// "1 token", "1,024 tokens": the count (locale-grouped) and the word that goes with it. The app
/// loads no translator, so tr("%n token(s)") would show "(s)"; callers pass both forms through tr().
inline QString plural(qsizetype n, const QString &one, const QString &many)
{
    return QStringLiteral("%L1 %2").arg(n).arg(n == 1 ? one : many);
}

} // namespace ui
