// SPDX-License-Identifier: MIT
// Presenter mode and demo decks (issue 24) against the in-process sandbox over real sockets:
// a deck of five steps recorded across tabs, saved, reopened and played forward and back (each
// step's output equal to running it by hand); a rehearsal, then the show with the server stopped
// (every step shows its recording, marked); presenter mode on and off restoring the layout; the
// shipped offline deck playing every step live; editing a deck (move, delete with Undo).
#include "core/presenter/DemoDeck.h"
#include "sandbox/SandboxServer.h"
#include "tests/support/WindowServices.h"
#include "ui/MainWindow.h"
#include "ui/chat/ChatTab.h"
#include "ui/common/RunController.h"
#include "ui/completion/CompletionTab.h"
#include "ui/explanation/ExplanationTab.h"
#include "ui/presenter/DeckModel.h"
#include "ui/presenter/DeckPanel.h"
#include "ui/presenter/DeckPlayer.h"
#include "ui/presenter/PresenterBar.h"
#include "ui/presenter/PresenterMode.h"
#include "ui/presenter/PresenterNote.h"
#include "ui/presenter/SpotlightOverlay.h"
#include "ui/shell/ShellMenus.h"
#include "ui/steering/SteeringTab.h"
#include "ui/tokenizer/TokenizerTab.h"
#include "ui/translation/TranslationTab.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QToolBar>

using namespace Qt::StringLiterals;

class TestPresenter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void recordedDeckPlaysForwardAndBackAsByHand();
    void rehearsedDeckShowsRecordingsWhenTheServerIsDown();
    void presenterModeHidesAndRestoresTheLayout();
    void shippedOfflineDeckPlaysEveryStepLive();
    void deckEditingMovesDeletesAndUndoes();
    void readingPaceShowsStreamsGradually();
    void slowStepFallsBackToItsRecording();
    void unsavedDeckComesBackAfterRestart();

private:
    /// Runs five tabs by hand (completion, chat, explanation, translation, tokenizer), records
    /// each as a step (Run ▸ Record deck step) and returns what each tab showed.
    QStringList recordFiveSteps();
    /// Plays `row` (or next/previous when −2/−3) and waits until the step ended.
    ui::DeckPlayer::Outcome play(int row);
    /// What a tab shows as its answer: the text of its read-only text views and the cells of its
    /// tables.
    static QString shown(QWidget *tab);
    /// The tabs recordFiveSteps() runs, in its order.
    QList<QWidget *> fiveTabs() const;

    QTemporaryDir m_dir;
    std::unique_ptr<sandbox::EmbeddedSandbox> m_sandbox;
    testsupport::WindowServices m_stores;
    std::unique_ptr<ui::MainWindow> m_window;
    int m_counter = 0;
    QString m_lastDetail; // what the last step's end said
};

namespace {
constexpr int kNext = -2;
constexpr int kPrevious = -3;
constexpr int kPageDown = -4; // the key, as a presenter's clicker sends it
} // namespace

void TestPresenter::init()
{
    sandbox::SandboxOptions options;
    options.tokensPerSecond = 0; // no pacing: fast tests
    m_sandbox = std::make_unique<sandbox::EmbeddedSandbox>(options);
    QString error;
    QVERIFY2(m_sandbox->start(&error), qPrintable(error));
    QVERIFY2(m_stores.open(m_dir.path(), QString::number(++m_counter), &error), qPrintable(error));
    m_window = std::make_unique<ui::MainWindow>(m_stores.services(m_sandbox.get(), 0));
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    auto *model = m_window->completionTab()->findChild<QComboBox *>(u"model"_s);
    QTRY_VERIFY_WITH_TIMEOUT(model->currentText().startsWith(u"sandbox-"_s), 10000);
}

void TestPresenter::cleanup()
{
    m_window.reset();
    m_stores.close();
    m_sandbox.reset();
}

QString TestPresenter::shown(QWidget *tab)
{
    QStringList parts;
    for (QTextEdit *view : tab->findChildren<QTextEdit *>()) {
        if (view->isReadOnly())
            parts << view->objectName() + u": "_s + view->toPlainText();
    }
    for (QPlainTextEdit *view : tab->findChildren<QPlainTextEdit *>()) {
        if (view->isReadOnly())
            parts << view->objectName() + u": "_s + view->toPlainText();
    }
    for (QTableView *table : tab->findChildren<QTableView *>()) {
        const QAbstractItemModel *model = table->model();
        if (!model)
            continue;
        for (int row = 0; row < model->rowCount(); ++row)
            for (int column = 0; column < model->columnCount(); ++column)
                parts << model->index(row, column).data().toString();
    }
    return parts.join(u'\n');
}

