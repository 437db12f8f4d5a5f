// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/Neighbours.h"
#include "core/api/Embedding.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTreeView;

namespace ui {

class EmbeddingRowModel;
class EmbeddingsAnalysis;
class MapView;

/// The Embeddings tab's right column: the search box, the search hits, the neighbours of the
/// chosen point and the points selected on the map, each a table over an EmbeddingRowModel.
/// Choosing a row in any of them chooses its point on the map.
class EmbeddingsSidePanel : public QWidget
{
    Q_OBJECT
public:
    /// `analysis` and `map` are not owned.
    EmbeddingsSidePanel(EmbeddingsAnalysis *analysis, MapView *map, QWidget *parent = nullptr);

    QLineEdit *query() const { return m_query; }
    QTreeView *searchResults() const { return m_results; }
    QTreeView *neighbourList() const { return m_neighbours; }
    QTreeView *selectionList() const { return m_selectionList; }

    /// Looks for the texts nearest to the query `vector` off the GUI thread (after the neighbour
    /// index, when it is still being built); searchHitsShown() when they are listed and ringed
    /// on the map. A newer search supersedes it.
    void search(const core::Embedding &vector);
    /// A new set: no hits, no neighbours; the lists read the set's texts.
    void clearResults();
    /// Chooses data row `row` on the map and lists its neighbours (found off the GUI thread, after
    /// the index when it is still being built), joining them to it on the map.
    void chooseRow(int row);
    /// Lists the points selected on the map.
    void updateSelectionList();

Q_SIGNALS:
    void searchRequested(const QString &query);
    /// The hits of search() are listed and ringed: `hits` of them.
    void searchHitsShown(int hits);

private:
    void showSearchHits(const QList<core::analysis::Neighbour> &found);
    void showNeighbours(int row, const QList<core::analysis::Neighbour> &found);
    QTreeView *makeList(const QString &name, EmbeddingRowModel *model);
    QString labelOf(int row) const;

    EmbeddingsAnalysis *m_analysis;
    MapView *m_map;
    QLineEdit *m_query = nullptr;
    EmbeddingRowModel *m_resultsModel = nullptr;
    EmbeddingRowModel *m_neighboursModel = nullptr;
    EmbeddingRowModel *m_selectionModel = nullptr;
    QTreeView *m_results = nullptr;
    QLabel *m_neighboursTitle = nullptr;
    QTreeView *m_neighbours = nullptr;
    QLabel *m_selectionTitle = nullptr;
    QTreeView *m_selectionList = nullptr;
};

} // namespace ui
