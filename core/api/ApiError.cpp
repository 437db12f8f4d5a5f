// SPDX-License-Identifier: MIT
#include "core/api/ApiError.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace core {

bool ApiError::retryable() const
{
    switch (kind) {
    case Kind::Timeout:
    case Kind::TooManyRequests:
    case Kind::Busy:
        return true;
    case Kind::Http:
        return httpStatus == 500 || httpStatus == 502 || httpStatus == 504;
    case Kind::Network:
        return true;
    default:
        return false;
    }
}

QString ApiError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return u"no error"_s;
    case Kind::InvalidRequest:
        return u"invalid request"_s;
    case Kind::BadRequest:
        return u"bad request"_s;
    case Kind::Unauthorized:
        return u"unauthorized"_s;
    case Kind::Quota:
        return u"quota exceeded"_s;
    case Kind::Timeout:
        return u"timeout"_s;
    case Kind::TooManyRequests:
        return u"too many requests"_s;
    case Kind::Busy:
        return u"service busy"_s;
    case Kind::Http:
        return u"HTTP error"_s;
    case Kind::Network:
        return u"network error"_s;
    case Kind::Tls:
        return u"TLS error"_s;
    case Kind::Interrupted:
        return u"stream interrupted"_s;
    case Kind::MalformedResponse:
        return u"malformed response"_s;
    }
    return {};
}

QString ApiError::toString() const
{
    QString out
        = httpStatus > 0 ? u"HTTP %1 (%2)"_s.arg(httpStatus).arg(kindName(kind)) : kindName(kind);
    if (!message.isEmpty())
        out += u": "_s + message;
    if (!code.isEmpty())
        out += u" ["_s + code + u']';
    return out;
}

ApiError ApiError::make(Kind kind, const QString &message)
{
    ApiError e;
    e.kind = kind;
    e.message = message;
    return e;
}

QString ApiError::withoutCredentials(QString message, const QByteArray &authorization)
{
    const QString header = QString::fromUtf8(authorization).trimmed();
    if (header.isEmpty())
        return message;
    message.replace(header, u"[redacted]"_s);
    const qsizetype space = header.indexOf(u' ');
    const QString token = space >= 0 ? header.mid(space + 1).trimmed() : header;
    if (token.size() >= 16)
        message.replace(token, u"[redacted]"_s);
    return message;
}

static QString messageFromBody(const QByteArray &body, QString *code)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject()) {
        const QJsonObject o = doc.object();
        if (o.value(u"code"_s).isString())
            *code = o.value(u"code"_s).toString();
        const QJsonValue error = o.value(u"error"_s);
        if (error.isString())
            return error.toString();
        if (error.isObject()) {
            const QJsonObject eo = error.toObject();
            if (eo.value(u"code"_s).isString() && code->isEmpty())
                *code = eo.value(u"code"_s).toString();
            if (eo.value(u"message"_s).isString())
                return eo.value(u"message"_s).toString();
        }
        for (const QString &key : {u"message"_s, u"detail"_s}) {
            if (o.value(key).isString())
                return o.value(key).toString();
        }
    }
    QString text = QString::fromUtf8(body).trimmed();
    if (text.size() > 500)
        text = text.left(500) + u"…"_s;
    return text;
}

ApiError ApiError::fromHttp(int status, const QByteArray &body, const QByteArray &retryAfter)
{
    ApiError e;
    e.httpStatus = status;
    switch (status) {
    case 400:
        e.kind = Kind::BadRequest;
        break;
    case 401:
        e.kind = Kind::Unauthorized;
        break;
    case 402:
        e.kind = Kind::Quota;
        break;
    case 408:
        e.kind = Kind::Timeout;
        break;
    case 429:
        e.kind = Kind::TooManyRequests;
        break;
    case 503:
        e.kind = Kind::Busy;
        break;
    default:
        e.kind = Kind::Http;
    }
    e.message = messageFromBody(body, &e.code);
    e.retryAfterMs = parseRetryAfter(retryAfter);
    return e;
}

std::optional<int> ApiError::parseRetryAfter(const QByteArray &header)
{
    const QByteArray trimmed = header.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double seconds = trimmed.toDouble(&ok);
    if (ok && seconds >= 0)
        return int(std::min(seconds, 3600.0) * 1000);
    QDateTime date = QLocale::c().toDateTime(
        QString::fromLatin1(trimmed), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
    if (!date.isValid())
        return std::nullopt;
    date.setTimeSpec(Qt::UTC);
    const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(date);
    return int(std::clamp<qint64>(ms, 0, 3600 * 1000));
}

} // namespace core
