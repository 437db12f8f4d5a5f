// SPDX-License-Identifier: MIT
#include "ui/common/PromptEdit.h"

#include <QFileInfo>
#include <QKeyEvent>
#include <QMimeData>
#include <QUrl>

namespace ui {

PromptEdit::PromptEdit(QWidget *parent)
    : QPlainTextEdit(parent)
{
}

QStringList PromptEdit::imagePaths(const QMimeData *source)
{
    QStringList paths;
    if (!source->hasUrls())
        return paths;
    for (const QUrl &url : source->urls()) {
        if (!url.isLocalFile())
            continue;
        const QString suffix = QFileInfo(url.toLocalFile()).suffix().toLower();
        if (suffix == QLatin1String("png") || suffix == QLatin1String("jpg") || suffix == QLatin1String("jpeg")
            || suffix == QLatin1String("webp"))
            paths.append(url.toLocalFile());
    }
    return paths;
}

bool PromptEdit::canInsertFromMimeData(const QMimeData *source) const
{
    return !imagePaths(source).isEmpty() || QPlainTextEdit::canInsertFromMimeData(source);
}

void PromptEdit::insertFromMimeData(const QMimeData *source)
{
    const QStringList paths = imagePaths(source);
    if (!paths.isEmpty()) {
        Q_EMIT imagesDropped(paths);
        return;
    }
    QPlainTextEdit::insertFromMimeData(source);
}

void PromptEdit::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && m_sendOnEnter && event->modifiers() == Qt::NoModifier) {
        Q_EMIT sendRequested();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace ui
