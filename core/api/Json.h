// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVarLengthArray>

#include <concepts>
#include <optional>
#include <string_view>
#include <type_traits>

/// Typed JSON reading and writing shared by every request and response type in core/api.
///
/// Requests are read in Mode::Strict: a key that the type cannot hold is an error, so nothing the
/// user wrote is dropped silently. Responses are read in Mode::Lenient: unknown keys are kept in
/// the struct's `extra` object and written back by toJson(), so a typed response keeps every field
/// the server sent (cassettes/README.md: "parsers must tolerate unknown keys").
/// JSON `null` counts as "absent" everywhere (the API's nullable fields), both when reading and
/// when comparing bodies with stripNulls().
namespace core::json {

enum class Mode { Strict, Lenient };

class Reader;
class Writer;

/// A struct with `QJsonObject extra`, `void read(Reader &)` and `void write(Writer &) const`.
template<class T>
concept Struct = requires(T t, const T ct, Reader &r, Writer &w)
{
    {
        t.extra
        } -> std::convertible_to<QJsonObject>;
    t.read(r);
    ct.write(w);
};

/// Context of one value being read: its path for error messages ("complete: prompt[0].controls").
/// The path is built only when an error is reported: a child context points at its parent (which
/// must outlive it, as it does along the call chain of a read) and holds its own key or index.
struct Context
{
    QString root; // what is being read: "complete", "chat/completions response" (top context)
    QString base; // the path of a context without parent: empty for the root
    Mode mode = Mode::Strict;
    QString *error = nullptr; // first error wins
    const Context *parent = nullptr;
    QString member; // with a parent: the member's name, or empty with `position` ≥ 0
    qsizetype position = -1; // with a parent: the array index

    bool failed() const { return error && !error->isEmpty(); }
    /// The field inside the root: "prompt[0].controls[1].factor"; empty for the root.
    QString path() const;
    /// "complete: field "maximum_tokens": expected an integer, got a string"
    void fail(const QString &message) const;
    /// "complete: missing required field "model""
    void failMissing() const;
    /// The root's name, kept by the top context only (children are made per field read).
    const QString &rootName() const { return parent ? parent->rootName() : root; }
    Context child(const QString &key) const { return Context{{}, {}, mode, error, this, key, -1}; }
    Context element(qsizetype index) const { return Context{{}, {}, mode, error, this, {}, index}; }
};

QString typeName(const QJsonValue &value);

/// Whether `d` converts to float without becoming infinite (a server's 1e39 in a vector is an
/// error, not an infinity that cannot be written back as JSON). 3.4028235e38 still fits.
inline bool fitsFloat(double d)
{
    return !(d >= 0x1.ffffffp+127 || d <= -0x1.ffffffp+127);
}

/// One value of a document parsed by simdjson (core/api/FastJson.h), read by the same typed
/// readers, with the same messages, as a QJsonValue. Valid while that document lives (until the
/// next parse on the same thread). Holds a simdjson::dom::element (a position on the document's
/// tape) as opaque bytes, so that simdjson.h stays out of every file that includes this one.
class Element
{
public:
    enum class Type { Null, Bool, Number, String, Array, Object };
    Element() = default;
    Type type() const;
    bool isNull() const { return type() == Type::Null; }
    bool isBool() const { return type() == Type::Bool; }
    bool isNumber() const { return type() == Type::Number; }
    bool isString() const { return type() == Type::String; }
    bool isArray() const { return type() == Type::Array; }
    bool isObject() const { return type() == Type::Object; }
    bool toBool() const; ///< false unless a boolean
    double toDouble() const; ///< a number as double (integers beyond 2^53 rounded); else 0
    /// A number as a whole integer: exact for JSON integers within int64, else the double
    /// truncated.
    qint64 toInteger() const;
    QString toString() const; ///< a string; else empty
    /// Number of items of an array or members of an object; 0 otherwise.
    qsizetype size() const;
    /// A deep copy as a QJsonValue (objects, arrays and all).
    QJsonValue toJsonValue() const;

