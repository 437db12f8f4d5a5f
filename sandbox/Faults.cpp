// SPDX-License-Identifier: MIT
#include "sandbox/Faults.h"

#include <QCryptographicHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sandbox {

namespace {
constexpr qsizetype kMaxCountedRequests = 100'000;
} // namespace

QString Fault::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Busy:
        return u"busy"_s;
    case Kind::Quota:
        return u"quota"_s;
    case Kind::RateLimit:
        return u"rate-limit"_s;
    case Kind::Slow:
        return u"slow"_s;
    case Kind::CutStream:
        return u"cut-stream"_s;
    case Kind::Malformed:
        return u"malformed"_s;
    }
    return {};
}

namespace {

std::optional<Fault> parseOne(QString text, QString *error)
{
    text = text.trimmed();
    Fault fault;
    const qsizetype star = text.indexOf(u'*');
    if (star >= 0) {
        bool ok = false;
        fault.times = text.mid(star + 1).toInt(&ok);
        if (!ok || fault.times < 1) {
            *error = u"\"%1\": the count after * must be a positive integer"_s.arg(text);
            return std::nullopt;
        }
        text = text.left(star);
    }
    const qsizetype colon = text.indexOf(u':');
    const QString name = colon < 0 ? text : text.left(colon);
    const QString argument = colon < 0 ? QString() : text.mid(colon + 1);
    static const QList<Fault::Kind> kinds{Fault::Kind::Busy,
        Fault::Kind::Quota,
        Fault::Kind::RateLimit,
        Fault::Kind::Slow,
        Fault::Kind::CutStream,
        Fault::Kind::Malformed};
    bool found = false;
    for (const Fault::Kind kind : kinds) {
        if (Fault::kindName(kind) == name) {
            fault.kind = kind;
            found = true;
        }
    }
    if (!found) {
        *error
            = u"unknown fault \"%1\"; use busy, quota, rate-limit[:seconds], slow:<ms>, cut-stream:<events> or malformed"_s
                  .arg(name);
        return std::nullopt;
    }
    const bool needsValue = fault.kind == Fault::Kind::Slow || fault.kind == Fault::Kind::CutStream;
    const bool takesValue = needsValue || fault.kind == Fault::Kind::RateLimit;
    if (!argument.isEmpty() && !takesValue) {
        *error = u"fault \"%1\" takes no value"_s.arg(name);
        return std::nullopt;
    }
    if (needsValue && argument.isEmpty()) {
        *error = u"fault \"%1\" needs a value, e.g. %1:%2"_s.arg(
            name, fault.kind == Fault::Kind::Slow ? u"500"_s : u"3"_s);
        return std::nullopt;
    }
    if (!argument.isEmpty()) {
        bool ok = false;
        fault.value = argument.toInt(&ok);
        if (!ok || fault.value < 0) {
            *error = u"fault \"%1\": \"%2\" is not a non-negative integer"_s.arg(name, argument);
            return std::nullopt;
        }
        if (fault.kind == Fault::Kind::Slow && fault.value > kMaxSlowMs) {
            *error
                = u"fault \"%1\": at most %2 ms, got %3"_s.arg(name).arg(kMaxSlowMs).arg(argument);
            return std::nullopt;
        }
    } else if (fault.kind == Fault::Kind::RateLimit) {
        fault.value = 1;
    }
    return fault;
}

} // namespace

std::optional<QList<Fault>> parseFaultHeader(const QByteArray &header, QString *error)
{
    QList<Fault> faults;
    qint64 delayMs = 0; // 64-bit: each delay is capped, their sum is checked here
    for (const QString &part : QString::fromUtf8(header).split(u',', Qt::SkipEmptyParts)) {
        const std::optional<Fault> fault = parseOne(part, error);
        if (!fault) {
            *error = u"X-Sandbox-Fault: "_s + *error;
            return std::nullopt;
        }
        if (fault->kind == Fault::Kind::Slow)
            delayMs += fault->value;
        faults.append(*fault);
    }
    if (delayMs > kMaxSlowMs) {
        *error = u"X-Sandbox-Fault: the delays add up to %1 ms; at most %2 ms in all"_s.arg(delayMs)
                     .arg(kMaxSlowMs);
        return std::nullopt;
    }
    return faults;
}

std::optional<QList<Fault>> parseFaultFlags(const QString &spec, QString *error)
{
    QList<Fault> faults;
    for (const QString &part : spec.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype equals = part.lastIndexOf(u'=');
        if (equals < 0) {
            *error = u"--fault: \"%1\" needs a probability, e.g. %1=0.1"_s.arg(part.trimmed());
            return std::nullopt;
        }
        std::optional<Fault> fault = parseOne(part.left(equals), error);
        if (!fault) {
            *error = u"--fault: "_s + *error;
            return std::nullopt;
        }
        bool ok = false;
        fault->probability = part.mid(equals + 1).toDouble(&ok);
        if (!ok || fault->probability < 0 || fault->probability > 1) {
            *error = u"--fault: the probability of \"%1\" must be between 0 and 1"_s.arg(
                part.left(equals).trimmed());
            return std::nullopt;
        }
        if (fault->times >= 0) {
            *error = u"--fault: \"*N\" counts only apply to the X-Sandbox-Fault header"_s;
            return std::nullopt;
        }
        faults.append(*fault);
    }
    return faults;
}

FaultInjector::FaultInjector(QList<Fault> global, quint64 seed)
    : m_global(std::move(global))
    , m_random(seed)
{}

std::optional<QList<Fault>> FaultInjector::faultsFor(
    const QByteArray &key, const QByteArray &header, QString *error)
{
    QList<Fault> faults;
    if (!header.isEmpty()) {
        const std::optional<QList<Fault>> parsed = parseFaultHeader(header, error);
        if (!parsed)
            return std::nullopt;
        // Counted only when a fault is limited to the first N requests: other headers need no
        // memory, and the table is emptied when it grows past a bound a test never reaches.
        const bool counted = std::any_of(
            parsed->cbegin(), parsed->cend(), [](const Fault &f) { return f.times >= 0; });
        int seen = 0;
        if (counted) {
            QCryptographicHash hash(QCryptographicHash::Sha1);
            hash.addData(key);
            hash.addData("\n");
            hash.addData(header);
            const QByteArray id = hash.result();
            seen = m_seen.value(id, 0);
            if (m_seen.size() >= kMaxCountedRequests)
                m_seen.clear();
            m_seen.insert(id, seen + 1);
        }
        for (const Fault &fault : *parsed)
            if (fault.times < 0 || seen < fault.times)
                faults.append(fault);
    }
    std::uniform_real_distribution<double> chance(0.0, 1.0);
    for (const Fault &fault : std::as_const(m_global))
        if (chance(m_random) < fault.probability)
            faults.append(fault);
    return faults;
}

} // namespace sandbox
