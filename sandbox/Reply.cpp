// SPDX-License-Identifier: MIT
#include "sandbox/Reply.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace sandbox {

Reply Reply::error(int status, const QString &message, const QString &code)
{
    return json(QJsonObject{{u"error"_s, message}, {u"code"_s, code}}, status);
}

Reply Reply::json(const QJsonValue &value, int status)
{
    Reply reply;
    reply.status = status;
    reply.body = compact(value);
    return reply;
}

Reply Reply::text(const QByteArray &text)
{
    Reply reply;
    reply.contentType = "text/plain; charset=utf-8";
    reply.body = text;
    return reply;
}

Reply badRequest(const QString &message)
{
    return Reply::error(400, message, u"INVALID_REQUEST"_s);
}

Reply missingCapability(const QString &what)
{
    return Reply::error(400,
        u"Sadly the model you chose does not provide that capability: %1 You could try to choose another model."_s
            .arg(what),
        u"MISSING_CAPABILITY"_s);
}

QByteArray compact(const QJsonValue &value)
{
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

} // namespace sandbox
