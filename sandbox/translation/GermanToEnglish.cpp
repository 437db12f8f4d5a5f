// SPDX-License-Identifier: MIT
// German → English, word by word with FreeDict's deu-eng.
#include "sandbox/translation/German.h"
#include "sandbox/translation/WordByWord.h"
#include "sandbox/translation/WordChoice.h"

#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace sandbox::translation {

namespace {

// Closed word classes and common adverbs, lower case → English.
const QHash<QString, QString> &germanWords()
{
    static const QHash<QString, QString> table{
        {u"der"_s, u"the"_s},
        {u"die"_s, u"the"_s},
        {u"das"_s, u"the"_s},
        {u"den"_s, u"the"_s},
        {u"dem"_s, u"the"_s},
        {u"des"_s, u"the"_s},
        {u"ein"_s, u"a"_s},
        {u"eine"_s, u"a"_s},
        {u"einen"_s, u"a"_s},
        {u"einem"_s, u"a"_s},
        {u"einer"_s, u"a"_s},
        {u"eines"_s, u"a"_s},
        {u"kein"_s, u"no"_s},
        {u"keine"_s, u"no"_s},
        {u"keinen"_s, u"no"_s},
        {u"keinem"_s, u"no"_s},
        {u"ich"_s, u"I"_s},
        {u"du"_s, u"you"_s},
        {u"er"_s, u"he"_s},
        {u"sie"_s, u"she"_s},
        {u"es"_s, u"it"_s},
        {u"wir"_s, u"we"_s},
        {u"ihr"_s, u"you"_s},
        {u"mich"_s, u"me"_s},
        {u"mir"_s, u"me"_s},
        {u"dich"_s, u"you"_s},
        {u"dir"_s, u"you"_s},
        {u"ihn"_s, u"him"_s},
        {u"ihm"_s, u"him"_s},
        {u"uns"_s, u"us"_s},
        {u"ihnen"_s, u"them"_s},
        {u"man"_s, u"one"_s},
        {u"bin"_s, u"am"_s},
        {u"bist"_s, u"are"_s},
        {u"ist"_s, u"is"_s},
        {u"sind"_s, u"are"_s},
        {u"seid"_s, u"are"_s},
        {u"war"_s, u"was"_s},
        {u"warst"_s, u"were"_s},
        {u"waren"_s, u"were"_s},
        {u"habe"_s, u"have"_s},
        {u"hast"_s, u"have"_s},
        {u"hat"_s, u"has"_s},
        {u"haben"_s, u"have"_s},
        {u"habt"_s, u"have"_s},
        {u"hatte"_s, u"had"_s},
        {u"hatten"_s, u"had"_s},
        {u"werde"_s, u"will"_s},
        {u"wirst"_s, u"will"_s},
        {u"wird"_s, u"will"_s},
        {u"werden"_s, u"will"_s},
        {u"kann"_s, u"can"_s},
        {u"kannst"_s, u"can"_s},
        {u"können"_s, u"can"_s},
        {u"muss"_s, u"must"_s},
        {u"musst"_s, u"must"_s},
        {u"müssen"_s, u"must"_s},
        {u"will"_s, u"want to"_s},
        {u"willst"_s, u"want to"_s},
        {u"wollen"_s, u"want to"_s},
        {u"soll"_s, u"should"_s},
        {u"sollst"_s, u"should"_s},
        {u"sollen"_s, u"should"_s},
        {u"darf"_s, u"may"_s},
        {u"darfst"_s, u"may"_s},
        {u"dürfen"_s, u"may"_s},
        {u"möchte"_s, u"would like"_s},
        {u"möchtest"_s, u"would like"_s},
        {u"möchten"_s, u"would like"_s},
        {u"konnte"_s, u"could"_s},
        {u"mag"_s, u"like"_s},
        {u"magst"_s, u"like"_s},
        {u"in"_s, u"in"_s},
        {u"im"_s, u"in the"_s},
        {u"ins"_s, u"into the"_s},
        {u"auf"_s, u"on"_s},
        {u"an"_s, u"at"_s},
        {u"am"_s, u"at the"_s},
        {u"mit"_s, u"with"_s},
        {u"von"_s, u"from"_s},
        {u"vom"_s, u"from the"_s},
        {u"zu"_s, u"to"_s},
        {u"zum"_s, u"to the"_s},
        {u"zur"_s, u"to the"_s},
        {u"nach"_s, u"to"_s},
        {u"aus"_s, u"from"_s},
        {u"bei"_s, u"at"_s},
        {u"beim"_s, u"at the"_s},
        {u"für"_s, u"for"_s},
        {u"ohne"_s, u"without"_s},
        {u"durch"_s, u"through"_s},
        {u"über"_s, u"about"_s},
        {u"unter"_s, u"under"_s},
        {u"vor"_s, u"before"_s},
        {u"hinter"_s, u"behind"_s},
        {u"neben"_s, u"next to"_s},
        {u"zwischen"_s, u"between"_s},
        {u"gegen"_s, u"against"_s},
        {u"um"_s, u"at"_s},
        {u"seit"_s, u"since"_s},
        {u"bis"_s, u"until"_s},
        {u"und"_s, u"and"_s},
        {u"oder"_s, u"or"_s},
        {u"aber"_s, u"but"_s},
        {u"weil"_s, u"because"_s},
        {u"wenn"_s, u"if"_s},
        {u"dass"_s, u"that"_s},
        {u"nicht"_s, u"not"_s},
        {u"sehr"_s, u"very"_s},
        {u"heute"_s, u"today"_s},
        {u"morgen"_s, u"tomorrow"_s},
        {u"gestern"_s, u"yesterday"_s},
        {u"jetzt"_s, u"now"_s},
        {u"hier"_s, u"here"_s},
        {u"dort"_s, u"there"_s},
        {u"da"_s, u"there"_s},
        {u"auch"_s, u"also"_s},
        {u"immer"_s, u"always"_s},
        {u"nie"_s, u"never"_s},
        {u"oft"_s, u"often"_s},
        {u"noch"_s, u"still"_s},
        {u"schon"_s, u"already"_s},
        {u"nur"_s, u"only"_s},
        {u"bitte"_s, u"please"_s},
        {u"ja"_s, u"yes"_s},
        {u"nein"_s, u"no"_s},
        {u"danke"_s, u"thank you"_s},
        {u"hallo"_s, u"hello"_s},
        {u"wo"_s, u"where"_s},
        {u"was"_s, u"what"_s},
        {u"wer"_s, u"who"_s},
        {u"wann"_s, u"when"_s},
        {u"warum"_s, u"why"_s},
        {u"wie"_s, u"how"_s},
        {u"gut"_s, u"good"_s},
        {u"viel"_s, u"much"_s},
        {u"viele"_s, u"many"_s},
        {u"gern"_s, u"gladly"_s},
        {u"gerne"_s, u"gladly"_s},
        {u"eins"_s, u"one"_s},
        {u"zwei"_s, u"two"_s},
        {u"drei"_s, u"three"_s},
        {u"vier"_s, u"four"_s},
        {u"fünf"_s, u"five"_s},
        {u"sechs"_s, u"six"_s},
        {u"sieben"_s, u"seven"_s},
        {u"acht"_s, u"eight"_s},
        {u"neun"_s, u"nine"_s},
        {u"zehn"_s, u"ten"_s},
        {u"dann"_s, u"then"_s},
        {u"so"_s, u"so"_s},
        {u"als"_s, u"than"_s},
        {u"alles"_s, u"everything"_s},
        {u"nichts"_s, u"nothing"_s},
        {u"etwas"_s, u"something"_s},
        {u"vielleicht"_s, u"maybe"_s},
        {u"mein"_s, u"my"_s},
        {u"dein"_s, u"your"_s},
        {u"unser"_s, u"our"_s},
        {u"euer"_s, u"your"_s},
        {u"dies"_s, u"this"_s},
        {u"jed"_s, u"every"_s},
        {u"welch"_s, u"which"_s},
        {u"manchmal"_s, u"sometimes"_s},
    };
    return table;
}

// Verbs whose dictionary senses are too many to pick from: infinitive → English.
const QHash<QString, QString> &germanVerbs()
{
    static const QHash<QString, QString> table{
        {u"sehen"_s, u"see"_s},
        {u"gehen"_s, u"go"_s},
        {u"machen"_s, u"make"_s},
        {u"kommen"_s, u"come"_s},
        {u"geben"_s, u"give"_s},
        {u"nehmen"_s, u"take"_s},
        {u"wissen"_s, u"know"_s},
        {u"sagen"_s, u"say"_s},
        {u"spielen"_s, u"play"_s},
        {u"wohnen"_s, u"live"_s},
        {u"leben"_s, u"live"_s},
        {u"essen"_s, u"eat"_s},
        {u"trinken"_s, u"drink"_s},
        {u"lesen"_s, u"read"_s},
        {u"schlafen"_s, u"sleep"_s},
        {u"arbeiten"_s, u"work"_s},
        {u"sprechen"_s, u"speak"_s},
        {u"kaufen"_s, u"buy"_s},
        {u"helfen"_s, u"help"_s},
        {u"lernen"_s, u"learn"_s},
        {u"lieben"_s, u"love"_s},
        {u"finden"_s, u"find"_s},
        {u"denken"_s, u"think"_s},
        {u"brauchen"_s, u"need"_s},
        {u"fahren"_s, u"drive"_s},
        {u"laufen"_s, u"run"_s},
        {u"schreiben"_s, u"write"_s},
        {u"bleiben"_s, u"stay"_s},
        {u"kennen"_s, u"know"_s},
        {u"verstehen"_s, u"understand"_s},
        {u"warten"_s, u"wait"_s},
        {u"fragen"_s, u"ask"_s},
        {u"hören"_s, u"hear"_s},
        {u"kochen"_s, u"cook"_s},
        {u"suchen"_s, u"look for"_s},
        {u"regnen"_s, u"rain"_s},
    };
    return table;
}

// Phrases of two words, lower case.
const QHash<QString, QString> &germanPhrases()
{
    static const QHash<QString, QString> table{
        {u"es gibt"_s, u"there is"_s},
        {u"zu hause"_s, u"at home"_s},
        {u"nach hause"_s, u"home"_s},
        {u"guten morgen"_s, u"good morning"_s},
        {u"guten tag"_s, u"good day"_s},
        {u"gute nacht"_s, u"good night"_s},
        {u"guten abend"_s, u"good evening"_s},
        {u"wie geht's"_s, u"how are you"_s},
        {u"vielen dank"_s, u"thank you very much"_s},
    };
    return table;
}

// Possessive and demonstrative stems with their endings (meine, meinen, dieser...).
QString inflectedDeterminer(const QString &lower)
{
    static const QStringList stems{u"mein"_s,
        u"dein"_s,
        u"sein"_s,
        u"ihr"_s,
        u"unser"_s,
        u"eur"_s,
        u"dies"_s,
        u"jed"_s,
        u"welch"_s};
    static const QHash<QString, QString> english{{u"mein"_s, u"my"_s},
        {u"dein"_s, u"your"_s},
        {u"sein"_s, u"his"_s},
        {u"ihr"_s, u"her"_s},
        {u"unser"_s, u"our"_s},
        {u"eur"_s, u"your"_s},
        {u"dies"_s, u"this"_s},
        {u"jed"_s, u"every"_s},
        {u"welch"_s, u"which"_s}};
    static const QStringList endings{u"e"_s, u"en"_s, u"em"_s, u"er"_s, u"es"_s};
    for (const QString &stem : stems) {
        for (const QString &ending : endings) {
            if (lower == stem + ending)
                return english.value(stem);
        }
    }
    return {};
}

const QSet<QString> &modalForms()
{
    static const QSet<QString> forms{u"kann"_s,
        u"kannst"_s,
        u"können"_s,
        u"muss"_s,
        u"musst"_s,
        u"müssen"_s,
        u"will"_s,
        u"willst"_s,
        u"wollen"_s,
        u"soll"_s,
        u"sollst"_s,
        u"sollen"_s,
        u"darf"_s,
        u"darfst"_s,
        u"dürfen"_s,
        u"möchte"_s,
        u"möchtest"_s,
        u"möchten"_s,
        u"werde"_s,
        u"wirst"_s,
        u"wird"_s,
        u"werden"_s,
        u"konnte"_s};
    return forms;
}

// he goes, she watches, it flies, he has.
QString thirdPersonSingular(const QString &verb)
{
    if (verb.isEmpty() || verb.contains(u' '))
        return verb;
    if (verb == u"have"_s)
        return u"has"_s;
    if (verb == u"be"_s)
        return u"is"_s;
    if (verb.endsWith(u's') || verb.endsWith(u"sh"_s) || verb.endsWith(u"ch"_s)
        || verb.endsWith(u'x') || verb.endsWith(u'o') || verb.endsWith(u'z'))
        return verb + u"es"_s;
    if (verb.endsWith(u'y') && verb.size() > 1
        && !QStringLiteral("aeiou").contains(verb.at(verb.size() - 2)))
        return verb.left(verb.size() - 1) + u"ies"_s;
    return verb + u's';
}

struct Word
{
    enum Role { Plain, Subject, Finite, Infinitive, Time, Punct, Negation };
    QString text;
    Role role = Plain;
    int clause = 0;
    QString base; // a lexical finite verb's English base form ("go" of "gehe")
};

} // namespace

