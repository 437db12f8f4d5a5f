// SPDX-License-Identifier: MIT
#include "ui/chat/ChatTab.h"

#include "core/api/PromptTemplate.h"

#include "core/api/Validation.h"
#include "core/storage/ConversationStore.h"
#include "ui/chat/ConversationListPanel.h"
#include "ui/common/ErrorText.h"
#include "ui/common/ModelPicker.h"
#include "ui/common/PromptEdit.h"
#include "ui/common/Shortcuts.h"
#include "ui/common/SteeringIndicator.h"
#include "ui/common/SteeringMenu.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDesktopServices>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {

namespace {

/// A reply's JSON pretty-printed, or nullopt with `error` when it is not JSON. A leading
/// <think>…</think> block (thinking models) is skipped, as the official client's tests do.
std::optional<QString> prettyJson(QString text, QString *error)
{
    const qsizetype think = text.indexOf(QStringLiteral("</think>"));
    if (think >= 0)
        text = text.mid(think + 8);
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(text.trimmed().toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1 at offset %2").arg(parseError.errorString()).arg(parseError.offset);
        return std::nullopt;
    }
    return QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

} // namespace

ChatTab::ChatTab(core::ApiClient *client, QWidget *parent)
    : PlaygroundTab(parent)
    , m_client(client)
{
    m_modelPicker = new ModelPicker(ModelPicker::Capability::Chat, QStringLiteral("llama-3.1-8b-instruct"), this);
    m_modelPicker->setObjectName(QStringLiteral("model"));
    m_systemEdit = new QLineEdit(this);
    m_systemEdit->setObjectName(QStringLiteral("system"));
    m_systemEdit->setPlaceholderText(tr("System prompt (optional), e.g. You are a helpful assistant."));
    connect(m_systemEdit, &QLineEdit::textChanged, this, &ChatTab::draftChanged);

    // Options: sampling, steering, response format, Enter behaviour.
    m_optionsBox = new QGroupBox(this);
    m_optionsBox->setObjectName(QStringLiteral("options"));
    m_optionsBox->hide();
    auto *optionsToggle = new QToolButton(this);
    optionsToggle->setObjectName(QStringLiteral("optionsToggle"));
    optionsToggle->setText(tr("Options"));
    optionsToggle->setCheckable(true);
    optionsToggle->setAutoRaise(true);
    optionsToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    optionsToggle->setArrowType(Qt::RightArrow);
    optionsToggle->setToolTip(tr("max_tokens, temperature, steering, JSON schema, usage, Enter behaviour"));
    connect(optionsToggle, &QToolButton::toggled, this, [this, optionsToggle](bool on) {
        m_optionsBox->setVisible(on);
        optionsToggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });
    auto *optionsBody = new QWidget(m_optionsBox);
    auto *options = new QFormLayout(optionsBody);
    m_maximumTokens = new QSpinBox(this);
    m_maximumTokens->setObjectName(QStringLiteral("max_tokens"));
    m_maximumTokens->setRange(0, 32768);
    m_maximumTokens->setSpecialValueText(tr("model default"));
    m_maximumTokens->setToolTip(tr("max_tokens: the most tokens of one reply (0: the model's default)."));
    m_temperature = new QDoubleSpinBox(this);
    m_temperature->setObjectName(QStringLiteral("temperature"));
    m_temperature->setRange(-0.05, 2.0);
    m_temperature->setSingleStep(0.05);
    m_temperature->setValue(-0.05);
    m_temperature->setSpecialValueText(tr("model default"));
    m_temperature->setToolTip(tr("temperature 0–2: higher is more varied; the default is 1."));
    m_steeringConcept = new QLineEdit(this);
    m_steeringConcept->setObjectName(QStringLiteral("steering_concepts"));
    m_steeringConcept->setPlaceholderText(tr("steering concept id (from the Steering tab's library)"));
    m_jsonSchemaCheck = new QCheckBox(tr("Answer as JSON matching this schema"), this);
    m_jsonSchemaCheck->setObjectName(QStringLiteral("json_schema"));
    m_schemaName = new QLineEdit(QStringLiteral("answer"), this);
    m_schemaName->setObjectName(QStringLiteral("schema_name"));
    m_schemaEdit = new QPlainTextEdit(this);
    m_schemaEdit->setObjectName(QStringLiteral("schema"));
    m_schemaEdit->setPlainText(QStringLiteral("{\n  \"type\": \"object\",\n  \"properties\": {\n    \"answer\": {\"type\": \"string\"}\n  },\n  \"required\": [\"answer\"]\n}"));
    m_schemaEdit->setFont(QFont(QStringLiteral("monospace")));
    m_schemaEdit->setMaximumHeight(110);
    m_schemaEdit->setEnabled(false);
    m_schemaName->setEnabled(false);
    connect(m_jsonSchemaCheck, &QCheckBox::toggled, m_schemaEdit, &QWidget::setEnabled);
    connect(m_jsonSchemaCheck, &QCheckBox::toggled, m_schemaName, &QWidget::setEnabled);
    m_enterSendsCheck = new QCheckBox(tr("Enter sends (Shift+Enter: new line)"), this);
    m_enterSendsCheck->setObjectName(QStringLiteral("enterSends"));
    options->addRow(tr("max_tokens"), m_maximumTokens);
    options->addRow(tr("temperature"), m_temperature);
    options->addRow(tr("Steering"), withSteeringLibraryMenu(m_steeringConcept, m_client, [this] { return m_steeringLibrary; }));
    m_steeringIndicator = new SteeringIndicator(m_steeringConcept, [this] { return m_steeringLibrary; }, this);
    options->addRow(m_jsonSchemaCheck);
    options->addRow(tr("Schema name"), m_schemaName);
    options->addRow(tr("JSON schema"), m_schemaEdit);
    m_usageCheck = new QCheckBox(tr("Token usage per turn (stream_options.include_usage)"), this);
    m_usageCheck->setObjectName(QStringLiteral("include_usage"));
    m_usageCheck->setChecked(true);
    options->addRow(m_usageCheck);
    options->addRow(m_enterSendsCheck);
    auto *optionsLayout = new QVBoxLayout(m_optionsBox);
    optionsLayout->addWidget(optionsBody);

    connect(m_maximumTokens, &QSpinBox::valueChanged, this, &ChatTab::draftChanged);
    connect(m_temperature, &QDoubleSpinBox::valueChanged, this, &ChatTab::draftChanged);
    connect(m_steeringConcept, &QLineEdit::textChanged, this, &ChatTab::draftChanged);
    connect(m_jsonSchemaCheck, &QCheckBox::toggled, this, &ChatTab::draftChanged);
    connect(m_schemaEdit, &QPlainTextEdit::textChanged, this, &ChatTab::draftChanged);

    m_transcript = new QTextBrowser(this);
    m_transcript->setObjectName(QStringLiteral("transcript"));
    m_transcript->setOpenLinks(false);
    m_transcript->setPlaceholderText(tr("No messages yet. Type below and press Ctrl+Enter."));
    connect(m_transcript, &QTextBrowser::anchorClicked, this, &ChatTab::activateLink);

    m_inputEdit = new PromptEdit(this);
    m_inputEdit->setObjectName(QStringLiteral("input"));
    m_inputEdit->setPlaceholderText(tr("Message (Ctrl+Enter to send). Drop images here to attach them."));
    connect(m_inputEdit, &QPlainTextEdit::textChanged, this, &ChatTab::draftChanged);
    connect(m_inputEdit, &PromptEdit::sendRequested, this, &ChatTab::send);
    connect(m_inputEdit, &PromptEdit::imagesDropped, this, [this](const QStringList &paths) {
        for (const QString &p : paths)
            attachImage(p);
    });
    connect(m_enterSendsCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_inputEdit->setSendOnEnter(on);
        QSettings().setValue(QStringLiteral("chat/enterSends"), on);
        m_inputEdit->setPlaceholderText(on ? tr("Message (Enter to send, Shift+Enter for a new line)")
                                           : tr("Message (Ctrl+Enter to send). Drop images here to attach them."));
    });
    setEnterSends(QSettings().value(QStringLiteral("chat/enterSends"), false).toBool());
    m_attachmentsLabel = new QLabel(this);
    m_attachmentsLabel->setObjectName(QStringLiteral("attachments"));
    m_attachmentsLabel->hide();

