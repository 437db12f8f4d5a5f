// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/Neighbours.h"
#include "core/analysis/Similarity.h"
#include "core/api/Models.h"
#include "ui/common/PlaygroundTab.h"

#include <QPointer>
#include <QWidget>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QToolButton;
class QTreeWidget;

namespace core {
class ApiClient;
class CachedEmbeddingJob;
class EmbeddingCache;
class EmbeddingProvider;
} // namespace core

namespace ui {

class MapView;
class MatrixView;
class ModelPicker;

/// The texts of a run and their vectors: rows × dims floats, row-major.
struct EmbeddingSet
{
    QStringList texts;
    QStringList labels;        ///< per text; empty when unlabelled
    QStringList labelNames;    ///< distinct labels in order of first appearance
    QList<int> labelIndex;     ///< per text, into labelNames; −1 when unlabelled
    int dims = 0;
    std::vector<float> data;
    int rows() const { return int(texts.size()); }
    core::analysis::VectorView view() const { return {data.data(), rows(), dims}; }
};

/// The Embeddings tab: texts (pasted, from a TXT or CSV file, or a sample set) embedded in batches
/// through a provider (Aleph Alpha semantic symmetric or asymmetric, Aleph Alpha /embeddings,
/// Gradient) with a SQLite cache in front; a 2-D map (PCA, or UMAP) coloured by label with hover,
/// zoom, pan and rubber-band selection; nearest neighbours of a clicked point; semantic search;
/// a cosine-similarity matrix ordered by label or by clustering; exports of the vectors (CSV,
/// JSON) and the map (PNG, SVG). Long work (embedding, PCA, UMAP, the matrix, the neighbour
/// index) runs off the GUI thread with progress and Cancel.
class EmbeddingsTab : public PlaygroundTab
{
    Q_OBJECT
public:
    enum class Provider { Symmetric, Asymmetric, EmbeddingsV2, Gradient };
    enum class Projection { Pca, Umap };

    explicit EmbeddingsTab(core::ApiClient *client, QWidget *parent = nullptr);
    ~EmbeddingsTab() override;

    void setModels(const QList<core::ModelSettings> &models) override;
    /// The vector cache (null: none, every run sends everything). Not owned.
    void setCache(core::EmbeddingCache *cache) { m_cache = cache; }
    void setRecorder(core::RunRecorder *recorder) override { m_recorder = recorder; }

    QString tabKey() const override { return QStringLiteral("embeddings"); }
    core::ApiCall currentCall(QString *problem) const override;
    QVariantMap draft() const override;
    void restoreDraft(const QVariantMap &draft) override;
    void restoreRun(const core::RunRecord &run) override;
    ModelPicker *modelPicker() const override { return m_model; }
    /// The request the tab would send now. False with `error` set when the input is not valid.
    bool currentRequest(QString *endpoint, QJsonObject *body, QString *error) const;

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
    bool importFile(const QString &path, const QString &textColumn, const QString &labelColumn, QString *error);
    /// Loads sample set `name` ("topics", "support-tickets") into the editor.
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
    bool exportMap(const QString &path, QString *error) const;     ///< .png or .svg by suffix

    const EmbeddingSet &set() const { return *m_shared; }
    MapView *map() const { return m_map; }
    MatrixView *matrix() const { return m_matrix; }
    QTreeWidget *searchResults() const { return m_results; }
    QTreeWidget *neighbourList() const { return m_neighbours; }
    QTreeWidget *selectionList() const { return m_selectionList; }
    QString statusText() const;
    bool isBusy() const;
    /// The last run: texts sent and found in the cache.
    int lastSent() const { return m_lastSent; }
    int lastCached() const { return m_lastCached; }

Q_SIGNALS:
    /// The map has points for the current set (after PCA or UMAP).
    void mapReady();
    void searchFinished();
    void matrixReady();
    /// An embedding run ended (succeeded, failed or cancelled).
    void runFinished();

private:
    QJsonObject draftJson() const;
    void restoreDraftJson(const QJsonObject &draft);
    void build();
    std::unique_ptr<core::EmbeddingProvider> makeProvider(QString *error) const;
    void updateProviderWidgets();
    void onRunFinished();
    void startProjection();
    void buildIndex();
    void chooseRow(int row);
    /// Ranks the texts against a query vector with the neighbour index, lists and rings the hits.
    void showSearchHits(const QList<float> &vector, const QString &query);
    void updateSelectionList();
    void setStatus(const QString &text, bool error = false);
    void openFile();
    void exportDialog(bool map, const QString &filter, const QString &suffix);
    QString labelOf(int row) const;

