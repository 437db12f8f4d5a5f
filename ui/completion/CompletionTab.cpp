// SPDX-License-Identifier: MIT
#include "ui/completion/CompletionTab.h"

#include "core/api/Evaluation.h"
#include "core/api/ImageFile.h"
#include "core/api/Validation.h"
#include "ui/common/ErrorText.h"
#include "ui/common/ModelPicker.h"
#include "ui/common/ParameterTips.h"
#include "ui/common/PromptEdit.h"
#include "ui/common/Shortcuts.h"
#include "ui/common/SteeringIndicator.h"
#include "ui/common/SteeringMenu.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTextBlock>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

#include <cmath>

namespace ui {

namespace {

const QRegularExpression &templatePattern()
{
    static const QRegularExpression re(QStringLiteral("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\}\\}"));
    return re;
}

/// " | "-separated list with \n for line breaks, as typed in the list fields.
std::optional<QStringList> splitList(const QString &text)
{
    QStringList out;
    for (QString s : text.split(QStringLiteral(" | "), Qt::SkipEmptyParts)) {
        s.replace(QStringLiteral("\\n"), QStringLiteral("\n"));
        if (!s.isEmpty())
            out.append(s);
    }
    if (out.isEmpty())
        return std::nullopt;
    return out;
}

QString joinList(const std::optional<QStringList> &list)
{
    if (!list)
        return QString();
    QStringList escaped;
    for (QString s : *list)
        escaped << s.replace(QStringLiteral("\n"), QStringLiteral("\\n"));
    return escaped.join(QStringLiteral(" | "));
}

/// Byte-level token text (Ġ for a space, Ċ for a line break) as it reads.
QString displayToken(QString token)
{
    token.replace(QChar(0x0120), QLatin1Char(' '));
    token.replace(QChar(0x010A), QLatin1Char('\n'));
    return token;
}

/// Shading for a token of probability p: the less likely, the stronger the orange (readable in
/// light and dark themes, distinguishable with the common colour-vision deficiencies).
QColor shadeFor(double p)
{
    const int alpha = int(std::lround(std::clamp(1.0 - p, 0.0, 1.0) * 190.0));
    return QColor(230, 120, 20, alpha);
}

/// A titled panel whose body folds away when its header is clicked.
QWidget *makeSection(const QString &title, QWidget *body, bool expanded, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *header = new QToolButton(box);
    header->setObjectName(QStringLiteral("section:") + title);
    header->setText(title);
    header->setCheckable(true);
    header->setChecked(expanded);
    header->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    header->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    header->setAutoRaise(true);
    header->setStyleSheet(QStringLiteral("QToolButton { font-weight: bold; }"));
    body->setVisible(expanded);
    QObject::connect(header, &QToolButton::toggled, body, [header, body](bool on) {
        body->setVisible(on);
        header->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });
    layout->addWidget(header);
    layout->addWidget(body);
    return box;
}

} // namespace

// ---------------------------------------------------------------- CompletionView

CompletionView::CompletionView(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setPlaceholderText(tr("The completion appears here."));
}

void CompletionView::appendStreamed(const QString &text)
{
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(text, QTextCharFormat());
}

void CompletionView::showResult(const core::CompletionResult &result, bool showRaw)
{
    clear();
    m_tokenCount = 0;
    QTextCursor cursor(document());
    const QStringList tokens = result.completionTokens.value_or(QStringList());
    const QList<QMap<QString, double>> logProbs = result.logProbs.value_or(QList<QMap<QString, double>>());
    // With echo, log_probs also covers the prompt tokens (the first entry is empty), so only the
    // last tokens.size() entries belong to the generated tokens.
    if (!tokens.isEmpty() && logProbs.size() >= tokens.size()) {
        const qsizetype offset = logProbs.size() - tokens.size();
        // With echo the completion starts with the prompt, which has no tokens here: shown plain.
        const QString completion = result.completion.value_or(QString());
        const QString generated = tokens.join(QString());
        if (completion.size() > generated.size() && completion.endsWith(generated))
            cursor.insertText(completion.left(completion.size() - generated.size()), QTextCharFormat());
        for (qsizetype i = 0; i < tokens.size(); ++i) {
            const QString &token = tokens.at(i);
            const QMap<QString, double> &alternatives = logProbs.at(offset + i);
            QTextCharFormat format;
            if (alternatives.contains(token)) {
                const double logp = alternatives.value(token);
                const double p = std::exp(logp);
                format.setBackground(shadeFor(p));
                QList<std::pair<double, QString>> sorted;
                for (auto it = alternatives.cbegin(); it != alternatives.cend(); ++it)
                    sorted.append({it.value(), it.key()});
                std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
                QString tip = tr("<b>%1</b> p = %2% (log %3)").arg(displayToken(token).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("↵")))
                                  .arg(p * 100.0, 0, 'f', 1)
                                  .arg(logp, 0, 'f', 3);
                if (sorted.size() > 1 || (sorted.size() == 1 && sorted.first().second != token)) {
                    tip += QStringLiteral("<table>");
                    for (const auto &[lp, alt] : sorted) {
                        const QString shown = displayToken(alt).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("↵"));
                        tip += QStringLiteral("<tr><td>%1%2%3</td><td align='right'>&nbsp;%4%</td></tr>")
                                   .arg(alt == token ? QStringLiteral("<b>") : QString(), shown.isEmpty() ? QStringLiteral("∅") : shown,
                                        alt == token ? QStringLiteral("</b>") : QString())
                                   .arg(std::exp(lp) * 100.0, 0, 'f', 1);
                    }
                    tip += QStringLiteral("</table>");
                }
                format.setToolTip(tip);
            }
            cursor.insertText(displayToken(token), format);
            ++m_tokenCount;
        }
    } else {
        cursor.insertText(result.completion.value_or(QString()));
    }
    if (showRaw && result.rawCompletion) {
        QTextCharFormat label;
        label.setForeground(QColor(120, 120, 120));
        label.setFontItalic(true);
        cursor.insertText(QStringLiteral("\n\n") + tr("raw_completion:") + QLatin1Char('\n'), label);
        QTextCharFormat raw;
        raw.setFontFamilies({QStringLiteral("monospace")});
        raw.setForeground(QColor(90, 90, 90));
        cursor.insertText(*result.rawCompletion, raw);
    }
}

