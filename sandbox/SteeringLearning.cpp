// SPDX-License-Identifier: MIT
#include "sandbox/SteeringLearning.h"

#include "sandbox/lexicon/WordNet.h"
#include "sandbox/text/Words.h"
#include "sandbox/translation/EnglishWords.h"
#include "sandbox/translation/FreeDict.h"
#include "sandbox/translation/WordByWord.h"
#include "sandbox/translation/WordChoice.h"

#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace sandbox {

namespace {

constexpr int kMinimumExplained = 3; // word changes the dictionary must know...
constexpr double kMinimumShare = 0.4; // ... and explain this share of

/// Lower case with ä, ö, ü as a, o, u and ß as ss: "Städten" and "Stadt" meet.
QString folded(const QString &word)
{
    QString out = word.toLower();
    out.replace(u'ä', u'a').replace(u'ö', u'o').replace(u'ü', u'u').replace(u"ß"_s, u"ss"_s);
    return out;
}

/// Whether `inflected` is `base` or an inflected form of it (guter → gut, langen → lang).
bool sameWord(const QString &base, const QString &inflected)
{
    const QString a = folded(base), b = folded(inflected);
    if (a == b)
        return true;
    const QString &shorter = a.size() <= b.size() ? a : b;
    const QString &longer = a.size() <= b.size() ? b : a;
    return shorter.size() >= 3 && longer.size() - shorter.size() <= 3 && longer.startsWith(shorter);
}

/// The German of one English word alone, cased as German writes it (nouns capitalised) and with a
/// capital when `english` has one; empty when nothing of it was translated.
QString germanWord(const QString &english, const translation::FreeDict &dict)
{
    const QString lower = english.toLower();
    const translation::SentenceTranslation t = translation::englishToGerman(lower, dict);
    if (t.translated == 0 || t.words != 1)
        return {};
    QString german = t.text.trimmed();
    while (!german.isEmpty() && !german.back().isLetter())
        german.chop(1);
    if (german.isEmpty() || german.count(u' ') > 1)
        return {};
    const bool noun = !translation::english::isFunctionWord(lower)
        && translation::chooseTranslation(dict, lower, translation::Pos::Any).pos
            == translation::Pos::Noun;
    if (!noun)
        german[0] = german.at(0).toLower();
    if (english.at(0).isUpper())
        german[0] = german.at(0).toUpper();
    return german;
}

/// The most common sense of `word` (lower case) over its parts of speech: the sense ranked first
/// in the part of speech whose lemma SemCor tagged most; nullopt when WordNet lacks the word.
std::optional<lexicon::Sense> commonestSense(const lexicon::WordNet &wordNet, const QString &word)
{
    std::optional<lexicon::Sense> best;
    for (const lexicon::PartOfSpeech pos : {lexicon::PartOfSpeech::Noun,
             lexicon::PartOfSpeech::Verb,
             lexicon::PartOfSpeech::Adjective,
             lexicon::PartOfSpeech::Adverb}) {
        const QList<lexicon::Sense> senses = wordNet.senses(word, pos);
        if (!senses.isEmpty()
            && (!best || senses.first().taggedSenseCount > best->taggedSenseCount))
            best = senses.first();
    }
    return best;
}

/// `synonym` inflected as `word` is from `lemma` (regular endings only: used/use → utilized,
/// cities/city → metropolises, making/make → manufacturing); empty when the ending is irregular.
QString inflectedLike(const QString &word, const QString &lemma, const QString &synonym)
{
    if (word == lemma)
        return synonym;
    const bool e = synonym.endsWith(u'e');
    const QString stem = e ? synonym.chopped(1) : synonym;
    const bool sibilant = synonym.endsWith(u's') || synonym.endsWith(u'x')
        || synonym.endsWith(u"ch"_s) || synonym.endsWith(u"sh"_s);
    const bool consonantY = synonym.size() > 2 && synonym.endsWith(u'y')
        && !QStringView(u"aeiou").contains(synonym.at(synonym.size() - 2));
    const QString plural = consonantY ? QString(synonym.chopped(1) + u"ies"_s)
        : sibilant                    ? QString(synonym + u"es"_s)
                                      : QString(synonym + u's');
    const QString s = lemma + u's', es = lemma + u"es"_s, d = lemma + u'd', ed = lemma + u"ed"_s;
    const QString ies = lemma.endsWith(u'y') ? QString(lemma.chopped(1) + u"ies"_s) : QString();
    const QString ing = lemma + u"ing"_s;
    const QString eIng = lemma.endsWith(u'e') ? QString(lemma.chopped(1) + u"ing"_s) : QString();
    if (word == s || word == es || word == ies)
        return plural;
    if (word == d || word == ed)
        return stem + u"ed"_s;
    if (word == ing || word == eIng)
        return stem + u"ing"_s;
    return {};
}

} // namespace

LearnedSteering::LearnedSteering(
    const Tokenizer &tokenizer, QList<QPair<QString, QString>> wordChanges)
    : m_tokenizer(tokenizer)
    , m_wordChanges(std::move(wordChanges))
{}

const Replacements &LearnedSteering::replacements() const
{
    std::call_once(m_once, [this] { learn(); });
    return m_replacements;
}

bool LearnedSteering::translates() const
{
    std::call_once(m_once, [this] { learn(); });
    return m_translates;
}

