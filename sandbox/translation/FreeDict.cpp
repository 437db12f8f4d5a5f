// SPDX-License-Identifier: MIT
#include "sandbox/translation/FreeDict.h"

#include <QFile>
#include <QHash>
#include <QMutex>
#include <QRegularExpression>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <zlib.h>

using namespace Qt::StringLiterals;

namespace sandbox::translation {

namespace {

// dictd's base64 numbers: digits A-Z a-z 0-9 + /, most significant first.
bool decode64(const char *begin, const char *end, qint64 *out)
{
    qint64 n = 0;
    if (begin == end || end - begin > 8)
        return false;
    for (const char *p = begin; p != end; ++p) {
        const char c = *p;
        int v = -1;
        if (c >= 'A' && c <= 'Z')
            v = c - 'A';
        else if (c >= 'a' && c <= 'z')
            v = c - 'a' + 26;
        else if (c >= '0' && c <= '9')
            v = c - '0' + 52;
        else if (c == '+')
            v = 62;
        else if (c == '/')
            v = 63;
        else
            return false;
        n = n * 64 + v;
    }
    *out = n;
    return true;
}

// Lower-cases ASCII and the Latin-1 capitals of UTF-8 (C3 80..9E → C3 A0..BE, but ×), in place and
// keeping the length, so that index keys compare ignoring case.
void lowerInPlace(char *data, qint64 size)
{
    for (qint64 i = 0; i < size; ++i) {
        const auto c = static_cast<unsigned char>(data[i]);
        if (c >= 'A' && c <= 'Z') {
            data[i] = char(c + 32);
        } else if (c == 0xC3 && i + 1 < size) {
            const auto d = static_cast<unsigned char>(data[i + 1]);
            if (d >= 0x80 && d <= 0x9E && d != 0x97)
                data[i + 1] = char(d + 0x20);
            ++i;
        }
    }
}

QByteArray lowerKey(const QString &word)
{
    QByteArray key = word.toUtf8();
    lowerInPlace(key.data(), key.size());
    return key;
}

// The headword of the index line at `p` (up to its tab).
std::pair<const char *, size_t> keyAt(const QByteArray &index, quint32 p)
{
    const char *begin = index.constData() + p;
    const char *tab = static_cast<const char *>(std::memchr(begin, '\t', size_t(index.size() - p)));
    return {begin, tab ? size_t(tab - begin) : 0};
}

int compareKeys(std::pair<const char *, size_t> a, std::pair<const char *, size_t> b)
{
    const int c = std::memcmp(a.first, b.first, std::min(a.second, b.second));
    if (c != 0)
        return c;
    return a.second < b.second ? -1 : (a.second > b.second ? 1 : 0);
}

} // namespace

FreeDict::~FreeDict() = default;

QString FreeDict::dataDirectory()
{
    const QString env = qEnvironmentVariable("ALEPH_FREEDICT_DIR");
    return env.isEmpty() ? u"/usr/share/dictd"_s : env;
}

const FreeDict *FreeDict::shared(const QString &name)
{
    static QMutex mutex;
    static QHash<QString, std::shared_ptr<FreeDict>> opened; // null when absent
    QMutexLocker lock(&mutex);
    const auto it = opened.constFind(name);
    if (it != opened.cend())
        return it->get();
    std::shared_ptr<FreeDict> dict = open(dataDirectory(), name);
    opened.insert(name, dict);
    return dict.get();
}

std::unique_ptr<FreeDict> FreeDict::open(
    const QString &directory, const QString &name, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::unique_ptr<FreeDict>();
    };
    static std::atomic<quint64> ids{0};
    std::unique_ptr<FreeDict> dict(new FreeDict);
    dict->m_id = ++ids;
    QFile index(directory + u'/' + name + u".index"_s);
    if (!index.open(QIODevice::ReadOnly))
        return fail(u"%1: %2"_s.arg(index.fileName(), index.errorString()));
    dict->m_index = index.readAll();
    dict->m_dictPath = directory + u'/' + name + u".dict.dz"_s;
    QFile data(dict->m_dictPath);
    if (!data.open(QIODevice::ReadOnly))
        return fail(u"%1: %2"_s.arg(data.fileName(), data.errorString()));

