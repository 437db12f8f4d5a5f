// SPDX-License-Identifier: MIT
#include "sandbox/SandboxServer.h"

#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpSocket>
#include <QElapsedTimer>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace sandbox {

namespace {

/// How a reply goes out: after a delay, cut after some events, or broken.
struct Delivery
{
    int delayMs = 0;
    int cutAfterEvents = -1;
    bool malformed = false;
    QList<QPair<QByteArray, QByteArray>> headers;
};

/// One response in flight. Owns the responder (a move-only handle on the connection) until the
/// answer is written or the connection goes away; deletes itself afterwards.
class Exchange : public QObject
{
public:
    Exchange(QHttpServerResponder &&responder, QTcpSocket *socket, Reply reply, Delivery delivery,
             double tokensPerSecond, QObject *parent)
        : QObject(parent)
        , m_responder(std::move(responder))
        , m_socket(socket)
        , m_reply(std::move(reply))
        , m_delivery(std::move(delivery))
        , m_periodMs(tokensPerSecond > 0 ? 1000.0 / tokensPerSecond : 0.0)
    {
        // The connection closing (a client's cancel) ends the exchange.
        connect(socket, &QObject::destroyed, this, &QObject::deleteLater);
        connect(socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
        // Answers go out at once, not held back by Nagle's algorithm while the client delays its ACK
        // (40 ms on Linux): small streamed events and the last piece of a body would each wait.
        if (socket)
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_timer.setSingleShot(false);
        connect(&m_timer, &QTimer::timeout, this, &Exchange::writeNextEvent);
    }

    void start()
    {
        if (m_delivery.delayMs > 0)
            QTimer::singleShot(m_delivery.delayMs, this, &Exchange::send);
        else
            send();
    }

private:
    bool open() const { return m_socket && m_socket->state() == QAbstractSocket::ConnectedState; }

    void send()
    {
        if (!open()) {
            deleteLater();
            return;
        }
        if (m_reply.stream && m_reply.status == 200) {
            beginStream();
            return;
        }
        QByteArray body = m_reply.body;
        if (m_delivery.malformed)
            body = body.left(std::max<qsizetype>(1, body.size() / 2)); // a JSON text cut in half
        m_responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(m_reply.status));
        m_responder.writeHeader("Content-Type", m_reply.contentType);
        m_responder.writeHeader("Content-Length", QByteArray::number(body.size()));
        for (const auto &header : std::as_const(m_delivery.headers))
            m_responder.writeHeader(header.first, header.second);
        if (m_delivery.cutAfterEvents >= 0) { // a body that stops half way
            m_responder.writeBody(body.left(body.size() / 2));
            m_socket->disconnectFromHost(); // after the bytes written so far: the body ends early
        } else {
            m_responder.writeBody(body);
        }
        deleteLater();
    }

    void beginStream()
    {
        m_events = m_reply.events;
        if (m_reply.doneMarker)
            m_events.append("[DONE]");
        if (m_delivery.malformed && !m_events.isEmpty())
            m_events[m_events.size() / 2] = R"({"type":"stream_chunk","completion":)"; // broken JSON
        m_responder.writeStatusLine(QHttpServerResponder::StatusCode::Ok);
        m_responder.writeHeader("Content-Type", "text/event-stream");
        m_responder.writeHeader("Cache-Control", "no-cache");
        m_responder.writeHeader("Transfer-Encoding", "chunked");
        m_clock.start();
        writeNextEvent();
        // Paced: event i is due at i × period; a timer of at least 1 ms writes every event due
        // (several per tick above 1,000 events/s), so high rates keep their average pace.
        if (m_next < m_events.size() && open()) {
            m_timer.setTimerType(Qt::PreciseTimer);
            m_timer.start(std::max(1, int(m_periodMs)));
        }
    }

