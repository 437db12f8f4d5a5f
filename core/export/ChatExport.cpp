// SPDX-License-Identifier: MIT
#include "core/export/ChatExport.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace core {

QString chatToMarkdown(
    const QString &system, const QString &model, const QList<ExportedChatMessage> &messages)
{
    QString md = QStringLiteral("# Chat with %1\n\n").arg(model);
    if (!system.isEmpty())
        md += QStringLiteral("### System\n\n%1\n\n").arg(system);
    for (const ExportedChatMessage &m : messages) {
        const bool user = m.message.role == QLatin1String("user");
        md += QStringLiteral("### %1\n\n%2\n\n")
                  .arg(
                      user ? QStringLiteral("You") : QStringLiteral("Assistant"), m.message.text());
        if (!m.note.isEmpty())
            md += QStringLiteral("*(%1)*\n\n").arg(m.note);
    }
    return md;
}

QJsonObject chatToRequestJson(
    const QString &system, const QString &model, const QList<ExportedChatMessage> &messages)
{
    ChatRequest request;
    request.model = model;
    if (!system.isEmpty())
        request.messages.append(ChatMessage::fromText(QStringLiteral("system"), system));
    for (const ExportedChatMessage &m : messages)
        request.messages.append(m.message);
    return request.toJson();
}

QByteArray chatExportBytes(const QString &fileName,
    const QString &system,
    const QString &model,
    const QList<ExportedChatMessage> &messages)
{
    if (fileName.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        return QJsonDocument(chatToRequestJson(system, model, messages))
            .toJson(QJsonDocument::Indented);
    return chatToMarkdown(system, model, messages).toUtf8();
}

bool chatFromExportBytes(const QByteArray &bytes,
    QString *system,
    QString *model,
    QList<ChatMessage> *messages,
    QString *error)
{
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parse);
    if (!doc.isObject()) {
        *error = QCoreApplication::translate(
            "core::ChatExport", "Not a JSON chat export (%1); a Markdown export cannot be opened.")
                     .arg(parse.error == QJsonParseError::NoError ? QStringLiteral("not an object")
                                                                  : parse.errorString());
        return false;
    }
    QString why;
    const std::optional<ChatRequest> request = ChatRequest::fromJson(doc.object(), &why);
    if (!request) {
        *error = QCoreApplication::translate("core::ChatExport", "Not a chat export: %1").arg(why);
        return false;
    }
    *model = request->model;
    system->clear();
    messages->clear();
    for (const ChatMessage &m : request->messages) {
        if (messages->isEmpty() && system->isEmpty() && m.role == QLatin1String("system"))
            *system = m.text();
        else
            messages->append(m);
    }
    return true;
}

} // namespace core
