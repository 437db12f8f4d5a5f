// SPDX-License-Identifier: MIT
#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

namespace ui {

/// Presenter mode's pointer highlight and spotlight, painted over the whole window: a ring around
/// the mouse pointer, and a dimming of everything but the panel under the pointer (the nearest
/// enclosing view, group box or tab page of at least 1/40 of the window). Mouse events pass
/// through. It follows the pointer 60 times a second while either is on, and costs nothing off.
class SpotlightOverlay : public QWidget
{
    Q_OBJECT
public:
    /// Covers `window` (it follows the window's size).
    explicit SpotlightOverlay(QWidget *window);

    bool pointerHighlight() const { return m_pointer; }
    bool spotlight() const { return m_spotlight; }
    /// The panel the spotlight leaves undimmed now (null: none).
    QWidget *spotlit() const { return m_target; }
    /// The spotlit panel for the widget `under` the pointer.
    QWidget *panelFor(QWidget *under) const;
    /// Widgets never dimmed (the presenter's bar and note); the pointer over them keeps the
    /// panel lit before.
    void setAlwaysLit(const QList<QWidget *> &widgets);

public Q_SLOTS:
    void setPointerHighlight(bool on);
    void setSpotlight(bool on);

protected:
    void paintEvent(QPaintEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void follow();
    void updateRunning();

    QTimer m_timer;
    QPoint m_pos; // the pointer, in this widget's coordinates
    QPointer<QWidget> m_target;
    QList<QPointer<QWidget>> m_alwaysLit;
    QRect m_targetRect;
    bool m_pointer = false;
    bool m_spotlight = false;
};

} // namespace ui
