// SPDX-License-Identifier: MIT
#include "core/storage/EmbeddingCache.h"

#include "core/storage/Database.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace core {

namespace {

QByteArray toBlob(const Embedding &v)
{
    QByteArray out(v.size() * qsizetype(sizeof(float)), Qt::Uninitialized);
    for (qsizetype i = 0; i < v.size(); ++i)
        qToLittleEndian(v.at(i), out.data() + i * qsizetype(sizeof(float)));
    return out;
}

Embedding fromBlob(const QByteArray &blob, int dims)
{
    if (dims <= 0 || blob.size() != qsizetype(dims) * qsizetype(sizeof(float)))
        return {};
    Embedding v(dims);
    for (int i = 0; i < dims; ++i)
        v[i] = qFromLittleEndian<float>(blob.constData() + qsizetype(i) * qsizetype(sizeof(float)));
    return v;
}

} // namespace

EmbeddingCache::EmbeddingCache(Database *db)
    : m_db(db)
{}

QByteArray EmbeddingCache::key(const QString &scope, const QString &text)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(scope.toUtf8());
    hash.addData(QByteArrayView("\0", 1));
    hash.addData(text.toUtf8());
    return hash.result();
}

QHash<int, Embedding> EmbeddingCache::lookup(const QList<QByteArray> &keys) const
{
    QHash<int, Embedding> found;
    if (!m_db || !m_db->isOpen() || keys.isEmpty())
        return found;
    QSqlDatabase db = m_db->connection();
    db.transaction();
    QSqlQuery q(db);
    q.prepare(u"SELECT dims, vector FROM embedding_cache WHERE key = ?"_s);
    for (int i = 0; i < keys.size(); ++i) {
        q.bindValue(0, keys.at(i));
        if (!q.exec() || !q.next())
            continue;
        Embedding v = fromBlob(q.value(1).toByteArray(), q.value(0).toInt());
        if (!v.isEmpty())
            found.insert(i, std::move(v));
    }
    q.finish();
    db.commit();
    return found;
}

bool EmbeddingCache::store(const QList<QByteArray> &keys, const QList<Embedding> &vectors)
{
    m_lastError.clear();
    if (!m_db || !m_db->isOpen()) {
        m_lastError = u"the embedding cache is not open"_s;
        return false;
    }
    QSqlDatabase db = m_db->connection();
    if (!db.transaction()) {
        m_lastError = db.lastError().text();
        return false;
    }
    QSqlQuery q(db);
    q.prepare(
        u"INSERT OR REPLACE INTO embedding_cache (key, dims, vector, created_at) VALUES (?, ?, ?, ?)"_s);
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    for (qsizetype i = 0; i < std::min(keys.size(), vectors.size()); ++i) {
        if (vectors.at(i).isEmpty())
            continue;
        q.bindValue(0, keys.at(i));
        q.bindValue(1, int(vectors.at(i).size()));
        q.bindValue(2, toBlob(vectors.at(i)));
        q.bindValue(3, now);
        if (!q.exec()) {
            m_lastError = q.lastError().text();
            db.rollback();
            return false;
        }
    }
    if (!db.commit()) {
        m_lastError = db.lastError().text();
        return false;
    }
    return true;
}

qint64 EmbeddingCache::count() const
{
    if (!m_db || !m_db->isOpen())
        return 0;
    QSqlQuery q(m_db->connection());
    if (!q.exec(u"SELECT COUNT(*) FROM embedding_cache"_s) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

bool EmbeddingCache::clear()
{
    if (!m_db || !m_db->isOpen())
        return false;
    QSqlQuery q(m_db->connection());
    if (!q.exec(u"DELETE FROM embedding_cache"_s)) {
        m_lastError = q.lastError().text();
        return false;
    }
    return true;
}

} // namespace core
