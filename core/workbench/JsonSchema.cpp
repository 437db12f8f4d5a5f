// SPDX-License-Identifier: MIT
#include "core/workbench/JsonSchema.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace core {

namespace {

QString typeOf(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"boolean"_s;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        return std::floor(d) == d && std::isfinite(d) ? u"integer"_s : u"number"_s;
    }
    case QJsonValue::String:
        return u"string"_s;
    case QJsonValue::Array:
        return u"array"_s;
    case QJsonValue::Object:
        return u"object"_s;
    default:
        return u"undefined"_s;
    }
}

bool typeMatches(const QString &actual, const QString &wanted)
{
    return actual == wanted || (wanted == u"number"_s && actual == u"integer"_s);
}

struct Validator
{
    QJsonObject root;
    int depth = 0;

    bool fail(QString *error, const QString &path, const QString &message)
    {
        *error = path + u": "_s + message;
        return false;
    }

    std::optional<QJsonObject> resolve(const QString &ref)
    {
        if (!ref.startsWith(u"#"_s))
            return std::nullopt;
        QJsonValue at = root;
        const QStringList parts = ref.mid(1).split(u'/', Qt::SkipEmptyParts);
        for (QString part : parts) {
            part.replace(u"~1"_s, u"/"_s).replace(u"~0"_s, u"~"_s);
            if (at.isObject())
                at = at.toObject().value(part);
            else if (at.isArray())
                at = at.toArray().at(part.toInt());
            else
                return std::nullopt;
        }
        if (!at.isObject())
            return std::nullopt;
        return at.toObject();
    }

    bool check(const QJsonValue &v, const QJsonObject &s, const QString &path, QString *error)
    {
        if (++depth > 64) {
            --depth;
            return fail(error, path, u"the schema nests too deeply (a $ref loop?)"_s);
        }
        const bool ok = checkHere(v, s, path, error);
        --depth;
        return ok;
    }

