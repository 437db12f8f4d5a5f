// SPDX-License-Identifier: MIT
#include "ui/chat/ChatTab.h"

#include "core/api/Validation.h"
#include "core/chat/ConversationCodec.h"
#include "core/chat/StructuredOutput.h"
#include "core/export/ChatExport.h"
#include "ui/chat/ChatComposer.h"
#include "ui/chat/ChatOptionsPanel.h"
#include "ui/chat/ChatReply.h"
#include "ui/chat/ChatTranscriptView.h"
#include "ui/chat/ConversationKeeper.h"
#include "ui/chat/ConversationListPanel.h"
#include "ui/common/ErrorText.h"
#include "ui/common/ModelPicker.h"
#include "ui/common/PresenterHint.h"
#include "ui/common/PromptEdit.h"
#include "ui/common/RunController.h"
#include "ui/common/Shortcuts.h"
#include "ui/common/SteeringIndicator.h"
#include "ui/compare/ChatCompare.h"
#include "ui/compare/ChatCompareColumn.h"
#include "ui/compare/CompareView.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDesktopServices>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {

ChatTab::ChatTab(core::ApiClient *client, QWidget *parent)
    : PlaygroundTab(parent)
    , m_client(client)
{
    m_modelPicker = new ModelPicker(
        ModelPicker::Capability::Chat, QStringLiteral("llama-3.1-8b-instruct"), this);
    m_modelPicker->setObjectName(QStringLiteral("model"));
    m_systemEdit = new QLineEdit(this);
    m_systemEdit->setObjectName(QStringLiteral("system"));
    m_systemEdit->setPlaceholderText(
        tr("System prompt (optional), e.g. You are a helpful assistant."));
    connect(m_systemEdit, &QLineEdit::textChanged, this, &ChatTab::draftChanged);

    // Options: sampling, steering, response format, Enter behaviour.
    m_options = new ChatOptionsPanel(
        m_client, [this] { return m_steeringLibrary; }, this);
    connect(m_options, &ChatOptionsPanel::edited, this, &ChatTab::draftChanged);
    hideInPresenterMode(m_options);
    m_steeringIndicator = m_options->steeringIndicator();
    m_enterSendsCheck = m_options->enterSendsCheck();

    m_transcript = new ChatTranscriptView(this);
    connect(m_transcript, &QTextBrowser::anchorClicked, this, &ChatTab::activateLink);

    m_composer = new ChatComposer(this);
    m_composer->setSteeringIndicator(m_steeringIndicator);
    m_inputEdit = m_composer->inputEdit();
    m_sendButton = m_composer->sendButton();
    m_stopButton = m_composer->stopButton();
    m_regenerateButton = m_composer->regenerateButton();
    connect(m_inputEdit, &QPlainTextEdit::textChanged, this, &ChatTab::draftChanged);
    connect(m_inputEdit, &PromptEdit::sendRequested, this, &ChatTab::send);
    // The window keeps the choice in the preferences (core::Preferences::kEnterSends).
    connect(m_enterSendsCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_composer->setEnterSends(on);
        Q_EMIT enterSendsChanged(on);
    });
    setEnterSends(false);

    m_clearButton = new QPushButton(tr("New chat"), this);
    m_clearButton->setObjectName(QStringLiteral("clear"));
    m_clearButton->setToolTip(tr("Start a new conversation (Ctrl+N)"));
    m_exportButton = new QPushButton(tr("Export…"), this);
    m_exportButton->setObjectName(QStringLiteral("export"));
    m_retryButton = new QPushButton(tr("Retry"), this);
    m_retryButton->setObjectName(QStringLiteral("retry"));
    m_retryButton->hide();
    connect(m_sendButton, &QPushButton::clicked, this, &ChatTab::send);
    connect(m_stopButton, &QPushButton::clicked, this, &ChatTab::stop);
    connect(m_regenerateButton, &QPushButton::clicked, this, &ChatTab::regenerate);
    connect(m_clearButton, &QPushButton::clicked, this, &ChatTab::newConversation);
    auto *newShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_N), this);
    newShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(newShortcut, &QShortcut::activated, this, &ChatTab::newConversation);
    connect(m_exportButton, &QPushButton::clicked, this, &ChatTab::exportConversation);
    connect(m_retryButton, &QPushButton::clicked, this, &ChatTab::regenerate);
    addRunStopShortcuts(this, &ChatTab::send, &ChatTab::stop);

    m_statusLabel = new QLabel(tr("Ready."), this);
    m_statusLabel->setObjectName(QStringLiteral("status"));
    m_statusLabel->setWordWrap(true);
    connect(m_composer, &ChatComposer::message, m_statusLabel, &QLabel::setText);
    m_run = new RunController(tabKey(), this);
    watchRun(m_run);
    m_run->setStatusLabel(m_statusLabel);
    m_run->setButtons(m_sendButton, m_stopButton);
    connect(m_run, &RunController::busyChanged, this, [this](bool busy) {
        m_regenerateButton->setEnabled(!busy && !m_conversation.isEmpty());
    });
    connect(m_run, &RunController::ended, this, &ChatTab::onReplyEnded);
    connect(
        m_run, &RunController::finished, this, &ChatTab::replyFinished); // after the history record

    m_renderTimer.setSingleShot(true);
    m_renderTimer.setInterval(16);
    connect(&m_renderTimer, &QTimer::timeout, this, &ChatTab::renderPending);
    m_keeper = new ConversationKeeper(this);
    connect(m_keeper, &ConversationKeeper::saveDue, this, &ChatTab::saveConversation);
    connect(this, &ChatTab::draftChanged, m_keeper, &ConversationKeeper::scheduleSave);

    m_conversationList = new ConversationListPanel(this);
    m_conversationList->setObjectName(QStringLiteral("conversationList"));
    m_conversationList->hide();
    hideInPresenterMode(m_conversationList);
    connect(m_keeper,
        &ConversationKeeper::currentCreated,
        m_conversationList,
        &ConversationListPanel::setCurrentId);
    connect(m_conversationList,
        &ConversationListPanel::openRequested,
        this,
        &ChatTab::openConversation);
    connect(m_conversationList,
        &ConversationListPanel::newChatRequested,
        this,
        &ChatTab::newConversation);
    connect(m_conversationList, &ConversationListPanel::deleted, this, [this](qint64 id) {
        if (id != m_keeper->id())
            return;
        // The open conversation was deleted: show an empty chat; Undo brings it back.
        stop();
        m_keeper->cancelScheduledSave();
        showConversation(0, {core::Conversation(), m_systemEdit->text(), m_modelPicker->model()});
    });
    connect(m_conversationList, &ConversationListPanel::restored, this, [this](qint64 id) {
        if (m_keeper->id() == 0 && m_conversation.isEmpty())
            openConversation(id);
    });

    m_compare = new ChatCompare(
        m_client,
        [this] { return m_steeringLibrary; },
        [this] {
            ChatCompare::Base base{m_conversation, m_modelPicker->model(), {}};
            m_options->writeDraft(base.options);
            return base;
        },
        this);
    connect(m_compare, &ChatCompare::activeChanged, this, &ChatTab::setCompareMode);
    connect(m_compare, &ChatCompare::busyChanged, this, [this](bool busy) {
        m_sendButton->setEnabled(!busy);
        m_stopButton->setEnabled(busy);
        m_regenerateButton->setEnabled(!busy);
        Q_EMIT commandsChanged();
    });
    connect(m_compare, &ChatCompare::finished, this, &ChatTab::replyFinished);
    connect(m_compare, &ChatCompare::promoted, this, [this](CompareColumn *column) {
        promote(static_cast<ChatCompareColumn *>(column));
    });

    auto *top = new QHBoxLayout;
    m_modelLabel = new QLabel(tr("Model"), this);
    top->addWidget(m_modelLabel);
    top->addWidget(m_modelPicker);
    top->addWidget(new QLabel(tr("System"), this));
    top->addWidget(m_systemEdit, 1);
    top->addWidget(m_options->toggleButton());
    top->addWidget(m_compare->toggle());
    top->addWidget(m_exportButton);
    top->addWidget(m_clearButton);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("transcriptSplitter"));
    splitter->addWidget(m_transcript);
    splitter->addWidget(m_compare->view());
    splitter->addWidget(m_composer);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 4);
    splitter->setStretchFactor(2, 1);

    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_statusLabel, 1);
    statusRow->addWidget(m_retryButton);

    auto *chatColumn = new QWidget(this);
    auto *column = new QVBoxLayout(chatColumn);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(top);
    column->addWidget(m_options);
    column->addWidget(splitter, 1);
    column->addLayout(statusRow);
    auto *outer = new QSplitter(Qt::Horizontal, this);
    outer->setObjectName(QStringLiteral("chatSplitter"));
    outer->addWidget(m_conversationList);
    outer->addWidget(chatColumn);
    outer->setStretchFactor(0, 0);
    outer->setStretchFactor(1, 1);
    outer->setCollapsible(1, false);
    outer->setSizes({220, 900});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(outer, 1);
    setFocusProxy(m_inputEdit);
}

