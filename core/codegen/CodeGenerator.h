// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/ApiCall.h"
#include "core/settings/Preferences.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <optional>

namespace core {

/// "View code": a request rendered as a program that sends the same request.
///
/// The token is never written: every language reads it from the environment variable
/// `tokenVariable` (default AA_TOKEN). The body is the typed request's JSON (`request.toJson()`),
/// so the code sends exactly what the app sends, except `stream`.
struct CodeContext
{
    QUrl baseUrl = defaults::baseUrl();
    std::optional<QString> hosting; ///< "aleph-alpha" or unset
    bool nice = false;
    QString tokenVariable = QStringLiteral("AA_TOKEN");
};

enum class CodeLanguage {
    Python, ///< the official client `aleph_alpha_client` (complete, chat, evaluate, explain,
            ///< semantic_embed, tokenize, detokenize; other endpoints use `requests`)
    Curl, ///< curl with the JSON body in a here-document
    Alephctl, ///< `alephctl request ENDPOINT -` with the JSON body on stdin
};

/// The code for POST `endpoint` (a name of core::findEndpoint(), e.g. "complete",
/// "chat/completions") with `body`. Deterministic: the same input gives the same text, ending
/// with a newline.
QString generateCode(CodeLanguage language,
    const QString &endpoint,
    const QJsonObject &body,
    const CodeContext &context);
/// generateCode() for a call made by a tab (ApiCall::of()).
inline QString generateCode(CodeLanguage language, const ApiCall &call, const CodeContext &context)
{
    return generateCode(language, call.endpoint, call.body, context);
}

/// A JSON value as a Python literal: dict/list/str (double-quoted,
/// escaped)/int/float/True/False/None. Nested containers are indented by 4 spaces from `indent`.
QString pythonLiteral(const QJsonValue &value, int indent = 0);

} // namespace core