    // The gzip header with dictzip's "RA" extra field: version, chunk length, chunk count and the
    // compressed size of each chunk (little-endian 16-bit numbers).
    const QByteArray head = data.read(12);
    const auto byte = [](const QByteArray &b, int i) {
        return int(static_cast<unsigned char>(b.at(i)));
    };
    if (head.size() < 12 || byte(head, 0) != 0x1f || byte(head, 1) != 0x8b || byte(head, 2) != 8
        || !(byte(head, 3) & 4))
        return fail(u"%1: not a dictzip file"_s.arg(data.fileName()));
    const int flags = byte(head, 3);
    const int extraLength = byte(head, 10) | (byte(head, 11) << 8);
    const QByteArray extra = data.read(extraLength);
    if (extra.size() != extraLength)
        return fail(u"%1: truncated header"_s.arg(data.fileName()));
    bool found = false;
    for (int i = 0; i + 4 <= extra.size();) {
        const int length = byte(extra, i + 2) | (byte(extra, i + 3) << 8);
        if (i + 4 + length > extra.size())
            break;
        if (extra.at(i) == 'R' && extra.at(i + 1) == 'A' && length >= 6) {
            const int at = i + 4;
            const auto u16 = [&](int k) {
                return byte(extra, at + k) | (byte(extra, at + k + 1) << 8);
            };
            dict->m_chunkLength = u16(2);
            const int count = u16(4);
            if (length < 6 + 2 * count || dict->m_chunkLength <= 0)
                break;
            qint64 offset = 0;
            dict->m_chunkOffsets.reserve(size_t(count) + 1);
            for (int c = 0; c < count; ++c) {
                dict->m_chunkOffsets.push_back(offset);
                offset += u16(6 + 2 * c);
            }
            dict->m_chunkOffsets.push_back(offset);
            found = true;
        }
        i += 4 + length;
    }
    if (!found)
        return fail(u"%1: no dictzip chunk table"_s.arg(data.fileName()));
    qint64 start = 12 + extraLength;
    const auto skipZeroTerminated = [&] {
        data.seek(start);
        char c = 1;
        while (data.getChar(&c) && c != 0) {}
        start = data.pos();
    };
    if (flags & 8)
        skipZeroTerminated();
    if (flags & 16)
        skipZeroTerminated();
    if (flags & 2)
        start += 2;
    dict->m_dataStart = start;
    for (qint64 &offset : dict->m_chunkOffsets)
        offset += start;

    // Index lines: headword, tab, offset, tab, length. Headwords compare lower-cased (the base64
    // numbers after them are case-sensitive).
    QByteArray &ix = dict->m_index;
    dict->m_lines.reserve(size_t(ix.count('\n')) + 1);
    for (qint64 p = 0; p < ix.size();) {
        const qint64 end = ix.indexOf('\n', p);
        const qint64 lineEnd = end < 0 ? ix.size() : end;
        const qint64 tab = ix.indexOf('\t', p);
        if (lineEnd > p && tab > p && tab < lineEnd) {
            lowerInPlace(ix.data() + p, tab - p);
            dict->m_lines.push_back(quint32(p));
        }
        p = lineEnd + 1;
    }
    if (dict->m_lines.empty())
        return fail(u"%1: empty index"_s.arg(index.fileName()));
    std::stable_sort(dict->m_lines.begin(), dict->m_lines.end(), [&ix](quint32 a, quint32 b) {
        return compareKeys(keyAt(ix, a), keyAt(ix, b)) < 0;
    });
    return dict;
}

std::pair<size_t, size_t> FreeDict::range(const QByteArray &key) const
{
    const std::pair<const char *, size_t> k{key.constData(), size_t(key.size())};
    const auto lower = std::lower_bound(
        m_lines.begin(), m_lines.end(), k, [this](quint32 line, const auto &value) {
            return compareKeys(keyAt(m_index, line), value) < 0;
        });
    auto upper = lower;
    while (upper != m_lines.end() && compareKeys(keyAt(m_index, *upper), k) == 0)
        ++upper;
    return {size_t(lower - m_lines.begin()), size_t(upper - m_lines.begin())};
}

bool FreeDict::contains(const QString &word) const
{
    const auto [from, to] = range(lowerKey(word));
    return to > from;
}

QByteArray FreeDict::readData(qint64 offset, qint64 length) const
{
    if (offset < 0 || length <= 0 || length > (1 << 20))
        return {};
    const qint64 first = offset / m_chunkLength;
    const qint64 last = (offset + length - 1) / m_chunkLength;
    if (last + 1 >= qint64(m_chunkOffsets.size()))
        return {};
    // The chunks inflated last on this thread (a sentence's words share chunks: "dog" and "dogs").
    struct Cached
    {
        quint64 dict;
        qint64 chunk;
        QByteArray plain;
    };
    thread_local QList<Cached> cache;
    QFile file(m_dictPath);
    QByteArray plain;
    for (qint64 c = first; c <= last; ++c) {
        const auto hit = std::find_if(cache.cbegin(), cache.cend(), [&](const Cached &k) {
            return k.dict == m_id && k.chunk == c;
        });
        if (hit != cache.cend()) {
            plain += hit->plain;
            continue;
        }
        if (!file.isOpen() && !file.open(QIODevice::ReadOnly))
            return {};
        if (!file.seek(m_chunkOffsets[size_t(c)]))
            return {};
        const QByteArray packed
            = file.read(m_chunkOffsets[size_t(c) + 1] - m_chunkOffsets[size_t(c)]);
        QByteArray out(int(m_chunkLength), Qt::Uninitialized);
        z_stream z{};
        if (inflateInit2(&z, -MAX_WBITS) != Z_OK)
            return {};
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(packed.constData()));
        z.avail_in = uInt(packed.size());
        z.next_out = reinterpret_cast<Bytef *>(out.data());
        z.avail_out = uInt(out.size());
        const int rc = inflate(&z, Z_SYNC_FLUSH);
        const qint64 produced = qint64(out.size()) - z.avail_out;
        inflateEnd(&z);
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
            return {};
        out.truncate(int(produced));
        plain += out;
        if (cache.size() >= 32)
            cache.removeFirst();
        cache.append({m_id, c, out});
    }
    const qint64 at = offset - first * m_chunkLength;
    if (at + length > plain.size())
        return {};
    return plain.mid(at, length);
}