void ChatTab::setModels(const QList<core::ModelSettings> &models)
{
    m_modelPicker->setModels(models);
    m_compare->setModels(models);
}

void ChatTab::setRecorder(core::RunRecorder *recorder)
{
    m_run->setRecorder(recorder);
}

bool ChatTab::isBusy() const
{
    return m_run->isBusy() || m_compare->isBusy();
}

void ChatTab::setEnterSends(bool on)
{
    m_enterSendsCheck->setChecked(on);
    m_inputEdit->setSendOnEnter(on);
}

bool ChatTab::enterSends() const
{
    return m_enterSendsCheck->isChecked();
}

core::ChatRequest ChatTab::buildRequest(QString *error) const
{
    core::ChatRequest request;
    request.model = m_modelPicker->model();
    if (request.model.isEmpty())
        *error = tr("Choose a model first.");
    const QString system = m_systemEdit->text().trimmed();
    if (!system.isEmpty())
        request.messages.append(core::ChatMessage::fromText(QStringLiteral("system"), system));
    m_options->writeTo(request, error);
    return request;
}

QList<PlaygroundTab::TitledCall> ChatTab::currentCalls(QString *problem) const
{
    if (!m_compare->isActive())
        return PlaygroundTab::currentCalls(problem);
    return m_compare->calls(m_systemEdit->text(), m_inputEdit->toPlainText(), problem);
}

