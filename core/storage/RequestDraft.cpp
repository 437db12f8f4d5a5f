// SPDX-License-Identifier: MIT
#include "core/storage/RequestDraft.h"

namespace core {

QVariantMap jsonToDraft(const QJsonObject &object)
{
    return object.toVariantMap();
}

QJsonObject draftToJson(const QVariant &value)
{
    if (value.metaType() == QMetaType::fromType<QJsonObject>())
        return value.toJsonObject();
    if (value.metaType() == QMetaType::fromType<QVariantMap>())
        return QJsonObject::fromVariantMap(value.toMap());
    return {};
}

} // namespace core
