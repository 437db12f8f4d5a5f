// SPDX-License-Identifier: MIT
// The Explanation tab driven with QTest: against recorded real explanations (CassetteServer: every
// recorded score must land on its characters, in its colour), against the sandbox (images,
// what-if, compare, hand-over from Completion and Chat) and against a scripted server (malformed
// answers). Renders are checked pixel by pixel; exports are parsed back.
#include "core/net/ApiClient.h"
#include "core/storage/HistoryStore.h"
#include "core/storage/RunRecorder.h"
#include "sandbox/SandboxServer.h"
#include "tests/support/CassetteServer.h"
#include "tests/support/TempDatabase.h"
#include "tests/support/TestHttpServer.h"
#include "ui/MainWindow.h"
#include "ui/chat/ChatTab.h"
#include "ui/completion/CompletionTab.h"
#include "ui/explanation/ExplanationTab.h"
#include "ui/explanation/HeatmapView.h"
#include "ui/explanation/ScaleLegend.h"
#include "ui/explanation/ScoreScale.h"
#include "ui/explanation/SpanTableModel.h"

#include <QAbstractItemModel>
#include <QAccessible>
#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QXmlStreamReader>

#include <cmath>

using namespace Qt::StringLiterals;
using core::analysis::ScoredSpan;

namespace {

template<class T>
T *child(QWidget *parent, const char *name)
{
    T *w = parent->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qWarning("no child %s", name);
    return w;
}

bool closeColor(const QColor &a, const QColor &b, int tolerance = 2)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance
        && std::abs(a.blue() - b.blue()) <= tolerance;
}

/// The colour most pixels of the top inner row of `rect` have (glyphs rarely reach it).
QColor dominantTopColor(const QImage &image, const QRectF &rect)
{
    QMap<QRgb, int> counts;
    const int y = int(std::ceil(rect.top())) + 1;
    for (int x = int(std::ceil(rect.left())) + 1; x < int(rect.right()) - 1; ++x)
        if (image.rect().contains(x, y))
            ++counts[image.pixel(x, y)];
    QRgb best = 0;
    int bestCount = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it.value() > bestCount) {
            best = it.key();
            bestCount = it.value();
        }
    return QColor(best);
}

/// The largest |score| of one recorded explanation (the scale of its own view).
double explanationExtent(const QJsonObject &explanation)
{
    double extent = 0;
    for (const QJsonValue &item : explanation.value(u"items"_s).toArray())
        for (const QJsonValue &s : item.toObject().value(u"scores"_s).toArray())
            extent = std::max(extent,
                std::abs(s.isObject() ? s.toObject().value(u"score"_s).toDouble() : s.toDouble()));
    return extent;
}

/// The explanations of a cassette's recorded response, with the largest |score| over all.
double recordedExtent(const QJsonObject &response)
{
    double extent = 0;
    for (const QJsonValue &e : response.value(u"explanations"_s).toArray())
        extent = std::max(extent, explanationExtent(e.toObject()));
    return extent;
}

/// The largest |score| of the spans on show that are not template tokens.
double shownExtent(const ui::HeatmapView *view)
{
    double extent = 0;
    for (int s = 0; s < view->spans().size(); ++s)
        if (!view->isTemplateSpan(s))
            extent = std::max(extent, std::abs(view->spans().at(s).score));
    return extent;
}

QByteArray greyPng(int size, int grey)
{
    QImage image(size, size, QImage::Format_RGB32);
    image.fill(QColor(grey, grey, grey));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace

class TestExplanation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void recordedScoresLandOnTheirCharacters_data();
    void recordedScoresLandOnTheirCharacters();
    void allShowsTheMeanOnItsOwnScale();
    void tableAndHeatmapStayInSync();
    void keyboardAndScreenReader();
    void exportsParseBack();
    void imageOverlayOnTheSandbox();
    void whatIfRerunsWithControls();
    void compareSideBySideOnOneScale();
    void fixedScaleSurvivesTheNextRun();
    void eachViewGetsItsOwnScale();
    void validationWaitsForTheUser();
    void chatTemplateTokensAreGrey();
    void handOverFromCompletionAndChat();
    void malformedAnswersGiveErrors();
    void draftAndHistoryRestore();
    void runsAreRecordedInTheHistory();

private:
    void startSandbox();
    ui::ExplanationTab *tab() const { return m_window->explanationTab(); }
    bool runAndWait();
    std::unique_ptr<testsupport::CassetteServer> m_cassettes;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<core::ApiClient> m_client;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<sandbox::EmbeddedSandbox> m_sandbox;
    QList<testsupport::Interaction> m_recorded;
};

void TestExplanation::initTestCase()
{
    testsupport::CassetteServer server;
    QString error;
    QVERIFY2(server.load(&error), qPrintable(error));
    for (const testsupport::Interaction &i : server.interactions())
        if (i.path == "/v1/explain")
            m_recorded.append(i);
    QCOMPARE(m_recorded.size(), 5);
}

void TestExplanation::init()
{
    m_cassettes = std::make_unique<testsupport::CassetteServer>();
    QString error;
    QVERIFY2(m_cassettes->load(&error), qPrintable(error));
    QVERIFY(m_cassettes->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_nam->setProxy(QNetworkProxy::NoProxy);
    core::ClientConfig config;
    config.baseUrl = m_cassettes->baseUrl();
    config.token = u"cassette"_s;
    config.retry.totalRetries = 0;
    m_client = std::make_unique<core::ApiClient>(m_nam.get(), config);
    m_window = std::make_unique<ui::MainWindow>(m_client.get());
    m_window->resize(1400, 1000);
    m_window->tabs()->setCurrentWidget(m_window->explanationTab());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestExplanation::cleanup()
{
    if (qEnvironmentVariableIsSet("ALEPH_SCREENSHOT_DIR") && m_window)
        m_window->grab().save(qEnvironmentVariable("ALEPH_SCREENSHOT_DIR") + u"/explanation-"_s
            + QString::fromLatin1(QTest::currentTestFunction()) + u".png"_s);
    m_window.reset();
    m_client.reset();
    m_sandbox.reset();
    m_nam.reset();
    m_cassettes.reset();
}

void TestExplanation::startSandbox()
{
    m_sandbox = std::make_unique<sandbox::EmbeddedSandbox>();
    QString error;
    QVERIFY2(m_sandbox->start(&error), qPrintable(error));
    core::ClientConfig config;
    config.baseUrl = m_sandbox->baseUrl();
    config.token = m_sandbox->token();
    config.retry.totalRetries = 0;
    m_client->setConfig(config);
}

bool TestExplanation::runAndWait()
{
    QSignalSpy finished(tab(), &ui::ExplanationTab::finished);
    tab()->run();
    return finished.count() > 0 || finished.wait(30000);
}

void TestExplanation::recordedScoresLandOnTheirCharacters_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < m_recorded.size(); ++i)
        QTest::newRow(qPrintable(m_recorded.at(i).file)) << i;
}

