// SPDX-License-Identifier: MIT
// The test-set window (issue 23) driven with QTest against the embedded sandbox over real
// sockets: rows and versions from the Completion tab, a CSV opened, a run on 2 models with its
// grid, pass rates in the headers (recomputed here), the cell detail with a manual grade and
// Explain, cancel and resume, a comparison with the earlier run, and versions taken from the
// prompt library.
#include "core/storage/PromptLibrary.h"
#include "tests/support/SandboxClient.h"
#include "tests/support/TempDatabase.h"
#include "ui/MainWindow.h"
#include "ui/completion/CompletionTab.h"
#include "ui/explanation/ExplanationTab.h"
#include "ui/shell/ShellMenus.h"
#include "ui/testsets/TestCellDetail.h"
#include "ui/testsets/TestResultsModel.h"
#include "ui/testsets/TestRunPanel.h"
#include "ui/testsets/TestSetEditor.h"
#include "ui/testsets/TestSetModel.h"
#include "ui/testsets/TestSetWindow.h"

#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

template<class T>
static T *child(QObject *parent, const QString &name)
{
    T *w = parent->findChild<T *>(name);
    if (!w)
        qWarning("no child %s", qPrintable(name));
    return w;
}

class TestTestSetsUi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void rowsAndVersionsComeFromTheCompletionTab();
    void runShowsTheGridWithPassRatesAndCellDetail();
    void cancelKeepsFinishedCellsAndResumeEnds();
    void versionsComeFromThePromptLibrary();
    void cleanupTestCase();

private:
    void runAndWait(bool expectCanceled = false);
    testsupport::SandboxClient m_sandbox;
    std::unique_ptr<ui::MainWindow> m_window;
    ui::TestSetWindow *m_sets = nullptr;
    QTemporaryDir m_dir;
};

void TestTestSetsUi::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(m_sandbox.start(&error), qPrintable(error));
    m_window = std::make_unique<ui::MainWindow>(m_sandbox.client.get());
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->refreshModels();
    QTRY_COMPARE_WITH_TIMEOUT(
        child<QComboBox>(m_window->completionTab(), u"model"_s)->currentText(),
        u"sandbox-luminous-base"_s,
        10000);
    // Run ▸ Test sets… (Ctrl+Shift+R) opens the window.
    QAction *action = m_window->menus()->action(u"testSetsAction"_s);
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    action->trigger();
    m_sets = m_window->findChild<ui::TestSetWindow *>();
    QVERIFY(m_sets);
    QVERIFY(m_sets->isVisible());
    m_sets->runPanel()->setStoreDirectory(m_dir.filePath(u"runs"_s));
    // Similarity checks embed with a model this connection has: the sandbox's semantic model,
    // not the default luminous-base it lacks.
    auto *embedding = child<QComboBox>(m_sets, u"runEmbeddingModel"_s);
    QVERIFY(embedding);
    QCOMPARE(embedding->currentText(), u"sandbox-luminous-base"_s);
    QCOMPARE(m_sets->runPanel()->embeddingModel(), u"sandbox-luminous-base"_s);
    for (int i = 0; i < embedding->count(); ++i)
        QVERIFY2(
            embedding->itemText(i).startsWith(u"sandbox-"_s), qPrintable(embedding->itemText(i)));
}

void TestTestSetsUi::cleanupTestCase()
{
    m_window.reset();
}

