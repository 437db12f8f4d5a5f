// SPDX-License-Identifier: MIT
#include "ui/common/PromptEdit.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QFileInfo>
#include <QKeyEvent>
#include <QMenu>
#include <QMimeData>
#include <QUrl>

#include <memory>

namespace ui {

PromptEdit::PromptEdit(QWidget *parent)
    : QPlainTextEdit(parent)
{
    // Tab moves on to the next control, as in every form; a tab character still comes in by
    // paste.
    setTabChangesFocus(true);
    m_showTokens = new QAction(tr("Show tokens"), this);
    m_showTokens->setObjectName(QStringLiteral("showTokens"));
    m_showTokens->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_showTokens->setShortcutContext(Qt::WidgetShortcut);
    m_showTokens->setToolTip(
        tr("Show how the model splits this text (or the selection) into tokens"));
    addAction(m_showTokens);
    connect(m_showTokens, &QAction::triggered, this, [this] {
        const QString selected
            = textCursor().selectedText().replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
        Q_EMIT showTokensRequested(selected.isEmpty() ? toPlainText() : selected);
    });
}

void PromptEdit::contextMenuEvent(QContextMenuEvent *event)
{
    std::unique_ptr<QMenu> menu(createStandardContextMenu(event->pos()));
    menu->addSeparator();
    menu->addAction(m_showTokens);
    menu->exec(event->globalPos());
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
        if (suffix == QLatin1String("png") || suffix == QLatin1String("jpg")
            || suffix == QLatin1String("jpeg") || suffix == QLatin1String("webp"))
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
