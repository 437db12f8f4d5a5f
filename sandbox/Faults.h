// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>
#include <random>

namespace sandbox {

/// The longest delay a request may ask for with `slow:<ms>`, alone or summed over the header's
/// faults (and the total delay of one answer with the global faults added): one minute.
constexpr int kMaxSlowMs = 60'000;

/// One failure the sandbox can inject (DESIGN.md "The sandbox").
struct Fault
{
    enum class Kind {
        Busy, ///< 503 with a JSON error
        Quota, ///< 402
        RateLimit, ///< 429 with `Retry-After: value` (seconds, default 1)
        Slow, ///< the answer's first byte waits `value` ms
        CutStream, ///< the connection closes after `value` events (or mid-body for JSON answers)
        Malformed, ///< a 200 whose JSON is broken (for a stream: one broken event)
    };
    Kind kind = Kind::Busy;
    int value = 0;
    /// Per-request faults: only the first `times` identical requests (same method, path, body and
    /// fault header) get it; -1 means every one. Lets a test script "busy twice, then success".
    int times = -1;
    /// Global faults: the chance that a request gets it.
    double probability = 1.0;

    static QString kindName(Kind kind);
};

/// Parses `X-Sandbox-Fault`: a comma-separated list of `busy | quota | rate-limit[:retry-after-s] |
/// slow:<ms> | cut-stream:<after-n-events> | malformed`, each optionally followed by `*N` (only
/// the first N identical requests). nullopt with a message on a bad value, including delays above
/// kMaxSlowMs in all.
std::optional<QList<Fault>> parseFaultHeader(const QByteArray &header, QString *error);

/// Parses `--fault`: comma-separated `<fault>=<probability>`, e.g. `busy=0.2,rate-limit:3=0.1`.
std::optional<QList<Fault>> parseFaultFlags(const QString &spec, QString *error);

/// Decides which faults each request gets: the header's (counted per identical request) and the
/// global ones (drawn from a generator seeded with `--fault-seed`, so a run can be repeated).
class FaultInjector
{
public:
    FaultInjector(QList<Fault> global, quint64 seed);
    /// The faults of one request. `key` identifies identical requests; `header` is the raw
    /// X-Sandbox-Fault value (empty when absent). nullopt with a message for a bad header.
    std::optional<QList<Fault>> faultsFor(
        const QByteArray &key, const QByteArray &header, QString *error);

private:
    QList<Fault> m_global;
    std::mt19937_64 m_random;
    QHash<QByteArray, int> m_seen; // key + header → requests so far (only for headers with *N)
};

} // namespace sandbox
