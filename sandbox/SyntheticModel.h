// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/Tokenizer.h"

#include <QHash>
#include <QList>
#include <QReadWriteLock>
#include <QSet>
#include <QSize>
#include <QStringList>

#include <memory>
#include <optional>

namespace sandbox {

class LearnedSteering;

/// One position of the model's context: a token and the attention factor the prompt's controls
/// (or an explanation probe) put on it. Image prompt items contribute one position per patch of a
/// 12 × 12 grid, whose token is the colour word that names the patch (" red", " blue"...).
struct ContextToken
{
    qint64 id = 0;
    double weight = 1.0; ///< 1 = untouched, < 1 suppressed, > 1 amplified
    /// When the model wrote this token as the first of a replacement's several (Scores::replacing),
    /// the token that replacement replaces, and it goes on after it; else -1. (" Fra" may begin
    /// " Frankreich" for " France", " Frage" for " question", or be written as it is.)
    qint64 replaces = -1;
};

/// A word the model writes differently: where it would write `from` (one token), it writes `to`
/// (one or more tokens) instead. Steering concepts and styles are made of these.
struct Replacement
{
    qint64 from = 0;
    QList<qint64> to;
};

/// Replacements indexed the three ways next() asks for them: by the token they replace, by their
/// text (to read a written replacement back as the word it replaced, so copying goes on) and by
/// each proper prefix of their text (to go on with a replacement once begun). Each lookup costs a
/// few hash probes however many replacements there are (a translation has thousands).
class Replacements
{
public:
    /// Adds `r` unless a replacement of `r.from` is already there (the first one stays) or `r.to`
    /// is empty or `{r.from}`. Returns whether it was added.
    bool append(const Replacement &r);
    bool isEmpty() const { return m_list.isEmpty(); }
    qsizetype size() const { return m_list.size(); }
    const QList<Replacement> &all() const { return m_list; }
    /// The replacement of `from`; null when none.
    const Replacement *of(qint64 from) const;
    /// The longest replacement whose text is the end of `tokens[0, end)`; null when none.
    const Replacement *endingAt(const QList<qint64> &tokens, qsizetype end) const;
    /// The token that goes on the replacement of `from` when `begun` is a proper prefix of its
    /// text; -1 when none.
    qint64 continuation(qint64 from, const QList<qint64> &begun) const;

private:
    QList<Replacement> m_list;
    QHash<qint64, qsizetype> m_byFrom;
    QHash<QList<qint64>, qsizetype> m_byText;
    qsizetype m_longest = 0;
};

/// A steering concept resolved to tokens (POST /steering_concepts; SteeringConcepts::fromExamples()
/// learns it from the example pairs): the model writes the positive side's words where the
/// negative side's would come (`replacements`: the word diff of each pair, and what the pairs
/// teach of every other word, such as a translation), gives the positive side's tokens a little
/// more weight and the negative side's less, and among the sentences of its topic prefers those
/// with the positive side's words. It never changes what the text is about.
struct Steering
{
    QSet<qint64> positive;
    QSet<qint64> negative;
    Replacements replacements;
    QSet<quint64> positiveStems; ///< text::stemHash() of the positive-only content words
    QSet<quint64> negativeStems; ///< ... of the negative-only ones
    /// What the pairs teach of the words they do not have (a translation), learned on first use;
    /// applied after `replacements`, so the examples' own words come first. May be null.
    std::shared_ptr<const LearnedSteering> learned;
    bool isEmpty() const
    {
        return positive.isEmpty() && negative.isEmpty() && replacements.isEmpty();
    }
};

/// How tokens are chosen (the sampling fields of /complete and /chat/completions).
struct Sampling
{
    double temperature = 0; ///< 0 with top_k 0 and top_p 0: argmax
    int topK = 0;
    double topP = 0;
    quint64 seed = 0; ///< the random stream; same seed, same samples
    int maximumTokens = 64;
    int minimumTokens = 0; ///< end-of-text is not allowed before this many tokens
    QStringList stopSequences;
    QHash<qint64, double> logitBias;
    double presencePenalty = 0;
    double frequencyPenalty = 0;
    bool penaltiesIncludePrompt = false;
    QSet<qint64> excludedFirstTokens; ///< completion_bias_exclusion: never start with these
    double endOfTextBias = 0; ///< added to end-of-text's logit: > 0 gives shorter texts
    int alternatives = 0; ///< how many most likely tokens to report per step (log_probs)
};

/// What one generation produced.
struct Generation
{
    QList<qint64> tokens;
    QList<double> logProbs; ///< natural log, one per token
    QList<QList<QPair<qint64, double>>> alternatives; ///< per token, most likely first
    QStringList pieces; ///< text of each token (for streams)
    QString rawText; ///< everything generated
    QString text; ///< cut at the stop sequence
    QString finishReason; ///< "maximum_tokens" | "end_of_text" | "stop_sequence_reached"
    double logProbability() const;
};

/// The sandbox's deterministic language model: a retrieval n-gram model over a real corpus
/// (text::SentenceIndex: the project's own sentences and WordNet's glosses as sentences). For each
/// next token it
/// - finds the topic: the sentences that share the context's rarer words (idf-weighted, the
///   sentence about a context word first), minus those the context already holds;
/// - copies: each of those sentences proposes the token that follows wherever it matches the end
///   of the context (longer matches count exponentially more; after a full stop, its first word);
/// - backs off to a word-pair model of the project's corpus, copies a name seen earlier in the
///   context ("induction"), and may end the text after a full sentence;
/// - penalises a word trigram or bigram the text already has (not counting questions);
/// - writes in the styles its context asks for (text::Styles.h) and as a steering concept says.
/// Every term is weighted by the context's attention factors, so controls, explanations
/// (suppress a span, measure the change of the target's log-probability, as AtMan does) and
/// completions all come from the same scores: log_probs, /evaluate and /explain report exactly the
/// distribution that sampling draws from.
///
/// It is not thread-safe to construct concurrently, but every const method may run on any thread.
class SyntheticModel
{
public:
    SyntheticModel();

