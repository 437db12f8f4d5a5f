// SPDX-License-Identifier: MIT
#include "core/api/Json.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

namespace core::json {

QString Context::path() const
{
    if (!parent)
        return base;
    const QString above = parent->path();
    if (position >= 0)
        return above + QLatin1Char('[') + QString::number(position) + QLatin1Char(']');
    return above.isEmpty() ? member : above + QLatin1Char('.') + member;
}

void Context::fail(const QString &message) const
{
    if (!error || !error->isEmpty())
        return;
    const QString where = path();
    if (where.isEmpty())
        *error = rootName() + QStringLiteral(": ") + message;
    else
        *error
            = rootName() + QStringLiteral(": field \"") + where + QStringLiteral("\": ") + message;
}

void Context::failMissing() const
{
    if (error && error->isEmpty())
        *error = rootName() + QStringLiteral(": missing required field \"") + path()
            + QLatin1Char('"');
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

static bool expect(bool ok, const QJsonValue &v, const char *what, const Context &c)
{
    if (!ok)
        c.fail(QStringLiteral("expected %1, got %2").arg(QLatin1String(what), typeName(v)));
    return ok;
}

bool read(const QJsonValue &v, QString &out, const Context &c)
{
    if (!expect(v.isString(), v, "a string", c))
        return false;
    out = v.toString();
    return true;
}

bool read(const QJsonValue &v, bool &out, const Context &c)
{
    if (!expect(v.isBool(), v, "a boolean", c))
        return false;
    out = v.toBool();
    return true;
}

bool read(const QJsonValue &v, qint64 &out, const Context &c)
{
    if (!expect(v.isDouble(), v, "an integer", c))
        return false;
    const double d = v.toDouble();
    if (d != std::trunc(d) || std::abs(d) > 9007199254740992.0) {
        c.fail(QStringLiteral("expected an integer, got %1").arg(d));
        return false;
    }
    out = v.toInteger();
    return true;
}

bool read(const QJsonValue &v, int &out, const Context &c)
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

bool read(const QJsonValue &v, double &out, const Context &c)
{
    if (!expect(v.isDouble(), v, "a number", c))
        return false;
    out = v.toDouble();
    return true;
}

bool read(const QJsonValue &v, float &out, const Context &c)
{
    if (!expect(v.isDouble(), v, "a number", c)
        || !expect(fitsFloat(v.toDouble()), v, "a number within float range", c))
        return false;
    out = float(v.toDouble());
    return true;
}

bool read(const QJsonValue &v, QJsonObject &out, const Context &c)
{
    if (!expect(v.isObject(), v, "an object", c))
        return false;
    out = v.toObject();
    return true;
}

bool read(const QJsonValue &v, QJsonValue &out, const Context &)
{
    out = v;
    return true;
}

bool read(const QJsonValue &v, QStringList &out, const Context &c)
{
    QList<QString> list;
    if (!read<QString>(v, list, c))
        return false;
    out = QStringList(list);
    return true;
}

Reader::Reader(const QJsonObject &object, const Context &context)
    : m_object(object)
    , m_context(context)
{}

Reader::Reader(const Element &object, const Context &context)
    : m_element(object)
    , m_fast(true)
    , m_context(context)
{
    for (Element::Members it(object); it; ++it)
        m_members.append(FastMember{it.rawKey(), it.value(), false});
}

void Reader::accept(const QString &key)
{
    if (m_fast)
        lookup(key, true);
    else
        m_seen.append(key);
}

QJsonValue Reader::value(const QString &key) const
{
    if (!m_fast)
        return m_object.value(key);
    const Element *e = const_cast<Reader *>(this)->lookup(key, false);
    return e ? e->toJsonValue() : QJsonValue(QJsonValue::Undefined);
}

bool Reader::seen(QStringView key) const
{
    return std::find(m_seen.cbegin(), m_seen.cend(), key) != m_seen.cend();
}

bool Reader::isObject(const QString &key) const
{
    if (!m_fast)
        return m_object.value(key).isObject();
    const Element *e = const_cast<Reader *>(this)->lookup(key, false);
    return e && e->isObject();
}

void Reader::checkEnum(const QString &key, const QString &value, const QStringList &allowed)
{
    if (m_context.failed() || m_context.mode != Mode::Strict || allowed.contains(value))
        return;
    m_context.child(key).fail(
        QStringLiteral("\"%1\" is not one of: %2").arg(value, allowed.join(QStringLiteral(", "))));
}

bool Reader::finish(QJsonObject &extra)
{
    if (m_context.failed())
        return false;
    if (m_fast)
        return finishFast(extra);
    extra = {};
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        if (seen(it.key()))
            continue;
        if (m_context.mode == Mode::Strict) {
            if (it.value().isNull())
                continue; // an explicit null carries nothing: same as absent
            m_context.child(it.key()).fail(
                QStringLiteral("unknown field: the typed request has no place for it"));
            return false;
        }
        extra.insert(it.key(), it.value());
    }
    return true;
}

QJsonValue toValue(const QString &v)
{
    return v;
}
QJsonValue toValue(bool v)
{
    return v;
}
QJsonValue toValue(int v)
{
    return v;
}
QJsonValue toValue(qint64 v)
{
    return v;
}
QJsonValue toValue(double v)
{
    return v;
}
QJsonValue toValue(float v)
{
    if (!std::isfinite(v))
        return double(v);
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, v).ptr;
    double out = 0; // from_chars, unlike strtod, ignores the C locale (Qt sets it from LANG)
    std::from_chars(buffer, end, out);
    return out;
}
void appendFloat(QByteArray &out, float v)
{
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, std::isfinite(v) ? v : 0.0f).ptr;
    out.append(buffer, end - buffer);
}
QJsonValue toValue(const QJsonObject &v)
{
    return v;
}
QJsonValue toValue(const QJsonValue &v)
{
    return v;
}
QJsonValue toValue(const QStringList &v)
{
    return QJsonArray::fromStringList(v);
}