void TestExplanation::recordedScoresLandOnTheirCharacters()
{
    QFETCH(int, index);
    const testsupport::Interaction &recorded = m_recorded.at(index);
    QString error;
    const auto request
        = core::ExplanationRequest::fromJson(recorded.requestBody.toObject(), &error);
    QVERIFY2(request, qPrintable(error));
    tab()->applyRequest(*request);
    // The form reproduces the recorded request exactly (the replay server matches on the body).
    const core::ApiCall call = tab()->currentCall(&error);
    QVERIFY2(call.isValid(), qPrintable(error));
    QVERIFY(runAndWait());
    QVERIFY2(tab()->hasResult(), qPrintable(tab()->statusText()));

    const QJsonObject response = recorded.responseBody.toObject();
    const QJsonArray explanations = response.value(u"explanations"_s).toArray();
    const QJsonArray promptItems = recorded.requestBody.toObject().value(u"prompt"_s).toArray();
    QCOMPARE(tab()->targetTokens().size(), explanations.size() > 1 ? explanations.size() : 0);

    ui::HeatmapView *view = tab()->heatmap();
    int checkedText = 0;
    int checkedTokens = 0;
    for (int e = 0; e < explanations.size(); ++e) {
        tab()->setTargetIndex(explanations.size() > 1 ? e : -1);
        QCoreApplication::processEvents();
        const ui::ScoreScale scale(
            explanationExtent(explanations.at(e).toObject())); // each view its own scale
        QCOMPARE(tab()->scaleExtent(), scale.extent());
        const QJsonArray items = explanations.at(e).toObject().value(u"items"_s).toArray();
        for (int i = 0; i < items.size(); ++i) {
            const QJsonObject item = items.at(i).toObject();
            const QString type = item.value(u"type"_s).toString();
            for (const QJsonValue &v : item.value(u"scores"_s).toArray()) {
                // Find the view's span for this recorded score.
                int found = -1;
                for (int s = 0; s < view->spans().size() && found < 0; ++s) {
                    const ScoredSpan &span = view->spans().at(s);
                    if (type == u"text"_s && span.kind == ScoredSpan::Kind::Text && span.item == i
                        && span.start == v[u"start"_s].toInt()
                        && span.length == v[u"length"_s].toInt())
                        found = s;
                }
                if (type == u"text"_s) {
                    QVERIFY2(found >= 0,
                        qPrintable(u"no span for %1 score at %2"_s.arg(recorded.name())
                                       .arg(v[u"start"_s].toInt())));
                    const ScoredSpan &span = view->spans().at(found);
                    QCOMPARE(span.score, v[u"score"_s].toDouble());
                    const QString text = promptItems.at(i).toObject().value(u"data"_s).toString();
                    QCOMPARE(span.text, text.mid(v[u"start"_s].toInt(), v[u"length"_s].toInt()));
                    // Drawn where those characters are, in the scale's colour.
                    view->ensureSpanVisible(found);
                    const QImage shot
                        = view->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
                    const QList<QRectF> rects = view->spanRects(found);
                    QVERIFY(!rects.isEmpty());
                    const QColor drawn = dominantTopColor(shot, rects.first());
                    const QColor expected = scale.colorFor(span.score);
                    QVERIFY2(closeColor(drawn, expected),
                        qPrintable(u"%1 span “%2”: drawn %3, expected %4"_s.arg(
                            recorded.name(), span.text, drawn.name(), expected.name())));
                    QVERIFY(
                        view->spanDescription(found).contains(QString::number(span.score, 'g', 8)));
                    ++checkedText;
                }
            }
            if (type == u"token_ids"_s) {
                const QJsonArray scores = item.value(u"scores"_s).toArray();
                for (int k = 0; k < scores.size(); ++k) {
                    int found = -1;
                    for (int s = 0; s < view->spans().size(); ++s)
                        if (view->spans().at(s).kind == ScoredSpan::Kind::Token
                            && view->spans().at(s).item == i && view->spans().at(s).start == k)
                            found = s;
                    QVERIFY(found >= 0);
                    QCOMPARE(view->spans().at(found).score, scores.at(k).toDouble());
                    QCOMPARE(view->spans().at(found).text,
                        QString::number(promptItems.at(i)
                                            .toObject()
                                            .value(u"data"_s)
                                            .toArray()
                                            .at(k)
                                            .toInteger()));
                    view->ensureSpanVisible(found);
                    const QImage shot
                        = view->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
                    const QList<QRectF> rects = view->spanRects(found);
                    QVERIFY(!rects.isEmpty());
                    QVERIFY(QRectF(view->viewport()->rect()).contains(rects.first()));
                    const QPoint inside
                        = (rects.first().topLeft() + QPointF(3, rects.first().height() / 2))
                              .toPoint();
                    QVERIFY(closeColor(
                        shot.pixelColor(inside), scale.colorFor(scores.at(k).toDouble())));
                    ++checkedTokens;
                }
            }
        }
    }
    QVERIFY(checkedText > 0);
    if (recorded.file.contains(u"auto_granularity"_s) || recorded.file.contains(u"from_request"_s))
        QVERIFY(checkedTokens > 0);
}

