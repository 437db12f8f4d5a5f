// SPDX-License-Identifier: MIT
#pragma once

#include "core/auth/CredentialStore.h"
#include "core/auth/SecretBackend.h"
#include "core/net/ApiClient.h"
#include "core/settings/ConnectionProfile.h"
#include "core/settings/Preferences.h"
#include "core/storage/ConversationStore.h"
#include "core/storage/Database.h"
#include "core/storage/HistoryStore.h"
#include "core/storage/PromptLibrary.h"
#include "ui/MainWindow.h"

#include <QNetworkAccessManager>
#include <QSettings>

#include <memory>

namespace sandbox {
class EmbeddedSandbox;
}

namespace testsupport {

/// What a test's main window works with, as main() makes it, over files in one folder: the
/// settings (INI), preferences, profiles, the keychain in memory, the history database with its
/// history, drafts, conversations and saved prompts, and one ApiClient (default config) on its own
/// network manager. For tests that link `ui` and `sandbox`. Members are destroyed in reverse order:
/// the client first, the settings last.
struct WindowServices
{
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<core::Preferences> preferences; ///< over `settings`; not in services()
    std::unique_ptr<core::ProfileStore> profiles;
    core::MemorySecretBackend *secrets = nullptr; ///< the keychain; owned by `credentials`
    std::unique_ptr<core::CredentialStore> credentials;
    QString dbPath; ///< the history database's file
    std::unique_ptr<core::Database> db;
    std::unique_ptr<core::HistoryStore> history;
    std::unique_ptr<core::DraftStore> drafts;
    std::unique_ptr<core::ConversationStore> conversations;
    std::unique_ptr<core::PromptLibrary> prompts;
    std::unique_ptr<QNetworkAccessManager> nam;
    std::unique_ptr<core::ApiClient> client;

    /// Closes what is open, then makes it all afresh over `dir`/settings`suffix`.ini and
    /// `dir`/history`suffix`.sqlite; false with `error` when the database cannot be opened.
    bool open(const QString &dir, const QString &suffix, QString *error);
    /// Closes the history, drafts, conversations and database, then opens the database at `path`
    /// with new stores on it; false with `error` when it cannot be opened.
    bool openDatabase(const QString &path, QString *error);
    /// Destroys everything, the client first, the settings last.
    void close();
    ~WindowServices() { close(); }

    /// The window's services on these stores (no preferences, no data folder): `sandbox` is the
    /// offline connection, reached without a proxy, with `retries` retries (< 0: the client's
    /// default) and a first delay of `firstDelayMs` ms (< 0: the default); null: no `sandbox`
    /// function (the client's own connection only).
    ui::Services services(
        sandbox::EmbeddedSandbox *sandbox, int retries, int firstDelayMs = -1) const;
};

} // namespace testsupport