    m_sendButton = new QPushButton(tr("Send  (Ctrl+Enter)"), this);
    m_sendButton->setObjectName(QStringLiteral("send"));
    m_stopButton = new QPushButton(tr("Stop  (Esc)"), this);
    m_stopButton->setObjectName(QStringLiteral("stop"));
    m_stopButton->setEnabled(false);
    m_regenerateButton = new QPushButton(tr("Regenerate"), this);
    m_regenerateButton->setObjectName(QStringLiteral("regenerate"));
    m_regenerateButton->setEnabled(false);
    m_regenerateButton->setToolTip(tr("A new reply to the last message; the old one stays as a branch."));
    auto *attachButton = new QPushButton(tr("Image…"), this);
    attachButton->setObjectName(QStringLiteral("attach"));
    connect(attachButton, &QPushButton::clicked, this, [this] {
        for (const QString &f : QFileDialog::getOpenFileNames(this, tr("Attach images"), QString(), tr("Images (*.png *.jpg *.jpeg *.webp)")))
            attachImage(f);
    });
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

    m_renderTimer.setSingleShot(true);
    m_renderTimer.setInterval(16);
    connect(&m_renderTimer, &QTimer::timeout, this, &ChatTab::renderPending);
    // Conversations are saved shortly after each change, each save its own transaction.
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(400);
    connect(&m_saveTimer, &QTimer::timeout, this, &ChatTab::saveConversation);
    connect(this, &ChatTab::draftChanged, this, [this] {
        if (m_conversations)
            m_saveTimer.start();
    });

