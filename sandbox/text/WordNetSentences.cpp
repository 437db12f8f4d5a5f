// SPDX-License-Identifier: MIT
#include "sandbox/text/WordNetSentences.h"

#include <QFile>
#include <QHash>

#include <algorithm>

namespace sandbox::text {

namespace {

QByteArray capitalised(QByteArray s)
{
    if (!s.isEmpty() && s.at(0) >= 'a' && s.at(0) <= 'z')
        s[0] = char(s.at(0) - 'a' + 'A');
    return s;
}

QByteArray ended(QByteArray s)
{
    while (
        !s.isEmpty() && (s.endsWith(' ') || s.endsWith(';') || s.endsWith(',') || s.endsWith(':')))
        s.chop(1);
    if (!s.isEmpty() && !s.endsWith('.') && !s.endsWith('!') && !s.endsWith('?'))
        s += '.';
    return s;
}

/// The gloss's definition parts and quoted examples ("a; b; \"x\"; \"y\"").
void splitGloss(
    const QByteArray &gloss, QList<QByteArray> *definitions, QList<QByteArray> *examples)
{
    QByteArray part;
    bool quoted = false;
    const auto flush = [&] {
        QByteArray p = part.trimmed();
        part.clear();
        if (p.isEmpty())
            return;
        if (p.startsWith('"')) {
            p = p.mid(1);
            const qsizetype end = p.indexOf('"');
            if (end >= 0)
                p = p.left(end);
            p = p.trimmed();
            if (!p.isEmpty())
                examples->append(p);
        } else {
            // "(law) a ..." loses its subject label
            if (p.startsWith('(')) {
                const qsizetype close = p.indexOf(')');
                if (close > 0)
                    p = p.mid(close + 1).trimmed();
            }
            if (!p.isEmpty())
                definitions->append(p);
        }
    };
    for (const char c : gloss) {
        if (c == '"')
            quoted = !quoted;
        if (c == ';' && !quoted) {
            flush();
            continue;
        }
        part += c;
    }
    flush();
}

bool cleanText(const QByteArray &s)
{
    for (const char c : s)
        if (uchar(c) >= 128 || c == '(' || c == ')' || c == '[' || c == ']' || c == '`')
            return false;
    return true;
}

/// `s` without its parenthesised asides ("a member of the genus Canis (probably descended from
/// the common wolf) that has been domesticated" loses the aside).
QByteArray withoutAsides(const QByteArray &s)
{
    QByteArray out;
    int depth = 0;
    for (const char c : s) {
        if (c == '(')
            ++depth;
        else if (c == ')' && depth > 0)
            --depth;
        else if (depth == 0)
            out += c;
    }
    return out.simplified().replace(" ,", ",").replace(" ;", ";");
}

int wordCount(const QByteArray &s)
{
    return int(s.count(' ')) + 1;
}

/// For each "pos offset lemma" of index.<pos>, the sense number of that synset for that lemma.
QHash<QByteArray, int> senseRanks(const QString &directory, const char *pos)
{
    QHash<QByteArray, int> ranks;
    QFile file(directory + QStringLiteral("/index.") + QLatin1String(pos));
    if (!file.open(QIODevice::ReadOnly))
        return ranks;
    const QByteArray all = file.readAll();
    qsizetype at = 0;
    while (at < all.size()) {
        qsizetype end = all.indexOf('\n', at);
        if (end < 0)
            end = all.size();
        const QByteArray line = all.mid(at, end - at);
        at = end + 1;
        if (line.isEmpty() || line.at(0) == ' ')
            continue;
        // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
        const QList<QByteArray> fields = line.trimmed().split(' ');
        if (fields.size() < 4)
            continue;
        const int synsets = fields.at(2).toInt();
        const bool tagged
            = fields.size() > synsets && fields.at(fields.size() - synsets - 1).toInt() > 0;
        for (int k = 0; k < synsets && fields.size() - synsets + k >= 0; ++k)
            ranks.insert(
                fields.at(fields.size() - synsets + k) + ' ' + fields.at(0), tagged ? k + 1 : -1);
    }
    return ranks;
}

} // namespace

QList<SourceSentence> wordNetSentences(const QString &directory)
{
    QList<SourceSentence> out;
    for (const char *pos : {"noun", "verb", "adj", "adv"}) {
        const QHash<QByteArray, int> ranks = senseRanks(directory, pos);
        QFile file(directory + QStringLiteral("/data.") + QLatin1String(pos));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray all = file.readAll();
        const char kind = pos[0] == 'n' ? 'n' : pos[0] == 'v' ? 'v' : 'a';
        qsizetype at = 0;
        while (at < all.size()) {
            qsizetype end = all.indexOf('\n', at);
            if (end < 0)
                end = all.size();
            const QByteArray line = QByteArray::fromRawData(all.constData() + at, end - at);
            at = end + 1;
            if (line.isEmpty() || line.at(0) == ' ') // the licence header
                continue;
            const qsizetype bar = line.indexOf(" | ");
            if (bar < 0)
                continue;
            // offset lex_filenum ss_type w_cnt word lex_id ...: the first word is the lemma
            const QList<QByteArray> fields = line.left(bar).split(' ');
            if (fields.size() < 6)
                continue;
            QByteArray lemma = fields.at(4);
            // The commonest sense first (index order, when SemCor tagged the senses); else the
            // sense with more links (a game of chess has its moves, the grass called chess has
            // none).
            const int rank = ranks.value(fields.at(0) + ' ' + lemma.toLower(), 0);
            const int wordCountField = 4 + 2 * fields.at(3).toInt(nullptr, 16);
            const int links
                = wordCountField < fields.size() ? fields.at(wordCountField).toInt() : 0;
            const double sense = rank > 0 ? 1.0 / rank
                : rank < 0                ? 0.4 + std::min(0.5, links / 40.0)
                                          : 0.0;
            const qsizetype marker = lemma.indexOf('(');
            if (marker > 0)
                lemma = lemma.left(marker);
            lemma.replace('_', ' ');
            if (!cleanText(lemma))
                continue;
            const QByteArray head = lemma.contains(' ') ? QByteArray() : lemma.toLower();
            QList<QByteArray> definitions;
            QList<QByteArray> examples;
            splitGloss(withoutAsides(line.mid(bar + 3).trimmed()), &definitions, &examples);
            if (!definitions.isEmpty() && cleanText(definitions.first())) {
                const QByteArray &d = definitions.first();
                QByteArray sentence;
                if (kind == 'v') {
                    sentence = "To " + lemma + " is to " + d;
                } else if (kind == 'a' || pos[1] == 'd') {
                    sentence = capitalised(lemma) + " means " + d;
                } else if (lemma.at(0) >= 'A' && lemma.at(0) <= 'Z') {
                    sentence = lemma + " is " + d;
                } else if (d.startsWith("a ") || d.startsWith("an ")) {
                    const bool vowel = QByteArray("aeiou").contains(lemma.at(0));
                    sentence = (vowel ? "An " : "A ") + lemma + " is " + d;
                } else {
                    sentence = capitalised(lemma) + " is " + d;
                }
                out.append({ended(sentence), head, sense});
                for (qsizetype k = 1; k < definitions.size(); ++k) {
                    const QByteArray &more = definitions.at(k);
                    if ((more.startsWith("a ") || more.startsWith("an ") || more.startsWith("the "))
                        && cleanText(more) && wordCount(more) >= 3)
                        out.append({ended("It is " + more), head, sense / 2});
                }
            }
            for (const QByteArray &example : std::as_const(examples))
                if (wordCount(example) >= 4 && cleanText(example))
                    out.append({ended(capitalised(example)), head, 0.0});
        }
    }
    return out;
}

} // namespace sandbox::text
