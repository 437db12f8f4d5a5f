// SPDX-License-Identifier: MIT
#include "core/storage/ConversationStore.h"

#include "core/util/Logging.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace core {

namespace {

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString json(const QJsonObject &content)
{
    return QString::fromUtf8(QJsonDocument(content).toJson(QJsonDocument::Compact));
}

const char *kColumns = "id, title, custom_title, created_at, updated_at, content";

ConversationRecord recordFrom(const QSqlQuery &q)
{
    ConversationRecord r;
    r.id = q.value(0).toLongLong();
    r.title = q.value(1).toString();
    r.customTitle = q.value(2).toInt() != 0;
    r.createdAt = QDateTime::fromString(q.value(3).toString(), Qt::ISODateWithMs);
    r.updatedAt = QDateTime::fromString(q.value(4).toString(), Qt::ISODateWithMs);
    r.content = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
    return r;
}

bool execOrWarn(QSqlQuery &q, const char *what)
{
    if (q.exec())
        return true;
    qCWarning(lcStorage) << "conversations:" << what << q.lastError().text();
    return false;
}

} // namespace

ConversationStore::ConversationStore(Database *db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("DELETE FROM conversations WHERE deleted_at IS NOT NULL"));
    execOrWarn(q, "cannot purge deleted conversations:");
}

QString ConversationStore::titleFor(const QString &firstUserMessage)
{
    const QString text = firstUserMessage.simplified();
    if (text.isEmpty())
        return tr("New chat");
    return text.size() > 60 ? text.left(59) + QChar(0x2026) : text;
}

qint64 ConversationStore::create(const QString &title, const QJsonObject &content)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral(
        "INSERT INTO conversations (title, custom_title, created_at, updated_at, content, "
        "revision) "
        "VALUES (?, 0, ?, ?, ?, (SELECT COALESCE(MAX(revision), 0) + 1 FROM conversations))"));
    const QString at = now();
    q.addBindValue(title.isNull() ? QStringLiteral("") : title);
    q.addBindValue(at);
    q.addBindValue(at);
    q.addBindValue(json(content));
    if (!execOrWarn(q, "cannot store a conversation:"))
        return 0;
    Q_EMIT changed();
    return q.lastInsertId().toLongLong();
}

bool ConversationStore::save(qint64 id, const QString &autoTitle, const QJsonObject &content)
{
    QSqlQuery q(m_db->connection());
    q.prepare(
        QStringLiteral("UPDATE conversations SET content = ?, updated_at = ?, "
                       "title = CASE WHEN custom_title THEN title ELSE ? END, "
                       "revision = (SELECT MAX(revision) + 1 FROM conversations) WHERE id = ?"));
    q.addBindValue(json(content));
    q.addBindValue(now());
    q.addBindValue(autoTitle.isNull() ? QStringLiteral("") : autoTitle);
    q.addBindValue(id);
    if (!execOrWarn(q, "cannot save a conversation:") || q.numRowsAffected() != 1)
        return false;
    Q_EMIT changed();
    return true;
}

bool ConversationStore::rename(qint64 id, const QString &title)
{
    const QString trimmed = title.trimmed();
    if (trimmed.isEmpty())
        return false;
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("UPDATE conversations SET title = ?, custom_title = 1 WHERE id = ?"));
    q.addBindValue(trimmed);
    q.addBindValue(id);
    if (!execOrWarn(q, "cannot rename a conversation:") || q.numRowsAffected() != 1)
        return false;
    Q_EMIT changed();
    return true;
}

bool ConversationStore::remove(qint64 id)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral(
        "UPDATE conversations SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL"));
    q.addBindValue(now());
    q.addBindValue(id);
    if (!execOrWarn(q, "cannot delete a conversation:") || q.numRowsAffected() != 1)
        return false;
    Q_EMIT changed();
    return true;
}

bool ConversationStore::restore(qint64 id)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral(
        "UPDATE conversations SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL"));
    q.addBindValue(id);
    if (!execOrWarn(q, "cannot restore a conversation:") || q.numRowsAffected() != 1)
        return false;
    Q_EMIT changed();
    return true;
}

QList<ConversationRecord> ConversationStore::list(const QString &text) const
{
    QString sql = QStringLiteral("SELECT %1 FROM conversations WHERE deleted_at IS NULL")
                      .arg(QLatin1String(kColumns));
    if (!text.isEmpty())
        sql += QStringLiteral(" AND (title LIKE :t ESCAPE '\\' OR content LIKE :t ESCAPE '\\')");
    sql += QStringLiteral(" ORDER BY revision DESC");
    QSqlQuery q(m_db->connection());
    q.prepare(sql);
    if (!text.isEmpty())
        q.bindValue(QStringLiteral(":t"), Database::containsPattern(text));
    QList<ConversationRecord> out;
    if (!execOrWarn(q, "cannot list conversations:"))
        return out;
    while (q.next())
        out.append(recordFrom(q));
    return out;
}

std::optional<ConversationRecord> ConversationStore::conversation(qint64 id) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM conversations WHERE id = ? AND deleted_at IS NULL")
                  .arg(QLatin1String(kColumns)));
    q.addBindValue(id);
    if (execOrWarn(q, "cannot read a conversation:") && q.next())
        return recordFrom(q);
    return std::nullopt;
}

} // namespace core
