// SPDX-License-Identifier: MIT
#include "ui/embeddings/EmbeddingsSidePanel.h"

#include "ui/embeddings/EmbeddingRowModel.h"
#include "ui/embeddings/EmbeddingsAnalysis.h"
#include "ui/embeddings/MapView.h"
#include "ui/embeddings/NeighbourQueries.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ui {

namespace {

constexpr int kNeighbourCount = 10;
constexpr int kSearchResults = 20;

} // namespace

EmbeddingsSidePanel::EmbeddingsSidePanel(
    EmbeddingsAnalysis *analysis, MapView *map, QWidget *parent)
    : QWidget(parent)
    , m_analysis(analysis)
    , m_map(map)
{
    auto *rightLayout = new QVBoxLayout(this);
    rightLayout->setContentsMargins(4, 0, 0, 0);
    auto *searchRow = new QHBoxLayout;
    m_query = new QLineEdit(this);
    m_query->setObjectName(u"query"_s);
    m_query->setPlaceholderText(tr("Search by meaning…"));
    m_query->setClearButtonEnabled(true);
    connect(m_query, &QLineEdit::returnPressed, this, [this] {
        Q_EMIT searchRequested(m_query->text());
    });
    auto *searchButton = new QPushButton(tr("Search"), this);
    connect(searchButton, &QPushButton::clicked, this, [this] {
        Q_EMIT searchRequested(m_query->text());
    });
    searchRow->addWidget(m_query, 1);
    searchRow->addWidget(searchButton);
    rightLayout->addLayout(searchRow);
    m_resultsModel = new EmbeddingRowModel({tr("#"), tr("score"), tr("text")}, this);
    m_results = makeList(u"searchResults"_s, m_resultsModel);
    m_results->setToolTip(tr("Texts ranked by cosine similarity to the query; the hits are ringed "
                             "and numbered on the map."));
    rightLayout->addWidget(m_results, 3);
    m_neighboursTitle = new QLabel(tr("<b>Neighbours</b> — click a point on the map"), this);
    m_neighboursTitle->setWordWrap(
        true); // German titles are longer than the panel is wide at 1024 px
    rightLayout->addWidget(m_neighboursTitle);
    m_neighboursModel = new EmbeddingRowModel({tr("#"), tr("cosine"), tr("text")}, this);
    m_neighbours = makeList(u"neighbours"_s, m_neighboursModel);
    rightLayout->addWidget(m_neighbours, 2);
    m_selectionTitle = new QLabel(tr("<b>Selection</b> — Shift+drag on the map"), this);
    m_selectionTitle->setWordWrap(true);
    rightLayout->addWidget(m_selectionTitle);
    m_selectionModel = new EmbeddingRowModel({tr("#"), tr("label"), tr("text")}, this);
    m_selectionList = makeList(u"selection"_s, m_selectionModel);
    rightLayout->addWidget(m_selectionList, 2);
    const auto activate = [this](const QModelIndex &index) {
        if (index.isValid())
            chooseRow(index.siblingAtColumn(0).data(Qt::UserRole).toInt());
    };
    connect(m_results, &QTreeView::activated, this, activate);
    connect(m_results, &QTreeView::clicked, this, activate);
    connect(m_neighbours, &QTreeView::activated, this, activate);
    connect(m_selectionList, &QTreeView::activated, this, activate);

    connect(m_map, &MapView::pointActivated, this, &EmbeddingsSidePanel::chooseRow);
    connect(m_analysis->queries(),
        &NeighbourQueries::searchFinished,
        this,
        &EmbeddingsSidePanel::showSearchHits);
    connect(m_analysis->queries(),
        &NeighbourQueries::neighboursFound,
        this,
        &EmbeddingsSidePanel::showNeighbours);
    connect(m_map, &MapView::selectionChanged, this, &EmbeddingsSidePanel::updateSelectionList);
}

