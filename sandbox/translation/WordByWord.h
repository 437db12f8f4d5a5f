// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/translation/FreeDict.h"

#include <QString>
#include <QStringList>

namespace sandbox::translation {

/// One sentence translated word by word, and how much of it really was.
struct SentenceTranslation
{
    QString text;
    int words = 0; ///< words of the source (contractions count as two: "don't" = do + not)
    int translated = 0; ///< of them, those the dictionary or the grammar's word lists translated
                        ///< (the rest are passed through as they are)
};

/// English → German with FreeDict's eng-deu (`dict`): function words (articles, pronouns,
/// prepositions, auxiliaries and modals, common adverbs) from built-in lists; content words from
/// the dictionary (chooseTranslation() by part of speech from their position: after a determiner a
/// noun or adjective, after the subject a verb, after "be" an adjective); English forms reduced to
/// their headword (dogs → dog, goes → go, went → go) when the form itself is no headword.
/// German grammar on top: der/die/das and ein/eine by the noun's gender and its case (nominative
/// subject, accusative object, dative or accusative after a preposition, contractions such as
/// "im"), adjective endings, the present tense by person, "do" questions and negations
/// ("Do you have children?" → "Hast du Kinder?", "not a" → "kein"), infinitives after modals at
/// the end of the clause, verb-second after a fronted adverb ("Heute gehe ich...").
SentenceTranslation englishToGerman(const QString &sentence, const FreeDict &dict);

/// German → English with FreeDict's deu-eng: articles, pronouns, prepositions and the forms of
/// sein, haben, werden and the modals from built-in lists; other words from the dictionary, an
/// inflected form reduced to a headword when it is none (Hunde is one; schönes → schön,
/// spielt → spielen); English 3rd person -s, "a"/"an", infinitives after modals moved next to them.
SentenceTranslation germanToEnglish(const QString &sentence, const FreeDict &dict);

/// The words and other characters of `sentence`: runs of letters (with apostrophes inside:
/// "don't"), runs of digits, and single other characters (white space dropped). Exposed for tests.
struct SourceToken
{
    QString text;
    bool word = false; ///< letters
    bool number = false; ///< digits
};
QList<SourceToken> tokenize(const QString &sentence);

/// Joins translated words and punctuation into a sentence: one space between words, none before
/// , . ! ? ; : ) and none after ( ; the first letter capitalised.
QString joinSentence(const QList<SourceToken> &tokens);

} // namespace sandbox::translation