QString CompletionView::toolTipAt(int position) const
{
    QTextCursor cursor(document());
    cursor.setPosition(std::clamp(position + 1, 0, document()->characterCount() - 1));
    return cursor.charFormat().toolTip();
}

bool CompletionView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QPoint pos = viewport()->mapFromGlobal(help->globalPos());
        const QTextCursor cursor = cursorForPosition(pos);
        const QString tip = toolTipAt(cursor.position() - 1);
        if (!tip.isEmpty())
            QToolTip::showText(help->globalPos(), tip, this);
        else
            QToolTip::hideText();
        return true;
    }
    return QTextBrowser::event(event);
}

// ---------------------------------------------------------------- CompletionTab

CompletionTab::CompletionTab(core::ApiClient *client, QWidget *parent)
    : PlaygroundTab(parent)
    , m_client(client)
{
    m_descriptions = parameterDescriptions(QStringLiteral("complete"));

    m_modelPicker = new ModelPicker(ModelPicker::Capability::Completion, QStringLiteral("luminous-base"), this);
    m_modelPicker->setObjectName(QStringLiteral("model"));
    m_modelPicker->setToolTip(tip(QStringLiteral("model")));

    m_promptEdit = new PromptEdit(this);
    m_promptEdit->setObjectName(QStringLiteral("prompt"));
    m_promptEdit->setPlaceholderText(tr("Write a prompt, then press Ctrl+Enter to complete it.\n"
                                        "{{ name }} makes a template variable; drop images here to add them."));
    connect(m_promptEdit, &PromptEdit::imagesDropped, this, [this](const QStringList &paths) {
        for (const QString &p : paths)
            addImageFile(p);
    });

    m_imageList = new QListWidget(this);
    m_imageList->setObjectName(QStringLiteral("images"));
    m_imageList->setViewMode(QListView::IconMode);
    m_imageList->setIconSize(QSize(56, 56));
    m_imageList->setFlow(QListView::LeftToRight);
    m_imageList->setWrapping(false);
    m_imageList->setFixedHeight(90);
    m_imageList->setToolTip(tr("Images sent before the text. Select one and press Delete to remove it."));
    m_imageList->hide();
    auto *removeImage = new QShortcut(QKeySequence::Delete, m_imageList);
    removeImage->setContext(Qt::WidgetShortcut);
    connect(removeImage, &QShortcut::activated, this, [this] {
        const int row = m_imageList->currentRow();
        if (row < 0)
            return;
        delete m_imageList->takeItem(row);
        m_images.removeAt(row);
        m_imageList->setVisible(!m_images.isEmpty());
        revalidate();
        Q_EMIT draftChanged();
    });
    auto *addImageButton = new QPushButton(tr("Add image…"), this);
    addImageButton->setObjectName(QStringLiteral("addImage"));
    connect(addImageButton, &QPushButton::clicked, this, &CompletionTab::chooseImages);

    m_templateBox = new QGroupBox(tr("Template variables"), this);
    m_templateBox->setObjectName(QStringLiteral("templateVariables"));
    m_templateForm = new QFormLayout(m_templateBox);
    m_templateBox->hide();

    auto *sideWidget = buildParameters();

    m_runButton = new QPushButton(tr("Run  (Ctrl+Enter)"), this);
    m_runButton->setObjectName(QStringLiteral("run"));
    m_runButton->setDefault(true);
    m_stopButton = new QPushButton(tr("Stop  (Esc)"), this);
    m_stopButton->setObjectName(QStringLiteral("stop"));
    m_stopButton->setEnabled(false);
    m_retryButton = new QPushButton(tr("Retry"), this);
    m_retryButton->setObjectName(QStringLiteral("retry"));
    m_retryButton->hide();
    connect(m_runButton, &QPushButton::clicked, this, &CompletionTab::run);
    connect(m_stopButton, &QPushButton::clicked, this, &CompletionTab::stop);
    connect(m_retryButton, &QPushButton::clicked, this, &CompletionTab::run);
    addRunStopShortcuts(this, &CompletionTab::run, &CompletionTab::stop);

    auto *outputs = new QWidget(this);
    m_outputsLayout = new QHBoxLayout(outputs);
    m_outputsLayout->setContentsMargins(0, 0, 0, 0);
    prepareOutputs(1);

    m_legend = new QLabel(tr("Shading: the less likely the token, the stronger the orange. Hover a token for its alternatives."), this);
    m_legend->setStyleSheet(QStringLiteral("color: gray;"));
    m_legend->hide();
    m_statusLabel = new QLabel(tr("Ready."), this);
    m_statusLabel->setObjectName(QStringLiteral("status"));
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLabel->setWordWrap(true);

    m_expectedEdit = new QLineEdit(this);
    m_expectedEdit->setObjectName(QStringLiteral("completion_expected"));
    m_expectedEdit->setPlaceholderText(tr("Expected completion, e.g. \" keeps the doctor away\""));
    m_expectedEdit->setToolTip(tr("/evaluate: how likely the model finds this continuation of the prompt."));
    m_evaluateButton = new QPushButton(tr("Evaluate"), this);
    m_evaluateButton->setObjectName(QStringLiteral("evaluate"));
    connect(m_evaluateButton, &QPushButton::clicked, this, &CompletionTab::evaluate);
    connect(m_expectedEdit, &QLineEdit::returnPressed, this, &CompletionTab::evaluate);
    m_explainButton = new QPushButton(tr("Explain"), this);
    m_explainButton->setObjectName(QStringLiteral("explain"));
    m_explainButton->setEnabled(false);
    m_explainButton->setToolTip(tr("Opens the prompt and the first completion in the Explanation tab: which parts of the "
                                   "prompt drove it."));
    connect(m_explainButton, &QPushButton::clicked, this, [this] {
        if (!m_lastCompletion.isEmpty())
            Q_EMIT explainRequested(m_lastRequest.prompt, m_lastCompletion, m_lastRequest.model);
    });
    m_evaluationLabel = new QLabel(this);
    m_evaluationLabel->setObjectName(QStringLiteral("evaluation"));
    m_evaluationLabel->setWordWrap(true);
    m_evaluationLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *promptBox = new QWidget(this);
    auto *promptLayout = new QVBoxLayout(promptBox);
    promptLayout->setContentsMargins(0, 0, 0, 0);
    auto *promptHeader = new QHBoxLayout;
    promptHeader->addWidget(new QLabel(tr("Prompt"), this));
    promptHeader->addStretch(1);
    promptHeader->addWidget(addImageButton);
    promptLayout->addLayout(promptHeader);
    promptLayout->addWidget(m_imageList);
    promptLayout->addWidget(m_promptEdit, 1);
    promptLayout->addWidget(m_steeringIndicator);
    promptLayout->addWidget(m_templateBox);

    auto *outputBox = new QWidget(this);
    auto *outputLayout = new QVBoxLayout(outputBox);
    outputLayout->setContentsMargins(0, 0, 0, 0);
    auto *outputHeader = new QHBoxLayout;
    outputHeader->addWidget(new QLabel(tr("Completion"), this));
    outputHeader->addStretch(1);
    outputHeader->addWidget(m_explainButton);
    outputLayout->addLayout(outputHeader);
    outputLayout->addWidget(outputs, 1);
    outputLayout->addWidget(m_legend);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_statusLabel, 1);
    statusRow->addWidget(m_retryButton);
    outputLayout->addLayout(statusRow);
    auto *evaluateRow = new QHBoxLayout;
    evaluateRow->addWidget(m_expectedEdit, 1);
    evaluateRow->addWidget(m_evaluateButton);
    outputLayout->addLayout(evaluateRow);
    outputLayout->addWidget(m_evaluationLabel);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("promptSplitter"));
    splitter->addWidget(promptBox);
    splitter->addWidget(outputBox);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *side = new QVBoxLayout;
    side->addWidget(sideWidget, 1);
    side->addWidget(m_validationLabel);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_runButton);
    buttons->addWidget(m_stopButton);
    side->addLayout(buttons);

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addLayout(side);
    setFocusProxy(m_promptEdit);

    connect(m_promptEdit, &QPlainTextEdit::textChanged, this, [this] {
        updateTemplateForm();
        revalidate();
        Q_EMIT draftChanged();
    });
    revalidate();
}

