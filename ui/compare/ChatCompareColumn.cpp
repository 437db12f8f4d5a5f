// SPDX-License-Identifier: MIT
#include "ui/compare/ChatCompareColumn.h"

#include "core/api/Validation.h"
#include "core/net/ApiClient.h"
#include "ui/chat/ChatOptionsPanel.h"
#include "ui/chat/ChatReply.h"
#include "ui/chat/ChatTranscriptView.h"
#include "ui/common/RunController.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolButton>
#include <QUrl>

namespace ui {

ChatCompareColumn::ChatCompareColumn(
    core::ApiClient *client, std::function<core::SteeringLibrary *()> library, QWidget *parent)
    : CompareColumn(ModelPicker::Capability::Chat,
        QStringLiteral("llama-3.1-8b-instruct"),
        QStringLiteral("chat"),
        parent)
    , m_client(client)
{
    m_options = new ChatOptionsPanel(client, std::move(library), this);
    // In the dialog the panel is always open; Enter's behaviour is the shared composer's.
    m_options->toggleButton()->hide();
    m_options->enterSendsCheck()->hide();
    m_options->show();
    setParametersPanel(m_options);
    connect(m_options, &ChatOptionsPanel::edited, this, &CompareColumn::settingsChanged);

    m_view = new ChatTranscriptView(this);
    m_view->setObjectName(QStringLiteral("transcript"));
    m_view->setEditAndExplain(false); // the single chat's (Promote the column first)
    m_view->setPlaceholderText(
        tr("Each message you send goes to every column; this column's replies appear here."));
    setOutput(m_view);
    connect(m_view, &QTextBrowser::anchorClicked, this, &ChatCompareColumn::activateLink);
    connect(runController(), &RunController::ended, this, &ChatCompareColumn::onEnded);
    m_renderTimer.setSingleShot(true);
    m_renderTimer.setInterval(16);
    connect(&m_renderTimer, &QTimer::timeout, this, [this] {
        if (!m_view->renderPending(m_pendingReply))
            render();
    });
}

QVariantMap ChatCompareColumn::options() const
{
    QVariantMap map;
    m_options->writeDraft(map);
    return map;
}

void ChatCompareColumn::setOptions(const QVariantMap &options)
{
    m_options->readDraft(options);
}

void ChatCompareColumn::setConversation(const core::Conversation &conversation)
{
    stop();
    m_conversation = conversation;
    m_replyNote.clear();
    m_view->resetRenderWindow();
    render();
}

core::ChatRequest ChatCompareColumn::baseRequest(const QString &system, QString *error) const
{
    core::ChatRequest r;
    r.model = modelPicker()->model();
    if (r.model.isEmpty())
        *error = tr("Choose a model first.");
    if (!system.trimmed().isEmpty())
        r.messages.append(core::ChatMessage::fromText(QStringLiteral("system"), system.trimmed()));
    m_options->writeTo(r, error);
    return r;
}

core::ChatRequest ChatCompareColumn::request(
    const QString &system, const QString &pendingUserText, QString *error) const
{
    QString problem;
    core::ChatRequest r = baseRequest(system, &problem);
    r.messages += m_conversation.messagesUpTo();
    if (!pendingUserText.trimmed().isEmpty())
        r.messages.append(
            core::ChatMessage::fromText(QStringLiteral("user"), pendingUserText.trimmed()));
    if (problem.isEmpty())
        problem = core::validate(r);
    if (error)
        *error = problem;
    return r;
}

bool ChatCompareColumn::send(const core::ChatMessage &message, const QString &system)
{
    if (isBusy())
        return false;
    m_system = system;
    const QList<int> path = m_conversation.activePath();
    return startReply(m_conversation.append(message, path.isEmpty() ? -1 : path.last()));
}

bool ChatCompareColumn::regenerate(const QString &system)
{
    if (isBusy())
        return false;
    m_system = system;
    const QList<int> path = m_conversation.activePath();
    if (path.isEmpty())
        return false;
    int parent = path.last();
    if (m_conversation.node(parent).message.role == QLatin1String("assistant"))
        parent = m_conversation.node(parent).parent; // a new sibling reply; the old one is kept
    return parent >= 0 && startReply(parent);
}

bool ChatCompareColumn::startReply(int parentNode)
{
    QString error;
    core::ChatRequest r = baseRequest(m_system, &error);
    r.messages += m_conversation.messagesUpTo(parentNode);
    if (error.isEmpty())
        error = core::validate(r);
    if (!error.isEmpty()) {
        runController()->refuse(error);
        render();
        return false;
    }
    m_pendingParent = parentNode;
    m_pendingReply.clear();
    m_replyNote.clear();
    m_jsonRequested = r.responseFormat.has_value();
    auto *job = m_client->chatStreaming(r);
    connect(job,
        &core::ChatStreamJob::deltaReceived,
        this,
        [this, job](int index, const QString &text) {
            if (job != runController()->job() || index != 0)
                return;
            noteText();
            m_pendingReply += text;
            if (!m_renderTimer.isActive())
                m_renderTimer.start();
            runController()->setPartial(m_pendingReply);
        });
    startJob(job, tr("Waiting for the reply…"));
    render();
    return true;
}

void ChatCompareColumn::onEnded(core::ApiJob *apiJob)
{
    auto *job = static_cast<core::ChatStreamJob *>(apiJob);
    m_renderTimer.stop();
    const ChatReplyEnd end = appendReply(m_conversation, m_pendingParent, *job, m_jsonRequested);
    if (end.node < 0 && !end.note.isEmpty())
        m_replyNote = end.note;
    m_pendingReply.clear();
    const QString text = job->text();
    const auto usage = job->usage();
    runController()->setPartial(text);
    runController()->setAnswer(
        text, usage ? usage->promptTokens : -1, usage ? usage->completionTokens : -1);
    render();
    showStats(
        job, usage ? usage->completionTokens : -1, job->finishReason().value_or(tr("unknown")));
    Q_EMIT finished();
}

void ChatCompareColumn::render()
{
    m_view->render(m_conversation, isBusy(), m_pendingReply, m_replyNote);
}

void ChatCompareColumn::activateLink(const QUrl &url)
{
    const QStringList parts = url.path().split(QLatin1Char('/'));
    bool ok = false;
    const int node = parts.size() == 2 ? parts.at(1).toInt(&ok) : -1;
    if (url.scheme() != QLatin1String("act") || !ok || node < 0
        || node >= m_conversation.nodeCount())
        return;
    const QString action = parts.at(0);
    if (action == QLatin1String("more")) {
        m_view->widenRenderWindow();
        render();
    } else if (action == QLatin1String("copy")) {
        QApplication::clipboard()->setText(m_conversation.node(node).message.text());
    } else if (isBusy()) {
        return;
    } else if (action == QLatin1String("prev") || action == QLatin1String("next")) {
        m_conversation.switchBranch(node, action == QLatin1String("prev") ? -1 : 1);
        render();
    } else if (action == QLatin1String("retry")) {
        const int parent = m_conversation.node(node).parent;
        if (parent >= 0)
            startReply(parent);
    }
}

QString ChatCompareColumn::diffText() const
{
    // The lines of links under each header (copy, branch arrows, token counts) are blanked, so
    // only what was said is compared; positions stay those of the document.
    QString text = m_view->toPlainText();
    for (QTextBlock block = m_view->document()->begin(); block.isValid(); block = block.next()) {
        bool links = false;
        for (auto it = block.begin(); !links && !it.atEnd(); ++it)
            links = it.fragment().charFormat().isAnchor();
        if (links && block.position() + block.length() - 1 <= text.size())
            text.replace(block.position(), block.length() - 1, QString(block.length() - 1, u' '));
    }
    return text;
}

QTextEdit *ChatCompareColumn::outputView() const
{
    return m_view;
}

QVariantMap ChatCompareColumn::settingsMap() const
{
    QVariantMap map = options();
    map.insert(QStringLiteral("model"), modelPicker()->model());
    // Shown as the panel names them, without the schema text unless it is in use.
    if (!map.value(QStringLiteral("json_schema_on")).toBool())
        map.remove(QStringLiteral("json_schema"));
    return map;
}

} // namespace ui
