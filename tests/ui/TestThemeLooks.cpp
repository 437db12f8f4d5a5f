// SPDX-License-Identifier: MIT
// Every tab of the main window with real results from the sandbox, in the dark and the light
// theme at 1440x900 and 1024x700. Checks that each tab's window is painted in the scheme's
// colours (mostly dark in Dark, mostly light in Light); with ALEPH_SCREENSHOT_DIR set, saves
// each as theme-<scheme>-<size>-<tab>.png to look at (issue 20).
#include "core/storage/ConversationStore.h"
#include "core/storage/Database.h"
#include "core/storage/HistoryStore.h"
#include "core/storage/SteeringLibrary.h"
#include "sandbox/SandboxServer.h"
#include "tests/support/Snapshot.h"
#include "tests/support/WindowServices.h"
#include "ui/MainWindow.h"
#include "ui/chat/ChatTab.h"
#include "ui/common/Theme.h"
#include "ui/completion/CompletionTab.h"
#include "ui/completion/CompletionView.h"
#include "ui/embeddings/EmbeddingsTab.h"
#include "ui/embeddings/EmbeddingsViews.h"
#include "ui/embeddings/MatrixView.h"
#include "ui/explanation/ExplanationTab.h"
#include "ui/steering/SteeringTab.h"
#include "ui/tokenizer/TokenizerTab.h"
#include "ui/translation/TranslationTab.h"

#include <QComboBox>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestThemeLooks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everyTab_data();
    void everyTab();

private:
    void runEverything();
    /// The share of the window's pixels darker than mid-grey.
    static double darkShare(const QImage &image);

    std::unique_ptr<sandbox::EmbeddedSandbox> m_sandbox;
    QTemporaryDir m_dir;
    testsupport::WindowServices m_stores;
    std::unique_ptr<core::SteeringLibrary> m_library;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestThemeLooks::initTestCase()
{
    sandbox::SandboxOptions options;
    options.tokensPerSecond = 0;
    m_sandbox = std::make_unique<sandbox::EmbeddedSandbox>(options);
    QString error;
    QVERIFY2(m_sandbox->start(&error), qPrintable(error));
    QVERIFY2(m_stores.open(m_dir.path(), u"-looks"_s, &error), qPrintable(error));
    m_library = std::make_unique<core::SteeringLibrary>(m_stores.db.get());
    m_stores.nam->setProxy(QNetworkProxy::NoProxy);
    core::ClientConfig config;
    config.baseUrl = m_sandbox->baseUrl();
    config.token = m_sandbox->token();
    config.retry.totalRetries = 0;
    m_stores.client->setConfig(config);
    // The connection is the command line's: no profile picker, no keychain, no sandbox to start.
    ui::Services s = m_stores.services(nullptr, -1);
    s.profiles = nullptr;
    s.credentials = nullptr;
    s.steeringLibrary = m_library.get();
    s.commandLineConnection = u"sandbox"_s;
    ui::applyTheme(ui::ThemeMode::Dark);
    m_window = std::make_unique<ui::MainWindow>(
        s, tr("Sandbox: synthetic answers from the offline emulator."));
    m_window->resize(1440, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->refreshModels();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->completionTab()
                                 ->findChild<QComboBox *>(u"model"_s)
                                 ->currentText()
                                 .startsWith(u"sandbox-"_s),
        10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->chatTab()
                                 ->findChild<QComboBox *>(u"model"_s)
                                 ->currentText()
                                 .startsWith(u"sandbox-"_s),
        10000);
    runEverything();
}

void TestThemeLooks::cleanupTestCase()
{
    m_window.reset();
    m_library.reset();
    m_stores.close();
    ui::applyTheme(ui::ThemeMode::System);
}

