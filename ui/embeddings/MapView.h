// SPDX-License-Identifier: MIT
#pragma once

#include "ui/common/Palette.h"
#include "ui/embeddings/MapDensity.h"
#include "ui/embeddings/MapGrid.h"

#include <QColor>
#include <QImage>
#include <QList>
#include <QPointF>
#include <QSet>
#include <QWidget>

class QPainter;
class QRubberBand;

namespace ui {

/// `text` on one line (line breaks as spaces), cut to `length` characters with an ellipsis.
QString elideText(const QString &text, int length);

/// The colour of label number `index` in the current scheme (Palette::labelColor: Okabe-Ito, then
/// Tableau 10, distinct for colour-blind readers up to 8 labels); −1 (no label) is grey.
QColor labelColor(int index);

/// A scatter plot of many points (1,000,000 and more), rasterized straight into an image (no
/// per-point QPainter call) from a MapGrid, so a redraw only touches the points in view and stays
/// within a frame while zooming. Up to kDiscLimit points in view each is a small disc in its
/// label's colour; above, the view is a density image: each pixel counts its points, and is shaded
/// in the mean colour of their labels, more opaque and nearer the ink colour as the logarithm of
/// its count grows (so the labels' colours stay where points are sparse and dense cores show).
/// Search hits get a ring and their rank, the chosen point a ring and lines to its neighbours,
/// selected points a dark outline.
///
/// Mouse: wheel zooms at the cursor, drag pans, Shift+drag selects a rectangle (Ctrl adds), a
/// click chooses the nearest point, hovering shows its text. Keys: + and − zoom, 0 fits, Escape
/// clears the selection.
class MapView : public QWidget
{
    Q_OBJECT
public:
    /// The most points in view drawn as discs; above, the density image.
    static constexpr qsizetype kDiscLimit = 60000;
    /// The most points exported one ellipse each in SVG; above, the raster is embedded.
    static constexpr qsizetype kVectorLimit = 50000;

    explicit MapView(QWidget *parent = nullptr);

    /// Replaces the points. `labels[i]` indexes `labelNames` (−1: none); `texts` are shown on
    /// hover. Fits the view. Sizes must match (else nothing is shown).
    void setPoints(const QList<QPointF> &points,
        const QList<int> &labels,
        const QStringList &labelNames,
        const QStringList &texts);
    /// Axis captions ("PCA 1 (23 %)", "UMAP 1") under and beside the plot.
    void setAxisTitles(const QString &x, const QString &y);
    /// The empty-state text shown while there are no points.
    void setPlaceholder(const QString &text);
    int pointCount() const { return int(m_points.size()); }
    /// Data coordinates of point `row`.
    QPointF point(int row) const { return m_points.value(row); }

    void setSelection(const QList<int> &rows);
    QList<int> selection() const;
    /// Search hits, best first (ringed and numbered).
    void setHighlights(const QList<int> &rows);
    QList<int> highlights() const { return m_highlights; }
    /// The chosen point (−1: none) and the neighbours drawn from it.
    void setCurrent(int row, const QList<int> &neighbours = {});
    int current() const { return m_current; }

    /// The view: data point at the widget's centre and pixels per data unit.
    QPointF center() const { return m_center; }
    double scale() const { return m_scale; }
    void setView(QPointF center, double scale);
    void fit();
    /// Zooms by `factor` keeping the data point under widget position `anchor` in place.
    void zoomAt(QPointF anchor, double factor);
    /// Widget position of data point `p`, and back.
    QPointF toWidget(QPointF p) const;
    QPointF toData(QPointF w) const;
    /// The point nearest widget position `pos` within `radius` pixels, or −1.
    int pointAt(QPointF pos, double radius = 6) const;

    /// Renders the plot (points, marks, legend, axis titles) on `painter` in `target` in the
    /// colours of `palette` (by default the light one, on white): for PNG and SVG export.
    /// `vector`: one ellipse per point (SVG) instead of the raster.
    void render(QPainter *painter,
        const QRectF &target,
        bool vector,
        const Palette &palette = Palette::light()) const;
    /// Milliseconds the last raster of the points took (bench_embeddings reads it).
    double lastRasterMs() const { return m_lastRasterMs; }
    /// Whether the last raster was the density image (else discs).
    bool lastRasterWasDensity() const { return m_lastRasterDensity; }
    /// Re-rasterizes the points now into the widget-sized image (what paintEvent does when the
    /// view changed); for benchmarks.
    void rasterize();

Q_SIGNALS:
    void selectionChanged();
    /// A point was clicked (row), or empty space (−1).
    void pointActivated(int row);
    void viewChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;
    /// A theme change: the points are rasterized again in the new scheme's colours.
    void changeEvent(QEvent *event) override;

private:
    QRectF plotRect() const;
    /// Returns true when it drew the density image.
    /// The radius of a point's disc in pixels: by the number of points, scaled with the text.
    double discRadius() const;
    bool rasterizeInto(QImage &image,
        const QRectF &plot,
        QPointF center,
        double scale,
        const Palette &palette) const;
    void drawDiscs(QImage &image,
        const std::vector<MapGrid::Span> &spans,
        QPointF origin,
        QPointF center,
        double scale,
        const QList<quint32> &colours) const;
    void drawOverlay(QPainter &p,
        const QRectF &plot,
        QPointF center,
        double scale,
        const Palette &palette) const;
    void drawLegend(QPainter &p, const QRectF &plot, const Palette &palette) const;
    /// The plot's border, legend and axis titles; `left` is the x of the area's left edge.
    void drawFrame(QPainter &p, const QRectF &plot, double left, const Palette &palette) const;
    QPointF mapPoint(QPointF point, const QRectF &plot, QPointF center, double scale) const;

    QList<QPointF> m_points;
    QList<int> m_labels;
    QStringList m_labelNames;
    QList<int> m_labelCounts;
    QStringList m_texts;
    QRectF m_bounds;
    MapGrid m_grid;
    mutable MapDensity m_density; ///< the density image's bins, kept between frames
    QString m_xTitle, m_yTitle, m_placeholder;
    QSet<int> m_selected;
    QList<int> m_highlights;
    int m_current = -1;
    QList<int> m_neighbours;
    int m_hover = -1;

    QPointF m_center;
    double m_scale = 1;
    QImage m_raster;
    bool m_rasterDirty = true;
    bool m_autoFit = true; // fitted and not zoomed or panned since: re-fit on resize
    double m_lastRasterMs = 0;
    bool m_lastRasterDensity = false;

    QPoint m_pressPos;
    QPointF m_pressCenter;
    bool m_dragging = false;
    bool m_selecting = false;
    QRubberBand *m_band = nullptr;
};

} // namespace ui
