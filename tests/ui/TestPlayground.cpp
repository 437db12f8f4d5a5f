// SPDX-License-Identifier: MIT
// The playground proper against the sandbox over real sockets: profiles and the keychain (memory
// backend), history, drafts, View code, the full Completion and Chat tabs, retries, Cancel, cut
// streams and 401.
#include "core/auth/CredentialStore.h"
#include "core/chat/ConversationCodec.h"
#include "core/settings/ConnectionProfile.h"
#include "core/storage/ConversationStore.h"
#include "core/storage/HistoryStore.h"
#include "sandbox/SandboxServer.h"
#include "tests/support/Snapshot.h"
#include "tests/support/WindowServices.h"
#include "ui/MainWindow.h"
#include "ui/chat/ChatTab.h"
#include "ui/chat/ConversationListModel.h"
#include "ui/chat/ConversationListPanel.h"
#include "ui/codeview/CodeDialog.h"
#include "ui/common/ModelPicker.h"
#include "ui/common/SteeringIndicator.h"
#include "ui/completion/CompletionTab.h"
#include "ui/connection/ProfilesDialog.h"
#include "ui/history/HistoryPanel.h"
#include "ui/tokenizer/TokenizerTab.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {

template<class T>
T *child(QObject *parent, const QString &name)
{
    T *w = parent->findChild<T *>(name);
    if (!w)
        qWarning("no child %s", qPrintable(name));
    return w;
}

using testsupport::snapshot;

} // namespace

class TestPlayground : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void freshInstallOpensOnTheSandboxProfile();
    void profileDialogStoresTheTokenInTheKeychainAndTestsTheConnection();
    void wrongTokenGivesAClearMessage();
    void unavailableKeychainKeepsTheTokenForTheSession();
    void tlsVerificationOffShowsABadge();
    void runsAreRecordedSearchedAndRestoredWithoutTheToken();
    void runsBeforeTheDatabaseIsOpenAreRecordedWhenItIs();
    void draftsComeBackAfterAKill();
    void viewCodeShowsTheCurrentRequest();
    void invalidParametersAreFlaggedAndNotSent();
    void templateVariablesFillThePrompt();
    void logProbsShadeTokensWithAlternatives();
    void nCompletionsSideBySideWithEchoAndRaw();
    void imagesGoIntoThePrompt();
    void evaluateShowsTheLogProbability();
    void busyServerShowsRetryingAndCancelWorks();
    void chatCutStreamKeepsTextAndOffersRetry();
    void chatEditKeepsTheOldBranch();
    void chatRegenerateAndUsage();
    void chatWithoutAModelKeepsTheMessage();
    void chatJsonSchemaReplyIsCheckedAndPretty();
    void chatEnterSendsSettingAndCopyExport();
    void runRestoredFromHistoryEqualsTheOneSent();
    void completionRefusesAnEmptyPrompt();
    void chatConversationsAreKeptInAList();
    void chatStreamingReplyHeaderStartsItsOwnLine();
    void activeSteeringIsShownAndAnUnknownOneCanBeCleared();
    void windowAndLastResultsComeBackAfterARestart();
    void storageNoticeStaysBesideTheBanner();
    void streamedTextSurvivesAKill();
    void everyTabFitsASmallScreen();

private:
    void makeWindow();
    void waitForModels();
    void setFault(const QByteArray &fault);
    QString completionStatus() const
    {
        return child<QLabel>(m_window->completionTab(), u"status"_s)->text();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<sandbox::EmbeddedSandbox> m_sandbox;
    testsupport::WindowServices m_stores;
    std::unique_ptr<ui::MainWindow> m_window;
    int m_counter = 0;
    QStringList m_notices;
};

void TestPlayground::initTestCase()
{
    sandbox::SandboxOptions options;
    options.tokensPerSecond = 0; // no pacing: fast tests
    m_sandbox = std::make_unique<sandbox::EmbeddedSandbox>(options);
    QString error;
    QVERIFY2(m_sandbox->start(&error), qPrintable(error));
}

void TestPlayground::init()
{
    ++m_counter;
    QString error;
    QVERIFY2(m_stores.open(m_dir.path(), QString::number(m_counter), &error), qPrintable(error));
    makeWindow();
    waitForModels();
}

void TestPlayground::makeWindow()
{
    ui::Services s = m_stores.services(m_sandbox.get(), 3, 20);
    s.notices = m_notices;
    m_window = std::make_unique<ui::MainWindow>(s);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestPlayground::waitForModels()
{
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->completionTab()->findChild<QComboBox *>(u"model"_s)->count() > 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->completionTab()
                                 ->findChild<QComboBox *>(u"model"_s)
                                 ->currentText()
                                 .startsWith(u"sandbox-"_s),
        10000);
}

void TestPlayground::cleanup()
{
    m_window.reset();
    m_stores.close();
}

void TestPlayground::setFault(const QByteArray &fault)
{
    core::ClientConfig c = m_stores.client->config();
    c.extraHeaders.clear();
    if (!fault.isEmpty())
        c.extraHeaders.append({"X-Sandbox-Fault", fault});
    m_stores.client->setConfig(c);
}

void TestPlayground::freshInstallOpensOnTheSandboxProfile()
{
    QCOMPARE(m_window->profilePicker()->currentText(), u"Offline sandbox"_s);
    QVERIFY(m_window->bannerText().contains(u"synthetic"_s));
    QCOMPARE(m_stores.client->config().baseUrl, m_sandbox->baseUrl());
    QCOMPARE(
        m_stores.profiles->currentId(), QString::fromLatin1(core::ConnectionProfile::kSandboxId));
    QVERIFY(m_window->tabs()->isTabEnabled(0));
    QVERIFY(m_window->tabs()->isTabEnabled(1));

    // The banner's "Connect to Aleph Alpha…" opens the profiles on a new Aleph Alpha profile
    // (the official base URL), waiting for its token.
    auto *banner = m_window->findChild<QLabel *>(u"banner"_s);
    QVERIFY(banner && banner->text().contains(u"href='connect'"_s));
    Q_EMIT banner->linkActivated(u"connect"_s);
    auto *dialog = m_window->findChild<ui::ProfilesDialog *>(u"profilesDialog"_s);
    QVERIFY(dialog);
    QCOMPARE(child<QLineEdit>(dialog, u"name"_s)->text(), u"Aleph Alpha"_s);
    QCOMPARE(dialog->formProfile().baseUrl, core::defaults::baseUrl());
    QVERIFY(!dialog->formProfile().isSandbox);
    QTRY_COMPARE(QApplication::focusWidget(), child<QLineEdit>(dialog, u"token"_s));
    dialog->close();
}

