// SPDX-License-Identifier: MIT
#pragma once

#include "tests/support/LoopbackHttpServer.h"

#include <QQueue>

namespace testsupport {

/// A scripted response: a whole body, or SSE chunks with a delay between them, optionally
/// stalling (headers sent, then nothing) or cut mid-stream.
struct ScriptedResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QByteArray> chunks; ///< when non-empty: chunked transfer, one write per chunk
    int chunkDelayMs = 0;
    bool stall = false; ///< send headers (and chunks), then never finish
    bool cut = false; ///< after the chunks, close without the terminating chunk
    QList<QPair<QByteArray, QByteArray>> headers;
};

/// Loopback server answering each path from a queue of scripted responses (404 when empty).
class TestHttpServer : public LoopbackHttpServer
{
    Q_OBJECT
public:
    using LoopbackHttpServer::LoopbackHttpServer;
    /// `path` is the full request path, e.g. "/v1/complete".
    void enqueue(const QByteArray &path, const ScriptedResponse &response);
    static ScriptedResponse json(int status, const QByteArray &body);
    static ScriptedResponse sse(const QList<QByteArray> &chunks, int delayMs = 0);

protected:
    void handle(const RecordedRequest &request, Responder *responder) override;

private:
    QMap<QByteArray, QQueue<ScriptedResponse>> m_queues;
};

/// Sends `chunks` one per event-loop turn (or every `delayMs`), then ends, stalls or cuts.
void playChunks(Responder *responder, QList<QByteArray> chunks, int delayMs, bool stall, bool cut);

} // namespace testsupport
