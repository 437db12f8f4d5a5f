// SPDX-License-Identifier: MIT
#include "core/analysis/TokenSpans.h"

#include <QHash>

namespace core::analysis {

namespace {

/// The inverse of GPT-2's bytes_to_unicode(): printable bytes stand for themselves, the other 68
/// bytes were moved to U+0100 and up in byte order.
const QHash<char16_t, uchar> &byteTable()
{
    static const QHash<char16_t, uchar> table = [] {
        QHash<char16_t, uchar> t;
        int next = 0;
        for (int b = 0; b < 256; ++b) {
            const bool direct
                = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            t.insert(direct ? char16_t(b) : char16_t(256 + next++), uchar(b));
        }
        return t;
    }();
    return table;
}

} // namespace

QByteArray byteLevelBytes(const QString &token)
{
    const QHash<char16_t, uchar> &table = byteTable();
    QByteArray out;
    out.reserve(token.size());
    for (qsizetype i = 0; i < token.size(); ++i) {
        const auto it = table.constFind(token.at(i).unicode());
        if (it != table.cend()) {
            out.append(char(it.value()));
            continue;
        }
        // Not byte-level: the character itself (a surrogate pair stays whole).
        const qsizetype n = token.at(i).isHighSurrogate() && i + 1 < token.size() ? 2 : 1;
        out.append(token.mid(i, n).toUtf8());
        i += n - 1;
    }
    return out;
}

QList<TokenSpan> tokenSpans(const QString &text, const QStringList &tokens, int *placed)
{
    // The text's UTF-8, and for each byte the UTF-16 index of the character it belongs to.
    QByteArray bytes;
    QList<int> unitOf;
    bytes.reserve(text.size());
    unitOf.reserve(text.size() + 1);
    for (qsizetype i = 0; i < text.size();) {
        const qsizetype n = text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
        const QByteArray utf8 = text.mid(i, n).toUtf8();
        bytes.append(utf8);
        for (qsizetype k = 0; k < utf8.size(); ++k)
            unitOf.append(int(i));
        i += n;
    }
    unitOf.append(int(text.size()));

    QList<TokenSpan> spans(tokens.size());
    qsizetype at = 0; // next byte of the text
    int count = 0;
    for (int t = 0; t < tokens.size(); ++t) {
        QByteArray token = byteLevelBytes(tokens.at(t));
        bool addedSpace = false;
        if (!QByteArrayView(bytes).sliced(at).startsWith(token) && token.startsWith(' ')
            && QByteArrayView(bytes).sliced(at).startsWith(QByteArrayView(token).sliced(1))) {
            token.remove(0, 1);
            addedSpace = true;
        }
        if (!QByteArrayView(bytes).sliced(at).startsWith(token))
            break;
        const qsizetype end = at + token.size();
        TokenSpan &span = spans[t];
        span.start = unitOf.at(at);
        // The end is the end of the character holding the token's last byte.
        int endUnit = unitOf.at(end);
        if (end > at && end < bytes.size() && unitOf.at(end) == unitOf.at(end - 1))
            endUnit = unitOf.at(end) + (text.at(unitOf.at(end)).isHighSurrogate() ? 2 : 1);
        span.length = token.isEmpty() ? 0 : std::max(endUnit - span.start, 1);
        span.addedSpace = addedSpace;
        at = end;
        ++count;
    }
    if (placed)
        *placed = count;
    return spans;
}

} // namespace core::analysis
