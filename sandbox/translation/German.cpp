// SPDX-License-Identifier: MIT
#include "sandbox/translation/German.h"

#include <QHash>
#include <QSet>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace sandbox::translation {

namespace {

int genderIndex(Gender g)
{
    switch (g) {
    case Gender::Feminine:
        return 1;
    case Gender::Neuter:
        return 2;
    case Gender::Plural:
        return 3;
    default:
        return 0; // masculine, and the unknown gender of a noun the dictionary leaves untagged
    }
}

int caseIndex(Case c)
{
    return c == Case::Nominative ? 0 : (c == Case::Accusative ? 1 : 2);
}

// [case][gender: m f n pl]
const char *const kDefinite[3][4]
    = {{"der", "die", "das", "die"}, {"den", "die", "das", "die"}, {"dem", "der", "dem", "den"}};
const char *const kEinEnding[3][4]
    = {{"", "e", "", "e"}, {"en", "e", "", "e"}, {"em", "er", "em", "en"}};
const char *const kDerEnding[3][4]
    = {{"er", "e", "es", "e"}, {"en", "e", "es", "e"}, {"em", "er", "em", "en"}};
const char *const kWeak[3][4]
    = {{"e", "e", "e", "en"}, {"en", "e", "e", "en"}, {"en", "en", "en", "en"}};
const char *const kMixed[3][4]
    = {{"er", "e", "es", "en"}, {"en", "e", "es", "en"}, {"en", "en", "en", "en"}};
const char *const kStrong[3][4]
    = {{"er", "e", "es", "e"}, {"en", "e", "es", "e"}, {"em", "er", "em", "en"}};

const QHash<QString, QStringList> &irregularVerbs()
{
    static const QHash<QString, QStringList> verbs{
        {u"sein"_s, {u"bin"_s, u"bist"_s, u"ist"_s, u"sind"_s, u"seid"_s, u"sind"_s}},
        {u"haben"_s, {u"habe"_s, u"hast"_s, u"hat"_s, u"haben"_s, u"habt"_s, u"haben"_s}},
        {u"werden"_s, {u"werde"_s, u"wirst"_s, u"wird"_s, u"werden"_s, u"werdet"_s, u"werden"_s}},
        {u"können"_s, {u"kann"_s, u"kannst"_s, u"kann"_s, u"können"_s, u"könnt"_s, u"können"_s}},
        {u"müssen"_s, {u"muss"_s, u"musst"_s, u"muss"_s, u"müssen"_s, u"müsst"_s, u"müssen"_s}},
        {u"wollen"_s, {u"will"_s, u"willst"_s, u"will"_s, u"wollen"_s, u"wollt"_s, u"wollen"_s}},
        {u"sollen"_s, {u"soll"_s, u"sollst"_s, u"soll"_s, u"sollen"_s, u"sollt"_s, u"sollen"_s}},
        {u"dürfen"_s, {u"darf"_s, u"darfst"_s, u"darf"_s, u"dürfen"_s, u"dürft"_s, u"dürfen"_s}},
        {u"mögen"_s, {u"mag"_s, u"magst"_s, u"mag"_s, u"mögen"_s, u"mögt"_s, u"mögen"_s}},
        {u"möchten"_s,
            {u"möchte"_s, u"möchtest"_s, u"möchte"_s, u"möchten"_s, u"möchtet"_s, u"möchten"_s}},
        {u"würden"_s,
            {u"würde"_s, u"würdest"_s, u"würde"_s, u"würden"_s, u"würdet"_s, u"würden"_s}},
        {u"wissen"_s, {u"weiß"_s, u"weißt"_s, u"weiß"_s, u"wissen"_s, u"wisst"_s, u"wissen"_s}},
        {u"tun"_s, {u"tue"_s, u"tust"_s, u"tut"_s, u"tun"_s, u"tut"_s, u"tun"_s}},
    };
    return verbs;
}

// Strong verbs whose du/er forms change the stem vowel: infinitive → the changed stem.
const QHash<QString, QString> &vowelChanges()
{
    static const QHash<QString, QString> stems{
        {u"fahren"_s, u"fähr"_s},
        {u"schlafen"_s, u"schläf"_s},
        {u"laufen"_s, u"läuf"_s},
        {u"tragen"_s, u"träg"_s},
        {u"fallen"_s, u"fäll"_s},
        {u"gefallen"_s, u"gefäll"_s},
        {u"halten"_s, u"hält"_s},
        {u"lassen"_s, u"läss"_s},
        {u"waschen"_s, u"wäsch"_s},
        {u"wachsen"_s, u"wächs"_s},
        {u"schlagen"_s, u"schläg"_s},
        {u"fangen"_s, u"fäng"_s},
        {u"sehen"_s, u"sieh"_s},
        {u"lesen"_s, u"lies"_s},
        {u"essen"_s, u"iss"_s},
        {u"geben"_s, u"gib"_s},
        {u"nehmen"_s, u"nimm"_s},
        {u"sprechen"_s, u"sprich"_s},
        {u"helfen"_s, u"hilf"_s},
        {u"treffen"_s, u"triff"_s},
        {u"vergessen"_s, u"vergiss"_s},
        {u"werfen"_s, u"wirf"_s},
        {u"sterben"_s, u"stirb"_s},
        {u"brechen"_s, u"brich"_s},
        {u"empfehlen"_s, u"empfiehl"_s},
        {u"stehlen"_s, u"stiehl"_s},
        {u"befehlen"_s, u"befiehl"_s},
        {u"messen"_s, u"miss"_s},
        {u"vergeben"_s, u"vergib"_s},
        {u"fressen"_s, u"friss"_s},
        {u"treten"_s, u"tritt"_s},
        {u"laden"_s, u"läd"_s},
    };
    return stems;
}

} // namespace

