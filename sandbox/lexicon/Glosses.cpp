// SPDX-License-Identifier: MIT
// WordNet's glosses, synset by synset, split into definitions and examples: the text side's view
// of the lexicon (text::wordNetSentences() makes sentences of them).
#include "sandbox/lexicon/Glosses.h"

#include <algorithm>

namespace sandbox::lexicon {

QByteArray withoutAsides(const QByteArray &text)
{
    QByteArray out;
    out.reserve(text.size());
    int depth = 0;
    for (const char c : text) {
        if (c == '(')
            ++depth;
        else if (c == ')' && depth > 0)
            --depth;
        else if (depth == 0)
            out += c;
    }
    return out.simplified().replace(" ,", ",").replace(" ;", ";");
}

namespace {

/// The definition parts of a gloss's definition text ("a; b; (law) c" → a, b, c).
QList<QByteArray> definitionParts(const QByteArray &definition)
{
    QList<QByteArray> out;
    for (QByteArray part : withoutAsides(definition).split(';')) {
        part = part.trimmed();
        if (part.startsWith('(')) { // an unclosed label the aside pass kept
            const qsizetype close = part.indexOf(')');
            if (close > 0)
                part = part.mid(close + 1).trimmed();
        }
        if (!part.isEmpty())
            out.append(part);
    }
    return out;
}

} // namespace

void forEachGloss(
    const WordNet &wordNet, PartOfSpeech pos, const std::function<void(const Gloss &)> &visit)
{
    const QByteArrayView data = wordNet.dataFile(pos);
    qsizetype at = 0;
    while (at < data.size()) {
        qsizetype end = data.indexOf('\n', at);
        if (end < 0)
            end = data.size();
        const qsizetype start = at;
        at = end + 1;
        if (end == start || data.at(start) == ' ') // the licence header
            continue;
        Gloss gloss;
        bool ok = false;
        const quint32 offset = QByteArray(data.data() + start, std::min<qsizetype>(8, end - start))
                                   .trimmed()
                                   .toUInt(&ok);
        if (!ok)
            continue;
        std::optional<Synset> synset = wordNet.synset({pos, offset});
        if (!synset || synset->words.isEmpty())
            continue;
        gloss.synset = std::move(*synset);
        gloss.lemma = gloss.synset.words.first().toUtf8();
        int tagged = 0;
        const int rank = wordNet.senseRank(gloss.synset.words.first(), gloss.synset.id, &tagged);
        gloss.senseRank = rank > 0 && tagged == 0 ? -1 : rank;
        gloss.definitions = definitionParts(gloss.synset.gloss.toUtf8());
        for (const QString &example : std::as_const(gloss.synset.examples)) {
            const QByteArray e = withoutAsides(example.toUtf8());
            if (!e.isEmpty())
                gloss.examples.append(e);
        }
        visit(gloss);
    }
}

} // namespace sandbox::lexicon