void TestTestSetsUi::versionsComeFromThePromptLibrary()
{
    // The window of the minimal MainWindow has no library: the button says why it is off.
    auto *off = child<QPushButton>(m_sets, u"addVersionFromLibrary"_s);
    QVERIFY(off);
    QVERIFY(!off->isEnabled());
    QVERIFY(!off->toolTip().isEmpty());

    // A prompt saved with two versions, through the library's API.
    testsupport::TempDatabase db;
    QString error;
    QVERIFY2(db.open(&error), qPrintable(error));
    core::PromptLibrary library(&db.db);
    core::PromptVersion first;
    first.templateText = u"Q: What is the capital of {{ country }}?\nA:"_s;
    first.model = u"sandbox-luminous-base"_s;
    first.parameters = QJsonObject{{u"maximum_tokens"_s, 8}};
    core::PromptVersion second = first;
    second.templateText = u"The capital city of {{ country }} is"_s;
    second.parameters = QJsonObject{{u"maximum_tokens"_s, 6}};
    const qint64 id = library.save(u"Capitals"_s, {u"geo"_s}, first);
    QVERIFY2(id, qPrintable(library.lastError()));
    QCOMPARE(library.addVersion(id, second), 2);

    ui::TestSetWindow sets(m_sandbox.client.get());
    sets.runPanel()->setStoreDirectory(m_dir.filePath(u"library-runs"_s));
    sets.setPromptLibrary(&library);
    sets.show();
    QVERIFY(QTest::qWaitForWindowExposed(&sets));
    auto *button = child<QPushButton>(&sets, u"addVersionFromLibrary"_s);
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = sets.findChild<QDialog *>(u"libraryVersionDialog"_s)) != nullptr
        && dialog->isVisible());
    auto *tree = child<QTreeWidget>(dialog, u"libraryVersionTree"_s);
    QCOMPARE(tree->topLevelItemCount(), 1);
    QTreeWidgetItem *prompt = tree->topLevelItem(0);
    QCOMPARE(prompt->text(0), u"Capitals"_s);
    QCOMPARE(prompt->childCount(), 2);
    QVERIFY(prompt->child(0)->text(0).startsWith(u"v2"_s)); // newest first
    QVERIFY(prompt->child(1)->text(0).startsWith(u"v1"_s));
    auto *add = child<QPushButton>(dialog, u"addChosenVersions"_s);
    QVERIFY(!add->isEnabled());
    // Click the newest, Ctrl+click the older one.
    tree->scrollToItem(prompt->child(1));
    QTest::mouseClick(
        tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(prompt->child(0)).center());
    QTest::mouseClick(tree->viewport(),
        Qt::LeftButton,
        Qt::ControlModifier,
        tree->visualItemRect(prompt->child(1)).center());
    QCOMPARE(tree->selectedItems().size(), 2);
    QVERIFY(add->isEnabled());
    QTest::mouseClick(add, Qt::LeftButton);
    QVERIFY(!dialog->isVisible());

    const core::TestSet &set = sets.model()->testSet();
    QCOMPARE(set.versions.size(), 2);
    QCOMPARE(set.versions.at(0).version, u"Capitals v2"_s);
    QCOMPARE(set.versions.at(0).promptTemplate, second.templateText);
    QCOMPARE(set.versions.at(1).version, u"Capitals v1"_s);
    QCOMPARE(set.versions.at(1).promptTemplate, first.templateText);
    QCOMPARE(set.versions.at(1).parameters.value(u"maximum_tokens"_s).toInt(), 8);
    QCOMPARE(set.variables, QStringList{u"country"_s});

    // Two rows run on each version's own model: a column per version, each its template.
    sets.model()->addRow({{u"country"_s, u"France"_s}});
    sets.model()->addRow({{u"country"_s, u"Japan"_s}});
    QVERIFY(child<QLineEdit>(&sets, u"runModels"_s)->text().isEmpty());
    QSignalSpy stopped(sets.runPanel(), &ui::TestRunPanel::runStopped);
    sets.tabs()->setCurrentWidget(sets.runPanel());
    QTest::mouseClick(child<QPushButton>(&sets, u"runSet"_s), Qt::LeftButton);
    QVERIFY(stopped.wait(60000));
    QCOMPARE(stopped.first().first().toBool(), false);
    ui::TestResultsModel *grid = sets.runPanel()->resultsModel();
    QCOMPARE(grid->rowCount(), 2);
    QCOMPARE(grid->columnCount(), 2);
    const core::TestRun run = sets.runPanel()->currentRun();
    QCOMPARE(run.columns.at(0).version, u"Capitals v2"_s);
    QCOMPARE(run.columns.at(1).version, u"Capitals v1"_s);
    QVERIFY(
        grid->headerData(0, Qt::Horizontal, Qt::DisplayRole).toString().contains(u"Capitals v2"_s));
    const QStringList countries{u"France"_s, u"Japan"_s};
    for (int r = 0; r < 2; ++r) {
        const core::CellResult &newer = run.cell(r, 0);
        const core::CellResult &older = run.cell(r, 1);
        QCOMPARE(newer.state, core::CellResult::State::Done);
        QCOMPARE(older.state, core::CellResult::State::Done);
        QCOMPARE(newer.prompt, u"The capital city of %1 is"_s.arg(countries.at(r)));
        QCOMPARE(older.prompt, u"Q: What is the capital of %1?\nA:"_s.arg(countries.at(r)));
    }
}

