// SPDX-License-Identifier: MIT
#include "sandbox/SandboxServer.h"

#include "sandbox/HttpGate.h"
#include "sandbox/Vectors.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <memory>

#if defined(Q_OS_LINUX)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace sandbox {

namespace {

/// How a reply goes out: after a delay, cut after some events, or broken.
struct Delivery
{
    qint64 delayMs = 0; // from the request's arrival; at most kMaxSlowMs
    int cutAfterEvents = -1;
    bool malformed = false;
    QList<QPair<QByteArray, QByteArray>> headers;
};

/// One response in flight. Owns the responder (a move-only handle on the connection) until the
/// answer is written or the connection goes away; deletes itself afterwards, and then lets the
/// connection's gate read the next request. The reply may come later (from the thread pool):
/// start() sends it; the connection closing before sets cancelled(), which the work polls.
class Exchange : public QObject
{
public:
    Exchange(QHttpServerResponder &&responder,
        QTcpSocket *socket,
        Delivery delivery,
        double tokensPerSecond,
        QObject *parent)
        : QObject(parent)
        , m_responder(std::move(responder))
        , m_socket(socket)
        , m_delivery(std::move(delivery))
        , m_periodMs(tokensPerSecond > 0 ? 1000.0 / tokensPerSecond : 0.0)
        , m_cancelled(std::make_shared<std::atomic_bool>(false))
    {
        m_sinceArrival.start();
        // The connection closing (a client's cancel) ends the exchange.
        connect(socket, &QObject::destroyed, this, &QObject::deleteLater);
        connect(socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
        // Answers go out at once, not held back by Nagle's algorithm while the client delays its
        // ACK (40 ms on Linux): small streamed events and the last piece of a body would each wait.
        if (socket)
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_timer.setSingleShot(false);
        connect(&m_timer, &QTimer::timeout, this, &Exchange::writeNextEvent);
    }

    ~Exchange() override
    {
        m_cancelled->store(true);
        if (ConnectionGate *gate = ConnectionGate::of(m_socket))
            gate->answered();
    }

    /// Set when the answer is no longer wanted (the connection closed, the server is going).
    std::shared_ptr<std::atomic_bool> cancelled() const { return m_cancelled; }
    void cancel() { m_cancelled->store(true); }

    /// Sends `reply` once the delivery's delay (counted from the request's arrival) is over.
    void start(Reply reply)
    {
        m_reply = std::move(reply);
        if (m_reply.status >= 400) { // errors are never cut or broken; only delayed
            m_delivery.cutAfterEvents = -1;
            m_delivery.malformed = false;
        }
        const qint64 wait = m_delivery.delayMs - m_sinceArrival.elapsed();
        if (wait > 0)
            QTimer::singleShot(std::chrono::milliseconds(wait), this, &Exchange::send);
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
            m_events[m_events.size() / 2]
                = R"({"type":"stream_chunk","completion":)"; // broken JSON
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
                m_socket
                    ->disconnectFromHost(); // no terminating chunk: the client sees a cut stream
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
    std::shared_ptr<std::atomic_bool> m_cancelled;
    QElapsedTimer m_sinceArrival;
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

/// Whether a path needs the bearer token: everything under /v1 but /v1/version, and Gradient.
/// The gate (before the body) and handleRequest() (after) decide alike.
bool needsToken(const QString &path)
{
    return (path.startsWith(u"/v1/"_s) && path != u"/v1/version"_s)
        || path.startsWith(u"/gradient/api/embeddings/"_s);
}

QString tokenProblem(const QByteArray &authorization)
{
    return authorization.isEmpty() ? u"no token: send Authorization: Bearer <token>"_s
                                   : u"the token is not valid for this server"_s;
}

/// Raises the calling thread's nice value by `nice` once (Linux: per thread; the pool's threads
/// are reused, so later calls on the same thread do nothing).
void yieldToOtherThreads(int nice)
{
#if defined(Q_OS_LINUX)
    thread_local bool done = false;
    if (nice <= 0 || done)
        return;
    done = true;
    const auto tid = id_t(syscall(SYS_gettid));
    errno = 0;
    const int current = getpriority(PRIO_PROCESS, tid);
    if (errno == 0)
        setpriority(PRIO_PROCESS, tid, std::min(19, current + nice));
#else
    Q_UNUSED(nice);
#endif
}

} // namespace

SandboxServer::SandboxServer(SandboxOptions options, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_options(std::move(options))
    , m_faults(m_options.faults, m_options.faultSeed)
{
    if (!m_options.stateFile.isEmpty())
        m_api.setStateFile(m_options.stateFile);
    // CPU-bound work: a few more threads than cores, so that a short request is not queued behind
    // two long ones; the event loop itself stays free for /version, streams and new connections.
    m_pool.setMaxThreadCount(m_options.workerThreads > 0
            ? m_options.workerThreads
            : std::max(4, QThread::idealThreadCount()));
    m_pool.setObjectName(u"aleph-sandbox-workers"_s);
}

SandboxServer::~SandboxServer()
{
    // The work in the pool reads m_api and posts its answers to this object: stop it (each
    // request polls its flag between samples), drop what has not started, wait for the rest.
    for (QObject *child : children())
        if (auto *exchange = dynamic_cast<Exchange *>(child))
            exchange->cancel();
    m_pool.clear();
    m_pool.waitForDone();
}

int SandboxServer::openConnections() const
{
    return m_listener ? m_listener->openConnections() : 0;
}

bool SandboxServer::start(const QHostAddress &address, quint16 port, QString *error)
{
    if (m_options.preloadMeaning)
        preloadMeaning(); // WordNet for the embeddings, on a thread of its own: the first
                          // embedding need not wait
    if (m_listener) {
        *error = u"the sandbox is already listening"_s;
        return false;
    }
    const bool tls = !m_options.tlsCertificateFile.isEmpty() || !m_options.tlsKeyFile.isEmpty();
    std::optional<QSslConfiguration> tlsConfiguration;
    if (tls) {
        if (m_options.tlsCertificateFile.isEmpty() || m_options.tlsKeyFile.isEmpty()) {
            *error = u"HTTPS needs both --tls-cert and --tls-key"_s;
            return false;
        }
        const QList<QSslCertificate> certificates
            = QSslCertificate::fromPath(m_options.tlsCertificateFile, QSsl::Pem);
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
        QSslConfiguration configuration; // as QAbstractHttpServer::sslSetup() makes it
        configuration.setLocalCertificate(certificates.first());
        configuration.setPrivateKey(key);
        configuration.setProtocol(QSsl::SecureProtocols);
        tlsConfiguration = configuration;
    }

    HttpLimits limits;
    limits.maxConnections = std::max(1, m_options.maxConnections);
    limits.maxBodyBytes = std::max<qint64>(0, m_options.maxBodyBytes);
    limits.maxHeaderBytes = std::max(1024, m_options.maxHeaderBytes);
    limits.headerTimeoutMs = std::max(1, m_options.headerTimeoutMs);
    limits.idleTimeoutMs = std::max(1, m_options.idleTimeoutMs);
    // The token is checked on the head, before any of the body is read.
    const QByteArray expected = "Bearer " + m_options.token.toUtf8();
    HeadPolicy policy = [expected](const RequestHead &head) -> std::optional<Refusal> {
        if (!needsToken(QUrl::fromEncoded(head.target).path()))
            return std::nullopt;
        const QByteArray authorization = head.header("authorization");
        if (authorization == expected)
            return std::nullopt;
        return Refusal{401, tokenProblem(authorization), u"UNAUTHENTICATED"_s};
    };
    auto *listener = new HttpListener(limits, tlsConfiguration, std::move(policy), this);
    listener->setHttpServer(this);
    connect(listener, &HttpListener::refused, this, [this] { ++m_requests; });
    if (!listener->listen(address, port)) {
        *error = u"cannot listen on %1 port %2: %3"_s.arg(address.toString())
                     .arg(port)
                     .arg(listener->errorString());
        delete listener;
        return false;
    }
    const quint16 bound = listener->serverPort();
    bind(listener); // Qt HttpServer takes each connection from it, behind its gate
    m_listener = listener;
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
    const QByteArray body = request.body();
    // The request the gate let through, or the connection is out of step with it: close it.
    ConnectionGate *gate = ConnectionGate::of(socket);
    if (!gate || !gate->requestParsed(body.size())) {
        qWarning("aleph-sandbox: a request that the connection's gate did not let through; closing "
                 "the connection");
        socket->abort();
        return true;
    }
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

    std::optional<Reply> reply;
    Delivery delivery;
    if (!gradient && endpoint.isEmpty()) {
        reply = Reply::error(404,
            u"no endpoint %1; the API is under /v1 and Gradient under /gradient/api"_s.arg(path),
            u"NOT_FOUND"_s);
    } else if (needsToken(path) && authorization != "Bearer " + m_options.token.toUtf8()) {
        reply = Reply::error(401, tokenProblem(authorization), u"UNAUTHENTICATED"_s);
    }
    if (!reply) {
        QString error;
        // Identical requests are told apart by method, path and body, only when the header counts.
        const QByteArray key
            = faultHeader.isEmpty() ? QByteArray() : method + ' ' + path.toUtf8() + '\n' + body;
        const std::optional<QList<Fault>> faults = m_faults.faultsFor(key, faultHeader, &error);
        if (!faults) {
            reply = Reply::error(400, error, u"INVALID_FAULT"_s);
        } else {
            for (const Fault &fault : *faults) {
                switch (fault.kind) {
                case Fault::Kind::Busy:
                    reply = Reply::error(503,
                        u"The server is busy (injected by the sandbox); try again later."_s,
                        u"BUSY"_s);
                    break;
                case Fault::Kind::Quota:
                    reply = Reply::error(402,
                        u"Your quota is used up (injected by the sandbox)."_s,
                        u"QUOTA_EXCEEDED"_s);
                    break;
                case Fault::Kind::RateLimit:
                    reply = Reply::error(429,
                        u"Too many requests (injected by the sandbox)."_s,
                        u"TOO_MANY_REQUESTS"_s);
                    delivery.headers.append({"Retry-After", QByteArray::number(fault.value)});
                    break;
                case Fault::Kind::Slow:
                    // 64-bit and capped: the header's delays are at most kMaxSlowMs in all, but the
                    // global faults add theirs
                    delivery.delayMs = std::min<qint64>(kMaxSlowMs, delivery.delayMs + fault.value);
                    break;
                case Fault::Kind::CutStream:
                    delivery.cutAfterEvents = fault.value;
                    break;
                case Fault::Kind::Malformed:
                    delivery.malformed = true;
                    break;
                }
                if (reply)
                    break;
            }
        }
    }
    auto *exchange = new Exchange(
        std::move(responder), socket, std::move(delivery), m_options.tokensPerSecond, this);
    if (reply) {
        exchange->start(std::move(*reply));
        return true;
    }
    if (method == "GET"
        && !gradient) { // the GETs are cheap: answered at once, whatever the pool is doing
        exchange->start(m_api.handle(endpoint, method, body));
        return true;
    }
    // Everything else is worked out on the pool; the answer comes back to this thread. The
    // exchange may be gone by then (the client closed the connection): its flag stops the work.
    const QPointer<Exchange> target(exchange);
    const std::shared_ptr<std::atomic_bool> cancelled = exchange->cancelled();
    SandboxApi *api = &m_api;
    m_pool.start(
        [this, api, target, cancelled, gradient, endpoint, gradientSlug, workspace, method, body] {
            yieldToOtherThreads(m_options.workerNice);
            Reply answer = gradient
                ? api->handleGradient(gradientSlug, workspace, body, cancelled.get())
                : api->handle(endpoint, method, body, cancelled.get());
            if (cancelled->load())
                return;
            QMetaObject::invokeMethod(
                this,
                [target, answer = std::move(answer)]() mutable {
                    if (target)
                        target->start(std::move(answer));
                },
                Qt::QueuedConnection);
        });
    return true;
}

void SandboxServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    auto *exchange = new Exchange(std::move(responder), socket, {}, 0, this);
    exchange->start(Reply::error(404, u"no such endpoint"_s, u"NOT_FOUND"_s));
}

EmbeddedSandbox::EmbeddedSandbox(SandboxOptions options)
    : m_options(std::move(options))
{
    m_thread.setObjectName(u"aleph-sandbox"_s);
    // In the app's process the sandbox works with the CPU time the window does not need.
    if (m_options.workerNice == 0)
        m_options.workerNice = 10;
}

EmbeddedSandbox::~EmbeddedSandbox()
{
    if (m_server)
        QMetaObject::invokeMethod(
            m_server, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
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
