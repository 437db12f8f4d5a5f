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
    friend bool operator==(const Neighbour &, const Neighbour &) = default;
};

/// Cosine nearest neighbours of embedding vectors, reading the vectors in place: the index keeps
/// no copy of them (and no unit-length copy), only each row's inverse norm (a zero vector has 0,
/// is similar to nothing and scores 0).
///
/// Small sets (rows · dims up to `exactLimit` rows, by default up to kExactFloats floats) are
/// searched exactly: one matrix-vector product over the rows (Eigen) scaled by the inverse norms,
/// split over analysisThreads(). Larger sets (100,000 × 5,120 is 2 GB of floats, which one scan
/// reads in 70–150 ms on a 2-core machine) are searched in two passes: a candidate scan over
/// 4-bit codes of the vectors (each row's coordinates rounded to −7..7 steps of a seventh of
/// min(its largest magnitude, 2.5 × its root mean square), larger ones clipped: half a byte per
/// dimension, 245 MB for 100,000 × 5,120, an eighth of the float bytes, scanned against the query
/// in int8 with AVX2 where the CPU has it), then the best max(kRerank, 8 · k) candidates re-scored
/// exactly on the float rows. The codes' scores err by about 0.1 / √dims in cosine (1.5e-3 at 5,120
/// dims; the rounding error of Gaussian-like coordinates), below the spread
/// that decides a top-10 inside a cluster of embedding data, and the true top 10 are re-scored
/// among hundreds of candidates, so the answer is the exact one in practice (recall@10 against the
/// exact scan is 1.0 on the clustered data of bench_embeddings_scale; TestProjection checks
/// ≥ 0.95, also with dimensions of outsized magnitude). HNSW was dropped here: hnswlib keeps its
/// own copy of every vector (2× the memory) and takes minutes to build at this size. The reported
/// similarities always come from the float vectors.
///
/// Built once (build() may run on any thread; it takes about one pass over the data); queries are
/// const and thread-safe.
class NeighbourIndex
{
public:
    /// Sets up to this many floats (rows × dims: 32 Mi, 128 MB) are searched exactly by default.
    static constexpr qint64 kExactFloats = qint64(1) << 25;
    /// build()'s default `exactLimit`: exact up to kExactFloats floats.
    static constexpr int kAutomatic = -1;
    /// The fewest candidates of the 4-bit scan re-scored exactly.
    static constexpr int kRerank = 256;

    NeighbourIndex();
    ~NeighbourIndex();
    NeighbourIndex(NeighbourIndex &&) noexcept;
    NeighbourIndex &operator=(NeighbourIndex &&) noexcept;

    /// Indexes `vectors`, which must stay valid and unchanged while the index is used: `owner`
    /// (may be null when the caller guarantees that) is held for as long as the index lives.
    /// `exactLimit`: the most rows searched exactly (kAutomatic: rows · dims ≤ kExactFloats).
    void build(
        VectorView vectors, int exactLimit = kAutomatic, std::shared_ptr<const void> owner = {});
    int size() const { return m_vectors.rows; }
    int dims() const { return m_vectors.dims; }
    /// True when queries go through the 4-bit candidate scan (then re-scored exactly).
    bool isApproximate() const { return !m_codes.empty(); }
    /// Bytes the index holds besides the vectors it reads (inverse norms, 4-bit codes, scales).
    qint64 extraBytes() const;

    /// The `k` rows most similar to `query` (dims() floats, any length), best first; `exclude`
    /// (a row, or −1) is left out. Fewer when the index holds fewer rows; none for a zero query.
    QList<Neighbour> nearest(const float *query, int k, int exclude = -1) const;
    /// The `k` rows most similar to row `row`, itself left out.
    QList<Neighbour> nearestToRow(int row, int k) const;
    /// The exact answer (a scan of all float rows) whatever the set's size, for checking recall.
    QList<Neighbour> nearestExact(const float *query, int k, int exclude = -1) const;

private:
    /// Exact cosine of the unit `query` with row `row`.
    float exactScore(const float *unitQuery, int row) const;
    QList<Neighbour> exactScan(const float *unitQuery, int k, int exclude) const;
    QList<Neighbour> candidateScan(const float *unitQuery, int k, int exclude) const;

    VectorView m_vectors;
    std::shared_ptr<const void> m_owner;
    std::vector<float> m_inverseNorm; ///< per row; 0 for a zero row
    std::vector<quint8>
        m_codes; ///< rows × ⌈dims / 64⌉ · 32 bytes of 4-bit codes (approximate only)
    std::vector<float> m_codeScale; ///< per row: cosine ≈ code dot product · m_codeScale
};

/// The k nearest rows of every row by Euclidean distance, itself excluded (layoutKnnGraph() in
/// core/analysis/LayoutGraph.h makes it): `index` and `distance` hold rows × k entries, row-major,
/// nearest first.
struct KnnGraph
{
    int k = 0;
    std::vector<int> index;
    std::vector<float> distance;
};

/// Exact cosine similarity of two vectors of `dims` floats (0 when either is zero).
float cosineSimilarity(const float *a, const float *b, int dims);

} // namespace core::analysis
