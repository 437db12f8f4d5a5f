// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Json.h"

namespace core {

/// One example pair of a steering concept: output is steered toward `positive` and away from
/// `negative` (spec: CreateSteeringConceptRequest.examples[]).
struct SteeringConceptExample
{
    QString negative;
    QString positive;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// Body of `POST /steering_concepts` (BETA; reference/API-ENDPOINTS.md §6). No model. The call is
/// idempotent: the same examples always give the same id.
struct CreateSteeringConceptRequest : json::RequestBody<CreateSteeringConceptRequest>
{
    static constexpr QLatin1String kRoot{"steering_concepts"};
    QList<SteeringConceptExample> examples; ///< at least one
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// Response (HTTP 201) of `POST /steering_concepts`: the id to put in `steering_concepts` of
/// /complete or /chat/completions (64 lowercase hex characters in the spec's example).
struct CreateSteeringConceptResponse : json::ResponseBody<CreateSteeringConceptResponse>
{
    static constexpr QLatin1String kRoot{"steering_concepts response"};
    QString id;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

} // namespace core
