// SPDX-License-Identifier: MIT
#include "ui/embeddings/MapView.h"

#include <QElapsedTimer>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QRubberBand>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace ui {

namespace {

constexpr double kLeftMargin = 26;
constexpr double kBottomMargin = 24;
constexpr double kMargin = 8;

/// Disc radius in pixels: larger when there are few points.
double pointRadius(qsizetype count)
{
    return count <= 2000 ? 4.0 : count <= 20000 ? 3.0 : 2.0;
}

} // namespace

QString elideText(const QString &text, int length)
{
    QString oneLine = text;
    oneLine.replace(u'\n', u' ');
    return oneLine.size() <= length ? oneLine : oneLine.left(length - 1) + QChar(0x2026);
}

QColor labelColor(int index)
{
    return Palette::current().labelColor(index);
}

MapView::MapView(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(240, 200);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Embedding map"));
}

void MapView::setPoints(const QList<QPointF> &points,
    const QList<int> &labels,
    const QStringList &labelNames,
    const QStringList &texts)
{
    if (labels.size() != points.size() || texts.size() != points.size()) {
        m_points.clear();
        m_labels.clear();
        m_texts.clear();
    } else {
        m_points = points;
        m_labels = labels;
        m_texts = texts;
    }
    m_labelNames = labelNames;
    m_labelCounts = QList<int>(labelNames.size() + 1, 0);
    for (const int l : std::as_const(m_labels))
        ++m_labelCounts[l >= 0 && l < labelNames.size() ? l : labelNames.size()];
    QList<int> slots;
    slots.reserve(m_labels.size());
    for (const int l : std::as_const(m_labels))
        slots.append(l >= 0 && l < labelNames.size() ? l : int(labelNames.size()));
    m_grid.build(m_points, slots);
    m_bounds = m_grid.bounds();
    m_selected.clear();
    m_highlights.clear();
    m_current = -1;
    m_neighbours.clear();
    m_hover = -1;
    fit();
    Q_EMIT selectionChanged();
}

void MapView::setAxisTitles(const QString &x, const QString &y)
{
    m_xTitle = x;
    m_yTitle = y;
    update();
}

void MapView::setPlaceholder(const QString &text)
{
    m_placeholder = text;
    update();
}

void MapView::setSelection(const QList<int> &rows)
{
    m_selected.clear();
    for (const int r : rows)
        if (r >= 0 && r < m_points.size())
            m_selected.insert(r);
    update();
    Q_EMIT selectionChanged();
}

QList<int> MapView::selection() const
{
    QList<int> rows(m_selected.begin(), m_selected.end());
    std::sort(rows.begin(), rows.end());
    return rows;
}

void MapView::setHighlights(const QList<int> &rows)
{
    m_highlights = rows;
    update();
}

void MapView::setCurrent(int row, const QList<int> &neighbours)
{
    m_current = row >= 0 && row < m_points.size() ? row : -1;
    m_neighbours = m_current >= 0 ? neighbours : QList<int>();
    update();
}

QRectF MapView::plotRect() const
{
    return QRectF(kLeftMargin,
        kMargin,
        std::max(10.0, width() - kLeftMargin - kMargin),
        std::max(10.0, height() - kMargin - kBottomMargin));
}

void MapView::setView(QPointF center, double scale)
{
    m_center = center;
    m_scale = std::clamp(scale, 1e-9, 1e12);
    m_rasterDirty = true;
    update();
    Q_EMIT viewChanged();
}

void MapView::fit()
{
    const QRectF plot = plotRect();
    if (m_bounds.isNull() && m_points.isEmpty())
        return setView(QPointF(0, 0), 1);
    const double w = std::max(m_bounds.width(), 1e-9), h = std::max(m_bounds.height(), 1e-9);
    double scale = std::min(plot.width() / w, plot.height() / h) * 0.9;
    if (m_bounds.width() <= 1e-9 && m_bounds.height() <= 1e-9)
        scale = 1;
    setView(m_bounds.center(), scale);
    m_autoFit = true;
}

void MapView::zoomAt(QPointF anchor, double factor)
{
    const QPointF before = toData(anchor);
    const double scale = std::clamp(m_scale * factor, 1e-9, 1e12);
    const QRectF plot = plotRect();
    // Keep `before` under `anchor`: anchor = plot.center + (before − c') · scale (y flipped).
    const QPointF c(before.x() - (anchor.x() - plot.center().x()) / scale,
        before.y() + (anchor.y() - plot.center().y()) / scale);
    setView(c, scale);
    m_autoFit = false;
}

