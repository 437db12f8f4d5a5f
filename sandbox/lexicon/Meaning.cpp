// SPDX-License-Identifier: MIT
#include "sandbox/lexicon/Meaning.h"

#include <QFile>
#include <QHash>
#include <QMutex>
#include <QReadWriteLock>
#include <QSet>

#include <algorithm>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <cmath>
#include <future>
#include <mutex>
#include <utility>
#include <vector>
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

using namespace Qt::StringLiterals;

namespace sandbox::lexicon {

namespace {

// The weights of a sense's bag (see the class comment). Chosen once for WordNet as a whole,
// never for particular words.
constexpr double kGloss = 0.5; // the sense's own gloss
constexpr double kSynonyms = 2.0; // its synonyms
constexpr double kHypernym = 0.5; // glosses and words of the hypernyms, halved per level
constexpr int kHypernymLevels = 2;
constexpr double kDomain = 0.5; // words of its topic domains (their gloss at half that)
constexpr double kDerivation = 0.6; // words of derivationally related synsets...
constexpr double kDerivationGloss
    = 0.5; // ...and their glosses ("billing" → bill: "demand payment")
constexpr double kOwnSynset = 0.5; // the feature of the synset itself
constexpr double kAncestor = 0.5; // the features of its hypernym synsets...
constexpr double kAncestorDecay = 0.8; // ...times this per level up...
constexpr int kAncestorLevels = 6; // ...up to this many levels...
constexpr int kAncestorMinDepth
    = 6; // ...and no nearer the root than this: specific concepts like "bill", not "artifact"
constexpr double kExamples = 0.5; // the usage examples of its gloss
constexpr int kSensesPerPos = 6;
constexpr double kFitFloor = 0.03; // a sense that fits nothing else keeps this share
constexpr double kUnknownWord = 0.5; // an unknown word's own feature...
constexpr double kUnknownTrigram = 0.175; // ...and each of its character trigrams

constexpr qsizetype kWordCacheLimit = 100'000;

constexpr quint64 kSynsetTag = 0x8000'0000'0000'0000ULL;

quint64 fnv(QByteArrayView bytes)
{
    quint64 h = 14695981039346656037ULL;
    for (const char c : bytes) {
        h ^= quint8(c);
        h *= 1099511628211ULL;
    }
    return h & ~kSynsetTag;
}

quint64 wordKey(const QString &lemma)
{
    return fnv(QByteArray("w:" + lemma.toUtf8()));
}
quint64 synsetKey(SynsetId id)
{
    return kSynsetTag | id.key();
}

/// Sums by feature key: an open-addressing table (linear probing, a power-of-two capacity at most
/// half full) without QHash's node per key and rehash per growth step. Each key gets the same
/// additions in the same order as in any map, so the same sums; its order of keys is the table's,
/// so whoever needs an order sorts (sorted()).
class Accumulator
{
public:
    explicit Accumulator(qsizetype expected = 16)
    {
        qsizetype capacity = 32;
        while (capacity < 2 * expected)
            capacity *= 2;
        m_slots.assign(size_t(capacity), Slot{});
    }

    double &operator[](quint64 key)
    {
        if (key == kEmpty) { // the one key a slot cannot hold: kept aside
            if (!m_hasEmptyKey) {
                m_hasEmptyKey = true;
                ++m_size;
            }
            return m_emptyKeyValue;
        }
        if (2 * (m_size + 1) > qsizetype(m_slots.size()))
            grow();
        Slot &slot = m_slots[probe(key)];
        if (slot.key == kEmpty) {
            slot.key = key;
            ++m_size;
        }
        return slot.value;
    }

    /// The sum of `key`; nullptr when nothing was added under it.
    const double *find(quint64 key) const
    {
        if (key == kEmpty)
            return m_hasEmptyKey ? &m_emptyKeyValue : nullptr;
        const Slot &slot = m_slots[probe(key)];
        return slot.key == kEmpty ? nullptr : &slot.value;
    }

    double value(quint64 key) const
    {
        const double *x = find(key);
        return x ? *x : 0.0;
    }

    qsizetype size() const { return m_size; }

    /// `f(key, sum)` for each key, in the table's order.
    template<class F>
    void forEach(F &&f) const
    {
        for (const Slot &slot : m_slots)
            if (slot.key != kEmpty)
                f(slot.key, slot.value);
        if (m_hasEmptyKey)
            f(kEmpty, m_emptyKeyValue);
    }

private:
    static constexpr quint64 kEmpty = ~0ULL;
    struct Slot
    {
        quint64 key = kEmpty;
        double value = 0;
    };

