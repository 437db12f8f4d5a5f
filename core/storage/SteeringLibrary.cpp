// SPDX-License-Identifier: MIT
#include "core/storage/SteeringLibrary.h"

#include "core/storage/Database.h"
#include "core/util/Csv.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace core {

namespace {

QString examplesJson(const QList<SteeringConceptExample> &examples)
{
    CreateSteeringConceptRequest request;
    request.examples = examples;
    return QString::fromUtf8(QJsonDocument(request.toJson()).toJson(QJsonDocument::Compact));
}

QList<SteeringConceptExample> examplesFromJson(const QString &json)
{
    QString ignored;
    const auto request = CreateSteeringConceptRequest::fromJson(
        QJsonDocument::fromJson(json.toUtf8()).object(), &ignored);
    return request ? request->examples : QList<SteeringConceptExample>();
}

/// A null QString binds as SQL NULL; the columns are NOT NULL, so bind "" instead.
QString text(const QString &value)
{
    return value.isNull() ? u""_s : value;
}

void bindFields(QSqlQuery &q, const SteeringConceptEntry &entry)
{
    q.addBindValue(text(entry.name));
    q.addBindValue(text(entry.description));
    q.addBindValue(examplesJson(entry.examples));
    q.addBindValue(text(entry.conceptId));
    q.addBindValue(text(entry.profile));
    q.addBindValue(text(entry.host));
    q.addBindValue((entry.createdAt.isValid() ? entry.createdAt : QDateTime::currentDateTimeUtc())
                       .toUTC()
                       .toString(Qt::ISODateWithMs));
}

const QString kColumns
    = u"id, name, description, examples, concept_id, profile, host, created_at"_s;

SteeringConceptEntry readRow(const QSqlQuery &q)
{
    SteeringConceptEntry e;
    e.rowId = q.value(0).toLongLong();
    e.name = q.value(1).toString();
    e.description = q.value(2).toString();
    e.examples = examplesFromJson(q.value(3).toString());
    e.conceptId = q.value(4).toString();
    e.profile = q.value(5).toString();
    e.host = q.value(6).toString();
    e.createdAt = QDateTime::fromString(q.value(7).toString(), Qt::ISODateWithMs);
    return e;
}

} // namespace

SteeringLibrary::SteeringLibrary(Database *db)
    : m_db(db)
{}

QList<SteeringConceptEntry> SteeringLibrary::list() const
{
    QList<SteeringConceptEntry> out;
    if (!m_db || !m_db->isOpen())
        return out;
    QSqlQuery q(m_db->connection());
    if (!q.exec(u"SELECT %1 FROM steering_concepts ORDER BY created_at DESC, id DESC"_s.arg(
            kColumns))) {
        m_lastError = q.lastError().text();
        return out;
    }
    while (q.next())
        out.append(readRow(q));
    return out;
}

std::optional<SteeringConceptEntry> SteeringLibrary::find(qint64 rowId) const
{
    if (!m_db || !m_db->isOpen())
        return std::nullopt;
    QSqlQuery q(m_db->connection());
    q.prepare(u"SELECT %1 FROM steering_concepts WHERE id = ?"_s.arg(kColumns));
    q.addBindValue(rowId);
    if (!q.exec() || !q.next()) {
        m_lastError = q.lastError().text();
        return std::nullopt;
    }
    return readRow(q);
}

qint64 SteeringLibrary::add(const SteeringConceptEntry &entry)
{
    m_lastError.clear();
    if (!m_db || !m_db->isOpen()) {
        m_lastError = u"the steering library is not open"_s;
        return 0;
    }
    QSqlQuery q(m_db->connection());
    q.prepare(u"INSERT INTO steering_concepts (name, description, examples, concept_id, profile, "
              u"host, created_at)"
              u" VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    bindFields(q, entry);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

bool SteeringLibrary::update(const SteeringConceptEntry &entry)
{
    m_lastError.clear();
    if (!m_db || !m_db->isOpen()) {
        m_lastError = u"the steering library is not open"_s;
        return false;
    }
    QSqlQuery q(m_db->connection());
    q.prepare(u"UPDATE steering_concepts SET name = ?, description = ?, examples = ?, concept_id = "
              u"?, profile = ?,"
              u" host = ?, created_at = ? WHERE id = ?"_s);
    bindFields(q, entry);
    q.addBindValue(entry.rowId);
    if (!q.exec() || q.numRowsAffected() != 1) {
        m_lastError = q.lastError().isValid() ? q.lastError().text()
                                              : u"no concept with rowid %1"_s.arg(entry.rowId);
        return false;
    }
    return true;
}

bool SteeringLibrary::rename(qint64 rowId, const QString &name)
{
    std::optional<SteeringConceptEntry> entry = find(rowId);
    if (!entry)
        return false;
    entry->name = name;
    return update(*entry);
}

bool SteeringLibrary::remove(qint64 rowId)
{
    m_lastError.clear();
    if (!m_db || !m_db->isOpen())
        return false;
    QSqlQuery q(m_db->connection());
    q.prepare(u"DELETE FROM steering_concepts WHERE id = ?"_s);
    q.addBindValue(rowId);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return q.numRowsAffected() == 1;
}

qint64 SteeringLibrary::duplicate(qint64 rowId)
{
    std::optional<SteeringConceptEntry> entry = find(rowId);
    if (!entry)
        return 0;
    entry->name = u"%1 (copy)"_s.arg(entry->name);
    entry->createdAt = QDateTime();
    return add(*entry);
}

QString steeringExamplesToCsv(const QList<SteeringConceptExample> &examples)
{
    QString out = u"negative,positive\n"_s;
    for (const SteeringConceptExample &e : examples)
        out += csvField(e.negative) + u',' + csvField(e.positive) + u'\n';
    return out;
}

std::optional<QList<SteeringConceptExample>> steeringExamplesFromCsv(
    const QString &text, QString *error)
{
    const std::optional<CsvTable> table = readCsv(text, error, guessCsvSeparator(text));
    if (!table)
        return std::nullopt;
    const int negative = table->column(u"negative"_s);
    const int positive = table->column(u"positive"_s);
    if (negative < 0 || positive < 0) {
        *error = QCoreApplication::translate("core::SteeringLibrary",
            "The CSV needs the columns \"negative\" and \"positive\"; its header is: %1")
                     .arg(table->header.join(u", "_s));
        return std::nullopt;
    }
    QList<SteeringConceptExample> out;
    out.reserve(table->rows.size());
    for (const QStringList &row : table->rows)
        out.append({row.at(negative), row.at(positive), {}});
    return out;
}

} // namespace core
