// SPDX-License-Identifier: MIT
#include "ui/chat/ConversationKeeper.h"

#include "core/storage/ConversationStore.h"
#include "ui/chat/Conversation.h"

#include <QJsonDocument>

namespace ui {

ConversationKeeper::ConversationKeeper(QObject *parent)
    : QObject(parent)
{
    // Conversations are saved shortly after each change, each save its own transaction.
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(400);
    connect(&m_saveTimer, &QTimer::timeout, this, &ConversationKeeper::saveDue);
}

void ConversationKeeper::setCurrent(qint64 id, const QJsonObject &content)
{
    m_id = id;
    m_savedContent = id > 0 ? QJsonDocument(content).toJson(QJsonDocument::Compact) : QByteArray();
}

void ConversationKeeper::scheduleSave()
{
    if (m_store)
        m_saveTimer.start();
}

void ConversationKeeper::save(const Conversation &conversation, const QJsonObject &content)
{
    if (!m_store)
        return;
    const QByteArray bytes = QJsonDocument(content).toJson(QJsonDocument::Compact);
    if (m_id > 0 && bytes == m_savedContent)
        return;
    QString firstUser;
    for (const core::ChatMessage &m : conversation.messagesUpTo()) {
        if (m.role == QLatin1String("user")) {
            firstUser = m.text();
            break;
        }
    }
    const QString title = core::ConversationStore::titleFor(firstUser);
    if (m_id > 0 && m_store->save(m_id, title, content)) {
        m_savedContent = bytes;
        return;
    }
    // New, or deleted meanwhile: stored as a new conversation, so nothing is lost.
    m_id = m_store->create(title, content);
    m_savedContent = m_id > 0 ? bytes : QByteArray();
    Q_EMIT currentCreated(m_id);
}

} // namespace ui
