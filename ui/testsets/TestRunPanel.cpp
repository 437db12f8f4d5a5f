// SPDX-License-Identifier: MIT
#include "ui/testsets/TestRunPanel.h"

#include "ui/common/ModelPicker.h"
#include "ui/testsets/TestCellDetail.h"
#include "ui/testsets/TestResultsModel.h"

#include <QComboBox>
#include <QDateTime>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace ui {

TestRunPanel::TestRunPanel(core::ApiClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_store(std::make_unique<core::TestRunStore>(core::TestRunStore::defaultDirectory()))
    , m_results(new TestResultsModel(this))
{
    m_storeThread.setMaxThreadCount(1);
    auto *layout = new QVBoxLayout(this);
    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Models:"), this));
    m_models = new QLineEdit(this);
    m_models->setObjectName(QStringLiteral("runModels"));
    m_models->setPlaceholderText(tr("each version's own model"));
    m_models->setToolTip(tr("The models to run every version on, separated by commas"));
    controls->addWidget(m_models, 2);
    controls->addWidget(new QLabel(tr("In flight:"), this));
    m_concurrency = new QSpinBox(this);
    m_concurrency->setObjectName(QStringLiteral("runConcurrency"));
    m_concurrency->setRange(1, 32);
    m_concurrency->setValue(4);
    m_concurrency->setToolTip(tr("How many cells are sent at once"));
    controls->addWidget(m_concurrency);
    controls->addWidget(new QLabel(tr("Embeddings:"), this));
    m_embeddingModel = new ModelPicker(
        ModelPicker::Capability::SemanticEmbedding, QStringLiteral("luminous-base"), this);
    m_embeddingModel->setObjectName(QStringLiteral("runEmbeddingModel"));
    m_embeddingModel->setToolTip(
        tr("The model whose semantic embeddings decide similarity checks"));
    controls->addWidget(m_embeddingModel, 1);
    m_run = new QPushButton(tr("Run"), this);
    m_run->setObjectName(QStringLiteral("runSet"));
    m_run->setToolTip(tr("Run every row on every version and model (Ctrl+Enter); Esc cancels"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelRun"));
    m_cancel->setToolTip(tr("Stop; finished cells are kept"));
    m_resume = new QPushButton(tr("Resume"), this);
    m_resume->setObjectName(QStringLiteral("resumeRun"));
    m_resume->setToolTip(tr("Run the cells that are not finished"));
    controls->addWidget(m_run);
    controls->addWidget(m_cancel);
    controls->addWidget(m_resume);
    layout->addLayout(controls);

    auto *statusRow = new QHBoxLayout;
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("runProgress"));
    m_progress->setFormat(tr("%v of %m cells"));
    m_progress->setValue(0);
    m_progress->setTextVisible(false); // until a run gives it a count
    statusRow->addWidget(m_progress, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("runStatus"));
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(new QLabel(tr("Compare with:"), this));
    m_compare = new QComboBox(this);
    m_compare->setObjectName(QStringLiteral("compareRun"));
    m_compare->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    statusRow->addWidget(m_compare);
    m_compareSummary = new QLabel(this);
    m_compareSummary->setObjectName(QStringLiteral("compareSummary"));
    statusRow->addWidget(m_compareSummary);
    m_export = new QPushButton(tr("Export…"), this);
    m_export->setObjectName(QStringLiteral("exportGrid"));
    m_export->setToolTip(tr("Save the grid as CSV or JSON"));
    statusRow->addWidget(m_export);
    layout->addLayout(statusRow);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("resultsSplit"));
    m_grid = new QTableView(split);
    m_grid->setObjectName(QStringLiteral("resultsGrid"));
    m_grid->setModel(m_results);
    m_grid->setWordWrap(false);
    m_grid->setTextElideMode(Qt::ElideRight);
    m_grid->setSelectionMode(QAbstractItemView::SingleSelection);
    m_grid->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_grid->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_grid->verticalHeader()->setDefaultSectionSize(2 * m_grid->fontMetrics().lineSpacing() + 8);
    m_grid->horizontalHeader()->setTextElideMode(Qt::ElideRight);
    m_detail = new TestCellDetail(split);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({650, 350}); // the grid first; the detail beside it
    layout->addWidget(split, 1);

    connect(m_run, &QPushButton::clicked, this, &TestRunPanel::run);
    connect(m_cancel, &QPushButton::clicked, this, &TestRunPanel::cancel);
    connect(m_resume, &QPushButton::clicked, this, &TestRunPanel::resume);
    connect(m_export, &QPushButton::clicked, this, &TestRunPanel::exportGrid);
    connect(m_grid, &QTableView::clicked, this, &TestRunPanel::showCell);
    connect(m_grid->selectionModel(),
        &QItemSelectionModel::currentChanged,
        this,
        &TestRunPanel::showCell);
    connect(m_compare, &QComboBox::activated, this, [this](int i) {
        compareWith(m_compare->itemData(i).toString());
    });
    connect(m_detail,
        &TestCellDetail::gradeChosen,
        this,
        [this](int row, int column, const core::ManualGrade &grade) {
            if (!m_runner)
                return;
            m_runner->setGrade(row, column, grade);
            if (!m_runner->isRunning())
                keepRun();
        });
    connect(m_detail, &TestCellDetail::explainRequested, this, [this](int row, int column) {
        const core::CellResult &c = currentRun().cell(row, column);
        Q_EMIT explainRequested(
            core::Prompt::fromText(c.prompt), c.answer, currentRun().columns.at(column).model);
    });
    refreshButtons();
}

TestRunPanel::~TestRunPanel() = default;

void TestRunPanel::setStoreDirectory(const QString &directory)
{
    m_store = std::make_unique<core::TestRunStore>(directory);
    reloadKeptRuns();
}

QString TestRunPanel::embeddingModel() const
{
    return m_embeddingModel->model();
}

void TestRunPanel::setAvailableModels(const QList<core::ModelSettings> &models)
{
    m_embeddingModel->setModels(models);
}

void TestRunPanel::setModels(const QStringList &models)
{
    m_models->setText(models.join(QStringLiteral(", ")));
}

QStringList TestRunPanel::models() const
{
    QStringList list;
    for (const QString &m : m_models->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!m.trimmed().isEmpty())
            list.append(m.trimmed());
    }
    return list;
}