QPointF MapView::mapPoint(QPointF point, const QRectF &plot, QPointF center, double scale) const
{
    return QPointF(plot.center().x() + (point.x() - center.x()) * scale,
        plot.center().y() - (point.y() - center.y()) * scale);
}

QPointF MapView::toWidget(QPointF p) const
{
    return mapPoint(p, plotRect(), m_center, m_scale);
}

QPointF MapView::toData(QPointF w) const
{
    const QRectF plot = plotRect();
    return QPointF(m_center.x() + (w.x() - plot.center().x()) / m_scale,
        m_center.y() - (w.y() - plot.center().y()) / m_scale);
}

int MapView::pointAt(QPointF pos, double radius) const
{
    if (m_points.isEmpty() || m_scale <= 0)
        return -1;
    return m_grid.nearest(toData(pos), radius / m_scale);
}

double MapView::discRadius() const
{
    // Larger type (View ▸ Zoom, Presenter mode) makes larger discs, as the text around them.
    const double textScale = std::clamp(fontMetrics().height() / 16.0, 1.0, 3.0);
    return pointRadius(m_points.size()) * textScale;
}

bool MapView::rasterizeInto(
    QImage &image, const QRectF &plot, QPointF center, double scale, const Palette &palette) const
{
    const double dpr = image.devicePixelRatio();
    const double r = discRadius() * dpr;
    const QPointF origin(
        (plot.center().x() - plot.left()) * dpr, (plot.center().y() - plot.top()) * dpr);
    const double s = scale * dpr;
    // The data rectangle in view, widened by a disc.
    const double margin = (r + 1) / s;
    const QRectF area(QPointF(center.x() - origin.x() / s - margin,
                          center.y() - (image.height() - origin.y()) / s - margin),
        QPointF(center.x() + (image.width() - origin.x()) / s + margin,
            center.y() + origin.y() / s + margin));
    const std::vector<MapGrid::Span> spans = m_grid.spans(area);
    qsizetype inView = 0;
    for (const MapGrid::Span &span : spans)
        inView += span.end - span.begin;
    if (inView > kDiscLimit) {
        MapDensity::Colours colours{{}, palette.page.rgb(), palette.ink.rgb()};
        for (int l = 0; l <= m_labelNames.size(); ++l)
            colours.slots.append(palette.labelColor(l < m_labelNames.size() ? l : -1).rgb());
        m_density.draw(image,
            m_grid,
            area,
            {origin.x() - center.x() * s, origin.y() + center.y() * s, s},
            colours);
        return true;
    }
    image.fill(palette.page);
    // Colours with 80 % opacity, premultiplied, per label.
    constexpr quint32 alpha = 204;
    QList<quint32> colours;
    for (int l = 0; l <= m_labelNames.size(); ++l) {
        const QColor c = palette.labelColor(l < m_labelNames.size() ? l : -1);
        colours.append((quint32(c.red()) * alpha / 255) << 16
            | (quint32(c.green()) * alpha / 255) << 8 | (quint32(c.blue()) * alpha / 255));
    }
    drawDiscs(image, spans, origin, center, s, colours);
    return false;
}

void MapView::drawDiscs(QImage &image,
    const std::vector<MapGrid::Span> &spans,
    QPointF origin,
    QPointF center,
    double s,
    const QList<quint32> &colours) const
{
    constexpr quint32 alpha = 204;
    const int w = image.width(), h = image.height();
    const double r = discRadius() * image.devicePixelRatio();
    // The disc's pixel offsets, once.
    QList<QPoint> disc;
    const int ri = int(std::ceil(r));
    for (int dy = -ri; dy <= ri; ++dy)
        for (int dx = -ri; dx <= ri; ++dx)
            if (dx * dx + dy * dy <= r * r)
                disc.append(QPoint(dx, dy));
    auto *bits = reinterpret_cast<quint32 *>(image.bits());
    const qsizetype stride = image.bytesPerLine() / 4;
    for (const MapGrid::Span &span : spans) {
        for (int k = span.begin; k < span.end; ++k) {
            const int x = int(std::lround(origin.x() + (double(m_grid.x(k)) - center.x()) * s));
            const int y = int(std::lround(origin.y() - (double(m_grid.y(k)) - center.y()) * s));
            if (x < -ri || y < -ri || x >= w + ri || y >= h + ri)
                continue;
            const quint32 src = colours.value(m_grid.slot(k));
            for (const QPoint &o : std::as_const(disc)) {
                const int px = x + o.x(), py = y + o.y();
                if (px < 0 || py < 0 || px >= w || py >= h)
                    continue;
                quint32 &dst = bits[qsizetype(py) * stride + px];
                // src over dst, per channel: src + dst · (1 − α)
                const quint32 keep = 255 - alpha;
                const quint32 rr = ((src >> 16) & 0xff) + (((dst >> 16) & 0xff) * keep) / 255;
                const quint32 gg = ((src >> 8) & 0xff) + (((dst >> 8) & 0xff) * keep) / 255;
                const quint32 bb = (src & 0xff) + ((dst & 0xff) * keep) / 255;
                dst = 0xff000000u | rr << 16 | gg << 8 | bb;
            }
        }
    }
}

