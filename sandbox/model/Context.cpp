// SPDX-License-Identifier: MIT
// The SyntheticModel reads: a training sentence as tokens (makeSource(), source()) and the context
// of a next-token step in one pass (view()): its word n-grams (for the repetition penalties), what
// it has told, its topic (weighted by each token's attention factor and recency: what /explain
// suppresses), the styles it asks for, induction and the context's own words.
#include "sandbox/model/ModelParts.h"
#include "sandbox/text/SentenceIndex.h"
#include "sandbox/text/Words.h"

#include <QReadWriteLock>

namespace sandbox {

namespace model {

namespace {

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

} // namespace

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

} // namespace model

using namespace model;

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
        QReadLocker lock(&m_cacheLock);
        const auto it = m_sources.constFind(sentence);
        if (it != m_sources.cend())
            return *it;
    }
    auto made = std::make_shared<const Source>(
        makeSource(QByteArray(" ") + text::SentenceIndex::shared().text(sentence)));
    QWriteLocker lock(&m_cacheLock);
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
        v.suffixReplaces.append(context.at(j).replaces);
    }
    for (double &s : v.styles)
        s = std::min(s, 1.0);
    return v;
}

} // namespace sandbox