QString determiner(Determiner kind, const QString &stem, Gender gender, Case c)
{
    const int g = genderIndex(gender);
    const int k = caseIndex(c);
    switch (kind) {
    case Determiner::None:
        return {};
    case Determiner::Definite:
        return QString::fromLatin1(kDefinite[k][g]);
    case Determiner::Indefinite:
        return gender == Gender::Plural ? QString()
                                        : u"ein"_s + QString::fromLatin1(kEinEnding[k][g]);
    case Determiner::EinWord: {
        // unser/euer drop their e before an ending: eure, euren (unsere is kept as it is common)
        QString s = stem;
        const QString ending = QString::fromLatin1(kEinEnding[k][g]);
        if (s == u"euer"_s && !ending.isEmpty())
            s = u"eur"_s;
        return s + ending;
    }
    case Determiner::DerWord:
        return stem + QString::fromLatin1(kDerEnding[k][g]);
    }
    return {};
}

QString declineAdjective(const QString &adjective, Determiner kind, Gender gender, Case c)
{
    const int g = genderIndex(gender);
    const int k = caseIndex(c);
    const char *ending = nullptr;
    if (kind == Determiner::Definite || kind == Determiner::DerWord)
        ending = kWeak[k][g];
    else if (kind == Determiner::Indefinite || kind == Determiner::EinWord)
        ending = kMixed[k][g];
    else
        ending = kStrong[k][g];
    QString stem = adjective;
    if (stem.isEmpty() || stem.contains(u' '))
        return adjective;
    if (stem == u"hoch"_s)
        stem = u"hoh"_s;
    else if (stem.endsWith(u'e'))
        stem.chop(1); // leise → leise-n, not leisee-n
    else if (stem.endsWith(u"el"_s) && stem.size() > 3)
        stem = stem.left(stem.size() - 2) + u'l'; // dunkel → dunkle
    return stem + QString::fromLatin1(ending);
}

