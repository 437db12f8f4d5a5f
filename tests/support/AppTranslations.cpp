// SPDX-License-Identifier: MIT
// Linked into every test that builds widgets: as app/main.cpp does before any window, the app's
// translators are installed for the system language (C.UTF-8 in ctest: English), so %n strings
// read "1 token", "2 tokens" as they do in the app. TestGerman switches to German on its own.
#include "ui/common/Translations.h"

#include <QCoreApplication>

namespace {

void installAppTranslations()
{
    ui::installTranslations(QStringLiteral("system"));
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(installAppTranslations)
