// SPDX-License-Identifier: MIT
#include "ui/embeddings/EmbeddingsTab.h"

#include "core/analysis/Projection.h"
#include "core/net/ApiClient.h"
#include "core/net/CachedEmbedding.h"
#include "core/net/EmbeddingProvider.h"
#include "core/util/Csv.h"
#include "core/util/TextFile.h"
#include "ui/common/ErrorText.h"
#include "ui/common/ModelPicker.h"
#include "ui/common/ParameterTips.h"
#include "ui/common/Plural.h"
#include "ui/common/Shortcuts.h"
#include "ui/embeddings/MapView.h"
#include "ui/embeddings/MatrixView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QSvgGenerator>
#include <QTabWidget>
#include <QTextCursor>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

using namespace Qt::StringLiterals;

namespace ui {

namespace {

constexpr int kNeighbourCount = 10;
constexpr int kSearchResults = 20;
constexpr qsizetype kDraftLimit = 2 * 1024 * 1024; // editor text kept in the draft

QString formatSeconds(double seconds)
{
    if (seconds < 60)
        return u"%1 s"_s.arg(seconds, 0, 'f', seconds < 10 ? 1 : 0);
    return u"%1 min %2 s"_s.arg(int(seconds) / 60).arg(int(seconds) % 60);
}

} // namespace

EmbeddingsTab::EmbeddingsTab(core::ApiClient *client, QWidget *parent)
    : PlaygroundTab(parent)
    , m_client(client)
{
    build();
    addRunStopShortcuts(this, &EmbeddingsTab::embed, &EmbeddingsTab::cancel);
}

EmbeddingsTab::~EmbeddingsTab()
{
    if (m_workCancel)
        m_workCancel->store(true);
    if (m_job)
        m_job->disconnect(this);
    if (m_searchJob)
        m_searchJob->disconnect(this);
    delete m_job;
    delete m_searchJob;
}

void EmbeddingsTab::build()
{
    const QJsonObject tips = parameterDescriptions(u"batch_semantic_embed"_s);
    const QJsonObject v2Tips = parameterDescriptions(u"embeddings"_s);

    // ---- left: data, provider, run ----
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 4, 0);

    auto *dataBox = new QGroupBox(tr("Texts"), left);
    auto *dataLayout = new QVBoxLayout(dataBox);
    auto *dataButtons = new QHBoxLayout;
    auto *open = new QPushButton(tr("Open TXT/CSV…"), dataBox);
    open->setObjectName(u"openFile"_s);
    open->setToolTip(tr("A TXT file (one text per line) or a CSV file (you choose the text column and a label column)."));
    connect(open, &QPushButton::clicked, this, &EmbeddingsTab::openFile);
    auto *samples = new QToolButton(dataBox);
    samples->setText(tr("Samples"));
    samples->setPopupMode(QToolButton::InstantPopup);
    auto *sampleMenu = new QMenu(samples);
    sampleMenu->addAction(tr("Topics: cooking, space, football, finance (48)"), this, [this] { loadSample(u"topics"_s); });
    sampleMenu->addAction(tr("Support tickets: billing, login, shipping, bugs (32)"), this, [this] { loadSample(u"support-tickets"_s); });
    samples->setMenu(sampleMenu);
    dataButtons->addWidget(open);
    dataButtons->addWidget(samples);
    dataButtons->addStretch();
    dataLayout->addLayout(dataButtons);
    m_input = new QPlainTextEdit(dataBox);
    m_input->setObjectName(u"texts"_s);
    m_input->setPlaceholderText(tr("One text per line.\nA label may come first, separated by a tab:\n"
                                   "cooking⇥Knead the dough…\n\nOr open a file, or try a sample set."));
    m_input->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_input->setTabChangesFocus(false);
    dataLayout->addWidget(m_input, 1);
    m_inputSummary = new QLabel(dataBox);
    m_inputSummary->setObjectName(u"inputSummary"_s);
    dataLayout->addWidget(m_inputSummary);
    connect(m_input, &QPlainTextEdit::textChanged, this, [this] {
        QStringList texts, labels;
        parseInput(&texts, &labels);
        QSet<QString> distinct;
        for (const QString &l : std::as_const(labels))
            if (!l.isEmpty())
                distinct.insert(l);
        m_inputSummary->setText(texts.isEmpty() ? tr("No texts yet.")
                                                : tr("%1, %2").arg(plural(texts.size(), tr("text"), tr("texts")),
                                                                   plural(distinct.size(), tr("label"), tr("labels"))));
        Q_EMIT draftChanged();
    });
    leftLayout->addWidget(dataBox, 1);

    auto *providerBox = new QGroupBox(tr("Provider"), left);
    auto *form = new QFormLayout(providerBox);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_provider = new QComboBox(providerBox);
    m_provider->setObjectName(u"provider"_s);
    m_provider->addItem(tr("Aleph Alpha semantic — symmetric"));
    m_provider->addItem(tr("Aleph Alpha semantic — document / query"));
    m_provider->addItem(tr("Aleph Alpha /embeddings"));
    m_provider->addItem(tr("Gradient"));
    m_provider->setCurrentIndex(int(Provider::Asymmetric));
    m_provider->setToolTip(tr("Symmetric: texts compared with texts (clusters, the map).\n"
                              "Document / query: texts as documents, searches as queries (asymmetric search).\n"
                              "/embeddings: the OpenAI-style endpoint.\nGradient: the Gradient embeddings API."));
    form->addRow(tr("Service"), m_provider);
    m_model = new ModelPicker(ModelPicker::Capability::SemanticEmbedding, u"luminous-base"_s, providerBox);
    m_model->setObjectName(u"model"_s);
    form->addRow(tr("Model"), m_model);

    m_aaOptions = new QWidget(providerBox);
    auto *aaForm = new QFormLayout(m_aaOptions);
    aaForm->setContentsMargins(0, 0, 0, 0);
    m_compress = new QComboBox(m_aaOptions);
    m_compress->setObjectName(u"compressToSize"_s);
    m_compress->addItem(tr("none (full size)"));
    m_compress->addItem(u"128"_s);
    m_compress->setToolTip(tr("compress_to_size: 128 dimensions instead of the model's full size (5,120 for luminous-base). "
                              "Faster to send and compare, slightly less precise."));
    aaForm->addRow(u"compress_to_size"_s, m_compress);
    m_normalize = new QCheckBox(u"normalize"_s, m_aaOptions);
    m_normalize->setToolTip(parameterTip(tips, u"normalize"_s));
    aaForm->addRow(QString(), m_normalize);
    auto *thresholdRow = new QHBoxLayout;
    m_thresholdOn = new QCheckBox(m_aaOptions);
    m_threshold = new QDoubleSpinBox(m_aaOptions);
    m_threshold->setRange(0, 1);
    m_threshold->setSingleStep(0.05);
    m_threshold->setDecimals(3);
    m_threshold->setEnabled(false);
    m_threshold->setToolTip(parameterTip(tips, u"contextual_control_threshold"_s));
    m_thresholdOn->setToolTip(m_threshold->toolTip());
    connect(m_thresholdOn, &QCheckBox::toggled, m_threshold, &QWidget::setEnabled);
    thresholdRow->addWidget(m_thresholdOn);
    thresholdRow->addWidget(m_threshold, 1);
    aaForm->addRow(u"contextual_control_threshold"_s, thresholdRow);
    m_logAdditive = new QCheckBox(u"control_log_additive"_s, m_aaOptions);
    m_logAdditive->setChecked(true);
    m_logAdditive->setToolTip(parameterTip(tips, u"control_log_additive"_s));
    aaForm->addRow(QString(), m_logAdditive);
    form->addRow(m_aaOptions);

