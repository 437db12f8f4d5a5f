// SPDX-License-Identifier: MIT
#include "ui/common/ParameterTips.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace ui {

ParameterDescriptions parameterDescriptions(const QString &endpoint)
{
    QFile file(QStringLiteral(":/parameters/api-descriptions.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject fields
        = QJsonDocument::fromJson(file.readAll()).object().value(endpoint).toObject();
    ParameterDescriptions descriptions;
    for (auto it = fields.begin(); it != fields.end(); ++it)
        descriptions.insert(it.key(), it.value().toString());
    return descriptions;
}

QString parameterTip(const ParameterDescriptions &descriptions, const QString &key)
{
    const QString text = descriptions.value(key);
    if (text.isEmpty())
        return QStringLiteral("<b>%1</b>").arg(key);
    QString html = text.toHtmlEscaped();
    html.replace(QStringLiteral("\n\n"), QStringLiteral("<br><br>"));
    return QStringLiteral("<p style='white-space:pre-wrap'><b>%1</b><br>%2</p>").arg(key, html);
}

} // namespace ui
