// SPDX-License-Identifier: MIT
#include "ui/embeddings/MatrixView.h"

#include "ui/common/Palette.h"
#include "ui/embeddings/MapView.h"

#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ui {

QColor sequentialColor(double t)
{
    return Palette::current().similarityColor(t);
}

MatrixView::MatrixView(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setMinimumSize(240, 200);
    setAccessibleName(tr("Similarity matrix"));
}

void MatrixView::setPlaceholder(const QString &text)
{
    m_placeholder = text;
    update();
}

void MatrixView::setMatrix(core::analysis::SimilarityMatrix matrix,
    const std::vector<int> &order,
    const QList<int> &rows,
    const QList<int> &labelIndex,
    const QStringList &labelNames,
    const QStringList &texts)
{
    m_matrix = std::move(matrix);
    const int n = m_matrix.size;
    m_order = order.size() == size_t(n) ? order : std::vector<int>();
    if (m_order.empty())
        for (int i = 0; i < n; ++i)
            m_order.push_back(i);
    m_rows = rows;
    m_labelIndex = labelIndex;
    m_labelNames = labelNames;
    m_texts = texts;
    // The colour range: off-diagonal minimum and maximum (the diagonal is always 1).
    m_low = 1;
    m_high = -1;
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j)
            if (i != j) {
                m_low = std::min(m_low, m_matrix.at(i, j));
                m_high = std::max(m_high, m_matrix.at(i, j));
            }
    if (m_high <= m_low) {
        m_low = std::min(m_low, 0.0f);
        m_high = 1;
    }
    colourImage();
}

void MatrixView::colourImage()
{
    const int n = m_matrix.size;
    m_image = QImage(std::max(1, n), std::max(1, n), QImage::Format_RGB32);
    m_image.fill(Palette::current().page);
    QList<QRgb> lut(256);
    for (int k = 0; k < 256; ++k)
        lut[k] = sequentialColor(k / 255.0).rgb();
    for (int r = 0; r < n; ++r) {
        auto *line = reinterpret_cast<QRgb *>(m_image.scanLine(r));
        for (int c = 0; c < n; ++c) {
            const float v = m_matrix.at(m_order[size_t(r)], m_order[size_t(c)]);
            const int k = std::clamp(int((v - m_low) / (m_high - m_low) * 255.0f + 0.5f), 0, 255);
            line[c] = lut.at(k);
        }
    }
    update();
}

QRectF MatrixView::matrixRect() const
{
    const double strip = m_labelNames.isEmpty() ? 0 : 10;
    const double side = std::max(10.0, std::min(width() - 90.0 - strip, height() - 16.0 - strip));
    return QRectF(8 + strip, 8 + strip, side, side);
}

QPoint MatrixView::cellAt(QPoint pos) const
{
    const int n = m_matrix.size;
    const QRectF r = matrixRect();
    if (n == 0 || !r.contains(pos))
        return QPoint(-1, -1);
    const int c = std::clamp(int((pos.x() - r.left()) / r.width() * n), 0, n - 1);
    const int row = std::clamp(int((pos.y() - r.top()) / r.height() * n), 0, n - 1);
    return QPoint(c, row);
}

QString MatrixView::cellText(int displayRow, int displayColumn) const
{
    const int n = m_matrix.size;
    if (displayRow < 0 || displayColumn < 0 || displayRow >= n || displayColumn >= n)
        return {};
    const int a = m_order[size_t(displayRow)], b = m_order[size_t(displayColumn)];
    const auto describe = [&](int i) -> QString {
        const int l = m_labelIndex.value(i, -1);
        const QString label
            = l >= 0 && l < m_labelNames.size() ? u" [%1]"_s.arg(m_labelNames.at(l)) : QString();
        const QString text = m_texts.value(i);
        return u"#%1%2 %3"_s.arg(m_rows.value(i, i) + 1).arg(label, elideText(text, 160));
    };
    return tr("cosine similarity %L1\n%2\n%3")
        .arg(m_matrix.at(a, b), 0, 'f', 4)
        .arg(describe(a), describe(b));
}

void MatrixView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    const int n = m_matrix.size;
    if (n == 0) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(
            rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        return;
    }
    const QRectF r = matrixRect();
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    p.drawImage(r, m_image);
    const double cell = r.width() / n;
    if (!m_labelNames.isEmpty()) {
        for (int i = 0; i < n; ++i) {
            const QColor c = labelColor(m_labelIndex.value(m_order[size_t(i)], -1));
            p.fillRect(QRectF(r.left() - 9, r.top() + i * cell, 7, cell + 0.5), c);
            p.fillRect(QRectF(r.left() + i * cell, r.top() - 9, cell + 0.5, 7), c);
        }
        p.setPen(QPen(Palette::current().matrixSeparator, 1));
        for (int i = 1; i < n; ++i) {
            if (m_labelIndex.value(m_order[size_t(i)], -1)
                != m_labelIndex.value(m_order[size_t(i - 1)], -1)) {
                p.drawLine(
                    QPointF(r.left(), r.top() + i * cell), QPointF(r.right(), r.top() + i * cell));
                p.drawLine(QPointF(r.left() + i * cell, r.top()),
                    QPointF(r.left() + i * cell, r.bottom()));
            }
        }
    }
    // Colour bar.
    const QRectF bar(r.right() + 14, r.top(), 14, std::min(r.height(), 220.0));
    for (int y = 0; y < int(bar.height()); ++y)
        p.fillRect(QRectF(bar.left(), bar.bottom() - y - 1, bar.width(), 1),
            sequentialColor(y / bar.height()));
    p.setPen(palette().color(QPalette::Text));
    p.drawRect(bar);
    p.drawText(QPointF(bar.right() + 4, bar.top() + 10), QLocale().toString(m_high, 'f', 2));
    p.drawText(QPointF(bar.right() + 4, bar.bottom()), QLocale().toString(m_low, 'f', 2));
    p.drawText(QRectF(bar.left() - 4, bar.bottom() + 4, 80, 32),
        Qt::AlignLeft | Qt::TextWordWrap,
        tr("cosine\nsimilarity"));
}

void MatrixView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_matrix.size > 0)
        colourImage();
}

void MatrixView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint cell = cellAt(event->position().toPoint());
    if (cell.x() < 0) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(event->globalPosition().toPoint(), cellText(cell.y(), cell.x()), this);
}

} // namespace ui
