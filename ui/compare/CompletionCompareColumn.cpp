// SPDX-License-Identifier: MIT
#include "ui/compare/CompletionCompareColumn.h"

#include "core/net/ApiClient.h"
#include "core/storage/DraftValue.h"
#include "ui/common/RunController.h"
#include "ui/completion/CompletionParameters.h"
#include "ui/completion/CompletionView.h"

#include <QCheckBox>

namespace ui {

CompletionCompareColumn::CompletionCompareColumn(
    core::ApiClient *client, std::function<core::SteeringLibrary *()> library, QWidget *parent)
    : CompareColumn(ModelPicker::Capability::Completion,
        QStringLiteral("luminous-base"),
        QStringLiteral("completion"),
        parent)
    , m_client(client)
{
    m_parameters = new CompletionParameters(nullptr, client, std::move(library), this);
    m_parameters->setMaximumWidth(QWIDGETSIZE_MAX);
    setParametersPanel(m_parameters);
    connect(m_parameters, &CompletionParameters::edited, this, &CompareColumn::settingsChanged);
    m_view = new CompletionView(this);
    m_view->setObjectName(QStringLiteral("output"));
    m_view->setPlaceholderText(tr("Run (Ctrl+Enter) sends the prompt to every column; this "
                                  "column's completion streams here."));
    setOutput(m_view);
    connect(runController(), &RunController::ended, this, &CompletionCompareColumn::onEnded);
}

void CompletionCompareColumn::applyRequest(const core::CompletionRequest &r)
{
    if (!r.model.isEmpty())
        modelPicker()->setCurrentText(r.model);
    m_parameters->readFrom(r);
    m_parameters->streamCheck()->setChecked(r.stream.value_or(false));
}

core::CompletionRequest CompletionCompareColumn::request(
    const core::Prompt &prompt, QString *error) const
{
    core::CompletionRequest r
        = core::CompletionRequest::withClientDefaults(modelPicker()->model(), prompt);
    m_parameters->writeTo(r);
    if (m_parameters->streamCheck()->isChecked())
        r.stream = true; // as ApiClient::completeStreaming() sends it
    if (error)
        *error = CompletionParameters::problem(r, modelPicker());
    return r;
}

bool CompletionCompareColumn::rawCompletion() const
{
    return m_parameters->rawCompletion();
}

bool CompletionCompareColumn::run(const core::Prompt &prompt)
{
    QString error;
    const core::CompletionRequest r = request(prompt, &error);
    stop();
    if (!error.isEmpty())
        return runController()->refuse(error);
    m_lastRequest = r;
    m_response.reset();
    m_view->clear();
    if (!r.stream.value_or(false)) {
        startJob(m_client->complete(r), tr("Running…"));
        return true;
    }
    auto *stream = m_client->completeStreaming(r);
    connect(stream,
        &core::CompletionStreamJob::textReceived,
        this,
        [this, stream](int index, const QString &text) {
            if (stream != runController()->job() || index != 0)
                return;
            noteText();
            m_view->appendStreamed(text);
            runController()->setPartial(m_view->toPlainText());
        });
    startJob(stream, tr("Running…"));
    return true;
}

void CompletionCompareColumn::onEnded(core::ApiJob *job)
{
    if (job->state() != core::ApiJob::State::Succeeded) {
        runController()->setPartial(m_view->toPlainText());
        showStats(job, -1, QString());
        Q_EMIT finished();
        return;
    }
    const auto *stream = qobject_cast<core::CompletionStreamJob *>(job);
    m_response = stream ? stream->result() : static_cast<core::CompletionJob *>(job)->result();
    QString reason = tr("unknown");
    if (!m_response->completions.isEmpty()) {
        const core::CompletionResult &first = m_response->completions.first();
        m_view->showResult(first, rawCompletion());
        reason = first.finishReason.value_or(reason);
    }
    runController()->setTokens(m_response->numTokensPromptTotal, m_response->numTokensGenerated);
    showStats(job, m_response->numTokensGenerated, reason);
    Q_EMIT finished();
}

QString CompletionCompareColumn::diffText() const
{
    return m_view->toPlainText();
}

QTextEdit *CompletionCompareColumn::outputView() const
{
    return m_view;
}

QVariantMap CompletionCompareColumn::settingsMap() const
{
    QVariantMap map = core::requestToDraft(request(core::Prompt(), nullptr));
    map.remove(QStringLiteral("prompt"));
    return map;
}

} // namespace ui
