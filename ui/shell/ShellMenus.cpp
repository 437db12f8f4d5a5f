// SPDX-License-Identifier: MIT
#include "ui/shell/ShellMenus.h"

#include "ui/common/PasteGuard.h"
#include "ui/common/PlaygroundTab.h"
#include "ui/common/PromptEdit.h"
#include "ui/shell/AboutDialog.h"
#include "ui/shell/ShortcutsDialog.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QShortcut>
#include <QTabWidget>
#include <QTextEdit>

namespace ui {

namespace {
QKeySequence key(QKeyCombination combination)
{
    return QKeySequence(combination);
}

bool isTextField(const QWidget *w)
{
    return qobject_cast<const QLineEdit *>(w) || qobject_cast<const QPlainTextEdit *>(w)
        || qobject_cast<const QTextEdit *>(w);
}

bool isReadOnly(const QWidget *w)
{
    if (auto *line = qobject_cast<const QLineEdit *>(w))
        return line->isReadOnly();
    if (auto *plain = qobject_cast<const QPlainTextEdit *>(w))
        return plain->isReadOnly();
    if (auto *rich = qobject_cast<const QTextEdit *>(w))
        return rich->isReadOnly();
    return true;
}

bool hasSelection(const QWidget *w)
{
    if (auto *line = qobject_cast<const QLineEdit *>(w))
        return line->hasSelectedText();
    if (auto *plain = qobject_cast<const QPlainTextEdit *>(w))
        return plain->textCursor().hasSelection();
    if (auto *rich = qobject_cast<const QTextEdit *>(w))
        return rich->textCursor().hasSelection();
    return false;
}
} // namespace

ShellMenus::ShellMenus(
    QMainWindow *window, const Hooks &hooks, QAction *history, QAction *viewCode, QAction *profiles)
    : QObject(window)
    , m_window(window)
    , m_hooks(hooks)
{
    const auto onTab = [this](void (PlaygroundTab::*hook)()) {
        return [this, hook] {
            refresh(); // the key may come before the menu's state caught up
            if (PlaygroundTab *tab = m_hooks.currentTab ? m_hooks.currentTab() : nullptr)
                (tab->*hook)();
        };
    };

    QMenu *file = addMenu(tr("&File"), QStringLiteral("fileMenu"));
    add(file,
        tr("&New chat"),
        QStringLiteral("newChatAction"),
        {key(Qt::CTRL | Qt::Key_N)},
        [this] {
            if (m_hooks.newChat)
                m_hooks.newChat();
        });
    add(file,
        tr("&Open…"),
        QStringLiteral("openAction"),
        {QKeySequence(QKeySequence::Open)},
        onTab(&PlaygroundTab::triggerOpen));
    add(file,
        tr("&Export…"),
        QStringLiteral("exportAction"),
        {key(Qt::CTRL | Qt::Key_E)},
        onTab(&PlaygroundTab::triggerExport));
    file->addSeparator();
    if (profiles) {
        profiles->setText(tr("Connection &profiles…"));
        profiles->setIconText(tr("Profiles…")); // the toolbar's shorter name, beside "Connection"
        file->addAction(profiles);
        m_actions << profiles;
        m_keys.insert(profiles, profiles->shortcuts());
    }
    add(file,
        tr("P&references…"),
        QStringLiteral("preferencesAction"),
        {key(Qt::CTRL | Qt::Key_Comma)},
        [this] {
            if (m_hooks.preferences)
                m_hooks.preferences();
        })
        ->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    add(file, tr("&Quit"), QStringLiteral("quitAction"), {key(Qt::CTRL | Qt::Key_Q)}, [this] {
        m_window->close();
    })->setMenuRole(QAction::QuitRole);

    buildEdit(addMenu(tr("&Edit"), QStringLiteral("editMenu")));

    QMenu *view = addMenu(tr("&View"), QStringLiteral("viewMenu"));
    QMenu *theme = view->addMenu(tr("&Theme"));
    theme->setObjectName(QStringLiteral("themeMenu"));
    auto *themes = new QActionGroup(this);
    const QList<std::pair<QString, QString>> choices = {{QStringLiteral("system"), tr("&System")},
        {QStringLiteral("light"), tr("&Light")},
        {QStringLiteral("dark"), tr("&Dark")}};
    for (const auto &[id, label] : choices) {
        QAction *a = theme->addAction(label);
        a->setObjectName(QStringLiteral("theme-") + id);
        a->setCheckable(true);
        themes->addAction(a);
        m_actions << a;
        connect(a, &QAction::triggered, this, [this, id = id] {
            if (m_hooks.setTheme)
                m_hooks.setTheme(id);
        });
    }
    connect(theme, &QMenu::aboutToShow, this, [this, theme] {
        const QString current = m_hooks.theme ? m_hooks.theme() : QStringLiteral("system");
        for (QAction *a : theme->actions())
            a->setChecked(a->objectName() == QStringLiteral("theme-") + current);
    });
    view->addSeparator();
    add(view,
        tr("Zoom &in"),
        QStringLiteral("zoomInAction"),
        {key(Qt::CTRL | Qt::Key_Equal), QKeySequence(QKeySequence::ZoomIn)},
        [this] {
            if (m_hooks.zoom)
                m_hooks.zoom(1);
        });
    add(view,
        tr("Zoom &out"),
        QStringLiteral("zoomOutAction"),
        {key(Qt::CTRL | Qt::Key_Minus)},
        [this] {
            if (m_hooks.zoom)
                m_hooks.zoom(-1);
        });
    add(view,
        tr("&Reset zoom"),
        QStringLiteral("zoomResetAction"),
        {key(Qt::CTRL | Qt::Key_0)},
        [this] {
            if (m_hooks.zoom)
                m_hooks.zoom(0);
        });
    QAction *fullScreen = add(
        view, tr("&Full screen"), QStringLiteral("fullScreenAction"), {key(Qt::Key_F11)}, [this] {
            m_window->setWindowState(m_window->windowState() ^ Qt::WindowFullScreen);
        });
    fullScreen->setCheckable(true);
    connect(view, &QMenu::aboutToShow, this, [this, fullScreen] {
        fullScreen->setChecked(m_window->isFullScreen());
    });
    view->addSeparator();
    for (QAction *existing : {history, viewCode}) {
        if (!existing)
            continue;
        view->addAction(existing);
        m_actions << existing;
        m_keys.insert(existing, existing->shortcuts());
    }

    QMenu *run = addMenu(tr("&Run"), QStringLiteral("runMenu"));
    add(run,
        tr("&Run"),
        QStringLiteral("runAction"),
        {key(Qt::CTRL | Qt::Key_Enter), key(Qt::CTRL | Qt::Key_Return)},
        onTab(&PlaygroundTab::triggerRun));
    add(run,
        tr("&Stop"),
        QStringLiteral("stopAction"),
        {key(Qt::Key_Escape)},
        onTab(&PlaygroundTab::triggerStop));
    add(run,
        tr("&Compare side by side"),
        QStringLiteral("compareAction"),
        {key(Qt::CTRL | Qt::SHIFT | Qt::Key_M)},
        onTab(&PlaygroundTab::triggerCompare))
        ->setToolTip(tr("Turn the tab's compare columns on or off (Completion and Chat)"));
    run->addSeparator();
    add(run,
        tr("E&xplain"),
        QStringLiteral("explainAction"),
        {key(Qt::CTRL | Qt::SHIFT | Qt::Key_E)},
        onTab(&PlaygroundTab::triggerExplain))
        ->setToolTip(tr("Explain the last answer in the Explanation tab"));
    add(run,
        tr("Show &tokens"),
        QStringLiteral("showTokensAction"),
        {key(Qt::CTRL | Qt::SHIFT | Qt::Key_T)},
        onTab(&PlaygroundTab::triggerShowTokens))
        ->setToolTip(tr("Show how the model splits the prompt (or the selection) into tokens"));
    add(run,
        tr("Test s&ets…"),
        QStringLiteral("testSetsAction"),
        {key(Qt::CTRL | Qt::SHIFT | Qt::Key_R)},
        [this] {
            if (m_hooks.testSets)
                m_hooks.testSets();
        })
        ->setToolTip(tr("Run a table of inputs against prompt versions and models, with checks"));
    run->addSeparator();
    add(run,
        tr("Choose &model"),
        QStringLiteral("chooseModelAction"),
        {key(Qt::CTRL | Qt::Key_K)},
        [this] {
            if (m_hooks.chooseModel)
                m_hooks.chooseModel();
        });

    QMenu *help = addMenu(tr("&Help"), QStringLiteral("helpMenu"));
    add(help,
        tr("&Keyboard shortcuts"),
        QStringLiteral("shortcutsAction"),
        {key(Qt::Key_F1)},
        [this] { showShortcuts(); });
    help->addSeparator();
    add(help, tr("&About Aleph Playground"), QStringLiteral("aboutAction"), {}, [this] {
        showAbout();
    })->setMenuRole(QAction::AboutRole);
    add(help, tr("About &Qt"), QStringLiteral("aboutQtAction"), {}, [this] {
        QMessageBox::aboutQt(m_window);
    })->setMenuRole(QAction::AboutQtRole);

    for (QMenu *menu : std::as_const(m_menus))
        connect(menu, &QMenu::aboutToShow, this, &ShellMenus::refresh);
    connect(qApp, &QApplication::focusChanged, this, &ShellMenus::onFocusChanged);
    refresh();
}

void ShellMenus::addAction(const QString &menuName, QAction *action, const QString &after)
{
    QMenu *target = menu(menuName);
    if (!target)
        return;
    const QList<QAction *> existing = target->actions();
    QAction *before = nullptr;
    for (qsizetype i = 0; i < existing.size(); ++i) {
        if (!after.isEmpty() && existing.at(i)->objectName() == after) {
            before = i + 1 < existing.size() ? existing.at(i + 1) : nullptr;
            break;
        }
    }
    target->insertAction(before, action);
    const qsizetype at = before ? m_actions.indexOf(before) : -1;
    if (at >= 0)
        m_actions.insert(at, action);
    else
        m_actions.append(action);
    if (!action->shortcuts().isEmpty())
        m_keys.insert(action, action->shortcuts());
}

void ShellMenus::addTabActions(QTabWidget *tabs)
{
    QMenu *view = menu(QStringLiteral("viewMenu"));
    QMenu *goTo = view->addMenu(tr("&Go to tab"));
    goTo->setObjectName(QStringLiteral("goToTabMenu"));
    for (int i = 0; i < tabs->count() && i < 9; ++i) {
        add(goTo,
            tabs->tabText(i),
            QStringLiteral("goToTab%1Action").arg(i + 1),
            {QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i))},
            [tabs, i] {
                if (tabs->isTabEnabled(i))
                    tabs->setCurrentIndex(i);
            });
    }
    connect(goTo, &QMenu::aboutToShow, this, [tabs, goTo] {
        const QList<QAction *> actions = goTo->actions();
        for (int i = 0; i < actions.size() && i < tabs->count(); ++i)
            actions.at(i)->setEnabled(tabs->isTabEnabled(i));
    });
}

