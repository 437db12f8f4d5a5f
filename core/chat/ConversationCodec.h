// SPDX-License-Identifier: MIT
#pragma once

#include "core/chat/Conversation.h"

#include <QByteArray>
#include <QJsonObject>
#include <QVariantMap>

#include <optional>

namespace core {

struct ConversationRecord;

/// One chat message as stored: the message object of a /chat/completions request
/// ({"role": "user", "content": "Hi"} or "content": [parts]), exactly as ChatRequest writes it.
QJsonObject chatMessageToJson(const ChatMessage &message);
/// The message stored as `json`, read like a request's message (Mode::Strict): nullopt with
/// `error` set ("chat message: missing required field "role"") when it is not one.
std::optional<ChatMessage> chatMessageFromJson(const QJsonObject &json, QString *error);

/// A conversation with all its branches:
/// {"nodes": [{"message": {...}, "parent": -1, "children": [1], "active": 1, "note"?: "stopped",
///   "prompt_tokens"?: 3, "completion_tokens"?: 5, "finish_reason"?: "stop", "json_reply"?: true},
///   ...],
///  "root_active": 0}. Optional members are left out when unset (note "", tokens -1, false).
QJsonObject conversationToJson(const Conversation &conversation);
/// The conversation stored as `json`; empty when `json` is empty, or damaged: a message that is
/// not a chat message, or links out of range (Conversation::fromNodes). Never half a conversation.
Conversation conversationFromJson(const QJsonObject &json);

/// conversationToJson() as plain values (maps, lists, numbers, strings), for drafts (DraftStore).
QVariantMap conversationToVariant(const Conversation &conversation);
/// conversationFromJson() of a draft's map (numbers may come back as doubles).
Conversation conversationFromVariant(const QVariantMap &map);

/// What the Chat tab keeps of a conversation in the ConversationStore (its `content`):
/// {"conversation": conversationToJson(), "system": "Be brief.", "model": "llama-3.1-8b-instruct"}.
struct ConversationContent
{
    Conversation conversation;
    QString system; ///< the system prompt as typed (not trimmed)
    QString model;

    QJsonObject toJson() const;
    /// The compact JSON text of toJson(): equal bytes, equal content (to skip unchanged saves).
    QByteArray toBytes() const;
    /// Missing members read as empty; a damaged conversation as an empty one.
    static ConversationContent fromJson(const QJsonObject &content);
    static ConversationContent fromRecord(const ConversationRecord &record);
};

} // namespace core
