// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Chat.h"
#include "core/chat/Conversation.h"
#include "ui/compare/CompareColumn.h"

#include <QTimer>

#include <functional>

class QUrl;

namespace core {
class ApiClient;
class SteeringLibrary;
} // namespace core

namespace ui {

class ChatOptionsPanel;
class ChatTranscriptView;

/// A Chat tab's compare column: a conversation of its own (a copy of the tab's when the
/// comparison starts) that the shared composer's messages go to, its own model and a
/// ChatOptionsPanel (max_tokens, temperature, steering concept, JSON schema, usage) in its
/// parameters dialog, and a ChatTranscriptView of its active branch. Its replies (and the
/// branches Retry makes) are its own; ◀ n/m ▶ switches its branches.
class ChatCompareColumn : public CompareColumn
{
    Q_OBJECT
public:
    /// `client` (not owned) sends the replies and, with `library`, serves the steering field's
    /// "Library" menu.
    ChatCompareColumn(core::ApiClient *client,
        std::function<core::SteeringLibrary *()> library,
        QWidget *parent = nullptr);

    /// The options as ChatOptionsPanel::writeDraft() keeps them (and readDraft() takes them).
    QVariantMap options() const;
    void setOptions(const QVariantMap &options);
    const core::Conversation &conversation() const { return m_conversation; }
    void setConversation(const core::Conversation &conversation);

    /// The request for the active branch with `system` (may be empty) and, when not empty,
    /// `pendingUserText` as the next message; `error` is set to its first problem.
    core::ChatRequest request(
        const QString &system, const QString &pendingUserText, QString *error) const;
    /// Appends `message` to the active branch and asks for the reply, with `system` first.
    /// False when refused (the column says why; the message is kept).
    bool send(const core::ChatMessage &message, const QString &system);
    /// Asks again for the newest reply of the active branch (the old one stays a branch).
    bool regenerate(const QString &system);
    ChatTranscriptView *transcript() const { return m_view; }

    QString diffText() const override;
    QTextEdit *outputView() const override;
    QVariantMap settingsMap() const override;

private:
    /// Model, `system` and options; `error` gets the first problem when it is still empty.
    core::ChatRequest baseRequest(const QString &system, QString *error) const;
    bool startReply(int parentNode);
    void onEnded(core::ApiJob *job);
    void activateLink(const QUrl &url);
    void render();

    core::ApiClient *m_client;
    ChatOptionsPanel *m_options;
    ChatTranscriptView *m_view;
    core::Conversation m_conversation;
    QString m_system; // of the last send, for Retry
    int m_pendingParent = -1;
    QString m_pendingReply;
    QString m_replyNote;
    bool m_jsonRequested = false;
    QTimer m_renderTimer; // coalesces stream updates
};

} // namespace ui
