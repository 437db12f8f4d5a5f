// SPDX-License-Identifier: MIT
#include "sandbox/SchemaSampler.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sandbox {

SchemaSampler::SchemaSampler(const SyntheticModel &model,
    const QList<ContextToken> &context,
    const QJsonObject &root,
    quint64 seed)
    : m_model(model)
    , m_context(context)
    , m_root(root)
    , m_seed(seed)
{}

QJsonValue SchemaSampler::sample(const QJsonObject &schema, const QString &name, int depth)
{
    if (depth > 8)
        return QJsonValue();
    const QString ref = schema.value(u"$ref"_s).toString();
    if (ref.startsWith(u"#/"_s)) {
        QJsonValue node = m_root;
        for (const QString &part : ref.mid(2).split(u'/'))
            node = node.toObject().value(part);
        return sample(node.toObject(), name, depth + 1);
    }
    if (schema.contains(u"const"_s))
        return schema.value(u"const"_s);
    const QJsonArray choices = schema.value(u"enum"_s).toArray();
    if (!choices.isEmpty())
        return choices.at(qsizetype(next() % quint64(choices.size())));
    for (const QString &key : {u"anyOf"_s, u"oneOf"_s, u"allOf"_s}) {
        const QJsonArray options = schema.value(key).toArray();
        for (const QJsonValue &option : options)
            if (option.toObject().value(u"type"_s).toString() != u"null"_s)
                return sample(option.toObject(), name, depth + 1);
    }
    QString type = schema.value(u"type"_s).toString();
    if (schema.value(u"type"_s).isArray()) {
        for (const QJsonValue &t : schema.value(u"type"_s).toArray())
            if (t.toString() != u"null"_s) {
                type = t.toString();
                break;
            }
    }
    if (type.isEmpty() && schema.contains(u"properties"_s))
        type = u"object"_s;
    if (type == u"object"_s) {
        QJsonObject object;
        const QJsonObject properties = schema.value(u"properties"_s).toObject();
        for (auto it = properties.constBegin(); it != properties.constEnd(); ++it)
            object.insert(it.key(), sample(it.value().toObject(), it.key(), depth + 1));
        return object;
    }
    if (type == u"array"_s) {
        const int count = std::max(1, schema.value(u"minItems"_s).toInt(2));
        QJsonArray array;
        for (int i = 0; i < count; ++i)
            array.append(sample(schema.value(u"items"_s).toObject(), name, depth + 1));
        return array;
    }
    if (type == u"integer"_s)
        return qint64(next() % 100);
    if (type == u"number"_s)
        return double(next() % 1000) / 10.0;
    if (type == u"boolean"_s)
        return bool(next() & 1);
    if (type == u"null"_s)
        return QJsonValue();
    return phrase(name);
}

quint64 SchemaSampler::next()
{
    return m_seed = SyntheticModel::stableHash("next", m_seed);
}

QString SchemaSampler::phrase(const QString &name)
{
    QList<ContextToken> context = m_context;
    context += m_model.contextOf(u" "_s + QString(name).replace(u'_', u' ') + u":"_s);
    Sampling sampling;
    sampling.maximumTokens = 4;
    sampling.minimumTokens = 1;
    sampling.seed = next();
    sampling.temperature = 0.7;
    const QString text = m_model.generate(context, sampling).text.trimmed();
    return text.isEmpty() ? u"sandbox"_s : text;
}

} // namespace sandbox
