// SPDX-License-Identifier: MIT
#include "sandbox/Tokenizer.h"

namespace sandbox {

namespace {

bool isAlnum(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z');
}

int alphabetIndex(char16_t u)
{
    if (u <= u'9')
        return u - u'0';
    if (u <= u'Z')
        return 10 + (u - u'A');
    return 36 + (u - u'a');
}

char alphabetChar(int index)
{
    if (index < 10)
        return char('0' + index);
    if (index < 36)
        return char('A' + index - 10);
    return char('a' + index - 36);
}

/// GPT-2's byte-to-character table: printable bytes stand for themselves, the others are moved to
/// U+0100 and up, so every token has a visible form ("Ġ" is the space, "Ċ" the newline).
QChar byteForm(uchar byte)
{
    static const QList<QChar> table = [] {
        QList<QChar> t(256);
        QList<bool> direct(256, false);
        for (int b = '!'; b <= '~'; ++b)
            direct[b] = true;
        for (int b = 0xA1; b <= 0xAC; ++b)
            direct[b] = true;
        for (int b = 0xAE; b <= 0xFF; ++b)
            direct[b] = true;
        int next = 0;
        for (int b = 0; b < 256; ++b)
            t[b] = direct.at(b) ? QChar(b) : QChar(256 + next++);
        return t;
    }();
    return table.at(byte);
}

} // namespace

Tokenizer::Tokenizer(const QStringList &words)
    : m_words(words)
{
    for (int i = 0; i < m_words.size(); ++i)
        m_wordIndex.insert(m_words.at(i), i);
    m_pieceBase = m_wordBase + 2 * qint64(m_words.size());
}

qint64 Tokenizer::wordId(const QString &word, bool leadingSpace) const
{
    const auto it = m_wordIndex.constFind(word);
    if (it == m_wordIndex.cend())
        return -1;
    return m_wordBase + 2 * qint64(it.value()) + (leadingSpace ? 0 : 1);
}

void Tokenizer::appendRun(
    QList<TextToken> &out, const QString &text, int start, int end, bool space) const
{
    const int wordStart = start + (space ? 1 : 0);
    const qint64 word = wordId(text.mid(wordStart, end - wordStart), space);
    if (word >= 0) {
        out.append({word, start, end - start});
        return;
    }
    bool first = true;
    for (int i = wordStart; i < end; i += 3) {
        const int length = std::min(3, end - i);
        qint64 value = length == 1 ? 0
            : length == 2          ? kAlphabet
                                   : kAlphabet + kAlphabet * kAlphabet;
        qint64 scale = 1;
        for (int k = 0; k < length; ++k) {
            value += alphabetIndex(text.at(i + k).unicode()) * scale;
            scale *= kAlphabet;
        }
        const bool withSpace = first && space;
        const int tokenStart = withSpace ? start : i;
        out.append(
            {m_pieceBase + 2 * value + (withSpace ? 0 : 1), tokenStart, i + length - tokenStart});
        first = false;
    }
}

QList<TextToken> Tokenizer::encode(const QString &text) const
{
    QList<TextToken> out;
    out.reserve(text.size() / 3 + 1);
    const int n = int(text.size());
    int i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        const bool spacedWord = c == u' ' && i + 1 < n && isAlnum(text.at(i + 1));
        if (spacedWord || isAlnum(c)) {
            int j = spacedWord ? i + 1 : i;
            while (j < n && isAlnum(text.at(j)))
                ++j;
            appendRun(out, text, i, j, spacedWord);
            i = j;
            continue;
        }
        const int length
            = (c.isHighSurrogate() && i + 1 < n && text.at(i + 1).isLowSurrogate()) ? 2 : 1;
        const QByteArray utf8 = text.mid(i, length).toUtf8();
        for (const char byte : utf8)
            out.append({1 + qint64(uchar(byte)), i, length});
        i += length;
    }
    return out;
}

QList<qint64> Tokenizer::encodeIds(const QString &text) const
{
    const QList<TextToken> tokens = encode(text);
    QList<qint64> ids;
    ids.reserve(tokens.size());
    for (const TextToken &t : tokens)
        ids.append(t.id);
    return ids;
}

QByteArray Tokenizer::bytes(qint64 id) const
{
    if (id <= 0 || id >= vocabularySize())
        return {};
    if (id <= 256)
        return QByteArray(1, char(id - 1));
    if (id < m_pieceBase) {
        const qint64 k = id - m_wordBase;
        const QByteArray word = m_words.at(k / 2).toLatin1();
        return k % 2 == 0 ? ' ' + word : word;
    }
    const qint64 k = id - m_pieceBase;
    qint64 value = k / 2;
    int length = 1;
    if (value >= kAlphabet + kAlphabet * kAlphabet) {
        length = 3;
        value -= kAlphabet + kAlphabet * kAlphabet;
    } else if (value >= kAlphabet) {
        length = 2;
        value -= kAlphabet;
    }
    QByteArray out = k % 2 == 0 ? QByteArray(" ") : QByteArray();
    for (int i = 0; i < length; ++i) {
        out += alphabetChar(int(value % kAlphabet));
        value /= kAlphabet;
    }
    return out;
}

std::optional<QString> Tokenizer::decode(const QList<qint64> &ids, QString *error) const
{
    QByteArray utf8;
    for (const qint64 id : ids) {
        if (!isValid(id)) {
            if (error)
                *error = QStringLiteral("token id %1 is not in the vocabulary (0..%2)")
                             .arg(id)
                             .arg(vocabularySize() - 1);
            return std::nullopt;
        }
        utf8 += bytes(id);
    }
    return QString::fromUtf8(utf8);
}

QString Tokenizer::text(qint64 id) const
{
    if (id == kEndOfText)
        return QStringLiteral("<|endoftext|>");
    return QString::fromUtf8(bytes(id));
}

QString Tokenizer::displayForm(qint64 id) const
{
    if (id == kEndOfText)
        return QStringLiteral("<|endoftext|>");
    QString out;
    for (const char byte : bytes(id))
        out += byteForm(uchar(byte));
    return out;
}

} // namespace sandbox