QString CompletionTab::tip(const QString &key) const
{
    return parameterTip(m_descriptions, key);
}

QWidget *CompletionTab::buildParameters()
{
    auto *panel = new QWidget(this);
    auto *panelLayout = new QVBoxLayout(panel);
    panelLayout->setContentsMargins(0, 0, 6, 0);

    auto intSpin = [this](const QString &name, int min, int max, int value) {
        auto *s = new QSpinBox(this);
        s->setObjectName(name);
        s->setRange(min, max);
        s->setValue(value);
        s->setToolTip(tip(name));
        connect(s, &QSpinBox::valueChanged, this, [this] { revalidate(); Q_EMIT draftChanged(); });
        return s;
    };
    auto doubleSpin = [this](const QString &name, double min, double max, double step, double value) {
        auto *s = new QDoubleSpinBox(this);
        s->setObjectName(name);
        s->setRange(min, max);
        s->setSingleStep(step);
        s->setDecimals(2);
        s->setValue(value);
        s->setToolTip(tip(name));
        connect(s, &QDoubleSpinBox::valueChanged, this, [this] { revalidate(); Q_EMIT draftChanged(); });
        return s;
    };
    auto check = [this](const QString &name, const QString &label, bool value) {
        auto *c = new QCheckBox(label, this);
        c->setObjectName(name);
        c->setChecked(value);
        c->setToolTip(tip(name));
        connect(c, &QCheckBox::toggled, this, [this] { revalidate(); Q_EMIT draftChanged(); });
        return c;
    };
    auto line = [this](const QString &name, const QString &placeholder) {
        auto *l = new QLineEdit(this);
        l->setObjectName(name);
        l->setPlaceholderText(placeholder);
        l->setToolTip(tip(name));
        connect(l, &QLineEdit::textChanged, this, [this] { revalidate(); Q_EMIT draftChanged(); });
        return l;
    };
    auto section = [this, panelLayout](const QString &title, bool expanded) {
        auto *body = new QWidget(this);
        auto *form = new QFormLayout(body);
        form->setContentsMargins(8, 0, 0, 6);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        panelLayout->addWidget(makeSection(title, body, expanded, this));
        return form;
    };

    auto *modelRow = new QFormLayout;
    modelRow->addRow(tr("Model"), m_modelPicker);
    panelLayout->addLayout(modelRow);

    QFormLayout *sampling = section(tr("Sampling"), true);
    m_maximumTokens = intSpin(QStringLiteral("maximum_tokens"), 0, 32768, 64);
    m_minimumTokens = intSpin(QStringLiteral("minimum_tokens"), 0, 32768, 0);
    m_temperature = doubleSpin(QStringLiteral("temperature"), 0.0, 2.0, 0.05, 0.0);
    m_topK = intSpin(QStringLiteral("top_k"), 0, 1000, 0);
    m_topP = doubleSpin(QStringLiteral("top_p"), 0.0, 1.0, 0.05, 0.0);
    m_n = intSpin(QStringLiteral("n"), 1, 8, 1);
    m_bestOf = intSpin(QStringLiteral("best_of"), 0, 100, 0);
    m_bestOf->setSpecialValueText(tr("off"));
    m_stopSequences = line(QStringLiteral("stop_sequences"), tr("e.g. \\n | ###"));
    m_stream = check(QStringLiteral("stream"), tr("Stream tokens as they arrive"), true);
    sampling->addRow(tr("maximum_tokens"), m_maximumTokens);
    sampling->addRow(tr("minimum_tokens"), m_minimumTokens);
    sampling->addRow(tr("temperature"), m_temperature);
    sampling->addRow(tr("top_k"), m_topK);
    sampling->addRow(tr("top_p"), m_topP);
    sampling->addRow(tr("n"), m_n);
    sampling->addRow(tr("best_of"), m_bestOf);
    sampling->addRow(tr("stop_sequences"), m_stopSequences);
    sampling->addRow(m_stream);

    QFormLayout *output = section(tr("Output"), true);
    m_logProbs = intSpin(QStringLiteral("log_probs"), -1, 20, -1);
    m_logProbs->setSpecialValueText(tr("off"));
    m_echo = check(QStringLiteral("echo"), tr("echo (the prompt too)"), false);
    m_rawCompletion = check(QStringLiteral("raw_completion"), tr("raw_completion"), false);
    m_disableOptimizations = check(QStringLiteral("disable_optimizations"), tr("disable_optimizations"), false);
    output->addRow(tr("log_probs"), m_logProbs);
    output->addRow(m_echo);
    output->addRow(m_rawCompletion);
    output->addRow(m_disableOptimizations);

    QFormLayout *penalties = section(tr("Penalties"), false);
    m_presencePenalty = doubleSpin(QStringLiteral("presence_penalty"), -10.0, 10.0, 0.1, 0.0);
    m_frequencyPenalty = doubleSpin(QStringLiteral("frequency_penalty"), -10.0, 10.0, 0.1, 0.0);
    m_sequencePenalty = doubleSpin(QStringLiteral("sequence_penalty"), -10.0, 10.0, 0.1, 0.0);
    m_sequencePenaltyMinLength = intSpin(QStringLiteral("sequence_penalty_min_length"), 1, 1000, 2);
    m_repetitionIncludePrompt = check(QStringLiteral("repetition_penalties_include_prompt"), tr("include the prompt"), false);
    m_repetitionIncludeCompletion = check(QStringLiteral("repetition_penalties_include_completion"), tr("include the completion"), true);
    m_multiplicativePresence = check(QStringLiteral("use_multiplicative_presence_penalty"), tr("multiplicative presence"), false);
    m_multiplicativeFrequency = check(QStringLiteral("use_multiplicative_frequency_penalty"), tr("multiplicative frequency"), false);
    m_multiplicativeSequence = check(QStringLiteral("use_multiplicative_sequence_penalty"), tr("multiplicative sequence"), false);
    m_penaltyBias = line(QStringLiteral("penalty_bias"), tr("text whose tokens are penalised too"));
    m_penaltyExceptions = line(QStringLiteral("penalty_exceptions"), tr("e.g. , | ."));
    m_penaltyExceptionsIncludeStops = check(QStringLiteral("penalty_exceptions_include_stop_sequences"), tr("stop sequences are exceptions"), true);
    penalties->addRow(tr("presence"), m_presencePenalty);
    penalties->addRow(tr("frequency"), m_frequencyPenalty);
    penalties->addRow(tr("sequence"), m_sequencePenalty);
    penalties->addRow(tr("sequence min length"), m_sequencePenaltyMinLength);
    penalties->addRow(m_repetitionIncludePrompt);
    penalties->addRow(m_repetitionIncludeCompletion);
    penalties->addRow(m_multiplicativePresence);
    penalties->addRow(m_multiplicativeFrequency);
    penalties->addRow(m_multiplicativeSequence);
    penalties->addRow(tr("penalty_bias"), m_penaltyBias);
    penalties->addRow(tr("penalty_exceptions"), m_penaltyExceptions);
    penalties->addRow(m_penaltyExceptionsIncludeStops);

    QFormLayout *bias = section(tr("Bias and steering"), false);
    m_biasInclusion = line(QStringLiteral("completion_bias_inclusion"), tr("e.g. yes | no"));
    m_biasInclusionFirst = check(QStringLiteral("completion_bias_inclusion_first_token_only"), tr("first token only"), false);
    m_biasExclusion = line(QStringLiteral("completion_bias_exclusion"), tr("e.g. maybe"));
    m_biasExclusionFirst = check(QStringLiteral("completion_bias_exclusion_first_token_only"), tr("first token only"), false);
    m_steeringConcepts = line(QStringLiteral("steering_concepts"), tr("a steering concept id"));
    bias->addRow(tr("inclusion"), m_biasInclusion);
    bias->addRow(m_biasInclusionFirst);
    bias->addRow(tr("exclusion"), m_biasExclusion);
    bias->addRow(m_biasExclusionFirst);
    bias->addRow(tr("steering_concepts"), withSteeringLibraryMenu(m_steeringConcepts, m_client, [this] { return m_steeringLibrary; }));
    m_steeringIndicator = new SteeringIndicator(m_steeringConcepts, [this] { return m_steeringLibrary; }, this);

    QFormLayout *control = section(tr("Attention control"), false);
    m_contextualControlThreshold = doubleSpin(QStringLiteral("contextual_control_threshold"), -0.01, 1.0, 0.05, -0.01);
    m_contextualControlThreshold->setSpecialValueText(tr("off"));
    m_controlLogAdditive = check(QStringLiteral("control_log_additive"), tr("control_log_additive"), true);
    control->addRow(tr("contextual threshold"), m_contextualControlThreshold);
    control->addRow(m_controlLogAdditive);
    panelLayout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(panel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(340);
    scroll->setMaximumWidth(400);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_validationLabel = new QLabel(this);
    m_validationLabel->setObjectName(QStringLiteral("validation"));
    m_validationLabel->setWordWrap(true);
    m_validationLabel->setMaximumWidth(400);
    m_validationLabel->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    m_validationLabel->hide();
    return scroll;
}

void CompletionTab::setModels(const QList<core::ModelSettings> &models)
{
    m_modelPicker->setModels(models);
    revalidate();
}

QStringList CompletionTab::templateVariables() const
{
    QStringList names;
    auto it = templatePattern().globalMatch(m_promptEdit->toPlainText());
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

void CompletionTab::setTemplateValue(const QString &name, const QString &value)
{
    m_templateValues.insert(name, value);
    if (auto *edit = m_templateBox->findChild<QLineEdit *>(QStringLiteral("var:") + name))
        edit->setText(value);
    revalidate();
}

void CompletionTab::updateTemplateForm()
{
    const QStringList names = templateVariables();
    if (names == m_templateNames)
        return;
    m_templateNames = names;
    while (m_templateForm->rowCount() > 0)
        m_templateForm->removeRow(0);
    for (const QString &name : names) {
        auto *edit = new QLineEdit(m_templateValues.value(name), m_templateBox);
        edit->setObjectName(QStringLiteral("var:") + name);
        edit->setPlaceholderText(tr("value of {{ %1 }}").arg(name));
        connect(edit, &QLineEdit::textChanged, this, [this, name](const QString &text) {
            m_templateValues.insert(name, text);
            revalidate();
            Q_EMIT draftChanged();
        });
        m_templateForm->addRow(name, edit);
    }
    m_templateBox->setVisible(!names.isEmpty());
}

void CompletionTab::addImageFile(const QString &path)
{
    QString error;
    const auto image = core::ImageFile::load(path, &error);
    if (!image) {
        m_statusLabel->setText(error);
        return;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        m_statusLabel->setText(tr("Cannot read %1: %2").arg(path, f.errorString()));
        return;
    }
    const QByteArray bytes = f.readAll();
    QPixmap thumb;
    thumb.loadFromData(bytes);
    auto *item = new QListWidgetItem(QIcon(thumb.scaled(56, 56, Qt::KeepAspectRatio, Qt::SmoothTransformation)),
                                     QFileInfo(path).fileName(), m_imageList);
    item->setToolTip(path);
    m_images.append(core::PromptItem::fromImageBytes(bytes));
    m_imageList->show();
    if (auto s = m_modelPicker->settings(); s && !s->multimodal.value_or(false))
        m_statusLabel->setText(tr("%1 does not take images (multimodal is false); choose another model.").arg(s->name));
    revalidate();
    Q_EMIT draftChanged();
}

int CompletionTab::imageCount() const
{
    return int(m_images.size());
}

void CompletionTab::chooseImages()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Add images"), QString(), tr("Images (*.png *.jpg *.jpeg *.webp)"));
    for (const QString &f : files)
        addImageFile(f);
}

core::Prompt CompletionTab::buildPrompt(QString *error) const
{
    // Substitute {{ name }} from the variables form; an empty value is an error (flagged).
    const QString text = m_promptEdit->toPlainText();
    QString missing;
    QString out;
    qsizetype last = 0;
    auto it = templatePattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        const QString name = m.captured(1);
        const QString value = m_templateValues.value(name);
        if (value.isEmpty() && missing.isEmpty())
            missing = name;
        out += value;
        last = m.capturedEnd();
    }
    out += text.mid(last);
    if (!missing.isEmpty() && error && error->isEmpty())
        *error = tr("Template variable {{ %1 }} has no value.").arg(missing);
    if (m_images.isEmpty())
        return core::Prompt::fromText(out);
    core::Prompt prompt;
    prompt.items = m_images;
    if (!out.isEmpty())
        prompt.items.append(core::PromptItem::fromText(out));
    return prompt;
}

