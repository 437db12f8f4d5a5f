// SPDX-License-Identifier: MIT
// The Steering tab driven with QTest on the offscreen platform against the sandbox over loopback:
// pairs checked before sending, a concept created and kept in the SQLite library across a
// restart, rename/duplicate/delete with undo, re-creating on another server, CSV round trips,
// A/B streams through /complete and /chat/completions, and the Completion and Chat tabs applying
// a concept from the library.
#include "core/net/ApiClient.h"
#include "core/storage/Database.h"
#include "core/storage/HistoryStore.h"
#include "core/storage/SteeringLibrary.h"
#include "tests/support/SandboxClient.h"
#include "ui/MainWindow.h"
#include "ui/chat/ChatTab.h"
#include "ui/common/Palette.h"
#include "ui/completion/CompletionTab.h"
#include "ui/steering/SteeringTab.h"

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {

const QList<core::SteeringConceptExample> kFood{
    {u"The car drove down the road."_s, u"The pizza with cheese and fresh tomatoes."_s, {}},
    {u"I fixed the engine."_s, u"I baked bread and a good soup."_s, {}},
};

/// A cell of a tab's table as shown: its text, tool tip and background colour.
QString cellText(const QTableView *table, int row, int column)
{
    return table->model()->index(row, column).data().toString();
}

QString cellToolTip(const QTableView *table, int row, int column)
{
    return table->model()->index(row, column).data(Qt::ToolTipRole).toString();
}

QColor cellBackground(const QTableView *table, int row, int column)
{
    return table->model()->index(row, column).data(Qt::BackgroundRole).value<QBrush>().color();
}

} // namespace

class TestSteering : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void pairsAreCheckedBeforeSending();
    void ctrlNEditsTheNewRow();
    void createdConceptIsKeptAcrossARestart();
    void libraryRenameDuplicateDeleteUndo();
    void recreateOnAnotherServer();
    void offlineSandboxIsOneServerAcrossRestarts();
    void callDraftAndRestoredRun();
    void csvRoundTripAndBadCsv();
    void abStreamsBothSides_data();
    void abStreamsBothSides();
    void abShowsAFailedSideAsAnError_data();
    void abShowsAFailedSideAsAnError();
    void completionAndChatApplyFromTheLibrary();

private:
    static std::unique_ptr<testsupport::SandboxClient> connect();
    std::unique_ptr<ui::SteeringTab> makeTab(core::ApiClient *client);
    bool createAndWait(ui::SteeringTab *tab);
    std::unique_ptr<testsupport::SandboxClient> m_connection;
    std::unique_ptr<core::Database> m_db;
    std::unique_ptr<core::SteeringLibrary> m_library;
    core::RunRecorder m_recorder;
    QTemporaryDir m_dir;
    QString m_dbPath;
};

std::unique_ptr<testsupport::SandboxClient> TestSteering::connect()
{
    auto c = std::make_unique<testsupport::SandboxClient>();
    QString error;
    if (!c->start(&error))
        qFatal("sandbox: %s", qPrintable(error));
    return c;
}

void TestSteering::init()
{
    m_connection = connect();
    m_dbPath
        = m_dir.filePath(u"%1.sqlite"_s.arg(QString::fromLatin1(QTest::currentTestFunction())));
    m_db = std::make_unique<core::Database>(m_dbPath);
    QString error;
    QVERIFY2(m_db->open(&error), qPrintable(error));
    m_library = std::make_unique<core::SteeringLibrary>(m_db.get());
    m_recorder.setProfileName(u"Offline sandbox"_s);
}

void TestSteering::cleanup()
{
    m_library.reset();
    m_db.reset();
    m_connection.reset();
}

std::unique_ptr<ui::SteeringTab> TestSteering::makeTab(core::ApiClient *client)
{
    auto tab = std::make_unique<ui::SteeringTab>(client);
    tab->setRecorder(&m_recorder);
    tab->setLibrary(m_library.get());
    tab->resize(1200, 760);
    tab->show();
    if (!QTest::qWaitForWindowExposed(tab.get()))
        qWarning("not exposed");
    return tab;
}

