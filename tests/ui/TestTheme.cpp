// SPDX-License-Identifier: MIT
// Theme and colour (issue 20): every colour text is drawn on keeps a WCAG AA contrast ratio
// (>= 4.5:1) with the text colour the view picks for it, in both schemes; switching the theme
// repaints views in the other scheme's colours; exports stay on white; --theme names parse.
#include "core/analysis/ExplanationScores.h"
#include "core/api/Prompt.h"
#include "ui/common/Palette.h"
#include "ui/common/Theme.h"
#include "ui/completion/CompletionView.h"
#include "ui/embeddings/EmbeddingsExporter.h"
#include "ui/embeddings/MapView.h"
#include "ui/explanation/HeatmapView.h"

#include <QApplication>
#include <QLabel>
#include <QPainter>
#include <QSignalSpy>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QToolButton>

using namespace Qt::StringLiterals;
using core::analysis::ScoredSpan;
using ui::Palette;
using ui::Scheme;

namespace {

constexpr double kAA = 4.5;

QString describe(const QColor &background, const QColor &text)
{
    return u"%1 on %2: %3:1"_s.arg(text.name(), background.name())
        .arg(Palette::contrastRatio(background, text), 0, 'f', 2);
}

/// The QPalette the scheme's widgets use (what applyTheme installs for Light and Dark).
QPalette qtPalette(Scheme scheme)
{
    return scheme == Scheme::Dark ? ui::darkPalette() : ui::lightPalette();
}

} // namespace

class TestTheme : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanupTestCase();
    void contrastFormula();
    void firstLabelColoursDifferInHue();
    void scalesKeepContrast_data();
    void scalesKeepContrast();
    void semanticColoursKeepContrast_data();
    void semanticColoursKeepContrast();
    void applyThemeSwitchesPalette();
    void heatmapRepaintsInTheOtherScheme();
    void completionShadingFollowsTheme();
    void textRoleFollowsTheme();
    void styleSheetWidgetsFollowTheme();
    void exportsStayOnWhite();
    void modeNames();
};

void TestTheme::init()
{
    ui::applyTheme(ui::ThemeMode::Light);
}

void TestTheme::cleanupTestCase()
{
    ui::applyTheme(ui::ThemeMode::System);
}

void TestTheme::firstLabelColoursDifferInHue()
{
    // A sample set has up to 5 labels (everyday topics): in both schemes their colours are of
    // different hues, at least 15 degrees apart (two blues once made medicine and law look alike).
    for (const ui::Palette *palette : {&ui::Palette::light(), &ui::Palette::dark()}) {
        for (int a = 0; a < 5; ++a)
            for (int b = a + 1; b < 5; ++b) {
                const int ha = palette->labelColor(a).hslHue();
                const int hb = palette->labelColor(b).hslHue();
                const int apart = std::min(std::abs(ha - hb), 360 - std::abs(ha - hb));
                QVERIFY2(apart >= 15,
                    qPrintable(
                        QStringLiteral("labels %1 and %2: %3 and %4")
                            .arg(a)
                            .arg(b)
                            .arg(palette->labelColor(a).name(), palette->labelColor(b).name())));
            }
    }
}

void TestTheme::contrastFormula()
{
    // WCAG 2: black on white is 21:1, a colour on itself 1:1, #777 on white just under 4.5.
    QCOMPARE(Palette::contrastRatio(Qt::black, Qt::white), 21.0);
    QCOMPARE(Palette::contrastRatio(QColor(0x33, 0x66, 0x99), QColor(0x33, 0x66, 0x99)), 1.0);
    QVERIFY(std::abs(Palette::contrastRatio(QColor(0x77, 0x77, 0x77), Qt::white) - 4.48) < 0.01);
    QVERIFY(std::abs(Palette::relativeLuminance(QColor(0x80, 0x80, 0x80)) - 0.2158) < 0.001);
}

void TestTheme::scalesKeepContrast_data()
{
    QTest::addColumn<int>("scheme");
    QTest::newRow("light") << int(Scheme::Light);
    QTest::newRow("dark") << int(Scheme::Dark);
}

