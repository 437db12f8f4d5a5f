// SPDX-License-Identifier: MIT
#include "sandbox/SyntheticModel.h"

#include "sandbox/Cancellation.h"
#include "sandbox/Corpus.h"
#include "sandbox/text/SentenceIndex.h"
#include "sandbox/text/Styles.h"
#include "sandbox/text/Words.h"

#include <QMutexLocker>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace sandbox {

namespace {

constexpr double kFloorMass = 1e-6; // probability shared by every non-candidate token
constexpr int kTopSentences = 24; // training sentences the topic keeps
constexpr double kRelevanceScale = 0.35; // log relevance per point of idf-weighted overlap
constexpr double kHeadBonus = 0.4; // the definition of a context word counts it 1.4 times
constexpr int kMaxDocumentFrequency = 20000; // a word in more sentences says nothing of a topic
constexpr double kCoverageCost = 16.0; // a sentence the context already holds is not told again
constexpr double kMatchGain = 2.5; // each matched token multiplies a proposal by e^2.5
constexpr int kMaxMatch = 6;
constexpr double kStartMatch = 1.5; // a sentence's first word after a full stop: a match of 1.5
constexpr double kBackoffMass = 0.05; // the word-pair model's share when nothing matches
constexpr double kSharpness = 1.5; // logit = 1.5 log(mass): how sure the model is
constexpr double kWordGain = 3.0; // a word's next piece, as a matching sentence spells it
constexpr double kInductionMass = 150.0; // a word's next piece as seen before in the context
constexpr double kNameMass = 8000.0; // a name (capitalised, not in the vocabulary) seen before
constexpr double kEndShare = 0.12; // end-of-text after a full sentence, against a new one
constexpr double kMidEndShare = 1e-5; // end-of-text inside a sentence
constexpr double kTrigramPenalty = 40.0; // per earlier occurrence of a word trigram: no repeats
constexpr double kBigramPenalty = 1.0; // per earlier occurrence of a word bigram
constexpr double kContentBigramPenalty = 3.0; // ... of a bigram with a content word
constexpr double kQuestionShare = 0.075; // a question's n-grams count little: answers repeat them
constexpr double kSteeringWeight = 3.0;
constexpr double kSteeringTopic = 0.6; // a positive word counts 0.6 of a context word
constexpr double kReplacementGain = 5.0; // a replacement leaves e^-5 of a word's probability to it
constexpr double kContinueGain = 12.0; // a replacement's next token once it has begun
constexpr double kOpenerRelevance = 20.0; // a style's opening sentence against the best topical one
constexpr double kCacheMass = 0.01; // the context's own words, shared by the words as attended
constexpr double kFloorRecency = 8.0; // tokens: how fast a context token's share of the floor fades

QStringList vocabularyWords()
{
    QSet<QString> seen;
    QStringList words;
    const auto add = [&](const QString &word) {
        if (!word.isEmpty() && !seen.contains(word)) {
            seen.insert(word);
            words.append(word);
        }
    };
    const auto addText = [&](const QString &text) {
        QString word;
        for (const QChar c : text) {
            if (c.unicode() < 128 && c.isLetter()) {
                word += c;
            } else {
                add(word);
                word.clear();
            }
        }
        add(word);
    };
    for (const QString &paragraph : corpusParagraphs())
        addText(paragraph);
    for (const QString &word : extraWords())
        add(word);
    for (const text::Style &style : text::builtInStyles()) {
        for (const auto &replacement : style.replacements)
            addText(replacement.second);
        for (const QString &opener : style.openers)
            addText(opener);
    }
    std::sort(words.begin(), words.end());
    return words;
}

quint64 mixKeys(quint64 a, quint64 b)
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

/// Verbs that open a request ("Explain gravity.", "Tell me about dogs."): such a sentence asks.
bool isRequestVerb(QByteArrayView word)
{
    static const QSet<QByteArray> verbs{"explain",
        "describe",
        "tell",
        "give",
        "write",
        "list",
        "summarize",
        "summarise",
        "name",
        "define",
        "compare",
        "show",
        "translate",
        "say",
        "please",
        "suggest",
        "recommend",
        "answer",
        "help"};
    return verbs.contains(word.toByteArray());
}

double logAddExp(double a, double b)
{
    const double m = std::max(a, b);
    return m + std::log(std::exp(a - m) + std::exp(b - m));
}

} // namespace

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