SentenceTranslation germanToEnglish(const QString &sentence, const FreeDict &dict)
{
    SentenceTranslation result;
    const QList<SourceToken> tokens = tokenize(sentence);
    QList<Word> out;
    int clause = 0;
    bool thirdSingular = false; // the clause's subject, for English -s
    bool modal = false;
    bool subject = false;
    bool finite = false;
    const auto lowerAt = [&](qsizetype k) {
        return k < tokens.size() && tokens[k].word ? tokens[k].text.toLower() : QString();
    };
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const SourceToken &t = tokens.at(i);
        if (!t.word) {
            out.append({t.text, t.number ? Word::Plain : Word::Punct, clause, {}});
            if (t.text == u","_s || t.text == u";"_s) {
                ++clause;
                modal = subject = finite = thirdSingular = false;
            }
            continue;
        }
        ++result.words;
        const QString lower = t.text.toLower();
        const QString pair = lower + u' ' + lowerAt(i + 1);
        if (germanPhrases().contains(pair)) {
            out.append({germanPhrases().value(pair), Word::Plain, clause, {}});
            result.translated += 2;
            ++result.words;
            ++i;
            continue;
        }
        const bool capital = t.text.at(0).isUpper();
        const bool nounLike = capital
            && (i > 0 || (!germanWords().contains(lower) && inflectedDeterminer(lower).isEmpty()));
        QString english = nounLike ? QString() : germanWords().value(lower);
        if (english.isEmpty() && !nounLike)
            english = inflectedDeterminer(lower);
        Word::Role role = Word::Plain;
        if (!english.isEmpty()) {
            static const QSet<QString> subjects{
                u"ich"_s, u"du"_s, u"er"_s, u"sie"_s, u"es"_s, u"wir"_s, u"ihr"_s, u"man"_s};
            static const QSet<QString> time{u"heute"_s, u"morgen"_s, u"gestern"_s, u"jetzt"_s};
            if (lower == u"sie"_s) {
                // sie + -en verb (sind, haben, spielen) is "they"
                const QString around = finite ? QString() : lowerAt(i + 1);
                const QString before = i > 0 ? tokens[i - 1].text.toLower() : QString();
                if ((around.endsWith(u"en"_s) || around == u"sind"_s)
                    || (before.endsWith(u"en"_s) || before == u"sind"_s))
                    english = u"they"_s;
                else if (t.text == u"Sie"_s && i > 0)
                    english = u"you"_s;
            }
            if (subjects.contains(lower) && !subject) {
                role = Word::Subject;
                subject = true;
                thirdSingular = lower == u"er"_s || lower == u"es"_s || lower == u"man"_s
                    || english == u"she"_s;
                for (qsizetype k = out.size() - 1; k >= 0 && out[k].clause == clause; --k) {
                    if (out[k].role == Word::Finite
                        && !out[k].base.isEmpty()) // "Heute geht er": goes
                        out[k].text
                            = thirdSingular ? thirdPersonSingular(out[k].base) : out[k].base;
                }
            } else if (modalForms().contains(lower) || germanWords().value(lower) == u"is"_s
                || english == u"am"_s || english == u"are"_s || english == u"was"_s
                || english == u"were"_s || english == u"have"_s || english == u"has"_s
                || english == u"had"_s || english == u"like"_s) {
                role = Word::Finite;
                finite = true;
                modal = modalForms().contains(lower);
                if (english == u"like"_s && thirdSingular)
                    english = u"likes"_s;
                if (english == u"have"_s && thirdSingular)
                    english = u"has"_s;
            } else if (time.contains(lower)) {
                role = Word::Time;
            } else if (lower == u"nicht"_s) {
                role = Word::Negation;
            }
            if (lower == u"habe"_s || lower == u"hast"_s || lower == u"hat"_s || lower == u"haben"_s
                || lower == u"habt"_s) {
                out.append({english, role, clause, u"have"_s}); // "do not have", "do you have"
                ++result.translated;
                continue;
            }
            out.append({english, role, clause, {}});
            ++result.translated;
            continue;
        }
        // content words: a noun as written, else its lower case; inflected forms reduced
        WordChoice choice;
        bool isVerb = false;
        if (capital)
            choice = chooseTranslation(dict, t.text, Pos::Noun);
        const bool atEnd = i + 1 >= tokens.size() || !tokens[i + 1].word;
        if (!choice.found && (!capital || i == 0)) {
            if (!finite
                || (modal
                    && atEnd)) { // before the finite verb, a lower-case word is most likely it
                for (const QString &infinitive : infinitiveCandidates(lower)) {
                    const QString common = germanVerbs().value(infinitive);
                    if (!common.isEmpty()) {
                        choice.text = common;
                        choice.pos = Pos::Verb;
                        choice.found = true;
                    } else {
                        choice = chooseTranslation(dict, infinitive, Pos::Verb, true);
                    }
                    if (choice.found) {
                        isVerb = true;
                        break;
                    }
                }
            }
            if (!choice.found)
                choice = chooseTranslation(dict, lower, Pos::Any);
            if (!choice.found) { // schönes → schön, Kindern → Kinder
                for (const QString &ending :
                    {u"en"_s, u"em"_s, u"er"_s, u"es"_s, u"e"_s, u"n"_s, u"s"_s}) {
                    if (lower.size() > ending.size() + 2 && lower.endsWith(ending)) {
                        choice = chooseTranslation(
                            dict, lower.left(lower.size() - ending.size()), Pos::Adjective);
                        if (choice.found)
                            break;
                    }
                }
            }
        }
        if (!choice.found && capital) { // Kindern → Kinder, Hauses → Haus
            for (const QString &ending : {u"n"_s, u"s"_s, u"es"_s}) {
                if (t.text.endsWith(ending)) {
                    choice = chooseTranslation(
                        dict, t.text.left(t.text.size() - ending.size()), Pos::Noun);
                    if (choice.found)
                        break;
                }
            }
        }
        if (!choice.found) {
            out.append({t.text, Word::Plain, clause, {}});
            continue;
        }
        ++result.translated;
        QString text = choice.text;
        QString base;
        if (isVerb && modal && atEnd) {
            role = Word::Infinitive;
        } else if (isVerb && !finite) {
            role = Word::Finite;
            finite = true;
            base = text;
            if (thirdSingular)
                text = thirdPersonSingular(text);
        } else if (choice.pos == Pos::Noun && !subject && !finite) {
            role = Word::Subject;
            subject = true;
            thirdSingular = choice.gender != Gender::Plural;
        } else if (choice.pos == Pos::Noun && !subject) {
            role = Word::Subject; // after the verb in a question or after a fronted adverb
            subject = true;
            thirdSingular = choice.gender != Gender::Plural;
        }
        out.append({text, role, clause, base});
    }
    // English order per clause: an infinitive next to its modal, "today" to the end, the subject
    // before the verb after a fronted adverb ("Heute gehe ich" → "Today I go"), "do" questions.
    QList<Word> ordered;
    const bool question = sentence.trimmed().endsWith(u'?');
    for (qsizetype from = 0; from < out.size();) {
        qsizetype to = from;
        while (to < out.size() && out[to].clause == out[from].clause)
            ++to;
        QList<Word> c = out.mid(from, to - from);
        qsizetype finiteAt = -1;
        for (qsizetype k = 0; k < c.size(); ++k) {
            if (c[k].role == Word::Finite) {
                finiteAt = k;
                break;
            }
        }
        for (qsizetype k = c.size() - 1; k > finiteAt + 1 && finiteAt >= 0; --k) {
            if (c[k].role == Word::Infinitive) {
                const Word w = c.takeAt(k);
                qsizetype at = finiteAt + 1;
                while (at < c.size() && c[at].role == Word::Subject)
                    ++at; // "kannst du ... sehen" → "can you see"
                c.insert(at, w);
                break;
            }
        }
        qsizetype end = c.size();
        while (end > 0 && c[end - 1].role == Word::Punct)
            --end;
        for (qsizetype k = 0; k < end - 1; ++k) {
            if (c[k].role == Word::Time && k > 0) {
                c.insert(end - 1, c.takeAt(k));
                break;
            }
        }
        if (finiteAt == 1 && c.size() > 2 && c[2].role == Word::Subject
            && c[0].role != Word::Subject && !question) {
            qsizetype last = 2;
            while (last + 1 < c.size() && c[last + 1].role == Word::Subject)
                ++last;
            const Word verb = c.takeAt(1);
            c.insert(last, verb);
        }
        // "Ich weiß es nicht" → "I do not know it"
        for (qsizetype k = 0; k < c.size(); ++k) {
            if (c[k].role != Word::Negation)
                continue;
            for (qsizetype f = 0; f < k; ++f) {
                if (c[f].role == Word::Finite && !c[f].base.isEmpty() && f + 1 < c.size()
                    && c[f + 1].role != Word::Subject) {
                    const bool third = c[f].text != c[f].base;
                    c.removeAt(k);
                    c[f].text = c[f].base;
                    c.insert(
                        f, {third ? u"does not"_s : u"do not"_s, Word::Plain, c[f].clause, {}});
                    break;
                }
            }
            break;
        }
        // "Hast du Kinder?" / "Spielst du?" → "Do you have children?" / "Do you play?"
        if (question && c.size() > 1 && c[0].role == Word::Finite && c[1].role == Word::Subject
            && !c[0].base.isEmpty()) {
            const QString base = c[0].base;
            const bool third = c[0].text != base;
            Word verb = c.takeAt(0);
            verb.text = base;
            qsizetype last = 0;
            while (last + 1 < c.size() && c[last + 1].role == Word::Subject)
                ++last;
            c.insert(last + 1, verb);
            c.insert(0, {third ? u"does"_s : u"do"_s, Word::Plain, verb.clause, {}});
        }
        ordered += c;
        from = to;
    }
    // "a" → "an" before a vowel
    for (qsizetype k = 0; k + 1 < ordered.size(); ++k) {
        if (ordered[k].text == u"a"_s && !ordered[k + 1].text.isEmpty()
            && QStringLiteral("aeiouAEIOU").contains(ordered[k + 1].text.at(0)))
            ordered[k].text = u"an"_s;
    }
    QList<SourceToken> words;
    for (const Word &w : std::as_const(ordered))
        words.append({w.text, w.role != Word::Punct, false});
    result.text = joinSentence(words);
    return result;
}

} // namespace sandbox::translation
