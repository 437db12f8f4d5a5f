// SPDX-License-Identifier: MIT
// EnglishSentence's pieces: contractions, clauses, finite verbs, nouns, verbs and noun phrases.
#include "sandbox/translation/EnglishSentence.h"

using namespace Qt::StringLiterals;

namespace sandbox::translation::english {

void EnglishSentence::expand(const QList<SourceToken> &tokens)
{
    for (const SourceToken &t : tokens) {
        if (!t.word) {
            m_items.append({t.text, t.text, false, t.number});
            continue;
        }
        QString w = t.text;
        w.replace(u'’', u'\'');
        const QString lower = w.toLower();
        const qsizetype apostrophe = lower.indexOf(u'\'');
        if (apostrophe < 0) {
            m_items.append({w, lower, true, false});
            continue;
        }
        QString base = w.left(apostrophe);
        QString second;
        const QString tail = lower.mid(apostrophe);
        if (tail == u"'t"_s && base.endsWith(u'n', Qt::CaseInsensitive)) {
            base.chop(1);
            const QString b = base.toLower();
            base = b == u"ca"_s ? u"can"_s
                                : (b == u"wo"_s ? u"will"_s : (b == u"sha"_s ? u"shall"_s : base));
            second = u"not"_s;
        } else if (tail == u"'m"_s) {
            second = u"am"_s;
        } else if (tail == u"'re"_s) {
            second = u"are"_s;
        } else if (tail == u"'ve"_s) {
            second = u"have"_s;
        } else if (tail == u"'ll"_s) {
            second = u"will"_s;
        } else if (tail == u"'d"_s) {
            second = u"would"_s;
        } else if (tail == u"'s"_s) {
            static const QSet<QString> isAfter{u"it"_s,
                u"he"_s,
                u"she"_s,
                u"that"_s,
                u"what"_s,
                u"where"_s,
                u"who"_s,
                u"there"_s,
                u"here"_s,
                u"how"_s};
            if (isAfter.contains(base.toLower()))
                second = u"is"_s;
        }
        if (!base.isEmpty()) // "n't" on its own has none
            m_items.append({base, base.toLower(), true, false});
        if (!second.isEmpty())
            m_items.append({second, second, true, false});
    }
}

void EnglishSentence::newClause()
{
    ++m_clause;
    m_subject = m_finite = m_afterBe = m_wantInfinitive = m_pluralSubject = false;
    m_doAt = -1;
    m_finiteVerb.clear();
    m_lastVerb.clear();
}

void EnglishSentence::emitFinite(const QString &infinitive, bool past)
{
    if ((past || (m_doAt >= 0 && m_out[m_doAt].past))
        && pastTense(infinitive, Person::Third).isEmpty()) {
        // The spoken past of most verbs is the perfect: "gave" → "hat … gegeben"
        if (m_doAt >= 0) // "did you see" → "hast du … gesehen"
            m_out[m_doAt].past = false;
        emitFinite(u"haben"_s, false);
        perfect(infinitive);
        return;
    }
    m_finiteVerb = infinitive;
    if (m_doAt >= 0) { // "do you have" → the verb takes do's place
        m_out[m_doAt].infinitive = infinitive;
        m_out[m_doAt].past = m_out[m_doAt].past || past;
        m_doAt = -1;
    } else {
        Out o;
        o.role = Out::Finite;
        o.infinitive = infinitive;
        o.past = past;
        o.clause = m_clause;
        m_out.append(o);
    }
    m_finite = true;
}

bool EnglishSentence::indirectObjectBefore(qsizetype next) const
{
    // "gave the old man a medicine", "gave him a book": of two objects in a row after a verb of
    // giving, telling or showing, the first is the indirect (dative) one
    return ditransitiveVerbs().contains(m_lastVerb) && next < m_items.size() && m_items[next].word
        && (determiners().contains(m_items[next].lower)
            || numberWords().contains(m_items[next].lower));
}

void EnglishSentence::perfect(const QString &infinitive)
{
    // The clause's finite "haben" becomes the auxiliary; the participle goes to the clause's end
    for (qsizetype k = m_out.size() - 1; k >= 0 && m_out[k].clause == m_clause; --k) {
        if (m_out[k].role == Out::Finite && m_out[k].infinitive == u"haben"_s) {
            if (perfectTakesSein(infinitive))
                m_out[k].infinitive = u"sein"_s;
            break;
        }
    }
    put(pastParticiple(infinitive), Out::Infinitive);
    m_finiteVerb.clear();
}

WordChoice EnglishSentence::noun(const QString &word, bool *plural)
{
    *plural = false;
    const QString lower = word.toLower();
    WordChoice c = chooseTranslation(m_dict, lower, Pos::Noun, true);
    if (!c.found && word.at(0).isUpper())
        c = chooseTranslation(m_dict, word, Pos::Noun, true);
    // "keys" has an entry of its own (Tastatur); a plural form is read as its singular's plural
    const bool pluralForm = (lower.endsWith(u's') && !lower.endsWith(u"ss"_s) && lower.size() > 3)
        || irregularForms().contains(lower);
    if (c.found && (c.gender == Gender::Plural || !pluralForm)) {
        *plural = c.gender == Gender::Plural;
        return c;
    }
    for (const QString &lemma : lemmaCandidates(lower)) {
        if (lemma == lower)
            continue;
        c = chooseTranslation(m_dict, lemma, Pos::Noun, true);
        if (c.found) {
            *plural = true;
            c.text = pluralNoun(c.text, c.gender);
            c.gender = Gender::Plural;
            return c;
        }
    }
    if (c.found) {
        *plural = c.gender == Gender::Plural;
        return c;
    }
    return chooseTranslation(m_dict, lower, Pos::Any);
}

QString EnglishSentence::verb(const QString &lower, bool *found)
{
    *found = true;
    for (const QString &lemma : lemmaCandidates(lower)) {
        const QString common = commonVerbs().value(lemma);
        if (!common.isEmpty())
            return common;
    }
    for (const QString &lemma : lemmaCandidates(lower)) {
        const WordChoice c = chooseTranslation(m_dict, lemma, Pos::Verb, true);
        if (c.found && (c.text.endsWith(u'n')))
            return c.text;
    }
    *found = false;
    return {};
}

bool isModalVerb(const QString &german)
{
    static const QSet<QString> verbs{u"können"_s,
        u"müssen"_s,
        u"wollen"_s,
        u"sollen"_s,
        u"dürfen"_s,
        u"mögen"_s,
        u"möchten"_s,
        u"werden"_s,
        u"würden"_s};
    return verbs.contains(german);
}

void EnglishSentence::nounPhrase(qsizetype &i, std::optional<std::pair<QString, Case>> preposition)
{
    Determiner kind = Determiner::None;
    QString stem;
    QString numberText;
    bool plural = false;
    qsizetype j = i;
    const QString first = m_items[j].lower;
    const auto det = determiners().constFind(first);
    if (det != determiners().cend() && m_items[j].word) {
        kind = det->kind;
        stem = det->stem;
        plural = det->plural;
        if (kind == Determiner::None) { // many → viele
            numberText = stem;
            stem.clear();
        }
        known();
        ++j;
    }
    if (j < m_items.size() && (m_items[j].number || numberWords().contains(m_items[j].lower))) {
        if (m_items[j].number) {
            numberText = m_items[j].text;
            plural = m_items[j].text != u"1"_s;
        } else {
            numberText = germanNumber(numberWords().value(m_items[j].lower));
            plural = true;
            known();
        }
        ++j;
    }
    QStringList adjectives;
    WordChoice head;
    QString headSource;
    int headWords = 0;
    bool headPlural = false;
    while (j < m_items.size() && m_items[j].word) {
        const QString lower = m_items[j].lower;
        if (lower == u"very"_s) {
            adjectives.append(u"sehr"_s);
            known();
            ++j;
            continue;
        }
        if (!isContent(j))
            break;
        if (isContent(j + 1)) {
            const WordChoice adjective = chooseTranslation(m_dict, lower, Pos::Adjective, true);
            const WordChoice compound = adjective.found
                ? WordChoice()
                : chooseTranslation(m_dict, lower + u' ' + m_items[j + 1].lower, Pos::Noun, true);
            if (compound.found) {
                head = compound;
                headPlural = compound.gender == Gender::Plural;
                headWords = 2;
                headSource = m_items[j].text;
                break;
            }
            if (adjective.found) {
                adjectives.append(adjective.text);
                known();
                ++j;
                continue;
            }
        }
        head = noun(m_items[j].text, &headPlural);
        headWords = 1;
        headSource = m_items[j].text;
        break;
    }
    if (headWords == 0) { // a determiner or number on its own ("I have two.")
        if (!numberText.isEmpty())
            put(numberText);
        else if (m_items[i].word)
            put(plainWords().value(first, m_items[i].text));
        i = std::max(j, i + 1);
        return;
    }
    QString nounText = head.found ? head.text : headSource;
    Gender gender = head.found ? head.gender : Gender::None;
    if (head.found)
        known(headWords);
    if (headPlural || gender == Gender::Plural) {
        gender = Gender::Plural;
    } else if (plural && head.found) {
        nounText = pluralNoun(nounText, gender);
        gender = Gender::Plural;
    }
    // the subject: the first noun phrase of the clause, also after the verb ("Where are my keys?")
    const bool subject = !preposition && !m_subject;
    Case c = Case::Nominative;
    if (preposition)
        c = preposition->second;
    else if (!subject && !m_afterBe)
        c = dativeVerbs().contains(m_lastVerb) || indirectObjectBefore(j + headWords)
            ? Case::Dative
            : Case::Accusative;
    // "not a car" / "not children" → "kein Auto", "keine Kinder"
    if (!subject
        && (kind == Determiner::Indefinite || (kind == Determiner::None && numberText.isEmpty()))) {
        for (qsizetype k = m_out.size() - 1; k >= 0 && m_out[k].clause == m_clause; --k) {
            if (m_out[k].role == Out::Negation && !m_out[k].consumed) {
                m_out[k].consumed = true;
                kind = Determiner::EinWord;
                stem = u"kein"_s;
                break;
            }
        }
    }
    const Out::Role role = subject ? Out::Subject : Out::Plain;
    QString article = numberText.isEmpty() ? determiner(kind, stem, gender, c) : numberText;
    if (preposition) {
        QString prep = preposition->first;
        if (prep == u"zu"_s && kind == Determiner::None && !head.found
            && headSource.at(0).isUpper())
            prep = u"nach"_s; // to Berlin
        const QString contracted = kind == Determiner::Definite && adjectives.isEmpty()
            ? contractPreposition(prep, article)
            : QString();
        if (!contracted.isEmpty()) {
            article = contracted;
        } else {
            put(prep);
        }
    }
    if (!article.isEmpty())
        put(article, role);
    const Determiner adjectiveKind = numberText.isEmpty() ? kind : Determiner::None;
    for (const QString &adjective : std::as_const(adjectives))
        put(adjective == u"sehr"_s ? adjective
                                   : declineAdjective(adjective, adjectiveKind, gender, c),
            role);
    if (c == Case::Dative && gender == Gender::Plural)
        nounText = dativePlural(nounText);
    put(nounText, role);
    if (subject) {
        m_subject = true;
        m_person[m_clause]
            = gender == Gender::Plural || m_pluralSubject ? Person::ThirdPlural : Person::Third;
    }
    i = j + headWords;
}

} // namespace sandbox::translation::english