double Generation::logProbability() const
{
    double sum = 0;
    for (const double lp : logProbs)
        sum += lp;
    return sum;
}

SyntheticModel::SyntheticModel()
    : m_tokenizer(vocabularyWords())
{
    for (qint64 k = 0; k < m_tokenizer.wordCount(); ++k)
        m_lowerWords.append(m_tokenizer.bytes(257 + 2 * k).mid(1).toLower());
    for (const QString &paragraph : corpusParagraphs()) {
        QList<qint64> ids = m_tokenizer.encodeIds(QLatin1Char(' ') + paragraph);
        ids.append(Tokenizer::kEndOfText);
        qint64 prev = Tokenizer::kEndOfText;
        for (const qint64 id : std::as_const(ids)) {
            m_bigrams[prev][id] += 1;
            m_prevTotals[prev] += 1;
            m_unigrams[id] += 1;
            m_unigramTotal += 1;
            prev = id;
        }
    }
    QList<QPair<double, qint64>> byCount;
    for (auto it = m_unigrams.cbegin(); it != m_unigrams.cend(); ++it)
        if (it.key() != Tokenizer::kEndOfText)
            byCount.append({it.value(), it.key()});
    std::sort(byCount.begin(), byCount.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    for (qsizetype i = 0; i < std::min<qsizetype>(24, byCount.size()); ++i)
        m_frequent.append(byCount.at(i).second);

    for (const text::Style &style : text::builtInStyles()) {
        ResolvedStyle resolved;
        for (const QString &cue : style.cues)
            resolved.cues.insert(text::wordHash(cue.toUtf8()));
        for (const auto &[from, to] : style.replacements) {
            const QList<qint64> fromIds = m_tokenizer.encodeIds(from);
            if (fromIds.size() == 1)
                resolved.replacements.append({fromIds.first(), m_tokenizer.encodeIds(to)});
        }
        const auto keepWords = [this](const QString &text) {
            text::forEachWord(text.toUtf8(),
                [this](QByteArrayView word) { m_styleWords.insert(text::wordHash(word)); });
        };
        for (const auto &replacement : style.replacements)
            keepWords(replacement.second);
        for (const QString &opener : style.openers) {
            keepWords(opener);
            resolved.openers.append(m_openers.size());
            m_openers.append(
                std::make_shared<const Source>(makeSource((QLatin1Char(' ') + opener).toUtf8())));
        }
        resolved.endBoost = style.endBoost;
        m_styles.append(resolved);
    }
}

QList<ContextToken> SyntheticModel::contextOf(const QString &text) const
{
    QList<ContextToken> context;
    for (const qint64 id : m_tokenizer.encodeIds(text))
        context.append({id, 1.0});
    return context;
}

double SyntheticModel::Scores::logProbAt(qsizetype index) const
{
    const double candidate = std::exp(logits.at(index) - logNormalizer);
    return std::log((1.0 - floorMass) * candidate + floorMass / double(vocabularySize));
}

qsizetype SyntheticModel::Scores::indexOf(qint64 id) const
{
    return ids.indexOf(id);
}

double SyntheticModel::Scores::logProb(qint64 id) const
{
    const qsizetype index = indexOf(id);
    if (index >= 0)
        return logProbAt(index);
    return std::log(floorMass / double(vocabularySize));
}

namespace {

TokenInfo tokenInfo(const Tokenizer &tokenizer, const QList<QByteArray> &lowerWords, qint64 id)
{
    TokenInfo info;
    if (id == Tokenizer::kEndOfText) {
        info.terminator = '\n';
        return info;
    }
    const qint64 wordIndex = id - 257;
    if (wordIndex >= 0 && wordIndex < 2 * lowerWords.size()) {
        info.content = lowerWords.at(wordIndex / 2);
        info.startsWord = wordIndex % 2 == 0;
        info.continues = !info.startsWord;
        return info;
    }
    const QByteArray bytes = tokenizer.bytes(id);
    if (bytes.isEmpty())
        return info;
    const bool space = bytes.size() > 1 && bytes.at(0) == ' ' && text::isWordByte(bytes.at(1));
    if (space || text::isWordByte(bytes.at(0))) {
        for (qsizetype i = space ? 1 : 0; i < bytes.size(); ++i)
            info.content += text::lowerByte(bytes.at(i));
        info.startsWord = space;
        info.continues = !space;
        return info;
    }
    for (const char c : bytes)
        if (c == '.' || c == '!' || c == '?' || c == '\n')
            info.terminator = c;
    return info;
}

} // namespace

SyntheticModel::Source SyntheticModel::makeSource(const QByteArray &text) const
{
    Source source;
    source.tokens = m_tokenizer.encodeIds(QString::fromUtf8(text));
    quint64 previous = 0;
    QByteArray word;
    const auto flush = [&] { // content words only, as ContextView::told has them
        if (word.isEmpty() || text::isStopword(word)) {
            word.clear();
            return;
        }
        const quint64 full = text::wordHash(word);
        if (previous)
            source.bigrams.insert(mixKeys(previous, full));
        previous = full;
        word.clear();
    };
    // the trigram keys as ContextView counts them: (word, word, first token of the next word)
    quint64 w1 = 0, w2 = 0;
    QByteArray full;
    QList<qsizetype> starts;
    bool inWord = false;
    const auto endWord = [&] {
        if (full.isEmpty())
            return;
        w2 = w1;
        w1 = text::wordHash(full);
        full.clear();
    };
    source.trigramAt.fill(0, source.tokens.size());
    for (qsizetype i = 0; i < source.tokens.size(); ++i) {
        const TokenInfo info = tokenInfo(m_tokenizer, m_lowerWords, source.tokens.at(i));
        if (info.startsWord || info.content.isEmpty())
            flush();
        word += info.content;
        const bool starts_ = !info.content.isEmpty() && (info.startsWord || !inWord);
        if (starts_ || info.content.isEmpty())
            endWord();
        if (starts_) {
            starts.append(i);
            if (w1 && w2)
                source.trigramAt[i] = mixKeys(mixKeys(w2, w1), text::wordHash(info.content));
        }
        full += info.content;
        inWord = !info.content.isEmpty();
    }
    flush();
    source.nextWordStart.fill(source.tokens.size(), source.tokens.size());
    qsizetype next = source.tokens.size();
    for (qsizetype i = source.tokens.size() - 1; i >= 0; --i) {
        source.nextWordStart[i] = next;
        if (starts.contains(i))
            next = i;
    }
    return source;
}

std::shared_ptr<const SyntheticModel::Source> SyntheticModel::source(int sentence) const
{
    {
        QMutexLocker lock(&m_cacheMutex);
        const auto it = m_sources.constFind(sentence);
        if (it != m_sources.cend())
            return *it;
    }
    auto made = std::make_shared<const Source>(
        makeSource(QByteArray(" ") + text::SentenceIndex::shared().text(sentence)));
    QMutexLocker lock(&m_cacheMutex);
    if (m_sources.size() > 50000)
        m_sources.clear(); // callers keep their own references
    m_sources.insert(sentence, made);
    return made;
}

SyntheticModel::ContextView SyntheticModel::view(
    const QList<ContextToken> &context, qsizetype n) const
{
    ContextView v;
    v.styles.fill(0.0, m_styles.size());
    const qint64 prev = n == 0 ? Tokenizer::kEndOfText : context.at(n - 1).id;
    v.prevWeight = n == 0 ? 1.0 : std::clamp(context.at(n - 1).weight, 0.0, 1.0);

    // Words: the one being read, and the n-grams of the sentence being read (kept when it ends
    // with a full stop, dropped when it was a question).
    QByteArray word;
    QByteArray firstContent;
    double wordWeight = 1.0;
    qsizetype wordPosition = 0;
    qint64 wordFirstId = -1;
    int wordTokens = 0;
    quint64 w1 = 0, w2 = 0;
    quint64 lastContent = 0;
    // The topic: the last paragraph's words, earlier paragraphs' (a chat's system prompt and
    // earlier turns) a third as much.
    QHash<quint64, double> paragraphTopic;
    QSet<quint64> earlierStems; // of the sentences before this one
    QList<quint64> sentenceStems;
    bool sharesTopic = false; // this sentence has a content word of an earlier one
    qint64 previousId = -1;
    int sentenceWords = 0;
    bool request = false; // the sentence asks for something ("Explain gravity."): it is a question
    QList<quint64> pendingTrigrams, pendingBigrams, pendingTold;
    const auto finishWord = [&](bool topical = true) {
        if (word.isEmpty())
            return;
        const quint64 full = text::wordHash(word);
        const quint64 first = text::wordHash(firstContent);
        if (w1) {
            pendingBigrams.append(mixKeys(w1, first));
            if (w2)
                pendingTrigrams.append(mixKeys(mixKeys(w2, w1), first));
        }
        if (!text::isStopword(word)) {
            if (lastContent)
                pendingTold.append(mixKeys(lastContent, full));
            lastContent = full;
        }
        if (sentenceWords++ == 0)
            request = isRequestVerb(word);
        v.lastFirstId = wordFirstId;
        v.lastMultiToken = wordTokens > 1;
        w2 = w1;
        w1 = full;
        v.lastStop = text::isStopword(word);
        if (topical && !text::isStopword(word)) {
            const double recency = 0.5 + 0.5 * std::exp(-double(n - 1 - wordPosition) / 256.0);
            bool cue = false;
            for (qsizetype s = 0; s < m_styles.size(); ++s)
                if (m_styles.at(s).cues.contains(full)) {
                    v.styles[s] += wordWeight;
                    cue = true;
                }
            cue = cue || m_styleWords.contains(full);
            if (!cue) {
                const quint64 stem = text::stemHash(word);
                paragraphTopic[stem] += wordWeight * recency;
                if (earlierStems.contains(stem))
                    sharesTopic = true;
                sentenceStems.append(stem);
            }
        }
        word.clear();
    };
    const auto finishSentence = [&](bool question) {
        const double share = question ? kQuestionShare : 1.0;
        for (const quint64 k : std::as_const(pendingTrigrams))
            v.trigrams[k] += share;
        for (const quint64 k : std::as_const(pendingBigrams))
            v.bigrams[k] += share;
        for (const quint64 k : std::as_const(pendingTold))
            v.told.insert(k);
        pendingTrigrams.clear();
        pendingBigrams.clear();
        pendingTold.clear();
    };
    double attended = 0, recencyTotal = 0;
    for (qsizetype j = 0; j < n; ++j) {
        const ContextToken &t = context.at(j);
        const TokenInfo info = tokenInfo(m_tokenizer, m_lowerWords, t.id);
        if (info.content.isEmpty() || info.startsWord || !v.inWord) {
            finishWord();
            if (!info.content.isEmpty()) {
                firstContent = info.content;
                wordWeight = std::clamp(t.weight, 0.0, 2.0);
                wordPosition = j;
                wordFirstId = t.id;
                wordTokens = 0;
                if (info.startsWord)
                    v.cache[t.id] += wordWeight;
                ++v.words;
            }
        }
        const double recency = std::exp(-double(n - 1 - j) / kFloorRecency);
        attended += recency * std::clamp(t.weight, 0.0, 2.0);
        recencyTotal += recency;
        word += info.content;
        wordTokens += !info.content.isEmpty();
        v.inWord = !info.content.isEmpty();
        if (info.terminator) {
            finishWord();
            finishSentence(info.terminator == '?' || request);
            v.lastTerminator = request ? '?' : info.terminator;
            v.lastSharesTopic = sharesTopic;
            v.sentenceStart = j + 1;
            for (const quint64 stem : std::as_const(sentenceStems))
                earlierStems.insert(stem);
            sentenceStems.clear();
            sharesTopic = false;
            sentenceWords = 0;
            request = false;
        }
        v.boundary = info.terminator != 0;
        if (t.id == previousId && info.terminator == '\n') { // a blank line: a new paragraph
            for (auto it = paragraphTopic.cbegin(); it != paragraphTopic.cend(); ++it)
                v.topic[it.key()] += it.value() / 3;
            paragraphTopic.clear();
        }
        previousId = t.id;
        // induction: what followed earlier occurrences of the previous token
        if (j + 1 < n && t.id == prev) {
            const ContextToken &after = context.at(j + 1);
            v.induction[after.id] += after.weight * std::min(t.weight, 1.0);
            v.repeats[after.id] += 1;
        }
    }
    if (n == 0)
        v.boundary = true;
    if (recencyTotal > 0)
        v.attention = attended / recencyTotal;
    // The sentence being written counts for the penalties (a loop inside it), not for "told"; a
    // word still being written is not yet part of the topic.
    finishWord(!v.inWord);
    for (const quint64 k : std::as_const(pendingTrigrams))
        v.trigrams[k] += 1;
    for (const quint64 k : std::as_const(pendingBigrams))
        v.bigrams[k] += 1;
    v.last1 = w1;
    v.last2 = w2;
    for (auto it = paragraphTopic.cbegin(); it != paragraphTopic.cend(); ++it)
        v.topic[it.key()] += it.value();
    for (qsizetype j = std::max<qsizetype>(0, n - 12); j < n; ++j) {
        v.suffix.append(context.at(j).id);
        v.suffixWeights.append(std::clamp(context.at(j).weight, 0.0, 2.0));
    }
    for (double &s : v.styles)
        s = std::min(s, 1.0);
    return v;
}

SyntheticModel::Scores SyntheticModel::next(
    const QList<ContextToken> &context, qsizetype length, const Steering *steering) const
{
    const qsizetype n = std::clamp<qsizetype>(length, 0, context.size());
    const qint64 prev = n == 0 ? Tokenizer::kEndOfText : context.at(n - 1).id;
    const ContextView v = view(context, n);
    const text::SentenceIndex &index = text::SentenceIndex::shared();

    // The topic: sentences sharing the context's words, rarer words counting more.
    QHash<qint32, double> score;
    for (auto it = v.topic.cbegin(); it != v.topic.cend(); ++it) {
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
    // A steering concept pulls in the sentences of its positive words and pushes away those of its
    // negative ones.
    if (steering) {
        for (const quint64 stem : steering->positiveStems) {
            qsizetype count = 0;
            const qint32 *postings = index.postings(stem, &count);
            for (qsizetype k = 0; k < count && count <= kMaxDocumentFrequency; ++k)
                score[postings[k]] += kSteeringTopic * index.idf(stem);
        }
        for (const quint64 stem : steering->negativeStems) {
            qsizetype count = 0;
            const qint32 *postings = index.postings(stem, &count);
            for (qsizetype k = 0; k < count && count <= kMaxDocumentFrequency; ++k) {
                const auto it = score.find(postings[k]);
                if (it != score.end())
                    *it -= kSteeringTopic * index.idf(stem);
            }
        }
    }
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
                used = context.at(j).id == src->tokens.at(0)
                    && context.at(j + 1).id == src->tokens.at(1);
            const double coverage = used ? 1.0 : 0.0;
            sources.append({src,
                best + std::log(kOpenerRelevance * v.styles.at(s)) - kCoverageCost * coverage});
        }
    }

    // The replacements in force: the steering concept's and the styles'.
    QList<QPair<const Replacement *, double>> replacements;
    if (steering)
        for (const Replacement &r : steering->replacements)
            replacements.append({&r, 1.0});
    for (qsizetype s = 0; s < m_styles.size(); ++s)
        if (v.styles.at(s) > 0)
            for (const Replacement &r : m_styles.at(s).replacements)
                replacements.append({&r, v.styles.at(s)});

    // The end of the context as the model's own words: a replacement read back as what it replaced,
    // so that copying goes on after it.
    QList<qint64> suffix;
    QList<double> suffixWeights;
    for (qsizetype i = v.suffix.size(); i > 0 && suffix.size() < kMaxMatch;) {
        bool replaced = false;
        for (const auto &[r, strength] : std::as_const(replacements)) {
            const qsizetype m = r->to.size();
            if (m > 0 && m <= i
                && std::equal(r->to.cbegin(), r->to.cend(), v.suffix.cbegin() + (i - m))) {
                suffix.prepend(r->from);
                suffixWeights.prepend(v.suffixWeights.at(i - 1));
                i -= m;
                replaced = true;
                break;
            }
        }
        if (!replaced) {
            suffix.prepend(v.suffix.at(i - 1));
            suffixWeights.prepend(v.suffixWeights.at(i - 1));
            --i;
        }
    }

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
    if (steering)
        for (const qint64 id : steering->positive)
            mass[id] += 0.0;
    for (const auto &[r, strength] : std::as_const(replacements))
        if (mass.contains(r->from) && !r->to.isEmpty())
            mass[r->to.first()] += 0.0;

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
        if (steering) {
            if (steering->positive.contains(id))
                logit += kSteeringWeight;
            if (steering->negative.contains(id))
                logit -= kSteeringWeight;
        }
        scores.logits.append(logit);
    }
    // Replacements: the mass of `from` moves to `to`; a begun replacement goes on.
    for (const auto &[r, strength] : std::as_const(replacements)) {
        if (r->to.isEmpty())
            continue;
        const auto from = at.constFind(r->from);
        const auto to = at.constFind(r->to.first());
        if (from != at.cend() && to != at.cend() && r->from != r->to.first()) {
            double &fromLogit = scores.logits[*from];
            double &toLogit = scores.logits[*to];
            const double moved
                = std::log1p(-std::exp(-kReplacementGain * strength)); // the share that moves
            toLogit = logAddExp(toLogit, fromLogit + moved);
            fromLogit -= kReplacementGain * strength;
        }
    }
    double maxLogit = -1e300;
    for (const double logit : std::as_const(scores.logits))
        maxLogit = std::max(maxLogit, logit);
    for (const auto &[r, strength] : std::as_const(replacements)) {
        for (qsizetype k = 1; k < r->to.size(); ++k) {
            if (k > v.suffix.size()
                || !std::equal(r->to.cbegin(), r->to.cbegin() + k, v.suffix.cend() - k))
                continue;
            auto next = at.constFind(r->to.at(k));
            if (next == at.cend()) {
                scores.ids.append(r->to.at(k));
                scores.logits.append(-1e300);
                next = at.insert(r->to.at(k), scores.ids.size() - 1);
            }
            scores.logits[*next]
                = std::max(scores.logits.at(*next), maxLogit + kContinueGain * strength);
        }
    }
    maxLogit = -1e300;
    for (const double logit : std::as_const(scores.logits))
        maxLogit = std::max(maxLogit, logit);
    double sum = 0;
    for (const double logit : std::as_const(scores.logits))
        sum += std::exp(logit - maxLogit);
    scores.logNormalizer = maxLogit + std::log(sum);
    return scores;
}

