// SPDX-License-Identifier: MIT
// The Embeddings tab driven with QTest on the offscreen platform against the sandbox over
// loopback: a sample set embedded (Ctrl+Enter) into a map with a legend, the cache making the
// second run send nothing, search hits ringed on the map, neighbours of a clicked point, a
// rubber-band selection listed in the side table, the matrix, CSV import errors that lose
// nothing, and the exports read back.
#include "core/net/ApiClient.h"
#include "core/storage/Database.h"
#include "core/storage/EmbeddingCache.h"
#include "core/storage/HistoryStore.h"
#include "core/storage/RunRecorder.h"
#include "core/util/Csv.h"
#include "core/util/TextFile.h"
#include "tests/support/SandboxClient.h"
#include "ui/embeddings/EmbeddingsTab.h"
#include "ui/embeddings/MapView.h"
#include "ui/embeddings/MatrixView.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;

class TestEmbeddings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void csvReader_data();
    void csvReader();
    void importErrorsLoseNothing();
    void textFileCheck_data();
    void textFileCheck();
    void binaryFileIsRefusedAndReplacingIsUndoable();
    void csvColumnChoice_data();
    void csvColumnChoice();
    void embedMapSearchNeighboursSelection();
    void umapAndClusterOrder();
    void tsneIsOffered();
    void exportsReadBack();
    void gradientNeedsItsSettings();
    void lastMapComesBackFromTheCacheAlone();
    void runsAreRecordedAndRestored();
    void draftsSurviveTheDraftStore();
    void largeTextsAreReadOffTheGuiThread();

private:
    bool embedAndWait();
    std::unique_ptr<testsupport::SandboxClient> m_sandbox;
    std::unique_ptr<core::Database> m_db;
    std::unique_ptr<core::EmbeddingCache> m_cache;
    std::unique_ptr<ui::EmbeddingsTab> m_tab;
    QTemporaryDir m_dir;
};

void TestEmbeddings::init()
{
    m_sandbox = std::make_unique<testsupport::SandboxClient>();
    QString error;
    QVERIFY2(m_sandbox->start(&error), qPrintable(error));
    m_db = std::make_unique<core::Database>(m_dir.filePath(u"cache-%1.sqlite"_s.arg(
        QTest::currentDataTag() ? QString::fromLatin1(QTest::currentDataTag())
                                : QString::fromLatin1(QTest::currentTestFunction()))));
    QVERIFY2(m_db->open(&error), qPrintable(error));
    m_cache = std::make_unique<core::EmbeddingCache>(m_db.get());
    m_tab = std::make_unique<ui::EmbeddingsTab>(m_sandbox->client.get());
    m_tab->setCache(m_cache.get());
    m_tab->resize(1180, 700);
    m_tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_tab.get()));
    m_tab->setModel(u"sandbox-luminous-base"_s);
}

void TestEmbeddings::cleanup()
{
    if (qEnvironmentVariableIsSet("ALEPH_SCREENSHOT_DIR") && m_tab)
        m_tab->grab().save(qEnvironmentVariable("ALEPH_SCREENSHOT_DIR") + u"/embeddings-"_s
            + QString::fromLatin1(QTest::currentTestFunction()) + u".png"_s);
    m_tab.reset();
    m_cache.reset();
    m_db.reset();
    m_sandbox.reset();
}

bool TestEmbeddings::embedAndWait()
{
    QSignalSpy finished(m_tab.get(), &ui::EmbeddingsTab::runFinished);
    QSignalSpy mapped(m_tab.get(), &ui::EmbeddingsTab::mapReady);
    QTest::keyClick(
        m_tab->findChild<QPlainTextEdit *>(u"texts"_s), Qt::Key_Return, Qt::ControlModifier);
    if (!finished.wait(30000))
        return false;
    if (m_tab->set().rows() == 0)
        return true; // failed: the caller checks the status
    return mapped.count() > 0 || mapped.wait(30000);
}

void TestEmbeddings::csvReader_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QString>("error");
    QTest::newRow("plain") << u"a,b\n1,2\n3,4\n"_s << 2 << QString();
    QTest::newRow("quoted separators, quotes, line breaks and CRLF")
        << u"text,label\r\n\"one, two\",x\r\n\"say \"\"hi\"\"\",y\r\n\"two\nlines\",z\r\n"_s << 3
        << QString();
    QTest::newRow("BOM and blank lines") << u"\uFEFFa,b\n\n1,2\n\n"_s << 1 << QString();
    QTest::newRow("ragged row") << u"a,b\n1,2\n3\n4,5\n"_s << 0
                                << u"line 3: 1 fields, the header has 2"_s;
    QTest::newRow("unclosed quote")
        << u"a,b\n\"1,2\n"_s << 0 << u"line 2: a quoted field is never closed"_s;
    QTest::newRow("stray quote") << u"a,b\n1x\"y,2\n"_s << 0
                                 << u"line 2: a quote inside an unquoted field"_s;
    QTest::newRow("empty") << QString() << 0 << u"the file holds no rows"_s;
}