    void writeNextEvent()
    {
        if (!open()) {
            deleteLater();
            return;
        }
        // Without pacing everything goes at once; with pacing every event that is due.
        do {
            if (m_delivery.cutAfterEvents >= 0 && m_next >= m_delivery.cutAfterEvents) {
                m_socket->disconnectFromHost(); // no terminating chunk: the client sees a cut stream
                m_timer.stop();
                deleteLater();
                return;
            }
            if (m_next >= m_events.size()) {
                m_responder.writeBody(QByteArray("0\r\n\r\n"));
                m_timer.stop();
                deleteLater();
                return;
            }
            const QByteArray event = "data: " + m_events.at(m_next++) + "\n\n";
            m_responder.writeBody(QByteArray::number(event.size(), 16) + "\r\n" + event + "\r\n");
        } while (m_periodMs == 0 || m_next * m_periodMs <= double(m_clock.nsecsElapsed()) / 1e6);
    }

    QHttpServerResponder m_responder;
    QPointer<QTcpSocket> m_socket;
    Reply m_reply;
    Delivery m_delivery;
    double m_periodMs = 0; // 0: no pacing
    QElapsedTimer m_clock;
    QTimer m_timer;
    QList<QByteArray> m_events;
    qsizetype m_next = 0;
};

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    default:
        return "OTHER";
    }
}

} // namespace

SandboxServer::SandboxServer(SandboxOptions options, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_options(std::move(options))
    , m_faults(m_options.faults, m_options.faultSeed)
{
    if (!m_options.stateFile.isEmpty())
        m_api.setStateFile(m_options.stateFile);
}

SandboxServer::~SandboxServer() = default;

bool SandboxServer::start(const QHostAddress &address, quint16 port, QString *error)
{
    const bool tls = !m_options.tlsCertificateFile.isEmpty() || !m_options.tlsKeyFile.isEmpty();
    if (tls) {
        if (m_options.tlsCertificateFile.isEmpty() || m_options.tlsKeyFile.isEmpty()) {
            *error = u"HTTPS needs both --tls-cert and --tls-key"_s;
            return false;
        }
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(m_options.tlsCertificateFile, QSsl::Pem);
        if (certificates.isEmpty()) {
            *error = u"%1 holds no PEM certificate"_s.arg(m_options.tlsCertificateFile);
            return false;
        }
        QFile keyFile(m_options.tlsKeyFile);
        if (!keyFile.open(QIODevice::ReadOnly)) {
            *error = u"cannot read %1: %2"_s.arg(m_options.tlsKeyFile, keyFile.errorString());
            return false;
        }
        const QByteArray pem = keyFile.readAll();
        QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
        if (key.isNull()) {
            *error = u"%1 holds no unencrypted PEM RSA or EC key"_s.arg(m_options.tlsKeyFile);
            return false;
        }
        sslSetup(certificates.first(), key);
    }
    const quint16 bound = listen(address, port);
    if (bound == 0) {
        *error = u"cannot listen on %1 port %2"_s.arg(address.toString()).arg(port);
        return false;
    }
    QUrl url;
    url.setScheme(tls ? u"https"_s : u"http"_s);
    QHostAddress host = address;
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4)
        host = QHostAddress::LocalHost;
    else if (address == QHostAddress::AnyIPv6)
        host = QHostAddress::LocalHostIPv6;
    url.setHost(host.toString());
    url.setPort(bound);
    url.setPath(u"/v1"_s);
    m_baseUrl = url;
    return true;
}

