// SPDX-License-Identifier: MIT
#include "ui/completion/CompletionTab.h"

#include "core/api/Evaluation.h"
#include "core/api/Validation.h"
#include "core/storage/DraftValue.h"
#include "core/storage/PromptLibrary.h"
#include "ui/common/ErrorText.h"
#include "ui/common/ModelPicker.h"
#include "ui/common/PresenterHint.h"
#include "ui/common/PromptEdit.h"
#include "ui/common/RunController.h"
#include "ui/common/Shortcuts.h"
#include "ui/common/SteeringIndicator.h"
#include "ui/common/Theme.h"
#include "ui/compare/CompareView.h"
#include "ui/compare/CompletionCompare.h"
#include "ui/compare/CompletionCompareColumn.h"
#include "ui/completion/CompletionOutputPane.h"
#include "ui/completion/CompletionParameters.h"
#include "ui/completion/CompletionPromptForm.h"
#include "ui/library/PromptKeeper.h"
#include "ui/library/SavePromptDialog.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace ui {

CompletionTab::CompletionTab(core::ApiClient *client, QWidget *parent)
    : PlaygroundTab(parent)
    , m_client(client)
{
    // Created in the order of the focus chain: model, prompt, parameters, Run/Stop, results.
    m_modelPicker = new ModelPicker(
        ModelPicker::Capability::Completion, QStringLiteral("luminous-base"), this);
    m_modelPicker->setObjectName(QStringLiteral("model"));
    m_prompt = new CompletionPromptForm(m_modelPicker, this);
    m_promptEdit = m_prompt->promptEdit();
    m_parameters = new CompletionParameters(
        m_modelPicker, m_client, [this] { return m_steeringLibrary; }, this);
    m_parameters->setObjectName(QStringLiteral("completionParameters"));
    hideInPresenterMode(m_parameters);
    m_stream = m_parameters->streamCheck();
    m_steeringIndicator = m_parameters->steeringIndicator();
    m_prompt->setSteeringIndicator(m_steeringIndicator);

    m_validationLabel = new QLabel(this);
    m_validationLabel->setObjectName(QStringLiteral("validation"));
    m_validationLabel->setWordWrap(true);
    m_validationLabel->setMaximumWidth(400);
    setTextRole(m_validationLabel, TextRole::Error);
    m_validationLabel->hide();

    m_runButton = new QPushButton(tr("Run  (Ctrl+Enter)"), this);
    m_runButton->setObjectName(QStringLiteral("run"));
    hideInPresenterMode(m_runButton); // the presenter bar's Run and Stop do it
    m_runButton->setDefault(true);
    m_stopButton = new QPushButton(tr("Stop  (Esc)"), this);
    m_stopButton->setObjectName(QStringLiteral("stop"));
    hideInPresenterMode(m_stopButton);
    m_stopButton->setEnabled(false);

    m_output = new CompletionOutputPane(this);
    m_legend = m_output->legend();
    m_statusLabel = m_output->statusLabel();
    m_retryButton = m_output->retryButton();
    m_expectedEdit = m_output->expectedEdit();
    m_evaluateButton = m_output->evaluateButton();
    m_explainButton = m_output->explainButton();
    m_evaluationLabel = m_output->evaluationLabel();

    m_run = new RunController(tabKey(), this);
    watchRun(m_run);
    m_run->setStatusLabel(m_statusLabel);
    m_run->setButtons(m_runButton, m_stopButton);
    connect(m_run, &RunController::ended, this, &CompletionTab::onRunEnded);
    connect(m_run, &RunController::finished, this, &CompletionTab::finished);
    m_evaluate = new RunController(tabKey(), this);
    m_evaluate->setStatusLabel(m_evaluationLabel);
    m_evaluate->setButtons(m_evaluateButton, nullptr);
    connect(m_evaluate, &RunController::ended, this, &CompletionTab::onEvaluationEnded);
    connect(m_evaluate, &RunController::finished, this, &CompletionTab::finished);

    connect(m_runButton, &QPushButton::clicked, this, &CompletionTab::run);
    connect(m_stopButton, &QPushButton::clicked, this, &CompletionTab::stop);
    connect(m_retryButton, &QPushButton::clicked, this, &CompletionTab::run);
    addRunStopShortcuts(this, &CompletionTab::run, &CompletionTab::stop);
    connect(m_evaluateButton, &QPushButton::clicked, this, &CompletionTab::evaluate);
    connect(m_expectedEdit, &QLineEdit::returnPressed, this, &CompletionTab::evaluate);
    connect(m_explainButton, &QPushButton::clicked, this, [this] {
        if (!m_lastCompletion.isEmpty())
            Q_EMIT explainRequested(m_lastRequest.prompt, m_lastCompletion, m_lastRequest.model);
    });
    m_compare = new CompletionCompare(
        m_client,
        [this] { return m_steeringLibrary; },
        [this] { return buildRequest(nullptr); },
        this);
    m_prompt->addHeaderWidget(m_compare->toggle());

    m_keeper = new PromptKeeper([this] { return currentVersion(); }, this);
    m_savedLabel = new QLabel(this);
    m_savedLabel->setObjectName(QStringLiteral("savedPrompt"));
    setTextRole(m_savedLabel, TextRole::Muted);
    m_savedLabel->setToolTip(tr("Each run that changes the prompt adds a version to the saved "
                                "prompt (View ▸ Prompt library)."));
    m_savedLabel->hide();
    m_saveButton = new QPushButton(tr("Save…"), this);
    m_saveButton->setObjectName(QStringLiteral("savePrompt"));
    m_saveButton->setToolTip(tr("Save the prompt with its variables, model, parameters and "
                                "steering in the prompt library (Ctrl+S)"));
    m_saveButton->setEnabled(false);
    connect(m_saveButton, &QPushButton::clicked, this, &CompletionTab::showSaveDialog);
    m_prompt->addHeaderWidget(m_savedLabel);
    m_prompt->addHeaderWidget(m_saveButton);
    connect(m_keeper, &PromptKeeper::linkChanged, this, [this] {
        m_savedLabel->setText(m_keeper->linkText());
        m_savedLabel->setVisible(!m_savedLabel->text().isEmpty());
    });
    connect(m_compare, &CompletionCompare::activeChanged, this, &CompletionTab::setCompareMode);
    connect(m_compare, &CompletionCompare::busyChanged, this, [this](bool busy) {
        m_runButton->setEnabled(!busy);
        m_stopButton->setEnabled(busy);
        Q_EMIT commandsChanged();
    });
    connect(m_compare, &CompletionCompare::finished, this, &CompletionTab::finished);
    connect(m_compare, &CompletionCompare::promoted, this, [this](CompareColumn *column) {
        promote(static_cast<CompletionCompareColumn *>(column));
    });

    connect(m_prompt, &CompletionPromptForm::message, m_statusLabel, &QLabel::setText);
    const auto edited = [this] {
        revalidate();
        Q_EMIT draftChanged();
    };
    connect(m_prompt, &CompletionPromptForm::edited, this, edited);
    connect(m_parameters, &CompletionParameters::edited, this, edited);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("promptSplitter"));
    splitter->addWidget(m_prompt);
    splitter->addWidget(m_output);
    splitter->addWidget(m_compare->view());
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 2);

    auto *side = new QVBoxLayout;
    side->addWidget(m_parameters, 1);
    side->addWidget(m_validationLabel);
    m_buttons = new QHBoxLayout;
    m_buttons->addWidget(m_runButton);
    m_buttons->addWidget(m_stopButton);
    side->addLayout(m_buttons);
    m_sideFiller = new QWidget(this); // keeps Run and Stop at the top while comparing
    m_sideFiller->hide();
    side->addWidget(m_sideFiller, 1);

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addLayout(side);
    setFocusProxy(m_promptEdit);
    revalidate();
}