void TestEmbeddings::csvReader()
{
    QFETCH(QString, text);
    QFETCH(int, rows);
    QFETCH(QString, error);
    QString message;
    const std::optional<core::CsvTable> table = core::readCsv(text, &message);
    if (!error.isEmpty()) {
        QVERIFY(!table);
        QVERIFY2(message.startsWith(error), qPrintable(message));
        return;
    }
    QVERIFY2(table, qPrintable(message));
    QCOMPARE(table->rows.size(), rows);
    if (QByteArray(QTest::currentDataTag()).startsWith("quoted")) {
        QCOMPARE(table->rows.at(0).at(0), u"one, two"_s);
        QCOMPARE(table->rows.at(1).at(0), u"say \"hi\""_s);
        QCOMPARE(table->rows.at(2).at(0), u"two\nlines"_s);
        QCOMPARE(table->column(u"LABEL"_s), 1);
        // csvField writes what readCsv reads.
        const QString line = core::csvField(u"a \"b\", c"_s) + u",x\n"_s;
        QCOMPARE(core::readCsv(u"t,l\n"_s + line, &message)->rows.at(0).at(0), u"a \"b\", c"_s);
    }
    QCOMPARE(core::guessCsvSeparator(u"a;b;c\n1;2;3"_s), QChar(u';'));
    QCOMPARE(core::guessCsvSeparator(u"a\tb\n"_s), QChar(u'\t'));
}

void TestEmbeddings::importErrorsLoseNothing()
{
    auto *editor = m_tab->findChild<QPlainTextEdit *>(u"texts"_s);
    editor->setPlainText(u"kept\tmy own text"_s);
    const QString path = m_dir.filePath(u"bad.csv"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("label,text\nx,one\ny,two,three\n");
    file.close();
    QString error;
    QVERIFY(!m_tab->importFile(path, u"text"_s, u"label"_s, &error));
    QVERIFY2(error.contains(u"line 3: 3 fields, the header has 2"_s)
            && error.contains(u"Nothing was imported"_s),
        qPrintable(error));
    QCOMPARE(editor->toPlainText(), u"kept\tmy own text"_s);

    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("label,text\nx,one\ny,two\n");
    file.close();
    QVERIFY(!m_tab->importFile(path, u"body"_s, u"label"_s, &error));
    QVERIFY2(error.contains(u"no column \"body\""_s) && error.contains(u"label, text"_s),
        qPrintable(error));
    QVERIFY(!m_tab->importFile(path, u"text"_s, u"colour"_s, &error));
    QVERIFY(error.contains(u"no column \"colour\""_s));
    QCOMPARE(editor->toPlainText(), u"kept\tmy own text"_s);

    // A good file replaces the editor's texts, labels first.
    QVERIFY2(m_tab->importFile(path, u"text"_s, u"label"_s, &error), qPrintable(error));
    QStringList texts, labels;
    m_tab->parseInput(&texts, &labels);
    QCOMPARE(texts, (QStringList{u"one"_s, u"two"_s}));
    QCOMPARE(labels, (QStringList{u"x"_s, u"y"_s}));
    // TXT: one text per line, blank lines skipped.
    const QString txt = m_dir.filePath(u"lines.txt"_s);
    QFile t(txt);
    QVERIFY(t.open(QIODevice::WriteOnly));
    t.write("first\n\n  second  \n");
    t.close();
    QVERIFY(m_tab->importFile(txt, {}, {}, &error));
    m_tab->parseInput(&texts, &labels);
    QCOMPARE(texts, (QStringList{u"first"_s, u"second"_s}));
    // Embedding nothing is refused with a message.
    editor->clear();
    m_tab->embed();
    QVERIFY(m_tab->statusText().contains(u"no texts"_s));
}

void TestEmbeddings::textFileCheck_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text"); // null: refused
    QTest::addColumn<QString>("reason");
    QTest::newRow("ascii") << QByteArray("a\nb\n") << u"a\nb\n"_s << QString();
    QTest::newRow("utf-8 with a BOM")
        << QByteArray("\xEF\xBB\xBFk\xC3\xA4se \xE2\x9C\x93") << u"käse ✓"_s << QString();
    QTest::newRow("empty") << QByteArray() << u""_s << QString();
    QTest::newRow("NUL byte") << QByteArray("abc\0def", 7) << QString() << u"NUL bytes"_s;
    QTest::newRow("UTF-16") << QByteArray("\xFF\xFEh\0i\0", 6) << QString() << u"NUL bytes"_s;
    QTest::newRow("Latin-1") << QByteArray("K\xE4se") << QString() << u"not valid UTF-8"_s;
    QTest::newRow("cut-off sequence")
        << QByteArray("ok \xE2\x9C") << QString() << u"not valid UTF-8"_s;
}

