// SPDX-License-Identifier: MIT
#include "sandbox/translation/EnglishWords.h"

#include "sandbox/lexicon/WordNet.h"

using namespace Qt::StringLiterals;

namespace sandbox::translation::english {

const QHash<QString, DeterminerWord> &determiners()
{
    static const QHash<QString, DeterminerWord> table{
        {u"the"_s, {Determiner::Definite, {}}},
        {u"a"_s, {Determiner::Indefinite, {}}},
        {u"an"_s, {Determiner::Indefinite, {}}},
        {u"this"_s, {Determiner::DerWord, u"dies"_s}},
        {u"that"_s, {Determiner::Definite, {}}},
        {u"these"_s, {Determiner::DerWord, u"dies"_s, true}},
        {u"those"_s, {Determiner::Definite, {}, true}},
        {u"my"_s, {Determiner::EinWord, u"mein"_s}},
        {u"your"_s, {Determiner::EinWord, u"dein"_s}},
        {u"his"_s, {Determiner::EinWord, u"sein"_s}},
        {u"her"_s, {Determiner::EinWord, u"ihr"_s}},
        {u"its"_s, {Determiner::EinWord, u"sein"_s}},
        {u"our"_s, {Determiner::EinWord, u"unser"_s}},
        {u"their"_s, {Determiner::EinWord, u"ihr"_s}},
        {u"no"_s, {Determiner::EinWord, u"kein"_s}},
        {u"every"_s, {Determiner::DerWord, u"jed"_s}},
        {u"each"_s, {Determiner::DerWord, u"jed"_s}},
        {u"which"_s, {Determiner::DerWord, u"welch"_s}},
        {u"all"_s, {Determiner::DerWord, u"all"_s, true}},
        {u"some"_s, {Determiner::DerWord, u"einig"_s, true}},
        {u"many"_s, {Determiner::None, u"viele"_s, true}},
        {u"one"_s, {Determiner::Indefinite, {}}},
    };
    return table;
}

const QHash<QString, int> &numberWords()
{
    static const QHash<QString, int> numbers{
        {u"two"_s, 2},
        {u"three"_s, 3},
        {u"four"_s, 4},
        {u"five"_s, 5},
        {u"six"_s, 6},
        {u"seven"_s, 7},
        {u"eight"_s, 8},
        {u"nine"_s, 9},
        {u"ten"_s, 10},
        {u"eleven"_s, 11},
        {u"twelve"_s, 12},
        {u"twenty"_s, 20},
        {u"hundred"_s, 100},
    };
    return numbers;
}

QString germanNumber(int n)
{
    static const QHash<int, QString> names{{2, u"zwei"_s},
        {3, u"drei"_s},
        {4, u"vier"_s},
        {5, u"fünf"_s},
        {6, u"sechs"_s},
        {7, u"sieben"_s},
        {8, u"acht"_s},
        {9, u"neun"_s},
        {10, u"zehn"_s},
        {11, u"elf"_s},
        {12, u"zwölf"_s},
        {20, u"zwanzig"_s},
        {100, u"hundert"_s}};
    return names.value(n);
}

const QHash<QString, PronounForms> &pronouns()
{
    static const QHash<QString, PronounForms> table{
        {u"i"_s, {u"ich"_s, u"mich"_s, u"mir"_s, Person::First}},
        {u"me"_s, {u"ich"_s, u"mich"_s, u"mir"_s, Person::First}},
        {u"you"_s, {u"du"_s, u"dich"_s, u"dir"_s, Person::Second}},
        {u"he"_s, {u"er"_s, u"ihn"_s, u"ihm"_s, Person::Third}},
        {u"him"_s, {u"er"_s, u"ihn"_s, u"ihm"_s, Person::Third}},
        {u"she"_s, {u"sie"_s, u"sie"_s, u"ihr"_s, Person::Third}},
        {u"her"_s, {u"sie"_s, u"sie"_s, u"ihr"_s, Person::Third}},
        {u"it"_s, {u"es"_s, u"es"_s, u"ihm"_s, Person::Third}},
        {u"we"_s, {u"wir"_s, u"uns"_s, u"uns"_s, Person::FirstPlural}},
        {u"us"_s, {u"wir"_s, u"uns"_s, u"uns"_s, Person::FirstPlural}},
        {u"they"_s, {u"sie"_s, u"sie"_s, u"ihnen"_s, Person::ThirdPlural}},
        {u"them"_s, {u"sie"_s, u"sie"_s, u"ihnen"_s, Person::ThirdPlural}},
    };
    return table;
}

const QHash<QString, std::pair<QString, Case>> &prepositions()
{
    static const QHash<QString, std::pair<QString, Case>> table{
        {u"in"_s, {u"in"_s, Case::Dative}},
        {u"on"_s, {u"auf"_s, Case::Dative}},
        {u"at"_s, {u"an"_s, Case::Dative}},
        {u"with"_s, {u"mit"_s, Case::Dative}},
        {u"from"_s, {u"von"_s, Case::Dative}},
        {u"to"_s, {u"zu"_s, Case::Dative}},
        {u"of"_s, {u"von"_s, Case::Dative}},
        {u"for"_s, {u"für"_s, Case::Accusative}},
        {u"without"_s, {u"ohne"_s, Case::Accusative}},
        {u"through"_s, {u"durch"_s, Case::Accusative}},
        {u"about"_s, {u"über"_s, Case::Accusative}},
        {u"under"_s, {u"unter"_s, Case::Dative}},
        {u"over"_s, {u"über"_s, Case::Dative}},
        {u"after"_s, {u"nach"_s, Case::Dative}},
        {u"before"_s, {u"vor"_s, Case::Dative}},
        {u"behind"_s, {u"hinter"_s, Case::Dative}},
        {u"near"_s, {u"bei"_s, Case::Dative}},
        {u"by"_s, {u"von"_s, Case::Dative}},
        {u"between"_s, {u"zwischen"_s, Case::Dative}},
        {u"into"_s, {u"in"_s, Case::Accusative}},
        {u"around"_s, {u"um"_s, Case::Accusative}},
        {u"against"_s, {u"gegen"_s, Case::Accusative}},
        {u"during"_s, {u"während"_s, Case::Dative}},
        {u"since"_s, {u"seit"_s, Case::Dative}},
        {u"until"_s, {u"bis"_s, Case::Accusative}},
        {u"next"_s, {u"neben"_s, Case::Dative}},
    };
    return table;
}

// Words translated by a list, not the dictionary (their dictionary senses are too many to guess).
const QHash<QString, QString> &plainWords()
{
    static const QHash<QString, QString> table{
        {u"and"_s, u"und"_s},
        {u"or"_s, u"oder"_s},
        {u"but"_s, u"aber"_s},
        {u"because"_s, u"weil"_s},
        {u"if"_s, u"wenn"_s},
        {u"when"_s, u"wann"_s},
        {u"where"_s, u"wo"_s},
        {u"what"_s, u"was"_s},
        {u"who"_s, u"wer"_s},
        {u"why"_s, u"warum"_s},
        {u"how"_s, u"wie"_s},
        {u"not"_s, u"nicht"_s},
        {u"very"_s, u"sehr"_s},
        {u"today"_s, u"heute"_s},
        {u"tomorrow"_s, u"morgen"_s},
        {u"yesterday"_s, u"gestern"_s},
        {u"now"_s, u"jetzt"_s},
        {u"here"_s, u"hier"_s},
        {u"there"_s, u"dort"_s},
        {u"also"_s, u"auch"_s},
        {u"too"_s, u"auch"_s},
        {u"always"_s, u"immer"_s},
        {u"never"_s, u"nie"_s},
        {u"often"_s, u"oft"_s},
        {u"sometimes"_s, u"manchmal"_s},
        {u"again"_s, u"wieder"_s},
        {u"already"_s, u"schon"_s},
        {u"still"_s, u"noch"_s},
        {u"only"_s, u"nur"_s},
        {u"please"_s, u"bitte"_s},
        {u"yes"_s, u"ja"_s},
        {u"no"_s, u"nein"_s},
        {u"hello"_s, u"hallo"_s},
        {u"hi"_s, u"hallo"_s},
        {u"goodbye"_s, u"auf Wiedersehen"_s},
        {u"bye"_s, u"tschüss"_s},
        {u"well"_s, u"gut"_s},
        {u"much"_s, u"viel"_s},
        {u"more"_s, u"mehr"_s},
        {u"so"_s, u"so"_s},
        {u"really"_s, u"wirklich"_s},
        {u"soon"_s, u"bald"_s},
        {u"together"_s, u"zusammen"_s},
        {u"than"_s, u"als"_s},
        {u"as"_s, u"wie"_s},
        {u"then"_s, u"dann"_s},
        {u"maybe"_s, u"vielleicht"_s},
        {u"perhaps"_s, u"vielleicht"_s},
        {u"thanks"_s, u"danke"_s},
        {u"everything"_s, u"alles"_s},
        {u"nothing"_s, u"nichts"_s},
        {u"something"_s, u"etwas"_s},
        {u"someone"_s, u"jemand"_s},
        {u"somebody"_s, u"jemand"_s},
        {u"everyone"_s, u"alle"_s},
        {u"nobody"_s, u"niemand"_s},
        {u"that"_s, u"das"_s},
        {u"this"_s, u"das"_s},
        {u"usually"_s, u"normalerweise"_s},
        {u"almost"_s, u"fast"_s},
        {u"home"_s, u"zu Hause"_s},
        {u"tonight"_s, u"heute Abend"_s},
        {u"many"_s, u"viele"_s},
        {u"ok"_s, u"okay"_s},
        {u"late"_s, u"spät"_s},
        {u"early"_s, u"früh"_s},
    };
    return table;
}

// Phrases of two to four words, lower case.
const QHash<QString, QString> &phrases()
{
    static const QHash<QString, QString> table{
        {u"thank you"_s, u"danke"_s},
        {u"thank you very much"_s, u"vielen Dank"_s},
        {u"good morning"_s, u"guten Morgen"_s},
        {u"good evening"_s, u"guten Abend"_s},
        {u"good night"_s, u"gute Nacht"_s},
        {u"good afternoon"_s, u"guten Tag"_s},
        {u"how are you"_s, u"wie geht es dir"_s},
        {u"excuse me"_s, u"Entschuldigung"_s},
        {u"of course"_s, u"natürlich"_s},
        {u"a lot"_s, u"viel"_s},
        {u"at home"_s, u"zu Hause"_s},
        {u"next to"_s, u"neben"_s},
        {u"see you"_s, u"bis bald"_s},
        {u"every day"_s, u"jeden Tag"_s},
        {u"a little"_s, u"ein bisschen"_s},
        {u"a cup of"_s, u"eine Tasse"_s},
        {u"a glass of"_s, u"ein Glas"_s},
        {u"a piece of"_s, u"ein Stück"_s},
        {u"a lot of"_s, u"viel"_s},
        {u"by train"_s, u"mit dem Zug"_s},
        {u"by car"_s, u"mit dem Auto"_s},
        {u"by bus"_s, u"mit dem Bus"_s},
        {u"by bike"_s, u"mit dem Fahrrad"_s},
        {u"by plane"_s, u"mit dem Flugzeug"_s},
        {u"after school"_s, u"nach der Schule"_s},
        {u"at school"_s, u"in der Schule"_s},
        {u"to school"_s, u"zur Schule"_s},
        {u"at work"_s, u"bei der Arbeit"_s},
        {u"to work"_s, u"zur Arbeit"_s},
        {u"on time"_s, u"pünktlich"_s},
    };
    return table;
}

const QHash<QString, QString> &timePhrases()
{
    static const QHash<QString, QString> table{
        {u"next week"_s, u"nächste Woche"_s},
        {u"next month"_s, u"nächsten Monat"_s},
        {u"next year"_s, u"nächstes Jahr"_s},
        {u"next weekend"_s, u"nächstes Wochenende"_s},
        {u"next summer"_s, u"nächsten Sommer"_s},
        {u"next winter"_s, u"nächsten Winter"_s},
        {u"last week"_s, u"letzte Woche"_s},
        {u"last month"_s, u"letzten Monat"_s},
        {u"last year"_s, u"letztes Jahr"_s},
        {u"last summer"_s, u"letzten Sommer"_s},
        {u"last night"_s, u"gestern Abend"_s},
        {u"this morning"_s, u"heute Morgen"_s},
        {u"this evening"_s, u"heute Abend"_s},
        {u"this week"_s, u"diese Woche"_s},
        {u"this year"_s, u"dieses Jahr"_s},
        {u"every morning"_s, u"jeden Morgen"_s},
        {u"every week"_s, u"jede Woche"_s},
        {u"in the morning"_s, u"am Morgen"_s},
        {u"in the evening"_s, u"am Abend"_s},
        {u"at night"_s, u"in der Nacht"_s},
        {u"at the weekend"_s, u"am Wochenende"_s},
    };
    return table;
}

// Verbs whose dictionary senses are too many to pick from: English lemma → German infinitive.
const QHash<QString, QString> &commonVerbs()
{
    static const QHash<QString, QString> table{
        {u"be"_s, u"sein"_s},
        {u"have"_s, u"haben"_s},
        {u"like"_s, u"mögen"_s},
        {u"want"_s, u"wollen"_s},
        {u"know"_s, u"wissen"_s},
        {u"go"_s, u"gehen"_s},
        {u"get"_s, u"bekommen"_s},
        {u"make"_s, u"machen"_s},
        {u"do"_s, u"machen"_s},
        {u"take"_s, u"nehmen"_s},
        {u"see"_s, u"sehen"_s},
        {u"come"_s, u"kommen"_s},
        {u"live"_s, u"wohnen"_s},
        {u"need"_s, u"brauchen"_s},
        {u"look"_s, u"schauen"_s},
        {u"give"_s, u"geben"_s},
        {u"put"_s, u"stellen"_s},
        {u"run"_s, u"laufen"_s},
        {u"play"_s, u"spielen"_s},
        {u"work"_s, u"arbeiten"_s},
        {u"say"_s, u"sagen"_s},
        {u"tell"_s, u"erzählen"_s},
        {u"think"_s, u"denken"_s},
        {u"love"_s, u"lieben"_s},
        {u"eat"_s, u"essen"_s},
        {u"drink"_s, u"trinken"_s},
        {u"read"_s, u"lesen"_s},
        {u"speak"_s, u"sprechen"_s},
        {u"sleep"_s, u"schlafen"_s},
        {u"help"_s, u"helfen"_s},
        {u"buy"_s, u"kaufen"_s},
        {u"rain"_s, u"regnen"_s},
        {u"drive"_s, u"fahren"_s},
        {u"open"_s, u"öffnen"_s},
        {u"visit"_s, u"besuchen"_s},
        {u"learn"_s, u"lernen"_s},
        {u"sit"_s, u"sitzen"_s},
        {u"stand"_s, u"stehen"_s},
        {u"jump"_s, u"springen"_s},
        {u"study"_s, u"studieren"_s},
        {u"cook"_s, u"kochen"_s},
        {u"write"_s, u"schreiben"_s},
        {u"find"_s, u"finden"_s},
        {u"wait"_s, u"warten"_s},
        {u"understand"_s, u"verstehen"_s},
        {u"stay"_s, u"bleiben"_s},
        {u"meet"_s, u"treffen"_s},
        {u"travel"_s, u"reisen"_s},
        {u"ask"_s, u"fragen"_s},
        {u"answer"_s, u"antworten"_s},
        {u"hear"_s, u"hören"_s},
        {u"feel"_s, u"fühlen"_s},
        {u"bring"_s, u"bringen"_s},
        {u"pay"_s, u"bezahlen"_s},
        {u"try"_s, u"versuchen"_s},
        {u"use"_s, u"benutzen"_s},
        {u"watch"_s, u"sehen"_s},
        {u"begin"_s, u"beginnen"_s},
        {u"close"_s, u"schließen"_s},
        {u"swim"_s, u"schwimmen"_s},
    };
    return table;
}

const QHash<QString, std::pair<QString, bool>> &modals() // German verb, takes a bare infinitive
{
    static const QHash<QString, std::pair<QString, bool>> table{
        {u"can"_s, {u"können"_s, true}},
        {u"could"_s, {u"können"_s, true}},
        {u"must"_s, {u"müssen"_s, true}},
        {u"should"_s, {u"sollen"_s, true}},
        {u"shall"_s, {u"sollen"_s, true}},
        {u"will"_s, {u"werden"_s, true}},
        {u"would"_s, {u"würden"_s, true}},
        {u"may"_s, {u"dürfen"_s, true}},
        {u"might"_s, {u"können"_s, true}},
    };
    return table;
}

const QHash<QString, QString> &irregularForms() // English irregular form → lemma
{
    static const QHash<QString, QString> table{
        {u"am"_s, u"be"_s},
        {u"is"_s, u"be"_s},
        {u"are"_s, u"be"_s},
        {u"was"_s, u"be"_s},
        {u"were"_s, u"be"_s},
        {u"been"_s, u"be"_s},
        {u"has"_s, u"have"_s},
        {u"had"_s, u"have"_s},
        {u"does"_s, u"do"_s},
        {u"did"_s, u"do"_s},
        {u"went"_s, u"go"_s},
        {u"goes"_s, u"go"_s},
        {u"ate"_s, u"eat"_s},
        {u"saw"_s, u"see"_s},
        {u"came"_s, u"come"_s},
        {u"made"_s, u"make"_s},
        {u"took"_s, u"take"_s},
        {u"gave"_s, u"give"_s},
        {u"got"_s, u"get"_s},
        {u"said"_s, u"say"_s},
        {u"found"_s, u"find"_s},
        {u"thought"_s, u"think"_s},
        {u"knew"_s, u"know"_s},
        {u"wrote"_s, u"write"_s},
        {u"spoke"_s, u"speak"_s},
        {u"bought"_s, u"buy"_s},
        {u"slept"_s, u"sleep"_s},
        {u"ran"_s, u"run"_s},
        {u"drove"_s, u"drive"_s},
        {u"met"_s, u"meet"_s},
        {u"sat"_s, u"sit"_s},
        {u"stood"_s, u"stand"_s},
        {u"told"_s, u"tell"_s},
        {u"brought"_s, u"bring"_s},
        {u"felt"_s, u"feel"_s},
        {u"heard"_s, u"hear"_s},
        {u"began"_s, u"begin"_s},
        {u"drank"_s, u"drink"_s},
        {u"swam"_s, u"swim"_s},
        {u"flew"_s, u"fly"_s},
        {u"sang"_s, u"sing"_s},
        {u"forgot"_s, u"forget"_s},
        {u"paid"_s, u"pay"_s},
        {u"left"_s, u"leave"_s},
        {u"children"_s, u"child"_s},
        {u"men"_s, u"man"_s},
        {u"women"_s, u"woman"_s},
        {u"people"_s, u"person"_s},
        {u"feet"_s, u"foot"_s},
        {u"teeth"_s, u"tooth"_s},
        {u"mice"_s, u"mouse"_s},
    };
    return table;
}

const QSet<QString> &pastForms()
{
    static const QSet<QString> forms{u"was"_s, u"were"_s, u"had"_s, u"did"_s};
    return forms;
}

bool isPastForm(const QString &lower)
{
    static const QSet<QString> irregular{u"went"_s,
        u"gone"_s,
        u"ate"_s,
        u"eaten"_s,
        u"saw"_s,
        u"seen"_s,
        u"came"_s,
        u"made"_s,
        u"took"_s,
        u"taken"_s,
        u"gave"_s,
        u"given"_s,
        u"got"_s,
        u"gotten"_s,
        u"said"_s,
        u"found"_s,
        u"thought"_s,
        u"knew"_s,
        u"known"_s,
        u"wrote"_s,
        u"written"_s,
        u"spoke"_s,
        u"spoken"_s,
        u"bought"_s,
        u"slept"_s,
        u"ran"_s,
        u"drove"_s,
        u"driven"_s,
        u"met"_s,
        u"sat"_s,
        u"stood"_s,
        u"told"_s,
        u"brought"_s,
        u"felt"_s,
        u"heard"_s,
        u"began"_s,
        u"begun"_s,
        u"drank"_s,
        u"drunk"_s,
        u"swam"_s,
        u"swum"_s,
        u"flew"_s,
        u"flown"_s,
        u"sang"_s,
        u"sung"_s,
        u"forgot"_s,
        u"forgotten"_s,
        u"paid"_s,
        u"left"_s,
        u"done"_s,
        u"lost"_s,
        u"sent"_s,
        u"spent"_s,
        u"built"_s,
        u"kept"_s,
        u"taught"_s,
        u"caught"_s,
        u"sold"_s,
        u"understood"_s,
        u"won"_s,
        u"wore"_s,
        u"worn"_s,
        u"fell"_s,
        u"fallen"_s,
        u"grew"_s,
        u"grown"_s,
        u"broke"_s,
        u"broken"_s,
        u"stole"_s,
        u"stolen"_s};
    if (irregular.contains(lower))
        return true;
    if (lower.size() < 4 || !lower.endsWith(u"ed"_s) || lower.endsWith(u"eed"_s))
        return false;
    if (const sandbox::lexicon::WordNet *wordNet = sandbox::lexicon::WordNet::shared()) {
        const QStringList lemmas = wordNet->lemmas(lower, sandbox::lexicon::PartOfSpeech::Verb);
        return !lemmas.isEmpty() && !lemmas.contains(lower);
    }
    return true;
}

const QSet<QString> &dativeVerbs()
{
    static const QSet<QString> verbs{
        u"helfen"_s, u"danken"_s, u"gefallen"_s, u"gehören"_s, u"antworten"_s, u"folgen"_s};
    return verbs;
}

const QSet<QString> &ditransitiveVerbs()
{
    static const QSet<QString> verbs{u"geben"_s,
        u"schenken"_s,
        u"zeigen"_s,
        u"bringen"_s,
        u"schicken"_s,
        u"senden"_s,
        u"erzählen"_s,
        u"sagen"_s,
        u"leihen"_s,
        u"anbieten"_s,
        u"erklären"_s,
        u"kaufen"_s,
        u"schreiben"_s,
        u"reichen"_s,
        u"verkaufen"_s,
        u"empfehlen"_s};
    return verbs;
}

const QSet<QString> &frontableAdverbs()
{
    static const QSet<QString> adverbs{u"today"_s,
        u"tomorrow"_s,
        u"yesterday"_s,
        u"now"_s,
        u"then"_s,
        u"sometimes"_s,
        u"often"_s,
        u"usually"_s,
        u"maybe"_s,
        u"perhaps"_s,
        u"tonight"_s,
        u"here"_s,
        u"there"_s};
    return adverbs;
}

bool isFunctionWord(const QString &lower)
{
    return determiners().contains(lower) || pronouns().contains(lower)
        || prepositions().contains(lower) || plainWords().contains(lower)
        || modals().contains(lower) || irregularForms().value(lower) == u"be"_s || lower == u"do"_s
        || lower == u"does"_s || lower == u"did"_s || numberWords().contains(lower);
}

QStringList lemmaCandidates(const QString &lower)
{
    QStringList out{lower};
    const QString irregular = irregularForms().value(lower);
    if (!irregular.isEmpty())
        out.prepend(irregular);
    // WordNet's morphy-like lemmas (its exception lists know "mice", "better", "went"), then the
    // suffix rules below for words WordNet lacks or when its data is absent
    if (const sandbox::lexicon::WordNet *wordNet = sandbox::lexicon::WordNet::shared()) {
        for (const auto pos :
            {sandbox::lexicon::PartOfSpeech::Verb, sandbox::lexicon::PartOfSpeech::Noun}) {
            for (const QString &lemma : wordNet->lemmas(lower, pos))
                out.append(QString(lemma).replace(u'_', u' '));
        }
    }
    const auto strip = [&](const QString &suffix, const QStringList &replacements) {
        if (lower.size() > suffix.size() + 1 && lower.endsWith(suffix)) {
            const QString stem = lower.left(lower.size() - suffix.size());
            for (const QString &r : replacements)
                out.append(stem + r);
            if ((suffix == u"ing"_s || suffix == u"ed"_s) && stem.size() > 2
                && stem.back() == stem.at(stem.size() - 2))
                out.append(stem.left(stem.size() - 1)); // running → run
        }
    };
    strip(u"ies"_s, {u"y"_s});
    strip(u"es"_s, {QString(), u"e"_s});
    strip(u"s"_s, {QString()});
    strip(u"ing"_s, {QString(), u"e"_s});
    strip(u"ied"_s, {u"y"_s});
    strip(u"ed"_s, {QString(), u"e"_s});
    out.removeDuplicates();
    return out;
}

} // namespace sandbox::translation::english
