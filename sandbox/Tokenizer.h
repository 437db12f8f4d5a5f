// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace sandbox {

/// One token of a text, with the characters it covers.
struct TextToken
{
    qint64 id = 0;
    int start = 0; ///< first UTF-16 code unit in the text
    int length = 0; ///< code units covered (a multi-byte character's bytes all cover the character)
};

/// The sandbox's deterministic, invertible tokenizer. Not any real model's vocabulary, but shaped
/// like one: a word with its leading space is one token when it is in the built-in word list
/// (" the", " model"); other runs of ASCII letters and digits are cut into pieces of up to three
/// characters (" Pra", "gue"); everything else is byte tokens of its UTF-8 form. Token strings use
/// the byte-level form of the real API's /tokenize ("Ġhello" for " hello").
///
/// Ids: 0 is end-of-text; 1..256 are the bytes 0..255; then two per word-list entry (with and
/// without leading space); then two per piece. Every id below vocabularySize() decodes.
class Tokenizer
{
public:
    static constexpr qint64 kEndOfText = 0;

    /// `words`: the word list, letters only, no duplicates; its order fixes the ids.
    explicit Tokenizer(const QStringList &words);

    QList<TextToken> encode(const QString &text) const;
    QList<qint64> encodeIds(const QString &text) const;
    /// The text of the ids; nullopt with a message naming the first id out of range.
    std::optional<QString> decode(const QList<qint64> &ids, QString *error) const;
    /// UTF-8 bytes of one token (empty for end-of-text; invalid ids give empty).
    QByteArray bytes(qint64 id) const;
    /// Text of one token as the API shows it in log_probs (" writer"); a lone byte of a multi-byte
    /// character shows as U+FFFD.
    QString text(qint64 id) const;
    /// Byte-level form as /tokenize shows it ("Ġwriter", "Ċ").
    QString displayForm(qint64 id) const;
    qint64 vocabularySize() const { return m_pieceBase + 2 * kPieceCount; }
    bool isValid(qint64 id) const { return id >= 0 && id < vocabularySize(); }
    /// The id of a word-list word, with or without its leading space; -1 when not in the list.
    qint64 wordId(const QString &word, bool leadingSpace) const;
    /// Whether `id` is a word-list token (" the", "the"), which /tokenize gives only for a whole
    /// run of letters and digits; the other ids are end-of-text, bytes and pieces.
    bool isWord(qint64 id) const { return id >= m_wordBase && id < m_pieceBase; }
    int wordCount() const { return int(m_words.size()); }

private:
    static constexpr int kAlphabet = 62; // 0-9 A-Z a-z
    static constexpr qint64 kPieceCount
        = kAlphabet + kAlphabet * kAlphabet + qint64(kAlphabet) * kAlphabet * kAlphabet;
    void appendRun(
        QList<TextToken> &out, const QString &text, int start, int end, bool space) const;

    QStringList m_words;
    QHash<QString, int> m_wordIndex;
    qint64 m_wordBase = 257;
    qint64 m_pieceBase = 0;
};

} // namespace sandbox
