// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/Tokenizer.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QSize>
#include <QStringList>

namespace sandbox {

/// One position of the model's context: a token and the attention factor the prompt's controls
/// (or an explanation probe) put on it. Image prompt items contribute one position per patch of a
/// 12 × 12 grid, whose token is the colour word that names the patch (" red", " blue"...).
struct ContextToken
{
    qint64 id = 0;
    double weight = 1.0; ///< 1 = untouched, < 1 suppressed, > 1 amplified
};

/// A steering concept resolved to tokens: generation is pulled towards `positive` and pushed away
/// from `negative` (POST /steering_concepts; the words of the positive and negative examples).
struct Steering
{
    QSet<qint64> positive;
    QSet<qint64> negative;
    bool isEmpty() const { return positive.isEmpty() && negative.isEmpty(); }
};

/// How tokens are chosen (the sampling fields of /complete and /chat/completions).
struct Sampling
{
    double temperature = 0; ///< 0 with top_k 0 and top_p 0: argmax
    int topK = 0;
    double topP = 0;
    quint64 seed = 0;       ///< the random stream; same seed, same samples
    int maximumTokens = 64;
    int minimumTokens = 0;  ///< end-of-text is not allowed before this many tokens
    QStringList stopSequences;
    QHash<qint64, double> logitBias;
    double presencePenalty = 0;
    double frequencyPenalty = 0;
    bool penaltiesIncludePrompt = false;
    QSet<qint64> excludedFirstTokens; ///< completion_bias_exclusion: never start with these
    double endOfTextBias = 0; ///< added to end-of-text's logit: > 0 gives shorter texts
    int alternatives = 0;   ///< how many most likely tokens to report per step (log_probs)
};

/// What one generation produced.
struct Generation
{
    QList<qint64> tokens;
    QList<double> logProbs;                              ///< natural log, one per token
    QList<QList<QPair<qint64, double>>> alternatives;    ///< per token, most likely first
    QStringList pieces;                                  ///< text of each token (for streams)
    QString rawText;                                     ///< everything generated
    QString text;                                        ///< cut at the stop sequence
    QString finishReason;                                ///< "maximum_tokens" | "end_of_text" | "stop_sequence_reached"
    double logProbability() const;
};

/// The sandbox's deterministic language model. It is a word-pair (bigram) model learned from a
/// small built-in corpus, plus attention over the context: words of the context become likelier
/// ("topic"), and what followed the previous token earlier in the context may be copied
/// ("induction"). Every term is weighted by the context's attention factors, so controls,
/// explanations (suppress a span, measure the change of the target's log-probability, as AtMan
/// does) and completions all come from the same scores.
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
    Scores next(const QList<ContextToken> &context, qsizetype length, const Steering *steering = nullptr) const;

    /// Generates after `context` (which the caller keeps).
    Generation generate(QList<ContextToken> context, const Sampling &sampling, const Steering *steering = nullptr) const;

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
    static QList<float> embedFeatures(const QList<QPair<QString, double>> &features, int dims, quint64 salt);
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
                                              std::optional<int> x, std::optional<int> y,
                                              std::optional<int> size, QSize *imageSize, QString *error) const;
    static constexpr int kPatchGrid = 12;

private:
    Tokenizer m_tokenizer;
    QHash<qint64, QHash<qint64, double>> m_bigrams; // prev → next → count
    QHash<qint64, double> m_prevTotals;
    QHash<qint64, double> m_unigrams;
    double m_unigramTotal = 0;
    QList<qint64> m_frequent; // most frequent corpus tokens, always candidates
};

} // namespace sandbox
