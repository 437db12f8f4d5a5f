// SPDX-License-Identifier: MIT
#include "ui/embeddings/EmbeddingsForm.h"

#include "core/net/ApiClient.h"
#include "core/net/EmbeddingProvider.h"
#include "core/util/Csv.h"
#include "core/util/TextFile.h"
#include "ui/common/ModelPicker.h"
#include "ui/common/ParameterTips.h"
#include "ui/common/PresenterHint.h"
#include "ui/common/Theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHash>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QTextCursor>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace ui {

EmbeddingsForm::EmbeddingsForm(QWidget *parent)
    : QWidget(parent)
{
    auto *leftLayout = new QVBoxLayout(this);
    leftLayout->setContentsMargins(0, 0, 4, 0);
    leftLayout->addWidget(buildTexts(), 1);
    leftLayout->addWidget(buildProvider());

    // Embed, Cancel, the progress and the status: a panel of their own that the tab keeps in
    // view below the scrolling form.
    m_runPanel = new QWidget(this);
    m_runPanel->setObjectName(u"runPanel"_s);
    auto *runLayout = new QVBoxLayout(m_runPanel);
    runLayout->setContentsMargins(0, 4, 4, 0);
    auto *runRow = new QHBoxLayout;
    m_embedButton = new QPushButton(tr("Embed"), m_runPanel);
    m_embedButton->setObjectName(u"embed"_s);
    hideInPresenterMode(m_embedButton); // the presenter bar's Run and Stop do it
    m_embedButton->setDefault(true);
    m_embedButton->setToolTip(
        tr("Embed the texts (Ctrl+Enter). Vectors already in the cache are not sent again."));
    m_cancelButton = new QPushButton(tr("Cancel"), m_runPanel);
    m_cancelButton->setObjectName(u"cancel"_s);
    hideInPresenterMode(m_cancelButton);
    m_cancelButton->setToolTip(tr("Stop embedding (Esc). What finished is kept in the cache."));
    m_cancelButton->setEnabled(false);
    m_resumeButton = new QPushButton(tr("Resume"), m_runPanel);
    m_resumeButton->setObjectName(u"resume"_s);
    m_resumeButton->setToolTip(
        tr("Embed again: the texts that finished come from the cache, only the rest is sent."));
    m_resumeButton->hide();
    runRow->addWidget(m_embedButton);
    runRow->addWidget(m_cancelButton);
    runRow->addWidget(m_resumeButton);
    runLayout->addLayout(runRow);
    m_progress = new QProgressBar(m_runPanel);
    m_progress->setObjectName(u"progress"_s);
    m_progress->setTextVisible(true);
    m_progress->setFormat(u"%v / %m"_s);
    m_progress->hide();
    runLayout->addWidget(m_progress);
    m_status = new QLabel(m_runPanel);
    m_status->setObjectName(u"status"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    runLayout->addWidget(m_status);
    updateProviderWidgets();
    m_inputSummary->setText(tr("No texts yet."));
}

QWidget *EmbeddingsForm::buildTexts()
{
    auto *dataBox = new QGroupBox(tr("Texts"), this);
    auto *dataLayout = new QVBoxLayout(dataBox);
    auto *dataButtons = new QHBoxLayout;
    auto *open = new QPushButton(tr("Open TXT/CSV…"), dataBox);
    open->setObjectName(u"openFile"_s);
    open->setToolTip(tr("A TXT file (one text per line) or a CSV file (you choose the text column "
                        "and a label column)."));
    connect(open, &QPushButton::clicked, this, &EmbeddingsForm::openFile);
    auto *samples = new QToolButton(dataBox);
    samples->setText(tr("Samples"));
    samples->setPopupMode(QToolButton::InstantPopup);
    auto *sampleMenu = new QMenu(samples);
    sampleMenu->addAction(tr("Topics: cooking, space, football, finance (48)"), this, [this] {
        loadSample(u"topics"_s);
    });
    sampleMenu->addAction(tr("Support tickets: billing, login, shipping, bugs (32)"), this, [this] {
        loadSample(u"support-tickets"_s);
    });
    sampleMenu->addAction(tr("Everyday topics: medicine, gardening, music, weather, law (80)"),
        this,
        [this] { loadSample(u"everyday-topics"_s); });
    samples->setMenu(sampleMenu);
    dataButtons->addWidget(open);
    dataButtons->addWidget(samples);
    dataButtons->addStretch();
    dataLayout->addLayout(dataButtons);
    m_input = new QPlainTextEdit(dataBox);
    m_input->setObjectName(u"texts"_s);
    m_input->setPlaceholderText(
        tr("One text per line.\nA label may come first, separated by a tab:\n"
           "cooking⇥Knead the dough…\n\nOr open a file, or try a sample set."));
    m_input->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_input->setTabChangesFocus(false);
    dataLayout->addWidget(m_input, 1);
    m_inputSummary = new QLabel(dataBox);
    m_inputSummary->setObjectName(u"inputSummary"_s);
    dataLayout->addWidget(m_inputSummary);
    // The summary of a large text is counted off the GUI thread, once typing pauses.
    m_summaryTimer = new QTimer(this);
    m_summaryTimer->setSingleShot(true);
    m_summaryTimer->setInterval(200);
    connect(m_summaryTimer, &QTimer::timeout, this, &EmbeddingsForm::summarizeLater);
    connect(m_input, &QPlainTextEdit::textChanged, this, [this] {
        ++m_summaryGeneration; // a summary on its way is of an older text
        if (inputSize() <= kParseAtOnce)
            showSummary(parseText(rawInput()));
        else
            m_summaryTimer->start();
        Q_EMIT textsChanged();
        Q_EMIT draftChanged();
    });
    return dataBox;
}

QWidget *EmbeddingsForm::buildProvider()
{
    const ParameterDescriptions tips = parameterDescriptions(u"batch_semantic_embed"_s);
    const ParameterDescriptions v2Tips = parameterDescriptions(u"embeddings"_s);
    auto *providerBox = new QGroupBox(tr("Provider"), this);
    hideInPresenterMode(providerBox);
    auto *form = new QFormLayout(providerBox);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_provider = new QComboBox(providerBox);
    m_provider->setObjectName(u"provider"_s);
    // The long service names are cut in the closed box (full in the list), so the form stays
    // narrow.
    m_provider->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_provider->setMinimumContentsLength(18);
    m_provider->addItem(tr("Aleph Alpha semantic — symmetric"));
    m_provider->addItem(tr("Aleph Alpha semantic — document / query"));
    m_provider->addItem(tr("Aleph Alpha /embeddings"));
    m_provider->addItem(tr("Gradient"));
    m_provider->setCurrentIndex(int(Provider::Asymmetric));
    m_provider->setToolTip(
        tr("Symmetric: texts compared with texts (clusters, the map).\n"
           "Document / query: texts as documents, searches as queries (asymmetric search).\n"
           "/embeddings: the OpenAI-style endpoint.\nGradient: the Gradient embeddings API."));
    form->addRow(tr("Service"), m_provider);
    m_model = new ModelPicker(
        ModelPicker::Capability::SemanticEmbedding, u"luminous-base"_s, providerBox);
    m_model->setObjectName(u"model"_s);
    form->addRow(tr("Model"), m_model);

    m_aaOptions = new QWidget(providerBox);
    auto *aaForm = new QFormLayout(m_aaOptions);
    aaForm->setContentsMargins(0, 0, 0, 0);
    m_compress = new QComboBox(m_aaOptions);
    m_compress->setObjectName(u"compressToSize"_s);
    m_compress->addItem(tr("none (full size)"));
    m_compress->addItem(u"128"_s);
    m_compress->setToolTip(tr("compress_to_size: 128 dimensions instead of the model's full size "
                              "(5,120 for luminous-base). "
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
    return providerBox;
}

void EmbeddingsForm::showSummary(const Input &input)
{
    QSet<QString> distinct;
    for (const QString &l : input.labels)
        if (!l.isEmpty())
            distinct.insert(l);
    m_inputSummary->setText(input.texts.isEmpty()
            ? tr("No texts yet.")
            : tr("%Ln text(s)", nullptr, int(input.texts.size())) + u", "_s
                + tr("%Ln label(s)", nullptr, int(distinct.size())));
}

void EmbeddingsForm::summarizeLater()
{
    const int generation = m_summaryGeneration;
    auto *watcher = new QFutureWatcher<Input>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_summaryGeneration)
            showSummary(watcher->future().takeResult());
    });
    watcher->setFuture(
        QtConcurrent::run([text = rawInput()]() mutable { return parseText(std::move(text)); }));
}

