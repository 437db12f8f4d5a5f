// SPDX-License-Identifier: MIT
#include "sandbox/HuggingFaceTokenizer.h"

#include <QList>
#include <QString>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sandbox {

namespace {

/// The normalizer puts this after a short word that is a whole run, so that the word and the piece
/// with its bytes differ; the decoder drops it.
constexpr char16_t kWordMarker = u'\uE000';
/// After the byte tokens of ASCII letters and digits, which encoding never gives (a letter is a
/// piece), so that they do not collide with the one-letter pieces and every id still decodes.
constexpr char16_t kByteMarker = u'\uE001';
/// The longest piece (Tokenizer: pieces of up to three letters or digits).
constexpr int kLongestPiece = 3;

const QString kAlnum = u"A-Za-z0-9"_s;

/// `text` as a JSON string literal.
void appendJsonString(QByteArray &out, const QString &text)
{
    out += '"';
    for (const char byte : text.toUtf8()) {
        const uchar u = uchar(byte);
        if (u == '"' || u == '\\') {
            out += '\\';
            out += byte;
        } else if (u < 0x20) {
            out += "\\u00";
            out += QByteArray::number(u, 16).rightJustified(2, '0');
        } else {
            out += byte;
        }
    }
    out += '"';
}

/// The byte-level form of `c`'s UTF-8 bytes, as ByteLevel makes it.
QString byteLevelForm(const Tokenizer &tokenizer, QChar c)
{
    QString out;
    for (const char byte : QString(c).toUtf8())
        out += tokenizer.displayForm(1 + qint64(uchar(byte)));
    return out;
}

bool isAlnumByte(uchar b)
{
    return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
}

} // namespace

QByteArray huggingFaceTokenizerJson(const Tokenizer &tokenizer)
{
    // The word list, from the word ids (with and without their leading space).
    QStringList shortWords;
    QStringList longWords;
    int longest = 0;
    for (qint64 id = 1; id < tokenizer.vocabularySize(); ++id) {
        if (!tokenizer.isWord(id))
            continue;
        const QString text = tokenizer.text(id);
        if (text.startsWith(u' '))
            continue;
        (text.size() <= kLongestPiece ? shortWords : longWords).append(text);
        longest = std::max(longest, int(text.size()));
    }
    // Longest first: fewer retries in the alternation (any order gives the same split).
    const auto byLength = [](const QString &a, const QString &b) {
        return a.size() > b.size() || (a.size() == b.size() && a < b);
    };
    std::sort(shortWords.begin(), shortWords.end(), byLength);
    std::sort(longWords.begin(), longWords.end(), byLength);

    const QString notAfterAlnum = u"(?<![%1])"_s.arg(kAlnum);
    const QString notBeforeAlnum = u"(?![%1])"_s.arg(kAlnum);
    QStringList alternatives;
    if (!shortWords.isEmpty())
        alternatives.append(u" ?"_s + notAfterAlnum + u"(?:"_s + shortWords.join(u'|') + u")"_s
            + QChar(kWordMarker));
    if (!longWords.isEmpty())
        alternatives.append(
            u" ?"_s + notAfterAlnum + u"(?:"_s + longWords.join(u'|') + u")"_s + notBeforeAlnum);
    alternatives.append(u" ?[%1]{1,%2}"_s.arg(kAlnum).arg(kLongestPiece));
    alternatives.append(u"[^%1]"_s.arg(kAlnum));
    const QString splitPattern = alternatives.join(u'|');

    const QString wordMarkerForm = byteLevelForm(tokenizer, QChar(kWordMarker));
    const QString byteMarkerForm = byteLevelForm(tokenizer, QChar(kByteMarker));

    QByteArray out;
    out.reserve(8 << 20);
    out += R"({"version":"1.0","truncation":null,"padding":null,"added_tokens":[{"id":0,"content":)";
    appendJsonString(out, tokenizer.displayForm(Tokenizer::kEndOfText));
    out += R"(,"single_word":false,"lstrip":false,"rstrip":false,"normalized":false,"special":true}],)";

    out += R"("normalizer":{"type":"Sequence","normalizers":[)";
    for (qsizetype i = 0; i < shortWords.size(); ++i) {
        if (i > 0)
            out += ',';
        out += R"({"type":"Replace","pattern":{"Regex":)";
        appendJsonString(out, notAfterAlnum + shortWords.at(i) + notBeforeAlnum);
        out += R"(},"content":)";
        appendJsonString(out, shortWords.at(i) + QChar(kWordMarker));
        out += '}';
    }
    out += "]},";

    out += R"("pre_tokenizer":{"type":"Sequence","pretokenizers":[{"type":"Split","pattern":{"Regex":)";
    appendJsonString(out, splitPattern);
    out += R"(},"behavior":"Isolated","invert":false},)"
           R"({"type":"ByteLevel","add_prefix_space":false,"trim_offsets":true,"use_regex":false}]},)";
    out += R"("post_processor":null,)";
    out += R"("decoder":{"type":"Sequence","decoders":[)";
    for (const QString &marker : {wordMarkerForm, byteMarkerForm}) {
        out += R"({"type":"Replace","pattern":{"String":)";
        appendJsonString(out, marker);
        out += R"(},"content":""},)";
    }
    out += R"({"type":"ByteLevel","add_prefix_space":false,"trim_offsets":true,"use_regex":false}]},)";

    out += R"("model":{"type":"WordPiece","unk_token":)";
    appendJsonString(out, tokenizer.displayForm(Tokenizer::kEndOfText));
    out += R"(,"continuing_subword_prefix":"","max_input_chars_per_word":)";
    out += QByteArray::number(std::max(100, longest + 8));
    out += R"(,"vocab":{)";
    for (qint64 id = 0; id < tokenizer.vocabularySize(); ++id) {
        QString key = tokenizer.displayForm(id);
        if (tokenizer.isWord(id) && tokenizer.bytes(id).trimmed().size() <= kLongestPiece)
            key += wordMarkerForm;
        else if (id >= 1 && id <= 256 && isAlnumByte(uchar(id - 1)))
            key += byteMarkerForm;
        if (id > 0)
            out += ',';
        appendJsonString(out, key);
        out += ':';
        out += QByteArray::number(id);
    }
    out += "}}}";
    return out;
}

} // namespace sandbox
