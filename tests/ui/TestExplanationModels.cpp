// SPDX-License-Identifier: MIT
// The Explanation tab's item models under QAbstractItemModelTester while they are filled, reset
// and edited: PromptItemListModel (the prompt's items) and SpanTableModel (the span table).
#include "ui/explanation/PromptItemListModel.h"
#include "ui/explanation/SpanTableModel.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QIcon>
#include <QImage>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using core::analysis::ScoredSpan;
using Entry = ui::PromptItemListModel::Entry;

namespace {

core::PromptItem pngItem(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::red);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return core::PromptItem::fromImageBytes(bytes);
}

Entry editorEntry()
{
    return Entry{true, core::PromptItem::fromText(QString()), QString(), QIcon(), QSize()};
}

QString text(const QAbstractItemModel &model, int row)
{
    return model.index(row, 0).data().toString();
}

} // namespace

class TestExplanationModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void promptItemsFilledResetAndEdited()
    {
        ui::PromptItemListModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.editorRow(), -1);

        // Filled: the editor alone, then an image before it and token ids after it.
        model.setEntries({editorEntry()});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.editorRow(), 0);
        QCOMPARE(text(model, 0), u"Text (the editor below, empty)"_s);
        model.insertEntry(0, Entry{false, pngItem(64, 48), u"cat.png"_s, QIcon(), QSize()});
        model.insertEntry(2,
            Entry{
                false, core::PromptItem::fromTokenIds({1, 22, 333}), QString(), QIcon(), QSize()});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.editorRow(), 1);
        QCOMPARE(text(model, 0), u"Image cat.png · 64×48"_s);
        QVERIFY(!model.index(0, 0).data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(model.entries().at(0).imageSize, QSize(64, 48));
        QVERIFY(!model.index(1, 0).data(Qt::DecorationRole).isValid());
        QCOMPARE(text(model, 2), u"Token ids: 1 22 333"_s);

        // Edited: the editor's text, a crop, moves both ways, a removal.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setEditorText(u"Hello\nthere"_s);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
        QCOMPARE(text(model, 1), u"Text: “Hello there”"_s);
        core::PromptItem cropped = model.entries().at(0).item;
        cropped.x = 4;
        cropped.y = 2;
        cropped.size = 16;
        model.setItem(0, cropped);
        QCOMPARE(text(model, 0), u"Image cat.png · 64×48 · crop 16×16 at (4, 2)"_s);
        QVERIFY(model.moveEntry(0, 1));
        QCOMPARE(model.editorRow(), 0);
        QVERIFY(text(model, 1).startsWith(u"Image cat.png"_s));
        QVERIFY(model.moveEntry(2, 1));
        QCOMPARE(text(model, 1), u"Token ids: 1 22 333"_s);
        QVERIFY(model.moveEntry(0, 2));
        QCOMPARE(model.editorRow(), 2);
        QVERIFY(!model.moveEntry(0, 3));
        QVERIFY(!model.moveEntry(-1, 0));
        model.removeEntry(0);
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(text(model, 0).startsWith(u"Image cat.png"_s));
        model.removeEntry(5); // out of range: nothing
        QCOMPARE(model.rowCount(), 2);

        // Reset: a fixed text item and a new editor.
        model.setEntries(
            {Entry{
                 false, core::PromptItem::fromText(u"fixed words"_s), QString(), QIcon(), QSize()},
                editorEntry()});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(text(model, 0), u"Text (fixed): “fixed words”"_s);
        QCOMPARE(text(model, 1), u"Text: “Hello there”"_s);
        model.setEntries({});
        QCOMPARE(model.rowCount(), 0);
    }

    void spanTableFilledResetAndEdited()
    {
        ui::SpanTableModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<ScoredSpan> spans;
        for (int i = 0; i < 4; ++i) {
            ScoredSpan s;
            s.kind = ScoredSpan::Kind::Text;
            s.item = 0;
            s.start = i * 3;
            s.length = 3;
            s.first = s.start;
            s.last = s.start + 3;
            s.text = u"w%1"_s.arg(i);
            s.score = 0.1 * (i - 1);
            spans.append(s);
        }
        model.setSpans(spans, {false, true});
        QCOMPARE(model.rowCount(), 4);
        QVERIFY(model.index(1, 0).data(ui::SpanTableModel::TemplateRole).toBool());
        QVERIFY(!model.index(2, 0).data(ui::SpanTableModel::TemplateRole).toBool());
        model.setScale(ui::ScoreScale(0.5));
        model.setMarked({0, 2});
        QCOMPARE(model.index(2, ui::SpanTableModel::Marked)
                     .data(Qt::CheckStateRole)
                     .value<Qt::CheckState>(),
            Qt::Checked);
        QSignalSpy toggled(&model, &ui::SpanTableModel::markToggled);
        QVERIFY(model.setData(
            model.index(3, ui::SpanTableModel::Marked), int(Qt::Checked), Qt::CheckStateRole));
        QCOMPARE(toggled.size(), 1);
        model.setSpans(spans.mid(0, 2));
        QCOMPARE(model.rowCount(), 2);
        model.setSpans({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestExplanationModels)
#include "TestExplanationModels.moc"