    /// The slot of `key`, or the empty slot where it goes.
    size_t probe(quint64 key) const
    {
        const size_t mask = m_slots.size() - 1;
        // Fibonacci hashing: synset keys are small consecutive numbers, word keys random.
        size_t i = size_t((key * 0x9E3779B97F4A7C15ULL) >> 32) & mask;
        while (m_slots[i].key != kEmpty && m_slots[i].key != key)
            i = (i + 1) & mask;
        return i;
    }

    void grow()
    {
        std::vector<Slot> old(m_slots.size() * 2);
        old.swap(m_slots);
        for (const Slot &slot : old)
            if (slot.key != kEmpty)
                m_slots[probe(slot.key)] = slot;
    }

    std::vector<Slot> m_slots;
    qsizetype m_size = 0;
    bool m_hasEmptyKey = false;
    double m_emptyKeyValue = 0;
};

/// Sorts `v` by key (each key once), as std::sort would, for the thousands of keys of a text's
/// bag: one pass into 2,048 buckets by the keys' top bits (word keys are hashes, spread evenly),
/// then each bucket sorted on its own (synset keys, which share their top bits, share a bucket).
void sortByKey(SparseVector &v)
{
    constexpr int kBits = 11;
    if (v.size() < 256) {
        std::sort(v.begin(), v.end());
        return;
    }
    std::vector<quint32> start((1 << kBits) + 1, 0);
    for (const auto &e : v)
        ++start[size_t(e.first >> (64 - kBits)) + 1];
    for (size_t b = 1; b < start.size(); ++b)
        start[b] += start[b - 1];
    std::vector<quint32> next(start.cbegin(), start.cend() - 1);
    SparseVector out(v.size());
    for (const auto &e : v)
        out[next[size_t(e.first >> (64 - kBits))]++] = e;
    for (size_t b = 0; b + 1 < start.size(); ++b)
        if (start[b + 1] - start[b] > 1)
            std::sort(out.begin() + start[b], out.begin() + start[b + 1]);
    v.swap(out);
}

SparseVector sorted(const Accumulator &acc, double scale = 1.0)
{
    SparseVector v;
    v.reserve(size_t(acc.size()));
    acc.forEach([&v, scale](quint64 key, double x) { v.emplace_back(key, float(x * scale)); });
    sortByKey(v);
    return v;
}

double norm(const SparseVector &v)
{
    double sum = 0;
    for (const auto &e : v)
        sum += double(e.second) * e.second;
    return std::sqrt(sum);
}

/// dot(a, sorted(b)) without sorting `b`: the same products, summed in the same order (a's keys).
double dot(const SparseVector &a, const Accumulator &b)
{
    double sum = 0;
    for (const auto &e : a)
        if (const double *x = b.find(e.first))
            sum += double(e.second) * float(*x);
    return sum;
}

/// out[j] += scale × in[j] for j < n: the same product and sum per element as the plain loop
/// (no fused multiply-add), several elements at a time.
#if defined(__x86_64__) && defined(__GNUC__)
__attribute__((target("avx"))) void addScaledFloatsAvx(
    double *out, const float *in, double scale, qsizetype n)
{
    const __m256d s = _mm256_set1_pd(scale);
    qsizetype j = 0;
    for (; j + 4 <= n; j += 4) {
        const __m256d x = _mm256_cvtps_pd(_mm_loadu_ps(in + j));
        _mm256_storeu_pd(out + j, _mm256_add_pd(_mm256_loadu_pd(out + j), _mm256_mul_pd(s, x)));
    }
    for (; j < n; ++j)
        out[j] += scale * in[j];
}
#endif

void addScaledFloats(double *out, const float *in, double scale, qsizetype n)
{
#if defined(__x86_64__) && defined(__GNUC__)
    static const bool avx = __builtin_cpu_supports("avx");
    if (avx) {
        addScaledFloatsAvx(out, in, scale, n);
        return;
    }
    const __m128d s = _mm_set1_pd(scale);
    qsizetype j = 0;
    for (; j + 2 <= n; j += 2) {
        const __m128d x = _mm_cvtps_pd(_mm_castsi128_ps(
            _mm_loadl_epi64(reinterpret_cast<const __m128i *>(in + j)))); // two floats
        _mm_storeu_pd(out + j, _mm_add_pd(_mm_loadu_pd(out + j), _mm_mul_pd(s, x)));
    }
    for (; j < n; ++j)
        out[j] += scale * in[j];
#else
    for (qsizetype j = 0; j < n; ++j)
        out[j] += scale * in[j];
#endif
}

void addScaled(Accumulator &acc, const SparseVector &v, double scale)
{
    for (const auto &e : v)
        acc[e.first] += scale * e.second;
}

/// The runs of letters and digits of `text`, lower-cased; with `keepAcronyms`, words of two or
/// more letters all in upper case ("VAT", "PDF") keep their case, for WordNet's case-sensitive
/// senses (VAT the tax, not vat the tub).
QStringList wordsOf(const QString &text, bool keepAcronyms = false)
{
    QStringList out;
    QString word;
    const auto flush = [&] {
        if (word.isEmpty())
            return;
        bool acronym = keepAcronyms && word.size() >= 2;
        for (qsizetype k = 0; acronym && k < word.size(); ++k)
            acronym = word.at(k).isUpper() || word.at(k).isDigit();
        if (acronym && word.front().isDigit())
            acronym = false;
        if (word.endsWith(u"'s"_s) || word.endsWith(u"'S"_s))
            word.chop(2);
        while (word.endsWith(u'\''))
            word.chop(1);
        if (!word.isEmpty())
            out.append(acronym ? word : word.toLower());
        word.clear();
    };
    for (const QChar c : text) {
        if (c.isLetterOrNumber() || (c == u'\'' && !word.isEmpty()))
            word += c;
        else
            flush();
    }
    flush();
    return out;
}

constexpr PartOfSpeech kAll[]
    = {PartOfSpeech::Noun, PartOfSpeech::Verb, PartOfSpeech::Adjective, PartOfSpeech::Adverb};

} // namespace

double dot(const SparseVector &a, const SparseVector &b)
{
    double sum = 0;
    auto i = a.cbegin();
    auto j = b.cbegin();
    while (i != a.cend() && j != b.cend()) {
        if (i->first < j->first) {
            ++i;
        } else if (j->first < i->first) {
            ++j;
        } else {
            sum += double(i->second) * j->second;
            ++i;
            ++j;
        }
    }
    return sum;
}

bool MeaningSpace::isStopWord(const QString &w)
{
    static const QSet<QString> &stop = *[] { // never destroyed (see sharedSpace())
        auto *s = new QSet<QString>;
        for (const char *word : {"a",
                 "about",
                 "above",
                 "after",
                 "again",
                 "against",
                 "all",
                 "am",
                 "an",
                 "and",
                 "any",
                 "are",
                 "as",
                 "at",
                 "be",
                 "because",
                 "been",
                 "before",
                 "being",
                 "below",
                 "between",
                 "both",
                 "but",
                 "by",
                 "can",
                 "cannot",
                 "could",
                 "did",
                 "do",
                 "does",
                 "doing",
                 "down",
                 "during",
                 "each",
                 "few",
                 "for",
                 "from",
                 "further",
                 "had",
                 "has",
                 "have",
                 "having",
                 "he",
                 "her",
                 "here",
                 "hers",
                 "herself",
                 "him",
                 "himself",
                 "his",
                 "how",
                 "i",
                 "if",
                 "in",
                 "into",
                 "is",
                 "it",
                 "its",
                 "itself",
                 "just",
                 "let",
                 "me",
                 "more",
                 "most",
                 "my",
                 "myself",
                 "no",
                 "nor",
                 "not",
                 "now",
                 "of",
                 "off",
                 "on",
                 "once",
                 "only",
                 "or",
                 "other",
                 "our",
                 "ours",
                 "ourselves",
                 "out",
                 "over",
                 "own",
                 "same",
                 "she",
                 "should",
                 "so",
                 "some",
                 "such",
                 "than",
                 "that",
                 "the",
                 "their",
                 "theirs",
                 "them",
                 "themselves",
                 "then",
                 "there",
                 "these",
                 "they",
                 "this",
                 "those",
                 "through",
                 "to",
                 "too",
                 "under",
                 "until",
                 "up",
                 "very",
                 "was",
                 "we",
                 "were",
                 "what",
                 "when",
                 "where",
                 "which",
                 "while",
                 "who",
                 "whom",
                 "why",
                 "will",
                 "with",
                 "would",
                 "you",
                 "your",
                 "yours",
                 "yourself",
                 "yourselves",
                 "s",
                 "t",
                 "don",
                 "didn",
                 "doesn",
                 "won",
                 "isn",
                 "aren",
                 "wasn",
                 "weren",
                 "also",
                 "get",
                 "got",
                 "us",
                 "one",
                 "two",
                 "many",
                 "much"})
            s->insert(QString::fromLatin1(word));
        return s;
    }();
    return stop.contains(w);
}

/// A word as the space sees it: its senses with their bags, or its character features.
struct WordEntry
{
    bool known = false;
    double weight = 1.0;
    QList<double> priors; // per sense, summing to 1
    QList<SparseVector> senses; // bags
    SparseVector profile; // Σ prior × bag: what the word brings to its neighbours' disambiguation
    double profileNorm = 0;
    QList<double> senseNorms; // |bag| of each sense
    QList<double> senseProfileDots; // bag · profile of each sense
    /// Each sense's bag against every domain (domainCount() values a sense, senses one after
    /// the other): the topic profile of a text is their sum, weighted as the bags are. Floats, so
    /// that they take no more memory than the bags.
    std::vector<float> senseDomains;
    SparseVector unknown; // character features of an unknown word
    /// An unknown closed compound as WordNet's open one ("login" → log_in) or as its two known
    /// parts ("passcode" → pass, code); the word counts as these instead.
    QStringList parts;
};

struct MeaningSpace::Private
{
    const WordNet *wn = nullptr;
    QHash<quint64, int> glossFrequency; // fnv() of a lower-case word → glosses it occurs in
    double synsetCount = 1;
    QHash<QString, int> semcor; // lemma → tagged occurrences
    QList<QString> domainNames;
    QHash<quint64, std::vector<std::pair<int, float>>> domainIndex; // feature → (domain, weight)

