// SPDX-License-Identifier: MIT
#include "core/workbench/TestSet.h"

#include "core/storage/PromptLibrary.h"
#include "core/util/Csv.h"
#include "core/util/TextFile.h"
#include "core/workbench/Template.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace core {

namespace {

QJsonObject hashToJson(const QHash<QString, QString> &values)
{
    QJsonObject o;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QString valueText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isNull() || v.isUndefined())
        return {};
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isBool())
        return v.toBool() ? u"true"_s : u"false"_s;
    return QString::number(v.toDouble(), 'g', 17);
}

QHash<QString, QString> jsonToHash(const QJsonObject &o)
{
    QHash<QString, QString> values;
    for (auto it = o.begin(); it != o.end(); ++it)
        values.insert(it.key(), valueText(it.value()));
    return values;
}

bool isExpectedColumn(const QString &name)
{
    return name.trimmed().compare(u"expected"_s, Qt::CaseInsensitive) == 0;
}

bool isChecksColumn(const QString &name)
{
    return name.trimmed().compare(u"checks"_s, Qt::CaseInsensitive) == 0;
}

/// A row from a JSON object (nested or flat form); new variables are added to `set`.
bool readRow(const QJsonObject &o, TestSet *set, TestRow *row, QString *error)
{
    QString checkError;
    std::optional<QList<Check>> checks = checksFromJson(o.value(u"checks"_s), &checkError);
    if (!checks) {
        *error = checkError;
        return false;
    }
    row->checks = *checks;
    row->expected = valueText(o.value(u"expected"_s));
    if (o.value(u"vars"_s).isObject()) {
        row->vars = jsonToHash(o.value(u"vars"_s).toObject());
    } else {
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key() != u"expected"_s && it.key() != u"checks"_s)
                row->vars.insert(it.key(), valueText(it.value()));
        }
    }
    QStringList keys = row->vars.keys();
    keys.sort();
    for (const QString &k : std::as_const(keys)) {
        if (!set->variables.contains(k))
            set->variables.append(k);
    }
    return true;
}

} // namespace

QJsonObject TestedVersion::toJson() const
{
    QJsonArray concepts;
    for (const QString &c : steeringConcepts)
        concepts.append(c);
    return {{u"version"_s, version},
        {u"created"_s, created},
        {u"template"_s, promptTemplate},
        {u"variables"_s, hashToJson(variables)},
        {u"model"_s, model},
        {u"parameters"_s, parameters},
        {u"steering_concepts"_s, concepts}};
}

std::optional<TestedVersion> TestedVersion::fromJson(const QJsonValue &json, QString *error)
{
    const QJsonObject o = json.toObject();
    if (!json.isObject() || !o.value(u"template"_s).isString()) {
        *error = u"a prompt version must be an object with a \"template\" string"_s;
        return std::nullopt;
    }
    TestedVersion v;
    v.version = valueText(o.value(u"version"_s));
    v.created = o.value(u"created"_s).toString();
    v.promptTemplate = o.value(u"template"_s).toString();
    v.variables = jsonToHash(o.value(u"variables"_s).toObject());
    v.model = o.value(u"model"_s).toString();
    v.parameters = o.value(u"parameters"_s).toObject();
    for (const QJsonValue &c : o.value(u"steering_concepts"_s).toArray())
        v.steeringConcepts.append(c.toString());
    return v;
}

TestedVersion TestedVersion::fromRequest(
    const QString &label, const QString &templateText, const CompletionRequest &request)
{
    TestedVersion v;
    v.version = label;
    v.created = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    v.promptTemplate = templateText;
    v.model = request.model;
    v.steeringConcepts = request.steeringConcepts.value_or(QStringList());
    v.parameters = request.toJson();
    for (const QString &key :
        {u"model"_s, u"prompt"_s, u"stream"_s, u"steering_concepts"_s, u"hosting"_s})
        v.parameters.remove(key);
    return v;
}

