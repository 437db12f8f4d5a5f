// SPDX-License-Identifier: MIT
#include "core/storage/HistoryStore.h"

#include "core/util/Logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <functional>
#include <utility>

namespace core {

namespace {

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QVariant intOrNull(qint64 value)
{
    return value < 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(value);
}

RunRecord recordFrom(const QSqlQuery &q)
{
    RunRecord r;
    r.id = q.value(0).toLongLong();
    r.startedAt = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
    r.finishedAt = QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs);
    r.tab = q.value(3).toString();
    r.profile = q.value(4).toString();
    r.model = q.value(5).toString();
    r.endpoint = q.value(6).toString();
    r.request = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object();
    r.response = q.value(8).toString();
    r.error = q.value(9).toString();
    r.status = runStatusFromName(q.value(10).toString());
    r.durationMs = q.value(11).isNull() ? -1 : q.value(11).toLongLong();
    r.promptTokens = q.value(12).isNull() ? -1 : q.value(12).toInt();
    r.completionTokens = q.value(13).isNull() ? -1 : q.value(13).toInt();
    if (q.value(14).isNull()) {
        // A row of schema 5 or older kept the partial text of a run that did not succeed in
        // `response`: it is read as what it is, and the row stays as it was stored.
        if (r.status != RunStatus::Succeeded)
            std::swap(r.partial, r.response);
    } else {
        r.partial = q.value(14).toString();
    }
    return r;
}

/// A text column's value: never SQL NULL (a null QString binds as NULL, and the columns are NOT
/// NULL).
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

const char *kColumns = "id, started_at, finished_at, tab, profile, model, endpoint, request, "
                       "response, error, status, "
                       "duration_ms, prompt_tokens, completion_tokens, partial";

} // namespace

QString runStatusName(RunStatus status)
{
    switch (status) {
    case RunStatus::Running:
        return QStringLiteral("running");
    case RunStatus::Succeeded:
        return QStringLiteral("succeeded");
    case RunStatus::Failed:
        return QStringLiteral("failed");
    case RunStatus::Canceled:
        return QStringLiteral("canceled");
    case RunStatus::Interrupted:
        return QStringLiteral("interrupted");
    }
    return QStringLiteral("failed");
}

RunStatus runStatusFromName(const QString &name)
{
    for (RunStatus s :
        {RunStatus::Running, RunStatus::Succeeded, RunStatus::Canceled, RunStatus::Interrupted}) {
        if (name == runStatusName(s))
            return s;
    }
    if (name == QLatin1String("ok")) // written by the Embeddings tab before the status was typed
        return RunStatus::Succeeded;
    return RunStatus::Failed;
}

HistoryStore::HistoryStore(Database *db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{
    QSqlQuery q(m_db->connection());
    q.exec(QStringLiteral(
        "UPDATE runs SET status = 'interrupted', error = 'The app ended during this run.' "
        "WHERE status = 'running'"));
}

qint64 HistoryStore::beginRun(const QString &tab,
    const QString &profile,
    const QString &model,
    const QString &endpoint,
    const QJsonObject &request)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral(
        "INSERT INTO runs (started_at, tab, profile, model, endpoint, request, status) "
        "VALUES (?, ?, ?, ?, ?, ?, 'running')"));
    q.addBindValue(now());
    q.addBindValue(text(tab));
    q.addBindValue(text(profile));
    q.addBindValue(text(model));
    q.addBindValue(text(endpoint));
    q.addBindValue(QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact)));
    if (!q.exec()) {
        qCWarning(lcStorage) << "history: cannot record a run:" << q.lastError().text();
        return 0;
    }
    Q_EMIT changed();
    return q.lastInsertId().toLongLong();
}

