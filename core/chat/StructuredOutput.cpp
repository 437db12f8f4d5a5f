// SPDX-License-Identifier: MIT
#include "core/chat/StructuredOutput.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace core {

namespace {

QString parseProblem(const QJsonParseError &error)
{
    return u"%1 at offset %2"_s.arg(error.errorString()).arg(error.offset);
}

} // namespace

std::optional<ChatResponseFormat> jsonSchemaFormat(
    const QString &name, const QString &schemaText, QString *error)
{
    QJsonParseError parseError{};
    const QJsonDocument schema = QJsonDocument::fromJson(schemaText.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = parseProblem(parseError);
        return std::nullopt;
    }
    if (!schema.isObject()) {
        *error = u"not an object at offset 0"_s;
        return std::nullopt;
    }
    ChatResponseFormat format;
    format.jsonSchema.name = name.trimmed().isEmpty() ? u"answer"_s : name.trimmed();
    format.jsonSchema.schema = schema.object();
    format.jsonSchema.strict = true;
    return format;
}

std::optional<QString> prettyJsonReply(QString text, QString *error)
{
    const qsizetype think = text.indexOf(u"</think>"_s);
    if (think >= 0)
        text = text.mid(think + 8);
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(text.trimmed().toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = parseProblem(parseError);
        return std::nullopt;
    }
    return QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

} // namespace core
