// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace sandbox::translation {

// The bits of German grammar the sandbox's word-by-word translation needs (Duden's tables, much
// simplified): articles and determiners by gender and case, adjective endings, the present tense
// of regular and common irregular verbs, and noun plurals where the dictionary gives none.

enum class Gender { None, Masculine, Feminine, Neuter, Plural };
enum class Case { Nominative, Accusative, Dative };
/// Grammatical person and number of a subject: ich, du, er/sie/es, wir, ihr, sie/Sie.
enum class Person { First, Second, Third, FirstPlural, SecondPlural, ThirdPlural };

/// The kind of a determiner: "der" (definite), "ein" (indefinite, also kein, mein, dein, ...: an
/// ein-word with `stem`), "dies" (a der-word such as dieser, jeder, welcher with `stem`).
enum class Determiner { None, Definite, Indefinite, EinWord, DerWord };

/// The determiner in `gender` and `c`: Definite → der/die/das/den/dem...; Indefinite → ein/eine/
/// einen/einem/einer (empty in the plural); EinWord → stem + ein-ending ("mein" + "en");
/// DerWord → stem + der-ending ("dies" + "er"). Empty for Determiner::None.
QString determiner(Determiner kind, const QString &stem, Gender gender, Case c);

/// The attributive adjective `adjective` (uninflected: "schön") declined after a determiner of
/// `kind` (weak after der-words, mixed after ein-words, strong without one).
QString declineAdjective(const QString &adjective, Determiner kind, Gender gender, Case c);

/// The present tense of the verb whose infinitive is `infinitive` ("gehen", "sich freuen" is
/// given without "sich") for `person`: "sein" → bin/bist/ist/sind/seid/sind, modals, common strong
/// verbs with a vowel change (fahren → fährt, sehen → sieht), regular verbs by their stem
/// ("arbeiten" → arbeitet). A multi-word infinitive conjugates its last word.
QString conjugate(const QString &infinitive, Person person);

/// The simple past (Präteritum) of sein, haben, werden and the modals; empty for other verbs.
QString pastTense(const QString &infinitive, Person person);

/// The past participle (Partizip II) of `infinitive`: a table of common strong and mixed verbs
/// (geben → gegeben, bringen → gebracht), separable prefixes before "ge" (ankommen →
/// angekommen), no "ge" after an inseparable prefix or for -ieren (verstehen → verstanden,
/// bezahlen → bezahlt, studieren → studiert), else ge + stem + (e)t (arbeiten → gearbeitet).
/// A multi-word infinitive ("Rad fahren") forms it from its last word.
QString pastParticiple(const QString &infinitive);

/// True when the perfect tense of `infinitive` takes "sein" (verbs of motion and change of
/// state: gehen, kommen, fahren, bleiben, werden...), false for "haben".
bool perfectTakesSein(const QString &infinitive);

/// Infinitives a German finite verb form may belong to, most likely first: the irregular forms of
/// conjugate() ("ist" → sein, "kann" → können), changed stems ("fährt" → fahren, "liest" → lesen)
/// and the regular endings ("spielt" → spielen, "arbeitest" → arbeiten). The word itself first
/// when it already ends in -en or -n.
QStringList infinitiveCandidates(const QString &form);

/// A plural for a German noun in the singular by common rules (feminine -e → -en, -in → -innen,
/// masculine/neuter in -er/-el/-en unchanged, else -e): used when the dictionary has no plural.
QString pluralNoun(const QString &noun, Gender gender);

/// `noun` (a plural) in the dative plural: -n added unless it ends in n or s ("Kindern").
QString dativePlural(const QString &plural);

/// Contracts preposition + article as German writes it: "in dem" → "im", "zu der" → "zur"...;
/// empty when the pair has no contraction.
QString contractPreposition(const QString &preposition, const QString &article);

} // namespace sandbox::translation
