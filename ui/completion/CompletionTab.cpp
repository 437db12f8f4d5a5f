// SPDX-License-Identifier: MIT
#include "ui/completion/CompletionTab.h"

#include "ui/common/ErrorText.h"
#include "ui/common/ModelPicker.h"
#include "ui/common/Shortcuts.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

namespace ui {

CompletionTab::CompletionTab(core::ApiClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
{
    m_modelPicker = new ModelPicker(ModelPicker::Capability::Completion, QStringLiteral("luminous-base"), this);
    m_modelPicker->setObjectName(QStringLiteral("model"));

    m_promptEdit = new QPlainTextEdit(this);
    m_promptEdit->setObjectName(QStringLiteral("prompt"));
    m_promptEdit->setPlaceholderText(tr("Write a prompt, then press Ctrl+Enter to complete it."));

    m_maximumTokensSpin = new QSpinBox(this);
    m_maximumTokensSpin->setObjectName(QStringLiteral("maximum_tokens"));
    m_maximumTokensSpin->setRange(0, 32768);
    m_maximumTokensSpin->setValue(64);
    m_maximumTokensSpin->setToolTip(tr("maximum_tokens: the most tokens to generate. The prompt plus "
                                       "this must fit the model's context window."));
    m_temperatureSpin = new QDoubleSpinBox(this);
    m_temperatureSpin->setObjectName(QStringLiteral("temperature"));
    m_temperatureSpin->setRange(0.0, 2.0);
    m_temperatureSpin->setSingleStep(0.05);
    m_temperatureSpin->setToolTip(tr("temperature: 0 always takes the most likely token; higher "
                                     "values sample more freely (expected range 0–1)."));
    m_topKSpin = new QSpinBox(this);
    m_topKSpin->setObjectName(QStringLiteral("top_k"));
    m_topKSpin->setRange(0, 1000);
    m_topKSpin->setToolTip(tr("top_k: sample only among the k most likely tokens; 0 turns it off."));
    m_topPSpin = new QDoubleSpinBox(this);
    m_topPSpin->setObjectName(QStringLiteral("top_p"));
    m_topPSpin->setRange(0.0, 1.0);
    m_topPSpin->setSingleStep(0.05);
    m_topPSpin->setToolTip(tr("top_p: sample among the most likely tokens whose probabilities add "
                              "up to p; 0 turns it off. Applied after temperature and top_k."));
    m_nSpin = new QSpinBox(this);
    m_nSpin->setObjectName(QStringLiteral("n"));
    m_nSpin->setRange(1, 8);
    m_nSpin->setToolTip(tr("n: how many completions to return, shown side by side."));
    m_stopSequencesEdit = new QLineEdit(this);
    m_stopSequencesEdit->setObjectName(QStringLiteral("stop_sequences"));
    m_stopSequencesEdit->setPlaceholderText(tr("e.g. \\n | ###"));
    m_stopSequencesEdit->setToolTip(tr("stop_sequences, separated by \" | \". Write \\n for a line "
                                       "break. Output ends before any of them."));
    m_streamCheck = new QCheckBox(tr("Stream tokens as they arrive"), this);
    m_streamCheck->setObjectName(QStringLiteral("stream"));
    m_streamCheck->setChecked(true);

    auto *params = new QGroupBox(tr("Sampling"), this);
    auto *form = new QFormLayout(params);
    form->addRow(tr("Model"), m_modelPicker);
    form->addRow(tr("Maximum tokens"), m_maximumTokensSpin);
    form->addRow(tr("Temperature"), m_temperatureSpin);
    form->addRow(tr("Top k"), m_topKSpin);
    form->addRow(tr("Top p"), m_topPSpin);
    form->addRow(tr("Completions (n)"), m_nSpin);
    form->addRow(tr("Stop sequences"), m_stopSequencesEdit);
    form->addRow(m_streamCheck);

    m_runButton = new QPushButton(tr("Run  (Ctrl+Enter)"), this);
    m_runButton->setObjectName(QStringLiteral("run"));
    m_runButton->setDefault(true);
    m_stopButton = new QPushButton(tr("Stop  (Esc)"), this);
    m_stopButton->setObjectName(QStringLiteral("stop"));
    m_stopButton->setEnabled(false);
    connect(m_runButton, &QPushButton::clicked, this, &CompletionTab::run);
    connect(m_stopButton, &QPushButton::clicked, this, &CompletionTab::stop);
    addRunStopShortcuts(this, &CompletionTab::run, &CompletionTab::stop);

    auto *side = new QVBoxLayout;
    side->addWidget(params);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_runButton);
    buttons->addWidget(m_stopButton);
    side->addLayout(buttons);
    side->addStretch(1);
    auto *sideWidget = new QWidget(this);
    sideWidget->setLayout(side);
    sideWidget->setMaximumWidth(380);

    auto *outputs = new QWidget(this);
    m_outputsLayout = new QHBoxLayout(outputs);
    m_outputsLayout->setContentsMargins(0, 0, 0, 0);
    prepareOutputs(1);

    m_statusLabel = new QLabel(tr("Ready."), this);
    m_statusLabel->setObjectName(QStringLiteral("status"));
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLabel->setWordWrap(true);

    auto *promptBox = new QWidget(this);
    auto *promptLayout = new QVBoxLayout(promptBox);
    promptLayout->setContentsMargins(0, 0, 0, 0);
    promptLayout->addWidget(new QLabel(tr("Prompt"), this));
    promptLayout->addWidget(m_promptEdit);
    auto *outputBox = new QWidget(this);
    auto *outputLayout = new QVBoxLayout(outputBox);
    outputLayout->setContentsMargins(0, 0, 0, 0);
    outputLayout->addWidget(new QLabel(tr("Completion"), this));
    outputLayout->addWidget(outputs, 1);
    outputLayout->addWidget(m_statusLabel);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(promptBox);
    splitter->addWidget(outputBox);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(sideWidget);
    setFocusProxy(m_promptEdit);
}

void CompletionTab::setModels(const QList<core::ModelSettings> &models)
{
    m_modelPicker->setModels(models);
}

void CompletionTab::prepareOutputs(int n)
{
    while (m_outputEdits.size() > n)
        delete m_outputEdits.takeLast();
    while (m_outputEdits.size() < n) {
        auto *edit = new QPlainTextEdit(this);
        edit->setReadOnly(true);
        edit->setObjectName(QStringLiteral("output%1").arg(m_outputEdits.size()));
        edit->setPlaceholderText(tr("The completion appears here."));
        m_outputsLayout->addWidget(edit);
        m_outputEdits.append(edit);
    }
    for (QPlainTextEdit *edit : std::as_const(m_outputEdits))
        edit->clear();
}

core::CompletionRequest CompletionTab::buildRequest(QString *error) const
{
    const QString model = m_modelPicker->model();
    if (model.isEmpty())
        *error = tr("Choose a model first.");
    core::CompletionRequest request = core::CompletionRequest::withClientDefaults(
        model, core::Prompt::fromText(m_promptEdit->toPlainText()));
    request.maximumTokens = m_maximumTokensSpin->value();
    request.temperature = m_temperatureSpin->value();
    request.topK = m_topKSpin->value();
    request.topP = m_topPSpin->value();
    request.n = m_nSpin->value();
    QStringList stops;
    for (QString s : m_stopSequencesEdit->text().split(QStringLiteral(" | "), Qt::SkipEmptyParts)) {
        s.replace(QStringLiteral("\\n"), QStringLiteral("\n"));
        if (!s.isEmpty())
            stops.append(s);
    }
    if (!stops.isEmpty())
        request.stopSequences = stops;
    return request;
}

void CompletionTab::run()
{
    if (m_job)
        m_job->cancel(); // one request per tab
    QString error;
    const core::CompletionRequest request = buildRequest(&error);
    if (!error.isEmpty()) {
        m_statusLabel->setText(error);
        return;
    }
    prepareOutputs(request.n.value_or(1));
    core::ApiJob *job = nullptr;
    if (m_streamCheck->isChecked()) {
        auto *stream = m_client->completeStreaming(request);
        connect(stream, &core::CompletionStreamJob::textReceived, this, [this, stream](int index, const QString &text) {
            if (stream != m_job || index < 0 || index >= m_outputEdits.size())
                return;
            QPlainTextEdit *edit = m_outputEdits.at(index);
            edit->moveCursor(QTextCursor::End);
            edit->insertPlainText(text);
        });
        job = stream;
    } else {
        job = m_client->complete(request);
    }
    connect(job, &core::ApiJob::retrying, this, [this](int retry, int total, int delayMs, const core::ApiError &e) {
        m_statusLabel->setText(retryingText(retry, total, delayMs, e));
    });
    connect(job, &core::ApiJob::finished, this, [this, job] { onJobFinished(job); });
    m_job = job;
    m_statusLabel->setText(tr("Running…"));
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
    switch (job->state()) {
    case core::ApiJob::State::Succeeded:
        showResult(stream ? stream->result() : static_cast<core::CompletionJob *>(job)->result());
        m_statusLabel->setText(m_statusLabel->text() + QStringLiteral(" · ") + elapsed);
        break;
    case core::ApiJob::State::Canceled:
        m_statusLabel->setText(tr("Stopped after %1; the partial text is kept.").arg(elapsed));
        break;
    case core::ApiJob::State::Failed:
        m_statusLabel->setText(errorText(job->error()));
        break;
    case core::ApiJob::State::Running:
        break;
    }
}

void CompletionTab::showResult(const core::CompletionResponse &response)
{
    prepareOutputs(std::max<qsizetype>(1, response.completions.size()));
    QStringList reasons;
    for (qsizetype i = 0; i < response.completions.size(); ++i) {
        const core::CompletionResult &r = response.completions.at(i);
        m_outputEdits.at(i)->setPlainText(r.completion.value_or(QString()));
        reasons.append(r.finishReason.value_or(tr("unknown")));
    }
    m_statusLabel->setText(tr("Finished: %1 · prompt tokens %2 · generated tokens %3 · model %4")
                               .arg(reasons.join(QStringLiteral(", ")))
                               .arg(response.numTokensPromptTotal)
                               .arg(response.numTokensGenerated)
                               .arg(response.modelVersion));
}

} // namespace ui
