// SPDX-License-Identifier: MIT
#pragma once

#include <QPlainTextEdit>

namespace ui {

/// A plain-text editor that takes dropped or pasted image files (PNG, JPEG, WebP) as
/// imagesDropped() instead of inserting their paths, and can send on Enter (setSendOnEnter):
/// then Shift+Enter adds a new line and Enter emits sendRequested(). Its context menu (and
/// Ctrl+Shift+T) has "Show tokens", which emits showTokensRequested() with the selection, or the
/// whole text when nothing is selected. Tab and Shift+Tab move the focus on and back (a tab
/// character can still be pasted).
class PromptEdit : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit PromptEdit(QWidget *parent = nullptr);
    void setSendOnEnter(bool on) { m_sendOnEnter = on; }
    bool sendOnEnter() const { return m_sendOnEnter; }

Q_SIGNALS:
    void imagesDropped(const QStringList &paths);
    void sendRequested();
    void showTokensRequested(const QString &text);

protected:
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    static QStringList imagePaths(const QMimeData *source);
    bool m_sendOnEnter = false;
    QAction *m_showTokens = nullptr;
};

} // namespace ui
