// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/ApiClient.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace ui {

class ModelPicker;

/// `/chat/completions`: a system prompt, a multi-turn conversation rendered as Markdown, streamed
/// replies, Stop (Esc), Regenerate. Send with Ctrl+Enter.
class ChatTab : public QWidget
{
    Q_OBJECT
public:
    explicit ChatTab(core::ApiClient *client, QWidget *parent = nullptr); // client not owned
    void setModels(const QList<core::ModelSettings> &models);
    const QList<core::ChatMessage> &messages() const { return m_messages; }
    bool isBusy() const { return !m_job.isNull(); }

public Q_SLOTS:
    void send();
    void stop();
    void regenerate();
    void clearConversation();

private:
    void startReply();
    void onJobFinished(core::ChatStreamJob *job);
    void render();
    void setBusy(bool busy);

    core::ApiClient *m_client; // not owned
    QPointer<core::ChatStreamJob> m_job;
    QList<core::ChatMessage> m_messages; // the conversation without the system prompt
    QString m_pendingReply;               // streamed text of the reply in progress
    QString m_replyNote;                  // "stopped", an error, ... shown under the last reply
    QTimer m_renderTimer;                 // coalesces re-renders while streaming
    ModelPicker *m_modelPicker;
    QLineEdit *m_systemEdit;
    QTextBrowser *m_transcript;
    QPlainTextEdit *m_inputEdit;
    QPushButton *m_sendButton;
    QPushButton *m_stopButton;
    QPushButton *m_regenerateButton;
    QPushButton *m_clearButton;
    QLabel *m_statusLabel;
};

} // namespace ui