QString conjugate(const QString &infinitive, Person person)
{
    const qsizetype space = infinitive.lastIndexOf(u' ');
    if (space >= 0) // "Rad fahren": the last word is the verb
        return infinitive.left(space + 1) + conjugate(infinitive.mid(space + 1), person);
    const int p = int(person);
    const auto irregular = irregularVerbs().constFind(infinitive);
    if (irregular != irregularVerbs().cend())
        return irregular->at(p);
    if (person == Person::FirstPlural || person == Person::ThirdPlural)
        return infinitive;
    QString stem;
    if (infinitive.endsWith(u"eln"_s) || infinitive.endsWith(u"ern"_s))
        stem = infinitive.left(infinitive.size() - 1); // wandern → wander
    else if (infinitive.endsWith(u"en"_s))
        stem = infinitive.left(infinitive.size() - 2);
    else if (infinitive.endsWith(u'n'))
        stem = infinitive.left(infinitive.size() - 1);
    else
        return infinitive; // not a German infinitive: leave it
    if (person == Person::First) {
        if (infinitive.endsWith(u"eln"_s))
            return stem.left(stem.size() - 2) + u"le"_s; // sammeln → sammle
        return stem + u'e';
    }
    // du and er: the changed stem of a strong verb, if any
    QString changed = stem;
    bool strong = false;
    if (person == Person::Second || person == Person::Third) {
        const auto it = vowelChanges().constFind(infinitive);
        if (it != vowelChanges().cend()) {
            changed = *it;
            strong = true;
        }
    }
    // arbeiten → arbeitest/arbeitet, öffnen → öffnet; not after a changed stem (hält, lädt)
    const bool needsE = !strong
        && (stem.endsWith(u't') || stem.endsWith(u'd') || stem.endsWith(u"chn"_s)
            || stem.endsWith(u"ffn"_s) || stem.endsWith(u"gn"_s) || stem.endsWith(u"tm"_s));
    const bool sibilant = changed.endsWith(u's') || changed.endsWith(u'ß') || changed.endsWith(u'z')
        || changed.endsWith(u'x');
    switch (person) {
    case Person::Second:
        if (sibilant)
            return changed + u't';
        return changed + (needsE ? u"est"_s : u"st"_s);
    case Person::Third:
        if (strong && changed.endsWith(u't'))
            return changed; // hält, tritt
        return changed + (needsE ? u"et"_s : u"t"_s);
    case Person::SecondPlural:
        return stem + (needsE ? u"et"_s : u"t"_s);
    default:
        return infinitive;
    }
}

QStringList infinitiveCandidates(const QString &form)
{
    QStringList out;
    const QString lower = form.toLower();
    for (auto it = irregularVerbs().cbegin(); it != irregularVerbs().cend(); ++it) {
        if (it->contains(lower))
            out.append(it.key());
    }
    for (auto it = vowelChanges().cbegin(); it != vowelChanges().cend(); ++it) {
        if (lower == *it + u't' || lower == *it + u"st"_s || lower == *it
            || (it->endsWith(u's') && lower == *it + u't'))
            out.append(it.key());
    }
    if (lower.endsWith(u"en"_s) || lower.endsWith(u"ln"_s) || lower.endsWith(u"rn"_s))
        out.append(lower);
    const auto strip = [&](const QString &ending) {
        if (lower.size() > ending.size() + 1 && lower.endsWith(ending)) {
            const QString stem = lower.left(lower.size() - ending.size());
            out.append(stem + u"en"_s);
            out.append(stem + u'n');
        }
    };
    strip(u"est"_s);
    strip(u"et"_s);
    strip(u"st"_s);
    strip(u"t"_s);
    strip(u"e"_s);
    out.removeDuplicates();
    return out;
}