namespace {

/// Shows `tab`, sets it up, runs it as its Run button does, waits for `finished`, records it as
/// a deck step with `record` and gives what it showed ("" when it did not finish).
template<class Tab, class Signal>
QString runByHand(QTabWidget *tabs,
    Tab *tab,
    Signal finished,
    const std::function<void()> &setUp,
    const std::function<void()> &run,
    QAction *record,
    const std::function<QString(QWidget *)> &shown)
{
    tabs->setCurrentWidget(tab);
    setUp();
    QSignalSpy spy(tab, finished);
    run();
    if (!spy.wait(20000))
        return {};
    const QString output = shown(tab);
    record->trigger();
    return output;
}

} // namespace

QStringList TestPresenter::recordFiveSteps()
{
    QAction *record = m_window->menus()->action(u"recordStepAction"_s);
    if (!record)
        return {};
    QTabWidget *tabs = m_window->tabs();
    ui::CompletionTab *completion = m_window->completionTab();
    ui::ChatTab *chat = m_window->chatTab();
    ui::ExplanationTab *explanation = m_window->explanationTab();
    ui::TranslationTab *translation = m_window->translationTab();
    ui::TokenizerTab *tokenizer = m_window->tokenizerTab();
    const auto text = [](QWidget *tab, const QString &name, const QString &value) {
        tab->findChild<QPlainTextEdit *>(name)->setPlainText(value);
    };
    QStringList outputs;
    outputs << runByHand(
        tabs,
        completion,
        &ui::CompletionTab::finished,
        [&] {
            text(completion, u"prompt"_s, u"The best way to learn a language is"_s);
            completion->findChild<QSpinBox *>(u"maximum_tokens"_s)->setValue(16);
        },
        [&] { completion->run(); },
        record,
        &shown);
    outputs << runByHand(
        tabs,
        chat,
        &ui::ChatTab::replyFinished,
        [&] { text(chat, u"input"_s, u"What is the capital of France?"_s); },
        [&] { chat->send(); },
        record,
        &shown);
    outputs << runByHand(
        tabs,
        explanation,
        &ui::ExplanationTab::finished,
        [&] {
            text(explanation, u"prompt"_s, u"Question: What is the capital of France?\nAnswer:"_s);
            text(explanation, u"target"_s, u" Paris"_s);
        },
        [&] { explanation->run(); },
        record,
        &shown);
    outputs << runByHand(
        tabs,
        translation,
        &ui::TranslationTab::finished,
        [&] {
            translation->setSource(u"The house is big and the garden is green."_s);
            translation->setTargetLanguage(u"de"_s);
        },
        [&] { translation->translate(); },
        record,
        &shown);
    outputs << runByHand(
        tabs,
        tokenizer,
        &ui::TokenizerTab::finished,
        [&] { tokenizer->setText(u"Presenter mode shows models to people who do not code."_s); },
        [&] { tokenizer->tokenize(); },
        record,
        &shown);
    outputs.removeAll(QString());
    return outputs;
}

QList<QWidget *> TestPresenter::fiveTabs() const
{
    return {m_window->completionTab(),
        m_window->chatTab(),
        m_window->explanationTab(),
        m_window->translationTab(),
        m_window->tokenizerTab()};
}

ui::DeckPlayer::Outcome TestPresenter::play(int row)
{
    ui::DeckPlayer *player = m_window->deckPlayer();
    QSignalSpy ended(player, &ui::DeckPlayer::stepEnded);
    if (row == kNext)
        player->next();
    else if (row == kPrevious)
        player->previous();
    else if (row == kPageDown)
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget()
                                                    : static_cast<QWidget *>(m_window.get()),
            Qt::Key_PageDown);
    else
        player->play(row);
    if (ended.isEmpty() && !ended.wait(30000))
        return ui::DeckPlayer::Outcome::Stopped;
    m_lastDetail = ended.last().at(2).toString();
    return ended.last().at(1).value<ui::DeckPlayer::Outcome>();
}