void TestPlayground::profileDialogStoresTheTokenInTheKeychainAndTestsTheConnection()
{
    ui::ProfilesDialog dialog(
        m_stores.profiles.get(), m_stores.credentials.get(), m_stores.nam.get(), {});
    dialog.addProfile();
    child<QLineEdit>(&dialog, u"name"_s)->setText(u"Local"_s);
    child<QLineEdit>(&dialog, u"baseUrl"_s)->setText(m_sandbox->baseUrl().toString());
    child<QComboBox>(&dialog, u"proxyMode"_s)->setCurrentIndex(1); // no proxy
    child<QLineEdit>(&dialog, u"token"_s)->setText(m_sandbox->token());
    QSignalSpy tested(&dialog, &ui::ProfilesDialog::connectionTested);
    dialog.testConnection();
    QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 1, 10000);
    QVERIFY2(tested.first().at(0).toBool(), qPrintable(tested.first().at(1).toString()));
    QVERIFY(tested.first().at(1).toString().startsWith(u"Connected"_s));

    QSignalSpy saved(&dialog, &ui::ProfilesDialog::tokenSaved);
    QVERIFY(dialog.saveProfile());
    QTRY_COMPARE(saved.size(), 1);
    QVERIFY(saved.first().at(0).toBool());
    const QString id = dialog.selectedId();
    QCOMPARE(m_stores.secrets->size(), 1);
    QCOMPARE(m_stores.profiles->profiles().size(), 2);
    // Nothing secret in the settings file.
    m_stores.settings->sync();
    QFile ini(m_stores.settings->fileName());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QVERIFY(!ini.readAll().contains(QByteArray("=" + m_sandbox->token().toUtf8() + "\n")));

    QSignalSpy activated(m_window.get(), &ui::MainWindow::profileActivated);
    m_window->activateProfile(id);
    QTRY_COMPARE(activated.size(), 1);
    QCOMPARE(m_stores.client->config().token, m_sandbox->token());
    QCOMPARE(m_window->profilePicker()->currentText(), u"Local"_s);
    QCOMPARE(m_window->bannerText(), QString());
    // The profile works for a run.
    m_window->completionTab()
        ->findChild<QPlainTextEdit *>(u"prompt"_s)
        ->setPlainText(u"The weather today"_s);
    QSignalSpy done(m_window->completionTab(), &ui::CompletionTab::finished);
    m_window->completionTab()->run();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
    QVERIFY2(completionStatus().startsWith(u"Finished"_s), qPrintable(completionStatus()));
    // The status names the model chosen, and the version that answered.
    const QString model = m_window->completionTab()->modelPicker()->model();
    QVERIFY(!model.isEmpty());
    QVERIFY2(completionStatus().contains(model + u" (version sandbox-synthetic-1)"_s),
        qPrintable(completionStatus()));
    QCOMPARE(m_stores.history->search(QString()).first().profile, u"Local"_s);
}

void TestPlayground::wrongTokenGivesAClearMessage()
{
    core::ConnectionProfile p;
    p.name = u"Wrong"_s;
    p.baseUrl = m_sandbox->baseUrl();
    p.proxyMode = core::ConnectionProfile::ProxyMode::None;
    p.totalRetries = 0;
    const QString id = m_stores.profiles->save(p);
    bool stored = false;
    m_stores.credentials->setToken(
        id, u"not-the-token"_s, this, [&](bool ok, const QString &) { stored = ok; });
    QTRY_VERIFY(stored);

    ui::ProfilesDialog dialog(
        m_stores.profiles.get(), m_stores.credentials.get(), m_stores.nam.get(), {});
    dialog.selectProfile(id);
    QTRY_COMPARE(child<QLineEdit>(&dialog, u"token"_s)->text(),
        u"not-the-token"_s); // read back from the keychain
    QSignalSpy tested(&dialog, &ui::ProfilesDialog::connectionTested);
    dialog.testConnection();
    QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 1, 10000);
    QVERIFY(!tested.first().at(0).toBool());
    QVERIFY2(tested.first().at(1).toString().contains(u"401"_s),
        qPrintable(tested.first().at(1).toString()));

    QSignalSpy activated(m_window.get(), &ui::MainWindow::profileActivated);
    m_window->activateProfile(id);
    QTRY_COMPARE(activated.size(), 1);
    m_window->completionTab()->findChild<QPlainTextEdit *>(u"prompt"_s)->setPlainText(u"Hello"_s);
    QSignalSpy done(m_window->completionTab(), &ui::CompletionTab::finished);
    m_window->completionTab()->run();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
    QVERIFY2(completionStatus().contains(u"token was refused"_s), qPrintable(completionStatus()));
    QVERIFY(completionStatus().contains(u"Profiles"_s));
    QCOMPARE(m_stores.history->search(QString()).first().status, core::RunStatus::Failed);
}

void TestPlayground::unavailableKeychainKeepsTheTokenForTheSession()
{
    m_stores.secrets->setUnavailable(true);
    ui::ProfilesDialog dialog(
        m_stores.profiles.get(), m_stores.credentials.get(), m_stores.nam.get(), {});
    dialog.addProfile();
    child<QLineEdit>(&dialog, u"name"_s)->setText(u"Session"_s);
    child<QLineEdit>(&dialog, u"baseUrl"_s)->setText(m_sandbox->baseUrl().toString());
    child<QComboBox>(&dialog, u"proxyMode"_s)->setCurrentIndex(1);
    child<QLineEdit>(&dialog, u"token"_s)->setText(m_sandbox->token());
    QSignalSpy saved(&dialog, &ui::ProfilesDialog::tokenSaved);
    QVERIFY(dialog.saveProfile());
    QTRY_COMPARE(saved.size(), 1);
    QVERIFY(!saved.first().at(0).toBool());
    QVERIFY(saved.first().at(1).toString().contains(u"session only"_s));
    // Said in words, beside the sandbox banner (which stays): no backend message in the text.
    QVERIFY2(m_window->noticeText().contains(u"keychain could not be reached"_s),
        qPrintable(m_window->noticeText()));
    QVERIFY(m_window->noticeText().contains(u"until you quit"_s));
    QVERIFY2(m_window->bannerText().contains(u"synthetic"_s), qPrintable(m_window->bannerText()));
    QVERIFY(m_window->findChild<QLabel *>(u"notice"_s)->toolTip().contains(u"keychain said"_s));
    QSignalSpy activated(m_window.get(), &ui::MainWindow::profileActivated);
    m_window->activateProfile(dialog.selectedId());
    QTRY_COMPARE(activated.size(), 1);
    QCOMPARE(m_stores.client->config().token, m_sandbox->token()); // the session copy
    QVERIFY(!m_window->noticeText().isEmpty());
    m_window->findChild<QToolButton *>(u"noticeClose"_s)->click();
    QCOMPARE(m_window->noticeText(), QString());
}

void TestPlayground::tlsVerificationOffShowsABadge()
{
    QLabel *badge = child<QLabel>(m_window.get(), u"tlsBadge"_s);
    QVERIFY(!badge->isVisible());
    core::ConnectionProfile p;
    p.name = u"Insecure"_s;
    p.baseUrl = QUrl(u"https://127.0.0.1:1/v1"_s);
    p.verifyTls = false;
    const QString id = m_stores.profiles->save(p);
    QSignalSpy activated(m_window.get(), &ui::MainWindow::profileActivated);
    m_window->activateProfile(id);
    QTRY_COMPARE(activated.size(), 1);
    QVERIFY(badge->isVisible());
    QVERIFY(!m_stores.client->config().verifyPeer);
    QVERIFY(m_window->profilePicker()->currentText().contains(u"⚠"_s));
    // The dialog shows the warning for this profile.
    ui::ProfilesDialog dialog(
        m_stores.profiles.get(), m_stores.credentials.get(), m_stores.nam.get(), {});
    dialog.selectProfile(id);
    dialog.show();
    QVERIFY(child<QLabel>(&dialog, u"tlsWarning"_s)->isVisible());
    snapshot(&dialog, u"profiles-tls-off"_s);
    snapshot(m_window.get(), u"window-tls-badge"_s);
}

