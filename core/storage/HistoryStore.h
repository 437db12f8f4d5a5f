// SPDX-License-Identifier: MIT
#pragma once

#include "core/storage/Database.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>

#include <optional>

namespace core {

/// One recorded run (a row of `runs`).
struct RunRecord
{
    qint64 id = 0;
    QDateTime startedAt;  ///< UTC
    QDateTime finishedAt; ///< invalid while running
    QString tab;          ///< "completion", "chat", ...
    QString profile;      ///< the connection profile's name
    QString model;
    QString endpoint;     ///< "complete", "chat/completions", ...
    QJsonObject request;  ///< the typed request's JSON (as sent, without the token)
    QString response;     ///< the response JSON, or the partial text of a cut stream
    QString error;        ///< the message shown to the user
    QString status;       ///< running | succeeded | failed | canceled | interrupted
    qint64 durationMs = -1;
    int promptTokens = -1;     ///< -1: unknown
    int completionTokens = -1; ///< -1: unknown
};

/// The run history in the app's database. A run is recorded (status "running") before its request
/// is sent and completed when it ends, so a crash leaves a trace: runs still "running" when the
/// store is opened are marked "interrupted".
///
/// The token never reaches the database: requests are stored from the typed request (which has no
/// token), and every text written is also scrubbed of the strings given to setRedactions().
class HistoryStore : public QObject
{
    Q_OBJECT
public:
    /// `db` is open and not owned.
    explicit HistoryStore(Database *db, QObject *parent = nullptr);

    /// Strings replaced by "[redacted]" in everything written (the current token).
    void setRedactions(const QStringList &secrets);

    /// Inserts a running run and returns its id (0 on a database error, which is logged).
    qint64 beginRun(const QString &tab, const QString &profile, const QString &model, const QString &endpoint,
                    const QJsonObject &request);
    /// Completes run `id`. `status` is succeeded | failed | canceled | interrupted.
    bool finishRun(qint64 id, const QString &status, const QString &response, const QString &error, qint64 durationMs,
                   int promptTokens = -1, int completionTokens = -1);

    /// Newest first. `text` (case-insensitive, may be empty) must occur in the request, response,
    /// error, model or profile; `tab` ("" for all) filters by tab. At most `limit` rows.
    QList<RunRecord> search(const QString &text, const QString &tab = QString(), int limit = 200) const;
    std::optional<RunRecord> run(qint64 id) const;
    /// Deletes every run.
    bool clear();
    int count() const;

Q_SIGNALS:
    /// A run was added or completed (the history panel refreshes).
    void changed();

private:
    QString scrub(QString text) const;
    Database *m_db;
    QStringList m_redactions;
};

/// Autosaved drafts: one JSON document per key ("completion", "chat", ...). Each save is its own
/// committed transaction (WAL), so after a kill -9 the last save is there at the next start.
class DraftStore
{
public:
    explicit DraftStore(Database *db); // not owned
    bool save(const QString &key, const QJsonObject &content);
    /// The saved draft, or an empty object.
    QJsonObject load(const QString &key) const;
    bool remove(const QString &key);

private:
    Database *m_db;
};

} // namespace core