void TestExplanation::allShowsTheMeanOnItsOwnScale()
{
    const testsupport::Interaction *recorded = nullptr;
    for (const testsupport::Interaction &i : std::as_const(m_recorded))
        if (i.file.contains(u"text_only"_s))
            recorded = &i;
    QVERIFY(recorded);
    QString error;
    tab()->applyRequest(
        *core::ExplanationRequest::fromJson(recorded->requestBody.toObject(), &error));
    QVERIFY(runAndWait());
    const QJsonArray explanations
        = recorded->responseBody.toObject().value(u"explanations"_s).toArray();
    QCOMPARE(tab()->targetTokens(), (QStringList{u" pizza"_s, u" with"_s, u" cheese"_s}));
    QCOMPARE(tab()->targetIndex(), -1);
    // "All": the mean of the three token explanations, per prompt span.
    const QList<ScoredSpan> shown = tab()->heatmap()->spans();
    const QJsonArray firstScores = explanations.at(0)[u"items"_s][0][u"scores"_s].toArray();
    for (int s = 0; s < firstScores.size(); ++s) {
        double sum = 0;
        for (const QJsonValue &e : explanations)
            sum += e[u"items"_s][0][u"scores"_s][s][u"score"_s].toDouble();
        QVERIFY(std::abs(shown.at(s).score - sum / 3.0) < 1e-12);
    }
    // Its scale is its own: the largest |mean|, less than the largest single-token score.
    QCOMPARE(tab()->scaleExtent(), shownExtent(tab()->heatmap()));
    QVERIFY(tab()->scaleExtent() < recordedExtent(recorded->responseBody.toObject()));
    // Choosing a token shows its explanation on that token's scale; the token is underlined in the
    // target.
    QTest::mouseClick(child<QToolButton>(tab(), "targetToken2"), Qt::LeftButton);
    QCOMPARE(tab()->targetIndex(), 2);
    QCOMPARE(tab()->heatmap()->spans().at(8).score,
        explanations.at(2)[u"items"_s][0][u"scores"_s][8][u"score"_s].toDouble());
    QCOMPARE(tab()->scaleExtent(), explanationExtent(explanations.at(2).toObject()));
    QTest::keyClick(tab()->heatmap(), Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(tab()->targetIndex(), 1);
}

void TestExplanation::tableAndHeatmapStayInSync()
{
    QString error;
    tab()->applyRequest(*core::ExplanationRequest::fromJson(
        m_recorded.at(3).requestBody.toObject(), &error)); // text from request
    QVERIFY(runAndWait());
    ui::HeatmapView *view = tab()->heatmap();
    QTableView *table = tab()->table();
    QVERIFY(view->spans().size() > 5);
    // Click a span in the heatmap: it becomes current in the table and is marked for the what-if.
    const QList<QRectF> rects = view->spanRects(3);
    QVERIFY(!rects.isEmpty());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rects.first().center().toPoint());
    QCOMPARE(view->currentSpan(), 3);
    const QModelIndex current = table->currentIndex();
    QVERIFY(current.isValid());
    QCOMPARE(current.siblingAtColumn(1).data(Qt::UserRole).toInt(), 3);
    QCOMPARE(current.siblingAtColumn(0).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(view->markedSpans(), QList<int>{3});
    QCOMPARE(child<QLabel>(tab(), "markedLabel")->text(), u"1 span marked"_s);
    // Sort by score, descending: the first row is the largest score; choosing it moves the heatmap.
    table->sortByColumn(4, Qt::DescendingOrder);
    const QModelIndex top = table->model()->index(0, 4);
    double largest = -1e9;
    int largestSpan = -1;
    for (int s = 0; s < view->spans().size(); ++s)
        if (view->spans().at(s).score > largest) {
            largest = view->spans().at(s).score;
            largestSpan = s;
        }
    QCOMPARE(top.data(Qt::UserRole).toDouble(), largest);
    table->setCurrentIndex(top);
    QCOMPARE(view->currentSpan(), largestSpan);
    // Ticking a row in the table marks the span in the heatmap.
    QVERIFY(table->model()->setData(top.siblingAtColumn(0), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(view->markedSpans().contains(largestSpan));
    QVERIFY(view->markedSpans().contains(3));
}

void TestExplanation::keyboardAndScreenReader()
{
    QString error;
    tab()->applyRequest(
        *core::ExplanationRequest::fromJson(m_recorded.at(4).requestBody.toObject(), &error));
    QVERIFY(runAndWait());
    ui::HeatmapView *view = tab()->heatmap();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Home);
    QCOMPARE(view->currentSpan(), 0);
    QTest::keyClick(view, Qt::Key_Right);
    QTest::keyClick(view, Qt::Key_Right);
    QCOMPARE(view->currentSpan(), 2);
    QTest::keyClick(view, Qt::Key_Space);
    QCOMPARE(view->markedSpans(), QList<int>{2});
    QTest::keyClick(view, Qt::Key_Left);
    QCOMPARE(view->currentSpan(), 1);
    QTest::keyClick(view, Qt::Key_End);
    QCOMPARE(view->currentSpan(), int(view->spans().size()) - 1);

    // Screen readers: the heatmap is a list whose items are the spans, with text and score.
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(view);
    QVERIFY(iface);
    QCOMPARE(iface->role(), QAccessible::List);
    QCOMPARE(iface->childCount(), int(view->spans().size()));
    const ScoredSpan &span = view->spans().at(2);
    QAccessibleInterface *item = iface->child(2);
    QVERIFY(item);
    QVERIFY(item->text(QAccessible::Name).contains(span.text));
    QVERIFY(item->text(QAccessible::Name).contains(QString::number(span.score, 'g', 8)));
    QCOMPARE(item->text(QAccessible::Value).toDouble(), span.score);
    QVERIFY(item->state().selected);
    QCOMPARE(iface->indexOfChild(item), 2);
    QCOMPARE(iface->focusChild(), iface->child(view->currentSpan()));
}

void TestExplanation::exportsParseBack()
{
    QString error;
    const testsupport::Interaction &recorded = m_recorded.at(3); // text + token ids, per token
    tab()->applyRequest(
        *core::ExplanationRequest::fromJson(recorded.requestBody.toObject(), &error));
    QVERIFY(runAndWait());
    QTemporaryDir dir;
    QVERIFY(tab()->exportCsv(dir.filePath(u"scores.csv"_s), &error));
    QVERIFY(tab()->exportJson(dir.filePath(u"scores.json"_s), &error));
    QVERIFY(tab()->exportPng(dir.filePath(u"heatmap.png"_s), &error));
    QVERIFY(tab()->exportSvg(dir.filePath(u"heatmap.svg"_s), &error));

    const QJsonArray explanations
        = recorded.responseBody.toObject().value(u"explanations"_s).toArray();
    int recordedCount = 0;
    for (const QJsonValue &e : explanations)
        for (const QJsonValue &item : e[u"items"_s].toArray())
            recordedCount += int(item[u"scores"_s].toArray().size());

    // CSV: a header and one row per recorded score, with the recorded numbers.
    QFile csv(dir.filePath(u"scores.csv"_s));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().split('\n');
    QCOMPARE(lines.first().trimmed(),
        QByteArray("explanation,target,kind,item,start,length,left,top,width,height,text,score"));
    QList<QByteArray> rows;
    for (const QByteArray &line : lines.mid(1))
        if (!line.trimmed().isEmpty())
            rows.append(line.trimmed());
    QCOMPARE(rows.size(), recordedCount);
    const QList<QByteArray> first = rows.first().split(',');
    QCOMPARE(first.at(2), QByteArray("text"));
    QCOMPARE(
        first.at(4).toInt(), explanations.at(0)[u"items"_s][0][u"scores"_s][0][u"start"_s].toInt());
    QCOMPARE(first.last().toDouble(),
        explanations.at(0)[u"items"_s][0][u"scores"_s][0][u"score"_s].toDouble());

    // JSON: every explanation with its spans; the request without a token.
    QFile jsonFile(dir.filePath(u"scores.json"_s));
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    const QByteArray jsonBytes = jsonFile.readAll();
    QVERIFY(!jsonBytes.contains("cassette")); // the token never reaches an export
    const QJsonObject json = QJsonDocument::fromJson(jsonBytes).object();
    QCOMPARE(json.value(u"format"_s).toString(), u"aleph-playground/explanation-scores@1"_s);
    QCOMPARE(json.value(u"model"_s).toString(), u"luminous-base"_s);
    QCOMPARE(json.value(u"model_version"_s).toString(), u"2022-04"_s);
    const QJsonArray exported = json.value(u"explanations"_s).toArray();
    QCOMPARE(exported.size(), explanations.size());
    for (int e = 0; e < exported.size(); ++e) {
        QCOMPARE(
            exported.at(e)[u"target"_s].toString(), explanations.at(e)[u"target"_s].toString());
        const QJsonArray spans = exported.at(e)[u"spans"_s].toArray();
        const QJsonArray textScores = explanations.at(e)[u"items"_s][0][u"scores"_s].toArray();
        for (int s = 0; s < textScores.size(); ++s)
            QCOMPARE(spans.at(s)[u"score"_s].toDouble(), textScores.at(s)[u"score"_s].toDouble());
    }

    // PNG: the heatmap below a title and the legend; a known span in its colour.
    QImage png(dir.filePath(u"heatmap.png"_s));
    QVERIFY(!png.isNull());
    QCOMPARE(png.width(), tab()->heatmap()->contentSize().width());
    QVERIFY(png.height() > tab()->heatmap()->contentSize().height());
    tab()->heatmap()->verticalScrollBar()->setValue(0);
    const int headerHeight = png.height() - tab()->heatmap()->contentSize().height();
    const ScoredSpan &span = tab()->heatmap()->spans().at(3);
    const QRectF rect = tab()->heatmap()->spanRects(3).first().translated(0, headerHeight);
    QVERIFY(closeColor(dominantTopColor(png.convertToFormat(QImage::Format_RGB32), rect),
        tab()->heatmap()->scale().colorFor(span.score)));

    // SVG: well-formed, and filled with the colour of that span.
    QFile svg(dir.filePath(u"heatmap.svg"_s));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    const QByteArray svgBytes = svg.readAll();
    QXmlStreamReader xml(svgBytes);
    bool sawSvg = false;
    while (!xml.atEnd())
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"svg"_s)
            sawSvg = true;
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(sawSvg);
    QVERIFY(svgBytes.contains(tab()->heatmap()->scale().colorFor(span.score).name().toLatin1()));
}

void TestExplanation::imageOverlayOnTheSandbox()
{
    startSandbox();
    core::ExplanationRequest request;
    request.model = u"sandbox-luminous-base"_s;
    core::PromptItem image = core::PromptItem::fromImageBytes(greyPng(96, 128));
    request.prompt.items = {image, core::PromptItem::fromText(u"A grey square. It is"_s)};
    request.target = u" grey"_s;
    core::PromptGranularity granularity;
    granularity.type = u"sentence"_s; // 3×3 tiles
    request.promptGranularity = granularity;
    tab()->applyRequest(request);
    QVERIFY(runAndWait());
    QVERIFY2(tab()->hasResult(), qPrintable(tab()->statusText()));
    ui::HeatmapView *view = tab()->heatmap();
    const QImage shot = view->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    int tiles = 0;
    for (int s = 0; s < view->spans().size(); ++s) {
        const ScoredSpan &span = view->spans().at(s);
        if (span.kind != ScoredSpan::Kind::Image)
            continue;
        ++tiles;
        const QRectF r = view->spanRects(s).first();
        // A translucent overlay over grey 128: colour·α + grey·(1−α), α = 170/255 × |score|/extent.
        const QColor c = view->scale().colorFor(span.score);
        const double a
            = std::round(170.0 * std::min(1.0, std::abs(span.score) / view->scale().extent()))
            / 255.0;
        const QColor expected(int(std::lround(c.red() * a + 128 * (1 - a))),
            int(std::lround(c.green() * a + 128 * (1 - a))),
            int(std::lround(c.blue() * a + 128 * (1 - a))));
        QVERIFY2(closeColor(shot.pixelColor(r.center().toPoint()), expected, 3),
            qPrintable(u"tile %1: %2 vs %3"_s.arg(s).arg(
                shot.pixelColor(r.center().toPoint()).name(), expected.name())));
    }
    QCOMPARE(tiles, 9);
    QVERIFY(view->spanDescription(0).contains(u"image tile"_s));

    // Cropping: refused when it leaves the image, else sent (x, y, size) and outlined; the tiles
    // then cover the crop (0..1 of the whole image).
    QString error;
    QVERIFY(!tab()->setImageCrop(0, QRect(50, 50, 60, 60), &error));
    QVERIFY(error.contains(u"does not fit"_s));
    QVERIFY(tab()->setImageCrop(0, QRect(48, 0, 48, 48), &error));
    const core::ApiCall call = tab()->currentCall(&error);
    QVERIFY(call.isValid());
    const QJsonObject sentImage = call.body[u"prompt"_s][0].toObject();
    QCOMPARE(sentImage[u"x"_s].toInt(), 48);
    QCOMPARE(sentImage[u"size"_s].toInt(), 48);
    QVERIFY(runAndWait());
    for (const ScoredSpan &span : tab()->heatmap()->spans())
        if (span.kind == ScoredSpan::Kind::Image)
            QVERIFY(span.rect.left >= 0.5 - 1e-9 && span.rect.top + span.rect.height <= 0.5 + 1e-9);
    // Drawn over the crop, the image's top right quarter.
    const QRectF firstTile = view->spanRects(0).first();
    QVERIFY(firstTile.left() > 40);
}

void TestExplanation::whatIfRerunsWithControls()
{
    startSandbox();
    core::ExplanationRequest request;
    request.model = u"sandbox-luminous-base"_s;
    request.prompt = core::Prompt::fromText(
        u"An apple a day keeps the doctor away. Apples are red and sweet."_s);
    request.target = u" apple"_s;
    tab()->applyRequest(request);
    QVERIFY(runAndWait());
    QVERIFY2(tab()->hasResult(), qPrintable(tab()->statusText()));
    ui::HeatmapView *view = tab()->heatmap();
    auto *button = child<QPushButton>(tab(), "whatIfRun");
    QVERIFY(!button->isEnabled()); // nothing marked yet
    // Mark the span that mattered most and suppress it completely.
    int best = 0;
    for (int s = 0; s < view->spans().size(); ++s)
        if (view->spans().at(s).kind == ScoredSpan::Kind::Text
            && view->spans().at(s).score > view->spans().at(best).score)
            best = s;
    view->setMarked(best, true);
    QVERIFY(button->isEnabled());
    child<QDoubleSpinBox>(tab(), "whatIfFactor")->setValue(0.0);
    QSignalSpy done(tab(), &ui::ExplanationTab::whatIfFinished);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(done.wait(20000));
    const QString text = tab()->whatIfText();
    QVERIFY2(text.contains(u"Original"_s) && text.contains(u"With controls (factor 0 on 1 span)"_s),
        qPrintable(text));
    QVERIFY2(
        text.contains(u"P(target)"_s) && text.contains(u"P(this completion)"_s), qPrintable(text));
    // The target's probability moved: suppressing what drove it makes it less likely.
    const QRegularExpression delta(u"Δ log P\\(target\\) = ([-+0-9.]+)"_s);
    const QRegularExpressionMatch m = delta.match(text);
    QVERIFY2(m.hasMatch(), qPrintable(text));
    QVERIFY2(m.captured(1).toDouble() < 0, qPrintable(text));
}

void TestExplanation::compareSideBySideOnOneScale()
{
    startSandbox();
    core::ExplanationRequest request;
    request.model = u"sandbox-luminous-base"_s;
    request.prompt
        = core::Prompt::fromText(u"Paris is the capital of France. The capital of France is"_s);
    request.target = u" Paris"_s;
    tab()->applyRequest(request);
    QVERIFY(runAndWait());
    const double first = tab()->scaleExtent();
    QTest::mouseClick(child<QPushButton>(tab(), "pin"), Qt::LeftButton);
    QVERIFY(tab()->pinnedHeatmap()->isVisible());
    request.prompt = core::Prompt::fromText(u"Berlin is a city. The capital of France is"_s);
    tab()->applyRequest(request);
    QVERIFY(runAndWait());
    QVERIFY(tab()->pinnedHeatmap()->isVisible());
    // One scale for both: the larger extent of the two answers.
    double second = 0;
    for (const ScoredSpan &s : tab()->heatmap()->spans())
        second = std::max(second, std::abs(s.score));
    QVERIFY(tab()->scaleExtent() >= first);
    QVERIFY(tab()->scaleExtent() >= second);
    QCOMPARE(tab()->pinnedHeatmap()->scale().extent(), tab()->heatmap()->scale().extent());
    QVERIFY(tab()->pinnedHeatmap()->spans().first().text.startsWith(u"Paris"_s));
    QVERIFY(tab()->heatmap()->spans().first().text.startsWith(u"Berlin"_s));
    QTest::mouseClick(child<QPushButton>(tab(), "unpin"), Qt::LeftButton);
    QVERIFY(!tab()->pinnedHeatmap()->isVisible());
}

void TestExplanation::fixedScaleSurvivesTheNextRun()
{
    QString error;
    tab()->applyRequest(*core::ExplanationRequest::fromJson(
        m_recorded.at(4).requestBody.toObject(), &error)); // normalized: max 1
    QVERIFY(runAndWait());
    child<QCheckBox>(tab(), "fixScale")->setChecked(true);
    const double fixed = tab()->scaleExtent();
    QCOMPARE(fixed, shownExtent(tab()->heatmap())); // fixes what was shown
    tab()->applyRequest(*core::ExplanationRequest::fromJson(
        m_recorded.at(3).requestBody.toObject(), &error)); // larger scores
    QVERIFY(runAndWait());
    QCOMPARE(tab()->scaleExtent(), fixed);
    QVERIFY(recordedExtent(m_recorded.at(3).responseBody.toObject()) != fixed);
    child<QCheckBox>(tab(), "fixScale")->setChecked(false);
    QCOMPARE(tab()->scaleExtent(), shownExtent(tab()->heatmap()));
    QVERIFY(tab()->scaleExtent() != fixed);
}

void TestExplanation::eachViewGetsItsOwnScale()
{
    startSandbox();
    core::ExplanationRequest request;
    request.model = u"sandbox-luminous-base"_s;
    request.prompt = core::Prompt::fromText(
        u"I like Italian food. My favourite dinner is a pizza with cheese and a glass of wine. I order"_s);
    request.target = u" a pizza with cheese"_s;
    request.targetGranularity = u"token"_s;
    tab()->applyRequest(request);
    QVERIFY(runAndWait());
    QVERIFY2(tab()->hasResult(), qPrintable(tab()->statusText()));
    const int tokens = int(tab()->targetTokens().size());
    QVERIFY(tokens >= 3);
    ui::HeatmapView *view = tab()->heatmap();
    auto *legend = tab()->findChild<ui::ScaleLegend *>(u"scaleLegend"_s);
    QVERIFY(legend);

    // "All": the scale is the largest |mean score| of this view, and the legend says so.
    QCOMPARE(tab()->targetIndex(), -1);
    const double allExtent = shownExtent(view);
    QVERIFY(allExtent > 0);
    QCOMPARE(tab()->scaleExtent(), allExtent);
    QCOMPARE(view->scale().extent(), allExtent);
    QCOMPARE(legend->scale().extent(), allExtent);
    QCOMPARE(legend->caption(), u"scale ±%1 (this view)"_s.arg(QString::number(allExtent, 'g', 3)));
    if (qEnvironmentVariableIsSet("ALEPH_SCREENSHOT_DIR"))
        m_window->grab().save(
            qEnvironmentVariable("ALEPH_SCREENSHOT_DIR") + u"/explanation-first-view.png"_s);
    // The strongest span of the mean is drawn in an end colour of the scale, far from white.
    int strongest = -1;
    for (int s = 0; s < view->spans().size(); ++s)
        if (strongest < 0
            || std::abs(view->spans().at(s).score) > std::abs(view->spans().at(strongest).score))
            strongest = s;
    view->ensureSpanVisible(strongest);
    const QImage shot = view->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const QList<QRectF> rects = view->spanRects(strongest);
    QVERIFY(!rects.isEmpty());
    const QColor drawn = dominantTopColor(shot, rects.first());
    const double sign = view->spans().at(strongest).score > 0 ? 1.0 : -1.0;
    QVERIFY2(closeColor(drawn, ui::ScoreScale::colorAt(sign)), qPrintable(drawn.name()));
    QVERIFY2(std::min({drawn.red(), drawn.green(), drawn.blue()}) < 200,
        qPrintable(drawn.name())); // not near white

    // One target token: that token's own largest |score|.
    double largestToken = 0;
    for (int k = 0; k < tokens; ++k) {
        tab()->setTargetIndex(k);
        const double extent = shownExtent(view);
        QCOMPARE(tab()->scaleExtent(), extent);
        QCOMPARE(view->scale().extent(), extent);
        QCOMPARE(
            legend->caption(), u"scale ±%1 (this view)"_s.arg(QString::number(extent, 'g', 3)));
        largestToken = std::max(largestToken, extent);
    }
    QVERIFY(allExtent < largestToken); // the mean has less spread than its strongest token

    // Fix scale: the scale of the view on show stays, whatever view comes next.
    tab()->setTargetIndex(-1);
    child<QCheckBox>(tab(), "fixScale")->setChecked(true);
    QCOMPARE(tab()->scaleExtent(), allExtent);
    QCOMPARE(legend->caption(), u"fixed scale ±%1"_s.arg(QString::number(allExtent, 'g', 3)));
    for (int k = 0; k < tokens; ++k) {
        tab()->setTargetIndex(k);
        QCOMPARE(tab()->scaleExtent(), allExtent);
        QCOMPARE(view->scale().extent(), allExtent);
        QVERIFY(legend->caption().startsWith(u"fixed scale"_s));
    }
    child<QCheckBox>(tab(), "fixScale")->setChecked(false);
    QCOMPARE(tab()->scaleExtent(), shownExtent(view));
}

void TestExplanation::validationWaitsForTheUser()
{
    // A fresh tab has nothing to complain about yet.
    ui::ExplanationTab fresh(m_client.get());
    auto *label = child<QLabel>(&fresh, "validation");
    QVERIFY(label);
    QCOMPARE(label->text(), QString());
    QCOMPARE(fresh.validationText(), QString());
    QCOMPARE(tab()->validationText(), QString()); // nor does the main window's
    // Editing alone does not bring it up either.
    child<QPlainTextEdit>(&fresh, "target")->setPlainText(u" x"_s);
    QCOMPARE(label->text(), QString());
    // Run (Ctrl+Enter) with nothing to send: now the reason is shown, and nothing was sent.
    QSignalSpy finished(&fresh, &ui::ExplanationTab::finished);
    fresh.run();
    QCOMPARE(label->text(), u"Write a prompt or add an image first."_s);
    QVERIFY(fresh.statusText().startsWith(u"Not sent"_s));
    QVERIFY(!fresh.isBusy());
    // Fixing it clears the message as the user types.
    child<QPlainTextEdit>(&fresh, "prompt")->setPlainText(u"Hello"_s);
    QCOMPARE(label->text(), QString());
}

void TestExplanation::chatTemplateTokensAreGrey()
{
    startSandbox();
    QSignalSpy models(m_window.get(), &ui::MainWindow::modelsRefreshed);
    m_window->refreshModels();
    QVERIFY(models.wait(5000));
    // A chat as ChatTab hands it over: rendered through Llama 3.1's prompt template.
    const QString prompt
        = u"<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nName a fruit.<|eot_id|>"
          "<|start_header_id|>assistant<|end_header_id|>\n\n"_s;
    auto *granularity = child<QComboBox>(tab(), "target_granularity");
    granularity->setCurrentIndex(
        granularity->findData(u"complete"_s)); // one explanation of the reply
    QSignalSpy finished(tab(), &ui::ExplanationTab::finished);
    tab()->setInput(
        core::Prompt::fromText(prompt), u"Banana."_s, u"sandbox-llama-3.1-8b-instruct"_s);
    QVERIFY(finished.count() > 0 || finished.wait(20000));
    QVERIFY2(tab()->hasResult(), qPrintable(tab()->statusText()));
    ui::HeatmapView *view = tab()->heatmap();

    // Which characters are template tokens, found independently.
    QList<bool> special(prompt.size(), false);
    const QRegularExpression re(u"<\\|[a-z_]+\\|>"_s);
    for (auto it = re.globalMatch(prompt); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        for (qsizetype i = m.capturedStart(); i < m.capturedEnd(); ++i)
            special[i] = true;
    }
    const QImage shot = [&] {
        view->verticalScrollBar()->setValue(0);
        return view->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    }();
    int templates = 0;
    int ordinary = 0;
    for (int s = 0; s < view->spans().size(); ++s) {
        const ScoredSpan &span = view->spans().at(s);
        if (span.kind != ScoredSpan::Kind::Text)
            continue;
        bool allSpecial = true;
        for (int i = span.first; i < span.last; ++i)
            allSpecial = allSpecial && (special.at(i) || prompt.at(i).isSpace());
        QCOMPARE(view->isTemplateSpan(s), allSpecial);
        const QList<QRectF> rects = view->spanRects(s);
        if (rects.isEmpty())
            continue;
        const QColor drawn = dominantTopColor(shot, rects.first());
        if (allSpecial) {
            ++templates;
            // Grey, whatever its score; described as a template token.
            QVERIFY2(closeColor(drawn, ui::HeatmapView::templateFill()),
                qPrintable(span.text + u" "_s + drawn.name()));
            QVERIFY(drawn.red() == drawn.green() && drawn.green() == drawn.blue());
            QVERIFY2(view->spanDescription(s).contains(u"template token"_s),
                qPrintable(view->spanDescription(s)));
        } else {
            ++ordinary;
            QVERIFY2(closeColor(drawn, view->scale().colorFor(span.score)),
                qPrintable(span.text + u" "_s + drawn.name()));
            QVERIFY(!view->spanDescription(s).contains(u"template token"_s));
        }
    }
    QVERIFY(templates > 0);
    QVERIFY(ordinary > 0);
    // The table flags the same spans; the scale leaves them out.
    const QAbstractItemModel *table = tab()->table()->model();
    int flagged = 0;
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->index(row, 0).data(ui::SpanTableModel::TemplateRole).toBool())
            ++flagged;
    QCOMPARE(flagged, int(view->templateSpans().count(true)));
    QVERIFY(shownExtent(view) > 0);
    QCOMPARE(tab()->scaleExtent(), shownExtent(view));
    // Here the template tokens scored the most (the sandbox's header ids): they would have washed
    // out the scale.
    double all = 0;
    for (const ScoredSpan &span : view->spans())
        all = std::max(all, std::abs(span.score));
    QVERIFY2(
        tab()->scaleExtent() < all, qPrintable(u"%1 vs %2"_s.arg(tab()->scaleExtent()).arg(all)));
    QVERIFY(tab()->scaleCaption().contains(u"template tokens grey"_s));
}

