// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Completion.h"
#include "ui/common/ParameterTips.h"

#include <QScrollArea>

#include <functional>

class QCheckBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace core {
class ApiClient;
class SteeringLibrary;
} // namespace core

namespace ui {

class ModelPicker;
class SteeringIndicator;

/// The Completion tab's parameter form: the model and every `/complete` parameter in grouped,
/// collapsible sections (defaults, ranges and the spec's descriptions as tool tips), each widget
/// named as the API names its field. It reads and writes the parameter fields of a request; the
/// prompt and the validation are the tab's.
class CompletionParameters : public QScrollArea
{
    Q_OBJECT
public:
    /// `models` is placed in the form's first row (created by the tab, so it comes first in the
    /// focus chain; null: no model row, the caller shows its picker elsewhere); `client` (not
    /// owned) and `library` serve the steering field's "Library" menu.
    CompletionParameters(ModelPicker *models,
        core::ApiClient *client,
        std::function<core::SteeringLibrary *()> library,
        QWidget *parent = nullptr);

    /// Shows whether the steering concept is known; the tab places it beside the prompt.
    SteeringIndicator *steeringIndicator() const { return m_steeringIndicator; }
    /// "Stream tokens as they arrive" (kept in drafts beside the request).
    QCheckBox *streamCheck() const { return m_stream; }
    bool rawCompletion() const;
    void setSteeringConcept(const QString &id);

    /// Sets every parameter field of `r` from the form (model and prompt are left as they are).
    void writeTo(core::CompletionRequest &r) const;
    /// Fills the form's parameter fields from `r` (not the model).
    void readFrom(const core::CompletionRequest &r);
    /// The first problem of `r` sent to the model `models` names ("" when none): no model,
    /// core::validate(), images for a model that takes none, maximum_tokens above the model's
    /// limit (the last two when /model-settings is known).
    static QString problem(const core::CompletionRequest &r, const ModelPicker *models);

Q_SIGNALS:
    /// A parameter changed (the user or readFrom()).
    void edited();

private:
    QString tip(const QString &key) const;

    ParameterDescriptions m_descriptions;
    ModelPicker *m_modelPicker; // the tab's
    // Parameters, named as the API names them.
    QSpinBox *m_maximumTokens;
    QSpinBox *m_minimumTokens;
    QDoubleSpinBox *m_temperature;
    QSpinBox *m_topK;
    QDoubleSpinBox *m_topP;
    QSpinBox *m_n;
    QSpinBox *m_bestOf;
    QLineEdit *m_stopSequences;
    QCheckBox *m_stream;
    QDoubleSpinBox *m_presencePenalty;
    QDoubleSpinBox *m_frequencyPenalty;
    QDoubleSpinBox *m_sequencePenalty;
    QSpinBox *m_sequencePenaltyMinLength;
    QCheckBox *m_repetitionIncludePrompt;
    QCheckBox *m_repetitionIncludeCompletion;
    QCheckBox *m_multiplicativePresence;
    QCheckBox *m_multiplicativeFrequency;
    QCheckBox *m_multiplicativeSequence;
    QLineEdit *m_penaltyBias;
    QLineEdit *m_penaltyExceptions;
    QCheckBox *m_penaltyExceptionsIncludeStops;
    QSpinBox *m_logProbs;
    QCheckBox *m_echo;
    QCheckBox *m_rawCompletion;
    QCheckBox *m_disableOptimizations;
    QLineEdit *m_biasInclusion;
    QCheckBox *m_biasInclusionFirst;
    QLineEdit *m_biasExclusion;
    QCheckBox *m_biasExclusionFirst;
    QLineEdit *m_steeringConcepts;
    SteeringIndicator *m_steeringIndicator = nullptr;
    QDoubleSpinBox *m_contextualControlThreshold;
    QCheckBox *m_controlLogAdditive;
};

} // namespace ui
