// SPDX-License-Identifier: MIT
#include "ui/embeddings/EmbeddingsViews.h"

#include "core/analysis/Tsne.h"
#include "ui/common/Theme.h"
#include "ui/embeddings/EmbeddingsAnalysis.h"
#include "ui/embeddings/MapView.h"
#include "ui/embeddings/MatrixView.h"

#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ui {

namespace {

/// A chooser named `name` with `label` before it, added to a page's `bar`.
QComboBox *addChooser(QHBoxLayout *bar,
    QWidget *page,
    const QString &label,
    const QString &name,
    const QStringList &items,
    const QString &toolTip)
{
    bar->addWidget(new QLabel(label, page));
    auto *chooser = new QComboBox(page);
    chooser->setObjectName(name);
    chooser->addItems(items);
    chooser->setToolTip(toolTip);
    bar->addWidget(chooser);
    return chooser;
}

/// Lays out a page: its `bar` of controls above its `view`, which takes the rest.
void layOutPage(QWidget *page, QHBoxLayout *bar, QWidget *view)
{
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(view, 1);
}

} // namespace

EmbeddingsViews::EmbeddingsViews(EmbeddingsAnalysis *analysis, QWidget *parent)
    : QTabWidget(parent)
    , m_analysis(analysis)
{
    setObjectName(u"views"_s);
    addTab(buildMapPage(), tr("Map"));
    addTab(buildMatrixPage(), tr("Similarity matrix"));
    connect(m_analysis,
        &EmbeddingsAnalysis::projectionProgress,
        m_projectionProgress,
        &QProgressBar::setValue);
    connect(m_analysis, &EmbeddingsAnalysis::projected, this, &EmbeddingsViews::onProjected);
}

QWidget *EmbeddingsViews::buildMapPage()
{
    auto *mapPage = new QWidget(this);
    auto *mapBar = new QHBoxLayout;
    m_projection = addChooser(mapBar,
        mapPage,
        tr("Projection"),
        u"projection"_s,
        {tr("PCA"), tr("UMAP"), tr("t-SNE")},
        tr("PCA: the two directions of largest variance (fast, keeps global distances).\n"
           "UMAP: keeps neighbourhoods, so clusters show more clearly (slower).\n"
           "t-SNE: keeps neighbourhoods and separates clusters sharply; distances between "
           "clusters mean little (up to %L1 texts, slowest).")
            .arg(core::analysis::kTsneMaxRows));
    connect(m_projection, &QComboBox::currentIndexChanged, this, [this](int i) {
        setProjection(Projection(i));
    });
    m_projectionProgress = new QProgressBar(mapPage);
    m_projectionProgress->setMaximumWidth(180);
    m_projectionProgress->setRange(0, 100);
    m_projectionProgress->hide();
    mapBar->addWidget(m_projectionProgress);
    mapBar->addStretch();
    auto *hint = new QLabel(tr("Shift+drag: select · click: neighbours"), mapPage);
    setTextRole(hint, TextRole::Muted);
    hint->setWordWrap(true); // wraps rather than widening the window on a small screen
    hint->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    hint->setToolTip(tr("Drag: pan · wheel or +/−: zoom · 0 or double-click: fit\nShift+drag: "
                        "select (Ctrl adds) · Esc: clear the selection\n"
                        "Click a point: its nearest neighbours · hover: its text"));
    mapBar->addWidget(hint);
    m_export = new QToolButton(mapPage);
    m_export->setText(tr("Export"));
    m_export->setObjectName(u"export"_s);
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(m_export);
    exportMenu->addAction(tr("Vectors as CSV…"), this, [this] {
        Q_EMIT exportRequested(false, tr("CSV (*.csv)"), u"csv"_s);
    });
    exportMenu->addAction(tr("Vectors as JSON…"), this, [this] {
        Q_EMIT exportRequested(false, tr("JSON (*.json)"), u"json"_s);
    });
    exportMenu->addSeparator();
    exportMenu->addAction(tr("Map as PNG…"), this, [this] {
        Q_EMIT exportRequested(true, tr("PNG image (*.png)"), u"png"_s);
    });
    exportMenu->addAction(tr("Map as SVG…"), this, [this] {
        Q_EMIT exportRequested(true, tr("SVG image (*.svg)"), u"svg"_s);
    });
    m_export->setMenu(exportMenu);
    m_export->setEnabled(false);
    mapBar->addWidget(m_export);
    m_map = new MapView(mapPage);
    m_map->setObjectName(u"map"_s);
    m_map->setPlaceholder(tr("Embed some texts to see them on a map.\n\nTry Samples ▸ Topics, then "
                             "Embed (Ctrl+Enter)."));
    layOutPage(mapPage, mapBar, m_map);
    m_staleNote = new QLabel(tr("The texts changed since this map was made: it still shows the "
                                "texts embedded before. Embed (Ctrl+Enter) maps the texts in the "
                                "list now."),
        mapPage);
    m_staleNote->setObjectName(u"staleNote"_s);
    m_staleNote->setWordWrap(true);
    setTextRole(m_staleNote, TextRole::Warning);
    m_staleNote->hide();
    static_cast<QVBoxLayout *>(mapPage->layout())->insertWidget(1, m_staleNote);
    return mapPage;
}