void EmbeddingsForm::updateProviderWidgets()
{
    const auto p = Provider(m_provider->currentIndex());
    const bool aa = p == Provider::Symmetric || p == Provider::Asymmetric;
    m_aaOptions->setVisible(aa);
    m_v2Options->setVisible(p == Provider::EmbeddingsV2);
    m_gradientOptions->setVisible(p == Provider::Gradient);
    m_model->setCapability(p == Provider::EmbeddingsV2 ? ModelPicker::Capability::Embedding
            : p == Provider::Gradient                  ? ModelPicker::Capability::Any
                                      : ModelPicker::Capability::SemanticEmbedding);
    m_model->setToolTip(p == Provider::Gradient
            ? tr("The Gradient model slug, e.g. bge-large.")
            : tr("The model to use. The list comes from /model-settings; any name can be typed."));
}

void EmbeddingsForm::setTextsAndLabels(const QStringList &texts, const QStringList &labels)
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

void EmbeddingsForm::parseInput(QStringList *texts, QStringList *labels) const
{
    Input input = parseText(rawInput());
    *texts = std::move(input.texts);
    *labels = std::move(input.labels);
}

EmbeddingsForm::Input EmbeddingsForm::parseText(QString rawText, const std::atomic<bool> *cancel)
{
    // What QTextDocument::toPlainText() does, in place on this copy: paragraph and line
    // separators (and frame marks) end lines, a no-break space is a space.
    for (QChar &c : rawText) {
        switch (c.unicode()) {
        case 0xfdd0: // QTextBeginningOfFrame
        case 0xfdd1: // QTextEndOfFrame
        case QChar::ParagraphSeparator:
        case QChar::LineSeparator:
            c = u'\n';
            break;
        case QChar::Nbsp:
            c = u' ';
            break;
        default:
            break;
        }
    }
    Input input;
    QHash<QStringView, QString> labelStrings; // views into rawText, which outlives the hash
    const QStringView all(rawText);
    qsizetype start = 0;
    for (qsizetype lines = 0; start <= all.size(); ++lines) {
        if (cancel && (lines & 4095) == 0 && cancel->load(std::memory_order_relaxed))
            return {};
        qsizetype end = all.indexOf(u'\n', start);
        if (end < 0)
            end = all.size();
        const QStringView line = all.mid(start, end - start);
        start = end + 1;
        const qsizetype tab = line.indexOf(u'\t');
        const QStringView text = (tab >= 0 ? line.mid(tab + 1) : line).trimmed();
        if (text.isEmpty())
            continue;
        input.texts.append(text.toString());
        const QStringView label = tab >= 0 ? line.left(tab).trimmed() : QStringView();
        if (label.isEmpty()) {
            input.labels.append(QString());
            continue;
        }
        auto found = labelStrings.find(label);
        if (found == labelStrings.end())
            found = labelStrings.insert(label, label.toString());
        input.labels.append(found.value());
    }
    return input;
}

