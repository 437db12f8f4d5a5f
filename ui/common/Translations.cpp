// SPDX-License-Identifier: MIT
#include "ui/common/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include <memory>

using namespace Qt::StringLiterals;

namespace ui {

namespace {

std::unique_ptr<QTranslator> g_app;
std::unique_ptr<QTranslator> g_qt;
QString g_language = u"en"_s;

void removeInstalled()
{
    for (std::unique_ptr<QTranslator> *t : {&g_app, &g_qt}) {
        if (*t)
            QCoreApplication::removeTranslator(t->get());
        t->reset();
    }
}

} // namespace

QStringList availableLanguages()
{
    return {u"en"_s, u"de"_s};
}

QString systemLanguage()
{
    const QStringList available = availableLanguages();
    for (const QString &name : QLocale::system().uiLanguages()) {
        const QString code = name.section(u'-', 0, 0).section(u'_', 0, 0).toLower();
        if (available.contains(code))
            return code;
    }
    return u"en"_s;
}

bool installTranslations(const QString &language)
{
    const bool system = language.isEmpty() || language == u"system"_s;
    const QString code = system ? systemLanguage() : language;
    if (!availableLanguages().contains(code))
        return false;
    removeInstalled();
    // "system" keeps the system's own formats (de_AT, en_GB); a chosen language, its main ones.
    const QLocale locale = system ? QLocale::system()
                                  : QLocale(code == u"de"_s ? QLocale::German : QLocale::English,
                                      code == u"de"_s ? QLocale::Germany : QLocale::UnitedStates);
    auto app = std::make_unique<QTranslator>();
    if (!app->load(u":/i18n/aleph-playground_"_s + code + u".qm"_s)) {
        QLocale::setDefault(locale);
        g_language = u"en"_s;
        return false;
    }
    QCoreApplication::installTranslator(app.get());
    g_app = std::move(app);
    if (code != u"en"_s) {
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(u"qtbase_"_s + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt.get());
            g_qt = std::move(qt);
        }
    }
    QLocale::setDefault(locale);
    g_language = code;
    return true;
}

QString currentLanguage()
{
    return g_language;
}

} // namespace ui