void TestPlayground::runsAreRecordedSearchedAndRestoredWithoutTheToken()
{
    ui::CompletionTab *tab = m_window->completionTab();
    tab->findChild<QPlainTextEdit *>(u"prompt"_s)->setPlainText(u"An apple a day"_s);
    tab->findChild<QSpinBox *>(u"maximum_tokens"_s)->setValue(9);
    QSignalSpy done(tab, &ui::CompletionTab::finished);
    tab->run();
    // Recorded before it is sent.
    QCOMPARE(m_stores.history->count(), 1);
    QCOMPARE(m_stores.history->search(QString()).first().status, core::RunStatus::Running);
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
    const core::RunRecord run = m_stores.history->search(QString()).first();
    QCOMPARE(run.status, core::RunStatus::Succeeded);
    QCOMPARE(run.tab, u"completion"_s);
    QCOMPARE(run.model, tab->findChild<QComboBox *>(u"model"_s)->currentText());
    QVERIFY(run.completionTokens > 0);
    QVERIFY(run.durationMs >= 0);

    ui::HistoryPanel *panel = m_window->historyPanel();
    QTRY_COMPARE(panel->rowCount(), 1);
    panel->searchEdit()->setText(u"no such text"_s);
    QTRY_COMPARE(panel->rowCount(), 0);
    panel->searchEdit()->setText(u"apple"_s);
    QTRY_COMPARE(panel->rowCount(), 1);
    m_window->findChild<QDockWidget *>(u"historyDock"_s)->show();
    m_window->tabs()->setCurrentWidget(tab);
    snapshot(m_window.get(), u"history"_s);

    tab->findChild<QPlainTextEdit *>(u"prompt"_s)->setPlainText(u"something else"_s);
    tab->findChild<QSpinBox *>(u"maximum_tokens"_s)->setValue(30);
    m_window->tabs()->setCurrentIndex(0);
    panel->restoreRow(0);
    QCOMPARE(m_window->tabs()->currentWidget(), tab);
    QCOMPARE(tab->findChild<QPlainTextEdit *>(u"prompt"_s)->toPlainText(), u"An apple a day"_s);
    QCOMPARE(tab->findChild<QSpinBox *>(u"maximum_tokens"_s)->value(), 9);
    QVERIFY(!tab->outputViews().first()->toPlainText().isEmpty());

    // A chat run too, then no token anywhere in the file.
    ui::ChatTab *chat = m_window->chatTab();
    chat->findChild<QPlainTextEdit *>(u"input"_s)->setPlainText(u"Hello there"_s);
    QSignalSpy replied(chat, &ui::ChatTab::replyFinished);
    chat->send();
    QTRY_COMPARE_WITH_TIMEOUT(replied.size(), 1, 10000);
    QCOMPARE(m_stores.history->search(QString(), u"chat"_s).size(), 1);
    m_window->saveDrafts();
    // The database, its WAL (read before the last connection closes and checkpoints it) and the
    // settings: no header and no token.
    QByteArray bytes;
    for (const QString &file :
        QStringList{m_stores.dbPath, m_stores.dbPath + u"-wal"_s, m_stores.settings->fileName()}) {
        QFile f(file);
        if (f.open(QIODevice::ReadOnly))
            bytes += f.readAll();
    }
    m_stores.settings->sync();
    m_stores.history.reset();
    m_stores.drafts.reset();
    m_stores.conversations.reset();
    m_window.reset();
    m_stores.db.reset();
    QFile f(m_stores.dbPath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    bytes += f.readAll();
    QVERIFY(bytes.contains("An apple a day"));
    QVERIFY(!bytes.contains("Bearer"));
    QVERIFY(!bytes.contains("Authorization"));
    QVERIFY(!bytes.contains(QByteArray(m_sandbox->token().toUtf8() + '"')));
}

void TestPlayground::runsBeforeTheDatabaseIsOpenAreRecordedWhenItIs()
{
    // main() opens the database after the first paint: the window starts without its stores.
    ui::Services pending = m_stores.services(m_sandbox.get(), 3, 20);
    const ui::Services stores = pending;
    pending.history = nullptr;
    pending.drafts = nullptr;
    pending.embeddingCache = nullptr;
    pending.steeringLibrary = nullptr;
    pending.conversations = nullptr;
    pending.promptLibrary = nullptr;
    pending.storagePending = true;
    m_window.reset();
    m_window = std::make_unique<ui::MainWindow>(pending);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    waitForModels();
    ui::HistoryPanel *panel = m_window->historyPanel();
    QVERIFY(panel);
    QCOMPARE(panel->rowCount(), 0);
    QVERIFY(panel->findChild<QLabel *>()->text().contains(u"Loading"_s));
    QVERIFY(m_window->findChild<QDockWidget *>(u"promptLibraryDock"_s));

    ui::CompletionTab *tab = m_window->completionTab();
    tab->findChild<QPlainTextEdit *>(u"prompt"_s)->setPlainText(u"An apple a day"_s);
    QSignalSpy done(tab, &ui::CompletionTab::finished);
    tab->run();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
    QCOMPARE(m_stores.history->count(), 0); // kept in memory meanwhile

    m_window->attachStorage(stores);
    QCOMPARE(m_stores.history->count(), 1);
    const core::RunRecord run = m_stores.history->search(QString()).first();
    QCOMPARE(run.status, core::RunStatus::Succeeded);
    QCOMPARE(run.tab, u"completion"_s);
    QVERIFY2(run.summary().contains(u"An apple a day"_s), qPrintable(run.summary()));
    QVERIFY(run.completionTokens > 0);
    QTRY_COMPARE(panel->rowCount(), 1);
    QVERIFY(panel->findChild<QLabel *>()->isHidden()); // the list shows instead
}

void TestPlayground::draftsComeBackAfterAKill()
{
    ui::CompletionTab *tab = m_window->completionTab();
    tab->findChild<QPlainTextEdit *>(u"prompt"_s)->setPlainText(u"Dear {{ name }},"_s);
    tab->setTemplateValue(u"name"_s, u"Ada"_s);
    tab->findChild<QSpinBox *>(u"maximum_tokens"_s)->setValue(123);
    ui::ChatTab *chat = m_window->chatTab();
    chat->findChild<QLineEdit *>(u"system"_s)->setText(u"Be brief."_s);
    chat->findChild<QPlainTextEdit *>(u"input"_s)->setPlainText(u"Half a message"_s);
    // The autosave runs by itself shortly after the last edit.
    QTRY_VERIFY_WITH_TIMEOUT(
        m_stores.drafts->load(u"chat"_s).value(u"input"_s).toString() == u"Half a message"_s, 5000);
    QTRY_VERIFY(m_stores.drafts->load(u"completion"_s)
                    .value(u"request"_s)
                    .toMap()
                    .value(u"maximum_tokens"_s)
                    .toInt()
        == 123);

    // kill -9: the files as they are now, with the connection still open.
    const QString copy = m_dir.filePath(u"killed%1.sqlite"_s.arg(m_counter));
    QVERIFY(QFile::copy(m_stores.dbPath, copy));
    QFile::copy(m_stores.dbPath + u"-wal"_s, copy + u"-wal"_s);
    core::Database restarted(copy);
    QString error;
    QVERIFY2(restarted.open(&error), qPrintable(error));
    core::DraftStore drafts(&restarted);
    ui::Services s;
    s.client = m_stores.client.get();
    s.drafts = &drafts;
    ui::MainWindow again(s);
    QCOMPARE(again.completionTab()->findChild<QPlainTextEdit *>(u"prompt"_s)->toPlainText(),
        u"Dear {{ name }},"_s);
    QCOMPARE(again.completionTab()->findChild<QSpinBox *>(u"maximum_tokens"_s)->value(), 123);
    QCOMPARE(again.completionTab()->templateVariables(), QStringList{u"name"_s});
    QCOMPARE(again.completionTab()->findChild<QLineEdit *>(u"var:name"_s)->text(), u"Ada"_s);
    QCOMPARE(again.chatTab()->findChild<QPlainTextEdit *>(u"input"_s)->toPlainText(),
        u"Half a message"_s);
    QCOMPARE(again.chatTab()->findChild<QLineEdit *>(u"system"_s)->text(), u"Be brief."_s);
}

void TestPlayground::viewCodeShowsTheCurrentRequest()
{
    m_window->tabs()->setCurrentWidget(m_window->completionTab());
    m_window->completionTab()->findChild<QPlainTextEdit *>(u"prompt"_s)->setPlainText(u"Code me"_s);
    m_window->findChild<QAction *>(u"viewCodeAction"_s)->trigger();
    auto *dialog = m_window->findChild<ui::CodeDialog *>(u"codeDialog"_s);
    QVERIFY(dialog);
    const QString python = dialog->code(core::CodeLanguage::Python);
    QVERIFY2(python.contains(u"Prompt.from_text(\"Code me\")"_s), qPrintable(python));
    QVERIFY(python.contains(u"os.environ[\"AA_TOKEN\"]"_s));
    QVERIFY(dialog->code(core::CodeLanguage::Curl)
                .contains(m_sandbox->baseUrl().toString() + u"/complete"_s));
    QVERIFY(dialog->code(core::CodeLanguage::Alephctl).contains(u"request complete -"_s));
    // On the offline sandbox the note says its port lasts as long as the app, and what lasts.
    QVERIFY2(dialog->note().contains(u"aleph-sandbox --port 8080"_s), qPrintable(dialog->note()));
    for (auto l :
        {core::CodeLanguage::Python, core::CodeLanguage::Curl, core::CodeLanguage::Alephctl})
        QVERIFY(!dialog->code(l).contains(u"Bearer "_s + m_sandbox->token() + u"\""_s));
    snapshot(dialog, u"view-code"_s);
    dialog->findChild<QPushButton *>(u"copy"_s)->click();
    QCOMPARE(QApplication::clipboard()->text(), python);
    dialog->close();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QVERIFY(!m_window->findChild<ui::CodeDialog *>(u"codeDialog"_s));

    // Chat: the typed message is part of the request.
    m_window->tabs()->setCurrentWidget(m_window->chatTab());
    m_window->chatTab()->findChild<QPlainTextEdit *>(u"input"_s)->setPlainText(u"Hi"_s);
    m_window->viewCode();
    dialog = m_window->findChild<ui::CodeDialog *>(u"codeDialog"_s);
    QVERIFY(dialog);
    QVERIFY(dialog->code(core::CodeLanguage::Python)
                .contains(u"Message(role=Role.User, content=\"Hi\")"_s));
}

void TestPlayground::invalidParametersAreFlaggedAndNotSent()
{
    ui::CompletionTab *tab = m_window->completionTab();
    tab->findChild<QPlainTextEdit *>(u"prompt"_s)->setPlainText(u"x"_s);
    tab->findChild<QSpinBox *>(u"n"_s)->setValue(3);
    tab->findChild<QSpinBox *>(u"best_of"_s)->setValue(2); // best_of must be ≥ n
    QVERIFY2(tab->validationMessage().contains(u"best_of"_s),
        qPrintable(tab->validationMessage() + u"|"_s + completionStatus()));
    QVERIFY(tab->findChild<QSpinBox *>(u"best_of"_s)->property("flagged").toBool());
    m_window->tabs()->setCurrentWidget(tab);
    snapshot(m_window.get(), u"completion-invalid"_s);
    tab->run();
    QVERIFY(!tab->isBusy());
    QVERIFY(completionStatus().startsWith(u"Not sent"_s));
    QCOMPARE(m_stores.history->count(), 0);
    tab->findChild<QSpinBox *>(u"best_of"_s)->setValue(4);
    QCOMPARE(tab->validationMessage(), QString());
    QVERIFY(!tab->findChild<QSpinBox *>(u"best_of"_s)->property("flagged").toBool());
}

void TestPlayground::templateVariablesFillThePrompt()
{
    ui::CompletionTab *tab = m_window->completionTab();
    tab->findChild<QPlainTextEdit *>(u"prompt"_s)
        ->setPlainText(u"Q: capital of {{country}}? {{ style }} A: {{country}}"_s);
    QCOMPARE(tab->templateVariables(), (QStringList{u"country"_s, u"style"_s}));
    QVERIFY(tab->findChild<QLineEdit *>(u"var:country"_s));
    QVERIFY2(tab->validationMessage().contains(u"{{ country }}"_s),
        qPrintable(tab->validationMessage()));
    tab->findChild<QLineEdit *>(u"var:country"_s)->setText(u"France"_s);
    tab->setTemplateValue(u"style"_s, u"Briefly."_s);
    QString error;
    const core::CompletionRequest r = tab->buildRequest(&error);
    QCOMPARE(error, QString());
    QCOMPARE(r.prompt.text(), u"Q: capital of France? Briefly. A: France"_s);
}

void TestPlayground::logProbsShadeTokensWithAlternatives()
{
    ui::CompletionTab *tab = m_window->completionTab();
    tab->findChild<QPlainTextEdit *>(u"prompt"_s)->setPlainText(u"The cat sat on the"_s);
    tab->findChild<QSpinBox *>(u"log_probs"_s)
        ->setValue(3); // streamed: the chunks carry the log_probs
    tab->findChild<QSpinBox *>(u"maximum_tokens"_s)->setValue(6);
    QSignalSpy done(tab, &ui::CompletionTab::finished);
    tab->run();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
    ui::CompletionView *view = tab->outputViews().first();
    QVERIFY2(
        view->tokenCount() == 6, qPrintable(view->toPlainText() + u"|"_s + completionStatus()));
    const QString tip = view->toolTipAt(0);
    QVERIFY2(tip.contains(u"p = "_s), qPrintable(tip));
    QVERIFY(tip.contains(u"<table>"_s)); // the alternatives
    QVERIFY(tip.count(u"<tr>"_s) >= 3);
    m_window->tabs()->setCurrentWidget(tab);
    snapshot(m_window.get(), u"completion-log-probs"_s);
}

void TestPlayground::nCompletionsSideBySideWithEchoAndRaw()
{
    ui::CompletionTab *tab = m_window->completionTab();
    m_window->tabs()->setCurrentWidget(tab);
    tab->findChild<QPlainTextEdit *>(u"prompt"_s)->setPlainText(u"Once upon a time"_s);
    tab->findChild<QSpinBox *>(u"n"_s)->setValue(2);
    tab->findChild<QDoubleSpinBox *>(u"temperature"_s)->setValue(1.0);
    tab->findChild<QCheckBox *>(u"echo"_s)->setChecked(true);
    tab->findChild<QCheckBox *>(u"raw_completion"_s)->setChecked(true);
    tab->findChild<QCheckBox *>(u"stream"_s)->setChecked(false);
    QSignalSpy done(tab, &ui::CompletionTab::finished);
    tab->run();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
    QCOMPARE(tab->outputViews().size(), 2);
    for (ui::CompletionView *v : tab->outputViews()) {
        QVERIFY2(v->toPlainText().startsWith(u"Once upon a time"_s),
            qPrintable(v->toPlainText())); // echo
        QVERIFY(v->toPlainText().contains(u"raw_completion:"_s));
    }
    QVERIFY(tab->outputViews().at(0)->isVisible() && tab->outputViews().at(1)->isVisible());
    snapshot(m_window.get(), u"completion-n2-echo-raw"_s);
}

void TestPlayground::imagesGoIntoThePrompt()
{
    QImage image(32, 32, QImage::Format_RGB32);
    image.fill(Qt::red);
    const QString path = m_dir.filePath(u"red.png"_s);
    QVERIFY(image.save(path));
    ui::CompletionTab *tab = m_window->completionTab();
    tab->findChild<QComboBox *>(u"model"_s)->setCurrentText(u"sandbox-luminous-base"_s);
    tab->findChild<QPlainTextEdit *>(u"prompt"_s)->setPlainText(u"This colour is"_s);
    tab->addImageFile(path);
    tab->addImageFile(m_dir.filePath(u"missing.png"_s)); // a clear message, nothing added
    QVERIFY(completionStatus().contains(u"missing.png"_s));
    QCOMPARE(tab->imageCount(), 1);
    if (qEnvironmentVariableIsSet("ALEPH_SCREENSHOT_DIR")) { // the image list, seen
        QWidget *shown = m_window->tabs()->currentWidget();
        m_window->tabs()->setCurrentWidget(tab);
        snapshot(m_window.get(), u"completion-image"_s);
        m_window->tabs()->setCurrentWidget(shown);
    }
    QString error;
    const core::CompletionRequest r = tab->buildRequest(&error);
    QCOMPARE(r.prompt.items.size(), 2);
    QCOMPARE(r.prompt.items.first().type, core::PromptItem::Type::Image);
    QSignalSpy done(tab, &ui::CompletionTab::finished);
    tab->run();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
    QVERIFY2(completionStatus().startsWith(u"Finished"_s), qPrintable(completionStatus()));
    QVERIFY2(completionStatus().contains(u"prompt tokens 14"_s)
            || completionStatus().contains(u"prompt tokens 1"_s),
        qPrintable(completionStatus()));
}

void TestPlayground::evaluateShowsTheLogProbability()
{
    ui::CompletionTab *tab = m_window->completionTab();
    tab->findChild<QPlainTextEdit *>(u"prompt"_s)->setPlainText(u"An apple a day"_s);
    tab->findChild<QPushButton *>(u"evaluate"_s)->click();
    QVERIFY(child<QLabel>(tab, u"evaluation"_s)->text().contains(u"expected completion"_s));
    tab->findChild<QLineEdit *>(u"completion_expected"_s)->setText(u" keeps the doctor away"_s);
    QSignalSpy done(tab, &ui::CompletionTab::finished);
    tab->evaluate();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
    const QString text = child<QLabel>(tab, u"evaluation"_s)->text();
    QVERIFY2(text.contains(u"log P(expected | prompt) = -"_s), qPrintable(text));
    QCOMPARE(m_stores.history->search(QString()).first().endpoint, u"evaluate"_s);
}

void TestPlayground::busyServerShowsRetryingAndCancelWorks()
{
    ui::CompletionTab *tab = m_window->completionTab();
    m_window->tabs()->setCurrentWidget(tab); // Esc works in the tab that is shown
    tab->findChild<QPlainTextEdit *>(u"prompt"_s)->setPlainText(u"busy"_s);
    core::ClientConfig c = m_stores.client->config();
    c.retry.firstDelayMs = 2000; // long enough to press Stop during the wait
    m_stores.client->setConfig(c);
    setFault("busy");
    tab->run();
    QTRY_VERIFY_WITH_TIMEOUT(completionStatus().contains(u"retrying 1/3"_s), 10000);
    QVERIFY(tab->isBusy());
    QSignalSpy done(tab, &ui::CompletionTab::finished);
    tab->findChild<QPlainTextEdit *>(u"prompt"_s)->setFocus();
    QTest::keyClick(tab->findChild<QPlainTextEdit *>(u"prompt"_s), Qt::Key_Escape);
    QTRY_COMPARE(done.size(), 1);
    QVERIFY(!tab->isBusy());
    QVERIFY2(completionStatus().startsWith(u"Stopped"_s), qPrintable(completionStatus()));
    QCOMPARE(m_stores.history->search(QString()).first().status, core::RunStatus::Canceled);

    // busy twice, then an answer: the retries ride it out.
    c.retry.firstDelayMs = 10;
    m_stores.client->setConfig(c);
    setFault("busy*2");
    tab->findChild<QPlainTextEdit *>(u"prompt"_s)->setPlainText(u"busy twice"_s);
    tab->run();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, 10000);
    QVERIFY2(completionStatus().startsWith(u"Finished"_s), qPrintable(completionStatus()));
}

