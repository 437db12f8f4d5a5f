// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Json.h"

#include <QByteArray>

#include <optional>

/// Answer bodies parsed with simdjson (Debian libsimdjson-dev 3.0) into the same typed model as
/// the QJsonDocument path (json::Reader over a json::Element instead of a QJsonObject), for the
/// large answers where QJsonDocument's tree costs most: embeddings of every kind, /explain,
/// /evaluate, /tokenize and /complete (log_probs). The QJsonDocument path stays the reference:
/// whatever simdjson refuses (invalid JSON, numbers beyond 64-bit integers, a root that is not an
/// object, nesting deeper than 256) goes through it, so errors and results are the same on both
/// paths (tests/core/TestFastJson.cpp checks that over the cassettes and malformed bodies).
namespace core::json {

/// One document parsed by this thread's simdjson parser (which keeps its buffers between parses;
/// buffers grown past 16 MiB by a large answer are freed when the document goes). At most one
/// ParsedDocument per thread may exist at a time.
class ParsedDocument
{
public:
    /// Parses `bytes` (copied into a padded buffer only when their capacity lacks the padding).
    explicit ParsedDocument(const QByteArray &bytes);
    ~ParsedDocument();
    ParsedDocument(const ParsedDocument &) = delete;
    ParsedDocument &operator=(const ParsedDocument &) = delete;
    /// The root object; empty when simdjson refused the bytes or the root is not an object.
    const std::optional<Element> &root() const { return m_root; }

private:
    std::optional<Element> m_root;
    bool m_owner = false;
};

/// Reads a response body `T` (a json::ResponseBody) with simdjson. `*usable` is false when
/// simdjson refused the bytes or the root is not an object: the caller then takes the
/// QJsonDocument path (json::parseDocument and T::fromJson), which gives the reference message.
/// Otherwise the result, or the typed error in `message` ("embed response: field …").
template<class T>
std::optional<T> readFast(const QByteArray &bytes, bool *usable, QString *message)
{
    const ParsedDocument document(bytes);
    *usable = document.root().has_value();
    if (!*usable)
        return std::nullopt;
    return T::fromElement(*document.root(), message);
}

/// The reference path: QJsonDocument, then T::fromJson. The messages of the JSON layer are
/// json::parseDocument's, or "expected a JSON object, got …".
template<class T>
std::optional<T> readReference(const QByteArray &bytes, QString *message)
{
    const std::optional<QJsonValue> json = parseDocument(bytes, message);
    if (!json)
        return std::nullopt;
    if (!json->isObject()) {
        *message = QStringLiteral("expected a JSON object, got ") + typeName(*json);
        return std::nullopt;
    }
    return T::fromJson(json->toObject(), message);
}

/// simdjson where it takes the bytes, else the reference path: what JsonJob does for the answers
/// listed in detail::kParsedFast (core/net/Jobs.h).
template<class T>
std::optional<T> readBody(const QByteArray &bytes, QString *message)
{
    bool usable = false;
    std::optional<T> out = readFast<T>(bytes, &usable, message);
    if (usable)
        return out;
    return readReference<T>(bytes, message);
}

} // namespace core::json
