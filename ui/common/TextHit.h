// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractTextDocumentLayout>
#include <QScrollBar>
#include <QTextEdit>

namespace ui {

/// The index of the character under `viewportPos` (a point in `view`'s viewport), or -1 over
/// white space beside the text. QTextEdit::cursorForPosition() gives the nearest gap instead, which
/// would pick a character far from the mouse.
inline int characterAt(const QTextEdit *view, const QPoint &viewportPos)
{
    const QPointF inDocument = viewportPos
        + QPointF(view->horizontalScrollBar()->value(), view->verticalScrollBar()->value());
    int position = view->document()->documentLayout()->hitTest(inDocument, Qt::ExactHit);
    if (position > 0) {
        // The hit is the nearest gap: in the right half of a character it is the gap after it.
        QTextCursor gap(view->document());
        gap.setPosition(position);
        if (view->cursorRect(gap).x() > viewportPos.x())
            --position;
    }
    return position;
}

} // namespace ui
