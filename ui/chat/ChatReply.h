// SPDX-License-Identifier: MIT
#pragma once

#include "core/chat/Conversation.h"

namespace core {
class ChatStreamJob;
}

namespace ui {

/// How a streamed reply ended, for the conversation and the status line.
struct ChatReplyEnd
{
    int node = -1; ///< the assistant message added (-1: the reply brought no text)
    QString note; ///< "stopped", "interrupted: …", the error; with no text, shown on its own
    QString status; ///< "Finished: stop · 1.20 s · prompt tokens …", "Stopped after …"
};

/// Adds what `job` (ended) brought as an assistant message under `parent` of `conversation`,
/// also a stopped or cut reply (with its note and Retry), with its finish reason and usage; a
/// reply asked for with a JSON schema (`jsonRequested`) that succeeded is checked and marked.
/// Shared by the Chat tab and its compare columns.
ChatReplyEnd appendReply(core::Conversation &conversation,
    int parent,
    const core::ChatStreamJob &job,
    bool jsonRequested);

} // namespace ui
