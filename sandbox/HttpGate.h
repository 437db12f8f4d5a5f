// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSslConfiguration>
#include <QString>
#include <QTcpServer>
#include <QTimer>

#include <functional>
#include <optional>

class QTcpSocket;

namespace sandbox {

/// The limits of the sandbox's HTTP front (SandboxOptions has the defaults).
struct HttpLimits
{
    int maxConnections = 256; ///< open connections; more are answered 503 and closed at once
    qint64 maxBodyBytes = 32 << 20; ///< a larger Content-Length gets 413 before any of it is read
    int maxHeaderBytes = 64 << 10; ///< request line and headers; more gets 431
    int maxHeaderFields = 100; ///< header lines; more gets 431 (Qt's own parser stops at 100)
    int headerTimeoutMs = 10'000; ///< a request head (or a body) not complete by then: closed
    int idleTimeoutMs = 60'000; ///< a keep-alive connection with no new request by then: closed
    int acceptRetryMs = 250; ///< after an accept error (no file descriptors left)
};

/// The head of one request as the front reads it: what the front needs to decide before the HTTP
/// server reads the body.
struct RequestHead
{
    QByteArray method;
    QByteArray target; ///< the request target as sent
    QList<QPair<QByteArray, QByteArray>> headers; ///< names as sent, values trimmed
    qint64 contentLength = 0;
    bool transferEncoding = false; ///< any Transfer-Encoding header
    qsizetype size = 0; ///< bytes up to and including the empty line

    /// The last value of a header (name compared case-insensitively); empty when absent.
    QByteArray header(QByteArrayView name) const;
};

/// An answer the front gives instead of letting the request through: `{"error", "code"}` with
/// `status`, then the connection closes.
struct Refusal
{
    int status = 400;
    QString message;
    QString code;
};

enum class HeadParse {
    Incomplete, ///< no end of the head yet, within the limit
    Complete,
    Refused, ///< too large (431) or malformed (400): `refusal` says which
};

/// Reads the head at the start of `data` (after the blank lines Qt's parser skips) the way Qt
/// HttpServer 6.4 will read it, but strictly: whatever Qt would read differently (an obsolete
/// folded line, a malformed or repeated Content-Length, a header name that is not a token) is
/// refused, so the front and the server always agree on where a request ends.
HeadParse parseRequestHead(
    const QByteArray &data, const HttpLimits &limits, RequestHead *head, Refusal *refusal);

/// Decides on a complete, well-formed head: nullopt lets the request through.
using HeadPolicy = std::function<std::optional<Refusal>(const RequestHead &)>;

/// Stands in front of Qt HttpServer on one connection. QAbstractHttpServer (6.4) reads a whole
/// request, body included and without limits, before handleRequest() sees it, and reads every
/// following request on the connection the same way. The gate's readyRead slot is connected
/// before the server's, so it runs first: while no request is let through it reads the incoming
/// bytes itself inside a QIODevice transaction (the server's parser then finds nothing to read),
/// with the socket's read buffer capped. When the head is complete and acceptable it rolls the
/// transaction back and the server parses the request from its first byte; otherwise it answers
/// (400, 401, 411, 413, 431) and closes without reading the body. One request at a time: the next
/// request's head is held back until the answer to the current one is written (answered()), so
/// answers computed off the event loop still go out in order.
///
/// It also closes a connection whose head (or body) is not complete within headerTimeoutMs and a
/// keep-alive connection idle for idleTimeoutMs. It is a child of its socket.
class ConnectionGate : public QObject
{
    Q_OBJECT
public:
    ConnectionGate(
        QTcpSocket *socket, QObject *httpServer, const HttpLimits &limits, HeadPolicy policy);
    ~ConnectionGate() override;

    /// The gate of `socket`; nullptr for a socket that has none.
    static ConnectionGate *of(QTcpSocket *socket);

    /// The HTTP server handed over a whole request (from handleRequest()). False when it is not
    /// the request the gate let through (another body size): the caller must close the connection.
    bool requestParsed(qint64 bodySize);
    /// The answer to the current request is written: the next request's head may come through.
    void answered();

Q_SIGNALS:
    /// The gate answered a request itself (401, 413...).
    void refused();

private:
    enum class Phase {
        Head, ///< reading a request head (held back from the server)
        Body, ///< let through: the server reads the request
        Answering, ///< the server has the request; its answer is not written yet
        Closing, ///< refused: what still comes is discarded until the connection closes
    };

    void onReadyRead();
    void holdBack();
    void process(bool inReadyRead);
    void refuse(const Refusal &refusal, qint64 bodyStillExpected);
    void onTimeout();

    QTcpSocket *m_socket;
    QPointer<QObject> m_httpServer;
    HttpLimits m_limits;
    HeadPolicy m_policy;
    Phase m_phase = Phase::Head;
    QByteArray m_head; ///< bytes held back in Head and Answering
    bool m_headTimerArmed = false;
    qint64 m_expectedBody = 0;
    qint64 m_drainLeft = 0;
    QTimer m_timer;
};

/// The sandbox's listening socket: every connection gets a ConnectionGate before Qt HttpServer
/// sees it, connections beyond the cap are answered 503 and closed at once, and accepting resumes
/// after an accept error (QTcpServer pauses itself when accept() fails, e.g. when the process has
/// no file descriptors left, and would otherwise never accept again). With a TLS configuration
/// each connection is a QSslSocket.
class HttpListener : public QTcpServer
{
    Q_OBJECT
public:
    HttpListener(const HttpLimits &limits,
        std::optional<QSslConfiguration> tls,
        HeadPolicy policy,
        QObject *parent = nullptr);

    /// Connections open now (each with its gate).
    int openConnections() const { return m_open; }
    /// The object whose readyRead connections on each socket a gate cuts when it refuses a
    /// request: the QAbstractHttpServer this listener is bound to.
    void setHttpServer(QObject *server) { m_httpServer = server; }

Q_SIGNALS:
    /// A gate answered a request itself.
    void refused();

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    HttpLimits m_limits;
    std::optional<QSslConfiguration> m_tls;
    HeadPolicy m_policy;
    QPointer<QObject> m_httpServer;
    int m_open = 0;
    bool m_warnedFull = false;
    QTimer m_resume;
};

} // namespace sandbox
