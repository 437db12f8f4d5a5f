// SPDX-License-Identifier: MIT
// Throughput and latency of aleph-sandbox under concurrent clients on loopback: requests per second
// and p50/p99 latency of non-streamed /complete and of /semantic_embed. The sandbox runs in its own
// thread (EmbeddedSandbox, as in the app); each client has its own QNetworkAccessManager and sends
// its next request when the previous answer is in.
//
// Run: build/tests/bench/bench_sandbox [--clients C] [--requests N]
// Prints the figures; nothing is asserted.
#include "core/net/ApiClient.h"
#include "sandbox/SandboxServer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkProxy>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

struct Figures
{
    int requests = 0;
    int failures = 0;
    double seconds = 0;
    QList<double> latenciesMs;
    double percentile(double p) const
    {
        QList<double> sorted = latenciesMs;
        std::sort(sorted.begin(), sorted.end());
        return sorted.isEmpty()
            ? 0
            : sorted.at(std::min<qsizetype>(sorted.size() - 1, qsizetype(p * sorted.size())));
    }
};

/// `clients` loops, each sending `send()` until `total` requests have finished.
Figures run(const QList<core::ApiClient *> &clients,
    int total,
    const std::function<core::ApiJob *(core::ApiClient *, int)> &send)
{
    Figures figures;
    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();
    int started = 0;
    std::function<void(core::ApiClient *)> next = [&](core::ApiClient *client) {
        if (started >= total)
            return;
        const int index = started++;
        const qint64 begin = clock.nsecsElapsed();
        core::ApiJob *job = send(client, index);
        QObject::connect(job, &core::ApiJob::finished, &loop, [&, job, client, begin] {
            figures.latenciesMs.append((clock.nsecsElapsed() - begin) / 1e6);
            figures.failures += job->state() != core::ApiJob::State::Succeeded;
            if (++figures.requests == total)
                loop.quit();
            else
                next(client);
        });
    };
    for (core::ApiClient *client : clients)
        next(client);
    loop.exec();
    figures.seconds = clock.nsecsElapsed() / 1e9;
    return figures;
}

void print(const char *name, const Figures &f)
{
    std::printf("%-28s %6d requests  %8.0f req/s  p50 %7.2f ms  p99 %7.2f ms  failures %d\n",
        name,
        f.requests,
        f.requests / f.seconds,
        f.percentile(0.50),
        f.percentile(0.99),
        f.failures);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int clientCount = 8;
    int requests = 2000;
    const QStringList args = QCoreApplication::arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == u"--clients"_s)
            clientCount = args.at(i + 1).toInt();
        else if (args.at(i) == u"--requests"_s)
            requests = args.at(i + 1).toInt();
    }
    if (clientCount < 1 || requests < 1) {
        std::fprintf(stderr, "usage: bench_sandbox [--clients C] [--requests N]\n");
        return 2;
    }
    sandbox::SandboxOptions options;
    options.tokensPerSecond = 0;
    sandbox::EmbeddedSandbox offline(options);
    QString error;
    if (!offline.start(&error)) {
        std::fprintf(stderr, "bench_sandbox: %s\n", qPrintable(error));
        return 1;
    }
    std::vector<std::unique_ptr<QNetworkAccessManager>> nams;
    std::vector<std::unique_ptr<core::ApiClient>> owners;
    QList<core::ApiClient *> clients;
    for (int i = 0; i < clientCount; ++i) {
        nams.push_back(std::make_unique<QNetworkAccessManager>());
        nams.back()->setProxy(QNetworkProxy::NoProxy);
        core::ClientConfig config;
        config.baseUrl = offline.baseUrl();
        config.token = offline.token();
        config.retry.totalRetries = 0;
        owners.push_back(std::make_unique<core::ApiClient>(nams.back().get(), config));
        clients.append(owners.back().get());
    }
    const QStringList prompts{u"The weather today is"_s,
        u"My favourite food is"_s,
        u"Berlin is the capital of"_s,
        u"Once upon a time there was"_s,
        u"A good program is"_s};
    const auto complete = [&](core::ApiClient *client, int i) -> core::ApiJob * {
        core::CompletionRequest request;
        request.model = u"sandbox-luminous-base"_s;
        request.prompt = core::Prompt::fromText(prompts.at(i % prompts.size()) + u" (%1)"_s.arg(i));
        request.maximumTokens = 16;
        return client->complete(request);
    };
    const auto embed = [&](std::optional<int> compress) {
        return [&, compress](core::ApiClient *client, int i) -> core::ApiJob * {
            core::SemanticEmbeddingRequest request;
            request.model = u"sandbox-luminous-base"_s;
            request.prompt
                = core::Prompt::fromText(u"text number %1 of the benchmark corpus"_s.arg(i));
            request.representation = core::Representation::Document;
            request.compressToSize = compress;
            return client->semanticEmbed(request);
        };
    };
    run(clients, clientCount * 4, complete); // warm-up: connections opened
    std::printf("aleph-sandbox on loopback, %d concurrent clients, %d requests each kind\n",
        clientCount,
        requests);
    print("/complete (16 tokens)", run(clients, requests, complete));
    print("/semantic_embed (128)", run(clients, requests, embed(128)));
    print("/semantic_embed (5120)", run(clients, requests, embed(std::nullopt)));
    return 0;
}
