// SPDX-License-Identifier: MIT
#include "ui/explanation/ExplanationTab.h"

#include "core/api/Validation.h"
#include "ui/common/ErrorText.h"
#include "ui/common/ModelPicker.h"
#include "ui/common/ParameterTips.h"
#include "ui/common/PromptEdit.h"
#include "ui/common/Shortcuts.h"
#include "ui/explanation/HeatmapView.h"
#include "ui/explanation/ScaleLegend.h"
#include "ui/explanation/SpanTableModel.h"

#include <QBuffer>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPainter>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QSvgGenerator>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>
#include <memory>

using core::analysis::ScoredSpan;

namespace ui {

namespace {

constexpr double kDefaultControlFactor = 0.1;
constexpr int kTitleHeight = 30;
constexpr int kLegendHeight = 60;

QString escapeDelimiter(QString d)
{
    return d.replace(QLatin1Char('\n'), QStringLiteral("\\n")).replace(QLatin1Char('\t'), QStringLiteral("\\t"));
}

QString unescapeDelimiter(QString d)
{
    return d.replace(QStringLiteral("\\n"), QStringLiteral("\n")).replace(QStringLiteral("\\t"), QStringLiteral("\t"));
}

QString shortened(QString text, int max)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text.size() > max ? text.left(max - 1) + QStringLiteral("…") : text;
}

/// Sum of the log-probabilities of the generated tokens (log_probs 0 asks for exactly those).
std::optional<double> completionLogProb(const core::CompletionResult &r)
{
    if (!r.completionTokens || !r.logProbs || r.logProbs->size() < r.completionTokens->size())
        return std::nullopt;
    const qsizetype offset = r.logProbs->size() - r.completionTokens->size();
    double sum = 0;
    for (qsizetype i = 0; i < r.completionTokens->size(); ++i) {
        const auto &alternatives = r.logProbs->at(offset + i);
        const auto it = alternatives.constFind(r.completionTokens->at(i));
        if (it == alternatives.cend())
            return std::nullopt;
        sum += it.value();
    }
    return sum;
}

QString percent(double logp)
{
    const double p = std::exp(logp) * 100.0;
    return p >= 0.1 ? QStringLiteral("%1%").arg(p, 0, 'f', 1) : QStringLiteral("%1%").arg(p, 0, 'g', 2);
}

bool writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = QObject::tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace

ExplanationTab::ExplanationTab(core::ApiClient *client, QWidget *parent)
    : PlaygroundTab(parent)
    , m_client(client)
{
    m_descriptions = parameterDescriptions(QStringLiteral("explain"));
    m_entries.append(Entry{true, core::PromptItem::fromText(QString()), QString(), QIcon(), QSize()});

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("explanationSplitter"));
    // The input form scrolls when the window is low (a 700-pixel screen), instead of holding the
    // whole window to its height.
    auto *inputScroll = new QScrollArea(this);
    inputScroll->setObjectName(QStringLiteral("inputScroll"));
    QWidget *input = buildInput();
    inputScroll->setWidget(input);
    inputScroll->setWidgetResizable(true);
    inputScroll->setFrameShape(QFrame::NoFrame);
    inputScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    inputScroll->setMinimumWidth(input->minimumSizeHint().width() + inputScroll->verticalScrollBar()->sizeHint().width());
    splitter->addWidget(inputScroll);
    splitter->addWidget(buildResults());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({380, 800});
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    addRunStopShortcuts(this, &ExplanationTab::run, &ExplanationTab::stop);
    // Alt+Left/Right: the previous or next target token ("all" before the first).
    auto *previousToken = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Left), this);
    previousToken->setContext(Qt::WidgetWithChildrenShortcut);
    connect(previousToken, &QShortcut::activated, this, [this] { setTargetIndex(std::max(-1, m_targetIndex - 1)); });
    auto *nextToken = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Right), this);
    nextToken->setContext(Qt::WidgetWithChildrenShortcut);
    connect(nextToken, &QShortcut::activated, this, [this] {
        setTargetIndex(std::min(int(targetTokens().size()) - 1, m_targetIndex + 1));
    });
    m_ticker.setInterval(200);
    connect(&m_ticker, &QTimer::timeout, this, [this] {
        m_statusLabel->setText(tr("Explaining… %1 s").arg(m_clock.elapsed() / 1000.0, 0, 'f', 1));
    });
    setFocusProxy(m_promptEdit);
    rebuildItemList();
    revalidate();
}

ExplanationTab::~ExplanationTab() = default;

QString ExplanationTab::tip(const QString &key) const
{
    return parameterTip(m_descriptions, key);
}

