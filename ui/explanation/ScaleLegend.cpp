// SPDX-License-Identifier: MIT
#include "ui/explanation/ScaleLegend.h"

#include <QLinearGradient>
#include <QPainter>

namespace ui {

ScaleLegend::ScaleLegend(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("scaleLegend"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setAccessibleName(tr("Colour scale"));
}

void ScaleLegend::setScale(const ScoreScale &scale, const QString &caption)
{
    m_scale = scale;
    m_caption = caption;
    QString description
        = tr("From %L1 (blue, against the target) through 0 (white) to %L2 (red, for the target)")
              .arg(-scale.extent(), 0, 'g', 4)
              .arg(scale.extent(), 0, 'g', 4);
    if (!caption.isEmpty())
        description += QStringLiteral("; ") + caption;
    setAccessibleDescription(description);
    setToolTip(caption);
    update();
}

QSize ScaleLegend::sizeHint() const
{
    return QSize(360, fontMetrics().height() * 3 + 18);
}

void ScaleLegend::paintLegend(QPainter *painter,
    const QRectF &rect,
    const ScoreScale &scale,
    const QString &caption,
    const QFont &font,
    const QColor &textColor,
    const Palette &palette)
{
    painter->save();
    painter->setFont(font);
    const QFontMetricsF fm(font);
    const double rampHeight = 10;
    const QRectF ramp(rect.left() + 4, rect.top() + 2, rect.width() - 8, rampHeight);
    QLinearGradient gradient(ramp.topLeft(), ramp.topRight());
    for (int i = 0; i <= 20; ++i) {
        const double t = -1.0 + i / 10.0;
        gradient.setColorAt(i / 20.0, ScoreScale::colorAt(t, palette));
    }
    painter->setPen(palette.frame);
    painter->setBrush(gradient);
    painter->drawRect(ramp);
    painter->setPen(textColor);
    const double textTop = ramp.bottom() + 2;
    const QRectF textRect(ramp.left(), textTop, ramp.width(), fm.height() + 2);
    const QString low = QStringLiteral("−%L1  ").arg(scale.extent(), 0, 'g', 4)
        + QObject::tr("against the target");
    const QString high
        = QObject::tr("for the target") + QStringLiteral("  +%L1").arg(scale.extent(), 0, 'g', 4);
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignTop, low);
    painter->drawText(textRect, Qt::AlignRight | Qt::AlignTop, high);
    painter->drawText(textRect, Qt::AlignHCenter | Qt::AlignTop, QStringLiteral("0"));
    if (!caption.isEmpty()) // which scale is in force: this view's own, or a fixed one
        painter->drawText(
            textRect.translated(0, fm.height() + 2), Qt::AlignHCenter | Qt::AlignTop, caption);
    painter->restore();
}

void ScaleLegend::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    paintLegend(
        &painter, rect(), m_scale, m_caption, font(), palette().color(QPalette::WindowText));
}

} // namespace ui