core::ApiCall ChatTab::currentCall(QString *problem) const
{
    core::ChatRequest request = buildRequest(problem);
    request.messages += m_conversation.messagesUpTo();
    const QString typed = m_inputEdit->toPlainText().trimmed();
    if (!typed.isEmpty())
        request.messages.append(core::ChatMessage::fromText(QStringLiteral("user"), typed));
    if (problem->isEmpty() && request.messages.isEmpty())
        *problem = tr("Type a message first.");
    if (problem->isEmpty())
        *problem = core::validate(request);
    if (!problem->isEmpty())
        return core::ApiCall();
    request.streamOptions.reset();
    return core::ApiCall::of(request);
}

void ChatTab::send()
{
    const std::optional<core::ChatMessage> message = m_composer->userMessage();
    if (!message || isBusy())
        return;
    if (m_compare->isActive()) {
        QString problem;
        if (!m_compare->send(*message, m_systemEdit->text(), &problem)) {
            m_compare->view()->setStatus(tr("Not sent: %1").arg(problem));
            return;
        }
        m_inputEdit->clear();
        m_composer->clearAttachments();
        return;
    }
    if (m_modelPicker->model().isEmpty()) { // refused before the message joins the conversation
        m_run->refuse(tr("Choose a model first."));
        return;
    }
    int node;
    if (m_editingNode >= 0) {
        node = m_conversation.addSibling(m_editingNode, *message); // the old message stays a branch
        m_editingNode = -1;
        m_sendButton->setText(tr("Send  (Ctrl+Enter)"));
    } else {
        const QList<int> path = m_conversation.activePath();
        node = m_conversation.append(*message, path.isEmpty() ? -1 : path.last());
    }
    m_inputEdit->clear();
    m_composer->clearAttachments();
    startReply(node);
}

