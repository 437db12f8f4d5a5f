// SPDX-License-Identifier: MIT
// The Translation and Tokenizer tabs driven with QTest on the offscreen platform against the
// sandbox over loopback: a translation with segment scores and hover marking the source span,
// swapping direction, many lines at once with progress into the table, CSV export read back,
// copy, unsupported language and wrong model errors that lose nothing; then text tokenized into
// spans that cover it, hover on a token, and ids back to text.
#include "core/export/TranslationLines.h"
#include "core/net/ApiClient.h"
#include "core/storage/Database.h"
#include "core/storage/HistoryStore.h"
#include "core/util/Csv.h"
#include "tests/support/SandboxClient.h"
#include "ui/tokenizer/TokenizerTab.h"
#include "ui/translation/TranslationTab.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFile>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextEdit>

using namespace Qt::StringLiterals;

namespace {
const QString kModel = u"sandbox-pharia-1-mt-translation"_s;
}

namespace {

/// A cell of the segments table as shown, and its background colour.
QString cellText(const QTableView *table, int row, int column)
{
    return table->model()->index(row, column).data().toString();
}

QColor cellBackground(const QTableView *table, int row, int column)
{
    return table->model()->index(row, column).data(Qt::BackgroundRole).value<QBrush>().color();
}

} // namespace

class TestTranslation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void translatesWithSegmentScores();
    void hoverMarksTheSourceSpan();
    void leavingClearsTheHoverMark();
    void swapsDirection();
    void manyLinesFillTheTable();
    void errorsAreShownAndLoseNothing();
    void runsAreRecordedAndRestored();
    void draftsComeBack();
    void noModelIsRefusedBeforeSending();
    void tokenizerDrawsSpansOverTheText();

private:
    bool translateAndWait(ui::TranslationTab *tab);
    std::unique_ptr<testsupport::SandboxClient> m_sandbox;
    std::unique_ptr<ui::TranslationTab> m_tab;
    QTemporaryDir m_dir;
};

void TestTranslation::init()
{
    m_sandbox = std::make_unique<testsupport::SandboxClient>();
    QString error;
    QVERIFY2(m_sandbox->start(&error), qPrintable(error));
    m_tab = std::make_unique<ui::TranslationTab>(m_sandbox->client.get());
    m_tab->resize(1100, 700);
    m_tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_tab.get()));
    m_tab->setModel(kModel);
}

void TestTranslation::cleanup()
{
    m_tab.reset();
    m_sandbox.reset();
}

bool TestTranslation::translateAndWait(ui::TranslationTab *tab)
{
    QSignalSpy finished(tab, &ui::TranslationTab::finished);
    tab->sourceEdit()->setFocus();
    QTest::keyClick(tab->sourceEdit(), Qt::Key_Return, Qt::ControlModifier);
    if (!tab->isBusy())
        return false;
    return finished.wait(15000);
}

void TestTranslation::translatesWithSegmentScores()
{
    m_tab->setSource(u"Hello world. The cat is in the house."_s);
    m_tab->setTargetLanguage(u"de"_s);
    QVERIFY(translateAndWait(m_tab.get()));
    QVERIFY2(
        m_tab->translation().startsWith(u"[de] Hallo Welt."_s), qPrintable(m_tab->translation()));
    QVERIFY(m_tab->score().has_value());
    QVERIFY(*m_tab->score() > 0 && *m_tab->score() <= 1);
    QLabel *score = m_tab->findChild<QLabel *>(u"score"_s);
    QCOMPARE(score->text(), u"score %1"_s.arg(*m_tab->score(), 0, 'f', 3));
    QTableView *table = m_tab->table();
    QCOMPARE(table->model()->rowCount(), 2);
    QCOMPARE(cellText(table, 0, 1), u"Hello world."_s);
    QCOMPARE(cellText(table, 0, 2), u"Hallo Welt."_s);
    // The overall score is the length-weighted mean of the segment scores (the sandbox's rule), so
    // it lies between them; each segment's cell is coloured by its score.
    const double s0 = cellText(table, 0, 3).toDouble();
    const double s1 = cellText(table, 1, 3).toDouble();
    QVERIFY(
        *m_tab->score() >= std::min(s0, s1) - 1e-3 && *m_tab->score() <= std::max(s0, s1) + 1e-3);
    if (std::abs(s0 - s1) > 0.01)
        QVERIFY(cellBackground(table, 0, 3) != cellBackground(table, 1, 3));
    // The translation view carries each segment's colour on its characters.
    QTextCursor at(m_tab->translationView()->document());
    at.setPosition(int(m_tab->translation().indexOf(u"Hallo"_s)) + 1);
    QCOMPARE(at.charFormat().background().color().rgb(), cellBackground(table, 0, 3).rgb());
    QVERIFY2(m_tab->statusText().contains(u"2 segments"_s), qPrintable(m_tab->statusText()));
}