void CompletionTab::setRecorder(core::RunRecorder *recorder)
{
    m_run->setRecorder(recorder);
    m_evaluate->setRecorder(recorder);
}

bool CompletionTab::isBusy() const
{
    return m_run->isBusy() || m_compare->isBusy();
}

void CompletionTab::setModels(const QList<core::ModelSettings> &models)
{
    m_modelPicker->setModels(models);
    m_compare->setModels(models);
    revalidate();
}

QString CompletionTab::templateText() const
{
    return m_prompt->templateText();
}

QHash<QString, QString> CompletionTab::templateValues() const
{
    return m_prompt->currentTemplateValues();
}

QStringList CompletionTab::templateVariables() const
{
    return m_prompt->templateVariables();
}

void CompletionTab::setTemplateValue(const QString &name, const QString &value)
{
    m_prompt->setTemplateValue(name, value);
    revalidate();
}

void CompletionTab::addImageFile(const QString &path)
{
    m_prompt->addImageFile(path);
}

int CompletionTab::imageCount() const
{
    return m_prompt->imageCount();
}

void CompletionTab::chooseImages()
{
    m_prompt->chooseImages();
}

QList<CompletionView *> CompletionTab::outputViews() const
{
    return m_output->outputViews();
}

core::Prompt CompletionTab::buildPrompt(QString *error) const
{
    return m_prompt->buildPrompt(error);
}