void TestRunPanel::setConcurrency(int k)
{
    m_concurrency->setValue(k);
}

void TestRunPanel::setEmbeddingModel(const QString &model)
{
    m_embeddingModel->setCurrentText(model);
}

const core::TestRun &TestRunPanel::currentRun() const
{
    return m_results->run();
}

bool TestRunPanel::isRunning() const
{
    return m_runner && m_runner->isRunning();
}

void TestRunPanel::run()
{
    if (isRunning() || !m_setSource)
        return;
    const core::TestSet set = m_setSource();
    if (set.versions.isEmpty()) {
        Q_EMIT message(
            tr("Add a prompt version first (the Completion prompt, or a pasted template)."));
        return;
    }
    if (set.rows.isEmpty()) {
        Q_EMIT message(tr("The test set has no rows."));
        return;
    }
    const QList<core::RunColumn> columns = core::TestRunner::columnsFor(set, models());
    for (const core::RunColumn &c : columns) {
        if (c.model.isEmpty()) {
            Q_EMIT message(tr("Version %1 names no model; type the models to run.").arg(c.version));
            return;
        }
    }
    startRunner(set, core::TestRunner::newRun(set, columns));
}

void TestRunPanel::startRunner(const core::TestSet &set, const core::TestRun &run)
{
    core::TestRunOptions options;
    options.concurrency = m_concurrency->value();
    options.embeddingModel = m_embeddingModel->model();
    m_runner = std::make_unique<core::TestRunner>(m_client, set, run, options);
    m_results->setRun(set, run);
    m_retries = 0;
    m_progress->setRange(0, int(run.cells.size()));
    m_progress->setTextVisible(true);
    m_progress->setValue(run.finishedCount());
    connect(m_runner.get(), &core::TestRunner::cellStarted, this, [this](int row, int column) {
        m_results->updateCell(m_runner->run(), row, column);
    });
    connect(m_runner.get(), &core::TestRunner::cellFinished, this, [this](int row, int column) {
        m_results->updateCell(m_runner->run(), row, column);
        if (m_detail->row() == row && m_detail->column() == column)
            m_detail->showCell(m_runner->testSet(), m_runner->run(), row, column);
    });
    connect(m_runner.get(), &core::TestRunner::progress, this, [this](int done, int total) {
        m_progress->setMaximum(total);
        m_progress->setValue(done);
    });
    connect(m_runner.get(),
        &core::TestRunner::cellRetrying,
        this,
        [this](
            int row, int column, int retry, int total, int delayMs, const core::ApiError &error) {
            ++m_retries;
            m_status->setText(tr("Row %1, column %2: retry %3 of %4 in %5 s (%6)")
                                  .arg(row + 1)
                                  .arg(column + 1)
                                  .arg(retry)
                                  .arg(total)
                                  .arg(delayMs / 1000.0, 0, 'f', 1)
                                  .arg(error.message));
        });
    connect(m_runner.get(), &core::TestRunner::finished, this, &TestRunPanel::onFinished);
    m_status->setText(tr("Running…"));
    m_runner->start();
    refreshButtons();
    reloadKeptRuns();
}

void TestRunPanel::cancel()
{
    if (isRunning())
        m_runner->cancel();
}

void TestRunPanel::resume()
{
    if (!m_runner || isRunning())
        return;
    m_status->setText(tr("Resuming…"));
    m_runner->start();
    refreshButtons();
}

