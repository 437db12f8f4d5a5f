// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Models.h"
#include "core/api/Prompt.h"
#include "core/workbench/TestRunner.h"

#include <QPointer>
#include <QThreadPool>
#include <QWidget>

#include <functional>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QModelIndex;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;

namespace ui {

class ModelPicker;
class TestCellDetail;
class TestResultsModel;

/// Runs a test set and shows its results: the versions × models to run (models typed, comma
/// separated), K requests in flight, Run / Cancel / Resume with progress and retries, the grid
/// (TestResultsModel) with the clicked cell's detail (TestCellDetail), a comparison with an
/// earlier kept run, and export of the grid as CSV or JSON. Every finished or cancelled run is
/// kept in the TestRunStore.
class TestRunPanel : public QWidget
{
    Q_OBJECT
public:
    /// `client` (not owned) sends the requests.
    TestRunPanel(core::ApiClient *client, QWidget *parent = nullptr);
    ~TestRunPanel() override;
    /// The set to run when Run is pressed (asked for then).
    void setSetSource(std::function<core::TestSet()> source) { m_setSource = std::move(source); }
    /// Where runs are kept (default: TestRunStore::defaultDirectory()).
    void setStoreDirectory(const QString &directory);
    void setModels(const QStringList &models);
    QStringList models() const;
    void setConcurrency(int k);
    /// The connection's models (`GET /model-settings`): the similarity checks' model is picked
    /// from those with semantic embeddings.
    void setAvailableModels(const QList<core::ModelSettings> &models);
    void setEmbeddingModel(const QString &model);
    QString embeddingModel() const;

    TestResultsModel *resultsModel() const { return m_results; }
    QTableView *grid() const { return m_grid; }
    TestCellDetail *detail() const { return m_detail; }
    /// The run shown (the runner's while one exists).
    const core::TestRun &currentRun() const;
    bool isRunning() const;

public Q_SLOTS:
    void run();
    void cancel();
    void resume();
    /// Compares the shown run with kept run `id` ("" clears the comparison).
    void compareWith(const QString &id);
    /// Asks for a file and writes the grid as CSV or JSON.
    void exportGrid();

Q_SIGNALS:
    /// "Explain" on a cell: its prompt, answer and model, for the Explanation tab.
    void explainRequested(const core::Prompt &prompt, const QString &answer, const QString &model);
    void message(const QString &text);
    /// A run stopped (finished or cancelled); tests wait on it.
    void runStopped(bool canceled);

private:
    void startRunner(const core::TestSet &set, const core::TestRun &run);
    void onFinished(bool canceled);
    void showCell(const QModelIndex &index);
    void refreshButtons();
    /// Saves the runner's run, then reloads the kept runs (both off the GUI thread) and calls
    /// `then`.
    void keepRun(std::function<void()> then = {});
    void reloadKeptRuns(std::function<void()> then = {});
    void loadKeptRuns(std::optional<core::TestRun> save, std::function<void()> then);
    void fillKeptRuns();

    core::ApiClient *m_client;
    std::function<core::TestSet()> m_setSource;
    std::unique_ptr<core::TestRunStore> m_store;
    std::unique_ptr<core::TestRunner> m_runner;
    TestResultsModel *m_results;
    QLineEdit *m_models;
    ModelPicker *m_embeddingModel;
    QSpinBox *m_concurrency;
    QPushButton *m_run;
    QPushButton *m_cancel;
    QPushButton *m_resume;
    QPushButton *m_export;
    QProgressBar *m_progress;
    QLabel *m_status;
    QComboBox *m_compare;
    QLabel *m_compareSummary;
    QTableView *m_grid;
    TestCellDetail *m_detail;
    QList<core::TestRun> m_keptRuns; // of the shown set, newest first
    QThreadPool m_storeThread; // one thread: saves and loads in order
    int m_retries = 0;
};

} // namespace ui
