// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Steering.h"

#include <QVariant>

#include <optional>

namespace core {

/// Steering pairs as plain values, for a tab's autosaved draft (a QVariantMap): a list with one
/// map per pair, in order, `{"negative": text, "positive": text}` plus any extra members the
/// pair carries — the shape of the "examples" array of `POST /steering_concepts`, so drafts
/// saved before keep loading.
QVariantList steeringExamplesToVariant(const QList<SteeringConceptExample> &examples);

/// The pairs of such a list. nullopt, with `error` set as the request reader words it, when
/// `value` is not a list of maps with both texts (`steering_concepts: missing required field
/// "examples[0].positive"`, `… field "examples": expected an array, got string`), for an
/// invalid QVariant (a draft without pairs: `steering_concepts: missing required field
/// "examples"`) and for an empty list, which is no request either (`… give at least one
/// {positive, negative} pair`).
std::optional<QList<SteeringConceptExample>> steeringExamplesFromVariant(
    const QVariant &value, QString *error);

} // namespace core