core::CompletionRequest CompletionTab::buildRequest(QString *error) const
{
    QString problem;
    const QString model = m_modelPicker->model();
    if (model.isEmpty())
        problem = tr("Choose a model first.");
    core::CompletionRequest r = core::CompletionRequest::withClientDefaults(model, buildPrompt(&problem));
    r.maximumTokens = m_maximumTokens->value();
    r.minimumTokens = m_minimumTokens->value();
    r.temperature = m_temperature->value();
    r.topK = m_topK->value();
    r.topP = m_topP->value();
    r.n = m_n->value();
    if (m_bestOf->value() > 0)
        r.bestOf = m_bestOf->value();
    r.stopSequences = splitList(m_stopSequences->text());
    r.presencePenalty = m_presencePenalty->value();
    r.frequencyPenalty = m_frequencyPenalty->value();
    r.sequencePenalty = m_sequencePenalty->value();
    r.sequencePenaltyMinLength = m_sequencePenaltyMinLength->value();
    r.repetitionPenaltiesIncludePrompt = m_repetitionIncludePrompt->isChecked();
    r.repetitionPenaltiesIncludeCompletion = m_repetitionIncludeCompletion->isChecked();
    r.useMultiplicativePresencePenalty = m_multiplicativePresence->isChecked();
    r.useMultiplicativeFrequencyPenalty = m_multiplicativeFrequency->isChecked();
    r.useMultiplicativeSequencePenalty = m_multiplicativeSequence->isChecked();
    if (!m_penaltyBias->text().isEmpty())
        r.penaltyBias = m_penaltyBias->text();
    r.penaltyExceptions = splitList(m_penaltyExceptions->text());
    if (!m_penaltyExceptionsIncludeStops->isChecked())
        r.penaltyExceptionsIncludeStopSequences = false;
    if (m_logProbs->value() >= 0) {
        r.logProbs = m_logProbs->value();
        r.tokens = true; // the tokens are needed to colour them
    }
    r.echo = m_echo->isChecked();
    r.rawCompletion = m_rawCompletion->isChecked();
    r.disableOptimizations = m_disableOptimizations->isChecked();
    r.completionBiasInclusion = splitList(m_biasInclusion->text());
    r.completionBiasInclusionFirstTokenOnly = m_biasInclusionFirst->isChecked();
    r.completionBiasExclusion = splitList(m_biasExclusion->text());
    r.completionBiasExclusionFirstTokenOnly = m_biasExclusionFirst->isChecked();
    const QStringList concepts = m_steeringConcepts->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (!concepts.isEmpty()) {
        QStringList trimmed;
        for (const QString &c : concepts)
            trimmed << c.trimmed();
        r.steeringConcepts = trimmed;
    }
    if (m_contextualControlThreshold->value() >= 0)
        r.contextualControlThreshold = m_contextualControlThreshold->value();
    r.controlLogAdditive = m_controlLogAdditive->isChecked();
    if (problem.isEmpty())
        problem = core::validate(r);
    if (problem.isEmpty() && !m_images.isEmpty()) {
        if (auto s = m_modelPicker->settings(); s && !s->multimodal.value_or(false))
            problem = tr("%1 does not take images; remove them or choose a multimodal model.").arg(s->name);
    }
    if (problem.isEmpty()) {
        if (auto s = m_modelPicker->settings(); s && s->maximumCompletionTokens && r.maximumTokens.value_or(0) > *s->maximumCompletionTokens)
            problem = tr("maximum_tokens: %1 allows at most %2.").arg(s->name).arg(*s->maximumCompletionTokens);
    }
    if (error)
        *error = problem;
    return r;
}

