// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Embedding.h"

#include <QByteArray>
#include <QHash>
#include <QList>

namespace core {

class Database;

/// Embedding vectors kept in the app's SQLite file (table `embedding_cache`), so embedding the
/// same texts again with the same provider, model, representation and options sends no request.
/// A key is SHA-256 of the provider's cache scope (EmbeddingProvider::cacheScope(): service, host,
/// model, representation, options) and the text; the value is the vector as little-endian float32.
/// Texts are not stored, only their hashes. Used on the thread that opened the Database.
class EmbeddingCache
{
public:
    explicit EmbeddingCache(Database *db); // not owned

    /// 32 bytes: SHA-256 of the UTF-8 of scope, a NUL, and text.
    static QByteArray key(const QString &scope, const QString &text);

    /// The cached vectors of `keys`, by position in `keys`; misses are absent. One read
    /// transaction. An unreadable row (a vector blob of the wrong size) counts as a miss.
    QHash<int, Embedding> lookup(const QList<QByteArray> &keys) const;
    /// Stores vectors (keys[i] → vectors[i]; empty vectors are skipped) in one transaction,
    /// replacing older entries. False with a message in lastError() when SQLite refuses.
    bool store(const QList<QByteArray> &keys, const QList<Embedding> &vectors);
    /// Entries held.
    qint64 count() const;
    /// Deletes every entry.
    bool clear();
    QString lastError() const { return m_lastError; }

private:
    Database *m_db;
    QString m_lastError;
};

} // namespace core
