// SPDX-License-Identifier: MIT
#include "core/storage/Database.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace core {

namespace {

QAtomicInteger<int> g_connectionCounter;

/// migrations[i] takes the schema from version i to i + 1.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> list = {
        // 0 → 1: the run history.
        {
            QStringLiteral("CREATE TABLE runs ("
                           " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " started_at TEXT NOT NULL," // ISO 8601 UTC with ms
                           " finished_at TEXT,"
                           " tab TEXT NOT NULL," // completion, chat, ...
                           " profile TEXT NOT NULL," // profile name
                           " model TEXT NOT NULL,"
                           " endpoint TEXT NOT NULL," // complete, chat/completions, ...
                           " request TEXT NOT NULL," // the typed request as JSON (no token)
                           " response TEXT," // the response as JSON, or partial text
                           " error TEXT," // the error shown to the user
                           " status TEXT NOT NULL," // running|succeeded|failed|canceled|interrupted
                           " duration_ms INTEGER,"
                           " prompt_tokens INTEGER,"
                           " completion_tokens INTEGER)"),
            QStringLiteral("CREATE INDEX runs_started ON runs(started_at)"),
        },
        // 1 → 2: autosaved drafts (prompt editors, chat conversations).
        {
            QStringLiteral("CREATE TABLE drafts ("
                           " key TEXT PRIMARY KEY," // e.g. completion/prompt, chat/conversation
                           " content TEXT NOT NULL," // JSON written by the tab
                           " updated_at TEXT NOT NULL)"),
        },
        // 2 → 3: the Embeddings tab's vector cache.
        {
            QStringLiteral(
                "CREATE TABLE embedding_cache ("
                " key BLOB PRIMARY KEY," // SHA-256 of scope and text (EmbeddingCache::key)
                " dims INTEGER NOT NULL,"
                " vector BLOB NOT NULL," // dims little-endian float32
                " created_at TEXT NOT NULL) WITHOUT ROWID"),
        },
        // 3 → 4: the Steering tab's library of concepts (the API cannot list them).
        {
            QStringLiteral("CREATE TABLE steering_concepts ("
                           " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " name TEXT NOT NULL,"
                           " description TEXT NOT NULL,"
                           " examples TEXT NOT NULL," // {"examples":[{negative, positive}]}
                           " concept_id TEXT NOT NULL," // the API's id
                           " profile TEXT NOT NULL,"
                           " host TEXT NOT NULL," // base URL
                           " created_at TEXT NOT NULL)"),
        },
        // 4 → 5: the Chat tab's conversations (title, the message tree with its branches).
        {
            QStringLiteral(
                "CREATE TABLE conversations ("
                " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                " title TEXT NOT NULL,"
                " custom_title INTEGER NOT NULL DEFAULT 0," // renamed: saves keep the title
                " created_at TEXT NOT NULL," // ISO 8601 UTC with ms
                " updated_at TEXT NOT NULL,"
                " content TEXT NOT NULL," // JSON written by the Chat tab
                " revision INTEGER NOT NULL," // grows with every change: the list's order
                " deleted_at TEXT)"), // set by remove(); purged next session
            QStringLiteral("CREATE INDEX conversations_revision ON conversations(revision)"),
        },
        // 5 → 6: a run's partial text (what a stream had delivered when it was stopped, cut or the
        // app ended) apart from its response. NULL in older rows, which kept it in `response`.
        {
            QStringLiteral("ALTER TABLE runs ADD COLUMN partial TEXT"),
        },
        // 6 → 7: the prompt library (saved Completion prompts and their versions).
        {
            QStringLiteral("CREATE TABLE prompts ("
                           " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " name TEXT NOT NULL,"
                           " tags TEXT NOT NULL," // JSON array of strings
                           " created_at TEXT NOT NULL," // ISO 8601 UTC with ms
                           " updated_at TEXT NOT NULL," // the newest version's date
                           " deleted_at TEXT)"), // set by remove(); purged next session
            QStringLiteral("CREATE TABLE prompt_versions ("
                           " prompt_id INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,"
                           " number INTEGER NOT NULL," // 1, 2, ... per prompt
                           " created_at TEXT NOT NULL,"
                           " template TEXT NOT NULL," // the raw prompt text with {{ name }}
                           " variables TEXT NOT NULL," // JSON object name → value
                           " model TEXT NOT NULL,"
                           " parameters TEXT NOT NULL," // JSON object, /complete's names
                           " steering_concepts TEXT NOT NULL," // JSON array of concept ids
                           " PRIMARY KEY (prompt_id, number))"),
        },
    };
    return list;
}

} // namespace

