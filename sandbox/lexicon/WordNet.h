// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QFile;

namespace sandbox::lexicon {

/// A WordNet part of speech: which index.<pos> / data.<pos> pair a word or synset lives in.
/// Satellite adjectives (ss_type `s`) are Adjective.
enum class PartOfSpeech { Noun, Verb, Adjective, Adverb };

/// "noun", "verb", "adj", "adv": the file suffix of the part of speech.
QString toString(PartOfSpeech pos);

/// A synset's address: its part of speech and the byte offset of its line in data.<pos> (the
/// `synset_offset` of wndb(5WN)). Stable for one WordNet release (Debian's wordnet-base is 3.0).
struct SynsetId
{
    PartOfSpeech pos = PartOfSpeech::Noun;
    quint32 offset = 0;

    bool operator==(const SynsetId &other) const
    {
        return pos == other.pos && offset == other.offset;
    }
    bool operator!=(const SynsetId &other) const { return !(*this == other); }
    /// A key unique over the four data files: offset × 4 + part of speech.
    quint64 key() const { return quint64(offset) * 4 + quint64(pos); }
};

inline size_t qHash(const SynsetId &id, size_t seed = 0)
{
    return ::qHash(id.key(), seed);
}

/// One pointer of a synset line (wndb(5WN)): its symbol (`@` hypernym, `@i` instance hypernym,
/// `~` hyponym, `;c` topic domain, `-c` member of a topic domain, `#m`/`#p`/`#s` holonyms,
/// `%m`/`%p`/`%s` meronyms, `+` derivation, `&` similar, `\` pertainym, `=` attribute...) and the
/// synset it points to. `lexical` when it links single words of the two synsets, not the synsets.
struct Pointer
{
    QString symbol;
    SynsetId target;
    bool lexical = false;
};

/// One synset, parsed from its line in data.<pos>.
struct Synset
{
    SynsetId id;
    /// The lexicographer file (wninput(5WN)), 0..44: a coarse topic such as 13 "noun.food",
    /// 18 "noun.person", 21 "noun.possession", 33 "verb.competition". See lexFileName().
    int lexFile = 0;
    /// The synonyms of the synset, as WordNet writes them with `_` turned into spaces, in the
    /// file's order (the first is the synset's head word); adjective markers like `(p)` removed.
    QStringList words;
    QList<Pointer> pointers;
    /// The definition: the gloss up to its first quoted example, without the trailing `;`.
    QString gloss;
    /// The quoted usage examples of the gloss, without their quotes.
    QStringList examples;

    /// The synset's hypernyms (`@` and instance hypernyms `@i`).
    QList<SynsetId> hypernyms() const;
    /// The synset's topic domains (`;c`, e.g. "verdict" → "law, jurisprudence").
    QList<SynsetId> topicDomains() const;
    /// The targets of the pointers whose symbol is `symbol`, in the line's order.
    QList<SynsetId> targets(const QString &symbol) const;
};

/// The lexicographer file name of `lexFile` ("noun.food", "verb.motion"...); empty outside 0..44.
QString lexFileName(int lexFile);

/// One sense of a word: the synset, with its rank among the word's senses in that part of speech
/// (1 = the most frequent sense, WordNet's sense order) and the lemma it was found under.
struct Sense
{
    QString lemma;
    int rank = 1;
    /// How many senses the lemma has in this part of speech.
    int senseCount = 1;
    /// The lemma's tagsense_cnt in this part of speech: how many of its senses were seen in the
    /// tagged SemCor corpus (0 for rare words). A hint of how common the word is in that role.
    int taggedSenseCount = 0;
    Synset synset;
};

/// Princeton WordNet read straight from its database files (Debian's `wordnet-base`:
/// /usr/share/wordnet/index.{noun,verb,adj,adv}, data.*, *.exc), without a copy in memory:
/// the files are memory-mapped, words are found by binary search in the sorted index files and
/// synsets by their byte offset in the data files, like WordNet's own library. Loading maps the
/// eight files and reads the four exception lists (a few milliseconds); lookups parse lines on
/// demand (microseconds), so callers cache what they use often.
///
/// Lookups are lower-case insensitive (`Dogs` finds `dog`), take words with spaces or `_` for
/// collocations ("olive oil"), and reduce inflected forms to their lemmas the way WordNet's
/// morphy() does (exception lists first, then the detachment rules of each part of speech).
///
/// All const methods are thread-safe. The shared instance (shared()) is loaded once per process,
/// on a thread of its own; nullptr when the data is absent, and the sandbox then falls back to
/// character features (status() says which).
class WordNet
{
public:
    ~WordNet();
    WordNet(const WordNet &) = delete;
    WordNet &operator=(const WordNet &) = delete;

    /// The folder the shared instance reads: $ALEPH_WORDNET_DIR when set, else /usr/share/wordnet.
    static QString defaultDirectory();
    /// Opens the database in `directory`. nullptr with a message in `*error` when a file is
    /// missing or unreadable.
    static std::unique_ptr<WordNet> open(const QString &directory, QString *error = nullptr);

