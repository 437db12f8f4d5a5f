// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/ApiClient.h"
#include "ui/common/PlaygroundTab.h"
#include "ui/completion/CompletionView.h"

#include <QPointer>
#include <QWidget>

class QBoxLayout;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace core {
class PromptLibrary;
class SteeringLibrary;
struct PromptVersion;
} // namespace core

namespace ui {

class CompletionCompare;
class CompletionCompareColumn;
class CompletionOutputPane;
class CompletionParameters;
class CompletionPromptForm;
class ModelPicker;
class PromptKeeper;
class RunController;
class SteeringIndicator;
class PromptEdit;

/// `/complete` with every parameter in grouped, collapsible panels (defaults, ranges and the spec's
/// descriptions as tool tips), checked with core::validate() before sending. Prompt with
/// `{{ name }}` template variables and images (file picker or drag and drop). n or best_of
/// completions side by side, tokens coloured by log-probability, echo and raw_completion,
/// Evaluate (`/evaluate`) of an expected completion. Run with Ctrl+Enter, Stop with Esc.
/// The tab composes a CompletionPromptForm, CompletionParameters and a CompletionOutputPane and
/// runs the jobs through two RunControllers (the completion, the evaluation); the validation
/// message is its own.
class CompletionTab : public PlaygroundTab
{
    Q_OBJECT
public:
    explicit CompletionTab(core::ApiClient *client, QWidget *parent = nullptr); // client not owned
    void setModels(const QList<core::ModelSettings> &models) override;
    void setRecorder(core::RunRecorder *recorder) override;
    /// The steering library the steering field's "Library" menu lists (not owned; may be null).
    void setSteeringLibrary(core::SteeringLibrary *library) { m_steeringLibrary = library; }
    /// The prompt library Save prompt… writes to (not owned; may be null).
    void setPromptLibrary(core::PromptLibrary *library);
    /// The link to the saved prompt shown, which runs add versions to.
    PromptKeeper *promptKeeper() const { return m_keeper; }
    /// The form as a saved prompt's version: the raw template, the values of its variables, the
    /// model, the parameters and the steering (images are not kept).
    core::PromptVersion currentVersion() const;
    /// Saves the form as `name` with `tags` (a new version when that name exists) and links the
    /// tab to it; the prompt's id, or 0 with `error`.
    qint64 savePrompt(const QString &name, const QStringList &tags, QString *error);
    /// Loads version `number` of saved prompt `id` into the form and links the tab to it; false
    /// with `error` when it does not exist or its parameters are not /complete's.
    bool openSavedPrompt(qint64 id, int number, QString *error);
    /// Puts a concept id into the steering field ("" clears it).
    void setSteeringConcept(const QString &id);
    /// A completion runs, alone or in compare columns (an evaluation does not count).
    bool isBusy() const;
    /// Compare: the toggle and the columns shown instead of the output while it is on.
    CompletionCompare *compare() const { return m_compare; }

    /// The request the current form describes (`stream` set when the tab streams it); `error` is
    /// set (first problem) when it is not valid.
    core::CompletionRequest buildRequest(QString *error) const;
    /// Fills the form from `request` (prompt text and images, every parameter, streaming).
    void applyRequest(const core::CompletionRequest &request);
    /// The template variables found in the prompt, in order of first appearance.
    QStringList templateVariables() const;
    /// The prompt text as typed (variables not substituted), for a test set's prompt version.
    QString templateText() const;
    /// The values of the prompt's variables now, for a test-set row.
    QHash<QString, QString> templateValues() const;
    void setTemplateValue(const QString &name, const QString &value);
    void addImageFile(const QString &path);
    int imageCount() const;
    QList<CompletionView *> outputViews() const;
    QString validationMessage() const;

    // PlaygroundTab
    QString tabKey() const override { return QStringLiteral("completion"); }
    core::ApiCall currentCall(QString *problem) const override;
    /// While comparing: each column's request.
    QList<TitledCall> currentCalls(QString *problem) const override;
    QVariantMap draft() const override;
    void restoreDraft(const QVariantMap &draft) override;
    void restoreRun(const core::RunRecord &run) override;
    ModelPicker *modelPicker() const override { return m_modelPicker; }
    bool canRun() const override { return true; }
    void triggerRun() override { run(); }
    bool canStop() const override { return isBusy(); }
    void triggerStop() override { stop(); }
    bool canCompare() const override { return true; }
    void triggerCompare() override;
    bool canExplain() const override { return !m_lastCompletion.isEmpty() && !isBusy(); }
    void triggerExplain() override;
    QString openFilter() const override
    {
        return tr("Prompts (*.txt *.md *.prompt);;All files (*)");
    }
    /// Puts the text file at `path` into the prompt.
    bool openFile(const QString &path, QString *error) override;

public Q_SLOTS:
    void run();
    /// "Save prompt…": asks for a name and tags, then savePrompt().
    void showSaveDialog();
    void stop();
    void evaluate();
    void chooseImages();

Q_SIGNALS:
    /// "Explain": the prompt sent, the first completion (without an echoed prompt) and the model,
    /// for the Explanation tab.
    void explainRequested(
        const core::Prompt &prompt, const QString &completion, const QString &model);
    /// A run or evaluation ended (tests wait on it).
    void finished();

private:
    void revalidate();
    /// Run while comparing: the prompt from every column.
    void runCompare();
    /// Compare on: the columns replace the output and the parameters; off: back to one view.
    void setCompareMode(bool on);
    /// `column`'s model, parameters and output become the tab's.
    void promote(CompletionCompareColumn *column);
    void prepareOutputs(int n);
    void onRunEnded(core::ApiJob *job);
    void onEvaluationEnded(core::ApiJob *job);
    void showResult(const core::CompletionResponse &response);
    core::Prompt buildPrompt(QString *error) const;

    core::ApiClient *m_client; // not owned
    RunController *m_run; ///< /complete: Run, Stop, Retry, the status line
    RunController *m_evaluate; ///< /evaluate: Evaluate, the evaluation line
    core::CompletionRequest m_lastRequest; // what the shown completions answer
    QString m_lastCompletion; // the first of them, for Explain
    QPointer<QWidget> m_flagged; // the field the validation message names
    core::SteeringLibrary *m_steeringLibrary = nullptr;
    PromptKeeper *m_keeper;

    CompletionPromptForm *m_prompt;
    CompletionParameters *m_parameters;
    CompletionOutputPane *m_output;
    CompletionCompare *m_compare;
    QBoxLayout *m_buttons; // Run and Stop: side by side, or stacked while comparing
    QWidget *m_sideFiller; // below them while comparing
    QLabel *m_validationLabel;
    QPushButton *m_runButton;
    QPushButton *m_stopButton;
    // Owned by the parts above; the run, stop and evaluate code reaches them directly.
    ModelPicker *m_modelPicker;
    PromptEdit *m_promptEdit;
    QCheckBox *m_stream;
    SteeringIndicator *m_steeringIndicator;
    QLabel *m_legend;
    QLabel *m_statusLabel;
    QLineEdit *m_expectedEdit;
    QPushButton *m_evaluateButton;
    QPushButton *m_explainButton;
    QLabel *m_evaluationLabel;
    QPushButton *m_retryButton;
    QLabel *m_savedLabel; // the saved prompt shown and its newest version
    QPushButton *m_saveButton;
};

} // namespace ui
