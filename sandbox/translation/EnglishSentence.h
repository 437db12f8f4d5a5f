// SPDX-License-Identifier: MIT
// The English sentence being translated into German (EnglishToGerman.cpp, EnglishPhrases.cpp):
// private to the translation, not an interface.
#pragma once

#include "sandbox/translation/EnglishWords.h"
#include "sandbox/translation/German.h"
#include "sandbox/translation/WordByWord.h"
#include "sandbox/translation/WordChoice.h"

#include <QHash>
#include <QSet>

#include <optional>

namespace sandbox::translation::english {

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

/// Reads an English sentence left to right into German words (run()).
class EnglishSentence
{
public:
    EnglishSentence(const FreeDict &dict, const QList<SourceToken> &tokens)
        : m_dict(dict)
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
    void perfect(const QString &infinitive);
    bool indirectObjectBefore(qsizetype next) const;
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
    QSet<int> m_subordinate; // clauses after dass, weil, wenn: the verb goes last
    qsizetype m_doAt = -1;
    QString m_finiteVerb;
    QString m_lastVerb; // the German verb objects belong to (helfen takes a dative)
};

bool isModalVerb(const QString &german); ///< können, müssen, wollen... (take a bare infinitive)

} // namespace sandbox::translation::english
