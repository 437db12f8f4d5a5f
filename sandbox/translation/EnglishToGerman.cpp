// SPDX-License-Identifier: MIT
// English → German, word by word with FreeDict's eng-deu and a little German grammar.
#include "sandbox/translation/EnglishWords.h"
#include "sandbox/translation/German.h"
#include "sandbox/translation/WordByWord.h"
#include "sandbox/translation/WordChoice.h"

#include <QHash>
#include <QSet>

#include <optional>

using namespace Qt::StringLiterals;

namespace sandbox::translation {

using namespace english;

namespace {

/// One German word of the output, with what later rules need to know about it.
struct Out
{
    enum Role { Plain, Subject, Finite, Infinitive, Fronted, Negation, Punct, TimeAdverb };
    QString text;
    Role role = Plain;
    int clause = 0;
    QString infinitive; // Finite: conjugated at the end, once the clause's subject is known
    bool past = false;
    bool consumed = false; // Negation turned into "kein"
};

class EnglishSentence
{
public:
    EnglishSentence(const FreeDict &dict, const QList<SourceToken> &tokens) : m_dict(dict)
    {
        expand(tokens);
    }
    SentenceTranslation run();

private:
    struct Item
    {
        QString text, lower;
        bool word = false, number = false;
    };
    void expand(const QList<SourceToken> &tokens);
    bool isContent(qsizetype i) const
    {
        return i < m_items.size() && m_items[i].word && !isFunctionWord(m_items[i].lower);
    }
    void put(const QString &text, Out::Role role = Out::Plain)
    {
        Out o;
        o.text = text;
        o.role = role;
        o.clause = m_clause;
        m_out.append(o);
    }
    void emitFinite(const QString &infinitive, bool past);
    void newClause();
    void nounPhrase(qsizetype &i, std::optional<std::pair<QString, Case>> preposition);
    WordChoice noun(const QString &word, bool *plural);
    QString verb(const QString &lower, bool *found);
    void known(int n = 1) { m_translated += n; }