core::CompletionRequest CompletionTab::buildRequest(QString *error) const
{
    QString problem;
    const QString model = m_modelPicker->model();
    if (model.isEmpty())
        problem = tr("Choose a model first.");
    core::CompletionRequest r
        = core::CompletionRequest::withClientDefaults(model, buildPrompt(&problem));
    m_parameters->writeTo(r);
    if (m_stream->isChecked())
        r.stream = true; // as ApiClient::completeStreaming() sends it
    if (problem.isEmpty())
        problem = CompletionParameters::problem(r, m_modelPicker);
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
            target->setStyleSheet(QStringLiteral("border: 2px solid %1; border-radius: 3px;")
                                      .arg(Palette::current().error.name()));
            target->setProperty("flagged", true);
        }
        m_flagged = target;
    }
    m_validationLabel->setText(error);
    m_validationLabel->setVisible(!error.isEmpty() && !m_compare->isActive());
}

void CompletionTab::prepareOutputs(int n)
{
    m_output->prepareOutputs(n);
}

namespace {
/// A prompt of text items only, all blank: nothing to complete.
bool isBlank(const core::Prompt &prompt)
{
    const bool onlyText = std::all_of(prompt.items.cbegin(),
        prompt.items.cend(),
        [](const core::PromptItem &item) { return item.type == core::PromptItem::Type::Text; });
    return onlyText && prompt.text().trimmed().isEmpty();
}
} // namespace

void CompletionTab::run()
{
    if (m_compare->isActive()) {
        runCompare();
        return;
    }
    QString error;
    const core::CompletionRequest request = buildRequest(&error);
    if (!error.isEmpty()) {
        m_run->stop(); // one request per tab
        revalidate();
        m_run->refuse(error);
        return;
    }
    // Checked when the user runs, not while typing: an empty editor is where everyone starts.
    if (isBlank(request.prompt)) {
        m_run->stop();
        m_run->refuse(tr("Write a prompt first (or add an image)."));
        m_promptEdit->setFocus();
        return;
    }
    // A saved prompt whose content changed gets a version (the link label shows its number).
    m_keeper->recordRun();
    m_run->stop(); // ends the previous run (its "Stopped" text) before the outputs are cleared
    m_retryButton->hide();
    prepareOutputs(request.n.value_or(1));
    m_legend->setVisible(request.logProbs.has_value());
    m_explainButton->setEnabled(false);
    m_lastRequest = request;
    m_lastCompletion.clear();
    if (!request.stream.value_or(false)) {
        m_run->start(m_client->complete(request), tr("Running…"));
        return;
    }
    auto *stream = m_client->completeStreaming(request);
    connect(stream,
        &core::CompletionStreamJob::textReceived,
        this,
        [this, stream](int index, const QString &text) {
            if (stream != m_run->job() || index < 0 || index >= m_output->outputViews().size())
                return;
            m_run->showStreamed(text, [this, index](const QString &shown) {
                if (index < m_output->outputViews().size())
                    m_output->outputViews().at(index)->appendStreamed(shown);
            });
            m_run->setPartial(m_output->partialText());
        });
    m_run->start(stream, tr("Running…"));
}

