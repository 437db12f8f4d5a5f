// SPDX-License-Identifier: MIT
// The SyntheticModel's inner parts, shared by its source files (not part of the sandbox's API):
// the model's constants, how a token reads at word level, a training sentence as tokens (Source)
// and what next() needs of its context (ContextView).
//   SyntheticModel.cpp     construction: vocabulary, word-pair model, styles
//   model/Context.cpp      reading the context and the training sentences (word n-grams, topic,
//                          attention factors: what explanations suppress)
//   model/NextToken.cpp    next(): the distribution of the next token
//   model/Steering.cpp     steering concepts and styles inside next(): topic pull, replacements
//   model/Generation.cpp   generate() (sampling) and continuationLogProbs() (log_probs, /evaluate)
#pragma once

#include "sandbox/SyntheticModel.h"
#include "sandbox/text/SentenceIndex.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace sandbox::model {

inline constexpr double kFloorMass = 1e-6; // probability shared by every non-candidate token
inline constexpr int kTopSentences = 24; // training sentences the topic keeps
inline constexpr double kRelevanceScale = 0.35; // log relevance per point of idf-weighted overlap
inline constexpr double kHeadBonus = 0.4; // the definition of a context word counts it 1.4 times
inline constexpr int kMaxDocumentFrequency
    = 20000; // a word in more sentences says nothing of a topic
inline constexpr double kCoverageCost
    = 16.0; // a sentence the context already holds is not told again
inline constexpr double kMatchGain = 2.5; // each matched token multiplies a proposal by e^2.5
inline constexpr int kMaxMatch = 6;
inline constexpr double kStartMatch
    = 1.5; // a sentence's first word after a full stop: a match of 1.5
inline constexpr double kBackoffMass = 0.05; // the word-pair model's share when nothing matches
inline constexpr double kSharpness = 1.5; // logit = 1.5 log(mass): how sure the model is
inline constexpr double kWordGain = 3.0; // a word's next piece, as a matching sentence spells it
inline constexpr double kInductionMass = 150.0; // a word's next piece as seen before in the context
inline constexpr double kNameMass
    = 8000.0; // a name (capitalised, not in the vocabulary) seen before
inline constexpr double kEndShare = 0.12; // end-of-text after a full sentence, against a new one
inline constexpr double kMidEndShare = 1e-5; // end-of-text inside a sentence
inline constexpr double kTrigramPenalty
    = 40.0; // per earlier occurrence of a word trigram: no repeats
inline constexpr double kBigramPenalty = 1.0; // per earlier occurrence of a word bigram
inline constexpr double kContentBigramPenalty = 3.0; // ... of a bigram with a content word
inline constexpr double kQuestionShare
    = 0.075; // a question's n-grams count little: answers repeat them
inline constexpr double kSteeringWeight = 0.5; // a positive word's logit up, a negative's down
inline constexpr double kSteeringTopic = 0.15; // a positive word: 0.15 of a context word
/// ... of a concept about other things (its pairs are no translation or synonyms: car → pizza)
inline constexpr double kSteeringTopicShift = 0.6;
inline constexpr double kReplacementGain
    = 5.0; // a replacement leaves e^-5 of a word's probability to it
inline constexpr double kContinueGain = 12.0; // a replacement's next token once it has begun
inline constexpr double kOpenerRelevance
    = 20.0; // a style's opening sentence against the best topical one
inline constexpr double kCacheMass
    = 0.01; // the context's own words, shared by the words as attended
inline constexpr double kFloorRecency
    = 8.0; // tokens: how fast a context token's share of the floor fades

inline quint64 mixKeys(quint64 a, quint64 b)
{
    quint64 x = a * 0x9E3779B97F4A7C15ULL ^ (b + 0x632BE59BD9B4E019ULL + (a << 6) + (a >> 2));
    x ^= x >> 31;
    return x * 0xBF58476D1CE4E5B9ULL;
}

/// What one token is for the word-level view: its lower-case word characters and where it stands.
struct TokenInfo
{
    QByteArray content; // lower-case letters and digits (empty for punctuation)
    bool startsWord = false; // leading space, then a word
    bool continues = false; // word characters without a leading space
    char terminator = 0; // '.', '!', '?' or '\n' when the token ends a sentence
};

