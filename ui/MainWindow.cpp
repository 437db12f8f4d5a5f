// SPDX-License-Identifier: MIT
#include "ui/MainWindow.h"

#include "ui/chat/ChatTab.h"
#include "ui/codeview/CodeDialog.h"
#include "ui/common/ErrorText.h"
#include "ui/common/ModelPicker.h"
#include "ui/common/PasteGuard.h"
#include "ui/common/PromptEdit.h"
#include "ui/common/Theme.h"
#include "ui/completion/CompletionTab.h"
#include "ui/connection/ProfilesDialog.h"
#include "ui/embeddings/EmbeddingsTab.h"
#include "ui/explanation/ExplanationTab.h"
#include "ui/history/HistoryPanel.h"
#include "ui/library/PromptLibraryPanel.h"
#include "ui/presenter/PresenterMode.h"
#include "ui/shell/ShellMenus.h"
#include "ui/steering/SteeringTab.h"
#include "ui/testsets/TestSetWindow.h"
#include "ui/tokenizer/TokenizerTab.h"
#include "ui/translation/TranslationTab.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QScreen>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

namespace ui {

namespace {
const char *kSandboxBanner = QT_TRANSLATE_NOOP("ui::MainWindow",
    "Offline sandbox: the answers are synthetic, made on this computer by a small deterministic "
    "model. <a href='connect'>Connect to Aleph Alpha…</a>");
} // namespace

MainWindow::MainWindow(core::ApiClient *client, const QString &banner, QWidget *parent)
    : QMainWindow(parent)
{
    m_services.client = client;
    build(banner);
}

MainWindow::MainWindow(const Services &services, const QString &banner, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
{
    build(banner);
    if (m_services.profiles && m_services.commandLineConnection.isEmpty()) {
        activateProfile(m_services.profiles->currentId());
    } else if (m_services.embeddingCache) {
        m_cachedMapPending = false;
        QTimer::singleShot(0, m_embeddingsTab, &EmbeddingsTab::showCachedMap);
    }
}

MainWindow::~MainWindow()
{
    if (m_draftTimer.isActive())
        saveDrafts();
}

void MainWindow::build(const QString &banner)
{
    installPasteGuard();
    setWindowTitle(tr("Aleph Playground"));
    core::ApiClient *client = m_services.client;
    m_recorder.setStorePending(m_services.storagePending);
    m_recorder.setErrorText(&errorText);
    m_recorder.setProfileName(m_services.commandLineConnection.isEmpty()
            ? tr("Offline sandbox")
            : m_services.commandLineConnection);

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_completionTab = new CompletionTab(client, this);
    m_chatTab = new ChatTab(client, this);
    m_explanationTab = new ExplanationTab(client, this);
    m_embeddingsTab = new EmbeddingsTab(client, this);
    m_tabs->addTab(m_chatTab, tr("Chat"));
    m_tabs->addTab(m_completionTab, tr("Completion"));
    m_tabs->addTab(m_explanationTab, tr("Explanation"));
    // "Explain" in Completion and Chat: the prompt and output go to the Explanation tab and run.
    const auto explain
        = [this](const core::Prompt &prompt, const QString &target, const QString &model) {
              m_tabs->setCurrentWidget(m_explanationTab);
              m_explanationTab->setInput(prompt, target, model);
          };
    connect(m_completionTab, &CompletionTab::explainRequested, this, explain);
    connect(m_chatTab, &ChatTab::explainRequested, this, explain);
    m_tabs->addTab(m_embeddingsTab, tr("Embeddings"));
    m_translationTab = new TranslationTab(client, this);
    m_tabs->addTab(m_translationTab, tr("Translation"));
    m_steeringTab = new SteeringTab(client, this);
    m_tabs->addTab(m_steeringTab, tr("Steering"));
    connect(m_steeringTab,
        &SteeringTab::useConcept,
        this,
        [this](const QString &id, SteeringTab::Mode mode) {
            if (mode == SteeringTab::Mode::Chat) {
                m_chatTab->setSteeringConcept(id);
                m_tabs->setCurrentWidget(m_chatTab);
            } else {
                m_completionTab->setSteeringConcept(id);
                m_tabs->setCurrentWidget(m_completionTab);
            }
            statusBar()->showMessage(tr("steering_concepts set to %1").arg(id), 5000);
        });
    // Concepts made on another server are greyed once the connection changes.
    connect(client, &core::ApiClient::configChanged, m_steeringTab, &SteeringTab::reloadLibrary);
    m_tokenizerTab = new TokenizerTab(client, this);
    m_tabs->addTab(m_tokenizerTab, tr("Tokenizer"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (PlaygroundTab *tab = currentPlaygroundTab())
            Q_EMIT tabShown(tab->tabKey());
    });
    for (PlaygroundTab *tab : playgroundTabs()) {
        tab->setRecorder(&m_recorder);
        // "Show tokens" in any prompt editor: its text, on the model of the tab it is in.
        for (PromptEdit *edit : tab->findChildren<PromptEdit *>()) {
            connect(edit, &PromptEdit::showTokensRequested, this, [this, tab](const QString &text) {
                m_tabs->setCurrentWidget(m_tokenizerTab);
                m_tokenizerTab->showTokens(
                    text, tab->modelPicker() ? tab->modelPicker()->model() : QString());
            });
        }
    }

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    m_banner = new QLabel(central);
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::RichText);
    onThemeChange(m_banner, [this] {
        const Palette &p = Palette::current();
        m_banner->setStyleSheet(QStringLiteral("QLabel { background: %1; color: %2; border: 1px "
                                               "solid %3; border-radius: 4px; padding: 6px; }")
                                    .arg(p.sandboxBannerBackground.name(),
                                        p.sandboxBannerText.name(),
                                        p.sandboxBannerBorder.name()));
    });
    connect(m_banner, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link == QLatin1String("profiles"))
            showProfiles();
        else if (link == QLatin1String("connect"))
            if (ProfilesDialog *dialog = showProfiles())
                dialog->connectToAlephAlpha();
    });
    layout->addWidget(m_banner);
    setBanner(banner.toHtmlEscaped());
    // A second line for what went wrong on this computer (the keychain): it never replaces the
    // banner, and stays until the user closes it.
    m_noticeBox = new QWidget(central);
    m_noticeBox->setObjectName(QStringLiteral("noticeBox"));
    auto *noticeLayout = new QHBoxLayout(m_noticeBox);
    noticeLayout->setContentsMargins(0, 0, 0, 0);
    m_notice = new QLabel(m_noticeBox);
    m_notice->setObjectName(QStringLiteral("notice"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::RichText);
    onThemeChange(m_notice, [this] {
        const Palette &p = Palette::current();
        m_notice->setStyleSheet(
            QStringLiteral("QLabel { background: %1; color: %2; border: 1px solid %3; "
                           "border-radius: 4px; padding: 6px; }")
                .arg(p.noticeBackground.name(), p.noticeText.name(), p.noticeBorder.name()));
    });
    auto *noticeClose = new QToolButton(m_noticeBox);
    noticeClose->setObjectName(QStringLiteral("noticeClose"));
    noticeClose->setText(QStringLiteral("✕"));
    noticeClose->setAutoRaise(true);
    noticeClose->setToolTip(tr("Hide this notice"));
    connect(noticeClose, &QToolButton::clicked, m_noticeBox, &QWidget::hide);
    noticeLayout->addWidget(m_notice, 1);
    noticeLayout->addWidget(noticeClose, 0, Qt::AlignTop);
    m_noticeBox->hide();
    layout->addWidget(m_noticeBox);
    for (const QString &notice : m_services.notices)
        addNotice(notice.toHtmlEscaped());
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    // Toolbar: connection, history, view code.
    auto *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setMovable(false);
    QAction *profilesAction = nullptr;
    if (m_services.profiles) {
        toolbar->addWidget(new QLabel(tr(" Connection "), this));
        m_profilePicker = new QComboBox(this);
        m_profilePicker->setObjectName(QStringLiteral("profilePicker"));
        m_profilePicker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        m_profilePicker->setToolTip(
            tr("The connection profile: where requests go and with which token."));
        toolbar->addWidget(m_profilePicker);
        reloadProfilePicker();
        connect(m_profilePicker, &QComboBox::activated, this, [this](int index) {
            const QString id = m_profilePicker->itemData(index).toString();
            if (!id.isEmpty())
                activateProfile(id);
        });
        profilesAction = toolbar->addAction(tr("Profiles…"), this, &MainWindow::showProfiles);
        profilesAction->setObjectName(QStringLiteral("profilesAction"));
        profilesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
        profilesAction->setToolTip(tr("Edit connection profiles and tokens (Ctrl+Shift+P)"));
    }
    m_tlsBadge = new QLabel(tr(" ⚠ TLS verification off "), this);
    m_tlsBadge->setObjectName(QStringLiteral("tlsBadge"));
    onThemeChange(m_tlsBadge, [this] {
        const Palette &p = Palette::current();
        m_tlsBadge->setStyleSheet(QStringLiteral(
            "QLabel { color: %1; background: %2; border-radius: 3px; padding: 2px 6px; }")
                                      .arg(p.tlsBadgeText.name(), p.tlsBadgeBackground.name()));
    });
    m_tlsBadge->setToolTip(
        tr("This profile accepts any certificate. Turn verification back on in Profiles…"));
    m_tlsBadge->setVisible(!client->config().verifyPeer);
    toolbar->addWidget(m_tlsBadge);
    toolbar->addSeparator();
    auto *codeAction = toolbar->addAction(tr("View code"), this, &MainWindow::viewCode);
    codeAction->setObjectName(QStringLiteral("viewCodeAction"));
    codeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    codeAction->setToolTip(tr("The current request as Python, curl or alephctl (Ctrl+Shift+C)"));

    if (m_services.history || m_services.storagePending) {
        m_historyPanel = new HistoryPanel(m_services.history, this);
        m_historyDock = new QDockWidget(tr("History"), this);
        m_historyDock->setObjectName(QStringLiteral("historyDock"));
        m_historyDock->setWidget(m_historyPanel);
        addDockWidget(Qt::BottomDockWidgetArea, m_historyDock);
        m_historyDock->hide();
        QAction *toggle = m_historyDock->toggleViewAction();
        toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
        toggle->setToolTip(tr("Show or hide the run history (Ctrl+H)"));
        toolbar->addAction(toggle);
        connect(m_historyPanel, &HistoryPanel::restoreRequested, this, &MainWindow::restoreRun);
    }

    buildShell(m_historyDock ? m_historyDock->toggleViewAction() : nullptr,
        codeAction,
        m_services.profiles ? profilesAction : nullptr);
    buildPromptLibrary();
    buildPresenter();
    applyStores();

    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setText(tr("Server: %1").arg(client->config().baseUrl.toDisplayString()));
    statusBar()->addPermanentWidget(m_connectionLabel);

    if (m_services.credentials) {
        connect(m_services.credentials,
            &core::CredentialStore::keychainUnavailable,
            this,
            [this](const QString &reason) {
                addNotice(tr("<b>Tokens are not saved.</b> The system keychain could not be "
                             "reached, so a token you enter is "
                             "kept only until you quit, and you will be asked for it again next "
                             "time. To keep tokens, start "
                             "a keychain service (GNOME Keyring or KWallet) and restart Aleph "
                             "Playground."),
                    tr("What the keychain said: %1").arg(reason));
            });
    }

    // Drafts: saved 400 ms after the last edit, restored at start.
    m_draftTimer.setSingleShot(true);
    m_draftTimer.setInterval(400);
    connect(&m_draftTimer, &QTimer::timeout, this, &MainWindow::saveDrafts);
    for (PlaygroundTab *tab : playgroundTabs()) {
        connect(tab, &PlaygroundTab::draftChanged, this, [this] {
            if (!m_restoringDrafts)
                m_draftTimer.start();
        });
    }
    // A first start fills at most the screen (a 1024×700 laptop too); later starts restore the
    // size the window was left at.
    QSize size(1180, 760);
    if (const QScreen *s = screen())
        size = size.boundedTo(s->availableGeometry().size() - QSize(16, 40));
    resize(size);
    if (!m_services.storagePending)
        restoreDrafts();
    else
        for (PlaygroundTab *tab : playgroundTabs())
            applyTabDefaults(tab); // until the drafts come
}