void TestPresenter::recordedDeckPlaysForwardAndBackAsByHand()
{
    const QStringList byHand = recordFiveSteps();
    QCOMPARE(byHand.size(), 5);
    for (const QString &output : byHand)
        QVERIFY2(output.size() > 20, qPrintable(output));
    ui::DeckModel *deck = m_window->deckModel();
    QCOMPARE(deck->stepCount(), 5);
    QCOMPARE(deck->step(0).tab, u"completion"_s);
    QCOMPARE(deck->step(1).tab, u"chat"_s);
    // The chat step asks its question again: the reply left the conversation, the question is
    // the input.
    QCOMPARE(
        deck->step(1).inputs.value(u"input"_s).toString(), u"What is the capital of France?"_s);
    QCOMPARE(deck->step(4).tab, u"tokenizer"_s);

    const QString path = m_dir.filePath(u"deck%1.json"_s.arg(m_counter));
    QVERIFY(m_window->deckPanel()->saveDeck(path));
    QVERIFY(!deck->isModified());
    // Save writes the same file again, without asking (a dialog would block this test).
    deck->setStepNote(0, u"One token at a time."_s);
    QVERIFY(deck->isModified());
    m_window->deckPanel()->save();
    QVERIFY(!deck->isModified());
    QCOMPARE(m_window->deckPanel()->filePath(), path);
    deck->setDeck({});
    QCOMPARE(deck->stepCount(), 0);
    QVERIFY(m_window->deckPanel()->openDeck(path));
    QCOMPARE(deck->stepCount(), 5);

    // Other inputs meanwhile: playing must put the step's back.
    m_window->completionTab()
        ->findChild<QPlainTextEdit *>(u"prompt"_s)
        ->setPlainText(u"Something else"_s);
    m_window->tokenizerTab()->setText(u"other"_s);

    const QList<QWidget *> tabs = fiveTabs();
    for (int row = 0; row < 5; ++row) {
        QCOMPARE(play(kNext), ui::DeckPlayer::Outcome::Live);
        QCOMPARE(m_window->deckPlayer()->current(), row);
        QCOMPARE(m_window->tabs()->currentWidget(), tabs.at(row));
        QCOMPARE(shown(tabs.at(row)), byHand.at(row));
    }
    for (int row = 3; row >= 0; --row) {
        QCOMPARE(play(kPrevious), ui::DeckPlayer::Outcome::Live);
        QCOMPARE(m_window->deckPlayer()->current(), row);
        QCOMPARE(shown(tabs.at(row)), byHand.at(row));
    }
    // Nothing before the first step.
    QSignalSpy started(m_window->deckPlayer(), &ui::DeckPlayer::stepStarted);
    m_window->deckPlayer()->previous();
    QCOMPARE(started.size(), 0);
}

void TestPresenter::rehearsedDeckShowsRecordingsWhenTheServerIsDown()
{
    const QStringList byHand = recordFiveSteps();
    QCOMPARE(byHand.size(), 5);
    ui::DeckPanel *panel = m_window->deckPanel();
    QSignalSpy rehearsed(m_window->deckPlayer(), &ui::DeckPlayer::rehearsalFinished);
    panel->rehearse();
    QVERIFY(rehearsed.wait(60000));
    QCOMPARE(rehearsed.first().at(0).toInt(), 5);
    QCOMPARE(rehearsed.first().at(1).toInt(), 5);
    QVERIFY(panel->statusLabel()->text().contains(u"5 of 5"_s));

    // The deck file carries the answers.
    const QString path = m_dir.filePath(u"rehearsed%1.json"_s.arg(m_counter));
    QVERIFY(panel->saveDeck(path));
    m_window->deckModel()->setDeck({});
    QVERIFY(panel->openDeck(path));
    QCOMPARE(m_window->deckModel()->deck().recordedSteps(), 5);

    // The show, with the server gone: every request fails, every step shows its recording at
    // once, without waiting through the client's retries (8 of them, 30 s apart here).
    m_sandbox.reset();
    core::ClientConfig config = m_stores.client->config();
    config.retry.totalRetries = 8;
    config.retry.firstDelayMs = 30000;
    m_stores.client->setConfig(config);
    m_window->presenterMode()->enter();
    ui::PresenterBar *bar = m_window->presenterMode()->bar();
    const QList<QWidget *> tabs = fiveTabs();
    for (int row = 0; row < 5; ++row) {
        QCOMPARE(play(kNext), ui::DeckPlayer::Outcome::Recording);
        QVERIFY2(!m_lastDetail.startsWith(u"No answer"_s), qPrintable(m_lastDetail));
        QVERIFY(bar->recordingMark()->isVisible());
        QVERIFY2(bar->recordingMark()->text().contains(u"RECORDING"_s),
            qPrintable(bar->recordingMark()->text()));
        QCOMPARE(shown(tabs.at(row)), byHand.at(row));
    }
    m_window->presenterMode()->leave();
    QVERIFY(!bar->isVisible());
}

