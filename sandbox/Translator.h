// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Translation.h"

#include <QString>

namespace sandbox {

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
/// Token counts are left unset (the caller counts with its tokenizer). Deterministic and
/// thread-safe.
core::TranslationResponse pseudoTranslate(const QString &source, const QString &language);

} // namespace sandbox
