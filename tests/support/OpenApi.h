// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace testsupport {

/// The API's OpenAPI file (tests/data/openapi/aleph-alpha-inference-openapi.json), read for tests
/// of endpoints that have no recorded traffic. The file stores many scalars as strings
/// ("nullable": "true", "minimum": "1", example numbers, enum ["128"]); coerce() and sample()
/// read them as the real types (reference/API-ENDPOINTS.md "Spec quirks").
class OpenApiSpec
{
public:
    /// $ALEPH_OPENAPI, else tests/data/openapi in the source tree.
    static QString defaultPath();
    bool load(const QString &path, QString *error);

    /// The operation object of `method` ("get", "post") on `path` ("/translate"); empty if none.
    QJsonObject operation(const QString &method, const QString &path) const;
    /// The JSON schema of the operation's request body (resolved), or empty.
    QJsonObject requestSchema(const QString &method, const QString &path) const;
    /// The schema and the content type of the first success response (200, 201 or 204).
    QJsonObject responseSchema(
        const QString &method, const QString &path, int *status, QString *contentType) const;
    /// Whether the operation declares the `nice` query parameter.
    bool acceptsNice(const QString &method, const QString &path) const;
    /// A schema with `$ref` (and a single-member oneOf/allOf) replaced by what it points to.
    QJsonObject resolve(const QJsonObject &schema) const;

    /// `value` (an example) with strings turned into the numbers, booleans and nulls the schema
    /// asks for; "..." placeholders in arrays are dropped.
    QJsonValue coerce(const QJsonValue &value, const QJsonObject &schema) const;
    /// An instance with every property the schema lists (deprecated ones too, unless `skip` names
    /// them), one array element per oneOf option of the items, enum fields set to their first
    /// value.
    QJsonValue sample(const QJsonObject &schema, const QStringList &skip = {}) const;
    /// The first place where `value` breaks the schema (type, enum, required, unknown property when
    /// `strictProperties`), or an empty string.
    QString validate(const QJsonValue &value,
        const QJsonObject &schema,
        bool strictProperties,
        const QString &path = QString()) const;

private:
    QJsonObject m_root;
};

} // namespace testsupport
