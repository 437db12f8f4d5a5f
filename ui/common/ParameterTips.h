// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>

namespace ui {

/// The spec's description of each request field of one endpoint, by the field's API name.
using ParameterDescriptions = QHash<QString, QString>;

/// The spec's descriptions of `endpoint`'s request fields ("complete", "explain"), compiled in
/// from resources/parameters/api-descriptions.json; empty when there are none.
ParameterDescriptions parameterDescriptions(const QString &endpoint);
/// A rich-text tool tip: the field's API name in bold, then its description from `descriptions`.
QString parameterTip(const ParameterDescriptions &descriptions, const QString &key);

} // namespace ui