    /// Iterates the items of an array: `for (Element::Items it(v); it; ++it) use(*it);`
    class Items
    {
    public:
        explicit Items(const Element &array);
        explicit operator bool() const;
        Items &operator++();
        Element operator*() const;

    private:
        alignas(8) unsigned char m_at[16]{};
        alignas(8) unsigned char m_end[16]{};
    };
    /// Iterates the members of an object in document order.
    class Members
    {
    public:
        explicit Members(const Element &object);
        explicit operator bool() const;
        Members &operator++();
        QString key() const;
        std::string_view rawKey() const; ///< UTF-8, valid while the document lives
        Element value() const;

    private:
        alignas(8) unsigned char m_at[16]{};
        alignas(8) unsigned char m_end[16]{};
    };

private:
    friend struct ElementAccess;
    alignas(8) unsigned char m_raw[16]{};
};

QString typeName(const Element &value);
bool read(const Element &v, QString &out, const Context &c);
bool read(const Element &v, bool &out, const Context &c);
bool read(const Element &v, int &out, const Context &c);
bool read(const Element &v, qint64 &out, const Context &c);
bool read(const Element &v, double &out, const Context &c);
bool read(const Element &v, float &out, const Context &c);
bool read(const Element &v, QJsonObject &out, const Context &c);
bool read(const Element &v, QJsonValue &out, const Context &c);
bool read(const Element &v, QStringList &out, const Context &c);
/// Where readNumberObject() puts one member: its key (ASCII) and exactly one of `integer` (a JSON
/// integer within int range) and `real` (any number).
struct NumberMember
{
    std::string_view key;
    int *integer = nullptr;
    double *real = nullptr;
};
/// The fast path for the many small objects of numbers in an answer (/explain sends one
/// {"start", "length", "score"} per word: 32,768 for 4,096 words and 8 target tokens). When `v`
/// is an object whose members are exactly the `count` keys of `members` (at most 8), each once in
/// any order, with an integer within int range for an `integer` and any number for a `real`
/// (the values read(v, int&) and read(v, double&) give), stores them and returns true. Otherwise
/// stores nothing and returns false: the caller then reads the object with a Reader, which gives
/// the same values or the error message.
bool readNumberObject(const Element &v, const NumberMember *members, int count);
/// Vectors: one pass over the numbers, a per-element context only for a bad one.
bool readNumbers(const Element &v, QList<float> &out, const Context &c);
bool readNumbers(const Element &v, QList<double> &out, const Context &c);
template<class T>
bool read(const Element &v, QList<T> &out, const Context &c);
template<class V>
bool read(const Element &v, QMap<QString, V> &out, const Context &c);
template<Struct T>
bool read(const Element &v, T &out, const Context &c);
/// Any other type (Prompt, Representation, …) is read through its QJsonValue reader: those are
/// small, and their rules stay in one place.
template<class T>
bool read(const Element &v, T &out, const Context &c)
{
    return read(v.toJsonValue(), out, c);
}

bool read(const QJsonValue &v, QString &out, const Context &c);
bool read(const QJsonValue &v, bool &out, const Context &c);
bool read(const QJsonValue &v, int &out, const Context &c);
bool read(const QJsonValue &v, qint64 &out, const Context &c);
bool read(const QJsonValue &v, double &out, const Context &c);
/// Single precision, for the API's `format: float` vectors (embeddings): half the memory of double.
bool read(const QJsonValue &v, float &out, const Context &c);
bool read(const QJsonValue &v, QJsonObject &out, const Context &c);
bool read(const QJsonValue &v, QJsonValue &out, const Context &c);
bool read(const QJsonValue &v, QStringList &out, const Context &c);

template<class T>
bool read(const QJsonValue &v, QList<T> &out, const Context &c);
template<class V>
bool read(const QJsonValue &v, QMap<QString, V> &out, const Context &c);
template<Struct T>
bool read(const QJsonValue &v, T &out, const Context &c);

/// Reads the members of one JSON object into a struct. Errors are sticky: after the first one
/// every further call does nothing, and finish() reports it.
class Reader
{
public:
    Reader(const QJsonObject &object, const Context &context);
    /// The same over an object of a simdjson document (`object` must be an object).
    Reader(const Element &object, const Context &context);