void TestPlayground::chatCutStreamKeepsTextAndOffersRetry()
{
    ui::ChatTab *chat = m_window->chatTab();
    setFault("cut-stream:4");
    chat->findChild<QPlainTextEdit *>(u"input"_s)->setPlainText(u"Tell me about the sea"_s);
    QSignalSpy replied(chat, &ui::ChatTab::replyFinished);
    chat->send();
    QTRY_COMPARE_WITH_TIMEOUT(replied.size(), 1, 10000);
    const QList<int> path = chat->conversation().activePath();
    QCOMPARE(path.size(), 2);
    const core::ChatNode &reply = chat->conversation().node(path.last());
    QVERIFY(!reply.message.text().isEmpty());
    QVERIFY2(reply.note.startsWith(u"interrupted"_s), qPrintable(reply.note));
    QVERIFY(chat->transcript()->toPlainText().contains(u"interrupted"_s));
    QVERIFY(chat->findChild<QPushButton *>(u"retry"_s)->isVisible());
    QCOMPARE(m_stores.history->search(QString()).first().status, core::RunStatus::Interrupted);
    snapshot(m_window.get(), u"chat-cut-stream"_s);

    setFault({});
    chat->findChild<QPushButton *>(u"retry"_s)->click();
    QTRY_COMPARE_WITH_TIMEOUT(replied.size(), 2, 10000);
    const int newReply = chat->conversation().activePath().last();
    QCOMPARE(chat->conversation().siblingPosition(newReply),
        std::make_pair(1, 2)); // the cut reply stays a branch
    QVERIFY(chat->conversation().node(newReply).note.isEmpty());
    QVERIFY(!chat->findChild<QPushButton *>(u"retry"_s)->isVisible());
}

