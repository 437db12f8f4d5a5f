// SPDX-License-Identifier: MIT
#include "tests/support/OpenApi.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace testsupport {
namespace {

bool truthy(const QJsonValue &v)
{
    return v.toBool() || v.toString() == u"true"_s;
}

QString typeOf(const QJsonObject &schema)
{
    QString type = schema.value(u"type"_s).toString();
    if (type.isEmpty() && schema.contains(u"properties"_s))
        type = u"object"_s;
    if (type.isEmpty() && schema.contains(u"items"_s))
        type = u"array"_s;
    return type;
}

QJsonValue scalarFromString(const QString &text, const QString &type)
{
    if (type == u"integer"_s || type == u"number"_s) {
        bool ok = false;
        const double d = text.toDouble(&ok);
        return ok ? QJsonValue(d) : QJsonValue(text);
    }
    if (type == u"boolean"_s && (text == u"true"_s || text == u"false"_s))
        return text == u"true"_s;
    return text;
}

/// The oneOf and anyOf alternatives of a schema (QJsonArray's operator+ would nest the second).
QJsonArray alternatives(const QJsonObject &schema)
{
    QJsonArray out = schema.value(u"oneOf"_s).toArray();
    for (const QJsonValue &v : schema.value(u"anyOf"_s).toArray())
        out.append(v);
    return out;
}

QString at(const QString &path)
{
    return path.isEmpty() ? u"(body)"_s : path;
}

} // namespace

QString OpenApiSpec::defaultPath()
{
    const QString env = qEnvironmentVariable("ALEPH_OPENAPI");
    if (!env.isEmpty())
        return env;
    return QStringLiteral(
        ALEPH_SOURCE_DIR "/tests/data/openapi/aleph-alpha-inference-openapi.json");
}

bool OpenApiSpec::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + u": "_s + file.errorString();
        return false;
    }
    QJsonParseError parseError{};
    m_root = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError || m_root.isEmpty()) {
        *error = path + u": "_s + parseError.errorString();
        return false;
    }
    return true;
}

QJsonObject OpenApiSpec::operation(const QString &method, const QString &path) const
{
    return m_root.value(u"paths"_s).toObject().value(path).toObject().value(method).toObject();
}

QJsonObject OpenApiSpec::requestSchema(const QString &method, const QString &path) const
{
    const QJsonObject content
        = operation(method, path).value(u"requestBody"_s).toObject().value(u"content"_s).toObject();
    return resolve(content.value(u"application/json"_s).toObject().value(u"schema"_s).toObject());
}

QJsonObject OpenApiSpec::responseSchema(
    const QString &method, const QString &path, int *status, QString *contentType) const
{
    const QJsonObject responses = operation(method, path).value(u"responses"_s).toObject();
    for (const QString &code : {u"200"_s, u"201"_s, u"204"_s}) {
        if (!responses.contains(code))
            continue;
        *status = code.toInt();
        const QJsonObject content = responses.value(code).toObject().value(u"content"_s).toObject();
        if (content.isEmpty())
            return {};
        *contentType = content.keys().first();
        return resolve(content.value(*contentType).toObject().value(u"schema"_s).toObject());
    }
    return {};
}

bool OpenApiSpec::acceptsNice(const QString &method, const QString &path) const
{
    for (const QJsonValue &p : operation(method, path).value(u"parameters"_s).toArray()) {
        if (resolve(p.toObject()).value(u"name"_s).toString() == u"nice"_s)
            return true;
    }
    return false;
}

QJsonObject OpenApiSpec::resolve(const QJsonObject &schema) const
{
    QJsonObject s = schema;
    for (int depth = 0; depth < 16; ++depth) {
        if (s.contains(u"$ref"_s)) {
            const QStringList parts = s.value(u"$ref"_s).toString().mid(2).split(u'/');
            QJsonValue v = m_root;
            for (const QString &part : parts)
                v = v.toObject().value(part);
            QJsonObject target = v.toObject();
            for (auto it = s.begin(); it != s.end(); ++it) { // siblings such as "nullable" win
                if (it.key() != u"$ref"_s)
                    target.insert(it.key(), it.value());
            }
            s = target;
            continue;
        }
        bool unwrapped = false;
        for (const QString &key : {u"oneOf"_s, u"allOf"_s, u"anyOf"_s}) {
            const QJsonArray options = s.value(key).toArray();
            if (options.size() != 1)
                continue;
            QJsonObject inner = options.first().toObject();
            s.remove(key);
            for (auto it = s.begin(); it != s.end(); ++it)
                inner.insert(it.key(), it.value());
            s = inner;
            unwrapped = true;
            break;
        }
        if (!unwrapped)
            return s;
    }
    return s;
}

QJsonValue OpenApiSpec::coerce(const QJsonValue &value, const QJsonObject &schemaIn) const
{
    const QJsonObject schema = resolve(schemaIn);
    if (value.isString() && value.toString() == u"null"_s && truthy(schema.value(u"nullable"_s)))
        return QJsonValue::Null;
    const QJsonArray options = alternatives(schema);
    if (!options.isEmpty()) {
        for (const QJsonValue &option : options) {
            const QJsonValue c = coerce(value, option.toObject());
            if (validate(c, option.toObject(), false).isEmpty())
                return c;
        }
        return value;
    }
    const QString type = typeOf(schema);
    if (value.isString() && type != u"string"_s)
        return scalarFromString(value.toString(), type);
    if (value.isArray()) {
        QJsonArray out;
        const QJsonObject items = schema.value(u"items"_s).toObject();
        for (const QJsonValue &item : value.toArray()) {
            if (item.toString() == u"..."_s)
                continue;
            out.append(coerce(item, items));
        }
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject object = value.toObject();
        const QJsonObject properties = schema.value(u"properties"_s).toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            out.insert(it.key(), coerce(it.value(), properties.value(it.key()).toObject()));
        return out;
    }
    return value;
}

