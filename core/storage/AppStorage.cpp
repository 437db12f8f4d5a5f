// SPDX-License-Identifier: MIT
#include "core/storage/AppStorage.h"

#include <QtConcurrent/QtConcurrentRun>

namespace core {

AppStorage::AppStorage(QString path, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
{}

AppStorage::~AppStorage()
{
    // The worker's connection is its own; it only has to be done before the process ends.
    m_preparing.waitForFinished();
}

AppStorage::Prepared AppStorage::prepare(const QString &path)
{
    // A connection of this thread only, closed again before returning (Database's destructor).
    Prepared prepared;
    Database database(path);
    if (database.open(&prepared.error)) {
        prepared.error.clear();
        prepared.usable = true;
    } else if (database.problem() == Database::Problem::Unreadable) {
        // Damaged or not a database: kept aside for the user, and a new one starts in its place.
        const QString aside = database.setAside();
        QString again;
        if (!aside.isEmpty() && database.open(&again)) {
            prepared.usable = true;
            prepared.asidePath = aside;
        }
    }
    return prepared;
}

void AppStorage::open()
{
    if (m_ready || m_preparing.isValid())
        return;
    m_preparing = QtConcurrent::run(&AppStorage::prepare, m_path);
    m_preparing.then(this, [this](const Prepared &prepared) { finish(prepared); });
}

void AppStorage::waitUntilReady()
{
    if (m_ready)
        return;
    open();
    // May run the work here if no thread has taken it yet, and then the continuation too.
    m_preparing.waitForFinished();
    finish(m_preparing.result()); // nothing when the continuation did
}

void AppStorage::finish(const Prepared &prepared)
{
    if (m_ready)
        return;
    m_ready = true;
    m_error = prepared.error;
    m_asidePath = prepared.asidePath;
    if (prepared.usable) {
        m_database = std::make_unique<Database>(m_path);
        QString error;
        if (m_database->open(&error)) {
            m_outcome = m_asidePath.isEmpty() ? Outcome::Opened : Outcome::Replaced;
        } else {
            m_error = error;
            m_database.reset();
        }
    }
    if (!m_database) {
        // Without the file, the session still keeps conversations, history and drafts in memory.
        m_database = std::make_unique<Database>(QStringLiteral(":memory:"));
        QString ignored;
        m_outcome = m_database->open(&ignored) ? Outcome::InMemory : Outcome::Unavailable;
        if (m_outcome == Outcome::Unavailable)
            m_database.reset();
    }
    if (m_database) {
        m_history = std::make_unique<HistoryStore>(m_database.get());
        m_drafts = std::make_unique<DraftStore>(m_database.get());
        m_embeddingCache = std::make_unique<EmbeddingCache>(m_database.get());
        m_steeringLibrary = std::make_unique<SteeringLibrary>(m_database.get());
        m_conversations = std::make_unique<ConversationStore>(m_database.get());
        m_promptLibrary = std::make_unique<PromptLibrary>(m_database.get());
    }
    Q_EMIT ready();
}

} // namespace core
