// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace core {

/// One server-sent event. `data` holds the UTF-8 bytes of all `data:` lines joined with '\n'.
struct SseEvent
{
    QByteArray event; ///< "event:" field; empty means "message"
    QByteArray id;
    QByteArray data;
    bool operator==(const SseEvent &other) const = default;
};

/// Incremental parser of a `text/event-stream` body (WHATWG HTML "server-sent events" §9.2.6).
/// Works on bytes, so a UTF-8 sequence or a CRLF split across two chunks is handled: lines end
/// with "\n", "\r\n" or "\r"; a blank line dispatches; ":" lines are comments (keep-alives); one
/// space after the colon is dropped. Feeding a stream whole or one byte at a time gives the same
/// events. Not a QObject.
class SseParser
{
public:
    /// Consumes `chunk` and returns the events it completed, in order.
    QList<SseEvent> feed(QByteArrayView chunk);
    /// True when bytes of an unfinished line or event are buffered: at the end of a body this
    /// means the stream was cut mid-event.
    bool hasPartialEvent() const;
    void reset();
    /// The most bytes one line or one event's data may have (default 16 MiB). Past it the parser
    /// drops what it buffered, stops parsing and overflowed() becomes true: a server sending an
    /// endless line cannot grow the client's memory.
    void setMaximumEventBytes(qsizetype bytes) { m_maximumEventBytes = bytes; }
    bool overflowed() const { return m_overflowed; }

private:
    void processLine(QByteArrayView line, QList<SseEvent> &out);
    QList<SseEvent> overflow(QList<SseEvent> &out);

    QByteArray m_line; // bytes of the current, unfinished line
    bool m_skipLf = false; // the previous chunk ended with '\r'
    bool m_hasData = false;
    SseEvent m_pending;
    qsizetype m_maximumEventBytes = 16 << 20;
    bool m_overflowed = false;
};

} // namespace core
