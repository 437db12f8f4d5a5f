// SPDX-License-Identifier: MIT
#include "core/chat/ConversationCodec.h"

#include "core/storage/ConversationStore.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace core {

QJsonObject chatMessageToJson(const ChatMessage &message)
{
    return json::serialize(message);
}

std::optional<ChatMessage> chatMessageFromJson(const QJsonObject &json, QString *error)
{
    return json::parse<ChatMessage>(json, u"chat message"_s, json::Mode::Strict, error);
}

QJsonObject conversationToJson(const Conversation &conversation)
{
    QJsonArray nodes;
    for (int id = 0; id < conversation.nodeCount(); ++id) {
        const ChatNode &n = conversation.node(id);
        QJsonArray children;
        for (int c : n.children)
            children.append(c);
        QJsonObject o{{u"message"_s, chatMessageToJson(n.message)},
            {u"parent"_s, n.parent},
            {u"children"_s, children},
            {u"active"_s, n.activeChild}};
        if (!n.note.isEmpty())
            o.insert(u"note"_s, n.note);
        if (n.retryable)
            o.insert(u"retryable"_s, true);
        if (n.promptTokens >= 0)
            o.insert(u"prompt_tokens"_s, n.promptTokens);
        if (n.completionTokens >= 0)
            o.insert(u"completion_tokens"_s, n.completionTokens);
        if (!n.finishReason.isEmpty())
            o.insert(u"finish_reason"_s, n.finishReason);
        if (n.jsonReply)
            o.insert(u"json_reply"_s, true);
        nodes.append(o);
    }
    return QJsonObject{{u"nodes"_s, nodes}, {u"root_active"_s, conversation.activeRoot()}};
}

Conversation conversationFromJson(const QJsonObject &json)
{
    QList<ChatNode> nodes;
    for (const QJsonValue &v : json.value(u"nodes"_s).toArray()) {
        const QJsonObject o = v.toObject();
        QString error;
        const auto message = chatMessageFromJson(o.value(u"message"_s).toObject(), &error);
        if (!message)
            return Conversation(); // damaged: start empty rather than half
        ChatNode n;
        n.message = *message;
        n.parent = o.value(u"parent"_s).toInt(-1);
        for (const QJsonValue &child : o.value(u"children"_s).toArray())
            n.children.append(child.toInt());
        n.activeChild = o.value(u"active"_s).toInt(-1);
        n.note = o.value(u"note"_s).toString();
        // Conversations saved before "retryable" existed had only the (English) note.
        n.retryable = o.value(u"retryable"_s)
                          .toBool(n.note == u"stopped"_s || n.note.startsWith(u"interrupted"_s));
        n.promptTokens = o.value(u"prompt_tokens"_s).toInt(-1);
        n.completionTokens = o.value(u"completion_tokens"_s).toInt(-1);
        n.finishReason = o.value(u"finish_reason"_s).toString();
        n.jsonReply = o.value(u"json_reply"_s).toBool();
        nodes.append(n);
    }
    return Conversation::fromNodes(nodes, json.value(u"root_active"_s).toInt(-1));
}

QVariantMap conversationToVariant(const Conversation &conversation)
{
    return conversationToJson(conversation).toVariantMap();
}

Conversation conversationFromVariant(const QVariantMap &map)
{
    return conversationFromJson(QJsonObject::fromVariantMap(map));
}

QJsonObject ConversationContent::toJson() const
{
    return QJsonObject{{u"conversation"_s, conversationToJson(conversation)},
        {u"system"_s, system},
        {u"model"_s, model}};
}

QByteArray ConversationContent::toBytes() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

ConversationContent ConversationContent::fromJson(const QJsonObject &content)
{
    return ConversationContent{conversationFromJson(content.value(u"conversation"_s).toObject()),
        content.value(u"system"_s).toString(),
        content.value(u"model"_s).toString()};
}

ConversationContent ConversationContent::fromRecord(const ConversationRecord &record)
{
    return fromJson(record.content);
}

} // namespace core
