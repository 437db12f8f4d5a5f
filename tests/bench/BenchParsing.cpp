// SPDX-License-Identifier: MIT
// Throughput of the hot parsing paths (DESIGN.md budgets: SSE parsing ≥ 200 MB/s).
// Answer bodies are parsed both ways, side by side: "/qjson" is the QJsonDocument path (before
// issue 22), "/simdjson" the path JsonJob takes for them now (core/api/FastJson.h). Issue 22's
// targets: a 5,120-float /semantic_embed answer ≤ 100 µs, a 100 × 5,120 chunk ≤ 8 ms, the
// 1.78 MB /explain answer ≤ 5 ms, the largest recorded /complete answer ≤ 300 µs.
// Run: build/tests/bench/bench_parsing  (figures are printed, never asserted)
#include "core/api/Completion.h"
#include "core/api/Embedding.h"
#include "core/api/Explanation.h"
#include "core/api/FastJson.h"
#include "core/net/SseParser.h"
#include "tests/support/CassetteServer.h"

#include <QJsonDocument>
#include <QRandomGenerator>

#include <benchmark/benchmark.h>

using namespace Qt::StringLiterals;

namespace {

/// One answer body into its typed response: through QJsonDocument (`fast` false) or simdjson.
template<class T>
std::optional<T> parseAnswer(bool fast, const QByteArray &body, QString *error)
{
    if (!fast)
        return core::json::readReference<T>(body, error);
    bool usable = false;
    std::optional<T> out = core::json::readFast<T>(body, &usable, error);
    if (!usable)
        *error = u"simdjson refused the body"_s;
    return out;
}

const char *pathName(bool fast)
{
    return fast ? "simdjson" : "qjson";
}

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
    const bool fast = state.range(0) != 0;
    state.SetLabel(pathName(fast));
    for (auto _ : state) {
        QString error;
        auto response = parseAnswer<core::CompletionResponse>(fast, largest, &error);
        if (!response)
            state.SkipWithError("parse failed");
        benchmark::DoNotOptimize(response);
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * largest.size());
    state.counters["bytes"] = double(largest.size());
}
BENCHMARK(BM_ParseLargestRecordedResponse)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

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

/// DESIGN.md budget: a 5,120-float embedding response parsed in ≤ 1 ms (issue 22: ≤ 100 µs). The
/// whole path a SemanticEmbeddingJob takes: bytes → typed response with a QList<float>.
void BM_ParseSemanticEmbedding5120(benchmark::State &state)
{
    const QByteArray body = embeddingAnswer(1);
    const bool fast = state.range(0) != 0;
    state.SetLabel(pathName(fast));
    for (auto _ : state) {
        QString error;
        auto response = parseAnswer<core::SemanticEmbeddingResponse>(fast, body, &error);
        if (!response || response->embedding.size() != 5120)
            state.SkipWithError("parse failed");
        benchmark::DoNotOptimize(response);
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * body.size());
    state.counters["bytes"] = double(body.size());
}
BENCHMARK(BM_ParseSemanticEmbedding5120)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

/// One full /batch_semantic_embed chunk: 100 vectors of 5,120 floats (about 6 MB of JSON).
void BM_ParseBatchChunk100x5120(benchmark::State &state)
{
    const QByteArray body = embeddingAnswer(100);
    const bool fast = state.range(0) != 0;
    state.SetLabel(pathName(fast));
    for (auto _ : state) {
        QString error;
        auto response = parseAnswer<core::BatchSemanticEmbeddingResponse>(fast, body, &error);
        if (!response || response->embeddings.size() != 100)
            state.SkipWithError("parse failed");
        benchmark::DoNotOptimize(response);
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * body.size());
    state.counters["bytes"] = double(body.size());
}
BENCHMARK(BM_ParseBatchChunk100x5120)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

/// The /explain answer of bench_explanation: a 4,096-word prompt explained per target token for 8
/// tokens (target_granularity "token"), one {start, length, score} per word: about 1.78 MB.
QByteArray explanationAnswer()
{
    static const QStringList words{u"the"_s,
        u"model"_s,
        u"explanation"_s,
        u"of"_s,
        u"a"_s,
        u"prompt"_s,
        u"attention"_s,
        u"scores"_s,
        u"drive"_s,
        u"towards"_s,
        u"target"_s,
        u"heatmap"_s,
        u"colour"_s,
        u"and"_s};
    QRandomGenerator random(42);
    qsizetype length = 0;
    QList<core::TextScore> scores;
    for (int i = 0; i < 4096; ++i) {
        if (i > 0)
            length += (i % 97 == 0) ? 2 : (i % 13 == 0 ? 2 : 1);
        const QString w = words.at(random.bounded(int(words.size())));
        core::TextScore s;
        s.start = int(length);
        s.length = int(w.size());
        scores.append(s);
        length += w.size();
    }
    core::ExplanationResponse response;
    response.modelVersion = u"bench"_s;
    for (int t = 0; t < 8; ++t) {
        core::Explanation e;
        e.target = u" "_s + words.at(t % words.size());
        core::ExplanationItem item;
        item.type = core::ExplanationItem::Type::Text;
        item.typeName = u"text"_s;
        item.textScores = scores;
        for (core::TextScore &s : item.textScores)
            s.score = random.generateDouble() * 2.0 - 1.0;
        core::ExplanationItem targetItem;
        targetItem.type = core::ExplanationItem::Type::Target;
        targetItem.typeName = u"target"_s;
        e.items = {item, targetItem};
        response.explanations.append(e);
    }
    return QJsonDocument(response.toJson()).toJson(QJsonDocument::Compact);
}

void BM_ParseExplanation(benchmark::State &state)
{
    const QByteArray body = explanationAnswer();
    const bool fast = state.range(0) != 0;
    state.SetLabel(pathName(fast));
    for (auto _ : state) {
        QString error;
        auto response = parseAnswer<core::ExplanationResponse>(fast, body, &error);
        if (!response || response->explanations.size() != 8)
            state.SkipWithError("parse failed");
        benchmark::DoNotOptimize(response);
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * body.size());
    state.counters["bytes"] = double(body.size());
}
BENCHMARK(BM_ParseExplanation)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
