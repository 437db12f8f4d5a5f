// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QKeySequence>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QMainWindow;
class QMenu;
class QTabWidget;
class QWidget;

namespace ui {

class PlaygroundTab;

/// The window's menu bar: File, Edit, View, Run and Help. Run, Stop, Explain, Show tokens, Open…
/// and Export… go to the current tab through PlaygroundTab's hooks and are greyed out when it
/// cannot do them; Edit's actions act on the focused text field.
///
/// Shortcuts are never ambiguous (a key with two owners in one context does nothing in Qt): the
/// tabs' own Ctrl+Enter, Esc and Ctrl+N, which did what the menu's actions do, are switched off
/// (retireDuplicates()); a widget's own different use of a key (Ctrl+N adds a pair in Steering's
/// pair table) wins while that widget has the focus, the menu's action yields the key meanwhile.
/// Edit's shortcuts are shown in the menu but left to the text fields, which handle them
/// themselves.
class ShellMenus : public QObject
{
    Q_OBJECT
public:
    /// What the menus reach in the window; each may be empty.
    struct Hooks
    {
        std::function<PlaygroundTab *()> currentTab;
        std::function<void()> newChat;
        std::function<void()> preferences;
        std::function<void()> chooseModel;
        std::function<void(int delta)> zoom; ///< +1, -1; 0 resets
        std::function<QString()> theme; ///< "system", "light" or "dark"
        std::function<void(const QString &)> setTheme;
        std::function<void()> testSets;
    };
    /// Builds the menus into `window`'s menu bar. `history`, `viewCode` and `profiles` are the
    /// window's existing actions (may be null), put into View and File.
    ShellMenus(QMainWindow *window,
        const Hooks &hooks,
        QAction *history,
        QAction *viewCode,
        QAction *profiles);

    /// The action with this object name ("runAction", "quitAction"), or nullptr.
    QAction *action(const QString &objectName) const;
    /// Every action of the menus, in menu order (separators and submenus left out).
    QList<QAction *> actions() const;
    /// The menu titled by this object name ("fileMenu"), or nullptr.
    QMenu *menu(const QString &objectName) const;
    /// Every shortcut an action answers to (the full list, also while it yields a key).
    QList<QKeySequence> shortcutsOf(QAction *action) const { return m_keys.value(action, {}); }

    /// Puts `action` (the window's, with its shortcut) into menu `menuName` ("fileMenu") after the
    /// action named `after` (or at the end), among the actions the menus list.
    void addAction(const QString &menuName, QAction *action, const QString &after = QString());

    /// View ▸ Go to tab: one action per tab of `tabs` (its text, Ctrl+1…Ctrl+9 in tab order), as
    /// in browsers and editors. A tab that is greyed out (no model serves it) is not opened.
    void addTabActions(QTabWidget *tabs);

    /// Switches off the QShortcuts of `tab` itself whose keys the menu's actions now own
    /// (Ctrl+Enter, Esc, Ctrl+N: the same commands), and shows the prompt editors' Show tokens key
    /// as text only.
    void retireDuplicates(QWidget *tab);

public Q_SLOTS:
    /// Greys out what the current tab cannot do now.
    void refresh();
    void showShortcuts();
    void showAbout();

private:
    QAction *add(QMenu *menu,
        const QString &text,
        const QString &name,
        const QList<QKeySequence> &keys,
        const std::function<void()> &slot);
    QMenu *addMenu(const QString &title, const QString &name);
    void buildEdit(QMenu *menu);
    void editCommand(const char *method);
    void onFocusChanged(QWidget *old, QWidget *now);
    /// The keys that widgets around `focus` claim for themselves.
    QList<QKeySequence> localKeys(QWidget *focus) const;

    QMainWindow *m_window;
    Hooks m_hooks;
    QList<QAction *> m_actions;
    QList<QMenu *> m_menus;
    QHash<QAction *, QList<QKeySequence>>
        m_keys; // the full shortcut list of each action that has one
    QPointer<QWidget> m_textFocus; // the text field Edit acts on
};

} // namespace ui
