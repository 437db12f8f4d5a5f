// SPDX-License-Identifier: MIT
#pragma once

#include "core/chat/Conversation.h"
#include "ui/common/PlaygroundTab.h"
#include "ui/compare/CompareSession.h"

#include <QVariantMap>

#include <functional>

namespace core {
class ApiClient;
class SteeringLibrary;
} // namespace core

namespace ui {

class ChatCompareColumn;

/// Compare in the Chat tab: ChatCompareColumns side by side as synced conversations. Each starts
/// as a copy of the tab's conversation; every message sent goes to all of them and each keeps
/// its own replies. A new column copies the model and options of the one before (column A: the
/// tab's) and changes one thing: a model no column uses yet, else the temperature.
class ChatCompare : public CompareSession
{
    Q_OBJECT
public:
    /// What a new first column copies from the tab.
    struct Base
    {
        core::Conversation conversation;
        QString model;
        QVariantMap options; ///< as ChatOptionsPanel::writeDraft() makes them
    };
    /// `base` gives the tab's conversation and settings; `client` (not owned) sends the replies;
    /// `library` serves the columns' steering fields.
    ChatCompare(core::ApiClient *client,
        std::function<core::SteeringLibrary *()> library,
        std::function<Base()> base,
        QWidget *parent);

    QList<ChatCompareColumn *> columns() const;
    /// Sends `message` (with `system` first) to every column; false with `problem` when no column
    /// could send it.
    bool send(const core::ChatMessage &message, const QString &system, QString *problem);
    /// Every column asks again for its newest reply.
    bool regenerate(const QString &system, QString *problem);
    /// Each column's request with `pendingUserText` as the next message, titled "Column A ·
    /// model"; empty with `problem` set when a column's request is not valid.
    QList<PlaygroundTab::TitledCall> calls(
        const QString &system, const QString &pendingUserText, QString *problem) const;

protected:
    CompareColumn *makeColumn(int index) override;

private:
    core::ApiClient *m_client;
    std::function<core::SteeringLibrary *()> m_library;
    std::function<Base()> m_base;
};

} // namespace ui