void TestEmbeddings::textFileCheck()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    QFETCH(QString, reason);
    const QString path = m_dir.filePath(
        u"check-%1.txt"_s.arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-')));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();
    QString read = u"untouched"_s;
    QString error;
    const bool ok = core::readTextFile(path, &read, &error);
    if (text.isNull()) {
        QVERIFY(!ok);
        QCOMPARE(read, u"untouched"_s);
        QVERIFY2(error.startsWith(QFileInfo(path).fileName() + u" is not a text file ("_s)
                && error.contains(reason),
            qPrintable(error));
    } else {
        QVERIFY2(ok, qPrintable(error));
        QCOMPARE(read, text);
    }
    QVERIFY(!core::readTextFile(m_dir.filePath(u"missing.txt"_s), &read, &error));
    QVERIFY2(
        error.startsWith(u"Cannot open "_s) && error.contains(u"missing.txt"_s), qPrintable(error));
}

void TestEmbeddings::binaryFileIsRefusedAndReplacingIsUndoable()
{
    auto *editor = m_tab->findChild<QPlainTextEdit *>(u"texts"_s);
    editor->setPlainText(u"kept\tmy own text"_s);
    QVERIFY(m_tab->loadSample(u"topics"_s)); // replaces the typed text, undoably
    const QString topics = editor->toPlainText();
    QStringList texts, labels;
    m_tab->parseInput(&texts, &labels);
    QCOMPARE(texts.size(), 48);

    // A PNG, opened as texts: refused with a message naming it, the 48 texts stay.
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    const QString png = m_dir.filePath(u"picture.png"_s);
    QVERIFY(image.save(png, "PNG"));
    QString error;
    QVERIFY(!m_tab->importFile(png, {}, {}, &error));
    QVERIFY2(error.startsWith(u"picture.png is not a text file"_s)
            && error.endsWith(u"; nothing was imported."_s),
        qPrintable(error));
    QCOMPARE(editor->toPlainText(), topics);
    // Renamed to .csv it is refused the same way, before any CSV parsing.
    const QString csv = m_dir.filePath(u"picture.csv"_s);
    QVERIFY(QFile::copy(png, csv));
    QVERIFY(!m_tab->importFile(csv, u"text"_s, {}, &error));
    QVERIFY2(error.startsWith(u"picture.csv is not a text file"_s), qPrintable(error));
    QCOMPARE(editor->toPlainText(), topics);

    // A good TXT replaces the texts; Ctrl+Z in the editor brings them back, and once more the
    // text typed before the sample set.
    const QString txt = m_dir.filePath(u"three.txt"_s);
    QFile t(txt);
    QVERIFY(t.open(QIODevice::WriteOnly));
    t.write("one\ntwo\nthree\n");
    t.close();
    QVERIFY2(m_tab->importFile(txt, {}, {}, &error), qPrintable(error));
    m_tab->parseInput(&texts, &labels);
    QCOMPARE(texts, (QStringList{u"one"_s, u"two"_s, u"three"_s}));
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(editor->toPlainText(), topics);
    m_tab->parseInput(&texts, &labels);
    QCOMPARE(texts.size(), 48);
    QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(editor->toPlainText(), u"kept\tmy own text"_s);
}

void TestEmbeddings::csvColumnChoice_data()
{
    QTest::addColumn<QString>("csv");
    QTest::addColumn<int>("text");
    QTest::addColumn<int>("label");
    QTest::newRow("label,text") << u"label,text\nsport,A long text about football.\n"_s << 1 << 0;
    QTest::newRow("text,label") << u"text,label\nA long text about football.,sport\n"_s << 0 << 1;
    QTest::newRow("case and spaces") << u"id, Category ,TEXT\n1,a,b\n"_s << 2 << 1;
    QTest::newRow("sentence and topic")
        << u"topic,sentence,n\nx,short,12345678901234567890\n"_s << 1 << 0;
    QTest::newRow("longest cell, no label")
        << u"id,review,stars\n1,Great pizza and a friendly waiter.,5\n2,Cold soup.,2\n"_s << 1
        << -1;
    QTest::newRow("support tickets")
        << u"category,ticket\nbilling,I was charged twice this month.\n"_s << 1 << 0;
    QTest::newRow("one column: the texts, no labels") << u"label\nx\n"_s << 0 << -1;
}