QWidget *EmbeddingsViews::buildMatrixPage()
{
    auto *matrixPage = new QWidget(this);
    auto *matrixBar = new QHBoxLayout;
    m_matrixOrder = addChooser(matrixBar,
        matrixPage,
        tr("Order"),
        u"matrixOrder"_s,
        {tr("by label"), tr("by clustering")},
        tr("By label: grouped by label, similar texts together inside each group.\n"
           "By clustering: the leaf order of average-linkage clustering."));
    connect(m_matrixOrder, &QComboBox::currentIndexChanged, this, [this] {
        if (m_analysis->set().rows() > 0)
            showMatrix(m_matrixRows);
    });
    auto *ofSelection = new QPushButton(tr("Matrix of the selection"), matrixPage);
    ofSelection->setObjectName(u"matrixOfSelection"_s);
    ofSelection->setToolTip(
        tr("Shift+drag on the map to select up to 2,000 points, then show their matrix."));
    connect(ofSelection, &QPushButton::clicked, this, [this] { showMatrix(m_map->selection()); });
    matrixBar->addWidget(ofSelection);
    m_matrixNote = new QLabel(matrixPage);
    m_matrixNote->setSizePolicy(
        QSizePolicy::Ignored, QSizePolicy::Preferred); // a long note never widens the window
    matrixBar->addWidget(m_matrixNote, 1);
    m_matrix = new MatrixView(matrixPage);
    m_matrix->setObjectName(u"matrix"_s);
    m_matrix->setPlaceholder(tr(
        "The cosine similarity of every pair of texts (up to 2,000) shows here after embedding."));
    layOutPage(matrixPage, matrixBar, m_matrix);
    return matrixPage;
}

void EmbeddingsViews::resetForNewSet()
{
    m_matrixRows.clear();
    m_export->setEnabled(true);
    setStale(false);
}

void EmbeddingsViews::setStale(bool stale)
{
    m_staleNote->setVisible(stale);
}

void EmbeddingsViews::setMatrixNote(const QString &text)
{
    m_matrixNote->setText(text);
}

void EmbeddingsViews::setProjection(Projection projection)
{
    if (m_projection->currentIndex() != int(projection)) {
        m_projection->setCurrentIndex(int(projection)); // comes back here through the signal
        return;
    }
    if (m_analysis->set().rows() == 0)
        return;
    startProjection();
}

void EmbeddingsViews::startProjection()
{
    const auto projection = Projection(m_projection->currentIndex());
    const QList<QPointF> &ready = m_analysis->points(projection);
    const EmbeddingSet &set = m_analysis->set();
    if (!ready.isEmpty()) {
        const QList<int> selection = m_map->selection();
        m_map->setPoints(ready, set.labelIndex, set.labelNames, set.texts);
        m_map->setAxisTitles(
            m_analysis->axisTitleX(projection), m_analysis->axisTitleY(projection));
        m_map->setSelection(selection);
        Q_EMIT mapReady();
        return;
    }
    m_projectionProgress->setValue(0);
    m_projectionProgress->setFormat(projection == Projection::Umap ? tr("UMAP %p%")
            : projection == Projection::Tsne                       ? tr("t-SNE %p%")
                                                                   : tr("PCA %p%"));
    m_projectionProgress->setRange(0, 100);
    m_projectionProgress->show();
    m_analysis->project(projection);
}

