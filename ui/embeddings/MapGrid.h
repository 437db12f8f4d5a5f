// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>

#include <vector>

namespace ui {

/// The map's points bucketed in a uniform grid over their bounds (about 4 points a cell, at most
/// 1,024 × 1,024 cells), stored in cell order: the points of one row of cells are contiguous, so
/// the points in a rectangle are a few spans (one per row of cells it touches) and a viewport only
/// touches what it can show. Built once per set of points in O(points) (a counting sort).
class MapGrid
{
public:
    /// A run [begin, end) of positions in cell order.
    struct Span
    {
        int begin;
        int end;
    };

    /// Buckets `points`; `slots[i]` (a colour slot, 0..65535) travels with point i.
    void build(const QList<QPointF> &points, const QList<int> &slots);
    int size() const { return int(m_rows.size()); }
    /// The bounds of all points (null when empty).
    QRectF bounds() const { return m_bounds; }

    /// The spans holding every point inside `area` (and some near it: whole cells).
    std::vector<Span> spans(const QRectF &area) const;
    /// How many points the spans of `area` hold (an upper bound of the points inside).
    qsizetype countIn(const QRectF &area) const;

    /// Position `k`'s coordinates (in cell order), its point's row and colour slot.
    float x(int k) const { return m_xy[size_t(2 * k)]; }
    float y(int k) const { return m_xy[size_t(2 * k + 1)]; }
    int row(int k) const { return m_rows[size_t(k)]; }
    quint16 slot(int k) const { return m_slots[size_t(k)]; }

    /// The row of the point nearest `p` within `radius` (data units), or −1; of equally near
    /// points the lowest row.
    int nearest(QPointF p, double radius) const;

private:
    QRectF m_bounds;
    int m_cols = 0;
    int m_cellRows = 0;
    double m_cellWidth = 1;
    double m_cellHeight = 1;
    std::vector<int> m_cellStart; ///< m_cols · m_cellRows + 1 offsets into the arrays below
    std::vector<float> m_xy;
    std::vector<int> m_rows;
    std::vector<quint16> m_slots;
};

} // namespace ui
