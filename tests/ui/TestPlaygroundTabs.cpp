// SPDX-License-Identifier: MIT
// The Completion and Chat tabs driven with QTest against recorded real traffic (CassetteServer),
// and the Tokenizer reached from a prompt editor's "Show tokens" on recorded /tokenize and
// /detokenize answers.
#include "core/net/ApiClient.h"
#include "sandbox/SandboxServer.h"
#include "tests/support/CassetteServer.h"
#include "ui/MainWindow.h"
#include "ui/chat/ChatTab.h"
#include "ui/common/PromptEdit.h"
#include "ui/completion/CompletionTab.h"
#include "ui/embeddings/EmbeddingsTab.h"
#include "ui/tokenizer/TokenizerTab.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

using namespace Qt::StringLiterals;

class TestPlaygroundTabs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void completionShowsRecordedCompletion();
    void completionStreamsRecordedChunks();
    void chatStreamShowsConcatenatedDeltas();
    void escapeStopsStreamAndKeepsPartialText();
    void serverErrorIsShownWithItsMessage();
    void everyTabIsAPlaygroundTab();
    void showTokensFromAPromptEditor();
    void tabsWorkAgainstTheOfflineSandbox();

private:
    QString recordedChatReply() const;
    std::unique_ptr<testsupport::CassetteServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<core::ApiClient> m_client;
    std::unique_ptr<ui::MainWindow> m_window;
};

template<class T>
static T *child(QWidget *parent, const char *name);

