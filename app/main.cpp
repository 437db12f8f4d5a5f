// SPDX-License-Identifier: MIT
// aleph-playground: the composition root. Creates the network manager, the client and the window.
#include "core/auth/CredentialStore.h"
#include "core/net/ApiClient.h"
#include "core/settings/ConnectionProfile.h"
#include "core/settings/Preferences.h"
#include "core/storage/AppStorage.h"
#include "sandbox/SandboxServer.h"
#include "sandbox/Vectors.h"
#include "ui/MainWindow.h"
#include "ui/common/Theme.h"
#include "ui/common/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QIcon>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <memory>

#ifdef Q_OS_UNIX
#include <QSocketNotifier>

#include <csignal>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace {

/// Prints "first-paint-ms: N" after the window's first paint and quits (checks use this flag);
/// then runs `then` (what waits until the window has shown).
class FirstPaintProbe : public QObject
{
public:
    FirstPaintProbe(
        const QElapsedTimer &clock, bool quit, std::function<void()> then, QObject *parent)
        : QObject(parent)
        , m_clock(clock)
        , m_quit(quit)
        , m_then(std::move(then))
    {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            // Queued: runs after this paint event has been delivered and flushed.
            QTimer::singleShot(0, this, [this] {
                std::printf("first-paint-ms: %lld\n", static_cast<long long>(m_clock.elapsed()));
                std::fflush(stdout);
                if (m_quit)
                    QCoreApplication::exit(0);
                m_then();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QElapsedTimer m_clock;
    bool m_quit;
    std::function<void()> m_then;
    bool m_done = false;
};

#ifdef Q_OS_UNIX
/// SIGTERM and SIGINT (a logout, `kill`, Ctrl+C in the terminal) end the event loop like Quit, so
/// the drafts, conversations and the window's layout are saved as on a normal exit. The handler
/// only writes a byte to a pipe; the event loop reads it.
int g_signalPipe[2] = {-1, -1};

void onTerminationSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

void quitOnTerminationSignals(QCoreApplication *app)
{
    if (::pipe(g_signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, app);
    QObject::connect(notifier, &QSocketNotifier::activated, app, [app, notifier] {
        notifier->setEnabled(false);
        char byte = 0;
        [[maybe_unused]] const auto read = ::read(g_signalPipe[0], &byte, 1);
        app->quit();
    });
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}
#endif

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer clock;
    clock.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"Aleph Playground"_s);
    QApplication::setOrganizationName(u"aleph-playground"_s);
    QApplication::setApplicationVersion(QStringLiteral(ALEPH_VERSION));
    // The window icon: the icon theme's (installed in hicolor, or a theme's own version of it),
    // else the sizes rendered at build time from resources/icons/aleph-playground.svg
    // (packaging/CMakeLists.txt). The desktop file name is the Wayland app id.
    QIcon bundledIcon;
    for (const QFileInfo &png : QDir(u":/icons/app"_s).entryInfoList(QDir::Files))
        bundledIcon.addFile(png.filePath());
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral(ALEPH_APP_ID), bundledIcon));
    QGuiApplication::setDesktopFileName(QStringLiteral(ALEPH_APP_ID));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"A native playground for the Aleph Alpha inference API."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption hostOption(
        u"host"_s, u"Base URL of the API, e.g. https://inference.example.com/v1."_s, u"URL"_s);
    const QCommandLineOption tokenOption(
        u"token"_s, u"API token (else the environment variable AA_TOKEN)."_s, u"TOKEN"_s);
    const QCommandLineOption firstPaintOption(
        u"quit-after-first-paint"_s, u"Print first-paint-ms: N after the first paint and exit."_s);
    const QCommandLineOption sandboxOption(u"sandbox"_s,
        u"Use the offline sandbox (synthetic answers), even with a token configured."_s);
    const QCommandLineOption dataDirOption(u"data-dir"_s,
        u"Keep settings and history in DIR instead of the user's data folder."_s,
        u"DIR"_s);
    const QCommandLineOption themeOption(
        u"theme"_s, u"Colours: system (the default), light or dark."_s, u"THEME"_s);
    const QCommandLineOption languageOption(u"language"_s,
        u"The language of the window: system (the default), en or de."_s,
        u"LANGUAGE"_s,
        u"system"_s);
    const QCommandLineOption deckOption(u"deck"_s,
        u"Open the demo deck FILE (View ▸ Demo deck); F5 then presents it."_s,
        u"FILE"_s);
    parser.addOptions({hostOption,
        tokenOption,
        deckOption,
        firstPaintOption,
        sandboxOption,
        dataDirOption,
        themeOption,
        languageOption});
    parser.process(app);
    std::optional<ui::ThemeMode> themeFromCommandLine;
    if (parser.isSet(themeOption)) {
        themeFromCommandLine = ui::themeModeFromName(parser.value(themeOption));
        if (!themeFromCommandLine) {
            std::fprintf(stderr,
                "aleph-playground: --theme must be system, light or dark, not \"%s\"\n",
                qPrintable(parser.value(themeOption)));
            return 2;
        }
    }
#ifdef Q_OS_UNIX
    quitOnTerminationSignals(&app);
#endif

