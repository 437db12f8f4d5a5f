// SPDX-License-Identifier: MIT
#pragma once

#include "core/chat/ConversationCodec.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

namespace core {
class ConversationStore;
}

namespace ui {

/// Keeps the Chat tab's shown conversation in a ConversationStore: which stored conversation it
/// is, what the store holds for it (so an unchanged conversation is not written again), and the
/// short delay after a change before it is written (each save its own transaction).
class ConversationKeeper : public QObject
{
    Q_OBJECT
public:
    explicit ConversationKeeper(QObject *parent = nullptr);

    /// Where conversations are kept (not owned; may be null: nothing is kept).
    void setStore(core::ConversationStore *store) { m_store = store; }
    core::ConversationStore *store() const { return m_store; }
    /// The stored conversation shown (0: not stored yet).
    qint64 id() const { return m_id; }
    /// The conversation shown is now `id`, which the store holds as `content` (0: none, not
    /// stored).
    void setCurrent(qint64 id, const core::ConversationContent &content);
    /// Stored conversation `id` (not deleted), or nullopt; `title` receives its title.
    std::optional<core::ConversationContent> load(qint64 id, QString *title = nullptr) const;

    /// Writes `content` as the conversation shown: replaced when it is stored and changed,
    /// created when it is new or was deleted meanwhile (currentCreated()).
    void save(const core::ConversationContent &content);
    /// Asks for a save shortly (saveDue()), when there is a store.
    void scheduleSave();
    void cancelScheduledSave() { m_saveTimer.stop(); }

Q_SIGNALS:
    /// The delay after a change has passed: time to save().
    void saveDue();
    /// save() stored the conversation shown as a new one, `id` (0 on a database error).
    void currentCreated(qint64 id);

private:
    core::ConversationStore *m_store = nullptr;
    qint64 m_id = 0;
    QByteArray m_savedContent; // what the store holds for m_id
    QTimer m_saveTimer;
};

} // namespace ui