void CompletionTab::runCompare()
{
    QString error;
    const core::Prompt prompt = buildPrompt(&error);
    if (error.isEmpty() && isBlank(prompt))
        error = tr("Write a prompt first (or add an image).");
    if (error.isEmpty())
        m_compare->run(prompt, &error);
    if (!error.isEmpty()) {
        m_compare->view()->setStatus(tr("Not sent: %1").arg(error));
        m_promptEdit->setFocus();
    }
}

void CompletionTab::stop()
{
    m_run->stop();
    m_compare->stop();
}

void CompletionTab::triggerCompare()
{
    m_compare->setActive(!m_compare->isActive());
}

void CompletionTab::setCompareMode(bool on)
{
    m_run->stop();
    m_output->setVisible(!on);
    m_parameters->setVisible(!on);
    m_sideFiller->setVisible(on);
    m_buttons->setDirection(on ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight);
    revalidate();
    Q_EMIT commandsChanged();
}

void CompletionTab::promote(CompletionCompareColumn *column)
{
    applyRequest(column->request(m_prompt->rawPrompt(), nullptr));
    m_retryButton->hide();
    if (const auto &response = column->response()) {
        m_lastRequest = column->lastRequest();
        m_legend->setVisible(m_lastRequest.logProbs.has_value());
        showResult(*response);
    } else {
        prepareOutputs(1);
        m_output->outputViews().first()->setPlainText(column->view()->toPlainText());
        m_statusLabel->setText(tr("Column %1 promoted: its model, parameters and output are the "
                                  "tab's now.")
                                   .arg(CompareColumn::letter(column->index())));
    }
    Q_EMIT draftChanged();
}

void CompletionTab::onRunEnded(core::ApiJob *job)
{
    const QString elapsed = tr("%L1 s").arg(job->elapsedMs() / 1000.0, 0, 'f', 2);
    switch (job->state()) {
    case core::ApiJob::State::Succeeded: {
        const auto *stream = qobject_cast<core::CompletionStreamJob *>(job);
        const core::CompletionResponse response
            = stream ? stream->result() : static_cast<core::CompletionJob *>(job)->result();
        showResult(response);
        m_run->setStatus(m_run->statusText() + QStringLiteral(" · ") + elapsed);
        m_run->setTokens(response.numTokensPromptTotal, response.numTokensGenerated);
        break;
    }
    case core::ApiJob::State::Canceled:
        m_run->setPartial(m_output->partialText());
        m_run->setStatus(tr("Stopped after %1; the partial text is kept.").arg(elapsed));
        break;
    case core::ApiJob::State::Failed:
        m_run->setPartial(m_output->partialText());
        if (job->error().kind == core::ApiError::Kind::Interrupted)
            m_run->setStatus(
                tr("Interrupted: %1 The partial text is kept; Retry sends the request again.")
                    .arg(m_run->statusText()));
        m_retryButton->setVisible(true);
        if (m_steeringIndicator->isUnknownConceptError(job->error()))
            m_steeringIndicator->setUnknown(true);
        break;
    case core::ApiJob::State::Running:
        break;
    }
}

void CompletionTab::showResult(const core::CompletionResponse &response)
{
    const QStringList reasons = m_output->showCompletions(response, m_parameters->rawCompletion());
    m_lastCompletion = response.completions.isEmpty()
        ? QString()
        : response.completions.first().completion.value_or(QString());
    // With echo the completion starts with the prompt: the target is what follows it.
    const QString promptText = m_lastRequest.prompt.text();
    if (m_lastRequest.echo.value_or(false) && !promptText.isEmpty()
        && m_lastCompletion.startsWith(promptText))
        m_lastCompletion = m_lastCompletion.mid(promptText.size());
    m_explainButton->setEnabled(!m_lastCompletion.isEmpty());
    // The model asked for by name, and the version that answered (the API's model_version).
    m_statusLabel->setText(
        tr("Finished: %1 · prompt tokens %L2 · generated tokens %L3 · %4 (version %5)")
            .arg(reasons.join(QStringLiteral(", ")))
            .arg(response.numTokensPromptTotal)
            .arg(response.numTokensGenerated)
            .arg(m_lastRequest.model, response.modelVersion));
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
        m_evaluate->refuse(error);
        return;
    }
    m_evaluate->start(m_client->evaluate(request), tr("Evaluating…"));
}

