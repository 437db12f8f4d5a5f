// SPDX-License-Identifier: MIT
// POST /steering_concepts.
#include "sandbox/handlers/Handlers.h"
#include "sandbox/handlers/Support.h"

using namespace Qt::StringLiterals;

namespace sandbox {

Reply handleCreateSteeringConcept(
    const Services &services, const Prepared<core::CreateSteeringConceptRequest> &prepared)
{
    QList<QPair<QString, QString>> pairs;
    QByteArray key;
    for (const core::SteeringConceptExample &example : prepared.request.examples) {
        pairs.append({example.negative, example.positive});
        key += example.negative.toUtf8() + '\0' + example.positive.toUtf8() + '\0';
    }
    const Steering steeringConcept
        = SteeringConcepts::fromExamples(services.model.tokenizer(), pairs);
    const QString id = u"sandbox-concept-"_s + hex(SyntheticModel::stableHash(key));
    services.concepts.insert(id, steeringConcept, prepared.request.toJson());
    core::CreateSteeringConceptResponse response;
    response.id = id;
    return Reply::json(response.toJson(), 201);
}

} // namespace sandbox
