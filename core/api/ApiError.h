// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace core {

/// What went wrong with one API call, in kinds the UI can word well (DESIGN.md "Core client
/// rules"; status mapping of reference/CLIENT-SEMANTICS.md §3).
struct ApiError
{
    enum class Kind {
        None,
        InvalidRequest, ///< refused before sending (bad input); nothing went over the wire
        BadRequest, ///< HTTP 400: the server's message says what is wrong
        Unauthorized, ///< HTTP 401: missing or wrong token
        Quota, ///< HTTP 402
        Timeout, ///< HTTP 408, or no data for the transfer timeout
        TooManyRequests, ///< HTTP 429 after the retries
        Busy, ///< HTTP 503 after the retries
        Http, ///< any other HTTP status ≥ 400
        Network, ///< connection refused, reset, host not found, proxy failure...
        Tls, ///< certificate or handshake failure
        Interrupted, ///< a stream ended before its final event; what arrived is kept
        MalformedResponse, ///< the body is not what the API documents
    };

    Kind kind = Kind::None;
    int httpStatus = 0; ///< 0 when no HTTP answer arrived
    QString message; ///< the server's message, or a description of the failure
    QString code; ///< the server's machine code, e.g. "MISSING_CAPABILITY"
    std::optional<int> retryAfterMs; ///< from a `Retry-After` header

    bool isError() const { return kind != Kind::None; }
    /// 408, 429, 500, 502, 503, 504, connection failures and transfer timeouts.
    bool retryable() const;
    /// One line for logs and the command line: "HTTP 400 (bad request): <message>".
    QString toString() const;
    static QString kindName(Kind kind);

    /// Maps an HTTP error status and its body. The message is taken from the JSON fields
    /// "error" (string or {message}), "message" or "detail", else from the raw text.
    static ApiError fromHttp(int status, const QByteArray &body, const QByteArray &retryAfter = {});
    /// Parses a `Retry-After` header: delta-seconds or an HTTP date. Returns milliseconds.
    static std::optional<int> parseRetryAfter(const QByteArray &header);
    static ApiError make(Kind kind, const QString &message);
    /// `message` with the credentials of an `Authorization` header value (`Bearer <token>`)
    /// replaced by "[redacted]": the whole header value always, and the bare token where it is
    /// long enough (16 characters or more) not to be an ordinary word. Applied where an error is
    /// made from what a server sent, so that a server echoing the header cannot carry the token
    /// into the history, a log or an export.
    static QString withoutCredentials(QString message, const QByteArray &authorization);
};

} // namespace core
