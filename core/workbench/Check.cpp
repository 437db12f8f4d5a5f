// SPDX-License-Identifier: MIT
#include "core/workbench/Check.h"

#include "core/workbench/JsonSchema.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace core {

namespace {

struct KindName
{
    Check::Kind kind;
    const char16_t *name;
};

constexpr KindName kKindNames[] = {
    {Check::Kind::Exact, u"exact"},
    {Check::Kind::Contains, u"contains"},
    {Check::Kind::Regex, u"regex"},
    {Check::Kind::Json, u"json"},
    {Check::Kind::JsonSchema, u"json_schema"},
    {Check::Kind::MaximumLength, u"max_length"},
    {Check::Kind::Similarity, u"similarity"},
    {Check::Kind::LogProbability, u"log_probability"},
    {Check::Kind::Manual, u"manual"},
};

CheckResult result(
    CheckResult::Verdict verdict, const QString &reason, std::optional<double> score = {})
{
    CheckResult r;
    r.verdict = verdict;
    r.reason = reason;
    r.score = score;
    return r;
}

CheckResult decided(bool pass, const QString &reason, std::optional<double> score = {})
{
    return result(pass ? CheckResult::Verdict::Pass : CheckResult::Verdict::Fail, reason, score);
}

} // namespace

QString Check::kindName(Kind kind)
{
    for (const KindName &k : kKindNames) {
        if (k.kind == kind)
            return QString::fromUtf16(k.name);
    }
    return {};
}

std::optional<Check::Kind> Check::kindFromName(const QString &name)
{
    for (const KindName &k : kKindNames) {
        if (name == QStringView(k.name))
            return k.kind;
    }
    return std::nullopt;
}

QList<Check::Kind> Check::allKinds()
{
    QList<Kind> kinds;
    for (const KindName &k : kKindNames)
        kinds.append(k.kind);
    return kinds;
}

QJsonObject Check::toJson() const
{
    QJsonObject o{{u"kind"_s, kindName(kind)}};
    switch (kind) {
    case Kind::Contains:
        if (!text.isEmpty())
            o.insert(u"text"_s, text);
        break;
    case Kind::Regex:
        o.insert(u"pattern"_s, text);
        break;
    case Kind::JsonSchema:
        o.insert(u"schema"_s, schema);
        break;
    case Kind::MaximumLength:
        o.insert(u"characters"_s, qint64(threshold));
        break;
    case Kind::Similarity:
    case Kind::LogProbability:
        o.insert(u"threshold"_s, threshold);
        break;
    case Kind::Manual:
        o.insert(u"scale"_s, text);
        if (text != u"thumbs"_s)
            o.insert(u"pass_from"_s, threshold);
        break;
    case Kind::Exact:
    case Kind::Json:
        break;
    }
    return o;
}

std::optional<Check> Check::fromJson(const QJsonValue &json, QString *error)
{
    if (!json.isObject()) {
        *error = u"a check must be a JSON object"_s;
        return std::nullopt;
    }
    const QJsonObject o = json.toObject();
    const QString name = o.value(u"kind"_s).toString();
    const std::optional<Kind> found = kindFromName(name);
    if (!found) {
        *error = u"unknown check kind \"%1\""_s.arg(name);
        return std::nullopt;
    }
    Check c;
    c.kind = *found;
    switch (c.kind) {
    case Kind::Contains:
        c.text = o.value(u"text"_s).toString();
        break;
    case Kind::Regex: {
        c.text = o.value(u"pattern"_s).toString();
        const QRegularExpression re(c.text);
        if (c.text.isEmpty() || !re.isValid()) {
            *error = u"regex: invalid pattern \"%1\": %2"_s.arg(c.text, re.errorString());
            return std::nullopt;
        }
        break;
    }
    case Kind::JsonSchema:
        if (!o.value(u"schema"_s).isObject()) {
            *error = u"json_schema: \"schema\" must be a JSON object"_s;
            return std::nullopt;
        }
        c.schema = o.value(u"schema"_s).toObject();
        break;
    case Kind::MaximumLength:
        c.threshold = o.value(u"characters"_s).toDouble(-1);
        if (c.threshold < 0) {
            *error = u"max_length: \"characters\" must be a number ≥ 0"_s;
            return std::nullopt;
        }
        break;
    case Kind::Similarity:
        c.threshold = o.value(u"threshold"_s).toDouble(0.8);
        if (!(c.threshold >= -1 && c.threshold <= 1)) {
            *error = u"similarity: \"threshold\" must be from −1 to 1"_s;
            return std::nullopt;
        }
        break;
    case Kind::LogProbability:
        c.threshold = o.value(u"threshold"_s).toDouble(-20);
        if (!(c.threshold <= 0)) {
            *error = u"log_probability: \"threshold\" must be ≤ 0 (a natural logarithm)"_s;
            return std::nullopt;
        }
        break;
    case Kind::Manual:
        c.text = o.value(u"scale"_s).toString(u"thumbs"_s);
        if (c.text != u"thumbs"_s && c.text != u"1-5"_s) {
            *error = u"manual: \"scale\" must be \"thumbs\" or \"1-5\""_s;
            return std::nullopt;
        }
        c.threshold = o.value(u"pass_from"_s).toDouble(3);
        break;
    case Kind::Exact:
    case Kind::Json:
        break;
    }
    return c;
}

