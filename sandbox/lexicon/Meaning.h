// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/lexicon/WordNet.h"

#include <QList>
#include <QPair>
#include <QString>

#include <memory>
#include <utility>
#include <vector>

namespace sandbox::lexicon {

/// A sparse vector: (feature key, weight) pairs sorted by key, each key once. Sums run in key
/// order, so the same input gives the same floats in every process.
using SparseVector = std::vector<std::pair<quint64, float>>;

/// Dot product of two SparseVectors.
double dot(const SparseVector &a, const SparseVector &b);

/// The meaning of texts from WordNet, for the sandbox's embeddings.
///
/// A known word is represented by its senses (up to six per part of speech, weighted by sense
/// rank and by how often each part of speech was tagged in SemCor), and each sense by a bag of
/// words (lemmas weighted by their inverse document frequency over all WordNet glosses): the
/// sense's synonyms and gloss, the glosses of its hypernyms two levels up (half weight per
/// level), its topic domains, its derivationally related words and their glosses ("billing" →
/// bill, "demand payment"), plus features of its own synset
/// and of its specific hypernym synsets (six or more steps below the root, fading per level), so
/// "invoice" and "bill" share concepts as well as words.
/// The senses of a word in a text are weighed by how well they fit the rest of the text (a
/// simple word-sense disambiguation: the cosine of the sense with the other words' senses), and
/// words by specificity (rare, less polysemous words weigh more; stop words nothing). Unknown
/// words give character features at a lower weight. Words about the same topic ("verdict",
/// "jury", "lawyer") so share gloss words, hypernyms and domains, and their texts come close.
///
/// Besides this bag, a text gets a topic profile: its similarity to each of WordNet's 440 topic
/// domains (law, music, cooking, astronomy...), each domain represented by the bags of the
/// senses in it (the `;c` members), centred (less the mean over all domains, which only says how
/// many common gloss words a text has). The profile is dense and short, so it survives
/// compression to 128 dimensions where a bag would drown in hash collisions.
///
/// Built once from WordNet (one pass over the four data files for gloss frequencies and domain
/// members, a few hundred milliseconds), on a background thread; thread-safe afterwards (word
/// entries are cached under a lock).
class MeaningSpace
{
public:
    ~MeaningSpace();

    /// Builds the space from `wordNet`, which must outlive it.
    static std::unique_ptr<MeaningSpace> build(const WordNet &wordNet);
    /// Starts building the shared space (of WordNet::shared()) on a background thread; returns
    /// at once.
    static void preload();
    /// The shared space: waits for the build preload() started (starting it if needed, never on
    /// the caller's thread). nullptr when WordNet's data is absent.
    static const MeaningSpace *shared();

    /// The meaning of a text.
    struct TextMeaning
    {
        SparseVector features; ///< the bag, unit length (empty without any word)
        QList<float> domains; ///< similarity to each domain (domainCount()), unit length or all 0
        int knownWords = 0; ///< words WordNet knows (stop words not counted)
        int unknownWords = 0; ///< words it does not (character features)
    };
    /// The meaning of `words` (the text's words in order, each with a weight such as its tokens'
    /// attention weight). Collocations of up to three words that WordNet knows count as one word
    /// ("olive oil", "log in", "logged in" with the verb's inflection undone as morphy does);
    /// an unknown closed compound counts as WordNet's open one or as its two known halves
    /// ("login" → log in, "passcode" → pass, code); an acronym in capitals takes only the senses
    /// WordNet writes in capitals ("VAT" the tax, not the tub) when there are any.
    TextMeaning meaning(const QList<QPair<QString, double>> &words) const;

    /// How many topic domains the profile has (440 for WordNet 3.0), most populous first.
    int domainCount() const;
    /// The head word of domain `index` ("law", "music"...).
    QString domainName(int index) const;

    /// True for the English function words that carry (almost) no meaning: "the", "of", "is"...
    static bool isStopWord(const QString &lowerCaseWord);

private:
    MeaningSpace() = default;
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace sandbox::lexicon
