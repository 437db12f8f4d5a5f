// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/Tokenizer.h"

#include <QList>
#include <QPair>
#include <QString>

#include <utility>

namespace sandbox {

/// The characters a token "is" when ranges are compared: [start, end) in UTF-16 units of `text`,
/// without the token's leading space (a one-character token keeps it).
std::pair<int, int> tokenRange(const QString &text, const TextToken &t);

/// Whether [start, end) meets the span [spanStart, spanEnd): lies wholly inside it when `complete`
/// (token_overlap "complete"), else shares at least one unit with it ("partial"). 64-bit, so a
/// request's start + length up to 2 × INT_MAX does not overflow.
bool overlaps(qint64 start, qint64 end, qint64 spanStart, qint64 spanEnd, bool complete);

/// The spans of `text` for a prompt_granularity (/explain; /translate uses "sentence"), as
/// (start, length) in UTF-16 units, in text order, none empty:
/// - "token": one per token of `tokens` (the encoding of `text`), leading space left out; a token
///   that starts where the span before it starts (the bytes of one character) adds none;
/// - "sentence": cut after `.`, `!` or `?` followed by white space or the end;
/// - "paragraph": cut at each blank line (`\n\n`);
/// - "custom": cut at each `delimiter` (the delimiter belongs to no span); with an empty
///   delimiter, "word";
/// - "word" (and any other value): runs of letters and digits, every other visible character
///   on its own.
/// Sentence, paragraph and custom spans are trimmed of white space; spans that are only white space
/// are dropped. `tokens` is read only for "token".
QList<QPair<int, int>> segments(const QString &text,
    const QList<TextToken> &tokens,
    const QString &granularity,
    const QString &delimiter);

/// Indexes into `tokens` (the encoding of `text`) of the tokens the span [start, start + length)
/// covers, by overlaps() of their tokenRange(): the context positions a span suppresses, relative
/// to its item.
QList<qsizetype> positionsOf(
    const QString &text, const QList<TextToken> &tokens, int start, int length, bool complete);

} // namespace sandbox