    m_v2Options = new QWidget(providerBox);
    auto *v2Form = new QFormLayout(m_v2Options);
    v2Form->setContentsMargins(0, 0, 0, 0);
    m_dimensions = new QSpinBox(m_v2Options);
    m_dimensions->setRange(0, 16384);
    m_dimensions->setSpecialValueText(tr("model default"));
    m_dimensions->setToolTip(parameterTip(v2Tips, u"dimensions"_s));
    v2Form->addRow(u"dimensions"_s, m_dimensions);
    form->addRow(m_v2Options);

    m_gradientOptions = new QWidget(providerBox);
    auto *gForm = new QFormLayout(m_gradientOptions);
    gForm->setContentsMargins(0, 0, 0, 0);
    m_gradientUrl = new QLineEdit(u"https://api.gradient.ai/api"_s, m_gradientOptions);
    m_gradientWorkspace = new QLineEdit(m_gradientOptions);
    m_gradientToken = new QLineEdit(m_gradientOptions);
    m_gradientToken->setEchoMode(QLineEdit::Password);
    m_gradientToken->setToolTip(tr("GRADIENT_ACCESS_TOKEN. Kept in memory only: never saved."));
    m_gradientQueryPrefix = new QLineEdit(m_gradientOptions);
    m_gradientQueryPrefix->setPlaceholderText(tr("optional, put before every search query"));
    gForm->addRow(tr("API URL"), m_gradientUrl);
    gForm->addRow(tr("Workspace id"), m_gradientWorkspace);
    gForm->addRow(tr("Access token"), m_gradientToken);
    gForm->addRow(tr("Query prefix"), m_gradientQueryPrefix);
    form->addRow(m_gradientOptions);

    auto *batchRow = new QHBoxLayout;
    m_chunkSize = new QSpinBox(providerBox);
    m_chunkSize->setRange(1, core::kMaxPromptsPerBatch);
    m_chunkSize->setValue(core::kMaxPromptsPerBatch);
    m_chunkSize->setSuffix(tr(" per request"));
    m_chunkSize->setToolTip(tr("Texts per request (at most 100 for /batch_semantic_embed)."));
    m_inFlight = new QSpinBox(providerBox);
    m_inFlight->setRange(1, 16);
    m_inFlight->setValue(4);
    m_inFlight->setSuffix(tr(" at once"));
    m_inFlight->setToolTip(tr("Requests in flight at the same time."));
    batchRow->addWidget(m_chunkSize);
    batchRow->addWidget(m_inFlight);
    form->addRow(tr("Batches"), batchRow);
    connect(m_provider, &QComboBox::currentIndexChanged, this, [this] {
        updateProviderWidgets();
        Q_EMIT draftChanged();
    });
    leftLayout->addWidget(providerBox);

