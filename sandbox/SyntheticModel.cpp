// SPDX-License-Identifier: MIT
// The SyntheticModel's construction: its vocabulary (the project's corpus, extra words, the
// styles' words), the word-pair back-off model, the styles resolved to tokens; contextOf() and the
// Scores' log-probabilities. The rest of the model: see model/ModelParts.h.
#include "sandbox/SyntheticModel.h"

#include "sandbox/Corpus.h"
#include "sandbox/model/ModelParts.h"
#include "sandbox/text/Styles.h"
#include "sandbox/text/Words.h"

#include <algorithm>
#include <cmath>

namespace sandbox {

using namespace model;

namespace {

QStringList vocabularyWords()
{
    QSet<QString> seen;
    QStringList words;
    const auto add = [&](const QString &word) {
        if (!word.isEmpty() && !seen.contains(word)) {
            seen.insert(word);
            words.append(word);
        }
    };
    const auto addText = [&](const QString &text) {
        QString word;
        for (const QChar c : text) {
            if (c.unicode() < 128 && c.isLetter()) {
                word += c;
            } else {
                add(word);
                word.clear();
            }
        }
        add(word);
    };
    for (const QString &paragraph : corpusParagraphs())
        addText(paragraph);
    for (const QString &word : extraWords())
        add(word);
    for (const text::Style &style : text::builtInStyles()) {
        for (const auto &replacement : style.replacements)
            addText(replacement.second);
        for (const QString &opener : style.openers)
            addText(opener);
    }
    std::sort(words.begin(), words.end());
    return words;
}

} // namespace

double Generation::logProbability() const
{
    double sum = 0;
    for (const double lp : logProbs)
        sum += lp;
    return sum;
}

SyntheticModel::SyntheticModel()
    : m_tokenizer(vocabularyWords())
{
    for (qint64 k = 0; k < m_tokenizer.wordCount(); ++k)
        m_lowerWords.append(m_tokenizer.bytes(257 + 2 * k).mid(1).toLower());
    for (const QString &paragraph : corpusParagraphs()) {
        QList<qint64> ids = m_tokenizer.encodeIds(QLatin1Char(' ') + paragraph);
        ids.append(Tokenizer::kEndOfText);
        qint64 prev = Tokenizer::kEndOfText;
        for (const qint64 id : std::as_const(ids)) {
            m_bigrams[prev][id] += 1;
            m_prevTotals[prev] += 1;
            m_unigrams[id] += 1;
            m_unigramTotal += 1;
            prev = id;
        }
    }
    QList<QPair<double, qint64>> byCount;
    for (auto it = m_unigrams.cbegin(); it != m_unigrams.cend(); ++it)
        if (it.key() != Tokenizer::kEndOfText)
            byCount.append({it.value(), it.key()});
    std::sort(byCount.begin(), byCount.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    for (qsizetype i = 0; i < std::min<qsizetype>(24, byCount.size()); ++i)
        m_frequent.append(byCount.at(i).second);

    for (const text::Style &style : text::builtInStyles()) {
        ResolvedStyle resolved;
        for (const QString &cue : style.cues)
            resolved.cues.insert(text::wordHash(cue.toUtf8()));
        for (const auto &[from, to] : style.replacements) {
            const QList<qint64> fromIds = m_tokenizer.encodeIds(from);
            if (fromIds.size() == 1)
                resolved.replacements.append({fromIds.first(), m_tokenizer.encodeIds(to)});
        }
        const auto keepWords = [this](const QString &text) {
            text::forEachWord(text.toUtf8(),
                [this](QByteArrayView word) { m_styleWords.insert(text::wordHash(word)); });
        };
        for (const auto &replacement : style.replacements)
            keepWords(replacement.second);
        for (const QString &opener : style.openers) {
            keepWords(opener);
            resolved.openers.append(m_openers.size());
            m_openers.append(
                std::make_shared<const Source>(makeSource((QLatin1Char(' ') + opener).toUtf8())));
        }
        resolved.endBoost = style.endBoost;
        m_styles.append(resolved);
    }
}

QList<ContextToken> SyntheticModel::contextOf(const QString &text) const
{
    QList<ContextToken> context;
    for (const qint64 id : m_tokenizer.encodeIds(text))
        context.append({id, 1.0});
    return context;
}

double SyntheticModel::Scores::logProbAt(qsizetype index) const
{
    const double candidate = std::exp(logits.at(index) - logNormalizer);
    return std::log((1.0 - floorMass) * candidate + floorMass / double(vocabularySize));
}

qsizetype SyntheticModel::Scores::indexOf(qint64 id) const
{
    return ids.indexOf(id);
}

double SyntheticModel::Scores::logProb(qint64 id) const
{
    const qsizetype index = indexOf(id);
    if (index >= 0)
        return logProbAt(index);
    return std::log(floorMass / double(vocabularySize));
}

} // namespace sandbox