void CompletionTab::onEvaluationEnded(core::ApiJob *job)
{
    if (job->state() != core::ApiJob::State::Succeeded)
        return; // the evaluation line says Stopped or the error
    const core::EvaluationResponse &response = static_cast<core::EvaluationJob *>(job)->result();
    const core::EvaluationResult &r = response.result;
    const double logp = r.logProbability.value_or(std::nan(""));
    m_evaluate->setStatus(
        tr("log P(expected | prompt) = %L1 (p = %2) · perplexity per token %L3 · greedy decoding "
           "gives it: %4 · %Ln token(s)",
            nullptr,
            r.tokenCount.value_or(0))
            .arg(logp, 0, 'f', 3)
            .arg(std::isnan(logp) ? tr("n/a")
                                  : QStringLiteral("%L1%").arg(std::exp(logp) * 100.0, 0, 'g', 3))
            .arg(std::exp(r.logPerplexityPerToken.value_or(std::nan(""))), 0, 'f', 2)
            .arg(r.correctGreedy.value_or(false) ? tr("yes") : tr("no")));
    m_evaluate->setTokens(response.numTokensPromptTotal.value_or(-1));
}

void CompletionTab::applyRequest(const core::CompletionRequest &r)
{
    const QSignalBlocker blocker(this);
    if (!r.model.isEmpty())
        m_modelPicker->setCurrentText(r.model);
    m_prompt->setPrompt(r.prompt);
    m_parameters->readFrom(r);
    m_stream->setChecked(r.stream.value_or(false));
    m_prompt->updateTemplateForm();
    revalidate();
}

QList<PlaygroundTab::TitledCall> CompletionTab::currentCalls(QString *problem) const
{
    if (!m_compare->isActive())
        return PlaygroundTab::currentCalls(problem);
    const core::Prompt prompt = buildPrompt(problem);
    if (!problem->isEmpty())
        return {};
    return m_compare->calls(prompt, problem);
}

core::ApiCall CompletionTab::currentCall(QString *problem) const
{
    QString error;
    const core::CompletionRequest r = buildRequest(&error);
    if (problem)
        *problem = error;
    return error.isEmpty() ? core::ApiCall::of(r) : core::ApiCall();
}

QVariantMap CompletionTab::draft() const
{
    // The request with the raw template text (not substituted), so {{ }} survive a restart; the
    // stream flag has its own key.
    core::CompletionRequest r = buildRequest(nullptr);
    r.prompt = m_prompt->rawPrompt();
    r.stream.reset();
    return {{QStringLiteral("request"), core::requestToDraft(r)},
        {QStringLiteral("variables"), m_prompt->templateValues()},
        {QStringLiteral("stream"), m_stream->isChecked()},
        {QStringLiteral("completion_expected"), m_expectedEdit->text()},
        {QStringLiteral("saved_prompt"), m_keeper->linkedId()}};
}

void CompletionTab::restoreDraft(const QVariantMap &draft)
{
    QString error;
    const auto request = core::requestFromDraft<core::CompletionRequest>(
        draft.value(QStringLiteral("request")), &error);
    m_prompt->insertTemplateValues(draft.value(QStringLiteral("variables")).toMap());
    if (request)
        applyRequest(*request);
    m_stream->setChecked(draft.value(QStringLiteral("stream"), true).toBool());
    m_expectedEdit->setText(draft.value(QStringLiteral("completion_expected")).toString());
    m_keeper->setLinkedId(draft.value(QStringLiteral("saved_prompt")).toLongLong());
}

