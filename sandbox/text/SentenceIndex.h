// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/text/WordNetSentences.h"

#include <QByteArray>
#include <QHash>
#include <QList>

namespace sandbox::text {

/// The SyntheticModel's training text as a searchable set of sentences: which sentences hold a
/// word (by stem, Words.h), how rare each word is (idf), and what each sentence is about (its
/// head word). The text is the project's own corpus (Corpus.cpp, first) and the sentences of
/// WordNet's glosses (WordNetSentences.h): some 200,000 sentences, 3 million words.
///
/// Immutable after construction; every method may run on any thread.
class SentenceIndex
{
public:
    /// The one index of this process, built on first use (thread-safe, about half a second: the
    /// sandbox's first text request pays it, on the thread that serves it, never at start-up).
    static const SentenceIndex &shared();

    explicit SentenceIndex(const QList<SourceSentence> &sentences);

    qsizetype size() const { return m_texts.size(); }
    /// Sentence `s` (0 <= s < size()), UTF-8.
    const QByteArray &text(int s) const { return m_texts.at(s); }
    /// stemHash() of the word sentence `s` is about; 0 for none.
    quint64 head(int s) const { return m_heads.at(s); }
    /// SourceSentence::sense of sentence `s`: 1 for the definition of its head's commonest sense.
    double sense(int s) const { return m_senses.at(s); }
    /// log(size() / sentences holding the stem); 0 for a stem no sentence holds.
    double idf(quint64 stem) const;
    /// The sentences that hold `stem`, ascending; `count` of them.
    const qint32 *postings(quint64 stem, qsizetype *count) const;
    /// How many sentences came from the project's corpus (they come first).
    int projectSentences() const { return m_projectCount; }

private:
    QList<QByteArray> m_texts;
    QList<quint64> m_heads;
    QList<double> m_senses;
    QHash<quint64, QPair<qint32, qint32>> m_ranges; // stem → [begin, end) in m_postings
    QList<qint32> m_postings;
    int m_projectCount = 0;
};

} // namespace sandbox::text
