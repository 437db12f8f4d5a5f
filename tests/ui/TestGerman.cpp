// SPDX-License-Identifier: MIT
// The main window in German against the sandbox: installTranslations("de") as `--language de`
// does, then the menus and tool bar, every tab's run button, a validation refusal and numbers in
// the German locale. Every visible text of the window is checked against the committed translation:
// no English source whose German differs may be on show (a string made before the translator was
// installed, or outside tr()). That the translation covers every tr() of the tree is the
// TranslationsComplete check (tests/i18n/check-translations.sh).
#include "core/auth/CredentialStore.h"
#include "core/settings/ConnectionProfile.h"
#include "core/storage/ConversationStore.h"
#include "core/storage/HistoryStore.h"
#include "sandbox/SandboxServer.h"
#include "tests/support/WindowServices.h"
#include "ui/MainWindow.h"
#include "ui/chat/ChatTab.h"
#include "ui/common/Translations.h"
#include "ui/completion/CompletionTab.h"
#include "ui/explanation/ExplanationTab.h"
#include "ui/steering/SteeringTab.h"
#include "ui/tokenizer/TokenizerTab.h"
#include "ui/translation/TranslationTab.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

/// English source → German translation of every finished, non-plural entry of the committed .ts
/// whose German differs from the English (API terms such as "top_k" stay the same and are left
/// out).
QHash<QString, QString> germanOf()
{
    QHash<QString, QString> map;
    QFile file(
        QStringLiteral(ALEPH_SOURCE_DIR) + u"/resources/translations/aleph-playground_de.ts"_s);
    if (!file.open(QIODevice::ReadOnly))
        return map;
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"source"_s) {
            source = xml.readElementText();
        } else if (xml.name() == u"translation"_s && xml.attributes().value(u"type"_s).isEmpty()) {
            const QString german = xml.readElementText(QXmlStreamReader::SkipChildElements);
            if (!german.isEmpty() && german != source)
                map.insert(source, german);
        }
    }
    return map;
}

QString withoutMnemonic(QString text)
{
    return text.remove(QRegularExpression(u"&(?!&)"_s));
}

} // namespace

class TestGerman : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void translationIsInstalled();
    void tabsAndRunButtonsAreGerman();
    void menusAndToolBarAreGerman();
    void completionRefusalIsGerman();
    void numbersFollowTheGermanLocale();
    void noEnglishSourceIsOnShow();
    void englishPluralsReadRight();
    void windowFitsA1024By700Screen();

