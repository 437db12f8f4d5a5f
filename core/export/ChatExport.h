// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Chat.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace core {

/// One message of an exported chat and the note shown under it ("stopped", an error…; may be
/// empty).
struct ExportedChatMessage
{
    ChatMessage message;
    QString note;
};

/// A chat as Markdown: "# Chat with MODEL", then "### System" with `system` when not empty, then
/// a "### You" or "### Assistant" section per message with its note in italics below.
QString chatToMarkdown(
    const QString &system, const QString &model, const QList<ExportedChatMessage> &messages);

/// A chat as a request-shaped JSON object {"model", "messages"}, the system prompt (when not
/// empty) as the first message, so it can be sent again.
QJsonObject chatToRequestJson(
    const QString &system, const QString &model, const QList<ExportedChatMessage> &messages);

/// The bytes of a chat export file: chatToRequestJson() indented when `fileName` ends in ".json"
/// (any case), else chatToMarkdown() in UTF-8.
QByteArray chatExportBytes(const QString &fileName,
    const QString &system,
    const QString &model,
    const QList<ExportedChatMessage> &messages);

/// Reads a chat exported as JSON (chatToRequestJson()'s {"model", "messages"}, as ChatRequest
/// reads it) back into `model`, `system` (a first "system" message) and `messages`. False with
/// `error` for bytes that are not such an object (a Markdown export is for reading only).
bool chatFromExportBytes(const QByteArray &bytes,
    QString *system,
    QString *model,
    QList<ChatMessage> *messages,
    QString *error);

} // namespace core
