// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/ApiClient.h"
#include "ui/common/PlaygroundTab.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QTextBrowser>
#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace core {
class SteeringLibrary;
}

namespace ui {

class ModelPicker;
class SteeringIndicator;
class PromptEdit;

/// A read-only view of one completion. With log_probs, each generated token is shaded by its
/// probability and hovering it shows the top alternatives (the fragment's tool tip).
class CompletionView : public QTextBrowser
{
    Q_OBJECT
public:
    explicit CompletionView(QWidget *parent = nullptr);
    /// Shows `result`: coloured tokens when it has completion_tokens and log_probs of the same
    /// length, else its text; raw_completion below when `showRaw`.
    void showResult(const core::CompletionResult &result, bool showRaw);
    void appendStreamed(const QString &text);
    /// The tool tip of the token at character `position` of the document ("" when none).
    QString toolTipAt(int position) const;
    /// The number of coloured token fragments shown.
    int tokenCount() const { return m_tokenCount; }

protected:
    bool event(QEvent *event) override;

private:
    int m_tokenCount = 0;
};

/// `/complete` with every parameter in grouped, collapsible panels (defaults, ranges and the spec's
/// descriptions as tool tips), checked with core::validate() before sending. Prompt with
/// `{{ name }}` template variables and images (file picker or drag and drop). n or best_of
/// completions side by side, tokens coloured by log-probability, echo and raw_completion,
/// Evaluate (`/evaluate`) of an expected completion. Run with Ctrl+Enter, Stop with Esc.
class CompletionTab : public PlaygroundTab
{
    Q_OBJECT
public:
    explicit CompletionTab(core::ApiClient *client, QWidget *parent = nullptr); // client not owned
    void setModels(const QList<core::ModelSettings> &models) override;
    void setRecorder(core::RunRecorder *recorder) override { m_recorder = recorder; }
    /// The steering library the steering field's "Library" menu lists (not owned; may be null).
    void setSteeringLibrary(core::SteeringLibrary *library) { m_steeringLibrary = library; }
    /// Puts a concept id into the steering field ("" clears it).
    void setSteeringConcept(const QString &id);
    bool isBusy() const { return !m_job.isNull(); }

    /// The request the current form describes; `error` is set (first problem) when it is not valid.
    core::CompletionRequest buildRequest(QString *error) const;
    /// Fills the form from `request` (prompt text and images, every parameter).
    void applyRequest(const core::CompletionRequest &request);
    /// The template variables found in the prompt, in order of first appearance.
    QStringList templateVariables() const;
    void setTemplateValue(const QString &name, const QString &value);
    void addImageFile(const QString &path);
    int imageCount() const;
    QList<CompletionView *> outputViews() const { return m_outputViews; }
    QString validationMessage() const;

    // PlaygroundTab
    QString tabKey() const override { return QStringLiteral("completion"); }
    core::ApiCall currentCall(QString *problem) const override;
    QVariantMap draft() const override;
    void restoreDraft(const QVariantMap &draft) override;
    void restoreRun(const core::RunRecord &run) override;
    ModelPicker *modelPicker() const override { return m_modelPicker; }
    /// The request the tab would send now. False with `error` set when the input is not valid.
    bool currentRequest(QString *endpoint, QJsonObject *body, QString *error) const;

public Q_SLOTS:
    void run();
    void stop();
    void evaluate();
    void chooseImages();

Q_SIGNALS:
    /// "Explain": the prompt sent, the first completion (without an echoed prompt) and the model,
    /// for the Explanation tab.
    void explainRequested(const core::Prompt &prompt, const QString &completion, const QString &model);
    /// A run or evaluation ended (tests wait on it).
    void finished();

private:
    QJsonObject draftJson() const;
    void restoreDraftJson(const QJsonObject &draft);
    QWidget *buildParameters();
    void updateTemplateForm();
    void revalidate();
    void setBusy(bool busy);
    void prepareOutputs(int n);
    void onJobFinished(core::ApiJob *job);
    void showResult(const core::CompletionResponse &response);
    core::Prompt buildPrompt(QString *error) const;
    QString tip(const QString &key) const;

    core::ApiClient *m_client; // not owned
    core::RunRecorder *m_recorder = nullptr;
    QPointer<core::ApiJob> m_job;
    qint64 m_runId = 0;
    core::CompletionRequest m_lastRequest; // what the shown completions answer
    QString m_lastCompletion;              // the first of them, for Explain
    QJsonObject m_descriptions;
    QHash<QString, QString> m_templateValues;
    QStringList m_templateNames;
    QList<core::PromptItem> m_images; // image items, base64 made once when added
    QPointer<QWidget> m_flagged;      // the field the validation message names

    ModelPicker *m_modelPicker;
    PromptEdit *m_promptEdit;
    QListWidget *m_imageList;
    QGroupBox *m_templateBox;
    QFormLayout *m_templateForm;
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
    SteeringIndicator *m_steeringIndicator = nullptr;
    QElapsedTimer m_partialClock; // since the stream's text was last written to the run
    QLineEdit *m_steeringConcepts;
    core::SteeringLibrary *m_steeringLibrary = nullptr;
    QDoubleSpinBox *m_contextualControlThreshold;
    QCheckBox *m_controlLogAdditive;

    QLabel *m_validationLabel;
    QPushButton *m_runButton;
    QPushButton *m_stopButton;
    QHBoxLayout *m_outputsLayout;
    QList<CompletionView *> m_outputViews;
    QLabel *m_legend;
    QLabel *m_statusLabel;
    QLineEdit *m_expectedEdit;
    QPushButton *m_evaluateButton;
    QPushButton *m_explainButton;
    QLabel *m_evaluationLabel;
    QPushButton *m_retryButton;
};

} // namespace ui
