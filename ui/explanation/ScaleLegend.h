// SPDX-License-Identifier: MIT
#pragma once

#include "ui/explanation/ScoreScale.h"

#include <QWidget>

namespace ui {

/// The legend of a ScoreScale: the colour ramp from −extent to +extent with its end and middle
/// values, and what the two sides mean. Also paints itself into exports (paintLegend).
class ScaleLegend : public QWidget
{
    Q_OBJECT
public:
    explicit ScaleLegend(QWidget *parent = nullptr);
    void setScale(const ScoreScale &scale, bool fixed);
    const ScoreScale &scale() const { return m_scale; }
    QSize sizeHint() const override;
    /// Paints a legend of `scale` into `rect` (used by the widget and by PNG/SVG exports).
    static void paintLegend(QPainter *painter, const QRectF &rect, const ScoreScale &scale, bool fixed, const QFont &font,
                            const QColor &textColor);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    ScoreScale m_scale;
    bool m_fixed = false;
};

} // namespace ui
