// SPDX-License-Identifier: MIT
#pragma once

#include "core/storage/ConversationStore.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

namespace ui {

class ConversationListModel;

/// The Chat tab's conversation list: search, the conversations (title and date, most recent
/// first), New chat, rename in place (F2 or double-click), Delete with an Undo bar (Ctrl+Z).
/// It changes the store; the Chat tab opens what it asks for.
class ConversationListPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ConversationListPanel(QWidget *parent = nullptr);
    /// The store listed and changed (not owned; may be null).
    void setStore(core::ConversationStore *store);
    /// Marks the open conversation (0: a new chat that is not stored yet).
    void setCurrentId(qint64 id);
    ConversationListModel *model() const { return m_model; }
    QListView *view() const { return m_view; }
    QLineEdit *searchEdit() const { return m_search; }

public Q_SLOTS:
    /// Deletes conversation `id` (asks nothing: Undo brings it back).
    void deleteConversation(qint64 id);
    /// Brings back the conversation deleted last.
    void undoDelete();
    /// Starts editing the title of conversation `id` in place.
    void renameConversation(qint64 id);

Q_SIGNALS:
    void openRequested(qint64 id);
    void newChatRequested();
    /// `id` was deleted (the tab starts a new chat when it was open).
    void deleted(qint64 id);
    /// `id` came back through Undo.
    void restored(qint64 id);

private:
    void showContextMenu(const QPoint &pos);
    void updateEmptyState();

    core::ConversationStore *m_store = nullptr;
    ConversationListModel *m_model;
    QLineEdit *m_search;
    QListView *m_view;
    QLabel *m_empty;
    QWidget *m_undoBar;
    QLabel *m_undoLabel;
    QList<qint64> m_deleted; ///< newest last: what Undo brings back
    qint64 m_currentId = 0;
};

} // namespace ui