void TestTheme::scalesKeepContrast()
{
    QFETCH(int, scheme);
    const Palette &p = Palette::forScheme(Scheme(scheme));
    int checked = 0;
    double lowest = 21;
    QString lowestWhat;
    const auto check = [&](const QString &what, const QColor &background, const QColor &text) {
        ++checked;
        const double ratio = Palette::contrastRatio(background, text);
        if (ratio < lowest) {
            lowest = ratio;
            lowestWhat = what + u": "_s + describe(background, text);
        }
        QVERIFY2(ratio >= kAA, qPrintable(what + u": "_s + describe(background, text)));
    };
    // The heatmap draws its text with one pen (HeatmapView::inkOn): it must be what textOn picks
    // for every colour of the scale, and readable on each.
    const QColor ink = ui::HeatmapView::inkOn(p);
    for (int i = 0; i <= 100; ++i) {
        const double t = -1.0 + i / 50.0;
        const QColor c = p.scoreColor(t);
        QVERIFY2(p.textOn(c) == ink,
            qPrintable(u"explanation scale at %1 wants %2, the heatmap draws %3"_s.arg(t).arg(
                p.textOn(c).name(), ink.name())));
        check(u"explanation scale at %1"_s.arg(t), c, ink);
        const QColor shade = p.logProbShade(i / 100.0);
        check(u"log-prob shading at p = %1"_s.arg(i / 100.0), shade, p.textOn(shade));
        const QColor score = p.translationScore(0.5 + i / 200.0);
        check(u"translation score %1"_s.arg(0.5 + i / 200.0), score, p.textOn(score));
        const QColor similarity = p.similarityColor(i / 100.0);
        check(u"similarity scale at %1"_s.arg(i / 100.0), similarity, p.textOn(similarity));
    }
    check(u"translation score 0"_s, p.translationScore(0.0), p.textOn(p.translationScore(0.0)));
    check(u"template tokens"_s, p.templateFill, p.templateInk);
    check(u"unscored token chip"_s, p.neutralFill, p.textOn(p.neutralFill));
    for (int k = 0; k < 2; ++k)
        check(u"token fill %1"_s.arg(k), p.tokenFills[k], p.textOn(p.tokenFills[k]));
    check(u"current token"_s, p.tokenCurrent, p.textOn(p.tokenCurrent));
    check(u"search-hit rank badge"_s, p.highlight, p.textOn(p.highlight));
    check(u"map legend"_s,
        Palette::composite(p.legendBackground, p.page),
        p.textOn(p.legendBackground));
    for (int l = -1; l < p.labelColorCount(); ++l) {
        check(u"label %1 swatch"_s.arg(l), p.labelColor(l), p.textOn(p.labelColor(l)));
        check(
            u"label %1 as text"_s.arg(l), p.page, p.labelTextColor(l)); // hit and neighbour numbers
    }
    // The page itself: captions and ink.
    check(u"heatmap caption"_s, p.page, p.caption);
    check(u"heatmap ink"_s, p.page, p.ink);
    QVERIFY(checked > 400);
    qInfo("%d colours checked; the lowest contrast: %s", checked, qPrintable(lowestWhat));
}

void TestTheme::semanticColoursKeepContrast_data()
{
    scalesKeepContrast_data();
}

void TestTheme::semanticColoursKeepContrast()
{
    QFETCH(int, scheme);
    const Palette &p = Palette::forScheme(Scheme(scheme));
    const QPalette qt = qtPalette(Scheme(scheme));
    const auto check = [&](const QString &what, const QColor &background, const QColor &text) {
        QVERIFY2(Palette::contrastRatio(background, text) >= kAA,
            qPrintable(what + u": "_s + describe(background, text)));
    };
    // Status text on the window (labels) and on the base (lists, tables).
    for (const QPalette::ColorRole role : {QPalette::Window, QPalette::Base}) {
        const QColor bg = qt.color(role);
        for (const ui::TextRole r : {ui::TextRole::Error,
                 ui::TextRole::Warning,
                 ui::TextRole::Success,
                 ui::TextRole::Info,
                 ui::TextRole::Muted})
            check(u"text role %1 on role %2"_s.arg(int(r)).arg(int(role)),
                bg,
                ui::textRoleColor(r, p));
        check(u"window text"_s, bg, qt.color(QPalette::Text));
    }
    check(u"sandbox banner"_s, p.sandboxBannerBackground, p.sandboxBannerText);
    check(u"notice"_s, p.noticeBackground, p.noticeText);
    check(u"steering badge"_s, p.steeringBadgeBackground, p.steeringBadgeText);
    check(u"steering problem badge"_s, p.steeringProblemBackground, p.steeringProblemText);
    check(u"TLS badge"_s, p.tlsBadgeBackground, p.tlsBadgeText);
    check(u"TLS warning"_s, p.tlsWarningBackground, p.tlsWarningText);
    // Cells and spans that keep the widget's own text colour.
    const QColor text = qt.color(QPalette::Text);
    check(u"problem row"_s, p.problemFill, text);
    check(u"diff added"_s, p.diffAdded, text);
    check(u"diff removed"_s, p.diffRemoved, text);
    check(u"quoted output"_s, p.quoteBackground, text);
    check(u"translation source mark"_s,
        Palette::composite(p.segmentMark, qt.color(QPalette::Base)),
        text);
    check(u"selection"_s, qt.color(QPalette::Highlight), qt.color(QPalette::HighlightedText));
}

