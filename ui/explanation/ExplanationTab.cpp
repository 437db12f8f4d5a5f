// SPDX-License-Identifier: MIT
#include "ui/explanation/ExplanationTab.h"

#include "core/storage/DraftValue.h"
#include "ui/common/ErrorText.h"
#include "ui/common/RunController.h"
#include "ui/common/Shortcuts.h"
#include "ui/explanation/ExplanationExporter.h"
#include "ui/explanation/ExplanationForm.h"
#include "ui/explanation/ExplanationResultsView.h"
#include "ui/explanation/WhatIfAnalysis.h"

#include <QHBoxLayout>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QVBoxLayout>

namespace ui {

ExplanationTab::ExplanationTab(core::ApiClient *client, QWidget *parent)
    : PlaygroundTab(parent)
    , m_client(client)
{
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("explanationSplitter"));
    // The input form scrolls when the window is low (a 700-pixel screen), instead of holding the
    // whole window to its height.
    auto *inputScroll = new QScrollArea(this);
    inputScroll->setObjectName(QStringLiteral("inputScroll"));
    m_form = new ExplanationForm(this);
    inputScroll->setWidget(m_form);
    inputScroll->setWidgetResizable(true);
    inputScroll->setFrameShape(QFrame::NoFrame);
    inputScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    inputScroll->setMinimumWidth(
        m_form->minimumSizeHint().width() + inputScroll->verticalScrollBar()->sizeHint().width());
    auto *inputColumn = new QWidget(this);
    auto *inputLayout = new QVBoxLayout(inputColumn);
    inputLayout->setContentsMargins(0, 0, 0, 0);
    inputLayout->setSpacing(0);
    inputLayout->addWidget(inputScroll, 1);
    inputLayout->addWidget(m_form->runBar());
    splitter->addWidget(inputColumn);
    m_view = new ExplanationResultsView(this);
    splitter->addWidget(m_view);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({380, 800});
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    m_whatIf = new WhatIfAnalysis(client, this);
    m_run = new RunController(tabKey(), this);
    watchRun(m_run);
    m_run->setStatusLabel(m_form->statusLabel());
    connect(m_run, &RunController::busyChanged, this, [this](bool busy) {
        m_form->showProgress(busy);
        m_view->setBusy(busy);
    });
    m_run->setButtons(m_form->runButton(), m_form->stopButton());
    connect(m_run, &RunController::ended, this, &ExplanationTab::onExplained);
    connect(m_run, &RunController::finished, this, &ExplanationTab::finished);

    connect(m_form, &ExplanationForm::changed, this, &ExplanationTab::draftChanged);
    connect(m_form, &ExplanationForm::runRequested, this, &ExplanationTab::run);
    connect(m_form, &ExplanationForm::stopRequested, this, &ExplanationTab::stop);
    connect(
        m_view, &ExplanationResultsView::statusMessage, m_form, &ExplanationForm::setStatusText);
    connect(m_view, &ExplanationResultsView::whatIfRequested, this, &ExplanationTab::runWhatIf);
    connect(m_whatIf, &WhatIfAnalysis::finished, this, [this](const WhatIfOutcome &outcome) {
        m_view->showWhatIf(outcome);
        Q_EMIT whatIfFinished();
    });
    addRunStopShortcuts(this, &ExplanationTab::run, &ExplanationTab::stop);
    // Alt+Left/Right: the previous or next target token ("all" before the first).
    auto *previousToken = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Left), this);
    previousToken->setContext(Qt::WidgetWithChildrenShortcut);
    connect(previousToken, &QShortcut::activated, this, [this] {
        setTargetIndex(std::max(-1, targetIndex() - 1));
    });
    auto *nextToken = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Right), this);
    nextToken->setContext(Qt::WidgetWithChildrenShortcut);
    connect(nextToken, &QShortcut::activated, this, [this] {
        setTargetIndex(std::min(int(targetTokens().size()) - 1, targetIndex() + 1));
    });
    setFocusProxy(m_form);
}

ExplanationTab::~ExplanationTab() = default;

void ExplanationTab::setRecorder(core::RunRecorder *recorder)
{
    m_run->setRecorder(recorder);
}

