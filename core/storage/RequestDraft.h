// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QString>
#include <QVariant>
#include <QVariantMap>

#include <optional>

namespace core {

/// A JSON object as a draft value, as DraftStore saves it: objects become QVariantMaps, arrays
/// QVariantLists, strings QStrings, booleans bool, numbers qint64 when whole and double
/// otherwise, null an invalid QVariant (QJsonObject::toVariantMap()).
QVariantMap jsonToDraft(const QJsonObject &object);

/// A draft value read back as a JSON object: a QVariantMap (what DraftStore::load() gives, with
/// numbers as double or qint64) or a QJsonObject held in a QVariant. Anything else (no value, a
/// string, a list) gives an empty object, which no request's fromJson() accepts.
QJsonObject draftToJson(const QVariant &value);

/// A typed request (ExplanationRequest, CompletionRequest, … : anything with toJson()) as a
/// draft value: its request body as a map, so that a tab's draft keeps a request without the
/// tab handling JSON.
template<class Request>
QVariantMap requestToDraft(const Request &request)
{
    return jsonToDraft(request.toJson());
}

/// The request a draft value made by requestToDraft() (or saved from a request's JSON body by an
/// older build) holds: nullopt with `problem` set (Request::fromJson()'s message, e.g. a missing
/// required field) when the value is not that request's shape, or not a map at all.
template<class Request>
std::optional<Request> requestFromDraft(const QVariant &value, QString *problem)
{
    return Request::fromJson(draftToJson(value), problem);
}

} // namespace core
