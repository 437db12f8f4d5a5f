// SPDX-License-Identifier: MIT
#include "core/api/FastJson.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <simdjson.h>
#include <type_traits>

namespace dom = simdjson::dom;

namespace core::json {

/// The opaque bytes of Element, Element::Items and Element::Members are simdjson's own
/// (trivially copyable) element and iterator objects.
struct ElementAccess
{
    template<class S>
    static S load(const unsigned char *raw)
    {
        static_assert(sizeof(S) <= 16 && std::is_trivially_copyable_v<S>);
        S out;
        std::memcpy(static_cast<void *>(&out), raw, sizeof(S));
        return out;
    }
    template<class S>
    static void store(unsigned char *raw, const S &value)
    {
        static_assert(sizeof(S) <= 16 && std::is_trivially_copyable_v<S>);
        std::memcpy(raw, static_cast<const void *>(&value), sizeof(S));
    }
    static dom::element get(const Element &e) { return load<dom::element>(e.m_raw); }
    static Element make(const dom::element &e)
    {
        Element out;
        store(out.m_raw, e);
        return out;
    }
};

namespace {

dom::element el(const Element &e)
{
    return ElementAccess::get(e);
}

QString fromUtf8(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

/// Whether a QString key equals simdjson's UTF-8 key, without allocating for ASCII keys.
bool sameKey(QStringView key, std::string_view utf8)
{
    if (qsizetype(utf8.size()) == key.size()) {
        // Equal lengths: equal only when all ASCII (any other character is longer in UTF-8).
        for (qsizetype i = 0; i < key.size(); ++i) {
            const uchar byte = uchar(utf8[size_t(i)]);
            if (byte >= 0x80 || key[i].unicode() != byte)
                return false;
        }
        return true;
    }
    if (qsizetype(utf8.size()) < key.size())
        return false; // UTF-8 is never shorter than UTF-16 in code units
    for (const QChar c : key) {
        if (c.unicode() >= 0x80)
            return key == fromUtf8(utf8);
    }
    return false; // an ASCII key equals ASCII text of its own length only
}

} // namespace

Element::Type Element::type() const
{
    switch (el(*this).type()) {
    case dom::element_type::ARRAY:
        return Type::Array;
    case dom::element_type::OBJECT:
        return Type::Object;
    case dom::element_type::INT64:
    case dom::element_type::UINT64:
    case dom::element_type::DOUBLE:
        return Type::Number;
    case dom::element_type::STRING:
        return Type::String;
    case dom::element_type::BOOL:
        return Type::Bool;
    case dom::element_type::NULL_VALUE:
        break;
    }
    return Type::Null;
}

bool Element::toBool() const
{
    bool out = false;
    return el(*this).get_bool().get(out) == simdjson::SUCCESS && out;
}

double Element::toDouble() const
{
    double out = 0;
    if (el(*this).get_double().get(out) != simdjson::SUCCESS)
        return 0;
    return out;
}

qint64 Element::toInteger() const
{
    const dom::element e = el(*this);
    int64_t i = 0;
    if (e.is_int64() && e.get_int64().get(i) == simdjson::SUCCESS)
        return i;
    const double d = toDouble();
    // As QJsonValue::toInteger: a double without fraction within qint64, else 0.
    if (d != std::trunc(d) || !(std::abs(d) < 9223372036854775808.0))
        return 0;
    return qint64(d);
}

QString Element::toString() const
{
    std::string_view s;
    if (el(*this).get_string().get(s) != simdjson::SUCCESS)
        return {};
    return fromUtf8(s);
}

qsizetype Element::size() const
{
    const dom::element e = el(*this);
    dom::array array;
    if (e.get_array().get(array) == simdjson::SUCCESS)
        return qsizetype(array.size());
    dom::object object;
    if (e.get_object().get(object) == simdjson::SUCCESS)
        return qsizetype(object.size());
    return 0;
}

QJsonValue Element::toJsonValue() const
{
    const dom::element e = el(*this);
    switch (e.type()) {
    case dom::element_type::ARRAY: {
        QJsonArray out;
        for (Items it(*this); it; ++it)
            out.append((*it).toJsonValue());
        return out;
    }
    case dom::element_type::OBJECT: {
        QJsonObject out;
        for (Members it(*this); it; ++it)
            out.insert(it.key(), it.value().toJsonValue()); // the last duplicate wins
        return out;
    }
    case dom::element_type::INT64:
        return toInteger();
    case dom::element_type::UINT64:
    case dom::element_type::DOUBLE: {
        // As QJsonDocument: a number that is a whole qint64 ("1.0", "1e2") is kept as an integer.
        const double d = toDouble();
        if (d == std::trunc(d) && d >= -9223372036854775808.0 && d < 9223372036854775808.0)
            return qint64(d);
        return d;
    }
    case dom::element_type::STRING:
        return toString();
    case dom::element_type::BOOL:
        return toBool();
    case dom::element_type::NULL_VALUE:
        break;
    }
    return QJsonValue(QJsonValue::Null);
}

Element::Items::Items(const Element &array)
{
    dom::array a;
    if (el(array).get_array().get(a) != simdjson::SUCCESS)
        return; // both ends stay zero: empty
    ElementAccess::store(m_at, a.begin());
    ElementAccess::store(m_end, a.end());
}

Element::Items::operator bool() const
{
    return std::memcmp(m_at, m_end, sizeof m_at) != 0;
}

Element::Items &Element::Items::operator++()
{
    auto it = ElementAccess::load<dom::array::iterator>(m_at);
    ++it;
    ElementAccess::store(m_at, it);
    return *this;
}

Element Element::Items::operator*() const
{
    return ElementAccess::make(*ElementAccess::load<dom::array::iterator>(m_at));
}

Element::Members::Members(const Element &object)
{
    dom::object o;
    if (el(object).get_object().get(o) != simdjson::SUCCESS)
        return;
    ElementAccess::store(m_at, o.begin());
    ElementAccess::store(m_end, o.end());
}

Element::Members::operator bool() const
{
    return std::memcmp(m_at, m_end, sizeof m_at) != 0;
}

Element::Members &Element::Members::operator++()
{
    auto it = ElementAccess::load<dom::object::iterator>(m_at);
    ++it;
    ElementAccess::store(m_at, it);
    return *this;
}

QString Element::Members::key() const
{
    return fromUtf8(rawKey());
}

std::string_view Element::Members::rawKey() const
{
    return ElementAccess::load<dom::object::iterator>(m_at).key();
}

Element Element::Members::value() const
{
    return ElementAccess::make(ElementAccess::load<dom::object::iterator>(m_at).value());
}

QList<std::pair<QString, Element>> sortedMembers(const Element &object)
{
    QList<std::pair<QString, Element>> out;
    out.reserve(object.size());
    for (Element::Members it(object); it; ++it)
        out.append({it.key(), it.value()});
    // By key as QJsonObject orders them; of equal keys the last in the document stays.
    std::stable_sort(
        out.begin(), out.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<std::pair<QString, Element>> unique;
    unique.reserve(out.size());
    for (qsizetype i = 0; i < out.size(); ++i) {
        if (i + 1 < out.size() && out.at(i + 1).first == out.at(i).first)
            continue;
        unique.append(out.at(i));
    }
    return unique;
}

QString typeName(const Element &value)
{
    switch (value.type()) {
    case Element::Type::Null:
        return QStringLiteral("null");
    case Element::Type::Bool:
        return QStringLiteral("a boolean");
    case Element::Type::Number:
        return QStringLiteral("a number");
    case Element::Type::String:
        return QStringLiteral("a string");
    case Element::Type::Array:
        return QStringLiteral("an array");
    case Element::Type::Object:
        return QStringLiteral("an object");
    }
    return QStringLiteral("nothing");
}

// The readers below mirror Json.cpp's QJsonValue readers message for message.

static bool expect(bool ok, const Element &v, const char *what, const Context &c)
{
    if (!ok)
        c.fail(QStringLiteral("expected %1, got %2").arg(QLatin1String(what), typeName(v)));
    return ok;
}

bool read(const Element &v, QString &out, const Context &c)
{
    if (!expect(v.isString(), v, "a string", c))
        return false;
    out = v.toString();
    return true;
}

bool read(const Element &v, bool &out, const Context &c)
{
    if (!expect(v.isBool(), v, "a boolean", c))
        return false;
    out = v.toBool();
    return true;
}

bool read(const Element &v, qint64 &out, const Context &c)
{
    int64_t whole = 0; // the common case in one step: a JSON integer within ±2^53
    if (el(v).get_int64().get(whole) == simdjson::SUCCESS && whole <= 9007199254740992
        && whole >= -9007199254740992) {
        out = whole;
        return true;
    }
    if (!expect(v.isNumber(), v, "an integer", c))
        return false;
    const double d = v.toDouble();
    if (d != std::trunc(d) || std::abs(d) > 9007199254740992.0) {
        c.fail(QStringLiteral("expected an integer, got %1").arg(d));
        return false;
    }
    out = v.toInteger();
    return true;
}

bool read(const Element &v, int &out, const Context &c)
{
    qint64 wide = 0;
    if (!read(v, wide, c))
        return false;
    if (wide < std::numeric_limits<int>::min() || wide > std::numeric_limits<int>::max()) {
        c.fail(QStringLiteral("integer %1 is out of range").arg(wide));
        return false;
    }
    out = int(wide);
    return true;
}

bool read(const Element &v, double &out, const Context &c)
{
    if (el(v).get_double().get(out) == simdjson::SUCCESS)
        return true;
    if (!expect(v.isNumber(), v, "a number", c))
        return false;
    out = v.toDouble();
    return true;
}

bool read(const Element &v, float &out, const Context &c)
{
    if (!expect(v.isNumber(), v, "a number", c)
        || !expect(fitsFloat(v.toDouble()), v, "a number within float range", c))
        return false;
    out = float(v.toDouble());
    return true;
}

bool read(const Element &v, QJsonObject &out, const Context &c)
{
    if (!expect(v.isObject(), v, "an object", c))
        return false;
    out = v.toJsonValue().toObject();
    return true;
}

bool read(const Element &v, QJsonValue &out, const Context &)
{
    out = v.toJsonValue();
    return true;
}

bool read(const Element &v, QStringList &out, const Context &c)
{
    QList<QString> list;
    if (!read<QString>(v, list, c))
        return false;
    out = QStringList(list);
    return true;
}

namespace {

/// A vector: the numbers straight off simdjson's tape into `out`.
template<class T>
bool readVector(const Element &v, QList<T> &out, const Context &c)
{
    dom::array array;
    if (el(v).get_array().get(array) != simdjson::SUCCESS) {
        c.fail(QStringLiteral("expected an array, got ") + typeName(v));
        return false;
    }
    // Sized once and written through a plain pointer: no capacity or sharing check per number.
    // simdjson's count saturates at 0xFFFFFF: the numbers past it are appended.
    const qsizetype counted = qsizetype(array.size());
    out.resize(counted);
    T *const data = out.data();
    qsizetype i = 0;
    for (dom::element item : array) {
        double d = 0;
        if (item.get_double().get(d) != simdjson::SUCCESS
            || (std::is_same_v<T, float> && !fitsFloat(d))) {
            out.clear();
            T ignored{};
            return read(ElementAccess::make(item), ignored, c.element(i));
        }
        if (i < counted)
            data[i] = T(d);
        else
            out.append(T(d));
        ++i;
    }
    out.resize(i);
    return true;
}

} // namespace

bool readNumbers(const Element &v, QList<float> &out, const Context &c)
{
    return readVector(v, out, c);
}

bool readNumbers(const Element &v, QList<double> &out, const Context &c)
{
    return readVector(v, out, c);
}

bool readNumberObject(const Element &v, const NumberMember *members, int count)
{
    constexpr int kMost = 8;
    dom::object object;
    if (count < 0 || count > kMost || el(v).get_object().get(object) != simdjson::SUCCESS
        || object.size() != size_t(count))
        return false;
    int integers[kMost];
    double reals[kMost];
    unsigned seen = 0;
    for (const dom::key_value_pair member : object) {
        int i = 0;
        while (i < count && members[i].key != member.key)
            ++i;
        if (i == count || (seen & (1u << i)) != 0)
            return false; // another key, or a duplicate
        seen |= 1u << i;
        if (members[i].integer) {
            int64_t whole = 0;
            if (member.value.get_int64().get(whole) != simdjson::SUCCESS
                || whole < std::numeric_limits<int>::min()
                || whole > std::numeric_limits<int>::max())
                return false;
            integers[i] = int(whole);
        } else if (member.value.get_double().get(reals[i]) != simdjson::SUCCESS) {
            return false;
        }
    }
    for (int i = 0; i < count; ++i) {
        if (members[i].integer)
            *members[i].integer = integers[i];
        else
            *members[i].real = reals[i];
    }
    return true;
}

const Element *Reader::lookup(QStringView key, bool mark)
{
    for (qsizetype i = m_members.size() - 1; i >= 0; --i) { // the last of duplicates
        FastMember &m = m_members[i];
        if (sameKey(key, m.key)) {
            m.asked = m.asked || mark;
            return &m.value;
        }
    }
    return nullptr;
}

bool Reader::finishFast(QJsonObject &extra)
{
    extra = {};
    if (std::all_of(
            m_members.cbegin(), m_members.cend(), [](const FastMember &m) { return m.asked; }))
        return true;
    // A member not asked for is still known when a duplicate of its key was asked for.
    const auto known = [this](const QString &key) {
        return std::any_of(m_members.cbegin(), m_members.cend(), [&](const FastMember &m) {
            return m.asked && sameKey(key, m.key);
        });
    };
    // The other keys in QJsonObject's order, with its choice of duplicates.
    for (const auto &[key, value] : sortedMembers(m_element)) {
        if (known(key))
            continue;
        if (m_context.mode == Mode::Strict) {
            if (value.isNull())
                continue;
            m_context.child(key).fail(
                QStringLiteral("unknown field: the typed request has no place for it"));
            return false;
        }
        extra.insert(key, value.toJsonValue());
    }
    return true;
}

namespace {

constexpr size_t kKeptCapacity = 16 << 20;
/// Deeper documents go the QJsonDocument way (its limit is 1024; no API answer nests past 10).
constexpr size_t kMaxDepth = 256;

/// Whether a number of the document may have underflowed to zero. QJsonDocument refuses such a
/// number ("1e-400": "illegal number") where simdjson gives 0, so a document with a floating zero
/// and an exponent of three digits or a long run of zeros goes the QJsonDocument way.
bool mayHaveUnderflowed(const dom::document &doc, const QByteArray &bytes)
{
    const uint64_t *tape = doc.tape.get();
    const size_t end = size_t(tape[0] & 0x00FFFFFFFFFFFFFFull);
    bool zero = false;
    for (size_t i = 1; i < end && !zero; ++i) {
        const char type = char(tape[i] >> 56);
        if (type == 'd')
            zero = (tape[i + 1] << 1) == 0; // +0.0 or -0.0
        if (type == 'd' || type == 'l' || type == 'u')
            ++i; // the number's own word
    }
    if (!zero)
        return false;
    int zeros = 0;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        zeros = c == '0' ? zeros + 1 : 0;
        if (zeros >= 300)
            return true;
        if ((c == 'e' || c == 'E') && i + 4 < bytes.size() && bytes.at(i + 1) == '-'
            && std::isdigit(uchar(bytes.at(i + 2))) && std::isdigit(uchar(bytes.at(i + 3)))
            && std::isdigit(uchar(bytes.at(i + 4))))
            return true;
    }
    return false;
}

struct ThreadParser
{
    std::unique_ptr<dom::parser> parser;
    bool busy = false;
};
thread_local ThreadParser t_parser;

} // namespace

ParsedDocument::ParsedDocument(const QByteArray &bytes)
{
    if (t_parser.busy) // a nested parse would overwrite the outer document
        return;
    m_owner = true;
    t_parser.busy = true;
    if (!t_parser.parser) {
        t_parser.parser = std::make_unique<dom::parser>();
        if (t_parser.parser->allocate(64 * 1024, kMaxDepth) != simdjson::SUCCESS)
            return;
    }
    if (size_t(bytes.size()) > t_parser.parser->capacity()
        && t_parser.parser->allocate(size_t(bytes.size()), kMaxDepth) != simdjson::SUCCESS)
        return;
    const bool padded = bytes.capacity() - bytes.size() > qsizetype(simdjson::SIMDJSON_PADDING);
    dom::element root;
    if (t_parser.parser->parse(bytes.constData(), size_t(bytes.size()), !padded).get(root)
            == simdjson::SUCCESS
        && root.is_object() && !mayHaveUnderflowed(t_parser.parser->doc, bytes))
        m_root = ElementAccess::make(root);
}

ParsedDocument::~ParsedDocument()
{
    if (!m_owner)
        return;
    t_parser.busy = false;
    if (t_parser.parser && t_parser.parser->capacity() > kKeptCapacity)
        t_parser.parser.reset();
}

} // namespace core::json
