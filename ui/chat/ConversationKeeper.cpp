// SPDX-License-Identifier: MIT
#include "ui/chat/ConversationKeeper.h"

#include "core/storage/ConversationStore.h"

namespace ui {

ConversationKeeper::ConversationKeeper(QObject *parent)
    : QObject(parent)
{
    // Conversations are saved shortly after each change, each save its own transaction.
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(400);
    connect(&m_saveTimer, &QTimer::timeout, this, &ConversationKeeper::saveDue);
}

void ConversationKeeper::setCurrent(qint64 id, const core::ConversationContent &content)
{
    m_id = id;
    m_savedContent = id > 0 ? content.toBytes() : QByteArray();
}

std::optional<core::ConversationContent> ConversationKeeper::load(qint64 id, QString *title) const
{
    const std::optional<core::ConversationRecord> record
        = m_store ? m_store->conversation(id) : std::nullopt;
    if (!record)
        return std::nullopt;
    if (title)
        *title = record->title;
    return core::ConversationContent::fromRecord(*record);
}

void ConversationKeeper::scheduleSave()
{
    if (m_store)
        m_saveTimer.start();
}

void ConversationKeeper::save(const core::ConversationContent &content)
{
    if (!m_store)
        return;
    const QByteArray bytes = content.toBytes();
    if (m_id > 0 && bytes == m_savedContent)
        return;
    QString firstUser;
    for (const core::ChatMessage &m : content.conversation.messagesUpTo()) {
        if (m.role == QLatin1String("user")) {
            firstUser = m.text();
            break;
        }
    }
    const QString title = core::ConversationStore::titleFor(firstUser);
    if (m_id > 0 && m_store->save(m_id, title, content.toJson())) {
        m_savedContent = bytes;
        return;
    }
    // New, or deleted meanwhile: stored as a new conversation, so nothing is lost.
    m_id = m_store->create(title, content.toJson());
    m_savedContent = m_id > 0 ? bytes : QByteArray();
    Q_EMIT currentCreated(m_id);
}

} // namespace ui
