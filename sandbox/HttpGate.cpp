// SPDX-License-Identifier: MIT
#include "sandbox/HttpGate.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSslSocket>
#include <QTcpSocket>

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace sandbox {

namespace {

/// Bytes a socket may read beyond what the current phase needs: the start of a pipelined request.
constexpr qint64 kReadSlack = 64 << 10;
/// Qt's header parser gives up (and the request then has no headers at all) above 100 KiB for one
/// field; the front's head limit stays below that, whatever the options say.
constexpr int kHeadLimitCeiling = 96 << 10;
/// A refused request's body is read and thrown away up to this size, so that a client that sends
/// its whole body before it reads the answer (most do) still sees the answer; a larger body is
/// not read at all: the connection closes once the answer is out.
constexpr qint64 kDrainLimit = 1 << 20;

bool isTchar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || (c != 0 && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr);
}

bool isLeadingSpace(char c)
{
    // what QHttpServerRequestPrivate::readRequestLine skips before a request line
    return c == '\v' || c == '\n' || c == '\r' || c == ' ' || c == '\t';
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 408:
        return "Request Timeout";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 431:
        return "Request Header Fields Too Large";
    case 503:
        return "Service Unavailable";
    default:
        return "Error";
    }
}

/// A whole HTTP/1.1 answer that closes the connection: the API's error shape.
QByteArray closingAnswer(const Refusal &refusal, const QByteArray &extraHeaders = {})
{
    const QByteArray body
        = QJsonDocument(QJsonObject{{u"error"_s, refusal.message}, {u"code"_s, refusal.code}})
              .toJson(QJsonDocument::Compact);
    return "HTTP/1.1 " + QByteArray::number(refusal.status) + ' ' + reasonPhrase(refusal.status)
        + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: close\r\n" + extraHeaders + "\r\n" + body;
}

/// Caps what the socket reads ahead into its buffer (0: no cap). Set off and on again so the
/// socket's read notifications are on whenever there is room: Qt turns them off when the buffer is
/// full and does not turn them on again when a transaction is committed.
void setReadLimit(QTcpSocket *socket, qint64 bytes)
{
    socket->setReadBufferSize(0);
    socket->setReadBufferSize(bytes);
}

Refusal malformed(const QString &what)
{
    return Refusal{400, u"malformed request: %1"_s.arg(what), u"BAD_REQUEST"_s};
}

} // namespace

QByteArray RequestHead::header(QByteArrayView name) const
{
    QByteArray value;
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            value = h.second;
    return value;
}

