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
    QString name;           ///< "complete", "chat/completions", "model-settings", "users/me"
    bool isGet = false;     ///< GET endpoints take no body
    bool acceptsHosting = false; ///< `hosting` may be added to the body (spec §1)
    bool acceptsNice = false;    ///< `?nice=true` may be added
    bool textResponse = false;   ///< the 2xx answer is text/plain (GET /version), not JSON
    /// Typed request round trip: fromJson(body) then toJson(). nullptr for GET endpoints.
    std::function<std::optional<QJsonObject>(const QJsonObject &, QString *)> normalizeRequest;
    /// Typed response round trip of a 2xx body.
    std::function<std::optional<QJsonValue>(const QJsonValue &, QString *)> normalizeResponse;
    /// Typed round trip of one streamed event; nullptr when the endpoint does not stream.
    std::function<std::optional<QJsonObject>(const QJsonObject &, QString *)> normalizeStreamEvent;
    /// Whether a streamed event is the last one the server sends.
    std::function<bool(const QJsonObject &)> isFinalStreamEvent;
};

/// The endpoint called `name`, or nullptr when core does not speak it.
const EndpointInfo *findEndpoint(const QString &name);
/// Every endpoint name core speaks, sorted.
QStringList endpointNames();

} // namespace core
