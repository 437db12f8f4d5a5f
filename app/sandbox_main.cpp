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
        u"An offline emulator of the Aleph Alpha inference API with a deterministic synthetic model.\n"
        u"Serves /v1/... and the Gradient embeddings API under /gradient/api. When ready it prints\n"
        u"\"aleph-sandbox listening on <base URL>\".\n\n"
        u"Per-request faults: header X-Sandbox-Fault: busy | quota | rate-limit[:retry-after-s] |\n"
        u"slow:<ms> | cut-stream:<after-n-events> | malformed, comma-separated, each with an optional\n"
        u"*N (only the first N identical requests)."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listenOption(u"listen"_s, u"Address to listen on (default 127.0.0.1)."_s, u"ADDRESS"_s, u"127.0.0.1"_s);
    const QCommandLineOption portOption(u"port"_s, u"Port; 0 picks a free one (default 0)."_s, u"N"_s, u"0"_s);
    const QCommandLineOption tokenOption(u"token"_s, u"The bearer token clients must send (default sandbox)."_s, u"T"_s, u"sandbox"_s);
    const QCommandLineOption rateOption(u"tokens-per-second"_s, u"Streaming pace; 0 sends at once (default 50)."_s, u"R"_s, u"50"_s);
    const QCommandLineOption faultOption(u"fault"_s, u"Global faults with probabilities, e.g. busy=0.2,rate-limit:2=0.1."_s, u"SPEC"_s);
    const QCommandLineOption seedOption(u"fault-seed"_s, u"Seed of the global faults' draws (default: random)."_s, u"S"_s);
    const QCommandLineOption certOption(u"tls-cert"_s, u"PEM certificate: serve HTTPS (with --tls-key)."_s, u"FILE"_s);
    const QCommandLineOption keyOption(u"tls-key"_s, u"PEM private key of --tls-cert."_s, u"FILE"_s);
    const QCommandLineOption stateOption(u"state-file"_s, u"Keep the steering concepts made here in FILE (JSON) across restarts."_s, u"FILE"_s);
    parser.addOptions({listenOption, portOption, tokenOption, rateOption, faultOption, seedOption, certOption, keyOption, stateOption});
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
        const std::optional<QList<sandbox::Fault>> faults = sandbox::parseFaultFlags(parser.value(faultOption), &error);
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

    sandbox::SandboxServer server(options);
    QString error;
    if (!server.start(address, quint16(port), &error))
        return fail(error);
    std::printf("aleph-sandbox listening on %s\n", qPrintable(server.baseUrl().toString()));
    std::fflush(stdout);
    return app.exec();
}