    mutable QMutex depthLock;
    mutable QHash<quint64, int> depthCache; // synset key → hypernym steps to the nearest root
    mutable QMutex lemmaLock;
    mutable QHash<QString, QString> lemmaCache;
    mutable QMutex collocationLock;
    mutable QHash<QString, QString> collocationCache; // phrase → its lemma, or empty
    mutable QReadWriteLock wordLock;
    mutable QHash<QString, std::shared_ptr<const WordEntry>> wordCache;

    /// Adds `scale` × `features` · each domain's anchor to `domains` (domainCount() values).
    void addDomains(double *domains, const SparseVector &features, double scale) const
    {
        for (const auto &f : features) {
            const auto it = domainIndex.constFind(f.first);
            if (it == domainIndex.cend())
                continue;
            const double x = scale * double(f.second);
            for (const auto &[domain, weight] : *it)
                domains[domain] += x * weight;
        }
    }

    double idf(const QString &surface) const
    {
        return std::log(synsetCount / (1.0 + glossFrequency.value(fnv(surface.toUtf8()))));
    }

    /// The lemma a gloss word counts as: its first base form as a noun, verb, adjective or
    /// adverb; the word itself when WordNet does not know it.
    QString glossLemma(const QString &w) const
    {
        {
            QMutexLocker locker(&lemmaLock);
            const auto it = lemmaCache.constFind(w);
            if (it != lemmaCache.cend())
                return *it;
        }
        QString lemma = w;
        for (const PartOfSpeech pos : kAll) {
            const QStringList forms = wn->lemmas(w, pos);
            if (!forms.isEmpty()) {
                lemma = forms.first();
                break;
            }
        }
        QMutexLocker locker(&lemmaLock);
        lemmaCache.insert(w, lemma);
        return lemma;
    }

