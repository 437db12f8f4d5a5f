// SPDX-License-Identifier: MIT
#include "ui/common/WordDiff.h"

#include "ui/common/Palette.h"

#include <algorithm>

namespace ui {

namespace {

/// Words (letters, digits, apostrophes) and single punctuation marks: (start, length).
QList<QPair<int, int>> units(const QString &text)
{
    QList<QPair<int, int>> out;
    int i = 0;
    const int n = int(text.size());
    while (i < n) {
        if (text.at(i).isSpace()) {
            ++i;
        } else if (text.at(i).isLetterOrNumber() || text.at(i) == u'\'') {
            int j = i;
            while (j < n && (text.at(j).isLetterOrNumber() || text.at(j) == u'\''))
                ++j;
            out.append({i, j - i});
            i = j;
        } else {
            out.append({i, 1});
            ++i;
        }
    }
    return out;
}

} // namespace

WordDiff wordDiff(const QString &a, const QString &b)
{
    const QList<QPair<int, int>> ua = units(a);
    const QList<QPair<int, int>> ub = units(b);
    // Long texts: the diff is quadratic; beyond 4,000 units each, the rest counts as changed.
    const qsizetype na = std::min<qsizetype>(ua.size(), 4000);
    const qsizetype nb = std::min<qsizetype>(ub.size(), 4000);
    const auto same = [&](qsizetype i, qsizetype j) {
        return QStringView(a).mid(ua.at(i).first, ua.at(i).second)
            == QStringView(b).mid(ub.at(j).first, ub.at(j).second);
    };
    QList<QList<int>> lcs(na + 1, QList<int>(nb + 1, 0));
    for (qsizetype i = na - 1; i >= 0; --i)
        for (qsizetype j = nb - 1; j >= 0; --j)
            lcs[i][j] = same(i, j) ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    WordDiff diff;
    qsizetype i = 0, j = 0;
    while (i < na && j < nb) {
        if (same(i, j)) {
            ++i;
            ++j;
        } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
            diff.onlyInA.append(ua.at(i++));
        } else {
            diff.onlyInB.append(ub.at(j++));
        }
    }
    for (; i < ua.size(); ++i)
        diff.onlyInA.append(ua.at(i));
    for (; j < ub.size(); ++j)
        diff.onlyInB.append(ub.at(j));
    return diff;
}

QList<QTextEdit::ExtraSelection> diffSelections(
    QTextDocument *document, const QList<QPair<int, int>> &ranges, const QColor &colour)
{
    const QColor text = Palette::current().textOn(colour);
    QList<QTextEdit::ExtraSelection> selections;
    for (const auto &[start, length] : ranges) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(document);
        selection.cursor.setPosition(start);
        selection.cursor.setPosition(start + length, QTextCursor::KeepAnchor);
        selection.format.setBackground(colour);
        selection.format.setForeground(text);
        selections.append(selection);
    }
    return selections;
}

} // namespace ui