void ChatTab::regenerate()
{
    if (isBusy())
        return;
    if (m_compare->isActive()) {
        QString problem;
        if (!m_compare->regenerate(m_systemEdit->text(), &problem))
            m_compare->view()->setStatus(tr("Not sent: %1").arg(problem));
        return;
    }
    const QList<int> path = m_conversation.activePath();
    if (path.isEmpty())
        return;
    int parent = path.last();
    if (m_conversation.node(parent).message.role == QLatin1String("assistant"))
        parent = m_conversation.node(parent).parent; // a new sibling reply; the old one is kept
    if (parent < 0)
        return;
    startReply(parent);
}

void ChatTab::setConversationStore(core::ConversationStore *store)
{
    m_keeper->setStore(store);
    m_conversationList->setStore(store);
    m_conversationList->setVisible(store != nullptr);
    m_clearButton->setVisible(store == nullptr); // the list has its own New chat
}

core::ConversationContent ChatTab::conversationContent() const
{
    return core::ConversationContent{m_conversation, m_systemEdit->text(), m_modelPicker->model()};
}

void ChatTab::saveConversation()
{
    m_keeper->cancelScheduledSave();
    if (!m_keeper->store() || m_conversation.isEmpty())
        return;
    m_keeper->save(conversationContent());
}

void ChatTab::showConversation(qint64 id, const core::ConversationContent &content)
{
    m_compare->setActive(false); // the columns compared the conversation shown before
    m_conversation = content.conversation;
    m_transcript->resetRenderWindow();
    m_pendingReply.clear();
    m_replyNote.clear();
    m_editingNode = -1;
    m_retryButton->hide();
    m_systemEdit->setText(content.system);
    if (!content.model.isEmpty())
        m_modelPicker->setCurrentText(content.model);
    m_keeper->setCurrent(id, conversationContent());
    m_conversationList->setCurrentId(id);
    render();
    Q_EMIT draftChanged();
}

void ChatTab::newConversation()
{
    stop(); // a reply in progress keeps what arrived, in the conversation it belongs to
    saveConversation();
    if (m_conversation.isEmpty() && m_keeper->id() == 0) {
        m_inputEdit->setFocus();
        return;
    }
    showConversation(0, {core::Conversation(), m_systemEdit->text(), m_modelPicker->model()});
    m_statusLabel->setText(
        m_keeper->store() ? tr("New chat. The previous one is in the list.") : tr("New chat."));
    m_inputEdit->setFocus();
}

void ChatTab::openConversation(qint64 id)
{
    if (!m_keeper->store() || id == m_keeper->id())
        return;
    QString title;
    const std::optional<core::ConversationContent> content = m_keeper->load(id, &title);
    if (!content) {
        m_statusLabel->setText(tr("That conversation no longer exists."));
        return;
    }
    stop();
    saveConversation();
    showConversation(id, *content);
    m_statusLabel->setText(tr("Opened “%1”.").arg(title));
}

void ChatTab::setConversation(const core::Conversation &conversation)
{
    stop();
    m_conversation = conversation;
    m_transcript->resetRenderWindow();
    m_replyNote.clear();
    render();
}

void ChatTab::startReply(int parentNode)
{
    QString error;
    core::ChatRequest request = buildRequest(&error);
    request.messages += m_conversation.messagesUpTo(parentNode);
    if (error.isEmpty())
        error = core::validate(request);
    if (!error.isEmpty()) {
        m_run->refuse(error);
        render();
        return;
    }
    m_pendingParent = parentNode;
    m_pendingReply.clear();
    m_replyNote.clear();
    m_retryButton->hide();
    m_jsonRequested = request.responseFormat.has_value();
    auto *job = m_client->chatStreaming(request);
    connect(job,
        &core::ChatStreamJob::deltaReceived,
        this,
        [this, job](int index, const QString &text) {
            if (job != m_run->job() || index != 0)
                return;
            m_run->showStreamed(text, [this](const QString &shown) {
                m_pendingReply += shown;
                if (!m_renderTimer.isActive())
                    m_renderTimer.start();
                m_run->setPartial(m_pendingReply);
            });
        });
    m_run->start(job, tr("Waiting for the reply…"));
    render();
    Q_EMIT draftChanged();
}

