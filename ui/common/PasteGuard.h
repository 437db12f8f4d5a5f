// SPDX-License-Identifier: MIT
#pragma once

#include <QClipboard>

namespace ui {

/// Whether the clipboard (`mode`) holds anything to paste: some data in at least one format.
bool clipboardHasContent(QClipboard::Mode mode = QClipboard::Clipboard);

/// Qt 6.4's QWidgetTextControl::insertFromMimeData() reads the first of the clipboard's formats
/// without checking that there is one, so pasting an empty clipboard (Ctrl+V, Shift+Insert or
/// a middle click, e.g. right after login on X11) into any QPlainTextEdit or QTextEdit crashes
/// the application. This installs, once, an application-wide event filter that drops exactly
/// those pastes while the clipboard they would read is empty; every other event passes.
void installPasteGuard();

} // namespace ui
