// SPDX-License-Identifier: MIT
#include "core/export/ChatExport.h"

#include <QJsonDocument>

namespace core {

QString chatToMarkdown(const QString &system, const QString &model, const QList<ExportedChatMessage> &messages)
{
    QString md = QStringLiteral("# Chat with %1\n\n").arg(model);
    if (!system.isEmpty())
        md += QStringLiteral("### System\n\n%1\n\n").arg(system);
    for (const ExportedChatMessage &m : messages) {
        const bool user = m.message.role == QLatin1String("user");
        md += QStringLiteral("### %1\n\n%2\n\n").arg(user ? QStringLiteral("You") : QStringLiteral("Assistant"), m.message.text());
        if (!m.note.isEmpty())
            md += QStringLiteral("*(%1)*\n\n").arg(m.note);
    }
    return md;
}

QJsonObject chatToRequestJson(const QString &system, const QString &model, const QList<ExportedChatMessage> &messages)
{
    ChatRequest request;
    request.model = model;
    if (!system.isEmpty())
        request.messages.append(ChatMessage::fromText(QStringLiteral("system"), system));
    for (const ExportedChatMessage &m : messages)
        request.messages.append(m.message);
    return request.toJson();
}

QByteArray chatExportBytes(const QString &fileName, const QString &system, const QString &model,
                           const QList<ExportedChatMessage> &messages)
{
    if (fileName.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        return QJsonDocument(chatToRequestJson(system, model, messages)).toJson(QJsonDocument::Indented);
    return chatToMarkdown(system, model, messages).toUtf8();
}

} // namespace core