QMenu *ShellMenus::addMenu(const QString &title, const QString &name)
{
    QMenu *menu = m_window->menuBar()->addMenu(title);
    menu->setObjectName(name);
    m_menus << menu;
    return menu;
}

QAction *ShellMenus::add(QMenu *menu,
    const QString &text,
    const QString &name,
    const QList<QKeySequence> &keys,
    const std::function<void()> &slot)
{
    auto *a = new QAction(text, m_window);
    a->setObjectName(name);
    a->setShortcuts(keys);
    // On the window, so the keys work while the menu bar is hidden (full screen) and in every tab.
    m_window->addAction(a);
    menu->addAction(a);
    connect(a, &QAction::triggered, this, slot);
    m_actions << a;
    if (!keys.isEmpty())
        m_keys.insert(a, keys);
    return a;
}

void ShellMenus::buildEdit(QMenu *menu)
{
    const struct
    {
        const char *text;
        const char *name;
        QKeySequence::StandardKey key;
        const char *method;
    } items[] = {
        {QT_TR_NOOP("&Undo"), "undoAction", QKeySequence::Undo, "undo"},
        {QT_TR_NOOP("&Redo"), "redoAction", QKeySequence::Redo, "redo"},
        {nullptr, nullptr, QKeySequence::UnknownKey, nullptr},
        {QT_TR_NOOP("Cu&t"), "cutAction", QKeySequence::Cut, "cut"},
        {QT_TR_NOOP("&Copy"), "copyAction", QKeySequence::Copy, "copy"},
        {QT_TR_NOOP("&Paste"), "pasteAction", QKeySequence::Paste, "paste"},
        {QT_TR_NOOP("&Delete"), "deleteAction", QKeySequence::Delete, "delete"},
        {nullptr, nullptr, QKeySequence::UnknownKey, nullptr},
        {QT_TR_NOOP("Select &all"), "selectAllAction", QKeySequence::SelectAll, "selectAll"},
    };
    for (const auto &item : items) {
        if (!item.text) {
            menu->addSeparator();
            continue;
        }
        auto *a = new QAction(tr(item.text), this);
        a->setObjectName(QLatin1String(item.name));
        a->setShortcut(
            QKeySequence(item.key)); // the first of the platform's keys, as menus show it
        // Shown in the menu; the key itself stays with the focused text field (and the lists'
        // own Delete and Undo), which handles it without the menu.
        a->setShortcutContext(Qt::WidgetShortcut);
        menu->addAction(a);
        m_actions << a;
        m_keys.insert(a, a->shortcuts());
        const char *method = item.method;
        connect(a, &QAction::triggered, this, [this, method] { editCommand(method); });
    }
    connect(menu, &QMenu::aboutToShow, this, [this, menu] {
        QWidget *w = m_textFocus;
        const bool text = w && w->isEnabled();
        const bool writable = text && !isReadOnly(w);
        const bool selected = text && hasSelection(w);
        bool undo = false, redo = false;
        if (auto *line = qobject_cast<QLineEdit *>(w)) {
            undo = line->isUndoAvailable();
            redo = line->isRedoAvailable();
        } else if (auto *plain = qobject_cast<QPlainTextEdit *>(w)) {
            undo = plain->document()->isUndoAvailable();
            redo = plain->document()->isRedoAvailable();
        } else if (auto *rich = qobject_cast<QTextEdit *>(w)) {
            undo = rich->document()->isUndoAvailable();
            redo = rich->document()->isRedoAvailable();
        }
        for (QAction *a : menu->actions()) {
            const QString name = a->objectName();
            if (name == QLatin1String("undoAction"))
                a->setEnabled(writable && undo);
            else if (name == QLatin1String("redoAction"))
                a->setEnabled(writable && redo);
            else if (name == QLatin1String("cutAction") || name == QLatin1String("deleteAction"))
                a->setEnabled(writable && selected);
            else if (name == QLatin1String("copyAction"))
                a->setEnabled(selected);
            else if (name == QLatin1String("pasteAction"))
                a->setEnabled(writable && clipboardHasContent());
            else if (name == QLatin1String("selectAllAction"))
                a->setEnabled(text);
        }
    });
}