    auto *runRow = new QHBoxLayout;
    m_embedButton = new QPushButton(tr("Embed"), left);
    m_embedButton->setObjectName(u"embed"_s);
    m_embedButton->setDefault(true);
    m_embedButton->setToolTip(tr("Embed the texts (Ctrl+Enter). Vectors already in the cache are not sent again."));
    connect(m_embedButton, &QPushButton::clicked, this, &EmbeddingsTab::embed);
    m_cancelButton = new QPushButton(tr("Cancel"), left);
    m_cancelButton->setObjectName(u"cancel"_s);
    m_cancelButton->setToolTip(tr("Stop embedding (Esc). What finished is kept in the cache."));
    m_cancelButton->setEnabled(false);
    connect(m_cancelButton, &QPushButton::clicked, this, &EmbeddingsTab::cancel);
    m_resumeButton = new QPushButton(tr("Resume"), left);
    m_resumeButton->setObjectName(u"resume"_s);
    m_resumeButton->setToolTip(tr("Embed again: the texts that finished come from the cache, only the rest is sent."));
    m_resumeButton->hide();
    connect(m_resumeButton, &QPushButton::clicked, this, &EmbeddingsTab::embed);
    runRow->addWidget(m_embedButton);
    runRow->addWidget(m_cancelButton);
    runRow->addWidget(m_resumeButton);
    leftLayout->addLayout(runRow);
    m_progress = new QProgressBar(left);
    m_progress->setObjectName(u"progress"_s);
    m_progress->setTextVisible(true);
    m_progress->setFormat(u"%v / %m"_s);
    m_progress->hide();
    leftLayout->addWidget(m_progress);
    m_status = new QLabel(left);
    m_status->setObjectName(u"status"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    leftLayout->addWidget(m_status);

    auto *leftScroll = new QScrollArea(this);
    leftScroll->setWidget(left);
    leftScroll->setWidgetResizable(true);
    leftScroll->setFrameShape(QFrame::NoFrame);
    // Its natural width when there is room; narrower (scrolling) so that the tab fits 1024 pixels.
    const int naturalWidth = left->sizeHint().width() + leftScroll->verticalScrollBar()->sizeHint().width();
    leftScroll->setMinimumWidth(std::min(naturalWidth, 270));

    // ---- centre: map and matrix ----
    m_views = new QTabWidget(this);
    m_views->setObjectName(u"views"_s);
    auto *mapPage = new QWidget(m_views);
    auto *mapLayout = new QVBoxLayout(mapPage);
    mapLayout->setContentsMargins(0, 4, 0, 0);
    auto *mapBar = new QHBoxLayout;
    mapBar->addWidget(new QLabel(tr("Projection"), mapPage));
    m_projection = new QComboBox(mapPage);
    m_projection->setObjectName(u"projection"_s);
    m_projection->addItem(tr("PCA"));
    m_projection->addItem(tr("UMAP"));
    m_projection->setToolTip(tr("PCA: the two directions of largest variance (fast, keeps global distances).\n"
                                "UMAP: keeps neighbourhoods, so clusters show more clearly (slower)."));
    connect(m_projection, &QComboBox::currentIndexChanged, this, [this](int i) { setProjection(Projection(i)); });
    mapBar->addWidget(m_projection);
    m_projectionProgress = new QProgressBar(mapPage);
    m_projectionProgress->setMaximumWidth(180);
    m_projectionProgress->setRange(0, 100);
    m_projectionProgress->hide();
    mapBar->addWidget(m_projectionProgress);
    mapBar->addStretch();
    auto *hint = new QLabel(tr("Shift+drag: select · click: neighbours"), mapPage);
    hint->setStyleSheet(u"color: palette(mid);"_s);
    hint->setToolTip(tr("Drag: pan · wheel or +/−: zoom · 0 or double-click: fit\nShift+drag: select (Ctrl adds) · Esc: clear the selection\n"
                        "Click a point: its nearest neighbours · hover: its text"));
    mapBar->addWidget(hint);
    m_export = new QToolButton(mapPage);
    m_export->setText(tr("Export"));
    m_export->setObjectName(u"export"_s);
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(m_export);
    exportMenu->addAction(tr("Vectors as CSV…"), this, [this] { exportDialog(false, tr("CSV (*.csv)"), u"csv"_s); });
    exportMenu->addAction(tr("Vectors as JSON…"), this, [this] { exportDialog(false, tr("JSON (*.json)"), u"json"_s); });
    exportMenu->addSeparator();
    exportMenu->addAction(tr("Map as PNG…"), this, [this] { exportDialog(true, tr("PNG image (*.png)"), u"png"_s); });
    exportMenu->addAction(tr("Map as SVG…"), this, [this] { exportDialog(true, tr("SVG image (*.svg)"), u"svg"_s); });
    m_export->setMenu(exportMenu);
    m_export->setEnabled(false);
    mapBar->addWidget(m_export);
    mapLayout->addLayout(mapBar);
    m_map = new MapView(mapPage);
    m_map->setObjectName(u"map"_s);
    m_map->setPlaceholder(tr("Embed some texts to see them on a map.\n\nTry Samples ▸ Topics, then Embed (Ctrl+Enter)."));
    mapLayout->addWidget(m_map, 1);
    m_views->addTab(mapPage, tr("Map"));

    auto *matrixPage = new QWidget(m_views);
    auto *matrixLayout = new QVBoxLayout(matrixPage);
    matrixLayout->setContentsMargins(0, 4, 0, 0);
    auto *matrixBar = new QHBoxLayout;
    matrixBar->addWidget(new QLabel(tr("Order"), matrixPage));
    m_matrixOrder = new QComboBox(matrixPage);
    m_matrixOrder->setObjectName(u"matrixOrder"_s);
    m_matrixOrder->addItem(tr("by label"));
    m_matrixOrder->addItem(tr("by clustering"));
    m_matrixOrder->setToolTip(tr("By label: grouped by label, similar texts together inside each group.\n"
                                 "By clustering: the leaf order of average-linkage clustering."));
    connect(m_matrixOrder, &QComboBox::currentIndexChanged, this, [this] {
        if (m_shared->rows() > 0)
            showMatrix(m_matrixRows);
    });
    matrixBar->addWidget(m_matrixOrder);
    auto *ofSelection = new QPushButton(tr("Matrix of the selection"), matrixPage);
    ofSelection->setObjectName(u"matrixOfSelection"_s);
    ofSelection->setToolTip(tr("Shift+drag on the map to select up to 2,000 points, then show their matrix."));
    connect(ofSelection, &QPushButton::clicked, this, [this] { showMatrix(m_map->selection()); });
    matrixBar->addWidget(ofSelection);
    m_matrixNote = new QLabel(matrixPage);
    m_matrixNote->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // a long note never widens the window
    matrixBar->addWidget(m_matrixNote, 1);
    matrixLayout->addLayout(matrixBar);
    m_matrix = new MatrixView(matrixPage);
    m_matrix->setObjectName(u"matrix"_s);
    m_matrix->setPlaceholder(tr("The cosine similarity of every pair of texts (up to 2,000) shows here after embedding."));
    matrixLayout->addWidget(m_matrix, 1);
    m_views->addTab(matrixPage, tr("Similarity matrix"));

    // ---- right: search, neighbours, selection ----
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(4, 0, 0, 0);
    auto *searchRow = new QHBoxLayout;
    m_query = new QLineEdit(right);
    m_query->setObjectName(u"query"_s);
    m_query->setPlaceholderText(tr("Search by meaning…"));
    m_query->setClearButtonEnabled(true);
    connect(m_query, &QLineEdit::returnPressed, this, [this] { search(m_query->text()); });
    auto *searchButton = new QPushButton(tr("Search"), right);
    connect(searchButton, &QPushButton::clicked, this, [this] { search(m_query->text()); });
    searchRow->addWidget(m_query, 1);
    searchRow->addWidget(searchButton);
    rightLayout->addLayout(searchRow);
    const auto makeList = [right](const QString &name, const QStringList &headers) {
        auto *list = new QTreeWidget(right);
        list->setObjectName(name);
        list->setRootIsDecorated(false);
        list->setUniformRowHeights(true);
        list->setHeaderLabels(headers);
        list->header()->setStretchLastSection(true);
        list->setColumnWidth(0, 46);
        list->setColumnWidth(1, 58);
        return list;
    };
    m_results = makeList(u"searchResults"_s, {tr("#"), tr("score"), tr("text")});
    m_results->setToolTip(tr("Texts ranked by cosine similarity to the query; the hits are ringed and numbered on the map."));
    rightLayout->addWidget(m_results, 3);
    m_neighboursTitle = new QLabel(tr("<b>Neighbours</b> — click a point on the map"), right);
    rightLayout->addWidget(m_neighboursTitle);
    m_neighbours = makeList(u"neighbours"_s, {tr("#"), tr("cosine"), tr("text")});
    rightLayout->addWidget(m_neighbours, 2);
    m_selectionTitle = new QLabel(tr("<b>Selection</b> — Shift+drag on the map"), right);
    rightLayout->addWidget(m_selectionTitle);
    m_selectionList = makeList(u"selection"_s, {tr("#"), tr("label"), tr("text")});
    rightLayout->addWidget(m_selectionList, 2);
    const auto activate = [this](QTreeWidgetItem *item) {
        if (item)
            chooseRow(item->data(0, Qt::UserRole).toInt());
    };
    connect(m_results, &QTreeWidget::itemActivated, this, activate);
    connect(m_results, &QTreeWidget::itemClicked, this, activate);
    connect(m_neighbours, &QTreeWidget::itemActivated, this, activate);
    connect(m_selectionList, &QTreeWidget::itemActivated, this, activate);

    connect(m_map, &MapView::pointActivated, this, &EmbeddingsTab::chooseRow);
    connect(m_map, &MapView::selectionChanged, this, &EmbeddingsTab::updateSelectionList);

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("embeddingsSplitter"));
    splitter->addWidget(leftScroll);
    splitter->addWidget(m_views);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 0);
    splitter->setSizes({naturalWidth, 560, 280});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(splitter);
    updateProviderWidgets();
    m_inputSummary->setText(tr("No texts yet."));
}

void EmbeddingsTab::updateProviderWidgets()
{
    const auto p = Provider(m_provider->currentIndex());
    const bool aa = p == Provider::Symmetric || p == Provider::Asymmetric;
    m_aaOptions->setVisible(aa);
    m_v2Options->setVisible(p == Provider::EmbeddingsV2);
    m_gradientOptions->setVisible(p == Provider::Gradient);
    m_model->setCapability(p == Provider::EmbeddingsV2 ? ModelPicker::Capability::Embedding
                           : p == Provider::Gradient   ? ModelPicker::Capability::Any
                                                       : ModelPicker::Capability::SemanticEmbedding);
    m_model->setToolTip(p == Provider::Gradient ? tr("The Gradient model slug, e.g. bge-large.")
                                                : tr("The model to use. The list comes from /model-settings; any name can be typed."));
}

void EmbeddingsTab::setModels(const QList<core::ModelSettings> &models)
{
    m_model->setModels(models);
}

void EmbeddingsTab::setProvider(Provider provider)
{
    m_provider->setCurrentIndex(int(provider));
}

void EmbeddingsTab::setModel(const QString &model)
{
    m_model->setEditText(model);
}

void EmbeddingsTab::setTextsAndLabels(const QStringList &texts, const QStringList &labels)
{
    QStringList lines;
    lines.reserve(texts.size());
    for (qsizetype i = 0; i < texts.size(); ++i) {
        QString text = texts.at(i);
        text.replace(u'\t', u' ').replace(u'\n', u' ').replace(u'\r', u' ');
        QString label = labels.value(i);
        label.replace(u'\t', u' ').replace(u'\n', u' ');
        lines.append(label.isEmpty() ? text : label + u'\t' + text);
    }
    // One edit block on the editor's undo stack (setPlainText would clear it): Ctrl+Z in the
    // editor brings back the texts that were replaced.
    QTextCursor cursor(m_input->document());
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(lines.join(u'\n'));
    cursor.endEditBlock();
    m_input->moveCursor(QTextCursor::Start);
}

void EmbeddingsTab::parseInput(QStringList *texts, QStringList *labels) const
{
    texts->clear();
    labels->clear();
    const QStringList lines = m_input->toPlainText().split(u'\n');
    for (const QString &line : lines) {
        const qsizetype tab = line.indexOf(u'\t');
        const QString text = (tab >= 0 ? line.mid(tab + 1) : line).trimmed();
        if (text.isEmpty())
            continue;
        texts->append(text);
        labels->append(tab >= 0 ? line.left(tab).trimmed() : QString());
    }
}