std::optional<Check> Check::make(Kind of, const QString &value, double limit, QString *error)
{
    QJsonObject o{{u"kind"_s, kindName(of)}};
    switch (of) {
    case Kind::Contains:
        o.insert(u"text"_s, value);
        break;
    case Kind::Regex:
        o.insert(u"pattern"_s, value);
        break;
    case Kind::JsonSchema: {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(value.toUtf8(), &parseError);
        if (!doc.isObject()) {
            *error = parseError.error != QJsonParseError::NoError
                ? u"json_schema: %1 at offset %2"_s.arg(parseError.errorString())
                      .arg(parseError.offset)
                : u"json_schema: the schema must be a JSON object"_s;
            return std::nullopt;
        }
        o.insert(u"schema"_s, doc.object());
        break;
    }
    case Kind::MaximumLength:
        o.insert(u"characters"_s, limit);
        break;
    case Kind::Similarity:
    case Kind::LogProbability:
        o.insert(u"threshold"_s, limit);
        break;
    case Kind::Manual:
        o.insert(u"scale"_s, value);
        o.insert(u"pass_from"_s, limit);
        break;
    case Kind::Exact:
    case Kind::Json:
        break;
    }
    return fromJson(o, error);
}

QString Check::describe() const
{
    switch (kind) {
    case Kind::Exact:
        return QCoreApplication::translate("core::Check", "exact");
    case Kind::Contains:
        return text.isEmpty()
            ? QCoreApplication::translate("core::Check", "contains the expected text")
            : QCoreApplication::translate("core::Check", "contains \"%1\"").arg(text);
    case Kind::Regex:
        return QCoreApplication::translate("core::Check", "matches /%1/").arg(text);
    case Kind::Json:
        return QCoreApplication::translate("core::Check", "valid JSON");
    case Kind::JsonSchema:
        return QCoreApplication::translate("core::Check", "valid against the JSON schema");
    case Kind::MaximumLength:
        return QCoreApplication::translate("core::Check", "at most %1 characters")
            .arg(qint64(threshold));
    case Kind::Similarity:
        return QCoreApplication::translate("core::Check", "similarity ≥ %1")
            .arg(threshold, 0, 'f', 2);
    case Kind::LogProbability:
        return QCoreApplication::translate("core::Check", "log-probability ≥ %1")
            .arg(threshold, 0, 'f', 2);
    case Kind::Manual:
        return text == u"thumbs"_s
            ? QCoreApplication::translate("core::Check", "manual grade (thumbs)")
            : QCoreApplication::translate("core::Check", "manual grade ≥ %1 of 5")
                  .arg(qint64(threshold));
    }
    return {};
}

std::optional<QList<Check>> checksFromJson(const QJsonValue &json, QString *error)
{
    QList<Check> checks;
    if (json.isUndefined() || json.isNull())
        return checks;
    if (!json.isArray()) {
        *error = u"\"checks\" must be an array"_s;
        return std::nullopt;
    }
    const QJsonArray a = json.toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        QString e;
        std::optional<Check> c = Check::fromJson(a.at(i), &e);
        if (!c) {
            *error = u"check %1: %2"_s.arg(i + 1).arg(e);
            return std::nullopt;
        }
        checks.append(*c);
    }
    return checks;
}

QJsonArray checksToJson(const QList<Check> &checks)
{
    QJsonArray a;
    for (const Check &c : checks)
        a.append(c.toJson());
    return a;
}