bool HistoryStore::finishRun(qint64 id,
    RunStatus status,
    const QString &response,
    const QString &error,
    qint64 durationMs,
    int promptTokens,
    int completionTokens,
    const QString &partial)
{
    if (id <= 0 || status == RunStatus::Running)
        return false;
    QSqlQuery q(m_db->connection());
    // A null `partial` keeps what savePartial() wrote (or "": the row is of this schema).
    q.prepare(QStringLiteral(
        "UPDATE runs SET finished_at = ?, status = ?, response = ?, error = ?, duration_ms = ?, "
        "prompt_tokens = ?, completion_tokens = ?, partial = COALESCE(?, partial, '') WHERE id = "
        "?"));
    q.addBindValue(now());
    q.addBindValue(runStatusName(status));
    q.addBindValue(response);
    q.addBindValue(error);
    q.addBindValue(intOrNull(durationMs));
    q.addBindValue(intOrNull(promptTokens));
    q.addBindValue(intOrNull(completionTokens));
    q.addBindValue(partial.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(partial));
    q.addBindValue(id);
    if (!q.exec()) {
        qCWarning(lcStorage) << "history: cannot complete run" << id << ":" << q.lastError().text();
        return false;
    }
    Q_EMIT changed();
    return q.numRowsAffected() == 1;
}

bool HistoryStore::savePartial(qint64 id, const QString &partialResponse)
{
    if (id <= 0)
        return false;
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("UPDATE runs SET partial = ? WHERE id = ? AND status = 'running'"));
    q.addBindValue(text(partialResponse));
    q.addBindValue(id);
    if (!q.exec()) {
        qCWarning(lcStorage) << "history: cannot keep the partial answer of run" << id << ":"
                             << q.lastError().text();
        return false;
    }
    return q.numRowsAffected() == 1;
}

QList<RunRecord> HistoryStore::search(const QString &text, const QString &tab, int limit) const
{
    QString sql = QStringLiteral("SELECT %1 FROM runs WHERE 1 = 1").arg(QLatin1String(kColumns));
    if (!text.isEmpty())
        sql += QStringLiteral(" AND (request LIKE :t ESCAPE '\\' OR response LIKE :t ESCAPE '\\' "
                              "OR partial LIKE :t ESCAPE '\\'"
                              " OR error LIKE :t ESCAPE '\\'"
                              " OR model LIKE :t ESCAPE '\\' OR profile LIKE :t ESCAPE '\\')");
    if (!tab.isEmpty())
        sql += QStringLiteral(" AND tab = :tab");
    sql += QStringLiteral(" ORDER BY id DESC LIMIT :limit");
    QSqlQuery q(m_db->connection());
    q.prepare(sql);
    if (!text.isEmpty())
        q.bindValue(QStringLiteral(":t"), Database::containsPattern(text));
    if (!tab.isEmpty())
        q.bindValue(QStringLiteral(":tab"), tab);
    q.bindValue(QStringLiteral(":limit"), limit);
    QList<RunRecord> list;
    if (!q.exec()) {
        qCWarning(lcStorage) << "history: search failed:" << q.lastError().text();
        return list;
    }
    while (q.next())
        list.append(recordFrom(q));
    return list;
}

std::optional<RunRecord> HistoryStore::run(qint64 id) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM runs WHERE id = ?").arg(QLatin1String(kColumns)));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return recordFrom(q);
    return std::nullopt;
}

bool HistoryStore::clear()
{
    QSqlQuery q(m_db->connection());
    const bool ok = q.exec(QStringLiteral("DELETE FROM runs"));
    Q_EMIT changed();
    return ok;
}

int HistoryStore::count() const
{
    QSqlQuery q(m_db->connection());
    if (q.exec(QStringLiteral("SELECT COUNT(*) FROM runs")) && q.next())
        return q.value(0).toInt();
    return 0;
}