HeadParse parseRequestHead(
    const QByteArray &data, const HttpLimits &limits, RequestHead *head, Refusal *refusal)
{
    const qsizetype limit = std::min(limits.maxHeaderBytes, kHeadLimitCeiling);
    const qsizetype n = data.size();
    qsizetype start = 0;
    while (start < n && isLeadingSpace(data.at(start)))
        ++start;
    // The head ends at the first "\n\n" or "\n\r\n" (Qt accepts LF alone as well as CRLF).
    qsizetype end = -1;
    for (qsizetype i = data.indexOf('\n', start); i >= 0 && i + 1 < n;
         i = data.indexOf('\n', i + 1)) {
        if (data.at(i + 1) == '\n') {
            end = i + 2;
            break;
        }
        if (data.at(i + 1) == '\r') {
            if (i + 2 >= n)
                break; // "\n\r" at the very end: wait for the next byte
            if (data.at(i + 2) == '\n') {
                end = i + 3;
                break;
            }
        }
    }
    if (end < 0 || end > limit) {
        if (end < 0 && n <= limit)
            return HeadParse::Incomplete;
        *refusal = Refusal{431,
            u"the request line and headers are larger than %1 bytes"_s.arg(limit),
            u"HEADERS_TOO_LARGE"_s};
        return HeadParse::Refused;
    }

    QList<QByteArrayView> lines;
    {
        const QByteArrayView view(data.constData() + start, end - start);
        qsizetype from = 0;
        while (from < view.size()) {
            const qsizetype nl = view.indexOf('\n', from);
            QByteArrayView line = view.sliced(from, nl - from);
            if (line.endsWith('\r'))
                line.chop(1);
            lines.append(line);
            from = nl + 1;
        }
    }
    // lines: the request line, the header lines, the empty line
    if (lines.size() < 2 || !lines.constLast().isEmpty()) {
        *refusal = malformed(u"no request line"_s);
        return HeadParse::Refused;
    }
    if (lines.size() - 2 > limits.maxHeaderFields) {
        *refusal = Refusal{431,
            u"more than %1 header fields"_s.arg(limits.maxHeaderFields),
            u"HEADERS_TOO_LARGE"_s};
        return HeadParse::Refused;
    }

    // Request-Line = Method SP Request-URI SP HTTP-Version, one space each.
    const QByteArrayView requestLine = lines.constFirst();
    const QList<QByteArray> parts = requestLine.toByteArray().split(' ');
    if (parts.size() != 3 || parts.at(0).isEmpty()
        || !std::all_of(parts.at(0).cbegin(), parts.at(0).cend(), isTchar) || parts.at(1).isEmpty()
        || (parts.at(2) != "HTTP/1.1" && parts.at(2) != "HTTP/1.0")) {
        *refusal = malformed(u"the request line is not \"METHOD target HTTP/1.1\""_s);
        return HeadParse::Refused;
    }
    RequestHead out;
    out.method = parts.at(0);
    out.target = parts.at(1);
    out.size = end;
    int contentLengths = 0;
    for (qsizetype i = 1; i + 1 < lines.size(); ++i) {
        const QByteArrayView line = lines.at(i);
        if (line.startsWith(' ') || line.startsWith('\t')) {
            *refusal = malformed(u"a folded header line"_s);
            return HeadParse::Refused;
        }
        const qsizetype colon = line.indexOf(':');
        const QByteArrayView name = colon > 0 ? line.first(colon) : QByteArrayView();
        if (name.isEmpty() || !std::all_of(name.cbegin(), name.cend(), isTchar)) {
            *refusal = malformed(u"header line %1 is not \"Name: value\""_s.arg(i));
            return HeadParse::Refused;
        }
        const QByteArray value = line.sliced(colon + 1).trimmed().toByteArray();
        if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
            bool ok = !value.isEmpty() && value.size() <= 18
                && std::all_of(
                    value.cbegin(), value.cend(), [](char c) { return c >= '0' && c <= '9'; });
            if (!ok || ++contentLengths > 1) {
                *refusal = malformed(u"Content-Length must be given once, as a number"_s);
                return HeadParse::Refused;
            }
            out.contentLength = value.toLongLong(&ok);
        } else if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
            out.transferEncoding = true;
        }
        out.headers.append({name.toByteArray(), value});
    }
    *head = std::move(out);
    return HeadParse::Complete;
}

// ---- ConnectionGate ----

ConnectionGate::ConnectionGate(
    QTcpSocket *socket, QObject *httpServer, const HttpLimits &limits, HeadPolicy policy)
    : QObject(socket)
    , m_socket(socket)
    , m_httpServer(httpServer)
    , m_limits(limits)
    , m_policy(std::move(policy))
{
    setReadLimit(m_socket, std::min(m_limits.maxHeaderBytes, kHeadLimitCeiling) + kReadSlack);
    connect(m_socket, &QIODevice::readyRead, this, &ConnectionGate::onReadyRead);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionGate::onTimeout);
    // A new connection has headerTimeoutMs for its first head (a TLS handshake included).
    m_timer.start(m_limits.headerTimeoutMs);
    m_headTimerArmed = true;
}

ConnectionGate::~ConnectionGate() = default;

ConnectionGate *ConnectionGate::of(QTcpSocket *socket)
{
    return socket ? socket->findChild<ConnectionGate *>(QString(), Qt::FindDirectChildrenOnly)
                  : nullptr;
}

