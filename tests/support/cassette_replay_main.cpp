// SPDX-License-Identifier: MIT
// cassette-replay: serves the recorded real API traffic on loopback, for trying the app and
// alephctl by hand: `build/tests/cassette-replay [--hold-after N]` prints its base URL.
#include "tests/support/CassetteServer.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    testsupport::CassetteServer server;
    const QStringList args = QCoreApplication::arguments();
    const qsizetype hold = args.indexOf(QStringLiteral("--hold-after"));
    if (hold > 0 && hold + 1 < args.size())
        server.setHoldStreamsAfter(args.at(hold + 1).toInt());
    const qsizetype delay = args.indexOf(QStringLiteral("--chunk-delay-ms"));
    if (delay > 0 && delay + 1 < args.size())
        server.setChunkDelayMs(args.at(delay + 1).toInt());
    QString error;
    if (!server.load(&error) || !server.listen()) {
        std::fprintf(stderr, "cassette-replay: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("cassette-replay listening on %s\n", qPrintable(server.baseUrl().toString()));
    std::fflush(stdout);
    return app.exec();
}