namespace {

/// A prompt's text: a string, or the text items of a multimodal prompt ("[image]" for the rest).
QString promptText(const QJsonValue &prompt)
{
    if (prompt.isString())
        return prompt.toString();
    QString text;
    for (const QJsonValue &item : prompt.toArray()) {
        const QJsonObject o = item.toObject();
        text += o.value(QStringLiteral("type")).toString() == QLatin1String("text")
            ? o.value(QStringLiteral("data")).toString()
            : QStringLiteral("[%1] ").arg(o.value(QStringLiteral("type")).toString());
    }
    return text;
}

/// The first of several texts, and how many more there are: "Hello (+47 more)".
QString firstOf(const QJsonArray &texts, const std::function<QString(const QJsonValue &)> &textOf)
{
    if (texts.isEmpty())
        return QString();
    const QString first = textOf(texts.first()).simplified();
    return texts.size() == 1 ? first
                             : QStringLiteral("%1 (+%2 more)").arg(first).arg(texts.size() - 1);
}

} // namespace

QString RunRecord::summary() const
{
    QString text = promptText(request.value(QStringLiteral("prompt")));
    // Translation: its source; embeddings: the first of the texts; steering: the first example.
    if (text.isEmpty())
        text = request.value(QStringLiteral("source")).toString();
    if (text.isEmpty())
        text = firstOf(request.value(QStringLiteral("prompts")).toArray(), promptText);
    if (text.isEmpty()) {
        const QJsonValue input = request.value(QStringLiteral("input"));
        text = input.isString()
            ? input.toString()
            : firstOf(input.toArray(), [](const QJsonValue &v) { return v.toString(); });
    }
    if (text.isEmpty()) {
        text
            = firstOf(request.value(QStringLiteral("examples")).toArray(), [](const QJsonValue &v) {
                  const QJsonObject example = v.toObject();
                  return QStringLiteral("%1 → %2").arg(
                      example.value(QStringLiteral("negative")).toString(),
                      example.value(QStringLiteral("positive")).toString());
              });
    }
    const QJsonArray messages = request.value(QStringLiteral("messages")).toArray();
    for (qsizetype i = messages.size() - 1; i >= 0 && text.isEmpty(); --i) {
        const QJsonObject m = messages.at(i).toObject();
        if (m.value(QStringLiteral("role")).toString() != QLatin1String("user"))
            continue;
        const QJsonValue c = m.value(QStringLiteral("content"));
        if (c.isString())
            text = c.toString();
        else
            for (const QJsonValue &part : c.toArray())
                text += part.toObject().value(QStringLiteral("text")).toString();
    }
    text = text.simplified();
    return text.size() > 120 ? text.left(119) + QChar(0x2026) : text;
}

QJsonObject RunRecord::responseObject(QString *problem) const
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(response.toUtf8(), &parseError);
    if (!document.isObject() || document.object().isEmpty()) {
        *problem = response.isEmpty() ? QStringLiteral("the run has no recorded answer")
                                      : QStringLiteral("the recorded answer is not a JSON object");
        return {};
    }
    return document.object();
}

DraftStore::DraftStore(Database *db)
    : m_db(db)
{}

bool DraftStore::save(const QString &key, const QVariantMap &content)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("INSERT INTO drafts (key, content, updated_at) VALUES (?, ?, ?) "
                             "ON CONFLICT(key) DO UPDATE SET content = excluded.content, "
                             "updated_at = excluded.updated_at"));
    q.addBindValue(key);
    q.addBindValue(QString::fromUtf8(
        QJsonDocument(QJsonObject::fromVariantMap(content)).toJson(QJsonDocument::Compact)));
    q.addBindValue(now());
    if (!q.exec()) {
        qCWarning(lcStorage) << "drafts: cannot save" << key << ":" << q.lastError().text();
        return false;
    }
    return true;
}

QVariantMap DraftStore::load(const QString &key) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT content FROM drafts WHERE key = ?"));
    q.addBindValue(key);
    if (q.exec() && q.next())
        return QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object().toVariantMap();
    return {};
}

bool DraftStore::remove(const QString &key)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("DELETE FROM drafts WHERE key = ?"));
    q.addBindValue(key);
    return q.exec();
}

} // namespace core