bool TestSteering::createAndWait(ui::SteeringTab *tab)
{
    QSignalSpy done(tab, &ui::SteeringTab::conceptFinished);
    tab->createConcept();
    return tab->isBusy() && done.wait(10000);
}

void TestSteering::pairsAreCheckedBeforeSending()
{
    auto tab = makeTab(m_connection->client.get());
    auto *create = tab->findChild<QPushButton *>(u"create"_s);
    QVERIFY(!create->isEnabled()); // no pairs yet
    tab->addPair(u"It might be, perhaps."_s, u"It is."_s);
    QVERIFY(create->isEnabled());
    tab->addPair(); // empty
    tab->addPair(u"only negative"_s, u" "_s); // half
    tab->addPair(u"It might be, perhaps."_s, u"It is."_s); // duplicate of pair 1
    tab->addPair(u"same"_s, u"same"_s); // both sides equal
    const QList<ui::SteeringTab::PairProblem> problems = tab->pairProblems();
    QCOMPARE(problems.size(), 4);
    QCOMPARE(problems.at(0).row, 1);
    QCOMPARE(problems.at(0).message, u"pair 2 is empty"_s);
    QCOMPARE(problems.at(1).message, u"pair 3 has no positive example"_s);
    QCOMPARE(problems.at(2).message, u"pair 4 repeats pair 1"_s);
    QCOMPARE(problems.at(3).message, u"pair 5 has the same text on both sides"_s);
    QVERIFY(!create->isEnabled());
    QVERIFY2(tab->validationText().contains(u"pair 4 repeats pair 1"_s),
        qPrintable(tab->validationText()));
    QTableView *pairs = tab->pairsTable();
    QVERIFY(cellBackground(pairs, 3, 0) != cellBackground(pairs, 0, 0));
    QCOMPARE(cellToolTip(pairs, 3, 1), u"pair 4 repeats pair 1"_s);
    // Ctrl+Enter in the editor: nothing is sent, the reason is given, the pairs stay.
    pairs->setFocus();
    QTest::keyClick(pairs, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(!tab->isBusy());
    QVERIFY2(tab->statusText().startsWith(u"Not sent: pair 2 is empty"_s),
        qPrintable(tab->statusText()));
    QCOMPARE(tab->examples().size(), 5);

    // Fix them: remove the bad rows (selected), reorder what is left.
    pairs->clearSelection();
    pairs->setSelectionMode(QAbstractItemView::MultiSelection);
    for (const int row : {1, 2, 3, 4})
        pairs->selectRow(row);
    tab->removeSelectedPairs();
    QCOMPARE(tab->examples().size(), 1);
    tab->addPair(u"Maybe we could."_s, u"We will."_s);
    pairs->setCurrentIndex(pairs->model()->index(1, 0));
    tab->movePair(-1);
    QCOMPARE(tab->examples().at(0).negative, u"Maybe we could."_s);
    QVERIFY(tab->pairProblems().isEmpty());
    QVERIFY(create->isEnabled());
}

void TestSteering::ctrlNEditsTheNewRow()
{
    auto tab = makeTab(m_connection->client.get());
    tab->setExamples({kFood.at(0)});
    QTableView *pairs = tab->pairsTable();
    tab->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(tab.get()));
    pairs->setFocus();
    pairs->setCurrentIndex(pairs->model()->index(0, 1));
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(pairs));

    // Ctrl+N: the new row is current, on its first column, and being edited.
    QTest::keyClick(pairs, Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(pairs->model()->rowCount(), 2);
    QCOMPARE(pairs->currentIndex().row(), 1);
    QCOMPARE(pairs->currentIndex().column(), 0);
    QWidget *editor = pairs->indexWidget(pairs->model()->index(1, 0));
    QVERIFY(editor);
    QCOMPARE(QApplication::focusWidget(), editor);
    // Typing goes into the new pair; Tab commits it and edits the positive side.
    QTest::keyClicks(QApplication::focusWidget(), u"Perhaps it could work."_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(cellText(pairs, 1, 0), u"Perhaps it could work."_s);
    QVERIFY(pairs->indexWidget(pairs->model()->index(1, 1)));
    QTest::keyClicks(QApplication::focusWidget(), u"It works."_s);
    QTest::keyClick(QApplication::focusWidget(),
        Qt::Key_Return); // the delegate commits on the next event loop pass
    QTRY_COMPARE(cellText(pairs, 1, 1), u"It works."_s);
    // The old pair is untouched.
    QCOMPARE(tab->examples().size(), 2);
    QCOMPARE(tab->examples().at(0).negative, kFood.at(0).negative);
    QCOMPARE(tab->examples().at(0).positive, kFood.at(0).positive);

    // Ctrl+N while a cell is still being edited keeps what was typed there and edits the new row.
    QTest::keyClick(pairs, Qt::Key_N, Qt::ControlModifier);
    QTest::keyClicks(QApplication::focusWidget(), u"Maybe"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(pairs->model()->rowCount(), 4);
    QCOMPARE(cellText(pairs, 2, 0), u"Maybe"_s);
    QCOMPARE(pairs->currentIndex().row(), 3);
    QCOMPARE(QApplication::focusWidget(), pairs->indexWidget(pairs->model()->index(3, 0)));
    QCOMPARE(tab->examples().at(1).negative, u"Perhaps it could work."_s);
}

void TestSteering::createdConceptIsKeptAcrossARestart()
{
    QString id;
    {
        auto tab = makeTab(m_connection->client.get());
        tab->setExamples(kFood);
        tab->setConceptName(u"Food"_s);
        tab->setDescription(u"talks about cooking"_s);
        QVERIFY(createAndWait(tab.get()));
        id = tab->conceptId();
        QVERIFY2(id.startsWith(u"sandbox-concept-"_s), qPrintable(tab->statusText()));
        QVERIFY2(
            tab->statusText().contains(u"saved in the library"_s), qPrintable(tab->statusText()));
        QCOMPARE(tab->libraryTable()->model()->rowCount(), 1);
        // The same pairs again give the same id (the API is idempotent): the entry is updated.
        QVERIFY(createAndWait(tab.get()));
        QCOMPARE(tab->conceptId(), id);
        QVERIFY2(
            tab->statusText().contains(u"updated in the library"_s), qPrintable(tab->statusText()));
        QCOMPARE(tab->libraryTable()->model()->rowCount(), 1);
    }
    // A restart: the database closed and opened again.
    m_library.reset();
    m_db.reset();
    m_db = std::make_unique<core::Database>(m_dbPath);
    QString error;
    QVERIFY2(m_db->open(&error), qPrintable(error));
    m_library = std::make_unique<core::SteeringLibrary>(m_db.get());
    auto tab = makeTab(m_connection->client.get());
    QCOMPARE(tab->libraryTable()->model()->rowCount(), 1);
    QCOMPARE(cellText(tab->libraryTable(), 0, 0), u"Food"_s);
    QCOMPARE(cellToolTip(tab->libraryTable(), 0, 1), id);
    QCOMPARE(cellText(tab->libraryTable(), 0, 2), u"Offline sandbox"_s);
    const core::SteeringConceptEntry entry = m_library->list().at(0);
    QCOMPARE(entry.host, m_connection->client->config().baseUrl.toString());
    QCOMPARE(entry.description, u"talks about cooking"_s);
    tab->loadEntry(0);
    QCOMPARE(tab->conceptId(), id);
    QCOMPARE(tab->examples().size(), 2);
    QCOMPARE(tab->examples().at(1).positive, kFood.at(1).positive);
}

void TestSteering::libraryRenameDuplicateDeleteUndo()
{
    auto tab = makeTab(m_connection->client.get());
    tab->setExamples(kFood);
    tab->setConceptName(u"Food"_s);
    QVERIFY(createAndWait(tab.get()));
    QTableView *library = tab->libraryTable();
    QSignalSpy changed(tab.get(), &ui::SteeringTab::libraryChanged);
    // Rename in place: editing the name cell stores it.
    library->model()->setData(library->model()->index(0, 0), u"Cooking"_s);
    QCOMPARE(m_library->list().at(0).name, u"Cooking"_s);
    QVERIFY(tab->duplicateEntry(0));
    QCOMPARE(library->model()->rowCount(), 2);
    QStringList names{cellText(library, 0, 0), cellText(library, 1, 0)};
    names.sort();
    QCOMPARE(names, (QStringList{u"Cooking"_s, u"Cooking (copy)"_s}));
    // Delete, then Undo brings it back with everything it had.
    const int copyRow = cellText(library, 0, 0) == u"Cooking (copy)"_s ? 0 : 1;
    library->setCurrentIndex(library->model()->index(copyRow, 0));
    library->setFocus();
    QTest::keyClick(library, Qt::Key_Delete);
    QCOMPARE(library->model()->rowCount(), 1);
    QCOMPARE(cellText(library, 0, 0), u"Cooking"_s);
    QVERIFY(tab->findChild<QPushButton *>(u"undoDelete"_s)->isEnabled());
    QTest::keyClick(library, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(library->model()->rowCount(), 2);
    QCOMPARE(m_library->list().size(), 2);
    QVERIFY(!tab->findChild<QPushButton *>(u"undoDelete"_s)->isEnabled());
    QVERIFY(changed.count() >= 4);
    // An empty name is refused and the old one stays.
    QVERIFY(!tab->renameEntry(0, u"  "_s));
    QVERIFY(!cellText(library, 0, 0).trimmed().isEmpty());
}

void TestSteering::recreateOnAnotherServer()
{
    auto tab = makeTab(m_connection->client.get());
    tab->setExamples(kFood);
    tab->setConceptName(u"Food"_s);
    QVERIFY(createAndWait(tab.get()));
    // Another connection (another sandbox on another port): the concept is greyed and Re-create
    // sends its pairs there, keeping a second entry for that host.
    const auto other = connect();
    auto elsewhere = makeTab(other->client.get());
    QCOMPARE(elsewhere->libraryTable()->model()->rowCount(), 1);
    QVERIFY2(cellToolTip(elsewhere->libraryTable(), 0, 2).contains(u"Re-create it here"_s),
        qPrintable(cellToolTip(elsewhere->libraryTable(), 0, 2)));
    // Its editor held other pairs: Re-create shows the concept's own with the new id.
    elsewhere->setExamples({{u"rain"_s, u"sun"_s, {}}});
    QSignalSpy done(elsewhere.get(), &ui::SteeringTab::conceptFinished);
    elsewhere->recreateEntry(0);
    QVERIFY(done.wait(10000));
    QVERIFY2(elsewhere->statusText().startsWith(u"Re-created concept \"Food\""_s),
        qPrintable(elsewhere->statusText()));
    const QList<core::SteeringConceptEntry> all = m_library->list();
    QCOMPARE(all.size(), 2);
    QCOMPARE(elsewhere->examples().size(), 2);
    QCOMPARE(elsewhere->examples().first().negative, kFood.first().negative);
    const auto here
        = std::find_if(all.cbegin(), all.cend(), [&](const core::SteeringConceptEntry &e) {
              return e.host == other->client->config().baseUrl.toString();
          });
    QVERIFY(here != all.cend());
    QCOMPARE(elsewhere->conceptId(), here->conceptId);
    QSet<QString> hosts{all.at(0).host, all.at(1).host};
    QCOMPARE(hosts,
        (QSet<QString>{m_connection->client->config().baseUrl.toString(),
            other->client->config().baseUrl.toString()}));
    QCOMPARE(all.at(0).name, u"Food"_s);
    QCOMPARE(all.at(0).examples.size(), 2);
}

void TestSteering::offlineSandboxIsOneServerAcrossRestarts()
{
    // The app's offline sandbox gets a new port at each launch. With its state file and its
    // server id, a concept made before a restart stays usable after it: not greyed, and it steers.
    // Create concept runs are recorded in the history too (they have no model).
    core::HistoryStore history(m_db.get());
    m_recorder.setStore(&history);
    const QString state = m_dir.filePath(u"sandbox-state.json"_s);
    const auto launch = [&] {
        auto c = std::make_unique<testsupport::SandboxClient>();
        sandbox::SandboxOptions options;
        options.stateFile = state;
        c->sandbox = std::make_unique<sandbox::EmbeddedSandbox>(options);
        if (!c->sandbox->start())
            return std::unique_ptr<testsupport::SandboxClient>();
        c->nam = std::make_unique<QNetworkAccessManager>();
        c->nam->setProxy(QNetworkProxy::NoProxy);
        core::ClientConfig config;
        config.baseUrl = c->sandbox->baseUrl();
        config.token = c->sandbox->token();
        config.serverId = u"aleph-sandbox:offline"_s;
        c->client = std::make_unique<core::ApiClient>(c->nam.get(), config);
        return c;
    };
    QString id;
    {
        auto first = launch();
        QVERIFY(first);
        auto tab = makeTab(first->client.get());
        tab->setExamples(kFood);
        tab->setConceptName(u"Food"_s);
        QVERIFY(createAndWait(tab.get()));
        id = m_library->list().value(0).conceptId;
        QVERIFY(!id.isEmpty());
        QCOMPARE(m_library->list().value(0).host, u"aleph-sandbox:offline"_s);
    }
    auto second = launch();
    QVERIFY(second);
    auto tab = makeTab(second->client.get());
    QCOMPARE(tab->libraryTable()->model()->rowCount(), 1);
    QVERIFY2(!cellToolTip(tab->libraryTable(), 0, 2).contains(u"Re-create it here"_s),
        qPrintable(cellToolTip(tab->libraryTable(), 0, 2)));
    core::CompletionRequest request;
    request.model = u"sandbox-luminous-base"_s;
    request.prompt = core::Prompt::fromText(u"Today"_s);
    request.maximumTokens = 5;
    request.steeringConcepts = QStringList{id};
    auto *job = second->client->complete(request);
    QSignalSpy finished(job, &core::ApiJob::finished);
    QVERIFY(finished.wait(10000));
    QVERIFY2(job->state() == core::ApiJob::State::Succeeded, qPrintable(job->error().toString()));

    const QList<core::RunRecord> runs = history.search(QString(), u"steering"_s);
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.first().status, core::RunStatus::Succeeded);
    QCOMPARE(runs.first().endpoint, u"steering_concepts"_s);
    m_recorder.setStore(nullptr);
}

void TestSteering::callDraftAndRestoredRun()
{
    auto tab = makeTab(m_connection->client.get());
    QString error;
    QVERIFY(!tab->currentCall(&error).isValid());
    QCOMPARE(error, u"Add at least one pair."_s);
    tab->setExamples(kFood);
    tab->setConceptName(u"Food"_s);
    tab->setDescription(u"talks about cooking"_s);
    tab->setABPrompt(u"Tell me about your day."_s);
    tab->setMaximumTokens(17);
    tab->setMode(ui::SteeringTab::Mode::Chat);
    const core::ApiCall call = tab->currentCall(&error);
    QVERIFY2(call.isValid(), qPrintable(error));
    QCOMPARE(call.endpoint, u"steering_concepts"_s);
    QCOMPARE(call.model, QString());
    const QJsonArray examples = call.body.value(u"examples"_s).toArray();
    QCOMPARE(examples.size(), kFood.size());
    QCOMPARE(examples.at(0).toObject().value(u"negative"_s).toString(), kFood.at(0).negative);
    QCOMPARE(examples.at(0).toObject().value(u"positive"_s).toString(), kFood.at(0).positive);

    // The draft keeps the pairs as the request's examples; it comes back as the autosave keeps it.
    const QVariantMap draft = tab->draft();
    QCOMPARE(QJsonArray::fromVariantList(draft.value(u"examples"_s).toList()), examples);
    QCOMPARE(draft.value(u"name"_s).toString(), u"Food"_s);
    QCOMPARE(draft.value(u"ab_mode"_s).toInt(), 1);
    QCOMPARE(draft.value(u"maximum_tokens"_s).toInt(), 17);
    auto other = makeTab(m_connection->client.get());
    other->restoreDraft(QJsonObject::fromVariantMap(draft).toVariantMap());
    QCOMPARE(other->draft(), draft);

    // A create run is recorded from the call and restores its pairs and id.
    core::HistoryStore history(m_db.get());
    m_recorder.setStore(&history);
    QVERIFY(createAndWait(tab.get()));
    const QList<core::RunRecord> runs = history.search(QString(), u"steering"_s);
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.first().status, core::RunStatus::Succeeded);
    QCOMPARE(runs.first().request, call.body);
    auto restored = makeTab(m_connection->client.get());
    restored->restoreRun(runs.first());
    QCOMPARE(restored->conceptId(), tab->conceptId());
    QCOMPARE(restored->examples().size(), kFood.size());
    QCOMPARE(restored->examples().at(1).positive, kFood.at(1).positive);
    QVERIFY2(restored->statusText().startsWith(u"Restored the pairs of a succeeded run"_s),
        qPrintable(restored->statusText()));
    m_recorder.setStore(nullptr);
}

void TestSteering::csvRoundTripAndBadCsv()
{
    auto tab = makeTab(m_connection->client.get());
    const QList<core::SteeringConceptExample> pairs{
        {u"a, with comma"_s, u"\"quoted\""_s, {}}, {u"two\nlines"_s, u"ünï ✓"_s, {}}};
    tab->setExamples(pairs);
    QString error;
    const QString path = m_dir.filePath(u"pairs.csv"_s);
    QVERIFY2(tab->exportCsv(path, &error), qPrintable(error));
    auto fresh = makeTab(m_connection->client.get());
    QVERIFY2(fresh->importCsv(path, &error), qPrintable(error));
    QCOMPARE(fresh->examples().size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(fresh->examples().at(i).negative, pairs.at(i).negative);
        QCOMPARE(fresh->examples().at(i).positive, pairs.at(i).positive);
    }
    // A file without the columns: a clear error, the pairs on show stay.
    const QString bad = m_dir.filePath(u"bad.csv"_s);
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("before,after\nx,y\n");
    file.close();
    QVERIFY(!fresh->importCsv(bad, &error));
    QVERIFY2(error.contains(u"\"negative\" and \"positive\""_s)
            && error.contains(u"Nothing was imported"_s),
        qPrintable(error));
    QCOMPARE(fresh->examples().size(), 2);
}

void TestSteering::abStreamsBothSides_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("model");
    QTest::newRow("completion") << int(ui::SteeringTab::Mode::Completion)
                                << u"sandbox-luminous-base"_s;
    QTest::newRow("chat") << int(ui::SteeringTab::Mode::Chat) << u"sandbox-llama-3.1-8b-instruct"_s;
}

