// SPDX-License-Identifier: MIT
#include "ui/common/PasteGuard.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QPointer>
#include <QTextEdit>

namespace ui {

namespace {

/// The multi-line text field `object` is, or whose viewport it is; nullptr otherwise.
QWidget *textField(QObject *object)
{
    if (qobject_cast<QPlainTextEdit *>(object) || qobject_cast<QTextEdit *>(object))
        return static_cast<QWidget *>(object);
    QObject *parent = object ? object->parent() : nullptr;
    if (auto *plain = qobject_cast<QPlainTextEdit *>(parent); plain && plain->viewport() == object)
        return plain;
    if (auto *rich = qobject_cast<QTextEdit *>(parent); rich && rich->viewport() == object)
        return rich;
    return nullptr;
}

class PasteGuard : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        switch (event->type()) {
        case QEvent::KeyPress:
            if (static_cast<QKeyEvent *>(event)->matches(QKeySequence::Paste) && textField(watched)
                && !clipboardHasContent(QClipboard::Clipboard))
                return true;
            break;
        case QEvent::MouseButtonRelease:
            if (static_cast<QMouseEvent *>(event)->button() == Qt::MiddleButton
                && textField(watched) && QGuiApplication::clipboard()->supportsSelection()
                && !clipboardHasContent(QClipboard::Selection))
                return true;
            break;
        default:
            break;
        }
        return false;
    }
};

} // namespace

bool clipboardHasContent(QClipboard::Mode mode)
{
    const QMimeData *data = QGuiApplication::clipboard()->mimeData(mode);
    return data && !data->formats().isEmpty();
}

void installPasteGuard()
{
    static QPointer<PasteGuard> guard; // null again if the application is destroyed
    if (guard || !qApp)
        return;
    guard = new PasteGuard(qApp);
    qApp->installEventFilter(guard);
}

} // namespace ui
