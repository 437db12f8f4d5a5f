// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/lexicon/WordNet.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace sandbox::text {

/// One sentence of the training text, and the word it is about (lower case; empty for none).
struct SourceSentence
{
    QByteArray text;
    QByteArray head;
    /// How common the head word's sense is: 1 for its most common sense (WordNet's index order),
    /// 1/2 for the second... 0 when the sentence is not a definition of its head.
    double sense = 0;
};

/// Sentences made from WordNet 3.0's glosses, read with the lexicon's reader
/// (lexicon::forEachGloss(); Debian's wordnet-base, /usr/share/wordnet/data.noun, .verb, .adj and
/// .adv; WordNet 3.0 licence, Princeton University: use, copy, modify and distribute for any
/// purpose, keeping its copyright notice, see /usr/share/doc/wordnet-base/copyright). Each synset
/// gives a definition in the form people answer "What is ...?" with: "France is a republic in
/// western Europe.", "A dog is a member of the genus Canis ...", "To run is to move fast by using
/// one's feet ...", "Happy means enjoying or showing ... joy.", plus "It is ..." for a further
/// definition part that is a noun phrase, and each of its example sentences of four words or more
/// ("The dog barked all night."), capitalised and ended with a full stop. Empty when `wordNet` is
/// null (no data: the model then knows only Corpus.cpp).
///
/// Reads about 28 MB; takes some 0.5 s. Called once per process (SentenceIndex::shared()).
QList<SourceSentence> wordNetSentences(const lexicon::WordNet *wordNet);

} // namespace sandbox::text