void TestRunPanel::onFinished(bool canceled)
{
    // The cancelled cells went back to pending: show them so.
    m_results->setRun(m_runner->testSet(), m_runner->run());
    const core::TestRun &run = m_runner->run();
    QString text = canceled
        ? tr("Cancelled: %1 of %2 cells finished.").arg(run.finishedCount()).arg(run.cells.size())
        : tr("Finished: %1 of %2 cells passed.").arg(run.passedCount()).arg(run.cells.size());
    if (m_retries > 0)
        text += QLatin1Char(' ') + tr("%n retry(s).", nullptr, m_retries);
    m_status->setText(text);
    refreshButtons();
    keepRun([this, canceled] {
        if (m_compare->currentIndex() > 0)
            compareWith(m_compare->currentData().toString());
        Q_EMIT runStopped(canceled);
    });
}

void TestRunPanel::keepRun(std::function<void()> then)
{
    if (!m_runner)
        return reloadKeptRuns(std::move(then));
    loadKeptRuns(m_runner->run(), std::move(then));
}

void TestRunPanel::reloadKeptRuns(std::function<void()> then)
{
    loadKeptRuns(std::nullopt, std::move(then));
}

void TestRunPanel::loadKeptRuns(std::optional<core::TestRun> save, std::function<void()> then)
{
    if (!m_store) {
        if (then)
            then();
        return;
    }
    // Writing and reading the kept runs (JSON files of thousands of cells) happens on a thread of
    // its own, one job after the other (a later grade's save never lands before an earlier one),
    // so the window does not stall; the list and `then` follow on the GUI thread.
    struct Loaded
    {
        QString error;
        QList<core::TestRun> runs;
    };
    auto *watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, then] {
        const Loaded loaded = watcher->future().result();
        watcher->deleteLater();
        if (!loaded.error.isEmpty())
            Q_EMIT message(loaded.error);
        m_keptRuns = loaded.runs;
        fillKeptRuns();
        if (then)
            then();
    });
    watcher->setFuture(QtConcurrent::run(&m_storeThread,
        [directory = m_store->directory(), save = std::move(save), setName = currentRun().setName] {
            const core::TestRunStore store(directory);
            Loaded loaded;
            if (save)
                store.save(*save, &loaded.error);
            loaded.runs = store.runs(setName);
            return loaded;
        }));
}

void TestRunPanel::fillKeptRuns()
{
    const QString current = m_compare->currentData().toString();
    m_compare->clear();
    m_compare->addItem(tr("(no comparison)"), QString());
    const core::TestRun &shown = currentRun();
    for (const core::TestRun &r : std::as_const(m_keptRuns)) {
        if (r.id == shown.id || r.setName != shown.setName)
            continue;
        m_compare->addItem(
            tr("%1 (%2% passed)")
                .arg(QDateTime::fromString(r.created, Qt::ISODateWithMs)
                         .toLocalTime()
                         .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
                .arg(qRound(100.0 * r.passedCount() / std::max(1, r.finishedCount()))),
            r.id);
    }
    const int i = m_compare->findData(current);
    m_compare->setCurrentIndex(std::max(0, i));
}

void TestRunPanel::compareWith(const QString &id)
{
    if (id.isEmpty()) {
        m_results->setComparison({});
        m_compareSummary->clear();
        return;
    }
    for (const core::TestRun &r : std::as_const(m_keptRuns)) {
        if (r.id != id)
            continue;
        const core::RunComparison diff = core::compareRuns(r, currentRun());
        m_results->setComparison(diff);
        m_compareSummary->setText(tr("%1 newly failing, %2 newly passing")
                                      .arg(diff.newlyFailing.size())
                                      .arg(diff.newlyPassing.size()));
        m_compare->setCurrentIndex(std::max(0, m_compare->findData(id)));
        return;
    }
}

void TestRunPanel::exportGrid()
{
    if (currentRun().cells.isEmpty())
        return;
    QString filter;
    const QString path = QFileDialog::getSaveFileName(this,
        tr("Export results"),
        currentRun().setName + QStringLiteral("-results.csv"),
        tr("CSV (*.csv);;JSON (*.json)"),
        &filter);
    if (path.isEmpty())
        return;
    QString error;
    if (!core::saveRunExport(m_results->testSet(), currentRun(), path, &error))
        Q_EMIT message(error);
    else
        Q_EMIT message(tr("Results saved to %1").arg(path));
}

void TestRunPanel::showCell(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    m_detail->showCell(m_results->testSet(), currentRun(), index.row(), index.column());
}

void TestRunPanel::refreshButtons()
{
    const bool running = isRunning();
    m_run->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_resume->setEnabled(
        !running && m_runner && m_runner->run().finishedCount() < m_runner->run().cells.size());
    m_export->setEnabled(!running && !currentRun().cells.isEmpty());
}

} // namespace ui