void ConnectionGate::onReadyRead()
{
    switch (m_phase) {
    case Phase::Head:
        holdBack();
        process(true);
        return;
    case Phase::Answering:
        holdBack(); // the next request waits for this answer
        return;
    case Phase::Body:
        m_timer.start(
            m_limits.headerTimeoutMs); // the body is still coming: no timeout while it moves
        return;
    case Phase::Closing:
        if (const qint64 available = m_socket->bytesAvailable(); available > 0) {
            m_socket->skip(available);
            m_drainLeft -= available;
        }
        if (m_drainLeft <= 0 && m_socket->state() == QAbstractSocket::ConnectedState)
            m_socket->disconnectFromHost();
        return;
    }
}

void ConnectionGate::holdBack()
{
    // Read inside a transaction: the bytes stay in the socket's buffer for the server, which reads
    // nothing while the transaction is ours (rollbackTransaction() gives them back).
    if (!m_socket->isTransactionStarted())
        m_socket->startTransaction();
    m_head += m_socket->readAll();
}

void ConnectionGate::process(bool inReadyRead)
{
    RequestHead head;
    Refusal refusal;
    switch (parseRequestHead(m_head, m_limits, &head, &refusal)) {
    case HeadParse::Incomplete:
        if (!m_headTimerArmed
            && !m_head.isEmpty()) { // a keep-alive connection's next head has begun
            m_timer.start(m_limits.headerTimeoutMs);
            m_headTimerArmed = true;
        }
        return;
    case HeadParse::Refused:
        refuse(refusal, -1);
        return;
    case HeadParse::Complete:
        break;
    }
    const qint64 bodyReceived = m_head.size() - head.size;
    // A client that waits for "100 Continue" sends no body after a refusal.
    const bool waitsToSend
        = head.header("expect").compare("100-continue", Qt::CaseInsensitive) == 0;
    const qint64 bodyStillExpected
        = waitsToSend ? 0 : std::max<qint64>(0, head.contentLength - bodyReceived);
    if (std::optional<Refusal> policy
        = m_policy ? m_policy(head) : std::nullopt) { // the token, before the body
        refuse(*policy, bodyStillExpected);
        return;
    }
    if (head.transferEncoding) {
        refuse(Refusal{411,
                   u"send the body with a Content-Length; Transfer-Encoding is not supported"_s,
                   u"LENGTH_REQUIRED"_s},
            -1);
        return;
    }
    if (head.contentLength > m_limits.maxBodyBytes) {
        refuse(Refusal{413,
                   u"the body has %1 bytes; at most %2 bytes are accepted"_s.arg(head.contentLength)
                       .arg(m_limits.maxBodyBytes),
                   u"PAYLOAD_TOO_LARGE"_s},
            bodyStillExpected);
        return;
    }
    // Let it through: the server reads the request from its first byte.
    m_phase = Phase::Body;
    m_expectedBody = head.contentLength;
    m_head.clear();
    m_socket->rollbackTransaction();
    setReadLimit(m_socket, head.size + head.contentLength + kReadSlack);
    m_timer.start(m_limits.headerTimeoutMs);
    if (!inReadyRead) {
        // The bytes are already buffered: no readyRead would come for them.
        QTimer::singleShot(0, this, [this] {
            if (m_phase == Phase::Body)
                Q_EMIT m_socket->readyRead();
        });
    }
    // Inside readyRead the server's slot runs right after this one and reads the request.
}

void ConnectionGate::refuse(const Refusal &refusal, qint64 bodyStillExpected)
{
    Q_EMIT refused();
    m_phase = Phase::Closing;
    m_head.clear();
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction(); // what was read is consumed: discarded
    // The server never reads from this connection again.
    if (m_httpServer)
        QObject::disconnect(m_socket, &QIODevice::readyRead, m_httpServer.data(), nullptr);
    setReadLimit(m_socket, kReadSlack);
    m_socket->write(closingAnswer(refusal));
    m_timer.start(m_limits.headerTimeoutMs); // however the client behaves, the connection ends
    if (bodyStillExpected >= 0 && bodyStillExpected <= kDrainLimit) {
        m_drainLeft = bodyStillExpected;
        onReadyRead(); // whatever is already there
    } else {
        m_socket->disconnectFromHost(); // after the answer is written; the rest is never read
    }
}

