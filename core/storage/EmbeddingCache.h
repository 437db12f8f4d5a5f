// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Embedding.h"
#include "core/api/EmbeddingMatrix.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <vector>

namespace core {

class Database;

/// Embedding vectors kept in the app's SQLite file (table `embedding_cache`), so embedding the
/// same texts again with the same provider, model, representation and options sends no request.
/// A key is SHA-256 of the provider's cache scope (EmbeddingProvider::cacheScope(): service, host,
/// model, representation, options) and the text; the value is the vector as little-endian float32.
/// Texts are not stored, only their hashes.
///
/// The synchronous calls (lookup(), store(), count(), clear()) run on the thread that opened the
/// Database. For a database in a file, lookupLater() and storeLater() run on the cache's own
/// thread with its own connection to the same file (WAL: the GUI's connection is not blocked), in
/// the order they were called: a lookup sees every store queued before it, and the stores waiting
/// when the thread gets to them are written in one transaction. That thread starts with the first
/// such call. For ":memory:" they run at once on the calling thread.
class EmbeddingCache
{
public:
    explicit EmbeddingCache(Database *db); // not owned; must outlive the cache
    /// Writes what is still queued, then ends the cache's thread.
    ~EmbeddingCache();
    EmbeddingCache(const EmbeddingCache &) = delete;
    EmbeddingCache &operator=(const EmbeddingCache &) = delete;

    /// 32 bytes: SHA-256 of the UTF-8 of scope, a NUL, and text.
    static QByteArray key(const QString &scope, const QString &text);

    /// The cached vectors of `keys`, by position in `keys`; misses are absent. One read
    /// transaction, after the queued stores. An unreadable row (a vector blob of the wrong size)
    /// counts as a miss.
    QHash<int, Embedding> lookup(const QList<QByteArray> &keys) const;
    /// Stores vectors (keys[i] → vectors[i]; empty vectors are skipped) in one transaction,
    /// replacing older entries. False with a message in lastError() when SQLite refuses.
    bool store(const QList<QByteArray> &keys, const QList<Embedding> &vectors);
    /// Entries held (after the queued stores).
    qint64 count() const;
    /// Deletes every entry (after the queued stores).
    bool clear();
    QString lastError() const;

    /// What lookupLater() found for `texts`: their keys, and the vectors of the hits in one
    /// row-major matrix of texts × dims floats (dims: the first hit's size; rows of misses are
    /// zero; a hit of another size counts as a miss). `rows` lists the hit positions ascending.
    struct Found
    {
        QList<QByteArray> keys;
        int dims = 0;
        EmbeddingMatrix matrix;
        QList<int> rows;
    };
    using LookupDone = std::function<void(Found &&found)>;
    /// Hashes `texts` under `scope` and looks the keys up off the calling thread, then calls
    /// `done` on `context`'s thread (not at all when `context` is gone by then).
    void lookupLater(
        const QString &scope, const QStringList &texts, QObject *context, LookupDone done);
    /// Queues a store(); when it fails, `failed` gets SQLite's message on `context`'s thread.
    void storeLater(const QList<QByteArray> &keys,
        const QList<Embedding> &vectors,
        QObject *context = nullptr,
        std::function<void(const QString &error)> failed = {});
    /// Waits until every queued lookup and store has run. Stores that failed leave their message
    /// in lastError().
    void flush() const;

private:
    class Worker;
    /// The worker, started on first use; null for ":memory:" (everything runs inline).
    Worker *worker() const;
    static Found find(Database *db, const QString &scope, const QStringList &texts);
    static bool write(Database *db,
        const QList<QByteArray> &keys,
        const QList<Embedding> &vectors,
        QString *error);

    Database *m_db;
    mutable std::unique_ptr<Worker> m_worker;
    QString m_lastError;
};

} // namespace core
