// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QPair>
#include <QString>

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

} // namespace ui
