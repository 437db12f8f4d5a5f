// SPDX-License-Identifier: MIT
#include "ui/chat/ChatTab.h"

#include "ui/common/ErrorText.h"
#include "ui/common/ModelPicker.h"
#include "ui/common/Shortcuts.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ui {

ChatTab::ChatTab(core::ApiClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
{
    m_modelPicker = new ModelPicker(ModelPicker::Capability::Chat, QStringLiteral("llama-3.1-8b-instruct"), this);
    m_modelPicker->setObjectName(QStringLiteral("model"));
    m_systemEdit = new QLineEdit(this);
    m_systemEdit->setObjectName(QStringLiteral("system"));
    m_systemEdit->setPlaceholderText(tr("System prompt (optional), e.g. You are a helpful assistant."));

    m_transcript = new QTextBrowser(this);
    m_transcript->setObjectName(QStringLiteral("transcript"));
    m_transcript->setOpenExternalLinks(true);
    m_transcript->setPlaceholderText(tr("No messages yet. Type below and press Ctrl+Enter."));

    m_inputEdit = new QPlainTextEdit(this);
    m_inputEdit->setObjectName(QStringLiteral("input"));
    m_inputEdit->setPlaceholderText(tr("Message (Ctrl+Enter to send)"));

    m_sendButton = new QPushButton(tr("Send  (Ctrl+Enter)"), this);
    m_sendButton->setObjectName(QStringLiteral("send"));
    m_stopButton = new QPushButton(tr("Stop  (Esc)"), this);
    m_stopButton->setObjectName(QStringLiteral("stop"));
    m_stopButton->setEnabled(false);
    m_regenerateButton = new QPushButton(tr("Regenerate"), this);
    m_regenerateButton->setObjectName(QStringLiteral("regenerate"));
    m_regenerateButton->setEnabled(false);
    m_clearButton = new QPushButton(tr("New chat"), this);
    connect(m_sendButton, &QPushButton::clicked, this, &ChatTab::send);
    connect(m_stopButton, &QPushButton::clicked, this, &ChatTab::stop);
    connect(m_regenerateButton, &QPushButton::clicked, this, &ChatTab::regenerate);
    connect(m_clearButton, &QPushButton::clicked, this, &ChatTab::clearConversation);
    addRunStopShortcuts(this, &ChatTab::send, &ChatTab::stop);

    m_statusLabel = new QLabel(tr("Ready."), this);
    m_statusLabel->setObjectName(QStringLiteral("status"));
    m_statusLabel->setWordWrap(true);

    m_renderTimer.setSingleShot(true);
    m_renderTimer.setInterval(16);
    connect(&m_renderTimer, &QTimer::timeout, this, &ChatTab::render);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Model"), this));
    top->addWidget(m_modelPicker);
    top->addWidget(new QLabel(tr("System"), this));
    top->addWidget(m_systemEdit, 1);
    top->addWidget(m_clearButton);

    auto *inputBox = new QWidget(this);
    auto *inputLayout = new QHBoxLayout(inputBox);
    inputLayout->setContentsMargins(0, 0, 0, 0);
    inputLayout->addWidget(m_inputEdit, 1);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_sendButton);
    buttons->addWidget(m_stopButton);
    buttons->addWidget(m_regenerateButton);
    buttons->addStretch(1);
    inputLayout->addLayout(buttons);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_transcript);
    splitter->addWidget(inputBox);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_statusLabel);
    setFocusProxy(m_inputEdit);
}

void ChatTab::setModels(const QList<core::ModelSettings> &models)
{
    m_modelPicker->setModels(models);
}

void ChatTab::send()
{
    const QString text = m_inputEdit->toPlainText().trimmed();
    if (text.isEmpty() || isBusy())
        return;
    m_messages.append(core::ChatMessage::fromText(QStringLiteral("user"), text));
    m_inputEdit->clear();
    startReply();
}

void ChatTab::regenerate()
{
    if (isBusy() || m_messages.isEmpty())
        return;
    if (m_messages.last().role == QLatin1String("assistant"))
        m_messages.removeLast();
    startReply();
}

