// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QTextEdit>

namespace ui {

/// The words of `a` and `b` that the other text lacks, by a word diff (longest common
/// subsequence of words and punctuation marks, compared exactly): (start, length) ranges in
/// UTF-16 units of each text, in text order. Used by the Steering tab's A/B view to highlight
/// what the concept changed, and by the compare columns of Completion and Chat.
struct WordDiff
{
    QList<QPair<int, int>> onlyInA;
    QList<QPair<int, int>> onlyInB;
};
WordDiff wordDiff(const QString &a, const QString &b);

/// Selections that mark `ranges` (positions in `document`, as wordDiff() gives them) with the
/// background `colour` and a text colour readable on it, for setExtraSelections() of a text view.
QList<QTextEdit::ExtraSelection> diffSelections(
    QTextDocument *document, const QList<QPair<int, int>> &ranges, const QColor &colour);

} // namespace ui