    m_conversationList = new ConversationListPanel(this);
    m_conversationList->setObjectName(QStringLiteral("conversationList"));
    m_conversationList->hide();
    connect(m_conversationList, &ConversationListPanel::openRequested, this, &ChatTab::openConversation);
    connect(m_conversationList, &ConversationListPanel::newChatRequested, this, &ChatTab::newConversation);
    connect(m_conversationList, &ConversationListPanel::deleted, this, [this](qint64 id) {
        if (id != m_conversationId)
            return;
        // The open conversation was deleted: show an empty chat; Undo brings it back.
        stop();
        m_saveTimer.stop();
        showConversation(0, Conversation(), m_systemEdit->text(), m_modelPicker->model());
    });
    connect(m_conversationList, &ConversationListPanel::restored, this, [this](qint64 id) {
        if (m_conversationId == 0 && m_conversation.isEmpty())
            openConversation(id);
    });

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Model"), this));
    top->addWidget(m_modelPicker);
    top->addWidget(new QLabel(tr("System"), this));
    top->addWidget(m_systemEdit, 1);
    top->addWidget(optionsToggle);
    top->addWidget(m_exportButton);
    top->addWidget(m_clearButton);

    auto *inputBox = new QWidget(this);
    auto *inputOuter = new QVBoxLayout(inputBox);
    inputOuter->setContentsMargins(0, 0, 0, 0);
    inputOuter->addWidget(m_steeringIndicator);
    inputOuter->addWidget(m_attachmentsLabel);
    auto *inputLayout = new QHBoxLayout;
    inputLayout->addWidget(m_inputEdit, 1);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_sendButton);
    buttons->addWidget(m_stopButton);
    buttons->addWidget(m_regenerateButton);
    buttons->addWidget(attachButton);
    buttons->addStretch(1);
    inputLayout->addLayout(buttons);
    inputOuter->addLayout(inputLayout);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("transcriptSplitter"));
    splitter->addWidget(m_transcript);
    splitter->addWidget(inputBox);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);

    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_statusLabel, 1);
    statusRow->addWidget(m_retryButton);

    auto *chatColumn = new QWidget(this);
    auto *column = new QVBoxLayout(chatColumn);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(top);
    column->addWidget(m_optionsBox);
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

void ChatTab::attachImage(const QString &path)
{
    QString error;
    const auto part = core::ChatContentPart::fromImageFile(path, &error);
    if (!part) {
        m_statusLabel->setText(error);
        return;
    }
    m_pendingImages.append(*part);
    m_attachmentsLabel->setText(tr("📎 %n image(s) attached to the next message", nullptr, int(m_pendingImages.size())));
    m_attachmentsLabel->show();
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
    if (m_maximumTokens->value() > 0)
        request.maxTokens = m_maximumTokens->value();
    if (m_temperature->value() >= 0)
        request.temperature = m_temperature->value();
    if (!m_steeringConcept->text().trimmed().isEmpty())
        request.steeringConcepts = QStringList{m_steeringConcept->text().trimmed()};
    if (m_jsonSchemaCheck->isChecked()) {
        QJsonParseError parseError{};
        const QJsonDocument schema = QJsonDocument::fromJson(m_schemaEdit->toPlainText().toUtf8(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !schema.isObject()) {
            if (error->isEmpty())
                *error = tr("JSON schema: not a JSON object (%1 at offset %2).")
                             .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString() : tr("not an object"))
                             .arg(parseError.offset);
        } else {
            core::ChatResponseFormat format;
            format.jsonSchema.name = m_schemaName->text().trimmed().isEmpty() ? QStringLiteral("answer") : m_schemaName->text().trimmed();
            format.jsonSchema.schema = schema.object();
            format.jsonSchema.strict = true;
            request.responseFormat = format;
        }
    }
    if (m_usageCheck->isChecked())
        request.streamOptions = core::ChatStreamOptions{true, {}};
    return request;
}