QTreeView *EmbeddingsSidePanel::makeList(const QString &name, EmbeddingRowModel *model)
{
    auto *list = new QTreeView(this);
    list->setObjectName(name);
    list->setRootIsDecorated(false);
    list->setUniformRowHeights(true);
    list->setModel(model);
    list->header()->setStretchLastSection(true);
    list->setColumnWidth(0, 46);
    list->setColumnWidth(1, 58);
    return list;
}

QString EmbeddingsSidePanel::labelOf(int row) const
{
    return m_analysis->set().labels.value(row);
}

void EmbeddingsSidePanel::clearResults()
{
    const QStringList &texts = m_analysis->set().texts;
    m_resultsModel->setTexts(texts);
    m_neighboursModel->setTexts(texts);
    m_selectionModel->setTexts(texts);
}

void EmbeddingsSidePanel::chooseRow(int row)
{
    const EmbeddingSet &set = m_analysis->set();
    if (row < 0 || row >= set.rows()) {
        m_analysis->queries()->cancel(NeighbourQueries::Kind::Neighbours);
        m_map->setCurrent(-1);
        return;
    }
    m_map->setCurrent(row);
    if (!m_analysis->index()) {
        m_neighboursModel->clear();
        m_neighboursTitle->setText(tr("<b>Neighbours</b> — the index is still being built"));
    }
    m_analysis->queries()->findNeighbours(row, kNeighbourCount);
}

void EmbeddingsSidePanel::showNeighbours(int row, const QList<core::analysis::Neighbour> &found)
{
    const EmbeddingSet &set = m_analysis->set();
    if (row >= set.rows())
        return;
    QList<int> rows;
    QList<EmbeddingRowModel::Row> items;
    for (const core::analysis::Neighbour &n : found) {
        rows.append(n.row);
        const int l = set.labelIndex.value(n.row, -1);
        items.append({n.row,
            QString::number(n.row + 1),
            QLocale().toString(n.similarity, 'f', 3),
            false,
            true,
            l < set.labelNames.size() ? l : -1});
    }
    m_neighboursModel->setRows(items);
    const core::analysis::NeighbourIndex *index = m_analysis->index();
    m_neighboursTitle->setText(
        tr("<b>Neighbours of #%1</b>%2 — %3")
            .arg(row + 1)
            .arg(labelOf(row).isEmpty() ? QString()
                                        : u" ["_s + labelOf(row).toHtmlEscaped() + u"]"_s)
            .arg(elideText(set.texts.at(row), 60).toHtmlEscaped())
        + (index && index->isApproximate() ? tr(" (4-bit pre-selection, re-scored exactly)")
                                           : QString()));
    m_map->setCurrent(row, rows);
}

void EmbeddingsSidePanel::updateSelectionList()
{
    const QList<int> rows = m_map->selection();
    QList<EmbeddingRowModel::Row> items;
    for (const int r : rows.mid(0, 5000))
        items.append({r, QString::number(r + 1), labelOf(r)});
    m_selectionModel->setRows(items);
    m_selectionTitle->setText(rows.isEmpty()
            ? tr("<b>Selection</b> — Shift+drag on the map")
            : tr("<b>Selection</b> — %Ln point(s) (Esc on the map clears)",
                nullptr,
                int(rows.size())));
}

void EmbeddingsSidePanel::search(const core::Embedding &vector)
{
    m_analysis->queries()->search(vector, kSearchResults);
}

void EmbeddingsSidePanel::showSearchHits(const QList<core::analysis::Neighbour> &found)
{
    const EmbeddingSet &set = m_analysis->set();
    QList<int> rows;
    QList<EmbeddingRowModel::Row> items;
    for (int k = 0; k < found.size(); ++k) {
        const int row = found.at(k).row;
        rows.append(row);
        const int l = set.labelIndex.value(row, -1);
        items.append({row,
            QString::number(k + 1),
            QLocale().toString(found.at(k).similarity, 'f', 3),
            true,
            true,
            l < set.labelNames.size() ? l : -1});
    }
    m_resultsModel->setRows(items);
    m_map->setHighlights(rows);
    Q_EMIT searchHitsShown(int(found.size()));
}

} // namespace ui