    const Tokenizer &tokenizer() const { return m_tokenizer; }

    /// The distribution of the next token: candidates with their logits; every other token of the
    /// vocabulary shares a small floor probability, so any text has a finite log-probability.
    struct Scores
    {
        QList<qint64> ids;
        QList<double> logits;
        double logNormalizer = 0; ///< log Σ exp(logits)
        qint64 vocabularySize = 1;
        /// The probability every token of the vocabulary shares evenly (on top of the candidates'
        /// (1 − floorMass)): 1e-6 when the context is attended as written; half of it is scaled by
        /// the context's recency-weighted attention factors, so suppressing any part of the context
        /// changes it.
        double floorMass = 1e-6;
        /// The candidates that begin a replacement of several tokens (a steering concept's or a
        /// style's), each with the token it replaces: most of their probability was moved to
        /// them from that token.
        QHash<qint64, qint64> replacing;
        /// Natural-log probability of `id` under the model (temperature 1).
        double logProb(qint64 id) const;
        double logProbAt(qsizetype index) const;
        qsizetype indexOf(qint64 id) const;
    };
    Scores next(const QList<ContextToken> &context, const Steering *steering = nullptr) const
    {
        return next(context, context.size(), steering);
    }
    /// The same for the first `length` positions of `context` (no copy of a prefix).
    Scores next(const QList<ContextToken> &context,
        qsizetype length,
        const Steering *steering = nullptr) const;

    /// Generates after `context` (which the caller keeps).
    Generation generate(QList<ContextToken> context,
        const Sampling &sampling,
        const Steering *steering = nullptr) const;

    /// log P of each token of `continuation` after `context` (teacher forcing). When `greedy` is
    /// given it receives the most likely token at each step.
    QList<double> continuationLogProbs(QList<ContextToken> context,
        const QList<qint64> &continuation,
        const Steering *steering = nullptr,
        QList<qint64> *greedy = nullptr) const;

    /// Context tokens of a text (all weights 1).
    QList<ContextToken> contextOf(const QString &text) const;

    /// A deterministic embedding of weighted features (see textFeatures()), `dims` floats. Each
    /// feature adds ±weight to four positions chosen by its hash; `salt` selects a different space
    /// (layer, model, representation).
    static QList<float> embedFeatures(
        const QList<QPair<QString, double>> &features, int dims, quint64 salt);
    /// Lexical features of a text: lower-cased words (weight 1) and character trigrams of each
    /// word (weight 0.35). Texts that share words share features, so their embeddings are close.
    static QList<QPair<QString, double>> textFeatures(const QString &text);
    /// Scales `v` to unit length (unchanged when it is all zeros).
    static void normalize(QList<float> &v);
    /// FNV-1a of the UTF-8 bytes: stable across runs and machines.
    static quint64 stableHash(const QByteArray &bytes, quint64 seed = 0);

    /// The colour word tokens an image item contributes: one per patch of a 12 × 12 grid (144,
    /// the real API's count for an image). nullopt with a message when the bytes are not an image.
    std::optional<QList<qint64>> imagePatches(const QByteArray &imageBytes,
        std::optional<int> x,
        std::optional<int> y,
        std::optional<int> size,
        QSize *imageSize,
        QString *error) const;
    static constexpr int kPatchGrid = 12;

    struct Source;
    struct ContextView;

private:
    std::shared_ptr<const Source> source(int sentence) const;
    Source makeSource(const QByteArray &text) const;
    ContextView view(const QList<ContextToken> &context, qsizetype length) const;
    /// The replacements in force at this step: the steering concept's (strength 1), then those of
    /// the styles the context asks for (their strength). In model/Steering.cpp.
    QList<QPair<const Replacements *, double>> replacementsInForce(
        const Steering *steering, const ContextView &view) const;

    Tokenizer m_tokenizer;
    struct ResolvedStyle
    {
        QSet<quint64> cues;
        Replacements replacements;
        QList<qsizetype> openers; // indexes into m_openers
        double endBoost = 0;
    };
    QList<ResolvedStyle> m_styles;
    QList<std::shared_ptr<const Source>> m_openers;
    QSet<quint64> m_styleWords; // words of the styles' openings and replacements: never a topic
    QList<QByteArray> m_lowerWords; // lower-case text of each word-list word, by index
    mutable QReadWriteLock m_cacheLock; // many readers: every step of every request looks up 24
    mutable QHash<int, std::shared_ptr<const Source>> m_sources; // tokenised training sentences
    QHash<qint64, QHash<qint64, double>> m_bigrams; // prev → next → count
    QHash<qint64, double> m_prevTotals;
    QHash<qint64, double> m_unigrams;
    double m_unigramTotal = 0;
    QList<qint64> m_frequent; // most frequent corpus tokens, always candidates
};

} // namespace sandbox