bool ExplanationTab::isBusy() const
{
    return m_run->isBusy();
}

void ExplanationTab::setModels(const QList<core::ModelSettings> &models)
{
    m_form->setModels(models);
}

// ---------------------------------------------------------------- input

core::ExplanationRequest ExplanationTab::buildRequest(QString *error) const
{
    return m_form->buildRequest(error);
}

void ExplanationTab::applyRequest(const core::ExplanationRequest &request)
{
    m_form->applyRequest(request);
}

void ExplanationTab::setInput(
    const core::Prompt &prompt, const QString &target, const QString &model)
{
    core::ExplanationRequest r = buildRequest(nullptr); // keeps the parameters
    if (!model.isEmpty())
        r.model = model;
    r.prompt = prompt;
    r.target = target.isEmpty() ? std::nullopt : std::optional<QString>(target);
    applyRequest(r);
    Q_EMIT draftChanged();
    run();
}

void ExplanationTab::addImageFile(const QString &path)
{
    m_form->addImageFile(path);
}

void ExplanationTab::addTokenIds(const QList<qint64> &ids)
{
    m_form->addTokenIds(ids);
}

bool ExplanationTab::setImageCrop(int row, const QRect &square, QString *error)
{
    return m_form->setImageCrop(row, square, error);
}

void ExplanationTab::chooseImages()
{
    m_form->chooseImages();
}

QString ExplanationTab::validationText() const
{
    return m_form->validationText();
}

QString ExplanationTab::statusText() const
{
    return m_form->statusText();
}

// ---------------------------------------------------------------- running

void ExplanationTab::run()
{
    m_form->setShowValidation(true); // the user acted: from now on problems are shown as they come
    QString error;
    const core::ExplanationRequest request = buildRequest(&error);
    if (!error.isEmpty()) {
        m_run->stop();
        m_form->setValidationText(error);
        m_run->refuse(error);
        return;
    }
    m_run->start(m_client->explain(request), tr("Explaining…"));
    m_pendingRequest = request; // after start(): a replaced run's end may not see it
}

void ExplanationTab::stop()
{
    m_run->stop();
    m_whatIf->cancel();
}

void ExplanationTab::onExplained(core::ApiJob *job)
{
    const QString elapsed = tr("%L1 s").arg(job->elapsedMs() / 1000.0, 0, 'f', 2);
    switch (job->state()) {
    case core::ApiJob::State::Succeeded: {
        const core::ExplanationResponse &response
            = static_cast<core::ExplanationJob *>(job)->result();
        showResponse(m_pendingRequest, response);
        m_run->setStatus(
            tr("%n explanation(s) · %1 (%2) · %3", nullptr, int(response.explanations.size()))
                .arg(m_pendingRequest.model,
                    response.modelVersion ? tr("version %1").arg(*response.modelVersion)
                                          : tr("model version not given"),
                    elapsed));
        break;
    }
    case core::ApiJob::State::Canceled:
        m_run->setStatus(tr("Stopped after %1.").arg(elapsed));
        break;
    default:
        break; // the status line shows the error
    }
}

// ---------------------------------------------------------------- results

void ExplanationTab::showResponse(
    const core::ExplanationRequest &request, const core::ExplanationResponse &response)
{
    m_view->showResponse(request, response);
}

bool ExplanationTab::hasResult() const
{
    return m_view->result() != nullptr;
}

QStringList ExplanationTab::targetTokens() const
{
    return m_view->targetTokens();
}

int ExplanationTab::targetIndex() const
{
    return m_view->targetIndex();
}

void ExplanationTab::setTargetIndex(int index)
{
    m_view->setTargetIndex(index);
}

HeatmapView *ExplanationTab::heatmap() const
{
    return m_view->heatmap();
}

HeatmapView *ExplanationTab::pinnedHeatmap() const
{
    return m_view->pinnedHeatmap();
}

QTableView *ExplanationTab::table() const
{
    return m_view->table();
}

double ExplanationTab::scaleExtent() const
{
    return m_view->scaleExtent();
}

QString ExplanationTab::scaleCaption() const
{
    return m_view->scaleCaption();
}

