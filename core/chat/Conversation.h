// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Chat.h"
#include "core/export/ChatExport.h"

#include <QList>

namespace core {

/// One message of a conversation tree.
struct ChatNode
{
    ChatMessage message;
    int parent = -1; ///< -1: a first message
    QList<int> children; ///< replies or follow-ups, oldest first; each is a branch
    int activeChild = -1; ///< the branch shown
    QString
        note; ///< "stopped", "interrupted: …", an error shown under the message (translated text)
    bool retryable = false; ///< a reply that was stopped or cut short: the transcript offers Retry
    int promptTokens = -1; ///< usage of the turn that produced this (assistant) message
    int completionTokens = -1;
    QString finishReason;
    bool jsonReply
        = false; ///< asked for with a JSON schema and parsed as JSON: shown pretty-printed
};

/// A chat as a tree: editing a past message or regenerating a reply adds a sibling branch instead
/// of overwriting, and the active path (first message → last) is what is shown and sent. Stored
/// and read back by ConversationCodec (core/chat/ConversationCodec.h).
class Conversation
{
public:
    const ChatNode &node(int id) const { return m_nodes.at(id); }
    ChatNode &node(int id) { return m_nodes[id]; }
    int nodeCount() const { return int(m_nodes.size()); }
    bool isEmpty() const { return m_nodes.isEmpty(); }

    /// Node ids from the first message to the last along the active branches.
    QList<int> activePath() const;
    /// The messages of the active path up to and including `last` (all when -1).
    QList<ChatMessage> messagesUpTo(int last = -1) const;
    /// Adds `message` as the active child of `parent` (-1: a new first message). Returns its id.
    int append(const ChatMessage &message, int parent);
    /// Adds `message` as a sibling of `node` (same parent) and makes it active. Returns its id.
    int addSibling(int node, const ChatMessage &message);
    /// Shows the previous (delta −1) or next (+1) sibling of `node`. False at either end.
    bool switchBranch(int node, int delta);
    /// (index among siblings, number of siblings), 0-based index.
    std::pair<int, int> siblingPosition(int node) const;
    void clear();
    /// The first message shown (the active root), -1 when empty.
    int activeRoot() const { return m_activeRoot; }
    /// A conversation of `nodes` (ids are their indexes) showing root `activeRoot`, as read back
    /// from storage: `children` and `parent` must point forward (a parent's id is below its
    /// children's) and within range, else the result is empty (a damaged conversation starts
    /// empty rather than half). An `activeChild` that is not a child becomes the last child; an
    /// `activeRoot` that is not a root becomes the last root.
    static Conversation fromNodes(const QList<ChatNode> &nodes, int activeRoot);
    /// The prompt that produced message `node` as its model saw it: `system` (when not empty) and
    /// the active path before `node`, rendered through `promptTemplate` (renderChatPrompt;
    /// `exact` is false when that fell back to a plain transcript).
    QString promptBefore(
        int node, const QString &system, const QString &promptTemplate, bool *exact) const;

    /// The messages of the active path with their notes, as core/export takes them.
    QList<ExportedChatMessage> exportMessages() const;
    /// The active path as Markdown ("### You" / "### Assistant" sections), with the system prompt.
    QString toMarkdown(const QString &system, const QString &model) const;

private:
    QList<ChatNode> m_nodes;
    QList<int> m_roots;
    int m_activeRoot = -1;
};

} // namespace core
