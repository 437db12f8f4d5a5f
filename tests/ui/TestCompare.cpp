// SPDX-License-Identifier: MIT
// Compare in the Completion and Chat tabs (issue 23), driven with QTest against the embedded
// sandbox over real sockets: three columns streaming at once, each column's text what the same
// request sent alone gets; Esc stops every column; synced chat columns; Promote; View code with
// each column's request.
#include "core/net/ApiClient.h"
#include "sandbox/SandboxServer.h"
#include "ui/MainWindow.h"
#include "ui/chat/ChatTab.h"
#include "ui/codeview/CodeDialog.h"
#include "ui/compare/ChatCompare.h"
#include "ui/compare/ChatCompareColumn.h"
#include "ui/compare/CompareView.h"
#include "ui/compare/CompletionCompare.h"
#include "ui/compare/CompletionCompareColumn.h"
#include "ui/completion/CompletionTab.h"
#include "ui/completion/CompletionView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>
#include <QTextBlock>
#include <QTextEdit>
#include <QToolButton>

using namespace Qt::StringLiterals;

class TestCompare : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void completionColumnsStreamAtOnceAndEqualTheirRequestAlone();
    void escapeStopsEveryColumn();
    void chatColumnsAreSyncedConversations();

private:
    /// Sends `request` alone (streamed, as the columns do) and returns the first text.
    QString completeAlone(const core::CompletionRequest &request);
    QString chatAlone(const core::ChatRequest &request);
    /// Turns Compare on in `tab` and adds columns until there are three.
    template<class Tab>
    void compareThree(Tab *tab);

    std::unique_ptr<sandbox::EmbeddedSandbox> m_sandbox;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<core::ApiClient> m_client;
    std::unique_ptr<ui::MainWindow> m_window;
};

template<class T>
static T *child(QObject *parent, const QString &name)
{
    T *w = parent->findChild<T *>(name);
    if (!w)
        qWarning("no child %s", qPrintable(name));
    return w;
}

void TestCompare::initTestCase()
{
    sandbox::SandboxOptions options;
    options.tokensPerSecond = 400; // streamed, at a pace Esc can interrupt
    m_sandbox = std::make_unique<sandbox::EmbeddedSandbox>(options);
    QString error;
    QVERIFY2(m_sandbox->start(&error), qPrintable(error));
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_nam->setProxy(QNetworkProxy::NoProxy);
    core::ClientConfig config;
    config.baseUrl = m_sandbox->baseUrl();
    config.token = m_sandbox->token();
    config.retry.totalRetries = 0;
    m_client = std::make_unique<core::ApiClient>(m_nam.get(), config);
}

