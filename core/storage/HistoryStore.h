// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/ApiCall.h"
#include "core/storage/Database.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>

#include <optional>

namespace core {

/// How a recorded run ended; stored as its name ("succeeded"...) in `runs.status`.
enum class RunStatus {
    Running, ///< recorded before the request was sent; not finished yet
    Succeeded, ///< the whole answer arrived
    Failed, ///< an error ended it (the record's `error` says which)
    Canceled, ///< the user stopped it (any partial answer is kept)
    Interrupted, ///< a stream was cut, or the app ended during the run
};
/// "running", "succeeded", "failed", "canceled", "interrupted".
QString runStatusName(RunStatus status);
/// The status named `name`; Failed for a name this build does not know (an older build's "ok"
/// or "error" rows read as Succeeded and Failed).
RunStatus runStatusFromName(const QString &name);

/// One recorded run (a row of `runs`).
struct RunRecord
{
    qint64 id = 0;
    QDateTime startedAt; ///< UTC
    QDateTime finishedAt; ///< invalid while running
    QString tab; ///< "completion", "chat", ...
    QString profile; ///< the connection profile's name
    QString model;
    QString endpoint; ///< "complete", "chat/completions", ...
    QJsonObject
        request; ///< the typed request's JSON, byte for byte as sent (no header is ever part of it)
    QString
        response; ///< the answer of a run that succeeded (the response JSON; Chat: the reply text)
    QString partial; ///< what a stream had delivered when it was stopped, cut, or the app ended
    QString error; ///< the message shown to the user
    RunStatus status = RunStatus::Running;
    qint64 durationMs = -1;
    int promptTokens = -1; ///< -1: unknown
    int completionTokens = -1; ///< -1: unknown

    /// The recorded request as a call (endpoint, model, body), e.g. for "View code".
    ApiCall call() const { return ApiCall::fromRecord(endpoint, request); }
    /// One line for lists, white space folded, at most 120 characters (an ellipsis marks a cut):
    /// the prompt's text (images read "[image]"), a translation's source, the first of an
    /// embedding run's texts ("Hello (+47 more)"), a steering concept's first example
    /// ("negative → positive"), or the last user message of a chat.
    QString summary() const;
    /// The request read back as `Request` (TokenizationRequest...): nullopt with `error` set when
    /// the stored body is not that request's shape.
    template<class Request>
    std::optional<Request> requestAs(QString *problem) const
    {
        return Request::fromJson(request, problem);
    }
    /// The stored answer read as `Response` (a JSON object, as RunRecorder keeps it): nullopt with
    /// `error` set when there is none or it is not that response's shape.
    template<class Response>
    std::optional<Response> responseAs(QString *problem) const
    {
        const QJsonObject object = responseObject(problem);
        return object.isEmpty() ? std::nullopt : Response::fromJson(object, problem);
    }

private:
    QJsonObject responseObject(QString *problem) const;
};

/// The run history in the app's database. A run is recorded (status "running") before its request
/// is sent and completed when it ends, so a crash leaves a trace: runs still "running" when the
/// store is opened are marked "interrupted".
///
/// Runs are stored exactly as they were sent and received, so a restored run equals the one sent.
/// The token never reaches the database by construction: a request is stored from the typed
/// request (the body, never the headers), and an error text that could quote a header is cleaned
/// where it is made (ApiJob, for a server's error body).
class HistoryStore : public QObject
{
    Q_OBJECT
public:
    /// `db` is open and not owned.
    explicit HistoryStore(Database *db, QObject *parent = nullptr);

    /// Inserts a running run and returns its id (0 on a database error, which is logged).
    qint64 beginRun(const QString &tab,
        const QString &profile,
        const QString &model,
        const QString &endpoint,
        const QJsonObject &request);
    /// Keeps what a running stream has delivered so far as run `id`'s partial text (a running run
    /// only), so that a crash mid-stream leaves it with the interrupted run.
    bool savePartial(qint64 id, const QString &partialResponse);
    /// Completes run `id` with a final status (not Running).
    /// `partial`: the text a stream had delivered (null: keep what savePartial() wrote).
    bool finishRun(qint64 id,
        RunStatus status,
        const QString &response,
        const QString &error,
        qint64 durationMs,
        int promptTokens = -1,
        int completionTokens = -1,
        const QString &partial = QString());

    /// Newest first. `text` (case-insensitive, may be empty) must occur in the request, response,
    /// error, model or profile; `tab` ("" for all) filters by tab. At most `limit` rows.
    QList<RunRecord> search(
        const QString &text, const QString &tab = QString(), int limit = 200) const;
    std::optional<RunRecord> run(qint64 id) const;
    /// Deletes every run.
    bool clear();
    int count() const;

Q_SIGNALS:
    /// A run was added or completed (the history panel refreshes).
    void changed();

private:
    Database *m_db;
};

/// Autosaved drafts: one JSON document per key ("completion", "chat", ...). Each save is its own
/// committed transaction (WAL), so after a kill -9 the last save is there at the next start.
class DraftStore
{
public:
    explicit DraftStore(Database *db); // not owned
    /// Saves `content` (strings, numbers, booleans, and lists and maps of them) as `key`'s draft.
    bool save(const QString &key, const QVariantMap &content);
    /// The saved draft, or an empty map (numbers come back as doubles or qint64).
    QVariantMap load(const QString &key) const;
    bool remove(const QString &key);

private:
    Database *m_db;
};

} // namespace core
