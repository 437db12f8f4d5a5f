// SPDX-License-Identifier: MIT
#include "tests/support/WindowServices.h"

#include "sandbox/SandboxServer.h"

#include <QDir>
#include <QNetworkProxy>

using namespace Qt::StringLiterals;

namespace testsupport {

bool WindowServices::open(const QString &dir, const QString &suffix, QString *error)
{
    close();
    const QDir folder(dir);
    settings = std::make_unique<QSettings>(
        folder.filePath(u"settings%1.ini"_s.arg(suffix)), QSettings::IniFormat);
    preferences = std::make_unique<core::Preferences>(settings.get());
    profiles = std::make_unique<core::ProfileStore>(settings.get());
    secrets = new core::MemorySecretBackend;
    credentials
        = std::make_unique<core::CredentialStore>(std::unique_ptr<core::SecretBackend>(secrets));
    if (!openDatabase(folder.filePath(u"history%1.sqlite"_s.arg(suffix)), error))
        return false;
    nam = std::make_unique<QNetworkAccessManager>();
    client = std::make_unique<core::ApiClient>(nam.get(), core::ClientConfig());
    return true;
}

bool WindowServices::openDatabase(const QString &path, QString *error)
{
    prompts.reset();
    conversations.reset();
    drafts.reset();
    history.reset();
    db.reset();
    dbPath = path;
    db = std::make_unique<core::Database>(path);
    if (!db->open(error))
        return false;
    history = std::make_unique<core::HistoryStore>(db.get());
    drafts = std::make_unique<core::DraftStore>(db.get());
    conversations = std::make_unique<core::ConversationStore>(db.get());
    prompts = std::make_unique<core::PromptLibrary>(db.get());
    return true;
}

void WindowServices::close()
{
    client.reset();
    nam.reset();
    prompts.reset();
    conversations.reset();
    drafts.reset();
    history.reset();
    db.reset();
    credentials.reset();
    secrets = nullptr;
    profiles.reset();
    preferences.reset();
    settings.reset();
}

ui::Services WindowServices::services(
    sandbox::EmbeddedSandbox *sandbox, int retries, int firstDelayMs) const
{
    ui::Services s;
    s.nam = nam.get();
    s.client = client.get();
    s.profiles = profiles.get();
    s.credentials = credentials.get();
    s.history = history.get();
    s.drafts = drafts.get();
    s.conversations = conversations.get();
    s.promptLibrary = prompts.get();
    if (sandbox) {
        s.sandbox = [sandbox, retries, firstDelayMs](QString *) {
            core::ClientConfig c;
            c.baseUrl = sandbox->baseUrl();
            c.token = sandbox->token();
            c.proxy = QNetworkProxy(QNetworkProxy::NoProxy);
            if (retries >= 0)
                c.retry.totalRetries = retries;
            if (firstDelayMs >= 0)
                c.retry.firstDelayMs = firstDelayMs;
            return c;
        };
    }
    return s;
}

} // namespace testsupport
