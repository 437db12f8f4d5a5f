// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace sandbox {

/// What the sandbox answers to one request, before HTTP framing (SandboxServer frames it).
struct Reply
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body; ///< a whole body; empty for a stream
    bool stream = false; ///< text/event-stream: `events`, each sent as `data: <json>\n\n`
    QList<QByteArray> events; ///< compact JSON of each event
    bool doneMarker = false; ///< chat streams end with `data: [DONE]`

    /// `{"error": message, "code": code}` with `status`: the real API's error shape
    /// (cassettes/test_chat/test_can_not_chat_with_all_models).
    static Reply error(int status, const QString &message, const QString &code);
    static Reply json(const QJsonValue &value, int status = 200);
    static Reply text(const QByteArray &text);
};

/// 400 with code INVALID_REQUEST: a request the API refuses. `message` names the endpoint and the
/// field (`complete: field "n": ...`), as core's fromJson() and validate() do.
Reply badRequest(const QString &message);

/// 400 with code MISSING_CAPABILITY, in the real API's words around `what` ("This model does not
/// support completions."): the model exists but cannot do what the request asks.
Reply missingCapability(const QString &what);

/// The JSON text of `value` without white space: an array as an array, anything else as an object
/// (a non-object value gives `{}`). The bytes of every reply body and of every streamed event.
QByteArray compact(const QJsonValue &value);

} // namespace sandbox