QString CompletionTab::validationMessage() const
{
    return m_validationLabel->isHidden() ? QString() : m_validationLabel->text();
}

void CompletionTab::revalidate()
{
    QString error;
    buildRequest(&error);
    // Mark the field the message names (`complete: field "top_p": ...`).
    static const QRegularExpression fieldPattern(QStringLiteral("field \"([a-z_]+)"));
    const QString field = fieldPattern.match(error).captured(1);
    QWidget *target = field.isEmpty() ? nullptr : findChild<QWidget *>(field);
    if (target != m_flagged) {
        if (m_flagged) {
            m_flagged->setStyleSheet(QString());
            m_flagged->setProperty("flagged", false);
        }
        if (target) {
            target->setStyleSheet(QStringLiteral("border: 2px solid #b00020; border-radius: 3px;"));
            target->setProperty("flagged", true);
        }
        m_flagged = target;
    }
    m_validationLabel->setText(error);
    m_validationLabel->setVisible(!error.isEmpty());
}

bool CompletionTab::currentRequest(QString *endpoint, QJsonObject *body, QString *error) const
{
    const core::CompletionRequest r = buildRequest(error);
    if (!error->isEmpty())
        return false;
    *endpoint = QStringLiteral("complete");
    *body = r.toJson();
    return true;
}