    /// Starts loading the shared instance on a background thread (once per process); returns at
    /// once. Call it early (the sandbox does when it starts) so the first lookup does not wait.
    static void preload();
    /// The shared instance of defaultDirectory(): waits for the load preload() started (starting
    /// it first if needed, on a background thread, never on the caller's). nullptr when absent.
    static const WordNet *shared();
    /// True when shared()'s load has finished (with or without data); never blocks.
    static bool sharedReady();
    /// One line for logs and labels: "WordNet 3.0 from /usr/share/wordnet" or why it is absent
    /// ("WordNet data not found in ...: character features only"). Waits for the load.
    static QString status();

    /// The folder this instance reads.
    QString directory() const { return m_directory; }
    /// The bytes of data.<pos> as they are on disk (license header, then one synset a line), for
    /// passes over the whole database; valid as long as this instance.
    QByteArrayView dataFile(PartOfSpeech pos) const;
    /// Lets the system drop the pages of the memory-mapped files this process has read (Linux:
    /// madvise MADV_DONTNEED; elsewhere nothing). Lookups stay valid and read them again from the
    /// page cache. Called after a pass over the whole database, so an idle process does not keep
    /// ~25 MB of WordNet resident (issue 22, idle memory).
    void releaseResidentPages() const;

    /// The base forms of `word` in `pos` that are in the index, morphy-like: the word itself when
    /// indexed, its exception-list entries, then the forms the detachment rules give ("dogs" →
    /// dog, "churches" → church, "running" → run, "better" → good (exception), "bigger" → big).
    /// Lower-cased, `_` for spaces; empty when none is known.
    QStringList lemmas(const QString &word, PartOfSpeech pos) const;
    /// The lemma of `word` in any part of speech: of all lemmas() of the four parts of speech, the
    /// one with the most tagged senses (the most common reading: "banks" → bank, not the rare
    /// noun "banks"; ties go to noun, verb, adjective, adverb in that order), with spaces for
    /// `_`; nullopt when WordNet does not know the word.
    std::optional<QString> lemma(const QString &word) const;
    /// True when `word` (any inflection, any part of speech) is known.
    bool contains(const QString &word) const { return lemma(word).has_value(); }

    /// The senses of `word` in `pos`, over all its lemmas, in WordNet's sense order (most common
    /// first).
    QList<Sense> senses(const QString &word, PartOfSpeech pos) const;
    /// The senses of `word` in every part of speech: nouns, verbs, adjectives, adverbs, each in
    /// sense order.
    QList<Sense> senses(const QString &word) const;
    /// The synsets of senses(), in the same order.
    QList<Synset> synsets(const QString &word) const;
    /// The synonyms of `word`: the other words of its synsets, in sense order, each once, without
    /// the word's own lemmas.
    QStringList synonyms(const QString &word) const;

    /// The synset at `id`; nullopt when the offset is not the start of a synset line.
    std::optional<Synset> synset(SynsetId id) const;
    /// The hypernym chains of `synset` up to a root ("entity" for nouns): one chain per path,
    /// each from the direct hypernym upwards, at most `maxChains` chains (multiple inheritance
    /// makes a few), each at most 32 long. Empty for a root and for most adjectives/adverbs.
    QList<QList<Synset>> hypernymChains(const Synset &synset, int maxChains = 4) const;
    /// The topic domains of `synset` (`;c`: "verdict" → "law, jurisprudence"), and when it has
    /// none, those of its nearest hypernyms that have some, up to `maxDepth` hypernym steps away
    /// ("trespass" → "tort" → law). Empty when none is that close.
    QList<Synset> topicDomains(const Synset &synset, int maxDepth = 3) const;
    /// Where synset `id` stands among the senses of `lemma` (any case, spaces or `_`) in its part
    /// of speech, by index.<pos>: 1 for the most common sense, 2 for the next...; 0 when the index
    /// does not list it under `lemma`. `taggedSenseCount`, when given, receives the lemma's
    /// tagsense_cnt (0 when SemCor tagged none of its senses: then the order says little).
    int senseRank(const QString &lemma, SynsetId id, int *taggedSenseCount = nullptr) const;

private:
    WordNet() = default;

    struct File;
    /// The line of `lemma` (lower case, `_` for spaces) in index.<pos>; empty when absent.
    QByteArray indexLine(PartOfSpeech pos, const QByteArray &lemma) const;
    bool indexed(PartOfSpeech pos, const QByteArray &lemma) const
    {
        return !indexLine(pos, lemma).isEmpty();
    }
    int taggedSenses(PartOfSpeech pos, const QByteArray &lemma) const;

    QString m_directory;
    std::unique_ptr<File> m_index[4];
    std::unique_ptr<File> m_data[4];
    QHash<QByteArray, QList<QByteArray>> m_exceptions[4]; ///< inflected form → base forms
};

} // namespace sandbox::lexicon