QWidget *ExplanationTab::buildInput()
{
    auto *panel = new QWidget(this);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 6, 0);

    m_modelPicker = new ModelPicker(ModelPicker::Capability::Completion, QStringLiteral("luminous-base"), panel);
    m_modelPicker->setObjectName(QStringLiteral("model"));
    m_modelPicker->setToolTip(tip(QStringLiteral("model")));
    connect(m_modelPicker, &QComboBox::currentTextChanged, this, [this] { revalidate(); Q_EMIT draftChanged(); });
    auto *modelRow = new QHBoxLayout;
    modelRow->addWidget(new QLabel(tr("Model"), panel));
    modelRow->addWidget(m_modelPicker, 1);
    layout->addLayout(modelRow);

    // The prompt: its items in order; the editor holds the (first) text item.
    auto *itemsHeader = new QHBoxLayout;
    itemsHeader->addWidget(new QLabel(tr("Prompt items"), panel));
    itemsHeader->addStretch(1);
    auto *addImage = new QToolButton(panel);
    addImage->setObjectName(QStringLiteral("addImage"));
    addImage->setText(tr("+ Image…"));
    addImage->setToolTip(tr("Add a PNG, JPEG or WebP image (or drop it on the prompt)."));
    connect(addImage, &QToolButton::clicked, this, &ExplanationTab::chooseImages);
    auto *addTokens = new QToolButton(panel);
    addTokens->setObjectName(QStringLiteral("addTokenIds"));
    addTokens->setText(tr("+ Token ids…"));
    addTokens->setToolTip(tr("Add a token_ids item: numbers separated by spaces or commas."));
    connect(addTokens, &QToolButton::clicked, this, [this] {
        bool ok = false;
        const QString text = QInputDialog::getText(this, tr("Token ids"), tr("Token ids, separated by spaces or commas:"),
                                                   QLineEdit::Normal, QString(), &ok);
        if (!ok)
            return;
        QList<qint64> ids;
        for (const QString &part : text.split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts)) {
            bool isNumber = false;
            const qint64 id = part.toLongLong(&isNumber);
            if (!isNumber || id < 0) {
                m_validationLabel->setText(tr("“%1” is not a token id; nothing was added.").arg(part));
                return;
            }
            ids.append(id);
        }
        if (!ids.isEmpty())
            addTokenIds(ids);
    });
    itemsHeader->addWidget(addImage);
    itemsHeader->addWidget(addTokens);
    layout->addLayout(itemsHeader);

    m_itemList = new QListWidget(panel);
    m_itemList->setObjectName(QStringLiteral("promptItems"));
    m_itemList->setMaximumHeight(96);
    m_itemList->setIconSize(QSize(40, 40));
    m_itemList->setToolTip(tr("The prompt, item by item, in the order it is sent. Alt+Up/Down moves the selected item, "
                              "Delete removes it (the editor's text stays), double-click crops an image."));
    auto moveItem = [this](int delta) {
        const int row = m_itemList->currentRow();
        const int to = row + delta;
        if (row < 0 || to < 0 || to >= m_entries.size())
            return;
        m_entries.swapItemsAt(row, to);
        rebuildItemList();
        m_itemList->setCurrentRow(to);
        revalidate();
        Q_EMIT draftChanged();
    };
    auto *up = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Up), m_itemList);
    up->setContext(Qt::WidgetShortcut);
    connect(up, &QShortcut::activated, this, [moveItem] { moveItem(-1); });
    auto *down = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Down), m_itemList);
    down->setContext(Qt::WidgetShortcut);
    connect(down, &QShortcut::activated, this, [moveItem] { moveItem(1); });
    auto *remove = new QShortcut(QKeySequence::Delete, m_itemList);
    remove->setContext(Qt::WidgetShortcut);
    connect(remove, &QShortcut::activated, this, [this] {
        const int row = m_itemList->currentRow();
        if (row < 0 || row >= m_entries.size() || m_entries.at(row).editor)
            return;
        m_entries.removeAt(row);
        rebuildItemList();
        revalidate();
        Q_EMIT draftChanged();
    });
    layout->addWidget(m_itemList);
    // Double-click an image: crop it to a square (x, y, size in pixels), or clear the crop.
    connect(m_itemList, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) {
        const int row = m_itemList->row(item);
        if (row < 0 || row >= m_entries.size() || m_entries.at(row).item.type != core::PromptItem::Type::Image)
            return;
        const core::PromptItem &image = m_entries.at(row).item;
        bool ok = false;
        const QString current = image.size ? QStringLiteral("%1 %2 %3").arg(image.x.value_or(0)).arg(image.y.value_or(0)).arg(*image.size)
                                           : QString();
        const QString text = QInputDialog::getText(this, tr("Crop image"),
                                                   tr("Square crop as x y size in pixels (empty: the whole image):"),
                                                   QLineEdit::Normal, current, &ok);
        if (!ok)
            return;
        QRect square;
        const QStringList parts = text.split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
        if (parts.size() == 3)
            square = QRect(parts.at(0).toInt(), parts.at(1).toInt(), parts.at(2).toInt(), parts.at(2).toInt());
        QString error;
        if ((!parts.isEmpty() && (parts.size() != 3 || square.width() <= 0)) || !setImageCrop(row, square, &error))
            m_validationLabel->setText(error.isEmpty() ? tr("Crop: give three numbers, x y size.") : error);
    });

    m_promptEdit = new PromptEdit(panel);
    m_promptEdit->setObjectName(QStringLiteral("prompt"));
    m_promptEdit->setPlaceholderText(tr("The prompt text. Drop images here to add them as items."));
    connect(m_promptEdit, &PromptEdit::imagesDropped, this, [this](const QStringList &paths) {
        for (const QString &p : paths)
            addImageFile(p);
    });
    connect(m_promptEdit, &QPlainTextEdit::textChanged, this, [this] {
        for (qsizetype i = 0; i < m_entries.size(); ++i)
            if (m_entries.at(i).editor && i < m_itemList->count())
                m_itemList->item(int(i))->setText(editorRowText());
        revalidate();
        Q_EMIT draftChanged();
    });
    layout->addWidget(m_promptEdit, 2);

    layout->addWidget(new QLabel(tr("Target (the completion to explain)"), panel));
    m_targetEdit = new QPlainTextEdit(panel);
    m_targetEdit->setObjectName(QStringLiteral("target"));
    m_targetEdit->setPlaceholderText(tr("e.g. \" pizza with cheese\". Empty: the model's own completion is explained."));
    m_targetEdit->setToolTip(tip(QStringLiteral("target")));
    m_targetEdit->setTabChangesFocus(true);
    m_targetEdit->setMaximumHeight(m_targetEdit->fontMetrics().height() * 4 + 12);
    connect(m_targetEdit, &QPlainTextEdit::textChanged, this, [this] { revalidate(); Q_EMIT draftChanged(); });
    layout->addWidget(m_targetEdit);

    auto *params = new QGroupBox(tr("Parameters"), panel);
    auto *form = new QFormLayout(params);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto changed = [this] { revalidate(); Q_EMIT draftChanged(); };
    m_promptGranularity = new QComboBox(params);
    m_promptGranularity->setObjectName(QStringLiteral("prompt_granularity"));
    m_promptGranularity->addItem(tr("auto (about 30 parts)"), QString());
    for (const char *g : {"token", "word", "sentence", "paragraph", "custom"})
        m_promptGranularity->addItem(QString::fromLatin1(g), QString::fromLatin1(g));
    m_promptGranularity->setToolTip(tip(QStringLiteral("prompt_granularity")));
    m_delimiter = new QLineEdit(params);
    m_delimiter->setObjectName(QStringLiteral("delimiter"));
    m_delimiter->setPlaceholderText(tr("delimiter, e.g. ### or \\n"));
    m_delimiter->setToolTip(tr("The prompt is split on this string (\\n is a line break)."));
    m_delimiter->setVisible(false);
    connect(m_promptGranularity, &QComboBox::currentIndexChanged, this, [this, changed] {
        m_delimiter->setVisible(m_promptGranularity->currentData().toString() == QLatin1String("custom"));
        changed();
    });
    connect(m_delimiter, &QLineEdit::textChanged, this, changed);
    auto *granularityRow = new QHBoxLayout;
    granularityRow->addWidget(m_promptGranularity, 1);
    granularityRow->addWidget(m_delimiter, 1);
    form->addRow(tr("prompt_granularity"), granularityRow);

    m_targetGranularity = new QComboBox(params);
    m_targetGranularity->setObjectName(QStringLiteral("target_granularity"));
    m_targetGranularity->addItem(tr("complete (one explanation)"), QStringLiteral("complete"));
    m_targetGranularity->addItem(tr("token (one per target token)"), QStringLiteral("token"));
    m_targetGranularity->setCurrentIndex(1);
    m_targetGranularity->setToolTip(tip(QStringLiteral("target_granularity")));
    connect(m_targetGranularity, &QComboBox::currentIndexChanged, this, changed);
    form->addRow(tr("target_granularity"), m_targetGranularity);

    m_postprocessing = new QComboBox(params);
    m_postprocessing->setObjectName(QStringLiteral("postprocessing"));
    for (const char *p : {"none", "absolute", "square"})
        m_postprocessing->addItem(QString::fromLatin1(p), QString::fromLatin1(p));
    m_postprocessing->setToolTip(tip(QStringLiteral("postprocessing")));
    connect(m_postprocessing, &QComboBox::currentIndexChanged, this, changed);
    form->addRow(tr("postprocessing"), m_postprocessing);

    m_normalize = new QCheckBox(tr("rescale to 0..1"), params);
    m_normalize->setObjectName(QStringLiteral("normalize"));
    m_normalize->setToolTip(tip(QStringLiteral("normalize")));
    connect(m_normalize, &QCheckBox::toggled, this, changed);
    form->addRow(tr("normalize"), m_normalize);

    m_controlFactor = new QDoubleSpinBox(params);
    m_controlFactor->setObjectName(QStringLiteral("control_factor"));
    m_controlFactor->setRange(0.0, 100.0);
    m_controlFactor->setDecimals(3);
    m_controlFactor->setSingleStep(0.05);
    m_controlFactor->setValue(kDefaultControlFactor);
    m_controlFactor->setToolTip(tip(QStringLiteral("control_factor")));
    connect(m_controlFactor, &QDoubleSpinBox::valueChanged, this, changed);
    form->addRow(tr("control_factor"), m_controlFactor);

    m_useThreshold = new QCheckBox(params);
    m_useThreshold->setObjectName(QStringLiteral("use_contextual_control_threshold"));
    m_contextualControlThreshold = new QDoubleSpinBox(params);
    m_contextualControlThreshold->setObjectName(QStringLiteral("contextual_control_threshold"));
    m_contextualControlThreshold->setRange(0.0, 1.0);
    m_contextualControlThreshold->setDecimals(3);
    m_contextualControlThreshold->setSingleStep(0.05);
    m_contextualControlThreshold->setValue(0.5);
    m_contextualControlThreshold->setEnabled(false);
    m_contextualControlThreshold->setToolTip(tip(QStringLiteral("contextual_control_threshold")));
    m_useThreshold->setToolTip(m_contextualControlThreshold->toolTip());
    connect(m_useThreshold, &QCheckBox::toggled, m_contextualControlThreshold, &QWidget::setEnabled);
    connect(m_useThreshold, &QCheckBox::toggled, this, changed);
    connect(m_contextualControlThreshold, &QDoubleSpinBox::valueChanged, this, changed);
    auto *thresholdRow = new QHBoxLayout;
    thresholdRow->addWidget(m_useThreshold);
    thresholdRow->addWidget(m_contextualControlThreshold, 1);
    form->addRow(tr("contextual_control_threshold"), thresholdRow);

    m_controlLogAdditive = new QCheckBox(tr("add log(factor)"), params);
    m_controlLogAdditive->setObjectName(QStringLiteral("control_log_additive"));
    m_controlLogAdditive->setChecked(true);
    m_controlLogAdditive->setToolTip(tip(QStringLiteral("control_log_additive")));
    connect(m_controlLogAdditive, &QCheckBox::toggled, this, changed);
    form->addRow(tr("control_log_additive"), m_controlLogAdditive);

    m_controlTokenOverlap = new QComboBox(params);
    m_controlTokenOverlap->setObjectName(QStringLiteral("control_token_overlap"));
    m_controlTokenOverlap->addItem(QStringLiteral("partial"), QStringLiteral("partial"));
    m_controlTokenOverlap->addItem(QStringLiteral("complete"), QStringLiteral("complete"));
    m_controlTokenOverlap->setToolTip(tip(QStringLiteral("control_token_overlap")));
    connect(m_controlTokenOverlap, &QComboBox::currentIndexChanged, this, changed);
    form->addRow(tr("control_token_overlap"), m_controlTokenOverlap);
    layout->addWidget(params);

    m_validationLabel = new QLabel(panel);
    m_validationLabel->setObjectName(QStringLiteral("validation"));
    m_validationLabel->setWordWrap(true);
    m_validationLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
    layout->addWidget(m_validationLabel);

    m_runButton = new QPushButton(tr("Explain  (Ctrl+Enter)"), panel);
    m_runButton->setObjectName(QStringLiteral("run"));
    m_runButton->setDefault(true);
    m_stopButton = new QPushButton(tr("Stop  (Esc)"), panel);
    m_stopButton->setObjectName(QStringLiteral("stop"));
    m_stopButton->setEnabled(false);
    connect(m_runButton, &QPushButton::clicked, this, &ExplanationTab::run);
    connect(m_stopButton, &QPushButton::clicked, this, &ExplanationTab::stop);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_runButton, 1);
    buttons->addWidget(m_stopButton);
    layout->addLayout(buttons);
    m_progress = new QProgressBar(panel);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setRange(0, 0); // the server does not report progress: busy indicator
    m_progress->setMaximumHeight(6);
    m_progress->setTextVisible(false);
    m_progress->hide();
    layout->addWidget(m_progress);
    m_statusLabel = new QLabel(tr("Ready."), panel);
    m_statusLabel->setObjectName(QStringLiteral("status"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_statusLabel);
    return panel;
}