void CompletionTab::prepareOutputs(int n)
{
    while (m_outputViews.size() > n)
        delete m_outputViews.takeLast();
    while (m_outputViews.size() < n) {
        auto *view = new CompletionView(this);
        view->setObjectName(QStringLiteral("output%1").arg(m_outputViews.size()));
        m_outputsLayout->addWidget(view);
        m_outputViews.append(view);
    }
    for (CompletionView *view : std::as_const(m_outputViews))
        view->clear();
}

void CompletionTab::run()
{
    if (m_job)
        m_job->cancel(); // one request per tab
    QString error;
    const core::CompletionRequest request = buildRequest(&error);
    if (!error.isEmpty()) {
        revalidate();
        m_statusLabel->setText(tr("Not sent: %1").arg(error));
        return;
    }
    // Checked when the user runs, not while typing: an empty editor is where everyone starts.
    const bool onlyText = std::all_of(request.prompt.items.cbegin(), request.prompt.items.cend(),
                                      [](const core::PromptItem &item) { return item.type == core::PromptItem::Type::Text; });
    if (onlyText && request.prompt.text().trimmed().isEmpty()) {
        m_statusLabel->setText(tr("Not sent: %1").arg(tr("Write a prompt first (or add an image).")));
        m_promptEdit->setFocus();
        return;
    }
    m_retryButton->hide();
    prepareOutputs(request.n.value_or(1));
    m_legend->setVisible(request.logProbs.has_value());
    m_explainButton->setEnabled(false);
    m_lastRequest = request;
    m_lastCompletion.clear();
    core::ApiJob *job = nullptr;
    if (m_stream->isChecked()) {
        auto *stream = m_client->completeStreaming(request);
        connect(stream, &core::CompletionStreamJob::textReceived, this, [this, stream](int index, const QString &text) {
            if (stream != m_job || index < 0 || index >= m_outputViews.size())
                return;
            m_outputViews.at(index)->appendStreamed(text);
            if (m_recorder && m_partialClock.elapsed() >= m_recorder->partialSaveIntervalMs()) {
                QStringList partial;
                for (CompletionView *v : std::as_const(m_outputViews))
                    partial << v->toPlainText();
                m_recorder->savePartial(m_runId, partial.join(QStringLiteral("\n---\n")));
                m_partialClock.restart();
            }
        });
        job = stream;
    } else {
        job = m_client->complete(request);
    }
    m_runId = m_recorder ? m_recorder->begin(tabKey(), core::ApiCall::of(request)) : 0;
    connect(job, &core::ApiJob::retrying, this, [this](int retry, int total, int delayMs, const core::ApiError &e) {
        m_statusLabel->setText(retryingText(retry, total, delayMs, e));
    });
    connect(job, &core::ApiJob::finished, this, [this, job] { onJobFinished(job); });
    m_job = job;
    m_statusLabel->setText(tr("Running…"));
    m_partialClock.start();
    setBusy(true);
}

void CompletionTab::stop()
{
    if (m_job)
        m_job->cancel();
}

void CompletionTab::setBusy(bool busy)
{
    m_runButton->setEnabled(!busy);
    m_stopButton->setEnabled(busy);
}

void CompletionTab::onJobFinished(core::ApiJob *job)
{
    if (job != m_job)
        return; // an older job we already replaced
    m_job.clear();
    setBusy(false);
    const auto *stream = qobject_cast<core::CompletionStreamJob *>(job);
    const QString elapsed = tr("%1 s").arg(job->elapsedMs() / 1000.0, 0, 'f', 2);
    QStringList partial;
    for (CompletionView *v : std::as_const(m_outputViews))
        partial << v->toPlainText();
    switch (job->state()) {
    case core::ApiJob::State::Succeeded: {
        const core::CompletionResponse response = stream ? stream->result() : static_cast<core::CompletionJob *>(job)->result();
        showResult(response);
        m_statusLabel->setText(m_statusLabel->text() + QStringLiteral(" · ") + elapsed);
        if (m_recorder)
            m_recorder->finish(m_runId, core::RunStatus::Succeeded, QString::fromUtf8(QJsonDocument(response.toJson()).toJson(QJsonDocument::Compact)),
                               QString(), job->elapsedMs(), response.numTokensPromptTotal, response.numTokensGenerated);
        break;
    }
    case core::ApiJob::State::Canceled:
        m_statusLabel->setText(tr("Stopped after %1; the partial text is kept.").arg(elapsed));
        if (m_recorder)
            m_recorder->finish(m_runId, core::RunStatus::Canceled, partial.join(QStringLiteral("\n---\n")), QString(), job->elapsedMs());
        break;
    case core::ApiJob::State::Failed: {
        const bool interrupted = job->error().kind == core::ApiError::Kind::Interrupted;
        m_statusLabel->setText(interrupted ? tr("Interrupted: %1 The partial text is kept; Retry sends the request again.").arg(errorText(job->error()))
                                           : errorText(job->error()));
        m_retryButton->setVisible(true);
        if (m_steeringIndicator->isUnknownConceptError(job->error()))
            m_steeringIndicator->setUnknown(true);
        if (m_recorder)
            m_recorder->finish(m_runId, interrupted ? core::RunStatus::Interrupted : core::RunStatus::Failed,
                               partial.join(QStringLiteral("\n---\n")), errorText(job->error()), job->elapsedMs());
        break;
    }
    case core::ApiJob::State::Running:
        break;
    }
    Q_EMIT finished();
}

