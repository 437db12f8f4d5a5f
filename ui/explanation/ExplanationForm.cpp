// SPDX-License-Identifier: MIT
#include "ui/explanation/ExplanationForm.h"

#include "core/api/Validation.h"
#include "ui/common/ModelPicker.h"
#include "ui/common/ParameterTips.h"
#include "ui/common/PresenterHint.h"
#include "ui/common/PromptEdit.h"
#include "ui/common/Theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace ui {

namespace {

constexpr double kDefaultControlFactor = 0.1;

QString escapeDelimiter(QString d)
{
    return d.replace(QLatin1Char('\n'), QStringLiteral("\\n"))
        .replace(QLatin1Char('\t'), QStringLiteral("\\t"));
}

QString unescapeDelimiter(QString d)
{
    return d.replace(QStringLiteral("\\n"), QStringLiteral("\n"))
        .replace(QStringLiteral("\\t"), QStringLiteral("\t"));
}

} // namespace

QString ExplanationForm::tip(const QString &key) const
{
    return parameterTip(m_descriptions, key);
}

ExplanationForm::ExplanationForm(QWidget *parent)
    : QWidget(parent)
{
    m_descriptions = parameterDescriptions(QStringLiteral("explain"));
    QWidget *panel = this;
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 6, 0);

    m_modelPicker = new ModelPicker(
        ModelPicker::Capability::Completion, QStringLiteral("luminous-base"), panel);
    m_modelPicker->setObjectName(QStringLiteral("model"));
    m_modelPicker->setToolTip(tip(QStringLiteral("model")));
    connect(m_modelPicker, &QComboBox::currentTextChanged, this, [this] {
        revalidate();
        Q_EMIT changed();
    });
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
    connect(addImage, &QToolButton::clicked, this, &ExplanationForm::chooseImages);
    auto *addTokens = new QToolButton(panel);
    addTokens->setObjectName(QStringLiteral("addTokenIds"));
    addTokens->setText(tr("+ Token ids…"));
    addTokens->setToolTip(tr("Add a token_ids item: numbers separated by spaces or commas."));
    connect(addTokens, &QToolButton::clicked, this, [this] {
        bool ok = false;
        const QString text = QInputDialog::getText(this,
            tr("Token ids"),
            tr("Token ids, separated by spaces or commas:"),
            QLineEdit::Normal,
            QString(),
            &ok);
        if (!ok)
            return;
        QList<qint64> ids;
        for (const QString &part :
            text.split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts)) {
            bool isNumber = false;
            const qint64 id = part.toLongLong(&isNumber);
            if (!isNumber || id < 0) {
                m_validationLabel->setText(
                    tr("“%1” is not a token id; nothing was added.").arg(part));
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

    m_items = new PromptItemListModel(this);
    m_itemList = new QListView(panel);
    m_itemList->setModel(m_items);
    m_itemList->setObjectName(QStringLiteral("promptItems"));
    m_itemList->setMaximumHeight(96);
    m_itemList->setIconSize(QSize(40, 40));
    m_itemList->setToolTip(tr(
        "The prompt, item by item, in the order it is sent. Alt+Up/Down moves the selected item, "
        "Delete removes it (the editor's text stays), double-click crops an image."));
    auto moveItem = [this](int delta) {
        const int row = currentRow();
        const int to = row + delta;
        if (row < 0 || to < 0 || to >= m_items->rowCount())
            return;
        m_items->moveEntry(row, to);
        showItems(to);
        revalidate();
        Q_EMIT changed();
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
        const int row = currentRow();
        if (row < 0 || row >= m_items->rowCount() || m_items->entries().at(row).editor)
            return;
        m_items->removeEntry(row);
        showItems(row);
        revalidate();
        Q_EMIT changed();
    });
    layout->addWidget(m_itemList);
    // Double-click an image: crop it to a square (x, y, size in pixels), or clear the crop.
    connect(m_itemList, &QListView::doubleClicked, this, [this](const QModelIndex &index) {
        const int row = index.row();
        if (row < 0 || row >= m_items->rowCount()
            || m_items->entries().at(row).item.type != core::PromptItem::Type::Image)
            return;
        const core::PromptItem image = m_items->entries().at(row).item;
        bool ok = false;
        const QString current = image.size ? QStringLiteral("%1 %2 %3")
                                                 .arg(image.x.value_or(0))
                                                 .arg(image.y.value_or(0))
                                                 .arg(*image.size)
                                           : QString();
        const QString text = QInputDialog::getText(this,
            tr("Crop image"),
            tr("Square crop as x y size in pixels (empty: the whole image):"),
            QLineEdit::Normal,
            current,
            &ok);
        if (!ok)
            return;
        QRect square;
        const QStringList parts
            = text.split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
        if (parts.size() == 3)
            square = QRect(
                parts.at(0).toInt(), parts.at(1).toInt(), parts.at(2).toInt(), parts.at(2).toInt());
        QString error;
        if ((!parts.isEmpty() && (parts.size() != 3 || square.width() <= 0))
            || !setImageCrop(row, square, &error))
            m_validationLabel->setText(
                error.isEmpty() ? tr("Crop: give three numbers, x y size.") : error);
    });

    m_promptEdit = new PromptEdit(panel);
    m_promptEdit->setObjectName(QStringLiteral("prompt"));
    m_promptEdit->setPlaceholderText(tr("The prompt text. Drop images here to add them as items."));
    connect(m_promptEdit, &PromptEdit::imagesDropped, this, [this](const QStringList &paths) {
        for (const QString &p : paths)
            addImageFile(p);
    });
    connect(m_promptEdit, &QPlainTextEdit::textChanged, this, [this] {
        m_items->setEditorText(m_promptEdit->toPlainText());
        revalidate();
        Q_EMIT changed();
    });
    layout->addWidget(m_promptEdit, 2);

    layout->addWidget(new QLabel(tr("Target (the completion to explain)"), panel));
    m_targetEdit = new QPlainTextEdit(panel);
    m_targetEdit->setObjectName(QStringLiteral("target"));
    m_targetEdit->setPlaceholderText(
        tr("e.g. \" pizza with cheese\". Empty: the model's own completion is explained."));
    m_targetEdit->setToolTip(tip(QStringLiteral("target")));
    m_targetEdit->setTabChangesFocus(true);
    m_targetEdit->setMaximumHeight(m_targetEdit->fontMetrics().height() * 4 + 12);
    connect(m_targetEdit, &QPlainTextEdit::textChanged, this, [this] {
        revalidate();
        Q_EMIT changed();
    });
    layout->addWidget(m_targetEdit);

    auto *params = new QGroupBox(tr("Parameters"), panel);
    hideInPresenterMode(params);
    auto *form = new QFormLayout(params);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto edited = [this] {
        revalidate();
        Q_EMIT changed();
    };
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
    connect(m_promptGranularity, &QComboBox::currentIndexChanged, this, [this, edited] {
        m_delimiter->setVisible(
            m_promptGranularity->currentData().toString() == QLatin1String("custom"));
        edited();
    });
    connect(m_delimiter, &QLineEdit::textChanged, this, edited);
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
    connect(m_targetGranularity, &QComboBox::currentIndexChanged, this, edited);
    form->addRow(tr("target_granularity"), m_targetGranularity);

    m_postprocessing = new QComboBox(params);
    m_postprocessing->setObjectName(QStringLiteral("postprocessing"));
    for (const char *p : {"none", "absolute", "square"})
        m_postprocessing->addItem(QString::fromLatin1(p), QString::fromLatin1(p));
    m_postprocessing->setToolTip(tip(QStringLiteral("postprocessing")));
    connect(m_postprocessing, &QComboBox::currentIndexChanged, this, edited);
    form->addRow(tr("postprocessing"), m_postprocessing);

    m_normalize = new QCheckBox(tr("rescale to 0..1"), params);
    m_normalize->setObjectName(QStringLiteral("normalize"));
    m_normalize->setToolTip(tip(QStringLiteral("normalize")));
    connect(m_normalize, &QCheckBox::toggled, this, edited);
    form->addRow(tr("normalize"), m_normalize);

    m_controlFactor = new QDoubleSpinBox(params);
    m_controlFactor->setObjectName(QStringLiteral("control_factor"));
    m_controlFactor->setRange(0.0, 100.0);
    m_controlFactor->setDecimals(3);
    m_controlFactor->setSingleStep(0.05);
    m_controlFactor->setValue(kDefaultControlFactor);
    m_controlFactor->setToolTip(tip(QStringLiteral("control_factor")));
    connect(m_controlFactor, &QDoubleSpinBox::valueChanged, this, edited);
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
    connect(
        m_useThreshold, &QCheckBox::toggled, m_contextualControlThreshold, &QWidget::setEnabled);
    connect(m_useThreshold, &QCheckBox::toggled, this, edited);
    connect(m_contextualControlThreshold, &QDoubleSpinBox::valueChanged, this, edited);
    auto *thresholdRow = new QHBoxLayout;
    thresholdRow->addWidget(m_useThreshold);
    thresholdRow->addWidget(m_contextualControlThreshold, 1);
    form->addRow(tr("contextual_control_threshold"), thresholdRow);

    m_controlLogAdditive = new QCheckBox(tr("add log(factor)"), params);
    m_controlLogAdditive->setObjectName(QStringLiteral("control_log_additive"));
    m_controlLogAdditive->setChecked(true);
    m_controlLogAdditive->setToolTip(tip(QStringLiteral("control_log_additive")));
    connect(m_controlLogAdditive, &QCheckBox::toggled, this, edited);
    form->addRow(tr("control_log_additive"), m_controlLogAdditive);

    m_controlTokenOverlap = new QComboBox(params);
    m_controlTokenOverlap->setObjectName(QStringLiteral("control_token_overlap"));
    m_controlTokenOverlap->addItem(QStringLiteral("partial"), QStringLiteral("partial"));
    m_controlTokenOverlap->addItem(QStringLiteral("complete"), QStringLiteral("complete"));
    m_controlTokenOverlap->setToolTip(tip(QStringLiteral("control_token_overlap")));
    connect(m_controlTokenOverlap, &QComboBox::currentIndexChanged, this, edited);
    form->addRow(tr("control_token_overlap"), m_controlTokenOverlap);
    layout->addWidget(params);

    m_validationLabel = new QLabel(panel);
    m_validationLabel->setObjectName(QStringLiteral("validation"));
    m_validationLabel->setWordWrap(true);
    setTextRole(m_validationLabel, TextRole::Error);
    layout->addWidget(m_validationLabel);

    // The run bar (buttons, progress, status) is a widget of its own: the tab keeps it below the
    // scrolling form, so Explain is in view on a 700-pixel screen.
    m_runBar = new QWidget(panel);
    auto *runBarLayout = new QVBoxLayout(m_runBar);
    runBarLayout->setContentsMargins(
        layout->contentsMargins().left(), 4, layout->contentsMargins().right(), 4);
    panel = m_runBar;
    m_runButton = new QPushButton(tr("Explain  (Ctrl+Enter)"), panel);
    m_runButton->setObjectName(QStringLiteral("run"));
    hideInPresenterMode(m_runButton); // the presenter bar's Run and Stop do it
    m_runButton->setDefault(true);
    m_stopButton = new QPushButton(tr("Stop  (Esc)"), panel);
    m_stopButton->setObjectName(QStringLiteral("stop"));
    hideInPresenterMode(m_stopButton);
    m_stopButton->setEnabled(false);
    connect(m_runButton, &QPushButton::clicked, this, &ExplanationForm::runRequested);
    connect(m_stopButton, &QPushButton::clicked, this, &ExplanationForm::stopRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_runButton, 1);
    buttons->addWidget(m_stopButton);
    runBarLayout->addLayout(buttons);
    m_progress = new QProgressBar(panel);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setRange(0, 0); // the server does not report progress: busy indicator
    m_progress->setMaximumHeight(6);
    m_progress->setTextVisible(false);
    m_progress->hide();
    runBarLayout->addWidget(m_progress);
    m_statusLabel = new QLabel(tr("Ready."), panel);
    m_statusLabel->setObjectName(QStringLiteral("status"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    runBarLayout->addWidget(m_statusLabel);
    setFocusProxy(m_promptEdit);
    m_items->setEntries({PromptItemListModel::Entry{
        true, core::PromptItem::fromText(QString()), QString(), QIcon(), QSize()}});
    showItems(-1);
    revalidate();
}

void ExplanationForm::addImageFile(const QString &path)
{
    QString error;
    const std::optional<core::PromptItem> item = core::PromptItem::fromImageFile(path, &error);
    if (!item) {
        m_validationLabel->setText(error);
        return;
    }
    // Images go before the editor's text, as in Completion.
    int at = 0;
    while (at < m_items->rowCount() && !m_items->entries().at(at).editor)
        ++at;
    const int row = currentRow();
    m_items->insertEntry(at, Entry{false, *item, QFileInfo(path).fileName(), QIcon(), QSize()});
    showItems(row);
    revalidate();
    Q_EMIT changed();
}

void ExplanationForm::addTokenIds(const QList<qint64> &ids)
{
    const int row = currentRow();
    m_items->insertEntry(m_items->rowCount(),
        Entry{false, core::PromptItem::fromTokenIds(ids), QString(), QIcon(), QSize()});
    showItems(row);
    revalidate();
    Q_EMIT changed();
}

bool ExplanationForm::setImageCrop(int row, const QRect &square, QString *error)
{
    if (row < 0 || row >= m_items->rowCount()
        || m_items->entries().at(row).item.type != core::PromptItem::Type::Image) {
        if (error)
            *error = tr("Item %1 is not an image.").arg(row + 1);
        return false;
    }
    core::PromptItem item = m_items->entries().at(row).item;
    if (square.isNull()) {
        item.x.reset();
        item.y.reset();
        item.size.reset();
    } else {
        QImage image;
        image.loadFromData(QByteArray::fromBase64(item.imageBase64.toLatin1()));
        if (square.x() < 0 || square.y() < 0 || square.width() <= 0
            || !image.rect().contains(square)) {
            if (error)
                *error = tr(
                    "The crop %1×%1 at (%2, %3) does not fit the %4×%5 image; nothing was changed.")
                             .arg(square.width())
                             .arg(square.x())
                             .arg(square.y())
                             .arg(image.width())
                             .arg(image.height());
            return false;
        }
        item.x = square.x();
        item.y = square.y();
        item.size = square.width();
    }
    m_items->setItem(row, item);
    showItems(currentRow());
    revalidate();
    Q_EMIT changed();
    return true;
}

void ExplanationForm::chooseImages()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Add images"), QString(), tr("Images (*.png *.jpg *.jpeg *.webp)"));
    for (const QString &p : paths)
        addImageFile(p);
}

core::ExplanationRequest ExplanationForm::buildRequest(QString *error) const
{
    core::ExplanationRequest r;
    r.model = m_modelPicker->model();
    for (const Entry &e : m_items->entries()) {
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
        r.promptGranularity
            = core::PromptGranularity::custom(unescapeDelimiter(m_delimiter->text()));
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
                *error = tr(
                    "The model %1 does not take images; remove them or choose a multimodal model.")
                             .arg(r.model);
        }
        if (error->isEmpty())
            *error = core::validate(r);
    }
    return r;
}

void ExplanationForm::applyRequest(const core::ExplanationRequest &r)
{
    const QSignalBlocker blocker(this);
    if (!r.model.isEmpty())
        m_modelPicker->setCurrentText(r.model);
    QList<core::PromptItem> items = r.prompt.items;
    if (r.prompt.isPlainText())
        items = {core::PromptItem::fromText(*r.prompt.plainText)};
    const int currentItem = currentRow();
    QList<Entry> entries;
    QString editorText;
    bool editorPlaced = false;
    for (const core::PromptItem &item : items) {
        if (item.type == core::PromptItem::Type::Text && !editorPlaced) {
            entries.append(Entry{true, item, QString(), QIcon(), QSize()});
            editorText = item.text;
            editorPlaced = true;
        } else {
            entries.append(Entry{false, item, QString(), QIcon(), QSize()});
        }
    }
    if (!editorPlaced)
        entries.append(
            Entry{true, core::PromptItem::fromText(QString()), QString(), QIcon(), QSize()});
    m_items->setEntries(entries);
    m_items->setEditorText(editorText);
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
    m_targetGranularity->setCurrentIndex(
        r.targetGranularity.value_or(QStringLiteral("complete")) == QLatin1String("token") ? 1 : 0);
    m_postprocessing->setCurrentIndex(
        std::max(0, m_postprocessing->findData(r.postprocessing.value_or(QStringLiteral("none")))));
    m_normalize->setChecked(r.normalize.value_or(false));
    m_controlFactor->setValue(r.controlFactor.value_or(kDefaultControlFactor));
    m_useThreshold->setChecked(r.contextualControlThreshold.has_value());
    if (r.contextualControlThreshold)
        m_contextualControlThreshold->setValue(*r.contextualControlThreshold);
    m_controlLogAdditive->setChecked(r.controlLogAdditive.value_or(true));
    m_controlTokenOverlap->setCurrentIndex(
        r.controlTokenOverlap.value_or(QStringLiteral("partial")) == QLatin1String("complete") ? 1
                                                                                               : 0);
    showItems(currentItem);
    revalidate();
}

void ExplanationForm::revalidate()
{
    if (!m_validationLabel || !m_runButton)
        return;
    QString error;
    buildRequest(&error);
    // Until the user tries to run, nothing is wrong yet: a fresh tab shows no error.
    m_validationLabel->setText(m_showValidation ? error : QString());
}

QString ExplanationForm::validationText() const
{
    return m_validationLabel->text();
}

void ExplanationForm::setModels(const QList<core::ModelSettings> &models)
{
    m_modelPicker->setModels(models);
}

int ExplanationForm::currentRow() const
{
    return m_itemList->currentIndex().row();
}

void ExplanationForm::showItems(int row)
{
    const int count = m_items->rowCount();
    m_itemList->selectionModel()->setCurrentIndex(
        m_items->index(std::min(row, count - 1)), QItemSelectionModel::ClearAndSelect);
    // With the editor's text alone the list says nothing the editor does not.
    m_itemList->setVisible(count > 1);
}

QString ExplanationForm::promptText() const
{
    return m_promptEdit->toPlainText();
}

int ExplanationForm::editorPosition() const
{
    const int row = m_items->editorRow();
    return row >= 0 ? row : m_items->rowCount();
}

void ExplanationForm::moveEditorTo(int position)
{
    const int row = currentRow();
    const int editor = m_items->editorRow();
    if (editor >= 0 && position >= 0 && position < m_items->rowCount())
        m_items->moveEntry(editor, position);
    showItems(row);
}

void ExplanationForm::setValidationText(const QString &text)
{
    m_validationLabel->setText(text);
}

QString ExplanationForm::statusText() const
{
    return m_statusLabel->text();
}

void ExplanationForm::setStatusText(const QString &text)
{
    m_statusLabel->setText(text);
}

void ExplanationForm::showProgress(bool busy)
{
    m_progress->setVisible(busy);
}

} // namespace ui