bool EmbeddingsTab::importFile(const QString &path, const QString &textColumn, const QString &labelColumn, QString *error)
{
    QString content;
    QString message;
    if (!core::readTextFile(path, &content, &message)) {
        *error = tr("%1; nothing was imported.").arg(message);
        return false;
    }
    const QString suffix = QFileInfo(path).suffix().toLower();
    QStringList texts, labels;
    if (suffix == u"csv"_s || suffix == u"tsv"_s) {
        const std::optional<core::CsvTable> table = core::readCsv(content, &message, suffix == u"tsv"_s ? QChar(u'\t') : core::guessCsvSeparator(content));
        if (!table) {
            *error = tr("%1: %2. Nothing was imported.").arg(QFileInfo(path).fileName(), message);
            return false;
        }
        const auto missing = [&](const QString &column) {
            *error = tr("%1 has no column \"%2\"; its columns are: %3. Nothing was imported.")
                         .arg(QFileInfo(path).fileName(), column, table->header.join(u", "_s));
            return false;
        };
        const int textIndex = textColumn.isEmpty() ? 0 : table->column(textColumn);
        if (textIndex < 0)
            return missing(textColumn);
        const int labelIndex = labelColumn.isEmpty() ? -1 : table->column(labelColumn);
        if (!labelColumn.isEmpty() && labelIndex < 0)
            return missing(labelColumn);
        for (const QStringList &row : table->rows) {
            if (row.at(textIndex).trimmed().isEmpty())
                continue;
            texts.append(row.at(textIndex));
            labels.append(labelIndex >= 0 ? row.at(labelIndex) : QString());
        }
    } else {
        for (const QString &line : content.split(u'\n')) {
            const QString text = line.trimmed();
            if (!text.isEmpty()) {
                texts.append(text);
                labels.append(QString());
            }
        }
    }
    if (texts.isEmpty()) {
        *error = tr("%1 holds no texts. Nothing was imported.").arg(QFileInfo(path).fileName());
        return false;
    }
    setTextsAndLabels(texts, labels);
    setStatus(tr("Imported %1 from %2.").arg(plural(texts.size(), tr("text"), tr("texts")), QFileInfo(path).fileName()));
    return true;
}

bool EmbeddingsTab::loadSample(const QString &name)
{
    QString error;
    const bool topics = name == u"topics"_s;
    const bool ok = importFile(u":/embeddings/%1.csv"_s.arg(name), topics ? u"text"_s : u"ticket"_s,
                               topics ? u"label"_s : u"category"_s, &error);
    if (!ok)
        setStatus(error, true);
    return ok;
}

void EmbeddingsTab::openFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open texts"), QString(),
                                                      tr("Texts (*.txt *.csv *.tsv);;All files (*)"));
    if (path.isEmpty())
        return;
    QString textColumn, labelColumn;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"csv"_s || suffix == u"tsv"_s) {
        // Checked before any question is asked: a file that is not text, or not CSV, is refused.
        QString content, message;
        if (!core::readTextFile(path, &content, &message)) {
            setStatus(tr("%1; nothing was imported.").arg(message), true);
            return;
        }
        const auto table = core::readCsv(content, &message, suffix == u"tsv"_s ? QChar(u'\t') : core::guessCsvSeparator(content));
        const QStringList columns = table ? table->header : QStringList();
        if (columns.isEmpty()) {
            setStatus(tr("%1: %2. Nothing was imported.").arg(QFileInfo(path).fileName(), message), true);
            return;
        }
        const core::CsvColumnGuess guess = core::guessCsvColumns(*table);
        bool ok = false;
        textColumn = QInputDialog::getItem(this, tr("Text column"), tr("The column with the texts:"), columns,
                                           std::max(guess.text, 0), false, &ok);
        if (!ok)
            return;
        QStringList labelChoices = columns;
        labelChoices.removeAll(textColumn);
        labelChoices.prepend(tr("(no labels)"));
        const QString guessedLabel = guess.label >= 0 ? columns.at(guess.label) : QString();
        const int labelChoice = guessedLabel.isEmpty() || guessedLabel == textColumn ? 0 : int(std::max<qsizetype>(0, labelChoices.indexOf(guessedLabel, 1)));
        const QString label = QInputDialog::getItem(this, tr("Label column"), tr("The column with labels (colours on the map):"),
                                                    labelChoices, labelChoice, false, &ok);
        if (!ok)
            return;
        labelColumn = label == labelChoices.first() ? QString() : label;
    }
    QString error;
    if (!importFile(path, textColumn, labelColumn, &error))
        setStatus(error, true);
}

std::unique_ptr<core::EmbeddingProvider> EmbeddingsTab::makeProvider(QString *error) const
{
    const auto p = Provider(m_provider->currentIndex());
    const QString model = m_model->model();
    if (model.isEmpty()) {
        *error = tr("Choose a model.");
        return nullptr;
    }
    const core::BatchOptions batch{m_chunkSize->value(), m_inFlight->value()};
    switch (p) {
    case Provider::Symmetric:
    case Provider::Asymmetric: {
        core::AlephAlphaEmbeddingSettings s;
        s.model = model;
        s.asymmetric = p == Provider::Asymmetric;
        if (m_compress->currentIndex() == 1)
            s.compressToSize = core::kCompressedEmbeddingSize;
        s.normalize = m_normalize->isChecked();
        if (m_thresholdOn->isChecked())
            s.contextualControlThreshold = m_threshold->value();
        s.controlLogAdditive = m_logAdditive->isChecked();
        s.batch = batch;
        return std::make_unique<core::AlephAlphaEmbeddingProvider>(m_client, s);
    }
    case Provider::EmbeddingsV2: {
        core::AlephAlphaEmbeddingsV2Settings s;
        s.model = model;
        if (m_dimensions->value() > 0)
            s.dimensions = m_dimensions->value();
        s.batch = batch;
        return std::make_unique<core::AlephAlphaEmbeddingsV2Provider>(m_client, s);
    }
    case Provider::Gradient: {
        core::GradientEmbeddingSettings s;
        s.apiUrl = QUrl(m_gradientUrl->text().trimmed());
        s.workspaceId = m_gradientWorkspace->text().trimmed();
        s.accessToken = m_gradientToken->text();
        s.model = model;
        if (!m_gradientQueryPrefix->text().isEmpty())
            s.queryPromptForRetrieval = m_gradientQueryPrefix->text();
        s.batch = batch;
        if (!s.apiUrl.isValid() || s.apiUrl.scheme().isEmpty()) {
            *error = tr("The Gradient API URL is not valid.");
            return nullptr;
        }
        if (s.workspaceId.isEmpty() || s.accessToken.isEmpty()) {
            *error = tr("Gradient needs a workspace id and an access token.");
            return nullptr;
        }
        return std::make_unique<core::GradientEmbeddingProvider>(m_client->networkAccessManager(), s);
    }
    }
    return nullptr;
}

void EmbeddingsTab::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? u"color: #b00020;"_s : QString());
}

QString EmbeddingsTab::statusText() const
{
    return m_status->text();
}

bool EmbeddingsTab::isBusy() const
{
    return m_job || m_projectionBusy || m_matrixBusy || m_indexBusy;
}

void EmbeddingsTab::showCachedMap()
{
    if (m_job || !m_cache)
        return;
    QStringList texts, labels;
    parseInput(&texts, &labels);
    if (texts.isEmpty())
        return;
    m_cacheOnlyRun = true;
    embed();
    m_cacheOnlyRun = m_job != nullptr;
}