Database::Database(QString path)
    : m_path(std::move(path))
    , m_connectionName(QStringLiteral("aleph-db-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1)))
{}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool Database::isOpen() const
{
    return QSqlDatabase::database(m_connectionName, false).isOpen();
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool Database::open(QString *error)
{
    return open(kSchemaVersion, error);
}

bool Database::open(int version, QString *error)
{
    QSqlDatabase db = QSqlDatabase::contains(m_connectionName)
        ? QSqlDatabase::database(m_connectionName, false)
        : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    if (!db.isOpen() && !db.open()) {
        *error = QCoreApplication::translate(
            "core::Database", "Cannot open the history database %1: %2")
                     .arg(m_path, db.lastError().text());
        return false;
    }
    QSqlQuery q(db);
    // The version first, before anything can change the file: a newer app's file, or one that is
    // not a database at all, is left exactly as it is.
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        *error = QCoreApplication::translate(
            "core::Database", "Cannot read the history database %1: %2")
                     .arg(m_path, q.lastError().text());
        m_problem = Problem::Unreadable;
        q.finish();
        db.close();
        return false;
    }
    const int current = q.value(0).toInt();
    q.finish();
    if (current > kSchemaVersion) {
        *error = QCoreApplication::translate("core::Database",
            "The history database %1 was written by a newer version (schema %2; "
            "this build knows %3). It was left untouched.")
                     .arg(m_path)
                     .arg(current)
                     .arg(kSchemaVersion);
        m_problem = Problem::Newer;
        db.close();
        return false;
    }
    // WAL: readers never block the writer; NORMAL: a commit is durable against a killed process.
    q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    q.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
    q.exec(QStringLiteral("PRAGMA busy_timeout=2000"));
    for (int v = current; v < version && v < migrations().size(); ++v) {
        if (!db.transaction()) {
            *error = QCoreApplication::translate("core::Database", "Cannot migrate %1: %2")
                         .arg(m_path, db.lastError().text());
            return false;
        }
        for (const QString &statement : migrations().at(v)) {
            if (!q.exec(statement)) {
                const QString message = q.lastError().text();
                db.rollback();
                *error = QCoreApplication::translate(
                    "core::Database", "Migrating %1 to schema %2 failed: %3")
                             .arg(m_path)
                             .arg(v + 1)
                             .arg(message);
                m_problem = Problem::Unreadable;
                return false;
            }
        }
        if (!q.exec(QStringLiteral("PRAGMA user_version=%1").arg(v + 1)) || !db.commit()) {
            const QString message = db.lastError().text();
            db.rollback();
            *error = QCoreApplication::translate(
                "core::Database", "Migrating %1 to schema %2 failed: %3")
                         .arg(m_path)
                         .arg(v + 1)
                         .arg(message);
            return false;
        }
    }
    return true;
}

QString Database::containsPattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('%'), QLatin1String("\\%"))
        .replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

QString Database::setAside()
{
    if (isOpen() || m_path == QLatin1String(":memory:"))
        return QString();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isValid())
            db.close();
    }
    const QString target = m_path + QStringLiteral(".broken-")
        + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    if (!QFile::rename(m_path, target))
        return QString();
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (QFile::exists(m_path + suffix))
            QFile::rename(m_path + suffix, target + suffix);
    }
    m_problem = Problem::None;
    return target;
}

int Database::schemaVersion() const
{
    QSqlQuery q(connection());
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return 0;
}

QString Database::journalMode() const
{
    QSqlQuery q(connection());
    if (q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next())
        return q.value(0).toString().toLower();
    return QString();
}

} // namespace core
