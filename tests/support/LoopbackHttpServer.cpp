// SPDX-License-Identifier: MIT
#include "tests/support/LoopbackHttpServer.h"

#include <QHostAddress>
#include <QTcpSocket>

namespace testsupport {

Responder::Responder(QTcpSocket *socket, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
{}

bool Responder::isOpen() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

static QByteArray statusLine(int status)
{
    static const QMap<int, QByteArray> texts{{200, "OK"},
        {201, "Created"},
        {400, "Bad Request"},
        {401, "Unauthorized"},
        {402, "Payment Required"},
        {404, "Not Found"},
        {408, "Request Timeout"},
        {429, "Too Many Requests"},
        {500, "Internal Server Error"},
        {502, "Bad Gateway"},
        {503, "Service Unavailable"},
        {504, "Gateway Timeout"}};
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + texts.value(status, "Status") + "\r\n";
}

void Responder::send(int status,
    const QByteArray &contentType,
    const QByteArray &body,
    const QList<QPair<QByteArray, QByteArray>> &headers)
{
    if (!isOpen())
        return;
    QByteArray head = statusLine(status);
    head += "Content-Type: " + contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto &h : headers)
        head += h.first + ": " + h.second + "\r\n";
    head += "Connection: close\r\n\r\n";
    m_socket->write(head + body);
    m_socket->disconnectFromHost();
}

void Responder::beginChunks(int status, const QByteArray &contentType)
{
    if (!isOpen())
        return;
    QByteArray head = statusLine(status);
    head += "Content-Type: " + contentType + "\r\n";
    head += "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
    m_socket->write(head);
    m_socket->flush();
}

void Responder::writeChunk(const QByteArray &bytes)
{
    if (!isOpen() || bytes.isEmpty())
        return;
    m_socket->write(QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n");
    m_socket->flush();
}

void Responder::endChunks()
{
    if (!isOpen())
        return;
    m_socket->write("0\r\n\r\n");
    m_socket->disconnectFromHost();
}

void Responder::cut()
{
    if (m_socket)
        m_socket->abort();
}

LoopbackHttpServer::LoopbackHttpServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &LoopbackHttpServer::onNewConnection);
}

bool LoopbackHttpServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl LoopbackHttpServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port()));
}

void LoopbackHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void LoopbackHttpServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    RecordedRequest request;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    request.method = first.value(0);
    const QByteArray target = first.value(1);
    const qsizetype q = target.indexOf('?');
    request.path = q < 0 ? target : target.left(q);
    request.query = q < 0 ? QByteArray() : target.mid(q + 1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            request.headers.insert(
                line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    const qsizetype length = request.headers.value("content-length", "0").toLongLong();
    if (buffer.size() < headerEnd + 4 + length)
        return; // wait for the rest of the body
    request.body = buffer.mid(headerEnd + 4, length);
    buffer.clear();
    disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
    m_requests.append(request);
    Q_EMIT requestReceived(request);
    auto *responder = new Responder(socket, socket);
    handle(request, responder);
}

} // namespace testsupport