void TestPresenter::presenterModeHidesAndRestoresTheLayout()
{
    ui::MainWindow *w = m_window.get();
    QDockWidget *history = w->findChild<QDockWidget *>(u"historyDock"_s);
    QVERIFY(history);
    history->show();
    w->tabs()->setCurrentWidget(w->completionTab());
    auto *parameters = w->completionTab()->findChild<QWidget *>(u"completionParameters"_s);
    // The layout as a person sees it: which docks and toolbars show, and where.
    const auto layout = [w] {
        QStringList parts;
        for (QDockWidget *dock : w->findChildren<QDockWidget *>())
            parts << u"%1 %2 %3"_s.arg(dock->objectName())
                         .arg(dock->isVisible())
                         .arg(int(w->dockWidgetArea(dock)));
        for (QToolBar *toolbar : w->findChildren<QToolBar *>())
            parts << u"%1 %2"_s.arg(toolbar->objectName()).arg(toolbar->isVisible());
        return parts;
    };
    const QStringList before = layout();
    const QList<QAction *> actionsBefore = w->actions();
    QVERIFY(before.contains(u"historyDock 1 8"_s)); // shown, at the bottom
    const QRect geometry = w->geometry();
    const qreal pointSize = QApplication::font().pointSizeF();
    QVERIFY(parameters);
    QVERIFY(parameters->isVisible());

    ui::PresenterMode *mode = w->presenterMode();
    QAction *toggle = mode->toggleAction();
    QCOMPARE(toggle->shortcut(), QKeySequence(Qt::Key_F5));
    w->saveDrafts();
    const QVariantMap windowDraft = m_stores.drafts->load(u"window"_s);
    QVERIFY(windowDraft.contains(u"geometry"_s));
    // F5 presents; the keys reach the window's actions as a person's would.
    QApplication::setActiveWindow(w);
    QVERIFY(QTest::qWaitForWindowActive(w));
    QTest::keyClick(w, Qt::Key_F5);
    QVERIFY(mode->isActive());
    QVERIFY(w->isFullScreen());
    QVERIFY(!w->menuBar()->isVisible());
    QVERIFY(!w->statusBar()->isVisible());
    QVERIFY(!history->isVisible());
    QVERIFY(mode->bar()->isVisible());
    QVERIFY(!w->bannerLabel()->isVisible());
    QVERIFY(!parameters->isVisible());
    // Larger type: 150 %, or the largest size below it at which the window fits its screen.
    const int applied = mode->appliedTextSize();
    QVERIFY(applied >= 100 && applied <= mode->presenterTextSize());
    QCOMPARE(QApplication::font().pointSizeF(), pointSize * applied / 100.0);
    const QSize screen = w->screen()->availableGeometry().size();
    QVERIFY(applied == 100
        || (w->minimumSizeHint().width() <= screen.width()
            && w->minimumSizeHint().height() <= screen.height()));
    if (applied < mode->presenterTextSize()) {
        // One step larger would not have fitted.
        mode->setPresenterTextSize(applied + 10);
        QCOMPARE(mode->appliedTextSize(), applied);
        mode->setPresenterTextSize(150);
    }
    QVERIFY2(mode->bar()->modelLabel()->text().contains(u"sandbox-"_s),
        qPrintable(mode->bar()->modelLabel()->text()));
    QVERIFY(mode->bar()->modelLabel()->text().contains(u"synthetic"_s));
    // While presenting, the drafts keep the window's own layout, never the full screen.
    w->saveDrafts();
    QCOMPARE(m_stores.drafts->load(u"window"_s), windowDraft);
    // The menus' shortcuts still work with the menu bar hidden: every action is the window's.
    for (QAction *action : w->menus()->actions())
        QVERIFY2(w->actions().contains(action), qPrintable(action->objectName()));

    // The one Run button runs the tab; Esc belongs to Stop while it runs, and leaves after.
    QAction *leave = w->findChild<QAction *>(u"leavePresenterAction"_s);
    QVERIFY(leave);
    QCOMPARE(leave->shortcut(), QKeySequence(Qt::Key_Escape));
    QVERIFY(leave->isEnabled());
    w->completionTab()
        ->findChild<QPlainTextEdit *>(u"prompt"_s)
        ->setPlainText(u"Once upon a time"_s);
    QSignalSpy finished(w->completionTab(), &ui::CompletionTab::finished);
    mode->bar()->runButton()->click();
    QVERIFY(!leave->isEnabled() || finished.size() == 1);
    QVERIFY(finished.size() == 1 || finished.wait(20000));
    QTRY_VERIFY(leave->isEnabled());

    // Spotlight and pointer: the overlay covers the window and lights one panel.
    mode->spotlightAction()->trigger();
    QVERIFY(mode->overlay()->isVisible());
    QCOMPARE(mode->overlay()->geometry(), w->rect());
    QCursor::setPos(w->completionTab()->mapToGlobal(w->completionTab()->rect().center()));
    QTRY_VERIFY(mode->overlay()->spotlit() != nullptr);
    mode->noteAction()->trigger();
    QVERIFY(mode->note()->corner()->isVisible());

    // Esc leaves now that nothing runs (Run ▸ Stop, which owns Esc while a run goes, is off).
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : w, Qt::Key_Escape);
    QVERIFY(!mode->isActive());
    QVERIFY(!toggle->isChecked());
    QVERIFY(!w->isFullScreen());
    QVERIFY(w->menuBar()->isVisible());
    QVERIFY(w->statusBar()->isVisible());
    QVERIFY(history->isVisible());
    QVERIFY(!mode->bar()->isVisible());
    QVERIFY(!mode->overlay()->isVisible());
    QVERIFY(!mode->note()->corner()->isVisible());
    QVERIFY(w->bannerLabel()->isVisible());
    QVERIFY(parameters->isVisible());
    QCOMPARE(QApplication::font().pointSizeF(), pointSize);
    QCOMPARE(layout(), before);
    QTRY_COMPARE(w->geometry(), geometry);
    QCOMPARE(w->actions(), actionsBefore);
}

