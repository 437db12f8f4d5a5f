// SPDX-License-Identifier: MIT
// The Embeddings tab's vector exports as bytes: CSV with quoted texts and labels, JSON that
// parses back to the same texts, labels and floats, and a large export arriving in pieces.
#include "core/export/VectorExport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

class TestVectorExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void csv();
    void json();
    void largeExportComesInPieces();
};

namespace {

const QStringList kTexts{u"plain"_s, u"with, comma and \"quotes\""_s, u"zürich"_s};
const QStringList kLabels{u"a"_s, QString(), u"b,c"_s};
const std::vector<float> kData{1.0f, -0.5f, 0.25f, 0.0f, 3.0f, -2.0f};

QByteArray collect(void (*write)(const QStringList &,
                       const QStringList &,
                       core::analysis::VectorView,
                       const core::ByteSink &),
    const QStringList &labels,
    int *pieces = nullptr)
{
    QByteArray out;
    int count = 0;
    write(kTexts, labels, {kData.data(), 3, 2}, [&](const QByteArray &piece) {
        out += piece;
        ++count;
    });
    if (pieces)
        *pieces = count;
    return out;
}

} // namespace

void TestVectorExport::csv()
{
    const QByteArray expected = "text,label,v0,v1\n"
                                "plain,a,1,-0.5\n"
                                "\"with, comma and \"\"quotes\"\"\",,0.25,0\n"
                                "z\xc3\xbcrich,\"b,c\",3,-2\n";
    QCOMPARE(collect(core::writeVectorsCsv, kLabels), expected);
    // Missing labels are empty.
    QCOMPARE(collect(core::writeVectorsCsv, {u"a"_s}).split('\n').at(2),
        QByteArray("\"with, comma and \"\"quotes\"\"\",,0.25,0"));
}

void TestVectorExport::json()
{
    const QByteArray bytes = collect(core::writeVectorsJson, kLabels);
    QVERIFY(bytes.startsWith(
        "[\n{\"label\":\"a\",\"text\":\"plain\",\"embedding\":[1,-0.5]},\n")); // keys as
                                                                               // QJsonObject sorts
                                                                               // them
    QJsonParseError error;
    const QJsonArray array = QJsonDocument::fromJson(bytes, &error).array();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(array.size(), 3);
    for (int i = 0; i < 3; ++i) {
        const QJsonObject o = array.at(i).toObject();
        QCOMPARE(o.value(u"text"_s).toString(), kTexts.at(i));
        QCOMPARE(o.contains(u"label"_s), !kLabels.at(i).isEmpty()); // left out when empty
        QCOMPARE(o.value(u"label"_s).toString(), kLabels.at(i));
        const QJsonArray v = o.value(u"embedding"_s).toArray();
        QCOMPARE(v.size(), 2);
        QCOMPARE(v.at(0).toDouble(), double(kData[size_t(i) * 2]));
        QCOMPARE(v.at(1).toDouble(), double(kData[size_t(i) * 2 + 1]));
    }
    // An empty set is an empty array.
    QByteArray empty;
    core::writeVectorsJson(
        {}, {}, {kData.data(), 0, 2}, [&](const QByteArray &piece) { empty += piece; });
    QCOMPARE(empty, QByteArray("[\n]\n"));
}

void TestVectorExport::largeExportComesInPieces()
{
    const int rows = 2000, dims = 256;
    std::vector<float> data(size_t(rows) * dims);
    for (size_t i = 0; i < data.size(); ++i)
        data[i] = float(i % 97) / 7.0f;
    QStringList texts;
    for (int i = 0; i < rows; ++i)
        texts.append(u"text %1"_s.arg(i));
    for (const auto write : {core::writeVectorsCsv, core::writeVectorsJson}) {
        QList<QByteArray> pieces;
        write(texts, {}, {data.data(), rows, dims}, [&](const QByteArray &piece) {
            pieces.append(piece);
        });
        QVERIFY(pieces.size() > 2);
        qsizetype total = 0;
        for (const QByteArray &piece : std::as_const(pieces)) {
            QVERIFY(piece.size() < (1 << 20) + 64 * 1024); // about 1 MiB: at most one row more
            total += piece.size();
        }
        const QByteArray all = pieces.join();
        QCOMPARE(all.size(), total);
        QCOMPARE(all.count('\n'), rows + (write == core::writeVectorsCsv ? 1 : 2));
    }
}

QTEST_GUILESS_MAIN(TestVectorExport)
#include "TestVectorExport.moc"
