// SPDX-License-Identifier: MIT
#pragma once

#include "core/chat/Conversation.h"

#include <QTextBrowser>

namespace ui {

/// The Chat tab's transcript: the active branch of a Conversation rendered as Markdown, with the
/// act: links of each message (◀ n/m ▶, edit, copy, explain, Retry) and the reply in progress.
/// Only the newest messages are laid out (see renderWindow()); a streamed reply re-lays out only
/// itself.
class ChatTranscriptView : public QTextBrowser
{
    Q_OBJECT
public:
    explicit ChatTranscriptView(QWidget *parent = nullptr);

    /// Renders `conversation`; with `pending` (a reply in progress) its text so far follows, else
    /// `replyNote` (an error with no reply text) when set.
    void render(const core::Conversation &conversation,
        bool pending,
        const QString &pendingReply,
        const QString &replyNote);
    /// Re-lays out only the reply in progress. False when there is none shown (render() instead).
    bool renderPending(const QString &pendingReply);

    /// Whether messages offer "edit" and "explain" (the Chat tab's; not its compare columns').
    void setEditAndExplain(bool on) { m_editAndExplain = on; }

    /// How many of the newest messages are shown; older ones appear with "Show earlier".
    int renderWindow() const { return m_renderWindow; }
    void resetRenderWindow() { m_renderWindow = kRenderWindow; }
    /// Shows 200 more of the earlier messages at the next render().
    void widenRenderWindow() { m_renderWindow += 200; }
    /// Milliseconds the last full render took (benchmarks).
    qint64 lastRenderMs() const { return m_lastRenderMs; }

private:
    QString nodeMarkdown(const core::Conversation &conversation, int id) const;

    static constexpr int kRenderWindow = 40;
    int m_renderWindow = kRenderWindow; // messages rendered, counted from the end
    bool m_editAndExplain = true;
    int m_streamAnchor = -1; // document position where the pending reply starts
    qint64 m_lastRenderMs = 0;
};

} // namespace ui