void TestPresenter::shippedOfflineDeckPlaysEveryStepLive()
{
    ui::DeckPanel *panel = m_window->deckPanel();
    QVERIFY(panel->openDeck(u":/decks/offline-sandbox.json"_s));
    ui::DeckModel *deck = m_window->deckModel();
    QCOMPARE(deck->stepCount(), 6);
    QVERIFY(panel->filePath().isEmpty()); // a sample is saved elsewhere, never over itself
    m_window->presenterMode()->enter();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    for (int row = 0; row < deck->stepCount(); ++row) {
        const ui::DeckPlayer::Outcome outcome = play(kPageDown);
        ui::PlaygroundTab *tab
            = qobject_cast<ui::PlaygroundTab *>(m_window->tabs()->currentWidget());
        QVERIFY(tab);
        QCOMPARE(tab->tabKey(), deck->step(row).tab);
        QVERIFY2(outcome == ui::DeckPlayer::Outcome::Live,
            qPrintable(u"step %1 (%2) ended %3: %4"_s.arg(row + 1)
                           .arg(deck->stepLabel(row))
                           .arg(int(outcome))
                           .arg(m_lastDetail)));
        QCOMPARE(m_window->presenterMode()->note()->note(), deck->step(row).note);
    }
    // The steering step made its concept from the pairs and ran A and B.
    QVERIFY(!m_window->steeringTab()->conceptId().isEmpty());
    m_window->presenterMode()->leave();

    // A rehearsal records the four steps whose tab can show a recorded answer, and names the two
    // that will run live.
    QSignalSpy rehearsed(m_window->deckPlayer(), &ui::DeckPlayer::rehearsalFinished);
    panel->rehearse();
    QVERIFY(rehearsed.wait(60000));
    QCOMPARE(rehearsed.first().at(0).toInt(), 4);
    const QStringList problems = rehearsed.first().at(2).toStringList();
    QCOMPARE(problems.size(), 2);
    QVERIFY2(problems.at(0).startsWith(u"Step 4 (Steer the tone): this tab cannot show"_s),
        qPrintable(problems.at(0)));
    QVERIFY2(
        problems.at(1).startsWith(u"Step 5 (Map texts by meaning)"_s), qPrintable(problems.at(1)));
    QVERIFY(!deck->step(3).recording && !deck->step(4).recording && deck->step(5).recording);
}

