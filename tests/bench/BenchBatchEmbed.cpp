// SPDX-License-Identifier: MIT
// Throughput of embedding many texts: our batch path (BatchEmbedder: /batch_semantic_embed, 100
// prompts a request, K in flight) against the LangChain pattern (one /semantic_embed request per
// text, one after another; reference/SEED-EMBEDDINGS.md). The server is a QHttpServer on loopback,
// in its own thread, that answers at once with a fixed vector of the requested size, so the figures
// are the client's and the protocol's cost. DESIGN.md target: ≥ 20× faster.
//
// With --sandbox the server is aleph-sandbox's (EmbeddedSandbox, its SyntheticModel computing
// each vector, compress_to_size 128 or the full 5120 with --dims 5120): the DESIGN.md set-up
// "10,000 texts embedded through the sandbox".
//
// Run: build/tests/bench/bench_batch_embed [--texts N] [--dims D] [--parallel K] [--sandbox]
// Prints the figures; nothing is asserted.
#include "core/net/ApiClient.h"
#include "core/net/BatchEmbedder.h"
#include "sandbox/SandboxServer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QThread>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

/// The embeddings server, living in its own thread. Each answer repeats one vector text.
class Server : public QObject
{
public:
    explicit Server(int dims)
    {
        QJsonArray vector;
        for (int i = 0; i < dims; ++i)
            vector.append(double(float(0.001 * (i % 997) - 0.5)));
        m_vector = QJsonDocument(vector).toJson(QJsonDocument::Compact);
    }

    quint16 start()
    {
        m_server = new QHttpServer(this);
        m_server->route(u"/v1/semantic_embed"_s, [this](const QHttpServerRequest &) {
            return QHttpServerResponse("application/json",
                R"({"model_version":"bench","embedding":)" + m_vector
                    + R"(,"num_tokens_prompt_total":1})");
        });
        m_server->route(u"/v1/batch_semantic_embed"_s, [this](const QHttpServerRequest &request) {
            const qsizetype n = QJsonDocument::fromJson(request.body())
                                    .object()
                                    .value(u"prompts"_s)
                                    .toArray()
                                    .size();
            QByteArray body = R"({"model_version":"bench","embeddings":[)";
            body.reserve(body.size() + n * (m_vector.size() + 1) + 64);
            for (qsizetype i = 0; i < n; ++i) {
                if (i)
                    body += ',';
                body += m_vector;
            }
            body += R"(],"num_tokens_prompt_total":)" + QByteArray::number(n) + '}';
            return QHttpServerResponse("application/json", std::move(body));
        });
        return m_server->listen(QHostAddress::LocalHost);
    }

    /// Deletes the server in its own thread.
    void stop()
    {
        delete m_server;
        m_server = nullptr;
    }

private:
    QHttpServer *m_server = nullptr;
    QByteArray m_vector;
};

/// Blocks in a local event loop until `object` emits `signal`.
template<class Object, class Signal>
void waitFor(Object *object, Signal signal)
{
    QEventLoop loop;
    QObject::connect(object, signal, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int texts = 10000;
    int dims = 128;
    int parallel = 4;
    const QStringList args = QCoreApplication::arguments();
    const bool useSandbox = args.contains(u"--sandbox"_s);
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == u"--texts"_s)
            texts = args.at(i + 1).toInt();
        else if (args.at(i) == u"--dims"_s)
            dims = args.at(i + 1).toInt();
        else if (args.at(i) == u"--parallel"_s)
            parallel = args.at(i + 1).toInt();
    }
    if (texts < 1 || dims < 1 || parallel < 1) {
        std::fprintf(stderr, "usage: bench_batch_embed [--texts N] [--dims D] [--parallel K]\n");
        return 2;
    }

    QThread serverThread;
    Server server(dims);
    server.moveToThread(&serverThread);
    serverThread.start();
    quint16 port = 0;
    QMetaObject::invokeMethod(
        &server, [&] { port = server.start(); }, Qt::BlockingQueuedConnection);
    if (port == 0) {
        std::fprintf(stderr, "bench_batch_embed: cannot listen on loopback\n");
        return 1;
    }
    sandbox::SandboxOptions sandboxOptions;
    sandboxOptions.tokensPerSecond = 0;
    sandbox::EmbeddedSandbox offline(sandboxOptions);
    if (useSandbox && !offline.start()) {
        std::fprintf(stderr, "bench_batch_embed: the sandbox did not start\n");
        return 1;
    }

    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    core::ClientConfig config;
    config.baseUrl = useSandbox ? offline.baseUrl() : QUrl(u"http://127.0.0.1:%1/v1"_s.arg(port));
    config.token = u"sandbox"_s;
    config.retry.totalRetries = 0;
    core::ApiClient client(&nam, config);
    core::SemanticEmbeddingOptions options;
    options.model = useSandbox ? u"sandbox-luminous-base"_s : u"luminous-base"_s;
    if (useSandbox && dims == core::kCompressedEmbeddingSize)
        options.compressToSize = core::kCompressedEmbeddingSize;
    else if (useSandbox && dims != 5120) {
        std::fprintf(
            stderr, "bench_batch_embed: with --sandbox, --dims is 128 (compressed) or 5120\n");
        return 2;
    }
    options.representation = core::Representation::Document;
    QList<core::Prompt> prompts;
    for (int i = 0; i < texts; ++i)
        prompts.append(core::Prompt::fromText(u"text number %1 of the benchmark corpus"_s.arg(i)));

    // Baseline: one /semantic_embed per text, each waiting for the previous (LangChain).
    QElapsedTimer clock;
    clock.start();
    qint64 vectors = 0;
    for (const core::Prompt &prompt : std::as_const(prompts)) {
        core::SemanticEmbeddingRequest request;
        static_cast<core::SemanticEmbeddingOptions &>(request) = options;
        request.prompt = prompt;
        core::SemanticEmbeddingJob *job = client.semanticEmbed(request);
        waitFor(job, &core::ApiJob::finished);
        if (job->state() != core::ApiJob::State::Succeeded) {
            std::fprintf(stderr, "baseline failed: %s\n", qPrintable(job->error().toString()));
            return 1;
        }
        vectors += job->result().embedding.size() == dims;
    }
    const double baseline = clock.nsecsElapsed() / 1e9;

    // Our path: BatchEmbedder.
    clock.restart();
    auto *batch
        = new core::BatchEmbedder(&client, options, prompts, {core::kMaxPromptsPerBatch, parallel});
    batch->setAutoDelete(false);
    waitFor(batch, &core::EmbeddingBatchJob::finished);
    const double batched = clock.nsecsElapsed() / 1e9;
    if (batch->state() != core::ApiJob::State::Succeeded || batch->embeddings().size() != texts
        || vectors != texts) {
        std::fprintf(stderr, "batch failed: %s\n", qPrintable(batch->error().toString()));
        return 1;
    }
    delete batch;

    std::printf("server                     %s\n",
        useSandbox ? "aleph-sandbox (SyntheticModel)" : "fixed vector");
    std::printf("texts                      %d\n", texts);
    std::printf("dimensions                 %d\n", dims);
    std::printf("one /semantic_embed each   %.3f s  (%.0f texts/s)\n", baseline, texts / baseline);
    std::printf(
        "BatchEmbedder (100 x %d)    %.3f s  (%.0f texts/s)\n", parallel, batched, texts / batched);
    std::printf("speed-up                   %.1fx\n", baseline / batched);

    QMetaObject::invokeMethod(
        &server, [&] { server.stop(); }, Qt::BlockingQueuedConnection);
    serverThread.quit();
    serverThread.wait();
    return 0;
}