QWidget *ExplanationTab::buildResults()
{
    auto *panel = new QWidget(this);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(6, 0, 0, 0);

    // The target as a row of tokens: "All" and one button per explained token.
    auto *targetScroll = new QScrollArea(panel);
    targetScroll->setObjectName(QStringLiteral("targetTokens"));
    targetScroll->setWidgetResizable(true);
    targetScroll->setFrameShape(QFrame::NoFrame);
    targetScroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_targetBar = new QWidget(targetScroll);
    m_targetBarLayout = new QHBoxLayout(m_targetBar);
    m_targetBarLayout->setContentsMargins(0, 0, 0, 0);
    m_targetBarLayout->setSpacing(2);
    targetScroll->setWidget(m_targetBar);
    targetScroll->setFixedHeight(m_targetBar->fontMetrics().height() + 26);
    m_targetButtons = new QButtonGroup(this);
    m_targetButtons->setExclusive(true);
    connect(m_targetButtons, &QButtonGroup::idClicked, this, [this](int id) { setTargetIndex(id); });
    auto *targetRow = new QHBoxLayout;
    auto *targetLabel = new QLabel(tr("Explained:"), panel);
    targetLabel->setToolTip(tr("Choose a target token to see its explanation; All shows the mean over the tokens (Alt+Left/Right)."));
    targetRow->addWidget(targetLabel);
    targetRow->addWidget(targetScroll, 1);
    layout->addLayout(targetRow);

    // Scale, comparison, export.
    auto *tools = new QHBoxLayout;
    m_fixScale = new QCheckBox(tr("Fix scale at ±"), panel);
    m_fixScale->setObjectName(QStringLiteral("fixScale"));
    m_fixScale->setToolTip(tr("Keep one colour scale across views and explanations (to compare runs). Off: each view "
                              "(All, or one target token) gets its own scale, from its largest |score|."));
    m_fixedExtent = new QDoubleSpinBox(panel);
    m_fixedExtent->setObjectName(QStringLiteral("fixedExtent"));
    m_fixedExtent->setRange(0.0001, 1e6);
    m_fixedExtent->setDecimals(4);
    m_fixedExtent->setValue(1.0);
    m_fixedExtent->setEnabled(false);
    connect(m_fixScale, &QCheckBox::toggled, this, [this](bool on) {
        if (on) { // fix what is shown now, exactly
            const double extent = viewExtent();
            m_fixedValue = extent > 0 ? extent : 1.0;
            const QSignalBlocker blocker(m_fixedExtent);
            m_fixedExtent->setValue(m_fixedValue);
        }
        m_fixedExtent->setEnabled(on);
        updateScale();
    });
    connect(m_fixedExtent, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        m_fixedValue = value; // typed by the user
        updateScale();
    });
    m_pinButton = new QPushButton(tr("Pin for comparison"), panel);
    m_pinButton->setObjectName(QStringLiteral("pin"));
    m_pinButton->setToolTip(tr("Keep this explanation on the left; the next one appears beside it on the same scale "
                               "(prompt v1 and v2, two models, steered and unsteered)."));
    m_pinButton->setEnabled(false);
    connect(m_pinButton, &QPushButton::clicked, this, &ExplanationTab::pinForComparison);
    m_unpinButton = new QPushButton(tr("Unpin"), panel);
    m_unpinButton->setObjectName(QStringLiteral("unpin"));
    m_unpinButton->hide();
    connect(m_unpinButton, &QPushButton::clicked, this, &ExplanationTab::unpin);
    m_exportButton = new QToolButton(panel);
    m_exportButton->setObjectName(QStringLiteral("export"));
    m_exportButton->setText(tr("Export"));
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    m_exportButton->setEnabled(false);
    auto *exportMenu = new QMenu(m_exportButton);
    const auto addExport = [this, exportMenu](const QString &label, const QString &filter, const QString &suffix,
                                              bool (ExplanationTab::*fn)(const QString &, QString *) const) {
        exportMenu->addAction(label, this, [this, filter, suffix, fn] {
            QString path = QFileDialog::getSaveFileName(this, tr("Export"), QStringLiteral("explanation.") + suffix, filter);
            if (path.isEmpty())
                return;
            if (QFileInfo(path).suffix().isEmpty())
                path += QLatin1Char('.') + suffix;
            QString error;
            if ((this->*fn)(path, &error))
                m_statusLabel->setText(tr("Saved %1.").arg(QDir::toNativeSeparators(path)));
            else
                m_statusLabel->setText(error);
        });
    };
    addExport(tr("Heatmap as PNG…"), tr("PNG image (*.png)"), QStringLiteral("png"), &ExplanationTab::exportPng);
    addExport(tr("Heatmap as SVG…"), tr("SVG image (*.svg)"), QStringLiteral("svg"), &ExplanationTab::exportSvg);
    addExport(tr("Scores as CSV…"), tr("CSV (*.csv)"), QStringLiteral("csv"), &ExplanationTab::exportCsv);
    addExport(tr("Scores as JSON…"), tr("JSON (*.json)"), QStringLiteral("json"), &ExplanationTab::exportJson);
    m_exportButton->setMenu(exportMenu);
    tools->addWidget(m_fixScale);
    tools->addWidget(m_fixedExtent);
    tools->addStretch(1);
    tools->addWidget(m_pinButton);
    tools->addWidget(m_unpinButton);
    tools->addWidget(m_exportButton);
    layout->addLayout(tools);

    m_legend = new ScaleLegend(panel);
    layout->addWidget(m_legend);

    // Heatmaps: the pinned one (when comparing) beside the current one.
    auto *maps = new QSplitter(Qt::Horizontal, panel);
    maps->setObjectName(QStringLiteral("mapsSplitter"));
    m_pinnedBox = new QWidget(maps);
    auto *pinnedLayout = new QVBoxLayout(m_pinnedBox);
    pinnedLayout->setContentsMargins(0, 0, 0, 0);
    m_pinnedLabel = new QLabel(m_pinnedBox);
    m_pinnedLabel->setObjectName(QStringLiteral("pinnedLabel"));
    m_pinnedLabel->setWordWrap(true);
    m_pinnedHeatmap = new HeatmapView(m_pinnedBox);
    m_pinnedHeatmap->setObjectName(QStringLiteral("pinnedHeatmap"));
    pinnedLayout->addWidget(m_pinnedLabel);
    pinnedLayout->addWidget(m_pinnedHeatmap, 1);
    m_pinnedBox->hide();
    auto *currentBox = new QWidget(maps);
    auto *currentLayout = new QVBoxLayout(currentBox);
    currentLayout->setContentsMargins(0, 0, 0, 0);
    m_currentLabel = new QLabel(currentBox);
    m_currentLabel->setObjectName(QStringLiteral("currentLabel"));
    m_currentLabel->setWordWrap(true);
    m_currentLabel->hide();
    m_heatmap = new HeatmapView(currentBox);
    currentLayout->addWidget(m_currentLabel);
    currentLayout->addWidget(m_heatmap, 1);
    maps->addWidget(m_pinnedBox);
    maps->addWidget(currentBox);

    m_tableModel = new SpanTableModel(this);
    m_tableProxy = new QSortFilterProxyModel(this);
    m_tableProxy->setSourceModel(m_tableModel);
    m_tableProxy->setSortRole(Qt::UserRole);
    m_table = new QTableView(panel);
    m_table->setObjectName(QStringLiteral("spanTable"));
    m_table->setModel(m_tableProxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SpanTableModel::Position, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    // Fixed widths from the font: sizing columns to their contents would measure every row.
    const QFontMetrics fm = m_table->fontMetrics();
    m_table->horizontalHeader()->setSectionResizeMode(SpanTableModel::Text, QHeaderView::Stretch);
    m_table->horizontalHeader()->setMinimumSectionSize(fm.horizontalAdvance(QStringLiteral("00")));
    m_table->setColumnWidth(SpanTableModel::Marked, fm.height() + 14);
    m_table->setColumnWidth(SpanTableModel::Position, fm.horizontalAdvance(QStringLiteral("0000")) + 18);
    m_table->setColumnWidth(SpanTableModel::Kind, fm.horizontalAdvance(tr("image 10")) + 10);
    m_table->setColumnWidth(SpanTableModel::Score, fm.horizontalAdvance(QStringLiteral("-0.00000e-00")) + 8);
    m_table->setToolTip(tr("Click a header to sort (by score to find what mattered most). Tick spans for the what-if."));

    // Heatmap ↔ table.
    connect(m_heatmap, &HeatmapView::currentSpanChanged, this, &ExplanationTab::syncTableToHeatmap);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (m_syncing || !current.isValid())
            return;
        m_syncing = true;
        m_heatmap->setCurrentSpan(m_tableProxy->mapToSource(current).row());
        m_syncing = false;
    });
    connect(m_heatmap, &HeatmapView::markedSpansChanged, this, [this] {
        const QList<int> marked = m_heatmap->markedSpans();
        m_tableModel->setMarked(marked);
        m_markedLabel->setText(tr("%n span(s) marked", nullptr, int(marked.size())));
        m_whatIfButton->setEnabled(!marked.isEmpty() && m_result && !isBusy());
    });
    connect(m_tableModel, &SpanTableModel::markToggled, m_heatmap, &HeatmapView::setMarked);


    // What-if.
    auto *whatIf = new QGroupBox(tr("What-if: marked spans suppressed (< 1) or amplified (> 1)"), panel);
    whatIf->setObjectName(QStringLiteral("whatIf"));
    auto *whatIfLayout = new QVBoxLayout(whatIf);
    auto *whatIfRow = new QHBoxLayout;
    m_markedLabel = new QLabel(tr("%n span(s) marked", nullptr, 0), whatIf);
    m_markedLabel->setObjectName(QStringLiteral("markedLabel"));
    m_markedLabel->setToolTip(tr("Click spans in the heatmap (or Space on the current one), or tick them in the table."));
    auto *clearMarks = new QToolButton(whatIf);
    clearMarks->setText(tr("Clear"));
    connect(clearMarks, &QToolButton::clicked, m_heatmap, &HeatmapView::clearMarks);
    m_whatIfFactor = new QDoubleSpinBox(whatIf);
    m_whatIfFactor->setObjectName(QStringLiteral("whatIfFactor"));
    m_whatIfFactor->setRange(0.0, 100.0);
    m_whatIfFactor->setDecimals(2);
    m_whatIfFactor->setSingleStep(0.1);
    m_whatIfFactor->setValue(0.1);
    m_whatIfFactor->setToolTip(tr("The attention control factor: below 1 suppresses the marked spans, above 1 amplifies them."));
    m_whatIfMaximumTokens = new QSpinBox(whatIf);
    m_whatIfMaximumTokens->setObjectName(QStringLiteral("whatIfMaximumTokens"));
    m_whatIfMaximumTokens->setRange(1, 256);
    m_whatIfMaximumTokens->setValue(16);
    m_whatIfMaximumTokens->setToolTip(tr("maximum_tokens of the two completions"));
    m_whatIfButton = new QPushButton(tr("Re-run"), whatIf);
    m_whatIfButton->setToolTip(tr("Re-run /complete and /evaluate with attention controls on the marked spans, beside the same without."));
    m_whatIfButton->setObjectName(QStringLiteral("whatIfRun"));
    m_whatIfButton->setEnabled(false);
    connect(m_whatIfButton, &QPushButton::clicked, this, &ExplanationTab::runWhatIf);
    whatIfRow->addWidget(m_markedLabel);
    whatIfRow->addWidget(clearMarks);
    whatIfRow->addStretch(1);
    whatIfLayout->addLayout(whatIfRow);
    auto *whatIfParams = new QHBoxLayout;
    whatIfParams->addWidget(new QLabel(tr("factor"), whatIf));
    whatIfParams->addWidget(m_whatIfFactor);
    whatIfParams->addWidget(new QLabel(tr("tokens"), whatIf));
    whatIfParams->addWidget(m_whatIfMaximumTokens);
    whatIfParams->addStretch(1);
    whatIfParams->addWidget(m_whatIfButton);
    whatIfLayout->addLayout(whatIfParams);
    m_whatIfLabel = new QLabel(whatIf);
    m_whatIfLabel->setObjectName(QStringLiteral("whatIfResult"));
    m_whatIfLabel->setWordWrap(true);
    m_whatIfLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_whatIfLabel->setTextFormat(Qt::RichText);
    m_whatIfLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    whatIfLayout->addWidget(m_whatIfLabel, 1);

    // The heatmaps above; the table and the what-if below, side by side.
    auto *bottom = new QSplitter(Qt::Horizontal, panel);
    bottom->setObjectName(QStringLiteral("tableSplitter"));
    bottom->addWidget(m_table);
    bottom->addWidget(whatIf);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);
    bottom->setSizes({600, 400});
    auto *vertical = new QSplitter(Qt::Vertical, panel);
    vertical->setObjectName(QStringLiteral("resultSplitter"));
    vertical->addWidget(maps);
    vertical->addWidget(bottom);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 2);
    layout->addWidget(vertical, 1);

    updateScale();
    return panel;
}