    bool checkHere(const QJsonValue &v, const QJsonObject &s, const QString &path, QString *error)
    {
        if (s.contains(u"$ref"_s)) {
            const QString ref = s.value(u"$ref"_s).toString();
            const std::optional<QJsonObject> target = resolve(ref);
            if (!target)
                return fail(error, path, u"cannot resolve $ref \"%1\""_s.arg(ref));
            if (!check(v, *target, path, error))
                return false;
        }
        const QString actual = typeOf(v);
        if (s.contains(u"type"_s)) {
            const QJsonValue t = s.value(u"type"_s);
            QStringList wanted;
            if (t.isArray()) {
                for (const QJsonValue &x : t.toArray())
                    wanted.append(x.toString());
            } else {
                wanted.append(t.toString());
            }
            bool any = false;
            for (const QString &w : std::as_const(wanted))
                any = any || typeMatches(actual, w);
            if (!any)
                return fail(error,
                    path,
                    u"expected %1, got %2"_s.arg(
                        wanted.join(u" or "_s), actual == u"integer"_s ? u"number"_s : actual));
        }
        if (s.contains(u"enum"_s) && !s.value(u"enum"_s).toArray().contains(v))
            return fail(error, path, u"not one of the enum values"_s);
        if (s.contains(u"const"_s) && s.value(u"const"_s) != v)
            return fail(error, path, u"not the const value"_s);
        if (v.isString()) {
            const QString text = v.toString();
            const qsizetype length = text.toUcs4().size();
            if (s.contains(u"minLength"_s) && length < s.value(u"minLength"_s).toInteger())
                return fail(error,
                    path,
                    u"shorter than %1 characters"_s.arg(s.value(u"minLength"_s).toInteger()));
            if (s.contains(u"maxLength"_s) && length > s.value(u"maxLength"_s).toInteger())
                return fail(error,
                    path,
                    u"longer than %1 characters"_s.arg(s.value(u"maxLength"_s).toInteger()));
            if (s.contains(u"pattern"_s)) {
                const QRegularExpression re(s.value(u"pattern"_s).toString());
                if (!re.isValid())
                    return fail(error, path, u"invalid pattern: "_s + re.errorString());
                if (!re.match(text).hasMatch())
                    return fail(
                        error, path, u"does not match the pattern \"%1\""_s.arg(re.pattern()));
            }
        }
        if (v.isDouble()) {
            const double d = v.toDouble();
            if (s.contains(u"minimum"_s) && d < s.value(u"minimum"_s).toDouble())
                return fail(
                    error, path, u"below the minimum %1"_s.arg(s.value(u"minimum"_s).toDouble()));
            if (s.contains(u"maximum"_s) && d > s.value(u"maximum"_s).toDouble())
                return fail(
                    error, path, u"above the maximum %1"_s.arg(s.value(u"maximum"_s).toDouble()));
            if (s.contains(u"exclusiveMinimum"_s) && d <= s.value(u"exclusiveMinimum"_s).toDouble())
                return fail(
                    error, path, u"not above %1"_s.arg(s.value(u"exclusiveMinimum"_s).toDouble()));
            if (s.contains(u"exclusiveMaximum"_s) && d >= s.value(u"exclusiveMaximum"_s).toDouble())
                return fail(
                    error, path, u"not below %1"_s.arg(s.value(u"exclusiveMaximum"_s).toDouble()));
        }
        if (v.isArray()) {
            const QJsonArray a = v.toArray();
            if (s.contains(u"minItems"_s) && a.size() < s.value(u"minItems"_s).toInteger())
                return fail(
                    error, path, u"fewer than %1 items"_s.arg(s.value(u"minItems"_s).toInteger()));
            if (s.contains(u"maxItems"_s) && a.size() > s.value(u"maxItems"_s).toInteger())
                return fail(
                    error, path, u"more than %1 items"_s.arg(s.value(u"maxItems"_s).toInteger()));
            if (s.value(u"items"_s).isObject()) {
                const QJsonObject items = s.value(u"items"_s).toObject();
                for (qsizetype i = 0; i < a.size(); ++i) {
                    if (!check(a.at(i), items, path + u"[%1]"_s.arg(i), error))
                        return false;
                }
            }
        }
        if (v.isObject()) {
            const QJsonObject o = v.toObject();
            for (const QJsonValue &r : s.value(u"required"_s).toArray()) {
                if (!o.contains(r.toString()))
                    return fail(error, path, u"property \"%1\" is required"_s.arg(r.toString()));
            }
            const QJsonObject props = s.value(u"properties"_s).toObject();
            const QJsonValue additional = s.value(u"additionalProperties"_s);
            for (auto it = o.begin(); it != o.end(); ++it) {
                const QString child = path + u"."_s + it.key();
                if (props.contains(it.key())) {
                    if (!check(it.value(), props.value(it.key()).toObject(), child, error))
                        return false;
                } else if (additional.isBool() && !additional.toBool()) {
                    return fail(error, path, u"property \"%1\" is not allowed"_s.arg(it.key()));
                } else if (additional.isObject()) {
                    if (!check(it.value(), additional.toObject(), child, error))
                        return false;
                }
            }
        }
        for (const QJsonValue &sub : s.value(u"allOf"_s).toArray()) {
            if (!check(v, sub.toObject(), path, error))
                return false;
        }
        if (s.contains(u"anyOf"_s) || s.contains(u"oneOf"_s)) {
            const bool one = s.contains(u"oneOf"_s);
            const QJsonArray subs = s.value(one ? u"oneOf"_s : u"anyOf"_s).toArray();
            int matches = 0;
            QString first;
            for (const QJsonValue &sub : subs) {
                QString e;
                if (check(v, sub.toObject(), path, &e))
                    ++matches;
                else if (first.isEmpty())
                    first = e;
            }
            if (matches == 0)
                return fail(error,
                    path,
                    u"matches none of the %1 alternatives (first: %2)"_s.arg(
                        one ? u"oneOf"_s : u"anyOf"_s, first));
            if (one && matches > 1)
                return fail(error, path, u"matches %1 oneOf alternatives, not one"_s.arg(matches));
        }
        if (s.value(u"not"_s).isObject()) {
            QString e;
            if (check(v, s.value(u"not"_s).toObject(), path, &e))
                return fail(error, path, u"matches the schema under \"not\""_s);
        }
        return true;
    }
};

} // namespace

bool validateJsonSchema(
    const QJsonValue &instance, const QJsonObject &schema, QString *error, const QJsonObject &root)
{
    Validator v;
    v.root = root.isEmpty() ? schema : root;
    QString local;
    return v.check(instance, schema, u"$"_s, error ? error : &local);
}

} // namespace core
