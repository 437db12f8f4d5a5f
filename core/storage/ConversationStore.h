// SPDX-License-Identifier: MIT
#pragma once

#include "core/storage/Database.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>

#include <optional>

namespace core {

/// One stored chat conversation (a row of `conversations`, schema 5).
struct ConversationRecord
{
    qint64 id = 0;
    QString title; ///< the first user message (shortened), or the name the user gave it
    bool customTitle = false; ///< renamed by the user: saving new messages keeps the title
    QDateTime createdAt; ///< UTC
    QDateTime updatedAt; ///< UTC, the last change of its content
    /// What the Chat tab wrote: the message tree with all branches, the system prompt and the
    /// model.
    QJsonObject content;
};

/// The Chat tab's conversations in the app's database. Every save is its own committed
/// transaction (WAL), so after a kill -9 the last saved state of each conversation is there.
///
/// Deleting is undoable for the session: remove() only marks the row, restore() clears the mark,
/// and marked rows are purged when the next session opens the store.
class ConversationStore : public QObject
{
    Q_OBJECT
public:
    /// `db` is open and not owned. Purges the conversations deleted in an earlier session.
    explicit ConversationStore(Database *db, QObject *parent = nullptr);

    /// The automatic title for a conversation whose first user message is `firstUserMessage`:
    /// its text on one line, at most 60 characters (then "…"); "New chat" when empty.
    static QString titleFor(const QString &firstUserMessage);

    /// Stores a new conversation and returns its id (0 on a database error, which is logged).
    qint64 create(const QString &title, const QJsonObject &content);
    /// Replaces the content of `id` and sets its update time; the title becomes `autoTitle`
    /// unless the user renamed it. False when `id` does not exist or on a database error.
    bool save(qint64 id, const QString &autoTitle, const QJsonObject &content);
    /// Gives `id` the title `title` (trimmed; an empty title is refused: false).
    bool rename(qint64 id, const QString &title);
    /// Marks `id` deleted (hidden from list()); restore() undoes it during this session.
    bool remove(qint64 id);
    bool restore(qint64 id);

    /// Conversations not deleted, most recently updated first. `text` (case-insensitive, may be
    /// empty) must occur in the title or the content.
    QList<ConversationRecord> list(const QString &text = QString()) const;
    /// A conversation that is not deleted, or nullopt.
    std::optional<ConversationRecord> conversation(qint64 id) const;

Q_SIGNALS:
    /// A conversation was added, changed, renamed, deleted or restored.
    void changed();

private:
    Database *m_db;
};

} // namespace core