void TestCompare::init()
{
    m_window = std::make_unique<ui::MainWindow>(m_client.get());
    m_window->resize(1440, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->refreshModels();
    QTRY_COMPARE_WITH_TIMEOUT(
        child<QComboBox>(m_window->completionTab(), u"model"_s)->currentText(),
        u"sandbox-luminous-base"_s,
        10000);
}

void TestCompare::cleanup()
{
    m_window.reset();
}

QString TestCompare::completeAlone(const core::CompletionRequest &request)
{
    std::unique_ptr<core::CompletionStreamJob> job(m_client->completeStreaming(request));
    job->setAutoDelete(false);
    QSignalSpy finished(job.get(), &core::ApiJob::finished);
    if (!finished.wait(20000) || job->state() != core::ApiJob::State::Succeeded)
        return u"(failed)"_s;
    return job->result().completions.value(0).completion.value_or(QString());
}

QString TestCompare::chatAlone(const core::ChatRequest &request)
{
    std::unique_ptr<core::ChatStreamJob> job(m_client->chatStreaming(request));
    job->setAutoDelete(false);
    QSignalSpy finished(job.get(), &core::ApiJob::finished);
    if (!finished.wait(20000) || job->state() != core::ApiJob::State::Succeeded)
        return u"(failed)"_s;
    return job->text();
}

template<class Tab>
void TestCompare::compareThree(Tab *tab)
{
    m_window->tabs()->setCurrentWidget(tab);
    QToolButton *toggle = tab->compare()->toggle();
    QVERIFY(toggle->isVisible());
    toggle->click();
    QVERIFY(tab->compare()->isActive());
    ui::CompareView *view = tab->compare()->view();
    QVERIFY(view->isVisible());
    QCOMPARE(view->columnCount(), 2);
    child<QPushButton>(view, u"addColumn"_s)->click();
    QCOMPARE(view->columnCount(), 3);
}

void TestCompare::completionColumnsStreamAtOnceAndEqualTheirRequestAlone()
{
    ui::CompletionTab *tab = m_window->completionTab();
    child<QSpinBox>(tab, u"maximum_tokens"_s)->setValue(12);
    child<QCheckBox>(tab, u"stream"_s)->setChecked(true);
    QPlainTextEdit *prompt = child<QPlainTextEdit>(tab, u"prompt"_s);
    prompt->setPlainText(u"The harbour town woke up slowly, and the fishermen"_s);
    compareThree(tab);
    const QList<ui::CompletionCompareColumn *> columns = tab->compare()->columns();

    // Column A is the tab's settings; B the other model; C B's with another temperature.
    QCOMPARE(columns.at(0)->modelPicker()->model(), u"sandbox-luminous-base"_s);
    QCOMPARE(columns.at(1)->modelPicker()->model(), u"sandbox-llama-3.1-8b-instruct"_s);
    QCOMPARE(columns.at(2)->modelPicker()->model(), u"sandbox-llama-3.1-8b-instruct"_s);
    QCOMPARE(columns.at(2)->request(core::Prompt(), nullptr).temperature.value_or(-1), 0.5);
    QVERIFY2(columns.at(1)->differencesText().contains(u"sandbox-llama"_s),
        qPrintable(columns.at(1)->differencesText()));
    QVERIFY2(columns.at(2)->differencesText().contains(u"temperature 0.5"_s),
        qPrintable(columns.at(2)->differencesText()));
    // C asks for log-probabilities: its tokens come shaded.
    child<QSpinBox>(columns.at(2)->parametersDialog(), u"log_probs"_s)->setValue(2);

    QSignalSpy finished(tab, &ui::CompletionTab::finished);
    prompt->setFocus();
    QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier);
    for (ui::CompletionCompareColumn *column : columns)
        QVERIFY(column->isBusy()); // all stream at once
    QVERIFY(tab->isBusy());
    QVERIFY(finished.wait(20000));
    QVERIFY(!tab->isBusy());

    const core::Prompt sent = core::Prompt::fromText(prompt->toPlainText());
    for (ui::CompletionCompareColumn *column : columns) {
        QVERIFY(column->response().has_value());
        QString error;
        const core::CompletionRequest request = column->request(sent, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString alone = completeAlone(request);
        QVERIFY(!alone.isEmpty());
        QCOMPARE(column->response()->completions.value(0).completion.value_or(QString()), alone);
        QCOMPARE(column->view()->toPlainText(), alone);
        const QString stats = column->statsText();
        QVERIFY2(stats.contains(u"first token"_s) && stats.contains(u"finish: maximum_tokens"_s)
                && stats.contains(u"12 tokens"_s),
            qPrintable(stats));
    }
    QVERIFY(columns.at(2)->view()->tokenCount() > 0);
    QCOMPARE(columns.at(0)->view()->tokenCount(), 0);
    // The sandbox's models write alike; another temperature writes otherwise.
    QVERIFY(columns.at(0)->view()->toPlainText() != columns.at(2)->view()->toPlainText());

    // Word-by-word differences: C and A differ, so both have highlights.
    child<QCheckBox>(tab->compare()->view(), u"highlightDifferences"_s)->setChecked(true);
    QVERIFY(columns.at(0)->highlightCount() > 0);
    QVERIFY(columns.at(2)->highlightCount() > 0);
    QCOMPARE(columns.at(1)->highlightCount() > 0,
        columns.at(0)->view()->toPlainText() != columns.at(1)->view()->toPlainText());

    // View code lists each column's request.
    m_window->viewCode();
    auto *dialog = m_window->findChild<ui::CodeDialog *>(u"codeDialog"_s);
    QVERIFY(dialog);
    QCOMPARE(dialog->callCount(), 3);
    for (int i = 0; i < 3; ++i) {
        dialog->showCall(i);
        const QString curl = dialog->code(core::CodeLanguage::Curl);
        QVERIFY2(curl.contains(columns.at(i)->modelPicker()->model()), qPrintable(curl));
        QVERIFY2(curl.contains(u"harbour town"_s), qPrintable(curl));
        QCOMPARE(curl.contains(u"\"log_probs\""_s), i == 2);
    }
    dialog->close();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);

    // Promote B: its model, parameters and output become the tab's single view.
    const QString textB = columns.at(1)->view()->toPlainText();
    child<QToolButton>(columns.at(1), u"promote"_s)->click();
    QVERIFY(!tab->compare()->isActive());
    QVERIFY(!tab->compare()->view()->isVisible());
    QCOMPARE(child<QComboBox>(tab, u"model"_s)->currentText(), u"sandbox-llama-3.1-8b-instruct"_s);
    QCOMPARE(tab->outputViews().first()->toPlainText(), textB);
    QVERIFY(tab->outputViews().first()->isVisible());
    QCOMPARE(prompt->toPlainText(), sent.text());
}