void EmbeddingsViews::onProjected(Projection projection, bool ok)
{
    m_projectionProgress->hide();
    if (!ok) {
        const int rows = m_analysis->set().rows();
        const bool cancelled = m_analysis->takeCancelled();
        if (projection == Projection::Umap && rows < 3)
            Q_EMIT statusMessage(tr("UMAP needs at least 3 texts; showing PCA."));
        else if (projection == Projection::Tsne && rows < 4)
            Q_EMIT statusMessage(tr("t-SNE needs at least 4 texts; showing PCA."));
        else if (projection == Projection::Tsne && rows > core::analysis::kTsneMaxRows)
            Q_EMIT statusMessage(
                tr("t-SNE lays out at most %L1 texts and this set has %L2: choose UMAP for it. "
                   "Showing PCA.")
                    .arg(core::analysis::kTsneMaxRows)
                    .arg(rows));
        else if (cancelled)
            Q_EMIT statusMessage(projection == Projection::Tsne ? tr("t-SNE cancelled.")
                    : projection == Projection::Umap            ? tr("UMAP cancelled.")
                                                                : tr("PCA cancelled."));
        if (projection != Projection::Pca && !m_analysis->points(Projection::Pca).isEmpty()) {
            const QSignalBlocker blocker(m_projection);
            m_projection->setCurrentIndex(int(Projection::Pca));
            startProjection();
        }
        return;
    }
    if (m_projection->currentIndex() == int(projection))
        startProjection();
}

void EmbeddingsViews::showMatrix(const QList<int> &rows)
{
    const EmbeddingSet &set = m_analysis->set();
    if (set.rows() == 0)
        return;
    QList<int> chosen = rows;
    if (chosen.isEmpty()) {
        if (set.rows() > core::analysis::kMaxSimilarityMatrixSize) {
            m_matrixNote->setText(
                tr("%L1 texts: select up to 2,000 points on the map for a matrix.")
                    .arg(set.rows()));
            return;
        }
    } else if (chosen.size() > core::analysis::kMaxSimilarityMatrixSize) {
        m_matrixNote->setText(
            tr("%L1 points are selected; the matrix takes at most 2,000.").arg(chosen.size()));
        return;
    } else if (chosen.size() < 2) {
        m_matrixNote->setText(tr("Select at least 2 points on the map (Shift+drag)."));
        return;
    }
    m_matrixRows = chosen;
    QList<int> dataRows = chosen;
    if (dataRows.isEmpty())
        for (int i = 0; i < set.rows(); ++i)
            dataRows.append(i);
    const bool byLabel = m_matrixOrder->currentIndex() == 0 && !set.labelNames.isEmpty();
    QStringList labels;
    QList<int> labelIndex;
    QStringList texts;
    for (const int r : std::as_const(dataRows)) {
        labels.append(set.labels.value(r));
        labelIndex.append(set.labelIndex.value(r, -1));
        texts.append(set.texts.value(r));
    }
    m_matrixNote->setText(tr("Computing the %L1 × %L1 matrix…").arg(dataRows.size()));
    m_analysis->computeMatrix(dataRows,
        byLabel,
        labels,
        [=, this](core::analysis::SimilarityMatrix &&matrix, const std::vector<int> &order) {
            if (matrix.size == 0 || order.empty()) {
                m_matrixNote->setText(tr("Cancelled."));
                return;
            }
            m_matrix->setMatrix(std::move(matrix),
                order,
                dataRows,
                labelIndex,
                m_analysis->set().labelNames,
                texts);
            m_matrixNote->setText(
                tr("%L1 texts, %2. Hover a cell to see both texts.")
                    .arg(dataRows.size())
                    .arg(byLabel ? tr("grouped by label") : tr("in clustering order")));
            Q_EMIT matrixReady();
        });
}

} // namespace ui