void CompletionTab::showResult(const core::CompletionResponse &response)
{
    prepareOutputs(std::max<int>(1, int(response.completions.size())));
    QStringList reasons;
    for (qsizetype i = 0; i < response.completions.size(); ++i) {
        const core::CompletionResult &r = response.completions.at(i);
        m_outputViews.at(i)->showResult(r, m_rawCompletion->isChecked());
        reasons.append(r.finishReason.value_or(tr("unknown")));
    }
    m_lastCompletion = response.completions.isEmpty() ? QString() : response.completions.first().completion.value_or(QString());
    // With echo the completion starts with the prompt: the target is what follows it.
    const QString promptText = m_lastRequest.prompt.text();
    if (m_lastRequest.echo.value_or(false) && !promptText.isEmpty() && m_lastCompletion.startsWith(promptText))
        m_lastCompletion = m_lastCompletion.mid(promptText.size());
    m_explainButton->setEnabled(!m_lastCompletion.isEmpty());
    m_statusLabel->setText(tr("Finished: %1 · prompt tokens %2 · generated tokens %3 · model %4")
                               .arg(reasons.join(QStringLiteral(", ")))
                               .arg(response.numTokensPromptTotal)
                               .arg(response.numTokensGenerated)
                               .arg(response.modelVersion));
}

void CompletionTab::evaluate()
{
    QString error;
    core::EvaluationRequest request;
    request.model = m_modelPicker->model();
    request.prompt = buildPrompt(&error);
    request.completionExpected = m_expectedEdit->text();
    if (request.completionExpected.isEmpty() && error.isEmpty())
        error = tr("Type the expected completion first.");
    if (error.isEmpty())
        error = core::validate(request);
    if (!error.isEmpty()) {
        m_evaluationLabel->setText(tr("Not sent: %1").arg(error));
        return;
    }
    m_evaluationLabel->setText(tr("Evaluating…"));
    m_evaluateButton->setEnabled(false);
    auto *job = m_client->evaluate(request);
    const qint64 runId = m_recorder ? m_recorder->begin(tabKey(), core::ApiCall::of(request)) : 0;
    connect(job, &core::ApiJob::retrying, this, [this](int retry, int total, int delayMs, const core::ApiError &e) {
        m_evaluationLabel->setText(retryingText(retry, total, delayMs, e));
    });
    connect(job, &core::ApiJob::finished, this, [this, job, runId] {
        m_evaluateButton->setEnabled(true);
        if (job->state() == core::ApiJob::State::Succeeded) {
            const core::EvaluationResult r = job->result().result;
            const double logp = r.logProbability.value_or(std::nan(""));
            m_evaluationLabel->setText(tr("log P(expected | prompt) = %1 (p = %2) · perplexity per token %3 · greedy decoding gives it: %4 · %5 token(s)")
                                           .arg(logp, 0, 'f', 3)
                                           .arg(std::isnan(logp) ? tr("n/a") : QStringLiteral("%1%").arg(std::exp(logp) * 100.0, 0, 'g', 3))
                                           .arg(std::exp(r.logPerplexityPerToken.value_or(std::nan(""))), 0, 'f', 2)
                                           .arg(r.correctGreedy.value_or(false) ? tr("yes") : tr("no"))
                                           .arg(r.tokenCount.value_or(0)));
            if (m_recorder)
                m_recorder->finish(runId, core::RunStatus::Succeeded, QString::fromUtf8(QJsonDocument(job->result().toJson()).toJson(QJsonDocument::Compact)),
                                   QString(), job->elapsedMs(), job->result().numTokensPromptTotal.value_or(-1));
        } else {
            m_evaluationLabel->setText(errorText(job->error()));
            if (m_recorder)
                m_recorder->finish(runId, job->state() == core::ApiJob::State::Canceled ? core::RunStatus::Canceled : core::RunStatus::Failed,
                                   QString(), errorText(job->error()), job->elapsedMs());
        }
        Q_EMIT finished();
    });
}