TestedVersion TestedVersion::fromSaved(const QString &promptName, const PromptVersion &saved)
{
    TestedVersion v;
    v.version = u"%1 v%2"_s.arg(promptName).arg(saved.number);
    if (saved.created.isValid())
        v.created = saved.created.toUTC().toString(Qt::ISODate);
    v.promptTemplate = saved.templateText;
    for (auto it = saved.variables.cbegin(); it != saved.variables.cend(); ++it)
        v.variables.insert(it.key(), it.value());
    v.model = saved.model;
    v.parameters = saved.parameters;
    v.steeringConcepts = saved.steeringConcepts;
    return v;
}

QList<Check> TestSet::checksFor(int row) const
{
    QList<Check> all = checks;
    if (row >= 0 && row < rows.size())
        all += rows.at(row).checks;
    return all;
}

void TestSet::addTemplateVariables()
{
    for (const TestedVersion &v : std::as_const(versions)) {
        for (const QString &variable : templateVariables(v.promptTemplate)) {
            if (!variables.contains(variable))
                variables.append(variable);
        }
    }
}

QJsonObject TestSet::toJson() const
{
    QJsonArray versionArray;
    for (const TestedVersion &v : versions)
        versionArray.append(v.toJson());
    QJsonArray rowArray;
    for (const TestRow &r : rows) {
        QJsonObject row{{u"vars"_s, hashToJson(r.vars)}, {u"expected"_s, r.expected}};
        if (!r.checks.isEmpty())
            row.insert(u"checks"_s, checksToJson(r.checks));
        rowArray.append(row);
    }
    return {{u"format"_s, QString(kFormat)},
        {u"version"_s, kVersion},
        {u"name"_s, name},
        {u"prompt"_s, QJsonObject{{u"name"_s, promptName}, {u"versions"_s, versionArray}}},
        {u"variables"_s, QJsonArray::fromStringList(variables)},
        {u"rows"_s, rowArray},
        {u"checks"_s, checksToJson(checks)}};
}

std::optional<TestSet> TestSet::fromJson(const QJsonObject &json, QString *error)
{
    if (json.value(u"format"_s).toString() != kFormat) {
        *error = u"not a test set (\"format\" is not \"%1\")"_s.arg(kFormat);
        return std::nullopt;
    }
    if (json.value(u"version"_s).toInt() != kVersion) {
        *error = u"test set format version %1 is not supported (this build reads %2)"_s
                     .arg(json.value(u"version"_s).toInt())
                     .arg(kVersion);
        return std::nullopt;
    }
    TestSet set;
    set.name = json.value(u"name"_s).toString();
    const QJsonObject prompt = json.value(u"prompt"_s).toObject();
    set.promptName = prompt.value(u"name"_s).toString();
    const QJsonArray versionArray = prompt.value(u"versions"_s).toArray();
    for (qsizetype i = 0; i < versionArray.size(); ++i) {
        QString e;
        std::optional<TestedVersion> v = TestedVersion::fromJson(versionArray.at(i), &e);
        if (!v) {
            *error = u"prompt version %1: %2"_s.arg(i + 1).arg(e);
            return std::nullopt;
        }
        if (v->version.isEmpty())
            v->version = QString::number(i + 1);
        set.versions.append(*v);
    }
    for (const QJsonValue &v : json.value(u"variables"_s).toArray())
        set.variables.append(v.toString());
    QString e;
    std::optional<QList<Check>> setChecks = checksFromJson(json.value(u"checks"_s), &e);
    if (!setChecks) {
        *error = e;
        return std::nullopt;
    }
    set.checks = *setChecks;
    const QJsonArray rowArray = json.value(u"rows"_s).toArray();
    for (qsizetype i = 0; i < rowArray.size(); ++i) {
        TestRow row;
        if (!rowArray.at(i).isObject() || !readRow(rowArray.at(i).toObject(), &set, &row, &e)) {
            *error = u"row %1: %2"_s.arg(i + 1).arg(
                rowArray.at(i).isObject() ? e : u"not an object"_s);
            return std::nullopt;
        }
        set.rows.append(row);
    }
    set.addTemplateVariables();
    return set;
}