void TestPlayground::chatEditKeepsTheOldBranch()
{
    ui::ChatTab *chat = m_window->chatTab();
    QSignalSpy replied(chat, &ui::ChatTab::replyFinished);
    chat->findChild<QPlainTextEdit *>(u"input"_s)->setPlainText(u"Name a fruit"_s);
    chat->send();
    QTRY_COMPARE_WITH_TIMEOUT(replied.size(), 1, 10000);
    chat->findChild<QPlainTextEdit *>(u"input"_s)->setPlainText(u"Name a vegetable"_s);
    chat->send();
    QTRY_COMPARE_WITH_TIMEOUT(replied.size(), 2, 10000);
    QCOMPARE(chat->messages().size(), 4);

    chat->activateLink(QUrl(u"act:edit/0"_s)); // the first user message
    QCOMPARE(chat->findChild<QPlainTextEdit *>(u"input"_s)->toPlainText(), u"Name a fruit"_s);
    chat->findChild<QPlainTextEdit *>(u"input"_s)->setPlainText(u"Name a colour"_s);
    QTest::keyClick(
        chat->findChild<QPlainTextEdit *>(u"input"_s), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(replied.size(), 3, 10000);
    QCOMPARE(chat->messages().size(), 2);
    QCOMPARE(chat->messages().first().text(), u"Name a colour"_s);
    const int first = chat->conversation().activePath().first();
    QCOMPARE(chat->conversation().siblingPosition(first), std::make_pair(1, 2));
    QVERIFY(chat->transcript()->toPlainText().contains(u"2/2"_s));
    snapshot(m_window.get(), u"chat-edited-branch"_s);
    // Back to the old branch, with its whole continuation.
    chat->activateLink(QUrl(u"act:prev/%1"_s.arg(first)));
    QCOMPARE(chat->messages().size(), 4);
    QCOMPARE(chat->messages().first().text(), u"Name a fruit"_s);
    QCOMPARE(chat->messages().at(2).text(), u"Name a vegetable"_s);
    // Esc cancels an edit.
    chat->activateLink(QUrl(u"act:edit/0"_s));
    QTest::keyClick(chat->findChild<QPlainTextEdit *>(u"input"_s), Qt::Key_Escape);
    QCOMPARE(chat->findChild<QPlainTextEdit *>(u"input"_s)->toPlainText(), QString());
}

void TestPlayground::chatRegenerateAndUsage()
{
    ui::ChatTab *chat = m_window->chatTab();
    chat->findChild<QDoubleSpinBox *>(u"temperature"_s)->setValue(1.5);
    QSignalSpy replied(chat, &ui::ChatTab::replyFinished);
    chat->findChild<QPlainTextEdit *>(u"input"_s)->setPlainText(u"Write a line"_s);
    chat->send();
    QTRY_COMPARE_WITH_TIMEOUT(replied.size(), 1, 10000);
    const int firstReply = chat->conversation().activePath().last();
    QVERIFY(chat->conversation().node(firstReply).completionTokens > 0); // usage per turn
    QVERIFY(chat->transcript()->toPlainText().contains(u"tokens"_s));
    chat->findChild<QPushButton *>(u"regenerate"_s)->click();
    QTRY_COMPARE_WITH_TIMEOUT(replied.size(), 2, 10000);
    const int secondReply = chat->conversation().activePath().last();
    QVERIFY(secondReply != firstReply);
    QCOMPARE(chat->conversation().siblingPosition(secondReply), std::make_pair(1, 2));
}

void TestPlayground::chatWithoutAModelKeepsTheMessage()
{
    ui::ChatTab *chat = m_window->chatTab();
    const int nodes = chat->conversation().nodeCount();
    const QString model = chat->modelPicker()->currentText();
    chat->modelPicker()->setCurrentText(QString());
    auto *input = chat->findChild<QPlainTextEdit *>(u"input"_s);
    input->setPlainText(u"Test without a model"_s);
    chat->send();
    QVERIFY(!chat->isBusy());
    QCOMPARE(chat->findChild<QLabel *>(u"status"_s)->text(), u"Not sent: Choose a model first."_s);
    QCOMPARE(input->toPlainText(), u"Test without a model"_s); // still there to send
    QCOMPARE(chat->conversation().nodeCount(), nodes); // not in the conversation
    chat->modelPicker()->setCurrentText(model);
}

void TestPlayground::chatJsonSchemaReplyIsCheckedAndPretty()
{
    ui::ChatTab *chat = m_window->chatTab();
    chat->findChild<QCheckBox *>(u"json_schema"_s)->setChecked(true);
    chat->findChild<QPlainTextEdit *>(u"schema"_s)
        ->setPlainText(
            u"{\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}}, \"required\": [\"city\"]"_s);
    chat->findChild<QPlainTextEdit *>(u"input"_s)->setPlainText(u"Where is the Eiffel tower?"_s);
    chat->send(); // the schema is not JSON: not sent
    QVERIFY(!chat->isBusy());
    QVERIFY(chat->findChild<QLabel *>(u"status"_s)->text().contains(u"JSON schema"_s));
    chat->findChild<QPlainTextEdit *>(u"schema"_s)
        ->setPlainText(
            u"{\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}}, \"required\": [\"city\"]}"_s);
    QSignalSpy replied(chat, &ui::ChatTab::replyFinished);
    chat->regenerate();
    QTRY_COMPARE_WITH_TIMEOUT(replied.size(), 1, 10000);
    const core::ChatNode &reply
        = chat->conversation().node(chat->conversation().activePath().last());
    QVERIFY2(reply.jsonReply, qPrintable(reply.message.text() + u" / "_s + reply.note));
    QVERIFY(chat->transcript()->toPlainText().contains(u"\"city\": "_s)); // pretty-printed
    chat->findChild<QToolButton *>(u"optionsToggle"_s)->setChecked(true);
    snapshot(m_window.get(), u"chat-json-schema"_s);
}

void TestPlayground::chatEnterSendsSettingAndCopyExport()
{
    ui::ChatTab *chat = m_window->chatTab();
    auto *input = chat->findChild<QPlainTextEdit *>(u"input"_s);
    chat->setEnterSends(false);
    input->setFocus();
    QTest::keyClicks(input, u"line one"_s);
    QTest::keyClick(input, Qt::Key_Return);
    QVERIFY(!chat->isBusy());
    QCOMPARE(input->toPlainText(), u"line one\n"_s);
    chat->setEnterSends(true);
    QTest::keyClick(input, Qt::Key_Return, Qt::ShiftModifier); // still a new line
    QTest::keyClicks(input, u"line two"_s);
    QSignalSpy replied(chat, &ui::ChatTab::replyFinished);
    QTest::keyClick(input, Qt::Key_Return);
    QVERIFY(chat->isBusy());
    QTRY_COMPARE_WITH_TIMEOUT(replied.size(), 1, 10000);
    QCOMPARE(chat->messages().first().text(), u"line one\n\nline two"_s);
    chat->setEnterSends(false);

    const int reply = chat->conversation().activePath().last();
    chat->activateLink(QUrl(u"act:copy/%1"_s.arg(reply)));
    QCOMPARE(QApplication::clipboard()->text(), chat->conversation().node(reply).message.text());
    const QString md = chat->exportMarkdown();
    QVERIFY(md.contains(u"### You\n\nline one"_s));
    QVERIFY(md.contains(u"### Assistant"_s));
    const QJsonObject json = QJsonDocument::fromJson(chat->exportBytes(u"chat.json"_s)).object();
    QCOMPARE(json.value(u"messages"_s).toArray().size(), 2);
    chat->findChild<QPushButton *>(u"clear"_s)->click();
    QVERIFY(chat->conversation().isEmpty());
}

QTEST_MAIN(TestPlayground)
void TestPlayground::runRestoredFromHistoryEqualsTheOneSent()
{
    // The sandbox's token is the word "sandbox", which is also in every model name and here in
    // the prompt: the history keeps the run byte for byte, and the restored run runs again.
    QCOMPARE(m_stores.client->config().token, u"sandbox"_s);
    ui::CompletionTab *tab = m_window->completionTab();
    tab->findChild<QPlainTextEdit *>(u"prompt"_s)
        ->setPlainText(u"The sandbox token is sandbox. Bearer sandbox"_s);
    tab->findChild<QSpinBox *>(u"maximum_tokens"_s)->setValue(5);
    QString error;
    const core::ApiCall call = tab->currentCall(&error);
    QVERIFY2(call.isValid(), qPrintable(error));
    const QJsonObject sent = call.body;
    QVERIFY(sent.value(u"model"_s).toString().startsWith(u"sandbox-"_s));
    QSignalSpy done(tab, &ui::CompletionTab::finished);
    tab->run();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
    const core::RunRecord run = m_stores.history->search(QString()).first();
    QCOMPARE(run.status, core::RunStatus::Succeeded);
    QCOMPARE(QJsonDocument(run.request).toJson(QJsonDocument::Compact),
        QJsonDocument(sent).toJson(QJsonDocument::Compact));
    QCOMPARE(run.model, sent.value(u"model"_s).toString());
    QVERIFY(!run.response.contains(u"[redacted]"_s));

    tab->findChild<QPlainTextEdit *>(u"prompt"_s)->setPlainText(u"other"_s);
    m_window->restoreRun(run);
    const core::ApiCall restoredCall = tab->currentCall(&error);
    QVERIFY2(restoredCall.isValid(), qPrintable(error));
    const QJsonObject restored = restoredCall.body;
    QCOMPARE(QJsonDocument(restored).toJson(QJsonDocument::Compact),
        QJsonDocument(sent).toJson(QJsonDocument::Compact));
    tab->run();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, 10000);
    QCOMPARE(m_stores.history->search(QString()).first().status, core::RunStatus::Succeeded);

    // A chat run restored and continued: the model name is intact, so the next message is answered.
    ui::ChatTab *chat = m_window->chatTab();
    chat->findChild<QPlainTextEdit *>(u"input"_s)->setPlainText(u"Tell me about the sandbox"_s);
    QSignalSpy replied(chat, &ui::ChatTab::replyFinished);
    chat->send();
    QTRY_COMPARE_WITH_TIMEOUT(replied.size(), 1, 10000);
    m_window->restoreRun(m_stores.history->search(QString(), u"chat"_s).first());
    chat->findChild<QPlainTextEdit *>(u"input"_s)->setPlainText(u"And then?"_s);
    chat->send();
    QTRY_COMPARE_WITH_TIMEOUT(replied.size(), 2, 10000);
    QCOMPARE(
        m_stores.history->search(QString(), u"chat"_s).first().status, core::RunStatus::Succeeded);
}

