// SPDX-License-Identifier: MIT
// The table exports core makes for the tabs: CSV with RFC 4180 quoting, tab-separated clipboard
// text with tabs and line breaks flattened, and the all-or-nothing file write.
#include "core/export/TableText.h"
#include "core/util/Csv.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestTableText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void csvQuotesAndRoundTrips();
    void csvOfAnEmptyTableIsTheHeader();
    void tabSeparatedFlattensCells();
    void savesAndReportsFailures();
};

void TestTableText::csvQuotesAndRoundTrips()
{
    const QStringList header{u"segment"_s, u"source"_s, u"translation"_s, u"score"_s};
    const QList<QStringList> rows{{u"1"_s, u"Hello, world."_s, u"\"Hallo\" Welt."_s, u"0.900"_s},
        {u"2"_s, u"two\nlines"_s, u"ünï ✓"_s, QString()}};
    const QString csv = core::tableToCsv(header, rows);
    QCOMPARE(csv,
        u"segment,source,translation,score\n1,\"Hello, world.\",\"\"\"Hallo\"\" Welt.\",0.900\n2,\"two\nlines\",ünï ✓,\n"_s);
    QString error;
    const std::optional<core::CsvTable> table = core::readCsv(csv, &error);
    QVERIFY2(table, qPrintable(error));
    QCOMPARE(table->header, header);
    QCOMPARE(table->rows, rows);
}

void TestTableText::csvOfAnEmptyTableIsTheHeader()
{
    QCOMPARE(core::tableToCsv({u"a"_s, u"b"_s}, {}), u"a,b\n"_s);
}

void TestTableText::tabSeparatedFlattensCells()
{
    QCOMPARE(
        core::tableToTabSeparated({{u"1"_s, u"a\tb"_s, u"c\nd"_s}, {u"2"_s, QString(), u"e"_s}}),
        u"1\ta b\tc d\n2\t\te"_s);
    QCOMPARE(core::tableToTabSeparated({}), QString());
}

void TestTableText::savesAndReportsFailures()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"out.csv"_s);
    QString reason;
    QVERIFY2(core::saveTextFile(path, u"a,b\nü,✓\n"_s, &reason), qPrintable(reason));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), u"a,b\nü,✓\n"_s);
    QVERIFY(!core::saveTextFile(dir.filePath(u"no/such/dir/out.csv"_s), u"x"_s, &reason));
    QVERIFY(!reason.isEmpty());
}

QTEST_GUILESS_MAIN(TestTableText)
#include "TestTableText.moc"