bool SandboxServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ++m_requests;
    const QByteArray method = methodName(request.method());
    const QString path = request.url().path();
    QByteArray authorization;
    QByteArray faultHeader;
    QByteArray workspace;
    for (const auto &header : request.headers()) {
        const QByteArray name = header.first.toLower();
        if (name == "authorization")
            authorization = header.second.trimmed();
        else if (name == "x-sandbox-fault")
            faultHeader = header.second.trimmed();
        else if (name == "x-gradient-workspace-id")
            workspace = header.second.trimmed();
    }
    const QByteArray body = request.body();
    QHttpServerResponder responder = makeResponder(request, socket);

    QString endpoint;
    QString gradientSlug;
    bool gradient = false;
    if (path.startsWith(u"/v1/"_s)) {
        endpoint = path.mid(4);
    } else if (path.startsWith(u"/gradient/api/embeddings/"_s)) {
        gradient = true;
        gradientSlug = path.mid(int(qstrlen("/gradient/api/embeddings/")));
    }

    Reply reply;
    Delivery delivery;
    bool answered = false;
    if (!gradient && endpoint.isEmpty()) {
        reply = Reply::error(404, u"no endpoint %1; the API is under /v1 and Gradient under /gradient/api"_s.arg(path), u"NOT_FOUND"_s);
        answered = true;
    } else if (endpoint != u"version"_s && authorization != "Bearer " + m_options.token.toUtf8()) {
        reply = Reply::error(401,
                             authorization.isEmpty() ? u"no token: send Authorization: Bearer <token>"_s
                                                     : u"the token is not valid for this server"_s,
                             u"UNAUTHENTICATED"_s);
        answered = true;
    }
    if (!answered) {
        QString error;
        const std::optional<QList<Fault>> faults = m_faults.faultsFor(method + ' ' + path.toUtf8() + '\n' + body, faultHeader, &error);
        if (!faults) {
            reply = Reply::error(400, error, u"INVALID_FAULT"_s);
            answered = true;
        } else {
            for (const Fault &fault : *faults) {
                switch (fault.kind) {
                case Fault::Kind::Busy:
                    reply = Reply::error(503, u"The server is busy (injected by the sandbox); try again later."_s, u"BUSY"_s);
                    answered = true;
                    break;
                case Fault::Kind::Quota:
                    reply = Reply::error(402, u"Your quota is used up (injected by the sandbox)."_s, u"QUOTA_EXCEEDED"_s);
                    answered = true;
                    break;
                case Fault::Kind::RateLimit:
                    reply = Reply::error(429, u"Too many requests (injected by the sandbox)."_s, u"TOO_MANY_REQUESTS"_s);
                    delivery.headers.append({"Retry-After", QByteArray::number(fault.value)});
                    answered = true;
                    break;
                case Fault::Kind::Slow:
                    delivery.delayMs += fault.value;
                    break;
                case Fault::Kind::CutStream:
                    delivery.cutAfterEvents = fault.value;
                    break;
                case Fault::Kind::Malformed:
                    delivery.malformed = true;
                    break;
                }
                if (answered)
                    break;
            }
        }
    }
    if (!answered)
        reply = gradient ? m_api.handleGradient(gradientSlug, workspace, body) : m_api.handle(endpoint, method, body);
    if (reply.status >= 400) { // errors are never cut or broken; only delayed
        delivery.cutAfterEvents = -1;
        delivery.malformed = false;
    }
    auto *exchange = new Exchange(std::move(responder), socket, std::move(reply), std::move(delivery),
                                  m_options.tokensPerSecond, this);
    exchange->start();
    return true;
}

void SandboxServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    auto *exchange = new Exchange(std::move(responder), socket,
                                  Reply::error(404, u"no such endpoint"_s, u"NOT_FOUND"_s), {}, 0, this);
    exchange->start();
}

EmbeddedSandbox::EmbeddedSandbox(SandboxOptions options)
    : m_options(std::move(options))
{
    m_thread.setObjectName(u"aleph-sandbox"_s);
}

EmbeddedSandbox::~EmbeddedSandbox()
{
    if (m_server)
        QMetaObject::invokeMethod(m_server, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

bool EmbeddedSandbox::start(QString *error)
{
    if (m_server)
        return true;
    m_thread.start();
    m_server = new SandboxServer(m_options);
    m_server->moveToThread(&m_thread);
    bool ok = false;
    QString message;
    QMetaObject::invokeMethod(
        m_server,
        [&] {
            ok = m_server->start(QHostAddress::LocalHost, 0, &message);
            m_baseUrl = m_server->baseUrl();
        },
        Qt::BlockingQueuedConnection);
    if (!ok && error)
        *error = message;
    return ok;
}

} // namespace sandbox
