// SPDX-License-Identifier: MIT
#pragma once

#include "core/chat/Conversation.h"
#include "core/net/ApiClient.h"
#include "ui/chat/ChatComposer.h"
#include "ui/chat/ChatOptionsPanel.h"
#include "ui/chat/ChatTranscriptView.h"
#include "ui/chat/ConversationKeeper.h"
#include "ui/common/PlaygroundTab.h"

#include <QTimer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QUrl;

namespace core {
class ConversationStore;
class SteeringLibrary;
} // namespace core

namespace ui {

class ChatCompare;
class ChatCompareColumn;
class ConversationListPanel;
class ModelPicker;
class RunController;
class SteeringIndicator;
class PromptEdit;

/// `/chat/completions`: a system prompt and a multi-turn conversation rendered as Markdown (code
/// blocks included), streamed replies with Stop (Esc), Regenerate, editing any past user message
/// (the old branch is kept; ◀ n/m ▶ switches), images in user messages, a JSON-schema response
/// format (the reply is checked and pretty-printed), a steering concept, token usage per turn,
/// copy a message, export as Markdown or JSON. Ctrl+Enter sends; Enter sends or adds a line
/// break, as set ("Enter sends"). With a ConversationStore, every conversation is kept in a list
/// beside the transcript (search, rename, delete with undo); New chat (Ctrl+N) starts another.
/// The tab composes a ChatOptionsPanel, a ChatTranscriptView and a ConversationListPanel, runs
/// the replies through a RunController and keeps the conversation (core::Conversation).
class ChatTab : public PlaygroundTab
{
    Q_OBJECT
public:
    explicit ChatTab(core::ApiClient *client, QWidget *parent = nullptr); // client not owned
    void setModels(const QList<core::ModelSettings> &models) override;
    void setRecorder(core::RunRecorder *recorder) override;
    /// The steering library the steering field's "Library" menu lists (not owned; may be null).
    void setSteeringLibrary(core::SteeringLibrary *library) { m_steeringLibrary = library; }
    /// Where conversations are kept (not owned; may be null: then there is no list and New chat
    /// only clears). Set before drafts are restored.
    void setConversationStore(core::ConversationStore *store);
    /// The stored conversation shown now (0: a new chat not stored yet).
    qint64 conversationId() const { return m_keeper->id(); }
    ConversationListPanel *conversationList() const { return m_conversationList; }
    /// Puts a concept id into the steering field ("" clears it).
    void setSteeringConcept(const QString &id) { m_options->setSteeringConcept(id); }
    /// A reply runs, alone or in compare columns.
    bool isBusy() const;
    /// Compare: the toggle and the synced columns shown instead of the transcript while it is on.
    ChatCompare *compare() const { return m_compare; }

    const core::Conversation &conversation() const { return m_conversation; }
    /// The messages of the shown branch (without the system prompt).
    QList<core::ChatMessage> messages() const { return m_conversation.messagesUpTo(); }
    /// The request that send() would make now for the shown branch plus `pendingUserText`.
    core::ChatRequest buildRequest(QString *error) const;
    /// Replaces the conversation (e.g. benchmarks, restore) and renders it.
    void setConversation(const core::Conversation &conversation);
    /// Handles a transcript link: edit/N, copy/N, prev/N, next/N, retry/N (as the links do).
    void activateLink(const QUrl &url);
    void setEnterSends(bool on);
    bool enterSends() const;
    void attachImage(const QString &path) { m_composer->attachImage(path); }
    QString exportMarkdown() const;
    /// The bytes of an export to `fileName`: request-shaped JSON for ".json", else Markdown.
    QByteArray exportBytes(const QString &fileName) const;
    QTextBrowser *transcript() const { return m_transcript; }
    /// How many of the newest messages the transcript shows; older ones appear with "Show earlier".
    int renderWindow() const { return m_transcript->renderWindow(); }
    /// Milliseconds the last full render took (benchmarks).
    qint64 lastRenderMs() const { return m_transcript->lastRenderMs(); }

