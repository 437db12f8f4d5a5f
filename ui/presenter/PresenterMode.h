// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QRect>

#include <functional>

class QAction;
class QMainWindow;

namespace ui {

class DeckModel;
class DeckPlayer;
class PlaygroundTab;
class PresenterBar;
class PresenterNote;
class SpotlightOverlay;

/// Presenter mode (View ▸ Presenter mode, F5; Esc leaves it; issue 24): the window full screen,
/// all text larger (presenterTextSize(), heatmaps and maps follow the text size), the menu bar,
/// toolbar, docks, status bar and every widget marked with hideInPresenterMode() (parameter
/// panels, developer details) hidden, and the PresenterBar on top: the model in plain words, one
/// large Run button, the deck's progress. Leaving gives everything back as it was: window state,
/// docks and toolbars (QMainWindow::saveState()), the hidden widgets, the text size.
///
/// While it is on, Page Down / → play the deck's next step and Page Up / ← the one before
/// (the arrows only when no text field has the focus); Esc stops a running request first, and
/// leaves when nothing runs.
class PresenterMode : public QObject
{
    Q_OBJECT
public:
    /// What the mode reaches in the window.
    struct Hooks
    {
        std::function<PlaygroundTab *()> currentTab;
        /// Applies a text size in percent; 0: the user's own (the preference).
        std::function<void(int percent)> setTextSize;
        /// Where requests go, in plain words ("offline sandbox: synthetic answers"), or "".
        std::function<QString()> connection;
        /// The actions whose shortcuts must keep working while the menu bar is hidden.
        std::function<QList<QAction *>()> menuActions;
    };
    PresenterMode(QMainWindow *window,
        const Hooks &hooks,
        PresenterBar *bar,
        DeckModel *deck,
        DeckPlayer *player,
        QObject *parent = nullptr);
    ~PresenterMode() override;

    bool isActive() const { return m_active; }
    PresenterBar *bar() const { return m_bar; }
    SpotlightOverlay *overlay() const { return m_overlay; }
    PresenterNote *note() const { return m_note; }
    /// The checkable View ▸ Presenter mode action (F5).
    QAction *toggleAction() const { return m_toggle; }
    /// View ▸ Pointer highlight (F6), Spotlight (F7), Note in the corner (F8).
    QAction *pointerAction() const { return m_pointer; }
    QAction *spotlightAction() const { return m_spotlight; }
    QAction *noteAction() const { return m_noteAction; }

    /// The text size while presenting, in percent of the system font (default 150).
    int presenterTextSize() const { return m_textSize; }
    /// The text size applied while presenting: presenterTextSize() or less, to fit the screen.
    int appliedTextSize() const { return m_appliedTextSize; }
    void setPresenterTextSize(int percent);

public Q_SLOTS:
    void setActive(bool on);
    void enter() { setActive(true); }
    void leave() { setActive(false); }
    /// The current tab changed or may run now: the model, Run and Stop follow.
    void refresh();

Q_SIGNALS:
    void activeChanged(bool active);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onStepStarted(int row);
    /// Applies presenterTextSize(), or the largest size below it (by 10 %, at least 100 %) at
    /// which the window's minimum size fits its screen.
    void applyFittingTextSize();
    /// A checkable action of the View menu.
    QAction *makeAction(const QString &text, const QString &name, Qt::Key key, const QString &tip);
    void watchTab(PlaygroundTab *tab);

    QMainWindow *m_window;
    Hooks m_hooks;
    PresenterBar *m_bar;
    DeckModel *m_deck;
    DeckPlayer *m_player;
    SpotlightOverlay *m_overlay;
    PresenterNote *m_note;
    QAction *m_toggle;
    QAction *m_escape;
    QAction *m_pointer;
    QAction *m_spotlight;
    QAction *m_noteAction;
    QPointer<PlaygroundTab> m_watched;
    QMetaObject::Connection m_tabConnection;
    bool m_active = false;
    int m_textSize = 150;
    int m_appliedTextSize = 0; // what applyFittingTextSize() chose

    // What entering changed, to give back on leaving.
    QByteArray m_savedState;
    Qt::WindowStates m_savedWindowState;
    QRect m_savedGeometry;
    bool m_menuBarShown = true;
    bool m_statusBarShown = true;
    QList<QPointer<QWidget>> m_hidden; // widgets hidden for the mode (they were shown)
    QList<QAction *> m_addedActions;
};

} // namespace ui