    core::ApiClient *m_client;
    core::EmbeddingCache *m_cache = nullptr;
    core::RunRecorder *m_recorder = nullptr;

    QComboBox *m_provider = nullptr;
    ModelPicker *m_model = nullptr;
    QComboBox *m_compress = nullptr;
    QCheckBox *m_normalize = nullptr;
    QCheckBox *m_thresholdOn = nullptr;
    QDoubleSpinBox *m_threshold = nullptr;
    QCheckBox *m_logAdditive = nullptr;
    QSpinBox *m_dimensions = nullptr;
    QSpinBox *m_chunkSize = nullptr;
    QSpinBox *m_inFlight = nullptr;
    QWidget *m_aaOptions = nullptr;
    QWidget *m_v2Options = nullptr;
    QWidget *m_gradientOptions = nullptr;
    QLineEdit *m_gradientUrl = nullptr;
    QLineEdit *m_gradientWorkspace = nullptr;
    QLineEdit *m_gradientToken = nullptr;
    QLineEdit *m_gradientQueryPrefix = nullptr;

    QPlainTextEdit *m_input = nullptr;
    QLabel *m_inputSummary = nullptr;
    QPushButton *m_embedButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_resumeButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;

    QTabWidget *m_views = nullptr;
    MapView *m_map = nullptr;
    QComboBox *m_projection = nullptr;
    QProgressBar *m_projectionProgress = nullptr;
    MatrixView *m_matrix = nullptr;
    QComboBox *m_matrixOrder = nullptr;
    QLabel *m_matrixNote = nullptr;
    QToolButton *m_export = nullptr;

    QLineEdit *m_query = nullptr;
    QTreeWidget *m_results = nullptr;
    QLabel *m_neighboursTitle = nullptr;
    QTreeWidget *m_neighbours = nullptr;
    QLabel *m_selectionTitle = nullptr;
    QTreeWidget *m_selectionList = nullptr;

    // The running embedding job and what it embeds.
    std::unique_ptr<core::EmbeddingProvider> m_runProvider;
    QPointer<core::CachedEmbeddingJob> m_job;
    QStringList m_runTexts, m_runLabels;
    qint64 m_runId = 0;
    int m_lastSent = 0;
    int m_lastCached = 0;

    // The search's own provider and job.
    std::unique_ptr<core::EmbeddingProvider> m_searchProvider;
    QPointer<core::CachedEmbeddingJob> m_searchJob;
    QList<float> m_pendingSearch;   // a query vector that arrived before the index
    QString m_pendingQuery;

    // The embedded set, shared read-only with the workers (PCA, UMAP, matrix, index).
    std::shared_ptr<const EmbeddingSet> m_shared = std::make_shared<const EmbeddingSet>();
    std::shared_ptr<core::analysis::NeighbourIndex> m_index;
    QList<QPointF> m_pca, m_umap;
    QString m_pcaTitleX, m_pcaTitleY;
    std::shared_ptr<std::atomic<bool>> m_workCancel;
    int m_generation = 0;
    bool m_indexBusy = false;
    bool m_cacheOnlyRun = false; // the run in progress is showCachedMap()'s
    bool m_projectionBusy = false;
    bool m_matrixBusy = false;
    QList<int> m_matrixRows;
};

} // namespace ui
