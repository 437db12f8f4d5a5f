// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Json.h"

#include <functional>
#include <optional>

namespace core {

/// What core knows of one endpoint, by its name in the URL. Used by generic callers (alephctl
/// `request`, contract tests) that hold JSON in the API's own format: the body goes through the
/// typed request (fromJson, then toJson), so a field the type cannot hold is an error.
struct EndpointInfo
{
    /// "complete", "chat/completions", "model-settings", "users/me"; a path parameter is written
    /// as the spec writes it: "models/{modelName}/tokenizer"
    QString name;
    bool isGet = false; ///< GET endpoints take no body
    bool acceptsHosting = false; ///< `hosting` may be added to the body (spec §1)
    bool acceptsNice = false; ///< `?nice=true` may be added
    bool textResponse = false; ///< the 2xx answer is text/plain (GET /version), not JSON
    /// Typed request round trip: fromJson(body) then toJson(). nullptr for GET endpoints.
    std::function<std::optional<QJsonObject>(const QJsonObject &, QString *)> normalizeRequest;
    /// Typed response round trip of a 2xx body.
    std::function<std::optional<QJsonValue>(const QJsonValue &, QString *)> normalizeResponse;
    /// Typed round trip of one streamed event; nullptr when the endpoint does not stream.
    std::function<std::optional<QJsonObject>(const QJsonObject &, QString *)> normalizeStreamEvent;
    /// Whether a streamed event is the last one the server sends.
    std::function<bool(const QJsonObject &)> isFinalStreamEvent;
};

/// The endpoint called `name`, or nullptr when core does not speak it. A name with a path
/// parameter also matches a path that has any one non-empty segment in its place:
/// "models/luminous-base/tokenizer" finds "models/{modelName}/tokenizer".
const EndpointInfo *findEndpoint(const QString &name);
/// Every endpoint name core speaks, sorted (with their path parameters in braces).
QStringList endpointNames();
/// "models/<model>/tokenizer": the path of `GET /models/{modelName}/tokenizer` for `model`, which
/// is percent-encoded as one path segment.
QString modelTokenizerEndpoint(const QString &model);

} // namespace core
