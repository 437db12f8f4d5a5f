// SPDX-License-Identifier: MIT
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

namespace ui {

/// The languages the app is translated into, as the codes installTranslations() takes: "en", "de".
QStringList availableLanguages();

/// The language "system" stands for: the first of the system locale's UI languages that the app
/// has ("de_AT" → "de"), else "en".
QString systemLanguage();

/// Installs the app's translator and Qt's own (qtbase: standard dialogs, context menus) for
/// `language` ("system", "en", "de"; "" counts as "system") on the application, replacing the ones
/// installed before, and makes QLocale's default that language's locale so numbers and dates
/// follow it. English installs the app's English plural forms ("1 model", "2 models").
/// The app's .qm files are compiled in (:/i18n/aleph-playground_<lang>.qm); Qt's come from
/// QLibraryInfo::TranslationsPath (Debian: qt6-translations-l10n).
/// Returns false for an unknown language or when the app's own translation could not be loaded
/// (then English stays in place).
bool installTranslations(const QString &language);

/// The language installed by the last installTranslations() call ("en" before any).
QString currentLanguage();

} // namespace ui