double LearnedSteering::explainedByDictionary(const QList<QPair<QString, QString>> &wordChanges,
    const translation::FreeDict &dict,
    int *known)
{
    int explained = 0;
    *known = 0;
    for (const auto &[from, to] : wordChanges) {
        const QString lower = from.toLower();
        QStringList translations;
        for (const QString &lemma : translation::english::lemmaCandidates(lower)) {
            for (const translation::DictSense &sense : dict.lookup(lemma))
                for (const translation::DictTerm &term : sense.terms)
                    translations.append(term.text);
            if (!translations.isEmpty())
                break;
        }
        const QString alone = germanWord(from, dict);
        if (!alone.isEmpty())
            translations.append(alone);
        if (translations.isEmpty())
            continue;
        ++*known;
        for (const QString &t : std::as_const(translations))
            if (sameWord(t, to)) {
                ++explained;
                break;
            }
    }
    return *known == 0 ? 0.0 : double(explained) / double(*known);
}

void LearnedSteering::learn() const
{
    const translation::FreeDict *dict = translation::FreeDict::shared(u"freedict-eng-deu"_s);
    int known = 0;
    const double share = dict ? explainedByDictionary(m_wordChanges, *dict, &known) : 0.0;
    if (known < kMinimumExplained || share < kMinimumShare) {
        learnSynonyms();
        return;
    }
    m_translates = true;
    // Every word of the vocabulary, with and without its leading space.
    for (int k = 0; k < m_tokenizer.wordCount(); ++k) {
        const qint64 spaced = 257 + 2 * qint64(k); // Tokenizer: two ids per word-list word
        const QString english = QString::fromUtf8(m_tokenizer.bytes(spaced).mid(1));
        // Function words only as the examples have them: alone, their German depends on the
        // sentence ("in" may be "in", "an" or "im").
        if (translation::english::isFunctionWord(english.toLower()))
            continue;
        const QString german = germanWord(english, *dict);
        if (german.isEmpty() || german.compare(english, Qt::CaseInsensitive) == 0)
            continue;
        m_replacements.append({spaced, m_tokenizer.encodeIds(u' ' + german)});
        m_replacements.append({spaced + 1, m_tokenizer.encodeIds(german)});
    }
}

double LearnedSteering::explainedBySynonyms(const QList<QPair<QString, QString>> &wordChanges,
    const lexicon::WordNet &wordNet,
    int *known,
    double *lengthChange)
{
    int explained = 0;
    double change = 0;
    *known = 0;
    for (const auto &[from, to] : wordChanges) {
        const QString lower = from.toLower();
        if (text::isStopword(lower.toUtf8()) || !wordNet.contains(lower))
            continue;
        ++*known;
        const std::optional<QString> toLemma = wordNet.lemma(to.toLower());
        const QStringList synonyms = wordNet.synonyms(lower);
        if (toLemma && synonyms.contains(*toLemma, Qt::CaseInsensitive)) {
            ++explained;
            change += double(to.size() - from.size());
        }
    }
    *lengthChange = explained == 0 ? 0.0 : change / explained;
    return *known == 0 ? 0.0 : double(explained) / double(*known);
}

void LearnedSteering::learnSynonyms() const
{
    const lexicon::WordNet *wordNet = lexicon::WordNet::shared();
    if (!wordNet)
        return;
    int known = 0;
    double lengthChange = 0;
    const double share = explainedBySynonyms(m_wordChanges, *wordNet, &known, &lengthChange);
    if (known < kMinimumExplained || share < kMinimumShare || std::abs(lengthChange) < 1.0)
        return;
    m_synonyms = true;
    // Every content word of the vocabulary: the synonym of its commonest sense that changes its
    // length most like the pairs' synonyms do (longer or shorter, by about as much).
    for (int k = 0; k < m_tokenizer.wordCount(); ++k) {
        const qint64 spaced = 257 + 2 * qint64(k); // Tokenizer: two ids per word-list word
        const QString word = QString::fromUtf8(m_tokenizer.bytes(spaced).mid(1));
        if (word.size() < 3 || !word.at(0).isLower() || text::isStopword(word.toUtf8()))
            continue;
        const std::optional<lexicon::Sense> sense = commonestSense(*wordNet, word);
        if (!sense)
            continue;
        const QString lemma = sense->lemma.toLower();
        QString best;
        double bestDistance = 1e9;
        for (const QString &synonym : sense->synset.words) {
            const double change = double(synonym.size() - lemma.size());
            // the same way as the pairs' (longer or shorter), by two letters or more
            const bool sameWay = (lengthChange > 0 ? change : -change) >= 2.0;
            if (synonym.toLower() == lemma || !synonym.at(0).isLower() || synonym.contains(u' ')
                || synonym.contains(u'-') || !sameWay)
                continue;
            const double distance = std::abs(change - lengthChange);
            if (distance < bestDistance) {
                best = synonym;
                bestDistance = distance;
            }
        }
        const QString written = best.isEmpty() ? QString() : inflectedLike(word, lemma, best);
        if (written.isEmpty())
            continue;
        m_replacements.append({spaced, m_tokenizer.encodeIds(u' ' + written)});
        m_replacements.append({spaced + 1, m_tokenizer.encodeIds(written)});
    }
}

} // namespace sandbox
