// SPDX-License-Identifier: MIT
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace core {

/// The app's SQLite file (QtSql, driver QSQLITE): run history, drafts, the embedding cache and the
/// steering library. Opened in WAL mode with `synchronous=NORMAL` (a committed transaction survives
/// the app being killed), foreign keys on. The schema version is SQLite's `PRAGMA user_version`;
/// open() applies the missing migrations in order, each in one transaction, so a database written
/// by an older version is upgraded in place. A file from a newer version is refused rather than
/// damaged.
///
/// One Database per thread: the QSqlDatabase connection belongs to the thread that opened it.
class Database
{
public:
    /// The schema version this build writes. 1: runs. 2: drafts. 3: embedding_cache.
    /// 4: steering_concepts. 5: conversations. 6: runs.partial. 7: prompts, prompt_versions.
    static constexpr int kSchemaVersion = 7;

    /// `path` is the SQLite file (created if missing), or ":memory:".
    explicit Database(QString path);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// Why open() failed.
    enum class Problem {
        None,
        Newer, ///< written by a newer version: left untouched, do not replace it
        Unreadable, ///< not a database, damaged, or its migration failed: safe to set aside
    };

    /// Opens the file and migrates it. On failure returns false, sets `error` (a message for
    /// the user naming the file) and problem(). The schema version is read before anything is
    /// written, so a newer or damaged file is not changed.
    bool open(QString *error);
    Problem problem() const { return m_problem; }
    /// Moves the file (and its -wal and -shm) aside as `<path>.broken-<UTC time>` so that a new
    /// database can start at `path`; the old data stays there for the user. Returns the new path,
    /// or "" when it could not be moved. Only while closed.
    QString setAside();
    /// Applies migrations up to `version` only (tests build old databases with it).
    bool open(int version, QString *error);
    bool isOpen() const;
    QSqlDatabase connection() const;
    QString path() const { return m_path; }
    /// PRAGMA user_version.
    int schemaVersion() const;
    /// PRAGMA journal_mode ("wal" once opened on a file).
    QString journalMode() const;
    /// A LIKE pattern matching text that contains `text` literally: % and _ are escaped with \,
    /// so the statement says `LIKE ? ESCAPE '\'`.
    static QString containsPattern(const QString &text);

private:
    QString m_path;
    QString m_connectionName;
    Problem m_problem = Problem::None;
};

} // namespace core
