// SPDX-License-Identifier: MIT
#pragma once

#include "core/storage/ConversationStore.h"
#include "core/storage/Database.h"
#include "core/storage/EmbeddingCache.h"
#include "core/storage/HistoryStore.h"
#include "core/storage/PromptLibrary.h"
#include "core/storage/SteeringLibrary.h"

#include <QFuture>
#include <QObject>

#include <memory>

namespace core {

/// The app's database and the stores on it, opened without keeping the GUI thread waiting (issue
/// 22: the window paints before SQLite is touched). open() returns at once: a worker thread loads
/// the SQLite driver, opens the file and applies the missing migrations (or sets a damaged file
/// aside and starts a new one); then, on the thread that called open() (its event loop), the
/// connection the stores use is opened — quick, nothing is left to migrate — the stores are made
/// and ready() is emitted. When the file cannot be used, the stores work on an in-memory database
/// for the session.
///
/// The stores belong to the thread that called open(), like the Database.
class AppStorage : public QObject
{
    Q_OBJECT
public:
    /// `path`: the SQLite file (created if missing).
    explicit AppStorage(QString path, QObject *parent = nullptr);
    ~AppStorage() override;

    /// Starts opening (once); ready() follows from the event loop.
    void open();
    /// Finishes the opening now, waiting for the worker if needed (e.g. at exit, so that what was
    /// kept in memory meanwhile is written). ready() is emitted here unless it was before.
    void waitUntilReady();
    bool isReady() const { return m_ready; }

    /// How the opening went, once ready.
    enum class Outcome {
        Opened, ///< the file is in use
        Replaced, ///< the file could not be read: it was set aside (setAsidePath()) and a new one
                  ///< started; error() says what was wrong with it
        InMemory, ///< the file could not be used (error()): the stores keep data for this session
        Unavailable, ///< not even an in-memory database: every store is null
    };
    Outcome outcome() const { return m_outcome; }
    /// The message naming the file and what went wrong ("" when Opened).
    QString error() const { return m_error; }
    QString setAsidePath() const { return m_asidePath; }

    /// The stores, null until ready (and when Unavailable); owned by this object.
    HistoryStore *history() const { return m_history.get(); }
    DraftStore *drafts() const { return m_drafts.get(); }
    EmbeddingCache *embeddingCache() const { return m_embeddingCache.get(); }
    SteeringLibrary *steeringLibrary() const { return m_steeringLibrary.get(); }
    ConversationStore *conversations() const { return m_conversations.get(); }
    PromptLibrary *promptLibrary() const { return m_promptLibrary.get(); }

Q_SIGNALS:
    /// The stores are made (or it is known there are none); once.
    void ready();

private:
    /// What the worker found: the file usable, or why not.
    struct Prepared
    {
        bool usable = false;
        QString error;
        QString asidePath;
    };
    static Prepared prepare(const QString &path);
    void finish(const Prepared &prepared);

    QString m_path;
    QFuture<Prepared> m_preparing;
    bool m_ready = false;
    Outcome m_outcome = Outcome::Unavailable;
    QString m_error;
    QString m_asidePath;
    std::unique_ptr<Database> m_database;
    // Declared after the database: destroyed before it.
    std::unique_ptr<HistoryStore> m_history;
    std::unique_ptr<DraftStore> m_drafts;
    std::unique_ptr<EmbeddingCache> m_embeddingCache;
    std::unique_ptr<SteeringLibrary> m_steeringLibrary;
    std::unique_ptr<ConversationStore> m_conversations;
    std::unique_ptr<PromptLibrary> m_promptLibrary;
};

} // namespace core
