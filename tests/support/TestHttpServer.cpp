// SPDX-License-Identifier: MIT
#include "tests/support/TestHttpServer.h"

#include <QTimer>

namespace testsupport {

void TestHttpServer::enqueue(const QByteArray &path, const ScriptedResponse &response)
{
    m_queues[path].enqueue(response);
}

ScriptedResponse TestHttpServer::json(int status, const QByteArray &body)
{
    ScriptedResponse r;
    r.status = status;
    r.body = body;
    return r;
}

ScriptedResponse TestHttpServer::sse(const QList<QByteArray> &chunks, int delayMs)
{
    ScriptedResponse r;
    r.contentType = "text/event-stream";
    r.chunks = chunks;
    r.chunkDelayMs = delayMs;
    return r;
}

void playChunks(Responder *responder, QList<QByteArray> chunks, int delayMs, bool stall, bool cut)
{
    if (chunks.isEmpty()) {
        if (stall)
            return;
        if (cut)
            responder->cut();
        else
            responder->endChunks();
        return;
    }
    responder->writeChunk(chunks.takeFirst());
    QTimer::singleShot(delayMs, responder, [responder, chunks, delayMs, stall, cut] {
        playChunks(responder, chunks, delayMs, stall, cut);
    });
}

void TestHttpServer::handle(const RecordedRequest &request, Responder *responder)
{
    QQueue<ScriptedResponse> &queue = m_queues[request.path];
    if (queue.isEmpty()) {
        responder->send(404, "application/json", R"({"error":"no scripted response"})");
        return;
    }
    const ScriptedResponse r = queue.dequeue();
    if (r.chunks.isEmpty() && !r.stall) {
        responder->send(r.status, r.contentType, r.body, r.headers);
        return;
    }
    responder->beginChunks(r.status, r.contentType);
    playChunks(responder, r.chunks, r.chunkDelayMs, r.stall, r.cut);
}

} // namespace testsupport