void ShellMenus::editCommand(const char *method)
{
    QWidget *w = m_textFocus;
    if (!w)
        return;
    if (qstrcmp(method, "delete") == 0) {
        if (auto *line = qobject_cast<QLineEdit *>(w))
            line->del();
        else if (auto *plain = qobject_cast<QPlainTextEdit *>(w))
            plain->textCursor().removeSelectedText();
        else if (auto *rich = qobject_cast<QTextEdit *>(w))
            rich->textCursor().removeSelectedText();
        return;
    }
    if (qstrcmp(method, "paste") == 0 && !clipboardHasContent())
        return; // Qt 6.4 crashes pasting an empty clipboard into a text edit (PasteGuard.h)
    QMetaObject::invokeMethod(w, method);
}

void ShellMenus::onFocusChanged(QWidget *, QWidget *now)
{
    if (!now || now->window() != m_window)
        return; // a popup, a menu or a dialog: the window's state stays as it was
    m_textFocus = isTextField(now) ? now : nullptr;
    // A widget's own key wins while it has the focus: the menu's action yields it meanwhile.
    const QList<QKeySequence> claimed = localKeys(now);
    for (auto it = m_keys.cbegin(); it != m_keys.cend(); ++it) {
        QAction *a = it.key();
        if (a->shortcutContext() != Qt::WindowShortcut)
            continue;
        QList<QKeySequence> keys;
        for (const QKeySequence &k : it.value()) {
            if (!claimed.contains(k))
                keys << k;
        }
        if (keys != a->shortcuts())
            a->setShortcuts(keys);
    }
    refresh();
}

