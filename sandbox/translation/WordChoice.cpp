// SPDX-License-Identifier: MIT
#include "sandbox/translation/WordChoice.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <optional>

using namespace Qt::StringLiterals;

namespace sandbox::translation {

namespace {

Pos posOfTags(const QStringList &tags, Gender *gender)
{
    for (const QString &t : tags) {
        if (t == u"masc"_s) {
            *gender = Gender::Masculine;
            return Pos::Noun;
        }
        if (t == u"fem"_s) {
            *gender = Gender::Feminine;
            return Pos::Noun;
        }
        if (t == u"neut"_s) {
            *gender = Gender::Neuter;
            return Pos::Noun;
        }
    }
    for (const QString &t : tags) {
        if (t == u"pl"_s) {
            *gender = Gender::Plural;
            return Pos::Noun;
        }
        if (t == u"n"_s)
            return Pos::Noun;
        if (t == u"v"_s)
            return Pos::Verb;
        if (t == u"adj"_s)
            return Pos::Adjective;
        if (t == u"adv"_s)
            return Pos::Adverb;
        if (t == u"art"_s || t == u"prep"_s || t == u"pron"_s || t == u"conj"_s || t == u"num"_s
            || t == u"interj"_s)
            return Pos::Other;
    }
    return Pos::Any;
}

bool rareLabel(const QString &label)
{
    static const QSet<QString> rare{
        u"techn."_s,
        u"constr."_s,
        u"obs."_s,
        u"veraltet"_s,
        u"alt"_s,
        u"poet."_s,
        u"fin."_s,
        u"adm."_s,
        u"mil."_s,
        u"electr."_s,
        u"geol."_s,
        u"ling."_s,
        u"hist."_s,
        u"jur."_s,
        u"med."_s,
        u"chem."_s,
        u"biol."_s,
        u"phys."_s,
        u"math."_s,
        u"comp."_s,
        u"min."_s,
        u"mach."_s,
        u"ugs."_s,
        u"coll."_s,
        u"slang"_s,
        u"vulg."_s,
        u"selten"_s,
        u"rare"_s,
        u"geh."_s,
        u"archaic"_s,
        u"naut."_s,
        u"aviat."_s,
        u"textil."_s,
        u"print"_s,
        u"statist."_s,
        u"econ."_s,
        u"pol."_s,
        u"relig."_s,
        u"pej."_s,
        u"formal"_s,
        u"übtr."_s,
        u"fig."_s,
        u"humor."_s,
        u"mus."_s,
        u"sport"_s,
        u"Ös."_s,
        u"Schw."_s,
        u"Süddt."_s,
        u"Norddt."_s,
        u"dialect"_s,
        u"dialekt."_s,
        u"Dt."_s,
        u"Sc."_s,
        u"Austr."_s,
        u"NZ"_s,
        u"Irl."_s,
        u"envir."_s,
        u"psych."_s,
        u"philos."_s,
        u"anat."_s,
        u"pharm."_s,
        u"mining"_s,
        u"photo."_s,
        u"telco."_s,
        u"transfer"_s,
        u"Lit."_s,
        u"lit."_s,
        u"obs"_s,
        u"altertümlich"_s,
        u"number"_s,
    };
    return rare.contains(label);
}

// "jdn./etw. sein" → "sein", "sich befinden" → "befinden", "(allein) bleiben" → "bleiben".
QString plainTerm(const QString &term)
{
    static const QRegularExpression parens(u"\\([^()]*\\)"_s);
    QString t = term;
    t.remove(parens);
    QStringList kept;
    for (const QString &w : t.split(u' ', Qt::SkipEmptyParts)) {
        if (w == u"sich"_s || w.contains(u"jdn."_s) || w.contains(u"jdm."_s) || w.contains(u"jd."_s)
            || w.contains(u"etw."_s) || w.contains(u"jds."_s) || w.contains(u"sb."_s)
            || w.contains(u"sth."_s) || w == u"…"_s || w == u"..."_s)
            continue;
        kept.append(w);
    }
    return kept.join(u' ');
}

bool isMessy(const QString &term)
{
    return term.contains(u"jdn."_s) || term.contains(u"jdm."_s) || term.contains(u"etw."_s)
        || term.contains(u"sb."_s) || term.contains(u"sth."_s) || term.contains(u'(')
        || term.contains(u'/') || term.contains(u'…');
}

} // namespace

WordChoice senseKind(const DictSense &sense)
{
    WordChoice kind;
    for (const DictTerm &term : sense.terms) {
        kind.pos = posOfTags(term.tags, &kind.gender);
        if (kind.pos != Pos::Any)
            return kind;
    }
    kind.pos = posOfTags(sense.headwordTags, &kind.gender); // deu-eng: <fem, n, sg>, <pl>
    if (kind.pos != Pos::Noun)
        kind.gender = Gender::None;
    return kind;
}

WordChoice chooseTranslation(const FreeDict &dict, const QString &word, Pos want, bool strict)
{
    // Remembered per thread: the same words come again and again.
    thread_local QHash<QString, WordChoice> memo;
    thread_local quint64 memoDict = 0;
    if (memoDict != dict.id() || memo.size() > 20000) {
        memo.clear();
        memoDict = dict.id();
    }
    const QString key = word + u'\x1f' + QString::number(int(want)) + (strict ? u'!' : u'?');
    const auto known = memo.constFind(key);
    if (known != memo.cend())
        return *known;
    WordChoice best;
    double bestScore = -1e9;
    const bool lowerWord = !word.isEmpty() && word.at(0).isLower();
    const QList<DictSense> senses = dict.lookup(word);
    QHash<QString, int> sharedBy; // plain term → how many of the word's senses list it
    for (const DictSense &sense : senses) {
        QSet<QString> terms;
        for (const DictTerm &term : sense.terms)
            terms.insert(term.text);
        for (const QString &term : std::as_const(terms))
            ++sharedBy[term];
    }
    for (qsizetype i = 0; i < senses.size(); ++i) {
        const DictSense &sense = senses.at(i);
        const WordChoice kind = senseKind(sense);
        if (strict && want != Pos::Any && kind.pos != want)
            continue;
        // the first term that is a plain word, else the first term made plain
        QString text, firstPlain;
        std::optional<Gender> textGender;
        QStringList labels;
        bool messy = true;
        int multiWord = 0;
        // Of its plain terms, the one most of the word's senses share ("neuerlich, neu, erneut":
        // neu is a sense of its own too), and a compound's head when the compound comes first
        // ("Eisenbahnzug, Zug" → Zug)
        int bestShared = 0;
        for (const DictTerm &term : sense.terms) {
            if (isMessy(term.text) || term.text.contains(u' '))
                continue;
            const int shared = sharedBy.value(term.text);
            const bool headOfFirst = text == firstPlain && firstPlain.size() > term.text.size() + 2
                && firstPlain.endsWith(term.text, Qt::CaseInsensitive);
            if (text.isEmpty() || shared > bestShared || headOfFirst) {
                if (text.isEmpty()) { // the sense is scored by its first plain term's labels
                    firstPlain = term.text;
                    labels = term.labels;
                }
                text = term.text;
                messy = false;
                bestShared = shared;
                Gender gender = Gender::None; // "Bankinstitut <neut>, Bank <fem>": Bank's own
                if (posOfTags(term.tags, &gender) == Pos::Noun && gender != Gender::None)
                    textGender = gender;
            }
        }
        if (text.isEmpty()) {
            for (const DictTerm &term : sense.terms) {
                text = plainTerm(term.text);
                labels = term.labels;
                if (!text.isEmpty())
                    break;
            }
            multiWord = int(text.count(u' '));
        }
        if (text.isEmpty())
            continue;
        double score = std::min(sense.examples, 8) * 2.0 - double(i) * 0.3;
        if (want != Pos::Any && kind.pos == want)
            score += 30;
        if (want == Pos::Noun && kind.gender != Gender::None && kind.gender != Gender::Plural)
            score += 2;
        if (want == Pos::Noun && kind.gender == Gender::Plural)
            score -= 8; // "Filme <pl>" is a sense of "film" too; a singular one reads better
        for (const QString &label : std::as_const(labels)) // the chosen term's own labels
            score -= rareLabel(label) ? 8 : 0;
        if (lowerWord && !sense.headword.isEmpty() && sense.headword.at(0).isUpper())
            score -= 25; // "Nice" (Nizza) for "nice"
        if (!lowerWord && sense.headword == word)
            score += 1;
        if (messy)
            score -= 3;
        score -= 4 * multiWord;
        if (score > bestScore) {
            bestScore = score;
            best = kind;
            if (textGender && kind.pos == Pos::Noun)
                best.gender = *textGender;
            best.text = text;
            best.found = true;
        }
    }
    memo.insert(key, best);
    return best;
}

} // namespace sandbox::translation