void TestEmbeddings::csvColumnChoice()
{
    QFETCH(QString, csv);
    QFETCH(int, text);
    QFETCH(int, label);
    QString error;
    const std::optional<core::CsvTable> table = core::readCsv(csv, &error);
    QVERIFY2(table, qPrintable(error));
    const core::CsvColumnGuess guess = core::guessCsvColumns(*table);
    QCOMPARE(guess.text, text);
    QCOMPARE(guess.label, label);
}

void TestEmbeddings::embedMapSearchNeighboursSelection()
{
    QVERIFY(m_tab->loadSample(u"topics"_s));
    QStringList texts, labels;
    m_tab->parseInput(&texts, &labels);
    QCOMPARE(texts.size(), 48);
    QVERIFY(embedAndWait());
    QVERIFY2(m_tab->set().rows() == 48, qPrintable(m_tab->statusText()));
    QCOMPARE(m_tab->set().dims, 5120);
    QCOMPARE(m_tab->set().labelNames,
        (QStringList{u"cooking"_s, u"space"_s, u"football"_s, u"finance"_s}));
    QCOMPARE(m_tab->lastSent(), 48);
    QCOMPARE(m_tab->lastCached(), 0);
    ui::MapView *map = m_tab->map();
    QCOMPARE(map->pointCount(), 48);

    // The map draws the label colours: pixels of the "cooking" colour blended at 80 % over white
    // (discs and the legend's dot).
    const QImage shot = map->grab().toImage();
    int coloured = 0;
    const QColor cooking = ui::labelColor(0);
    for (int y = 0; y < shot.height(); ++y)
        for (int x = 0; x < shot.width(); ++x) {
            const QColor c = shot.pixelColor(x, y);
            if (std::abs(c.red() - (cooking.red() * 204 / 255 + 51)) <= 3
                && std::abs(c.blue() - (cooking.blue() * 204 / 255 + 51)) <= 3
                && std::abs(c.green() - (cooking.green() * 204 / 255 + 51)) <= 3)
                ++coloured;
        }
    QVERIFY2(coloured > 40, qPrintable(QString::number(coloured)));

    // Another sample in the list: the map still shows the first set, and says so until Embed.
    auto *staleNote = m_tab->findChild<QLabel *>(u"staleNote"_s);
    QVERIFY(staleNote);
    QVERIFY(staleNote->isHidden());
    QVERIFY(m_tab->loadSample(u"support-tickets"_s));
    QVERIFY(!staleNote->isHidden());
    QCOMPARE(map->pointCount(), 48);
    QVERIFY(m_tab->loadSample(u"topics"_s));

    // Run again: every vector from the cache, nothing sent; the note goes.
    QVERIFY(embedAndWait());
    QCOMPARE(m_tab->lastCached(), 48);
    QVERIFY(staleNote->isHidden());
    QCOMPARE(m_tab->lastSent(), 0);
    QVERIFY(m_tab->statusText().contains(u"48 from the cache"_s));

    // Search: "space station astronauts" ranks a space text first; the hits are ringed.
    QSignalSpy searched(m_tab.get(), &ui::EmbeddingsTab::searchFinished);
    m_tab->search(u"astronauts on the space station"_s);
    QVERIFY(searched.wait(10000));
    const QAbstractItemModel *results = m_tab->searchResults()->model();
    QCOMPARE(results->rowCount(), 20);
    const int top = results->index(0, 0).data(Qt::UserRole).toInt();
    QCOMPARE(m_tab->set().labels.at(top), u"space"_s);
    QCOMPARE(map->highlights().first(), top);
    QVERIFY(results->index(0, 1).data().toString().toDouble()
        >= results->index(1, 1).data().toString().toDouble());

    // Neighbours: clicking a point lists its ten nearest texts, most similar first, and joins
    // them to it on the map.
    const QPoint click = map->toWidget(map->point(5)).toPoint();
    const int row = map->pointAt(click);
    QVERIFY(row >= 0);
    QTest::mouseClick(map, Qt::LeftButton, {}, click);
    QCOMPARE(map->current(), row);
    // Found off the GUI thread: listed when the answer arrives.
    const QAbstractItemModel *neighbours = m_tab->neighbourList()->model();
    QTRY_COMPARE(neighbours->rowCount(), 10);
    for (int k = 1; k < 10; ++k)
        QVERIFY(neighbours->index(k - 1, 1).data().toString().toDouble()
            >= neighbours->index(k, 1).data().toString().toDouble());
    QVERIFY(neighbours->index(0, 0).data(Qt::UserRole).toInt() != row);

    // Shift+drag over the whole plot selects every point; the side table lists them; Esc clears.
    QTest::mousePress(map, Qt::LeftButton, Qt::ShiftModifier, QPoint(2, 2));
    QTest::mouseMove(map, QPoint(map->width() - 2, map->height() - 2));
    QTest::mouseRelease(
        map, Qt::LeftButton, Qt::ShiftModifier, QPoint(map->width() - 2, map->height() - 2));
    QCOMPARE(map->selection().size(), 48);
    QCOMPARE(m_tab->selectionList()->model()->rowCount(), 48);
    QTest::keyClick(map, Qt::Key_Escape);
    QCOMPARE(m_tab->selectionList()->model()->rowCount(), 0);

    // Zoom keeps the point under the cursor in place; 0 fits again.
    map->fit();
    const double scale = map->scale();
    const QPointF anchor(100, 120);
    const QPointF before = map->toData(anchor);
    map->zoomAt(anchor, 2.0);
    QCOMPARE(map->scale(), scale * 2);
    QVERIFY(
        QLineF(map->toData(anchor), before).length() < 1e-9 * std::max(1.0, std::abs(before.x())));
    QTest::keyClick(map, Qt::Key_0);
    QCOMPARE(map->scale(), scale);
}