    void addText(Accumulator &acc, const QString &text, double weight) const
    {
        for (const QString &w : wordsOf(text)) {
            if (!MeaningSpace::isStopWord(w))
                acc[wordKey(glossLemma(w))] += weight * idf(w);
        }
    }

    /// The hypernym steps from `s` to the nearest root of its hierarchy ("entity" is 0).
    int depth(const Synset &s) const
    {
        {
            QMutexLocker locker(&depthLock);
            const auto it = depthCache.constFind(s.id.key());
            if (it != depthCache.cend())
                return *it;
        }
        int best = 0;
        bool first = true;
        for (const SynsetId &h : s.hypernyms())
            if (const std::optional<Synset> up = wn->synset(h)) {
                const int d = depth(*up) + 1;
                best = first ? d : std::min(best, d);
                first = false;
            }
        QMutexLocker locker(&depthLock);
        depthCache.insert(s.id.key(), best);
        return best;
    }

    /// The features of the synset itself and of its hypernyms (the concepts it is a kind of:
    /// "invoice" → "bill" → "statement" → "commercial document"), sorted by key.
    SparseVector conceptFeatures(const Synset &s) const
    {
        QHash<quint64, double> acc;
        acc[synsetKey(s.id)] = kOwnSynset;
        QList<Synset> level{s};
        double weight = kAncestor;
        QSet<quint64> seen{s.id.key()};
        for (int lv = 0; lv < kAncestorLevels && !level.isEmpty(); ++lv, weight *= kAncestorDecay) {
            QList<Synset> next;
            for (const Synset &x : std::as_const(level))
                for (const SynsetId &h : x.hypernyms())
                    if (!seen.contains(h.key()))
                        if (const std::optional<Synset> up = wn->synset(h)) {
                            seen.insert(h.key());
                            next.append(*up);
                            if (depth(*up) >= kAncestorMinDepth)
                                acc[synsetKey(h)] = std::max(acc.value(synsetKey(h)), weight);
                        }
            level = next;
        }
        SparseVector v;
        for (auto it = acc.cbegin(); it != acc.cend(); ++it)
            v.emplace_back(it.key(), float(it.value()));
        std::sort(v.begin(), v.end());
        return v;
    }

