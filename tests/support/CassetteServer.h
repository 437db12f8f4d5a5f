// SPDX-License-Identifier: MIT
#pragma once

#include "tests/support/LoopbackHttpServer.h"

#include <QJsonObject>
#include <QJsonValue>

namespace testsupport {

/// One recorded real interaction of tests/data/cassettes (shape: cassettes/README.md).
struct Interaction
{
    QString file; ///< relative path, e.g. "test_complete/test_complete.json"
    int index = 0; ///< position in the file's "interactions"
    QByteArray method;
    QByteArray path; ///< e.g. "/v1/complete"
    QJsonValue requestBody; ///< parsed JSON, or null for none
    int status = 200;
    QByteArray contentType;
    QJsonValue responseBody; ///< parsed JSON, or a string (SSE text)
    bool isStream() const { return contentType.startsWith("text/event-stream"); }
    QByteArray responseBytes() const;
    QString name() const { return file + QLatin1Char('#') + QString::number(index); }
};

/// The directory with the cassettes: $ALEPH_CASSETTES, else tests/data/cassettes in the source
/// tree.
QString cassetteDir();
/// Every interaction of every cassette file, in file order.
QList<Interaction> loadCassettes(QString *error = nullptr);

/// A loopback server that replays recorded real traffic. A request matches an interaction on
/// method, path and JSON body (compared as parsed JSON with null-valued keys ignored) and gets the
/// recorded status, Content-Type and body; an event stream goes out in several chunks. A request
/// with no match gets 404 with a JSON body naming the closest recorded request and the first field
/// that differs.
class CassetteServer : public LoopbackHttpServer
{
    Q_OBJECT
public:
    explicit CassetteServer(QObject *parent = nullptr);
    /// Loads the cassettes; false (with `error`) when none could be read.
    bool load(QString *error = nullptr);
    const QList<Interaction> &interactions() const { return m_interactions; }
    /// After this many chunks of a stream, stop sending (the connection stays open) until
    /// releaseStreams(). -1 (default) never holds.
    void setHoldStreamsAfter(int chunks) { m_holdAfter = chunks; }
    void setChunkDelayMs(int ms) { m_chunkDelayMs = ms; }

protected:
    void handle(const RecordedRequest &request, Responder *responder) override;

private:
    QList<Interaction> m_interactions;
    QMap<int, int> m_servedCount; // interaction index → times served (for repeated requests)
    int m_holdAfter = -1;
    int m_chunkDelayMs = 0;
};

/// Splits an SSE body into several chunks: at event boundaries and also inside events, so that a
/// client sees partial lines.
QList<QByteArray> splitStream(const QByteArray &body);

} // namespace testsupport