void TestSteering::abStreamsBothSides()
{
    QFETCH(int, mode);
    QFETCH(QString, model);
    auto tab = makeTab(m_connection->client.get());
    tab->runAB();
    QVERIFY2(tab->abStatusText().startsWith(u"Not sent"_s), qPrintable(tab->abStatusText()));
    tab->setExamples(kFood);
    QVERIFY(createAndWait(tab.get()));
    tab->setMode(ui::SteeringTab::Mode(mode));
    tab->setABModel(model);
    tab->setMaximumTokens(24);
    tab->setABPrompt(u"Today I want to tell you about"_s);
    QSignalSpy done(tab.get(), &ui::SteeringTab::abFinished);
    auto *prompt = tab->findChild<QWidget *>(u"abPrompt"_s);
    prompt->setFocus();
    QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(tab->isBusy());
    QVERIFY(done.wait(15000));
    QVERIFY2(!tab->outputWithout().isEmpty(), qPrintable(tab->abStatusText()));
    QVERIFY2(!tab->outputWith().isEmpty(), qPrintable(tab->abStatusText()));
    QVERIFY(!tab->outputWith().contains(u"⚠"_s));
    // The sandbox's steering pulls toward the positive examples' words.
    const QStringList food{
        u"pizza"_s, u"cheese"_s, u"tomatoes"_s, u"bread"_s, u"soup"_s, u"baked"_s, u"fresh"_s};
    const auto foodWords = [&](const QString &text) {
        int count = 0;
        for (const QString &word : food)
            count += int(text.count(word));
        return count;
    };
    QVERIFY2(foodWords(tab->outputWith()) > foodWords(tab->outputWithout()),
        qPrintable(tab->outputWithout() + u" | "_s + tab->outputWith()));
    QVERIFY2(tab->abStatusText().startsWith(u"Done."_s), qPrintable(tab->abStatusText()));
    // Another concept opened: B's title says its text is the earlier concept's, until a run.
    const auto staleTitles = [&] {
        int n = 0;
        for (const QLabel *label : tab->findChildren<QLabel *>())
            n += label->text().contains(u"the text below was made with"_s);
        return n;
    };
    QCOMPARE(staleTitles(), 0);
    const QString made = tab->conceptId();
    tab->setConceptId(u"another-concept"_s);
    QCOMPARE(staleTitles(), 1);
    tab->setConceptId(made);
    QCOMPARE(staleTitles(), 0);
    // The id changed while B had not written anything yet: the note comes with B's first text.
    auto *with = tab->findChild<QPlainTextEdit *>(u"outputWith"_s);
    QVERIFY(with);
    const QString text = with->toPlainText();
    with->clear();
    tab->setConceptId(u"another-concept"_s);
    QCOMPARE(staleTitles(), 0);
    with->setPlainText(text);
    QCOMPARE(staleTitles(), 1);
}