    /// Required member: absent or null is an error naming the field.
    template<class T>
    void required(const QString &key, T &out)
    {
        if (m_context.failed())
            return;
        if (m_fast) {
            const Element *e = lookup(key, true);
            if (!e || e->isNull())
                return m_context.child(key).failMissing();
            read(*e, out, m_context.child(key));
            return;
        }
        m_seen.append(key);
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull())
            return m_context.child(key).failMissing();
        read(v, out, m_context.child(key));
    }

    /// Optional member: absent or null leaves `out` empty.
    template<class T>
    void optional(const QString &key, std::optional<T> &out)
    {
        if (m_context.failed())
            return;
        if (m_fast) {
            const Element *e = lookup(key, true);
            if (!e || e->isNull()) {
                out.reset();
                return;
            }
            T value{};
            if (read(*e, value, m_context.child(key)))
                out = std::move(value);
            return;
        }
        m_seen.append(key);
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull()) {
            out.reset();
            return;
        }
        T value{};
        if (read(v, value, m_context.child(key)))
            out = std::move(value);
    }

    /// Required string member that must be one of `allowed` (checked in Mode::Strict only, so a
    /// response with a newer enum value still parses).
    void requiredEnum(const QString &key, QString &out, const QStringList &allowed)
    {
        required(key, out);
        checkEnum(key, out, allowed);
    }
    /// Optional string member that, when present, must be one of `allowed` (Mode::Strict only).
    void optionalEnum(const QString &key, std::optional<QString> &out, const QStringList &allowed)
    {
        optional(key, out);
        if (out)
            checkEnum(key, *out, allowed);
    }

    /// Marks a key as handled by the caller (e.g. a discriminator read with value()).
    void accept(const QString &key);
    /// The member as a QJsonValue (undefined when absent): for small values such as discriminators.
    QJsonValue value(const QString &key) const;
    /// Whether the member is an object, without copying it (value() copies on simdjson documents).
    bool isObject(const QString &key) const;
    const Context &context() const { return m_context; }
    bool failed() const { return m_context.failed(); }

    /// Checks the keys nobody asked for: an error in Mode::Strict, kept in `extra` otherwise.
    bool finish(QJsonObject &extra);

private:
    void checkEnum(const QString &key, const QString &value, const QStringList &allowed);
    bool finishFast(QJsonObject &extra);
    /// The member `key` of a simdjson object (the last of duplicates, as QJsonObject keeps), marked
    /// as asked for when `mark`; null when absent.
    const Element *lookup(QStringView key, bool mark);
    /// A member of a simdjson object, listed once when the Reader starts.
    struct FastMember
    {
        std::string_view key; // UTF-8
        Element value;
        bool asked = false;
    };
    QJsonObject m_object;
    Element m_element;
    bool m_fast = false;
    QVarLengthArray<FastMember, 8> m_members;
    Context m_context;
    QVarLengthArray<QString, 16> m_seen; // the keys asked for (QJsonObject path)
    bool seen(QStringView key) const;
};

QJsonValue toValue(const QString &v);
QJsonValue toValue(bool v);
QJsonValue toValue(int v);
QJsonValue toValue(qint64 v);
QJsonValue toValue(double v);
/// The shortest decimal that reads back as the same float, as a double: 1.8632812f gives the
/// JSON number 1.8632812 (not 1.86328125), which is what servers print for float32 values.
QJsonValue toValue(float v);
/// Appends the same shortest digits of `v` as JSON text (non-finite values, which JSON cannot
/// carry, as 0): for writers that stream large float arrays without building QJsonArrays.
void appendFloat(QByteArray &out, float v);
QJsonValue toValue(const QJsonObject &v);
QJsonValue toValue(const QJsonValue &v);
QJsonValue toValue(const QStringList &v);
template<class T>
QJsonValue toValue(const QList<T> &v);
template<class V>
QJsonValue toValue(const QMap<QString, V> &v);
template<Struct T>
QJsonValue toValue(const T &v);

