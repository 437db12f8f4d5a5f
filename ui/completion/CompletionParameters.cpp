// SPDX-License-Identifier: MIT
#include "ui/completion/CompletionParameters.h"

#include "core/api/Validation.h"
#include "ui/common/ModelPicker.h"
#include "ui/common/ParameterTips.h"
#include "ui/common/SteeringIndicator.h"
#include "ui/common/SteeringMenu.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace ui {

namespace {

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

CompletionParameters::CompletionParameters(ModelPicker *models,
    core::ApiClient *client,
    std::function<core::SteeringLibrary *()> library,
    QWidget *parent)
    : QScrollArea(parent)
    , m_modelPicker(models)
{
    m_descriptions = parameterDescriptions(QStringLiteral("complete"));

    auto *panel = new QWidget(this);
    auto *panelLayout = new QVBoxLayout(panel);
    panelLayout->setContentsMargins(0, 0, 6, 0);

    auto intSpin = [this](const QString &name, int min, int max, int value) {
        auto *s = new QSpinBox(this);
        s->setObjectName(name);
        s->setRange(min, max);
        s->setValue(value);
        s->setToolTip(tip(name));
        connect(s, &QSpinBox::valueChanged, this, [this] { Q_EMIT edited(); });
        return s;
    };
    auto doubleSpin
        = [this](const QString &name, double min, double max, double step, double value) {
              auto *s = new QDoubleSpinBox(this);
              s->setObjectName(name);
              s->setRange(min, max);
              s->setSingleStep(step);
              s->setDecimals(2);
              s->setValue(value);
              s->setToolTip(tip(name));
              connect(s, &QDoubleSpinBox::valueChanged, this, [this] { Q_EMIT edited(); });
              return s;
          };
    auto check = [this](const QString &name, const QString &label, bool value) {
        auto *c = new QCheckBox(label, this);
        c->setObjectName(name);
        c->setChecked(value);
        c->setToolTip(tip(name));
        connect(c, &QCheckBox::toggled, this, [this] { Q_EMIT edited(); });
        return c;
    };
    auto line = [this](const QString &name, const QString &placeholder) {
        auto *l = new QLineEdit(this);
        l->setObjectName(name);
        l->setPlaceholderText(placeholder);
        l->setToolTip(tip(name));
        connect(l, &QLineEdit::textChanged, this, [this] { Q_EMIT edited(); });
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

    if (m_modelPicker) {
        m_modelPicker->setToolTip(tip(QStringLiteral("model")));
        auto *modelRow = new QFormLayout;
        modelRow->addRow(tr("Model"), m_modelPicker);
        panelLayout->addLayout(modelRow);
    }

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
    m_disableOptimizations
        = check(QStringLiteral("disable_optimizations"), tr("disable_optimizations"), false);
    output->addRow(tr("log_probs"), m_logProbs);
    output->addRow(m_echo);
    output->addRow(m_rawCompletion);
    output->addRow(m_disableOptimizations);

    QFormLayout *penalties = section(tr("Penalties"), false);
    m_presencePenalty = doubleSpin(QStringLiteral("presence_penalty"), -10.0, 10.0, 0.1, 0.0);
    m_frequencyPenalty = doubleSpin(QStringLiteral("frequency_penalty"), -10.0, 10.0, 0.1, 0.0);
    m_sequencePenalty = doubleSpin(QStringLiteral("sequence_penalty"), -10.0, 10.0, 0.1, 0.0);
    m_sequencePenaltyMinLength = intSpin(QStringLiteral("sequence_penalty_min_length"), 1, 1000, 2);
    m_repetitionIncludePrompt = check(
        QStringLiteral("repetition_penalties_include_prompt"), tr("include the prompt"), false);
    m_repetitionIncludeCompletion = check(QStringLiteral("repetition_penalties_include_completion"),
        tr("include the completion"),
        true);
    m_multiplicativePresence = check(QStringLiteral("use_multiplicative_presence_penalty"),
        tr("multiplicative presence"),
        false);
    m_multiplicativeFrequency = check(QStringLiteral("use_multiplicative_frequency_penalty"),
        tr("multiplicative frequency"),
        false);
    m_multiplicativeSequence = check(QStringLiteral("use_multiplicative_sequence_penalty"),
        tr("multiplicative sequence"),
        false);
    m_penaltyBias = line(QStringLiteral("penalty_bias"), tr("text whose tokens are penalised too"));
    m_penaltyExceptions = line(QStringLiteral("penalty_exceptions"), tr("e.g. , | ."));
    m_penaltyExceptionsIncludeStops
        = check(QStringLiteral("penalty_exceptions_include_stop_sequences"),
            tr("stop sequences are exceptions"),
            true);
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
    m_biasInclusionFirst = check(QStringLiteral("completion_bias_inclusion_first_token_only"),
        tr("first token only"),
        false);
    m_biasExclusion = line(QStringLiteral("completion_bias_exclusion"), tr("e.g. maybe"));
    m_biasExclusionFirst = check(QStringLiteral("completion_bias_exclusion_first_token_only"),
        tr("first token only"),
        false);
    m_steeringConcepts = line(QStringLiteral("steering_concepts"), tr("a steering concept id"));
    bias->addRow(tr("inclusion"), m_biasInclusion);
    bias->addRow(m_biasInclusionFirst);
    bias->addRow(tr("exclusion"), m_biasExclusion);
    bias->addRow(m_biasExclusionFirst);
    bias->addRow(
        tr("steering_concepts"), withSteeringLibraryMenu(m_steeringConcepts, client, library));
    m_steeringIndicator = new SteeringIndicator(m_steeringConcepts, library, this);

    QFormLayout *control = section(tr("Attention control"), false);
    m_contextualControlThreshold
        = doubleSpin(QStringLiteral("contextual_control_threshold"), -0.01, 1.0, 0.05, -0.01);
    m_contextualControlThreshold->setSpecialValueText(tr("off"));
    m_controlLogAdditive
        = check(QStringLiteral("control_log_additive"), tr("control_log_additive"), true);
    control->addRow(tr("contextual threshold"), m_contextualControlThreshold);
    control->addRow(m_controlLogAdditive);
    panelLayout->addStretch(1);

    setWidget(panel);
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setMinimumWidth(340);
    setMaximumWidth(400);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
}

QString CompletionParameters::tip(const QString &key) const
{
    return parameterTip(m_descriptions, key);
}

bool CompletionParameters::rawCompletion() const
{
    return m_rawCompletion->isChecked();
}

void CompletionParameters::setSteeringConcept(const QString &id)
{
    m_steeringConcepts->setText(id);
}

void CompletionParameters::writeTo(core::CompletionRequest &r) const
{
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
    const QStringList concepts
        = m_steeringConcepts->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (!concepts.isEmpty()) {
        QStringList trimmed;
        for (const QString &c : concepts)
            trimmed << c.trimmed();
        r.steeringConcepts = trimmed;
    }
    if (m_contextualControlThreshold->value() >= 0)
        r.contextualControlThreshold = m_contextualControlThreshold->value();
    r.controlLogAdditive = m_controlLogAdditive->isChecked();
}

QString CompletionParameters::problem(const core::CompletionRequest &r, const ModelPicker *models)
{
    if (r.model.isEmpty())
        return tr("Choose a model first.");
    if (QString problem = core::validate(r); !problem.isEmpty())
        return problem;
    const std::optional<core::ModelSettings> settings = models->settings();
    const bool images = std::any_of(r.prompt.items.cbegin(),
        r.prompt.items.cend(),
        [](const core::PromptItem &item) { return item.type == core::PromptItem::Type::Image; });
    if (images && settings && !settings->multimodal.value_or(false))
        return tr("%1 does not take images; remove them or choose a multimodal model.")
            .arg(settings->name);
    if (settings && settings->maximumCompletionTokens
        && r.maximumTokens.value_or(0) > *settings->maximumCompletionTokens)
        return tr("maximum_tokens: %1 allows at most %L2.")
            .arg(settings->name)
            .arg(*settings->maximumCompletionTokens);
    return QString();
}

void CompletionParameters::readFrom(const core::CompletionRequest &r)
{
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
    m_repetitionIncludeCompletion->setChecked(
        r.repetitionPenaltiesIncludeCompletion.value_or(true));
    m_multiplicativePresence->setChecked(r.useMultiplicativePresencePenalty.value_or(false));
    m_multiplicativeFrequency->setChecked(r.useMultiplicativeFrequencyPenalty.value_or(false));
    m_multiplicativeSequence->setChecked(r.useMultiplicativeSequencePenalty.value_or(false));
    m_penaltyBias->setText(r.penaltyBias.value_or(QString()));
    m_penaltyExceptions->setText(joinList(r.penaltyExceptions));
    m_penaltyExceptionsIncludeStops->setChecked(
        r.penaltyExceptionsIncludeStopSequences.value_or(true));
    m_logProbs->setValue(r.logProbs.value_or(-1));
    m_echo->setChecked(r.echo.value_or(false));
    m_rawCompletion->setChecked(r.rawCompletion.value_or(false));
    m_disableOptimizations->setChecked(r.disableOptimizations.value_or(false));
    m_biasInclusion->setText(joinList(r.completionBiasInclusion));
    m_biasInclusionFirst->setChecked(r.completionBiasInclusionFirstTokenOnly.value_or(false));
    m_biasExclusion->setText(joinList(r.completionBiasExclusion));
    m_biasExclusionFirst->setChecked(r.completionBiasExclusionFirstTokenOnly.value_or(false));
    m_steeringConcepts->setText(
        r.steeringConcepts.value_or(QStringList()).join(QStringLiteral(", ")));
    m_contextualControlThreshold->setValue(r.contextualControlThreshold.value_or(-0.01));
    m_controlLogAdditive->setChecked(r.controlLogAdditive.value_or(true));
}

} // namespace ui