void TestTestSetsUi::runAndWait(bool expectCanceled)
{
    QSignalSpy stopped(m_sets->runPanel(), &ui::TestRunPanel::runStopped);
    QTest::mouseClick(child<QPushButton>(m_sets, u"runSet"_s), Qt::LeftButton);
    QVERIFY(stopped.wait(60000));
    QCOMPARE(stopped.first().first().toBool(), expectCanceled);
}

void TestTestSetsUi::rowsAndVersionsComeFromTheCompletionTab()
{
    ui::CompletionTab *completion = m_window->completionTab();
    core::CompletionRequest request
        = core::CompletionRequest::withClientDefaults(u"sandbox-luminous-base"_s,
            core::Prompt::fromText(u"Q: What is the capital of {{ country }}?\nA:"_s));
    request.maximumTokens = 9;
    completion->applyRequest(request);
    completion->setTemplateValue(u"country"_s, u"France"_s);
    QCOMPARE(completion->templateValues().value(u"country"_s), u"France"_s);

    // An empty set says where to start; the hint goes with the first row.
    QLabel *emptyHint = child<QLabel>(m_sets, u"testSetEmpty"_s);
    QCOMPARE(m_sets->model()->testSet().rows.size(), 0);
    QVERIFY(!emptyHint->isHidden());
    QTest::mouseClick(child<QPushButton>(m_sets, u"addCompletionVersion"_s), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(m_sets, u"addRowFromCompletion"_s), Qt::LeftButton);
    QVERIFY(emptyHint->isHidden());
    completion->setTemplateValue(u"country"_s, u"Japan"_s);
    QTest::mouseClick(child<QPushButton>(m_sets, u"addRowFromCompletion"_s), Qt::LeftButton);
    const core::TestSet &set = m_sets->model()->testSet();
    QCOMPARE(set.versions.size(), 1);
    QCOMPARE(
        set.versions.first().promptTemplate, u"Q: What is the capital of {{ country }}?\nA:"_s);
    QCOMPARE(set.versions.first().model, u"sandbox-luminous-base"_s);
    QCOMPARE(set.versions.first().parameters.value(u"maximum_tokens"_s).toInt(), 9);
    QCOMPARE(set.variables, QStringList{u"country"_s});
    QCOMPARE(set.rows.size(), 2);
    QCOMPARE(set.rows.at(1).vars.value(u"country"_s), u"Japan"_s);
    // The table edits the set in place.
    ui::TestSetModel *model = m_sets->model();
    QVERIFY(model->setData(model->index(1, model->expectedColumn()), u"Tokyo"_s));
    QCOMPARE(model->testSet().rows.at(1).expected, u"Tokyo"_s);
    QCOMPARE(model->headerData(0, Qt::Horizontal, Qt::DisplayRole).toString(), u"{{ country }}"_s);
    // Removing rows can be undone.
    QTableView *table = m_sets->editor()->table();
    table->selectRow(0);
    QTest::mouseClick(child<QPushButton>(m_sets, u"removeRows"_s), Qt::LeftButton);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->testSet().rows.first().vars.value(u"country"_s), u"Japan"_s);
    QTest::mouseClick(child<QPushButton>(m_sets, u"undoTestSet"_s), Qt::LeftButton);
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->testSet().rows.first().vars.value(u"country"_s), u"France"_s);
}