std::optional<TestSet> TestSet::fromCsv(const QString &text, QString *error)
{
    std::optional<CsvTable> table = readCsv(text, error, guessCsvSeparator(text));
    if (!table)
        return std::nullopt;
    if (table->header.isEmpty()) {
        *error = QCoreApplication::translate("core::TestSet", "the CSV has no columns");
        return std::nullopt;
    }
    TestSet set;
    int expectedAt = -1;
    int checksAt = -1;
    for (int c = 0; c < table->header.size(); ++c) {
        const QString column = table->header.at(c).trimmed();
        if (isExpectedColumn(column) && expectedAt < 0)
            expectedAt = c;
        else if (isChecksColumn(column) && checksAt < 0)
            checksAt = c;
        else
            set.variables.append(column);
    }
    for (int r = 0; r < table->rows.size(); ++r) {
        const QStringList &cells = table->rows.at(r);
        TestRow row;
        for (int c = 0; c < cells.size(); ++c) {
            if (c == expectedAt) {
                row.expected = cells.at(c);
            } else if (c == checksAt) {
                if (cells.at(c).trimmed().isEmpty())
                    continue;
                QJsonParseError parseError;
                const QJsonDocument doc
                    = QJsonDocument::fromJson(cells.at(c).toUtf8(), &parseError);
                QString e;
                std::optional<QList<Check>> parsed;
                if (parseError.error != QJsonParseError::NoError)
                    e = parseError.errorString();
                else if (!doc.isArray())
                    e = u"not a JSON array"_s;
                else
                    parsed = checksFromJson(doc.array(), &e);
                if (!parsed) {
                    *error = QCoreApplication::translate("core::TestSet", "row %1: checks: %2")
                                 .arg(r + 2)
                                 .arg(e);
                    return std::nullopt;
                }
                row.checks = *parsed;
            } else {
                row.vars.insert(table->header.at(c).trimmed(), cells.at(c));
            }
        }
        set.rows.append(row);
    }
    return set;
}

std::optional<TestSet> TestSet::fromJsonl(const QString &text, QString *error)
{
    TestSet set;
    const QStringList lines = text.split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8(), &parseError);
        QString e;
        TestRow row;
        if (parseError.error != QJsonParseError::NoError)
            e = parseError.errorString();
        else if (!doc.isObject())
            e = u"not a JSON object"_s;
        else
            readRow(doc.object(), &set, &row, &e);
        if (!e.isEmpty()) {
            *error = QCoreApplication::translate("core::TestSet", "line %1: %2").arg(i + 1).arg(e);
            return std::nullopt;
        }
        set.rows.append(row);
    }
    return set;
}

std::optional<TestSet> importTestSetFile(const QString &path, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != u"csv"_s && suffix != u"tsv"_s && suffix != u"txt"_s && suffix != u"jsonl"_s
        && suffix != u"ndjson"_s)
        return loadTestSet(path, error);
    QString text;
    if (!readTextFile(path, &text, error))
        return std::nullopt;
    QString e;
    std::optional<TestSet> set
        = suffix.endsWith(u"json"_s) ? TestSet::fromJsonl(text, &e) : TestSet::fromCsv(text, &e);
    if (!set) {
        *error = u"%1: %2"_s.arg(QFileInfo(path).fileName(), e);
        return std::nullopt;
    }
    set->name = QFileInfo(path).completeBaseName();
    return set;
}

std::optional<TestSet> loadTestSet(const QString &path, QString *error)
{
    QJsonObject json;
    if (!readJsonObjectFile(path, &json, error))
        return std::nullopt;
    QString e;
    std::optional<TestSet> set = TestSet::fromJson(json, &e);
    if (!set)
        *error = u"%1: %2"_s.arg(QFileInfo(path).fileName(), e);
    return set;
}

bool saveTestSet(const TestSet &set, const QString &path, QString *error)
{
    return writeJsonObjectFile(path, set.toJson(), error);
}

} // namespace core