void ExplanationTab::pinForComparison()
{
    m_view->pinForComparison();
}

void ExplanationTab::unpin()
{
    m_view->unpin();
}

// ---------------------------------------------------------------- what-if

void ExplanationTab::runWhatIf()
{
    const ExplanationResult *result = m_view->result();
    if (!result)
        return;
    const QList<core::analysis::ScoredSpan> marked = m_view->markedSpans();
    if (marked.isEmpty()) {
        m_view->showWhatIfNeedsMarks();
        return;
    }
    const double factor = m_view->whatIfFactor();
    m_whatIf->start(result->request, result->target, marked, factor, m_view->whatIfMaximumTokens());
    m_view->showWhatIfStarted(factor, int(marked.size()));
}

QString ExplanationTab::whatIfText() const
{
    return m_view->whatIfText();
}

// ---------------------------------------------------------------- exports

bool ExplanationTab::exportPng(const QString &path, QString *error) const
{
    return ExplanationExporter(m_view).exportPng(path, error);
}

bool ExplanationTab::exportSvg(const QString &path, QString *error) const
{
    return ExplanationExporter(m_view).exportSvg(path, error);
}

bool ExplanationTab::exportCsv(const QString &path, QString *error) const
{
    return ExplanationExporter(m_view).exportCsv(path, error);
}

bool ExplanationTab::exportJson(const QString &path, QString *error) const
{
    return ExplanationExporter(m_view).exportJson(path, error);
}

// ---------------------------------------------------------------- PlaygroundTab

ModelPicker *ExplanationTab::modelPicker() const
{
    return m_form->modelPicker();
}

core::ApiCall ExplanationTab::currentCall(QString *problem) const
{
    QString error;
    const core::ExplanationRequest request = buildRequest(&error);
    if (!error.isEmpty()) {
        if (problem)
            *problem = error;
        return core::ApiCall();
    }
    return core::ApiCall::of(request);
}

QVariantMap ExplanationTab::draft() const
{
    // The editor's place among the items (an empty editor is not part of the request).
    return {{QStringLiteral("request"), core::requestToDraft(buildRequest(nullptr))},
        {QStringLiteral("prompt_text"), m_form->promptText()},
        {QStringLiteral("editor_position"), m_form->editorPosition()},
        {QStringLiteral("what_if_factor"), m_view->whatIfFactor()}};
}

void ExplanationTab::restoreDraft(const QVariantMap &draft)
{
    QString error;
    const auto request = core::requestFromDraft<core::ExplanationRequest>(
        draft.value(QStringLiteral("request")), &error);
    if (request) {
        applyRequest(*request);
        // An empty editor was left out of the request: put it back where it was.
        if (draft.value(QStringLiteral("prompt_text")).toString().isEmpty()) {
            bool ok = false;
            const int position = draft.value(QStringLiteral("editor_position")).toInt(&ok);
            m_form->moveEditorTo(ok ? position : -1);
        }
    }
    if (draft.contains(QStringLiteral("what_if_factor"))) {
        bool ok = false;
        const double factor = draft.value(QStringLiteral("what_if_factor")).toDouble(&ok);
        m_view->setWhatIfFactor(ok ? factor : 0.1);
    }
}

void ExplanationTab::restoreRun(const core::RunRecord &run)
{
    QString error;
    const auto request = run.requestAs<core::ExplanationRequest>(&error);
    if (!request) {
        m_form->setStatusText(tr("This run cannot be restored: %1").arg(error));
        return;
    }
    applyRequest(*request);
    const auto response = run.responseAs<core::ExplanationResponse>(&error);
    if (run.status == core::RunStatus::Succeeded && response) {
        showResponse(*request, *response);
        m_form->setStatusText(
            tr("Restored from the history (%1).").arg(run.startedAt.toLocalTime().toString()));
    } else {
        m_form->setStatusText(
            run.error.isEmpty() ? tr("Restored (%1).").arg(runStatusText(run.status)) : run.error);
    }
}

QAbstractButton *ExplanationTab::exportButton() const
{
    return hasResult() ? m_view->findChild<QAbstractButton *>(QStringLiteral("export")) : nullptr;
}

} // namespace ui