void MapView::rasterize()
{
    const QRectF plot = plotRect();
    const qreal dpr = devicePixelRatioF();
    const QSize size = (plot.size() * dpr).toSize();
    if (m_raster.size() != size)
        m_raster = QImage(size, QImage::Format_RGB32);
    m_raster.setDevicePixelRatio(dpr);
    QElapsedTimer clock;
    clock.start();
    m_lastRasterDensity = rasterizeInto(m_raster, plot, m_center, m_scale, Palette::current());
    m_lastRasterMs = clock.nsecsElapsed() / 1e6;
    m_rasterDirty = false;
}

void MapView::drawOverlay(
    QPainter &p, const QRectF &plot, QPointF center, double scale, const Palette &palette) const
{
    p.save();
    p.setClipRect(plot);
    p.setRenderHint(QPainter::Antialiasing);
    const double r = discRadius();
    if (!m_selected.isEmpty()) {
        p.setPen(QPen(palette.selectionRing, 1.4));
        p.setBrush(Qt::NoBrush);
        // Only the rings in view, and at most 20,000 of them (a frame's worth of ellipses).
        int drawn = 0;
        const QRectF near = plot.adjusted(-r - 3, -r - 3, r + 3, r + 3);
        for (const int i : m_selected) {
            const QPointF c = mapPoint(m_points.at(i), plot, center, scale);
            if (!near.contains(c))
                continue;
            p.drawEllipse(c, r + 1.5, r + 1.5);
            if (++drawn >= 20000)
                break;
        }
    }
    if (m_current >= 0) {
        const QPointF c = mapPoint(m_points.at(m_current), plot, center, scale);
        p.setPen(QPen(palette.neighbourLine, 1, Qt::DashLine));
        for (const int n : m_neighbours)
            if (n >= 0 && n < m_points.size())
                p.drawLine(c, mapPoint(m_points.at(n), plot, center, scale));
        p.setPen(QPen(palette.ink, 2));
        p.drawEllipse(c, r + 5, r + 5);
    }
    if (!m_highlights.isEmpty()) {
        QFont f = p.font();
        f.setBold(true);
        p.setFont(f);
        for (qsizetype k = m_highlights.size() - 1; k >= 0; --k) {
            const int i = m_highlights.at(k);
            if (i < 0 || i >= m_points.size())
                continue;
            const QPointF c = mapPoint(m_points.at(i), plot, center, scale);
            p.setPen(QPen(palette.highlight, 2.2));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(c, r + 4, r + 4);
            if (k < 10) {
                const QString rank = QString::number(k + 1);
                const QRectF box(c + QPointF(r + 4, -r - 16),
                    QSizeF(p.fontMetrics().horizontalAdvance(rank) + 6, 15));
                p.setPen(Qt::NoPen);
                p.setBrush(palette.highlight);
                p.drawRoundedRect(box, 3, 3);
                p.setPen(palette.textOn(palette.highlight));
                p.drawText(box, Qt::AlignCenter, rank);
            }
        }
    }
    if (m_hover >= 0 && m_hover < m_points.size()) {
        p.setPen(QPen(palette.ink, 1.5));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(mapPoint(m_points.at(m_hover), plot, center, scale), r + 3, r + 3);
    }
    p.restore();
}