CheckResult evaluateCheck(const Check &check,
    const QString &answer,
    const QString &expected,
    const std::optional<ManualGrade> &grade)
{
    using V = CheckResult::Verdict;
    const QString trimmed = answer.trimmed();
    switch (check.kind) {
    case Check::Kind::Exact:
        return decided(trimmed == expected.trimmed(),
            trimmed == expected.trimmed()
                ? QCoreApplication::translate("core::Check", "the answer is the expected text")
                : QCoreApplication::translate(
                    "core::Check", "the answer is not the expected text"));
    case Check::Kind::Contains: {
        const QString needle = check.text.isEmpty() ? expected.trimmed() : check.text;
        const bool found = answer.contains(needle);
        return decided(found,
            found ? QCoreApplication::translate("core::Check", "contains \"%1\"").arg(needle)
                  : QCoreApplication::translate("core::Check", "does not contain \"%1\"")
                        .arg(needle));
    }
    case Check::Kind::Regex: {
        const QRegularExpression re(check.text);
        if (!re.isValid())
            return decided(false,
                QCoreApplication::translate("core::Check", "invalid pattern: %1")
                    .arg(re.errorString()));
        const bool match = re.match(answer).hasMatch();
        return decided(match,
            match ? QCoreApplication::translate("core::Check", "matches /%1/").arg(check.text)
                  : QCoreApplication::translate("core::Check", "does not match /%1/")
                        .arg(check.text));
    }
    case Check::Kind::Json:
    case Check::Kind::JsonSchema: {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed.toUtf8(), &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return decided(false,
                QCoreApplication::translate("core::Check", "not JSON: %1 at offset %2")
                    .arg(parseError.errorString())
                    .arg(parseError.offset));
        if (check.kind == Check::Kind::Json)
            return decided(true, QCoreApplication::translate("core::Check", "valid JSON"));
        const QJsonValue value
            = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
        QString why;
        if (!validateJsonSchema(value, check.schema, &why))
            return decided(false,
                QCoreApplication::translate("core::Check", "not valid against the schema: %1")
                    .arg(why));
        return decided(
            true, QCoreApplication::translate("core::Check", "valid against the schema"));
    }
    case Check::Kind::MaximumLength: {
        const qsizetype length = trimmed.size();
        const bool ok = length <= qint64(check.threshold);
        return decided(ok,
            QCoreApplication::translate("core::Check", "%1 characters (at most %2)")
                .arg(length)
                .arg(qint64(check.threshold)),
            double(length));
    }
    case Check::Kind::Similarity:
    case Check::Kind::LogProbability:
        return result(
            V::Pending, QCoreApplication::translate("core::Check", "waiting for the server"));
    case Check::Kind::Manual: {
        if (!grade)
            return result(V::Pending, QCoreApplication::translate("core::Check", "not graded yet"));
        const QString note = grade->note.isEmpty() ? QString() : u" — "_s + grade->note;
        if (check.text == u"thumbs"_s)
            return decided(grade->value >= 3,
                (grade->value >= 3 ? QCoreApplication::translate("core::Check", "thumbs up")
                                   : QCoreApplication::translate("core::Check", "thumbs down"))
                    + note,
                double(grade->value));
        return decided(grade->value >= check.threshold,
            QCoreApplication::translate("core::Check", "graded %1 of 5").arg(grade->value) + note,
            double(grade->value));
    }
    }
    return result(V::Pending, {});
}

namespace {

/// A measured `value` against `threshold`: "<what> 0.812 ≥ 0.800", passing when value ≥ threshold.
CheckResult thresholdResult(const QString &what, double value, double threshold, int decimals)
{
    const bool ok = value >= threshold;
    return decided(ok,
        what.arg(value, 0, 'f', decimals)
            .arg(ok ? u"≥"_s : u"<"_s)
            .arg(threshold, 0, 'f', decimals),
        value);
}

} // namespace

CheckResult similarityResult(const Check &check, double similarity)
{
    return thresholdResult(QCoreApplication::translate("core::Check", "similarity %1 %2 %3"),
        similarity,
        check.threshold,
        3);
}

CheckResult logProbabilityResult(const Check &check, double logProbability)
{
    return thresholdResult(
        QCoreApplication::translate("core::Check", "log-probability of the expected text %1 %2 %3"),
        logProbability,
        check.threshold,
        2);
}

} // namespace core
