// SPDX-License-Identifier: MIT
#include "sandbox/lexicon/WordNet.h"

#include <QFile>
#include <QSet>

#include <cstring>
#include <future>
#include <mutex>
#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

using namespace Qt::StringLiterals;

namespace sandbox::lexicon {

namespace {

constexpr PartOfSpeech kAll[]
    = {PartOfSpeech::Noun, PartOfSpeech::Verb, PartOfSpeech::Adjective, PartOfSpeech::Adverb};

const char *suffix(PartOfSpeech pos)
{
    switch (pos) {
    case PartOfSpeech::Noun:
        return "noun";
    case PartOfSpeech::Verb:
        return "verb";
    case PartOfSpeech::Adjective:
        return "adj";
    case PartOfSpeech::Adverb:
        return "adv";
    }
    return "noun";
}

std::optional<PartOfSpeech> posFromChar(char c)
{
    switch (c) {
    case 'n':
        return PartOfSpeech::Noun;
    case 'v':
        return PartOfSpeech::Verb;
    case 'a':
    case 's':
        return PartOfSpeech::Adjective;
    case 'r':
        return PartOfSpeech::Adverb;
    default:
        return std::nullopt;
    }
}

/// The detachment rules of morphy() (wnintro(3WN), morph.c): suffix → replacement.
struct Rule
{
    const char *suffix;
    const char *ending;
};
const QList<Rule> &rules(PartOfSpeech pos)
{
    // Never destroyed (see sharedState()).
    static const QList<Rule> &noun = *new QList<Rule>{{"s", ""},
        {"ses", "s"},
        {"ves", "f"},
        {"xes", "x"},
        {"zes", "z"},
        {"ches", "ch"},
        {"shes", "sh"},
        {"men", "man"},
        {"ies", "y"}};
    static const QList<Rule> &verb = *new QList<Rule>{{"s", ""},
        {"ies", "y"},
        {"es", "e"},
        {"es", ""},
        {"ed", "e"},
        {"ed", ""},
        {"ing", "e"},
        {"ing", ""}};
    static const QList<Rule> &adj
        = *new QList<Rule>{{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};
    static const QList<Rule> &none = *new QList<Rule>;
    switch (pos) {
    case PartOfSpeech::Noun:
        return noun;
    case PartOfSpeech::Verb:
        return verb;
    case PartOfSpeech::Adjective:
        return adj;
    case PartOfSpeech::Adverb:
        return none;
    }
    return none;
}

/// Lower case, spaces as `_`, as the index files write lemmas.
QByteArray indexForm(const QString &word)
{
    QByteArray form = word.trimmed().toLower().toUtf8();
    for (char &c : form)
        if (c == ' ')
            c = '_';
    return form;
}

QString displayForm(QByteArrayView word)
{
    QString w = QString::fromUtf8(word);
    w.replace(u'_', u' ');
    return w;
}

/// Whitespace-separated fields of `line`.
QList<QByteArrayView> fields(QByteArrayView line)
{
    QList<QByteArrayView> out;
    qsizetype i = 0;
    while (i < line.size()) {
        while (i < line.size() && line.at(i) == ' ')
            ++i;
        const qsizetype start = i;
        while (i < line.size() && line.at(i) != ' ')
            ++i;
        if (i > start)
            out.append(line.sliced(start, i - start));
    }
    return out;
}

int toInt(QByteArrayView v, int base = 10)
{
    bool ok = false;
    const int n = QByteArray(v.data(), v.size()).toInt(&ok, base);
    return ok ? n : -1;
}

} // namespace

QString toString(PartOfSpeech pos)
{
    return QString::fromLatin1(suffix(pos));
}

QString lexFileName(int lexFile)
{
    static const char *const names[] = {"adj.all",
        "adj.pert",
        "adv.all",
        "noun.Tops",
        "noun.act",
        "noun.animal",
        "noun.artifact",
        "noun.attribute",
        "noun.body",
        "noun.cognition",
        "noun.communication",
        "noun.event",
        "noun.feeling",
        "noun.food",
        "noun.group",
        "noun.location",
        "noun.motive",
        "noun.object",
        "noun.person",
        "noun.phenomenon",
        "noun.plant",
        "noun.possession",
        "noun.process",
        "noun.quantity",
        "noun.relation",
        "noun.shape",
        "noun.state",
        "noun.substance",
        "noun.time",
        "verb.body",
        "verb.change",
        "verb.cognition",
        "verb.communication",
        "verb.competition",
        "verb.consumption",
        "verb.contact",
        "verb.creation",
        "verb.emotion",
        "verb.motion",
        "verb.perception",
        "verb.possession",
        "verb.social",
        "verb.stative",
        "verb.weather",
        "adj.ppl"};
    if (lexFile < 0 || lexFile >= int(std::size(names)))
        return {};
    return QString::fromLatin1(names[lexFile]);
}

QList<SynsetId> Synset::targets(const QString &symbol) const
{
    QList<SynsetId> out;
    for (const Pointer &p : pointers)
        if (p.symbol == symbol)
            out.append(p.target);
    return out;
}

QList<SynsetId> Synset::hypernyms() const
{
    QList<SynsetId> out;
    for (const Pointer &p : pointers)
        if (p.symbol == u"@"_s || p.symbol == u"@i"_s)
            out.append(p.target);
    return out;
}

QList<SynsetId> Synset::topicDomains() const
{
    return targets(u";c"_s);
}

/// A database file, memory-mapped (or read whole when mapping fails).
struct WordNet::File
{
    QFile file;
    QByteArray copy;
    const char *data = nullptr;
    qint64 size = 0;

