// SPDX-License-Identifier: MIT
#include "ui/chat/ChatOptionsPanel.h"

#include "core/chat/StructuredOutput.h"
#include "ui/common/SteeringIndicator.h"
#include "ui/common/SteeringMenu.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {

ChatOptionsPanel::ChatOptionsPanel(
    core::ApiClient *client, std::function<core::SteeringLibrary *()> library, QWidget *parent)
    : QGroupBox(parent)
{
    setObjectName(QStringLiteral("options"));
    hide();
    m_toggle = new QToolButton(parent);
    m_toggle->setObjectName(QStringLiteral("optionsToggle"));
    m_toggle->setText(tr("Options"));
    m_toggle->setCheckable(true);
    m_toggle->setAutoRaise(true);
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setArrowType(Qt::RightArrow);
    m_toggle->setToolTip(
        tr("max_tokens, temperature, steering, JSON schema, usage, Enter behaviour"));
    connect(m_toggle, &QToolButton::toggled, this, [this](bool on) {
        setVisible(on);
        m_toggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });
    auto *optionsBody = new QWidget(this);
    auto *options = new QFormLayout(optionsBody);
    m_maximumTokens = new QSpinBox(this);
    m_maximumTokens->setObjectName(QStringLiteral("max_tokens"));
    m_maximumTokens->setRange(0, 32768);
    m_maximumTokens->setSpecialValueText(tr("model default"));
    m_maximumTokens->setToolTip(
        tr("max_tokens: the most tokens of one reply (0: the model's default)."));
    m_temperature = new QDoubleSpinBox(this);
    m_temperature->setObjectName(QStringLiteral("temperature"));
    m_temperature->setRange(-0.05, 2.0);
    m_temperature->setSingleStep(0.05);
    m_temperature->setValue(-0.05);
    m_temperature->setSpecialValueText(tr("model default"));
    m_temperature->setToolTip(tr("temperature 0–2: higher is more varied; the default is 1."));
    m_steeringConcept = new QLineEdit(this);
    m_steeringConcept->setObjectName(QStringLiteral("steering_concepts"));
    m_steeringConcept->setPlaceholderText(
        tr("steering concept id (from the Steering tab's library)"));
    m_jsonSchemaCheck = new QCheckBox(tr("Answer as JSON matching this schema"), this);
    m_jsonSchemaCheck->setObjectName(QStringLiteral("json_schema"));
    m_schemaName = new QLineEdit(QStringLiteral("answer"), this);
    m_schemaName->setObjectName(QStringLiteral("schema_name"));
    m_schemaEdit = new QPlainTextEdit(this);
    m_schemaEdit->setObjectName(QStringLiteral("schema"));
    m_schemaEdit->setPlainText(
        QStringLiteral("{\n  \"type\": \"object\",\n  \"properties\": {\n    \"answer\": "
                       "{\"type\": \"string\"}\n  },\n  \"required\": [\"answer\"]\n}"));
    m_schemaEdit->setFont(QFont(QStringLiteral("monospace")));
    m_schemaEdit->setMaximumHeight(110);
    m_schemaEdit->setEnabled(false);
    m_schemaName->setEnabled(false);
    connect(m_jsonSchemaCheck, &QCheckBox::toggled, m_schemaEdit, &QWidget::setEnabled);
    connect(m_jsonSchemaCheck, &QCheckBox::toggled, m_schemaName, &QWidget::setEnabled);
    m_enterSendsCheck = new QCheckBox(tr("Enter sends (Shift+Enter: new line)"), this);
    m_enterSendsCheck->setObjectName(QStringLiteral("enterSends"));
    options->addRow(tr("max_tokens"), m_maximumTokens);
    options->addRow(tr("temperature"), m_temperature);
    options->addRow(tr("Steering"), withSteeringLibraryMenu(m_steeringConcept, client, library));
    m_steeringIndicator = new SteeringIndicator(m_steeringConcept, library, this);
    options->addRow(m_jsonSchemaCheck);
    options->addRow(tr("Schema name"), m_schemaName);
    options->addRow(tr("JSON schema"), m_schemaEdit);
    m_usageCheck = new QCheckBox(tr("Token usage per turn (stream_options.include_usage)"), this);
    m_usageCheck->setObjectName(QStringLiteral("include_usage"));
    m_usageCheck->setChecked(true);
    options->addRow(m_usageCheck);
    options->addRow(m_enterSendsCheck);
    auto *optionsLayout = new QVBoxLayout(this);
    optionsLayout->addWidget(optionsBody);

    connect(m_maximumTokens, &QSpinBox::valueChanged, this, &ChatOptionsPanel::edited);
    connect(m_temperature, &QDoubleSpinBox::valueChanged, this, &ChatOptionsPanel::edited);
    connect(m_steeringConcept, &QLineEdit::textChanged, this, &ChatOptionsPanel::edited);
    connect(m_jsonSchemaCheck, &QCheckBox::toggled, this, &ChatOptionsPanel::edited);
    connect(m_schemaEdit, &QPlainTextEdit::textChanged, this, &ChatOptionsPanel::edited);
}

void ChatOptionsPanel::setSteeringConcept(const QString &id)
{
    m_steeringConcept->setText(id);
}

void ChatOptionsPanel::writeTo(core::ChatRequest &request, QString *error) const
{
    if (m_maximumTokens->value() > 0)
        request.maxTokens = m_maximumTokens->value();
    if (m_temperature->value() >= 0)
        request.temperature = m_temperature->value();
    if (!m_steeringConcept->text().trimmed().isEmpty())
        request.steeringConcepts = QStringList{m_steeringConcept->text().trimmed()};
    if (m_jsonSchemaCheck->isChecked()) {
        QString problem;
        if (auto format
            = core::jsonSchemaFormat(m_schemaName->text(), m_schemaEdit->toPlainText(), &problem))
            request.responseFormat = std::move(format);
        else if (error->isEmpty())
            *error = tr("JSON schema: not a JSON object (%1).").arg(problem);
    }
    if (m_usageCheck->isChecked())
        request.streamOptions = core::ChatStreamOptions{true, {}};
}

void ChatOptionsPanel::writeDraft(QVariantMap &draft) const
{
    draft.insert(QStringLiteral("max_tokens"), m_maximumTokens->value());
    draft.insert(QStringLiteral("temperature"), m_temperature->value());
    draft.insert(QStringLiteral("steering_concept"), m_steeringConcept->text());
    draft.insert(QStringLiteral("json_schema_on"), m_jsonSchemaCheck->isChecked());
    draft.insert(QStringLiteral("json_schema"), m_schemaEdit->toPlainText());
}

void ChatOptionsPanel::readDraft(const QVariantMap &draft)
{
    m_maximumTokens->setValue(draft.value(QStringLiteral("max_tokens"), 0).toInt());
    m_temperature->setValue(draft.value(QStringLiteral("temperature"), -0.05).toDouble());
    m_steeringConcept->setText(draft.value(QStringLiteral("steering_concept")).toString());
    m_jsonSchemaCheck->setChecked(draft.value(QStringLiteral("json_schema_on")).toBool());
    if (draft.contains(QStringLiteral("json_schema")))
        m_schemaEdit->setPlainText(draft.value(QStringLiteral("json_schema")).toString());
}

} // namespace ui