void TestSteering::abShowsAFailedSideAsAnError_data()
{
    abStreamsBothSides_data();
}

void TestSteering::abShowsAFailedSideAsAnError()
{
    QFETCH(int, mode);
    QFETCH(QString, model);
    auto tab = makeTab(m_connection->client.get());
    // An id the server does not know: A streams, B fails with a 400.
    tab->setConceptId(u"no-such-concept"_s);
    tab->setMode(ui::SteeringTab::Mode(mode));
    tab->setABModel(model);
    tab->setMaximumTokens(16);
    tab->setABPrompt(u"Today I want to tell you about"_s);
    QSignalSpy done(tab.get(), &ui::SteeringTab::abFinished);
    tab->runAB();
    QVERIFY(done.wait(15000));
    auto *errorWithout = tab->findChild<QLabel *>(u"errorWithout"_s);
    auto *errorWith = tab->findChild<QLabel *>(u"errorWith"_s);
    QVERIFY(errorWithout && errorWith);

    // A is output, with no error; B is an error, shown apart from the output, in red.
    QVERIFY2(!tab->outputWithout().isEmpty(), qPrintable(tab->abStatusText()));
    QVERIFY(tab->abError(false).isEmpty());
    QVERIFY(errorWithout->isHidden());
    QVERIFY2(tab->abError(true).contains(u"no-such-concept"_s), qPrintable(tab->abError(true)));
    QVERIFY(errorWith->isVisible());
    QCOMPARE(errorWith->text(), tab->abError(true));
    QCOMPARE(errorWith->palette().color(QPalette::WindowText), ui::Palette::current().error);
    QVERIFY2(tab->outputWith().isEmpty(), qPrintable(tab->outputWith()));
    // The status counts A's characters only and says B failed.
    const QString status = tab->abStatusText();
    QVERIFY2(status.contains(u"A: %1 characters"_s.arg(tab->outputWithout().size())),
        qPrintable(status));
    QVERIFY2(status.contains(u"B: failed"_s), qPrintable(status));
    QVERIFY2(!status.contains(QRegularExpression(u"B: \\d+ character"_s)), qPrintable(status));

    // A concept the server knows: the next run clears the error.
    tab->setExamples(kFood);
    QVERIFY(createAndWait(tab.get()));
    tab->runAB();
    QVERIFY(done.wait(15000));
    QVERIFY(tab->abError(true).isEmpty());
    QVERIFY(errorWith->isHidden());
    QVERIFY(!tab->outputWith().isEmpty());
    QVERIFY2(tab->abStatusText().contains(u"B: %1 characters"_s.arg(tab->outputWith().size())),
        qPrintable(tab->abStatusText()));
}

