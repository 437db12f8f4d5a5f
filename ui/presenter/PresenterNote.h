// SPDX-License-Identifier: MIT
#pragma once

#include <QLabel>
#include <QObject>
#include <QPointer>

namespace ui {

/// The presenter's note of the step on show: on a second screen when there is one (a window of
/// its own, full size on the screen the main window is not on), and in the main window's lower
/// right corner when asked (setCornerShown()), for a presenter with a single screen.
class PresenterNote : public QObject
{
    Q_OBJECT
public:
    explicit PresenterNote(QWidget *window);
    ~PresenterNote() override;

    /// The note of step `title` ("" hides the text, not the window on the second screen).
    void setNote(const QString &title, const QString &note);
    QString note() const { return m_note; }
    /// Whether Presenter mode is on: the note shows only then.
    void setPresenting(bool on);
    void setCornerShown(bool on);
    bool isCornerShown() const { return m_cornerOn; }
    /// The corner card (tests).
    QLabel *corner() const { return m_corner; }
    /// The second screen's window; null when there is no second screen or not presenting.
    QLabel *screenWindow() const { return m_screen; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();
    void placeCorner();
    QString html() const;

    QWidget *m_window;
    QLabel *m_corner;
    QPointer<QLabel> m_screen;
    QString m_title;
    QString m_note;
    bool m_presenting = false;
    bool m_cornerOn = false;
};

} // namespace ui
