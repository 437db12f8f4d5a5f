// SPDX-License-Identifier: MIT
// The Embeddings tab's side-table model under QAbstractItemModelTester while it is filled,
// refilled with other rows and cleared: its roles (text, data row, tool tip, label colour) and
// headers.
#include "ui/common/Palette.h"
#include "ui/embeddings/EmbeddingRowModel.h"
#include "ui/embeddings/MapView.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestEmbeddingRowModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fillRefillClear();
};

void TestEmbeddingRowModel::fillRefillClear()
{
    ui::EmbeddingRowModel model({u"#"_s, u"score"_s, u"text"_s});
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.headerData(1, Qt::Horizontal, Qt::DisplayRole).toString(), u"score"_s);
    QVERIFY(!model.headerData(0, Qt::Vertical, Qt::DisplayRole).isValid());

    // Filled: search hits with label colours.
    // The texts are the set's list, shared: the rows hold data rows only.
    QStringList texts;
    for (int r = 0; r < 50; ++r)
        texts.append(u"text %1"_s.arg(r));
    texts[7] = u"Astronauts on the station"_s;
    texts[3] = u"Rockets"_s;
    texts[9] = QString(300, u'x');
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setTexts(texts);
    QCOMPARE(model.rowCount(), 0);
    model.setRows(
        {{7, u"1"_s, u"0.912"_s, true, true, 1}, {3, u"2"_s, u"0.804"_s, true, true, -1}});
    QCOMPARE(reset.count(), 2);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data().toString(), u"1"_s);
    QCOMPARE(model.index(0, 1).data().toString(), u"0.912"_s);
    QCOMPARE(model.index(0, 2).data().toString(), u"Astronauts on the station"_s);
    QCOMPARE(model.index(1, 0).data(Qt::UserRole).toInt(), 3);
    QCOMPARE(model.index(0, 2).data(Qt::ToolTipRole).toString(), u"#8 Astronauts on the station"_s);
    QVERIFY(!model.index(0, 1).data(Qt::ToolTipRole).isValid());
    QCOMPARE(model.index(0, 0).data(Qt::ForegroundRole).value<QBrush>().color(),
        ui::Palette::current().labelTextColor(1));
    QCOMPARE(model.index(1, 0).data(Qt::ForegroundRole).value<QBrush>().color(),
        ui::Palette::current().labelTextColor(-1));
    QVERIFY(!model.index(0, 2).data(Qt::ForegroundRole).isValid());

    // Refilled with more rows and no colours (a selection).
    QList<ui::EmbeddingRowModel::Row> rows;
    for (int r = 0; r < 50; ++r)
        rows.append({r, QString::number(r + 1), u"label"_s});
    model.setRows(rows);
    QCOMPARE(model.rowCount(), 50);
    QCOMPARE(model.index(49, 0).data(Qt::UserRole).toInt(), 49);
    QCOMPARE(model.index(49, 2).data().toString(), u"text 49"_s);
    QCOMPARE(model.index(49, 2).data(Qt::ToolTipRole).toString(), u"text 49"_s);
    QVERIFY(!model.index(0, 0).data(Qt::ForegroundRole).isValid());
    // A long text is elided in the cell, whole in the tool tip.
    QCOMPARE(model.index(9, 2).data().toString().size(), 200);
    QCOMPARE(model.index(9, 2).data(Qt::ToolTipRole).toString(), texts.at(9));

    // Edited: one row fewer, then cleared.
    rows.removeLast();
    model.setRows(rows);
    QCOMPARE(model.rowCount(), 49);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(reset.count(), 5);
    // Other texts (a new set) drop the rows that indexed the old ones.
    model.setRows(rows);
    model.setTexts({u"only"_s});
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestEmbeddingRowModel)
#include "TestEmbeddingRowModel.moc"
