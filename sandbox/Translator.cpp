// SPDX-License-Identifier: MIT
#include "sandbox/Translator.h"

#include "sandbox/Cancellation.h"
#include "sandbox/TextSpans.h"
#include "sandbox/translation/FreeDict.h"
#include "sandbox/translation/WordByWord.h"

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sandbox {

namespace {

/// `source` without a leading label of the sandbox's own ("[de] "), so that its answer sent back
/// (the app's Swap) translates the text, not the label.
QString withoutLabel(const QString &source)
{
    static const QRegularExpression label(u"^\\[[a-z]{2}\\] "_s);
    return QString(source).remove(label);
}

QString translateWord(const QString &word, const QString &language, bool *known)
{
    static const QHash<QString, QHash<QString, QString>> dictionary{
        {u"de"_s,
            {{u"the"_s, u"die"_s},
                {u"a"_s, u"ein"_s},
                {u"and"_s, u"und"_s},
                {u"is"_s, u"ist"_s},
                {u"hello"_s, u"hallo"_s},
                {u"world"_s, u"Welt"_s},
                {u"good"_s, u"gut"_s},
                {u"morning"_s, u"Morgen"_s},
                {u"day"_s, u"Tag"_s},
                {u"i"_s, u"ich"_s},
                {u"you"_s, u"du"_s},
                {u"we"_s, u"wir"_s},
                {u"not"_s, u"nicht"_s},
                {u"with"_s, u"mit"_s},
                {u"house"_s, u"Haus"_s},
                {u"water"_s, u"Wasser"_s},
                {u"thank"_s, u"danke"_s},
                {u"yes"_s, u"ja"_s},
                {u"no"_s, u"nein"_s},
                {u"cat"_s, u"Katze"_s},
                {u"dog"_s, u"Hund"_s},
                {u"city"_s, u"Stadt"_s},
                {u"of"_s, u"von"_s},
                {u"in"_s, u"in"_s},
                {u"to"_s, u"zu"_s},
                {u"my"_s, u"mein"_s},
                {u"this"_s, u"dies"_s}}},
        {u"fr"_s,
            {{u"the"_s, u"le"_s},
                {u"a"_s, u"un"_s},
                {u"and"_s, u"et"_s},
                {u"is"_s, u"est"_s},
                {u"hello"_s, u"bonjour"_s},
                {u"world"_s, u"monde"_s},
                {u"good"_s, u"bon"_s},
                {u"day"_s, u"jour"_s},
                {u"i"_s, u"je"_s},
                {u"you"_s, u"vous"_s},
                {u"we"_s, u"nous"_s},
                {u"with"_s, u"avec"_s},
                {u"house"_s, u"maison"_s},
                {u"water"_s, u"eau"_s},
                {u"yes"_s, u"oui"_s},
                {u"no"_s, u"non"_s},
                {u"cat"_s, u"chat"_s},
                {u"dog"_s, u"chien"_s},
                {u"of"_s, u"de"_s},
                {u"in"_s, u"dans"_s},
                {u"my"_s, u"mon"_s},
                {u"city"_s, u"ville"_s}}},
        {u"es"_s,
            {{u"the"_s, u"el"_s},
                {u"a"_s, u"un"_s},
                {u"and"_s, u"y"_s},
                {u"is"_s, u"es"_s},
                {u"hello"_s, u"hola"_s},
                {u"world"_s, u"mundo"_s},
                {u"good"_s, u"bueno"_s},
                {u"day"_s, u"día"_s},
                {u"i"_s, u"yo"_s},
                {u"you"_s, u"tú"_s},
                {u"with"_s, u"con"_s},
                {u"house"_s, u"casa"_s},
                {u"water"_s, u"agua"_s},
                {u"yes"_s, u"sí"_s},
                {u"no"_s, u"no"_s},
                {u"cat"_s, u"gato"_s},
                {u"dog"_s, u"perro"_s},
                {u"of"_s, u"de"_s},
                {u"in"_s, u"en"_s},
                {u"my"_s, u"mi"_s},
                {u"city"_s, u"ciudad"_s}}},
    };
    const QString lower = word.toLower();
    const auto language_ = dictionary.constFind(language.left(2).toLower());
    if (language_ != dictionary.cend()) {
        const auto it = language_->constFind(lower);
        if (it != language_->cend()) {
            *known = true;
            QString out = it.value();
            if (word.at(0).isUpper())
                out[0] = out.at(0).toUpper();
            return out;
        }
    }
    *known = false;
    return word;
}

} // namespace

core::TranslationResponse pseudoTranslate(const QString &labelled, const QString &language)
{
    const QString source = withoutLabel(labelled);
    core::TranslationResponse response;
    QList<core::TranslationSegment> segmentsOut;
    double weighted = 0;
    double totalLength = 0;
    QStringList translated;
    for (const auto &[start, length] : segments(source, {}, u"sentence"_s, QString())) {
        const QString sentence = source.mid(start, length);
        QString out;
        int known = 0;
        int words = 0;
        QString word;
        const auto flush = [&] {
            if (word.isEmpty())
                return;
            bool isKnown = false;
            out += translateWord(word, language, &isKnown);
            known += isKnown;
            ++words;
            word.clear();
        };
        for (const QChar c : sentence) {
            if (c.isLetter()) {
                word += c;
            } else {
                flush();
                out += c;
            }
        }
        flush();
        const double score = 0.55 + 0.4 * (words ? double(known) / words : 1.0);
        segmentsOut.append({sentence, out, score, {}});
        translated.append(out);
        weighted += score * length;
        totalLength += length;
    }
    response.translation = u"[%1] "_s.arg(language) + translated.join(u' ');
    response.score = totalLength > 0 ? weighted / totalLength : 0.0;
    response.segments = segmentsOut;
    return response;
}

core::TranslationResponse translateWith(const QString &labelled,
    const QString &language,
    const translation::FreeDict *engDeu,
    const translation::FreeDict *deuEng)
{
    const QString source = withoutLabel(labelled);
    const translation::FreeDict *dict
        = language == u"de"_s ? engDeu : (language == u"en"_s ? deuEng : nullptr);
    if (!dict)
        return pseudoTranslate(source, language);
    core::TranslationResponse response;
    QList<core::TranslationSegment> segmentsOut;
    double weighted = 0;
    double totalLength = 0;
    QStringList translated;
    for (const auto &[start, length] : segments(source, {}, u"sentence"_s, QString())) {
        if (cancelled()) // the handler answers cancelledReply()
            break;
        const QString sentence = source.mid(start, length);
        const translation::SentenceTranslation out = language == u"de"_s
            ? translation::englishToGerman(sentence, *dict)
            : translation::germanToEnglish(sentence, *dict);
        const double share
            = out.words ? double(std::min(out.translated, out.words)) / out.words : 1.0;
        const double score = 0.55 + 0.4 * share;
        segmentsOut.append({sentence, out.text, score, {}});
        translated.append(out.text);
        weighted += score * length;
        totalLength += length;
    }
    response.translation = u"[%1] "_s.arg(language) + translated.join(u' ');
    response.score = totalLength > 0 ? weighted / totalLength : 0.0;
    response.segments = segmentsOut;
    return response;
}

core::TranslationResponse translate(const QString &source, const QString &language)
{
    if (language != u"de"_s && language != u"en"_s)
        return pseudoTranslate(source, language);
    const translation::FreeDict *dict = translation::FreeDict::shared(
        language == u"de"_s ? u"freedict-eng-deu"_s : u"freedict-deu-eng"_s);
    return language == u"de"_s ? translateWith(source, language, dict, nullptr)
                               : translateWith(source, language, nullptr, dict);
}

} // namespace sandbox