void CompletionTab::restoreRun(const core::RunRecord &run)
{
    QString error;
    if (run.endpoint == QLatin1String("evaluate")) {
        if (const auto request = run.requestAs<core::EvaluationRequest>(&error)) {
            core::CompletionRequest r = buildRequest(nullptr);
            r.model = request->model;
            r.prompt = request->prompt;
            applyRequest(r);
            m_expectedEdit->setText(request->completionExpected);
        }
        m_evaluate->setStatus(run.error.isEmpty() ? tr("Restored from the history.") : run.error);
        return;
    }
    const auto request = run.requestAs<core::CompletionRequest>(&error);
    if (!request) {
        m_run->setStatus(tr("This run cannot be restored: %1").arg(error));
        return;
    }
    applyRequest(*request);
    m_lastRequest = *request;
    const auto response = run.responseAs<core::CompletionResponse>(&error);
    if (run.status == core::RunStatus::Succeeded && response) {
        showResult(*response);
    } else {
        prepareOutputs(1);
        m_output->outputViews().first()->setPlainText(run.partial);
        m_run->setStatus(
            run.error.isEmpty() ? tr("Restored (%1).").arg(runStatusText(run.status)) : run.error);
    }
}

void CompletionTab::setPromptLibrary(core::PromptLibrary *library)
{
    m_keeper->setLibrary(library);
    m_saveButton->setEnabled(library != nullptr);
}

core::PromptVersion CompletionTab::currentVersion() const
{
    QMap<QString, QString> values;
    const QVariantMap typed = m_prompt->templateValues();
    for (const QString &name : m_prompt->templateVariables())
        values.insert(name, typed.value(name).toString());
    return core::PromptVersion::fromRequest(
        buildRequest(nullptr), m_promptEdit->toPlainText(), values);
}

qint64 CompletionTab::savePrompt(const QString &name, const QStringList &tags, QString *error)
{
    const qint64 id = m_keeper->save(name, tags, error);
    if (id)
        Q_EMIT draftChanged();
    return id;
}

void CompletionTab::showSaveDialog()
{
    core::PromptLibrary *library = m_keeper->library();
    if (!library)
        return;
    QStringList names;
    for (const core::SavedPrompt &p : library->list())
        names.append(p.name);
    const auto linked = m_keeper->linkedId() ? library->prompt(m_keeper->linkedId()) : std::nullopt;
    SavePromptDialog dialog(
        names, linked ? linked->name : QString(), linked ? linked->tags : QStringList(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (savePrompt(dialog.name(), dialog.tags(), &error))
        m_statusLabel->setText(m_keeper->linkText());
    else
        m_statusLabel->setText(tr("The prompt was not saved: %1").arg(error));
}

bool CompletionTab::openSavedPrompt(qint64 id, int number, QString *error)
{
    core::PromptLibrary *library = m_keeper->library();
    const auto version = library ? library->version(id, number) : std::nullopt;
    if (!version) {
        *error = tr("Version %1 of this prompt does not exist.").arg(number);
        return false;
    }
    const auto request = version->request(error);
    if (!request)
        return false;
    const bool stream = m_stream->isChecked();
    m_prompt->insertTemplateValues([&] {
        QVariantMap values;
        for (auto it = version->variables.cbegin(); it != version->variables.cend(); ++it)
            values.insert(it.key(), it.value());
        return values;
    }());
    applyRequest(*request);
    for (auto it = version->variables.cbegin(); it != version->variables.cend(); ++it)
        m_prompt->setTemplateValue(it.key(), it.value());
    m_stream->setChecked(stream);
    m_keeper->setLinkedId(id);
    revalidate();
    Q_EMIT draftChanged();
    return true;
}

void CompletionTab::setSteeringConcept(const QString &id)
{
    m_parameters->setSteeringConcept(id);
}

void CompletionTab::triggerExplain()
{
    if (!m_lastCompletion.isEmpty())
        Q_EMIT explainRequested(m_lastRequest.prompt, m_lastCompletion, m_lastRequest.model);
}

bool CompletionTab::openFile(const QString &path, QString *error)
{
    QString text;
    if (!readText(path, &text, error))
        return false;
    m_prompt->setPrompt(core::Prompt::fromText(text));
    return true;
}

} // namespace ui