void TestTheme::applyThemeSwitchesPalette()
{
    QSignalSpy changed(ui::themeNotifier(), &ui::ThemeNotifier::changed);
    ui::applyTheme(ui::ThemeMode::Dark);
    QCOMPARE(ui::themeMode(), ui::ThemeMode::Dark);
    QCOMPARE(ui::currentScheme(), Scheme::Dark);
    QCOMPARE(&Palette::current(), &Palette::dark());
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 128);
    QCOMPARE(QApplication::style()->name().toLower(), u"fusion"_s);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<Scheme>(), Scheme::Dark);
    ui::applyTheme(ui::ThemeMode::Light);
    QCOMPARE(ui::currentScheme(), Scheme::Light);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() >= 128);
    QCOMPARE(changed.count(), 2);
    // System: back to what the platform gave (offscreen: a light palette).
    ui::applyTheme(ui::ThemeMode::System);
    QCOMPARE(ui::themeMode(), ui::ThemeMode::System);
    QCOMPARE(ui::currentScheme(),
        QApplication::palette().color(QPalette::Window).lightness() < 128 ? Scheme::Dark
                                                                          : Scheme::Light);
}

void TestTheme::heatmapRepaintsInTheOtherScheme()
{
    ui::HeatmapView view;
    view.resize(500, 300);
    core::Prompt prompt;
    prompt.items = {core::PromptItem::fromText(u"The quick brown fox jumps"_s)};
    view.setContent(prompt, u" over"_s);
    ScoredSpan strong;
    strong.kind = ScoredSpan::Kind::Text;
    strong.item = 0;
    strong.start = strong.first = 4;
    strong.length = 5;
    strong.last = 9;
    strong.score = 1.0;
    strong.text = u"quick"_s;
    view.setSpans({strong});
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QList<QRectF> rects = view.spanRects(0);
    QVERIFY(!rects.isEmpty());
    // A pixel inside the span but off its glyphs: the top-left corner.
    const QPoint inSpan = rects.first().topLeft().toPoint() + QPoint(1, 1);
    const QPoint onPage(view.viewport()->width() - 5, view.viewport()->height() - 5);
    const auto pixel = [&](const QPoint &pos) {
        return view.viewport()->grab().toImage().pixelColor(pos);
    };
    const auto close = [](const QColor &a, const QColor &b) {
        return std::abs(a.red() - b.red()) <= 2 && std::abs(a.green() - b.green()) <= 2
            && std::abs(a.blue() - b.blue()) <= 2;
    };
    const double extent = view.scale().extent();
    const QColor lightSpan = pixel(inSpan);
    QVERIFY2(close(lightSpan, Palette::light().scoreColor(strong.score / extent)),
        qPrintable(lightSpan.name()));
    QVERIFY2(close(pixel(onPage), Palette::light().page), qPrintable(pixel(onPage).name()));

    ui::applyTheme(ui::ThemeMode::Dark);
    QTRY_VERIFY2(close(pixel(inSpan), Palette::dark().scoreColor(strong.score / extent)),
        qPrintable(pixel(inSpan).name()));
    QVERIFY2(close(pixel(onPage), Palette::dark().page), qPrintable(pixel(onPage).name()));
    QVERIFY(!close(pixel(inSpan), lightSpan));

    ui::applyTheme(ui::ThemeMode::Light);
    QTRY_VERIFY2(close(pixel(inSpan), lightSpan), qPrintable(pixel(inSpan).name()));
}

void TestTheme::completionShadingFollowsTheme()
{
    ui::CompletionView view;
    core::CompletionResult result;
    result.completion = u" fox jumps"_s;
    result.completionTokens = QStringList{u" fox"_s, u" jumps"_s};
    result.logProbs = QList<QMap<QString, double>>{
        {{u" fox"_s, std::log(0.9)}}, {{u" jumps"_s, std::log(0.1)}}};
    view.showResult(result, false);
    QCOMPARE(view.tokenCount(), 2);
    view.show(); // a window never shown has no platform window, and Qt sends it no palette change
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const auto formatAt = [&](int position) {
        QTextCursor cursor(view.document());
        cursor.setPosition(position + 1);
        return cursor.charFormat();
    };
    const QTextCharFormat light = formatAt(5); // in " jumps"
    QCOMPARE(light.background().color(), Palette::light().logProbShade(0.1));
    QCOMPARE(
        light.foreground().color(), Palette::light().textOn(Palette::light().logProbShade(0.1)));
    ui::applyTheme(ui::ThemeMode::Dark);
    QTRY_COMPARE(formatAt(5).background().color(), Palette::dark().logProbShade(0.1));
    const QTextCharFormat dark = formatAt(5);
    QCOMPARE(dark.foreground().color(), Palette::dark().textOn(Palette::dark().logProbShade(0.1)));
    QVERIFY(!dark.toolTip().isEmpty()); // recolouring keeps the alternatives
    QCOMPARE(view.toPlainText(), u" fox jumps"_s);
}

