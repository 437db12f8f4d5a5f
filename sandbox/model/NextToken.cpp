// SPDX-License-Identifier: MIT
// SyntheticModel::next(): the distribution of the next token. The topic's training sentences
// (idf-weighted overlap with the context), each copying what follows wherever it matches the end
// of the context; the word-pair back-off, induction, the context's own words and end-of-text;
// then the repetition penalties, and the steering concept's and styles' parts (model/Steering.cpp).
#include "sandbox/model/ModelParts.h"
#include "sandbox/text/SentenceIndex.h"
#include "sandbox/text/Words.h"

#include <optional>
#include <vector>

namespace sandbox {

using namespace model;

namespace {

/// What the topic's ranking depends on: the context's topic and the concept's words.
struct TopicKey
{
    std::vector<std::pair<quint64, double>> topic;
    std::vector<quint64> positive;
    std::vector<quint64> negative;
    bool operator==(const TopicKey &) const = default;
};

std::vector<quint64> sorted(const QSet<quint64> &set)
{
    std::vector<quint64> out(set.cbegin(), set.cend());
    std::sort(out.begin(), out.end());
    return out;
}

/// The kTopSentences sentences of the topic, best first (ties by sentence): the sentences sharing
/// the context's words, rarer words counting more, re-ranked by a steering concept.
QList<QPair<double, qint32>> rankTopicNow(
    const QHash<quint64, double> &topic, const Steering *steering, const text::SentenceIndex &index)
{
    // Room for every posting at once: growing the hash one rehash at a time cost more than the
    // scoring (the sums and the ranking do not depend on the hash's order).
    qsizetype postingTotal = 0;
    for (auto it = topic.cbegin(); it != topic.cend(); ++it) {
        qsizetype count = 0;
        index.postings(it.key(), &count);
        if (count <= kMaxDocumentFrequency)
            postingTotal += count;
    }
    QHash<qint32, double> score;
    score.reserve(postingTotal);
    for (auto it = topic.cbegin(); it != topic.cend(); ++it) {
        qsizetype count = 0;
        const qint32 *postings = index.postings(it.key(), &count);
        if (count == 0 || count > kMaxDocumentFrequency)
            continue;
        const double weight = std::log1p(it.value()) / std::log(2.0) * index.idf(it.key());
        for (qsizetype k = 0; k < count; ++k) {
            double &s = score[postings[k]];
            s += weight;
            if (index.head(postings[k]) == it.key())
                s += kHeadBonus * index.sense(postings[k]) * weight;
        }
    }
    if (steering)
        steerTopic(*steering, index, &score);
    QList<QPair<double, qint32>> ranked;
    ranked.reserve(score.size());
    for (auto it = score.cbegin(); it != score.cend(); ++it)
        ranked.append({it.value(), it.key()});
    const auto better = [](const QPair<double, qint32> &a, const QPair<double, qint32> &b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    };
    const qsizetype keep = std::min<qsizetype>(kTopSentences, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + keep, ranked.end(), better);
    ranked.resize(keep);
    return ranked;
}

/// rankTopicNow(), remembered for the last few topics of this thread: a text's topic changes only
/// when a content word is complete, so most steps of a generation rank the same topic again.
QList<QPair<double, qint32>> rankTopic(
    const QHash<quint64, double> &topic, const Steering *steering, const text::SentenceIndex &index)
{
    struct Ranked
    {
        TopicKey key;
        QList<QPair<double, qint32>> ranked;
    };
    thread_local std::vector<Ranked> recent; // the most recent last
    TopicKey key;
    key.topic.reserve(topic.size());
    for (auto it = topic.cbegin(); it != topic.cend(); ++it)
        key.topic.emplace_back(it.key(), it.value());
    std::sort(key.topic.begin(), key.topic.end());
    if (steering) {
        key.positive = sorted(steering->positiveStems);
        key.negative = sorted(steering->negativeStems);
    }
    for (auto it = recent.rbegin(); it != recent.rend(); ++it)
        if (it->key == key)
            return it->ranked;
    QList<QPair<double, qint32>> ranked = rankTopicNow(topic, steering, index);
    if (recent.size() >= 4)
        recent.erase(recent.begin());
    recent.push_back({std::move(key), ranked});
    return ranked;
}

} // namespace

SyntheticModel::Scores SyntheticModel::next(
    const QList<ContextToken> &context, qsizetype length, const Steering *steering) const
{
    const qsizetype written = std::clamp<qsizetype>(length, 0, context.size());
    const ContextView asWritten = view(context, written);
    const QList<QPair<const Replacements *, double>> replacements
        = replacementsInForce(steering, asWritten);
    // A steering concept's words read back as the words they replace: the model goes on with
    // what the text says (its topic, what it has told, its n-grams), not with how it is written.
    QList<ContextToken> readContext;
    const bool readsBack = steering && !replacements.isEmpty();
    if (readsBack)
        readContext = readBackContext(context, written, replacements);
    const QList<ContextToken> &ctx = readsBack ? readContext : context;
    const qsizetype n = readsBack ? readContext.size() : written;
    std::optional<ContextView> readView;
    if (readsBack)
        readView = view(readContext, n);
    const ContextView &v = readsBack ? *readView : asWritten;
    const qint64 prev = n == 0 ? Tokenizer::kEndOfText : ctx.at(n - 1).id;
    const text::SentenceIndex &index = text::SentenceIndex::shared();

    // The topic: sentences sharing the context's words, rarer words counting more.
    QList<QPair<double, qint32>> ranked = rankTopic(v.topic, steering, index);
    if (ranked.isEmpty()) // nothing topical: the project's own sentences, all alike
        for (int s = 0; s < index.projectSentences(); ++s)
            ranked.append({0.0, s});

    // Each source's relevance: its score, less what the context has already told of it.
    struct Weighted
    {
        std::shared_ptr<const Source> source;
        double logRelevance;
    };
    QList<Weighted> sources;
    double best = -1e300;
    double bestScore = -1e300;
    for (const auto &[rawScore, sentence] : std::as_const(ranked)) {
        const double s = kRelevanceScale * rawScore;
        bestScore = std::max(bestScore, s);
        std::shared_ptr<const Source> src = source(sentence);
        int told = 0;
        for (const quint64 bigram : src->bigrams)
            told += v.told.contains(bigram);
        const double coverage
            = src->bigrams.isEmpty() ? 0.0 : double(told) / double(src->bigrams.size());
        sources.append({src, s - kCoverageCost * coverage});
        best = std::max(best, sources.constLast().logRelevance);
    }
    // The best untold sentence leads, unless all the topical ones are told.
    best = std::max(best, bestScore - 6.0);
    for (qsizetype s = 0; s < m_styles.size(); ++s) {
        if (v.styles.at(s) <= 0)
            continue;
        for (const qsizetype o : m_styles.at(s).openers) {
            // An opening is used once: when its first two tokens are in an earlier sentence.
            const std::shared_ptr<const Source> &src = m_openers.at(o);
            bool used = false;
            for (qsizetype j = 0; j + 1 < v.sentenceStart && src->tokens.size() > 1 && !used; ++j)
                used = ctx.at(j).id == src->tokens.at(0) && ctx.at(j + 1).id == src->tokens.at(1);
            const double coverage = used ? 1.0 : 0.0;
            sources.append({src,
                best + std::log(kOpenerRelevance * v.styles.at(s)) - kCoverageCost * coverage});
        }
    }

    QList<qint64> suffix;
    QList<double> suffixWeights;
    readBack(v.suffix, v.suffixWeights, replacements, &suffix, &suffixWeights);

    // The mixture: copies from the sources, the word-pair model, induction and end-of-text.
    const auto continuesWord = [this](qint64 id) {
        return tokenInfo(m_tokenizer, m_lowerWords, id).continues;
    };
    QHash<qint64, double> mass;
    double startMass = 0;
    for (const Weighted &w : std::as_const(sources)) {
        const double relevance = std::exp(w.logRelevance - best);
        if (relevance < 1e-6)
            continue;
        const QList<qint64> &tokens = w.source->tokens;
        // A sentence that would run into a trigram the text already has leads nowhere: looking
        // two words ahead, its proposal counts less.
        const auto ahead = [&](qsizetype p) {
            double repeated = 0;
            for (int k = 0; k < 2 && p < tokens.size(); ++k) {
                p = w.source->nextWordStart.at(p);
                if (p < tokens.size() && w.source->trigramAt.at(p))
                    repeated += v.trigrams.value(w.source->trigramAt.at(p));
            }
            return std::exp(-kTrigramPenalty * repeated / kSharpness);
        };
        if (v.boundary && !tokens.isEmpty()) {
            const double m = relevance * std::exp(kMatchGain * kStartMatch) * ahead(0);
            mass[tokens.first()] += m;
            startMass += m;
        }
        for (qsizetype p = 1; p < tokens.size(); ++p) {
            if (suffix.isEmpty() || tokens.at(p - 1) != suffix.constLast())
                continue;
            double matched = 0;
            for (qsizetype k = 1; k <= std::min<qsizetype>({p, suffix.size(), kMaxMatch}); ++k) {
                if (tokens.at(p - k) != suffix.at(suffix.size() - k))
                    break;
                matched += suffixWeights.at(suffix.size() - k);
            }
            mass[tokens.at(p)] += relevance * ahead(p)
                * std::exp(kMatchGain * matched
                    + (v.inWord && continuesWord(tokens.at(p)) ? kWordGain : 0.0));
        }
    }
    double copyMass = 0;
    for (const double m : std::as_const(mass))
        copyMass += m;
    const QHash<qint64, double> copied = mass; // what the training text says comes next
    const double backoff
        = v.inWord ? kBackoffMass / 100 : kBackoffMass; // inside a word: its spelling
    const auto bigramIt = m_bigrams.constFind(prev);
    if (bigramIt != m_bigrams.cend()) {
        const double total = m_prevTotals.value(prev);
        for (auto it = bigramIt->cbegin(); it != bigramIt->cend(); ++it)
            if (it.key() != Tokenizer::kEndOfText)
                mass[it.key()] += backoff * v.prevWeight * it.value() / total;
    }
    for (const qint64 id : m_frequent)
        mass[id] += backoff * (bigramIt == m_bigrams.cend() ? 1.0 : 1.0 - v.prevWeight)
            / m_frequent.size();
    for (auto it = v.induction.cbegin(); it != v.induction.cend(); ++it) {
        if (it.key() < 257 + 2 * qint64(m_lowerWords.size()) || v.repeats.value(it.key()) != 1)
            continue;
        const QByteArray bytes = m_tokenizer.bytes(it.key());
        const bool name = bytes.size() > 1 && bytes.at(1) >= 'A' && bytes.at(1) <= 'Z';
        mass[it.key()] += (name ? kNameMass : kInductionMass) * std::min(it.value(), 1.0);
    }
    // Every word of the context makes itself a little likelier as the next word, by its attention
    // factor: a smooth share that suppressing the word takes away (inside a word, like the
    // back-off, a hundredth: there the spelling goes on).
    const double cacheMass = v.inWord ? kCacheMass / 100 : kCacheMass;
    if (v.words > 0)
        for (auto it = v.cache.cbegin(); it != v.cache.cend(); ++it)
            if (it.value() > 0)
                mass[it.key()] += cacheMass * it.value() / v.words;
    const double total = copyMass + kBackoffMass;
    // A text may end after a statement, hardly inside a sentence or right after a question.
    // (A reply's opening "Certainly." has told nothing yet.)
    const bool stated = v.boundary && n > 0 && v.lastTerminator != '?' && v.lastSharesTopic;
    // When the topic's sentences are all told, ending is as likely as going on from the back-off.
    mass[Tokenizer::kEndOfText]
        += stated ? kEndShare * startMass + kBackoffMass : kMidEndShare * total;
    addReplacementCandidates(replacements, &mass);

    Scores scores;
    scores.vocabularySize = m_tokenizer.vocabularySize();
    scores.floorMass = kFloorMass * (0.5 + 0.5 * v.attention); // half of it whatever the context
    scores.ids.reserve(mass.size());
    for (auto it = mass.cbegin(); it != mass.cend(); ++it)
        scores.ids.append(it.key());
    std::sort(scores.ids.begin(), scores.ids.end());
    QHash<qint64, qsizetype> at;
    for (qsizetype i = 0; i < scores.ids.size(); ++i)
        at.insert(scores.ids.at(i), i);
    scores.logits.reserve(scores.ids.size());
    const double floorMass = 1e-6 * (total + 1.0);
    for (const qint64 id : std::as_const(scores.ids)) {
        double logit = kSharpness * std::log(std::max(mass.value(id), floorMass));
        const TokenInfo info = tokenInfo(m_tokenizer, m_lowerWords, id);
        const bool newWord = !info.content.isEmpty() && (info.startsWord || !v.inWord);
        if (newWord && v.last1) {
            const quint64 first = text::wordHash(info.content);
            // A name (a capitalised word the vocabulary lacks) that the training text does not
            // propose here may be copied once, by induction.
            const QByteArray bytes = id >= 257 + 2 * qint64(m_lowerWords.size())
                ? m_tokenizer.bytes(id)
                : QByteArray();
            const bool name = bytes.size() > 1 && bytes.at(1) >= 'A' && bytes.at(1) <= 'Z'
                && copied.value(id) < 1e-3 * copyMass;
            const double trigrams
                = v.last2 ? v.trigrams.value(mixKeys(mixKeys(v.last2, v.last1), first)) : 0;
            const double bigrams = v.bigrams.value(mixKeys(v.last1, first));
            const double bigramPenalty = text::isStopword(info.content) && v.lastStop
                ? kBigramPenalty
                : kContentBigramPenalty;
            logit -= kTrigramPenalty * std::max(0.0, trigrams - (name ? 1 : 0));
            logit -= bigramPenalty * std::max(0.0, bigrams - (name ? 1 : 0));
            if (first == v.last1) // a word right after itself ("Es Es")
                logit -= kTrigramPenalty;
            else if (v.lastMultiToken
                && id == v.lastFirstId) // ... spelt in pieces ("Freund Freund")
                logit -= kTrigramPenalty / 4;
        }
        if (id == Tokenizer::kEndOfText && v.boundary && v.lastSharesTopic
            && (v.lastTerminator == '.' || v.lastTerminator == '!'))
            for (qsizetype s = 0; s < m_styles.size(); ++s)
                logit += m_styles.at(s).endBoost * v.styles.at(s);
        if (steering)
            logit += steeringBias(*steering, id);
        scores.logits.append(logit);
    }
    applyReplacements(replacements, asWritten.suffix, asWritten.suffixReplaces, &scores, &at);
    double maxLogit = -1e300;
    for (const double logit : std::as_const(scores.logits))
        maxLogit = std::max(maxLogit, logit);
    double sum = 0;
    for (const double logit : std::as_const(scores.logits))
        sum += std::exp(logit - maxLogit);
    scores.logNormalizer = maxLogit + std::log(sum);
    return scores;
}

} // namespace sandbox