void TestEmbeddings::lastMapComesBackFromTheCacheAlone()
{
    // After a restart the map is made again from the vector cache, sending nothing; when a text
    // is missing from the cache nothing is sent either, and the tab says what to do.
    QVERIFY(m_tab->loadSample(u"topics"_s));
    QVERIFY(embedAndWait());
    QCOMPARE(m_tab->lastSent(), 48);
    const QVariantMap draft = m_tab->draft();

    auto again = std::make_unique<ui::EmbeddingsTab>(m_sandbox->client.get());
    again->setCache(m_cache.get());
    again->restoreDraft(draft);
    again->resize(1180, 700);
    again->show();
    QSignalSpy finished(again.get(), &ui::EmbeddingsTab::runFinished);
    QSignalSpy mapped(again.get(), &ui::EmbeddingsTab::mapReady);
    again->showCachedMap();
    QVERIFY(finished.wait(10000));
    QVERIFY(mapped.count() > 0 || mapped.wait(10000));
    QCOMPARE(again->lastSent(), 0);
    QCOMPARE(again->lastCached(), 48);
    QCOMPARE(again->map()->pointCount(), 48);

    // One text that was never embedded: nothing is sent, the map waits for Embed.
    auto third = std::make_unique<ui::EmbeddingsTab>(m_sandbox->client.get());
    third->setCache(m_cache.get());
    QVariantMap changed = draft;
    changed.insert(u"texts"_s,
        QString(draft.value(u"texts"_s).toString() + u"\nA text that no one embedded yet"_s));
    third->restoreDraft(changed);
    QSignalSpy thirdFinished(third.get(), &ui::EmbeddingsTab::runFinished);
    third->showCachedMap();
    QVERIFY(thirdFinished.wait(10000));
    QCOMPARE(third->lastSent(), 0);
    QCOMPARE(third->map()->pointCount(), 0);
    QVERIFY2(
        third->statusText().contains(u"not all in the cache"_s), qPrintable(third->statusText()));
}

void TestEmbeddings::umapAndClusterOrder()
{
    QVERIFY(m_tab->loadSample(u"support-tickets"_s));
    QVERIFY(embedAndWait());
    QCOMPARE(m_tab->set().rows(), 32);
    QSignalSpy mapped(m_tab.get(), &ui::EmbeddingsTab::mapReady);
    m_tab->setProjection(ui::EmbeddingsTab::Projection::Umap);
    QVERIFY(mapped.wait(30000));
    QCOMPARE(m_tab->map()->pointCount(), 32);
    // The matrix: 32 × 32, ordered by label, then by clustering.
    ui::MatrixView *matrix = m_tab->matrix();
    if (matrix->size() == 0) {
        QSignalSpy ready(m_tab.get(), &ui::EmbeddingsTab::matrixReady);
        QVERIFY(ready.wait(10000));
    }
    QCOMPARE(matrix->size(), 32);
    QCOMPARE(matrix->image().size(), QSize(32, 32));
    // Hovering a cell names both texts and their similarity; the diagonal is 1.
    QVERIFY(matrix->cellText(0, 0).startsWith(u"cosine similarity 1.0000"_s));
    QVERIFY(matrix->cellText(0, 1).contains(u"[billing]"_s));
    QSignalSpy ready(m_tab.get(), &ui::EmbeddingsTab::matrixReady);
    m_tab->findChild<QComboBox *>(u"matrixOrder"_s)->setCurrentIndex(1);
    QVERIFY(ready.wait(10000));
    QCOMPARE(matrix->size(), 32);
}