void TestPresenter::deckEditingMovesDeletesAndUndoes()
{
    ui::DeckPanel *panel = m_window->deckPanel();
    ui::DeckModel *deck = m_window->deckModel();
    QVERIFY(panel->findChild<QLabel *>(u"deckEmpty"_s)->isVisibleTo(panel));
    for (QWidget *tab : {static_cast<QWidget *>(m_window->completionTab()),
             static_cast<QWidget *>(m_window->translationTab()),
             static_cast<QWidget *>(m_window->tokenizerTab())}) {
        m_window->tabs()->setCurrentWidget(tab);
        panel->selectRow(deck->stepCount() - 1);
        panel->recordStep();
    }
    QCOMPARE(deck->stepCount(), 3);
    QVERIFY(deck->isModified());
    QVERIFY(!panel->findChild<QLabel *>(u"deckEmpty"_s)->isVisibleTo(panel));
    deck->setStepNote(1, u"Point at the score."_s);
    deck->setStepTitle(1, u"Translate"_s);
    QVERIFY(deck->data(deck->index(1)).toString().contains(u"Translate"_s));
    QVERIFY(
        deck->data(deck->index(1), Qt::ToolTipRole).toString().contains(u"Point at the score."_s));

    panel->selectRow(1);
    panel->moveSelected(1);
    QCOMPARE(deck->step(2).tab, u"translation"_s);
    QCOMPARE(panel->selectedRow(), 2);
    panel->moveSelected(1); // already last
    QCOMPARE(deck->step(2).tab, u"translation"_s);

    panel->deleteSelected();
    QCOMPARE(deck->stepCount(), 2);
    QVERIFY(panel->undoButton()->isVisibleTo(panel));
    panel->undoButton()->click();
    QCOMPARE(deck->stepCount(), 3);
    QCOMPARE(deck->step(2).tab, u"translation"_s);
    QCOMPARE(deck->step(2).note, u"Point at the score."_s);
    QVERIFY(!panel->undoButton()->isVisibleTo(panel));

    // A file that is not a deck is refused, and the deck on show stays.
    const QString bad = m_dir.filePath(u"bad%1.json"_s.arg(m_counter));
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format":"aleph-playground.deck","version":1,"steps":[{"tab":"nope"}]})");
    file.close();
    deck->setModified(false);
    QVERIFY(!panel->openDeck(bad));
    QVERIFY2(panel->statusLabel()->text().contains(u"steps[0]: tab"_s),
        qPrintable(panel->statusLabel()->text()));
    QCOMPARE(deck->stepCount(), 3);
}

void TestPresenter::readingPaceShowsStreamsGradually()
{
    ui::CompletionTab *tab = m_window->completionTab();
    m_window->tabs()->setCurrentWidget(tab);
    tab->findChild<QPlainTextEdit *>(u"prompt"_s)->setPlainText(u"The history of the bicycle"_s);
    tab->findChild<QSpinBox *>(u"maximum_tokens"_s)->setValue(40);
    const auto runAndCollect = [tab](QList<int> *lengths) {
        QSignalSpy finished(tab, &ui::CompletionTab::finished);
        tab->run();
        QTextEdit *view = tab->outputViews().first();
        const QMetaObject::Connection c
            = connect(view, &QTextEdit::textChanged, view, [view, lengths] {
                  lengths->append(int(view->toPlainText().size()));
              });
        const bool ok = finished.wait(30000);
        disconnect(c);
        return ok ? view->toPlainText() : QString();
    };
    // As it arrives (the sandbox sends at once): the reference text.
    QList<int> direct;
    const QString reference = runAndCollect(&direct);
    QVERIFY(reference.size() > 40);

    ui::PresenterMode *mode = m_window->presenterMode();
    mode->enter();
    QComboBox *pace = mode->bar()->paceBox();
    pace->setCurrentIndex(pace->findData(90)); // fast: 90 characters a second
    QCOMPARE(ui::RunController::readingPace(), 90);
    QList<int> paced;
    const QString shownPaced = runAndCollect(&paced);
    // The same text, shown in many small steps, and the run ended only once all of it was on show.
    QCOMPARE(shownPaced, reference);
    QVERIFY2(paced.size() >= 10, qPrintable(QString::number(paced.size())));
    // As it arrived, the text came in larger pieces.
    QVERIFY2(
        paced.size() > direct.size(), qPrintable(u"%1 %2"_s.arg(paced.size()).arg(direct.size())));
    mode->leave();
    QCOMPARE(ui::RunController::readingPace(), 0);
}