void ChatTab::clearConversation()
{
    stop();
    m_messages.clear();
    m_pendingReply.clear();
    m_replyNote.clear();
    m_regenerateButton->setEnabled(false);
    render();
}

void ChatTab::startReply()
{
    core::ChatRequest request;
    request.model = m_modelPicker->model();
    if (request.model.isEmpty()) {
        m_statusLabel->setText(tr("Choose a model first."));
        return;
    }
    const QString system = m_systemEdit->text().trimmed();
    if (!system.isEmpty())
        request.messages.append(core::ChatMessage::fromText(QStringLiteral("system"), system));
    request.messages += m_messages;
    m_pendingReply.clear();
    m_replyNote.clear();
    auto *job = m_client->chatStreaming(request);
    connect(job, &core::ChatStreamJob::deltaReceived, this, [this, job](int index, const QString &text) {
        if (job != m_job || index != 0)
            return;
        m_pendingReply += text;
        if (!m_renderTimer.isActive())
            m_renderTimer.start();
    });
    connect(job, &core::ApiJob::retrying, this, [this](int retry, int total, int delayMs, const core::ApiError &e) {
        m_statusLabel->setText(retryingText(retry, total, delayMs, e));
    });
    connect(job, &core::ApiJob::finished, this, [this, job] { onJobFinished(job); });
    m_job = job;
    m_statusLabel->setText(tr("Waiting for the reply…"));
    setBusy(true);
    render();
}

void ChatTab::stop()
{
    if (m_job)
        m_job->cancel();
}

void ChatTab::onJobFinished(core::ChatStreamJob *job)
{
    if (job != m_job)
        return;
    m_job.clear();
    setBusy(false);
    m_renderTimer.stop();
    const QString elapsed = tr("%1 s").arg(job->elapsedMs() / 1000.0, 0, 'f', 2);
    // Whatever arrived is kept, also when the reply was stopped or cut.
    m_pendingReply = job->text();
    if (!m_pendingReply.isEmpty())
        m_messages.append(core::ChatMessage::fromText(QStringLiteral("assistant"), m_pendingReply));
    m_pendingReply.clear();
    switch (job->state()) {
    case core::ApiJob::State::Succeeded: {
        QString status = tr("Finished: %1 · %2").arg(job->finishReason().value_or(tr("unknown")), elapsed);
        if (const auto usage = job->usage())
            status += tr(" · prompt tokens %1 · completion tokens %2").arg(usage->promptTokens).arg(usage->completionTokens);
        m_statusLabel->setText(status);
        break;
    }
    case core::ApiJob::State::Canceled:
        m_replyNote = tr("stopped");
        m_statusLabel->setText(tr("Stopped after %1; the partial reply is kept.").arg(elapsed));
        break;
    case core::ApiJob::State::Failed:
        m_replyNote = errorText(job->error());
        m_statusLabel->setText(errorText(job->error()));
        break;
    case core::ApiJob::State::Running:
        break;
    }
    render();
}

void ChatTab::render()
{
    QString md;
    auto block = [&md](const QString &who, const QString &text) {
        md += QStringLiteral("#### ") + who + QStringLiteral("\n\n") + text + QStringLiteral("\n\n");
    };
    for (const core::ChatMessage &m : std::as_const(m_messages))
        block(m.role == QLatin1String("user") ? tr("You") : tr("Assistant"), m.text());
    if (isBusy())
        block(tr("Assistant"), m_pendingReply.isEmpty() ? tr("*…*") : m_pendingReply);
    else if (!m_replyNote.isEmpty())
        md += QStringLiteral("*(") + m_replyNote + QStringLiteral(")*\n\n");
    QScrollBar *bar = m_transcript->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 4;
    m_transcript->setMarkdown(md);
    if (atEnd)
        bar->setValue(bar->maximum());
}

void ChatTab::setBusy(bool busy)
{
    m_sendButton->setEnabled(!busy);
    m_stopButton->setEnabled(busy);
    m_regenerateButton->setEnabled(!busy && !m_messages.isEmpty());
}

} // namespace ui