void TestExplanation::handOverFromCompletionAndChat()
{
    startSandbox();
    QSignalSpy models(m_window.get(), &ui::MainWindow::modelsRefreshed);
    m_window->refreshModels();
    QVERIFY(models.wait(5000));
    // Completion → Explain: the prompt and the completion, explained at once.
    ui::CompletionTab *completion = m_window->completionTab();
    m_window->tabs()->setCurrentWidget(completion);
    child<QComboBox>(completion, "model")->setCurrentText(u"sandbox-luminous-base"_s);
    child<QPlainTextEdit>(completion, "prompt")->setPlainText(u"The quick brown fox"_s);
    child<QSpinBox>(completion, "maximum_tokens")->setValue(6);
    QSignalSpy completed(completion, &ui::CompletionTab::finished);
    completion->run();
    QVERIFY(completed.wait(10000));
    auto *explain = child<QPushButton>(completion, "explain");
    QVERIFY(explain->isEnabled());
    const QString generated = completion->outputViews().first()->toPlainText();
    QSignalSpy explained(tab(), &ui::ExplanationTab::finished);
    QTest::mouseClick(explain, Qt::LeftButton);
    QCOMPARE(m_window->tabs()->currentWidget(), tab());
    QVERIFY(explained.wait(10000));
    QVERIFY2(tab()->hasResult(), qPrintable(tab()->statusText()));
    QCOMPARE(child<QPlainTextEdit>(tab(), "target")->toPlainText(), generated);
    QCOMPARE(child<QPlainTextEdit>(tab(), "prompt")->toPlainText(), u"The quick brown fox"_s);
    QCOMPARE(child<QComboBox>(tab(), "model")->currentText(), u"sandbox-luminous-base"_s);

    // Chat → explain on the reply: the chat in the model's prompt template, the reply as target.
    ui::ChatTab *chat = m_window->chatTab();
    m_window->tabs()->setCurrentWidget(chat);
    child<QComboBox>(chat, "model")->setCurrentText(u"sandbox-llama-3.1-8b-instruct"_s);
    child<QPlainTextEdit>(chat, "input")->setPlainText(u"Name a fruit."_s);
    QSignalSpy replied(chat, &ui::ChatTab::replyFinished);
    chat->send();
    QVERIFY(replied.wait(20000));
    QSignalSpy explainedChat(tab(), &ui::ExplanationTab::finished);
    chat->explainMessage(1);
    QCOMPARE(m_window->tabs()->currentWidget(), tab());
    QVERIFY(explainedChat.wait(20000));
    const QString prompt = child<QPlainTextEdit>(tab(), "prompt")->toPlainText();
    QVERIFY2(
        prompt.startsWith(
            u"<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nName a fruit.<|eot_id|>"_s),
        qPrintable(prompt));
    QVERIFY(prompt.endsWith(u"<|start_header_id|>assistant<|end_header_id|>\n\n"_s));
    QVERIFY(!child<QPlainTextEdit>(tab(), "target")->toPlainText().isEmpty());
    QVERIFY2(tab()->hasResult(), qPrintable(tab()->statusText()));
}