void TestPlayground::completionRefusesAnEmptyPrompt()
{
    ui::CompletionTab *tab = m_window->completionTab();
    tab->findChild<QPlainTextEdit *>(u"prompt"_s)->setPlainText(u"  \n "_s);
    QCOMPARE(tab->validationMessage(), QString()); // nothing red before the user runs
    tab->run();
    QVERIFY(!tab->isBusy());
    QVERIFY2(completionStatus().startsWith(u"Not sent: Write a prompt"_s),
        qPrintable(completionStatus()));
    QCOMPARE(m_stores.history->count(), 0);
}

void TestPlayground::chatConversationsAreKeptInAList()
{
    ui::ChatTab *chat = m_window->chatTab();
    m_window->tabs()->setCurrentWidget(chat);
    ui::ConversationListPanel *list = chat->conversationList();
    QVERIFY(list->isVisible());
    auto *input = chat->findChild<QPlainTextEdit *>(u"input"_s);
    auto *system = chat->findChild<QLineEdit *>(u"system"_s);
    QSignalSpy replied(chat, &ui::ChatTab::replyFinished);
    system->setText(u"Be brief."_s);
    input->setPlainText(u"Tell me about apples"_s);
    chat->send();
    QTRY_COMPARE_WITH_TIMEOUT(replied.size(), 1, 10000);
    QCOMPARE(list->model()->rowCount(), 1);
    QCOMPARE(list->model()->index(0).data().toString(), u"Tell me about apples"_s);
    const qint64 apples = chat->conversationId();
    QVERIFY(apples > 0);

    // Ctrl+N keeps the conversation and starts another.
    input->setFocus();
    QTest::keyClick(input, Qt::Key_N, Qt::ControlModifier);
    QVERIFY(chat->conversation().isEmpty());
    QCOMPARE(chat->conversationId(), 0);
    QCOMPARE(list->model()->rowCount(), 1);
    system->setText(u"Be kind."_s);
    input->setPlainText(u"And pears?"_s);
    chat->send();
    QTRY_COMPARE_WITH_TIMEOUT(replied.size(), 2, 10000);
    QCOMPARE(list->model()->rowCount(), 2);
    const qint64 pears = chat->conversationId();
    QCOMPARE(list->model()->idAt(0), pears); // most recent first
    snapshot(m_window.get(), u"chat-conversations"_s);

    // Clicking the older one opens it with its own system prompt.
    QListView *view = list->view();
    const QRect rect = view->visualRect(list->model()->index(list->model()->rowOf(apples)));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(chat->conversationId(), apples);
    QVERIFY(chat->transcript()->toPlainText().contains(u"Tell me about apples"_s));
    QVERIFY(!chat->transcript()->toPlainText().contains(u"And pears?"_s));
    QCOMPARE(system->text(), u"Be brief."_s);
    QCOMPARE(chat->messages().size(), 2);

    // Renamed in place; the name survives new messages.
    QVERIFY(list->model()->setData(
        list->model()->index(list->model()->rowOf(apples)), u"Fruit talk"_s));
    input->setPlainText(u"More please"_s);
    chat->send();
    QTRY_COMPARE_WITH_TIMEOUT(replied.size(), 3, 10000);
    QCOMPARE(m_stores.conversations->conversation(apples)->title, u"Fruit talk"_s);
    QCOMPARE(core::conversationFromJson(m_stores.conversations->conversation(apples)
                                            ->content.value(u"conversation"_s)
                                            .toObject())
                 .activePath()
                 .size(),
        4);

    // Search.
    list->searchEdit()->setText(u"pears"_s);
    QCOMPARE(list->model()->rowCount(), 1);
    QCOMPARE(list->model()->idAt(0), pears);
    list->searchEdit()->clear();
    QCOMPARE(list->model()->rowCount(), 2);

    // Deleting the open conversation shows an empty chat; Ctrl+Z brings it back and opens it.
    list->deleteConversation(apples);
    QCOMPARE(list->model()->rowCount(), 1);
    QVERIFY(chat->conversation().isEmpty());
    QVERIFY(list->findChild<QWidget *>(u"undoBar"_s)->isVisible());
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(list->model()->rowCount(), 2);
    QCOMPARE(chat->conversationId(), apples);
    QCOMPARE(chat->messages().size(), 4);

    // A chat run restored from the history opens as a new conversation; the others stay.
    const QList<core::RunRecord> runs = m_stores.history->search(QString(), u"chat"_s);
    m_window->restoreRun(runs.last()); // the first apples question
    QCOMPARE(list->model()->rowCount(), 3);
    QVERIFY(chat->conversationId() != apples && chat->conversationId() != pears);
    QCOMPARE(core::conversationFromJson(m_stores.conversations->conversation(apples)
                                            ->content.value(u"conversation"_s)
                                            .toObject())
                 .activePath()
                 .size(),
        4);
    QCOMPARE(m_stores.conversations->conversation(pears)->content.value(u"system"_s).toString(),
        u"Be kind."_s);

    // After a restart the list and the open conversation come back.
    const qint64 open = chat->conversationId();
    m_window->saveDrafts();
    m_window.reset();
    makeWindow();
    QCOMPARE(m_window->chatTab()->conversationId(), open);
    QCOMPARE(m_window->chatTab()->conversationList()->model()->rowCount(), 3);
    QCOMPARE(m_window->chatTab()->messages().size(), 2);
}

