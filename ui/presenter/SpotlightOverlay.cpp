// SPDX-License-Identifier: MIT
#include "ui/presenter/SpotlightOverlay.h"

#include "ui/common/Palette.h"

#include <QAbstractScrollArea>
#include <QApplication>
#include <QEvent>
#include <QGroupBox>
#include <QPainter>
#include <QPainterPath>
#include <QStackedWidget>

namespace ui {

SpotlightOverlay::SpotlightOverlay(QWidget *window)
    : QWidget(window)
{
    setObjectName(QStringLiteral("spotlightOverlay"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    window->installEventFilter(this);
    m_timer.setInterval(16);
    connect(&m_timer, &QTimer::timeout, this, &SpotlightOverlay::follow);
    hide();
}

void SpotlightOverlay::setPointerHighlight(bool on)
{
    m_pointer = on;
    updateRunning();
}

void SpotlightOverlay::setSpotlight(bool on)
{
    m_spotlight = on;
    if (!on)
        m_target = nullptr;
    updateRunning();
}

void SpotlightOverlay::updateRunning()
{
    const bool on = m_pointer || m_spotlight;
    if (on) {
        setGeometry(parentWidget()->rect());
        raise();
        show();
        follow();
        m_timer.start();
    } else {
        m_timer.stop();
        hide();
    }
}

void SpotlightOverlay::setAlwaysLit(const QList<QWidget *> &widgets)
{
    m_alwaysLit.clear();
    for (QWidget *w : widgets)
        m_alwaysLit << w;
}

QWidget *SpotlightOverlay::panelFor(QWidget *under) const
{
    QWidget *window = parentWidget();
    for (const QPointer<QWidget> &lit : m_alwaysLit) {
        if (lit && under && (under == lit || lit->isAncestorOf(under)))
            return nullptr; // the bar and the note are lit anyway
    }
    const int minimumArea = window->width() * window->height() / 40;
    for (QWidget *w = under; w && w != window; w = w->parentWidget()) {
        QWidget *parent = w->parentWidget();
        const bool panel = qobject_cast<QAbstractScrollArea *>(w) || qobject_cast<QGroupBox *>(w)
            || qobject_cast<QStackedWidget *>(parent); // a tab's page
        if (panel && w->width() * w->height() >= minimumArea)
            return w;
    }
    return nullptr;
}

void SpotlightOverlay::follow()
{
    QWidget *window = parentWidget();
    const QPoint global = QCursor::pos();
    const QPoint pos = mapFromGlobal(global);
    QWidget *target = nullptr;
    if (m_spotlight) {
        // The widget under the pointer, looking through this overlay.
        QWidget *under = window->childAt(window->mapFromGlobal(global));
        if (under == this)
            under = nullptr;
        target = panelFor(under);
        if (!target)
            target = m_target; // between panels: the last one stays lit
    }
    const QRect rect = target ? QRect(target->mapTo(window, QPoint()), target->size()) : QRect();
    if (pos == m_pos && target == m_target && rect == m_targetRect)
        return;
    m_pos = pos;
    m_target = target;
    m_targetRect = rect;
    update();
}

void SpotlightOverlay::paintEvent(QPaintEvent *)
{
    const Palette &palette = Palette::current();
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    if (m_spotlight) {
        QPainterPath dim;
        dim.addRect(QRectF(rect()));
        QPainterPath holes;
        if (m_target)
            holes.addRoundedRect(QRectF(m_targetRect.adjusted(-6, -6, 6, 6)), 8, 8);
        for (const QPointer<QWidget> &lit : m_alwaysLit) {
            if (lit && lit->isVisible())
                holes.addRect(QRectF(QRect(lit->mapTo(parentWidget(), QPoint()), lit->size())));
        }
        dim = dim.subtracted(holes);
        p.fillPath(dim, palette.spotlightDim);
    }
    if (m_pointer && rect().contains(m_pos)) {
        const qreal radius = fontMetrics().height() * 1.6;
        p.setPen(QPen(palette.pointerRing, radius / 4));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QPointF(m_pos), radius, radius);
    }
}

bool SpotlightOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible()) {
        setGeometry(parentWidget()->rect());
        raise();
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace ui
