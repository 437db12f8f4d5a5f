// SPDX-License-Identifier: MIT
#pragma once

#include "ui/explanation/ScoreScale.h"

#include <QWidget>

namespace ui {

/// The legend of a ScoreScale: the colour ramp from −extent to +extent with its end and middle
/// values, what the two sides mean, and a caption below saying which scale is in force (e.g.
/// "scale ±0.16 (this view)" or "fixed scale ±9.57"). Also paints itself into exports
/// (paintLegend).
class ScaleLegend : public QWidget
{
    Q_OBJECT
public:
    explicit ScaleLegend(QWidget *parent = nullptr);
    void setScale(const ScoreScale &scale, const QString &caption);
    const ScoreScale &scale() const { return m_scale; }
    QString caption() const { return m_caption; }
    QSize sizeHint() const override;
    /// Paints a legend of `scale` with `caption` into `rect` (used by the widget and by PNG/SVG
    /// exports), in the colours of `palette` (exports: Palette::light()).
    static void paintLegend(QPainter *painter,
        const QRectF &rect,
        const ScoreScale &scale,
        const QString &caption,
        const QFont &font,
        const QColor &textColor,
        const Palette &palette = Palette::current());

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    ScoreScale m_scale;
    QString m_caption;
};

} // namespace ui