    // PlaygroundTab
    QString tabKey() const override { return QStringLiteral("chat"); }
    core::ApiCall currentCall(QString *problem) const override;
    /// While comparing: each column's request.
    QList<TitledCall> currentCalls(QString *problem) const override;
    QVariantMap draft() const override;
    void restoreDraft(const QVariantMap &draft) override;
    void restoreRun(const core::RunRecord &run) override;
    /// The draft with the shown branch as a conversation of its own (no stored id). With an empty
    /// input after a reply, the last question becomes the input and leaves the conversation, so
    /// the step asks it again.
    QVariantMap stepInputs() const override;
    /// A new conversation of the step's messages (joining the list when there is one).
    void applyStepInputs(const QVariantMap &inputs) override;
    ModelPicker *modelPicker() const override { return m_modelPicker; }
    bool canRun() const override { return true; }
    void triggerRun() override { send(); }
    /// Esc also ends the editing of a past message.
    bool canStop() const override { return isBusy() || m_editingNode >= 0; }
    void triggerStop() override { stop(); }
    bool canCompare() const override { return true; }
    void triggerCompare() override;
    bool canExplain() const override { return lastReply() >= 0 && !isBusy(); }
    void triggerExplain() override { explainMessage(lastReply()); }
    QString openFilter() const override { return tr("Chat exports (*.json);;All files (*)"); }
    /// A chat exported as JSON (Export…), shown as a new conversation.
    bool openFile(const QString &path, QString *error) override;

public Q_SLOTS:
    void send();
    void stop();
    void regenerate();
    /// Keeps the conversation shown (in the store) and starts an empty one (Ctrl+N).
    void newConversation();
    /// Keeps the conversation shown and opens stored conversation `id`.
    void openConversation(qint64 id);
    /// Writes the conversation shown to the store now (also done shortly after each change).
    void saveConversation();
    /// Re-renders the whole transcript.
    void render();
    void copyMessage(int node);
    /// Emits explainRequested() for assistant message `node`.
    void explainMessage(int node);
    void exportConversation();

Q_SIGNALS:
    /// A reply ended (any way); tests wait on it.
    void replyFinished();
    /// "explain" on an assistant message: the conversation before it as the model's completion
    /// prompt (its prompt_template when known), the reply as the target, and the model.
    /// The "Enter sends" check box was toggled (the window stores it).
    void enterSendsChanged(bool on);
    void explainRequested(const core::Prompt &prompt, const QString &reply, const QString &model);

private:
    void startReply(int parentNode);
    /// Compare on: the columns replace the transcript, the model and the options; off: back.
    void setCompareMode(bool on);
    /// `column`'s conversation, model and options become the tab's.
    void promote(ChatCompareColumn *column);
    void onReplyEnded(core::ApiJob *job);
    void renderPending();
    void cancelEdit();
    /// Shows `content` (a conversation with its system prompt and model) as conversation `id`.
    void showConversation(qint64 id, const core::ConversationContent &content);
    core::ConversationContent conversationContent() const;

    QAbstractButton *exportButton() const override;
    /// The newest reply on the shown branch (-1: none), for Run ▸ Explain.
    int lastReply() const;

    core::ApiClient *m_client; // not owned
    RunController *m_run;
    core::Conversation m_conversation;
    int m_pendingParent = -1; // the user node the reply in progress answers
    int m_editingNode = -1; // a past user message being edited, or -1
    QString m_pendingReply; // streamed text of the reply in progress
    QString m_replyNote; // an error with no reply text, shown at the end
    QTimer m_renderTimer; // coalesces stream updates (one per frame at most)
    bool m_jsonRequested = false; // the reply in progress was asked for with a schema

    ModelPicker *m_modelPicker;
    QLabel *m_modelLabel;
    ChatCompare *m_compare;
    QLineEdit *m_systemEdit;
    ChatOptionsPanel *m_options;
    SteeringIndicator *m_steeringIndicator; // m_options's
    core::SteeringLibrary *m_steeringLibrary = nullptr;
    ConversationListPanel *m_conversationList = nullptr;
    ConversationKeeper *m_keeper;
    QCheckBox *m_enterSendsCheck; // m_options's
    ChatTranscriptView *m_transcript;
    ChatComposer *m_composer;
    // m_composer's; the send, stop and reply code reaches them directly.
    PromptEdit *m_inputEdit;
    QPushButton *m_sendButton;
    QPushButton *m_stopButton;
    QPushButton *m_regenerateButton;
    QPushButton *m_clearButton;
    QPushButton *m_exportButton;
    QPushButton *m_retryButton;
    QLabel *m_statusLabel;
};

} // namespace ui
