// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Embedding.h"
#include "core/api/Models.h"
#include "ui/common/PlaygroundTab.h"
#include "ui/embeddings/EmbeddingSet.h"
#include "ui/embeddings/EmbeddingsForm.h"
#include "ui/embeddings/EmbeddingsViews.h"

#include <QWidget>

#include <atomic>
#include <memory>

class QComboBox;
class QThreadPool;
class QLineEdit;
class QTreeView;

namespace core {
class ApiClient;
class BatchJob;
class CachedEmbeddingJob;
class EmbeddingCache;
class EmbeddingProvider;
} // namespace core

namespace ui {

class EmbeddingsAnalysis;
class EmbeddingsSidePanel;
class MapView;
class MatrixView;
class ModelPicker;
class RunController;

/// The Embeddings tab: texts (pasted, from a TXT or CSV file, or a sample set) embedded in batches
/// through a provider (Aleph Alpha semantic symmetric or asymmetric, Aleph Alpha /embeddings,
/// Gradient) with a SQLite cache in front; a 2-D map (PCA, UMAP or t-SNE) coloured by label with
/// hover, zoom, pan and rubber-band selection; nearest neighbours of a clicked point; semantic
/// search; a cosine-similarity matrix ordered by label or by clustering; exports of the vectors
/// (CSV, JSON) and the map (PNG, SVG). Long work (embedding, PCA, UMAP, t-SNE, the matrix, the
/// neighbour index) runs off the GUI thread with progress and Cancel.
///
/// The tab composes its parts and runs the embedding jobs: the inputs are an EmbeddingsForm, the
/// map and matrix an EmbeddingsViews, the search and lists an EmbeddingsSidePanel, the work on
/// the embedded set an EmbeddingsAnalysis, the exports an EmbeddingsExporter.
class EmbeddingsTab : public PlaygroundTab
{
    Q_OBJECT
public:
    using Provider = EmbeddingsForm::Provider;
    using Projection = EmbeddingsViews::Projection;

    explicit EmbeddingsTab(core::ApiClient *client, QWidget *parent = nullptr);
    ~EmbeddingsTab() override;

    void setModels(const QList<core::ModelSettings> &models) override;
    /// The vector cache (null: none, every run sends everything). Not owned.
    void setCache(core::EmbeddingCache *cache) { m_cache = cache; }
    void setRecorder(core::RunRecorder *recorder) override;

    QString tabKey() const override { return QStringLiteral("embeddings"); }
    /// The first batch's /batch_semantic_embed or /embeddings call (Gradient: none).
    core::ApiCall currentCall(QString *problem) const override;
    QVariantMap draft() const override;
    void restoreDraft(const QVariantMap &draft) override;
    void restoreRun(const core::RunRecord &run) override;
    bool restoresAnswers() const override { return false; }
    ModelPicker *modelPicker() const override;
    bool canRun() const override { return true; }
    void triggerRun() override { embed(); }
    bool canStop() const override { return isBusy(); }
    void triggerStop() override { cancel(); }
    QString openFilter() const override { return tr("Texts (*.txt *.csv *.tsv);;All files (*)"); }
    /// A text file, one text per line (a CSV asks for its columns: triggerOpen()).
    bool openFile(const QString &path, QString *error) override
    {
        return importFile(path, {}, {}, error);
    }
    /// The form's own Open file… (it asks which columns of a CSV hold the texts and labels).
    void triggerOpen() override;