void TestCompare::escapeStopsEveryColumn()
{
    ui::CompletionTab *tab = m_window->completionTab();
    child<QSpinBox>(tab, u"maximum_tokens"_s)->setValue(1000);
    child<QCheckBox>(tab, u"stream"_s)->setChecked(true);
    QPlainTextEdit *prompt = child<QPlainTextEdit>(tab, u"prompt"_s);
    prompt->setPlainText(u"Tell a very long story about a lighthouse keeper."_s);
    compareThree(tab);
    const QList<ui::CompletionCompareColumn *> columns = tab->compare()->columns();
    prompt->setFocus();
    QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier);
    // Every column has streamed something, then Esc.
    for (ui::CompletionCompareColumn *column : columns)
        QTRY_VERIFY_WITH_TIMEOUT(!column->view()->toPlainText().isEmpty(), 10000);
    QVERIFY(tab->isBusy());
    QSignalSpy finished(tab, &ui::CompletionTab::finished);
    QTest::keyClick(prompt, Qt::Key_Escape);
    QCOMPARE(finished.size(), 1); // cancelling ends the jobs at once
    QVERIFY(!tab->isBusy());
    for (ui::CompletionCompareColumn *column : columns) {
        QVERIFY(!column->isBusy());
        QVERIFY2(column->statsText().startsWith(u"Stopped."_s), qPrintable(column->statsText()));
        QVERIFY(!column->view()->toPlainText().isEmpty()); // the partial text is kept
        QVERIFY(!column->response().has_value());
    }
}

