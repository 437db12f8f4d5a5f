// SPDX-License-Identifier: MIT
#include "core/workbench/Template.h"

namespace core {

const QRegularExpression &templateVariablePattern()
{
    static const QRegularExpression re(
        QStringLiteral("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\}\\}"));
    return re;
}

QStringList templateVariables(const QString &text)
{
    QStringList names;
    auto it = templateVariablePattern().globalMatch(text);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

QString fillTemplate(const QString &text, const QHash<QString, QString> &values, QString *missing)
{
    QString out;
    out.reserve(text.size());
    qsizetype last = 0;
    bool reported = false;
    auto it = templateVariablePattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        const QString name = m.captured(1);
        const QString value = values.value(name);
        if (value.isEmpty() && !reported && missing) {
            *missing = name;
            reported = true;
        }
        out += value;
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

} // namespace core