void TestTranslation::hoverMarksTheSourceSpan()
{
    const QString source = u"Hello world. The cat is in the house."_s;
    m_tab->setSource(source);
    QVERIFY(translateAndWait(m_tab.get()));
    QCOMPARE(m_tab->markedSource(), qMakePair(-1, 0));
    // Hover the second segment's text in the translation view.
    const QString translated = m_tab->translation();
    const int inSecond = int(translated.indexOf(u"Katze"_s)) + 2;
    QVERIFY(inSecond > 2);
    QTextCursor cursor(m_tab->translationView()->document());
    cursor.setPosition(inSecond);
    const QPoint point = m_tab->translationView()->cursorRect(cursor).center();
    QTest::mouseMove(m_tab->translationView()->viewport(), point);
    QTRY_COMPARE(m_tab->markedSource(),
        qMakePair(
            int(source.indexOf(u"The cat"_s)), int(source.size() - source.indexOf(u"The cat"_s))));
    QCOMPARE(m_tab->sourceEdit()->extraSelections().size(), 1);
    QCOMPARE(m_tab->sourceEdit()->extraSelections().first().cursor.selectedText(),
        u"The cat is in the house."_s);
    QCOMPARE(m_tab->table()->currentIndex().row(), 1);
    // The table leads the other way: its first row marks the first sentence.
    m_tab->table()->setCurrentIndex(m_tab->table()->model()->index(0, 1));
    QCOMPARE(m_tab->markedSource(), qMakePair(0, 12));
}

void TestTranslation::leavingClearsTheHoverMark()
{
    const QString source = u"Hello world. The cat is in the house."_s;
    m_tab->setSource(source);
    QVERIFY(translateAndWait(m_tab.get()));
    // Hover a segment in the translation: its source is marked.
    QWidget *translationViewport = m_tab->translationView()->viewport();
    QTextCursor cursor(m_tab->translationView()->document());
    cursor.setPosition(int(m_tab->translation().indexOf(u"Katze"_s)) + 2);
    QTest::mouseMove(
        m_tab->sourceEdit()->viewport(), QPoint(2, 2)); // a move, wherever the mouse was before
    QTest::mouseMove(translationViewport, m_tab->translationView()->cursorRect(cursor).center());
    QTRY_COMPARE(m_tab->sourceEdit()->extraSelections().size(), 1);
    QVERIFY(m_tab->markedSource().first >= 0);
    // The mouse leaves the translation: no mark stays behind.
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(translationViewport, &leave);
    QVERIFY(m_tab->sourceEdit()->extraSelections().isEmpty());
    QVERIFY(m_tab->translationView()->extraSelections().isEmpty());
    QCOMPARE(m_tab->markedSource(), qMakePair(-1, 0));

    // The same for the segment table: hover a row, leave the table.
    QTableView *table = m_tab->table();
    const QRect cell = table->visualRect(table->model()->index(0, 1));
    QVERIFY(cell.isValid());
    QTest::mouseMove(table->viewport(), cell.center());
    QTRY_COMPARE(m_tab->sourceEdit()->extraSelections().size(), 1);
    QCOMPARE(m_tab->markedSource(), qMakePair(0, 12));
    QEvent leaveTable(QEvent::Leave);
    QApplication::sendEvent(table->viewport(), &leaveTable);
    QVERIFY(m_tab->sourceEdit()->extraSelections().isEmpty());
    QCOMPARE(m_tab->markedSource(), qMakePair(-1, 0));
}

