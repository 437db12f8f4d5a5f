// SPDX-License-Identifier: MIT
#include "core/storage/EmbeddingCache.h"

#include "core/storage/Database.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QtEndian>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

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

/// The cache's thread: its own Database on the same file, a queue of tasks run in order, and
/// consecutive stores written in one transaction.
class EmbeddingCache::Worker
{
public:
    struct Task
    {
        std::function<void(Database *db)> run; // a lookup; or, when empty, a store:
        QList<QByteArray> keys;
        QList<Embedding> vectors;
        QPointer<QObject> context;
        std::function<void(const QString &)> failed;
    };

    explicit Worker(QString path)
        : m_path(std::move(path))
        , m_thread([this] { loop(); })
    {}
    ~Worker()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }

    void add(Task task)
    {
        {
            const std::lock_guard lock(m_mutex);
            m_queue.push_back(std::move(task));
        }
        m_wake.notify_all();
    }
    void flush()
    {
        std::unique_lock lock(m_mutex);
        m_idle.wait(lock, [this] { return m_queue.empty() && !m_busy; });
    }
    QString lastError() const
    {
        const std::lock_guard lock(m_mutex);
        return m_lastError;
    }

private:
    void loop()
    {
        Database db(m_path);
        QString openError;
        const bool open = db.open(&openError);
        for (;;) {
            std::deque<Task> batch;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [this] { return !m_queue.empty() || m_stopping; });
                if (m_queue.empty())
                    break; // stopping, all done
                batch.swap(m_queue);
                m_busy = true;
            }
            for (size_t i = 0; i < batch.size();) {
                if (batch[i].run) {
                    batch[i].run(open ? &db : nullptr);
                    ++i;
                    continue;
                }
                // The stores from i on, up to the next lookup: one transaction.
                size_t end = i;
                QList<QByteArray> keys;
                QList<Embedding> vectors;
                for (; end < batch.size() && !batch[end].run; ++end) {
                    const qsizetype n = std::min(batch[end].keys.size(), batch[end].vectors.size());
                    keys.append(batch[end].keys.mid(0, n));
                    vectors.append(batch[end].vectors.mid(0, n));
                }
                QString error = openError;
                if (open)
                    write(&db, keys, vectors, &error);
                if (!error.isEmpty()) {
                    {
                        const std::lock_guard lock(m_mutex);
                        m_lastError = error;
                    }
                    for (size_t t = i; t < end; ++t) {
                        if (batch[t].context && batch[t].failed)
                            QMetaObject::invokeMethod(batch[t].context.data(),
                                [failed = batch[t].failed, error] { failed(error); });
                    }
                }
                i = end;
            }
            batch.clear(); // the vectors are released here, off the caller's thread
            {
                const std::lock_guard lock(m_mutex);
                m_busy = false;
            }
            m_idle.notify_all();
        }
    }

    QString m_path;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake, m_idle;
    std::deque<Task> m_queue;
    bool m_busy = false;
    bool m_stopping = false;
    QString m_lastError;
    std::thread m_thread; // last: starts once the rest is there
};

EmbeddingCache::EmbeddingCache(Database *db)
    : m_db(db)
{}

EmbeddingCache::~EmbeddingCache() = default; // ~Worker writes the queue, then joins

EmbeddingCache::Worker *EmbeddingCache::worker() const
{
    if (!m_worker && m_db && m_db->isOpen() && m_db->path() != u":memory:"_s)
        m_worker = std::make_unique<Worker>(m_db->path());
    return m_worker.get();
}

QString EmbeddingCache::lastError() const
{
    if (m_lastError.isEmpty() && m_worker)
        return m_worker->lastError();
    return m_lastError;
}

void EmbeddingCache::flush() const
{
    if (m_worker)
        m_worker->flush();
}

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
    flush();
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

EmbeddingCache::Found EmbeddingCache::find(
    Database *database, const QString &scope, const QStringList &texts)
{
    Found found;
    found.keys.reserve(texts.size());
    for (const QString &text : texts)
        found.keys.append(key(scope, text));
    if (!database || !database->isOpen() || texts.isEmpty())
        return found;
    QSqlDatabase db = database->connection();
    db.transaction();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT dims, vector FROM embedding_cache WHERE key = ?"_s);
    for (int i = 0; i < found.keys.size(); ++i) {
        q.bindValue(0, found.keys.at(i));
        if (!q.exec() || !q.next())
            continue;
        const int dims = q.value(0).toInt();
        const QByteArray blob = q.value(1).toByteArray();
        if (dims <= 0 || blob.size() != qsizetype(dims) * qsizetype(sizeof(float))
            || (found.dims > 0 && dims != found.dims))
            continue;
        if (found.dims == 0) {
            found.dims = dims;
            found.matrix.assign(size_t(texts.size()) * size_t(dims), 0.0f);
        }
        float *row = found.matrix.data() + qsizetype(i) * dims;
        for (int c = 0; c < dims; ++c)
            row[c] = qFromLittleEndian<float>(blob.constData() + qsizetype(c) * 4);
        found.rows.append(i);
    }
    q.finish();
    db.commit();
    return found;
}

void EmbeddingCache::lookupLater(
    const QString &scope, const QStringList &texts, QObject *context, LookupDone done)
{
    Worker *w = worker();
    if (!w)
        return done(find(m_db, scope, texts));
    Worker::Task task;
    task.run = [scope, texts, guard = QPointer<QObject>(context), done](Database *db) {
        auto found = std::make_shared<Found>(find(db, scope, texts));
        if (guard)
            QMetaObject::invokeMethod(guard.data(), [done, found] { done(std::move(*found)); });
    };
    w->add(std::move(task));
}

bool EmbeddingCache::write(Database *database,
    const QList<QByteArray> &keys,
    const QList<Embedding> &vectors,
    QString *error)
{
    if (!database || !database->isOpen()) {
        *error = u"the embedding cache is not open"_s;
        return false;
    }
    QSqlDatabase db = database->connection();
    if (!db.transaction()) {
        *error = db.lastError().text();
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
            *error = q.lastError().text();
            db.rollback();
            return false;
        }
    }
    if (!db.commit()) {
        *error = db.lastError().text();
        return false;
    }
    return true;
}

bool EmbeddingCache::store(const QList<QByteArray> &keys, const QList<Embedding> &vectors)
{
    m_lastError.clear();
    flush();
    return write(m_db, keys, vectors, &m_lastError);
}

void EmbeddingCache::storeLater(const QList<QByteArray> &keys,
    const QList<Embedding> &vectors,
    QObject *context,
    std::function<void(const QString &error)> failed)
{
    Worker *w = worker();
    if (!w) {
        if (!store(keys, vectors) && context && failed)
            failed(m_lastError);
        return;
    }
    Worker::Task task;
    task.keys = keys;
    task.vectors = vectors;
    task.context = context;
    task.failed = std::move(failed);
    w->add(std::move(task));
}

qint64 EmbeddingCache::count() const
{
    flush();
    if (!m_db || !m_db->isOpen())
        return 0;
    QSqlQuery q(m_db->connection());
    if (!q.exec(u"SELECT COUNT(*) FROM embedding_cache"_s) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

bool EmbeddingCache::clear()
{
    flush();
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
