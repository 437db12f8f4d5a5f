// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QPointF>
#include <QString>

#include <atomic>
#include <functional>
#include <vector>

/// Projections of embedding vectors to the plane, for the Embeddings tab's map. Everything here is
/// plain computation (no Qt event loop): the tab runs it on Qt's thread pool. Vectors are rows of
/// one contiguous row-major float buffer, `rows × dims`.
namespace core::analysis {

/// A read-only view of `rows` vectors of `dims` floats, row-major and contiguous.
struct VectorView
{
    const float *data = nullptr;
    int rows = 0;
    int dims = 0;
    const float *row(int i) const { return data + qsizetype(i) * dims; }
};

/// Result of pca().
struct PcaResult
{
    /// Scores: row i is vector i's coordinates along the components (`rows × components`,
    /// row-major).
    std::vector<float> scores;
    /// Unit principal axes, `components × dims` row-major. Each axis's sign is fixed so that its
    /// largest-magnitude entry is positive (the answer is deterministic).
    std::vector<float> axes;
    /// Variance along each component (the squared singular value over rows − 1).
    std::vector<double> variance;
    /// Total variance of the data (sum over all dimensions), so variance[i] / totalVariance is the
    /// share of component i.
    double totalVariance = 0;
    int components = 0;
};

/// Called now and then with a share in 0..1 and a phase for people ("neighbours", "layout").
using ProgressFunction = std::function<void(double share, const QString &phase)>;

/// Principal component analysis by randomized SVD (Halko, Martinsson & Tropp 2011, "Finding
/// structure with randomness", Algorithm 4.4: a Gaussian sketch with `components + 10` columns and
/// `powerIterations` subspace iterations, orthonormalized by Householder QR; Eigen does the
/// algebra). The data is centred implicitly, never copied. Cost O(rows · dims · (components + 10) ·
/// (2 · powerIterations + 2)) in 2 · powerIterations + 3 passes over the data, each split by rows
/// over analysisThreads() (Parallel.h); about 0.6 s for 10,000 × 5,120 on one core and 3–4 s for
/// 100,000 × 5,120 on two (bench_embeddings, bench_embeddings_scale).
///
/// `components` is clamped to 1..dims; components beyond the data's rank (rows − 1) are zero, and
/// fewer than 2 rows give all-zero scores. The sketch uses a fixed seed, so equal input gives equal
/// output (the split over threads only changes the float rounding of sums).
///
/// `progress` (any thread: the caller's) gets the share of passes done, phase "PCA"; `cancel`
/// is checked every few thousand rows: when set, the result is empty (components 0, no scores).
PcaResult pca(VectorView vectors,
    int components = 2,
    int powerIterations = 2,
    const ProgressFunction &progress = {},
    const std::atomic<bool> *cancel = nullptr);

/// Parameters of umap(), named as in umap-learn.
struct UmapOptions
{
    int nNeighbors = 15; ///< size of the local neighbourhood, 2..100
    double minDist = 0.1; ///< how tightly points may pack, 0..spread
    double spread = 1.0;
    int nEpochs = 0; ///< 0: 500 below 10,000 points, else 200
    int negativeSampleRate = 5;
    double learningRate = 1.0;
    /// Reduce the input to this many dimensions with pca() before the neighbour search (0: never).
    int pcaDimensions = 50;
    quint64 seed = 42;
};

/// UMAP (McInnes, Healy & Melville 2018, arXiv:1802.03426): the cosine k-nearest-neighbour graph
/// (rows normalized to unit length and reduced to `pcaDimensions` by layoutSpace(), then exact
/// search up to 4,000 rows and a parallel hnswlib graph above: layoutKnnGraph()), its fuzzy
/// simplicial set (per-point ρ and σ with Σ exp(−(d − ρ)/σ) = log2 k, union a + b − ab), a PCA
/// start scaled to ±10, and stochastic gradient descent with `negativeSampleRate` negative samples
/// per positive one and the curve 1 / (1 + a d^(2b)) fitted to `minDist` and `spread`. Time and
/// memory grow linearly with rows: 100,000 × 5,120 take about a minute on two cores
/// (bench_projection_scale). `progress` rises monotonically through "reducing", "neighbours" and
/// "layout" (once per epoch); `cancel` is checked at least once per block of 256 rows or per
/// epoch, so a cancelled run returns within about a second.
///
/// Returns `rows` points, or an empty list when cancelled (`cancel` set) or when rows < 3 (then
/// there is nothing to lay out: use pca()). Deterministic for a given seed up to 4,000 rows;
/// above, the neighbour graph built on several threads may differ slightly between runs.
QList<QPointF> umap(VectorView vectors,
    const UmapOptions &options = {},
    const ProgressFunction &progress = {},
    const std::atomic<bool> *cancel = nullptr);

/// The curve parameters (a, b) umap() uses for `minDist` and `spread`: the least-squares fit of
/// 1 / (1 + a x^(2b)) to 1 below minDist and exp(−(x − minDist) / spread) above, on x in
/// 0..3·spread. For the defaults (0.1, 1.0) a ≈ 1.58, b ≈ 0.90, as umap-learn's find_ab_params.
std::pair<double, double> umapCurve(double minDist, double spread);

/// The smooth k-NN distances of one point (UMAP §3.1): `distances` to its k nearest neighbours
/// (ascending, itself excluded) give ρ (the nearest distance) and σ with
/// Σ exp(−max(0, d − ρ) / σ) = log2(k), found by bisection to 1e-5. Returns {ρ, σ}.
std::pair<double, double> umapSmoothDistances(const std::vector<float> &distances);

} // namespace core::analysis