QString pastTense(const QString &infinitive, Person person)
{
    static const QHash<QString, QString> stems{
        {u"sein"_s, u"war"_s},
        {u"haben"_s, u"hatte"_s},
        {u"werden"_s, u"wurde"_s},
        {u"können"_s, u"konnte"_s},
        {u"müssen"_s, u"musste"_s},
        {u"wollen"_s, u"wollte"_s},
        {u"sollen"_s, u"sollte"_s},
        {u"dürfen"_s, u"durfte"_s},
        {u"mögen"_s, u"mochte"_s},
        {u"wissen"_s, u"wusste"_s},
        {u"geben"_s, u"gab"_s}, // "es gab" for "there was"
    };
    const auto it = stems.constFind(infinitive);
    if (it == stems.cend())
        return {};
    const QString stem = *it; // war, hatte: ich/er without an ending
    switch (person) {
    case Person::First:
    case Person::Third:
        return stem;
    case Person::Second:
        return stem + u"st"_s;
    case Person::SecondPlural:
        return stem + u't';
    default:
        return stem + (stem.endsWith(u'e') ? u"n"_s : u"en"_s);
    }
}

namespace {

const QStringList &separablePrefixes()
{
    static const QStringList prefixes{u"zurück"_s,
        u"vorbei"_s,
        u"weiter"_s,
        u"fern"_s,
        u"fest"_s,
        u"auf"_s,
        u"aus"_s,
        u"ein"_s,
        u"mit"_s,
        u"nach"_s,
        u"weg"_s,
        u"los"_s,
        u"an"_s,
        u"ab"_s,
        u"vor"_s,
        u"zu"_s,
        u"um"_s,
        u"her"_s,
        u"hin"_s};
    return prefixes;
}

const QStringList &inseparablePrefixes()
{
    static const QStringList prefixes{
        u"be"_s, u"ver"_s, u"er"_s, u"ent"_s, u"zer"_s, u"ge"_s, u"emp"_s, u"miss"_s, u"über"_s};
    return prefixes;
}

// Strong and mixed verbs without a prefix (Duden's list of irregular verbs, the common ones).
const QHash<QString, QString> &strongParticiples()
{
    static const QHash<QString, QString> table{
        {u"sein"_s, u"gewesen"_s},
        {u"haben"_s, u"gehabt"_s},
        {u"werden"_s, u"geworden"_s},
        {u"tun"_s, u"getan"_s},
        {u"geben"_s, u"gegeben"_s},
        {u"gehen"_s, u"gegangen"_s},
        {u"essen"_s, u"gegessen"_s},
        {u"sehen"_s, u"gesehen"_s},
        {u"kommen"_s, u"gekommen"_s},
        {u"nehmen"_s, u"genommen"_s},
        {u"finden"_s, u"gefunden"_s},
        {u"schreiben"_s, u"geschrieben"_s},
        {u"sprechen"_s, u"gesprochen"_s},
        {u"trinken"_s, u"getrunken"_s},
        {u"schlafen"_s, u"geschlafen"_s},
        {u"fahren"_s, u"gefahren"_s},
        {u"fliegen"_s, u"geflogen"_s},
        {u"singen"_s, u"gesungen"_s},
        {u"bringen"_s, u"gebracht"_s},
        {u"denken"_s, u"gedacht"_s},
        {u"wissen"_s, u"gewusst"_s},
        {u"kennen"_s, u"gekannt"_s},
        {u"nennen"_s, u"genannt"_s},
        {u"rennen"_s, u"gerannt"_s},
        {u"treffen"_s, u"getroffen"_s},
        {u"sitzen"_s, u"gesessen"_s},
        {u"stehen"_s, u"gestanden"_s},
        {u"liegen"_s, u"gelegen"_s},
        {u"beginnen"_s, u"begonnen"_s},
        {u"vergessen"_s, u"vergessen"_s},
        {u"schwimmen"_s, u"geschwommen"_s},
        {u"laufen"_s, u"gelaufen"_s},
        {u"lesen"_s, u"gelesen"_s},
        {u"helfen"_s, u"geholfen"_s},
        {u"bleiben"_s, u"geblieben"_s},
        {u"rufen"_s, u"gerufen"_s},
        {u"tragen"_s, u"getragen"_s},
        {u"waschen"_s, u"gewaschen"_s},
        {u"fallen"_s, u"gefallen"_s},
        {u"halten"_s, u"gehalten"_s},
        {u"lassen"_s, u"gelassen"_s},
        {u"sterben"_s, u"gestorben"_s},
        {u"ziehen"_s, u"gezogen"_s},
        {u"werfen"_s, u"geworfen"_s},
        {u"gewinnen"_s, u"gewonnen"_s},
        {u"verlieren"_s, u"verloren"_s},
        {u"wachsen"_s, u"gewachsen"_s},
        {u"backen"_s, u"gebacken"_s},
        {u"brechen"_s, u"gebrochen"_s},
        {u"stehlen"_s, u"gestohlen"_s},
        {u"schneiden"_s, u"geschnitten"_s},
        {u"schließen"_s, u"geschlossen"_s},
        {u"bitten"_s, u"gebeten"_s},
        {u"springen"_s, u"gesprungen"_s},
        {u"steigen"_s, u"gestiegen"_s},
        {u"scheinen"_s, u"geschienen"_s},
        {u"schreien"_s, u"geschrien"_s},
        {u"treten"_s, u"getreten"_s},
        {u"vergleichen"_s, u"verglichen"_s},
        {u"können"_s, u"gekonnt"_s},
        {u"müssen"_s, u"gemusst"_s},
        {u"wollen"_s, u"gewollt"_s},
        {u"mögen"_s, u"gemocht"_s},
        {u"dürfen"_s, u"gedurft"_s},
        {u"sollen"_s, u"gesollt"_s},
    };
    return table;
}

// Regular verbs that often follow a separable prefix (einkaufen, aufhören, anrufen is strong):
// only these and the strong verbs are split, so "antworten" is not read as an + tworten.
const QSet<QString> &regularBases()
{
    static const QSet<QString> bases{u"machen"_s,
        u"kaufen"_s,
        u"hören"_s,
        u"stellen"_s,
        u"legen"_s,
        u"holen"_s,
        u"räumen"_s,
        u"packen"_s,
        u"füllen"_s,
        u"passen"_s,
        u"probieren"_s,
        u"wachen"_s,
        u"schalten"_s,
        u"suchen"_s,
        u"zahlen"_s,
        u"kochen"_s,
        u"bauen"_s,
        u"reisen"_s,
        u"schauen"_s,
        u"teilen"_s,
        u"wählen"_s,
        u"drücken"_s,
        u"hängen"_s,
        u"setzen"_s};
    return bases;
}

QString regularStem(const QString &infinitive)
{
    if (infinitive.endsWith(u"en"_s))
        return infinitive.chopped(2);
    if (infinitive.endsWith(u'n')) // wandern, lächeln
        return infinitive.chopped(1);
    return infinitive;
}

QString regularEnding(const QString &stem) // arbeit-et, öffn-et, spiel-t
{
    static const QString vowels = u"aeiouäöüy"_s;
    const bool dental = stem.endsWith(u't') || stem.endsWith(u'd');
    const bool consonantNasal = stem.size() > 2 && (stem.endsWith(u'm') || stem.endsWith(u'n'))
        && !vowels.contains(stem.at(stem.size() - 2)) && stem.at(stem.size() - 2) != u'l'
        && stem.at(stem.size() - 2) != u'r' && stem.at(stem.size() - 2) != u'h';
    return stem + (dental || consonantNasal ? u"et"_s : u"t"_s);
}

} // namespace

