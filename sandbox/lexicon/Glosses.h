// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/lexicon/WordNet.h"

#include <QByteArray>
#include <QList>

#include <functional>

namespace sandbox::lexicon {

/// One synset's gloss cut into the parts texts are made of (wndb(5WN): "definition; definition;
/// \"example\"; \"example\""), with WordNet's own reader (WordNet::synset()).
struct Gloss
{
    Synset synset;
    /// The synset's head word (its first word, spaces for `_`, adjective marker removed).
    QByteArray lemma;
    /// How common the synset is as a sense of `lemma`: its rank among the lemma's senses in
    /// index.<pos> (1 = most common) when SemCor tagged any of them, -1 when it tagged none,
    /// 0 when the index does not list the synset under the lemma.
    int senseRank = 0;
    /// The definition parts, in order, without parenthesised asides ("(probably descended from
    /// the common wolf)") or a leading subject label ("(law)"); UTF-8.
    QList<QByteArray> definitions;
    /// The quoted usage examples, without their quotes and asides; UTF-8.
    QList<QByteArray> examples;
};

/// Calls `visit` for every synset of data.<pos> of `wordNet`, in file order (some 82,000 nouns,
/// 13,800 verbs, 18,200 adjectives, 3,600 adverbs in WordNet 3.0). A pass over the whole
/// database, for callers that build their own index of it (text::wordNetSentences()).
void forEachGloss(
    const WordNet &wordNet, PartOfSpeech pos, const std::function<void(const Gloss &)> &visit);

/// `text` without its parenthesised asides, spaces made single ("a (big) dog , x" → "a dog, x").
QByteArray withoutAsides(const QByteArray &text);

} // namespace sandbox::lexicon