    bool open(const QString &path, QString *error)
    {
        file.setFileName(path);
        if (!file.open(QIODevice::ReadOnly)) {
            if (error)
                *error = u"%1: %2"_s.arg(path, file.errorString());
            return false;
        }
        size = file.size();
        if (size > 0)
            data = reinterpret_cast<const char *>(file.map(0, size));
        if (!data) {
            copy = file.readAll();
            data = copy.constData();
            size = copy.size();
        }
        return true;
    }

    /// The line that starts at `offset`, without its newline.
    QByteArrayView lineAt(qint64 offset) const
    {
        if (offset < 0 || offset >= size)
            return {};
        const void *end = std::memchr(data + offset, '\n', size_t(size - offset));
        const qint64 stop = end ? static_cast<const char *>(end) - data : size;
        return QByteArrayView(data + offset, stop - offset);
    }

    /// Binary search of a file sorted by its lines' first field (byte order; the license lines
    /// at the top start with spaces and sort first).
    QByteArrayView find(QByteArrayView key) const
    {
        qint64 lo = 0;
        qint64 hi = size;
        while (lo < hi) {
            const qint64 mid = lo + (hi - lo) / 2;
            qint64 start = mid;
            while (start > lo && data[start - 1] != '\n')
                --start;
            const QByteArrayView line = lineAt(start);
            qsizetype keyEnd = line.indexOf(' ');
            if (keyEnd < 0)
                keyEnd = line.size();
            const QByteArrayView lineKey = line.first(keyEnd);
            const int cmp = lineKey.compare(key, Qt::CaseSensitive);
            if (cmp == 0)
                return line;
            if (cmp < 0)
                lo = start + line.size() + 1;
            else
                hi = start;
        }
        return {};
    }
};

WordNet::~WordNet() = default;

QString WordNet::defaultDirectory()
{
    const QString fromEnvironment = qEnvironmentVariable("ALEPH_WORDNET_DIR");
    return fromEnvironment.isEmpty() ? u"/usr/share/wordnet"_s : fromEnvironment;
}

std::unique_ptr<WordNet> WordNet::open(const QString &directory, QString *error)
{
    std::unique_ptr<WordNet> wn(new WordNet);
    wn->m_directory = directory;
    for (const PartOfSpeech pos : kAll) {
        const int p = int(pos);
        wn->m_index[p] = std::make_unique<File>();
        wn->m_data[p] = std::make_unique<File>();
        if (!wn->m_index[p]->open(directory + u"/index."_s + toString(pos), error)
            || !wn->m_data[p]->open(directory + u"/data."_s + toString(pos), error))
            return nullptr;
        QFile exceptions(directory + u'/' + toString(pos) + u".exc"_s);
        if (!exceptions.open(QIODevice::ReadOnly)) {
            if (error)
                *error = u"%1: %2"_s.arg(exceptions.fileName(), exceptions.errorString());
            return nullptr;
        }
        const QByteArray text = exceptions.readAll();
        for (const QByteArray &line : text.split('\n')) {
            const QList<QByteArrayView> f = fields(line);
            if (f.size() < 2)
                continue;
            QList<QByteArray> &bases = wn->m_exceptions[p][f.at(0).toByteArray()];
            for (qsizetype k = 1; k < f.size(); ++k)
                bases.append(f.at(k).toByteArray());
        }
    }
    if (wn->m_index[0]->find("entity").isEmpty()) {
        if (error)
            *error = u"%1/index.noun: not a WordNet index (no \"entity\")"_s.arg(directory);
        return nullptr;
    }
    return wn;
}

namespace {

struct SharedState
{
    std::once_flag once;
    std::shared_future<void> loaded;
    std::unique_ptr<WordNet> instance;
    QString status;
};

// Never destroyed: the loading thread may still run when the process exits (a quick quit), and
// must not find its state gone.
SharedState &sharedState()
{
    static SharedState *state = new SharedState;
    return *state;
}

} // namespace

void WordNet::preload()
{
    SharedState &s = sharedState();
    std::call_once(s.once, [&s] {
        s.loaded = std::async(std::launch::async, [&s] {
            const QString directory = defaultDirectory();
            QString error;
            s.instance = open(directory, &error);
            s.status = s.instance
                ? u"WordNet 3.0 from %1"_s.arg(directory)
                : u"WordNet data not found (%1): character features only"_s.arg(error);
        }).share();
    });
}

const WordNet *WordNet::shared()
{
    preload();
    sharedState().loaded.wait();
    return sharedState().instance.get();
}

bool WordNet::sharedReady()
{
    preload();
    return sharedState().loaded.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

QString WordNet::status()
{
    shared();
    return sharedState().status;
}

void WordNet::releaseResidentPages() const
{
#ifdef Q_OS_LINUX
    for (const PartOfSpeech pos : kAll) {
        for (const File *f : {m_index[int(pos)].get(), m_data[int(pos)].get()}) {
            // Only a mapping (never the copy made when mapping failed); QFile maps at offset 0,
            // so the start is page-aligned.
            if (f && f->copy.isEmpty() && f->data && f->size > 0)
                madvise(const_cast<char *>(f->data), size_t(f->size), MADV_DONTNEED);
        }
    }
#endif
}

QByteArrayView WordNet::dataFile(PartOfSpeech pos) const
{
    const File &file = *m_data[int(pos)];
    return QByteArrayView(file.data, file.size);
}

QByteArray WordNet::indexLine(PartOfSpeech pos, const QByteArray &lemma) const
{
    if (lemma.isEmpty())
        return {};
    return m_index[int(pos)]->find(lemma).toByteArray();
}

int WordNet::taggedSenses(PartOfSpeech pos, const QByteArray &lemma) const
{
    // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
    const QList<QByteArrayView> f = fields(indexLine(pos, lemma));
    if (f.size() < 4)
        return 0;
    const int pointerCount = toInt(f.at(3));
    const qsizetype at = 4 + pointerCount + 1;
    return pointerCount >= 0 && at < f.size() ? std::max(0, toInt(f.at(at))) : 0;
}

QStringList WordNet::lemmas(const QString &word, PartOfSpeech pos) const
{
    const QByteArray form = indexForm(word);
    if (form.isEmpty())
        return {};
    QList<QByteArray> candidates{form};
    const auto exception = m_exceptions[int(pos)].constFind(form);
    if (exception != m_exceptions[int(pos)].cend()) {
        candidates += *exception;
    } else if (!(pos == PartOfSpeech::Noun && (form.endsWith("ss") || form.size() <= 2))) {
        for (const Rule &rule : rules(pos)) {
            if (form.endsWith(rule.suffix) && form.size() > qsizetype(std::strlen(rule.suffix)))
                candidates.append(
                    form.first(form.size() - qsizetype(std::strlen(rule.suffix))) + rule.ending);
        }
    }
    QStringList out;
    for (const QByteArray &c : std::as_const(candidates)) {
        const QString lemma = QString::fromUtf8(c);
        if (!out.contains(lemma) && indexed(pos, c))
            out.append(lemma);
    }
    return out;
}

std::optional<QString> WordNet::lemma(const QString &word) const
{
    std::optional<QString> best;
    int bestTagged = -1;
    for (const PartOfSpeech pos : kAll) {
        for (const QString &form : lemmas(word, pos)) {
            const int tagged = taggedSenses(pos, form.toUtf8());
            if (tagged > bestTagged) {
                bestTagged = tagged;
                best = form;
            }
        }
    }
    if (best)
        best->replace(u'_', u' ');
    return best;
}

QList<Sense> WordNet::senses(const QString &word, PartOfSpeech pos) const
{
    QList<Sense> out;
    QSet<quint32> seen;
    for (const QString &lemma : lemmas(word, pos)) {
        const QByteArray line = indexLine(pos, lemma.toUtf8());
        const QList<QByteArrayView> f = fields(line);
        if (f.size() < 4)
            continue;
        const int synsetCount = toInt(f.at(2));
        const int pointerCount = toInt(f.at(3));
        if (synsetCount <= 0 || pointerCount < 0 || 4 + pointerCount + 2 + synsetCount > f.size())
            continue;
        const int tagged = std::max(0, toInt(f.at(4 + pointerCount + 1)));
        const qsizetype first = 4 + pointerCount + 2;
        for (int k = 0; k < synsetCount; ++k) {
            const int offset = toInt(f.at(first + k));
            if (offset < 0 || seen.contains(quint32(offset)))
                continue;
            const std::optional<Synset> s = synset({pos, quint32(offset)});
            if (!s)
                continue;
            seen.insert(quint32(offset));
            Sense sense;
            sense.lemma = displayForm(QByteArrayView(lemma.toUtf8()));
            sense.rank = k + 1;
            sense.senseCount = synsetCount;
            sense.taggedSenseCount = tagged;
            sense.synset = *s;
            out.append(sense);
        }
    }
    return out;
}

QList<Sense> WordNet::senses(const QString &word) const
{
    QList<Sense> out;
    for (const PartOfSpeech pos : kAll)
        out += senses(word, pos);
    return out;
}

QList<Synset> WordNet::synsets(const QString &word) const
{
    QList<Synset> out;
    for (const Sense &s : senses(word))
        out.append(s.synset);
    return out;
}

QStringList WordNet::synonyms(const QString &word) const
{
    QStringList own;
    for (const PartOfSpeech pos : kAll)
        for (const QString &l : lemmas(word, pos))
            own.append(displayForm(QByteArrayView(l.toUtf8())).toLower());
    QStringList out;
    for (const Sense &s : senses(word))
        for (const QString &w : s.synset.words)
            if (!own.contains(w.toLower()) && !out.contains(w))
                out.append(w);
    return out;
}

std::optional<Synset> WordNet::synset(SynsetId id) const
{
    const File &file = *m_data[int(id.pos)];
    if (id.offset >= file.size || (id.offset > 0 && file.data[id.offset - 1] != '\n'))
        return std::nullopt;
    const QByteArrayView line = file.lineAt(id.offset);
    const qsizetype bar = line.indexOf('|');
    const QList<QByteArrayView> f = fields(bar < 0 ? line : line.first(bar));
    // synset_offset lex_filenum ss_type w_cnt word lex_id [word lex_id...] p_cnt [ptr...] ...
    if (f.size() < 4 || toInt(f.at(0)) != int(id.offset))
        return std::nullopt;
    Synset s;
    s.id = id;
    s.lexFile = toInt(f.at(1));
    const int wordCount = toInt(f.at(3), 16);
    if (wordCount < 0 || 4 + 2 * wordCount >= f.size())
        return std::nullopt;
    for (int k = 0; k < wordCount; ++k) {
        QByteArrayView w = f.at(4 + 2 * k);
        if (w.endsWith(')')) { // adjective markers: (a), (p), (ip)
            const qsizetype open = w.lastIndexOf('(');
            if (open > 0)
                w = w.first(open);
        }
        s.words.append(displayForm(w));
    }
    qsizetype at = 4 + 2 * wordCount;
    const int pointerCount = toInt(f.at(at++));
    for (int k = 0; k < pointerCount && at + 3 < f.size(); ++k, at += 4) {
        const std::optional<PartOfSpeech> pos
            = f.at(at + 2).size() == 1 ? posFromChar(f.at(at + 2).at(0)) : std::nullopt;
        const int offset = toInt(f.at(at + 1));
        if (!pos || offset < 0)
            continue;
        s.pointers.append(
            {QString::fromLatin1(f.at(at)), {*pos, quint32(offset)}, f.at(at + 3) != "0000"});
    }
    if (bar >= 0) {
        QString gloss = QString::fromUtf8(line.sliced(bar + 1)).trimmed();
        // definition; "example"; "example"
        const qsizetype quote = gloss.indexOf(u'"');
        QString definition = (quote < 0 ? gloss : gloss.left(quote)).trimmed();
        while (definition.endsWith(u';'))
            definition.chop(1);
        s.gloss = definition.trimmed();
        qsizetype i = quote;
        while (i >= 0 && i < gloss.size()) {
            const qsizetype close = gloss.indexOf(u'"', i + 1);
            if (close < 0)
                break;
            const QString example = gloss.mid(i + 1, close - i - 1).trimmed();
            if (!example.isEmpty())
                s.examples.append(example);
            i = gloss.indexOf(u'"', close + 1);
        }
    }
    return s;
}

QList<QList<Synset>> WordNet::hypernymChains(const Synset &start, int maxChains) const
{
    QList<QList<Synset>> done;
    // Depth-first over the hypernym graph, one chain per path to a root.
    struct Frame
    {
        QList<Synset> chain;
        Synset at;
    };
    QList<Frame> stack{{{}, start}};
    while (!stack.isEmpty() && done.size() < maxChains) {
        Frame frame = stack.takeLast();
        const QList<SynsetId> up = frame.at.hypernyms();
        if (up.isEmpty() || frame.chain.size() >= 32) {
            if (!frame.chain.isEmpty())
                done.append(frame.chain);
            continue;
        }
        for (qsizetype k = up.size() - 1; k >= 0; --k) {
            const std::optional<Synset> next = synset(up.at(k));
            if (!next)
                continue;
            Frame child{frame.chain, *next};
            child.chain.append(*next);
            stack.append(child);
        }
    }
    return done;
}

QList<Synset> WordNet::topicDomains(const Synset &start, int maxDepth) const
{
    QList<Synset> level{start};
    QSet<quint64> seen{start.id.key()};
    for (int depth = 0; depth <= maxDepth && !level.isEmpty(); ++depth) {
        QList<Synset> domains;
        QSet<quint64> domainSeen;
        QList<Synset> next;
        for (const Synset &s : std::as_const(level)) {
            for (const SynsetId &d : s.topicDomains()) {
                if (domainSeen.contains(d.key()))
                    continue;
                domainSeen.insert(d.key());
                if (const std::optional<Synset> domain = synset(d))
                    domains.append(*domain);
            }
            for (const SynsetId &h : s.hypernyms()) {
                if (seen.contains(h.key()))
                    continue;
                seen.insert(h.key());
                if (const std::optional<Synset> up = synset(h))
                    next.append(*up);
            }
        }
        if (!domains.isEmpty())
            return domains;
        level = next;
    }
    return {};
}

int WordNet::senseRank(const QString &lemma, SynsetId id, int *taggedSenseCount) const
{
    // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
    const QByteArray line = indexLine(id.pos, indexForm(lemma));
    const QList<QByteArrayView> f = fields(line);
    if (taggedSenseCount)
        *taggedSenseCount = 0;
    if (f.size() < 4)
        return 0;
    const int synsetCount = toInt(f.at(2));
    const int pointerCount = toInt(f.at(3));
    if (synsetCount <= 0 || pointerCount < 0 || 4 + pointerCount + 2 + synsetCount > f.size())
        return 0;
    if (taggedSenseCount)
        *taggedSenseCount = std::max(0, toInt(f.at(4 + pointerCount + 1)));
    const qsizetype first = 4 + pointerCount + 2;
    for (int k = 0; k < synsetCount; ++k)
        if (toInt(f.at(first + k)) == int(id.offset))
            return k + 1;
    return 0;
}

} // namespace sandbox::lexicon