    // Where settings (profiles, no secrets) and the history database live. --data-dir keeps a
    // run apart from the user's own (tests, screenshots).
    // Without --data-dir, Preferences ▸ Data folder (kept in the default folder's settings.ini)
    // may name another folder.
    const QString defaultDataDir
        = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QString dataDir = parser.value(dataDirOption);
    std::unique_ptr<QSettings> bootstrap;
    if (dataDir.isEmpty()) {
        bootstrap = std::make_unique<QSettings>(
            defaultDataDir + u"/settings.ini"_s, QSettings::IniFormat);
        const QString chosen = core::Preferences(bootstrap.get()).dataFolder();
        dataDir = chosen.isEmpty() ? defaultDataDir : chosen;
    }
    QDir().mkpath(dataDir);
    QSettings settings(dataDir + u"/settings.ini"_s, QSettings::IniFormat);
    core::Preferences preferences(&settings, bootstrap.get());
    preferences.readAll();
    // Language and theme: the command line's, else Preferences' (a language chosen there applies
    // at the next start; a theme at once, through the window's themeChoiceChanged below).
    const QString language
        = parser.isSet(languageOption) ? parser.value(languageOption) : preferences.language();
    if (!ui::installTranslations(language))
        std::fprintf(stderr,
            "aleph-playground: unknown language \"%s\" (use system, en or de); English is used.\n",
            qPrintable(language));
    ui::applyTheme(themeFromCommandLine.value_or(
        ui::themeModeFromName(preferences.theme()).value_or(ui::ThemeMode::System)));
    core::ProfileStore profiles(&settings);
    core::CredentialStore credentials(
        std::make_unique<core::KeychainSecretBackend>(u"aleph-playground"_s));
    QStringList notices; // shown until dismissed, beside (never instead of) the connection banner
    if (!preferences.problems().isEmpty())
        notices << QApplication::translate(
            "main", "Some preferences were out of range and were replaced by their defaults: %1")
                       .arg(preferences.problems().join(u' '));
    profiles.profiles(); // reads settings.ini once, noting what is out of range
    if (!profiles.problems().isEmpty())
        notices << QApplication::translate("main",
            "Some connection settings were out of range and were replaced by their "
            "defaults: %1")
                       .arg(profiles.problems().join(u' '));
    // The history database opens after the window's first paint (issue 22): its driver, file and
    // migrations on a worker thread; the window gets the stores when they are ready, and keeps
    // the runs begun until then.
    core::AppStorage storage(dataDir + u"/history.sqlite"_s);

    // System and environment proxies are honoured unless a profile names its own.
    QNetworkProxyFactory::setUseSystemConfiguration(true);

    // The offline sandbox starts on first use, in its own thread, on a free loopback port.
    // Its steering concepts are kept in the data folder, and it is one server to the cache and the
    // steering library whatever port it gets.
    std::unique_ptr<sandbox::EmbeddedSandbox> offline;
    auto sandboxConfig = [&offline, dataDir](QString *error) {
        core::ClientConfig c;
        if (!offline) {
            sandbox::SandboxOptions options;
            options.stateFile = dataDir + u"/sandbox-state.json"_s;
            // The embeddings' meaning space (~10 MB) is built when the Embeddings tab is first
            // shown (tabShown below) or by the first request needing it, not while idle.
            options.preloadMeaning = false;
            offline = std::make_unique<sandbox::EmbeddedSandbox>(options);
            if (!offline->start(error)) {
                offline.reset();
                return c;
            }
        }
        c.baseUrl = offline->baseUrl();
        c.serverId = u"aleph-sandbox:offline"_s;
        c.token = offline->token();
        c.proxy = QNetworkProxy(QNetworkProxy::NoProxy);
        c.retry.totalRetries = 2;
        return c;
    };