/// Builds a JSON object; optional members that are empty are left out.
class Writer
{
public:
    explicit Writer(const QJsonObject &extra = {})
        : m_object(extra)
    {}
    template<class T>
    void put(const QString &key, const T &value)
    {
        m_object.insert(key, toValue(value));
    }
    template<class T>
    void put(const QString &key, const std::optional<T> &value)
    {
        if (value)
            m_object.insert(key, toValue(*value));
    }
    void putValue(const QString &key, const QJsonValue &value) { m_object.insert(key, value); }
    QJsonObject object() const { return m_object; }

private:
    QJsonObject m_object;
};

/// Reads a whole struct from an object; `root` names it in errors ("complete", "chat/completions").
template<Struct T, class Value = QJsonValue>
std::optional<T> parse(const Value &value, const QString &root, Mode mode, QString *error)
{
    QString message;
    T out{};
    const Context c{root, QString(), mode, &message, nullptr, {}, -1};
    if (!read(value, out, c)) {
        if (message.isEmpty())
            message = root + QStringLiteral(": invalid");
        if (error)
            *error = message;
        return std::nullopt;
    }
    return out;
}

/// Reads a whole JSON array of structs (the answers of GET /model-settings, /models_available).
template<Struct T>
std::optional<QList<T>> parseList(
    const QJsonValue &value, const QString &root, Mode mode, QString *error)
{
    QString message;
    QList<T> out;
    if (!read(value, out, Context{root, QString(), mode, &message, nullptr, {}, -1})) {
        if (error)
            *error = message.isEmpty() ? root + QStringLiteral(": invalid") : message;
        return std::nullopt;
    }
    return out;
}

template<Struct T>
QJsonObject serialize(const T &value)
{
    Writer w(value.extra);
    value.write(w);
    return w.object();
}

/// Base (CRTP) of a whole request or response body: gives it toJson() and fromJson().
/// `T` is a Struct with `static constexpr QLatin1String kRoot{"explain"}`, the name errors start
/// with. Requests are read in Mode::Strict, responses in Mode::Lenient.
template<class T, Mode M>
struct Body
{
    QJsonObject toJson() const { return serialize(static_cast<const T &>(*this)); }
    /// Errors name the field: `explain: field "prompt[0].type": unknown prompt item type "x"...`.
    static std::optional<T> fromJson(const QJsonObject &json, QString *error)
    {
        return parse<T>(json, QString(T::kRoot), M, error);
    }
    /// The same from the root object of a simdjson document (core/api/FastJson.h): the same
    /// result and the same messages.
    static std::optional<T> fromElement(const Element &json, QString *error)
    {
        return parse<T, Element>(json, QString(T::kRoot), M, error);
    }
};
template<class T>
using RequestBody = Body<T, Mode::Strict>;
template<class T>
using ResponseBody = Body<T, Mode::Lenient>;

/// A copy of `value` with every null-valued object member removed, recursively. Bodies are compared
/// this way (cassettes record Python's explicit nulls; we leave those fields out).
QJsonValue stripNulls(const QJsonValue &value);

/// The path of the first difference between two JSON values ("messages[0].content"), or an empty
/// string when they are equal. Numbers compare by value (2 == 2.0).
QString firstDifference(const QJsonValue &a, const QJsonValue &b, const QString &path = {});

/// Parses a byte buffer as a JSON object or array; on failure `error` says where and why.
std::optional<QJsonValue> parseDocument(const QByteArray &bytes, QString *error);

