// SPDX-License-Identifier: MIT
#include "sandbox/handlers/Support.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace sandbox {

QString hex(quint64 value)
{
    return QString::number(value, 16).rightJustified(16, u'0');
}

quint64 requestSeed(QJsonObject object)
{
    object.remove(u"stream"_s);
    object.remove(u"stream_options"_s);
    return SyntheticModel::stableHash(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

quint64 mix(quint64 seed, quint64 k)
{
    return SyntheticModel::stableHash(QByteArray::number(k), seed);
}

QStringList piecesOf(const Generation &g)
{
    QStringList pieces;
    qsizetype remaining = g.text.size();
    for (const QString &piece : g.pieces) {
        if (remaining <= 0)
            break;
        pieces.append(piece.left(remaining));
        remaining -= piece.size();
    }
    return pieces;
}

bool readLogitBias(const QString &root,
    const std::optional<QMap<QString, double>> &bias,
    const Tokenizer &tokenizer,
    Sampling *sampling,
    Reply *reply)
{
    if (!bias)
        return true;
    for (auto it = bias->cbegin(); it != bias->cend(); ++it) {
        bool ok = false;
        const qint64 id = it.key().toLongLong(&ok);
        if (!ok || !tokenizer.isValid(id)) {
            *reply = badRequest(
                u"%1: field \"logit_bias\": \"%2\" is not a token id"_s.arg(root, it.key()));
            return false;
        }
        sampling->logitBias.insert(id, it.value());
    }
    return true;
}

} // namespace sandbox
