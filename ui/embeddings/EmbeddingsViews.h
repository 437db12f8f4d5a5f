// SPDX-License-Identifier: MIT
#pragma once

#include "ui/embeddings/EmbeddingsAnalysis.h"

#include <QTabWidget>

class QComboBox;
class QLabel;
class QProgressBar;
class QToolButton;

namespace ui {

class MapView;
class MatrixView;

/// The Embeddings tab's centre: a "Map" page (the projection chooser and its progress, the map
/// and the export menu) and a "Similarity matrix" page (the order, the matrix of the selection
/// and a note). Shows what the analysis computed: starts a projection or a matrix when it is not
/// there yet, and shows it when it is.
class EmbeddingsViews : public QTabWidget
{
    Q_OBJECT
public:
    /// In the order of the projection chooser's entries: PCA, UMAP, t-SNE.
    using Projection = EmbeddingsAnalysis::Projection;

    /// `analysis` (not owned) holds the set and computes for it.
    explicit EmbeddingsViews(EmbeddingsAnalysis *analysis, QWidget *parent = nullptr);

    MapView *map() const { return m_map; }
    MatrixView *matrix() const { return m_matrix; }
    QComboBox *projection() const { return m_projection; }

    /// A new set: the matrix of all rows again, exports possible.
    void resetForNewSet();
    /// Chooses `projection` and shows it.
    void setProjection(Projection projection);
    /// Shows the chosen projection, or computes it first.
    void startProjection();
    /// Shows the similarity matrix of `rows` (data rows; empty: all, when at most 2,000).
    void showMatrix(const QList<int> &rows = {});
    void setMatrixNote(const QString &text);
    /// Whether the texts changed since the map and matrix were made: a note above the map says
    /// so, and that Embed maps the texts now in the list.
    void setStale(bool stale);

Q_SIGNALS:
    void mapReady();
    void matrixReady();
    /// The user asked for an export: of the map (else the vectors), as `suffix`.
    void exportRequested(bool map, const QString &filter, const QString &suffix);
    /// A line for the tab's status.
    void statusMessage(const QString &text);

private:
    QWidget *buildMapPage();
    QWidget *buildMatrixPage();
    void onProjected(Projection projection, bool ok);

    EmbeddingsAnalysis *m_analysis;
    MapView *m_map = nullptr;
    QComboBox *m_projection = nullptr;
    QProgressBar *m_projectionProgress = nullptr;
    MatrixView *m_matrix = nullptr;
    QComboBox *m_matrixOrder = nullptr;
    QLabel *m_matrixNote = nullptr;
    QLabel *m_staleNote = nullptr;
    QToolButton *m_export = nullptr;
    QList<int> m_matrixRows;
};

} // namespace ui