    const FreeDict &m_dict;
    QList<Item> m_items;
    QList<Out> m_out;
    int m_translated = 0;
    // the clause being read
    int m_clause = 0;
    QHash<int, Person> m_person;
    bool m_subject = false, m_finite = false, m_afterBe = false, m_wantInfinitive = false;
    bool m_pluralSubject = false; // "the man and the woman"
    QSet<int> m_subordinate;      // clauses after dass, weil, wenn: the verb goes last
    qsizetype m_doAt = -1;
    QString m_finiteVerb;
    QString m_lastVerb; // the German verb objects belong to (helfen takes a dative)
};

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
            base = b == u"ca"_s ? u"can"_s : (b == u"wo"_s ? u"will"_s : (b == u"sha"_s ? u"shall"_s : base));
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
            static const QSet<QString> isAfter{u"it"_s, u"he"_s, u"she"_s, u"that"_s, u"what"_s, u"where"_s,
                                               u"who"_s, u"there"_s, u"here"_s, u"how"_s};
            if (isAfter.contains(base.toLower()))
                second = u"is"_s;
        }
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

WordChoice EnglishSentence::noun(const QString &word, bool *plural)
{
    *plural = false;
    const QString lower = word.toLower();
    WordChoice c = chooseTranslation(m_dict, lower, Pos::Noun, true);
    if (!c.found && word.at(0).isUpper())
        c = chooseTranslation(m_dict, word, Pos::Noun, true);
    // "keys" has an entry of its own (Tastatur); a plural form is read as its singular's plural
    const bool pluralForm = (lower.endsWith(u's') && !lower.endsWith(u"ss"_s) && lower.size() > 3) ||
                            irregularForms().contains(lower);
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
    static const QSet<QString> verbs{u"können"_s, u"müssen"_s, u"wollen"_s, u"sollen"_s, u"dürfen"_s,
                                     u"mögen"_s,  u"möchten"_s, u"werden"_s, u"würden"_s};
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
            const WordChoice compound = adjective.found ? WordChoice()
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
        c = dativeVerbs().contains(m_lastVerb) ? Case::Dative : Case::Accusative;
    // "not a car" / "not children" → "kein Auto", "keine Kinder"
    if (!subject && (kind == Determiner::Indefinite || (kind == Determiner::None && numberText.isEmpty()))) {
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
        if (prep == u"zu"_s && kind == Determiner::None && !head.found && headSource.at(0).isUpper())
            prep = u"nach"_s; // to Berlin
        const QString contracted = kind == Determiner::Definite && adjectives.isEmpty() ? contractPreposition(prep, article) : QString();
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
        put(adjective == u"sehr"_s ? adjective : declineAdjective(adjective, adjectiveKind, gender, c), role);
    if (c == Case::Dative && gender == Gender::Plural)
        nounText = dativePlural(nounText);
    put(nounText, role);
    if (subject) {
        m_subject = true;
        m_person[m_clause] = gender == Gender::Plural || m_pluralSubject ? Person::ThirdPlural : Person::Third;
    }
    i = j + headWords;
}

SentenceTranslation EnglishSentence::run()
{
    SentenceTranslation result;
    for (const Item &item : std::as_const(m_items))
        result.words += item.word;
    qsizetype i = 0;
    const auto lowerAt = [this](qsizetype k) { return k < m_items.size() && m_items[k].word ? m_items[k].lower : QString(); };
    while (i < m_items.size()) {
        const Item item = m_items[i];
        const QString &w = item.lower;
        if (item.number) {
            nounPhrase(i, {});
            continue;
        }
        if (!item.word) {
            put(item.text, Out::Punct);
            if (item.text == u","_s || item.text == u";"_s || item.text == u":"_s)
                newClause();
            ++i;
            continue;
        }
        bool matched = false;
        for (int n = 4; n >= 2 && !matched; --n) {
            QStringList words;
            for (int k = 0; k < n; ++k)
                words.append(lowerAt(i + k));
            const QString phrase = phrases().value(words.join(u' '));
            if (!words.contains(QString()) && !phrase.isEmpty()) {
                put(phrase);
                known(n);
                i += n;
                matched = true;
            }
        }
        if (matched)
            continue;
        const bool beForm = irregularForms().value(w) == u"be"_s && w != u"be"_s && w != u"been"_s;
        if (w == u"there"_s && irregularForms().value(lowerAt(i + 1)) == u"be"_s && !m_finite) { // es gibt
            put(u"es"_s, Out::Subject);
            m_subject = true;
            m_person[m_clause] = Person::Third;
            emitFinite(u"geben"_s, pastForms().contains(lowerAt(i + 1)));
            m_lastVerb = u"geben"_s;
            known(2);
            i += 2;
            continue;
        }
        if ((w == u"do"_s || w == u"does"_s || w == u"did"_s) && !m_finite && m_doAt < 0 &&
            (lowerAt(i + 1) == u"not"_s || pronouns().contains(lowerAt(i + 1)) || determiners().contains(lowerAt(i + 1)))) {
            Out o;
            o.role = Out::Finite;
            o.clause = m_clause;
            o.past = w == u"did"_s;
            o.infinitive = u"machen"_s; // unless a verb follows
            m_out.append(o);
            m_doAt = m_out.size() - 1;
            known();
            ++i;
            continue;
        }
        if (modals().contains(w) && !m_finite && m_doAt < 0) {
            if (w == u"would"_s && lowerAt(i + 1) == u"like"_s) {
                emitFinite(u"möchten"_s, false);
                m_lastVerb = u"möchten"_s;
                known(2);
                i += 2;
            } else {
                emitFinite(modals().value(w).first, false);
                m_lastVerb = m_finiteVerb;
                known();
                ++i;
            }
            m_wantInfinitive = true;
            continue;
        }
        if (beForm && !m_finite && m_doAt < 0) {
            emitFinite(u"sein"_s, pastForms().contains(w));
            m_lastVerb = u"sein"_s;
            m_afterBe = true;
            known();
            ++i;
            continue;
        }
        if (w == u"be"_s && m_wantInfinitive) {
            put(u"sein"_s, Out::Infinitive);
            m_wantInfinitive = false;
            m_afterBe = true;
            known();
            ++i;
            continue;
        }
        if (w == u"to"_s && m_finite && isContent(i + 1)) { // "want to go": the infinitive's marker
            bool isVerb = false;
            verb(lowerAt(i + 1), &isVerb);
            if (isVerb) {
                m_wantInfinitive = true;
                known();
                ++i;
                continue;
            }
        }
        const auto pronoun = pronouns().constFind(w);
        if (pronoun != pronouns().cend() && !(w == u"her"_s && isContent(i + 1))) {
            if (!m_subject && !m_afterBe) {
                put(pronoun->nominative, Out::Subject);
                m_subject = true;
                m_person[m_clause] = pronoun->person;
            } else {
                put(m_afterBe ? pronoun->nominative
                               : (dativeVerbs().contains(m_lastVerb) ? pronoun->dative : pronoun->accusative));
            }
            known();
            ++i;
            continue;
        }
        if ((determiners().contains(w) && (isContent(i + 1) || numberWords().contains(lowerAt(i + 1)) ||
                                           lowerAt(i + 1) == u"very"_s)) ||
            numberWords().contains(w)) {
            nounPhrase(i, {});
            continue;
        }
        const auto preposition = prepositions().constFind(w);
        if (preposition != prepositions().cend()) {
            known();
            const QString next = lowerAt(i + 1);
            const auto object = pronouns().constFind(next);
            if (object != pronouns().cend()) {
                put(preposition->first);
                put(preposition->second == Case::Dative ? object->dative : object->accusative);
                known();
                i += 2;
            } else if (i + 1 < m_items.size() && (m_items[i + 1].number || (m_items[i + 1].word && (isContent(i + 1) ||
                                                  determiners().contains(next) || numberWords().contains(next))))) {
                ++i;
                nounPhrase(i, *preposition);
            } else {
                put(preposition->first);
                ++i;
            }
            continue;
        }
        if (w == u"that"_s && m_finite && (determiners().contains(lowerAt(i + 1)) || pronouns().contains(lowerAt(i + 1)))) {
            put(u"dass"_s);
            known();
            ++i;
            newClause();
            m_subordinate.insert(m_clause);
            continue;
        }
        const auto plain = plainWords().constFind(w);
        if (plain != plainWords().cend()) {
            QString text = *plain;
            if (w == u"home"_s && (m_lastVerb == u"gehen"_s || m_lastVerb == u"kommen"_s || m_lastVerb == u"fahren"_s))
                text = u"nach Hause"_s;
            if (w == u"when"_s && i > 0)
                text = u"wenn"_s;
            static const QSet<QString> time{u"today"_s, u"tomorrow"_s, u"yesterday"_s, u"now"_s, u"tonight"_s};
            if (w == u"not"_s)
                put(text, Out::Negation);
            else if (i == 0 && frontableAdverbs().contains(w) && lowerAt(i + 1) != QString())
                put(text, Out::Fronted);
            else if (time.contains(w))
                put(text, Out::TimeAdverb);
            else
                put(text);
            static const QSet<QString> joins{u"and"_s, u"or"_s, u"but"_s, u"because"_s};
            if ((w == u"and"_s || w == u"or"_s) && m_subject && !m_finite) { // a second subject
                m_subject = false;
                m_pluralSubject = true;
            } else if (joins.contains(w) || ((w == u"if"_s || w == u"when"_s) && i > 0)) {
                newClause();
                if (w == u"because"_s || w == u"if"_s || w == u"when"_s)
                    m_subordinate.insert(m_clause);
            }
            known();
            ++i;
            continue;
        }
        if (m_afterBe && !m_wantInfinitive) {
            bool isVerb = false;
            const QString progressive = w.endsWith(u"ing"_s) ? verb(w, &isVerb) : QString();
            if (isVerb) { // "am reading": the verb takes the place of "sein"
                for (qsizetype k = m_out.size() - 1; k >= 0 && m_out[k].clause == m_clause; --k) {
                    if (m_out[k].role == Out::Finite && m_out[k].infinitive == u"sein"_s) {
                        m_out[k].infinitive = progressive;
                        break;
                    }
                }
                m_afterBe = false;
                m_lastVerb = m_finiteVerb = progressive;
                known();
                ++i;
                continue;
            }
            const WordChoice adjective = chooseTranslation(m_dict, w, Pos::Adjective, true);
            if (adjective.found && !isContent(i + 1)) {
                put(adjective.text);
                known();
                ++i;
                continue;
            }
            nounPhrase(i, {});
            continue;
        }
        if (m_wantInfinitive || ((m_subject || m_doAt >= 0) && !m_finite)) {
            bool isVerb = false;
            const QString german = verb(w, &isVerb);
            if (isVerb) {
                if (m_wantInfinitive) {
                    put(isModalVerb(m_finiteVerb) ? german : u"zu "_s + german, Out::Infinitive);
                    m_wantInfinitive = false;
                } else {
                    emitFinite(german, pastForms().contains(w));
                }
                m_lastVerb = german;
                known();
                ++i;
                continue;
            }
        }
        if (m_subject && m_finite) { // an adverb after the verb ("he runs fast")
            const WordChoice adverb = chooseTranslation(m_dict, w, Pos::Adverb, true);
            if (adverb.found && !isContent(i + 1)) {
                put(adverb.text);
                known();
                ++i;
                continue;
            }
        }
        nounPhrase(i, {});
    }
    result.translated = m_translated;

    // The finite verbs in their clause's person; negations that became "kein" go.
    QList<Out> words;
    for (Out o : std::as_const(m_out)) {
        if (o.role == Out::Negation && o.consumed)
            continue;
        if (o.role == Out::Finite) {
            const Person person = m_person.value(o.clause, Person::Third);
            o.text = o.past ? pastTense(o.infinitive, person) : QString();
            if (o.text.isEmpty())
                o.text = conjugate(o.infinitive, person);
        }
        words.append(o);
    }
    // Per clause: infinitives to its end (before its punctuation), a time adverb to just after the
    // finite verb, the finite verb second after a fronted adverb.
    QList<Out> ordered;
    for (qsizetype from = 0; from < words.size();) {
        qsizetype to = from;
        while (to < words.size() && words[to].clause == words[from].clause)
            ++to;
        QList<Out> clause = words.mid(from, to - from);
        QList<Out> infinitives;
        for (qsizetype k = clause.size() - 1; k >= 0; --k) {
            if (clause[k].role == Out::Infinitive)
                infinitives.prepend(clause.takeAt(k));
        }
        qsizetype end = clause.size();
        while (end > 0 && clause[end - 1].role == Out::Punct)
            --end;
        for (qsizetype k = 0; k < infinitives.size(); ++k)
            clause.insert(end + k, infinitives[k]);
        qsizetype finite = -1;
        for (qsizetype k = 0; k < clause.size(); ++k) {
            if (clause[k].role == Out::Finite) {
                finite = k;
                break;
            }
        }
        if (finite >= 0 && m_subordinate.contains(clause[finite].clause)) { // "dass der Film gut war"
            qsizetype last = clause.size();
            while (last > 0 && clause[last - 1].role == Out::Punct)
                --last;
            clause.insert(last - 1, clause.takeAt(finite));
        } else if (finite >= 0) {
            for (qsizetype k = finite + 2; k < clause.size(); ++k) {
                if (clause[k].role == Out::TimeAdverb) {
                    clause.insert(finite + 1, clause.takeAt(k));
                    break;
                }
            }
            if (finite > 1 && clause[0].role == Out::Fronted) {
                bool subjectOnly = true;
                for (qsizetype k = 1; k < finite; ++k)
                    subjectOnly = subjectOnly && clause[k].role == Out::Subject;
                if (subjectOnly)
                    clause.insert(1, clause.takeAt(finite));
            }
        }
        ordered += clause;
        from = to;
    }
    QList<SourceToken> tokens;
    for (const Out &o : std::as_const(ordered)) {
        if (!o.text.isEmpty())
            tokens.append({o.text, o.role != Out::Punct, false});
    }
    result.text = joinSentence(tokens);
    return result;
}

} // namespace

QList<SourceToken> tokenize(const QString &sentence)
{
    QList<SourceToken> tokens;
    for (qsizetype i = 0; i < sentence.size();) {
        const QChar c = sentence.at(i);
        if (c.isLetter()) {
            qsizetype j = i + 1;
            while (j < sentence.size() && (sentence.at(j).isLetter() || sentence.at(j).isMark() ||
                                           ((sentence.at(j) == u'\'' || sentence.at(j) == u'’') && j + 1 < sentence.size() &&
                                            sentence.at(j + 1).isLetter())))
                ++j;
            tokens.append({sentence.mid(i, j - i), true, false});
            i = j;
        } else if (c.isDigit()) {
            qsizetype j = i + 1;
            while (j < sentence.size() && sentence.at(j).isDigit())
                ++j;
            tokens.append({sentence.mid(i, j - i), false, true});
            i = j;
        } else {
            if (!c.isSpace())
                tokens.append({QString(c), false, false});
            ++i;
        }
    }
    return tokens;
}

QString joinSentence(const QList<SourceToken> &tokens)
{
    static const QString noSpaceBefore = u",.!?;:)%"_s;
    QString out;
    bool glueNext = true;
    for (const SourceToken &t : tokens) {
        const bool attach = !t.word && !t.number && t.text.size() == 1 && noSpaceBefore.contains(t.text.at(0));
        if (!out.isEmpty() && !glueNext && !attach)
            out += u' ';
        out += t.text;
        glueNext = !t.word && !t.number && t.text == u"("_s;
    }
    if (!out.isEmpty())
        out[0] = out.at(0).toUpper();
    return out;
}

SentenceTranslation englishToGerman(const QString &sentence, const FreeDict &dict)
{
    return EnglishSentence(dict, tokenize(sentence)).run();
}

} // namespace sandbox::translation
