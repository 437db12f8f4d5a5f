// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/Neighbours.h"
#include "core/analysis/Projection.h"

#include <atomic>
#include <functional>
#include <vector>

/// What umap() and tsne() share before their layouts: the input in fewer dimensions and its
/// k-nearest-neighbour graph, both built on every core and in O(rows) memory beyond the input
/// (no O(rows²) step above `exactLimit` rows).
namespace core::analysis {

/// Threads the layouts use: the machine's cores (at least 1, at most 16).
int layoutThreads();

/// Runs `work(begin, end)` over 0..count in blocks of `block`, spread over layoutThreads() threads
/// (the calling one among them); returns when all blocks are done. `work` must only write what its
/// block owns. Stops handing out blocks once `cancel` is set. `progress` (share of blocks handed
/// out, 0..1) is called on the calling thread only, after each of its blocks.
void parallelBlocks(qsizetype count,
    qsizetype block,
    const std::function<void(qsizetype begin, qsizetype end)> &work,
    const std::atomic<bool> *cancel = nullptr,
    const std::function<void(double share)> &progress = {});

/// The rows of `vectors` scaled to unit length (cosine geometry) and, when `dimensions` > 0 and
/// both dims and rows exceed it, projected on the `dimensions` principal axes of an evenly spaced
/// sample of at most `kLayoutPcaSample` unit rows (pca() with one power iteration), centred on the
/// sample's mean. Row-major `rows × *outDims` floats; never copies the whole input (it is read in
/// blocks of 2,048 rows on every core). Empty when cancelled. For 100,000 × 5,120 about 2 GFLOP of
/// PCA and 50 GFLOP of projection.
constexpr int kLayoutPcaSample = 10000;
std::vector<float> layoutSpace(
    VectorView vectors, int dimensions, int *outDims, const std::atomic<bool> *cancel = nullptr);

/// The k nearest rows of every row of `space` by Euclidean distance, itself excluded (rows × k,
/// nearest first, as knnGraph()). Exact up to `exactLimit` rows (O(rows² · dims), rows split over
/// the threads: deterministic); above it an hnswlib L2 graph (M = 16, ef_construction = 100,
/// seeded with `seed`) that all threads insert into at once, then searched with
/// ef = max(64, 2k + 2) — recall near 0.98, and since insertion order between threads varies the
/// graph (and a layout built on it) may differ slightly from run to run. `progress` gets 0..1 from
/// one thread at a time. Empty when cancelled or rows < 2.
KnnGraph layoutKnnGraph(VectorView space,
    int k,
    int exactLimit,
    quint64 seed,
    const std::function<void(double share)> &progress = {},
    const std::atomic<bool> *cancel = nullptr);

} // namespace core::analysis