void TestEmbeddings::tsneIsOffered()
{
    // The chooser's third entry lays the set out with t-SNE; a draft remembers it.
    QVERIFY(m_tab->loadSample(u"support-tickets"_s));
    QVERIFY(embedAndWait());
    auto *chooser = m_tab->findChild<QComboBox *>(u"projection"_s);
    QVERIFY(chooser);
    QCOMPARE(chooser->count(), 3);
    QCOMPARE(chooser->itemText(2), u"t-SNE"_s);
    QSignalSpy mapped(m_tab.get(), &ui::EmbeddingsTab::mapReady);
    m_tab->setProjection(ui::EmbeddingsTab::Projection::Tsne);
    QVERIFY(mapped.wait(30000));
    QCOMPARE(m_tab->map()->pointCount(), 32);
    QCOMPARE(chooser->currentIndex(), 2);
    QCOMPARE(m_tab->draft().value(u"projection"_s).toInt(), 2);
}

void TestEmbeddings::exportsReadBack()
{
    m_tab->setTextsAndLabels(
        {u"alpha beta"_s, u"gamma, \"delta\""_s, u"epsilon"_s}, {u"a"_s, QString(), u"b"_s});
    m_tab->findChild<QComboBox *>(u"compressToSize"_s)->setCurrentIndex(1);
    QVERIFY(embedAndWait());
    QCOMPARE(m_tab->set().dims, 128);
    QString error;
    const QString csv = m_dir.filePath(u"v.csv"_s);
    QVERIFY2(m_tab->exportVectors(csv, &error), qPrintable(error));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const std::optional<core::CsvTable> table
        = core::readCsv(QString::fromUtf8(f.readAll()), &error);
    QVERIFY2(table, qPrintable(error));
    QCOMPARE(table->header.size(), 2 + 128);
    QCOMPARE(table->rows.size(), 3);
    QCOMPARE(table->rows.at(1).at(0), u"gamma, \"delta\""_s);
    QCOMPARE(table->rows.at(1).at(1), QString());
    QCOMPARE(table->rows.at(2).at(2).toFloat(), m_tab->set().data[2 * 128]);

    const QString json = m_dir.filePath(u"v.json"_s);
    QVERIFY2(m_tab->exportVectors(json, &error), qPrintable(error));
    QFile j(json);
    QVERIFY(j.open(QIODevice::ReadOnly));
    const QJsonArray array = QJsonDocument::fromJson(j.readAll()).array();
    QCOMPARE(array.size(), 3);
    QCOMPARE(array.at(0).toObject().value(u"label"_s).toString(), u"a"_s);
    QVERIFY(!array.at(1).toObject().contains(u"label"_s));
    QCOMPARE(array.at(2).toObject().value(u"embedding"_s).toArray().size(), 128);
    QCOMPARE(float(array.at(2).toObject().value(u"embedding"_s).toArray().at(5).toDouble()),
        m_tab->set().data[2 * 128 + 5]);

    const QString png = m_dir.filePath(u"map.png"_s);
    QVERIFY2(m_tab->exportMap(png, &error), qPrintable(error));
    QCOMPARE(QImage(png).size(), QSize(1600, 1200));
    const QString svg = m_dir.filePath(u"map.svg"_s);
    QVERIFY2(m_tab->exportMap(svg, &error), qPrintable(error));
    QFile s(svg);
    QVERIFY(s.open(QIODevice::ReadOnly));
    const QByteArray svgText = s.readAll();
    QVERIFY(svgText.contains("<svg"));
    QVERIFY(svgText.count("<ellipse") + svgText.count("<circle") + svgText.count("<path") >= 3);
}

void TestEmbeddings::gradientNeedsItsSettings()
{
    m_tab->setTextsAndLabels({u"a"_s}, {});
    m_tab->setProvider(ui::EmbeddingsTab::Provider::Gradient);
    m_tab->setModel(u"bge-large"_s);
    m_tab->embed();
    QVERIFY2(m_tab->statusText().contains(u"workspace id and an access token"_s),
        qPrintable(m_tab->statusText()));
    QVERIFY(!m_tab->isBusy());
    // The token never lands in the draft.
    QVERIFY(!QJsonDocument(QJsonObject::fromVariantMap(m_tab->draft())).toJson().contains("token"));
}