void TestPlayground::chatStreamingReplyHeaderStartsItsOwnLine()
{
    ui::ChatTab *chat = m_window->chatTab();
    chat->findChild<QPlainTextEdit *>(u"input"_s)->setPlainText(u"Hello there"_s);
    QSignalSpy replied(chat, &ui::ChatTab::replyFinished);
    chat->send();
    // While the reply is on its way, the transcript shows the pending reply under its own header.
    QVERIFY(chat->isBusy());
    const QStringList lines = chat->transcript()->toPlainText().split(u'\n');
    QVERIFY2(lines.contains(u"Assistant"_s), qPrintable(lines.join(u'|')));
    QVERIFY2(lines.contains(u"Hello there"_s), qPrintable(lines.join(u'|')));
    QTRY_COMPARE_WITH_TIMEOUT(replied.size(), 1, 10000);
}

void TestPlayground::activeSteeringIsShownAndAnUnknownOneCanBeCleared()
{
    // A concept id kept from another server (or an earlier sandbox) fails every request; the tab
    // shows next to the input that steering is on, and after the failure names the id and clears
    // it.
    const QString id = u"sandbox-concept-0000000000000000"_s;
    ui::CompletionTab *tab = m_window->completionTab();
    m_window->tabs()->setCurrentWidget(tab);
    auto *indicator = tab->findChild<ui::SteeringIndicator *>(u"steeringIndicator"_s);
    QVERIFY(indicator);
    QVERIFY(indicator->isHidden());
    tab->setSteeringConcept(id);
    QVERIFY(indicator->isVisible()); // not only inside the collapsed options
    QCOMPARE(indicator->text(), u"Steering: "_s + id);
    tab->findChild<QPlainTextEdit *>(u"prompt"_s)->setPlainText(u"Hello"_s);
    QSignalSpy done(tab, &ui::CompletionTab::finished);
    tab->run();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
    QVERIFY(indicator->isUnknown());
    QVERIFY2(indicator->text().contains(id) && indicator->text().contains(u"not known"_s),
        qPrintable(indicator->text()));
    snapshot(m_window.get(), u"steering-unknown"_s);
    indicator->findChild<QToolButton *>(u"steeringOff"_s)->click();
    QVERIFY(indicator->isHidden());
    QCOMPARE(tab->findChild<QLineEdit *>(u"steering_concepts"_s)->text(), QString());
    tab->run();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, 10000);
    QCOMPARE(m_stores.history->search(QString()).first().status, core::RunStatus::Succeeded);

    ui::ChatTab *chat = m_window->chatTab();
    m_window->tabs()->setCurrentWidget(chat);
    auto *chatIndicator = chat->findChild<ui::SteeringIndicator *>(u"steeringIndicator"_s);
    chat->setSteeringConcept(id);
    QVERIFY(chatIndicator->isVisible());
    snapshot(m_window.get(), u"steering-chat"_s);
    chat->findChild<QPlainTextEdit *>(u"input"_s)->setPlainText(u"Hi"_s);
    QSignalSpy replied(chat, &ui::ChatTab::replyFinished);
    chat->send();
    QTRY_COMPARE_WITH_TIMEOUT(replied.size(), 1, 10000);
    QVERIFY(chatIndicator->isUnknown());
    chatIndicator->turnOff();
    QVERIFY(chatIndicator->isHidden());
    chat->regenerate();
    QTRY_COMPARE_WITH_TIMEOUT(replied.size(), 2, 10000);
    QCOMPARE(
        m_stores.history->search(QString(), u"chat"_s).first().status, core::RunStatus::Succeeded);
}