QList<DictSense> FreeDict::lookup(const QString &word, bool exactCase) const
{
    QList<DictSense> senses;
    const auto [from, to] = range(lowerKey(word));
    for (size_t i = from; i < to; ++i) {
        const char *line = m_index.constData() + m_lines[i];
        const char *end = line;
        const char *stop = m_index.constData() + m_index.size();
        while (end != stop && *end != '\n')
            ++end;
        const QList<QByteArray> fields = QByteArray(line, end - line).split('\t');
        qint64 offset = 0;
        qint64 length = 0;
        if (fields.size() < 3 || !decode64(fields[1].cbegin(), fields[1].cend(), &offset)
            || !decode64(fields[2].trimmed().cbegin(), fields[2].trimmed().cend(), &length))
            continue;
        DictSense sense = parseSense(QString::fromUtf8(readData(offset, length)));
        if (exactCase ? sense.headword != word
                      : sense.headword.compare(word, Qt::CaseInsensitive) != 0)
            continue; // "car" listed for "contractors' all risk insurance (CAR)"
        senses.append(sense);
    }
    return senses;
}

DictSense parseSense(const QString &text)
{
    static const QRegularExpression tagRe(u"<([^<>]*)>"_s);
    static const QRegularExpression labelRe(u"\\[([^\\[\\]]*)\\]"_s);
    static const QRegularExpression pronunciationRe(u"\\s/[^/]*/"_s);
    static const QRegularExpression slashedRe(u"(^|\\s)/[^/]*/"_s);
    DictSense sense;
    const QStringList lines = text.split(u'\n');
    if (lines.isEmpty())
        return sense;
    // First line: headword, /pronunciation/, optional (inflected forms), <tags>.
    QString head = lines.first();
    const QRegularExpressionMatch pron = pronunciationRe.match(head);
    QString rest;
    if (pron.hasMatch()) {
        rest = head.mid(pron.capturedEnd());
        head = head.left(pron.capturedStart());
    } else {
        const qsizetype tag = head.indexOf(u'<');
        if (tag >= 0) {
            rest = head.mid(tag);
            head = head.left(tag);
        }
    }
    sense.headword = head.trimmed();
    // the tags after the (inflected forms) belong to the headword
    const qsizetype close = rest.lastIndexOf(u')');
    auto it = tagRe.globalMatch(close >= 0 ? rest.mid(close) : rest);
    while (it.hasNext()) {
        for (const QString &t : it.next().captured(1).split(u',', Qt::SkipEmptyParts))
            sense.headwordTags.append(t.trimmed());
    }
    if (lines.size() < 2)
        return sense;
    QString translations = lines.at(1);
    auto labels = labelRe.globalMatch(translations);
    while (labels.hasNext())
        sense.labels.append(labels.next().captured(1).trimmed());
    // Split at commas outside <...> and (...).
    int depth = 0;
    QString current;
    const auto flushTerm = [&] {
        DictTerm term;
        auto termLabels = labelRe.globalMatch(current);
        while (termLabels.hasNext())
            term.labels.append(termLabels.next().captured(1).trimmed());
        current.remove(labelRe);
        auto tags = tagRe.globalMatch(current);
        while (tags.hasNext()) {
            for (const QString &t : tags.next().captured(1).split(u',', Qt::SkipEmptyParts))
                term.tags.append(t.trimmed());
        }
        // "Bahnhof <masc>Bhf." is the word "Bahnhof"; " /bˌiːˌeɪtʃˈɛf/" (a pronunciation) none
        QString word = current;
        const qsizetype tag = word.indexOf(u'<');
        if (tag >= 0)
            word.truncate(tag);
        word.remove(slashedRe);
        term.text = word.simplified();
        if (!term.text.isEmpty())
            sense.terms.append(term);
        current.clear();
    };
    for (const QChar c : std::as_const(translations)) {
        if (c == u'<' || c == u'(' || c == u'[')
            ++depth;
        else if ((c == u'>' || c == u')' || c == u']') && depth > 0)
            --depth;
        if (c == u',' && depth == 0)
            flushTerm();
        else
            current += c;
    }
    flushTerm();
    for (qsizetype i = 2; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.startsWith(u'"'))
            ++sense.examples;
        else if (line.startsWith(u"Note:"_s))
            sense.notes.append(line.mid(5).trimmed());
    }
    return sense;
}

} // namespace sandbox::translation