bool ChatTab::currentRequest(QString *endpoint, QJsonObject *body, QString *error) const
{
    core::ChatRequest request = buildRequest(error);
    request.messages += m_conversation.messagesUpTo();
    const QString typed = m_inputEdit->toPlainText().trimmed();
    if (!typed.isEmpty())
        request.messages.append(core::ChatMessage::fromText(QStringLiteral("user"), typed));
    if (error->isEmpty() && request.messages.isEmpty())
        *error = tr("Type a message first.");
    if (error->isEmpty())
        *error = core::validate(request);
    if (!error->isEmpty())
        return false;
    request.streamOptions.reset();
    *endpoint = QStringLiteral("chat/completions");
    *body = request.toJson();
    return true;
}

void ChatTab::send()
{
    const QString text = m_inputEdit->toPlainText().trimmed();
    if ((text.isEmpty() && m_pendingImages.isEmpty()) || isBusy())
        return;
    core::ChatMessage message = core::ChatMessage::fromText(QStringLiteral("user"), text);
    if (!m_pendingImages.isEmpty()) {
        QList<core::ChatContentPart> parts;
        if (!text.isEmpty())
            parts.append(core::ChatContentPart::fromText(text));
        parts += m_pendingImages;
        message.content.reset();
        message.contentParts = parts;
    }
    int node;
    if (m_editingNode >= 0) {
        node = m_conversation.addSibling(m_editingNode, message); // the old message stays a branch
        m_editingNode = -1;
        m_sendButton->setText(tr("Send  (Ctrl+Enter)"));
    } else {
        const QList<int> path = m_conversation.activePath();
        node = m_conversation.append(message, path.isEmpty() ? -1 : path.last());
    }
    m_inputEdit->clear();
    m_pendingImages.clear();
    m_attachmentsLabel->hide();
    startReply(node);
}

void ChatTab::regenerate()
{
    if (isBusy())
        return;
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
    m_conversations = store;
    m_conversationList->setStore(store);
    m_conversationList->setVisible(store != nullptr);
    m_clearButton->setVisible(store == nullptr); // the list has its own New chat
}

QJsonObject ChatTab::conversationContent() const
{
    return QJsonObject{{QStringLiteral("conversation"), m_conversation.toJson()},
                       {QStringLiteral("system"), m_systemEdit->text()},
                       {QStringLiteral("model"), m_modelPicker->model()}};
}

void ChatTab::saveConversation()
{
    m_saveTimer.stop();
    if (!m_conversations || m_conversation.isEmpty())
        return;
    const QJsonObject content = conversationContent();
    const QByteArray bytes = QJsonDocument(content).toJson(QJsonDocument::Compact);
    if (m_conversationId > 0 && bytes == m_savedContent)
        return;
    QString firstUser;
    for (const core::ChatMessage &m : m_conversation.messagesUpTo()) {
        if (m.role == QLatin1String("user")) {
            firstUser = m.text();
            break;
        }
    }
    const QString title = core::ConversationStore::titleFor(firstUser);
    if (m_conversationId > 0 && m_conversations->save(m_conversationId, title, content)) {
        m_savedContent = bytes;
        return;
    }
    // New, or deleted meanwhile: stored as a new conversation, so nothing is lost.
    m_conversationId = m_conversations->create(title, content);
    m_savedContent = m_conversationId > 0 ? bytes : QByteArray();
    m_conversationList->setCurrentId(m_conversationId);
}

void ChatTab::showConversation(qint64 id, const Conversation &conversation, const QString &system, const QString &model)
{
    m_conversation = conversation;
    m_conversationId = id;
    m_renderWindow = kRenderWindow;
    m_pendingReply.clear();
    m_replyNote.clear();
    m_editingNode = -1;
    m_retryButton->hide();
    m_systemEdit->setText(system);
    if (!model.isEmpty())
        m_modelPicker->setCurrentText(model);
    m_savedContent = id > 0 ? QJsonDocument(conversationContent()).toJson(QJsonDocument::Compact) : QByteArray();
    m_conversationList->setCurrentId(id);
    render();
    setBusy(false);
    Q_EMIT draftChanged();
}

void ChatTab::newConversation()
{
    stop(); // a reply in progress keeps what arrived, in the conversation it belongs to
    saveConversation();
    if (m_conversation.isEmpty() && m_conversationId == 0) {
        m_inputEdit->setFocus();
        return;
    }
    showConversation(0, Conversation(), m_systemEdit->text(), m_modelPicker->model());
    m_statusLabel->setText(m_conversations ? tr("New chat. The previous one is in the list.") : tr("New chat."));
    m_inputEdit->setFocus();
}