void ExplanationTab::setModels(const QList<core::ModelSettings> &models)
{
    m_modelPicker->setModels(models);
}

// ---------------------------------------------------------------- input

QString ExplanationTab::editorRowText() const
{
    const QString text = m_promptEdit ? m_promptEdit->toPlainText() : QString();
    return text.isEmpty() ? tr("Text (the editor below, empty)") : tr("Text: “%1”").arg(shortened(text, 48));
}

void ExplanationTab::rebuildItemList()
{
    const int row = m_itemList->currentRow();
    m_itemList->clear();
    for (Entry &e : m_entries) {
        auto *item = new QListWidgetItem(m_itemList);
        if (e.editor) {
            item->setText(editorRowText());
        } else if (e.item.type == core::PromptItem::Type::Image) {
            if (e.icon.isNull()) { // decoded once per entry, not on every rebuild
                QImage image;
                image.loadFromData(QByteArray::fromBase64(e.item.imageBase64.toLatin1()));
                e.imageSize = image.size();
                e.icon = QIcon(QPixmap::fromImage(image.scaled(40, 40, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
            }
            item->setIcon(e.icon);
            QString text = e.name.isEmpty() ? tr("Image · %1×%2").arg(e.imageSize.width()).arg(e.imageSize.height())
                                            : tr("Image %1 · %2×%3").arg(e.name).arg(e.imageSize.width()).arg(e.imageSize.height());
            if (e.item.size)
                text += tr(" · crop %1×%1 at (%2, %3)").arg(*e.item.size).arg(e.item.x.value_or(0)).arg(e.item.y.value_or(0));
            item->setText(text);
        } else if (e.item.type == core::PromptItem::Type::TokenIds) {
            QStringList ids;
            for (const qint64 id : e.item.tokenIds)
                ids << QString::number(id);
            item->setText(tr("Token ids: %1").arg(shortened(ids.join(QLatin1Char(' ')), 48)));
        } else {
            item->setText(tr("Text (fixed): “%1”").arg(shortened(e.item.text, 40)));
        }
    }
    m_itemList->setCurrentRow(std::min(row, int(m_entries.size()) - 1));
    // With the editor's text alone the list says nothing the editor does not.
    m_itemList->setVisible(m_entries.size() > 1);
}

void ExplanationTab::addImageFile(const QString &path)
{
    QString error;
    const std::optional<core::PromptItem> item = core::PromptItem::fromImageFile(path, &error);
    if (!item) {
        m_validationLabel->setText(error);
        return;
    }
    // Images go before the editor's text, as in Completion.
    qsizetype at = 0;
    while (at < m_entries.size() && !m_entries.at(at).editor)
        ++at;
    m_entries.insert(at, Entry{false, *item, QFileInfo(path).fileName(), QIcon(), QSize()});
    rebuildItemList();
    revalidate();
    Q_EMIT draftChanged();
}

void ExplanationTab::addTokenIds(const QList<qint64> &ids)
{
    m_entries.append(Entry{false, core::PromptItem::fromTokenIds(ids), QString(), QIcon(), QSize()});
    rebuildItemList();
    revalidate();
    Q_EMIT draftChanged();
}

bool ExplanationTab::setImageCrop(int row, const QRect &square, QString *error)
{
    if (row < 0 || row >= m_entries.size() || m_entries.at(row).item.type != core::PromptItem::Type::Image) {
        if (error)
            *error = tr("Item %1 is not an image.").arg(row + 1);
        return false;
    }
    core::PromptItem &item = m_entries[row].item;
    if (square.isNull()) {
        item.x.reset();
        item.y.reset();
        item.size.reset();
    } else {
        QImage image;
        image.loadFromData(QByteArray::fromBase64(item.imageBase64.toLatin1()));
        if (square.x() < 0 || square.y() < 0 || square.width() <= 0 || !image.rect().contains(square)) {
            if (error)
                *error = tr("The crop %1×%1 at (%2, %3) does not fit the %4×%5 image; nothing was changed.")
                             .arg(square.width()).arg(square.x()).arg(square.y()).arg(image.width()).arg(image.height());
            return false;
        }
        item.x = square.x();
        item.y = square.y();
        item.size = square.width();
    }
    rebuildItemList();
    revalidate();
    Q_EMIT draftChanged();
    return true;
}

void ExplanationTab::chooseImages()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Add images"), QString(),
                                                            tr("Images (*.png *.jpg *.jpeg *.webp)"));
    for (const QString &p : paths)
        addImageFile(p);
}

core::ExplanationRequest ExplanationTab::buildRequest(QString *error) const
{
    core::ExplanationRequest r;
    r.model = m_modelPicker->model();
    for (const Entry &e : m_entries) {
        if (e.editor) {
            const QString text = m_promptEdit->toPlainText();
            if (text.isEmpty())
                continue;
            core::PromptItem item = e.item;
            item.type = core::PromptItem::Type::Text;
            item.text = text;
            r.prompt.items.append(item);
        } else {
            r.prompt.items.append(e.item);
        }
    }
    const QString target = m_targetEdit->toPlainText();
    if (!target.isEmpty())
        r.target = target;
    const QString granularity = m_promptGranularity->currentData().toString();
    if (granularity == QLatin1String("custom")) {
        r.promptGranularity = core::PromptGranularity::custom(unescapeDelimiter(m_delimiter->text()));
    } else if (!granularity.isEmpty()) {
        core::PromptGranularity g;
        g.type = granularity;
        r.promptGranularity = g;
    }
    if (m_targetGranularity->currentData().toString() == QLatin1String("token"))
        r.targetGranularity = QStringLiteral("token");
    if (m_postprocessing->currentData().toString() != QLatin1String("none"))
        r.postprocessing = m_postprocessing->currentData().toString();
    if (m_normalize->isChecked())
        r.normalize = true;
    if (std::abs(m_controlFactor->value() - kDefaultControlFactor) > 1e-9)
        r.controlFactor = m_controlFactor->value();
    if (m_useThreshold->isChecked())
        r.contextualControlThreshold = m_contextualControlThreshold->value();
    if (!m_controlLogAdditive->isChecked())
        r.controlLogAdditive = false;
    if (m_controlTokenOverlap->currentData().toString() == QLatin1String("complete"))
        r.controlTokenOverlap = QStringLiteral("complete");

    if (error) {
        error->clear();
        if (r.prompt.items.isEmpty())
            *error = tr("Write a prompt or add an image first.");
        else if (r.model.isEmpty())
            *error = tr("Choose a model.");
        if (error->isEmpty()) {
            bool hasImage = false;
            for (const core::PromptItem &item : std::as_const(r.prompt.items))
                hasImage = hasImage || item.type == core::PromptItem::Type::Image;
            const std::optional<core::ModelSettings> settings = m_modelPicker->settings();
            if (hasImage && settings && !settings->multimodal.value_or(false))
                *error = tr("The model %1 does not take images; remove them or choose a multimodal model.").arg(r.model);
        }
        if (error->isEmpty())
            *error = core::validate(r);
    }
    return r;
}

void ExplanationTab::applyRequest(const core::ExplanationRequest &r)
{
    const QSignalBlocker blocker(this);
    if (!r.model.isEmpty())
        m_modelPicker->setCurrentText(r.model);
    QList<core::PromptItem> items = r.prompt.items;
    if (r.prompt.isPlainText())
        items = {core::PromptItem::fromText(*r.prompt.plainText)};
    m_entries.clear();
    QString editorText;
    bool editorPlaced = false;
    for (const core::PromptItem &item : items) {
        if (item.type == core::PromptItem::Type::Text && !editorPlaced) {
            m_entries.append(Entry{true, item, QString(), QIcon(), QSize()});
            editorText = item.text;
            editorPlaced = true;
        } else {
            m_entries.append(Entry{false, item, QString(), QIcon(), QSize()});
        }
    }
    if (!editorPlaced)
        m_entries.append(Entry{true, core::PromptItem::fromText(QString()), QString(), QIcon(), QSize()});
    {
        const QSignalBlocker editBlocker(m_promptEdit);
        m_promptEdit->setPlainText(editorText);
    }
    {
        const QSignalBlocker targetBlocker(m_targetEdit);
        m_targetEdit->setPlainText(r.target.value_or(QString()));
    }
    if (r.promptGranularity) {
        const int index = m_promptGranularity->findData(r.promptGranularity->type);
        m_promptGranularity->setCurrentIndex(std::max(0, index));
        m_delimiter->setText(escapeDelimiter(r.promptGranularity->delimiter.value_or(QString())));
    } else {
        m_promptGranularity->setCurrentIndex(0);
        m_delimiter->clear();
    }
    m_targetGranularity->setCurrentIndex(r.targetGranularity.value_or(QStringLiteral("complete")) == QLatin1String("token") ? 1 : 0);
    m_postprocessing->setCurrentIndex(std::max(0, m_postprocessing->findData(r.postprocessing.value_or(QStringLiteral("none")))));
    m_normalize->setChecked(r.normalize.value_or(false));
    m_controlFactor->setValue(r.controlFactor.value_or(kDefaultControlFactor));
    m_useThreshold->setChecked(r.contextualControlThreshold.has_value());
    if (r.contextualControlThreshold)
        m_contextualControlThreshold->setValue(*r.contextualControlThreshold);
    m_controlLogAdditive->setChecked(r.controlLogAdditive.value_or(true));
    m_controlTokenOverlap->setCurrentIndex(r.controlTokenOverlap.value_or(QStringLiteral("partial")) == QLatin1String("complete") ? 1 : 0);
    rebuildItemList();
    revalidate();
}

void ExplanationTab::setInput(const core::Prompt &prompt, const QString &target, const QString &model)
{
    core::ExplanationRequest r = buildRequest(nullptr); // keeps the parameters
    if (!model.isEmpty())
        r.model = model;
    r.prompt = prompt;
    r.target = target.isEmpty() ? std::nullopt : std::optional<QString>(target);
    applyRequest(r);
    Q_EMIT draftChanged();
    run();
}

void ExplanationTab::revalidate()
{
    if (!m_validationLabel || !m_runButton)
        return;
    QString error;
    buildRequest(&error);
    // Until the user tries to run, nothing is wrong yet: a fresh tab shows no error.
    m_validationLabel->setText(m_showValidation ? error : QString());
}

QString ExplanationTab::validationText() const
{
    return m_validationLabel->text();
}

// ---------------------------------------------------------------- running

void ExplanationTab::run()
{
    if (m_job)
        m_job->cancel();
    m_showValidation = true; // the user acted: from now on problems are shown as they come
    QString error;
    const core::ExplanationRequest request = buildRequest(&error);
    if (!error.isEmpty()) {
        m_validationLabel->setText(error);
        m_statusLabel->setText(tr("Not sent: %1").arg(error));
        return;
    }
    auto *job = m_client->explain(request);
    m_pendingRequest = request;
    m_runId = m_recorder ? m_recorder->begin(tabKey(), core::ApiCall::of(request)) : 0;
    connect(job, &core::ApiJob::retrying, this, [this](int retry, int total, int delayMs, const core::ApiError &e) {
        m_statusLabel->setText(retryingText(retry, total, delayMs, e));
    });
    connect(job, &core::ApiJob::finished, this, [this, job] { onJobFinished(job); });
    m_job = job;
    m_clock.start();
    m_ticker.start();
    m_statusLabel->setText(tr("Explaining…"));
    setBusy(true);
}

void ExplanationTab::stop()
{
    if (m_job)
        m_job->cancel();
    for (const QPointer<core::ApiJob> &job : std::as_const(m_whatIfJobs))
        if (job)
            job->cancel();
}

void ExplanationTab::setBusy(bool busy)
{
    m_runButton->setEnabled(!busy);
    m_stopButton->setEnabled(busy);
    m_progress->setVisible(busy);
    if (!busy)
        m_ticker.stop();
    m_whatIfButton->setEnabled(!busy && m_result && !m_heatmap->markedSpans().isEmpty());
}

void ExplanationTab::onJobFinished(core::ApiJob *job)
{
    if (job != m_job)
        return;
    m_job.clear();
    auto *explainJob = static_cast<core::ExplanationJob *>(job);
    const QString elapsed = tr("%1 s").arg(job->elapsedMs() / 1000.0, 0, 'f', 2);
    const core::ExplanationRequest request = m_pendingRequest;
    switch (job->state()) {
    case core::ApiJob::State::Succeeded: {
        const core::ExplanationResponse &response = explainJob->result();
        showResponse(request, response);
        if (m_recorder)
            m_recorder->finish(m_runId, core::RunStatus::Succeeded,
                               QString::fromUtf8(QJsonDocument(response.toJson()).toJson(QJsonDocument::Compact)), QString(),
                               job->elapsedMs());
        m_statusLabel->setText(tr("%n explanation(s) · %1 · %2", nullptr, int(response.explanations.size()))
                                   .arg(response.modelVersion.value_or(tr("model version not given")), elapsed));
        break;
    }
    case core::ApiJob::State::Canceled:
        m_statusLabel->setText(tr("Stopped after %1.").arg(elapsed));
        if (m_recorder)
            m_recorder->finish(m_runId, core::RunStatus::Canceled, QString(), QString(), job->elapsedMs());
        break;
    case core::ApiJob::State::Failed:
    case core::ApiJob::State::Running:
        m_statusLabel->setText(errorText(job->error()));
        if (m_recorder)
            m_recorder->finish(m_runId, core::RunStatus::Failed, QString(), errorText(job->error()), job->elapsedMs());
        break;
    }
    setBusy(false);
    Q_EMIT finished();
}

ExplanationTab::Result ExplanationTab::makeResult(const core::ExplanationRequest &request, const core::ExplanationResponse &response)
{
    Result r;
    r.request = request;
    r.response = response;
    r.target = request.target.value_or(QString());
    if (r.target.isEmpty()) { // the server chose the target: the explanations' targets make it up
        for (const core::Explanation &e : response.explanations)
            r.target += e.target;
    }
    int position = 0;
    for (const core::Explanation &e : response.explanations) {
        int at = r.target.indexOf(e.target, position);
        if (at < 0 || e.target.isEmpty())
            at = position;
        const int end = std::min(int(r.target.size()), at + int(e.target.size()));
        r.tokenRanges.append({at, end});
        position = end;
        r.explanations.append(core::analysis::spansOf(e, request.prompt, r.target));
    }
    r.mean = r.explanations.size() == 1 ? r.explanations.first() : core::analysis::meanOf(r.explanations);
    r.label = tr("%1 · “%2” → “%3”")
                  .arg(request.model, shortened(request.prompt.text(), 40), shortened(r.target, 30));
    return r;
}

void ExplanationTab::showResponse(const core::ExplanationRequest &request, const core::ExplanationResponse &response)
{
    m_result = makeResult(request, response);
    m_targetIndex = -1;
    m_whatIfLabel->clear();
    showResult();
}

void ExplanationTab::showResult()
{
    if (!m_result)
        return;
    m_heatmap->setContent(m_result->request.prompt, m_result->target);
    rebuildTargetBar();
    m_pinButton->setEnabled(true);
    m_exportButton->setEnabled(true);
    m_currentLabel->setText(tr("<b>Current</b> · %1").arg(m_result->label.toHtmlEscaped()));
    showSelection();
}

QStringList ExplanationTab::targetTokens() const
{
    QStringList out;
    if (!m_result || m_result->response.explanations.size() < 2)
        return out;
    for (const core::Explanation &e : m_result->response.explanations)
        out << e.target;
    return out;
}

void ExplanationTab::rebuildTargetBar()
{
    for (QAbstractButton *b : m_targetButtons->buttons()) {
        m_targetButtons->removeButton(b);
        delete b;
    }
    while (QLayoutItem *item = m_targetBarLayout->takeAt(0))
        delete item;
    const auto addButton = [this](const QString &text, int id, const QString &toolTip) {
        auto *b = new QToolButton(m_targetBar);
        b->setObjectName(id < 0 ? QStringLiteral("targetAll") : QStringLiteral("targetToken%1").arg(id));
        b->setText(text);
        b->setToolTip(toolTip);
        b->setCheckable(true);
        b->setAutoRaise(true);
        b->setStyleSheet(QStringLiteral("QToolButton:checked { background: #303030; color: white; border-radius: 3px; }"));
        m_targetButtons->addButton(b, id);
        m_targetBarLayout->addWidget(b);
        b->show();
    };
    const QStringList tokens = targetTokens();
    addButton(tokens.isEmpty() ? tr("Whole target") : tr("All (mean)"), -1,
              tokens.isEmpty() ? tr("One explanation of the whole target (target_granularity complete).")
                               : tr("The mean of the %n token explanations, on a scale of its own (unless fixed).", nullptr,
                                    int(tokens.size())));
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        QString shown = tokens.at(i);
        shown.replace(QLatin1Char(' '), QStringLiteral("·")).replace(QLatin1Char('\n'), QStringLiteral("↵"));
        shown.replace(QLatin1Char('&'), QStringLiteral("&&"));
        addButton(shown, int(i), tr("Explanation of target token %1: “%2”").arg(i + 1).arg(tokens.at(i)));
    }
    m_targetBarLayout->addStretch(1);
    if (QAbstractButton *b = m_targetButtons->button(m_targetIndex))
        b->setChecked(true);
}