// ---- templates ----

template<class T>
bool read(const QJsonValue &v, QList<T> &out, const Context &c)
{
    if (!v.isArray()) {
        c.fail(QStringLiteral("expected an array, got ") + typeName(v));
        return false;
    }
    const QJsonArray array = v.toArray();
    out.clear();
    out.reserve(array.size());
    if constexpr (std::is_floating_point_v<T>) {
        // Vectors (embeddings, scores): no per-element context unless an element is bad.
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QJsonValue item = array.at(i);
            if (!item.isDouble() || (std::is_same_v<T, float> && !fitsFloat(item.toDouble()))) {
                T ignored{};
                return read(item, ignored, c.element(i));
            }
            out.append(T(item.toDouble()));
        }
        return true;
    }
    for (qsizetype i = 0; i < array.size(); ++i) {
        T item{};
        if (!read(array.at(i), item, c.element(i)))
            return false;
        out.append(std::move(item));
    }
    return true;
}

template<class V>
bool read(const QJsonValue &v, QMap<QString, V> &out, const Context &c)
{
    if (!v.isObject()) {
        c.fail(QStringLiteral("expected an object, got ") + typeName(v));
        return false;
    }
    const QJsonObject object = v.toObject();
    out.clear();
    for (auto it = object.begin(); it != object.end(); ++it) {
        V item{};
        if (!read(it.value(), item, c.child(it.key())))
            return false;
        out.insert(it.key(), std::move(item));
    }
    return true;
}

template<Struct T>
bool read(const QJsonValue &v, T &out, const Context &c)
{
    if (!v.isObject()) {
        c.fail(QStringLiteral("expected an object, got ") + typeName(v));
        return false;
    }
    Reader r(v.toObject(), c);
    out.read(r);
    return r.finish(out.extra);
}

template<class T>
QJsonValue toValue(const QList<T> &v)
{
    QJsonArray array;
    for (const T &item : v)
        array.append(toValue(item));
    return array;
}

template<class V>
QJsonValue toValue(const QMap<QString, V> &v)
{
    QJsonObject object;
    for (auto it = v.begin(); it != v.end(); ++it)
        object.insert(it.key(), toValue(it.value()));
    return object;
}

template<Struct T>
QJsonValue toValue(const T &v)
{
    return serialize(v);
}

template<class T>
bool read(const Element &v, QList<T> &out, const Context &c)
{
    if constexpr (std::is_floating_point_v<T>) {
        return readNumbers(v, out, c);
    } else {
        if (!v.isArray()) {
            c.fail(QStringLiteral("expected an array, got ") + typeName(v));
            return false;
        }
        out.clear();
        out.reserve(v.size());
        qsizetype i = 0;
        for (Element::Items it(v); it; ++it, ++i) {
            T item{};
            if (!read(*it, item, c.element(i)))
                return false;
            out.append(std::move(item));
        }
        return true;
    }
}

/// The members of `object` in QJsonObject's order (by key; of duplicate keys, the one it keeps).
QList<std::pair<QString, Element>> sortedMembers(const Element &object);

template<class V>
bool read(const Element &v, QMap<QString, V> &out, const Context &c)
{
    if (!v.isObject()) {
        c.fail(QStringLiteral("expected an object, got ") + typeName(v));
        return false;
    }
    out.clear();
    // In QJsonObject's order, so that the first bad member is the one the QJson path names.
    for (const auto &[key, value] : sortedMembers(v)) {
        V item{};
        if (!read(value, item, c.child(key)))
            return false;
        out.insert(key, std::move(item));
    }
    return true;
}

template<Struct T>
bool read(const Element &v, T &out, const Context &c)
{
    if (!v.isObject()) {
        c.fail(QStringLiteral("expected an object, got ") + typeName(v));
        return false;
    }
    Reader r(v, c);
    out.read(r);
    return r.finish(out.extra);
}

} // namespace core::json
