// SPDX-License-Identifier: MIT
#include "core/storage/PromptLibrary.h"

#include "core/util/Logging.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace core {

namespace {

QString isoUtc(const QDateTime &at)
{
    return (at.isValid() ? at : QDateTime::currentDateTimeUtc())
        .toUTC()
        .toString(Qt::ISODateWithMs);
}

QDateTime fromIso(const QString &text)
{
    QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!at.isValid())
        at = QDateTime::fromString(text, Qt::ISODate);
    return at.toUTC();
}

QString compact(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return QString();
    if (value.isString())
        return value.toString();
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    // Numbers and booleans: as JSON writes them.
    const QByteArray doc = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(doc.mid(1, doc.size() - 2));
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString jsonText(const QStringList &list)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList stringList(const QString &json)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array())
        out.append(v.toString());
    return out;
}

QJsonObject variablesJson(const QMap<QString, QString> &variables)
{
    QJsonObject out;
    for (auto it = variables.cbegin(); it != variables.cend(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

QMap<QString, QString> variablesFrom(const QJsonObject &object)
{
    QMap<QString, QString> out;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

/// Trimmed, without empties and repeats, in the given order.
QStringList cleanTags(const QStringList &tags)
{
    QStringList out;
    for (const QString &tag : tags) {
        const QString t = tag.trimmed();
        if (!t.isEmpty() && !out.contains(t))
            out.append(t);
    }
    return out;
}

QString text(const QString &value)
{
    return value.isNull() ? u""_s : value;
}

const QString kPromptColumns
    = u"p.id, p.name, p.tags, p.created_at, p.updated_at,"
      u" (SELECT COUNT(*) FROM prompt_versions v WHERE v.prompt_id = p.id),"
      u" (SELECT MAX(number) FROM prompt_versions v WHERE v.prompt_id = p.id)"_s;

SavedPrompt promptFrom(const QSqlQuery &q)
{
    SavedPrompt p;
    p.id = q.value(0).toLongLong();
    p.name = q.value(1).toString();
    p.tags = stringList(q.value(2).toString());
    p.created = fromIso(q.value(3).toString());
    p.updated = fromIso(q.value(4).toString());
    p.versionCount = q.value(5).toInt();
    p.latestVersion = q.value(6).toInt();
    return p;
}

const QString kVersionColumns
    = u"number, created_at, template, variables, model, parameters, steering_concepts"_s;

PromptVersion versionFrom(const QSqlQuery &q)
{
    PromptVersion v;
    v.number = q.value(0).toInt();
    v.created = fromIso(q.value(1).toString());
    v.templateText = q.value(2).toString();
    v.variables = variablesFrom(QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object());
    v.model = q.value(4).toString();
    v.parameters = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
    v.steeringConcepts = stringList(q.value(6).toString());
    return v;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// PromptVersion

PromptVersion PromptVersion::fromRequest(const CompletionRequest &request,
    const QString &templateText,
    const QMap<QString, QString> &variables)
{
    PromptVersion v;
    v.templateText = templateText;
    v.variables = variables;
    v.model = request.model;
    v.steeringConcepts = request.steeringConcepts.value_or(QStringList());
    v.parameters = request.toJson();
    for (const QString &key : {u"model"_s, u"prompt"_s, u"stream"_s, u"steering_concepts"_s})
        v.parameters.remove(key);
    return v;
}

std::optional<CompletionRequest> PromptVersion::request(QString *error) const
{
    QJsonObject json = parameters;
    json.insert(u"model"_s, model);
    json.insert(u"prompt"_s, templateText);
    if (!steeringConcepts.isEmpty())
        json.insert(u"steering_concepts"_s, QJsonArray::fromStringList(steeringConcepts));
    return CompletionRequest::fromJson(json, error);
}

bool PromptVersion::sameContent(const PromptVersion &other) const
{
    return templateText == other.templateText && variables == other.variables
        && model == other.model && parameters == other.parameters
        && steeringConcepts == other.steeringConcepts;
}

QList<PromptChange> promptChanges(const PromptVersion &a, const PromptVersion &b)
{
    QList<PromptChange> out;
    if (a.templateText != b.templateText)
        out.append({u"template"_s, a.templateText, b.templateText});
    if (a.model != b.model)
        out.append({u"model"_s, a.model, b.model});
    QStringList names = a.variables.keys() + b.variables.keys();
    names.removeDuplicates();
    names.sort();
    for (const QString &name : names) {
        if (a.variables.value(name) != b.variables.value(name)
            || a.variables.contains(name) != b.variables.contains(name))
            out.append({u"variables."_s + name, a.variables.value(name), b.variables.value(name)});
    }
    QStringList keys = a.parameters.keys() + b.parameters.keys();
    keys.removeDuplicates();
    keys.sort();
    for (const QString &key : keys) {
        if (a.parameters.value(key) != b.parameters.value(key))
            out.append({key, compact(a.parameters.value(key)), compact(b.parameters.value(key))});
    }
    if (a.steeringConcepts != b.steeringConcepts)
        out.append({u"steering_concepts"_s,
            a.steeringConcepts.isEmpty() ? QString() : jsonText(a.steeringConcepts),
            b.steeringConcepts.isEmpty() ? QString() : jsonText(b.steeringConcepts)});
    return out;
}

// ---------------------------------------------------------------------------------------------
// The file

QByteArray writePromptFile(const QList<PromptEntry> &entries, const QDateTime &exported)
{
    QJsonArray prompts;
    for (const PromptEntry &entry : entries) {
        QJsonArray versions;
        for (const PromptVersion &v : entry.versions) {
            versions.append(QJsonObject{
                {u"version"_s, v.number},
                {u"created"_s, isoUtc(v.created)},
                {u"template"_s, v.templateText},
                {u"variables"_s, variablesJson(v.variables)},
                {u"model"_s, v.model},
                {u"parameters"_s, v.parameters},
                {u"steering_concepts"_s, QJsonArray::fromStringList(v.steeringConcepts)},
            });
        }
        prompts.append(QJsonObject{
            {u"name"_s, entry.prompt.name},
            {u"tags"_s, QJsonArray::fromStringList(entry.prompt.tags)},
            {u"created"_s, isoUtc(entry.prompt.created)},
            {u"versions"_s, versions},
        });
    }
    const QJsonObject root{
        {u"format"_s, QString::fromLatin1(kPromptFileFormat)},
        {u"version"_s, kPromptFileVersion},
        {u"exported"_s, isoUtc(exported)},
        {u"prompts"_s, prompts},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

namespace {

/// Reads one version at `where`; false with `error` set.
bool readVersion(const QJsonValue &value, const QString &where, PromptVersion *v, QString *error)
{
    const auto fail = [&](const QString &what) {
        *error = u"%1: %2"_s.arg(where, what);
        return false;
    };
    if (!value.isObject())
        return fail(QCoreApplication::translate("core::PromptLibrary", "expected an object"));
    const QJsonObject o = value.toObject();
    if (!o.value(u"template"_s).isString())
        return fail(
            QCoreApplication::translate("core::PromptLibrary", "\"template\" must be a string"));
    if (!o.value(u"model"_s).isString() || o.value(u"model"_s).toString().isEmpty())
        return fail(
            QCoreApplication::translate("core::PromptLibrary", "\"model\" must be a model's name"));
    if (o.contains(u"version"_s) && !o.value(u"version"_s).isDouble())
        return fail(
            QCoreApplication::translate("core::PromptLibrary", "\"version\" must be a number"));
    v->number = o.value(u"version"_s).toInt();
    v->templateText = o.value(u"template"_s).toString();
    v->model = o.value(u"model"_s).toString();
    if (o.contains(u"created"_s)) {
        v->created = fromIso(o.value(u"created"_s).toString());
        if (!v->created.isValid())
            return fail(QCoreApplication::translate(
                "core::PromptLibrary", "\"created\" must be an ISO 8601 date and time"));
    }
    const QJsonValue variables = o.value(u"variables"_s);
    if (!variables.isUndefined()) {
        if (!variables.isObject())
            return fail(QCoreApplication::translate(
                "core::PromptLibrary", "\"variables\" must be an object of strings"));
        const QJsonObject values = variables.toObject();
        for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
            if (!it.value().isString())
                return fail(QCoreApplication::translate(
                    "core::PromptLibrary", "variable \"%1\" must be a string")
                                .arg(it.key()));
            v->variables.insert(it.key(), it.value().toString());
        }
    }
    const QJsonValue parameters = o.value(u"parameters"_s);
    if (!parameters.isUndefined() && !parameters.isObject())
        return fail(
            QCoreApplication::translate("core::PromptLibrary", "\"parameters\" must be an object"));
    v->parameters = parameters.toObject();
    for (const QString &key : {u"model"_s, u"prompt"_s, u"stream"_s, u"steering_concepts"_s}) {
        if (v->parameters.contains(key))
            return fail(QCoreApplication::translate(
                "core::PromptLibrary", "\"parameters\" must not contain \"%1\"")
                            .arg(key));
    }
    const QJsonValue steering = o.value(u"steering_concepts"_s);
    if (!steering.isUndefined()) {
        if (!steering.isArray())
            return fail(QCoreApplication::translate(
                "core::PromptLibrary", "\"steering_concepts\" must be a list of strings"));
        for (const QJsonValue &id : steering.toArray()) {
            if (!id.isString())
                return fail(QCoreApplication::translate(
                    "core::PromptLibrary", "\"steering_concepts\" must be a list of strings"));
            v->steeringConcepts.append(id.toString());
        }
    }
    QString problem;
    if (!v->request(&problem))
        return fail(problem);
    return true;
}

} // namespace

std::optional<QList<PromptEntry>> readPromptFile(const QByteArray &data, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error
            = QCoreApplication::translate("core::PromptLibrary", "Not a JSON file (%1 at byte %2).")
                  .arg(parseError.errorString())
                  .arg(parseError.offset);
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    if (!doc.isObject() || root.value(u"format"_s).toString() != QLatin1String(kPromptFileFormat)) {
        *error = QCoreApplication::translate(
            "core::PromptLibrary", "Not a prompt library file: \"format\" must be \"%1\".")
                     .arg(QLatin1String(kPromptFileFormat));
        return std::nullopt;
    }
    const int version = root.value(u"version"_s).toInt(-1);
    if (version < 1 || version > kPromptFileVersion) {
        *error = QCoreApplication::translate(
            "core::PromptLibrary", "The file's format version is %1; this build reads version %2.")
                     .arg(root.value(u"version"_s).toVariant().toString())
                     .arg(kPromptFileVersion);
        return std::nullopt;
    }
    if (!root.value(u"prompts"_s).isArray()) {
        *error = QCoreApplication::translate("core::PromptLibrary", "\"prompts\" must be a list.");
        return std::nullopt;
    }
    QList<PromptEntry> out;
    const QJsonArray prompts = root.value(u"prompts"_s).toArray();
    for (qsizetype i = 0; i < prompts.size(); ++i) {
        const QString where = u"prompts[%1]"_s.arg(i);
        const auto fail = [&](const QString &what) {
            *error = u"%1: %2"_s.arg(where, what);
            return std::nullopt;
        };
        if (!prompts.at(i).isObject())
            return fail(QCoreApplication::translate("core::PromptLibrary", "expected an object"));
        const QJsonObject p = prompts.at(i).toObject();
        PromptEntry entry;
        entry.prompt.name = p.value(u"name"_s).toString().trimmed();
        if (entry.prompt.name.isEmpty())
            return fail(QCoreApplication::translate(
                "core::PromptLibrary", "\"name\" must be a non-empty string"));
        const QJsonValue tags = p.value(u"tags"_s);
        if (!tags.isUndefined()) {
            if (!tags.isArray())
                return fail(QCoreApplication::translate(
                    "core::PromptLibrary", "\"tags\" must be a list of strings"));
            for (const QJsonValue &tag : tags.toArray()) {
                if (!tag.isString())
                    return fail(QCoreApplication::translate(
                        "core::PromptLibrary", "\"tags\" must be a list of strings"));
                entry.prompt.tags.append(tag.toString());
            }
            entry.prompt.tags = cleanTags(entry.prompt.tags);
        }
        if (p.contains(u"created"_s)) {
            entry.prompt.created = fromIso(p.value(u"created"_s).toString());
            if (!entry.prompt.created.isValid())
                return fail(QCoreApplication::translate(
                    "core::PromptLibrary", "\"created\" must be an ISO 8601 date and time"));
        }
        const QJsonArray versions = p.value(u"versions"_s).toArray();
        if (versions.isEmpty())
            return fail(QCoreApplication::translate(
                "core::PromptLibrary", "\"versions\" must be a list of at least one version"));
        for (qsizetype j = 0; j < versions.size(); ++j) {
            PromptVersion v;
            if (!readVersion(versions.at(j), u"%1.versions[%2]"_s.arg(where).arg(j), &v, error))
                return std::nullopt;
            entry.versions.append(v);
        }
        out.append(entry);
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// PromptLibrary

PromptLibrary::PromptLibrary(Database *db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{
    if (!m_db || !m_db->isOpen())
        return;
    QSqlQuery q(m_db->connection());
    // The versions go with their prompt (ON DELETE CASCADE).
    if (!q.exec(u"DELETE FROM prompts WHERE deleted_at IS NOT NULL"_s))
        qCWarning(lcStorage) << "prompts: cannot purge deleted prompts:" << q.lastError().text();
}

bool PromptLibrary::fail(const QString &message) const
{
    m_lastError = message;
    qCWarning(lcStorage) << "prompts:" << message;
    return false;
}

qint64 PromptLibrary::insertPrompt(
    const QString &name, const QStringList &tags, const QDateTime &created)
{
    QSqlQuery q(m_db->connection());
    q.prepare(u"INSERT INTO prompts (name, tags, created_at, updated_at) VALUES (?, ?, ?, ?)"_s);
    const QString at = isoUtc(created);
    q.addBindValue(text(name));
    q.addBindValue(jsonText(cleanTags(tags)));
    q.addBindValue(at);
    q.addBindValue(at);
    if (!q.exec()) {
        fail(q.lastError().text());
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

bool PromptLibrary::insertVersion(qint64 id, int number, const PromptVersion &version)
{
    QSqlQuery q(m_db->connection());
    q.prepare(u"INSERT INTO prompt_versions (prompt_id, %1) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s.arg(
        kVersionColumns));
    const QString at = isoUtc(version.created);
    q.addBindValue(id);
    q.addBindValue(number);
    q.addBindValue(at);
    q.addBindValue(text(version.templateText));
    q.addBindValue(jsonText(variablesJson(version.variables)));
    q.addBindValue(text(version.model));
    q.addBindValue(jsonText(version.parameters));
    q.addBindValue(jsonText(version.steeringConcepts));
    if (!q.exec())
        return fail(q.lastError().text());
    QSqlQuery u(m_db->connection());
    u.prepare(u"UPDATE prompts SET updated_at = MAX(updated_at, ?) WHERE id = ?"_s);
    u.addBindValue(at);
    u.addBindValue(id);
    if (!u.exec())
        return fail(u.lastError().text());
    return true;
}

qint64 PromptLibrary::save(
    const QString &name, const QStringList &tags, const PromptVersion &version)
{
    m_lastError.clear();
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        fail(QCoreApplication::translate("core::PromptLibrary", "A saved prompt needs a name."));
        return 0;
    }
    if (!m_db || !m_db->isOpen()) {
        fail(QCoreApplication::translate("core::PromptLibrary", "The prompt library is not open."));
        return 0;
    }
    if (const auto existing = findByName(trimmed)) {
        if (!setTags(existing->id, tags) || addVersion(existing->id, version) == 0)
            return 0;
        return existing->id;
    }
    QSqlDatabase db = m_db->connection();
    db.transaction();
    const qint64 id = insertPrompt(trimmed, tags, version.created);
    if (id == 0 || !insertVersion(id, 1, version)) {
        db.rollback();
        return 0;
    }
    if (!db.commit()) {
        fail(db.lastError().text());
        db.rollback();
        return 0;
    }
    Q_EMIT changed();
    return id;
}

int PromptLibrary::addVersion(qint64 id, const PromptVersion &version)
{
    m_lastError.clear();
    if (!prompt(id)) {
        fail(QCoreApplication::translate("core::PromptLibrary", "There is no saved prompt %1.")
                 .arg(id));
        return 0;
    }
    const QList<PromptVersion> existing = versions(id);
    if (!existing.isEmpty() && existing.last().sameContent(version))
        return existing.last().number;
    const int number = existing.isEmpty() ? 1 : existing.last().number + 1;
    QSqlDatabase db = m_db->connection();
    db.transaction();
    if (!insertVersion(id, number, version) || !db.commit()) {
        db.rollback();
        return 0;
    }
    Q_EMIT changed();
    return number;
}

bool PromptLibrary::rename(qint64 id, const QString &name)
{
    m_lastError.clear();
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return fail(
            QCoreApplication::translate("core::PromptLibrary", "A saved prompt needs a name."));
    if (const auto other = findByName(trimmed); other && other->id != id)
        return fail(QCoreApplication::translate(
            "core::PromptLibrary", "A prompt named “%1” exists already.")
                        .arg(trimmed));
    return updatePrompt(u"name"_s, trimmed, id);
}

bool PromptLibrary::setTags(qint64 id, const QStringList &tags)
{
    m_lastError.clear();
    return updatePrompt(u"tags"_s, jsonText(cleanTags(tags)), id);
}

qint64 PromptLibrary::duplicate(qint64 id)
{
    m_lastError.clear();
    const auto original = prompt(id);
    if (!original) {
        fail(QCoreApplication::translate("core::PromptLibrary", "There is no saved prompt %1.")
                 .arg(id));
        return 0;
    }
    QString name
        = QCoreApplication::translate("core::PromptLibrary", "%1 (copy)").arg(original->name);
    for (int n = 2; findByName(name); ++n)
        name = QCoreApplication::translate("core::PromptLibrary", "%1 (copy %2)")
                   .arg(original->name)
                   .arg(n);
    QSqlDatabase db = m_db->connection();
    db.transaction();
    const qint64 copy = insertPrompt(name, original->tags, QDateTime());
    bool ok = copy != 0;
    for (const PromptVersion &v : versions(id)) {
        if (ok)
            ok = insertVersion(copy, v.number, v);
    }
    if (!ok || !db.commit()) {
        db.rollback();
        return 0;
    }
    Q_EMIT changed();
    return copy;
}

bool PromptLibrary::remove(qint64 id)
{
    m_lastError.clear();
    return updatePrompt(u"deleted_at"_s, isoUtc(QDateTime()), id);
}

bool PromptLibrary::updatePrompt(const QString &column, const QVariant &value, qint64 id)
{
    QSqlQuery q(m_db->connection());
    q.prepare(u"UPDATE prompts SET %1 = ? WHERE id = ? AND deleted_at IS NULL"_s.arg(column));
    q.addBindValue(value);
    q.addBindValue(id);
    if (!q.exec() || q.numRowsAffected() != 1)
        return fail(q.lastError().isValid()
                ? q.lastError().text()
                : QCoreApplication::translate("core::PromptLibrary", "There is no saved prompt %1.")
                      .arg(id));
    Q_EMIT changed();
    return true;
}

bool PromptLibrary::restore(qint64 id)
{
    m_lastError.clear();
    const QString name = [&] {
        QSqlQuery q(m_db->connection());
        q.prepare(u"SELECT name FROM prompts WHERE id = ? AND deleted_at IS NOT NULL"_s);
        q.addBindValue(id);
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    }();
    if (name.isEmpty())
        return fail(
            QCoreApplication::translate("core::PromptLibrary", "There is no deleted prompt %1.")
                .arg(id));
    // A prompt saved under the same name meanwhile keeps it; the restored one gets a suffix.
    QString freeName = name;
    for (int n = 2; findByName(freeName); ++n)
        freeName = u"%1 (%2)"_s.arg(name).arg(n);
    QSqlQuery q(m_db->connection());
    q.prepare(u"UPDATE prompts SET deleted_at = NULL, name = ? WHERE id = ?"_s);
    q.addBindValue(freeName);
    q.addBindValue(id);
    if (!q.exec() || q.numRowsAffected() != 1)
        return fail(q.lastError().text());
    Q_EMIT changed();
    return true;
}

QList<SavedPrompt> PromptLibrary::list(const QString &text) const
{
    QList<SavedPrompt> out;
    if (!m_db || !m_db->isOpen())
        return out;
    QString sql = u"SELECT %1 FROM prompts p WHERE p.deleted_at IS NULL"_s.arg(kPromptColumns);
    if (!text.isEmpty())
        sql += u" AND (p.name LIKE :t ESCAPE '\\' OR p.tags LIKE :t ESCAPE '\\'"
               u" OR EXISTS (SELECT 1 FROM prompt_versions v WHERE v.prompt_id = p.id"
               u" AND v.template LIKE :t ESCAPE '\\'))"_s;
    sql += u" ORDER BY p.updated_at DESC, p.id DESC"_s;
    QSqlQuery q(m_db->connection());
    q.prepare(sql);
    if (!text.isEmpty())
        q.bindValue(u":t"_s, Database::containsPattern(text));
    if (!q.exec()) {
        fail(q.lastError().text());
        return out;
    }
    while (q.next())
        out.append(promptFrom(q));
    return out;
}

std::optional<SavedPrompt> PromptLibrary::prompt(qint64 id) const
{
    if (!m_db || !m_db->isOpen())
        return std::nullopt;
    QSqlQuery q(m_db->connection());
    q.prepare(
        u"SELECT %1 FROM prompts p WHERE p.id = ? AND p.deleted_at IS NULL"_s.arg(kPromptColumns));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return promptFrom(q);
    return std::nullopt;
}

std::optional<SavedPrompt> PromptLibrary::findByName(const QString &name) const
{
    if (!m_db || !m_db->isOpen())
        return std::nullopt;
    QSqlQuery q(m_db->connection());
    q.prepare(u"SELECT %1 FROM prompts p WHERE p.name = ? AND p.deleted_at IS NULL"_s.arg(
        kPromptColumns));
    q.addBindValue(name);
    if (q.exec() && q.next())
        return promptFrom(q);
    return std::nullopt;
}

QList<PromptVersion> PromptLibrary::versions(qint64 id) const
{
    QList<PromptVersion> out;
    if (!m_db || !m_db->isOpen())
        return out;
    QSqlQuery q(m_db->connection());
    q.prepare(u"SELECT %1 FROM prompt_versions WHERE prompt_id = ? ORDER BY number"_s.arg(
        kVersionColumns));
    q.addBindValue(id);
    if (!q.exec()) {
        fail(q.lastError().text());
        return out;
    }
    while (q.next())
        out.append(versionFrom(q));
    return out;
}

std::optional<PromptVersion> PromptLibrary::version(qint64 id, int number) const
{
    if (!m_db || !m_db->isOpen())
        return std::nullopt;
    QSqlQuery q(m_db->connection());
    q.prepare(u"SELECT %1 FROM prompt_versions WHERE prompt_id = ? AND number = ?"_s.arg(
        kVersionColumns));
    q.addBindValue(id);
    q.addBindValue(number);
    if (q.exec() && q.next())
        return versionFrom(q);
    return std::nullopt;
}

QByteArray PromptLibrary::exportFile(const QList<qint64> &ids) const
{
    QList<PromptEntry> entries;
    if (ids.isEmpty()) {
        // Oldest first, so that an import adds them in the order they were made.
        const QList<SavedPrompt> all = list();
        for (auto it = all.crbegin(); it != all.crend(); ++it)
            entries.append({*it, versions(it->id)});
    } else {
        for (qint64 id : ids) {
            if (const auto p = prompt(id))
                entries.append({*p, versions(id)});
        }
    }
    return writePromptFile(entries, QDateTime::currentDateTimeUtc());
}

std::optional<PromptImport> PromptLibrary::importFile(const QByteArray &data, QString *error)
{
    m_lastError.clear();
    const std::optional<QList<PromptEntry>> entries = readPromptFile(data, error);
    if (!entries)
        return std::nullopt;
    if (!m_db || !m_db->isOpen()) {
        *error
            = QCoreApplication::translate("core::PromptLibrary", "The prompt library is not open.");
        return std::nullopt;
    }
    PromptImport result;
    QSqlDatabase db = m_db->connection();
    db.transaction();
    bool ok = true;
    for (const PromptEntry &entry : *entries) {
        if (!ok)
            break;
        const auto existing = findByName(entry.prompt.name);
        if (!existing) {
            const qint64 id = insertPrompt(entry.prompt.name,
                entry.prompt.tags,
                entry.prompt.created.isValid() ? entry.prompt.created
                                               : entry.versions.first().created);
            ok = id != 0;
            int number = 0;
            for (const PromptVersion &v : entry.versions) {
                if (ok)
                    ok = insertVersion(id, ++number, v);
            }
            ++result.added;
            result.versions += number;
            continue;
        }
        QList<PromptVersion> have = versions(existing->id);
        int number = have.isEmpty() ? 0 : have.last().number;
        int added = 0;
        for (const PromptVersion &v : entry.versions) {
            const bool known = std::any_of(have.cbegin(), have.cend(), [&](const PromptVersion &h) {
                return h.sameContent(v);
            });
            if (known || !ok)
                continue;
            ok = insertVersion(existing->id, ++number, v);
            have.append(v);
            ++added;
        }
        QStringList tags = existing->tags;
        tags += entry.prompt.tags;
        if (ok && cleanTags(tags) != existing->tags) {
            QSqlQuery q(db);
            q.prepare(u"UPDATE prompts SET tags = ? WHERE id = ?"_s);
            q.addBindValue(jsonText(cleanTags(tags)));
            q.addBindValue(existing->id);
            ok = q.exec() || fail(q.lastError().text());
        }
        if (added > 0)
            ++result.merged;
        result.versions += added;
    }
    if (!ok || !db.commit()) {
        const QString message = m_lastError.isEmpty() ? db.lastError().text() : m_lastError;
        db.rollback();
        *error = QCoreApplication::translate(
            "core::PromptLibrary", "The prompts could not be stored: %1")
                     .arg(message);
        return std::nullopt;
    }
    Q_EMIT changed();
    return result;
}

} // namespace core
