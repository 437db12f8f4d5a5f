// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QJsonValue>

namespace core {

/// Whether `instance` is valid against the JSON Schema `schema` (the common subset of draft
/// 2020-12 that structured output uses): `type` (one name or a list; "integer" is a number without
/// a fraction), `enum`, `const`, `properties`, `required`, `additionalProperties` (false or a
/// schema), `items` (one schema), `minItems`, `maxItems`, `minLength`, `maxLength` (characters),
/// `pattern` (unanchored, ECMAScript-like as QRegularExpression reads it), `minimum`, `maximum`,
/// `exclusiveMinimum`, `exclusiveMaximum` (numbers), `allOf`, `anyOf`, `oneOf`, `not`, and `$ref`
/// to `#/...` inside `root` (a JSON pointer; `root` empty means `schema`). Other keywords are
/// ignored. `true`/`false` schemas are not supported (an object is required).
///
/// On failure returns false and sets `error` to the first problem with its place, e.g.
/// `$.items[2].age: expected integer, got string` or `$: property "name" is required`.
bool validateJsonSchema(const QJsonValue &instance,
    const QJsonObject &schema,
    QString *error,
    const QJsonObject &root = {});

} // namespace core
