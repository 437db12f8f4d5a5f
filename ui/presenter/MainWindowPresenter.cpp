// SPDX-License-Identifier: MIT
// MainWindow's part of Presenter mode and demo decks (issue 24): the deck's dock, its player on
// the window's tabs and recorder, the presenter bar above the tabs, and the View menu's actions.
#include "ui/MainWindow.h"
#include "ui/common/PresenterHint.h"
#include "ui/presenter/DeckModel.h"
#include "ui/presenter/DeckPanel.h"
#include "ui/presenter/DeckPlayer.h"
#include "ui/presenter/PresenterBar.h"
#include "ui/presenter/PresenterMode.h"
#include "ui/shell/ShellMenus.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ui {

PlaygroundTab *MainWindow::playgroundTab(const QString &key) const
{
    for (PlaygroundTab *tab : playgroundTabs()) {
        if (tab->tabKey() == key)
            return tab;
    }
    return nullptr;
}

void MainWindow::saveDeckDraft()
{
    if (!m_services.drafts || !m_deckModel)
        return;
    m_services.drafts->save(QStringLiteral("deck"),
        {{QStringLiteral("deck"), m_deckModel->deck().toVariant()},
            {QStringLiteral("path"), m_deckPanel->filePath()},
            {QStringLiteral("modified"), m_deckModel->isModified()}});
}

void MainWindow::restoreDeckDraft()
{
    if (!m_services.drafts || !m_deckModel || m_deckModel->stepCount() > 0
        || m_deckModel->isModified())
        return; // a deck opened at start (--deck) wins over the one left last time
    const QVariantMap draft = m_services.drafts->load(QStringLiteral("deck"));
    QString error;
    const std::optional<core::DemoDeck> deck
        = core::DemoDeck::fromVariant(draft.value(QStringLiteral("deck")).toMap(), &error);
    if (!deck || deck->steps.isEmpty())
        return;
    m_deckPanel->restore(*deck,
        draft.value(QStringLiteral("path")).toString(),
        draft.value(QStringLiteral("modified")).toBool());
}

bool MainWindow::openDeck(const QString &path)
{
    m_deckDock->show();
    return m_deckPanel->openDeck(path);
}

void MainWindow::buildPresenter()
{
    m_deckModel = new DeckModel(this);
    m_deckModel->setTabTitles([this](const QString &key) {
        PlaygroundTab *tab = playgroundTab(key);
        return tab ? m_tabs->tabText(m_tabs->indexOf(tab)) : QString();
    });
    DeckPlayer::Host host;
    host.tab = [this](const QString &key) {
        return playgroundTab(key);
    };
    host.show = [this](PlaygroundTab *tab) {
        m_tabs->setCurrentWidget(tab);
    };
    host.recorder = &m_recorder;
    m_deckPlayer = new DeckPlayer(host, m_deckModel, this);
    // The deck is autosaved with the drafts, 400 ms after each change.
    const auto changed = [this] {
        if (!m_restoringDrafts)
            m_draftTimer.start();
    };
    connect(m_deckModel, &QAbstractItemModel::dataChanged, this, changed);
    connect(m_deckModel, &QAbstractItemModel::rowsInserted, this, changed);
    connect(m_deckModel, &QAbstractItemModel::rowsRemoved, this, changed);
    connect(m_deckModel, &QAbstractItemModel::rowsMoved, this, changed);
    connect(m_deckModel, &QAbstractItemModel::modelReset, this, changed);
    connect(m_deckModel, &DeckModel::modifiedChanged, this, changed);

    m_deckPanel = new DeckPanel(
        m_deckModel, m_deckPlayer, [this] { return currentPlaygroundTab(); }, this);
    m_deckDock = new QDockWidget(tr("Demo deck"), this);
    m_deckDock->setObjectName(QStringLiteral("deckDock"));
    m_deckDock->setWidget(m_deckPanel);
    addDockWidget(Qt::RightDockWidgetArea, m_deckDock);
    m_deckDock->hide();
    QAction *dockToggle = m_deckDock->toggleViewAction();
    dockToggle->setText(tr("&Demo deck"));
    dockToggle->setObjectName(QStringLiteral("deckDockAction"));
    dockToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    dockToggle->setToolTip(tr("Show or hide the demo deck (Ctrl+Shift+D)"));

    auto *record = new QAction(tr("Record &deck step"), this);
    record->setObjectName(QStringLiteral("recordStepAction"));
    record->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    record->setToolTip(tr("Add the current tab, as it is, to the demo deck (Ctrl+Shift+B)"));
    connect(record, &QAction::triggered, this, [this] {
        m_deckDock->show();
        m_deckPanel->recordStep();
    });

    auto *bar = new PresenterBar(m_deckModel, centralWidget());
    if (auto *layout = qobject_cast<QVBoxLayout *>(centralWidget()->layout()))
        layout->insertWidget(0, bar);
    hideInPresenterMode(m_banner); // the bar says where the answers come from instead

    PresenterMode::Hooks hooks;
    hooks.currentTab = [this] {
        return currentPlaygroundTab();
    };
    hooks.setTextSize = [this](int percent) {
        applyTextSize(percent > 0 ? percent : m_preferences->textSize());
    };
    hooks.connection = [this] {
        return m_onSandbox ? tr("offline sandbox: synthetic answers, not a real model")
                           : m_recorder.profileName();
    };
    hooks.menuActions = [this] {
        return m_menus->actions();
    };
    m_presenter = new PresenterMode(this, hooks, bar, m_deckModel, m_deckPlayer, this);
    connect(m_tabs, &QTabWidget::currentChanged, m_presenter, &PresenterMode::refresh);
    connect(m_deckPanel, &DeckPanel::presentRequested, this, [this] {
        m_presenter->enter();
        m_deckPlayer->play(0);
    });

    m_menus->addAction(QStringLiteral("viewMenu"),
        m_presenter->toggleAction(),
        QStringLiteral("fullScreenAction"));
    m_menus->addAction(QStringLiteral("viewMenu"),
        m_presenter->pointerAction(),
        QStringLiteral("presenterModeAction"));
    m_menus->addAction(QStringLiteral("viewMenu"),
        m_presenter->spotlightAction(),
        QStringLiteral("pointerHighlightAction"));
    m_menus->addAction(
        QStringLiteral("viewMenu"), m_presenter->noteAction(), QStringLiteral("spotlightAction"));
    m_menus->addAction(
        QStringLiteral("viewMenu"), dockToggle, QStringLiteral("presenterNoteAction"));
    m_menus->addAction(QStringLiteral("runMenu"), record);
}

} // namespace ui