void ChatTab::openConversation(qint64 id)
{
    if (!m_conversations || id == m_conversationId)
        return;
    const auto record = m_conversations->conversation(id);
    if (!record) {
        m_statusLabel->setText(tr("That conversation no longer exists."));
        return;
    }
    stop();
    saveConversation();
    showConversation(id, Conversation::fromJson(record->content.value(QStringLiteral("conversation")).toObject()),
                     record->content.value(QStringLiteral("system")).toString(), record->content.value(QStringLiteral("model")).toString());
    m_statusLabel->setText(tr("Opened “%1”.").arg(record->title));
}

void ChatTab::setConversation(const Conversation &conversation)
{
    stop();
    m_conversation = conversation;
    m_renderWindow = kRenderWindow;
    m_replyNote.clear();
    render();
    setBusy(false);
}

void ChatTab::startReply(int parentNode)
{
    QString error;
    core::ChatRequest request = buildRequest(&error);
    request.messages += m_conversation.messagesUpTo(parentNode);
    if (error.isEmpty())
        error = core::validate(request);
    if (!error.isEmpty()) {
        m_statusLabel->setText(tr("Not sent: %1").arg(error));
        render();
        return;
    }
    m_pendingParent = parentNode;
    m_pendingReply.clear();
    m_replyNote.clear();
    m_retryButton->hide();
    m_jsonRequested = request.responseFormat.has_value();
    auto *job = m_client->chatStreaming(request);
    connect(job, &core::ChatStreamJob::deltaReceived, this, [this, job](int index, const QString &text) {
        if (job != m_job || index != 0)
            return;
        m_pendingReply += text;
        if (!m_renderTimer.isActive())
            m_renderTimer.start();
        if (m_recorder && m_partialClock.elapsed() >= m_recorder->partialSaveIntervalMs()) {
            m_recorder->savePartial(m_runId, m_pendingReply);
            m_partialClock.restart();
        }
    });
    connect(job, &core::ApiJob::retrying, this, [this](int retry, int total, int delayMs, const core::ApiError &e) {
        m_statusLabel->setText(retryingText(retry, total, delayMs, e));
    });
    connect(job, &core::ApiJob::finished, this, [this, job] { onJobFinished(job); });
    m_job = job;
    core::ChatRequest recorded = request;
    recorded.streamOptions.reset();
    m_runId = m_recorder ? m_recorder->begin(tabKey(), core::ApiCall::of(recorded)) : 0;
    m_statusLabel->setText(tr("Waiting for the reply…"));
    m_partialClock.start();
    setBusy(true);
    render();
    Q_EMIT draftChanged();
}

void ChatTab::stop()
{
    if (m_job) {
        m_job->cancel();
        return;
    }
    if (m_editingNode >= 0)
        cancelEdit();
}

void ChatTab::cancelEdit()
{
    m_editingNode = -1;
    m_inputEdit->clear();
    m_sendButton->setText(tr("Send  (Ctrl+Enter)"));
    m_statusLabel->setText(tr("Edit cancelled."));
}

