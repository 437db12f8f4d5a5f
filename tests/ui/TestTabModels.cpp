// SPDX-License-Identifier: MIT
// The item models of the Translation and Steering tabs under QAbstractItemModelTester while they
// are filled, reset and edited: segments (lines mode included), example pairs (append, edit,
// swap, remove, problems) and the library (growing, shrinking, renaming, another server's entry).
#include "ui/common/Palette.h"
#include "ui/steering/PairTableModel.h"
#include "ui/steering/SteeringLibraryModel.h"
#include "ui/translation/SegmentTableModel.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

core::SteeringConceptEntry entry(qint64 rowId, const QString &name, const QString &host)
{
    core::SteeringConceptEntry e;
    e.rowId = rowId;
    e.name = name;
    e.conceptId = u"sandbox-concept-0123456789abcdef"_s;
    e.host = host;
    e.profile = u"Offline sandbox"_s;
    e.createdAt = QDateTime(QDate(2024, 5, 1), QTime(12, 30), Qt::UTC);
    return e;
}

} // namespace

class TestTabModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void segments();
    void pairs();
    void library();
};

void TestTabModels::segments()
{
    ui::SegmentTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 4);
    model.setRows({{u"Hello world."_s, u"Hallo Welt."_s, 0.9, false},
        {u"The cat."_s, u"Die Katze."_s, 0.4, false}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(
        model.rowTexts(0), (QStringList{u"1"_s, u"Hello world."_s, u"Hallo Welt."_s, u"0.900"_s}));
    QCOMPARE(model.headerTexts(),
        (QStringList{u"segment"_s, u"source"_s, u"translation"_s, u"score"_s}));
    const QColor good = model.index(0, 3).data(Qt::BackgroundRole).value<QBrush>().color();
    QCOMPARE(good, ui::SegmentTableModel::scoreColor(0.9));
    QCOMPARE(model.index(1, 3).data(Qt::BackgroundRole).value<QBrush>().color(),
        ui::SegmentTableModel::scoreColor(0.4));
    QVERIFY(!model.index(0, 2).data(Qt::BackgroundRole).isValid());

    // Lines mode: waiting rows, then one translated, one failed.
    model.setLinesMode(true);
    QCOMPARE(model.headerData(0, Qt::Horizontal, Qt::DisplayRole).toString(), u"line"_s);
    model.setRows(
        {{u"a"_s, u"waiting"_s, std::nullopt, false}, {u"b"_s, u"waiting"_s, std::nullopt, false}});
    QCOMPARE(model.index(0, 3).data().toString(), QString());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setTranslation(0, u"[fr] a"_s);
    model.setScore(0, 0.75);
    model.setTranslation(1, u"failed: 500"_s, true);
    QCOMPARE(changed.size(), 3);
    QCOMPARE(model.index(0, 3).data().toString(), u"0.750"_s);
    QCOMPARE(model.index(1, 2).data(Qt::ForegroundRole).value<QBrush>().color(),
        ui::Palette::current().error);
    model.setTranslation(5, u"out of range"_s); // ignored
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestTabModels::pairs()
{
    ui::PairTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy edited(&model, &ui::PairTableModel::edited);
    model.setPairs({{u"bad"_s, u"good"_s, {}}, {u"no"_s, u"yes"_s, {}}});
    QCOMPARE(model.rowCount(), 2);
    model.appendPair(QString(), QString());
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(model.flags(model.index(2, 0)).testFlag(Qt::ItemIsEditable));
    QVERIFY(model.setData(model.index(2, 0), u"weak"_s));
    QVERIFY(model.setData(model.index(2, 1), u"strong"_s));
    QVERIFY(model.setData(model.index(2, 1), u"strong"_s)); // unchanged: no edit
    QCOMPARE(edited.size(), 2);
    QCOMPARE(model.pairs().at(2).negative, u"weak"_s);
    QCOMPARE(model.pairs().at(2).positive, u"strong"_s);
    QCOMPARE(edited.size(), 2);

    model.setProblems({{1, u"pair 2 is odd"_s}});
    QCOMPARE(model.index(1, 1).data(Qt::ToolTipRole).toString(), u"pair 2 is odd"_s);
    QVERIFY(model.index(1, 0).data(Qt::BackgroundRole).value<QBrush>().color()
        != model.index(0, 0).data(Qt::BackgroundRole).value<QBrush>().color());
    QCOMPARE(model.index(0, 0).data(Qt::ToolTipRole).toString(), QString());

    model.swapRows(0, 2);
    QCOMPARE(model.pairs().at(0).negative, u"weak"_s);
    QCOMPARE(model.pairs().at(2).negative, u"bad"_s);
    QVERIFY(model.removeRows(1, 1));
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(!model.removeRows(2, 1));
    QCOMPARE(model.headerData(0, Qt::Horizontal, Qt::DisplayRole).toString(),
        u"negative (steer away)"_s);
    model.setPairs({});
    QCOMPARE(model.rowCount(), 0);
}

void TestTabModels::library()
{
    ui::SteeringLibraryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString here = u"aleph-sandbox:offline"_s;
    model.setEntries({entry(1, u"Food"_s, here)}, here);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), u"Food"_s);
    QCOMPARE(model.index(0, 1).data().toString(), u"…6789abcdef"_s);
    QCOMPARE(
        model.index(0, 1).data(Qt::ToolTipRole).toString(), u"sandbox-concept-0123456789abcdef"_s);
    QCOMPARE(model.index(0, 2).data(Qt::ToolTipRole).toString(), here);
    QVERIFY(!model.index(0, 2).data(Qt::ForegroundRole).isValid());

    // Growing, with an entry made on another server.
    model.setEntries({entry(1, u"Food"_s, here),
                         entry(2, u"Calm"_s, u"api.example:443"_s),
                         entry(3, u"Bold"_s, here)},
        here);
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(model.index(1, 2).data(Qt::ToolTipRole).toString().contains(u"Re-create it here"_s));
    QVERIFY(model.index(1, 2).data(Qt::ForegroundRole).isValid());

    // Renaming asks; only the name is editable.
    QSignalSpy rename(&model, &ui::SteeringLibraryModel::renameRequested);
    QVERIFY(model.flags(model.index(0, 0)).testFlag(Qt::ItemIsEditable));
    QVERIFY(!model.flags(model.index(0, 1)).testFlag(Qt::ItemIsEditable));
    QVERIFY(model.setData(model.index(2, 0), u"Brave"_s));
    QVERIFY(model.setData(model.index(2, 0), u"Bold"_s)); // unchanged
    QVERIFY(!model.setData(model.index(2, 1), u"x"_s));
    QCOMPARE(rename.size(), 1);
    QCOMPARE(rename.at(0).at(0).toInt(), 2);
    QCOMPARE(rename.at(0).at(1).toString(), u"Brave"_s);

    // Shrinking and emptying.
    model.setEntries({entry(3, u"Brave"_s, here)}, here);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), u"Brave"_s);
    model.setEntries({}, here);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestTabModels)
#include "TestTabModels.moc"