    // For tests and scripted use.
    void setProvider(Provider provider);
    void setModel(const QString &model);
    void setTextsAndLabels(const QStringList &texts, const QStringList &labels);
    /// The editor's texts and labels as the next run would send them.
    void parseInput(QStringList *texts, QStringList *labels) const;
    /// Reads a TXT (one text per line) or CSV file into the editor. For CSV, `textColumn` and
    /// `labelColumn` name the columns (empty label column: none; empty text column: ask, or the
    /// first column). False with `error` when the file cannot be read or a column or row is bad;
    /// the editor is then left as it was.
    bool importFile(
        const QString &path, const QString &textColumn, const QString &labelColumn, QString *error);
    /// Loads sample set `name` ("topics", "support-tickets", "everyday-topics") into the editor.
    bool loadSample(const QString &name);
    void embed();
    /// Maps the texts from the vector cache alone, sending nothing (after a restart): when any
    /// text is not cached, the tab says so and waits for Embed.
    void showCachedMap();
    void cancel();
    void search(const QString &query);
    void setProjection(Projection projection);
    /// Shows the similarity matrix of `rows` (data rows; empty: all, when at most 2,000).
    void showMatrix(const QList<int> &rows = {});
    bool exportVectors(const QString &path, QString *error) const; ///< .csv or .json by suffix
    bool exportMap(const QString &path, QString *error) const; ///< .png or .svg by suffix

    const EmbeddingSet &set() const;
    MapView *map() const { return m_map; }
    MatrixView *matrix() const;
    QTreeView *searchResults() const;
    QTreeView *neighbourList() const;
    QTreeView *selectionList() const;
    QString statusText() const;
    bool isBusy() const;
    /// The last run: texts sent and found in the cache.
    int lastSent() const { return m_lastSent; }
    int lastCached() const { return m_lastCached; }

Q_SIGNALS:
    /// The map has points for the current set (after PCA, UMAP or t-SNE).
    void mapReady();
    void searchFinished();
    void matrixReady();
    /// An embedding run ended (succeeded, failed or cancelled).
    void runFinished();

private:
    void build();
    std::unique_ptr<core::EmbeddingProvider> makeProvider(QString *error) const;
    /// Reads the editor's texts (a large text off the GUI thread, with Cancel) and starts the run
    /// of embed() (`cacheOnly` false) or showCachedMap() (true).
    void readAndRun(bool cacheOnly);
    /// Starts the embedding run of `input`; with `cacheOnly` from the cache alone, and nothing
    /// (not even a refusal) when there are no texts.
    void startRun(EmbeddingsForm::Input input, bool cacheOnly);
    bool isReading() const { return m_readCancel != nullptr; }
    /// Cancels the reading in progress: nothing was sent, the editor was only read.
    void stopReading();
    /// The first batch's call for `texts` (currentCall() of the parsed editor).
    core::ApiCall callFor(const QStringList &texts, QString *problem) const;
    /// Shows "Not sent: <problem>" in the error colour.
    void refuse(const QString &problem);
    void onRunFinished(core::BatchJob *batch);
    void onSearchFinished(core::BatchJob *batch);
    void setStatus(const QString &text, bool error = false);
    void exportDialog(bool map, const QString &filter, const QString &suffix);

    core::ApiClient *m_client;
    core::EmbeddingCache *m_cache = nullptr;
    QAbstractButton *exportButton() const override;
    RunController *m_run
        = nullptr; ///< the embedding runs: recorded by the tab (one call, many requests)
    RunController *m_search = nullptr; ///< the search queries: not recorded

    EmbeddingsForm *m_form = nullptr;
    EmbeddingsAnalysis *m_analysis = nullptr;
    EmbeddingsViews *m_views = nullptr;
    EmbeddingsSidePanel *m_side = nullptr;

    QComboBox *m_projection = nullptr;
    MapView *m_map = nullptr;
    QLineEdit *m_query = nullptr;

    std::unique_ptr<QThreadPool> m_readPool; ///< one thread: the editor's texts are parsed there
    std::shared_ptr<std::atomic<bool>> m_readCancel; ///< the reading in progress; null: none

    // The running embedding job and what it embeds.
    std::unique_ptr<core::EmbeddingProvider> m_runProvider;
    QStringList m_runTexts, m_runLabels;
    qint64 m_runId = 0; // its history record
    int m_lastSent = 0;
    int m_lastCached = 0;

    QString m_searchText; // the running search's query
    bool m_cacheOnlyRun = false; // the run in progress is showCachedMap()'s
};

} // namespace ui