void EmbeddingsTab::embed()
{
    if (m_job)
        return;
    QStringList texts, labels;
    parseInput(&texts, &labels);
    if (texts.isEmpty()) {
        setStatus(tr("There are no texts to embed: paste some (one per line), open a file or pick a sample."), true);
        return;
    }
    QString error;
    std::unique_ptr<core::EmbeddingProvider> provider = makeProvider(&error);
    if (!provider) {
        setStatus(error, true);
        return;
    }
    m_runProvider = std::move(provider);
    m_runTexts = texts;
    m_runLabels = labels;
    m_job = new core::CachedEmbeddingJob(m_runProvider.get(), m_cache, texts, false, this);
    m_job->setCacheOnly(m_cacheOnlyRun);
    m_embedButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_resumeButton->hide();
    m_progress->setRange(0, int(texts.size()));
    m_progress->setValue(0);
    m_progress->show();
    setStatus(tr("Embedding %1 with %2…").arg(plural(texts.size(), tr("text"), tr("texts")), m_runProvider->displayName()));
    QString endpoint;
    QJsonObject body;
    QString requestError;
    if (m_recorder && !m_cacheOnlyRun && currentRequest(&endpoint, &body, &requestError))
        m_runId = m_recorder->begin(tabKey(), core::ApiCall::fromRecord(endpoint, body));
    connect(m_job, &core::CachedEmbeddingJob::progress, this, [this](int done, int total) {
        m_progress->setValue(done);
        const int cached = m_job->cached();
        const double seconds = m_job->sendingMs() / 1000.0;
        QString line = tr("%1 of %2 embedded").arg(done).arg(total);
        if (cached > 0)
            line += tr(" · %1 from the cache").arg(cached);
        const int fetched = done - cached;
        if (fetched > 0 && seconds > 0) {
            const double rate = fetched / seconds;
            line += tr(" · %1 texts/s · %2 left").arg(rate, 0, 'f', 0).arg(formatSeconds((total - done) / rate));
        }
        setStatus(line);
    });
    connect(m_job, &core::CachedEmbeddingJob::retrying, this,
            [this](int chunk, int retry, int totalRetries, int delayMs, const core::ApiError &e) {
                setStatus(tr("Batch %1: %2").arg(chunk + 1).arg(retryingText(retry, totalRetries, delayMs, e)));
            });
    connect(m_job, &core::CachedEmbeddingJob::finished, this, &EmbeddingsTab::onRunFinished);
}

void EmbeddingsTab::cancel()
{
    if (m_job)
        m_job->cancel();
    else if (m_searchJob)
        m_searchJob->cancel();
    else if (m_workCancel && (m_projectionBusy || m_matrixBusy))
        m_workCancel->store(true);
    else if (!m_map->selection().isEmpty())
        m_map->setSelection({}); // Esc with nothing running clears the map's selection
}

void EmbeddingsTab::onRunFinished()
{
    core::CachedEmbeddingJob *job = m_job;
    m_job.clear();
    job->deleteLater();
    m_embedButton->setEnabled(true);
    m_cancelButton->setEnabled(false);
    m_lastSent = job->sent();
    m_lastCached = job->cached();
    const int done = job->done();
    const int total = job->total();
    const double seconds = job->sendingMs() / 1000.0;
    QString cacheNote;
    if (!job->cacheError().isEmpty())
        cacheNote = tr(" The cache could not store them: %1.").arg(job->cacheError());
    if (m_recorder && m_runId)
        m_recorder->finish(m_runId, job->state() == core::ApiJob::State::Succeeded  ? core::RunStatus::Succeeded
                                    : job->state() == core::ApiJob::State::Canceled ? core::RunStatus::Canceled
                                                                                     : core::RunStatus::Failed,
                           tr("%1 vectors, %2 from the cache").arg(done).arg(job->cached()),
                           job->state() == core::ApiJob::State::Failed ? errorText(job->error()) : QString(),
                           job->sendingMs());
    m_runId = 0;
    const bool cacheOnly = std::exchange(m_cacheOnlyRun, false);
    if (cacheOnly && job->state() != core::ApiJob::State::Succeeded) {
        m_progress->hide();
        setStatus(tr("The last map is not all in the cache (%1); Embed (Ctrl+Enter) makes it again.").arg(job->error().message));
        Q_EMIT runFinished();
        return;
    }
    if (job->state() != core::ApiJob::State::Succeeded) {
        m_progress->hide();
        const bool kept = m_cache && done > job->cached();
        if (job->state() == core::ApiJob::State::Canceled)
            setStatus(tr("Cancelled after %1 of %2.").arg(done).arg(total)
                      + (kept ? tr(" The finished ones are in the cache: Resume sends only the rest.") : QString()));
        else
            setStatus(tr("Embedding failed after %1 of %2: %3").arg(done).arg(total).arg(errorText(job->error()))
                          + (kept ? tr(" The finished ones are kept: Resume sends only the rest.") : QString()) + cacheNote,
                      true);
        m_resumeButton->setVisible(true);
        Q_EMIT runFinished();
        return;
    }
    m_progress->hide();
    // The set: vectors must all have one size.
    EmbeddingSet set;
    set.texts = m_runTexts;
    set.labels = m_runLabels;
    const QList<core::Embedding> &vectors = job->embeddings();
    set.dims = vectors.isEmpty() ? 0 : int(vectors.first().size());
    for (const core::Embedding &v : vectors) {
        if (v.size() != set.dims || set.dims == 0) {
            setStatus(tr("The vectors do not all have the same size (%1 and %2): mixed cache entries or a bad answer.")
                          .arg(set.dims).arg(v.size()),
                      true);
            Q_EMIT runFinished();
            return;
        }
    }
    set.data.resize(size_t(set.rows()) * size_t(set.dims));
    for (int i = 0; i < set.rows(); ++i)
        std::copy(vectors.at(i).begin(), vectors.at(i).end(), set.data.begin() + qsizetype(i) * set.dims);
    for (const QString &label : std::as_const(set.labels)) {
        if (label.isEmpty()) {
            set.labelIndex.append(-1);
            continue;
        }
        qsizetype index = set.labelNames.indexOf(label);
        if (index < 0) {
            index = set.labelNames.size();
            set.labelNames.append(label);
        }
        set.labelIndex.append(int(index));
    }
    m_shared = std::make_shared<const EmbeddingSet>(std::move(set)); // shared with the workers, never copied
    ++m_generation;
    if (m_workCancel)
        m_workCancel->store(true);
    m_workCancel = std::make_shared<std::atomic<bool>>(false);
    m_index.reset();
    m_pendingSearch.clear();
    m_pendingQuery.clear();
    m_pca.clear();
    m_umap.clear();
    m_results->clear();
    m_neighbours->clear();
    m_matrixRows.clear();
    m_export->setEnabled(true);
    QString line = tr("%1 vectors of %2 dimensions").arg(m_shared->rows()).arg(m_shared->dims);
    if (job->cached() > 0)
        line += tr(" · %1 from the cache").arg(job->cached());
    if (job->sent() > 0 && seconds > 0)
        line += tr(" · %1 sent in %2 (%3 texts/s)").arg(job->sent()).arg(formatSeconds(seconds)).arg(job->sent() / seconds, 0, 'f', 0);
    setStatus(line + u'.' + cacheNote);
    buildIndex();
    startProjection();
    if (m_shared->rows() <= core::analysis::kMaxSimilarityMatrixSize)
        showMatrix();
    else
        m_matrixNote->setText(tr("%L1 texts: select up to 2,000 points on the map for a matrix.").arg(m_shared->rows()));
    Q_EMIT runFinished();
}