void ChatTab::stop()
{
    if (isBusy()) {
        m_run->stop();
        m_compare->stop();
        return;
    }
    if (m_editingNode >= 0)
        cancelEdit();
}

void ChatTab::cancelEdit()
{
    m_editingNode = -1;
    Q_EMIT commandsChanged();
    m_inputEdit->clear();
    m_sendButton->setText(tr("Send  (Ctrl+Enter)"));
    m_statusLabel->setText(tr("Edit cancelled."));
}

void ChatTab::onReplyEnded(core::ApiJob *apiJob)
{
    auto *job = static_cast<core::ChatStreamJob *>(apiJob);
    m_renderTimer.stop();
    const ChatReplyEnd end = appendReply(m_conversation, m_pendingParent, *job, m_jsonRequested);
    if (job->state() == core::ApiJob::State::Failed) {
        if (job->error().kind != core::ApiError::Kind::Interrupted
            && m_steeringIndicator->isUnknownConceptError(job->error()))
            m_steeringIndicator->setUnknown(true);
        m_retryButton->show();
    }
    if (end.node < 0 && !end.note.isEmpty())
        m_replyNote = end.note;
    m_pendingReply.clear();
    m_run->setStatus(end.status);
    // The history keeps the reply's text (also a stopped or cut one) and the turn's usage.
    const QString text = job->text();
    const auto usage = job->usage();
    m_run->setPartial(text);
    m_run->setAnswer(text, usage ? usage->promptTokens : -1, usage ? usage->completionTokens : -1);
    render();
    Q_EMIT draftChanged();
    saveConversation();
}

void ChatTab::triggerCompare()
{
    m_compare->setActive(!m_compare->isActive());
}

void ChatTab::setCompareMode(bool on)
{
    m_run->stop();
    if (m_editingNode >= 0)
        cancelEdit();
    m_options->toggleButton()->setChecked(false);
    for (QWidget *w : {static_cast<QWidget *>(m_transcript),
             static_cast<QWidget *>(m_modelLabel),
             static_cast<QWidget *>(m_modelPicker),
             static_cast<QWidget *>(m_options->toggleButton())})
        w->setVisible(!on);
    m_retryButton->hide();
    if (on)
        m_statusLabel->setText(tr("Comparing: each message goes to every column."));
    Q_EMIT commandsChanged();
}

void ChatTab::promote(ChatCompareColumn *column)
{
    m_conversation = column->conversation();
    m_modelPicker->setCurrentText(column->modelPicker()->model());
    m_options->readDraft(column->options());
    m_transcript->resetRenderWindow();
    m_replyNote.clear();
    render();
    Q_EMIT draftChanged();
    saveConversation();
    m_statusLabel->setText(
        tr("Column %1 promoted: its conversation, model and options are the chat's now.")
            .arg(CompareColumn::letter(column->index())));
}

void ChatTab::render()
{
    m_transcript->render(m_conversation, isBusy(), m_pendingReply, m_replyNote);
    m_regenerateButton->setEnabled(!isBusy() && !m_conversation.isEmpty());
}

void ChatTab::renderPending()
{
    if (!m_transcript->renderPending(m_pendingReply))
        render();
}

void ChatTab::copyMessage(int node)
{
    if (node < 0 || node >= m_conversation.nodeCount())
        return;
    QApplication::clipboard()->setText(m_conversation.node(node).message.text());
    m_statusLabel->setText(tr("Copied the message."));
}

void ChatTab::explainMessage(int node)
{
    if (node < 0 || node >= m_conversation.nodeCount()
        || m_conversation.node(node).message.role != QLatin1String("assistant"))
        return;
    const std::optional<core::ModelSettings> settings = m_modelPicker->settings();
    bool exact = false;
    const QString prompt = m_conversation.promptBefore(node,
        m_systemEdit->text().trimmed(),
        settings ? settings->promptTemplate.value_or(QString()) : QString(),
        &exact);
    if (!exact)
        m_statusLabel->setText(tr("The model's prompt template is not known here; the explanation "
                                  "uses a plain transcript of the chat."));
    Q_EMIT explainRequested(core::Prompt::fromText(prompt),
        m_conversation.node(node).message.text(),
        m_modelPicker->model());
}

