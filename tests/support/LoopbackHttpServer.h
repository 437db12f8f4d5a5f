// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace testsupport {

/// One HTTP request as the server received it.
struct RecordedRequest
{
    QByteArray method;
    QByteArray path; ///< without the query, e.g. "/v1/complete"
    QByteArray query; ///< raw query string without '?'
    QMap<QByteArray, QByteArray> headers; ///< names in lower case
    QByteArray body;
};

/// Writes one HTTP/1.1 response on a connection; the connection closes after it.
class Responder : public QObject
{
    Q_OBJECT
public:
    explicit Responder(QTcpSocket *socket, QObject *parent = nullptr);
    void send(int status,
        const QByteArray &contentType,
        const QByteArray &body,
        const QList<QPair<QByteArray, QByteArray>> &headers = {});
    /// Starts a chunked response; follow with writeChunk() and endChunks().
    void beginChunks(int status, const QByteArray &contentType);
    void writeChunk(const QByteArray &bytes);
    void endChunks();
    /// Closes the connection mid-body (no terminating chunk): a cut stream.
    void cut();
    bool isOpen() const;

private:
    QPointer<QTcpSocket> m_socket;
};

/// A loopback HTTP/1.1 server on 127.0.0.1 with a free port and `Connection: close`.
/// Subclasses answer each request in handle(); every request is recorded.
class LoopbackHttpServer : public QObject
{
    Q_OBJECT
public:
    explicit LoopbackHttpServer(QObject *parent = nullptr);
    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    /// http://127.0.0.1:<port>/v1 — the base URL a client should use.
    QUrl baseUrl() const;
    const QList<RecordedRequest> &requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }

Q_SIGNALS:
    void requestReceived(const testsupport::RecordedRequest &request);

protected:
    /// `responder` is owned by the server and lives until the connection closes.
    virtual void handle(const RecordedRequest &request, Responder *responder) = 0;
    static QByteArray statusText(int status);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);

    QTcpServer m_server;
    QList<RecordedRequest> m_requests;
    QMap<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace testsupport