void TestTestSetsUi::runShowsTheGridWithPassRatesAndCellDetail()
{
    // The fixture's rows on the version from the Completion tab, on two models.
    const core::TestedVersion version = m_sets->model()->testSet().versions.first();
    QVERIFY(m_sets->openFile(QStringLiteral(ALEPH_SOURCE_DIR "/tests/data/testset-capitals.csv")));
    QCOMPARE(m_sets->model()->rowCount(), 50);
    m_sets->model()->setVersions({version});
    QString error;
    m_sets->model()->setChecks(
        {*core::Check::make(core::Check::Kind::MaximumLength, {}, 30, &error),
            *core::Check::make(core::Check::Kind::Regex, u"^\\s*[A-Z]"_s, 0, &error),
            *core::Check::make(core::Check::Kind::Manual, u"thumbs"_s, 0, &error)});
    child<QLineEdit>(m_sets, u"runModels"_s)
        ->setText(u"sandbox-luminous-base, sandbox-llama-3.1-8b-instruct"_s);
    m_sets->tabs()->setCurrentWidget(m_sets->runPanel());
    runAndWait();

    ui::TestResultsModel *grid = m_sets->runPanel()->resultsModel();
    QCOMPARE(grid->rowCount(), 50);
    QCOMPARE(grid->columnCount(), 2);
    for (int col = 0; col < 2; ++col) {
        int passed = 0;
        int finished = 0;
        for (int r = 0; r < 50; ++r) {
            const QModelIndex i = grid->index(r, col);
            const auto state
                = core::CellResult::State(grid->data(i, ui::TestResultsModel::StateRole).toInt());
            QVERIFY(
                state == core::CellResult::State::Done || state == core::CellResult::State::Error);
            ++finished;
            const bool ok = grid->data(i, ui::TestResultsModel::PassedRole).toBool();
            passed += ok ? 1 : 0;
            QVERIFY(grid->data(i).toString().startsWith(
                ok ? u"✓"_s : (state == core::CellResult::State::Error ? u"⚠"_s : u"✗"_s)));
            QVERIFY(grid->data(i, Qt::BackgroundRole).isValid());
        }
        const QString header = grid->headerData(col, Qt::Horizontal, Qt::DisplayRole).toString();
        const QString want = u"%1% passed (%2 of %3)"_s.arg(qRound(100.0 * passed / finished))
                                 .arg(passed)
                                 .arg(finished);
        QVERIFY2(header.endsWith(want), qPrintable(header + u" ≠ "_s + want));
    }

    // A click shows the whole answer and every check's reason; a grade decides the manual check.
    QTableView *view = m_sets->runPanel()->grid();
    view->setCurrentIndex(grid->index(0, 1));
    ui::TestCellDetail *detail = m_sets->runPanel()->detail();
    QCOMPARE(detail->row(), 0);
    QCOMPARE(detail->column(), 1);
    const core::CellResult cell = m_sets->runPanel()->currentRun().cell(0, 1);
    QCOMPARE(child<QPlainTextEdit>(detail, u"cellAnswer"_s)->toPlainText(), cell.answer);
    QCOMPARE(cell.checks.last().verdict, core::CheckResult::Verdict::Pending);
    QTest::mouseClick(child<QToolButton>(detail, u"thumbsDown"_s), Qt::LeftButton);
    QCOMPARE(m_sets->runPanel()->currentRun().cell(0, 1).checks.last().verdict,
        core::CheckResult::Verdict::Fail);
    QVERIFY(!grid->data(grid->index(0, 1), ui::TestResultsModel::PassedRole).toBool());
    QTest::mouseClick(child<QToolButton>(detail, u"thumbsUp"_s), Qt::LeftButton);
    QCOMPARE(m_sets->runPanel()->currentRun().cell(0, 1).checks.last().verdict,
        core::CheckResult::Verdict::Pass);

    // Explain opens the Explanation tab on the cell's prompt and answer.
    QTest::mouseClick(child<QPushButton>(detail, u"explainCell"_s), Qt::LeftButton);
    QCOMPARE(m_window->tabs()->currentWidget(), m_window->explanationTab());
}