void ConnectionGate::onTimeout()
{
    // A head or body that does not come, an idle keep-alive connection, or a refused client that
    // does not go away. An answer in progress has no timeout (the timer is off while answering).
    m_socket->abort();
}

bool ConnectionGate::requestParsed(qint64 bodySize)
{
    if (m_phase != Phase::Body || bodySize != m_expectedBody)
        return false;
    m_phase = Phase::Answering;
    m_timer.stop();
    setReadLimit(m_socket, std::min(m_limits.maxHeaderBytes, kHeadLimitCeiling) + kReadSlack);
    return true;
}

void ConnectionGate::answered()
{
    if (m_phase != Phase::Answering || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    m_phase = Phase::Head;
    if (m_socket->bytesAvailable() > 0)
        holdBack(); // a request that came with the previous one
    if (m_head.isEmpty()) {
        m_timer.start(m_limits.idleTimeoutMs);
        m_headTimerArmed = false;
        return;
    }
    m_timer.start(m_limits.headerTimeoutMs);
    m_headTimerArmed = true;
    process(false);
}

// ---- HttpListener ----

HttpListener::HttpListener(const HttpLimits &limits,
    std::optional<QSslConfiguration> tls,
    HeadPolicy policy,
    QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
    , m_tls(std::move(tls))
    , m_policy(std::move(policy))
{
    // QTcpServer pauses itself when accept() fails for another reason than a temporary one (no
    // file descriptors left: EMFILE, ENFILE; no memory): retry a little later, or it never
    // accepts again.
    m_resume.setSingleShot(true);
    connect(&m_resume, &QTimer::timeout, this, &QTcpServer::resumeAccepting);
    connect(this, &QTcpServer::acceptError, this, [this](QAbstractSocket::SocketError error) {
        if (!m_resume.isActive()) {
            qWarning(
                "aleph-sandbox: cannot accept a connection (%s, error %d); trying again in %d ms",
                qPrintable(errorString()),
                int(error),
                m_limits.acceptRetryMs);
            m_resume.start(m_limits.acceptRetryMs);
        }
    });
}

void HttpListener::incomingConnection(qintptr descriptor)
{
    QTcpSocket *socket = m_tls ? new QSslSocket(this) : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    if (m_open >= m_limits.maxConnections) {
        // Full: answered and closed at once, never handed to the HTTP server.
        if (!m_warnedFull) {
            qWarning("aleph-sandbox: %d connections are open; closing new ones until some close",
                m_open);
            m_warnedFull = true;
        }
        connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        if (!m_tls)
            socket->write(closingAnswer(
                Refusal{503, u"too many open connections; try again later"_s, u"BUSY"_s},
                "Retry-After: 1\r\n"));
        socket->disconnectFromHost();
        if (socket->state() == QAbstractSocket::UnconnectedState)
            socket->deleteLater();
        else
            QTimer::singleShot(m_limits.headerTimeoutMs, socket, [socket] {
                socket->abort();
                socket->deleteLater();
            });
        return;
    }
    ++m_open;
    m_warnedFull = false;
    auto *gate = new ConnectionGate(socket, m_httpServer.data(), m_limits, m_policy);
    connect(gate, &QObject::destroyed, this, [this] { --m_open; });
    connect(gate, &ConnectionGate::refused, this, &HttpListener::refused);
    if (m_tls) {
        auto *ssl = static_cast<QSslSocket *>(socket);
        ssl->setSslConfiguration(*m_tls);
        ssl->startServerEncryption();
    }
    // The HTTP server takes it now (pendingConnectionAvailable) and connects its own readyRead
    // slot, after the gate's.
    addPendingConnection(socket);
}

} // namespace sandbox
