// SPDX-License-Identifier: MIT
#include "ui/common/ErrorText.h"

#include "core/storage/HistoryStore.h"

#include <QCoreApplication>

namespace ui {

QString errorText(const core::ApiError &error)
{
    using Kind = core::ApiError::Kind;
    QString head;
    switch (error.kind) {
    case Kind::None:
        return {};
    case Kind::InvalidRequest:
        head = QCoreApplication::translate("ErrorText", "The request is not valid");
        break;
    case Kind::BadRequest:
        head = QCoreApplication::translate("ErrorText", "The server refused the request");
        break;
    case Kind::Unauthorized:
        head = QCoreApplication::translate("ErrorText",
            "The token was refused (HTTP 401). Check it in Profiles… (or AA_TOKEN / --token)");
        break;
    case Kind::Quota:
        head = QCoreApplication::translate("ErrorText", "Your quota is used up");
        break;
    case Kind::Timeout:
        head = QCoreApplication::translate("ErrorText", "The request timed out");
        break;
    case Kind::TooManyRequests:
        head = QCoreApplication::translate(
            "ErrorText", "Too many requests; the server asked us to slow down");
        break;
    case Kind::Busy:
        head = QCoreApplication::translate(
            "ErrorText", "The service is busy; try again in a moment");
        break;
    case Kind::Http:
        head = QCoreApplication::translate("ErrorText", "The server answered with an error");
        break;
    case Kind::Network:
        head = QCoreApplication::translate("ErrorText", "Could not reach the server");
        break;
    case Kind::Tls:
        head = QCoreApplication::translate("ErrorText", "The secure connection failed");
        break;
    case Kind::Interrupted:
        head = QCoreApplication::translate(
            "ErrorText", "The answer was cut off; the partial text is kept");
        break;
    case Kind::MalformedResponse:
        head = QCoreApplication::translate("ErrorText", "The server's answer could not be read");
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
    return QCoreApplication::translate("ErrorText", "%1 — retrying %2/%3 in %L4 s…")
        .arg(errorText(error))
        .arg(retry)
        .arg(totalRetries)
        .arg(delayMs / 1000.0, 0, 'f', 1);
}

QString runStatusText(core::RunStatus status)
{
    switch (status) {
    case core::RunStatus::Running:
        return QCoreApplication::translate("ErrorText", "running");
    case core::RunStatus::Succeeded:
        return QCoreApplication::translate("ErrorText", "succeeded");
    case core::RunStatus::Failed:
        return QCoreApplication::translate("ErrorText", "failed");
    case core::RunStatus::Canceled:
        return QCoreApplication::translate("ErrorText", "canceled");
    case core::RunStatus::Interrupted:
        return QCoreApplication::translate("ErrorText", "interrupted");
    }
    return core::runStatusName(status);
}

} // namespace ui
