// SPDX-License-Identifier: MIT
#include "ui/presenter/PresenterNote.h"

#include "ui/common/Palette.h"
#include "ui/common/Theme.h"

#include <QEvent>
#include <QGuiApplication>
#include <QLabel>
#include <QScreen>
#include <QWidget>

namespace ui {

PresenterNote::PresenterNote(QWidget *window)
    : QObject(window)
    , m_window(window)
{
    m_corner = new QLabel(window);
    m_corner->setObjectName(QStringLiteral("presenterNoteCorner"));
    m_corner->setWordWrap(true);
    m_corner->setTextFormat(Qt::RichText);
    m_corner->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    onThemeChange(m_corner, [this] {
        const Palette &p = Palette::current();
        m_corner->setStyleSheet(
            QStringLiteral("QLabel { background: %1; color: %2; border: 1px "
                           "solid %3; border-radius: 6px; padding: 8px; }")
                .arg(p.noticeBackground.name(), p.noticeText.name(), p.noticeBorder.name()));
    });
    m_corner->hide();
    window->installEventFilter(this);
}

PresenterNote::~PresenterNote()
{
    delete m_screen;
}

void PresenterNote::setNote(const QString &title, const QString &note)
{
    m_title = title;
    m_note = note;
    refresh();
}

void PresenterNote::setPresenting(bool on)
{
    m_presenting = on;
    refresh();
}

void PresenterNote::setCornerShown(bool on)
{
    m_cornerOn = on;
    refresh();
}

QString PresenterNote::html() const
{
    if (m_note.isEmpty())
        return m_title.isEmpty()
            ? tr("<i>No note for this step.</i>")
            : tr("<b>Note · %1</b><br><i>No note for this step.</i>").arg(m_title.toHtmlEscaped());
    QString text = m_note.toHtmlEscaped();
    text.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return tr("<b>Note · %1</b><br>%2").arg(m_title.toHtmlEscaped(), text);
}

void PresenterNote::refresh()
{
    // The second screen: a window of its own while presenting.
    QScreen *other = nullptr;
    if (m_presenting) {
        for (QScreen *screen : QGuiApplication::screens()) {
            if (screen != m_window->screen()) {
                other = screen;
                break;
            }
        }
    }
    if (other && !m_screen) {
        m_screen = new QLabel;
        m_screen->setObjectName(QStringLiteral("presenterNoteScreen"));
        m_screen->setWindowTitle(tr("Presenter note"));
        m_screen->setWordWrap(true);
        m_screen->setTextFormat(Qt::RichText);
        m_screen->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        m_screen->setMargin(32);
        QFont font = m_screen->font();
        font.setPointSizeF(font.pointSizeF() * 2);
        m_screen->setFont(font);
    }
    if (m_screen) {
        if (!other) {
            delete m_screen;
        } else {
            m_screen->setText(html());
            m_screen->setGeometry(other->availableGeometry());
            m_screen->show();
        }
    }
    const bool corner = m_presenting && m_cornerOn;
    m_corner->setText(html());
    m_corner->setVisible(corner);
    if (corner) {
        placeCorner();
        m_corner->raise();
    }
}

void PresenterNote::placeCorner()
{
    const int width = std::max(m_window->width() / 3, 200);
    const int height = m_corner->heightForWidth(width);
    const int margin = m_corner->fontMetrics().height();
    m_corner->setGeometry(m_window->width() - width - margin,
        m_window->height() - std::max(height, 40) - margin,
        width,
        std::max(height, 40));
}

bool PresenterNote::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Resize && m_corner->isVisible())
        placeCorner();
    return QObject::eventFilter(watched, event);
}

} // namespace ui
