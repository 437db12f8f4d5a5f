// SPDX-License-Identifier: MIT
#include "ui/chat/ChatComposer.h"

#include "ui/common/PresenterHint.h"
#include "ui/common/PromptEdit.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

ChatComposer::ChatComposer(QWidget *parent)
    : QWidget(parent)
{
    m_inputEdit = new PromptEdit(this);
    m_inputEdit->setObjectName(QStringLiteral("input"));
    m_inputEdit->setPlaceholderText(
        tr("Message (Ctrl+Enter to send). Drop images here to attach them."));
    connect(m_inputEdit, &PromptEdit::imagesDropped, this, [this](const QStringList &paths) {
        for (const QString &p : paths)
            attachImage(p);
    });
    m_attachmentsLabel = new QLabel(this);
    m_attachmentsLabel->setObjectName(QStringLiteral("attachments"));
    m_attachmentsLabel->hide();

    m_sendButton = new QPushButton(tr("Send  (Ctrl+Enter)"), this);
    m_sendButton->setObjectName(QStringLiteral("send"));
    hideInPresenterMode(m_sendButton); // the presenter bar's Run and Stop do it
    m_stopButton = new QPushButton(tr("Stop  (Esc)"), this);
    m_stopButton->setObjectName(QStringLiteral("stop"));
    hideInPresenterMode(m_stopButton);
    m_stopButton->setEnabled(false);
    m_regenerateButton = new QPushButton(tr("Regenerate"), this);
    m_regenerateButton->setObjectName(QStringLiteral("regenerate"));
    m_regenerateButton->setEnabled(false);
    m_regenerateButton->setToolTip(
        tr("A new reply to the last message; the old one stays as a branch."));
    auto *attachButton = new QPushButton(tr("Image…"), this);
    attachButton->setObjectName(QStringLiteral("attach"));
    connect(attachButton, &QPushButton::clicked, this, [this] {
        for (const QString &f : QFileDialog::getOpenFileNames(
                 this, tr("Attach images"), QString(), tr("Images (*.png *.jpg *.jpeg *.webp)")))
            attachImage(f);
    });

    auto *inputOuter = new QVBoxLayout(this);
    inputOuter->setContentsMargins(0, 0, 0, 0);
    inputOuter->addWidget(m_attachmentsLabel);
    auto *inputLayout = new QHBoxLayout;
    inputLayout->addWidget(m_inputEdit, 1);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_sendButton);
    buttons->addWidget(m_stopButton);
    buttons->addWidget(m_regenerateButton);
    buttons->addWidget(attachButton);
    buttons->addStretch(1);
    inputLayout->addLayout(buttons);
    inputOuter->addLayout(inputLayout);
}

void ChatComposer::setSteeringIndicator(QWidget *indicator)
{
    static_cast<QVBoxLayout *>(layout())->insertWidget(0, indicator);
}

void ChatComposer::setEnterSends(bool on)
{
    m_inputEdit->setSendOnEnter(on);
    m_inputEdit->setPlaceholderText(on
            ? tr("Message (Enter to send, Shift+Enter for a new line)")
            : tr("Message (Ctrl+Enter to send). Drop images here to attach them."));
}

void ChatComposer::attachImage(const QString &path)
{
    QString error;
    const auto part = core::ChatContentPart::fromImageFile(path, &error);
    if (!part) {
        Q_EMIT message(error);
        return;
    }
    m_pendingImages.append(*part);
    m_attachmentsLabel->setText(
        tr("📎 %n image(s) attached to the next message", nullptr, int(m_pendingImages.size())));
    m_attachmentsLabel->show();
}

std::optional<core::ChatMessage> ChatComposer::userMessage() const
{
    const QString text = m_inputEdit->toPlainText().trimmed();
    if (text.isEmpty() && m_pendingImages.isEmpty())
        return std::nullopt;
    core::ChatMessage message = core::ChatMessage::fromText(QStringLiteral("user"), text);
    if (!m_pendingImages.isEmpty()) {
        QList<core::ChatContentPart> parts;
        if (!text.isEmpty())
            parts.append(core::ChatContentPart::fromText(text));
        parts += m_pendingImages;
        message.content.reset();
        message.contentParts = parts;
    }
    return message;
}

void ChatComposer::clearAttachments()
{
    m_pendingImages.clear();
    m_attachmentsLabel->hide();
}

} // namespace ui