void ChatTab::activateLink(const QUrl &url)
{
    if (url.scheme() != QLatin1String("act")) {
        QDesktopServices::openUrl(url);
        return;
    }
    const QStringList parts = url.path().split(QLatin1Char('/'));
    if (parts.size() != 2)
        return;
    bool ok = false;
    const int node = parts.at(1).toInt(&ok);
    if (!ok || node < 0 || node >= m_conversation.nodeCount())
        return;
    const QString action = parts.at(0);
    if (action == QLatin1String("more")) {
        m_transcript->widenRenderWindow();
        render();
        m_transcript->verticalScrollBar()->setValue(0);
        return;
    }
    if (action == QLatin1String("copy")) {
        copyMessage(node);
    } else if (action == QLatin1String("explain")) {
        explainMessage(node);
    } else if (action == QLatin1String("prev") || action == QLatin1String("next")) {
        if (isBusy())
            return;
        m_conversation.switchBranch(node, action == QLatin1String("prev") ? -1 : 1);
        render();
        Q_EMIT draftChanged();
    } else if (action == QLatin1String("edit")) {
        if (isBusy())
            return;
        m_editingNode = node;
        Q_EMIT commandsChanged();
        m_inputEdit->setPlainText(m_conversation.node(node).message.text());
        m_inputEdit->setFocus();
        m_sendButton->setText(tr("Resend  (Ctrl+Enter)"));
        m_statusLabel->setText(tr("Editing a past message: sending makes a new branch (the old one "
                                  "is kept). Esc cancels."));
    } else if (action == QLatin1String("retry")) {
        if (isBusy())
            return;
        const int parent = m_conversation.node(node).parent;
        if (parent >= 0)
            startReply(parent);
    }
}

QString ChatTab::exportMarkdown() const
{
    return m_conversation.toMarkdown(m_systemEdit->text().trimmed(), m_modelPicker->model());
}

QByteArray ChatTab::exportBytes(const QString &fileName) const
{
    return core::chatExportBytes(fileName,
        m_systemEdit->text().trimmed(),
        m_modelPicker->model(),
        m_conversation.exportMessages());
}

void ChatTab::exportConversation()
{
    const QString file = QFileDialog::getSaveFileName(this,
        tr("Export the conversation"),
        QStringLiteral("chat.md"),
        tr("Markdown (*.md);;JSON (*.json)"));
    if (file.isEmpty())
        return;
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_statusLabel->setText(tr("Cannot write %1: %2").arg(file, f.errorString()));
        return;
    }
    f.write(exportBytes(file));
    m_statusLabel->setText(tr("Exported to %1.").arg(file));
}

QVariantMap ChatTab::draft() const
{
    // With a store the conversation lives there (the draft names it); without, in the draft.
    QVariantMap draft{
        {QStringLiteral("conversation"),
            m_keeper->store() ? QVariantMap() : core::conversationToVariant(m_conversation)},
        {QStringLiteral("conversation_id"), m_keeper->id()},
        {QStringLiteral("system"), m_systemEdit->text()},
        {QStringLiteral("input"), m_inputEdit->toPlainText()},
        {QStringLiteral("model"), m_modelPicker->model()}};
    m_options->writeDraft(draft);
    return draft;
}

void ChatTab::restoreDraft(const QVariantMap &draft)
{
    m_conversation
        = core::conversationFromVariant(draft.value(QStringLiteral("conversation")).toMap());
    m_keeper->setCurrent(0, {});
    const qint64 storedId = draft.value(QStringLiteral("conversation_id")).toLongLong();
    const std::optional<core::ConversationContent> stored
        = storedId > 0 ? m_keeper->load(storedId) : std::nullopt;
    if (stored)
        m_conversation = stored->conversation;
    m_transcript->resetRenderWindow();
    m_systemEdit->setText(draft.value(QStringLiteral("system")).toString());
    m_inputEdit->setPlainText(draft.value(QStringLiteral("input")).toString());
    if (!draft.value(QStringLiteral("model")).toString().isEmpty())
        m_modelPicker->setCurrentText(draft.value(QStringLiteral("model")).toString());
    m_options->readDraft(draft);
    if (stored) {
        m_systemEdit->setText(stored->system);
        m_keeper->setCurrent(storedId, conversationContent());
    } else if (m_keeper->store() && !m_conversation.isEmpty()) {
        saveConversation(); // a conversation from an older draft joins the list
    }
    m_conversationList->setCurrentId(m_keeper->id());
    render();
}

