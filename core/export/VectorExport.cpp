// SPDX-License-Identifier: MIT
#include "core/export/VectorExport.h"

#include "core/api/Json.h"
#include "core/util/Csv.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace core {

namespace {

constexpr qsizetype kPiece = 1 << 20;

void appendRow(QByteArray &out, analysis::VectorView vectors, int row)
{
    const float *values = vectors.row(row);
    for (int c = 0; c < vectors.dims; ++c) {
        if (c)
            out += ',';
        json::appendFloat(out, values[c]);
    }
}

} // namespace

void writeVectorsCsv(const QStringList &texts,
    const QStringList &labels,
    analysis::VectorView vectors,
    const ByteSink &sink)
{
    QByteArray out = "text,label";
    for (int c = 0; c < vectors.dims; ++c)
        out += ",v" + QByteArray::number(c);
    out += '\n';
    for (int i = 0; i < vectors.rows; ++i) {
        out += csvField(texts.at(i)).toUtf8() + ',' + csvField(labels.value(i)).toUtf8();
        if (vectors.dims > 0)
            out += ',';
        appendRow(out, vectors, i);
        out += '\n';
        if (out.size() > kPiece) {
            sink(out);
            out.clear();
        }
    }
    sink(out);
}

void writeVectorsJson(const QStringList &texts,
    const QStringList &labels,
    analysis::VectorView vectors,
    const ByteSink &sink)
{
    QByteArray out = "[\n";
    for (int i = 0; i < vectors.rows; ++i) {
        QJsonObject head{{u"text"_s, texts.at(i)}};
        if (!labels.value(i).isEmpty())
            head.insert(u"label"_s, labels.at(i));
        QByteArray object = QJsonDocument(head).toJson(QJsonDocument::Compact);
        object.chop(1); // the closing brace
        out += object + ",\"embedding\":[";
        appendRow(out, vectors, i);
        out += i + 1 < vectors.rows ? "]},\n" : "]}\n";
        if (out.size() > kPiece) {
            sink(out);
            out.clear();
        }
    }
    out += "]\n";
    sink(out);
}

} // namespace core