QJsonValue OpenApiSpec::sample(const QJsonObject &schemaIn, const QStringList &skip) const
{
    const QJsonObject schema = resolve(schemaIn);
    const QJsonArray options = alternatives(schema);
    if (!options.isEmpty()) {
        // The richest option: an object or an array rather than a bare scalar.
        QJsonObject best = options.first().toObject();
        for (const QJsonValue &option : options) {
            const QString t = typeOf(resolve(option.toObject()));
            if (t == u"array"_s || t == u"object"_s) {
                best = option.toObject();
                break;
            }
        }
        return sample(best, skip);
    }
    const QString type = typeOf(schema);
    const QJsonArray enumValues = schema.value(u"enum"_s).toArray();
    if (!enumValues.isEmpty()) {
        for (const QJsonValue &e : enumValues) {
            if (e.toString() != u"null"_s)
                return scalarFromString(e.toString(), type);
        }
    }
    if (type == u"string"_s)
        return schema.value(u"format"_s).toString() == u"uri"_s ? u"https://example.com/card"_s
                                                                : u"x"_s;
    if (type == u"integer"_s)
        return std::max(1, schema.value(u"minimum"_s).toVariant().toInt());
    if (type == u"number"_s)
        return 0.5;
    if (type == u"boolean"_s)
        return true;
    if (type == u"array"_s) {
        const QJsonObject items = resolve(schema.value(u"items"_s).toObject());
        QJsonArray out;
        const QJsonArray itemOptions = items.value(u"oneOf"_s).toArray();
        if (itemOptions.size() > 1) { // one element of each kind
            for (const QJsonValue &option : itemOptions)
                out.append(sample(option.toObject(), skip));
        } else {
            out.append(sample(items, skip));
        }
        return out;
    }
    QJsonObject out;
    const QJsonObject properties = schema.value(u"properties"_s).toObject();
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        const QJsonObject property = resolve(it.value().toObject());
        const bool typeless = typeOf(property).isEmpty() && alternatives(property).isEmpty()
            && !property.contains(u"enum"_s);
        if (!skip.contains(it.key())
            && !typeless) // a typeless property ("deprecated") has no sample
            out.insert(it.key(), sample(property, skip));
    }
    return out;
}

QString OpenApiSpec::validate(const QJsonValue &value,
    const QJsonObject &schemaIn,
    bool strictProperties,
    const QString &path) const
{
    const QJsonObject schema = resolve(schemaIn);
    if (value.isNull())
        return truthy(schema.value(u"nullable"_s)) ? QString()
                                                   : at(path) + u": null but not nullable"_s;
    const QJsonArray options = alternatives(schema);
    if (!options.isEmpty()) {
        QString first;
        for (const QJsonValue &option : options) {
            const QString e = validate(value, option.toObject(), strictProperties, path);
            if (e.isEmpty())
                return {};
            if (first.isEmpty())
                first = e;
        }
        return at(path) + u": matches no oneOf option (first: "_s + first + u')';
    }
    const QString type = typeOf(schema);
    const QJsonArray enumValues = schema.value(u"enum"_s).toArray();
    if (!enumValues.isEmpty()) {
        bool found = false;
        for (const QJsonValue &e : enumValues)
            found = found || scalarFromString(e.toString(), type) == value || e == value;
        if (!found)
            return at(path) + u": not in the enum"_s;
    }
    if (type == u"string"_s && !value.isString())
        return at(path) + u": expected a string"_s;
    if ((type == u"number"_s || type == u"integer"_s) && !value.isDouble())
        return at(path) + u": expected a number"_s;
    if (type == u"integer"_s && value.toDouble() != double(value.toInteger()))
        return at(path) + u": expected an integer"_s;
    if (type == u"boolean"_s && !value.isBool())
        return at(path) + u": expected a boolean"_s;
    if (type == u"array"_s) {
        if (!value.isArray())
            return at(path) + u": expected an array"_s;
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString e = validate(array.at(i),
                schema.value(u"items"_s).toObject(),
                strictProperties,
                path + u'[' + QString::number(i) + u']');
            if (!e.isEmpty())
                return e;
        }
    }
    if (type == u"object"_s) {
        if (!value.isObject())
            return at(path) + u": expected an object"_s;
        const QJsonObject object = value.toObject();
        const QJsonObject properties = schema.value(u"properties"_s).toObject();
        for (const QJsonValue &required : schema.value(u"required"_s).toArray()) {
            if (!object.contains(required.toString()))
                return at(path) + u": missing required \""_s + required.toString() + u'"';
        }
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString sub = path.isEmpty() ? it.key() : path + u'.' + it.key();
            if (!properties.contains(it.key())) {
                if (strictProperties && !properties.isEmpty())
                    return sub + u": not in the spec"_s;
                continue;
            }
            const QString e = validate(
                it.value(), properties.value(it.key()).toObject(), strictProperties, sub);
            if (!e.isEmpty())
                return e;
        }
    }
    return {};
}

} // namespace testsupport