void EmbeddingsTab::buildIndex()
{
    m_indexBusy = true;
    const auto shared = m_shared;
    const int generation = m_generation;
    auto *watcher = new QFutureWatcher<std::shared_ptr<core::analysis::NeighbourIndex>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        m_index = watcher->result();
        m_indexBusy = false;
        if (!m_pendingQuery.isEmpty()) {
            const core::Embedding vector = std::exchange(m_pendingSearch, {});
            showSearchHits(vector, std::exchange(m_pendingQuery, {}));
        }
    });
    watcher->setFuture(QtConcurrent::run([shared] {
        auto index = std::make_shared<core::analysis::NeighbourIndex>();
        index->build(shared->view());
        return index;
    }));
}

void EmbeddingsTab::setProjection(Projection projection)
{
    if (m_projection->currentIndex() != int(projection)) {
        m_projection->setCurrentIndex(int(projection)); // comes back here through the signal
        return;
    }
    if (m_shared->rows() == 0)
        return;
    startProjection();
}

void EmbeddingsTab::startProjection()
{
    const bool umap = m_projection->currentIndex() == int(Projection::Umap);
    const QList<QPointF> &ready = umap ? m_umap : m_pca;
    const QStringList &texts = m_shared->texts;
    if (!ready.isEmpty()) {
        const QList<int> selection = m_map->selection();
        m_map->setPoints(ready, m_shared->labelIndex, m_shared->labelNames, texts);
        m_map->setAxisTitles(umap ? u"UMAP 1"_s : m_pcaTitleX, umap ? u"UMAP 2"_s : m_pcaTitleY);
        m_map->setSelection(selection);
        Q_EMIT mapReady();
        return;
    }
    struct Result
    {
        QList<QPointF> points;
        QString x, y;
    };
    m_projectionBusy = true;
    m_projectionProgress->setValue(0);
    m_projectionProgress->setFormat(umap ? tr("UMAP %p%") : tr("PCA…"));
    m_projectionProgress->setRange(0, umap ? 100 : 0);
    m_projectionProgress->show();
    const auto shared = m_shared;
    const auto cancelFlag = m_workCancel;
    const int generation = m_generation;
    QPointer<QProgressBar> bar = m_projectionProgress;
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, umap] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        m_projectionBusy = false;
        m_projectionProgress->hide();
        Result r = watcher->result();
        if (r.points.isEmpty()) {
            if (umap && m_shared->rows() < 3)
                setStatus(tr("UMAP needs at least 3 texts; showing PCA."));
            if (umap && m_workCancel && m_workCancel->load()) {
                setStatus(tr("UMAP cancelled."));
                m_workCancel = std::make_shared<std::atomic<bool>>(false);
            }
            if (umap && !m_pca.isEmpty()) {
                const QSignalBlocker blocker(m_projection);
                m_projection->setCurrentIndex(int(Projection::Pca));
                startProjection();
            }
            return;
        }
        if (umap) {
            m_umap = r.points;
        } else {
            m_pca = r.points;
            m_pcaTitleX = r.x;
            m_pcaTitleY = r.y;
        }
        if (m_projection->currentIndex() == int(umap ? Projection::Umap : Projection::Pca))
            startProjection();
    });
    watcher->setFuture(QtConcurrent::run([shared, cancelFlag, umap, bar] {
        Result r;
        if (umap) {
            r.points = core::analysis::umap(shared->view(), {},
                                            [bar](double share, const QString &) {
                                                QMetaObject::invokeMethod(bar, [bar, share] {
                                                    if (bar)
                                                        bar->setValue(int(share * 100));
                                                });
                                            },
                                            cancelFlag.get());
            return r;
        }
        const core::analysis::PcaResult pca = core::analysis::pca(shared->view(), 2);
        r.points.reserve(shared->rows());
        for (int i = 0; i < shared->rows(); ++i)
            r.points.append(QPointF(pca.scores[size_t(i) * 2], pca.scores[size_t(i) * 2 + 1]));
        const auto share = [&](int c) {
            return pca.totalVariance > 0 ? 100.0 * pca.variance[size_t(c)] / pca.totalVariance : 0.0;
        };
        r.x = QObject::tr("PCA 1 (%1 % of the variance)").arg(share(0), 0, 'f', 1);
        r.y = QObject::tr("PCA 2 (%1 %)").arg(share(1), 0, 'f', 1);
        return r;
    }));
}

void EmbeddingsTab::showMatrix(const QList<int> &rows)
{
    if (m_shared->rows() == 0)
        return;
    QList<int> chosen = rows;
    if (chosen.isEmpty()) {
        if (m_shared->rows() > core::analysis::kMaxSimilarityMatrixSize) {
            m_matrixNote->setText(tr("%L1 texts: select up to 2,000 points on the map for a matrix.").arg(m_shared->rows()));
            return;
        }
    } else if (chosen.size() > core::analysis::kMaxSimilarityMatrixSize) {
        m_matrixNote->setText(tr("%L1 points are selected; the matrix takes at most 2,000.").arg(chosen.size()));
        return;
    } else if (chosen.size() < 2) {
        m_matrixNote->setText(tr("Select at least 2 points on the map (Shift+drag)."));
        return;
    }
    m_matrixRows = chosen;
    QList<int> dataRows = chosen;
    if (dataRows.isEmpty())
        for (int i = 0; i < m_shared->rows(); ++i)
            dataRows.append(i);
    struct Result
    {
        core::analysis::SimilarityMatrix matrix;
        std::vector<int> order;
    };
    const bool byLabel = m_matrixOrder->currentIndex() == 0 && !m_shared->labelNames.isEmpty();
    QStringList labels;
    QList<int> labelIndex;
    QStringList texts;
    for (const int r : std::as_const(dataRows)) {
        labels.append(m_shared->labels.value(r));
        labelIndex.append(m_shared->labelIndex.value(r, -1));
        texts.append(m_shared->texts.value(r));
    }
    m_matrixBusy = true;
    m_matrixNote->setText(tr("Computing the %1 × %1 matrix…").arg(dataRows.size()));
    const auto shared = m_shared;
    const auto cancelFlag = m_workCancel;
    const int generation = m_generation;
    const std::vector<int> rowsVector(dataRows.begin(), dataRows.end());
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [=, this] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        m_matrixBusy = false;
        Result r = watcher->result();
        if (r.matrix.size == 0 || r.order.empty()) {
            m_matrixNote->setText(tr("Cancelled."));
            return;
        }
        m_matrix->setMatrix(std::move(r.matrix), r.order, dataRows, labelIndex, m_shared->labelNames, texts);
        m_matrixNote->setText(tr("%1 texts, %2. Hover a cell to see both texts.")
                                  .arg(dataRows.size())
                                  .arg(byLabel ? tr("grouped by label") : tr("in clustering order")));
        Q_EMIT matrixReady();
    });
    watcher->setFuture(QtConcurrent::run([shared, cancelFlag, rowsVector, byLabel, labels] {
        Result r;
        r.matrix = core::analysis::similarityMatrix(shared->view(), rowsVector);
        r.order = byLabel ? core::analysis::labelOrder(r.matrix, labels) : core::analysis::clusterOrder(r.matrix, cancelFlag.get());
        return r;
    }));
}

QString EmbeddingsTab::labelOf(int row) const
{
    return m_shared->labels.value(row);
}