private:
    template<class T>
    T *child(QObject *parent, const QString &name)
    {
        T *w = parent->findChild<T *>(name);
        if (!w)
            qWarning("no child %s", qPrintable(name));
        return w;
    }

    QTemporaryDir m_dir;
    QHash<QString, QString> m_german;
    std::unique_ptr<sandbox::EmbeddedSandbox> m_sandbox;
    testsupport::WindowServices m_stores;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestGerman::initTestCase()
{
    m_german = germanOf();
    QVERIFY2(m_german.size() > 500, "the committed German translation could not be read");
    // As app/main.cpp does for --language de, before any window exists.
    QVERIFY(ui::installTranslations(u"de"_s));

    sandbox::SandboxOptions options;
    options.tokensPerSecond = 0;
    m_sandbox = std::make_unique<sandbox::EmbeddedSandbox>(options);
    QString error;
    QVERIFY2(m_sandbox->start(&error), qPrintable(error));

    QVERIFY2(m_stores.open(m_dir.path(), QString(), &error), qPrintable(error));
    m_window = std::make_unique<ui::MainWindow>(m_stores.services(m_sandbox.get(), 0));
    m_window->resize(1440, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    auto *model = m_window->completionTab()->findChild<QComboBox *>(u"model"_s);
    QTRY_VERIFY_WITH_TIMEOUT(model->currentText().startsWith(u"sandbox-"_s), 10000);
}

void TestGerman::cleanupTestCase()
{
    m_window.reset();
    m_stores.close();
    ui::installTranslations(u"en"_s);
}

void TestGerman::translationIsInstalled()
{
    QCOMPARE(ui::currentLanguage(), u"de"_s);
    QCOMPARE(QLocale().language(), QLocale::German);
    // Qt's own German (qtbase_de.qm, qt6-translations-l10n): the standard dialogs' buttons.
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Abbrechen"_s);
    QVERIFY(!ui::installTranslations(u"xx"_s));
    QCOMPARE(ui::currentLanguage(), u"de"_s); // an unknown language leaves the German in place
}

void TestGerman::tabsAndRunButtonsAreGerman()
{
    QTabWidget *tabs = m_window->tabs();
    QStringList titles;
    for (int i = 0; i < tabs->count(); ++i)
        titles << tabs->tabText(i);
    for (const QString &title : {u"Chat"_s,
             u"Vervollständigung"_s,
             u"Erklärung"_s,
             u"Embeddings"_s,
             u"Übersetzung"_s,
             u"Steering"_s,
             u"Tokenizer"_s})
        QVERIFY2(titles.contains(title), qPrintable(titles.join(u", "_s)));

    // Each tab's button that sends its request.
    const struct
    {
        QWidget *tab;
        const char *name;
        QString german;
    } runs[] = {
        {m_window->chatTab(), "send", u"Senden  (Strg+Eingabe)"_s},
        {m_window->completionTab(), "run", u"Ausführen  (Strg+Eingabe)"_s},
        {m_window->explanationTab(), "run", u"Erklären  (Strg+Eingabe)"_s},
        {tabs->widget(titles.indexOf(u"Embeddings"_s)), "embed", u"Einbetten"_s},
        {m_window->translationTab(), "translate", u"Übersetzen"_s},
        {m_window->steeringTab(), "runAB", u"A/B ausführen"_s},
        {m_window->steeringTab(), "create", u"Konzept erstellen"_s},
        {m_window->tokenizerTab(), "tokenize", u"Tokenisieren"_s},
    };
    for (const auto &run : runs) {
        auto *button = child<QAbstractButton>(run.tab, QString::fromLatin1(run.name));
        QVERIFY(button);
        QCOMPARE(button->text(), run.german);
    }
}

void TestGerman::menusAndToolBarAreGerman()
{
    // The tool bar's actions.
    QCOMPARE(child<QAction>(m_window.get(), u"viewCodeAction"_s)->text(), u"Code anzeigen"_s);
    QCOMPARE(withoutMnemonic(child<QAction>(m_window.get(), u"profilesAction"_s)->text()),
        u"Verbindungsprofile…"_s);
    // The menus, when the window has a menu bar: no English top-level title, no entry whose text
    // is an English source with a German translation.
    const QStringList english{u"File"_s,
        u"Edit"_s,
        u"View"_s,
        u"Run"_s,
        u"Tools"_s,
        u"Window"_s,
        u"Settings"_s,
        u"Help"_s};
    const QStringList german{u"Datei"_s,
        u"Bearbeiten"_s,
        u"Ansicht"_s,
        u"Ausführen"_s,
        u"Extras"_s,
        u"Fenster"_s,
        u"Einstellungen"_s,
        u"Hilfe"_s};
    QMenuBar *bar = m_window->findChild<QMenuBar *>();
    QVERIFY(bar);
    const QList<QAction *> top = bar->actions();
    QStringList titles;
    for (QAction *menuAction : top)
        titles << withoutMnemonic(menuAction->text());
    QCOMPARE(titles,
        (QStringList{u"Datei"_s, u"Bearbeiten"_s, u"Ansicht"_s, u"Ausführen"_s, u"Hilfe"_s}));
    int known = 0;
    for (QAction *menuAction : top) {
        const QString title = withoutMnemonic(menuAction->text());
        QVERIFY2(!english.contains(title), qPrintable(title));
        known += german.contains(title) ? 1 : 0;
        if (QMenu *menu = menuAction->menu()) {
            for (QAction *a : menu->actions()) {
                const QString text = a->text();
                QVERIFY2(a->isSeparator() || !m_german.contains(text),
                    qPrintable(u"menu %1: %2"_s.arg(title, text)));
            }
        }
    }
    QCOMPARE(known, 5);
}

void TestGerman::completionRefusalIsGerman()
{
    ui::CompletionTab *tab = m_window->completionTab();
    m_window->tabs()->setCurrentWidget(tab);
    tab->findChild<QPlainTextEdit *>(u"prompt"_s)->setPlainText(u"  \n "_s);
    tab->run();
    QVERIFY(!tab->isBusy());
    const QString status = child<QLabel>(tab, u"status"_s)->text();
    QVERIFY2(status.startsWith(u"Nicht gesendet: Schreiben Sie zuerst einen Prompt"_s),
        qPrintable(status));
    QCOMPARE(m_stores.history->count(), 0);
}

void TestGerman::numbersFollowTheGermanLocale()
{
    // "%L1 characters per token" through QLocale: a decimal comma, and the plural forms of %Ln.
    ui::TokenizerTab *tab = m_window->tokenizerTab();
    m_window->tabs()->setCurrentWidget(tab);
    QTRY_VERIFY_WITH_TIMEOUT(child<QComboBox>(tab, u"model"_s)->count() > 0, 10000);
    QSignalSpy finished(tab, &ui::TokenizerTab::finished);
    tab->showTokens(u"Ein kurzer Satz, der in mehrere Token zerfällt."_s, QString());
    QVERIFY(finished.wait(10000));
    const QString count = child<QLabel>(tab, u"count"_s)->text();
    QVERIFY2(count.contains(QRegularExpression(
                 u"^\\d+ Token · \\d+ Zeichen · \\d+,\\d\\d Zeichen pro Token"_s)),
        qPrintable(count));
}

void TestGerman::noEnglishSourceIsOnShow()
{
    // Every tab in turn: no visible label, button, group box or tab title shows an English source
    // text that has a German translation.
    QTabWidget *tabs = m_window->tabs();
    QStringList english;
    const auto check = [&](QWidget *root) {
        for (QWidget *w : root->findChildren<QWidget *>()) {
            if (!w->isVisible())
                continue;
            QString text;
            if (auto *label = qobject_cast<QLabel *>(w))
                text = label->text();
            else if (auto *button = qobject_cast<QAbstractButton *>(w))
                text = withoutMnemonic(button->text());
            else if (auto *box = qobject_cast<QGroupBox *>(w))
                text = withoutMnemonic(box->title());
            if (!text.isEmpty() && m_german.contains(text))
                english << u"%1 (%2)"_s.arg(
                    text, QString::fromLatin1(w->metaObject()->className()));
            if (!w->toolTip().isEmpty() && m_german.contains(w->toolTip()))
                english << u"tool tip %1"_s.arg(w->toolTip());
        }
    };
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        check(m_window.get());
    }
    english.removeDuplicates();
    QVERIFY2(english.isEmpty(), qPrintable(english.join(u"\n"_s)));
}