QString pastParticiple(const QString &infinitive)
{
    const qsizetype space = infinitive.lastIndexOf(u' ');
    if (space >= 0)
        return infinitive.left(space + 1) + pastParticiple(infinitive.mid(space + 1));
    if (infinitive.isEmpty())
        return {};
    const auto strong = strongParticiples().constFind(infinitive);
    if (strong != strongParticiples().cend())
        return *strong;
    if (infinitive.endsWith(u"ieren"_s))
        return regularEnding(regularStem(infinitive));
    for (const QString &prefix : separablePrefixes()) { // einkaufen → eingekauft
        const QString rest = infinitive.mid(prefix.size());
        if (infinitive.startsWith(prefix)
            && (strongParticiples().contains(rest) || regularBases().contains(rest)))
            return prefix + pastParticiple(rest);
    }
    for (const QString &prefix : inseparablePrefixes()) {
        const QString rest = infinitive.mid(prefix.size());
        if (infinitive.startsWith(prefix) && rest.size() > 3) {
            const auto inner = strongParticiples().constFind(rest);
            if (inner != strongParticiples().cend() && inner->startsWith(u"ge"_s))
                return prefix + inner->mid(2); // verstehen → verstanden
            return regularEnding(regularStem(infinitive)); // bezahlen → bezahlt
        }
    }
    return u"ge"_s + regularEnding(regularStem(infinitive));
}

