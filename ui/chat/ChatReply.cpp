// SPDX-License-Identifier: MIT
#include "ui/chat/ChatReply.h"

#include "core/chat/StructuredOutput.h"
#include "core/net/Jobs.h"
#include "ui/common/ErrorText.h"

#include <QCoreApplication>

namespace ui {

ChatReplyEnd appendReply(core::Conversation &conversation,
    int parent,
    const core::ChatStreamJob &job,
    bool jsonRequested)
{
    ChatReplyEnd end;
    // The texts are the Chat tab's (one translation context).
    const QString elapsed = QCoreApplication::translate("ui::ChatTab", "%L1 s")
                                .arg(job.elapsedMs() / 1000.0, 0, 'f', 2);
    // Whatever arrived is kept, also when the reply was stopped or cut.
    const QString text = job.text();
    switch (job.state()) {
    case core::ApiJob::State::Succeeded:
        end.status = QCoreApplication::translate("ui::ChatTab", "Finished: %1 · %2")
                         .arg(job.finishReason().value_or(
                                  QCoreApplication::translate("ui::ChatTab", "unknown")),
                             elapsed);
        if (const auto usage = job.usage())
            end.status += QCoreApplication::translate(
                "ui::ChatTab", " · prompt tokens %L1 · completion tokens %L2")
                              .arg(usage->promptTokens)
                              .arg(usage->completionTokens);
        break;
    case core::ApiJob::State::Canceled:
        end.note = QCoreApplication::translate("ui::ChatTab", "stopped");
        end.status = QCoreApplication::translate(
            "ui::ChatTab", "Stopped after %1; the partial reply is kept.")
                         .arg(elapsed);
        break;
    case core::ApiJob::State::Failed:
        if (job.error().kind == core::ApiError::Kind::Interrupted) {
            end.note = QCoreApplication::translate("ui::ChatTab", "interrupted: %1")
                           .arg(errorText(job.error()));
            end.status = QCoreApplication::translate("ui::ChatTab",
                "The reply was cut off; the partial text is kept. Retry asks again (the "
                "partial reply stays as a branch).");
        } else {
            end.note = errorText(job.error());
            end.status = errorText(job.error());
        }
        break;
    case core::ApiJob::State::Running:
        break;
    }
    if (text.isEmpty())
        return end;
    end.node = conversation.append(
        core::ChatMessage::fromText(QStringLiteral("assistant"), text), parent);
    core::ChatNode &n = conversation.node(end.node);
    n.note = end.note;
    n.retryable = job.state() == core::ApiJob::State::Canceled
        || (job.state() == core::ApiJob::State::Failed
            && job.error().kind == core::ApiError::Kind::Interrupted);
    n.finishReason = job.finishReason().value_or(QString());
    if (const auto usage = job.usage()) {
        n.promptTokens = usage->promptTokens;
        n.completionTokens = usage->completionTokens;
    }
    if (jsonRequested && job.state() == core::ApiJob::State::Succeeded) {
        QString jsonError;
        if (core::prettyJsonReply(text, &jsonError))
            n.jsonReply = true;
        else
            n.note = QCoreApplication::translate("ui::ChatTab", "the reply is not valid JSON: %1")
                         .arg(jsonError);
    }
    return end;
}

} // namespace ui
