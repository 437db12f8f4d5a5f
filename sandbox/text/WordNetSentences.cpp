// SPDX-License-Identifier: MIT
#include "sandbox/text/WordNetSentences.h"

#include "sandbox/lexicon/Glosses.h"

#include <algorithm>

namespace sandbox::text {

namespace {

QByteArray capitalised(QByteArray s)
{
    if (!s.isEmpty() && s.at(0) >= 'a' && s.at(0) <= 'z')
        s[0] = char(s.at(0) - 'a' + 'A');
    return s;
}

QByteArray ended(QByteArray s)
{
    while (
        !s.isEmpty() && (s.endsWith(' ') || s.endsWith(';') || s.endsWith(',') || s.endsWith(':')))
        s.chop(1);
    if (!s.isEmpty() && !s.endsWith('.') && !s.endsWith('!') && !s.endsWith('?'))
        s += '.';
    return s;
}

bool cleanText(const QByteArray &s)
{
    for (const char c : s)
        if (uchar(c) >= 128 || c == '(' || c == ')' || c == '[' || c == ']' || c == '`')
            return false;
    return true;
}

int wordCount(const QByteArray &s)
{
    return int(s.count(' ')) + 1;
}

} // namespace

QList<SourceSentence> wordNetSentences(const lexicon::WordNet *wordNet)
{
    QList<SourceSentence> out;
    if (!wordNet)
        return out;
    using lexicon::PartOfSpeech;
    for (const PartOfSpeech pos :
        {PartOfSpeech::Noun, PartOfSpeech::Verb, PartOfSpeech::Adjective, PartOfSpeech::Adverb}) {
        lexicon::forEachGloss(*wordNet, pos, [&](const lexicon::Gloss &gloss) {
            // The commonest sense first (index order, when SemCor tagged the senses); else the
            // sense with more links (a game of chess has its moves, the grass called chess has
            // none).
            const int rank = gloss.senseRank;
            const int links = int(gloss.synset.pointers.size());
            const double sense = rank > 0 ? 1.0 / rank
                : rank < 0                ? 0.4 + std::min(0.5, links / 40.0)
                                          : 0.0;
            const QByteArray &lemma = gloss.lemma;
            if (lemma.isEmpty() || !cleanText(lemma))
                return;
            const QByteArray head = lemma.contains(' ') ? QByteArray() : lemma.toLower();
            const QList<QByteArray> &definitions = gloss.definitions;
            if (!definitions.isEmpty() && cleanText(definitions.first())) {
                const QByteArray &d = definitions.first();
                QByteArray sentence;
                if (pos == PartOfSpeech::Verb) {
                    sentence = "To " + lemma + " is to " + d;
                } else if (pos != PartOfSpeech::Noun) {
                    sentence = capitalised(lemma) + " means " + d;
                } else if (lemma.at(0) >= 'A' && lemma.at(0) <= 'Z') {
                    sentence = lemma + " is " + d;
                } else if (d.startsWith("a ") || d.startsWith("an ")) {
                    const bool vowel = QByteArray("aeiou").contains(lemma.at(0));
                    sentence = (vowel ? "An " : "A ") + lemma + " is " + d;
                } else {
                    sentence = capitalised(lemma) + " is " + d;
                }
                out.append({ended(sentence), head, sense});
                for (qsizetype k = 1; k < definitions.size(); ++k) {
                    const QByteArray &more = definitions.at(k);
                    if ((more.startsWith("a ") || more.startsWith("an ") || more.startsWith("the "))
                        && cleanText(more) && wordCount(more) >= 3)
                        out.append({ended("It is " + more), head, sense / 2});
                }
            }
            for (const QByteArray &example : gloss.examples)
                if (wordCount(example) >= 4 && cleanText(example))
                    out.append({ended(capitalised(example)), head, 0.0});
        });
    }
    return out;
}

} // namespace sandbox::text