void TestPlaygroundTabs::init()
{
    m_server = std::make_unique<testsupport::CassetteServer>();
    QString error;
    QVERIFY2(m_server->load(&error), qPrintable(error));
    QVERIFY(m_server->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_nam->setProxy(QNetworkProxy::NoProxy);
    core::ClientConfig config;
    config.baseUrl = m_server->baseUrl();
    config.token = u"cassette"_s;
    config.retry.totalRetries = 0;
    m_client = std::make_unique<core::ApiClient>(m_nam.get(), config);
    m_window = std::make_unique<ui::MainWindow>(m_client.get());
    // The recorded chat traffic did not ask for a usage chunk; the replay matches requests exactly.
    child<QCheckBox>(m_window->chatTab(), "include_usage")->setChecked(false);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestPlaygroundTabs::cleanup()
{
    m_window.reset();
    m_client.reset();
    m_nam.reset();
    m_server.reset();
}

template<class T>
static T *child(QWidget *parent, const char *name)
{
    T *w = parent->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qWarning("no child %s", name);
    return w;
}

void TestPlaygroundTabs::completionShowsRecordedCompletion()
{
    // test_complete/test_complete_maximum_tokens_none: "Hello, World!", maximum_tokens 7, stop ","
    ui::CompletionTab *tab = m_window->completionTab();
    m_window->tabs()->setCurrentWidget(tab);
    child<QComboBox>(tab, "model")->setCurrentText(u"luminous-base"_s);
    child<QSpinBox>(tab, "maximum_tokens")->setValue(7);
    child<QLineEdit>(tab, "stop_sequences")->setText(u","_s);
    child<QCheckBox>(tab, "stream")->setChecked(false);
    QPlainTextEdit *prompt = child<QPlainTextEdit>(tab, "prompt");
    prompt->setFocus();
    QTest::keyClicks(prompt, u"Hello, World!"_s);
    QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(tab->isBusy());
    QTextEdit *output = child<QTextEdit>(tab, "output0");
    QTRY_COMPARE_WITH_TIMEOUT(output->toPlainText(), u"\n\nI\u2019m a little"_s, 10000);
    QLabel *status = child<QLabel>(tab, "status");
    QVERIFY2(status->text().contains(u"maximum_tokens"_s), qPrintable(status->text()));
    QVERIFY(status->text().contains(u"generated tokens 7"_s));
    QVERIFY(!tab->isBusy());
}

void TestPlaygroundTabs::completionStreamsRecordedChunks()
{
    // test_complete/test_can_use_streaming_support_with_async_client: the recording's prompt is
    // empty, which the tab refuses like every other tab (the API would answer it; the stream's
    // parsing is a contract row in TestContract). Nothing reaches the server.
    ui::CompletionTab *tab = m_window->completionTab();
    child<QSpinBox>(tab, "maximum_tokens")->setValue(7);
    child<QCheckBox>(tab, "stream")->setChecked(true);
    const qsizetype before = m_server->requests().size();
    child<QPushButton>(tab, "run")->click();
    QVERIFY(!tab->isBusy());
    QVERIFY2(child<QLabel>(tab, "status")->text().startsWith(u"Not sent: Write a prompt"_s),
        qPrintable(child<QLabel>(tab, "status")->text()));
    QCOMPARE(m_server->requests().size(), before);
}

void TestPlaygroundTabs::tabsWorkAgainstTheOfflineSandbox()
{
    // The app's default connection on a fresh machine: the sandbox in its own thread, streaming at
    // a pace, and here one injected 503 per request that the tabs ride out with a retry.
    sandbox::SandboxOptions options;
    options.tokensPerSecond = 400;
    sandbox::EmbeddedSandbox offline(options);
    QString error;
    QVERIFY2(offline.start(&error), qPrintable(error));
    core::ClientConfig config;
    config.baseUrl = offline.baseUrl();
    config.token = offline.token();
    core::ApiClient direct(m_nam.get(), config);
    config.retry.firstDelayMs = 1;
    config.extraHeaders = {{"X-Sandbox-Fault", "busy*1"}};
    core::ApiClient client(m_nam.get(), config);
    ui::MainWindow window(&client, u"Offline sandbox: the answers are synthetic."_s);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.refreshModels();
    ui::CompletionTab *completion = window.completionTab();
    ui::ChatTab *chat = window.chatTab();
    QTRY_COMPARE_WITH_TIMEOUT(
        child<QComboBox>(completion, "model")->currentText(), u"sandbox-luminous-base"_s, 10000);
    QCOMPARE(child<QComboBox>(chat, "model")->currentText(), u"sandbox-llama-3.1-8b-instruct"_s);
    QVERIFY(child<QLabel>(&window, "banner")->text().contains(u"synthetic"_s));

    // What the tab shows is what the sandbox answers to the same request without a fault.
    core::CompletionRequest request;
    request.model = u"sandbox-luminous-base"_s;
    request.prompt = core::Prompt::fromText(u"My name is Zorblax. Hello, my name is"_s);
    request.maximumTokens = 8;
    core::CompletionJob *job = direct.complete(request);
    job->setAutoDelete(false);
    std::unique_ptr<core::CompletionJob> guard(job);
    QSignalSpy finished(job, &core::ApiJob::finished);
    QVERIFY(finished.wait(10000));
    const QString expected = *job->result().completions.value(0).completion;
    QVERIFY(!expected.isEmpty());

    window.tabs()->setCurrentWidget(completion);
    child<QSpinBox>(completion, "maximum_tokens")->setValue(8);
    child<QCheckBox>(completion, "stream")->setChecked(true);
    QPlainTextEdit *prompt = child<QPlainTextEdit>(completion, "prompt");
    prompt->setFocus();
    QTest::keyClicks(prompt, u"My name is Zorblax. Hello, my name is"_s);
    QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!completion->isBusy(), 10000);
    QCOMPARE(child<QTextEdit>(completion, "output0")->toPlainText(), expected);

    window.tabs()->setCurrentWidget(chat);
    QPlainTextEdit *input = child<QPlainTextEdit>(chat, "input");
    input->setFocus();
    QTest::keyClicks(input, u"Hello, how are you?"_s);
    QTest::keyClick(input, Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!chat->isBusy(), 10000);
    QCOMPARE(chat->messages().size(), 2);
    QVERIFY(!chat->messages().last().text().isEmpty());
}

QString TestPlaygroundTabs::recordedChatReply() const
{
    for (const testsupport::Interaction &in : m_server->interactions()) {
        if (in.file != u"test_chat/test_can_chat_with_streaming_support.json"_s)
            continue;
        QString text;
        for (const QByteArray &line : in.responseBytes().split('\n')) {
            const QJsonDocument doc = QJsonDocument::fromJson(line.mid(6));
            const QJsonObject delta = doc.object()
                                          .value(u"choices"_s)
                                          .toArray()
                                          .first()
                                          .toObject()
                                          .value(u"delta"_s)
                                          .toObject();
            text += delta.value(u"content"_s).toString();
        }
        return text;
    }
    return {};
}

void TestPlaygroundTabs::chatStreamShowsConcatenatedDeltas()
{
    const QString expected = recordedChatReply();
    QVERIFY(expected.size() > 50);
    ui::ChatTab *tab = m_window->chatTab();
    m_window->tabs()->setCurrentWidget(tab);
    child<QComboBox>(tab, "model")->setCurrentText(u"llama-3.1-8b-instruct"_s);
    QPlainTextEdit *input = child<QPlainTextEdit>(tab, "input");
    input->setFocus();
    QTest::keyClicks(input, u"Hello, how are you?"_s);
    QTest::keyClick(input, Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!tab->isBusy(), 10000);
    QCOMPARE(tab->messages().size(), 2);
    QCOMPARE(tab->messages().last().text(), expected);
    QTextBrowser *transcript = child<QTextBrowser>(tab, "transcript");
    QVERIFY(transcript->toPlainText().contains(expected));
    QVERIFY(transcript->toPlainText().contains(u"Hello, how are you?"_s));
    QVERIFY(child<QLabel>(tab, "status")->text().contains(u"stop"_s));
    QVERIFY(child<QPushButton>(tab, "regenerate")->isEnabled());
}

void TestPlaygroundTabs::escapeStopsStreamAndKeepsPartialText()
{
    // Hold the recorded stream after its first two events (role, then the first content delta).
    m_server->setHoldStreamsAfter(4);
    ui::ChatTab *tab = m_window->chatTab();
    m_window->tabs()->setCurrentWidget(tab);
    QPlainTextEdit *input = child<QPlainTextEdit>(tab, "input");
    input->setFocus();
    QTest::keyClicks(input, u"Hello, how are you?"_s);
    QTest::keyClick(input, Qt::Key_Return, Qt::ControlModifier);
    QTextBrowser *transcript = child<QTextBrowser>(tab, "transcript");
    const QString firstDelta
        = u"I'm just a computer program, so I don't have feelings, but thank you for asking!"_s;
    QTRY_VERIFY_WITH_TIMEOUT(transcript->toPlainText().contains(firstDelta), 10000);
    QVERIFY(tab->isBusy());
    QTest::keyClick(input, Qt::Key_Escape);
    QVERIFY(!tab->isBusy());
    QCOMPARE(tab->messages().last().text(), firstDelta);
    QVERIFY(transcript->toPlainText().contains(firstDelta));
    QVERIFY(transcript->toPlainText().contains(u"stopped"_s));
    QVERIFY(child<QLabel>(tab, "status")->text().contains(u"Stopped"_s));
}

void TestPlaygroundTabs::serverErrorIsShownWithItsMessage()
{
    // No recording matches a temperature of 0.5: the replay server answers 404 with a message.
    ui::CompletionTab *tab = m_window->completionTab();
    child<QCheckBox>(tab, "stream")->setChecked(false);
    child<QPlainTextEdit>(tab, "prompt")->setPlainText(u"Hello, World!"_s);
    child<QDoubleSpinBox>(tab, "temperature")->setValue(0.5);
    tab->run();
    QLabel *status = child<QLabel>(tab, "status");
    QTRY_VERIFY_WITH_TIMEOUT(!tab->isBusy(), 10000);
    QVERIFY2(status->text().contains(u"HTTP 404"_s), qPrintable(status->text()));
    QVERIFY(status->text().contains(u"no recorded interaction matches this request"_s));
}

void TestPlaygroundTabs::everyTabIsAPlaygroundTab()
{
    QTabWidget *tabs = m_window->tabs();
    QStringList titles;
    for (int i = 0; i < tabs->count(); ++i) {
        titles.append(tabs->tabText(i));
        QVERIFY2(dynamic_cast<ui::PlaygroundTab *>(tabs->widget(i)), qPrintable(tabs->tabText(i)));
        QVERIFY(tabs->widget(i)->findChildren<QLabel *>().size() > 0);
        for (const QLabel *label : tabs->widget(i)->findChildren<QLabel *>())
            QVERIFY2(!label->text().contains(u"Not available yet"_s), qPrintable(tabs->tabText(i)));
    }
    QCOMPARE(titles,
        (QStringList{u"Chat"_s,
            u"Completion"_s,
            u"Explanation"_s,
            u"Embeddings"_s,
            u"Translation"_s,
            u"Steering"_s,
            u"Tokenizer"_s}));
    QCOMPARE(tabs->widget(6), static_cast<QWidget *>(m_window->tokenizerTab()));
}

void TestPlaygroundTabs::showTokensFromAPromptEditor()
{
    // test_tokenize/test_tokenize: "Hello" on luminous-base is one token, "ĠHello" (id 49222): the
    // recorded tokenizer adds a leading space.
    ui::CompletionTab *completion = m_window->completionTab();
    m_window->tabs()->setCurrentWidget(completion);
    child<QComboBox>(completion, "model")->setCurrentText(u"luminous-base"_s);
    auto *prompt = child<ui::PromptEdit>(completion, "prompt");
    prompt->setPlainText(u"Hello"_s);
    prompt->setFocus();
    QTest::keyClick(prompt, Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
    ui::TokenizerTab *tokenizer = m_window->tokenizerTab();
    QCOMPARE(m_window->tabs()->currentWidget(), static_cast<QWidget *>(tokenizer));
    QVERIFY(tokenizer->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!tokenizer->isBusy(), 10000);
    QCOMPARE(tokenizer->tokens(), QStringList{u"ĠHello"_s});
    QCOMPARE(tokenizer->tokenIds(), QList<qint64>{49222});
    QCOMPARE(tokenizer->spans().size(), 1);
    QCOMPARE(tokenizer->spans().at(0).start, 0);
    QCOMPARE(tokenizer->spans().at(0).length, 5);
    QVERIFY2(tokenizer->countText().startsWith(u"1 token · 5 characters"_s),
        qPrintable(tokenizer->countText()));
    QVERIFY2(tokenizer->countText().contains(u"added a leading space"_s),
        qPrintable(tokenizer->countText()));
    QCOMPARE(tokenizer->tokenAt(0), 0);
    QCOMPARE(tokenizer->tokenAt(4), 0);
    QCOMPARE(tokenizer->tokenAt(5), -1);
    QCOMPARE(tokenizer->table()->model()->rowCount(), 1);
    QCOMPARE(tokenizer->table()->model()->index(0, 1).data().toString(), u"·Hello"_s);
    QCOMPARE(tokenizer->table()->model()->index(0, 3).data().toLongLong(), 49222);

    // test_detokenize: [4711] → "tiss".
    QSignalSpy detokenized(tokenizer, &ui::TokenizerTab::detokenizeFinished);
    tokenizer->idsEdit()->setText(u"[4711]"_s);
    QTest::keyClick(tokenizer->idsEdit(), Qt::Key_Return);
    QVERIFY(detokenized.wait(10000));
    QCOMPARE(tokenizer->detokenizedText(), u"tiss"_s);

    // Ids that are not ids are refused before sending, and the field keeps them.
    tokenizer->idsEdit()->setText(u"12, x7"_s);
    tokenizer->detokenize();
    QVERIFY(!tokenizer->isBusy());
    QCOMPARE(tokenizer->idsEdit()->text(), u"12, x7"_s);
    QString error;
    QVERIFY(!ui::TokenizerTab::parseIds(u"12, x7"_s, &error));
    QVERIFY2(error.contains(u"\"x7\""_s), qPrintable(error));
    QCOMPARE(*ui::TokenizerTab::parseIds(u"[1, 2,3]\n4"_s, &error), (QList<qint64>{1, 2, 3, 4}));
}

QTEST_MAIN(TestPlaygroundTabs)
#include "TestPlaygroundTabs.moc"
