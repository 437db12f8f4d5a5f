// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Chat.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;

namespace ui {

class PromptEdit;

/// The Chat tab's input form: the message editor, the images attached to the next message (file
/// picker or drag and drop) and the Send, Stop, Regenerate and Image… buttons. The tab connects
/// the buttons; the composer only collects what the next message holds.
class ChatComposer : public QWidget
{
    Q_OBJECT
public:
    explicit ChatComposer(QWidget *parent = nullptr);

    PromptEdit *inputEdit() const { return m_inputEdit; }
    QPushButton *sendButton() const { return m_sendButton; }
    QPushButton *stopButton() const { return m_stopButton; }
    QPushButton *regenerateButton() const { return m_regenerateButton; }
    /// Shows `indicator` (the steering field's) above the attachments.
    void setSteeringIndicator(QWidget *indicator);

    /// Enter sends (Shift+Enter: a line break) instead of Ctrl+Enter; the placeholder says which.
    void setEnterSends(bool on);
    /// Attaches the image file at `path` to the next message; message() says why when it cannot.
    void attachImage(const QString &path);
    /// The user message the input and the attached images make, or nullopt when both are empty.
    std::optional<core::ChatMessage> userMessage() const;
    void clearAttachments();

Q_SIGNALS:
    /// Something to tell the user (an image that cannot be attached).
    void message(const QString &text);

private:
    PromptEdit *m_inputEdit;
    QLabel *m_attachmentsLabel;
    QPushButton *m_sendButton;
    QPushButton *m_stopButton;
    QPushButton *m_regenerateButton;
    QList<core::ChatContentPart> m_pendingImages;
};

} // namespace ui
