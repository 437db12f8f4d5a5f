// SPDX-License-Identifier: MIT
// The map's density image: the banded, multi-threaded MapDensity::draw() paints the same picture
// as the plain one-thread MapDensity::drawPlain(), pixel for pixel, over a sequence of zooms and
// pans (the bins it keeps between frames are left clean), with any number of bands; and the
// picture shades what it should (a lone point in its label's colour over the page, overlaps
// darker). MapView draws the density image from 60,000 points in view (a QTest of the whole
// widget at that size would be slow), so the comparison runs on the class itself.
#include "ui/embeddings/MapDensity.h"
#include "ui/embeddings/MapGrid.h"

#include <QTest>

#include <cmath>
#include <random>

class TestMapDensity : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bandedEqualsPlain_data();
    void bandedEqualsPlain();
    void shadesOverlaps();
};

namespace {

const ui::MapDensity::Colours kColours{
    {qRgb(0, 114, 178), qRgb(213, 94, 0), qRgb(0, 158, 115), qRgb(128, 128, 128)},
    qRgb(255, 255, 255),
    qRgb(30, 30, 30)};

/// The first differing pixel of `a` and `b` as "(x, y): #rrggbb vs #rrggbb", or empty.
QString firstDifference(const QImage &a, const QImage &b)
{
    if (a.size() != b.size())
        return QStringLiteral("sizes differ");
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            if (a.pixel(x, y) != b.pixel(x, y))
                return QStringLiteral("(%1, %2): %3 vs %4")
                    .arg(x)
                    .arg(y)
                    .arg(QString::number(a.pixel(x, y), 16), QString::number(b.pixel(x, y), 16));
    return {};
}

/// Pixels of `image` that are not `page`.
int inked(const QImage &image, QRgb page)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += image.pixel(x, y) != page;
    return n;
}

} // namespace

void TestMapDensity::bandedEqualsPlain_data()
{
    QTest::addColumn<int>("bands");
    QTest::newRow("one band") << 1;
    QTest::newRow("two bands") << 2;
    QTest::newRow("seven bands") << 7;
    QTest::newRow("one per analysis thread") << 0;
}