void ExplanationTab::setTargetIndex(int index)
{
    if (!m_result)
        return;
    const int count = int(targetTokens().size());
    if (index < -1 || index >= count)
        index = -1;
    m_targetIndex = index;
    if (QAbstractButton *b = m_targetButtons->button(index))
        b->setChecked(true);
    showSelection();
}

QList<ScoredSpan> ExplanationTab::shownSpans(const Result &result, int targetIndex) const
{
    if (targetIndex >= 0 && targetIndex < result.explanations.size())
        return result.explanations.at(targetIndex);
    return result.mean;
}

void ExplanationTab::showSelection()
{
    if (!m_result)
        return;
    const QList<ScoredSpan> spans = shownSpans(*m_result, m_targetIndex);
    m_heatmap->setSpans(spans);
    if (m_targetIndex >= 0 && m_targetIndex < m_result->tokenRanges.size())
        m_heatmap->setExplainedRange(m_result->tokenRanges.at(m_targetIndex).first, m_result->tokenRanges.at(m_targetIndex).second);
    else
        m_heatmap->setExplainedRange(0, int(m_result->target.size()));
    const QList<int> marked = m_heatmap->markedSpans();
    const int current = m_heatmap->currentSpan();
    m_syncing = true;
    m_tableModel->setSpans(spans, m_heatmap->templateSpans());
    m_tableModel->setMarked(marked);
    m_syncing = false;
    syncTableToHeatmap(current);
    if (m_pinned) {
        const int pinnedIndex = m_targetIndex < m_pinned->explanations.size() ? m_targetIndex : -1;
        m_pinnedHeatmap->setSpans(shownSpans(*m_pinned, pinnedIndex));
        if (pinnedIndex >= 0 && pinnedIndex < m_pinned->tokenRanges.size())
            m_pinnedHeatmap->setExplainedRange(m_pinned->tokenRanges.at(pinnedIndex).first, m_pinned->tokenRanges.at(pinnedIndex).second);
        else
            m_pinnedHeatmap->setExplainedRange(0, int(m_pinned->target.size()));
    }
    updateScale();
}

