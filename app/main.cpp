// SPDX-License-Identifier: MIT
// aleph-playground: the composition root. Creates the network manager, the client and the window.
#include "core/net/ApiClient.h"
#include "sandbox/SandboxServer.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

/// Prints "first-paint-ms: N" after the window's first paint and quits (checks use this flag).
class FirstPaintProbe : public QObject
{
public:
    FirstPaintProbe(const QElapsedTimer &clock, bool quit, QObject *parent)
        : QObject(parent)
        , m_clock(clock)
        , m_quit(quit)
    {
    }

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
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QElapsedTimer m_clock;
    bool m_quit;
    bool m_done = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer clock;
    clock.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"Aleph Playground"_s);
    QApplication::setOrganizationName(u"aleph-playground"_s);
    QApplication::setApplicationVersion(QStringLiteral(ALEPH_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"A native playground for the Aleph Alpha inference API."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption hostOption(u"host"_s, u"Base URL of the API, e.g. https://inference.example.com/v1."_s, u"URL"_s);
    const QCommandLineOption tokenOption(u"token"_s, u"API token (else the environment variable AA_TOKEN)."_s, u"TOKEN"_s);
    const QCommandLineOption firstPaintOption(u"quit-after-first-paint"_s, u"Print first-paint-ms: N after the first paint and exit."_s);
    const QCommandLineOption sandboxOption(u"sandbox"_s, u"Use the offline sandbox (synthetic answers), even with a token configured."_s);
    parser.addOptions({hostOption, tokenOption, firstPaintOption, sandboxOption});
    parser.process(app);

    core::ClientConfig config;
    config.baseUrl = QUrl(parser.isSet(hostOption) ? parser.value(hostOption)
                                                   : qEnvironmentVariable("AA_HOST", u"https://api.aleph-alpha.com"_s));
    config.token = parser.isSet(tokenOption) ? parser.value(tokenOption) : qEnvironmentVariable("AA_TOKEN");
    // The offline sandbox is the connection when asked for, or when nothing else is configured
    // (no host and no token): a fresh machine opens a working app.
    const bool nothingConfigured = !parser.isSet(hostOption) && qEnvironmentVariableIsEmpty("AA_HOST") && config.token.isEmpty();
    std::unique_ptr<sandbox::EmbeddedSandbox> offline;
    QString banner;
    if (parser.isSet(sandboxOption) || nothingConfigured) {
        offline = std::make_unique<sandbox::EmbeddedSandbox>();
        QString error;
        if (offline->start(&error)) {
            config.baseUrl = offline->baseUrl();
            config.token = offline->token();
            banner = QApplication::translate("main",
                                             "Offline sandbox: the answers are synthetic, made on this computer by a small "
                                             "deterministic model. To use Aleph Alpha, start with --host URL --token TOKEN "
                                             "(or set AA_TOKEN).");
        } else {
            banner = QApplication::translate("main", "The offline sandbox could not start: %1").arg(error);
        }
    } else if (!config.baseUrl.isValid() || config.baseUrl.scheme().isEmpty()) {
        banner = QApplication::translate("main", "The server address \"%1\" is not a URL; use --host https://…").arg(config.baseUrl.toString());
    } else if (config.token.isEmpty()) {
        banner = QApplication::translate("main",
                                         "No API token is configured, so requests to %1 will be refused. Start with "
                                         "--token TOKEN or set AA_TOKEN.")
                     .arg(config.baseUrl.toDisplayString());
    }

    QNetworkAccessManager nam;
    core::ApiClient client(&nam, config);
    ui::MainWindow window(&client, banner);
    FirstPaintProbe probe(clock, parser.isSet(firstPaintOption), &app);
    window.installEventFilter(&probe);
    window.show();
    if (!parser.isSet(firstPaintOption))
        QTimer::singleShot(0, &window, &ui::MainWindow::refreshModels);
    return app.exec();
}