void TestSteering::completionAndChatApplyFromTheLibrary()
{
    ui::Services services;
    services.client = m_connection->client.get();
    services.steeringLibrary = m_library.get();
    ui::MainWindow window(services);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ui::SteeringTab *tab = window.steeringTab();
    tab->setExamples(kFood);
    tab->setConceptName(u"Food"_s);
    QVERIFY(createAndWait(tab));
    const QString id = tab->conceptId();
    // A concept from another server is listed but cannot be chosen.
    core::SteeringConceptEntry foreign;
    foreign.name = u"Elsewhere"_s;
    foreign.conceptId = u"abc"_s;
    foreign.host = u"https://api.example.com/v1"_s;
    foreign.profile = u"Work"_s;
    QVERIFY(m_library->add(foreign) > 0);

    // Completion: the Library menu beside steering_concepts.
    auto *button = window.completionTab()->findChild<QToolButton *>(u"steering_conceptsLibrary"_s);
    QVERIFY(button);
    Q_EMIT button->menu()->aboutToShow();
    QAction *food = nullptr;
    QAction *elsewhere = nullptr;
    for (QAction *action : button->menu()->actions()) {
        if (action->text() == u"Food"_s)
            food = action;
        if (action->text().startsWith(u"Elsewhere"_s))
            elsewhere = action;
    }
    QVERIFY(food && elsewhere);
    QVERIFY(food->isEnabled());
    QVERIFY(!elsewhere->isEnabled());
    QCOMPARE(elsewhere->text(), u"Elsewhere (made on Work)"_s);
    food->trigger();
    QCOMPARE(window.completionTab()->findChild<QLineEdit *>(u"steering_concepts"_s)->text(), id);

    // Chat: "Use in Chat" from the Steering tab's library.
    tab->reloadLibrary();
    for (int row = 0; row < tab->libraryTable()->model()->rowCount(); ++row)
        if (cellText(tab->libraryTable(), row, 0) == u"Food"_s)
            tab->libraryTable()->setCurrentIndex(tab->libraryTable()->model()->index(row, 0));
    tab->findChild<QPushButton *>(u"useInChat"_s)->click();
    QCOMPARE(window.tabs()->currentWidget(), static_cast<QWidget *>(window.chatTab()));
    QCOMPARE(window.chatTab()->findChild<QLineEdit *>(u"steering_concepts"_s)->text(), id);
}

QTEST_MAIN(TestSteering)
#include "TestSteering.moc"