void TestExplanation::malformedAnswersGiveErrors()
{
    testsupport::TestHttpServer server;
    QVERIFY(server.listen());
    core::ClientConfig config;
    config.baseUrl = server.baseUrl();
    config.token = u"t"_s;
    config.retry.totalRetries = 0;
    m_client->setConfig(config);
    core::ExplanationRequest request;
    request.model = u"m"_s;
    request.prompt = core::Prompt::fromText(u"abc def"_s);
    request.target = u" x"_s;
    tab()->applyRequest(request);

    // Not JSON, wrong shapes: an error in the status, the previous view untouched, no crash.
    for (const QByteArray &body : {QByteArray("{\"explanations\": ["),
             QByteArray("{\"explanations\": 3}"),
             QByteArray("{\"explanations\": [{\"target\": 1, \"items\": []}]}"),
             QByteArray("[]")}) {
        server.enqueue("/v1/explain", testsupport::TestHttpServer::json(200, body));
        QVERIFY(runAndWait());
        QVERIFY2(!tab()->hasResult(), body.constData());
        QVERIFY2(!tab()->statusText().isEmpty() && !tab()->statusText().startsWith(u"Explaining"_s),
            qPrintable(tab()->statusText()));
    }
    // Scores past the end of the text, an unknown item type, more items than the prompt has:
    // clamped or skipped, shown without a crash.
    server.enqueue("/v1/explain",
        testsupport::TestHttpServer::json(200, R"({"explanations": [{"target": " x", "items": [
        {"type": "text", "scores": [{"start": 4, "length": 99, "score": 0.5}, {"start": 500, "length": 3, "score": -1}]},
        {"type": "hologram", "scores": [1, 2]},
        {"type": "text", "scores": [{"start": 0, "length": 1, "score": 2}]},
        {"type": "target", "scores": []}]}]})"));
    QVERIFY(runAndWait());
    QVERIFY2(tab()->hasResult(), qPrintable(tab()->statusText()));
    const QList<ScoredSpan> spans = tab()->heatmap()->spans();
    QCOMPARE(spans.size(), 2);
    QCOMPARE(spans.at(0).text, u"def"_s);
    QCOMPARE(spans.at(1).text, QString());
    tab()->heatmap()->viewport()->grab(); // paints
    // A server error is shown with its status and message.
    server.enqueue("/v1/explain",
        testsupport::TestHttpServer::json(503, R"({"error": "busy", "code": "BUSY"})"));
    QVERIFY(runAndWait());
    QVERIFY2(tab()->statusText().contains(u"503"_s)
            || tab()->statusText().contains(u"busy"_s, Qt::CaseInsensitive),
        qPrintable(tab()->statusText()));
}