QList<QKeySequence> ShellMenus::localKeys(QWidget *focus) const
{
    QList<QKeySequence> keys;
    for (QWidget *w = focus; w && w != m_window; w = w->parentWidget()) {
        for (QShortcut *s : w->findChildren<QShortcut *>(Qt::FindDirectChildrenOnly)) {
            if (!s->isEnabled())
                continue;
            if (s->context() == Qt::WidgetWithChildrenShortcut || s->context() == Qt::WindowShortcut
                || (s->context() == Qt::WidgetShortcut && w == focus))
                keys << s->keys();
        }
        for (QAction *a : w->actions()) {
            if (a->isEnabled()
                && (a->shortcutContext() == Qt::WidgetWithChildrenShortcut
                    || (a->shortcutContext() == Qt::WidgetShortcut && w == focus)))
                keys << a->shortcuts();
        }
    }
    return keys;
}

void ShellMenus::retireDuplicates(QWidget *tab)
{
    QList<QKeySequence> owned;
    for (const char *name : {"runAction", "stopAction", "newChatAction"}) {
        if (QAction *a = action(QLatin1String(name)))
            owned << shortcutsOf(a);
    }
    for (QShortcut *s : tab->findChildren<QShortcut *>(Qt::FindDirectChildrenOnly)) {
        if (owned.contains(s->key()))
            s->setEnabled(false);
    }
    // The prompt editors' Show tokens is the menu's Show tokens: its key is shown, not bound.
    for (PromptEdit *edit : tab->findChildren<PromptEdit *>()) {
        QAction *a = edit->findChild<QAction *>(QStringLiteral("showTokens"));
        if (!a || a->shortcut().isEmpty())
            continue;
        a->setText(a->text() + u'\t' + a->shortcut().toString(QKeySequence::NativeText));
        a->setShortcut(QKeySequence());
    }
}

