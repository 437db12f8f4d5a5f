// SPDX-License-Identifier: MIT
#include "sandbox/text/SentenceIndex.h"

#include "sandbox/Corpus.h"
#include "sandbox/text/Words.h"

#include <QSet>

#include <algorithm>
#include <cmath>
#include <vector>

namespace sandbox::text {

const SentenceIndex &SentenceIndex::shared()
{
    static const SentenceIndex index = [] {
        QList<SourceSentence> sentences;
        for (const QString &paragraph : corpusParagraphs()) {
            // one sentence per entry: cut after ". ", "! " and "? "
            const QByteArray utf8 = paragraph.toUtf8();
            qsizetype start = 0;
            for (qsizetype i = 0; i < utf8.size(); ++i) {
                const char c = utf8.at(i);
                if ((c == '.' || c == '!' || c == '?')
                    && (i + 1 == utf8.size() || utf8.at(i + 1) == ' ')) {
                    sentences.append({utf8.mid(start, i + 1 - start).trimmed(), {}});
                    start = i + 1;
                }
            }
            if (start < utf8.size() && !utf8.mid(start).trimmed().isEmpty())
                sentences.append({utf8.mid(start).trimmed(), {}});
        }
        const qsizetype project = sentences.size();
        sentences += wordNetSentences(lexicon::WordNet::shared());
        SentenceIndex built(sentences);
        built.m_projectCount = int(project);
        return built;
    }();
    return index;
}

SentenceIndex::SentenceIndex(const QList<SourceSentence> &sentences)
{
    m_texts.reserve(sentences.size());
    m_heads.reserve(sentences.size());
    m_senses.reserve(sentences.size());
    std::vector<std::pair<quint64, qint32>> pairs;
    pairs.reserve(sentences.size() * 8);
    QSet<quint64> seen;
    for (qsizetype s = 0; s < sentences.size(); ++s) {
        m_texts.append(sentences.at(s).text);
        m_heads.append(sentences.at(s).head.isEmpty() ? 0 : stemHash(sentences.at(s).head));
        m_senses.append(sentences.at(s).sense);
        seen.clear();
        forEachWord(sentences.at(s).text, [&](QByteArrayView word) {
            if (isStopword(word))
                return;
            const quint64 stem = stemHash(word);
            if (!seen.contains(stem)) {
                seen.insert(stem);
                pairs.emplace_back(stem, qint32(s));
            }
        });
    }
    std::sort(pairs.begin(), pairs.end());
    m_postings.reserve(qsizetype(pairs.size()));
    for (size_t i = 0; i < pairs.size();) {
        size_t j = i;
        while (j < pairs.size() && pairs[j].first == pairs[i].first)
            m_postings.append(pairs[j++].second);
        m_ranges.insert(pairs[i].first, {qint32(i), qint32(j)});
        i = j;
    }
}

double SentenceIndex::idf(quint64 stem) const
{
    const auto it = m_ranges.constFind(stem);
    if (it == m_ranges.cend())
        return 0.0;
    return std::log(double(m_texts.size()) / double(it->second - it->first));
}

const qint32 *SentenceIndex::postings(quint64 stem, qsizetype *count) const
{
    const auto it = m_ranges.constFind(stem);
    if (it == m_ranges.cend()) {
        *count = 0;
        return nullptr;
    }
    *count = it->second - it->first;
    return m_postings.constData() + it->first;
}

} // namespace sandbox::text
