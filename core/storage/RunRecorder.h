// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/ApiCall.h"
#include "core/storage/HistoryStore.h"

#include <QHash>

#include <functional>
#include <vector>

namespace core {

struct ApiError;
class ApiJob;

/// Records the app's runs in the history (HistoryStore) on behalf of the tabs: a run is begun
/// from the job that sends it (its endpoint, and the body exactly as sent) and finished from how
/// that job ended. With no store set it records nothing and every id is 0.
///
/// The token never reaches a record: a job's body never holds it, and error texts come from
/// ApiError, which is cleaned where it is made (ApiJob).
///
/// While the history database is still opening (the app opens it after the window's first paint),
/// setStorePending(true) makes the recorder keep runs in memory: begin() then gives provisional
/// ids (negative), and setStore() writes the kept runs, as they are by then (running, partial or
/// finished), in the order they began; later calls with a provisional id reach its stored run.
class RunRecorder
{
public:
    /// Not owned; nullptr: record nothing (or keep runs, while the store is pending). Setting a
    /// store ends the pending state and writes the runs kept meanwhile.
    void setStore(HistoryStore *store);
    HistoryStore *store() const { return m_store; }
    /// True: a store is coming (setStore()), so runs begun until then are kept in memory. False
    /// with no store: the kept runs are dropped at the next setStore(nullptr).
    void setStorePending(bool pending) { m_pending = pending; }
    /// Runs kept in memory, waiting for the store (tests).
    int pendingRuns() const { return int(m_kept.size()); }
    /// The connection profile's name ("Offline sandbox", "Work"), stored with every run.
    void setProfileName(const QString &name) { m_profile = name; }
    QString profileName() const { return m_profile; }
    /// How an error reads in the history: the UI's wording of an ApiError (default: its message).
    void setErrorText(std::function<QString(const ApiError &)> errorText)
    {
        m_errorText = std::move(errorText);
    }
    QString errorText(const ApiError &error) const;
    /// Called with every recorded run as it ends, as the history keeps it (a run kept in memory
    /// while the store is pending: as it would be stored, with its provisional id). One observer
    /// (Presenter mode's rehearsal); an empty function removes it. Runs that are not recorded
    /// (no store, nothing pending) are not seen.
    void setFinishedObserver(std::function<void(const RunRecord &)> observer)
    {
        m_observer = std::move(observer);
    }

    /// Begins a Running run of `tab` ("completion") for `job`: its endpoint, the body it sends
    /// and that body's `model`. Returns the run's id, 0 when nothing is recorded.
    qint64 begin(const QString &tab, const ApiJob &job);
    /// Begins a run for a call made of several jobs (a translation's segments, an embedding batch).
    qint64 begin(const QString &tab, const ApiCall &call);

    /// Keeps a running stream's text so far with run `id` (a crash then loses none of it).
    /// Callers save at most every partialSaveIntervalMs().
    void savePartial(qint64 id, const QString &partial);
    /// How often a stream's partial text is written: 2,000 ms (0: at every delta, for tests).
    int partialSaveIntervalMs() const { return m_partialSaveIntervalMs; }
    void setPartialSaveIntervalMs(int ms) { m_partialSaveIntervalMs = ms; }

    /// Ends run `id` as `job` ended. Succeeded: the response is `answer`, or job.answerText()
    /// when `answer` is null. Canceled: the `partial` text (RunRecord::partial, apart from the
    /// response). Failed: the error's text and `partial`; a stream cut short
    /// (ApiError::Kind::Interrupted) is Interrupted. Token counts -1: unknown.
    void finish(qint64 id,
        const ApiJob &job,
        const QString &answer = QString(),
        const QString &partial = QString(),
        int promptTokens = -1,
        int completionTokens = -1);
    /// Ends run `id` with an explicit outcome (runs made of several jobs).
    void finish(qint64 id,
        RunStatus status,
        const QString &response,
        const QString &error,
        qint64 ms,
        int promptTokens = -1,
        int completionTokens = -1);

private:
    /// A run begun before the store came.
    struct KeptRun
    {
        qint64 id = 0; // provisional, < 0
        QString tab, profile, model, endpoint;
        QJsonObject body;
        QString partial; // null: none saved
        bool finished = false;
        RunStatus status = RunStatus::Running;
        QString response, error, finalPartial;
        qint64 ms = -1;
        int promptTokens = -1, completionTokens = -1;
    };
    KeptRun *kept(qint64 id);
    /// The stored id of `id` (a provisional id's once written; 0 when it is not stored).
    qint64 storedId(qint64 id) const;
    void finishRun(qint64 id,
        RunStatus status,
        const QString &response,
        const QString &error,
        qint64 ms,
        int promptTokens,
        int completionTokens,
        const QString &partial);

    HistoryStore *m_store = nullptr;
    bool m_pending = false;
    std::vector<KeptRun> m_kept;
    QHash<qint64, qint64> m_storedIds; // provisional id → the id setStore() wrote it as
    qint64 m_nextProvisional = -1;
    QString m_profile;
    std::function<QString(const ApiError &)> m_errorText;
    std::function<void(const RunRecord &)> m_observer;
    int m_partialSaveIntervalMs = 2000;
};

} // namespace core
