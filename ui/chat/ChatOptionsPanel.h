// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Chat.h"

#include <QGroupBox>
#include <QVariantMap>

#include <functional>

class QCheckBox;
class QDoubleSpinBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QToolButton;

namespace core {
class ApiClient;
class SteeringLibrary;
} // namespace core

namespace ui {

class SteeringIndicator;

/// The Chat tab's options form (folded away under "Options"): max_tokens, temperature, a
/// steering concept, a JSON-schema response format, token usage per turn and Enter behaviour.
/// It writes its fields into a request and keeps them in drafts. Hidden until its toggle button
/// ("Options", for the tab's top row) opens it.
class ChatOptionsPanel : public QGroupBox
{
    Q_OBJECT
public:
    /// `client` (not owned) and `library` serve the steering field's "Library" menu; `parent`
    /// also owns the toggle button.
    ChatOptionsPanel(core::ApiClient *client,
        std::function<core::SteeringLibrary *()> library,
        QWidget *parent = nullptr);

    /// "Options": shows and hides the panel.
    QToolButton *toggleButton() const { return m_toggle; }
    /// Shows whether the steering concept is known; the tab places it above the input.
    SteeringIndicator *steeringIndicator() const { return m_steeringIndicator; }
    /// "Enter sends (Shift+Enter: new line)"; the tab applies it to the input.
    QCheckBox *enterSendsCheck() const { return m_enterSendsCheck; }
    void setSteeringConcept(const QString &id);

    /// Sets the request fields the options describe; `error` (when still empty) names an
    /// invalid JSON schema.
    void writeTo(core::ChatRequest &request, QString *error) const;
    /// Adds the options to a draft ("max_tokens", "temperature", "steering_concept",
    /// "json_schema_on", "json_schema").
    void writeDraft(QVariantMap &draft) const;
    void readDraft(const QVariantMap &draft);

Q_SIGNALS:
    /// An option kept in drafts changed.
    void edited();

private:
    QToolButton *m_toggle;
    QSpinBox *m_maximumTokens;
    QDoubleSpinBox *m_temperature;
    QLineEdit *m_steeringConcept;
    SteeringIndicator *m_steeringIndicator;
    QCheckBox *m_jsonSchemaCheck;
    QLineEdit *m_schemaName;
    QPlainTextEdit *m_schemaEdit;
    QCheckBox *m_enterSendsCheck;
    QCheckBox *m_usageCheck;
};

} // namespace ui
