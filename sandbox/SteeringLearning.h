// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/SyntheticModel.h"

#include <QList>
#include <QPair>
#include <QString>

#include <mutex>

namespace sandbox {

namespace translation {
class FreeDict;
}
namespace lexicon {
class WordNet;
}

/// What a steering concept's example pairs teach beyond their own words. The word diff of the
/// pairs gives word changes (house → Haus, big → groß, good → amazing); when FreeDict's eng-deu
/// dictionary explains most of them (the positive word is one of the dictionary's translations of
/// the negative word, or its inflected form: gut → guter), the pairs go from English to German,
/// and the concept writes every content word of the model's vocabulary that the dictionary
/// translates in German (translation::englishToGerman() of the word alone: "water" → "Wasser",
/// "France" → "Frankreich"); function words ("the", "is", "of") only as the examples have them.
/// Otherwise, when WordNet explains most of them as synonyms (kids → children, need → require,
/// cheap → inexpensive), the pairs choose a synonym by its length (the formal one is longer): every
/// content word of the vocabulary is written as the synonym of its commonest sense that changes its
/// length about as the pairs' synonyms do ("city" → "metropolis", "used" → "utilized"). Pairs that
/// neither explains (neutral → enthusiastic: good → amazing) teach nothing more; their own
/// replacements stay.
///
/// Learned on first use (replacements()), by the thread that asks: the dictionary is opened and
/// the vocabulary translated then (some 0.2 s), never when the concept is made, so making one
/// (or many, from the state file at start-up) stays instant. Thread-safe.
class LearnedSteering
{
public:
    /// `wordChanges`: each (negative word, positive word) of the pairs' word diffs, in order.
    LearnedSteering(const Tokenizer &tokenizer, QList<QPair<QString, QString>> wordChanges);

    /// The replacements the pairs teach (empty when they teach none).
    const Replacements &replacements() const;
    /// Whether the pairs were found to go from English to German (learns when not yet done).
    bool translates() const;

    /// The share of `wordChanges` whose positive word the dictionary `dict` gives as a
    /// translation of the negative word (of those the dictionary knows), and how many those are.
    static double explainedByDictionary(const QList<QPair<QString, QString>> &wordChanges,
        const translation::FreeDict &dict,
        int *known);

    /// The share of `wordChanges` (of those with a content word WordNet knows) whose positive
    /// word is a WordNet synonym of the negative one, how many are known, and by how many letters
    /// the synonyms change the word on average (`lengthChange`: > 0 longer).
    static double explainedBySynonyms(const QList<QPair<QString, QString>> &wordChanges,
        const lexicon::WordNet &wordNet,
        int *known,
        double *lengthChange);

private:
    void learn() const;
    void learnSynonyms() const;

    const Tokenizer &m_tokenizer;
    const QList<QPair<QString, QString>> m_wordChanges;
    mutable std::once_flag m_once;
    mutable Replacements m_replacements;
    mutable bool m_translates = false;
    mutable bool m_synonyms = false;
};

} // namespace sandbox