double ExplanationTab::viewExtent() const
{
    // The heatmaps hold what is shown (showSelection sets their spans before the scale).
    double extent = m_result ? m_heatmap->scoreExtent() : 0.0;
    if (m_pinned)
        extent = std::max(extent, m_pinnedHeatmap->scoreExtent());
    return extent;
}

double ExplanationTab::scaleExtent() const
{
    if (m_fixScale->isChecked())
        return m_fixedValue;
    const double extent = viewExtent();
    return extent > 0 ? extent : 1.0;
}

QString ExplanationTab::scaleCaption() const
{
    return m_legend->caption();
}

void ExplanationTab::updateScale()
{
    const double extent = scaleExtent();
    const ScoreScale scale(extent);
    m_heatmap->setScale(scale);
    m_pinnedHeatmap->setScale(scale);
    m_tableModel->setScale(scale);
    if (!m_fixScale->isChecked()) { // the spin box shows what "Fix scale" would keep
        const QSignalBlocker blocker(m_fixedExtent);
        m_fixedExtent->setValue(extent);
    }
    QString caption;
    if (m_result) {
        const QString value = QString::number(scale.extent(), 'g', 3);
        if (m_fixScale->isChecked())
            caption = tr("fixed scale ±%1").arg(value);
        else if (m_pinned)
            caption = tr("scale ±%1 (this view and the pinned one)").arg(value);
        else
            caption = tr("scale ±%1 (this view)").arg(value);
        if (m_heatmap->templateSpans().contains(true)
            || (m_pinned && m_pinnedHeatmap->templateSpans().contains(true)))
            caption += tr(" · template tokens grey, not on the scale");
    }
    m_legend->setScale(scale, caption);
}