void TestMapDensity::bandedEqualsPlain()
{
    QFETCH(int, bands);
    // 5,000 points in four blobs of different spreads (slots 0..3; slot 3 stands for "no label"),
    // a few exactly on top of each other and one far away.
    std::mt19937 engine(7);
    std::normal_distribution<double> gaussian(0, 1);
    QList<QPointF> points;
    QList<int> slots;
    for (int i = 0; i < 5000; ++i) {
        const int c = i % 4;
        const double spread = 0.3 + 0.2 * c;
        points.append(QPointF(3 * std::cos(c * 1.7) + spread * gaussian(engine),
            3 * std::sin(c * 1.7) + spread * gaussian(engine)));
        slots.append(c);
    }
    for (int i = 0; i < 50; ++i) {
        points.append(QPointF(0.25, -0.5));
        slots.append(i % 3);
    }
    points.append(QPointF(40, 25));
    slots.append(1);
    ui::MapGrid grid;
    grid.build(points, slots);

    ui::MapDensity density;
    density.setBands(bands);
    if (bands > 0)
        QCOMPARE(density.bands(), bands);
    else
        QVERIFY(density.bands() >= 1);
    // Fitted; zoomed in twice at a time towards blob 0's edge; panned; away from every point;
    // fitted again; fitted in a smaller image (the bins are made again). `inked`: whether the
    // view shows points.
    struct View
    {
        QPointF center;
        double zoom;
        QSize size;
        bool inked;
    };
    const QRectF bounds = grid.bounds();
    std::vector<View> views{{bounds.center(), 1, QSize(317, 211), true}};
    for (int k = 1; k <= 6; ++k)
        views.push_back({QPointF(2.8, 0.1), std::pow(2.0, k), QSize(317, 211), true});
    views.push_back({QPointF(3.1, -0.2), 64, QSize(317, 211), false});
    views.push_back({QPointF(3.4, -0.5), 64, QSize(317, 211), false});
    views.push_back({QPointF(-200, -200), 64, QSize(317, 211), false});
    views.push_back({bounds.center(), 1, QSize(317, 211), true});
    views.push_back({bounds.center(), 1, QSize(120, 90), true});
    for (size_t v = 0; v < views.size(); ++v) {
        const View &view = views[v];
        const double w = view.size.width(), h = view.size.height();
        const double scale = view.zoom * std::min(w / bounds.width(), h / bounds.height());
        const QPointF c = view.center;
        const ui::MapDensity::Transform transform{
            w / 2 - c.x() * scale, h / 2 + c.y() * scale, scale};
        const double margin = 3 / scale;
        const QRectF area(QPointF(c.x() - w / 2 / scale - margin, c.y() - h / 2 / scale - margin),
            QPointF(c.x() + w / 2 / scale + margin, c.y() + h / 2 / scale + margin));
        // Different fillings: equal pictures mean both painted every pixel.
        QImage banded(view.size, QImage::Format_RGB32), plain(view.size, QImage::Format_RGB32);
        banded.fill(Qt::red);
        plain.fill(Qt::green);
        density.draw(banded, grid, area, transform, kColours);
        ui::MapDensity::drawPlain(plain, grid, area, transform, kColours);
        const QString difference = firstDifference(banded, plain);
        QVERIFY2(
            difference.isEmpty(), qPrintable(QStringLiteral("view %1: %2").arg(v).arg(difference)));
        const int ink = inked(banded, kColours.page);
        if (view.inked)
            QVERIFY2(ink > 100, qPrintable(QStringLiteral("view %1: %2").arg(v).arg(ink)));
        if (view.center.x() < -100)
            QCOMPARE(ink, 0);
    }
}

void TestMapDensity::shadesOverlaps()
{
    // Slot 0 alone at pixel (2, 2); slot 1 fifty times at (10, 6): each shows on its 2 × 2
    // block (the pixel and the ones right of and below it), the overlap darker and opaque.
    QList<QPointF> points{QPointF(2.5, -2.5)};
    QList<int> slots{0};
    for (int i = 0; i < 50; ++i) {
        points.append(QPointF(10.5, -6.5));
        slots.append(1);
    }
    ui::MapGrid grid;
    grid.build(points, slots);
    QImage image(16, 12, QImage::Format_RGB32);
    ui::MapDensity density;
    density.setBands(3);
    density.draw(image, grid, QRectF(-1, -13, 18, 14), {0, 0, 1}, kColours);
    const QColor lone = image.pixelColor(2, 2), dense = image.pixelColor(10, 6);
    QCOMPARE(image.pixelColor(3, 3), lone);
    QCOMPARE(image.pixelColor(11, 7), dense);
    QCOMPARE(image.pixel(1, 2), kColours.page);
    QCOMPARE(image.pixel(4, 4), kColours.page);
    QCOMPARE(inked(image, kColours.page), 8);
    // The lone point: slot 0's blue, at least half opaque over white; the dense one opaque, its
    // orange leaning towards the ink.
    const QColor blue(kColours.slots.at(0)), orange(kColours.slots.at(1));
    QVERIFY(lone.red() < 255 && lone.red() > blue.red());
    QVERIFY(lone.blue() < 255 && lone.blue() >= blue.blue());
    QVERIFY2(lone.red() <= 255 - (255 - blue.red()) / 2, qPrintable(lone.name()));
    QVERIFY2(dense.red() < orange.red() && dense.blue() < 64, qPrintable(dense.name()));
    QVERIFY2(dense.red() > dense.green() && dense.green() > dense.blue(), qPrintable(dense.name()));
}

QTEST_MAIN(TestMapDensity)
#include "TestMapDensity.moc"