void TestGerman::englishPluralsReadRight()
{
    // English installs its own plural forms: "1 model", "2 models", never "model(s)".
    QVERIFY(ui::installTranslations(u"en"_s));
    QCOMPARE(QCoreApplication::translate("ui::MainWindow", "%n model(s) available", nullptr, 1),
        u"1 model available"_s);
    QCOMPARE(QCoreApplication::translate("ui::MainWindow", "%n model(s) available", nullptr, 2),
        u"2 models available"_s);
    QCOMPARE(QCoreApplication::translate("ui::TokenizerTab", "%Ln token(s)", nullptr, 1024),
        u"1,024 tokens"_s);
    QVERIFY(ui::installTranslations(u"de"_s));
    QCOMPARE(QCoreApplication::translate("ui::MainWindow", "%n model(s) available", nullptr, 1),
        u"1 Modell verfügbar"_s);
    QCOMPARE(QCoreApplication::translate("ui::TokenizerTab", "%Ln token(s)", nullptr, 1024),
        u"1.024 Token"_s);
}

void TestGerman::windowFitsA1024By700Screen()
{
    // German labels are longer than English ones: the window's smallest size must still fit a
    // 1024×700 screen, whichever tab is showing (the tab widget takes the largest tab's minimum).
    QTabWidget *tabs = m_window->tabs();
    QStringList tooWide;
    for (int i = 0; i < tabs->count(); ++i) {
        const QSize minimum = tabs->widget(i)->minimumSizeHint();
        if (minimum.width() > 1000)
            tooWide << u"%1: %2 px"_s.arg(tabs->tabText(i)).arg(minimum.width());
    }
    QVERIFY2(tooWide.isEmpty(), qPrintable(tooWide.join(u", "_s)));
    QVERIFY2(m_window->minimumSizeHint().width() <= 1024,
        qPrintable(QString::number(m_window->minimumSizeHint().width())));
    QVERIFY2(m_window->minimumSizeHint().height() <= 700,
        qPrintable(QString::number(m_window->minimumSizeHint().height())));
}

QTEST_MAIN(TestGerman)
#include "TestGerman.moc"
