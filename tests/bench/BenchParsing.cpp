// SPDX-License-Identifier: MIT
// Throughput of the hot parsing paths (DESIGN.md budgets: SSE parsing ≥ 200 MB/s).
// Run: build/tests/bench/bench_parsing  (figures are printed, never asserted)
#include "core/api/Completion.h"
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
            events += parser.feed(QByteArrayView(data).sliced(pos, std::min(chunk, data.size() - pos))).size();
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
        if (in.path == "/v1/complete" && !in.isStream() && in.responseBytes().size() > largest.size())
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

} // namespace

BENCHMARK_MAIN();