void TestEmbeddings::runsAreRecordedAndRestored()
{
    // A run is one history record: the first batch's call, and how many vectors came and from
    // where.
    core::HistoryStore history(m_db.get());
    core::RunRecorder recorder;
    recorder.setStore(&history);
    m_tab->setRecorder(&recorder);
    m_tab->setTextsAndLabels({u"alpha"_s, u"beta"_s, u"gamma"_s}, {});
    m_tab->findChild<QComboBox *>(u"compressToSize"_s)->setCurrentIndex(1);
    QString problem;
    const core::ApiCall call = m_tab->currentCall(&problem);
    QVERIFY2(call.isValid(), qPrintable(problem));
    QCOMPARE(call.endpoint, u"batch_semantic_embed"_s);
    QCOMPARE(call.model, u"sandbox-luminous-base"_s);
    QCOMPARE(call.body.value(u"prompts"_s).toArray().size(), 3);
    QCOMPARE(call.body.value(u"compress_to_size"_s).toInt(), 128);
    QCOMPARE(call.body.value(u"representation"_s).toString(), u"document"_s);
    QVERIFY(embedAndWait());
    QList<core::RunRecord> runs = history.search(QString(), u"embeddings"_s);
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.first().status, core::RunStatus::Succeeded);
    QCOMPARE(runs.first().endpoint, u"batch_semantic_embed"_s);
    QCOMPARE(runs.first().request, call.body);
    QCOMPARE(runs.first().response, u"3 vectors, 0 from the cache"_s);
    QVERIFY(runs.first().error.isEmpty());

    // Cancelled at once: recorded as Canceled; Embed and Cancel are back as they were. (First the
    // run before finishes its neighbour index, which also counts as busy.)
    QTRY_VERIFY_WITH_TIMEOUT(!m_tab->isBusy(), 10000);
    m_tab->setTextsAndLabels({u"never embedded"_s}, {});
    QSignalSpy finished(m_tab.get(), &ui::EmbeddingsTab::runFinished);
    m_tab->embed();
    QVERIFY(m_tab->isBusy());
    QVERIFY(!m_tab->findChild<QPushButton *>(u"embed"_s)->isEnabled());
    QVERIFY(m_tab->findChild<QPushButton *>(u"cancel"_s)->isEnabled());
    m_tab->cancel();
    QCOMPARE(finished.count(), 1);
    QVERIFY(!m_tab->isBusy());
    QVERIFY(m_tab->findChild<QPushButton *>(u"embed"_s)->isEnabled());
    QVERIFY(!m_tab->findChild<QPushButton *>(u"cancel"_s)->isEnabled());
    QVERIFY2(m_tab->statusText().startsWith(u"Cancelled after 0 of 1."_s),
        qPrintable(m_tab->statusText()));
    runs = history.search(QString(), u"embeddings"_s);
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs.first().status, core::RunStatus::Canceled);
    QCOMPARE(runs.first().response, u"0 vectors, 0 from the cache"_s);

    // Restoring the first run gives its provider, options and texts back: the same call again.
    auto restored = std::make_unique<ui::EmbeddingsTab>(m_sandbox->client.get());
    restored->restoreRun(runs.last());
    QStringList texts, labels;
    restored->parseInput(&texts, &labels);
    QCOMPARE(texts, (QStringList{u"alpha"_s, u"beta"_s, u"gamma"_s}));
    QCOMPARE(restored->currentCall(&problem).body, call.body);
    QVERIFY2(
        restored->statusText().startsWith(u"Restored the run's first batch (3 texts). 3 vectors"_s),
        qPrintable(restored->statusText()));

    // /embeddings: the call and its restoring.
    m_tab->setProvider(ui::EmbeddingsTab::Provider::EmbeddingsV2);
    const core::ApiCall v2 = m_tab->currentCall(&problem);
    QVERIFY2(v2.isValid(), qPrintable(problem));
    QCOMPARE(v2.endpoint, u"embeddings"_s);
    QCOMPARE(v2.body.value(u"input"_s).toArray(), QJsonArray{u"never embedded"_s});
    core::RunRecord run;
    run.endpoint = v2.endpoint;
    run.request = v2.body;
    restored->restoreRun(run);
    QCOMPARE(restored->currentCall(&problem).body, v2.body);
    // A body that is not the endpoint's is refused, and the form is left as it was.
    run.request = QJsonObject{{u"input"_s, 5}};
    restored->restoreRun(run);
    QVERIFY2(restored->statusText().startsWith(u"This run cannot be restored: "_s),
        qPrintable(restored->statusText()));
    QCOMPARE(restored->currentCall(&problem).body, v2.body);
    // Gradient has no Aleph Alpha call to show.
    m_tab->setProvider(ui::EmbeddingsTab::Provider::Gradient);
    QVERIFY(!m_tab->currentCall(&problem).isValid());
    QCOMPARE(problem, u"View code shows Aleph Alpha requests only."_s);
}