    /// A sense's bag: unit length words plus the concept features of the synset.
    SparseVector senseBag(const Synset &s) const
    {
        Accumulator acc;
        addText(acc, s.gloss, kGloss);
        for (const QString &x : s.examples)
            addText(acc, x, kExamples);
        for (const QString &w : s.words)
            addText(acc, w, kSynonyms);
        QList<Synset> level{s};
        double weight = kHypernym;
        for (int lv = 0; lv < kHypernymLevels; ++lv, weight *= 0.5) {
            QList<Synset> next;
            for (const Synset &x : std::as_const(level))
                for (const SynsetId &h : x.hypernyms())
                    if (const std::optional<Synset> up = wn->synset(h))
                        next.append(*up);
            for (const Synset &h : std::as_const(next)) {
                addText(acc, h.gloss, weight);
                for (const QString &w : h.words)
                    addText(acc, w, weight);
            }
            level = next;
        }
        for (const Pointer &p : s.pointers) {
            const bool domain = p.symbol == u";c"_s;
            if (!domain && p.symbol != u"+"_s)
                continue;
            const std::optional<Synset> other = wn->synset(p.target);
            if (!other)
                continue;
            for (const QString &w : other->words)
                addText(acc, w, domain ? kDomain : kDerivation);
            if (domain)
                addText(acc, other->gloss, kDomain / 2);
            else
                addText(acc, other->gloss, kDerivationGloss);
        }
        SparseVector bag = sorted(acc);
        const double n = norm(bag);
        if (n > 0)
            for (auto &e : bag)
                e.second = float(e.second / n);
        const SparseVector concepts = conceptFeatures(s); // the largest keys: stays sorted
        bag.insert(bag.end(), concepts.cbegin(), concepts.cend());
        return bag;
    }

    /// True when WordNet has `phrase` (words joined by `_`) as a noun or verb collocation,
    /// directly or with its first word's inflection undone ("logged_in" → log_in, as morphy does
    /// for verb phrases); the collocation's lemma in `*lemma`.
    bool collocation(const QString &phrase, QString *lemma) const
    {
        {
            QMutexLocker locker(&collocationLock);
            const auto it = collocationCache.constFind(phrase);
            if (it != collocationCache.cend()) {
                *lemma = *it;
                return !it->isEmpty();
            }
        }
        QString found;
        for (const PartOfSpeech pos : {PartOfSpeech::Noun, PartOfSpeech::Verb}) {
            const QStringList forms = wn->lemmas(phrase, pos);
            if (!forms.isEmpty()) {
                found = forms.first();
                break;
            }
        }
        const qsizetype underscore = phrase.indexOf(u'_');
        if (found.isEmpty() && underscore > 0)
            for (const QString &head : wn->lemmas(phrase.left(underscore), PartOfSpeech::Verb)) {
                const QString candidate = head + phrase.mid(underscore);
                if (!wn->lemmas(candidate, PartOfSpeech::Verb).isEmpty()) {
                    found = candidate;
                    break;
                }
            }
        QMutexLocker locker(&collocationLock);
        if (collocationCache.size() >= kWordCacheLimit)
            collocationCache.clear();
        collocationCache.insert(phrase, found);
        *lemma = found;
        return !found.isEmpty();
    }

    /// An unknown word read as a compound: WordNet's open compound of its two halves ("login" →
    /// log_in, "checkin" → check_in), else the two known halves of at least three letters each
    /// ("passcode" → pass, code), the first such split from the left; empty when neither.
    QStringList compoundParts(const QString &w) const
    {
        QStringList halves;
        for (qsizetype at = 2; at + 2 <= w.size(); ++at) {
            const QString head = w.left(at);
            const QString tail = w.mid(at);
            QString joined;
            if (collocation(head + u'_' + tail, &joined))
                return {joined};
            if (halves.isEmpty() && head.size() >= 3 && tail.size() >= 3
                && !MeaningSpace::isStopWord(head) && !MeaningSpace::isStopWord(tail)
                && wn->contains(head) && wn->contains(tail))
                halves = {head, tail};
        }
        return halves;
    }

