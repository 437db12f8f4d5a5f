// SPDX-License-Identifier: MIT
#pragma once

#include "core/storage/HistoryStore.h"

#include <QJsonObject>
#include <QString>

namespace ui {

/// What MainWindow needs from every tab that sends requests: the current request for "View code",
/// autosaved drafts, and restoring a run from the history. Tabs emit their own `draftChanged()`.
class PlaygroundTab
{
public:
    virtual ~PlaygroundTab() = default;
    /// The history's name of this tab ("completion", "chat").
    virtual QString tabKey() const = 0;
    /// The request the tab would send now. False with `error` set when the input is not valid.
    virtual bool currentRequest(QString *endpoint, QJsonObject *body, QString *error) const = 0;
    /// Everything typed so far, for the autosave.
    virtual QJsonObject draft() const = 0;
    virtual void restoreDraft(const QJsonObject &draft) = 0;
    /// Puts a recorded run's request (and answer, where the tab can show it) back into the tab.
    virtual void restoreRun(const core::RunRecord &run) = 0;
};

/// Records runs in the history on behalf of the tabs (null store: records nothing).
class RunRecorder
{
public:
    void setStore(core::HistoryStore *store) { m_store = store; }
    void setProfileName(const QString &name) { m_profile = name; }
    core::HistoryStore *store() const { return m_store; }
    /// The connection profile's name ("Offline sandbox", "Work").
    QString profileName() const { return m_profile; }
    qint64 begin(const QString &tab, const QString &model, const QString &endpoint, const QJsonObject &request)
    {
        return m_store ? m_store->beginRun(tab, m_profile, model, endpoint, request) : 0;
    }
    /// Keeps a running stream's text so far with run `id` (a crash then loses none of it).
    /// Tabs call it at most every partialSaveIntervalMs() while a stream runs.
    void savePartial(qint64 id, const QString &partial)
    {
        if (m_store)
            m_store->savePartial(id, partial);
    }
    /// How often a stream's partial text is written: 2 s (0: at every delta, for tests).
    int partialSaveIntervalMs() const { return m_partialSaveIntervalMs; }
    void setPartialSaveIntervalMs(int ms) { m_partialSaveIntervalMs = ms; }
    void finish(qint64 id, core::RunStatus status, const QString &response, const QString &error, qint64 ms,
                int promptTokens = -1, int completionTokens = -1)
    {
        if (m_store)
            m_store->finishRun(id, status, response, error, ms, promptTokens, completionTokens);
    }

private:
    core::HistoryStore *m_store = nullptr;
    QString m_profile;
    int m_partialSaveIntervalMs = 2000;
};

} // namespace ui
