// SPDX-License-Identifier: MIT
// The item models behind the Completion and Chat tabs, checked by QAbstractItemModelTester while
// they are filled, reset and edited: the completion prompt's images and the conversation list.
#include "core/storage/ConversationStore.h"
#include "ui/chat/ConversationListModel.h"
#include "ui/completion/ImageListModel.h"

#include <QAbstractItemModelTester>
#include <QPixmap>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestChatModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void imageListModelFillsResetsAndEdits();
    void conversationListModelFillsResetsAndEdits();
};

void TestChatModels::imageListModelFillsResetsAndEdits()
{
    ui::ImageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.isEmpty());
    QPixmap thumb(8, 8);
    thumb.fill(Qt::red);
    const core::PromptItem first = core::PromptItem::fromText(u"stand-in for image one"_s);
    const core::PromptItem second = core::PromptItem::fromText(u"stand-in for image two"_s);
    model.append(first, QIcon(thumb), u"a.png"_s, u"/tmp/a.png"_s);
    model.append(second, QIcon(thumb), u"image 2"_s);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data().toString(), u"a.png"_s);
    QCOMPARE(model.index(0, 0).data(Qt::ToolTipRole).toString(), u"/tmp/a.png"_s);
    QVERIFY(!model.index(1, 0).data(Qt::ToolTipRole).isValid());
    QVERIFY(model.index(0, 0).data(Qt::DecorationRole).canConvert<QIcon>());
    QCOMPARE(model.items().size(), 2);
    QCOMPARE(model.items().at(1).text, second.text);

    QVERIFY(model.setData(model.index(1, 0), u"renamed"_s));
    QCOMPARE(model.index(1, 0).data().toString(), u"renamed"_s);
    QVERIFY(!model.setData(model.index(1, 0), u"x"_s, Qt::DecorationRole));
    QVERIFY(!(model.flags(model.index(0, 0)) & Qt::ItemIsEditable)); // no editor, as before

    model.removeAt(0);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.items().first().text, second.text);
    model.removeAt(5); // out of range: nothing happens
    QCOMPARE(model.rowCount(), 1);

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.clear();
    QCOMPARE(reset.size(), 1);
    QVERIFY(model.isEmpty());
    model.append(first, QIcon(), u"again"_s);
    QCOMPARE(model.rowCount(), 1);
}

void TestChatModels::conversationListModelFillsResetsAndEdits()
{
    QTemporaryDir dir;
    core::Database db(dir.filePath(u"models.sqlite"_s));
    QString error;
    QVERIFY2(db.open(&error), qPrintable(error));
    core::ConversationStore store(&db);

    ui::ConversationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    const qint64 apples = store.create(u"Apples"_s, {{u"system"_s, u"Be brief."_s}});
    model.setStore(&store);
    QCOMPARE(model.rowCount(), 1);
    const qint64 pears
        = store.create(u"Pears"_s, {{u"system"_s, u"Be kind."_s}}); // changed() reloads
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.idAt(model.rowOf(pears)), pears);
    QCOMPARE(model.index(model.rowOf(apples), 0).data().toString(), u"Apples"_s);

    QVERIFY(model.setData(model.index(model.rowOf(apples), 0), u"Green apples"_s));
    QCOMPARE(model.index(model.rowOf(apples), 0).data().toString(), u"Green apples"_s);
    QCOMPARE(store.conversation(apples)->title, u"Green apples"_s);

    model.setFilter(u"kind"_s);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.idAt(0), pears);
    model.setFilter(QString());
    QCOMPARE(model.rowCount(), 2);

    QVERIFY(store.remove(pears));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowOf(pears), -1);
    QVERIFY(store.restore(pears));
    QCOMPARE(model.rowCount(), 2);

    model.setStore(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestChatModels)
#include "TestChatModels.moc"
