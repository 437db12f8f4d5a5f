// SPDX-License-Identifier: MIT
#include "core/export/SteeringExamples.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace core {

QVariantList steeringExamplesToVariant(const QList<SteeringConceptExample> &examples)
{
    CreateSteeringConceptRequest request;
    request.examples = examples;
    return request.toJson().value(u"examples"_s).toArray().toVariantList();
}

std::optional<QList<SteeringConceptExample>> steeringExamplesFromVariant(
    const QVariant &value, QString *error)
{
    const auto request = CreateSteeringConceptRequest::fromJson(
        {{u"examples"_s, QJsonValue::fromVariant(value)}}, error);
    if (!request)
        return std::nullopt;
    return request->examples;
}

} // namespace core