void TestCompare::chatColumnsAreSyncedConversations()
{
    ui::ChatTab *tab = m_window->chatTab();
    QTRY_COMPARE_WITH_TIMEOUT(child<QComboBox>(tab, u"model"_s)->currentText(),
        u"sandbox-llama-3.1-8b-instruct"_s,
        10000);
    child<QSpinBox>(tab, u"max_tokens"_s)->setValue(24);
    compareThree(tab);
    const QList<ui::ChatCompareColumn *> columns = tab->compare()->columns();
    // One chat model in the sandbox: B and C change the temperature.
    QCOMPARE(columns.at(1)->options().value(u"temperature"_s).toDouble(), 0.5);
    QCOMPARE(columns.at(2)->options().value(u"temperature"_s).toDouble(), 1.0);
    QCOMPARE(columns.at(2)->options().value(u"max_tokens"_s).toInt(), 24);

    QPlainTextEdit *input = child<QPlainTextEdit>(tab, u"input"_s);
    const auto sendAndCheck = [&](const QString &text) {
        QList<core::ChatRequest> requests;
        for (ui::ChatCompareColumn *column : columns) {
            QString error;
            requests << column->request(QString(), text, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        QSignalSpy finished(tab, &ui::ChatTab::replyFinished);
        input->setFocus();
        QTest::keyClicks(input, text);
        QTest::keyClick(input, Qt::Key_Return, Qt::ControlModifier);
        for (ui::ChatCompareColumn *column : columns)
            QVERIFY(column->isBusy());
        QVERIFY(finished.wait(20000));
        QVERIFY(input->toPlainText().isEmpty());
        for (int i = 0; i < columns.size(); ++i) {
            const QList<core::ChatMessage> messages = columns.at(i)->conversation().messagesUpTo();
            QCOMPARE(messages.at(messages.size() - 2).text(), text);
            QCOMPARE(messages.last().role, u"assistant"_s);
            // Each column's reply is what its request, sent alone, gets.
            QCOMPARE(messages.last().text(), chatAlone(requests.at(i)));
            QVERIFY2(columns.at(i)->statsText().contains(u"first token"_s),
                qPrintable(columns.at(i)->statsText()));
        }
    };
    sendAndCheck(u"Hello, who are you?"_s);
    const QString firstReplyA = columns.at(0)->conversation().messagesUpTo().at(1).text();
    const QString firstReplyB = columns.at(1)->conversation().messagesUpTo().at(1).text();
    QVERIFY(firstReplyA != firstReplyB);
    // The second message goes to every column; each keeps (and sends) its own first reply.
    sendAndCheck(u"Tell me more."_s);
    for (ui::ChatCompareColumn *column : columns)
        QCOMPARE(column->conversation().messagesUpTo().size(), 4);
    QCOMPARE(columns.at(0)->conversation().messagesUpTo().at(1).text(), firstReplyA);
    QCOMPARE(columns.at(1)->conversation().messagesUpTo().at(1).text(), firstReplyB);
    QVERIFY(tab->messages().isEmpty()); // the tab's own conversation waits for a Promote

    // Word-by-word differences mark what was said, never the links and token counts under a
    // header (each column's counts differ).
    auto *highlight = child<QCheckBox>(tab->compare()->view(), u"highlightDifferences"_s);
    highlight->setChecked(true);
    QVERIFY(columns.at(1)->highlightCount() > 0);
    for (ui::ChatCompareColumn *column : columns) {
        for (const QTextEdit::ExtraSelection &marked : column->outputView()->extraSelections()) {
            const QString line = marked.cursor.block().text();
            QVERIFY2(!line.contains(u"tokens"_s), qPrintable(line));
        }
    }
    highlight->setChecked(false);

    // Regenerate: every column makes a second branch of its newest reply.
    QSignalSpy finished(tab, &ui::ChatTab::replyFinished);
    child<QPushButton>(tab, u"regenerate"_s)->click();
    QVERIFY(finished.wait(20000));
    for (ui::ChatCompareColumn *column : columns) {
        const core::Conversation &c = column->conversation();
        QCOMPARE(c.siblingPosition(c.activePath().last()), std::make_pair(1, 2));
    }

    // View code: each column's request with the message being typed.
    input->setPlainText(u"Pending question"_s);
    m_window->viewCode();
    auto *dialog = m_window->findChild<ui::CodeDialog *>(u"codeDialog"_s);
    QVERIFY(dialog);
    QCOMPARE(dialog->callCount(), 3);
    for (int i = 0; i < 3; ++i) {
        dialog->showCall(i);
        const QString curl = dialog->code(core::CodeLanguage::Curl);
        QVERIFY2(curl.contains(u"Pending question"_s), qPrintable(curl));
        QCOMPARE(curl.contains(u"\"temperature\": 0.5"_s), i == 1);
    }
    dialog->close();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);

    // Promote C: its conversation (with its branches), model and options are the chat's.
    const core::Conversation promoted = columns.at(2)->conversation();
    child<QToolButton>(columns.at(2), u"promote"_s)->click();
    QVERIFY(!tab->compare()->isActive());
    QCOMPARE(tab->messages().size(), promoted.messagesUpTo().size());
    QCOMPARE(tab->messages().last().text(), promoted.messagesUpTo().last().text());
    QCOMPARE(tab->conversation().nodeCount(), promoted.nodeCount());
    QCOMPARE(child<QDoubleSpinBox>(tab, u"temperature"_s)->value(), 1.0);
    QVERIFY(tab->transcript()->isVisible());
}

QTEST_MAIN(TestCompare)
#include "TestCompare.moc"
