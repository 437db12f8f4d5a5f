// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/Projection.h"

#include <QList>

#include <memory>
#include <vector>

namespace core::analysis {

/// One neighbour: a row and its cosine similarity (−1..1) to the query.
struct Neighbour
{
    int row = -1;
    float similarity = 0;
};

/// Cosine nearest neighbours of embedding vectors. Rows are copied and normalized to unit length
/// (a zero vector stays zero and is similar to nothing). Up to `exactLimit` rows (20,000: a query
/// then scans 10,000 × 5,120 in about 10 ms, where building HNSW over them takes 30 s) every query
/// is an exact scan (O(rows · dims)); above it an hnswlib HNSW graph over inner products (M = 16,
/// ef_construction = 200, ef = 128) answers approximately, with recall near 0.99 on
/// embedding data. Built once (build() may run on any thread); queries are const and thread-safe.
class NeighbourIndex
{
public:
    static constexpr int kDefaultExactLimit = 20000;

    NeighbourIndex();
    ~NeighbourIndex();
    NeighbourIndex(NeighbourIndex &&) noexcept;
    NeighbourIndex &operator=(NeighbourIndex &&) noexcept;

    /// Indexes `vectors`. `exactLimit`: the most rows searched exactly.
    void build(VectorView vectors, int exactLimit = kDefaultExactLimit);
    int size() const { return m_rows; }
    int dims() const { return m_dims; }
    /// True when queries go through HNSW (approximate).
    bool isApproximate() const { return m_hnsw != nullptr; }

    /// The `k` rows most similar to `query` (dims() floats, any length), best first; `exclude`
    /// (a row, or −1) is left out. Fewer when the index holds fewer rows.
    QList<Neighbour> nearest(const float *query, int k, int exclude = -1) const;
    /// The `k` rows most similar to row `row`, itself left out.
    QList<Neighbour> nearestToRow(int row, int k) const;
    /// The unit-length copy of row `row`.
    const float *unitRow(int row) const { return m_unit.data() + qsizetype(row) * m_dims; }

private:
    struct Hnsw;
    std::vector<float> m_unit;
    int m_rows = 0;
    int m_dims = 0;
    std::unique_ptr<Hnsw> m_hnsw;
};

/// The k nearest rows of every row by Euclidean distance, itself excluded: `index` and `distance`
/// hold rows × k entries, row-major, nearest first. Exact (O(rows² · dims)) up to `exactLimit`
/// rows; above it an hnswlib L2 graph (M = 16, ef_construction = 100, ef = max(64, 2k + 2)).
/// k is clamped to rows − 1. Empty when cancelled or rows < 2. `progress` gets 0..1.
struct KnnGraph
{
    int k = 0;
    std::vector<int> index;
    std::vector<float> distance;
};
KnnGraph knnGraph(VectorView vectors,
    int k,
    int exactLimit,
    quint64 seed,
    const std::function<void(double share)> &progress = {},
    const std::atomic<bool> *cancel = nullptr);

/// Exact cosine similarity of two vectors of `dims` floats (0 when either is zero).
float cosineSimilarity(const float *a, const float *b, int dims);

} // namespace core::analysis
