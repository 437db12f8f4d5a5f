// SPDX-License-Identifier: MIT
#pragma once

#include "ui/embeddings/MapGrid.h"

#include <QImage>
#include <QList>
#include <QRectF>
#include <QRgb>

#include <algorithm>
#include <vector>

namespace ui {

/// The density image of a map's points (MapView draws it when too many points are in view for
/// discs): each pixel counts the points on it and sums their labels' colours; shown is each
/// pixel's 2 × 2 neighbourhood (points are at least 2 px wide) in the mean colour of its points,
/// more opaque and nearer the ink colour as the logarithm of its count, relative to the densest
/// pixel, grows (one point: about 55 % over the page, the densest pixel opaque).
///
/// draw() splits the image into horizontal bands of about equal numbers of points and bins and
/// shades them on the analysis threads (core::analysis::parallelParts): each band reads only the
/// grid spans of its own rows and writes only its own bins, so no locks are taken and the picture
/// is the same as drawPlain()'s, pixel for pixel. The bins stay allocated between frames and are
/// zeroed row by row as they are shaded, so a frame neither allocates nor clears them in a
/// separate pass. Not thread-safe: one object draws one image at a time.
class MapDensity
{
public:
    /// Where a point lands, in the image's pixels: (ox + x · scale, oy − y · scale) for data
    /// coordinates (x, y); a point lands on the pixel whose square holds it.
    struct Transform
    {
        double ox = 0;
        double oy = 0;
        double scale = 1; ///< pixels per data unit, > 0
    };
    /// The colours: `slots[s]` is the colour of colour slot s (MapGrid::slot; a slot without a
    /// colour counts as black), `page` the background, `ink` the colour dense cores lean towards.
    struct Colours
    {
        QList<QRgb> slots;
        QRgb page = 0xffffffff;
        QRgb ink = 0xff000000;
    };

    /// Draws the points of `grid` inside `area` (data units; at least what the image shows) into
    /// `image` (QImage::Format_RGB32 or ARGB32; every pixel is written, opaque), with the image
    /// split into bands() bands.
    void draw(QImage &image,
        const MapGrid &grid,
        const QRectF &area,
        const Transform &transform,
        const Colours &colours);
    /// The same picture the plain way, for comparison: one thread, fresh bins, every pixel.
    static void drawPlain(QImage &image,
        const MapGrid &grid,
        const QRectF &area,
        const Transform &transform,
        const Colours &colours);

    /// The number of bands draw() splits the image into: by default (0) one per analysis thread
    /// (core::analysis::analysisThreads()); more bands than threads run several per thread.
    void setBands(int bands) { m_bands = std::max(0, bands); }
    int bands() const;

    /// The colour sums of one pixel's points.
    struct Sum
    {
        quint32 r, g, b;
    };

private:
    std::vector<quint32> m_counts; ///< per pixel, row-major; all 0 between draws
    std::vector<Sum> m_sums; ///< per pixel; only meaningful where the count is > 0
    int m_width = 0;
    int m_height = 0;
    int m_bands = 0;
};

} // namespace ui