void TestExplanation::draftAndHistoryRestore()
{
    tab()->addTokenIds({1, 2, 3});
    child<QPlainTextEdit>(tab(), "prompt")->setPlainText(u"Hello there"_s);
    child<QPlainTextEdit>(tab(), "target")->setPlainText(u" friend"_s);
    child<QComboBox>(tab(), "prompt_granularity")
        ->setCurrentIndex(child<QComboBox>(tab(), "prompt_granularity")->findData(u"custom"_s));
    child<QLineEdit>(tab(), "delimiter")->setText(u"\\n"_s);
    child<QComboBox>(tab(), "postprocessing")->setCurrentIndex(2);
    const QVariantMap draft = tab()->draft();
    // Saved as plain values under the keys drafts have always had: the request body as a map.
    QCOMPARE(draft.value(u"request"_s).toMap().value(u"postprocessing"_s).toString(), u"square"_s);
    QCOMPARE(draft.value(u"prompt_text"_s).toString(), u"Hello there"_s);
    QVERIFY(draft.contains(u"editor_position"_s) && draft.contains(u"what_if_factor"_s));
    QString error;
    const core::ApiCall call = tab()->currentCall(&error);
    QVERIFY(call.isValid());
    QCOMPARE(call.endpoint, u"explain"_s);
    QCOMPARE(call.body.value(u"prompt_granularity"_s).toObject().value(u"delimiter"_s).toString(),
        u"\n"_s);
    QCOMPARE(call.body.value(u"postprocessing"_s).toString(), u"square"_s);

    ui::MainWindow other(m_client.get());
    other.explanationTab()->restoreDraft(draft);
    const core::ApiCall restored = other.explanationTab()->currentCall(&error);
    QVERIFY(restored.isValid());
    QCOMPARE(restored.endpoint, u"explain"_s);
    QCOMPARE(restored.body, call.body);
    // Through the DraftStore too, where numbers come back as doubles or qint64.
    testsupport::TempDatabase database;
    QVERIFY2(database.open(&error), qPrintable(error));
    core::DraftStore drafts(&database.db);
    QVERIFY(drafts.save(u"explanation"_s, draft));
    ui::MainWindow third(m_client.get());
    third.explanationTab()->restoreDraft(drafts.load(u"explanation"_s));
    QCOMPARE(third.explanationTab()->currentCall(&error).body, call.body);

    // A run from the history comes back with its answer, without a request.
    core::RunRecord run;
    run.tab = u"explanation"_s;
    run.endpoint = u"explain"_s;
    run.status = core::RunStatus::Succeeded;
    run.request
        = core::ExplanationRequest::fromJson(m_recorded.at(4).requestBody.toObject(), &error)
              ->toJson();
    run.response
        = QString::fromUtf8(QJsonDocument(m_recorded.at(4).responseBody.toObject()).toJson());
    other.explanationTab()->restoreRun(run);
    QVERIFY(other.explanationTab()->hasResult());
    QCOMPARE(other.explanationTab()->targetTokens().size(), 3);
}