void EmbeddingsTab::chooseRow(int row)
{
    if (row < 0 || row >= m_shared->rows()) {
        m_map->setCurrent(-1);
        return;
    }
    m_neighbours->clear();
    if (!m_index) {
        m_map->setCurrent(row);
        m_neighboursTitle->setText(tr("<b>Neighbours</b> — the index is still being built"));
        return;
    }
    const QList<core::analysis::Neighbour> found = m_index->nearestToRow(row, kNeighbourCount);
    QList<int> rows;
    for (const core::analysis::Neighbour &n : found) {
        rows.append(n.row);
        auto *item = new QTreeWidgetItem(m_neighbours, {QString::number(n.row + 1), QString::number(n.similarity, 'f', 3),
                                                        elideText(m_shared->texts.at(n.row), 200)});
        item->setData(0, Qt::UserRole, n.row);
        item->setToolTip(2, m_shared->texts.at(n.row));
        const int l = m_shared->labelIndex.value(n.row, -1);
        item->setForeground(0, labelColor(l < m_shared->labelNames.size() ? l : -1));
    }
    m_neighboursTitle->setText(tr("<b>Neighbours of #%1</b>%2 — %3")
                                   .arg(row + 1)
                                   .arg(labelOf(row).isEmpty() ? QString() : u" ["_s + labelOf(row).toHtmlEscaped() + u"]"_s)
                                   .arg(elideText(m_shared->texts.at(row), 60).toHtmlEscaped())
                               + (m_index->isApproximate() ? tr(" (HNSW, approximate)") : QString()));
    m_map->setCurrent(row, rows);
}

void EmbeddingsTab::updateSelectionList()
{
    const QList<int> rows = m_map->selection();
    m_selectionList->clear();
    QList<QTreeWidgetItem *> items;
    for (const int r : rows.mid(0, 5000)) {
        auto *item = new QTreeWidgetItem({QString::number(r + 1), labelOf(r), elideText(m_shared->texts.value(r), 200)});
        item->setData(0, Qt::UserRole, r);
        item->setToolTip(2, m_shared->texts.value(r));
        items.append(item);
    }
    m_selectionList->addTopLevelItems(items);
    m_selectionTitle->setText(rows.isEmpty() ? tr("<b>Selection</b> — Shift+drag on the map")
                                             : tr("<b>Selection</b> — %1 (Esc on the map clears)").arg(plural(rows.size(), tr("point"), tr("points"))));
}

void EmbeddingsTab::search(const QString &query)
{
    const QString q = query.trimmed();
    if (q.isEmpty())
        return;
    if (m_shared->rows() == 0) {
        setStatus(tr("Embed some texts first; the search compares the query with them."), true);
        return;
    }
    if (!m_runProvider) {
        setStatus(tr("The texts came from a draft: embed them again to search."), true);
        return;
    }
    if (m_searchJob)
        m_searchJob->cancel();
    // The query goes through the provider that embedded the texts (asymmetric: as "query").
    m_query->setText(q);
    m_searchJob = new core::CachedEmbeddingJob(m_runProvider.get(), m_cache, {q}, true, this);
    setStatus(tr("Searching for “%1”…").arg(elideText(q, 60)));
    connect(m_searchJob, &core::CachedEmbeddingJob::finished, this, [this, q] {
        core::CachedEmbeddingJob *job = m_searchJob;
        m_searchJob.clear();
        job->deleteLater();
        if (job->state() != core::ApiJob::State::Succeeded) {
            if (job->state() == core::ApiJob::State::Failed)
                setStatus(tr("The search failed: %1").arg(errorText(job->error())), true);
            Q_EMIT searchFinished();
            return;
        }
        const core::Embedding vector = job->embeddings().value(0);
        if (vector.size() != m_shared->dims) {
            setStatus(tr("The query's vector has %1 dimensions, the texts' %2: embed the texts again with these settings.")
                          .arg(vector.size())
                          .arg(m_shared->dims),
                      true);
            Q_EMIT searchFinished();
            return;
        }
        if (!m_index) { // the index is still being built: ranked as soon as it is there
            m_pendingSearch = vector;
            m_pendingQuery = q;
            setStatus(tr("Searching for “%1”: waiting for the neighbour index…").arg(elideText(q, 60)));
            return;
        }
        showSearchHits(vector, q);
    });
}

void EmbeddingsTab::showSearchHits(const core::Embedding &vector, const QString &q)
{
    const QList<core::analysis::Neighbour> found = m_index->nearest(vector.constData(), kSearchResults);
    m_results->clear();
    QList<int> rows;
    for (int k = 0; k < found.size(); ++k) {
        const int row = found.at(k).row;
        rows.append(row);
        auto *item = new QTreeWidgetItem(m_results, {QString::number(k + 1), QString::number(found.at(k).similarity, 'f', 3),
                                                     elideText(m_shared->texts.at(row), 200)});
        item->setData(0, Qt::UserRole, row);
        item->setToolTip(2, u"#%1 %2"_s.arg(row + 1).arg(m_shared->texts.at(row)));
        const int l = m_shared->labelIndex.value(row, -1);
        item->setForeground(0, labelColor(l < m_shared->labelNames.size() ? l : -1));
    }
    m_map->setHighlights(rows);
    setStatus(tr("%1 for “%2”, ringed on the map.").arg(plural(found.size(), tr("hit"), tr("hits")), elideText(q, 60)));
    Q_EMIT searchFinished();
}

