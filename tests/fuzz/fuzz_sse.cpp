// SPDX-License-Identifier: MIT
// Fuzz target of core::SseParser (core/net/SseParser.h): the body of a text/event-stream answer,
// which arrives from the server in chunks of any size.
//
// Properties:
//  - Chunking does not matter: the input fed whole, split in two at every byte k (every k for
//    inputs up to 256 bytes, 64 under a small cap; above, 24 k derived from the input and the
//    edges of the first CR, LF and colons), in random-sized chunks (with empty ones) and one byte
//    at a time gives the same events, the same overflowed() and, without overflow, the same
//    hasPartialEvent().
//  - Events are well formed: no CR or LF in an event name or id, no NUL in an id, no CR in data.
//  - With a small setMaximumEventBytes() cap (4096, 64 and one derived from the input) the same
//    holds, and no event the parser hands out holds more than the cap: data, name and id are
//    each at most `cap` bytes. After overflowed() nothing more comes out.
//  - reset() gives a parser that behaves like a new one.

#include "core/net/SseParser.h"
#include "tests/fuzz/FuzzCheck.h"

#include <cstddef>
#include <cstdint>
#include <vector>

using core::SseEvent;
using core::SseParser;

namespace {

struct Outcome
{
    QList<SseEvent> events;
    bool overflowed = false;
    bool partial = false;
};

/// Tiny deterministic generator seeded from the input, for cut positions.
struct Rng
{
    uint64_t state;
    explicit Rng(QByteArrayView data)
    {
        state = 1469598103934665603ull; // FNV-1a
        for (const char c : data)
            state = (state ^ uint8_t(c)) * 1099511628211ull;
    }
    uint64_t next()
    {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    }
};

/// Feeds `input` cut at `cuts` (ascending positions in 0..size) to a parser with `cap`.
Outcome run(QByteArrayView input,
    const std::vector<qsizetype> &cuts,
    qsizetype cap,
    SseParser *reuse = nullptr)
{
    SseParser local;
    SseParser &parser = reuse ? *reuse : local;
    if (cap > 0)
        parser.setMaximumEventBytes(cap);
    Outcome out;
    qsizetype from = 0;
    const auto feed = [&](qsizetype to) {
        const QList<SseEvent> events = parser.feed(input.sliced(from, to - from));
        FUZZ_CHECK(
            !(out.overflowed && !events.isEmpty()), QStringLiteral("events after overflowed()"));
        out.events += events;
        out.overflowed = parser.overflowed();
        from = to;
    };
    for (const qsizetype cut : cuts)
        feed(cut);
    feed(input.size());
    out.partial = parser.hasPartialEvent();
    return out;
}

QString describe(const Outcome &o)
{
    QString s = QStringLiteral("%1 events, overflowed %2, partial %3")
                    .arg(o.events.size())
                    .arg(o.overflowed)
                    .arg(o.partial);
    for (qsizetype i = 0; i < o.events.size() && i < 4; ++i)
        s += QStringLiteral("\n      [%1] event \"%2\" id \"%3\" data \"%4\"")
                 .arg(i)
                 .arg(fuzz::excerpt(o.events.at(i).event, 40),
                     fuzz::excerpt(o.events.at(i).id, 40),
                     fuzz::excerpt(o.events.at(i).data, 60));
    return s;
}

void expectSame(const Outcome &whole,
    const Outcome &other,
    const QString &how,
    QByteArrayView input,
    qsizetype cap)
{
    const bool same = whole.events == other.events && whole.overflowed == other.overflowed
        && (whole.overflowed || whole.partial == other.partial);
    FUZZ_CHECK(same,
        QStringLiteral("cap %1: fed whole: %2\n    fed %3: %4\n    input: %5")
            .arg(cap)
            .arg(describe(whole), how, describe(other), fuzz::excerpt(input.toByteArray())));
}

void checkEvents(const Outcome &o, qsizetype cap)
{
    for (const SseEvent &e : o.events) {
        FUZZ_CHECK(!e.event.contains('\n') && !e.event.contains('\r'), fuzz::excerpt(e.event));
        FUZZ_CHECK(!e.id.contains('\n') && !e.id.contains('\r') && !e.id.contains('\0'),
            fuzz::excerpt(e.id));
        FUZZ_CHECK(!e.data.contains('\r'), fuzz::excerpt(e.data));
        if (cap > 0) {
            FUZZ_CHECK(e.data.size() <= cap && e.event.size() <= cap && e.id.size() <= cap,
                QStringLiteral("cap %1: event of %2 bytes, name of %3 bytes, id of %4 bytes")
                    .arg(cap)
                    .arg(e.data.size())
                    .arg(e.event.size())
                    .arg(e.id.size()));
        }
    }
}

void checkChunking(QByteArrayView input, qsizetype cap)
{
    const qsizetype n = input.size();
    const Outcome whole = run(input, {}, cap);
    checkEvents(whole, cap);
    if (cap <= 0)
        FUZZ_CHECK(!whole.overflowed, QStringLiteral("overflow under the default 16 MiB cap"));

    // Split in two at k.
    Rng rng(input);
    std::vector<qsizetype> ks;
    if (n <= (cap <= 0 ? 256 : 64)) {
        for (qsizetype k = 0; k <= n; ++k)
            ks.push_back(k);
    } else {
        for (int i = 0; i < 24; ++i)
            ks.push_back(qsizetype(rng.next() % uint64_t(n + 1)));
        // Around the first CR, LF and colons: where chunk edges matter.
        for (qsizetype i = 0; i < n && ks.size() < 48; ++i)
            if (input[i] == '\r' || input[i] == '\n' || input[i] == ':')
                ks.push_back(i), ks.push_back(i + 1);
    }
    for (const qsizetype k : ks) {
        const Outcome split = run(input, {k}, cap);
        expectSame(whole, split, QStringLiteral("split at %1").arg(k), input, cap);
    }

    // Random chunk sizes, with an empty chunk now and then.
    for (int round = 0; round < 4; ++round) {
        std::vector<qsizetype> cuts;
        qsizetype at = 0;
        while (at < n) {
            const uint64_t r = rng.next();
            at = std::min<qsizetype>(
                n, at + qsizetype(r % 17 == 0 ? 0 : r % (round == 0 ? 4 : 64) + 1));
            cuts.push_back(at);
        }
        expectSame(whole,
            run(input, cuts, cap),
            QStringLiteral("in random chunks (round %1)").arg(round),
            input,
            cap);
    }

    // One byte at a time.
    if (n <= (1 << 16)) {
        std::vector<qsizetype> cuts;
        for (qsizetype k = 1; k < n; ++k)
            cuts.push_back(k);
        const Outcome bytes = run(input, cuts, cap);
        checkEvents(bytes, cap);
        expectSame(whole, bytes, QStringLiteral("one byte at a time"), input, cap);
    }

    // reset() after use behaves like a new parser.
    SseParser reused;
    run(input, {n / 2}, cap, &reused);
    reused.reset();
    expectSame(
        whole, run(input, {}, cap, &reused), QStringLiteral("whole after reset()"), input, cap);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    checkChunking(input, 0); // the default cap (16 MiB)
    checkChunking(input, 4096); // small caps: overflow paths
    checkChunking(input, 64);
    checkChunking(input, qsizetype(size / 3) + 1);
    return 0;
}