bool perfectTakesSein(const QString &infinitive)
{
    static const QSet<QString> verbs{u"sein"_s,
        u"werden"_s,
        u"bleiben"_s,
        u"gehen"_s,
        u"kommen"_s,
        u"fahren"_s,
        u"fliegen"_s,
        u"laufen"_s,
        u"rennen"_s,
        u"schwimmen"_s,
        u"reisen"_s,
        u"wandern"_s,
        u"fallen"_s,
        u"sterben"_s,
        u"wachsen"_s,
        u"springen"_s,
        u"steigen"_s,
        u"passieren"_s,
        u"geschehen"_s,
        u"folgen"_s,
        u"reiten"_s,
        u"ziehen"_s,
        u"aufwachen"_s,
        u"einschlafen"_s,
        u"eintreffen"_s,
        u"abreisen"_s,
        u"umziehen"_s};
    const qsizetype space = infinitive.lastIndexOf(u' ');
    const QString verb = space >= 0 ? infinitive.mid(space + 1) : infinitive;
    if (verbs.contains(verb))
        return true;
    for (const QString &prefix : separablePrefixes()) {
        if (verb.startsWith(prefix) && verbs.contains(verb.mid(prefix.size())))
            return true; // ankommen, zurückfahren
    }
    return false;
}

QString pluralNoun(const QString &noun, Gender gender)
{
    if (noun.isEmpty() || gender == Gender::Plural)
        return noun;
    if (gender == Gender::Feminine) {
        if (noun.endsWith(u"in"_s))
            return noun + u"nen"_s;
        if (noun.endsWith(u'e') || noun.endsWith(u"el"_s) || noun.endsWith(u"er"_s))
            return noun + u'n';
        return noun + u"en"_s;
    }
    if (noun.endsWith(u"er"_s) || noun.endsWith(u"el"_s) || noun.endsWith(u"en"_s)
        || noun.endsWith(u"chen"_s) || noun.endsWith(u"lein"_s))
        return noun;
    if (noun.endsWith(u'e'))
        return noun + u'n';
    if (noun.endsWith(u'a') || noun.endsWith(u'o') || noun.endsWith(u'i') || noun.endsWith(u'y'))
        return noun + u's';
    return noun + u'e';
}

QString dativePlural(const QString &plural)
{
    if (plural.isEmpty() || plural.endsWith(u'n') || plural.endsWith(u's'))
        return plural;
    return plural + u'n';
}

QString contractPreposition(const QString &preposition, const QString &article)
{
    static const QHash<QString, QString> pairs{
        {u"in dem"_s, u"im"_s},
        {u"in das"_s, u"ins"_s},
        {u"an dem"_s, u"am"_s},
        {u"an das"_s, u"ans"_s},
        {u"zu dem"_s, u"zum"_s},
        {u"zu der"_s, u"zur"_s},
        {u"von dem"_s, u"vom"_s},
        {u"bei dem"_s, u"beim"_s},
    };
    return pairs.value(preposition.toLower() + u' ' + article);
}

} // namespace sandbox::translation