    // --host/--token/AA_HOST/AA_TOKEN choose the connection for a scripted run; otherwise the
    // current profile does (the offline sandbox on a fresh install), and --sandbox forces it.
    core::ClientConfig config;
    QString commandLine;
    QString banner;
    const bool scripted = parser.isSet(hostOption) || parser.isSet(tokenOption)
        || !qEnvironmentVariableIsEmpty("AA_HOST") || !qEnvironmentVariableIsEmpty("AA_TOKEN");
    if (parser.isSet(sandboxOption)) {
        profiles.setCurrentId(QString::fromLatin1(core::ConnectionProfile::kSandboxId));
    } else if (scripted) {
        config.baseUrl = QUrl(parser.isSet(hostOption)
                ? parser.value(hostOption)
                : qEnvironmentVariable("AA_HOST", QString::fromLatin1(core::defaults::kBaseUrl)));
        config.token = parser.isSet(tokenOption) ? parser.value(tokenOption)
                                                 : qEnvironmentVariable("AA_TOKEN");
        commandLine = config.baseUrl.toDisplayString();
        if (!config.baseUrl.isValid() || config.baseUrl.scheme().isEmpty())
            banner = QApplication::translate(
                "main", "The server address \"%1\" is not a URL; use --host https://…")
                         .arg(config.baseUrl.toString());
        else if (config.token.isEmpty())
            banner = QApplication::translate("main",
                "No API token is configured, so requests to %1 will be refused. Start with "
                "--token TOKEN or set AA_TOKEN.")
                         .arg(config.baseUrl.toDisplayString());
    }

    QNetworkAccessManager nam;
    core::ApiClient client(&nam, config);
    ui::Services services;
    services.nam = &nam;
    services.client = &client;
    services.profiles = &profiles;
    services.credentials = &credentials;
    services.storagePending = true;
    services.sandbox = sandboxConfig;
    services.commandLineConnection = commandLine;
    services.notices = notices;
    services.preferences = &preferences;
    services.dataFolder = QDir::toNativeSeparators(dataDir);
    ui::MainWindow window(services, banner);
    QObject::connect(&window, &ui::MainWindow::tabShown, &app, [&offline](const QString &tab) {
        if (offline && tab == u"embeddings"_s)
            sandbox::preloadMeaning(); // off the GUI thread; once
    });
    QObject::connect(&window, &ui::MainWindow::themeChoiceChanged, &app, [](const QString &theme) {
        ui::applyTheme(ui::themeModeFromName(theme).value_or(ui::ThemeMode::System));
    });
    QObject::connect(&storage, &core::AppStorage::ready, &window, [&storage, &window] {
        switch (storage.outcome()) {
        case core::AppStorage::Outcome::Opened:
            break;
        case core::AppStorage::Outcome::Replaced:
            window.addNotice(QApplication::translate("main",
                "The history file could not be read (%1). It was kept as %2, and a new, "
                "empty history was started.")
                                 .arg(storage.error(), storage.setAsidePath())
                                 .toHtmlEscaped());
            break;
        case core::AppStorage::Outcome::InMemory:
        case core::AppStorage::Outcome::Unavailable:
            window.addNotice(QString(storage.error() + u" "_s
                + QApplication::translate(
                    "main", "History, drafts and conversations are kept for this session only."))
                                 .toHtmlEscaped());
            break;
        }
        ui::Services stores;
        stores.history = storage.history();
        stores.drafts = storage.drafts();
        stores.embeddingCache = storage.embeddingCache();
        stores.steeringLibrary = storage.steeringLibrary();
        stores.conversations = storage.conversations();
        stores.promptLibrary = storage.promptLibrary();
        window.attachStorage(stores);
    });
    // SQLite is not touched before the window has painted.
    FirstPaintProbe probe(
        clock, parser.isSet(firstPaintOption), [&storage] { storage.open(); }, &app);
    window.installEventFilter(&probe);
    window.show();
    if (parser.isSet(deckOption))
        window.openDeck(parser.value(deckOption)); // a problem shows in the dock
    if (!commandLine.isEmpty() && !parser.isSet(firstPaintOption))
        QTimer::singleShot(0, &window, &ui::MainWindow::refreshModels);
    const int status = app.exec();
    storage.waitUntilReady(); // the runs and drafts of a very short session are written too
    window.saveDrafts();
    return status;
}