void MapView::drawLegend(QPainter &p, const QRectF &plot, const Palette &palette) const
{
    QList<int> shown;
    for (int l = 0; l < m_labelNames.size(); ++l)
        if (m_labelCounts.value(l) > 0)
            shown.append(l);
    const bool unlabelled = m_labelCounts.value(m_labelNames.size()) > 0 && !shown.isEmpty();
    if (shown.isEmpty())
        return;
    const int maxRows = 14;
    const QFontMetrics fm = p.fontMetrics();
    QStringList lines;
    for (const int l : std::as_const(shown).mid(0, maxRows))
        lines.append(
            u"%1 (%2)"_s.arg(elideText(m_labelNames.at(l), 28)).arg(m_labelCounts.value(l)));
    if (shown.size() > maxRows)
        lines.append(tr("… %n more labels", nullptr, int(shown.size() - maxRows)));
    if (unlabelled)
        lines.append(tr("no label (%1)").arg(m_labelCounts.value(m_labelNames.size())));
    int textWidth = 0;
    for (const QString &line : std::as_const(lines))
        textWidth = std::max(textWidth, fm.horizontalAdvance(line));
    const double rowHeight = fm.height() + 2;
    const QRectF box(plot.right() - textWidth - 34,
        plot.top() + 6,
        textWidth + 28,
        rowHeight * lines.size() + 8);
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(palette.legendBorder);
    p.setBrush(palette.legendBackground);
    p.drawRoundedRect(box, 4, 4);
    for (int k = 0; k < lines.size(); ++k) {
        const double y = box.top() + 4 + rowHeight * k;
        int label = -2;
        if (k < std::min<qsizetype>(maxRows, shown.size()))
            label = shown.at(k);
        else if (unlabelled && k == lines.size() - 1)
            label = -1;
        if (label != -2) {
            p.setPen(Qt::NoPen);
            p.setBrush(palette.labelColor(label));
            p.drawEllipse(QPointF(box.left() + 11, y + rowHeight / 2), 4.5, 4.5);
        }
        p.setPen(palette.textOn(palette.legendBackground));
        p.drawText(QRectF(box.left() + 20, y, textWidth + 4, rowHeight),
            Qt::AlignVCenter | Qt::AlignLeft,
            lines.at(k));
    }
    p.restore();
}

void MapView::render(
    QPainter *painter, const QRectF &target, bool vector, const Palette &palette) const
{
    QPainter &p = *painter;
    p.save();
    p.fillRect(target, palette.page);
    const QRectF plot(target.left() + kLeftMargin,
        target.top() + kMargin,
        target.width() - kLeftMargin - kMargin,
        target.height() - kMargin - kBottomMargin);
    // The same view, fitted to the target's plot area.
    const QRectF own = plotRect();
    const double scale
        = m_scale * std::min(plot.width() / own.width(), plot.height() / own.height());
    if (vector && m_points.size() <= kVectorLimit) {
        p.setPen(Qt::NoPen);
        p.setRenderHint(QPainter::Antialiasing);
        const double r = discRadius();
        p.setClipRect(plot);
        for (int i = 0; i < m_points.size(); ++i) {
            QColor c
                = palette.labelColor(m_labels.at(i) < m_labelNames.size() ? m_labels.at(i) : -1);
            c.setAlphaF(0.8f);
            p.setBrush(c);
            p.drawEllipse(mapPoint(m_points.at(i), plot, m_center, scale), r, r);
        }
        p.setClipping(false);
    } else {
        QImage image((plot.size()).toSize(), QImage::Format_RGB32);
        rasterizeInto(image, QRectF(QPointF(0, 0), plot.size()), m_center, scale, palette);
        p.drawImage(plot.topLeft(), image);
    }
    drawOverlay(p, plot, m_center, scale, palette);
    drawFrame(p, plot, target.left(), palette);
    p.restore();
}

void MapView::drawFrame(QPainter &p, const QRectF &plot, double left, const Palette &palette) const
{
    p.save();
    p.setPen(palette.frame);
    p.setBrush(Qt::NoBrush);
    p.drawRect(plot);
    drawLegend(p, plot, palette);
    p.setPen(palette.caption);
    p.drawText(QRectF(plot.left(), plot.bottom() + 2, plot.width(), kBottomMargin - 2),
        Qt::AlignCenter,
        m_xTitle);
    p.translate(left + 4, plot.center().y());
    p.rotate(-90);
    p.drawText(
        QRectF(-plot.height() / 2, 0, plot.height(), kLeftMargin - 6), Qt::AlignCenter, m_yTitle);
    p.restore();
}