void TestTestSetsUi::cancelKeepsFinishedCellsAndResumeEnds()
{
    ui::TestRunPanel *panel = m_sets->runPanel();
    const core::TestRun earlier = panel->currentRun();
    // Stricter: answers over 12 characters now fail.
    QList<core::Check> checks = m_sets->model()->testSet().checks;
    QString error;
    checks[0] = *core::Check::make(core::Check::Kind::MaximumLength, {}, 12, &error);
    m_sets->model()->setChecks(checks);

    QSignalSpy stopped(panel, &ui::TestRunPanel::runStopped);
    auto *progress = child<QProgressBar>(panel, u"runProgress"_s);
    connect(progress, &QProgressBar::valueChanged, panel, [panel](int v) {
        if (v >= 20 && panel->isRunning())
            panel->cancel();
    });
    QTest::mouseClick(child<QPushButton>(panel, u"runSet"_s), Qt::LeftButton);
    QVERIFY(stopped.wait(60000));
    QCOMPARE(stopped.takeFirst().first().toBool(), true);
    disconnect(progress, &QProgressBar::valueChanged, panel, nullptr);
    const core::TestRun partial = panel->currentRun();
    QVERIFY(partial.finishedCount() >= 20 && partial.finishedCount() < 100);
    auto *resume = child<QPushButton>(panel, u"resumeRun"_s);
    QVERIFY(resume->isEnabled());
    QTest::mouseClick(resume, Qt::LeftButton);
    QVERIFY(stopped.wait(60000));
    QCOMPARE(stopped.takeFirst().first().toBool(), false);
    const core::TestRun run = panel->currentRun();
    QCOMPARE(run.finishedCount(), 100);
    QCOMPARE(run.id, partial.id);
    for (int i = 0; i < run.cells.size(); ++i) {
        if (partial.cells.at(i).finished())
            QCOMPARE(run.cells.at(i).answer, partial.cells.at(i).answer);
    }

    // Compared with the earlier run: the counts in the label are the cells that changed.
    auto *compare = child<QComboBox>(panel, u"compareRun"_s);
    const int index = compare->findData(earlier.id);
    QVERIFY(index > 0);
    panel->compareWith(earlier.id);
    int newlyFailing = 0;
    int newlyPassing = 0;
    for (int i = 0; i < run.cells.size(); ++i) {
        newlyFailing += earlier.cells.at(i).passed() && run.cells.at(i).failed() ? 1 : 0;
        newlyPassing += earlier.cells.at(i).failed() && run.cells.at(i).passed() ? 1 : 0;
    }
    QCOMPARE(child<QLabel>(panel, u"compareSummary"_s)->text(),
        u"%1 newly failing, %2 newly passing"_s.arg(newlyFailing).arg(newlyPassing));
    QVERIFY(newlyFailing > 0);
    ui::TestResultsModel *grid = panel->resultsModel();
    int marked = 0;
    for (int r = 0; r < 50; ++r) {
        for (int c = 0; c < 2; ++c)
            marked += grid->data(grid->index(r, c), ui::TestResultsModel::ChangeRole).toInt() < 0;
    }
    QCOMPARE(marked, newlyFailing);
    if (qEnvironmentVariableIsSet("ALEPH_TESTSETS_SHOT")) {
        m_sets->resize(1400, 860);
        m_sets->grab().save(qEnvironmentVariable("ALEPH_TESTSETS_SHOT"));
    }
}

QTEST_MAIN(TestTestSetsUi)
#include "TestTestSetsUi.moc"
