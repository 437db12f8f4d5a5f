// SPDX-License-Identifier: MIT
#include "sandbox/TextSpans.h"

using namespace Qt::StringLiterals;

namespace sandbox {

bool overlaps(qint64 start, qint64 end, qint64 spanStart, qint64 spanEnd, bool complete)
{
    if (complete)
        return start >= spanStart && end <= spanEnd;
    return start < spanEnd && end > spanStart;
}

std::pair<int, int> tokenRange(const QString &text, const TextToken &t)
{
    int start = t.start;
    const int end = t.start + t.length;
    if (t.length > 1 && text.at(start) == u' ')
        ++start;
    return {start, end};
}

QList<QPair<int, int>> segments(const QString &text,
    const QList<TextToken> &tokens,
    const QString &granularity,
    const QString &delimiter)
{
    QList<QPair<int, int>> out;
    const int n = int(text.size());
    const auto addTrimmed = [&](int start, int end) {
        while (start < end && text.at(start).isSpace())
            ++start;
        while (end > start && text.at(end - 1).isSpace())
            --end;
        if (end > start)
            out.append({start, end - start});
    };
    if (granularity == u"token"_s) {
        for (const TextToken &t : tokens) {
            const auto [start, end] = tokenRange(text, t);
            if (out.isEmpty() || out.constLast().first != start)
                out.append({start, end - start});
        }
    } else if (granularity == u"sentence"_s) {
        int start = 0;
        for (int i = 0; i < n; ++i) {
            const QChar c = text.at(i);
            if ((c == u'.' || c == u'!' || c == u'?') && (i + 1 == n || text.at(i + 1).isSpace())) {
                addTrimmed(start, i + 1);
                start = i + 1;
            }
        }
        addTrimmed(start, n);
    } else if (granularity == u"paragraph"_s) {
        int start = 0;
        for (qsizetype at = text.indexOf(u"\n\n"_s); at >= 0; at = text.indexOf(u"\n\n"_s, start)) {
            addTrimmed(start, int(at));
            start = int(at) + 2;
        }
        addTrimmed(start, n);
    } else if (granularity == u"custom"_s && !delimiter.isEmpty()) {
        int start = 0;
        for (qsizetype at = text.indexOf(delimiter); at >= 0; at = text.indexOf(delimiter, start)) {
            addTrimmed(start, int(at));
            start = int(at + delimiter.size());
        }
        addTrimmed(start, n);
    } else { // word: runs of letters and digits; every other visible character on its own
        int i = 0;
        while (i < n) {
            if (text.at(i).isLetterOrNumber()) {
                int j = i;
                while (j < n && text.at(j).isLetterOrNumber())
                    ++j;
                out.append({i, j - i});
                i = j;
            } else {
                if (!text.at(i).isSpace())
                    out.append({i, 1});
                ++i;
            }
        }
    }
    return out;
}

QList<qsizetype> positionsOf(
    const QString &text, const QList<TextToken> &tokens, int start, int length, bool complete)
{
    QList<qsizetype> out;
    for (qsizetype k = 0; k < tokens.size(); ++k) {
        const auto [s, e] = tokenRange(text, tokens.at(k));
        if (overlaps(s, e, start, start + length, complete))
            out.append(k);
    }
    return out;
}

} // namespace sandbox