void TestTranslation::swapsDirection()
{
    m_tab->setSource(u"Good morning."_s);
    m_tab->setSourceLanguage(u"en"_s);
    m_tab->setTargetLanguage(u"de"_s);
    QVERIFY(translateAndWait(m_tab.get()));
    const QString translated = m_tab->translation();
    QVERIFY2(translated.contains(u"Guten Morgen."_s),
        qPrintable(translated)); // FreeDict en→de in the sandbox
    QTest::keyClick(m_tab.get(), Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(m_tab->source(), translated);
    QCOMPARE(m_tab->sourceLanguage(), u"de"_s);
    QCOMPARE(m_tab->targetLanguage(), u"en"_s);
    QVERIFY(m_tab->translation().isEmpty());
    QCOMPARE(m_tab->table()->model()->rowCount(), 0);
    QCOMPARE(ui::TranslationTab::languageCode(u"German (de)"_s), u"de"_s);
    QCOMPARE(ui::TranslationTab::languageCode(u" pt-BR "_s), u"pt-BR"_s);
}

void TestTranslation::manyLinesFillTheTable()
{
    const QStringList lines{u"Hello world."_s,
        u"The dog and the cat."_s,
        u""_s,
        u"Thank you, my city!"_s,
        u"A house with water."_s,
        u"   "_s,
        u"Yes, no."_s};
    m_tab->setSource(lines.join(u'\n'));
    m_tab->setTargetLanguage(u"fr"_s);
    m_tab->setLinesMode(true);
    QProgressBar *progress = m_tab->findChild<QProgressBar *>(u"progress"_s);
    QSignalSpy progressed(progress, &QProgressBar::valueChanged);
    QVERIFY(translateAndWait(m_tab.get()));
    QTableView *table = m_tab->table();
    QCOMPARE(table->model()->rowCount(), 5); // the empty and blank lines are not sent
    QCOMPARE(table->model()->headerData(0, Qt::Horizontal).toString(), u"line"_s);
    QList<int> values;
    for (const QList<QVariant> &signal : std::as_const(progressed))
        values.append(signal.at(0).toInt());
    QCOMPARE(values, (QList<int>{0, 1, 2, 3, 4, 5}));
    QCOMPARE(cellText(table, 1, 1), u"The dog and the cat."_s);
    QCOMPARE(cellText(table, 1, 2), u"[fr] Le chien et le chat."_s);
    for (int row = 0; row < 5; ++row) {
        QVERIFY2(
            cellText(table, row, 2).startsWith(u"[fr] "_s), qPrintable(cellText(table, row, 2)));
        const double score = cellText(table, row, 3).toDouble();
        QVERIFY(score > 0 && score <= 1);
    }
    QVERIFY2(
        m_tab->statusText().startsWith(u"5 lines translated"_s), qPrintable(m_tab->statusText()));
    QCOMPARE(m_tab->translation().split(u'\n').size(), 5);
    // Hovering a row marks its line in the source.
    m_tab->highlightSegment(3);
    QCOMPARE(m_tab->markedSource().first, int(lines.join(u'\n').indexOf(u"A house"_s)));
    QCOMPARE(m_tab->translationView()->extraSelections().size(), 1);
    QCOMPARE(m_tab->translationView()->extraSelections().first().cursor.selectedText(),
        cellText(table, 3, 2));
    // Each line's translation carries its score colour, like the segments of one request.
    QTextCursor inLine(m_tab->translationView()->document());
    inLine.setPosition(
        m_tab->translationView()->extraSelections().first().cursor.selectionStart() + 1);
    QCOMPARE(inLine.charFormat().background().color().rgb(), cellBackground(table, 3, 3).rgb());

    // CSV export read back.
    QString error;
    const QString path = m_dir.filePath(u"lines.csv"_s);
    QVERIFY2(m_tab->exportCsv(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto csv = core::readCsv(QString::fromUtf8(file.readAll()), &error);
    QVERIFY2(csv, qPrintable(error));
    QCOMPARE(csv->header, (QStringList{u"line"_s, u"source"_s, u"translation"_s, u"score"_s}));
    QCOMPARE(csv->rows.size(), 5);
    QCOMPARE(csv->rows.at(2).at(1), u"Thank you, my city!"_s); // the comma survives quoting
    QCOMPARE(csv->rows.at(2).at(2), cellText(table, 2, 2));

    // Copy: every row as tab-separated text.
    m_tab->copyTable();
    const QStringList copied = QApplication::clipboard()->text().split(u'\n');
    QCOMPARE(copied.size(), 5);
    QCOMPARE(copied.at(1).split(u'\t').at(2), u"[fr] Le chien et le chat."_s);
}

void TestTranslation::errorsAreShownAndLoseNothing()
{
    const QString source = u"Hello world."_s;
    m_tab->setSource(source);
    m_tab->setTargetLanguage(u"xx"_s);
    QVERIFY(translateAndWait(m_tab.get()));
    QVERIFY2(m_tab->statusText().contains(u"\"xx\" is not a supported language"_s),
        qPrintable(m_tab->statusText()));
    QCOMPARE(m_tab->source(), source);

    m_tab->setTargetLanguage(u"de"_s);
    m_tab->setModel(u"sandbox-luminous-base"_s);
    QVERIFY(translateAndWait(m_tab.get()));
    QVERIFY2(m_tab->statusText().contains(u"does not support translation"_s),
        qPrintable(m_tab->statusText()));

    // Every line fails the same way in lines mode; the table says so per line.
    m_tab->setSource(u"one\ntwo"_s);
    m_tab->setLinesMode(true);
    QVERIFY(translateAndWait(m_tab.get()));
    QVERIFY2(
        m_tab->statusText().startsWith(u"2 of 2 lines failed"_s), qPrintable(m_tab->statusText()));
    QVERIFY(cellText(m_tab->table(), 1, 2).contains(u"does not support translation"_s));

    // Nothing to send: no request, a clear reason.
    m_tab->setSource(u"  \n "_s);
    m_tab->translate();
    QVERIFY(!m_tab->isBusy());
    QVERIFY2(m_tab->statusText().startsWith(u"Not sent"_s), qPrintable(m_tab->statusText()));
}

void TestTranslation::runsAreRecordedAndRestored()
{
    core::Database db(m_dir.filePath(u"history.sqlite"_s));
    QString error;
    QVERIFY2(db.open(&error), qPrintable(error));
    core::HistoryStore history(&db);
    core::RunRecorder recorder;
    recorder.setStore(&history);
    m_tab->setRecorder(&recorder);

    // The call the tab would send: one /translate of the whole text.
    const QString source = u"Hello world. The cat is in the house."_s;
    m_tab->setSource(source);
    m_tab->setTargetLanguage(u"de"_s);
    const core::ApiCall call = m_tab->currentCall(&error);
    QVERIFY2(call.isValid(), qPrintable(error));
    QCOMPARE(call.endpoint, u"translate"_s);
    QCOMPARE(call.model, kModel);
    QCOMPARE(call.body.value(u"source"_s).toString(), source);
    QCOMPARE(call.body.value(u"target_language"_s).toString(), u"de"_s);

    // One request: its answer and prompt tokens are kept.
    QVERIFY(translateAndWait(m_tab.get()));
    QList<core::RunRecord> runs = history.search(QString(), u"translation"_s);
    QCOMPARE(runs.size(), 1);
    const core::RunRecord single = runs.first();
    QCOMPARE(single.status, core::RunStatus::Succeeded);
    QCOMPARE(single.endpoint, u"translate"_s);
    QCOMPARE(single.model, kModel);
    QCOMPARE(single.request, call.body);
    const auto answer = single.responseAs<core::TranslationResponse>(&error);
    QVERIFY2(answer, qPrintable(error));
    QCOMPARE(answer->translation, m_tab->translation());
    QCOMPARE(single.promptTokens, answer->numTokensPromptTotal.value_or(-1));

    // Lines mode: one run for the whole text, every line's answer kept.
    m_tab->setSource(u"one\n\ntwo"_s);
    m_tab->setLinesMode(true);
    const core::ApiCall firstLine = m_tab->currentCall(&error);
    QVERIFY2(firstLine.isValid(), qPrintable(error));
    QCOMPARE(firstLine.body.value(u"source"_s).toString(), u"one"_s);
    QVERIFY(translateAndWait(m_tab.get()));
    runs = history.search(QString(), u"translation"_s);
    QCOMPARE(runs.size(), 2);
    const core::RunRecord lines = runs.first();
    QCOMPARE(lines.status, core::RunStatus::Succeeded);
    QCOMPARE(lines.request.value(u"source"_s).toString(), u"one\n\ntwo"_s);
    const auto kept = lines.responseAs<core::TranslationLines>(&error);
    QVERIFY2(kept, qPrintable(error));
    QCOMPARE(kept->lines.size(), 2);
    QCOMPARE(kept->lines.at(1).source, u"two"_s);
    QCOMPARE(kept->lines.at(1).translation, cellText(m_tab->table(), 1, 2));

    // Restored: a single run shows its answer; a lines run comes back in lines mode.
    ui::TranslationTab other(m_sandbox->client.get());
    other.restoreRun(single);
    QCOMPARE(other.source(), source);
    QCOMPARE(other.translation(), answer->translation);
    QVERIFY(!other.findChild<QCheckBox *>(u"perLine"_s)->isChecked());
    QVERIFY2(other.statusText().startsWith(u"Restored from the history"_s),
        qPrintable(other.statusText()));
    other.restoreRun(lines);
    QCOMPARE(other.source(), u"one\n\ntwo"_s);
    QVERIFY(other.findChild<QCheckBox *>(u"perLine"_s)->isChecked());
    QVERIFY2(other.statusText().startsWith(u"Restored from the history"_s),
        qPrintable(other.statusText()));
    // The lines run's table comes back, and nothing of the single run stays beside it.
    QCOMPARE(other.table()->model()->rowCount(), 2);
    QCOMPARE(cellText(other.table(), 0, 1), u"one"_s);
    QCOMPARE(cellText(other.table(), 1, 2), kept->lines.at(1).translation);
    QCOMPARE(
        other.translation(), kept->lines.at(0).translation + u'\n' + kept->lines.at(1).translation);
    m_tab->setRecorder(nullptr);
}

void TestTranslation::noModelIsRefusedBeforeSending()
{
    m_tab->setSource(u"Hello.\nWorld."_s);
    m_tab->setLinesMode(true);
    QSignalSpy finished(m_tab.get(), &ui::TranslationTab::finished);
    m_tab->translate();
    QVERIFY(finished.wait(10000));
    const QString translated = m_tab->translation();
    QVERIFY(!translated.isEmpty());
    // No model: refused at once, nothing goes out, and the translation on show stays.
    m_tab->setModel(QString());
    m_tab->translate();
    QVERIFY2(m_tab->statusText().startsWith(u"Not sent: Choose a model first."_s),
        qPrintable(m_tab->statusText()));
    QVERIFY(!m_tab->isBusy());
    QCOMPARE(m_tab->translation(), translated);
    QCOMPARE(m_tab->table()->model()->rowCount(), 2);
}

void TestTranslation::draftsComeBack()
{
    m_tab->setSource(u"Guten Morgen.\nWie geht's?"_s);
    m_tab->setSourceLanguage(u"de"_s);
    m_tab->setTargetLanguage(u"fr"_s);
    m_tab->setLinesMode(true);
    const QVariantMap draft = m_tab->draft();
    QCOMPARE(draft.value(u"model"_s).toString(), kModel);
    QCOMPARE(draft.value(u"source"_s).toString(), u"Guten Morgen.\nWie geht's?"_s);
    QCOMPARE(draft.value(u"from"_s).toString(), u"de"_s);
    QCOMPARE(draft.value(u"target_language"_s).toString(), u"fr"_s);
    QCOMPARE(draft.value(u"per_line"_s).toBool(), true);
    // As the autosave keeps it (JSON) and reads it back.
    ui::TranslationTab other(m_sandbox->client.get());
    other.restoreDraft(QJsonObject::fromVariantMap(draft).toVariantMap());
    QCOMPARE(other.draft(), draft);
}

void TestTranslation::tokenizerDrawsSpansOverTheText()
{
    m_tab->hide(); // the mouse goes to the window on top
    ui::TokenizerTab tab(m_sandbox->client.get());
    tab.resize(1000, 600);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    const QString text = u"The model writes Grüße.\nZweite Zeile 👍"_s;
    QSignalSpy finished(&tab, &ui::TokenizerTab::finished);
    tab.showTokens(text, u"sandbox-luminous-base"_s);
    QVERIFY(finished.wait(10000));
    QVERIFY2(tab.statusText().startsWith(u"Tokenized"_s), qPrintable(tab.statusText()));
    const QList<core::analysis::TokenSpan> spans = tab.spans();
    QCOMPARE(spans.size(), tab.tokenIds().size());
    QVERIFY(spans.size() > 8);
    // The spans tile the text: each starts where the one before ended (a character cut between
    // byte tokens is shared), and together they reach its end.
    int end = 0;
    for (const core::analysis::TokenSpan &span : spans) {
        QVERIFY(span.start >= 0);
        QVERIFY(span.start == end || span.start < end);
        end = std::max(end, span.start + span.length);
    }
    QCOMPARE(end, int(text.size()));
    QVERIFY2(tab.countText().startsWith(
                 u"%1 tokens · %2 characters"_s.arg(spans.size()).arg(text.size())),
        qPrintable(tab.countText()));
    // Neighbouring tokens have different fills.
    QTextCursor a(tab.tokenView()->document());
    a.setPosition(spans.at(0).start + 1);
    QTextCursor b(tab.tokenView()->document());
    b.setPosition(spans.at(1).start + 1);
    QVERIFY(a.charFormat().background().color() != b.charFormat().background().color());
    QCOMPARE(tab.tokenView()->toPlainText(), text);
    // Hovering the word "model" selects its row in the table.
    const int inModel = int(text.indexOf(u"model"_s)) + 2;
    QTextCursor c(tab.tokenView()->document());
    c.setPosition(inModel);
    QTest::mouseMove(
        tab.tokenView()->viewport(), tab.tokenView()->cursorRect(c).center() + QPoint(2, 0));
    QTRY_COMPARE(tab.table()->currentIndex().row(), tab.tokenAt(inModel));
    QCOMPARE(tab.table()->model()->index(tab.tokenAt(inModel), 1).data().toString(), u"·model"_s);

    // Round trip: the ids back to the text.
    QSignalSpy detokenized(&tab, &ui::TokenizerTab::detokenizeFinished);
    tab.useIdsForDetokenize();
    tab.detokenize();
    QVERIFY(detokenized.wait(10000));
    QCOMPARE(tab.detokenizedText(), text);

    // An unknown model is the server's error, shown as such.
    tab.showTokens(u"x"_s, u"no-such-model"_s);
    QVERIFY(finished.wait(10000));
    QVERIFY2(tab.statusText().contains(u"no-such-model"_s), qPrintable(tab.statusText()));
}

QTEST_MAIN(TestTranslation)
#include "TestTranslation.moc"
