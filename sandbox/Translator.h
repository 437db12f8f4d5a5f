// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Translation.h"

#include <QString>

namespace sandbox {

namespace translation {
class FreeDict;
}

/// The sandbox's pseudo-translation of `source` into `language` (an ISO 639-1 code of
/// core::translationLanguageCodes(), lower case; the caller checks it), for POST /translate
/// (reference/API-ENDPOINTS.md, translate). Not a translation: each word (a run of letters) found
/// in a small built-in word list for de, fr or es is replaced (keeping a capital first letter),
/// every other word and character is kept as it is. The result is labelled so nobody mistakes it:
/// - `translation`: `"[<language>] "` and the translated sentences (segments(..., "sentence"))
///   joined by one space;
/// - `segments`: per sentence its source, translation and a score 0.55..0.95, 0.55 + 0.4 × the
///   share of its words the list knows (0.95 for a sentence without words);
/// - `score`: the segments' scores weighted by their length in UTF-16 units, 0 for a text
///   without sentences.
/// A source that starts with such a label (an answer sent back) is translated without it.
/// Token counts are left unset (the caller counts with its tokenizer). Deterministic and
/// thread-safe.
core::TranslationResponse pseudoTranslate(const QString &source, const QString &language);

/// The sandbox's answer to POST /translate: for "de" (English source) and "en" (German source) a
/// word-by-word translation with FreeDict's eng-deu or deu-eng (translation/WordByWord.h:
/// articles by gender and case, present-tense verbs by person, plurals, a little word order),
/// shaped as pseudoTranslate()'s: `"[<language>] "` and the sentences; per sentence a score
/// 0.55 + 0.4 × the share of its words the dictionary or the grammar's word lists really
/// translated (0.95 for a sentence without words); `score` the length-weighted mean. Every other
/// language, and de/en when the dictionary's data is absent (FreeDict::shared() gives null),
/// get pseudoTranslate(). The dictionaries are read on first use by the calling thread (the
/// sandbox's worker threads). Deterministic and thread-safe.
core::TranslationResponse translate(const QString &source, const QString &language);

/// translate() with the given dictionaries instead of the shared ones (either may be null: that
/// direction is then pseudo-translated). For tests.
core::TranslationResponse translateWith(const QString &source,
    const QString &language,
    const translation::FreeDict *engDeu,
    const translation::FreeDict *deuEng);

} // namespace sandbox
