// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Chat.h"

#include <optional>

namespace core {

/// The response_format that asks for JSON matching `schemaText`:
/// {"type": "json_schema", "json_schema": {"name": name, "schema": {...}, "strict": true}}, the
/// name "answer" when `name` is blank (else trimmed). nullopt when `schemaText` is not a JSON
/// object, with `error` saying why and where ("unterminated object at offset 81", "not an
/// object at offset 0").
std::optional<ChatResponseFormat> jsonSchemaFormat(
    const QString &name, const QString &schemaText, QString *error);

/// A reply asked for with a JSON schema, pretty-printed (indented by 4, as QJsonDocument does);
/// a thinking model's leading "<think>…</think>" block is skipped first, as the official client's
/// tests do. nullopt when the rest is not JSON,
/// with `error` saying why and where ("garbage at the end of the document at offset 12").
std::optional<QString> prettyJsonReply(QString text, QString *error);

} // namespace core