void ChatTab::onJobFinished(core::ChatStreamJob *job)
{
    if (job != m_job)
        return;
    m_job.clear();
    m_renderTimer.stop();
    const QString elapsed = tr("%1 s").arg(job->elapsedMs() / 1000.0, 0, 'f', 2);
    // Whatever arrived is kept, also when the reply was stopped or cut.
    const QString text = job->text();
    QString note;
    QString status;
    core::RunStatus historyStatus = core::RunStatus::Succeeded;
    switch (job->state()) {
    case core::ApiJob::State::Succeeded:
        status = tr("Finished: %1 · %2").arg(job->finishReason().value_or(tr("unknown")), elapsed);
        if (const auto usage = job->usage())
            status += tr(" · prompt tokens %1 · completion tokens %2").arg(usage->promptTokens).arg(usage->completionTokens);
        break;
    case core::ApiJob::State::Canceled:
        note = tr("stopped");
        status = tr("Stopped after %1; the partial reply is kept.").arg(elapsed);
        historyStatus = core::RunStatus::Canceled;
        break;
    case core::ApiJob::State::Failed:
        if (job->error().kind == core::ApiError::Kind::Interrupted) {
            note = tr("interrupted: %1").arg(errorText(job->error()));
            status = tr("The reply was cut off; the partial text is kept. Retry asks again (the partial reply stays as a branch).");
            historyStatus = core::RunStatus::Interrupted;
        } else {
            note = errorText(job->error());
            status = errorText(job->error());
            historyStatus = core::RunStatus::Failed;
            if (m_steeringIndicator->isUnknownConceptError(job->error()))
                m_steeringIndicator->setUnknown(true);
        }
        m_retryButton->show();
        break;
    case core::ApiJob::State::Running:
        break;
    }
    if (!text.isEmpty()) {
        const int node = m_conversation.append(core::ChatMessage::fromText(QStringLiteral("assistant"), text), m_pendingParent);
        ChatNode &n = m_conversation.node(node);
        n.note = note;
        n.finishReason = job->finishReason().value_or(QString());
        if (const auto usage = job->usage()) {
            n.promptTokens = usage->promptTokens;
            n.completionTokens = usage->completionTokens;
        }
        if (m_jsonRequested && job->state() == core::ApiJob::State::Succeeded) {
            QString jsonError;
            if (prettyJson(text, &jsonError)) {
                n.jsonReply = true;
            } else {
                n.note = tr("the reply is not valid JSON: %1").arg(jsonError);
            }
        }
    } else if (!note.isEmpty()) {
        m_replyNote = note;
    }
    m_pendingReply.clear();
    m_statusLabel->setText(status);
    if (m_recorder) {
        const auto usage = job->usage();
        m_recorder->finish(m_runId, historyStatus, text, job->state() == core::ApiJob::State::Failed ? errorText(job->error()) : QString(),
                           job->elapsedMs(), usage ? usage->promptTokens : -1, usage ? usage->completionTokens : -1);
    }
    setBusy(false);
    render();
    Q_EMIT draftChanged();
    saveConversation();
    Q_EMIT replyFinished();
}

QString ChatTab::nodeMarkdown(int id) const
{
    const ChatNode &n = m_conversation.node(id);
    const bool user = n.message.role == QLatin1String("user");
    QString md = QStringLiteral("#### %1").arg(user ? tr("You") : tr("Assistant"));
    const auto [index, count] = m_conversation.siblingPosition(id);
    QStringList actions;
    if (count > 1)
        actions << QStringLiteral("[◀](act:prev/%1) %2/%3 [▶](act:next/%1)").arg(id).arg(index + 1).arg(count);
    if (user)
        actions << QStringLiteral("[%1](act:edit/%2)").arg(tr("edit")).arg(id);
    actions << QStringLiteral("[%1](act:copy/%2)").arg(tr("copy")).arg(id);
    if (!user && !n.message.text().isEmpty())
        actions << QStringLiteral("[%1](act:explain/%2)").arg(tr("explain")).arg(id);
    if (!user && n.completionTokens >= 0)
        actions << tr("%1 → %2 tokens").arg(n.promptTokens).arg(n.completionTokens);
    md += QStringLiteral("\n\n") + actions.join(QStringLiteral(" · ")) + QStringLiteral("\n\n");
    if (n.message.contentParts) {
        int images = 0;
        for (const core::ChatContentPart &p : *n.message.contentParts)
            images += p.type == QLatin1String("image_url") ? 1 : 0;
        if (images > 0)
            md += tr("*📎 %n image(s)*", nullptr, images) + QStringLiteral("\n\n");
    }
    QString jsonError;
    if (n.jsonReply) {
        if (const auto pretty = prettyJson(n.message.text(), &jsonError))
            md += QStringLiteral("```json\n") + *pretty + QStringLiteral("```\n\n");
    } else {
        md += n.message.text() + QStringLiteral("\n\n");
    }
    if (!n.note.isEmpty()) {
        md += QStringLiteral("*(%1)*").arg(n.note);
        if (n.note.startsWith(tr("interrupted")) || n.note == tr("stopped"))
            md += QStringLiteral(" [%1](act:retry/%2)").arg(tr("Retry")).arg(id);
        md += QStringLiteral("\n\n");
    }
    return md;
}

