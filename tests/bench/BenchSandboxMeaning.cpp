// SPDX-License-Identifier: MIT
// How well the sandbox's semantic embeddings group texts by meaning: for each labelled sample set
// of resources/embeddings/, the share of each text's 5 nearest neighbours (cosine) that have its
// label, with vectors from /semantic_embed of the real sandbox over HTTP: symmetric at full size
// (5120) and at compress_to_size 128, and asymmetric search (each text as a query against all the
// others as documents). Also the time of the first embedding (WordNet loaded, meaning space built).
//
// Run: build/tests/bench/bench_sandbox_meaning [--misses] [extra.csv ...]
// Prints the figures; nothing is asserted (TestSandboxMeaning checks a floor). With --misses, also
// each text whose 5 nearest neighbours (full size) are not all of its label, with theirs.
#include "core/net/ApiClient.h"
#include "sandbox/SandboxServer.h"
#include "tests/sandbox/Knn.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkProxy>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

std::optional<QList<float>> embed(core::ApiClient &client,
    const QString &text,
    core::Representation representation,
    std::optional<int> compress)
{
    core::SemanticEmbeddingRequest request;
    request.model = u"sandbox-luminous-base"_s;
    request.prompt = core::Prompt::fromText(text);
    request.representation = representation;
    request.compressToSize = compress;
    core::SemanticEmbeddingJob *job = client.semanticEmbed(request);
    QEventLoop loop;
    QObject::connect(job, &core::ApiJob::finished, &loop, &QEventLoop::quit);
    loop.exec();
    if (job->state() != core::ApiJob::State::Succeeded)
        return std::nullopt;
    return job->result().embedding;
}

/// The documents other than `i` by cosine with `queries[i]`, best first: (cosine, index).
QList<std::pair<double, qsizetype>> ranked(
    const QList<QList<float>> &queries, const QList<QList<float>> &documents, qsizetype i)
{
    QList<std::pair<double, qsizetype>> out;
    for (qsizetype j = 0; j < documents.size(); ++j)
        if (j != i)
            out.append({knn::cosine(queries.at(i), documents.at(j)), j});
    std::sort(
        out.begin(), out.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    return out;
}

/// Each text as a query against the others as documents: the share of the 5 best documents
/// (cosine) with the query's label.
double searchAgreement(const QList<QList<float>> &queries,
    const QList<QList<float>> &documents,
    const QStringList &labels)
{
    qsizetype agree = 0;
    qsizetype total = 0;
    for (qsizetype i = 0; i < queries.size(); ++i) {
        const QList<std::pair<double, qsizetype>> best = ranked(queries, documents, i);
        for (qsizetype n = 0; n < 5 && n < best.size(); ++n, ++total)
            agree += labels.at(best.at(n).second) == labels.at(i);
    }
    return total ? double(agree) / double(total) : 0.0;
}

/// Prints each text whose `k` nearest neighbours are not all of its label, with their labels.
void printMisses(const QList<QList<float>> &vectors, const knn::LabelledSet &set, int k = 5)
{
    for (qsizetype i = 0; i < vectors.size(); ++i) {
        const QList<std::pair<double, qsizetype>> best = ranked(vectors, vectors, i);
        QStringList neighbours;
        int agree = 0;
        for (qsizetype n = 0; n < k && n < best.size(); ++n) {
            const QString &label = set.labels.at(best.at(n).second);
            agree += label == set.labels.at(i);
            neighbours.append(u"%1 %2"_s.arg(label).arg(best.at(n).first, 0, 'f', 2));
        }
        if (agree < k)
            std::printf("  %d/%d %-9s %s\n      %s\n",
                agree,
                k,
                qPrintable(set.labels.at(i)),
                qPrintable(set.texts.at(i)),
                qPrintable(neighbours.join(u", "_s)));
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList paths;
    for (const char *name : {"topics", "support-tickets", "everyday-topics"})
        paths.append(QStringLiteral(ALEPH_SOURCE_DIR "/resources/embeddings/")
            + QString::fromLatin1(name) + u".csv"_s);
    QStringList arguments = QCoreApplication::arguments().mid(1);
    const bool misses = arguments.removeAll(u"--misses"_s) > 0;
    paths += arguments;

    sandbox::EmbeddedSandbox offline;
    QString error;
    if (!offline.start(&error)) {
        std::fprintf(stderr, "bench_sandbox_meaning: %s\n", qPrintable(error));
        return 1;
    }
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    core::ClientConfig config;
    config.baseUrl = offline.baseUrl();
    config.token = offline.token();
    core::ApiClient client(&nam, config);

    QElapsedTimer clock;
    clock.start();
    if (!embed(client, u"warm up"_s, core::Representation::Symmetric, std::nullopt)) {
        std::fprintf(stderr, "bench_sandbox_meaning: the sandbox did not answer /semantic_embed\n");
        return 1;
    }
    std::printf("first /semantic_embed (WordNet opened, meaning space built): %.0f ms\n",
        clock.nsecsElapsed() / 1e6);
    std::printf("%-22s %5s %7s  %-28s %-28s %-28s\n",
        "set",
        "texts",
        "labels",
        "5-NN agreement, 5120",
        "5-NN agreement, 128",
        "query→documents top 5");
    int failures = 0;
    for (const QString &path : std::as_const(paths)) {
        const std::optional<knn::LabelledSet> set = knn::readSet(path);
        if (!set) {
            std::fprintf(stderr, "bench_sandbox_meaning: cannot read %s\n", qPrintable(path));
            ++failures;
            continue;
        }
        QList<QList<float>> full, small, queries, documents;
        clock.restart();
        for (const QString &text : set->texts) {
            const auto f = embed(client, text, core::Representation::Symmetric, std::nullopt);
            const auto s = embed(client, text, core::Representation::Symmetric, 128);
            const auto q = embed(client, text, core::Representation::Query, std::nullopt);
            const auto d = embed(client, text, core::Representation::Document, std::nullopt);
            if (!f || !s || !q || !d) {
                std::fprintf(stderr, "bench_sandbox_meaning: an embedding failed\n");
                return 1;
            }
            full.append(*f);
            small.append(*s);
            queries.append(*q);
            documents.append(*d);
        }
        const double ms = clock.nsecsElapsed() / 1e6;
        const qsizetype labelCount = QSet<QString>(set->labels.cbegin(), set->labels.cend()).size();
        std::printf(
            "%-22s %5lld %7lld  %-28.3f %-28.3f %-28.3f (chance %.2f; %lld requests in %.0f ms)\n",
            qPrintable(path.section(u'/', -1)),
            qlonglong(set->texts.size()),
            qlonglong(labelCount),
            knn::agreement(full, set->labels),
            knn::agreement(small, set->labels),
            searchAgreement(queries, documents, set->labels),
            1.0 / double(labelCount),
            qlonglong(set->texts.size() * 4),
            ms);
        if (misses)
            printMisses(full, *set);
    }
    return failures ? 1 : 0;
}
