// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/Prepare.h"
#include "sandbox/Reply.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace sandbox {

/// How the sandbox answers one endpoint: for a POST, the prepare step (prepare(), with the
/// endpoint's Requirement; `endpoint` leads its error messages) and then its handler; for a GET,
/// the handler alone (`body` is ignored). Stateless, so any thread may call it.
using Route = std::function<Reply(
    const Services &services, const QString &endpoint, const QByteArray &body)>;

/// The route of `endpoint`, a name in core's endpoint registry as the URL spells it after /v1/
/// ("complete", "chat/completions", "users/me"; core::endpointNames()), or a path that matches a
/// name with parameters ("models/luminous-base/tokenizer" for "models/{modelName}/tokenizer", whose
/// route gets the path as `endpoint`). nullptr when core does not
/// know the name, so the endpoints the sandbox serves are those core speaks: the registry is the
/// one list of them (GET or POST is core::EndpointInfo::isGet). Built once, on first use.
const Route *findRoute(const QString &endpoint);

} // namespace sandbox