    std::shared_ptr<const WordEntry> entry(const QString &w) const
    {
        {
            QReadLocker locker(&wordLock);
            const auto it = wordCache.constFind(w);
            if (it != wordCache.cend())
                return *it;
        }
        auto e = std::make_shared<WordEntry>();
        struct Candidate
        {
            PartOfSpeech pos;
            QString lemma;
            QList<Sense> senses;
            int tagged;
        };
        QList<Candidate> candidates;
        // An acronym ("VAT") takes only the senses WordNet writes in its case, when it has any.
        const QString lower = w.toLower();
        const bool acronym = lower != w;
        for (const bool strict : {true, false}) {
            if (strict && !acronym)
                continue;
            for (const PartOfSpeech pos : kAll) {
                const QStringList forms = wn->lemmas(lower, pos);
                if (forms.isEmpty())
                    continue;
                QList<Sense> senses;
                for (const Sense &s : wn->senses(forms.first(), pos))
                    if (s.lemma == QString(forms.first()).replace(u'_', u' ')
                        && (!strict || s.synset.words.contains(w)))
                        senses.append(s);
                if (!senses.isEmpty())
                    candidates.append(
                        {pos, forms.first(), senses, senses.first().taggedSenseCount});
            }
            if (!candidates.isEmpty())
                break;
        }
        if (candidates.isEmpty())
            e->parts = compoundParts(lower);
        if (candidates.isEmpty()) {
            Accumulator acc;
            acc[wordKey(w)] += kUnknownWord;
            const QString padded = u' ' + w + u' ';
            for (qsizetype i = 0; i + 3 <= padded.size(); ++i)
                acc[fnv(QByteArray("t:" + padded.mid(i, 3).toUtf8()))] += kUnknownTrigram;
            e->unknown = sorted(acc);
        } else {
            e->known = true;
            const Candidate *best = &candidates.first();
            int senseTotal = 0;
            double taggedTotal = 0;
            for (const Candidate &c : std::as_const(candidates)) {
                if (c.tagged > best->tagged)
                    best = &c;
                senseTotal += c.senses.first().senseCount;
                taggedTotal += c.tagged + 1;
            }
            const double frequency = semcor.value(best->lemma);
            // Common words (SemCor counts) and words of many senses say less about a topic.
            e->weight = 1.0 / (1.0 + std::log1p(frequency) / 4.0)
                / (1.0 + std::log(double(senseTotal)) / 4.0);
            double priorTotal = 0;
            for (const Candidate &c : std::as_const(candidates)) {
                const double posWeight = (c.tagged + 1) / taggedTotal;
                for (const Sense &s : c.senses) {
                    if (s.rank > kSensesPerPos)
                        continue;
                    e->priors.append(posWeight / s.rank);
                    e->senses.append(senseBag(s.synset));
                    priorTotal += posWeight / s.rank;
                }
            }
            Accumulator profile;
            for (qsizetype k = 0; k < e->priors.size(); ++k) {
                e->priors[k] /= priorTotal;
                addScaled(profile, e->senses.at(k), e->priors.at(k));
            }
            e->profile = sorted(profile);
            e->profileNorm = norm(e->profile);
            for (const SparseVector &bag : std::as_const(e->senses)) {
                e->senseNorms.append(norm(bag));
                e->senseProfileDots.append(dot(bag, e->profile));
                std::vector<double> domains(size_t(domainNames.size()), 0.0);
                addDomains(domains.data(), bag, 1.0);
                e->senseDomains.insert(e->senseDomains.end(), domains.cbegin(), domains.cend());
            }
        }
        QWriteLocker locker(&wordLock);
        if (wordCache.size() >= kWordCacheLimit) // any text may come in: keep memory bounded
            wordCache.clear();
        wordCache.insert(w, e);
        return e;
    }

    /// One pass over the data files: gloss document frequencies and the members of each domain.
    void scan(QHash<quint64, QList<SynsetId>> &members)
    {
        int synsets = 0;
        std::vector<quint64> words;
        QByteArray lower;
        for (const PartOfSpeech pos : kAll) {
            const QByteArrayView file = wn->dataFile(pos);
            qsizetype at = 0;
            while (at < file.size()) {
                qsizetype end = file.indexOf('\n', at);
                if (end < 0)
                    end = file.size();
                const QByteArrayView line = file.sliced(at, end - at);
                const qsizetype offset = at;
                at = end + 1;
                if (line.isEmpty() || line.at(0) == ' ')
                    continue;
                ++synsets;
                const qsizetype bar = line.indexOf('|');
                if (bar < 0)
                    continue;
                // The gloss's distinct words (lower case, by hash), each counted once.
                words.clear();
                lower.clear();
                for (qsizetype i = bar + 1; i <= line.size(); ++i) {
                    const char c = i < line.size() ? line.at(i) : ' ';
                    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || quint8(c) >= 0x80) {
                        lower += c;
                    } else if (c >= 'A' && c <= 'Z') {
                        lower += char(c - 'A' + 'a');
                    } else if (!lower.isEmpty()) {
                        words.push_back(fnv(lower));
                        lower.clear();
                    }
                }
                std::sort(words.begin(), words.end());
                words.erase(std::unique(words.begin(), words.end()), words.end());
                for (const quint64 w : words)
                    ++glossFrequency[w];
                if (line.first(bar).indexOf(" ;c ") < 0)
                    continue;
                if (const std::optional<Synset> s = wn->synset({pos, quint32(offset)}))
                    for (const SynsetId &d : s->topicDomains())
                        members[d.key()].append(s->id);
            }
        }
        synsetCount = std::max(1, synsets);
    }