void TestPlayground::windowAndLastResultsComeBackAfterARestart()
{
    ui::CompletionTab *tab = m_window->completionTab();
    tab->findChild<QPlainTextEdit *>(u"prompt"_s)->setPlainText(u"Once upon a time"_s);
    tab->findChild<QSpinBox *>(u"maximum_tokens"_s)->setValue(8);
    QSignalSpy done(tab, &ui::CompletionTab::finished);
    tab->run();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
    const QString output = tab->outputViews().first()->toPlainText();
    QVERIFY(!output.isEmpty());
    // Typed after the run: the draft, not the run, gives the inputs back.
    tab->findChild<QPlainTextEdit *>(u"prompt"_s)->setPlainText(u"Once upon a time, again"_s);

    ui::TokenizerTab *tokenizer = m_window->tokenizerTab();
    QSignalSpy tokenized(tokenizer, &ui::TokenizerTab::finished);
    tokenizer->showTokens(u"Grüße aus Köln"_s, QString());
    QTRY_COMPARE_WITH_TIMEOUT(tokenized.size(), 1, 10000);
    const QStringList tokens = tokenizer->tokens();
    QVERIFY(!tokens.isEmpty());

    m_window->tabs()->setCurrentWidget(tokenizer);
    m_window->setGeometry(QRect(40, 50, 1300, 733));
    QSplitter *chatSplitter = m_window->chatTab()->findChild<QSplitter *>(u"chatSplitter"_s);
    chatSplitter->setSizes({300, 700});
    const QList<int> chatSizes = chatSplitter->sizes();
    const QSize size = m_window->size();
    const int runs = m_stores.history->count();
    m_window->close(); // saves
    m_window.reset();

    makeWindow();
    QCOMPARE(m_window->size(), size);
    QCOMPARE(m_window->tabs()->currentWidget(), m_window->tokenizerTab());
    QCOMPARE(m_window->completionTab()->outputViews().first()->toPlainText(), output);
    m_window->tabs()->setCurrentWidget(m_window->chatTab());
    // The divider is where it was left (the other side takes what the window gives it).
    QTRY_COMPARE(m_window->chatTab()->findChild<QSplitter *>(u"chatSplitter"_s)->sizes().value(0),
        chatSizes.value(0));
    QCOMPARE(m_window->completionTab()->outputViews().first()->toPlainText(), output);
    QCOMPARE(m_window->completionTab()->findChild<QPlainTextEdit *>(u"prompt"_s)->toPlainText(),
        u"Once upon a time, again"_s);
    QCOMPARE(m_window->tokenizerTab()->tokens(), tokens);
    QCOMPARE(m_stores.history->count(), runs); // nothing was sent to bring them back
}

void TestPlayground::storageNoticeStaysBesideTheBanner()
{
    // The "history is off" message used to be overwritten by the connection banner.
    m_window.reset();
    m_notices = {u"The history file could not be read; it was kept as history.sqlite.broken-1."_s};
    makeWindow();
    m_notices.clear();
    waitForModels();
    QVERIFY2(m_window->bannerText().contains(u"synthetic"_s), qPrintable(m_window->bannerText()));
    QVERIFY2(m_window->noticeText().contains(u"broken-1"_s), qPrintable(m_window->noticeText()));
    m_window->activateProfile(QString::fromLatin1(core::ConnectionProfile::kSandboxId));
    QVERIFY(m_window->noticeText().contains(u"broken-1"_s));
}

void TestPlayground::streamedTextSurvivesAKill()
{
    // A paced sandbox: the reply streams for a while. Its text so far is written to the run as it
    // arrives, so a kill -9 mid-stream leaves an interrupted run with the partial reply.
    sandbox::SandboxOptions options;
    options.tokensPerSecond = 40;
    sandbox::EmbeddedSandbox paced(options);
    QVERIFY(paced.start());
    core::ClientConfig config = m_stores.client->config();
    config.baseUrl = paced.baseUrl();
    m_stores.client->setConfig(config);
    m_window->recorder()->setPartialSaveIntervalMs(0);
    ui::ChatTab *chat = m_window->chatTab();
    chat->findChild<QSpinBox *>(u"max_tokens"_s)->setValue(200);
    chat->findChild<QPlainTextEdit *>(u"input"_s)->setPlainText(u"Tell me a long story"_s);
    chat->send();
    QTRY_VERIFY_WITH_TIMEOUT(
        m_stores.history->search(QString(), u"chat"_s).value(0).partial.size() > 10, 10000);
    QVERIFY(chat->isBusy());
    // kill -9 now: the files as they are, with the connection still open.
    const QString copy = m_dir.filePath(u"killed-stream%1.sqlite"_s.arg(m_counter));
    QVERIFY(QFile::copy(m_stores.dbPath, copy));
    QFile::copy(m_stores.dbPath + u"-wal"_s, copy + u"-wal"_s);
    chat->stop();
    core::Database restarted(copy);
    QString error;
    QVERIFY2(restarted.open(&error), qPrintable(error));
    core::HistoryStore history(&restarted);
    const core::RunRecord run = history.search(QString(), u"chat"_s).value(0);
    QCOMPARE(run.status, core::RunStatus::Interrupted);
    QVERIFY2(run.partial.size() > 10, qPrintable(run.partial));
    QVERIFY(run.response.isEmpty());
    // Restored, the partial reply is shown, marked as interrupted.
    m_window->restoreRun(run);
    QVERIFY(chat->transcript()->toPlainText().contains(run.partial.left(10)));
    QVERIFY(chat->transcript()->toPlainText().contains(u"interrupted"_s));
}

void TestPlayground::everyTabFitsASmallScreen()
{
    // 1024 × 700 with a title bar and the banner: no tab may hold the window larger than that.
    for (int i = 0; i < m_window->tabs()->count(); ++i) {
        const QSize min = m_window->tabs()->widget(i)->minimumSizeHint();
        QVERIFY2(min.width() <= 980 && min.height() <= 560,
            qPrintable(u"%1: %2 x %3"_s.arg(m_window->tabs()->tabText(i))
                           .arg(min.width())
                           .arg(min.height())));
    }
    const QSize window = m_window->minimumSizeHint();
    QVERIFY2(window.width() <= 1010 && window.height() <= 670,
        qPrintable(u"%1 x %2"_s.arg(window.width()).arg(window.height())));
}

#include "TestPlayground.moc"
