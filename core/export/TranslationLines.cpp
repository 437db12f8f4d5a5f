// SPDX-License-Identifier: MIT
#include "core/export/TranslationLines.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace core {

void TranslationLines::read(json::Reader &r)
{
    r.required(u"lines"_s, lines);
}

void TranslationLines::write(json::Writer &w) const
{
    w.put(u"lines"_s, lines);
}

QString TranslationLines::answerText() const
{
    return QString::fromUtf8(QJsonDocument(toJson()).toJson(QJsonDocument::Compact));
}

} // namespace core