    void readSemcor()
    {
        QFile file(wn->directory() + u"/cntlist.rev"_s);
        if (!file.open(QIODevice::ReadOnly))
            return; // optional: without it every word counts as rare
        const QByteArray text = file.readAll();
        for (const QByteArray &line : text.split('\n')) {
            const qsizetype percent = line.indexOf('%');
            const qsizetype space = line.lastIndexOf(' ');
            if (percent <= 0 || space <= percent)
                continue;
            QString lemma = QString::fromUtf8(line.first(percent));
            lemma.replace(u'_', u' ');
            semcor[lemma.toLower()] += line.mid(space + 1).toInt();
        }
    }
};

MeaningSpace::~MeaningSpace() = default;

std::unique_ptr<MeaningSpace> MeaningSpace::build(const WordNet &wordNet)
{
    std::unique_ptr<MeaningSpace> space(new MeaningSpace);
    space->d = std::make_unique<Private>();
    Private &d = *space->d;
    d.wn = &wordNet;
    d.readSemcor();
    QHash<quint64, QList<SynsetId>> members;
    d.scan(members);
    // Domains, most members first (ties by address), each the unit-length sum of its senses' bags.
    QList<quint64> order = members.keys();
    std::sort(order.begin(), order.end(), [&](quint64 a, quint64 b) {
        return members.value(a).size() != members.value(b).size()
            ? members.value(a).size() > members.value(b).size()
            : a < b;
    });
    // The anchors' bags on two threads (the lexicon is thread-safe), joined in domain order.
    const auto anchorOf = [&d, &wordNet, &members](quint64 domainKey) {
        Accumulator acc;
        const SynsetId domainId{PartOfSpeech(domainKey % 4), quint32(domainKey / 4)};
        const std::optional<Synset> domain = wordNet.synset(domainId);
        if (!domain)
            return std::pair<QString, SparseVector>{};
        addScaled(acc, d.senseBag(*domain), 1.0);
        for (const SynsetId &m : members.value(domainKey))
            if (const std::optional<Synset> s = wordNet.synset(m))
                addScaled(acc, d.senseBag(*s), 1.0);
        return std::pair<QString, SparseVector>{domain->words.first(), sorted(acc)};
    };
    std::vector<std::pair<QString, SparseVector>> anchors(size_t(order.size()));
    const auto half = [&](qsizetype parity) {
        for (qsizetype i = parity; i < order.size(); i += 2)
            anchors[size_t(i)] = anchorOf(order.at(i));
    };
    std::future<void> odd = std::async(std::launch::async, half, 1);
    half(0);
    odd.get();
    for (const auto &[name, anchor] : anchors) {
        if (name.isEmpty())
            continue;
        const double n = norm(anchor);
        const int index = int(d.domainNames.size());
        d.domainNames.append(name);
        for (const auto &e : anchor)
            d.domainIndex[e.first].emplace_back(index, float(e.second / n));
    }
    return space;
}

namespace {

struct SharedSpace
{
    std::once_flag once;
    std::shared_future<void> built;
    std::unique_ptr<MeaningSpace> space;
};

// Never destroyed: the building thread may still run when the process exits.
SharedSpace &sharedSpace()
{
    static SharedSpace *s = new SharedSpace;
    return *s;
}

} // namespace

void MeaningSpace::preload()
{
    SharedSpace &s = sharedSpace();
    std::call_once(s.once, [&s] {
        s.built = std::async(std::launch::async, [&s] {
            if (const WordNet *wn = WordNet::shared()) {
                s.space = build(*wn);
                // The build read every synset; later lookups touch a few pages each.
                wn->releaseResidentPages();
            }
#ifdef __GLIBC__
            malloc_trim(0); // the build's temporaries go back to the system
#endif
        }).share();
    });
}

const MeaningSpace *MeaningSpace::shared()
{
    preload();
    sharedSpace().built.wait();
    return sharedSpace().space.get();
}

int MeaningSpace::domainCount() const
{
    return int(d->domainNames.size());
}

QString MeaningSpace::domainName(int index) const
{
    return d->domainNames.value(index);
}

