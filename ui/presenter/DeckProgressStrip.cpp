// SPDX-License-Identifier: MIT
#include "ui/presenter/DeckProgressStrip.h"

#include "ui/common/Palette.h"
#include "ui/presenter/DeckModel.h"

#include <QMouseEvent>
#include <QPainter>

namespace ui {

DeckProgressStrip::DeckProgressStrip(DeckModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("deckProgress"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    const auto refresh = [this] {
        updateGeometry();
        update();
    };
    connect(model, &QAbstractItemModel::modelReset, this, refresh);
    connect(model, &QAbstractItemModel::rowsInserted, this, refresh);
    connect(model, &QAbstractItemModel::rowsRemoved, this, refresh);
    connect(model, &QAbstractItemModel::rowsMoved, this, refresh);
    connect(model, &QAbstractItemModel::dataChanged, this, refresh);
}

void DeckProgressStrip::setCurrent(int row)
{
    m_current = row;
    update();
}

QSize DeckProgressStrip::sizeHint() const
{
    return {fontMetrics().height() * 2 * std::max(1, m_model->stepCount()), fontMetrics().height()};
}

QSize DeckProgressStrip::minimumSizeHint() const
{
    return {fontMetrics().height() * 4, fontMetrics().height()};
}

QRect DeckProgressStrip::segmentRect(int row) const
{
    const int n = std::max(1, m_model->stepCount());
    const int gap = std::max(2, fontMetrics().height() / 6);
    const int width = (this->width() - gap * (n - 1)) / n;
    const int height = std::max(4, fontMetrics().height() / 3);
    return {row * (width + gap), (this->height() - height) / 2 - 2, std::max(2, width), height};
}

void DeckProgressStrip::paintEvent(QPaintEvent *)
{
    const QPalette &colours = palette();
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    for (int row = 0; row < m_model->stepCount(); ++row) {
        const QRectF r = segmentRect(row);
        const QColor accent = colours.color(QPalette::Highlight);
        if (row < m_current) {
            p.setPen(Qt::NoPen);
            p.setBrush(accent);
        } else if (row == m_current) {
            p.setPen(QPen(colours.color(QPalette::WindowText), 2));
            p.setBrush(accent);
        } else {
            p.setPen(QPen(colours.color(QPalette::PlaceholderText), 1.5));
            p.setBrush(Qt::NoBrush);
        }
        p.drawRoundedRect(r, r.height() / 2, r.height() / 2);
        if (m_model->step(row).recording) {
            p.setPen(Qt::NoPen);
            p.setBrush(Palette::current().recordingBackground);
            const qreal d = r.height() * 0.8;
            p.drawEllipse(QRectF(r.center().x() - d / 2, r.bottom() + 3, d, d));
        }
    }
}

void DeckProgressStrip::mousePressEvent(QMouseEvent *event)
{
    for (int row = 0; row < m_model->stepCount(); ++row) {
        const QRect r = segmentRect(row).adjusted(0, -height(), 0, height());
        if (r.contains(event->position().toPoint())) {
            Q_EMIT stepClicked(row);
            return;
        }
    }
    QWidget::mousePressEvent(event);
}

} // namespace ui
