// SPDX-License-Identifier: MIT
#include "sandbox/text/Words.h"

#include <QSet>

namespace sandbox::text {

quint64 wordHash(QByteArrayView word)
{
    quint64 h = 0xcbf29ce484222325ULL;
    for (const char c : word) {
        h ^= uchar(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

quint64 stemHash(QByteArrayView word)
{
    qsizetype n = word.size();
    QByteArray stem = word.toByteArray();
    if (n > 4 && stem.endsWith("ies")) {
        stem.chop(3);
        stem += 'y';
    } else if (n > 4
        && (stem.endsWith("ches") || stem.endsWith("shes") || stem.endsWith("sses")
            || stem.endsWith("xes"))) {
        stem.chop(2);
    } else if (n > 3 && stem.endsWith('s') && !stem.endsWith("ss") && !stem.endsWith("us")
        && !stem.endsWith("is")) {
        stem.chop(1);
    }
    return wordHash(stem);
}

bool isStopword(QByteArrayView word)
{
    static const QSet<QByteArray> words = [] {
        QSet<QByteArray> s;
        for (const char *w : {"a",
                 "an",
                 "the",
                 "of",
                 "in",
                 "on",
                 "at",
                 "to",
                 "for",
                 "from",
                 "by",
                 "with",
                 "and",
                 "or",
                 "but",
                 "not",
                 "no",
                 "is",
                 "are",
                 "was",
                 "were",
                 "be",
                 "been",
                 "being",
                 "am",
                 "do",
                 "does",
                 "did",
                 "have",
                 "has",
                 "had",
                 "it",
                 "its",
                 "this",
                 "that",
                 "these",
                 "those",
                 "there",
                 "here",
                 "as",
                 "so",
                 "if",
                 "then",
                 "than",
                 "what",
                 "which",
                 "who",
                 "whom",
                 "whose",
                 "when",
                 "where",
                 "why",
                 "how",
                 "i",
                 "me",
                 "my",
                 "we",
                 "us",
                 "our",
                 "you",
                 "your",
                 "he",
                 "him",
                 "his",
                 "she",
                 "her",
                 "they",
                 "them",
                 "their",
                 "can",
                 "could",
                 "will",
                 "would",
                 "shall",
                 "should",
                 "may",
                 "might",
                 "must",
                 "about",
                 "into",
                 "over",
                 "under",
                 "up",
                 "down",
                 "out",
                 "off",
                 "any",
                 "some",
                 "all",
                 "each",
                 "every",
                 "more",
                 "most",
                 "much",
                 "many",
                 "very",
                 "just",
                 "also",
                 "too",
                 "only",
                 "one",
                 "other",
                 "such",
                 "tell",
                 "please",
                 "give",
                 "s",
                 "t",
                 "something",
                 "someone",
                 "thing",
                 "things",
                 "used",
                 "use",
                 "especially",
                 "usually",
                 "e",
                 "g",
                 "etc",
                 "like",
                 "know",
                 "want",
                 "let",
                 "get",
                 "got",
                 "make",
                 "made",
                 "say",
                 "said",
                 "write",
                 "explain",
                 "describe",
                 "answer",
                 "question",
                 "ok",
                 "okay",
                 "yes",
                 "now"})
            s.insert(QByteArray(w));
        return s;
    }();
    return words.contains(word.toByteArray());
}

} // namespace sandbox::text
