// SPDX-License-Identifier: MIT
#pragma once

// Property checks shared by the fuzz targets. Under libFuzzer a failed check prints what failed and
// aborts, so the fuzzer saves the input as a crash. In the replay runner (ReplayMain.cpp) it throws
// instead: the runner reports the input as failed and goes on with the next one.

#include <QByteArray>
#include <QString>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>

namespace fuzz {

/// Set by ReplayMain: failed checks throw CheckFailure instead of aborting.
inline bool g_replay = false;

struct CheckFailure : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

[[noreturn]] inline void fail(
    const char *file, int line, const char *condition, const QString &detail)
{
    std::string message
        = std::string(file) + ':' + std::to_string(line) + ": check failed: " + condition;
    if (!detail.isEmpty())
        message += "\n    " + detail.toStdString();
    if (g_replay)
        throw CheckFailure(message);
    std::fprintf(stderr, "%s\n", message.c_str());
    std::fflush(stderr);
    std::abort();
}

/// Printable excerpt of bytes for messages.
inline QString excerpt(const QByteArray &bytes, qsizetype max = 160)
{
    QByteArray head = bytes.left(max);
    QString out;
    for (const char c : head) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x7f && c != '\\')
            out += QLatin1Char(c);
        else
            out += QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
    }
    if (bytes.size() > max)
        out += QStringLiteral("... (%1 bytes)").arg(bytes.size());
    return out;
}

inline QString excerpt(const QString &text, qsizetype max = 160)
{
    return excerpt(text.toUtf8(), max);
}

} // namespace fuzz

#define FUZZ_CHECK(condition, detail)                                                              \
    do {                                                                                           \
        if (!(condition))                                                                          \
            ::fuzz::fail(__FILE__, __LINE__, #condition, (detail));                                \
    } while (false)
