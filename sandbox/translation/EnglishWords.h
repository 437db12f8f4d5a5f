// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/translation/German.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <utility>

namespace sandbox::translation::english {

// The English side's word lists for englishToGerman(): the closed word classes (determiners,
// pronouns, prepositions, modals), phrases, common verbs whose dictionary senses are too many to
// pick from, and irregular forms. Keys are lower case.

struct DeterminerWord
{
    Determiner kind;
    QString stem; ///< of an ein-word or der-word ("mein", "dies"); the word itself for "viele"
    bool plural = false; ///< these, those, all, some, many
};
const QHash<QString, DeterminerWord> &determiners();
const QHash<QString, int> &numberWords(); ///< two..twelve, twenty, hundred
QString germanNumber(int n); ///< of numberWords()' values

struct PronounForms
{
    QString nominative, accusative, dative;
    Person person;
};
const QHash<QString, PronounForms> &pronouns(); ///< subject and object forms
const QHash<QString, std::pair<QString, Case>> &prepositions(); ///< German preposition, its case
const QHash<QString, QString> &plainWords(); ///< conjunctions, adverbs, question words
const QHash<QString, QString> &phrases(); ///< two or three words
/// Time adverbs of two or three words (next week → nächste Woche, last night → gestern Abend):
/// placed like "today", after the finite verb, or fronted.
const QHash<QString, QString> &timePhrases();
const QHash<QString, QString> &commonVerbs(); ///< lemma → German infinitive
const QHash<QString, std::pair<QString, bool>> &modals(); ///< can → können...
const QHash<QString, QString> &irregularForms(); ///< went → go, children → child
const QSet<QString> &pastForms(); ///< was, were, had, did
/// True for a simple past or past participle of a lexical verb: the irregular ones (went, gone,
/// bought) and -ed forms that WordNet reads as a verb's inflection (played, tired; not need, bed).
bool isPastForm(const QString &lower);
const QSet<QString> &dativeVerbs(); ///< German verbs with a dative object
/// German verbs that take an indirect (dative) and a direct object: geben, zeigen, schenken...
const QSet<QString> &ditransitiveVerbs();
const QSet<QString> &frontableAdverbs(); ///< today, now...: verb-second after them
bool isFunctionWord(const QString &lower);
/// Candidate lemmas of an English word form: the irregular lemma, the form itself, WordNet's
/// morphy-like lemmas (lexicon/WordNet.h, when its data is there), then suffix rules:
/// "goes" → go, goes, goe...; "running" → run.
QStringList lemmaCandidates(const QString &lower);

} // namespace sandbox::translation::english