void CompletionTab::applyRequest(const core::CompletionRequest &r)
{
    const QSignalBlocker blocker(this);
    if (!r.model.isEmpty())
        m_modelPicker->setCurrentText(r.model);
    QString text;
    m_images.clear();
    m_imageList->clear();
    if (r.prompt.isPlainText()) {
        text = *r.prompt.plainText;
    } else {
        for (const core::PromptItem &item : r.prompt.items) {
            if (item.type == core::PromptItem::Type::Text) {
                text += item.text;
            } else if (item.type == core::PromptItem::Type::Image) {
                QPixmap thumb;
                thumb.loadFromData(QByteArray::fromBase64(item.imageBase64.toLatin1()));
                new QListWidgetItem(QIcon(thumb.scaled(56, 56, Qt::KeepAspectRatio)), tr("image %1").arg(m_images.size() + 1), m_imageList);
                m_images.append(item);
            }
        }
    }
    m_imageList->setVisible(!m_images.isEmpty());
    m_promptEdit->setPlainText(text);
    m_maximumTokens->setValue(r.maximumTokens.value_or(64));
    m_minimumTokens->setValue(r.minimumTokens.value_or(0));
    m_temperature->setValue(r.temperature.value_or(0.0));
    m_topK->setValue(r.topK.value_or(0));
    m_topP->setValue(r.topP.value_or(0.0));
    m_n->setValue(r.n.value_or(1));
    m_bestOf->setValue(r.bestOf.value_or(0));
    m_stopSequences->setText(joinList(r.stopSequences));
    m_presencePenalty->setValue(r.presencePenalty.value_or(0.0));
    m_frequencyPenalty->setValue(r.frequencyPenalty.value_or(0.0));
    m_sequencePenalty->setValue(r.sequencePenalty.value_or(0.0));
    m_sequencePenaltyMinLength->setValue(r.sequencePenaltyMinLength.value_or(2));
    m_repetitionIncludePrompt->setChecked(r.repetitionPenaltiesIncludePrompt.value_or(false));
    m_repetitionIncludeCompletion->setChecked(r.repetitionPenaltiesIncludeCompletion.value_or(true));
    m_multiplicativePresence->setChecked(r.useMultiplicativePresencePenalty.value_or(false));
    m_multiplicativeFrequency->setChecked(r.useMultiplicativeFrequencyPenalty.value_or(false));
    m_multiplicativeSequence->setChecked(r.useMultiplicativeSequencePenalty.value_or(false));
    m_penaltyBias->setText(r.penaltyBias.value_or(QString()));
    m_penaltyExceptions->setText(joinList(r.penaltyExceptions));
    m_penaltyExceptionsIncludeStops->setChecked(r.penaltyExceptionsIncludeStopSequences.value_or(true));
    m_logProbs->setValue(r.logProbs.value_or(-1));
    m_echo->setChecked(r.echo.value_or(false));
    m_rawCompletion->setChecked(r.rawCompletion.value_or(false));
    m_disableOptimizations->setChecked(r.disableOptimizations.value_or(false));
    m_biasInclusion->setText(joinList(r.completionBiasInclusion));
    m_biasInclusionFirst->setChecked(r.completionBiasInclusionFirstTokenOnly.value_or(false));
    m_biasExclusion->setText(joinList(r.completionBiasExclusion));
    m_biasExclusionFirst->setChecked(r.completionBiasExclusionFirstTokenOnly.value_or(false));
    m_steeringConcepts->setText(r.steeringConcepts.value_or(QStringList()).join(QStringLiteral(", ")));
    m_contextualControlThreshold->setValue(r.contextualControlThreshold.value_or(-0.01));
    m_controlLogAdditive->setChecked(r.controlLogAdditive.value_or(true));
    updateTemplateForm();
    revalidate();
}

core::ApiCall CompletionTab::currentCall(QString *problem) const
{
    QString endpoint;
    QJsonObject body;
    return currentRequest(&endpoint, &body, problem) ? core::ApiCall::fromRecord(endpoint, body) : core::ApiCall();
}

QVariantMap CompletionTab::draft() const
{
    return draftJson().toVariantMap();
}

void CompletionTab::restoreDraft(const QVariantMap &draft)
{
    restoreDraftJson(QJsonObject::fromVariantMap(draft));
}

QJsonObject CompletionTab::draftJson() const
{
    QJsonObject vars;
    for (auto it = m_templateValues.cbegin(); it != m_templateValues.cend(); ++it)
        vars.insert(it.key(), it.value());
    // The request with the raw template text (not substituted), so {{ }} survive a restart.
    core::CompletionRequest r = buildRequest(nullptr);
    core::Prompt raw;
    raw.items = m_images;
    raw.items.append(core::PromptItem::fromText(m_promptEdit->toPlainText()));
    r.prompt = raw;
    return QJsonObject{{QStringLiteral("request"), r.toJson()},
                       {QStringLiteral("variables"), vars},
                       {QStringLiteral("stream"), m_stream->isChecked()},
                       {QStringLiteral("completion_expected"), m_expectedEdit->text()}};
}

void CompletionTab::restoreDraftJson(const QJsonObject &draft)
{
    QString error;
    const auto request = core::CompletionRequest::fromJson(draft.value(QStringLiteral("request")).toObject(), &error);
    const QJsonObject vars = draft.value(QStringLiteral("variables")).toObject();
    for (auto it = vars.begin(); it != vars.end(); ++it)
        m_templateValues.insert(it.key(), it.value().toString());
    if (request)
        applyRequest(*request);
    m_stream->setChecked(draft.value(QStringLiteral("stream")).toBool(true));
    m_expectedEdit->setText(draft.value(QStringLiteral("completion_expected")).toString());
}

void CompletionTab::restoreRun(const core::RunRecord &run)
{
    QString error;
    if (run.endpoint == QLatin1String("evaluate")) {
        const auto request = core::EvaluationRequest::fromJson(run.request, &error);
        if (request) {
            core::CompletionRequest r = buildRequest(nullptr);
            r.model = request->model;
            r.prompt = request->prompt;
            applyRequest(r);
            m_expectedEdit->setText(request->completionExpected);
        }
        m_evaluationLabel->setText(run.error.isEmpty() ? tr("Restored from the history.") : run.error);
        return;
    }
    const auto request = core::CompletionRequest::fromJson(run.request, &error);
    if (!request) {
        m_statusLabel->setText(tr("This run cannot be restored: %1").arg(error));
        return;
    }
    applyRequest(*request);
    m_lastRequest = *request;
    const auto response = core::CompletionResponse::fromJson(QJsonDocument::fromJson(run.response.toUtf8()).object(), &error);
    if (run.status == core::RunStatus::Succeeded && response) {
        showResult(*response);
    } else {
        prepareOutputs(1);
        m_outputViews.first()->setPlainText(run.response);
        m_statusLabel->setText(run.error.isEmpty() ? tr("Restored (%1).").arg(core::runStatusName(run.status)) : run.error);
    }
}

void CompletionTab::setSteeringConcept(const QString &id)
{
    m_steeringConcepts->setText(id);
}

} // namespace ui