void MapView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    if (m_points.isEmpty()) {
        p.fillRect(rect(), palette().base());
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(
            rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        return;
    }
    const Palette &colours = Palette::current();
    p.fillRect(rect(), colours.page);
    const QRectF plot = plotRect();
    if (m_rasterDirty || m_raster.size() != (plot.size() * devicePixelRatioF()).toSize())
        rasterize();
    p.drawImage(plot.topLeft(), m_raster);
    drawOverlay(p, plot, m_center, m_scale, colours);
    drawFrame(p, plot, 0, colours);
    if (hasFocus()) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 1));
        p.drawRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5));
    }
}

void MapView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        m_rasterDirty = true;
        update();
    }
}

void MapView::resizeEvent(QResizeEvent *)
{
    m_rasterDirty = true;
    if (m_autoFit)
        fit(); // not zoomed or panned since the last fit: stay fitted to the new size
}

void MapView::wheelEvent(QWheelEvent *event)
{
    if (m_points.isEmpty())
        return;
    const double steps = event->angleDelta().y() / 120.0;
    zoomAt(event->position(), std::pow(1.25, steps));
    event->accept();
}

void MapView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    setFocus(Qt::MouseFocusReason);
    m_pressPos = event->position().toPoint();
    m_pressCenter = m_center;
    if (event->modifiers() & Qt::ShiftModifier) {
        m_selecting = true;
        if (!m_band)
            m_band = new QRubberBand(QRubberBand::Rectangle, this);
        m_band->setGeometry(QRect(m_pressPos, QSize()));
        m_band->show();
    } else {
        m_dragging = true;
    }
}

void MapView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_selecting && m_band) {
        m_band->setGeometry(QRect(m_pressPos, pos).normalized());
        return;
    }
    if (m_dragging && (pos - m_pressPos).manhattanLength() > 3) {
        setCursor(Qt::ClosedHandCursor);
        const QPointF delta = QPointF(pos - m_pressPos) / m_scale;
        setView(QPointF(m_pressCenter.x() - delta.x(), m_pressCenter.y() + delta.y()), m_scale);
        m_autoFit = false;
        return;
    }
    const int hover = pointAt(event->position());
    if (hover != m_hover) {
        m_hover = hover;
        update();
        if (hover >= 0) {
            const int l = m_labels.at(hover);
            const QString label
                = l >= 0 && l < m_labelNames.size() ? m_labelNames.at(l) : QString();
            QString tip = u"<b>#%1</b>"_s.arg(hover + 1);
            if (!label.isEmpty())
                tip += u" <span style='color:%1'>●</span> %2"_s.arg(
                    labelColor(l).name(), label.toHtmlEscaped());
            tip += u"<br>"_s + elideText(m_texts.at(hover), 400).toHtmlEscaped();
            QToolTip::showText(event->globalPosition().toPoint(),
                u"<div style='max-width:420px'>%1</div>"_s.arg(tip),
                this);
        } else {
            QToolTip::hideText();
        }
    }
}

void MapView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mouseReleaseEvent(event);
    const QPoint pos = event->position().toPoint();
    if (m_selecting) {
        m_selecting = false;
        if (m_band)
            m_band->hide();
        const QRectF area = QRectF(QRect(m_pressPos, pos).normalized());
        if (!(event->modifiers() & Qt::ControlModifier))
            m_selected.clear();
        const QRectF plot = plotRect();
        const QRectF dataArea = QRectF(toData(area.topLeft()), toData(area.bottomRight()));
        for (const MapGrid::Span &span : m_grid.spans(dataArea.normalized())) {
            for (int k = span.begin; k < span.end; ++k) {
                const int i = m_grid.row(k);
                if (area.contains(mapPoint(m_points.at(i), plot, m_center, m_scale)))
                    m_selected.insert(i);
            }
        }
        update();
        Q_EMIT selectionChanged();
        return;
    }
    const bool click = (pos - m_pressPos).manhattanLength() <= 3;
    m_dragging = false;
    unsetCursor();
    if (click)
        Q_EMIT pointActivated(pointAt(event->position()));
}

void MapView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (pointAt(event->position()) < 0)
        fit();
}

void MapView::keyPressEvent(QKeyEvent *event)
{
    const QPointF middle = plotRect().center();
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        return zoomAt(middle, 1.25);
    case Qt::Key_Minus:
        return zoomAt(middle, 0.8);
    case Qt::Key_0:
    case Qt::Key_Home:
        return fit();
    case Qt::Key_Escape:
        if (!m_selected.isEmpty()) {
            setSelection({});
            return;
        }
        break;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

void MapView::leaveEvent(QEvent *)
{
    if (m_hover >= 0) {
        m_hover = -1;
        update();
    }
}

} // namespace ui
