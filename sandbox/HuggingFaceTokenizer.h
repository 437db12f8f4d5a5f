// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/Tokenizer.h"

#include <QByteArray>

namespace sandbox {

/// `tokenizer` as a Hugging Face `tokenizers` file (tokenizer.json, format "1.0"): what
/// GET /models/{modelName}/tokenizer answers (spec: getModelTokenizer; the official client's
/// tokenizer() loads it with `Tokenizer.from_str`). Encoding a text with it gives the ids /tokenize
/// gives, and decoding gives the text back:
/// - normalizer: one `Replace` per word-list word of at most three letters, which marks the word
///   with U+E000 where it is a whole run of letters and digits (" the", not the "the" of "
///   theory"): the piece "the" and the word "the" are different tokens with the same bytes;
/// - pre_tokenizer: a `Split` (Isolated) whose regex cuts the text where Tokenizer::encode() does
/// (a
///   marked short word, a whole-run word of the list, pieces of up to three letters or digits with
///   the run's leading space on the first, any other character), then `ByteLevel` (no prefix space,
///   no regex) for GPT-2's byte-to-character form;
/// - model: `WordPiece` with an empty continuing-subword prefix over displayForm() of every id (the
///   short words with their marker), which keeps each pre-token whole and cuts what remains (a
///   multi-byte character) into its bytes;
/// - decoder: `Replace` (drops the marker), then `ByteLevel`.
/// `<|endoftext|>` (id 0) is the one added token, special. About 7.5 MB; the result does not depend
/// on anything but the tokenizer's word list, so callers may keep it.
QByteArray huggingFaceTokenizerJson(const Tokenizer &tokenizer);

} // namespace sandbox
