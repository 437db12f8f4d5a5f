// SPDX-License-Identifier: MIT
// Throughput of the hot parsing paths (DESIGN.md budgets: SSE parsing ≥ 200 MB/s).
// Run: build/tests/bench/bench_parsing  (figures are printed, never asserted)
#include "core/api/Completion.h"
#include "core/api/Embedding.h"
#include "core/net/SseParser.h"
#include "tests/support/CassetteServer.h"

#include <QJsonDocument>

#include <benchmark/benchmark.h>

namespace {

const QList<testsupport::Interaction> &cassettes()
{
    static const QList<testsupport::Interaction> all = testsupport::loadCassettes();
    return all;
}

/// All recorded streams, repeated to about 4 MiB.
QByteArray recordedStreams()
{
    QByteArray one;
    for (const testsupport::Interaction &in : cassettes()) {
        if (in.isStream())
            one += in.responseBytes();
    }
    QByteArray out;
    while (!one.isEmpty() && out.size() < 4 * 1024 * 1024)
        out += one;
    return out;
}

void BM_SseParseWhole(benchmark::State &state)
{
    const QByteArray data = recordedStreams();
    for (auto _ : state) {
        core::SseParser parser;
        benchmark::DoNotOptimize(parser.feed(data));
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * data.size());
}
BENCHMARK(BM_SseParseWhole)->Unit(benchmark::kMillisecond);

void BM_SseParseChunked(benchmark::State &state)
{
    const QByteArray data = recordedStreams();
    const qsizetype chunk = state.range(0);
    for (auto _ : state) {
        core::SseParser parser;
        qsizetype events = 0;
        for (qsizetype pos = 0; pos < data.size(); pos += chunk)
            events
                += parser.feed(QByteArrayView(data).sliced(pos, std::min(chunk, data.size() - pos)))
                       .size();
        benchmark::DoNotOptimize(events);
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * data.size());
}
BENCHMARK(BM_SseParseChunked)->Arg(64)->Arg(1460)->Unit(benchmark::kMillisecond);

/// The largest recorded JSON response of the endpoints core speaks (a /complete answer with an
/// optimized_prompt image, about 830 KB), parsed into the typed response.
void BM_ParseLargestRecordedResponse(benchmark::State &state)
{
    QByteArray largest;
    for (const testsupport::Interaction &in : cassettes()) {
        if (in.path == "/v1/complete" && !in.isStream()
            && in.responseBytes().size() > largest.size())
            largest = in.responseBytes();
    }
    for (auto _ : state) {
        const QJsonDocument doc = QJsonDocument::fromJson(largest);
        QString error;
        auto response = core::CompletionResponse::fromJson(doc.object(), &error);
        if (!response)
            state.SkipWithError("parse failed");
        benchmark::DoNotOptimize(response);
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * largest.size());
    state.counters["bytes"] = double(largest.size());
}
BENCHMARK(BM_ParseLargestRecordedResponse)->Unit(benchmark::kMicrosecond);

/// A /semantic_embed answer of `count` full-size (5,120) vectors, made of the recorded
/// luminous-base layer_40 vector of test_embed/test_embed_with_tokens (real values, printed as the
/// server does).
QByteArray embeddingAnswer(int count)
{
    QJsonArray vector;
    for (const testsupport::Interaction &in : cassettes()) {
        if (in.path == "/v1/embed" && in.file.contains(u"test_embed_with_tokens"_qs))
            vector = in.responseBody.toObject()
                         .value(u"embeddings"_qs)
                         .toObject()
                         .value(u"layer_40"_qs)
                         .toObject()
                         .value(u"mean"_qs)
                         .toArray();
    }
    QJsonObject answer{
        {u"model_version"_qs, u"2022-04"_qs}, {u"num_tokens_prompt_total"_qs, count}};
    if (count == 1) {
        answer.insert(u"embedding"_qs, vector);
    } else {
        QJsonArray vectors;
        for (int i = 0; i < count; ++i)
            vectors.append(vector);
        answer.insert(u"embeddings"_qs, vectors);
    }
    return QJsonDocument(answer).toJson(QJsonDocument::Compact);
}

/// DESIGN.md budget: a 5,120-float embedding response parsed in ≤ 1 ms. The whole path a
/// SemanticEmbeddingJob takes: bytes → JSON document → typed response with a QList<float>.
void BM_ParseSemanticEmbedding5120(benchmark::State &state)
{
    const QByteArray body = embeddingAnswer(1);
    for (auto _ : state) {
        QString error;
        const std::optional<QJsonValue> json = core::json::parseDocument(body, &error);
        auto response = core::SemanticEmbeddingResponse::fromJson(json->toObject(), &error);
        if (!response || response->embedding.size() != 5120)
            state.SkipWithError("parse failed");
        benchmark::DoNotOptimize(response);
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * body.size());
    state.counters["bytes"] = double(body.size());
}
BENCHMARK(BM_ParseSemanticEmbedding5120)->Unit(benchmark::kMicrosecond);

/// One full /batch_semantic_embed chunk: 100 vectors of 5,120 floats (about 6 MB of JSON).
void BM_ParseBatchChunk100x5120(benchmark::State &state)
{
    const QByteArray body = embeddingAnswer(100);
    for (auto _ : state) {
        QString error;
        const std::optional<QJsonValue> json = core::json::parseDocument(body, &error);
        auto response = core::BatchSemanticEmbeddingResponse::fromJson(json->toObject(), &error);
        if (!response || response->embeddings.size() != 100)
            state.SkipWithError("parse failed");
        benchmark::DoNotOptimize(response);
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * body.size());
}
BENCHMARK(BM_ParseBatchChunk100x5120)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
