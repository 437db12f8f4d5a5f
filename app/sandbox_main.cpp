// SPDX-License-Identifier: MIT
// aleph-sandbox: an offline emulator of the Aleph Alpha inference API (and of the Gradient
// embeddings API) for people without a token and for tests. The composition root only: options in,
// one SandboxServer, the "listening on" line out.
#include "sandbox/SandboxServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRandomGenerator>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"aleph-sandbox"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(ALEPH_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"An offline emulator of the Aleph Alpha inference API with a deterministic synthetic "
        u"model.\n"
        u"Serves /v1/... and the Gradient embeddings API under /gradient/api. When ready it "
        u"prints\n"
        u"\"aleph-sandbox listening on <base URL>\".\n\n"
        u"Per-request faults: header X-Sandbox-Fault: busy | quota | rate-limit[:retry-after-s] |\n"
        u"slow:<ms> | cut-stream:<after-n-events> | malformed, comma-separated, each with an "
        u"optional\n"
        u"*N (only the first N identical requests); the delays add up to a minute at most.\n\n"
        u"Hostile clients: the token and the request head are checked before a body is read (401, "
        u"413,\n"
        u"431), slow and idle connections are closed, connections beyond the cap are refused, and "
        u"the\n"
        u"POST endpoints are answered on worker threads so that /version never waits."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listenOption(
        u"listen"_s, u"Address to listen on (default 127.0.0.1)."_s, u"ADDRESS"_s, u"127.0.0.1"_s);
    const QCommandLineOption portOption(
        u"port"_s, u"Port; 0 picks a free one (default 0)."_s, u"N"_s, u"0"_s);
    const QCommandLineOption tokenOption(u"token"_s,
        u"The bearer token clients must send (default sandbox)."_s,
        u"T"_s,
        u"sandbox"_s);
    const QCommandLineOption rateOption(u"tokens-per-second"_s,
        u"Streaming pace; 0 sends at once (default 50)."_s,
        u"R"_s,
        u"50"_s);
    const QCommandLineOption faultOption(u"fault"_s,
        u"Global faults with probabilities, e.g. busy=0.2,rate-limit:2=0.1."_s,
        u"SPEC"_s);
    const QCommandLineOption seedOption(
        u"fault-seed"_s, u"Seed of the global faults' draws (default: random)."_s, u"S"_s);
    const QCommandLineOption certOption(
        u"tls-cert"_s, u"PEM certificate: serve HTTPS (with --tls-key)."_s, u"FILE"_s);
    const QCommandLineOption keyOption(
        u"tls-key"_s, u"PEM private key of --tls-cert."_s, u"FILE"_s);
    const QCommandLineOption stateOption(u"state-file"_s,
        u"Keep the steering concepts made here in FILE (JSON) across restarts."_s,
        u"FILE"_s);
    const sandbox::SandboxOptions defaults;
    const QCommandLineOption connectionsOption(u"max-connections"_s,
        u"Open connections at most; more are answered 503 and closed (default %1)."_s.arg(
            defaults.maxConnections),
        u"N"_s,
        QString::number(defaults.maxConnections));
    const QCommandLineOption bodyOption(u"max-body-mb"_s,
        u"Largest request body in MiB; a larger Content-Length gets 413 unread (default %1)."_s.arg(
            defaults.maxBodyBytes >> 20),
        u"N"_s,
        QString::number(defaults.maxBodyBytes >> 20));
    const QCommandLineOption headerTimeoutOption(u"header-timeout"_s,
        u"Seconds a connection has to send a whole request head (default %1)."_s.arg(
            defaults.headerTimeoutMs / 1000),
        u"S"_s,
        QString::number(defaults.headerTimeoutMs / 1000));
    const QCommandLineOption idleTimeoutOption(u"idle-timeout"_s,
        u"Seconds an idle keep-alive connection stays open (default %1)."_s.arg(
            defaults.idleTimeoutMs / 1000),
        u"S"_s,
        QString::number(defaults.idleTimeoutMs / 1000));
    const QCommandLineOption workersOption(
        u"workers"_s, u"Threads answering the POST endpoints (default: max(4, cores))."_s, u"N"_s);
    parser.addOptions({listenOption,
        portOption,
        tokenOption,
        rateOption,
        faultOption,
        seedOption,
        certOption,
        keyOption,
        stateOption,
        connectionsOption,
        bodyOption,
        headerTimeoutOption,
        idleTimeoutOption,
        workersOption});
    parser.process(app);

    const auto fail = [](const QString &message) {
        std::fprintf(stderr, "aleph-sandbox: %s\n", qPrintable(message));
        return 2;
    };
    sandbox::SandboxOptions options;
    options.token = parser.value(tokenOption);
    if (options.token.isEmpty())
        return fail(u"--token must not be empty"_s);
    bool ok = false;
    options.tokensPerSecond = parser.value(rateOption).toDouble(&ok);
    if (!ok || options.tokensPerSecond < 0)
        return fail(u"--tokens-per-second must be a number ≥ 0"_s);
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535)
        return fail(u"--port must be 0..65535"_s);
    const QHostAddress address(parser.value(listenOption));
    if (address.isNull())
        return fail(u"--listen: \"%1\" is not an IP address"_s.arg(parser.value(listenOption)));
    if (parser.isSet(faultOption)) {
        QString error;
        const std::optional<QList<sandbox::Fault>> faults
            = sandbox::parseFaultFlags(parser.value(faultOption), &error);
        if (!faults)
            return fail(error);
        options.faults = *faults;
    }
    options.faultSeed = QRandomGenerator::global()->generate64();
    if (parser.isSet(seedOption)) {
        options.faultSeed = parser.value(seedOption).toULongLong(&ok);
        if (!ok)
            return fail(u"--fault-seed must be an unsigned integer"_s);
    }
    options.tlsCertificateFile = parser.value(certOption);
    options.tlsKeyFile = parser.value(keyOption);
    options.stateFile = parser.value(stateOption);
    options.maxConnections = parser.value(connectionsOption).toInt(&ok);
    if (!ok || options.maxConnections < 1)
        return fail(u"--max-connections must be a positive integer"_s);
    const int bodyMb = parser.value(bodyOption).toInt(&ok);
    if (!ok || bodyMb < 0 || bodyMb > 4096)
        return fail(u"--max-body-mb must be 0..4096"_s);
    options.maxBodyBytes = qint64(bodyMb) << 20;
    const double headerTimeout = parser.value(headerTimeoutOption).toDouble(&ok);
    if (!ok || !(headerTimeout >= 0.01 && headerTimeout <= 3600))
        return fail(u"--header-timeout must be between 0.01 and 3600 seconds"_s);
    options.headerTimeoutMs = int(headerTimeout * 1000);
    const double idleTimeout = parser.value(idleTimeoutOption).toDouble(&ok);
    if (!ok || !(idleTimeout >= 0.01 && idleTimeout <= 86400))
        return fail(u"--idle-timeout must be between 0.01 and 86400 seconds"_s);
    options.idleTimeoutMs = int(idleTimeout * 1000);
    if (parser.isSet(workersOption)) {
        options.workerThreads = parser.value(workersOption).toInt(&ok);
        if (!ok || options.workerThreads < 1 || options.workerThreads > 256)
            return fail(u"--workers must be 1..256"_s);
    }

    sandbox::SandboxServer server(options);
    QString error;
    if (!server.start(address, quint16(port), &error))
        return fail(error);
    std::printf("aleph-sandbox listening on %s\n", qPrintable(server.baseUrl().toString()));
    std::fflush(stdout);
    return app.exec();
}
