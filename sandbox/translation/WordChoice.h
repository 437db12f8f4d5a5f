// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/translation/FreeDict.h"
#include "sandbox/translation/German.h"

#include <QString>

namespace sandbox::translation {

/// Part of speech wanted from (or found in) a dictionary sense.
enum class Pos { Any, Noun, Verb, Adjective, Adverb, Other };

/// The translation the sandbox picks for one word: its text, and for a German noun its gender
/// (Gender::Plural for a plural form).
struct WordChoice
{
    QString text;
    Pos pos = Pos::Any;
    Gender gender = Gender::None;
    bool found = false;
};

/// The part of speech and gender a sense gives its translations (`<masc>` → noun, masculine;
/// `<v>` → verb; `<n>` in deu-eng → noun...).
WordChoice senseKind(const DictSense &sense);

/// The most likely translation of `word` in `dict` wanting `want`: each sense is scored by how
/// common it looks (its example lines), whether its part of speech is the one wanted, and against
/// specialist or register labels ([techn.], [veraltet], [ugs.]...) and capitalised headwords
/// (proper names) for a lower-case word; the best sense's first plain term is taken ("sich",
/// "jdn./etw." and parentheses removed). Not found when `dict` has no sense of `word`, or none
/// of part of speech `want` when `strict`.
WordChoice chooseTranslation(
    const FreeDict &dict, const QString &word, Pos want, bool strict = false);

} // namespace sandbox::translation