QJsonValue stripNulls(const QJsonValue &value)
{
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it) {
            if (!it.value().isNull())
                out.insert(it.key(), stripNulls(it.value()));
        }
        return out;
    }
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray())
            out.append(stripNulls(item));
        return out;
    }
    return value;
}

QString firstDifference(const QJsonValue &a, const QJsonValue &b, const QString &path)
{
    const QString here = path.isEmpty() ? QStringLiteral("(body)") : path;
    if (a.type() != b.type())
        return here;
    if (a.isObject()) {
        const QJsonObject oa = a.toObject();
        const QJsonObject ob = b.toObject();
        QStringList keys = oa.keys();
        for (const QString &k : ob.keys()) {
            if (!keys.contains(k))
                keys.append(k);
        }
        keys.sort();
        for (const QString &k : keys) {
            const QString sub = path.isEmpty() ? k : path + QLatin1Char('.') + k;
            const QString d = firstDifference(oa.value(k), ob.value(k), sub);
            if (!d.isEmpty())
                return d;
        }
        return {};
    }
    if (a.isArray()) {
        const QJsonArray aa = a.toArray();
        const QJsonArray ab = b.toArray();
        for (qsizetype i = 0; i < std::min(aa.size(), ab.size()); ++i) {
            const QString d = firstDifference(aa.at(i),
                ab.at(i),
                here + QLatin1Char('[') + QString::number(i) + QLatin1Char(']'));
            if (!d.isEmpty())
                return d;
        }
        if (aa.size() != ab.size())
            return here + QStringLiteral(" (length %1 vs %2)").arg(aa.size()).arg(ab.size());
        return {};
    }
    if (a.isDouble())
        return a.toDouble() == b.toDouble() ? QString() : here;
    return a == b ? QString() : here;
}

std::optional<QJsonValue> parseDocument(const QByteArray &bytes, QString *error)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = QStringLiteral("invalid JSON at offset %1: %2")
                         .arg(parseError.offset)
                         .arg(parseError.errorString());
        return std::nullopt;
    }
    if (doc.isArray())
        return QJsonValue(doc.array());
    return QJsonValue(doc.object());
}

} // namespace core::json