void ChatTab::render()
{
    QElapsedTimer clock;
    clock.start();
    // Only the newest messages are laid out (Markdown layout costs about 1 ms per message); the
    // older ones come back with "Show earlier messages", so a long conversation opens at once.
    QString md;
    const QList<int> path = m_conversation.activePath();
    const qsizetype first = std::max<qsizetype>(0, path.size() - m_renderWindow);
    if (first > 0)
        md += QStringLiteral("[%1](act:more/0)\n\n").arg(tr("Show %n earlier message(s)", nullptr, int(std::min<qsizetype>(first, 200))));
    for (qsizetype i = first; i < path.size(); ++i)
        md += nodeMarkdown(path.at(i));
    if (!isBusy() && !m_replyNote.isEmpty())
        md += QStringLiteral("*(") + m_replyNote + QStringLiteral(")*\n\n");
    QScrollBar *bar = m_transcript->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 4;
    m_transcript->setMarkdown(md);
    m_streamAnchor = -1;
    if (isBusy()) {
        QTextCursor cursor(m_transcript->document());
        cursor.movePosition(QTextCursor::End);
        if (!m_transcript->document()->isEmpty())
            cursor.insertBlock(); // the header starts its own block, not the end of the last message
        cursor.insertMarkdown(QStringLiteral("#### %1\n\n").arg(tr("Assistant")));
        cursor.movePosition(QTextCursor::End);
        cursor.insertBlock();
        m_streamAnchor = cursor.position();
        cursor.insertText(m_pendingReply.isEmpty() ? QStringLiteral("…") : m_pendingReply);
    }
    if (atEnd)
        bar->setValue(bar->maximum());
    m_regenerateButton->setEnabled(!isBusy() && !m_conversation.isEmpty());
    m_lastRenderMs = clock.elapsed();
}

void ChatTab::renderPending()
{
    // Only the reply in progress is re-laid out: the rest of the transcript stays as it is, so a
    // long conversation costs nothing per streamed token.
    if (m_streamAnchor < 0) {
        render();
        return;
    }
    QScrollBar *bar = m_transcript->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 4;
    QTextCursor cursor(m_transcript->document());
    cursor.setPosition(std::min(m_streamAnchor, m_transcript->document()->characterCount() - 1));
    cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    cursor.beginEditBlock();
    cursor.removeSelectedText();
    cursor.insertMarkdown(m_pendingReply);
    cursor.endEditBlock();
    if (atEnd)
        bar->setValue(bar->maximum());
}

void ChatTab::setBusy(bool busy)
{
    m_sendButton->setEnabled(!busy);
    m_stopButton->setEnabled(busy);
    m_regenerateButton->setEnabled(!busy && !m_conversation.isEmpty());
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
    if (node < 0 || node >= m_conversation.nodeCount() || m_conversation.node(node).message.role != QLatin1String("assistant"))
        return;
    QList<core::ChatMessage> messages;
    const QString system = m_systemEdit->text().trimmed();
    if (!system.isEmpty())
        messages.append(core::ChatMessage::fromText(QStringLiteral("system"), system));
    const int parent = m_conversation.node(node).parent;
    if (parent >= 0)
        messages += m_conversation.messagesUpTo(parent);
    const std::optional<core::ModelSettings> settings = m_modelPicker->settings();
    bool exact = false;
    const QString prompt = core::renderChatPrompt(settings ? settings->promptTemplate.value_or(QString()) : QString(), messages, &exact);
    if (!exact)
        m_statusLabel->setText(tr("The model's prompt template is not known here; the explanation uses a plain transcript of the chat."));
    Q_EMIT explainRequested(core::Prompt::fromText(prompt), m_conversation.node(node).message.text(), m_modelPicker->model());
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
        m_renderWindow += 200;
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
        m_inputEdit->setPlainText(m_conversation.node(node).message.text());
        m_inputEdit->setFocus();
        m_sendButton->setText(tr("Resend  (Ctrl+Enter)"));
        m_statusLabel->setText(tr("Editing a past message: sending makes a new branch (the old one is kept). Esc cancels."));
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

QJsonObject ChatTab::exportJson() const
{
    return m_conversation.toExportJson(m_systemEdit->text().trimmed(), m_modelPicker->model());
}

void ChatTab::exportConversation()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Export the conversation"), QStringLiteral("chat.md"),
                                                      tr("Markdown (*.md);;JSON (*.json)"));
    if (file.isEmpty())
        return;
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_statusLabel->setText(tr("Cannot write %1: %2").arg(file, f.errorString()));
        return;
    }
    const bool json = file.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
    f.write(json ? QJsonDocument(exportJson()).toJson(QJsonDocument::Indented) : exportMarkdown().toUtf8());
    m_statusLabel->setText(tr("Exported to %1.").arg(file));
}

core::ApiCall ChatTab::currentCall(QString *problem) const
{
    QString endpoint;
    QJsonObject body;
    return currentRequest(&endpoint, &body, problem) ? core::ApiCall::fromRecord(endpoint, body) : core::ApiCall();
}

QVariantMap ChatTab::draft() const
{
    return draftJson().toVariantMap();
}