void TestThemeLooks::runEverything()
{
    ui::ChatTab *chat = m_window->chatTab();
    chat->findChild<QPlainTextEdit *>(u"input"_s)
        ->setPlainText(u"What is a good name for a cat?"_s);
    QSignalSpy replied(chat, &ui::ChatTab::replyFinished);
    chat->send();
    QTRY_COMPARE_WITH_TIMEOUT(replied.size(), 1, 15000);
    QVERIFY2(!chat->messages().isEmpty(), "no chat reply");

    ui::CompletionTab *completion = m_window->completionTab();
    completion->findChild<QPlainTextEdit *>(u"prompt"_s)->setPlainText(u"The cat sat on the"_s);
    completion->findChild<QSpinBox *>(u"log_probs"_s)->setValue(3);
    completion->findChild<QSpinBox *>(u"maximum_tokens"_s)->setValue(24);
    QSignalSpy completed(completion, &ui::CompletionTab::finished);
    completion->run();
    QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, 15000);
    QVERIFY2(completion->outputViews().first()->tokenCount() > 0,
        qPrintable(completion->outputViews().first()->toPlainText()));

    ui::ExplanationTab *explanation = m_window->explanationTab();
    core::Prompt prompt;
    prompt.items = {core::PromptItem::fromText(
        u"An apple a day keeps the doctor away. Bananas are yellow and rich in potassium."_s)};
    explanation->setInput(prompt, u" doctor"_s, u"sandbox-luminous-base"_s);
    explanation->run();
    QTRY_VERIFY2_WITH_TIMEOUT(explanation->hasResult() && !explanation->isBusy(),
        qPrintable(explanation->statusText()),
        15000);

    auto *embeddings = m_window->findChild<ui::EmbeddingsTab *>();
    QVERIFY(embeddings);
    embeddings->setModel(u"sandbox-luminous-base"_s);
    QVERIFY(embeddings->loadSample(u"topics"_s));
    QSignalSpy mapped(embeddings, &ui::EmbeddingsTab::mapReady);
    embeddings->embed();
    QTRY_VERIFY_WITH_TIMEOUT(mapped.size() >= 1, 30000);
    QSignalSpy searched(embeddings, &ui::EmbeddingsTab::searchFinished);
    embeddings->search(u"cooking pasta"_s);
    QTRY_VERIFY_WITH_TIMEOUT(searched.size() >= 1, 15000);

    ui::TranslationTab *translation = m_window->translationTab();
    translation->setModel(u"sandbox-pharia-1-mt-translation"_s);
    translation->setSource(u"Hello world. The cat is in the house. It rains today."_s);
    QSignalSpy translated(translation, &ui::TranslationTab::finished);
    translation->translate();
    QTRY_COMPARE_WITH_TIMEOUT(translated.size(), 1, 15000);
    translation->highlightSegment(1);

    ui::SteeringTab *steering = m_window->steeringTab();
    steering->setConceptName(u"Food"_s);
    steering->setExamples(
        {{u"The car drove down the road."_s, u"The pizza with cheese and fresh tomatoes."_s, {}},
            {u"I fixed the engine."_s, u"I baked bread and a good soup."_s, {}}});
    QSignalSpy created(steering, &ui::SteeringTab::conceptFinished);
    steering->createConcept();
    QTRY_COMPARE_WITH_TIMEOUT(created.size(), 1, 15000);
    steering->setABModel(u"sandbox-luminous-base"_s);
    steering->setMaximumTokens(24);
    steering->setABPrompt(u"Today I want to tell you about"_s);
    QSignalSpy ab(steering, &ui::SteeringTab::abFinished);
    steering->runAB();
    QTRY_COMPARE_WITH_TIMEOUT(ab.size(), 1, 15000);

    ui::TokenizerTab *tokenizer = m_window->tokenizerTab();
    QSignalSpy tokenized(tokenizer, &ui::TokenizerTab::finished);
    tokenizer->showTokens(u"Tokenizers split text into pieces: “unbelievable” → un·believ·able."_s,
        u"sandbox-luminous-base"_s);
    QTRY_VERIFY_WITH_TIMEOUT(tokenized.size() >= 1, 15000);
}

double TestThemeLooks::darkShare(const QImage &image)
{
    qint64 dark = 0, all = 0;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4) {
            ++all;
            if (image.pixelColor(x, y).lightness() < 128)
                ++dark;
        }
    return all ? double(dark) / double(all) : 0.0;
}

void TestThemeLooks::everyTab_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QSize>("size");
    QTest::newRow("dark-1440x900") << int(ui::ThemeMode::Dark) << QSize(1440, 900);
    QTest::newRow("dark-1024x700") << int(ui::ThemeMode::Dark) << QSize(1024, 700);
    QTest::newRow("light-1440x900") << int(ui::ThemeMode::Light) << QSize(1440, 900);
    QTest::newRow("light-1024x700") << int(ui::ThemeMode::Light) << QSize(1024, 700);
}

void TestThemeLooks::everyTab()
{
    QFETCH(int, mode);
    QFETCH(QSize, size);
    ui::applyTheme(ui::ThemeMode(mode));
    m_window->resize(size);
    QTRY_COMPARE(m_window->size(), size);
    const bool dark = ui::ThemeMode(mode) == ui::ThemeMode::Dark;
    QTabWidget *tabs = m_window->tabs();
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QCoreApplication::processEvents();
        const QImage shot = m_window->grab().toImage();
        const double share = darkShare(shot);
        const QString name = tabs->tabText(i).remove(u'&').toLower().replace(u' ', u'-');
        QVERIFY2(dark ? share > 0.6 : share < 0.4,
            qPrintable(u"%1: %2 % dark pixels"_s.arg(name).arg(share * 100, 0, 'f', 1)));
        testsupport::snapshot(m_window.get(),
            u"theme-%1-%2x%3-%4"_s.arg(dark ? u"dark"_s : u"light"_s)
                .arg(size.width())
                .arg(size.height())
                .arg(name));
    }
    // The similarity matrix, the Embeddings tab's second view.
    auto *embeddings = m_window->findChild<ui::EmbeddingsTab *>();
    tabs->setCurrentWidget(embeddings);
    auto *views = embeddings->findChild<ui::EmbeddingsViews *>();
    QVERIFY(views);
    views->setCurrentIndex(1);
    auto *matrix = embeddings->findChild<ui::MatrixView *>();
    QTRY_VERIFY_WITH_TIMEOUT(matrix->image().width() > 1, 15000);
    // The diagonal (similarity 1, the top of the range) in the scheme's scale.
    QCOMPARE(matrix->image().pixelColor(0, 0), ui::Palette::current().similarityColor(1.0));
    testsupport::snapshot(m_window.get(),
        u"theme-%1-%2x%3-matrix"_s.arg(dark ? u"dark"_s : u"light"_s)
            .arg(size.width())
            .arg(size.height()));
    views->setCurrentIndex(0);
}

QTEST_MAIN(TestThemeLooks)
#include "TestThemeLooks.moc"
