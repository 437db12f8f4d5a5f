// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/Similarity.h"

#include <QImage>
#include <QStringList>
#include <QWidget>

namespace ui {

/// A cosine-similarity matrix as a heatmap: one cell per pair, in the order given (by label or by
/// clustering), coloured on a sequential scale (ColorBrewer YlGnBu) from the smallest to the
/// largest similarity off the diagonal; a colour bar shows the range. With labels, a strip along
/// both edges shows each row's label colour and lines mark where the label changes. Hovering a
/// cell shows both texts and their similarity.
class MatrixView : public QWidget
{
    Q_OBJECT
public:
    explicit MatrixView(QWidget *parent = nullptr);
    /// `rows[i]` is the data row of matrix row i (for #numbers); `labels` and `texts` are per
    /// matrix row; `labelIndex` per matrix row (−1: none), `order` a permutation of 0..size−1.
    void setMatrix(core::analysis::SimilarityMatrix matrix,
        const std::vector<int> &order,
        const QList<int> &rows,
        const QList<int> &labelIndex,
        const QStringList &labelNames,
        const QStringList &texts);
    void setPlaceholder(const QString &text);
    int size() const { return m_matrix.size; }
    /// The matrix cell (row, column in display order) under widget position `pos`, or (−1, −1).
    QPoint cellAt(QPoint pos) const;
    /// Tool tip text of a display cell.
    QString cellText(int displayRow, int displayColumn) const;
    /// The heatmap as an image (one pixel per cell, before scaling), for export and tests.
    const QImage &image() const { return m_image; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    /// A theme change: the cells are coloured again in the new scheme's scale.
    void changeEvent(QEvent *event) override;

private:
    QRectF matrixRect() const;
    void colourImage();
    core::analysis::SimilarityMatrix m_matrix;
    std::vector<int> m_order;
    QList<int> m_rows;
    QList<int> m_labelIndex;
    QStringList m_labelNames;
    QStringList m_texts;
    QImage m_image;
    float m_low = 0, m_high = 1;
    QString m_placeholder;
};

/// The similarity scale of the current scheme at t in 0..1 (Palette::similarityColor: light,
/// ColorBrewer's 9-class YlGnBu; dark, viridis), interpolated.
QColor sequentialColor(double t);

} // namespace ui
