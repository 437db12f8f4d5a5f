// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QString>

namespace ui {

/// The spec's descriptions of `endpoint`'s request fields ("complete", "explain"), compiled in
/// from resources/parameters/api-descriptions.json; empty when there are none.
QJsonObject parameterDescriptions(const QString &endpoint);
/// A rich-text tool tip: the field's API name in bold, then its description from `descriptions`.
QString parameterTip(const QJsonObject &descriptions, const QString &key);

} // namespace ui
