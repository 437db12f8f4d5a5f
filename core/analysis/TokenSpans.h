// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace core::analysis {

/// The UTF-8 bytes a byte-level token string stands for (the GPT-2 byte-to-character table that
/// `/tokenize` uses for `tokens`: "Ġhello" → " hello", "Ċ" → "\n", "Ã©" → "é"). A character
/// outside the table (a tokenizer that is not byte-level) is taken as its own UTF-8.
QByteArray byteLevelBytes(const QString &token);

/// Where one token of `/tokenize` lies in the text that was tokenized.
struct TokenSpan
{
    int start = -1; ///< first UTF-16 code unit in the text; -1 when the token could not be placed
    int length = 0; ///< code units covered; a character cut between tokens counts for each of them
    bool addedSpace = false; ///< the token carries a leading space the text lacks (prefix space)
};

/// Places each of `tokens` (byte-level strings, in order, as `/tokenize` returns them for `text`)
/// over `text`. Tokens are matched byte by byte against the text's UTF-8; a leading space that the
/// text does not have (tokenizers that add a prefix space: "hello" → ["Ġhello"]) is accepted and
/// flagged. From the first token that does not match, the rest get start -1.
/// Returns one span per token. `placed` (optional) is the number of tokens placed.
QList<TokenSpan> tokenSpans(const QString &text, const QStringList &tokens, int *placed = nullptr);

} // namespace core::analysis
