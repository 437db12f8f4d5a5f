// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace sandbox::text {

// Word keys shared by the SentenceIndex (which sentences hold a word) and the SyntheticModel
// (which words its context holds): lower-case ASCII words, hashed with FNV-1a so that the two
// agree without sharing strings. A "stem" folds the regular plural and the possessive ("cities",
// "city's" → "city") so that a question about dogs finds the sentences about a dog.

/// FNV-1a of `word` (already lower case).
quint64 wordHash(QByteArrayView word);
/// wordHash() of the stem of `word` (lower case): "'s", and a plural "s", "es" or "ies" removed.
quint64 stemHash(QByteArrayView word);
/// Function words ("the", "of", "is", ...) that say nothing about a text's topic.
bool isStopword(QByteArrayView word);
/// Whether `c` belongs to a word (ASCII letters and digits; words are what the Tokenizer keeps).
inline bool isWordByte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
inline char lowerByte(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

/// Calls `f(QByteArrayView lowerWord)` for each word of `utf8` in order.
template<class F>
void forEachWord(QByteArrayView utf8, F &&f)
{
    QByteArray word;
    for (const char c : utf8) {
        if (isWordByte(c)) {
            word += lowerByte(c);
        } else if (!word.isEmpty()) {
            f(QByteArrayView(word));
            word.clear();
        }
    }
    if (!word.isEmpty())
        f(QByteArrayView(word));
}

} // namespace sandbox::text