void TestTheme::textRoleFollowsTheme()
{
    QLabel label(u"Something failed"_s);
    label.show();
    QVERIFY(QTest::qWaitForWindowExposed(&label));
    ui::setTextRole(&label, ui::TextRole::Error);
    QCOMPARE(label.palette().color(QPalette::WindowText), Palette::light().error);
    ui::applyTheme(ui::ThemeMode::Dark);
    QCOMPARE(label.palette().color(QPalette::WindowText), Palette::dark().error);
    ui::setTextRole(&label, ui::TextRole::Normal);
    QCOMPARE(label.palette().color(QPalette::WindowText),
        QApplication::palette().color(QPalette::WindowText));
    ui::applyTheme(ui::ThemeMode::Light);
    QCOMPARE(label.palette().color(QPalette::WindowText),
        QApplication::palette().color(QPalette::WindowText));
}

void TestTheme::styleSheetWidgetsFollowTheme()
{
    // A style sheet that sets no colour (padding, palette(...) references) must not freeze the
    // colours the widget was first polished with.
    QWidget window;
    auto *label = new QLabel(u"padded"_s, &window);
    label->setStyleSheet(u"padding: 12px;"_s);
    auto *button = new QToolButton(&window);
    button->setCheckable(true);
    button->setStyleSheet(
        u"QToolButton:checked { background: palette(highlight); color: palette(highlighted-text); }"_s);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(label->palette().color(QPalette::WindowText),
        ui::lightPalette().color(QPalette::WindowText));
    ui::applyTheme(ui::ThemeMode::Dark);
    QTRY_COMPARE(label->palette().color(QPalette::WindowText),
        ui::darkPalette().color(QPalette::WindowText));
    QTRY_COMPARE(button->palette().color(QPalette::ButtonText),
        ui::darkPalette().color(QPalette::ButtonText));
    ui::applyTheme(ui::ThemeMode::Light);
    QTRY_COMPARE(label->palette().color(QPalette::WindowText),
        ui::lightPalette().color(QPalette::WindowText));
    QTRY_COMPARE(button->palette().color(QPalette::ButtonText),
        ui::lightPalette().color(QPalette::ButtonText));
}

void TestTheme::exportsStayOnWhite()
{
    ui::applyTheme(ui::ThemeMode::Dark);
    ui::MapView map;
    map.resize(300, 200);
    QList<QPointF> points;
    for (int i = 0; i < 50; ++i)
        points.append(QPointF(i % 10, i / 10));
    map.setPoints(points, QList<int>(50, 0), {u"one"_s}, QStringList(50, u"t"_s));
    // The PNG export: on white in the light colours, unless asked for another palette.
    QTemporaryDir dir;
    QString error;
    const QString onWhite = dir.filePath(u"map.png"_s), asShown = dir.filePath(u"map-dark.png"_s);
    QVERIFY2(ui::EmbeddingsExporter::exportMap(map, 50, onWhite, &error), qPrintable(error));
    QVERIFY2(ui::EmbeddingsExporter::exportMap(map, 50, asShown, &error, Palette::current()),
        qPrintable(error));
    QCOMPARE(QImage(onWhite).pixelColor(2, 2), Palette::light().page);
    QCOMPARE(QImage(asShown).pixelColor(2, 2), Palette::dark().page);
    // On screen the same view is on the dark page.
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
    QCOMPARE(map.grab().toImage().pixelColor(2, 2), Palette::dark().page);
}

void TestTheme::modeNames()
{
    QCOMPARE(ui::themeModeFromName(u"dark"_s), ui::ThemeMode::Dark);
    QCOMPARE(ui::themeModeFromName(u"Light"_s), ui::ThemeMode::Light);
    QCOMPARE(ui::themeModeFromName(u"system"_s), ui::ThemeMode::System);
    QVERIFY(!ui::themeModeFromName(u"blue"_s));
    for (const ui::ThemeMode m : {ui::ThemeMode::System, ui::ThemeMode::Light, ui::ThemeMode::Dark})
        QCOMPARE(ui::themeModeFromName(ui::themeModeName(m)), m);
}

QTEST_MAIN(TestTheme)
#include "TestTheme.moc"