void ExplanationTab::syncTableToHeatmap(int span)
{
    if (m_syncing)
        return;
    m_syncing = true;
    if (span < 0) {
        m_table->clearSelection();
    } else {
        const QModelIndex index = m_tableProxy->mapFromSource(m_tableModel->index(span, SpanTableModel::Text));
        m_table->setCurrentIndex(index);
        m_table->scrollTo(index);
    }
    m_syncing = false;
}

void ExplanationTab::pinForComparison()
{
    if (!m_result)
        return;
    m_pinned = m_result;
    m_pinnedHeatmap->setContent(m_pinned->request.prompt, m_pinned->target);
    m_pinnedLabel->setText(tr("<b>Pinned</b> · %1").arg(m_pinned->label.toHtmlEscaped()));
    m_pinnedBox->show();
    m_currentLabel->show();
    m_unpinButton->show();
    m_statusLabel->setText(tr("Pinned. Change the prompt, the model or the steering and explain again to compare on one scale."));
    showSelection();
}

void ExplanationTab::unpin()
{
    m_pinned.reset();
    m_pinnedBox->hide();
    m_currentLabel->hide();
    m_unpinButton->hide();
    updateScale();
}

QString ExplanationTab::statusText() const
{
    return m_statusLabel->text();
}

QString ExplanationTab::whatIfText() const
{
    return m_whatIfLabel->text();
}

// ---------------------------------------------------------------- what-if

void ExplanationTab::runWhatIf()
{
    if (!m_result)
        return;
    QList<ScoredSpan> marked;
    for (const int i : m_heatmap->markedSpans())
        marked.append(m_heatmap->spans().at(i));
    if (marked.isEmpty()) {
        m_whatIfLabel->setText(tr("Mark spans first: click them in the heatmap or tick them in the table."));
        return;
    }
    for (const QPointer<core::ApiJob> &job : std::as_const(m_whatIfJobs))
        if (job)
            job->cancel();
    m_whatIfJobs.clear();
    const core::ExplanationRequest &base = m_result->request;
    const double factor = m_whatIfFactor->value();
    const core::Prompt controlled = core::analysis::withControls(base.prompt, marked, factor);

    struct Outcome
    {
        QString completion[2];
        std::optional<double> completionLogProb[2];
        std::optional<double> targetLogProb[2];
        QString error;
        int pending = 4;
    };
    auto outcome = std::make_shared<Outcome>();
    const QString target = m_result->target;
    const int spanCount = int(marked.size());
    const int generation = ++m_whatIfGeneration;
    const auto render = [this, outcome, factor, spanCount, target, generation] {
        if (--outcome->pending > 0 || generation != m_whatIfGeneration)
            return; // still running, or replaced by a newer re-run
        if (!outcome->error.isEmpty()) {
            m_whatIfLabel->setText(outcome->error.toHtmlEscaped());
            m_whatIfButton->setEnabled(true);
            Q_EMIT whatIfFinished();
            return;
        }
        const auto column = [&](int k, const QString &heading) -> QString {
            QString html = QStringLiteral("<td valign='top' width='50%'><b>%1</b><br>").arg(heading);
            html += QStringLiteral("<span style='background:#f0f0f0'>%1</span><br>")
                        .arg(outcome->completion[k].toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
            if (outcome->completionLogProb[k])
                html += tr("P(this completion) = %1 (log %2)").arg(percent(*outcome->completionLogProb[k])).arg(*outcome->completionLogProb[k], 0, 'f', 3);
            if (outcome->targetLogProb[k] && !target.isEmpty())
                html += QStringLiteral("<br>") + tr("P(target) = %1 (log %2)").arg(percent(*outcome->targetLogProb[k])).arg(*outcome->targetLogProb[k], 0, 'f', 3);
            return html + QStringLiteral("</td>");
        };
        QString html = QStringLiteral("<table width='100%' cellspacing='6'><tr>");
        html += column(0, tr("Original"));
        html += column(1, tr("With controls (factor %1 on %n span(s))", nullptr, spanCount).arg(factor));
        html += QStringLiteral("</tr></table>");
        if (outcome->targetLogProb[0] && outcome->targetLogProb[1] && !target.isEmpty()) {
            const double delta = *outcome->targetLogProb[1] - *outcome->targetLogProb[0];
            html += tr("Δ log P(target) = %1%2 (the target became %3× as likely)")
                        .arg(delta >= 0 ? QStringLiteral("+") : QString())
                        .arg(delta, 0, 'f', 3)
                        .arg(std::exp(delta), 0, 'g', 3);
        }
        m_whatIfLabel->setText(html);
        m_whatIfButton->setEnabled(true);
        Q_EMIT whatIfFinished();
    };
    const core::Prompt prompts[2] = {base.prompt, controlled};
    for (int k = 0; k < 2; ++k) {
        core::CompletionRequest c;
        c.model = base.model;
        c.prompt = prompts[k];
        c.maximumTokens = m_whatIfMaximumTokens->value();
        c.logProbs = 0;
        c.tokens = true;
        c.contextualControlThreshold = base.contextualControlThreshold;
        c.controlLogAdditive = base.controlLogAdditive;
        auto *complete = m_client->complete(c);
        connect(complete, &core::ApiJob::finished, this, [complete, outcome, render, k] {
            if (complete->state() == core::ApiJob::State::Succeeded && !complete->result().completions.isEmpty()) {
                const core::CompletionResult &r = complete->result().completions.first();
                outcome->completion[k] = r.completion.value_or(QString());
                outcome->completionLogProb[k] = completionLogProb(r);
            } else if (outcome->error.isEmpty()) {
                outcome->error = complete->state() == core::ApiJob::State::Canceled
                                     ? tr("Stopped.")
                                     : tr("The what-if completion failed: %1").arg(errorText(complete->error()));
            }
            render();
        });
        m_whatIfJobs.append(complete);
        if (target.isEmpty()) {
            --outcome->pending;
            continue;
        }
        core::EvaluationRequest e;
        e.model = base.model;
        e.prompt = prompts[k];
        e.completionExpected = target;
        e.contextualControlThreshold = base.contextualControlThreshold;
        e.controlLogAdditive = base.controlLogAdditive;
        auto *evaluate = m_client->evaluate(e);
        connect(evaluate, &core::ApiJob::finished, this, [evaluate, outcome, render, k] {
            if (evaluate->state() == core::ApiJob::State::Succeeded)
                outcome->targetLogProb[k] = evaluate->result().result.logProbability;
            else if (outcome->error.isEmpty())
                outcome->error = evaluate->state() == core::ApiJob::State::Canceled
                                     ? tr("Stopped.")
                                     : tr("The what-if evaluation failed: %1").arg(errorText(evaluate->error()));
            render();
        });
        m_whatIfJobs.append(evaluate);
    }
    m_whatIfButton->setEnabled(false);
    m_whatIfLabel->setText(tr("Re-running with factor %1 on %n span(s)…", nullptr, spanCount).arg(factor));
}

// ---------------------------------------------------------------- exports

QString ExplanationTab::title() const
{
    if (!m_result)
        return QString();
    QString explained = m_targetIndex >= 0 && m_targetIndex < m_result->response.explanations.size()
                            ? tr("target token “%1”").arg(m_result->response.explanations.at(m_targetIndex).target)
                            : (targetTokens().isEmpty() ? tr("the target “%1”").arg(shortened(m_result->target, 40))
                                                        : tr("all target tokens (mean)"));
    return tr("Explanation of %1 · %2").arg(explained, m_result->request.model);
}

void ExplanationTab::renderExport(QPainter *painter, const QSize &size) const
{
    painter->fillRect(QRect(QPoint(0, 0), size), Qt::white);
    QFont bold = font();
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(QColor(20, 20, 20));
    painter->drawText(QRectF(12, 6, size.width() - 24, kTitleHeight - 6), Qt::AlignLeft | Qt::AlignVCenter, title());
    ScaleLegend::paintLegend(painter, QRectF(8, kTitleHeight, std::min(size.width() - 16, 520), kLegendHeight - 6),
                             m_heatmap->scale(), m_legend->caption(), font(), QColor(60, 60, 60));
    painter->save();
    painter->translate(0, kTitleHeight + kLegendHeight);
    const QSize page = m_heatmap->contentSize();
    m_heatmap->renderPage(painter, QRectF(QPointF(0, 0), QSizeF(page)));
    painter->restore();
}

QImage ExplanationTab::renderImage() const
{
    const QSize page = m_heatmap->contentSize();
    const QSize size(page.width(), page.height() + kTitleHeight + kLegendHeight);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::TextAntialiasing);
    renderExport(&painter, size);
    return image;
}

