// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Chat.h"
#include "core/export/ChatExport.h"

#include <QJsonObject>
#include <QList>

namespace ui {

/// One message of a conversation tree.
struct ChatNode
{
    core::ChatMessage message;
    int parent = -1;        ///< -1: a first message
    QList<int> children;    ///< replies or follow-ups, oldest first; each is a branch
    int activeChild = -1;   ///< the branch shown
    QString note;           ///< "stopped", "interrupted: …", an error shown under the message
    int promptTokens = -1;  ///< usage of the turn that produced this (assistant) message
    int completionTokens = -1;
    QString finishReason;
    bool jsonReply = false; ///< asked for with a JSON schema and parsed as JSON: shown pretty-printed
};

/// A chat as a tree: editing a past message or regenerating a reply adds a sibling branch instead
/// of overwriting, and the active path (first message → last) is what is shown and sent.
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
    QList<core::ChatMessage> messagesUpTo(int last = -1) const;
    /// Adds `message` as the active child of `parent` (-1: a new first message). Returns its id.
    int append(const core::ChatMessage &message, int parent);
    /// Adds `message` as a sibling of `node` (same parent) and makes it active. Returns its id.
    int addSibling(int node, const core::ChatMessage &message);
    /// Shows the previous (delta −1) or next (+1) sibling of `node`. False at either end.
    bool switchBranch(int node, int delta);
    /// (index among siblings, number of siblings), 0-based index.
    std::pair<int, int> siblingPosition(int node) const;
    void clear();
    /// The prompt that produced message `node` as its model saw it: `system` (when not empty) and
    /// the active path before `node`, rendered through `promptTemplate` (core::renderChatPrompt;
    /// `exact` is false when that fell back to a plain transcript).
    QString promptBefore(int node, const QString &system, const QString &promptTemplate, bool *exact) const;

    /// Everything (all branches) as JSON: {"nodes": [{message, parent, children, active, ...}], "root_active": n}.
    QJsonObject toJson() const;
    static Conversation fromJson(const QJsonObject &json);
    /// The messages of the active path with their notes, as core/export takes them.
    QList<core::ExportedChatMessage> exportMessages() const;
    /// The active path as Markdown ("### You" / "### Assistant" sections), with the system prompt.
    QString toMarkdown(const QString &system, const QString &model) const;
    /// The active path as a request-shaped JSON: {"model", "messages": [...]} including the system prompt.
    QJsonObject toExportJson(const QString &system, const QString &model) const;

private:
    QList<ChatNode> m_nodes;
    QList<int> m_roots;
    int m_activeRoot = -1;
};

} // namespace ui