Generation SyntheticModel::generate(
    QList<ContextToken> context, const Sampling &sampling, const Steering *steering) const
{
    Generation out;
    std::mt19937_64 random(sampling.seed);
    const bool argmax = sampling.temperature <= 0 && sampling.topK <= 0 && sampling.topP <= 0;
    const double temperature = sampling.temperature > 0 ? sampling.temperature : 1.0;
    QHash<qint64, int> counts;
    if (sampling.penaltiesIncludePrompt)
        for (const ContextToken &t : std::as_const(context))
            counts[t.id] += 1;
    QByteArray utf8;
    out.finishReason = QStringLiteral("maximum_tokens");

    for (int step = 0; step < sampling.maximumTokens; ++step) {
        // A request nobody waits for any more stops here (the caller answers cancelledReply()).
        if (cancelled())
            break;
        const Scores scores = next(context, steering);
        QList<double> adjusted = scores.logits;
        for (qsizetype i = 0; i < scores.ids.size(); ++i) {
            const qint64 id = scores.ids.at(i);
            adjusted[i] += sampling.logitBias.value(id, 0.0);
            if (id == Tokenizer::kEndOfText)
                adjusted[i] += sampling.endOfTextBias;
            const int count = counts.value(id, 0);
            if (count > 0)
                adjusted[i] -= sampling.presencePenalty + sampling.frequencyPenalty * count;
            if (id == Tokenizer::kEndOfText && step < sampling.minimumTokens)
                adjusted[i] = -1e300;
            if (step == 0 && sampling.excludedFirstTokens.contains(id))
                adjusted[i] = -1e300;
        }
        // Order the candidates by adjusted logit (ties by id, so the order is stable).
        QList<qsizetype> order(scores.ids.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
            return adjusted.at(a) != adjusted.at(b) ? adjusted.at(a) > adjusted.at(b)
                                                    : scores.ids.at(a) < scores.ids.at(b);
        });
        qsizetype chosen = order.first();
        if (!argmax) {
            qsizetype keep = order.size();
            if (sampling.topK > 0)
                keep = std::min<qsizetype>(keep, sampling.topK);
            QList<double> weights;
            const double top = adjusted.at(order.first()) / temperature;
            double total = 0;
            for (qsizetype k = 0; k < keep; ++k) {
                const double w = adjusted.at(order.at(k)) <= -1e299
                    ? 0.0
                    : std::exp(adjusted.at(order.at(k)) / temperature - top);
                weights.append(w);
                total += w;
            }
            if (sampling.topP > 0 && total > 0) {
                double cumulative = 0;
                qsizetype k = 0;
                for (; k < weights.size(); ++k) {
                    cumulative += weights.at(k) / total;
                    if (cumulative >= sampling.topP)
                        break;
                }
                weights.resize(std::min(weights.size(), k + 1));
            }
            std::discrete_distribution<qsizetype> pick(weights.cbegin(), weights.cend());
            chosen = order.at(pick(random));
        }
        const qint64 id = scores.ids.at(chosen);
        if (sampling.alternatives > 0) {
            QList<QPair<qint64, double>> alternatives;
            QList<qsizetype> byModel(scores.ids.size());
            std::iota(byModel.begin(), byModel.end(), 0);
            std::sort(byModel.begin(), byModel.end(), [&](qsizetype a, qsizetype b) {
                return scores.logits.at(a) != scores.logits.at(b)
                    ? scores.logits.at(a) > scores.logits.at(b)
                    : scores.ids.at(a) < scores.ids.at(b);
            });
            for (qsizetype k = 0; k < std::min<qsizetype>(sampling.alternatives, byModel.size());
                 ++k)
                alternatives.append(
                    {scores.ids.at(byModel.at(k)), scores.logProbAt(byModel.at(k))});
            out.alternatives.append(alternatives);
        } else {
            out.alternatives.append(QList<QPair<qint64, double>>());
        }
        if (id == Tokenizer::kEndOfText) {
            out.alternatives.removeLast();
            out.finishReason = QStringLiteral("end_of_text");
            break;
        }
        out.tokens.append(id);
        out.logProbs.append(scores.logProbAt(chosen));
        const QByteArray piece = m_tokenizer.bytes(id);
        out.pieces.append(QString::fromUtf8(piece));
        utf8 += piece;
        counts[id] += 1;
        context.append({id, 1.0});
        const QString text = QString::fromUtf8(utf8);
        bool stopped = false;
        for (const QString &stop : sampling.stopSequences) {
            const qsizetype at = text.indexOf(stop);
            if (at >= 0) {
                out.rawText = text;
                out.text = text.left(at);
                out.finishReason = QStringLiteral("stop_sequence_reached");
                stopped = true;
                break;
            }
        }
        if (stopped)
            return out;
    }
    out.rawText = QString::fromUtf8(utf8);
    out.text = out.rawText;
    return out;
}

QList<double> SyntheticModel::continuationLogProbs(QList<ContextToken> context,
    const QList<qint64> &continuation,
    const Steering *steering,
    QList<qint64> *greedy) const
{
    QList<double> out;
    out.reserve(continuation.size());
    for (const qint64 id : continuation) {
        const Scores scores = next(context, steering);
        out.append(scores.logProb(id));
        if (greedy) {
            const auto best = std::max_element(scores.logits.cbegin(), scores.logits.cend());
            greedy->append(scores.ids.at(best - scores.logits.cbegin()));
        }
        context.append({id, 1.0});
    }
    return out;
}

} // namespace sandbox