QList<core::analysis::ExportedExplanation> ExplanationTab::exportedExplanations() const
{
    QList<core::analysis::ExportedExplanation> list;
    for (qsizetype i = 0; i < m_result->explanations.size(); ++i)
        list.append({m_result->response.explanations.at(i).target, m_result->explanations.at(i)});
    return list;
}

bool ExplanationTab::checkExportable(QString *error) const
{
    if (m_result)
        return true;
    if (error)
        *error = tr("Nothing to export yet: run an explanation first.");
    return false;
}

bool ExplanationTab::exportPng(const QString &path, QString *error) const
{
    if (!checkExportable(error))
        return false;
    const QImage image = renderImage();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

bool ExplanationTab::exportSvg(const QString &path, QString *error) const
{
    if (!checkExportable(error))
        return false;
    const QSize page = m_heatmap->contentSize();
    const QSize size(page.width(), page.height() + kTitleHeight + kLegendHeight);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(title());
    generator.setDescription(tr("Explanation heatmap exported by Aleph Playground"));
    QPainter painter;
    if (!painter.begin(&generator)) {
        if (error)
            *error = tr("Could not render the SVG.");
        return false;
    }
    renderExport(&painter, size);
    painter.end();
    return writeFile(path, buffer.data(), error);
}

bool ExplanationTab::exportCsv(const QString &path, QString *error) const
{
    if (!checkExportable(error))
        return false;
    return writeFile(path, core::analysis::toCsv(exportedExplanations()), error);
}

bool ExplanationTab::exportJson(const QString &path, QString *error) const
{
    if (!checkExportable(error))
        return false;
    const QJsonObject json = core::analysis::toJson(exportedExplanations(), m_result->request, m_result->response.modelVersion.value_or(QString()));
    return writeFile(path, QJsonDocument(json).toJson(QJsonDocument::Indented), error);
}

// ---------------------------------------------------------------- PlaygroundTab

bool ExplanationTab::currentRequest(QString *endpoint, QJsonObject *body, QString *error) const
{
    QString problem;
    const core::ExplanationRequest r = buildRequest(&problem);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    *endpoint = QStringLiteral("explain");
    *body = r.toJson();
    return true;
}

core::ApiCall ExplanationTab::currentCall(QString *problem) const
{
    QString endpoint;
    QJsonObject body;
    return currentRequest(&endpoint, &body, problem) ? core::ApiCall::fromRecord(endpoint, body) : core::ApiCall();
}

QVariantMap ExplanationTab::draft() const
{
    return draftJson().toVariantMap();
}

void ExplanationTab::restoreDraft(const QVariantMap &draft)
{
    restoreDraftJson(QJsonObject::fromVariantMap(draft));
}

QJsonObject ExplanationTab::draftJson() const
{
    core::ExplanationRequest r = buildRequest(nullptr);
    // The editor's place among the items (an empty editor is not part of the request).
    int editor = 0;
    for (const Entry &e : m_entries) {
        if (e.editor)
            break;
        ++editor;
    }
    return QJsonObject{{QStringLiteral("request"), r.toJson()},
                       {QStringLiteral("prompt_text"), m_promptEdit->toPlainText()},
                       {QStringLiteral("editor_position"), editor},
                       {QStringLiteral("what_if_factor"), m_whatIfFactor->value()}};
}

void ExplanationTab::restoreDraftJson(const QJsonObject &draft)
{
    QString error;
    const auto request = core::ExplanationRequest::fromJson(draft.value(QStringLiteral("request")).toObject(), &error);
    if (request) {
        applyRequest(*request);
        // An empty editor was left out of the request: put it back where it was.
        if (draft.value(QStringLiteral("prompt_text")).toString().isEmpty()) {
            const int position = draft.value(QStringLiteral("editor_position")).toInt(-1);
            for (qsizetype i = 0; i < m_entries.size(); ++i) {
                if (m_entries.at(i).editor && position >= 0 && position < m_entries.size()) {
                    m_entries.move(i, position);
                    break;
                }
            }
            rebuildItemList();
        }
    }
    if (draft.contains(QStringLiteral("what_if_factor")))
        m_whatIfFactor->setValue(draft.value(QStringLiteral("what_if_factor")).toDouble(0.1));
}

void ExplanationTab::restoreRun(const core::RunRecord &run)
{
    QString error;
    const auto request = core::ExplanationRequest::fromJson(run.request, &error);
    if (!request) {
        m_statusLabel->setText(tr("This run cannot be restored: %1").arg(error));
        return;
    }
    applyRequest(*request);
    const auto response = core::ExplanationResponse::fromJson(QJsonDocument::fromJson(run.response.toUtf8()).object(), &error);
    if (run.status == core::RunStatus::Succeeded && response) {
        showResponse(*request, *response);
        m_statusLabel->setText(tr("Restored from the history (%1).").arg(run.startedAt.toLocalTime().toString()));
    } else {
        m_statusLabel->setText(run.error.isEmpty() ? tr("Restored (%1).").arg(core::runStatusName(run.status)) : run.error);
    }
}

} // namespace ui