void TestEmbeddings::draftsSurviveTheDraftStore()
{
    // Saved and loaded as JSON (numbers come back as doubles, an unset threshold as null): the
    // restored tab's draft is the draft that was saved.
    core::DraftStore drafts(m_db.get());
    m_tab->setTextsAndLabels({u"one"_s, u"two"_s}, {u"a"_s, u"b"_s});
    for (const QVariant &threshold : {QVariant(), QVariant(0.25)}) {
        QVariantMap draft = m_tab->draft();
        draft.insert(u"contextual_control_threshold"_s, threshold);
        draft.insert(u"chunk_size"_s, 7);
        draft.insert(u"compress_to_size"_s, 128);
        QVERIFY(drafts.save(u"embeddings"_s, draft));
        auto restored = std::make_unique<ui::EmbeddingsTab>(m_sandbox->client.get());
        restored->restoreDraft(drafts.load(u"embeddings"_s));
        QCOMPARE(restored->draft(), draft);
    }
    // An empty draft gives the defaults: asymmetric, log-additive control, 100 a batch, 4 in
    // flight.
    auto fresh = std::make_unique<ui::EmbeddingsTab>(m_sandbox->client.get());
    fresh->restoreDraft({});
    QCOMPARE(
        fresh->draft().value(u"provider"_s).toInt(), int(ui::EmbeddingsTab::Provider::Asymmetric));
    QCOMPARE(fresh->draft().value(u"control_log_additive"_s).toBool(), true);
    QCOMPARE(fresh->draft().value(u"chunk_size"_s).toInt(), 100);
    QCOMPARE(fresh->draft().value(u"in_flight"_s).toInt(), 4);
    QVERIFY(fresh->draft().value(u"contextual_control_threshold"_s).isNull());
}

void TestEmbeddings::largeTextsAreReadOffTheGuiThread()
{
    // 4,000 labelled lines (over 100,000 characters) are split and parsed off the GUI thread:
    // Embed is busy at once with Cancel live; Cancel while reading sends nothing and leaves the
    // editor (text and undo) as it was; the next Embed reads and embeds exactly what
    // parseInput() reads.
    QStringList texts, labels;
    for (int i = 0; i < 4000; ++i) {
        texts.append(u"  Line number %1 of a rather long list of texts  "_s.arg(i));
        labels.append(i % 3 == 0 ? QString() : u"group %1"_s.arg(i % 5));
    }
    m_tab->setTextsAndLabels(texts, labels);
    m_tab->findChild<QComboBox *>(u"compressToSize"_s)->setCurrentIndex(1);
    auto *editor = m_tab->findChild<QPlainTextEdit *>(u"texts"_s);
    QVERIFY(editor->document()->characterCount() > 100000);
    const QString before = editor->toPlainText();
    const int undoSteps = editor->document()->availableUndoSteps();

    QSignalSpy finished(m_tab.get(), &ui::EmbeddingsTab::runFinished);
    m_tab->embed();
    QVERIFY(m_tab->isBusy());
    QVERIFY2(
        m_tab->statusText().startsWith(u"Reading the texts"_s), qPrintable(m_tab->statusText()));
    QVERIFY(!m_tab->findChild<QPushButton *>(u"embed"_s)->isEnabled());
    QVERIFY(m_tab->findChild<QPushButton *>(u"cancel"_s)->isEnabled());
    m_tab->embed(); // a second Embed while reading does nothing
    m_tab->cancel();
    QCOMPARE(finished.count(), 1);
    QVERIFY(!m_tab->isBusy());
    QVERIFY(m_tab->findChild<QPushButton *>(u"embed"_s)->isEnabled());
    QVERIFY(!m_tab->findChild<QPushButton *>(u"cancel"_s)->isEnabled());
    QVERIFY2(m_tab->statusText().startsWith(u"Cancelled while reading the texts"_s),
        qPrintable(m_tab->statusText()));
    QCOMPARE(editor->toPlainText(), before);
    QCOMPARE(editor->document()->availableUndoSteps(), undoSteps);
    QCOMPARE(m_tab->set().rows(), 0);
    QCOMPARE(m_tab->lastSent(), 0);
    // The cancelled reading's answer never starts a run.
    QCoreApplication::processEvents();
    QCOMPARE(finished.count(), 1);
    QVERIFY(!m_tab->isBusy());

    QVERIFY(embedAndWait());
    QCOMPARE(finished.count(), 2);
    QStringList parsedTexts, parsedLabels;
    m_tab->parseInput(&parsedTexts, &parsedLabels);
    QCOMPARE(parsedTexts.size(), 4000);
    QCOMPARE(parsedTexts.at(7), u"Line number 7 of a rather long list of texts"_s);
    QCOMPARE(parsedLabels.at(7), u"group 2"_s);
    QCOMPARE(m_tab->set().rows(), 4000);
    QCOMPARE(m_tab->set().texts, parsedTexts);
    QCOMPARE(m_tab->set().labels, parsedLabels);
    QCOMPARE(m_tab->set().labelNames.size(), 5);
    QCOMPARE(m_tab->lastSent(), 4000);
    QCOMPARE(editor->toPlainText(), before);
}

QTEST_MAIN(TestEmbeddings)
#include "TestEmbeddings.moc"
