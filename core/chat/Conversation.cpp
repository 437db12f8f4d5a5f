// SPDX-License-Identifier: MIT
#include "core/chat/Conversation.h"

#include "core/api/PromptTemplate.h"

namespace core {

QList<int> Conversation::activePath() const
{
    QList<int> path;
    int id = m_activeRoot;
    while (id >= 0 && id < m_nodes.size()) {
        path.append(id);
        id = m_nodes.at(id).activeChild;
    }
    return path;
}

QList<ChatMessage> Conversation::messagesUpTo(int last) const
{
    QList<ChatMessage> messages;
    for (int id : activePath()) {
        messages.append(m_nodes.at(id).message);
        if (id == last)
            break;
    }
    return messages;
}

int Conversation::append(const ChatMessage &message, int parent)
{
    ChatNode n;
    n.message = message;
    n.parent = parent;
    const int id = int(m_nodes.size());
    m_nodes.append(n);
    if (parent < 0) {
        m_roots.append(id);
        m_activeRoot = id;
    } else {
        m_nodes[parent].children.append(id);
        m_nodes[parent].activeChild = id;
    }
    return id;
}

int Conversation::addSibling(int node, const ChatMessage &message)
{
    return append(message, m_nodes.at(node).parent);
}

std::pair<int, int> Conversation::siblingPosition(int node) const
{
    const int parent = m_nodes.at(node).parent;
    const QList<int> &siblings = parent < 0 ? m_roots : m_nodes.at(parent).children;
    return {int(siblings.indexOf(node)), int(siblings.size())};
}

bool Conversation::switchBranch(int node, int delta)
{
    const int parent = m_nodes.at(node).parent;
    const QList<int> &siblings = parent < 0 ? m_roots : m_nodes.at(parent).children;
    const qsizetype target = siblings.indexOf(node) + delta;
    if (target < 0 || target >= siblings.size())
        return false;
    if (parent < 0)
        m_activeRoot = siblings.at(target);
    else
        m_nodes[parent].activeChild = siblings.at(target);
    return true;
}

void Conversation::clear()
{
    m_nodes.clear();
    m_roots.clear();
    m_activeRoot = -1;
}

Conversation Conversation::fromNodes(const QList<ChatNode> &nodes, int activeRoot)
{
    Conversation c;
    c.m_nodes = nodes;
    const int count = int(c.m_nodes.size());
    for (int i = 0; i < count; ++i) {
        ChatNode &n = c.m_nodes[i];
        if (n.parent >= count || n.parent >= i)
            return Conversation();
        if (n.parent < 0)
            c.m_roots.append(i);
        for (int child : n.children) {
            if (child <= i || child >= count)
                return Conversation();
        }
        if (!n.children.contains(n.activeChild))
            n.activeChild = n.children.isEmpty() ? -1 : n.children.last();
    }
    c.m_activeRoot = c.m_roots.contains(activeRoot) ? activeRoot
                                                    : (c.m_roots.isEmpty() ? -1 : c.m_roots.last());
    return c;
}

QString Conversation::promptBefore(
    int node, const QString &system, const QString &promptTemplate, bool *exact) const
{
    QList<ChatMessage> messages;
    if (!system.isEmpty())
        messages.append(ChatMessage::fromText(QStringLiteral("system"), system));
    const int parent = m_nodes.at(node).parent;
    if (parent >= 0)
        messages += messagesUpTo(parent);
    return renderChatPrompt(promptTemplate, messages, exact);
}

QList<ExportedChatMessage> Conversation::exportMessages() const
{
    QList<ExportedChatMessage> out;
    for (int id : activePath())
        out.append(ExportedChatMessage{m_nodes.at(id).message, m_nodes.at(id).note});
    return out;
}

QString Conversation::toMarkdown(const QString &system, const QString &model) const
{
    return chatToMarkdown(system, model, exportMessages());
}

} // namespace core
