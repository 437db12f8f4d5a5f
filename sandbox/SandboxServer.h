// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/Faults.h"
#include "sandbox/SandboxApi.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QThread>
#include <QThreadPool>
#include <QUrl>

#include <memory>

namespace sandbox {

class HttpListener;

/// Options of `aleph-sandbox` (and of the app's embedded sandbox).
struct SandboxOptions
{
    QString token
        = QStringLiteral("sandbox"); ///< the bearer token every request but GET /version needs
    double tokensPerSecond = 50; ///< stream pacing: one event per token; 0 = no pacing
    QList<Fault> faults; ///< global faults with their probabilities
    quint64 faultSeed = 0;
    QString tlsCertificateFile; ///< PEM; with tlsKeyFile the sandbox serves HTTPS
    QString tlsKeyFile; ///< PEM, RSA or EC, unencrypted
    /// Where the steering concepts made on this sandbox are kept across restarts (JSON; empty:
    /// in memory only). The app's offline sandbox keeps it in the app's data folder.
    QString stateFile;

    // Limits against hostile or broken clients (see ConnectionGate).
    int maxConnections = 256; ///< open connections; more are answered 503 and closed at once
    qint64 maxBodyBytes
        = 32 << 20; ///< a larger Content-Length gets 413 before any of the body is read
    int maxHeaderBytes = 64 << 10; ///< request line and headers (at most 96 KiB); more gets 431
    int headerTimeoutMs
        = 10'000; ///< a connection whose request head (or body) is not complete by then is closed
    int idleTimeoutMs = 60'000; ///< a keep-alive connection without a new request by then is closed
    int workerThreads = 0; ///< threads answering the heavy endpoints; 0: max(4, cores)
    /// How much those threads yield the CPU to the process's other threads: their nice value
    /// above the process's (Linux, where each thread has its own; 0..19, 0: none; elsewhere
    /// ignored). EmbeddedSandbox's default is 10 (a tenth of a normal thread's share when the
    /// cores are busy), so that the app's window stays responsive while its own sandbox works.
    int workerNice = 0;
    /// True: start() begins loading WordNet and building the embeddings' meaning space on a
    /// thread of its own, so the first /embed does not wait (~10 MB once built). False: the first
    /// request that needs it builds it (on a worker thread, it waits for it), or preloadMeaning()
    /// when the caller knows embeddings are coming (the app: when its Embeddings tab is shown).
    bool preloadMeaning = true;
};

/// The sandbox's HTTP side, on Qt HttpServer: routes `/v1/<endpoint>` to SandboxApi and
/// `/gradient/api/embeddings/<slug>` to its Gradient emulation, checks the bearer token (401),
/// injects faults (per request with `X-Sandbox-Fault`, globally by options), and frames streams
/// the way the real API does (`data: <json>\n\n` events over chunked transfer).
///
/// Like a real server it survives hostile clients: its own listener (HttpListener) puts a
/// ConnectionGate in front of every connection, which checks each request's head before Qt
/// HttpServer reads the body (401 without a valid token, 413 above maxBodyBytes, 431 above
/// maxHeaderBytes) and closes slow or idle connections; connections beyond maxConnections are
/// refused, and accepting resumes after the process ran out of file descriptors. The POST
/// endpoints are answered on a thread pool (SandboxApi is thread-safe), so a large generation does
/// not hold up other requests; the answer goes out on the server's thread, streams paced as ever.
/// Lives in one thread; EmbeddedSandbox runs it in its own.
class SandboxServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit SandboxServer(SandboxOptions options = {}, QObject *parent = nullptr);
    ~SandboxServer() override;

    /// Loads the TLS files (when set) and listens. Port 0 picks a free port. False with a message.
    bool start(const QHostAddress &address, quint16 port, QString *error);
    /// `http://127.0.0.1:<port>/v1` (https with TLS): the base URL a client uses.
    QUrl baseUrl() const { return m_baseUrl; }
    SandboxApi &api() { return m_api; }
    /// Requests answered so far (any status).
    qint64 requestCount() const { return m_requests; }
    /// Connections open now.
    int openConnections() const;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    SandboxOptions m_options;
    SandboxApi m_api;
    FaultInjector m_faults;
    QUrl m_baseUrl;
    qint64 m_requests = 0;
    HttpListener *m_listener = nullptr; // a child
    QThreadPool m_pool; // after m_api: its threads are done before m_api goes
};

/// A SandboxServer on a free loopback port in its own thread: the app's "Offline sandbox"
/// connection, and the server of tests and benchmarks that must not share the client's thread.
class EmbeddedSandbox
{
public:
    explicit EmbeddedSandbox(SandboxOptions options = {});
    ~EmbeddedSandbox();
    /// Starts the thread and the server; blocks until it listens. False with a message.
    bool start(QString *error = nullptr);
    QUrl baseUrl() const { return m_baseUrl; }
    QString token() const { return m_options.token; }

private:
    SandboxOptions m_options;
    QThread m_thread;
    SandboxServer *m_server = nullptr; // lives in m_thread
    QUrl m_baseUrl;
};

} // namespace sandbox
