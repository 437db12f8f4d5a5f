// SPDX-License-Identifier: MIT
#include "ui/embeddings/MapGrid.h"

#include <algorithm>
#include <cmath>

namespace ui {

void MapGrid::build(const QList<QPointF> &points, const QList<int> &slots)
{
    const qsizetype n = points.size();
    m_bounds = QRectF();
    m_cellStart.clear();
    m_xy.clear();
    m_rows.clear();
    m_slots.clear();
    m_cols = m_cellRows = 0;
    if (n == 0)
        return;
    double x0 = points.first().x(), x1 = x0, y0 = points.first().y(), y1 = y0;
    for (const QPointF &p : points) {
        x0 = std::min(x0, p.x());
        x1 = std::max(x1, p.x());
        y0 = std::min(y0, p.y());
        y1 = std::max(y1, p.y());
    }
    m_bounds = QRectF(QPointF(x0, y0), QPointF(x1, y1));
    const int side = std::clamp(int(std::ceil(std::sqrt(double(n) / 4))), 1, 1024);
    m_cols = m_cellRows = side;
    m_cellWidth = std::max(x1 - x0, 1e-12) / side;
    m_cellHeight = std::max(y1 - y0, 1e-12) / side;
    const auto cellOf = [&](const QPointF &p) {
        const int c = std::clamp(int((p.x() - x0) / m_cellWidth), 0, m_cols - 1);
        const int r = std::clamp(int((p.y() - y0) / m_cellHeight), 0, m_cellRows - 1);
        return r * m_cols + c;
    };
    // Counting sort by cell.
    std::vector<int> cell(static_cast<size_t>(n));
    m_cellStart.assign(size_t(m_cols) * size_t(m_cellRows) + 1, 0);
    for (qsizetype i = 0; i < n; ++i) {
        cell[size_t(i)] = cellOf(points.at(i));
        ++m_cellStart[size_t(cell[size_t(i)]) + 1];
    }
    for (size_t c = 1; c < m_cellStart.size(); ++c)
        m_cellStart[c] += m_cellStart[c - 1];
    std::vector<int> next(m_cellStart.begin(), m_cellStart.end() - 1);
    m_xy.resize(size_t(n) * 2);
    m_rows.resize(size_t(n));
    m_slots.resize(size_t(n));
    for (qsizetype i = 0; i < n; ++i) {
        const int k = next[size_t(cell[size_t(i)])]++;
        m_xy[size_t(2 * k)] = float(points.at(i).x());
        m_xy[size_t(2 * k + 1)] = float(points.at(i).y());
        m_rows[size_t(k)] = int(i);
        m_slots[size_t(k)] = quint16(std::clamp(slots.value(i), 0, 65535));
    }
}

std::vector<MapGrid::Span> MapGrid::spans(const QRectF &area) const
{
    std::vector<Span> out;
    if (m_rows.empty())
        return out;
    const QRectF a = area.normalized();
    if (a.right() < m_bounds.left() || a.left() > m_bounds.right() || a.bottom() < m_bounds.top()
        || a.top() > m_bounds.bottom())
        return out;
    const auto column = [&](double x) {
        return std::clamp(int(std::floor((x - m_bounds.left()) / m_cellWidth)), 0, m_cols - 1);
    };
    const auto cellRow = [&](double y) {
        return std::clamp(int(std::floor((y - m_bounds.top()) / m_cellHeight)), 0, m_cellRows - 1);
    };
    const int c0 = column(a.left()), c1 = column(a.right());
    const int r0 = cellRow(a.top()), r1 = cellRow(a.bottom());
    for (int r = r0; r <= r1; ++r) {
        const int begin = m_cellStart[size_t(r) * size_t(m_cols) + size_t(c0)];
        const int end = m_cellStart[size_t(r) * size_t(m_cols) + size_t(c1) + 1];
        if (end > begin) {
            if (!out.empty() && out.back().end == begin)
                out.back().end = end; // a whole row of cells joins the next
            else
                out.push_back({begin, end});
        }
    }
    return out;
}

qsizetype MapGrid::countIn(const QRectF &area) const
{
    qsizetype count = 0;
    for (const Span &s : spans(area))
        count += s.end - s.begin;
    return count;
}

int MapGrid::nearest(QPointF p, double radius) const
{
    int best = -1;
    double bestDistance = radius * radius;
    for (const Span &s : spans(QRectF(p.x() - radius, p.y() - radius, 2 * radius, 2 * radius))) {
        for (int k = s.begin; k < s.end; ++k) {
            const double dx = x(k) - p.x(), dy = y(k) - p.y();
            const double d = dx * dx + dy * dy;
            if (d < bestDistance || (d == bestDistance && (best < 0 || row(k) < best))) {
                bestDistance = d;
                best = row(k);
            }
        }
    }
    return best;
}

} // namespace ui
