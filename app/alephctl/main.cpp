// SPDX-License-Identifier: MIT
// alephctl: the command-line client on the same core as the GUI. Its command line is a contract
// used by checks outside the project (issue #2): keep options, output and exit codes exact.
// main() reads the global options and hands the rest to one command (Command.h), each in its
// own file; what they share is in Cli.h.
#include "app/alephctl/Cli.h"
#include "app/alephctl/Command.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>

#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;
using namespace alephctl;

namespace {

struct Global
{
    core::ClientConfig config;
    QStringList rest; // command and its arguments
};

int parseGlobal(const QStringList &args, Global *g)
{
    g->config.baseUrl
        = QUrl(qEnvironmentVariable("AA_HOST", QString::fromLatin1(core::defaults::kBaseUrl)));
    g->config.token = qEnvironmentVariable("AA_TOKEN");
    for (int i = 1; i < args.size(); ++i) {
        const QString a = args.at(i);
        auto value = [&](QString *v) {
            if (i + 1 >= args.size())
                return false;
            *v = args.at(++i);
            return true;
        };
        QString v;
        if (a == u"--help"_s || a == u"-h"_s) {
            std::fputs(kUsage, stdout);
            std::exit(Ok);
        } else if (a == u"--version"_s) {
            std::fputs("alephctl " ALEPH_VERSION "\n", stdout);
            std::exit(Ok);
        } else if (a == u"--host"_s) {
            if (!value(&v))
                return usage(u"--host needs a URL"_s);
            g->config.baseUrl = QUrl(v);
            if (!g->config.baseUrl.isValid() || g->config.baseUrl.scheme().isEmpty())
                return usage(u"--host: not a URL: "_s + v);
        } else if (a == u"--token"_s) {
            if (!value(&v))
                return usage(u"--token needs a value"_s);
            g->config.token = v;
        } else if (a == u"--token-stdin"_s) {
            // The first line of standard input; the rest stays for the command (a body, texts).
            char line[8192];
            if (!std::fgets(line, sizeof line, stdin))
                return usage(u"--token-stdin: standard input is empty"_s);
            g->config.token = QString::fromUtf8(line).trimmed();
            if (g->config.token.isEmpty())
                return usage(u"--token-stdin: the first line of standard input is empty"_s);
        } else if (a == u"--hosting"_s) {
            if (!value(&v) || v != u"aleph-alpha"_s)
                return usage(u"--hosting takes \"aleph-alpha\""_s);
            g->config.hosting = v;
        } else if (a == u"--nice"_s) {
            g->config.nice = true;
        } else if (a == u"--timeout"_s) {
            bool ok = false;
            const double seconds = value(&v) ? v.toDouble(&ok) : 0;
            // NaN fails every comparison, so the range is checked the way round that rejects it.
            if (!ok || !(seconds > 0 && seconds <= 86400))
                return usage(
                    u"--timeout takes a number of seconds above 0 and at most 86400 (a day)"_s);
            g->config.transferTimeoutMs = int(std::lround(seconds * 1000));
        } else if (a == u"--retries"_s) {
            bool ok = false;
            const int n = value(&v) ? v.toInt(&ok) : -1;
            if (!ok || n < 0)
                return usage(u"--retries takes a whole number ≥ 0"_s);
            g->config.retry.totalRetries = n;
        } else if (a.startsWith(u"--"_s)) {
            return usage(u"unknown option "_s + a);
        } else {
            g->rest = args.mid(i);
            return Ok;
        }
    }
    return usage(u"no command given"_s);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"alephctl"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(ALEPH_VERSION));
    Global g;
    if (int rc = parseGlobal(QCoreApplication::arguments(), &g))
        return rc;
    QNetworkAccessManager nam;
    core::ApiClient client(&nam, g.config);
    const QString command = g.rest.first();
    if (const Command run = commandTable().value(command))
        return run(app, client, g.rest);
    return usage(u"unknown command \""_s + command + u'"');
}
