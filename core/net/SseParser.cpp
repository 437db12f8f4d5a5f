// SPDX-License-Identifier: MIT
#include "core/net/SseParser.h"

#include <cstring>

namespace core {

QList<SseEvent> SseParser::feed(QByteArrayView chunk)
{
    QList<SseEvent> out;
    if (m_overflowed)
        return out;
    const char *p = chunk.data();
    const char *end = p + chunk.size();
    if (m_skipLf && p < end) {
        if (*p == '\n')
            ++p;
        m_skipLf = false;
    }
    while (p < end) {
        // Find the next line end; memchr for '\n' is the fast path, '\r' is rare.
        const char *lf = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        const char *stop = lf ? lf : end;
        const char *cr = static_cast<const char *>(std::memchr(p, '\r', size_t(stop - p)));
        const char *eol = cr ? cr : lf;
        if (!eol) {
            if (m_line.size() + (end - p) > m_maximumEventBytes)
                return overflow(out);
            m_line.append(p, end - p);
            break;
        }
        if (m_line.isEmpty()) {
            if (eol - p
                > m_maximumEventBytes) // the same cap whether the line came whole or in pieces
                return overflow(out);
            processLine(QByteArrayView(p, eol - p), out);
        } else {
            if (m_line.size() + (eol - p) > m_maximumEventBytes)
                return overflow(out);
            m_line.append(p, eol - p);
            processLine(m_line, out);
            m_line.clear();
        }
        if (m_overflowed)
            return out;
        p = eol + 1;
        if (*eol == '\r') {
            if (p < end) {
                if (*p == '\n')
                    ++p;
            } else {
                m_skipLf = true;
            }
        }
    }
    return out;
}

void SseParser::processLine(QByteArrayView line, QList<SseEvent> &out)
{
    if (line.isEmpty()) {
        if (m_hasData) {
            if (m_pending.data.endsWith('\n'))
                m_pending.data.chop(1);
            out.append(std::move(m_pending));
        }
        m_pending = SseEvent();
        m_hasData = false;
        return;
    }
    if (line.front() == ':')
        return; // comment / keep-alive
    const qsizetype colon = line.indexOf(':');
    QByteArrayView field = colon < 0 ? line : line.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
    if (!value.isEmpty() && value.front() == ' ')
        value = value.sliced(1);
    if (field == "data") {
        if (m_pending.data.size() + value.size() + 1 > m_maximumEventBytes) {
            m_overflowed = true;
            return;
        }
        m_pending.data.append(value.data(), value.size());
        m_pending.data.append('\n');
        m_hasData = true;
    } else if (field == "event") {
        m_pending.event = value.toByteArray();
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_pending.id = value.toByteArray();
    }
    // "retry" and unknown fields are ignored.
}

bool SseParser::hasPartialEvent() const
{
    return !m_line.isEmpty() || m_hasData;
}

QList<SseEvent> SseParser::overflow(QList<SseEvent> &out)
{
    m_overflowed = true;
    m_line.clear();
    m_line.squeeze();
    m_pending = SseEvent();
    m_hasData = false;
    return out;
}

void SseParser::reset()
{
    m_overflowed = false;
    m_line.clear();
    m_skipLf = false;
    m_hasData = false;
    m_pending = SseEvent();
}

} // namespace core
