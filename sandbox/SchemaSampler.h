// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/SyntheticModel.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace sandbox {

/// Makes instances of a JSON Schema for /chat/completions: the `response_format` json_schema and
/// the arguments of a tool call (OpenAI function calling; reference/API-ENDPOINTS.md, chat).
/// What it reads of a schema, first match wins:
/// - `$ref` to `#/...` inside the root schema (a JSON pointer without escapes);
/// - `const`, then `enum` (one of the choices, by the seed);
/// - `anyOf` / `oneOf` / `allOf`: the first option that is not `{"type": "null"}`;
/// - `type` (for a list of types, the first that is not "null"; with none but `properties`,
///   "object"): object → every property in key order; array → `minItems` items (default 2, at
///   least 1) of `items`; integer → 0..99; number → 0.0..99.9 in tenths; boolean; null; string or
///   no type → a phrase of 1..4 tokens the SyntheticModel writes after the conversation and the
///   property's name (`" city name:"`), "sandbox" when it writes nothing.
/// Nesting deeper than 8 gives null. Other keywords (patterns, formats, bounds) are not honoured.
///
/// Deterministic: the same model, context, root, seed and calls give the same values. One
/// instance per thread; the model is only read.
class SchemaSampler
{
public:
    /// `context`: the conversation the phrases follow; `root`: the whole schema `$ref`s resolve
    /// in; `seed`: the random stream (enum choices, numbers, phrase sampling). `model` is not
    /// owned and must outlive the sampler.
    SchemaSampler(const SyntheticModel &model,
        const QList<ContextToken> &context,
        const QJsonObject &root,
        quint64 seed);

    /// An instance of `schema`; `name` is the property (or, at the top, the schema or function
    /// name) whose words lead the phrases of strings. `depth` counts the levels above.
    QJsonValue sample(const QJsonObject &schema, const QString &name, int depth = 0);

private:
    quint64 next();
    QString phrase(const QString &name);

    const SyntheticModel &m_model; // not owned
    QList<ContextToken> m_context;
    QJsonObject m_root;
    quint64 m_seed;
};

} // namespace sandbox