/// What token `id` is at word level; `lowerWords` is the lower-case text of each word-list word.
TokenInfo tokenInfo(const Tokenizer &tokenizer, const QList<QByteArray> &lowerWords, qint64 id);

inline double logAddExp(double a, double b)
{
    const double m = std::max(a, b);
    return m + std::log(std::exp(a - m) + std::exp(b - m));
}

/// The replacements in force at one step, each with its strength (0..1).
using InForce = QList<QPair<const Replacements *, double>>;

// Steering concepts and styles inside next() (model/Steering.cpp).

/// Re-ranks the topic's sentences by a steering concept: those with its positive words count more,
/// those with its negative words less. It adds no sentence the context's words did not find: a
/// concept changes how the text is written, not what it is about.
void steerTopic(
    const Steering &steering, const text::SentenceIndex &index, QHash<qint32, double> *score);
/// The end of the context as the model's own words: each replacement read back as the token it
/// replaced (so that copying from the training sentences goes on after it), at most kMaxMatch.
void readBack(const QList<qint64> &suffix,
    const QList<double> &weights,
    const InForce &replacements,
    QList<qint64> *ownSuffix,
    QList<double> *ownWeights);
/// `context[0, length)` with each steering replacement written in it read back as the token it
/// replaced (the weight of its last token); when the replacement has several tokens, only where
/// its first was written as one (ContextToken::replaces).
QList<ContextToken> readBackContext(
    const QList<ContextToken> &context, qsizetype length, const InForce &replacements);
/// Makes the first token of each replacement of a candidate a candidate too.
void addReplacementCandidates(const InForce &replacements, QHash<qint64, double> *mass);
/// What a steering concept adds to the logit of `id`: + for its positive tokens, − for negative.
double steeringBias(const Steering &steering, qint64 id);
/// Moves the probability of each replaced candidate to its replacement (leaving e^-5 of it, times
/// the strength), and makes the next token of a begun replacement (at the end of `suffix`) the
/// likeliest by far (begun: its first token was written as Scores::replacing, `suffixReplaces`).
/// `at` maps each id of `scores` to its index; both may grow.
void applyReplacements(const InForce &replacements,
    const QList<qint64> &suffix,
    const QList<qint64> &suffixReplaces,
    SyntheticModel::Scores *scores,
    QHash<qint64, qsizetype> *at);

} // namespace sandbox::model

namespace sandbox {

/// A training sentence as tokens, with its word bigrams (to tell whether the context holds it).
struct SyntheticModel::Source
{
    QList<qint64> tokens;
    QSet<quint64> bigrams; // content-word bigrams
    QList<quint64> trigramAt; // per token: the word trigram its word completes (0: none)
    QList<qsizetype> nextWordStart; // per token: where the next word starts (tokens.size(): none)
};

/// What next() needs of its context, read in one pass.
struct SyntheticModel::ContextView
{
    QHash<quint64, double> topic; // stem → weight
    QSet<quint64> told; // content-word bigrams of the earlier sentences
    QHash<quint64, double> trigrams; // (word, word, first token of a word) → count
    QHash<quint64, double> bigrams; // (word, first token of a word) → count
    quint64 last1 = 0; // the last complete word (full hash)
    quint64 last2 = 0; // the one before
    bool lastStop = true; // the last complete word is a function word
    bool inWord = false; // the last token ends in a word character
    bool boundary = true; // the next token starts a sentence
    char lastTerminator = 0;
    bool lastSharesTopic = false; // the last sentence went on with an earlier one's words
    qsizetype sentenceStart = 0; // where the sentence being read starts
    QList<qint64> suffix; // the last tokens, oldest first
    QList<double> suffixWeights;
    QList<qint64> suffixReplaces; // ... and what each replaces when it began a replacement
    QHash<qint64, double> induction; // what followed earlier occurrences of the last token
    QHash<qint64, int> repeats;
    QList<double> styles; // strength of each of m_styles
    double prevWeight = 1.0;
    QHash<qint64, double> cache; // first token of each context word → Σ attention factors
    int words = 0; // how many words the context has
    double attention = 1.0; // recency-weighted mean attention factor (1: untouched)
    qint64 lastFirstId = -1; // the first token of the last word
    bool lastMultiToken = false; // ... which had more tokens
};

} // namespace sandbox