QString EmbeddingsForm::rawInput() const
{
    return m_input->document()->toRawText();
}

int EmbeddingsForm::inputSize() const
{
    return m_input->document()->characterCount();
}

bool EmbeddingsForm::importFile(
    const QString &path, const QString &textColumn, const QString &labelColumn, QString *error)
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
        const std::optional<core::CsvTable> table = core::readCsv(content,
            &message,
            suffix == u"tsv"_s ? QChar(u'\t') : core::guessCsvSeparator(content));
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
    setStatus(tr("Imported %Ln text(s) from %1.", nullptr, int(texts.size()))
                  .arg(QFileInfo(path).fileName()));
    return true;
}

bool EmbeddingsForm::loadSample(const QString &name)
{
    QString error;
    const bool tickets = name == u"support-tickets"_s; // the others have columns label,text
    const bool ok = importFile(u":/embeddings/%1.csv"_s.arg(name),
        tickets ? u"ticket"_s : u"text"_s,
        tickets ? u"category"_s : u"label"_s,
        &error);
    if (!ok)
        setStatus(error, true);
    return ok;
}

void EmbeddingsForm::openFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open texts"), QString(), tr("Texts (*.txt *.csv *.tsv);;All files (*)"));
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
        const auto table = core::readCsv(content,
            &message,
            suffix == u"tsv"_s ? QChar(u'\t') : core::guessCsvSeparator(content));
        const QStringList columns = table ? table->header : QStringList();
        if (columns.isEmpty()) {
            setStatus(
                tr("%1: %2. Nothing was imported.").arg(QFileInfo(path).fileName(), message), true);
            return;
        }
        const core::CsvColumnGuess guess = core::guessCsvColumns(*table);
        bool ok = false;
        textColumn = QInputDialog::getItem(this,
            tr("Text column"),
            tr("The column with the texts:"),
            columns,
            std::max(guess.text, 0),
            false,
            &ok);
        if (!ok)
            return;
        QStringList labelChoices = columns;
        labelChoices.removeAll(textColumn);
        labelChoices.prepend(tr("(no labels)"));
        const QString guessedLabel = guess.label >= 0 ? columns.at(guess.label) : QString();
        const int labelChoice = guessedLabel.isEmpty() || guessedLabel == textColumn
            ? 0
            : int(std::max<qsizetype>(0, labelChoices.indexOf(guessedLabel, 1)));
        const QString label = QInputDialog::getItem(this,
            tr("Label column"),
            tr("The column with labels (colours on the map):"),
            labelChoices,
            labelChoice,
            false,
            &ok);
        if (!ok)
            return;
        labelColumn = label == labelChoices.first() ? QString() : label;
    }
    QString error;
    if (!importFile(path, textColumn, labelColumn, &error))
        setStatus(error, true);
}

std::unique_ptr<core::EmbeddingProvider> EmbeddingsForm::makeProvider(
    core::ApiClient *client, QString *error) const
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
        return std::make_unique<core::AlephAlphaEmbeddingProvider>(client, s);
    }
    case Provider::EmbeddingsV2: {
        core::AlephAlphaEmbeddingsV2Settings s;
        s.model = model;
        if (m_dimensions->value() > 0)
            s.dimensions = m_dimensions->value();
        s.batch = batch;
        return std::make_unique<core::AlephAlphaEmbeddingsV2Provider>(client, s);
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
        return std::make_unique<core::GradientEmbeddingProvider>(client->networkAccessManager(), s);
    }
    }
    return nullptr;
}

void EmbeddingsForm::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    setTextRole(m_status, error ? TextRole::Error : TextRole::Normal);
}

QString EmbeddingsForm::statusText() const
{
    return m_status->text();
}

} // namespace ui
