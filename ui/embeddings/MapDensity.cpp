// SPDX-License-Identifier: MIT
#include "ui/embeddings/MapDensity.h"

#include "core/analysis/Parallel.h"

#include <cmath>

namespace ui {

namespace {

using Sum = MapDensity::Sum;

/// Per pixel count (up to 4 · the densest bin's, capped): the opacity and the share of the ink
/// colour; and the page and ink colours' channels.
struct Shading
{
    std::vector<float> opacity;
    std::vector<float> inkShare;
    float page[3];
    float ink[3];
    quint32 pageRgb;
};

Shading makeShading(quint32 densest, const MapDensity::Colours &colours)
{
    Shading s;
    const size_t size = std::min<size_t>(densest, 65535) * 4 + 1;
    s.opacity.resize(size);
    s.inkShare.resize(size);
    const float logDensest = std::log1p(float(densest) * 4);
    for (size_t c = 0; c < size; ++c) {
        const float t = std::log1p(float(c)) / logDensest;
        s.opacity[c] = 0.55f + 0.45f * t; // one point: 55 %, the densest: opaque
        s.inkShare[c] = 0.5f * t * t; // dense cores lean towards the ink colour
    }
    const QRgb page = colours.page, ink = colours.ink;
    s.page[0] = float(qRed(page));
    s.page[1] = float(qGreen(page));
    s.page[2] = float(qBlue(page));
    s.ink[0] = float(qRed(ink));
    s.ink[1] = float(qGreen(ink));
    s.ink[2] = float(qBlue(ink));
    s.pageRgb = 0xff000000u | (page & 0xffffffu);
    return s;
}

/// The colour of each slot as a Sum of one point.
std::vector<Sum> slotSums(const MapDensity::Colours &colours)
{
    std::vector<Sum> table;
    table.reserve(size_t(colours.slots.size()));
    for (const QRgb c : colours.slots)
        table.push_back(Sum{quint32(qRed(c)), quint32(qGreen(c)), quint32(qBlue(c))});
    return table;
}

/// Bins the points of `spans` that land in columns [0, w) and rows [y0, y1) into `counts` and
/// `sums` (w per row; a sum whose count is 0 is taken as 0). Returns the highest count reached.
quint32 binSpans(const MapGrid &grid,
    const std::vector<MapGrid::Span> &spans,
    const MapDensity::Transform &t,
    const std::vector<Sum> &table,
    int w,
    int y0,
    int y1,
    quint32 *counts,
    Sum *sums)
{
    quint32 densest = 0;
    const double s = t.scale;
    const size_t slots = table.size();
    for (const MapGrid::Span &span : spans) {
        for (int k = span.begin; k < span.end; ++k) {
            const double fx = t.ox + double(grid.x(k)) * s, fy = t.oy - double(grid.y(k)) * s;
            if (!(fx >= 0 && fx < w && fy >= y0 && fy < y1))
                continue;
            const size_t i = size_t(int(fy)) * size_t(w) + size_t(int(fx));
            const size_t slot = grid.slot(k);
            const Sum c = slot < slots ? table[slot] : Sum{0, 0, 0};
            const quint32 keep = counts[i] ? ~0u : 0u; // a stale sum from an earlier frame goes
            Sum &sum = sums[i];
            sum.r = (sum.r & keep) + c.r;
            sum.g = (sum.g & keep) + c.g;
            sum.b = (sum.b & keep) + c.b;
            densest = std::max(densest, ++counts[i]);
        }
    }
    return densest;
}

/// Shades one image row of `w` pixels: pixel x from the bins at x − 1 and x of its row and the row
/// above (`countsAbove` all 0 for the first row).
void shadeRow(quint32 *out,
    int w,
    const quint32 *counts,
    const quint32 *countsAbove,
    const Sum *sums,
    const Sum *sumsAbove,
    const Shading &s)
{
    const size_t last = s.opacity.size() - 1;
    quint32 leftCount = 0, leftR = 0, leftG = 0, leftB = 0; // the column x − 1
    for (int x = 0; x < w; ++x) {
        const quint32 here = counts[x], above = countsAbove[x];
        quint32 columnR = 0, columnG = 0, columnB = 0;
        if (here) {
            columnR += sums[x].r;
            columnG += sums[x].g;
            columnB += sums[x].b;
        }
        if (above) {
            columnR += sumsAbove[x].r;
            columnG += sumsAbove[x].g;
            columnB += sumsAbove[x].b;
        }
        const quint32 columnCount = here + above;
        const quint32 count = columnCount + leftCount;
        const quint32 r = columnR + leftR, g = columnG + leftG, b = columnB + leftB;
        leftCount = columnCount;
        leftR = columnR;
        leftG = columnG;
        leftB = columnB;
        if (count == 0) {
            out[x] = s.pageRgb;
            continue;
        }
        const size_t c = std::min<size_t>(count, last);
        const float opacity = s.opacity[c], inkShare = s.inkShare[c];
        const float perPoint = 1.0f / float(count);
        const auto channel = [&](quint32 sum, int k) {
            const float mean = float(sum) * perPoint;
            const float colour = mean + (s.ink[k] - mean) * inkShare;
            return quint32(s.page[k] + (colour - s.page[k]) * opacity + 0.5f);
        };
        out[x] = 0xff000000u | channel(r, 0) << 16 | channel(g, 1) << 8 | channel(b, 2);
    }
}

/// Shades row y of the image at `bits` from the bins (w a row) of rows y − 1 and y; `zeros`: w
/// zero counts, the row above the first.
void shadeImageRow(uchar *bits,
    qsizetype bytesPerLine,
    int y,
    int w,
    const quint32 *counts,
    const Sum *sums,
    const quint32 *zeros,
    const Shading &s)
{
    const size_t here = size_t(y) * size_t(w), above = y > 0 ? here - size_t(w) : here;
    shadeRow(reinterpret_cast<quint32 *>(bits + y * bytesPerLine),
        w,
        counts + here,
        y > 0 ? counts + above : zeros,
        sums + here,
        sums + above,
        s);
}

/// Position `rank` (0-based) of the positions `spans` hold, in order.
int positionAt(const std::vector<MapGrid::Span> &spans, qsizetype rank)
{
    for (const MapGrid::Span &span : spans) {
        if (rank < span.end - span.begin)
            return span.begin + int(rank);
        rank -= span.end - span.begin;
    }
    return spans.empty() ? 0 : spans.back().end - 1;
}

} // namespace

int MapDensity::bands() const
{
    return m_bands > 0 ? m_bands : core::analysis::analysisThreads();
}

void MapDensity::drawPlain(QImage &image,
    const MapGrid &grid,
    const QRectF &area,
    const Transform &transform,
    const Colours &colours)
{
    const int w = image.width(), h = image.height();
    if (w <= 0 || h <= 0)
        return;
    std::vector<quint32> counts(size_t(w) * size_t(h), 0);
    std::vector<Sum> sums(counts.size(), Sum{0, 0, 0});
    const quint32 densest = binSpans(
        grid, grid.spans(area), transform, slotSums(colours), w, 0, h, counts.data(), sums.data());
    const Shading shading = makeShading(std::max(1u, densest), colours);
    const std::vector<quint32> zeros(size_t(w), 0);
    uchar *bits = image.bits();
    for (int y = 0; y < h; ++y)
        shadeImageRow(
            bits, image.bytesPerLine(), y, w, counts.data(), sums.data(), zeros.data(), shading);
}

void MapDensity::draw(QImage &image,
    const MapGrid &grid,
    const QRectF &area,
    const Transform &transform,
    const Colours &colours)
{
    const int w = image.width(), h = image.height();
    if (w <= 0 || h <= 0)
        return;
    if (w != m_width || h != m_height) {
        m_counts.assign(size_t(w) * size_t(h), 0);
        m_sums.assign(m_counts.size(), Sum{0, 0, 0});
        m_width = w;
        m_height = h;
    }
    const QRectF view = area.normalized();
    const std::vector<MapGrid::Span> spans = grid.spans(view);
    qsizetype inView = 0;
    for (const MapGrid::Span &span : spans)
        inView += span.end - span.begin;
    const int bandCount = std::clamp(bands(), 1, h);
    const double s = transform.scale;

    // 1. Bin. Band b holds image rows [edges[b], edges[b + 1]) and about as many points as the
    // others. The grid's cell order runs up the data's y axis, i.e. up the image: the points
    // above edge b are the b / bandCount of them ranked last.
    std::vector<int> edges(size_t(bandCount) + 1, 0);
    edges.back() = h;
    for (int b = 1; b < bandCount; ++b) {
        double edge = double(qint64(h) * b / bandCount);
        if (inView > 0) {
            const int k = positionAt(spans, inView * (bandCount - b) / bandCount);
            edge = std::floor(transform.oy - double(grid.y(k)) * s);
        }
        edges[size_t(b)] = std::max(edges[size_t(b) - 1], int(std::clamp(edge, 0.0, double(h))));
    }
    // A band reads the grid rows of its image rows, widened by 2 pixels and by what storing the
    // coordinates as floats may move a point (the grid files them by their exact coordinates).
    const QRectF bounds = grid.bounds();
    const double slack
        = 2 / s + 1e-6 * (1 + std::max(std::abs(bounds.top()), std::abs(bounds.bottom())));
    const std::vector<Sum> table = slotSums(colours);
    std::vector<quint32> densest(size_t(bandCount), 0);
    core::analysis::parallelParts(bandCount, 1, [&](int, qsizetype first, qsizetype end) {
        for (qsizetype b = first; b < end; ++b) {
            const int y0 = edges[size_t(b)], y1 = edges[size_t(b) + 1];
            const double top = std::max(view.top(), (transform.oy - y1) / s - slack);
            const double bottom = std::min(view.bottom(), (transform.oy - y0) / s + slack);
            if (y0 >= y1 || top > bottom)
                continue;
            const QRectF rows(QPointF(view.left(), top), QPointF(view.right(), bottom));
            densest[size_t(b)] = binSpans(grid,
                grid.spans(rows),
                transform,
                table,
                w,
                y0,
                y1,
                m_counts.data(),
                m_sums.data());
        }
    });

    // 2. Shade, in bands of equal height; a band zeroes each row of bins once the row below has
    // been shaded (the last row of a band waits for the band below).
    const Shading shading
        = makeShading(std::max(1u, *std::max_element(densest.begin(), densest.end())), colours);
    const std::vector<quint32> zeros(size_t(w), 0);
    uchar *bits = image.bits();
    const qsizetype bytesPerLine = image.bytesPerLine();
    const auto firstRow = [&](qsizetype b) {
        return int(qint64(h) * b / bandCount);
    };
    const auto clearRow = [&](int y) {
        std::fill_n(m_counts.begin() + qsizetype(y) * w, w, 0u);
    };
    core::analysis::parallelParts(bandCount, 1, [&](int, qsizetype first, qsizetype end) {
        for (qsizetype b = first; b < end; ++b) {
            for (int y = firstRow(b); y < firstRow(b + 1); ++y) {
                shadeImageRow(bits,
                    bytesPerLine,
                    y,
                    w,
                    m_counts.data(),
                    m_sums.data(),
                    zeros.data(),
                    shading);
                if (y > firstRow(b))
                    clearRow(y - 1);
            }
        }
    });
    for (int b = 1; b <= bandCount; ++b)
        if (firstRow(b) > firstRow(b - 1))
            clearRow(firstRow(b) - 1);
}

} // namespace ui
