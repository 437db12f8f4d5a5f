// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QString>
#include <QVariant>
#include <QVariantMap>

#include <optional>

namespace core {

/// A typed request (CompletionRequest, EvaluationRequest...) as an autosaved draft keeps it
/// (DraftStore): its JSON body as a map of plain values, key for key ("model" → string,
/// "maximum_tokens" → number, "prompt" → string or list of item maps, ...). Unset optional
/// fields are left out, as in the body. requestFromDraft() reads it back.
template<class Request>
QVariantMap requestToDraft(const Request &request)
{
    return request.toJson().toVariantMap();
}

/// The request a draft keeps under one key (`value`, a map as requestToDraft() makes it, or as
/// DraftStore::load() gives it back with numbers as doubles). nullopt with `error` set when
/// `value` is not a map ("the draft holds no request") or not that request's shape (the
/// request's fromJson() message, e.g. a missing `model`).
template<class Request>
std::optional<Request> requestFromDraft(const QVariant &value, QString *error)
{
    if (value.typeId() != QMetaType::QVariantMap) {
        *error = QStringLiteral("the draft holds no request");
        return std::nullopt;
    }
    return Request::fromJson(QJsonObject::fromVariantMap(value.toMap()), error);
}

} // namespace core