QVariantMap ChatTab::stepInputs() const
{
    QList<core::ChatMessage> messages = m_conversation.messagesUpTo();
    QString input = m_inputEdit->toPlainText();
    if (input.trimmed().isEmpty() && messages.size() >= 2
        && messages.last().role == QLatin1String("assistant")
        && messages.at(messages.size() - 2).role == QLatin1String("user")) {
        messages.removeLast();
        input = messages.takeLast().text();
    }
    core::Conversation linear;
    int last = -1;
    for (const core::ChatMessage &m : std::as_const(messages))
        last = linear.append(m, last);
    QVariantMap inputs = draft();
    inputs.insert(QStringLiteral("conversation"), core::conversationToVariant(linear));
    inputs.remove(QStringLiteral("conversation_id"));
    inputs.insert(QStringLiteral("input"), input);
    return inputs;
}

void ChatTab::applyStepInputs(const QVariantMap &inputs)
{
    stop();
    saveConversation();
    QVariantMap draft = inputs;
    draft.remove(QStringLiteral("conversation_id"));
    restoreDraft(draft);
}

void ChatTab::restoreRun(const core::RunRecord &run)
{
    QString error;
    const auto request = run.requestAs<core::ChatRequest>(&error);
    if (!request) {
        m_statusLabel->setText(tr("This run cannot be restored: %1").arg(error));
        return;
    }
    stop();
    core::Conversation c;
    int last = -1;
    QString system;
    for (const core::ChatMessage &m : request->messages) {
        if (m.role == QLatin1String("system")) {
            system = m.text();
            continue;
        }
        last = c.append(m, last);
    }
    // A reply that succeeded is the run's response; one stopped or cut short, its partial text.
    const QString reply = run.status == core::RunStatus::Succeeded ? run.response : run.partial;
    if (!reply.isEmpty()) {
        last = c.append(core::ChatMessage::fromText(QStringLiteral("assistant"), reply), last);
        if (run.status != core::RunStatus::Succeeded) {
            c.node(last).note = run.status == core::RunStatus::Canceled ? tr("stopped")
                : run.status == core::RunStatus::Interrupted            ? tr("interrupted")
                                                                        : tr("failed");
            c.node(last).retryable = true;
        }
        c.node(last).promptTokens = run.promptTokens;
        c.node(last).completionTokens = run.completionTokens;
    }
    // The run opens as a new conversation; the one shown stays as it was (in the list).
    saveConversation();
    showConversation(0, {c, system, request->model});
    m_replyNote = reply.isEmpty() ? run.error : QString();
    render();
    saveConversation();
    m_statusLabel->setText(m_keeper->store()
            ? tr("Restored a run (%1) as a new conversation; the previous one is in the list.")
                  .arg(runStatusText(run.status))
            : tr("Restored a run (%1).").arg(runStatusText(run.status)));
}

int ChatTab::lastReply() const
{
    const QList<int> path = m_conversation.activePath();
    for (auto it = path.crbegin(); it != path.crend(); ++it) {
        if (m_conversation.node(*it).message.role == QLatin1String("assistant"))
            return *it;
    }
    return -1;
}

QAbstractButton *ChatTab::exportButton() const
{
    return m_exportButton;
}

bool ChatTab::openFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot open %1: %2").arg(path, file.errorString());
        return false;
    }
    core::ConversationContent content;
    QList<core::ChatMessage> messages;
    if (!core::chatFromExportBytes(
            file.readAll(), &content.system, &content.model, &messages, error))
        return false;
    int parent = -1;
    for (const core::ChatMessage &m : std::as_const(messages))
        parent = content.conversation.append(m, parent);
    showConversation(0, content);
    return true;
}

} // namespace ui