void ChatTab::restoreDraft(const QVariantMap &draft)
{
    restoreDraftJson(QJsonObject::fromVariantMap(draft));
}

QJsonObject ChatTab::draftJson() const
{
    // With a store the conversation lives there (the draft names it); without, in the draft.
    return QJsonObject{{QStringLiteral("conversation"), m_conversations ? QJsonObject() : m_conversation.toJson()},
                       {QStringLiteral("conversation_id"), m_conversationId},
                       {QStringLiteral("system"), m_systemEdit->text()},
                       {QStringLiteral("input"), m_inputEdit->toPlainText()},
                       {QStringLiteral("model"), m_modelPicker->model()},
                       {QStringLiteral("max_tokens"), m_maximumTokens->value()},
                       {QStringLiteral("temperature"), m_temperature->value()},
                       {QStringLiteral("steering_concept"), m_steeringConcept->text()},
                       {QStringLiteral("json_schema_on"), m_jsonSchemaCheck->isChecked()},
                       {QStringLiteral("json_schema"), m_schemaEdit->toPlainText()}};
}

void ChatTab::restoreDraftJson(const QJsonObject &draft)
{
    m_conversation = Conversation::fromJson(draft.value(QStringLiteral("conversation")).toObject());
    m_conversationId = 0;
    m_savedContent.clear();
    const qint64 storedId = draft.value(QStringLiteral("conversation_id")).toInteger();
    std::optional<core::ConversationRecord> stored;
    if (m_conversations && storedId > 0)
        stored = m_conversations->conversation(storedId);
    if (stored) {
        m_conversation = Conversation::fromJson(stored->content.value(QStringLiteral("conversation")).toObject());
        m_conversationId = storedId;
    }
    m_renderWindow = kRenderWindow;
    m_systemEdit->setText(draft.value(QStringLiteral("system")).toString());
    m_inputEdit->setPlainText(draft.value(QStringLiteral("input")).toString());
    if (!draft.value(QStringLiteral("model")).toString().isEmpty())
        m_modelPicker->setCurrentText(draft.value(QStringLiteral("model")).toString());
    m_maximumTokens->setValue(draft.value(QStringLiteral("max_tokens")).toInt(0));
    m_temperature->setValue(draft.value(QStringLiteral("temperature")).toDouble(-0.05));
    m_steeringConcept->setText(draft.value(QStringLiteral("steering_concept")).toString());
    m_jsonSchemaCheck->setChecked(draft.value(QStringLiteral("json_schema_on")).toBool());
    if (draft.contains(QStringLiteral("json_schema")))
        m_schemaEdit->setPlainText(draft.value(QStringLiteral("json_schema")).toString());
    if (stored) {
        m_systemEdit->setText(stored->content.value(QStringLiteral("system")).toString());
        m_savedContent = QJsonDocument(conversationContent()).toJson(QJsonDocument::Compact);
    } else if (m_conversations && !m_conversation.isEmpty()) {
        saveConversation(); // a conversation from an older draft joins the list
    }
    m_conversationList->setCurrentId(m_conversationId);
    render();
    setBusy(false);
}

void ChatTab::restoreRun(const core::RunRecord &run)
{
    QString error;
    const auto request = core::ChatRequest::fromJson(run.request, &error);
    if (!request) {
        m_statusLabel->setText(tr("This run cannot be restored: %1").arg(error));
        return;
    }
    stop();
    Conversation c;
    int last = -1;
    QString system;
    for (const core::ChatMessage &m : request->messages) {
        if (m.role == QLatin1String("system")) {
            system = m.text();
            continue;
        }
        last = c.append(m, last);
    }
    if (!run.response.isEmpty()) {
        last = c.append(core::ChatMessage::fromText(QStringLiteral("assistant"), run.response), last);
        if (run.status != core::RunStatus::Succeeded)
            c.node(last).note = core::runStatusName(run.status);
        c.node(last).promptTokens = run.promptTokens;
        c.node(last).completionTokens = run.completionTokens;
    }
    // The run opens as a new conversation; the one shown stays as it was (in the list).
    saveConversation();
    showConversation(0, c, system, request->model);
    m_replyNote = run.response.isEmpty() ? run.error : QString();
    render();
    saveConversation();
    m_statusLabel->setText(m_conversations ? tr("Restored a run (%1) as a new conversation; the previous one is in the list.")
                                                 .arg(core::runStatusName(run.status))
                                           : tr("Restored a run (%1).").arg(core::runStatusName(run.status)));
}

void ChatTab::setSteeringConcept(const QString &id)
{
    m_steeringConcept->setText(id);
}

} // namespace ui
