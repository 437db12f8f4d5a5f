// SPDX-License-Identifier: MIT
#pragma once

#include "core/auth/CredentialStore.h"
#include "core/net/ApiClient.h"
#include "core/settings/ConnectionProfile.h"
#include "core/settings/Preferences.h"
#include "core/storage/ConversationStore.h"
#include "core/storage/EmbeddingCache.h"
#include "core/storage/HistoryStore.h"
#include "core/storage/PromptLibrary.h"
#include "core/storage/RunRecorder.h"
#include "core/storage/SteeringLibrary.h"
#include "ui/common/PlaygroundTab.h"

#include <QMainWindow>
#include <QTimer>

#include <functional>
#include <memory>

class QComboBox;
class QDockWidget;
class QLabel;
class QSplitter;
class QTabWidget;
class QNetworkAccessManager;

namespace ui {

class ChatTab;
class ProfilesDialog;
class CompletionTab;
class EmbeddingsTab;
class SteeringTab;
class TokenizerTab;
class TranslationTab;
class ExplanationTab;
class HistoryPanel;
class PromptLibraryPanel;
class ShellMenus;
class TestSetWindow;
class DeckModel;
class DeckPanel;
class DeckPlayer;
class PresenterMode;

/// What the window works with; made by main() (the composition root). Only `client` is required:
/// without profiles there is no profile picker, without a history store nothing is recorded.
struct Services
{
    QNetworkAccessManager *nam = nullptr;
    core::ApiClient *client = nullptr;
    core::ProfileStore *profiles = nullptr;
    core::CredentialStore *credentials = nullptr;
    core::HistoryStore *history = nullptr;
    core::DraftStore *drafts = nullptr;
    core::EmbeddingCache *embeddingCache
        = nullptr; ///< the Embeddings tab's vector cache (may be null)
    core::SteeringLibrary *steeringLibrary = nullptr; ///< the Steering tab's concepts (may be null)
    core::ConversationStore *conversations
        = nullptr; ///< the Chat tab's conversations (may be null: no list)
    core::PromptLibrary *promptLibrary
        = nullptr; ///< the Completion tab's saved prompts (may be null: no library)
    /// Starts the offline sandbox if needed and gives its config (base URL and token); on failure
    /// an empty config and `error`.
    std::function<core::ClientConfig(QString *error)> sandbox;
    /// Set when --host/--token/--sandbox chose the connection: shown as "Command line" and the
    /// profiles are not applied at start.
    QString commandLineConnection;
    /// True: the stores above come later, through MainWindow::attachStorage() (main() opens the
    /// database after the first paint). Until then the history and the prompt library read
    /// "Loading…" and runs are kept in memory by the recorder.
    bool storagePending = false;
    /// The user's preferences (theme, text size, Enter sends, defaults of new tabs); null: kept in
    /// memory for the session.
    core::Preferences *preferences = nullptr;
    /// The data folder in use (shown in Preferences).
    QString dataFolder;
    /// Problems of this computer's files (a damaged history, settings out of range): each shown
    /// in the notice line until dismissed.
    QStringList notices;
};

/// The main window: one tab per capability, all on the one ApiClient made in main(); a connection
/// profile picker, the run history (dock), "View code", autosaved drafts.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(
        const Services &services, const QString &banner = {}, QWidget *parent = nullptr);
    /// The minimal window on one client (tests, scripted runs).
    explicit MainWindow(
        core::ApiClient *client, const QString &banner = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    CompletionTab *completionTab() const { return m_completionTab; }
    ChatTab *chatTab() const { return m_chatTab; }
    ExplanationTab *explanationTab() const { return m_explanationTab; }
    TranslationTab *translationTab() const { return m_translationTab; }
    SteeringTab *steeringTab() const { return m_steeringTab; }
    TokenizerTab *tokenizerTab() const { return m_tokenizerTab; }
    QTabWidget *tabs() const { return m_tabs; }
    HistoryPanel *historyPanel() const { return m_historyPanel; }
    /// The prompt library's dock content (null without a library).
    PromptLibraryPanel *promptLibraryPanel() const { return m_libraryPanel; }
    QLabel *bannerLabel() const { return m_banner; }
    QComboBox *profilePicker() const { return m_profilePicker; }
    /// The menu bar's actions and menus (File, Edit, View, Run, Help).
    ShellMenus *menus() const { return m_menus; }
    /// Presenter mode (View ▸ Presenter mode, F5) and its bar, overlay and note.
    PresenterMode *presenterMode() const { return m_presenter; }
    /// The demo deck: its steps, its dock's content, and what plays it.
    DeckModel *deckModel() const { return m_deckModel; }
    DeckPanel *deckPanel() const { return m_deckPanel; }
    DeckPlayer *deckPlayer() const { return m_deckPlayer; }
    core::Preferences *preferences() const { return m_preferences; }
    /// What records the tabs' runs (tests tune how often a stream's partial text is written).
    core::RunRecorder *recorder() { return &m_recorder; }
    /// The banner's text ("" when hidden): the connection (sandbox, missing token).
    QString bannerText() const;
    /// The notice's text ("" when hidden): what the app could not do for the user (keychain),
    /// shown beside the banner until dismissed.
    QString noticeText() const;

public Q_SLOTS:
    /// Fetches /model-settings and hands the list to the tabs; greys out tabs no model supports.
    void refreshModels();
    /// Switches the client to profile `id` (reads its token from the keychain first).
    void activateProfile(const QString &id);
    /// Opens the connection profiles (the dialog, or nullptr without profile and token stores).
    ProfilesDialog *showProfiles();
    /// Shows the current tab's request as code.
    void viewCode();
    /// Saves every tab's draft and the window's layout now (drafts also 400 ms after each edit).
    void saveDrafts();
    void restoreRun(const core::RunRecord &run);
    /// Loads version `number` of saved prompt `id` into the Completion tab and shows the tab.
    void openSavedPrompt(qint64 id, int number);
    /// File ▸ Preferences…: the dialog on the preferences (non-modal; returns it).
    QDialog *showPreferences();
    /// File ▸ New chat: the Chat tab with a new conversation.
    void newChat();
    /// View ▸ Zoom: the text size 10 % larger (+1) or smaller (−1), or back to 100 % (0).
    void zoom(int delta);
    /// Run ▸ Test sets…: the test-set window (made on first use), shown and raised.
    TestSetWindow *showTestSets();
    /// The database's stores (history, drafts, embeddingCache, steeringLibrary, conversations,
    /// promptLibrary of `stores`; the rest is ignored), once open when Services::storagePending
    /// was set: the tabs, the history and the library get them, the runs begun meanwhile are
    /// written, and the drafts and the window's layout are restored. Null stores: none for the
    /// session.
    void attachStorage(const Services &stores);
    /// Shows the demo deck's dock with the deck of `path` (--deck); false, with the reason in the
    /// dock, when it cannot be opened.
    bool openDeck(const QString &path);
    /// Adds a paragraph to the notice line (shown until the user closes it).
    void addNotice(const QString &html, const QString &details = QString());

Q_SIGNALS:
    /// A playground tab became the current one: its tabKey() ("embeddings", ...). main() starts
    /// preparing what that tab's first request needs (the offline sandbox's meaning space).
    void tabShown(const QString &tabKey);
    /// The client's connection changed (after activateProfile finished).
    void profileActivated(const QString &id);
    void modelsRefreshed(int count);
    /// The theme chosen in View ▸ Theme or Preferences ("system", "light", "dark").
    void themeChoiceChanged(const QString &theme);
    /// The language chosen in Preferences ("system", "en", "de"); it applies after a restart.
    void languageChoiceChanged(const QString &language);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void build(const QString &banner);
    void setBanner(const QString &html);
    /// Gives the tabs and panels the stores of m_services.
    void applyStores();
    void reloadProfilePicker();
    void restoreDrafts();
    /// The window's size, position, dock and toolbar state, every splitter and the current tab,
    /// as kept by saveDrafts() (draft key "window").
    QVariantMap windowState() const;
    void restoreWindowState(const QVariantMap &state);
    /// The tabs' splitters that have an objectName, keyed "<tab>/<objectName>".
    QList<std::pair<QString, QSplitter *>> namedSplitters() const;
    PlaygroundTab *currentPlaygroundTab() const;
    /// The menu bar and the preferences' effects (ui/shell/MainWindowShell.cpp).
    void buildShell(QAction *history, QAction *viewCode, QAction *profiles);
    /// The prompt library's dock, View ▸ Prompt library and File ▸ Save prompt… (when there is a
    /// library).
    void buildPromptLibrary();
    /// Presenter mode, the demo deck's dock and player (ui/presenter/MainWindowPresenter.cpp).
    void buildPresenter();
    /// The demo deck being built is autosaved with the drafts (key "deck"), saved or not, and
    /// comes back at the next start unless a deck was opened meanwhile (--deck).
    void saveDeckDraft();
    void restoreDeckDraft();
    /// The tab whose tabKey() is `key` (null: none).
    PlaygroundTab *playgroundTab(const QString &key) const;
    void applyPreference(const QString &key, const QVariant &value);
    /// All text at `percent` of the system font; widgets with their own font size follow.
    void applyTextSize(int percent);
    /// A tab that starts empty gets the default model and parameters of the preferences.
    void applyTabDefaults(PlaygroundTab *tab);
    QList<PlaygroundTab *> playgroundTabs() const;

    Services m_services;
    core::RunRecorder m_recorder;
    QTabWidget *m_tabs = nullptr;
    CompletionTab *m_completionTab = nullptr;
    ChatTab *m_chatTab = nullptr;
    ExplanationTab *m_explanationTab = nullptr;
    EmbeddingsTab *m_embeddingsTab = nullptr;
    TranslationTab *m_translationTab = nullptr;
    SteeringTab *m_steeringTab = nullptr;
    TokenizerTab *m_tokenizerTab = nullptr;
    TestSetWindow *m_testSetWindow = nullptr;
    QList<core::ModelSettings> m_models; ///< the last answer of /model-settings
    HistoryPanel *m_historyPanel = nullptr;
    QDockWidget *m_historyDock = nullptr;
    PromptLibraryPanel *m_libraryPanel = nullptr;
    QDockWidget *m_libraryDock = nullptr;
    QLabel *m_banner = nullptr;
    QWidget *m_noticeBox = nullptr;
    QLabel *m_notice = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_tlsBadge = nullptr;
    QComboBox *m_profilePicker = nullptr;
    QTimer m_draftTimer;
    QString m_activeProfileId;
    bool m_restoringDrafts = false;
    ShellMenus *m_menus = nullptr;
    DeckModel *m_deckModel = nullptr;
    DeckPlayer *m_deckPlayer = nullptr;
    DeckPanel *m_deckPanel = nullptr;
    QDockWidget *m_deckDock = nullptr;
    PresenterMode *m_presenter = nullptr;
    bool m_onSandbox = false; // the current connection is the offline sandbox
    std::unique_ptr<core::Preferences> m_ownPreferences; // when Services gave none
    core::Preferences *m_preferences = nullptr;
    int m_textSize = 100; // the percent applied now
    bool m_cachedMapPending
        = true; // the Embeddings map comes back once the first connection is set
};

} // namespace ui