MeaningSpace::TextMeaning MeaningSpace::meaning(const QList<QPair<QString, double>> &input) const
{
    TextMeaning out;
    out.domains = QList<float>(domainCount(), 0.0f);
    // Words, lower-cased (acronyms kept), with collocations WordNet knows joined: up to three
    // words ("olive oil", "log in", "logged in"); unknown compounds read as their parts.
    QList<QPair<QString, double>> words;
    for (const auto &w : input)
        for (const QString &part : wordsOf(w.first, true))
            words.append({part, w.second});
    QStringList lower; // each word lower-cased once
    lower.reserve(words.size());
    for (const auto &w : std::as_const(words))
        lower.append(w.first.toLower());
    QList<std::shared_ptr<const WordEntry>> entries;
    QList<double> weights;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString w = words.at(i).first;
        const double weight = words.at(i).second;
        QString phrase = lower.at(i);
        QString lemma;
        qsizetype joined = 0;
        for (qsizetype n = 1; n < 3 && i + n < words.size(); ++n) {
            phrase += u'_' + lower.at(i + n);
            if (d->collocation(phrase, &lemma))
                joined = n;
        }
        if (joined > 0) {
            phrase = lower.at(i);
            for (qsizetype n = 1; n <= joined; ++n)
                phrase += u'_' + lower.at(i + n);
            d->collocation(phrase, &lemma);
            entries.append(d->entry(lemma));
            weights.append(weight);
            i += joined;
            continue;
        }
        if (isStopWord(lower.at(i)))
            continue;
        std::shared_ptr<const WordEntry> e = d->entry(w);
        if (!e->known && !e->parts.isEmpty()) {
            for (const QString &part : e->parts) {
                entries.append(d->entry(part));
                weights.append(weight / double(e->parts.size()));
            }
            continue;
        }
        entries.append(std::move(e));
        weights.append(weight);
    }
    // The text's profile, for each word's disambiguation against the others.
    qsizetype keys = 0; // at most this many keys: no table grows
    for (const auto &e : std::as_const(entries))
        keys += e->known ? qsizetype(e->profile.size()) : qsizetype(e->unknown.size());
    Accumulator totalAcc(keys);
    for (const auto &e : std::as_const(entries))
        if (e->known)
            addScaled(totalAcc, e->profile, 1.0);
    const SparseVector total = sorted(totalAcc);
    const double totalSquared = dot(total, total);

    Accumulator acc(keys);
    // The topic profile: the bag against each domain. Linear in the bag, so the sum of its
    // senses' profiles (computed once per word) weighted as their bags; its scale does not
    // matter (it is made unit length).
    const qsizetype domainTotal = domainCount();
    std::vector<double> domains(size_t(domainTotal), 0.0);
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const WordEntry &e = *entries.at(i);
        if (!e.known) {
            ++out.unknownWords;
            addScaled(acc, e.unknown, weights.at(i));
            d->addDomains(domains.data(), e.unknown, weights.at(i));
            continue;
        }
        ++out.knownWords;
        const double ownDot = dot(e.profile, totalAcc); // = dot(total, e.profile), term by term
        const double contextSquared
            = std::max(0.0, totalSquared - 2 * ownDot + e.profileNorm * e.profileNorm);
        const double contextNorm = std::sqrt(contextSquared);
        QList<double> posterior;
        double sum = 0;
        for (qsizetype k = 0; k < e.senses.size(); ++k) {
            double fit = 0;
            if (contextNorm > 1e-9) {
                // Per sense: its hash lookups into the text's profile, not a merge with all of it.
                const double c = (dot(e.senses.at(k), totalAcc) - e.senseProfileDots.at(k))
                    / (e.senseNorms.at(k) * contextNorm);
                fit = std::max(0.0, c);
            }
            posterior.append(e.priors.at(k) * (kFitFloor + fit));
            sum += posterior.last();
        }
        for (qsizetype k = 0; k < e.senses.size(); ++k) {
            const double scale = weights.at(i) * e.weight * posterior.at(k) / sum;
            addScaled(acc, e.senses.at(k), scale);
            addScaledFloats(
                domains.data(), e.senseDomains.data() + k * domainTotal, scale, domainTotal);
        }
    }
    out.features = sorted(acc);
    const double n = norm(out.features);
    if (n > 0)
        for (auto &f : out.features)
            f.second = float(f.second / n);
    // Centred: what every text shares with all domains (common gloss words) says nothing of
    // its topic, and would pull all texts together.
    if (!domains.empty()) {
        double mean = 0;
        for (const double x : std::as_const(domains))
            mean += x;
        mean /= double(domains.size());
        for (double &x : domains)
            x -= mean;
    }
    double domainNorm = 0;
    for (const double x : std::as_const(domains))
        domainNorm += x * x;
    domainNorm = std::sqrt(domainNorm);
    if (domainNorm > 0)
        for (qsizetype k = 0; k < domainTotal; ++k)
            out.domains[k] = float(domains[size_t(k)] / domainNorm);
    return out;
}

} // namespace sandbox::lexicon
