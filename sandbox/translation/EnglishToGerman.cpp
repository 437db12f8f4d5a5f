// SPDX-License-Identifier: MIT
// English → German, word by word with FreeDict's eng-deu and a little German grammar.
#include "sandbox/translation/EnglishSentence.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sandbox::translation {

namespace english {

SentenceTranslation EnglishSentence::run()
{
    SentenceTranslation result;
    for (const Item &item : std::as_const(m_items))
        result.words += item.word;
    qsizetype i = 0;
    const auto lowerAt = [this](qsizetype k) {
        return k < m_items.size() && m_items[k].word ? m_items[k].lower : QString();
    };
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
            const QString key = words.join(u' ');
            const QString time = timePhrases().value(key);
            const QString phrase = time.isEmpty() ? phrases().value(key) : time;
            if (!words.contains(QString()) && !phrase.isEmpty()) {
                put(phrase,
                    time.isEmpty()
                        ? Out::Plain
                        : (i == 0 && i + n < m_items.size() ? Out::Fronted : Out::TimeAdverb));
                known(n);
                i += n;
                matched = true;
            }
        }
        if (matched)
            continue;
        const bool beForm = irregularForms().value(w) == u"be"_s && w != u"be"_s && w != u"been"_s;
        if (w == u"there"_s && irregularForms().value(lowerAt(i + 1)) == u"be"_s
            && !m_finite) { // es gibt
            put(u"es"_s, Out::Subject);
            m_subject = true;
            m_person[m_clause] = Person::Third;
            emitFinite(u"geben"_s, pastForms().contains(lowerAt(i + 1)));
            m_lastVerb = u"geben"_s;
            known(2);
            i += 2;
            continue;
        }
        if ((w == u"do"_s || w == u"does"_s || w == u"did"_s) && !m_finite && m_doAt < 0
            && (lowerAt(i + 1) == u"not"_s || pronouns().contains(lowerAt(i + 1))
                || determiners().contains(lowerAt(i + 1)))) {
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
                              : (dativeVerbs().contains(m_lastVerb) || indirectObjectBefore(i + 1)
                                      ? pronoun->dative
                                      : pronoun->accusative));
            }
            known();
            ++i;
            continue;
        }
        if ((determiners().contains(w)
                && (isContent(i + 1) || numberWords().contains(lowerAt(i + 1))
                    || lowerAt(i + 1) == u"very"_s))
            || numberWords().contains(w)) {
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
            } else if (i + 1 < m_items.size()
                && (m_items[i + 1].number
                    || (m_items[i + 1].word
                        && (isContent(i + 1) || determiners().contains(next)
                            || numberWords().contains(next))))) {
                ++i;
                nounPhrase(i, *preposition);
            } else {
                put(preposition->first);
                ++i;
            }
            continue;
        }
        if (w == u"that"_s && m_finite
            && (determiners().contains(lowerAt(i + 1)) || pronouns().contains(lowerAt(i + 1)))) {
            if (!m_out.isEmpty() && m_out.last().role != Out::Punct)
                put(u","_s, Out::Punct);
            newClause();
            put(u"dass"_s);
            known();
            ++i;
            m_subordinate.insert(m_clause);
            continue;
        }
        const auto plain = plainWords().constFind(w);
        if (plain != plainWords().cend()) {
            QString text = *plain;
            if (w == u"home"_s
                && (m_lastVerb == u"gehen"_s || m_lastVerb == u"kommen"_s
                    || m_lastVerb == u"fahren"_s))
                text = u"nach Hause"_s;
            // "If you are tired, …": a sentence that opens with a subordinate clause
            const bool leadingSubordinate = i == 0
                && (w == u"if"_s || w == u"because"_s
                    || (w == u"when"_s && m_items.size() > 2
                        && std::any_of(m_items.cbegin(), m_items.cend(), [](const Item &other) {
                               return other.text == u","_s;
                           })));
            if (w == u"when"_s && (i > 0 || leadingSubordinate))
                text = u"wenn"_s;
            static const QSet<QString> time{
                u"today"_s, u"tomorrow"_s, u"yesterday"_s, u"now"_s, u"tonight"_s};
            static const QSet<QString> joins{u"and"_s, u"or"_s, u"but"_s, u"because"_s};
            const bool secondSubject = (w == u"and"_s || w == u"or"_s) && m_subject && !m_finite;
            const bool startsClause = !secondSubject
                && (joins.contains(w) || ((w == u"if"_s || w == u"when"_s) && i > 0)
                    || leadingSubordinate);
            if (startsClause) { // the conjunction opens its clause: verbs go to the end before it
                if (w != u"and"_s && w != u"or"_s && !m_out.isEmpty()
                    && m_out.last().role != Out::Punct)
                    put(u","_s, Out::Punct); // German sets a comma before weil, wenn, aber
                newClause();
                if (w == u"because"_s || w == u"if"_s || w == u"when"_s)
                    m_subordinate.insert(m_clause);
            }
            if (w == u"not"_s)
                put(text, Out::Negation);
            else if (i == 0 && frontableAdverbs().contains(w) && lowerAt(i + 1) != QString())
                put(text, Out::Fronted);
            else if (time.contains(w))
                put(text, Out::TimeAdverb);
            else
                put(text);
            if (secondSubject) { // "the man and the woman"
                m_subject = false;
                m_pluralSubject = true;
            }
            known();
            ++i;
            continue;
        }
        if (m_afterBe && !m_wantInfinitive) {
            bool isVerb = false;
            const QString progressive = w.endsWith(u"ing"_s) ? verb(w, &isVerb) : QString();
            if (isVerb) { // "am reading": the verb takes the place of "sein"
                bool pastProgressive = false; // "was raining" → "hat geregnet"
                for (qsizetype k = m_out.size() - 1; k >= 0 && m_out[k].clause == m_clause; --k) {
                    if (m_out[k].role == Out::Finite && m_out[k].infinitive == u"sein"_s) {
                        pastProgressive
                            = m_out[k].past && pastTense(progressive, Person::Third).isEmpty();
                        m_out[k].infinitive = pastProgressive ? u"haben"_s : progressive;
                        m_out[k].past = m_out[k].past && !pastProgressive;
                        break;
                    }
                }
                m_afterBe = false;
                m_lastVerb = m_finiteVerb = progressive;
                if (pastProgressive)
                    perfect(progressive);
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
                    emitFinite(german, pastForms().contains(w) || isPastForm(w));
                }
                m_lastVerb = german;
                known();
                ++i;
                continue;
            }
        }
        if (m_finite && m_finiteVerb == u"haben"_s && isPastForm(w)) { // "has bought"
            bool isVerb = false;
            const QString german = verb(w, &isVerb);
            if (isVerb) {
                perfect(german);
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
    bool afterLeadingSubordinate = false; // "Wenn du müde bist, solltest du schlafen."
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
        if (finite >= 0
            && m_subordinate.contains(clause[finite].clause)) { // "dass der Film gut war"
            qsizetype last = clause.size();
            while (last > 0 && clause[last - 1].role == Out::Punct)
                --last;
            clause.insert(last - 1, clause.takeAt(finite));
        } else if (finite >= 0) {
            qsizetype at = finite + 1; // after the subject in a question ("Hast du gestern")
            while (at < clause.size() && clause[at].role == Out::Subject)
                ++at;
            for (qsizetype k = at + 1; k < clause.size(); ++k) {
                if (clause[k].role == Out::TimeAdverb) {
                    clause.insert(at, clause.takeAt(k));
                    break;
                }
            }
            if (afterLeadingSubordinate && finite > 0) {
                bool subjectOnly = true;
                for (qsizetype k = 0; k < finite; ++k)
                    subjectOnly = subjectOnly && clause[k].role == Out::Subject;
                if (subjectOnly)
                    clause.insert(0, clause.takeAt(finite));
            }
            if (finite > 1 && clause[0].role == Out::Fronted) {
                bool subjectOnly = true;
                for (qsizetype k = 1; k < finite; ++k)
                    subjectOnly = subjectOnly && clause[k].role == Out::Subject;
                if (subjectOnly)
                    clause.insert(1, clause.takeAt(finite));
            }
        }
        afterLeadingSubordinate = ordered.isEmpty() && !clause.isEmpty()
            && m_subordinate.contains(clause.first().clause);
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

} // namespace english

QList<SourceToken> tokenize(const QString &sentence)
{
    QList<SourceToken> tokens;
    for (qsizetype i = 0; i < sentence.size();) {
        const QChar c = sentence.at(i);
        if (c.isLetter()) {
            qsizetype j = i + 1;
            while (j < sentence.size()
                && (sentence.at(j).isLetter() || sentence.at(j).isMark()
                    || ((sentence.at(j) == u'\'' || sentence.at(j) == u'’')
                        && j + 1 < sentence.size() && sentence.at(j + 1).isLetter())))
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
        const bool attach
            = !t.word && !t.number && t.text.size() == 1 && noSpaceBefore.contains(t.text.at(0));
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
    return english::EnglishSentence(dict, tokenize(sentence)).run();
}

} // namespace sandbox::translation
