// SPDX-License-Identifier: MIT
#include "core/analysis/LayoutGraph.h"

#include <queue>

#include <Eigen/Dense>
#include <algorithm>
#include <assert.h>
#include <atomic>
#include <cmath>
#include <deque>
#include <fstream>
#include <iostream>
#include <limits>
#include <list>
#include <mutex>
#include <random>
#include <stdexcept>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>
#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>
#include <x86intrin.h>
#endif

// hnswlib 0.6.2 defines functions and variables in its headers without `inline`: this must stay
// the only file of the program that includes it.
#include <hnswlib/hnswlib.h>

namespace core::analysis {

namespace {

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

bool isCancelled(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

/// Copies row `row` of `vectors` scaled to unit length into `out` (a zero row stays zero).
void unitRow(VectorView vectors, int row, float *out)
{
    const float *in = vectors.row(row);
    double norm = 0;
    for (int c = 0; c < vectors.dims; ++c)
        norm += double(in[c]) * in[c];
    const float scale = norm > 0 ? float(1.0 / std::sqrt(norm)) : 0.0f;
    for (int c = 0; c < vectors.dims; ++c)
        out[c] = in[c] * scale;
}

} // namespace

int layoutThreads()
{
    return int(std::clamp(std::thread::hardware_concurrency(), 1u, 16u));
}

void parallelBlocks(qsizetype count,
    qsizetype block,
    const std::function<void(qsizetype, qsizetype)> &work,
    const std::atomic<bool> *cancel,
    const std::function<void(double)> &progress)
{
    if (count <= 0)
        return;
    block = std::max<qsizetype>(1, block);
    std::atomic<qsizetype> next{0};
    const auto run = [&](bool caller) {
        for (;;) {
            if (isCancelled(cancel))
                return;
            const qsizetype begin = next.fetch_add(block);
            if (begin >= count)
                return;
            work(begin, std::min(count, begin + block));
            if (caller && progress)
                progress(std::min(1.0, double(begin + block) / double(count)));
        }
    };
    const int threads = int(std::min<qsizetype>(layoutThreads(), (count + block - 1) / block));
    std::vector<std::thread> helpers;
    for (int t = 1; t < threads; ++t)
        helpers.emplace_back(run, false);
    run(true);
    for (std::thread &t : helpers)
        t.join();
}

std::vector<float> layoutSpace(
    VectorView vectors, int dimensions, int *outDims, const std::atomic<bool> *cancel)
{
    const int n = vectors.rows, d = vectors.dims;
    *outDims = d;
    std::vector<float> out;
    if (n < 1 || d < 1)
        return out;
    if (dimensions <= 0 || d <= dimensions || n <= dimensions) {
        out.resize(size_t(n) * size_t(d));
        parallelBlocks(
            n,
            2048,
            [&](qsizetype begin, qsizetype end) {
                for (qsizetype i = begin; i < end; ++i)
                    unitRow(vectors, int(i), out.data() + i * d);
            },
            cancel);
        if (isCancelled(cancel))
            return {};
        return out;
    }

    // The axes from an evenly spaced sample of unit rows.
    const int samples = std::min(n, kLayoutPcaSample);
    std::vector<float> sample(size_t(samples) * size_t(d));
    for (int s = 0; s < samples; ++s)
        unitRow(vectors, int(qint64(s) * n / samples), sample.data() + qsizetype(s) * d);
    const PcaResult axes = pca({sample.data(), samples, d}, dimensions, 1);
    if (isCancelled(cancel))
        return {};
    const Eigen::Map<const RowMatrix> sampleMatrix(sample.data(), samples, d);
    const Eigen::RowVectorXf mean = sampleMatrix.colwise().mean();
    const Eigen::Map<const RowMatrix> axisMatrix(axes.axes.data(), axes.components, d);
    const Eigen::RowVectorXf meanScore = mean * axisMatrix.transpose();
    sample = {};

    // Every row: (unit row − mean) · axesᵀ, in blocks.
    const int k = axes.components;
    *outDims = k;
    out.assign(size_t(n) * size_t(k), 0.0f);
    constexpr qsizetype kBlock = 2048;
    parallelBlocks(
        n,
        kBlock,
        [&](qsizetype begin, qsizetype end) {
            const int rows = int(end - begin);
            RowMatrix unit(rows, d);
            for (int r = 0; r < rows; ++r)
                unitRow(vectors, int(begin) + r, unit.data() + qsizetype(r) * d);
            Eigen::Map<RowMatrix> scores(out.data() + begin * k, rows, k);
            scores.noalias() = unit * axisMatrix.transpose();
            scores.rowwise() -= meanScore;
        },
        cancel);
    if (isCancelled(cancel))
        return {};
    return out;
}

KnnGraph layoutKnnGraph(VectorView space,
    int k,
    int exactLimit,
    quint64 seed,
    const std::function<void(double)> &progress,
    const std::atomic<bool> *cancel)
{
    KnnGraph graph;
    const int n = space.rows;
    k = std::min(k, n - 1);
    if (n < 2 || k < 1)
        return graph;
    const auto report = [&](double share) {
        if (progress)
            progress(std::clamp(share, 0.0, 1.0));
    };
    graph.k = k;
    graph.index.assign(size_t(n) * size_t(k), 0);
    graph.distance.assign(size_t(n) * size_t(k), 0.0f);

    if (n <= exactLimit) {
        parallelBlocks(
            n,
            64,
            [&](qsizetype begin, qsizetype end) {
                std::vector<std::pair<float, int>> row(static_cast<size_t>(n));
                for (qsizetype i = begin; i < end; ++i) {
                    const float *a = space.row(int(i));
                    for (int j = 0; j < n; ++j) {
                        const float *b = space.row(j);
                        float sum = 0;
                        for (int c = 0; c < space.dims; ++c)
                            sum += (a[c] - b[c]) * (a[c] - b[c]);
                        row[size_t(j)] = {j == i ? std::numeric_limits<float>::infinity() : sum, j};
                    }
                    std::partial_sort(row.begin(), row.begin() + k, row.end());
                    for (int m = 0; m < k; ++m) {
                        graph.index[size_t(i) * size_t(k) + size_t(m)] = row[size_t(m)].second;
                        graph.distance[size_t(i) * size_t(k) + size_t(m)]
                            = std::sqrt(row[size_t(m)].first);
                    }
                }
            },
            cancel,
            report);
        if (isCancelled(cancel))
            return KnnGraph{};
        return graph;
    }

    hnswlib::L2Space l2(size_t(space.dims));
    hnswlib::HierarchicalNSW<float> index(&l2, size_t(n), 16, 100, seed);
    index.addPoint(space.row(0), hnswlib::labeltype(0));
    // hnswlib's addPoint() locks what it changes: all threads insert at once.
    parallelBlocks(
        n - 1,
        256,
        [&](qsizetype begin, qsizetype end) {
            for (qsizetype i = begin + 1; i < end + 1; ++i)
                index.addPoint(space.row(int(i)), hnswlib::labeltype(i));
        },
        cancel,
        [&](double share) { report(0.7 * share); });
    if (isCancelled(cancel))
        return KnnGraph{};
    index.setEf(size_t(std::max(64, 2 * (k + 1))));
    parallelBlocks(
        n,
        256,
        [&](qsizetype begin, qsizetype end) {
            std::vector<std::pair<float, int>> row;
            for (qsizetype i = begin; i < end; ++i) {
                auto found = index.searchKnn(space.row(int(i)), size_t(k + 1));
                row.clear();
                while (!found.empty()) {
                    if (qsizetype(found.top().second) != i)
                        row.push_back({found.top().first, int(found.top().second)});
                    found.pop();
                }
                std::sort(row.begin(), row.end());
                for (int m = 0; m < k; ++m) {
                    const bool have = m < int(row.size());
                    graph.index[size_t(i) * size_t(k) + size_t(m)]
                        = have ? row[size_t(m)].second : int((i + 1 + m) % n);
                    graph.distance[size_t(i) * size_t(k) + size_t(m)] = have
                        ? std::sqrt(std::max(0.0f, row[size_t(m)].first))
                        : std::numeric_limits<float>::max();
                }
            }
        },
        cancel,
        [&](double share) { report(0.7 + 0.3 * share); });
    if (isCancelled(cancel))
        return KnnGraph{};
    return graph;
}

} // namespace core::analysis