void ShellMenus::refresh()
{
    PlaygroundTab *tab = m_hooks.currentTab ? m_hooks.currentTab() : nullptr;
    const auto set = [this](const char *name, bool on) {
        if (QAction *a = action(QLatin1String(name)))
            a->setEnabled(on);
    };
    set("runAction", tab && tab->canRun());
    set("stopAction", tab && tab->canStop());
    set("explainAction", tab && tab->canExplain());
    set("compareAction", tab && tab->canCompare());
    set("showTokensAction", tab && tab->canShowTokens());
    set("exportAction", tab && tab->canExport());
    set("openAction", tab != nullptr);
    set("chooseModelAction", tab && tab->modelPicker());
}

QAction *ShellMenus::action(const QString &objectName) const
{
    for (QAction *a : m_actions) {
        if (a->objectName() == objectName)
            return a;
    }
    return nullptr;
}

QList<QAction *> ShellMenus::actions() const
{
    return m_actions;
}

QMenu *ShellMenus::menu(const QString &objectName) const
{
    for (QMenu *m : m_menus) {
        if (m->objectName() == objectName)
            return m;
    }
    return nullptr;
}

void ShellMenus::showShortcuts()
{
    auto *dialog = new ShortcutsDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QList<ShortcutsDialog::Row> rows;
    for (QMenu *menu : std::as_const(m_menus)) {
        const QString menuName = menu->title().remove(u'&');
        const auto addRows = [&](QMenu *m, const QString &prefix, const auto &self) -> void {
            for (QAction *a : m->actions()) {
                if (a->isSeparator())
                    continue;
                if (a->menu()) {
                    self(a->menu(), prefix + QStringLiteral(" ▸ ") + a->text().remove(u'&'), self);
                    continue;
                }
                const QList<QKeySequence> keys = m_keys.value(a, a->shortcuts());
                QStringList text;
                for (const QKeySequence &k : keys)
                    text << k.toString(QKeySequence::NativeText);
                rows.append({prefix,
                    a->text().remove(u'&').section(u'\t', 0, 0),
                    text.join(QStringLiteral(", "))});
            }
        };
        addRows(menu, menuName, addRows);
    }
    rows.append(ShortcutsDialog::inTabRows());
    dialog->setRows(rows);
    dialog->open();
}

void ShellMenus::showAbout()
{
    auto *dialog = new AboutDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace ui