bool EmbeddingsTab::exportVectors(const QString &path, QString *error) const
{
    if (m_shared->rows() == 0) {
        *error = tr("There are no vectors to export yet.");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    const bool json = QFileInfo(path).suffix().compare(u"json"_s, Qt::CaseInsensitive) == 0;
    QByteArray out;
    if (json) {
        // [{"text": ..., "label": ..., "embedding": [...]}, ...]: floats in their shortest form.
        out += "[\n";
        for (int i = 0; i < m_shared->rows(); ++i) {
            QJsonObject head{{u"text"_s, m_shared->texts.at(i)}};
            if (!m_shared->labels.value(i).isEmpty())
                head.insert(u"label"_s, m_shared->labels.at(i));
            QByteArray object = QJsonDocument(head).toJson(QJsonDocument::Compact);
            object.chop(1); // the closing brace
            out += object + ",\"embedding\":[";
            for (int c = 0; c < m_shared->dims; ++c) {
                if (c)
                    out += ',';
                core::json::appendFloat(out, m_shared->data[size_t(i) * size_t(m_shared->dims) + size_t(c)]);
            }
            out += i + 1 < m_shared->rows() ? "]},\n" : "]}\n";
            if (out.size() > (1 << 20)) {
                file.write(out);
                out.clear();
            }
        }
        out += "]\n";
    } else {
        QStringList header{u"text"_s, u"label"_s};
        out += header.join(u',').toUtf8();
        for (int c = 0; c < m_shared->dims; ++c)
            out += ",v" + QByteArray::number(c);
        out += '\n';
        for (int i = 0; i < m_shared->rows(); ++i) {
            out += core::csvField(m_shared->texts.at(i)).toUtf8() + ',' + core::csvField(m_shared->labels.value(i)).toUtf8();
            for (int c = 0; c < m_shared->dims; ++c) {
                out += ',';
                core::json::appendFloat(out, m_shared->data[size_t(i) * size_t(m_shared->dims) + size_t(c)]);
            }
            out += '\n';
            if (out.size() > (1 << 20)) {
                file.write(out);
                out.clear();
            }
        }
    }
    file.write(out);
    if (!file.commit()) {
        *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

bool EmbeddingsTab::exportMap(const QString &path, QString *error) const
{
    if (m_map->pointCount() == 0) {
        *error = tr("There is no map to export yet.");
        return false;
    }
    const QSize size(1600, 1200);
    if (QFileInfo(path).suffix().compare(u"svg"_s, Qt::CaseInsensitive) == 0) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(tr("Embedding map"));
        svg.setDescription(tr("%1 texts; Aleph Playground").arg(m_shared->rows()));
        QPainter painter;
        if (!painter.begin(&svg)) {
            *error = tr("Cannot write %1.").arg(QDir::toNativeSeparators(path));
            return false;
        }
        m_map->render(&painter, QRectF(QPointF(0, 0), size), true);
        painter.end();
        if (!QFileInfo::exists(path)) {
            *error = tr("Cannot write %1.").arg(QDir::toNativeSeparators(path));
            return false;
        }
        return true;
    }
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    m_map->render(&painter, QRectF(QPointF(0, 0), size), false);
    painter.end();
    if (!image.save(path, "PNG")) {
        *error = tr("Cannot write %1.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

void EmbeddingsTab::exportDialog(bool map, const QString &filter, const QString &suffix)
{
    QString path = QFileDialog::getSaveFileName(this, map ? tr("Export the map") : tr("Export the vectors"),
                                                u"embeddings.%1"_s.arg(suffix), filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += u'.' + suffix;
    QString error;
    const bool ok = map ? exportMap(path, &error) : exportVectors(path, &error);
    if (ok)
        setStatus(tr("Saved %1.").arg(QDir::toNativeSeparators(path)));
    else
        setStatus(error, true);
}

bool EmbeddingsTab::currentRequest(QString *endpoint, QJsonObject *body, QString *error) const
{
    QStringList texts, labels;
    parseInput(&texts, &labels);
    if (texts.isEmpty()) {
        *error = tr("There are no texts yet.");
        return false;
    }
    const auto p = Provider(m_provider->currentIndex());
    const QStringList first = texts.mid(0, m_chunkSize->value());
    if (p == Provider::Symmetric || p == Provider::Asymmetric) {
        QString message;
        std::unique_ptr<core::EmbeddingProvider> provider = makeProvider(&message);
        if (!provider) {
            *error = message;
            return false;
        }
        core::BatchSemanticEmbeddingRequest request;
        static_cast<core::SemanticEmbeddingOptions &>(request)
            = static_cast<core::AlephAlphaEmbeddingProvider *>(provider.get())
                  ->options(p == Provider::Asymmetric ? core::Representation::Document : core::Representation::Symmetric);
        for (const QString &t : first)
            request.prompts.append(core::Prompt::fromText(t));
        *endpoint = u"batch_semantic_embed"_s;
        *body = request.toJson();
        return true;
    }
    if (p == Provider::EmbeddingsV2) {
        core::EmbeddingV2Request request;
        request.model = m_model->model();
        if (m_dimensions->value() > 0)
            request.dimensions = m_dimensions->value();
        request.input = core::EmbeddingV2Input::fromTexts(first);
        *endpoint = u"embeddings"_s;
        *body = request.toJson();
        return true;
    }
    *error = tr("View code shows Aleph Alpha requests only.");
    return false;
}

core::ApiCall EmbeddingsTab::currentCall(QString *problem) const
{
    QString endpoint;
    QJsonObject body;
    return currentRequest(&endpoint, &body, problem) ? core::ApiCall::fromRecord(endpoint, body) : core::ApiCall();
}

QVariantMap EmbeddingsTab::draft() const
{
    return draftJson().toVariantMap();
}

void EmbeddingsTab::restoreDraft(const QVariantMap &draft)
{
    restoreDraftJson(QJsonObject::fromVariantMap(draft));
}

QJsonObject EmbeddingsTab::draftJson() const
{
    QString text = m_input->toPlainText();
    if (text.size() > kDraftLimit)
        text.clear(); // a huge paste is not autosaved (the file it came from still is the source)
    return {{u"texts"_s, text},
            {u"provider"_s, m_provider->currentIndex()},
            {u"model"_s, m_model->model()},
            {u"compress_to_size"_s, m_compress->currentIndex() == 1 ? core::kCompressedEmbeddingSize : 0},
            {u"normalize"_s, m_normalize->isChecked()},
            {u"contextual_control_threshold"_s, m_thresholdOn->isChecked() ? QJsonValue(m_threshold->value()) : QJsonValue()},
            {u"control_log_additive"_s, m_logAdditive->isChecked()},
            {u"dimensions"_s, m_dimensions->value()},
            {u"gradient_url"_s, m_gradientUrl->text()},
            {u"gradient_workspace"_s, m_gradientWorkspace->text()},
            {u"chunk_size"_s, m_chunkSize->value()},
            {u"in_flight"_s, m_inFlight->value()},
            {u"projection"_s, m_projection->currentIndex()}}; // never the Gradient token
}

void EmbeddingsTab::restoreDraftJson(const QJsonObject &draft)
{
    m_input->setPlainText(draft.value(u"texts"_s).toString());
    m_provider->setCurrentIndex(std::clamp(draft.value(u"provider"_s).toInt(int(Provider::Asymmetric)), 0, 3));
    if (draft.contains(u"model"_s))
        m_model->setEditText(draft.value(u"model"_s).toString());
    m_compress->setCurrentIndex(draft.value(u"compress_to_size"_s).toInt() == core::kCompressedEmbeddingSize ? 1 : 0);
    m_normalize->setChecked(draft.value(u"normalize"_s).toBool());
    const QJsonValue threshold = draft.value(u"contextual_control_threshold"_s);
    m_thresholdOn->setChecked(threshold.isDouble());
    if (threshold.isDouble())
        m_threshold->setValue(threshold.toDouble());
    m_logAdditive->setChecked(draft.value(u"control_log_additive"_s).toBool(true));
    m_dimensions->setValue(draft.value(u"dimensions"_s).toInt());
    if (draft.contains(u"gradient_url"_s))
        m_gradientUrl->setText(draft.value(u"gradient_url"_s).toString());
    m_gradientWorkspace->setText(draft.value(u"gradient_workspace"_s).toString());
    m_chunkSize->setValue(draft.value(u"chunk_size"_s).toInt(core::kMaxPromptsPerBatch));
    m_inFlight->setValue(draft.value(u"in_flight"_s).toInt(4));
    const QSignalBlocker blocker(m_projection);
    m_projection->setCurrentIndex(std::clamp(draft.value(u"projection"_s).toInt(), 0, 1));
}

void EmbeddingsTab::restoreRun(const core::RunRecord &run)
{
    // The recorded request is the first batch: its options and texts come back into the form.
    const QJsonObject request = run.request;
    QStringList texts;
    if (run.endpoint == u"embeddings"_s) {
        m_provider->setCurrentIndex(int(Provider::EmbeddingsV2));
        for (const QJsonValue &v : request.value(u"input"_s).toArray())
            texts.append(v.toString());
        m_dimensions->setValue(request.value(u"dimensions"_s).toInt());
    } else {
        const QString representation = request.value(u"representation"_s).toString();
        m_provider->setCurrentIndex(int(representation == u"symmetric"_s ? Provider::Symmetric : Provider::Asymmetric));
        for (const QJsonValue &prompt : request.value(u"prompts"_s).toArray()) {
            const QJsonValue first = prompt.isArray() ? prompt.toArray().first() : prompt;
            texts.append(first.isString() ? first.toString() : first.toObject().value(u"data"_s).toString());
        }
        m_compress->setCurrentIndex(request.value(u"compress_to_size"_s).toInt() == core::kCompressedEmbeddingSize ? 1 : 0);
        m_normalize->setChecked(request.value(u"normalize"_s).toBool());
    }
    m_model->setEditText(request.value(u"model"_s).toString());
    if (!texts.isEmpty())
        setTextsAndLabels(texts, {});
    setStatus(tr("Restored the run's first batch (%1). %2").arg(plural(texts.size(), tr("text"), tr("texts")), run.response));
}

} // namespace ui
