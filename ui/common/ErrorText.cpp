// SPDX-License-Identifier: MIT
#include "ui/common/ErrorText.h"

#include <QCoreApplication>

namespace ui {

static QString tr(const char *text)
{
    return QCoreApplication::translate("ErrorText", text);
}

QString errorText(const core::ApiError &error)
{
    using Kind = core::ApiError::Kind;
    QString head;
    switch (error.kind) {
    case Kind::None:
        return {};
    case Kind::InvalidRequest:
        head = tr("The request is not valid");
        break;
    case Kind::BadRequest:
        head = tr("The server refused the request");
        break;
    case Kind::Unauthorized:
        head = tr("The token was refused (HTTP 401). Check it in Profiles… (or AA_TOKEN / --token)");
        break;
    case Kind::Quota:
        head = tr("Your quota is used up");
        break;
    case Kind::Timeout:
        head = tr("The request timed out");
        break;
    case Kind::TooManyRequests:
        head = tr("Too many requests; the server asked us to slow down");
        break;
    case Kind::Busy:
        head = tr("The service is busy; try again in a moment");
        break;
    case Kind::Http:
        head = tr("The server answered with an error");
        break;
    case Kind::Network:
        head = tr("Could not reach the server");
        break;
    case Kind::Tls:
        head = tr("The secure connection failed");
        break;
    case Kind::Interrupted:
        head = tr("The answer was cut off; the partial text is kept");
        break;
    case Kind::MalformedResponse:
        head = tr("The server's answer could not be read");
        break;
    }
    if (error.httpStatus > 0)
        head += QStringLiteral(" (HTTP %1)").arg(error.httpStatus);
    if (!error.message.isEmpty())
        head += QStringLiteral(": ") + error.message;
    return head;
}

QString retryingText(int retry, int totalRetries, int delayMs, const core::ApiError &error)
{
    return QCoreApplication::translate("ErrorText", "%1 — retrying %2/%3 in %4 s…")
        .arg(errorText(error))
        .arg(retry)
        .arg(totalRetries)
        .arg(delayMs / 1000.0, 0, 'f', 1);
}

} // namespace ui