void MainWindow::applyStores()
{
    m_recorder.setStore(m_services.history);
    m_chatTab->setConversationStore(m_services.conversations);
    m_embeddingsTab->setCache(m_services.embeddingCache);
    m_steeringTab->setLibrary(m_services.steeringLibrary);
    m_completionTab->setSteeringLibrary(m_services.steeringLibrary);
    m_chatTab->setSteeringLibrary(m_services.steeringLibrary);
    m_completionTab->setPromptLibrary(m_services.promptLibrary);
    if (m_libraryPanel)
        m_libraryPanel->setLibrary(m_services.promptLibrary);
    if (m_historyPanel)
        m_historyPanel->setStore(m_services.history);
    if (m_testSetWindow)
        m_testSetWindow->setPromptLibrary(m_services.promptLibrary);
}

void MainWindow::attachStorage(const Services &stores)
{
    if (!m_services.storagePending)
        return;
    m_services.storagePending = false;
    m_services.history = stores.history;
    m_services.drafts = stores.drafts;
    m_services.embeddingCache = stores.embeddingCache;
    m_services.steeringLibrary = stores.steeringLibrary;
    m_services.conversations = stores.conversations;
    m_services.promptLibrary = stores.promptLibrary;
    m_recorder.setStorePending(false);
    applyStores();
    if (m_historyDock && !m_services.history) {
        m_historyDock->hide();
        m_historyDock->toggleViewAction()->setEnabled(false);
    }
    if (m_libraryDock && !m_services.promptLibrary) {
        m_libraryDock->hide();
        m_libraryDock->toggleViewAction()->setEnabled(false);
    }
    restoreDrafts();
    // The last Embeddings map, once the connection is set (else activateProfile() shows it).
    const bool connectionSet = !m_cachedMapPending || !m_services.profiles
        || !m_services.commandLineConnection.isEmpty();
    if (connectionSet && m_services.embeddingCache) {
        m_cachedMapPending = false;
        m_embeddingsTab->showCachedMap();
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // The window's own layout is kept, never presenter mode's (full screen, docks hidden).
    if (m_presenter && m_presenter->isActive())
        m_presenter->leave();
    saveDrafts();
    QMainWindow::closeEvent(event);
}

QList<std::pair<QString, QSplitter *>> MainWindow::namedSplitters() const
{
    // Keyed by tab and objectName: the order of findChildren() changes when a tab makes widgets
    // later (results, compare panes), and a state restored into the wrong splitter turns it.
    QList<std::pair<QString, QSplitter *>> out;
    for (PlaygroundTab *tab : playgroundTabs()) {
        for (QSplitter *splitter : tab->findChildren<QSplitter *>()) {
            if (!splitter->objectName().isEmpty())
                out.append({tab->tabKey() + u'/' + splitter->objectName(), splitter});
        }
    }
    return out;
}

QVariantMap MainWindow::windowState() const
{
    QVariantMap splitters;
    for (const auto &[key, splitter] : namedSplitters())
        splitters.insert(key, QString::fromLatin1(splitter->saveState().toBase64()));
    return QVariantMap{{QStringLiteral("geometry"), QString::fromLatin1(saveGeometry().toBase64())},
        {QStringLiteral("state"), QString::fromLatin1(saveState().toBase64())},
        {QStringLiteral("splitters"), splitters},
        {QStringLiteral("tab"), m_tabs->currentIndex()}};
}

void MainWindow::restoreWindowState(const QVariantMap &state)
{
    if (state.isEmpty())
        return;
    restoreGeometry(
        QByteArray::fromBase64(state.value(QStringLiteral("geometry")).toString().toLatin1()));
    restoreState(
        QByteArray::fromBase64(state.value(QStringLiteral("state")).toString().toLatin1()));
    const QVariantMap saved = state.value(QStringLiteral("splitters")).toMap();
    for (const auto &[key, splitter] : namedSplitters()) {
        if (saved.contains(key))
            splitter->restoreState(QByteArray::fromBase64(saved.value(key).toString().toLatin1()));
    }
    const int tab = state.value(QStringLiteral("tab"), -1).toInt();
    if (tab >= 0 && tab < m_tabs->count())
        m_tabs->setCurrentIndex(tab);
}

void MainWindow::buildPromptLibrary()
{
    if (!m_services.promptLibrary && !m_services.storagePending)
        return;
    m_libraryPanel = new PromptLibraryPanel(this); // its library: applyStores()
    m_libraryDock = new QDockWidget(tr("Prompt library"), this);
    m_libraryDock->setObjectName(QStringLiteral("promptLibraryDock"));
    m_libraryDock->setWidget(m_libraryPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_libraryDock);
    m_libraryDock->hide();
    connect(m_libraryPanel, &PromptLibraryPanel::openRequested, this, &MainWindow::openSavedPrompt);
    connect(m_libraryPanel, &PromptLibraryPanel::message, this, [this](const QString &text) {
        statusBar()->showMessage(text, 10000);
    });

    QAction *toggle = m_libraryDock->toggleViewAction();
    toggle->setObjectName(QStringLiteral("promptLibraryAction"));
    toggle->setText(tr("Prompt &library"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    toggle->setToolTip(tr("Show or hide the saved prompts and their versions (Ctrl+Shift+L)"));
    addAction(toggle); // the key works while the menu bar is hidden (full screen)
    if (auto *toolbar = findChild<QToolBar *>(QStringLiteral("mainToolbar")))
        toolbar->addAction(toggle);
    // Tall enough for the diff the first time it is shown.
    connect(m_libraryDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (!visible || m_libraryDock->isFloating() || m_libraryDock->property("sized").toBool())
            return;
        m_libraryDock->setProperty("sized", true);
        QTimer::singleShot(0, this, [this] { // once the dock has its place
            if (m_libraryDock->height() < 340)
                resizeDocks({m_libraryDock}, {std::min(380, height() / 2)}, Qt::Vertical);
        });
    });
    m_menus->addAction(QStringLiteral("viewMenu"), toggle);

    auto *save = new QAction(tr("&Save prompt…"), this);
    save->setObjectName(QStringLiteral("savePromptAction"));
    save->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
    save->setToolTip(tr("Save the Completion tab's prompt in the prompt library (Ctrl+S)"));
    addAction(save);
    connect(save, &QAction::triggered, this, [this] {
        m_tabs->setCurrentWidget(m_completionTab);
        m_completionTab->showSaveDialog();
    });
    m_menus->addAction(QStringLiteral("fileMenu"), save, QStringLiteral("exportAction"));
}

void MainWindow::openSavedPrompt(qint64 id, int number)
{
    QString error;
    m_tabs->setCurrentWidget(m_completionTab);
    if (!m_completionTab->openSavedPrompt(id, number, &error))
        statusBar()->showMessage(tr("The prompt was not opened: %1").arg(error), 10000);
}

void MainWindow::setBanner(const QString &html)
{
    m_banner->setText(html);
    m_banner->setVisible(!html.isEmpty());
}

QString MainWindow::bannerText() const
{
    return m_banner->isVisible() ? m_banner->text() : QString();
}

void MainWindow::addNotice(const QString &html, const QString &details)
{
    const bool showing = m_noticeBox->isVisibleTo(this);
    m_notice->setText(showing && !m_notice->text().isEmpty()
            ? m_notice->text() + QStringLiteral("<br>") + html
            : html);
    if (!details.isEmpty())
        m_notice->setToolTip(showing && !m_notice->toolTip().isEmpty()
                ? m_notice->toolTip() + u'\n' + details
                : details);
    m_noticeBox->setVisible(!m_notice->text().isEmpty());
}

QString MainWindow::noticeText() const
{
    return m_noticeBox->isVisible() ? m_notice->text() : QString();
}

void MainWindow::reloadProfilePicker()
{
    if (!m_profilePicker)
        return;
    const QSignalBlocker blocker(m_profilePicker);
    m_profilePicker->clear();
    if (!m_services.commandLineConnection.isEmpty() && m_activeProfileId.isEmpty())
        m_profilePicker->addItem(
            tr("Command line: %1").arg(m_services.commandLineConnection), QString());
    for (const core::ConnectionProfile &p : m_services.profiles->profiles())
        m_profilePicker->addItem(p.verifyTls ? p.name : p.name + QStringLiteral("  ⚠"), p.id);
    const int index = m_profilePicker->findData(m_activeProfileId);
    m_profilePicker->setCurrentIndex(index >= 0 ? index : 0);
}

void MainWindow::activateProfile(const QString &id)
{
    if (!m_services.profiles)
        return;
    const core::ConnectionProfile profile = m_services.profiles->profile(id);
    auto apply = [this, profile](core::ClientConfig config, const QString &banner) {
        m_services.client->setConfig(config);
        m_activeProfileId = profile.id;
        m_onSandbox = profile.isSandbox;
        m_services.profiles->setCurrentId(profile.id);
        m_recorder.setProfileName(profile.name);
        setBanner(banner);
        m_tlsBadge->setVisible(!config.verifyPeer);
        m_connectionLabel->setText(tr("Server: %1").arg(config.baseUrl.toDisplayString()));
        reloadProfilePicker();
        Q_EMIT profileActivated(profile.id);
        refreshModels();
        if (std::exchange(m_cachedMapPending, false))
            m_embeddingsTab->showCachedMap(); // the last map, from the cache of this server
    };
    if (profile.isSandbox) {
        QString error;
        const core::ClientConfig config
            = m_services.sandbox ? m_services.sandbox(&error) : core::ClientConfig();
        if (!error.isEmpty() || !m_services.sandbox) {
            setBanner(tr("The offline sandbox could not start: %1").arg(error.toHtmlEscaped()));
            return;
        }
        apply(config, tr(kSandboxBanner));
        return;
    }
    m_services.credentials->token(
        profile.id, this, [profile, apply](const QString &token, const QString &problem) {
            QString caError;
            const core::ClientConfig config = profile.toClientConfig(token, &caError);
            QString banner;
            if (!problem.isEmpty())
                banner = problem.toHtmlEscaped() + QLatin1Char(' ')
                    + tr("Enter the token in <a href='profiles'>Profiles…</a>; it is kept for this "
                         "session only.");
            else if (token.isEmpty())
                banner = tr("The profile \"%1\" has no token, so the server will refuse requests. "
                            "<a href='profiles'>Add a token…</a>")
                             .arg(profile.name.toHtmlEscaped());
            if (!caError.isEmpty())
                banner += QLatin1Char(' ') + caError.toHtmlEscaped();
            apply(config, banner);
        });
}

ProfilesDialog *MainWindow::showProfiles()
{
    if (!m_services.profiles || !m_services.credentials)
        return nullptr;
    auto *dialog = new ProfilesDialog(
        m_services.profiles, m_services.credentials, m_services.nam, m_services.sandbox, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("profilesDialog"));
    if (!m_activeProfileId.isEmpty())
        dialog->selectProfile(m_activeProfileId);
    connect(dialog, &ProfilesDialog::profilesChanged, this, [this](const QString &id) {
        reloadProfilePicker();
        if (id == m_activeProfileId) // the active profile was edited or removed
            activateProfile(
                m_services.profiles->contains(id) ? id : m_services.profiles->currentId());
    });
    connect(dialog, &ProfilesDialog::useProfile, this, &MainWindow::activateProfile);
    dialog->open();
    return dialog;
}

PlaygroundTab *MainWindow::currentPlaygroundTab() const
{
    return qobject_cast<PlaygroundTab *>(m_tabs->currentWidget());
}

QList<PlaygroundTab *> MainWindow::playgroundTabs() const
{
    return {m_chatTab,
        m_completionTab,
        m_explanationTab,
        m_embeddingsTab,
        m_translationTab,
        m_steeringTab,
        m_tokenizerTab};
}

void MainWindow::viewCode()
{
    PlaygroundTab *tab = currentPlaygroundTab();
    if (!tab) {
        statusBar()->showMessage(tr("This tab has no request to show as code yet."), 5000);
        return;
    }
    QString problem;
    const QList<PlaygroundTab::TitledCall> calls = tab->currentCalls(&problem);
    if (calls.isEmpty()) {
        statusBar()->showMessage(tr("Cannot show the code: %1").arg(problem), 8000);
        return;
    }
    QList<CodeDialog::TitledCall> titled;
    for (const PlaygroundTab::TitledCall &c : calls)
        titled.append({c.title, c.call});
    const core::ClientConfig &config = m_services.client->config();
    core::CodeContext context;
    context.baseUrl = config.baseUrl;
    context.hosting = config.hosting;
    context.nice = config.nice;
    auto *dialog = new CodeDialog(titled, context, this);
    dialog->setObjectName(QStringLiteral("codeDialog"));
    if (m_activeProfileId == QLatin1String(core::ConnectionProfile::kSandboxId))
        dialog->addNote(
            tr("This address is the app's offline sandbox, which listens on this port only while "
               "the app runs. For one that stays, run <code>aleph-sandbox --port 8080</code> and "
               "use <code>http://127.0.0.1:8080/v1</code> with the token <code>sandbox</code>."));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::saveDrafts()
{
    m_draftTimer.stop();
    if (!m_services.drafts)
        return;
    for (PlaygroundTab *tab : playgroundTabs())
        m_services.drafts->save(tab->tabKey(), tab->draft());
    if (!m_presenter || !m_presenter->isActive()) // its full screen is not the window's layout
        m_services.drafts->save(QStringLiteral("window"), windowState());
    saveDeckDraft();
}

void MainWindow::restoreDrafts()
{
    if (!m_services.drafts) {
        for (PlaygroundTab *tab : playgroundTabs())
            applyTabDefaults(tab);
        return;
    }
    m_restoringDrafts = true;
    for (PlaygroundTab *tab : playgroundTabs()) {
        // Each tab's last result comes back from the history (nothing is sent), then the inputs as
        // they were left, which may have changed since that run. Chat keeps its own conversations.
        if (m_services.history && tab != m_chatTab) {
            const QList<core::RunRecord> last
                = m_services.history->search(QString(), tab->tabKey(), 1);
            if (!last.isEmpty() && last.first().status != core::RunStatus::Running)
                tab->restoreRun(last.first());
        }
        const QVariantMap draft = m_services.drafts->load(tab->tabKey());
        if (!draft.isEmpty())
            tab->restoreDraft(draft);
        else if (!m_services.history || tab == m_chatTab
            || m_services.history->search(QString(), tab->tabKey(), 1).isEmpty())
            applyTabDefaults(tab);
    }
    restoreWindowState(m_services.drafts->load(QStringLiteral("window")));
    restoreDeckDraft();
    m_restoringDrafts = false;
}

void MainWindow::restoreRun(const core::RunRecord &run)
{
    for (PlaygroundTab *tab : playgroundTabs()) {
        if (tab->tabKey() == run.tab) {
            tab->restoreRun(run);
            m_tabs->setCurrentWidget(tab);
            statusBar()->showMessage(
                tr("Restored the run of %1.").arg(run.startedAt.toLocalTime().toString()), 5000);
            return;
        }
    }
}

void MainWindow::refreshModels()
{
    auto *job = m_services.client->modelSettings();
    connect(job, &core::ApiJob::finished, this, [this, job] {
        if (job->state() == core::ApiJob::State::Succeeded) {
            const QList<core::ModelSettings> models = job->result().models;
            m_models = models;
            for (PlaygroundTab *tab : playgroundTabs())
                tab->setModels(models);
            if (m_testSetWindow)
                m_testSetWindow->setAvailableModels(models);
            // Grey out what no model of this connection can do.
            const bool anyCompletion = std::any_of(models.cbegin(),
                models.cend(),
                [](const auto &m) { return m.supportsCompletion(); });
            const bool anyChat = std::any_of(
                models.cbegin(), models.cend(), [](const auto &m) { return m.supportsChat(); });
            m_tabs->setTabEnabled(
                m_tabs->indexOf(m_completionTab), anyCompletion || models.isEmpty());
            m_tabs->setTabEnabled(
                m_tabs->indexOf(m_explanationTab), anyCompletion || models.isEmpty());
            m_tabs->setTabToolTip(m_tabs->indexOf(m_explanationTab),
                anyCompletion ? QString() : tr("No model of this connection supports /explain."));
            m_tabs->setTabEnabled(m_tabs->indexOf(m_chatTab), anyChat || models.isEmpty());
            m_tabs->setTabToolTip(m_tabs->indexOf(m_completionTab),
                anyCompletion ? QString() : tr("No model of this connection supports /complete."));
            m_tabs->setTabToolTip(m_tabs->indexOf(m_chatTab),
                anyChat ? QString() : tr("No model of this connection supports chat."));
            statusBar()->showMessage(
                tr("%n model(s) available", nullptr, int(models.size())), 5000);
            Q_EMIT modelsRefreshed(int(models.size()));
        } else if (job->state() == core::ApiJob::State::Failed) {
            statusBar()->showMessage(
                tr("Could not list models (%1); type a model name.").arg(errorText(job->error())),
                10000);
            Q_EMIT modelsRefreshed(-1);
        }
    });
}

} // namespace ui