void TestExplanation::runsAreRecordedInTheHistory()
{
    testsupport::TempDatabase database;
    QString error;
    QVERIFY2(database.open(&error), qPrintable(error));
    core::HistoryStore history(&database.db);
    core::RunRecorder recorder;
    recorder.setStore(&history);
    tab()->setRecorder(&recorder);
    const testsupport::Interaction &recorded = m_recorded.at(4);
    tab()->applyRequest(
        *core::ExplanationRequest::fromJson(recorded.requestBody.toObject(), &error));
    const core::ApiCall call = tab()->currentCall(&error);
    QVERIFY2(call.isValid(), qPrintable(error));

    // A run: recorded as sent, finished with the answer as the typed response's JSON.
    QVERIFY(runAndWait());
    QVERIFY2(tab()->hasResult(), qPrintable(tab()->statusText()));
    QList<core::RunRecord> runs = history.search(QString(), u"explanation"_s);
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.at(0).status, core::RunStatus::Succeeded);
    QCOMPARE(runs.at(0).endpoint, u"explain"_s);
    QCOMPARE(runs.at(0).model, call.model);
    QCOMPARE(runs.at(0).request, call.body);
    QCOMPARE(runs.at(0).error, QString());
    const auto answer = runs.at(0).responseAs<core::ExplanationResponse>(&error);
    QVERIFY2(answer, qPrintable(error));
    QCOMPARE(answer->toJson(),
        core::ExplanationResponse::fromJson(recorded.responseBody.toObject(), &error)->toJson());

    // Stopped at once: Canceled without an answer, and the status line says after how long.
    tab()->run();
    QVERIFY(tab()->isBusy());
    tab()->stop();
    QVERIFY(!tab()->isBusy());
    QVERIFY2(tab()->statusText().startsWith(u"Stopped after"_s), qPrintable(tab()->statusText()));
    runs = history.search(QString(), u"explanation"_s);
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs.at(0).status, core::RunStatus::Canceled);
    QCOMPARE(runs.at(0).response, QString());
    QCOMPARE(runs.at(0).error, QString());

    // Refused input is not sent, so not recorded.
    child<QPlainTextEdit>(tab(), "prompt")->clear();
    tab()->applyRequest(core::ExplanationRequest());
    tab()->run();
    QVERIFY2(tab()->statusText().startsWith(u"Not sent"_s), qPrintable(tab()->statusText()));
    QCOMPARE(history.count(), 2);

    // The recorded run comes back in another window, answer and all.
    ui::MainWindow other(m_client.get());
    other.explanationTab()->restoreRun(history.search(QString(), u"explanation"_s).at(1));
    QVERIFY(other.explanationTab()->hasResult());
    QCOMPARE(other.explanationTab()->currentCall(&error).body, call.body);
    tab()->setRecorder(nullptr); // the recorder goes before the window
}

QTEST_MAIN(TestExplanation)
#include "TestExplanation.moc"
