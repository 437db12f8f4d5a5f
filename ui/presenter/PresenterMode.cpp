// SPDX-License-Identifier: MIT
#include "ui/presenter/PresenterMode.h"

#include "ui/common/PlaygroundTab.h"
#include "ui/common/PresenterHint.h"
#include "ui/common/RunController.h"
#include "ui/presenter/DeckModel.h"
#include "ui/presenter/DeckPlayer.h"
#include "ui/presenter/DeckProgressStrip.h"
#include "ui/presenter/PresenterBar.h"
#include "ui/presenter/PresenterNote.h"
#include "ui/presenter/SpotlightOverlay.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QKeyEvent>
#include <QLayout>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QStatusBar>
#include <QTextEdit>
#include <QTimer>
#include <QToolBar>

namespace ui {

namespace {

/// Whether `w` takes arrow keys for its own text (a field, an editor, an editable combo box).
bool takesArrows(const QWidget *w)
{
    if (!w)
        return false;
    if (const auto *edit = qobject_cast<const QTextEdit *>(w))
        return !edit->isReadOnly();
    if (const auto *edit = qobject_cast<const QPlainTextEdit *>(w))
        return !edit->isReadOnly();
    if (const auto *combo = qobject_cast<const QComboBox *>(w))
        return combo->isEditable();
    return qobject_cast<const QLineEdit *>(w) || qobject_cast<const QAbstractSpinBox *>(w);
}

} // namespace

PresenterMode::PresenterMode(QMainWindow *window,
    const Hooks &hooks,
    PresenterBar *bar,
    DeckModel *deck,
    DeckPlayer *player,
    QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_hooks(hooks)
    , m_bar(bar)
    , m_deck(deck)
    , m_player(player)
{
    m_bar->hide();
    m_overlay = new SpotlightOverlay(window);
    m_note = new PresenterNote(window);
    m_overlay->setAlwaysLit({m_bar, m_note->corner()});

    m_toggle = makeAction(tr("&Presenter mode"),
        QStringLiteral("presenterModeAction"),
        Qt::Key_F5,
        tr("Full screen, large type, parameters hidden, one Run button (F5)"));
    connect(m_toggle, &QAction::toggled, this, &PresenterMode::setActive);

    // Esc leaves, but only while nothing runs: Run ▸ Stop owns Esc then (never both enabled).
    m_escape = new QAction(tr("Leave presenter mode"), this);
    m_escape->setObjectName(QStringLiteral("leavePresenterAction"));
    m_escape->setShortcut(QKeySequence(Qt::Key_Escape));
    m_escape->setEnabled(false);
    connect(m_escape, &QAction::triggered, this, &PresenterMode::leave);
    window->addAction(m_escape);

    m_pointer = makeAction(tr("Pointer &highlight"),
        QStringLiteral("pointerHighlightAction"),
        Qt::Key_F6,
        tr("A ring around the mouse pointer, for the audience (F6)"));
    connect(m_pointer, &QAction::toggled, m_overlay, &SpotlightOverlay::setPointerHighlight);
    m_spotlight = makeAction(tr("&Spotlight"),
        QStringLiteral("spotlightAction"),
        Qt::Key_F7,
        tr("Dim everything but the panel under the pointer (F7)"));
    connect(m_spotlight, &QAction::toggled, m_overlay, &SpotlightOverlay::setSpotlight);
    m_noteAction = makeAction(tr("Presenter &note in the corner"),
        QStringLiteral("presenterNoteAction"),
        Qt::Key_F8,
        tr("The step's note in the window's corner; with a second screen it shows there (F8)"));
    connect(m_noteAction, &QAction::toggled, m_note, &PresenterNote::setCornerShown);

    connect(m_bar->runButton(), &QPushButton::clicked, this, [this] {
        if (PlaygroundTab *tab = m_hooks.currentTab())
            tab->triggerRun();
    });
    connect(m_bar->stopButton(), &QPushButton::clicked, this, [this] {
        m_player->stop();
        if (PlaygroundTab *tab = m_hooks.currentTab(); tab && tab->canStop())
            tab->triggerStop();
    });
    connect(m_bar->leaveButton(), &QPushButton::clicked, this, &PresenterMode::leave);
    connect(m_bar->paceBox(), &QComboBox::currentIndexChanged, this, [this] {
        if (m_active)
            RunController::setReadingPace(m_bar->paceBox()->currentData().toInt());
    });
    connect(m_bar->nextButton(), &QPushButton::clicked, m_player, &DeckPlayer::next);
    connect(m_bar->previousButton(), &QPushButton::clicked, m_player, &DeckPlayer::previous);
    connect(m_bar->progress(), &DeckProgressStrip::stepClicked, m_player, &DeckPlayer::play);
    connect(m_player, &DeckPlayer::stepStarted, this, &PresenterMode::onStepStarted);
    connect(m_player,
        &DeckPlayer::stepEnded,
        this,
        [this](int row, DeckPlayer::Outcome outcome, const QString &detail) {
            if (outcome == DeckPlayer::Outcome::Recording && row >= 0 && row < m_deck->stepCount())
                m_bar->setRecording(m_deck->step(row).recording->startedAt, detail);
            refresh();
        });
    qApp->installEventFilter(this);
}

QAction *PresenterMode::makeAction(
    const QString &text, const QString &name, Qt::Key key, const QString &tip)
{
    auto *action = new QAction(text, this);
    action->setObjectName(name);
    action->setCheckable(true);
    action->setShortcut(QKeySequence(key));
    action->setToolTip(tip);
    return action;
}

PresenterMode::~PresenterMode()
{
    qApp->removeEventFilter(this);
}

void PresenterMode::setPresenterTextSize(int percent)
{
    m_textSize = percent;
    if (m_active)
        applyFittingTextSize();
}

void PresenterMode::setActive(bool on)
{
    if (on == m_active)
        return;
    m_active = on;
    m_toggle->setChecked(on);
    if (on) {
        m_savedState = m_window->saveState();
        m_savedWindowState = m_window->windowState();
        m_savedGeometry = m_window->geometry();
        m_menuBarShown = !m_window->menuBar()->isHidden();
        m_statusBarShown = !m_window->statusBar()->isHidden();
        // The menus' shortcuts keep working with the menu bar hidden.
        m_addedActions.clear();
        if (m_hooks.menuActions) {
            for (QAction *action : m_hooks.menuActions()) {
                if (!m_window->actions().contains(action))
                    m_addedActions << action;
            }
            m_window->addActions(m_addedActions);
        }
        m_hidden.clear();
        for (QWidget *w : m_window->findChildren<QWidget *>()) {
            if (w->property(kPresenterHidden).toBool() && !w->isHidden()) {
                m_hidden << w;
                w->hide();
            }
        }
        for (QDockWidget *dock : m_window->findChildren<QDockWidget *>())
            dock->hide();
        for (QToolBar *toolbar : m_window->findChildren<QToolBar *>())
            toolbar->hide();
        m_window->menuBar()->hide();
        m_window->statusBar()->hide();
        m_bar->show();
        RunController::setReadingPace(m_bar->paceBox()->currentData().toInt());
        m_window->showFullScreen();
        refresh(); // the bar's texts count in the size that must fit
        applyFittingTextSize();
    } else {
        m_player->stop();
        RunController::setReadingPace(0);
        m_bar->hide();
        m_bar->clearRecording();
        if (m_hooks.setTextSize)
            m_hooks.setTextSize(0);
        for (const QPointer<QWidget> &w : std::as_const(m_hidden)) {
            if (w)
                w->show();
        }
        m_hidden.clear();
        for (QAction *action : std::as_const(m_addedActions))
            m_window->removeAction(action);
        m_addedActions.clear();
        m_window->menuBar()->setVisible(m_menuBarShown);
        m_window->statusBar()->setVisible(m_statusBarShown);
        m_window->setWindowState(m_savedWindowState);
        m_window->restoreState(m_savedState);
        if (!(m_savedWindowState & (Qt::WindowMaximized | Qt::WindowFullScreen))) {
            m_window->setGeometry(m_savedGeometry);
            // Again once the smaller text has shrunk the layouts' minimum sizes.
            QTimer::singleShot(0, m_window, [window = m_window, geometry = m_savedGeometry] {
                window->setGeometry(geometry);
            });
        }
        m_pointer->setChecked(false);
        m_spotlight->setChecked(false);
    }
    m_note->setPresenting(on);
    refresh();
    Q_EMIT activeChanged(on);
}

void PresenterMode::applyFittingTextSize()
{
    if (!m_hooks.setTextSize)
        return;
    // The largest size up to presenterTextSize() at which the window still fits its screen:
    // on a 1024- or 1280-pixel projector the panels would otherwise push past the edge.
    const QSize screen
        = m_window->screen() ? m_window->screen()->availableGeometry().size() : QSize(1920, 1080);
    int percent = std::max(100, m_textSize);
    for (;; percent -= 10) {
        m_hooks.setTextSize(percent);
        if (percent <= 100)
            break;
        m_window->layout()->activate();
        const QSize needed = m_window->minimumSizeHint();
        if (needed.width() <= screen.width() && needed.height() <= screen.height())
            break;
    }
    m_appliedTextSize = percent;
}

void PresenterMode::refresh()
{
    PlaygroundTab *tab = m_hooks.currentTab ? m_hooks.currentTab() : nullptr;
    watchTab(tab);
    const bool running = tab && tab->canStop();
    m_escape->setEnabled(m_active && !running);
    if (!m_active)
        return;
    m_bar->runButton()->setEnabled(tab && tab->canRun() && !running);
    m_bar->stopButton()->setEnabled(running);
    m_bar->setModel(tab ? tab->currentModel() : QString(),
        m_hooks.connection ? m_hooks.connection() : QString());
    m_bar->setStep(m_player->current());
}

void PresenterMode::watchTab(PlaygroundTab *tab)
{
    if (tab == m_watched)
        return;
    disconnect(m_tabConnection);
    m_watched = tab;
    if (tab)
        m_tabConnection
            = connect(tab, &PlaygroundTab::commandsChanged, this, &PresenterMode::refresh);
}

void PresenterMode::onStepStarted(int row)
{
    m_bar->clearRecording();
    if (row >= 0 && row < m_deck->stepCount())
        m_note->setNote(m_deck->stepLabel(row), m_deck->step(row).note);
    refresh();
}

bool PresenterMode::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_active || event->type() != QEvent::KeyPress || m_deck->stepCount() == 0)
        return QObject::eventFilter(watched, event);
    auto *widget = qobject_cast<QWidget *>(watched);
    if (!widget || widget->window() != m_window)
        return QObject::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (key->modifiers() & ~Qt::KeypadModifier)
        return QObject::eventFilter(watched, event);
    const bool arrows = !takesArrows(QApplication::focusWidget());
    switch (key->key()) {
    case Qt::Key_PageDown:
        m_player->next();
        return true;
    case Qt::Key_PageUp:
        m_player->previous();
        return true;
    case Qt::Key_Right:
        if (!arrows)
            break;
        m_player->next();
        return true;
    case Qt::Key_Left:
        if (!arrows)
            break;
        m_player->previous();
        return true;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace ui