void TestPresenter::slowStepFallsBackToItsRecording()
{
    // One completion step, rehearsed on the fast sandbox.
    ui::CompletionTab *tab = m_window->completionTab();
    m_window->tabs()->setCurrentWidget(tab);
    tab->findChild<QPlainTextEdit *>(u"prompt"_s)->setPlainText(u"A slow answer about rivers"_s);
    tab->findChild<QSpinBox *>(u"maximum_tokens"_s)->setValue(24);
    m_window->deckPanel()->recordStep();
    QSignalSpy rehearsed(m_window->deckPlayer(), &ui::DeckPlayer::rehearsalFinished);
    m_window->deckPanel()->rehearse();
    QVERIFY(rehearsed.wait(30000));
    QCOMPARE(rehearsed.first().at(0).toInt(), 1);
    const QString rehearsedOutput = shown(tab);

    // The show on a sandbox that sends two tokens a second: no answer within the second the
    // deck allows, so the step stops and shows its recording.
    sandbox::SandboxOptions slowOptions;
    slowOptions.tokensPerSecond = 2;
    sandbox::EmbeddedSandbox slow(slowOptions);
    QString error;
    QVERIFY2(slow.start(&error), qPrintable(error));
    core::ClientConfig config = m_stores.client->config();
    config.baseUrl = slow.baseUrl();
    config.token = slow.token();
    m_stores.client->setConfig(config);
    auto *fallback = m_window->deckPanel()->findChild<QSpinBox *>(u"fallbackSeconds"_s);
    QVERIFY(fallback);
    fallback->setValue(1);
    QCOMPARE(m_window->deckPlayer()->fallbackAfterMs(), 1000);
    m_window->presenterMode()->enter();
    QCOMPARE(play(0), ui::DeckPlayer::Outcome::Recording);
    QCOMPARE(m_lastDetail, u"No answer after 1 s."_s);
    QVERIFY(!tab->canStop()); // the slow run was stopped
    QVERIFY(m_window->presenterMode()->bar()->recordingMark()->isVisible());
    QCOMPARE(shown(tab), rehearsedOutput);
    m_window->presenterMode()->leave();
}

void TestPresenter::unsavedDeckComesBackAfterRestart()
{
    ui::DeckPanel *panel = m_window->deckPanel();
    m_window->tabs()->setCurrentWidget(m_window->translationTab());
    m_window->translationTab()->setSource(u"Nothing a person builds is lost."_s);
    panel->recordStep();
    m_window->tabs()->setCurrentWidget(m_window->tokenizerTab());
    panel->recordStep();
    m_window->deckModel()->setStepNote(1, u"Count the tokens."_s);
    m_window->deckModel()->setTitle(u"Unsaved"_s);
    QVERIFY(m_window->deckModel()->isModified());
    m_window->saveDrafts(); // as closing the window does

    m_window = std::make_unique<ui::MainWindow>(m_stores.services(m_sandbox.get(), 0));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    ui::DeckModel *deck = m_window->deckModel();
    QTRY_COMPARE(deck->stepCount(), 2);
    QCOMPARE(deck->deck().title, u"Unsaved"_s);
    QCOMPARE(deck->step(0).tab, u"translation"_s);
    QCOMPARE(
        deck->step(0).inputs.value(u"source"_s).toString(), u"Nothing a person builds is lost."_s);
    QCOMPARE(deck->step(1).note, u"Count the tokens."_s);
    QVERIFY(deck->isModified()); // still not saved to a file: opening another deck asks first
}

QTEST_MAIN(TestPresenter)
#include "TestPresenter.moc"
