// SPDX-License-Identifier: MIT
#include "ui/chat/Conversation.h"

#include "core/api/PromptTemplate.h"

#include <QJsonArray>

namespace ui {

namespace {

QJsonObject messageToJson(const core::ChatMessage &m)
{
    core::ChatRequest wrapper;
    wrapper.model = QStringLiteral("-");
    wrapper.messages = {m};
    return wrapper.toJson().value(QStringLiteral("messages")).toArray().first().toObject();
}

std::optional<core::ChatMessage> messageFromJson(const QJsonObject &json)
{
    QString error;
    const auto wrapper = core::ChatRequest::fromJson(
        QJsonObject{{QStringLiteral("model"), QStringLiteral("-")}, {QStringLiteral("messages"), QJsonArray{json}}}, &error);
    if (!wrapper || wrapper->messages.isEmpty())
        return std::nullopt;
    return wrapper->messages.first();
}

} // namespace

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

QList<core::ChatMessage> Conversation::messagesUpTo(int last) const
{
    QList<core::ChatMessage> messages;
    for (int id : activePath()) {
        messages.append(m_nodes.at(id).message);
        if (id == last)
            break;
    }
    return messages;
}

int Conversation::append(const core::ChatMessage &message, int parent)
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

int Conversation::addSibling(int node, const core::ChatMessage &message)
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

QJsonObject Conversation::toJson() const
{
    QJsonArray nodes;
    for (const ChatNode &n : m_nodes) {
        QJsonArray children;
        for (int c : n.children)
            children.append(c);
        QJsonObject o{{QStringLiteral("message"), messageToJson(n.message)},
                      {QStringLiteral("parent"), n.parent},
                      {QStringLiteral("children"), children},
                      {QStringLiteral("active"), n.activeChild}};
        if (!n.note.isEmpty())
            o.insert(QStringLiteral("note"), n.note);
        if (n.promptTokens >= 0)
            o.insert(QStringLiteral("prompt_tokens"), n.promptTokens);
        if (n.completionTokens >= 0)
            o.insert(QStringLiteral("completion_tokens"), n.completionTokens);
        if (!n.finishReason.isEmpty())
            o.insert(QStringLiteral("finish_reason"), n.finishReason);
        if (n.jsonReply)
            o.insert(QStringLiteral("json_reply"), true);
        nodes.append(o);
    }
    return QJsonObject{{QStringLiteral("nodes"), nodes}, {QStringLiteral("root_active"), m_activeRoot}};
}

Conversation Conversation::fromJson(const QJsonObject &json)
{
    Conversation c;
    const QJsonArray nodes = json.value(QStringLiteral("nodes")).toArray();
    for (const QJsonValue &v : nodes) {
        const QJsonObject o = v.toObject();
        const auto message = messageFromJson(o.value(QStringLiteral("message")).toObject());
        if (!message)
            return Conversation(); // damaged: start empty rather than half
        ChatNode n;
        n.message = *message;
        n.parent = o.value(QStringLiteral("parent")).toInt(-1);
        for (const QJsonValue &child : o.value(QStringLiteral("children")).toArray())
            n.children.append(child.toInt());
        n.activeChild = o.value(QStringLiteral("active")).toInt(-1);
        n.note = o.value(QStringLiteral("note")).toString();
        n.promptTokens = o.value(QStringLiteral("prompt_tokens")).toInt(-1);
        n.completionTokens = o.value(QStringLiteral("completion_tokens")).toInt(-1);
        n.finishReason = o.value(QStringLiteral("finish_reason")).toString();
        n.jsonReply = o.value(QStringLiteral("json_reply")).toBool();
        c.m_nodes.append(n);
    }
    // Check the links so a damaged draft cannot index out of range.
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
    const int root = json.value(QStringLiteral("root_active")).toInt(-1);
    c.m_activeRoot = c.m_roots.contains(root) ? root : (c.m_roots.isEmpty() ? -1 : c.m_roots.last());
    return c;
}

QString Conversation::promptBefore(int node, const QString &system, const QString &promptTemplate, bool *exact) const
{
    QList<core::ChatMessage> messages;
    if (!system.isEmpty())
        messages.append(core::ChatMessage::fromText(QStringLiteral("system"), system));
    const int parent = m_nodes.at(node).parent;
    if (parent >= 0)
        messages += messagesUpTo(parent);
    return core::renderChatPrompt(promptTemplate, messages, exact);
}

QList<core::ExportedChatMessage> Conversation::exportMessages() const
{
    QList<core::ExportedChatMessage> out;
    for (int id : activePath())
        out.append(core::ExportedChatMessage{m_nodes.at(id).message, m_nodes.at(id).note});
    return out;
}

QString Conversation::toMarkdown(const QString &system, const QString &model) const
{
    return core::chatToMarkdown(system, model, exportMessages());
}

QJsonObject Conversation::toExportJson(const QString &system, const QString &model) const
{
    return core::chatToRequestJson(system, model, exportMessages());
}

} // namespace ui
