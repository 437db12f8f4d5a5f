// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace sandbox::translation {

/// One translation of a FreeDict sense: `Hund <masc>` → text "Hund", tags {"masc"};
/// `essen <v, intr, v, trans>` → "essen", {"v", "intr", "v", "trans"}; bracketed domain or
/// register labels (`[ugs.]`) are left out of `text`.
struct DictTerm
{
    QString text;
    QStringList tags;
    QStringList labels; ///< the `[...]` within this term ("[zool.]" of `Hund <masc> [zool.]`)
    bool hasTag(const QString &tag) const { return tags.contains(tag); }
};

/// One entry (sense) of a FreeDict dictionary in the dictd TEI rendering Debian ships:
/// ```
/// dog /dˈɒɡ/ <n>
/// Hund <masc> [zool.]
///       "train a dog"  - einen Hund abrichten
///  see: {dogs}
/// ```
struct DictSense
{
    QString headword; ///< as the entry writes it (first line, before the pronunciation)
    QStringList
        headwordTags; ///< the `<...>` of the first line: "v", or "masc", "n", "sg" (deu-eng)
    QList<DictTerm> terms; ///< the comma-separated translations of the second line, in order
    QStringList labels; ///< every `[...]` label of the translation line: "zool.", "ugs.", "Br."
    QStringList notes; ///< `Note:` lines
    int examples = 0; ///< quoted example lines (a rough measure of how common the sense is)
};

/// A FreeDict dictionary in dictd format (`<name>.index` and `<name>.dict.dz`), read lazily: the
/// index is loaded in memory (about 10 MB for eng-deu), the dictzip data is inflated one chunk
/// (~58 KB) at a time on lookup. Immutable after open(), so lookups may run on any thread.
class FreeDict
{
public:
    /// Opens `<directory>/<name>.index` and `<name>.dict.dz` (e.g. "/usr/share/dictd",
    /// "freedict-eng-deu"). Null with `*error` set when a file is missing or not dictd/dictzip.
    static std::unique_ptr<FreeDict> open(
        const QString &directory, const QString &name, QString *error = nullptr);

    /// The process-wide dictionary `name` from dataDirectory(), opened on first use (by the
    /// calling thread; callers are the sandbox's worker threads, never the GUI thread). Null
    /// when its data is absent; the answer is then the same for the rest of the process.
    static const FreeDict *shared(const QString &name);

    /// Where shared() reads: $ALEPH_FREEDICT_DIR when set, else /usr/share/dictd (Debian's
    /// dict-freedict-eng-deu and dict-freedict-deu-eng).
    static QString dataDirectory();

    /// The senses whose headword is `word` (exactly when `exactCase`, else ignoring case), in
    /// dictionary order; entries the index lists under `word` that are abbreviations of other
    /// headwords are left out. Empty when unknown or the data cannot be read.
    QList<DictSense> lookup(const QString &word, bool exactCase = false) const;

    /// Whether `word` is a headword (ignoring case), without reading the data.
    bool contains(const QString &word) const;

    int headwordCount() const { return int(m_lines.size()); }
    /// A number no other FreeDict of the process has: the key of per-thread caches.
    quint64 id() const { return m_id; }

    ~FreeDict();

private:
    FreeDict() = default;
    QByteArray readData(qint64 offset, qint64 length) const;
    std::pair<size_t, size_t> range(const QByteArray &key) const;

    quint64 m_id = 0;
    QByteArray m_index; // the .index file
    std::vector<quint32> m_lines; // start of each index line, sorted by lower-cased headword
    QString m_dictPath;
    qint64 m_dataStart = 0; // file offset of the first compressed chunk
    qint64 m_chunkLength = 0; // uncompressed bytes per chunk
    std::vector<qint64> m_chunkOffsets; // file offset of each compressed chunk, plus the end
};

/// Parses one entry's text (exposed for tests).
DictSense parseSense(const QString &text);

} // namespace sandbox::translation
