// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QRegularExpression>
#include <QStringList>

namespace core {

/// The template variable syntax of prompts: `{{ name }}`, spaces inside the braces optional, the
/// name a letter or underscore followed by letters, digits and underscores (capture 1).
const QRegularExpression &templateVariablePattern();

/// The variable names of `text` in order of first appearance, each once.
QStringList templateVariables(const QString &text);

/// `text` with every `{{ name }}` replaced by `values[name]`; a name without a value (or with an
/// empty one) is replaced by "" and, the first such, written to `missing` (left untouched when
/// every variable has a value).
QString fillTemplate(
    const QString &text, const QHash<QString, QString> &values, QString *missing = nullptr);

} // namespace core
