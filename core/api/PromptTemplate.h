// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Chat.h"

namespace core {

/// A chat as the completion prompt a chat model sees, for endpoints that take a prompt
/// (`/explain`, `/evaluate`): `promptTemplate` is the model's `prompt_template` from
/// `/model-settings` (reference/API-ENDPOINTS.md, ModelSettings). The common Jinja shape is
/// rendered: text around one `{% for message in messages %}…{% endfor %}` loop whose body uses
/// `{{ message.role }}` and `{{ message.content }}` (whitespace-control dashes allowed).
/// Any other template, or none, gives a plain "System:/User:/Assistant:" transcript ending in
/// "Assistant:", and `exact` false. Message images are left out (text only).
QString renderChatPrompt(
    const QString &promptTemplate, const QList<ChatMessage> &messages, bool *exact = nullptr);

} // namespace core
