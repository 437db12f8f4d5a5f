// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/Projection.h"

#include <QList>
#include <QPointF>

#include <atomic>
#include <vector>

namespace core::analysis {

/// The most rows tsne() lays out: Barnes-Hut t-SNE of 20,000 rows takes about half a minute on two
/// cores (bench_projection_scale); larger sets go to umap().
constexpr int kTsneMaxRows = 20000;

/// Parameters of tsne(), named as in scikit-learn's TSNE.
struct TsneOptions
{
    /// The effective number of neighbours each point's Gaussian covers, 2..100; clamped to
    /// (rows − 1) / 3 on small sets.
    double perplexity = 30;
    /// Gradient steps in all, 250..5,000, the first `exaggerationIterations` of them with P
    /// multiplied by `earlyExaggeration` and momentum 0.5 (then 0.8).
    int iterations = 1000;
    int exaggerationIterations = 250;
    double earlyExaggeration = 12;
    /// Step size; 0: scikit-learn's "auto", max(rows / earlyExaggeration / 4, 50).
    double learningRate = 0;
    /// Barnes-Hut accuracy: a quadtree cell of width w at distance d stands for its points when
    /// w / d < theta (0: exact and slow; 0.5 is the usual trade-off).
    double theta = 0.5;
    /// Reduce the input to this many dimensions first (layoutSpace(); 0: never).
    int pcaDimensions = 50;
    quint64 seed = 42;
};

/// The conditional probabilities of one point (van der Maaten & Hinton 2008, eq. 1): for its
/// `squaredDistances` to its neighbours (any order), p_j = exp(−β d_j²) / Σ exp(−β d²) with β found
/// by bisection (to 1e-5 in entropy, 200 steps at most) so that the entropy −Σ p log2 p equals
/// log2(perplexity). Returns the p_j in the order given (they sum to 1); all equal when every
/// distance is equal.
std::vector<float> tsneConditionalProbabilities(
    const std::vector<float> &squaredDistances, double perplexity);

/// Barnes-Hut t-SNE (van der Maaten 2014, "Accelerating t-SNE using tree-based algorithms", JMLR
/// 15): the input is normalized to unit rows and reduced as for umap() (layoutSpace()), then the
/// 3 · perplexity nearest neighbours of each row (layoutKnnGraph()) get Gaussian conditional
/// probabilities with the perplexity asked for (tsneConditionalProbabilities()), symmetrized to
/// P = (p_j|i + p_i|j) / 2n. The layout starts from the first two principal components scaled to
/// a standard deviation of 1e-4 and follows the gradient of KL(P‖Q) with the Student-t kernel
/// 1 / (1 + d²): attractive forces over P's sparse entries, repulsive ones from a quadtree
/// (theta), with early exaggeration, momentum and per-coordinate gains (Jacobs 1988) as in
/// scikit-learn. Forces are computed on every core; the result does not depend on the number of
/// threads. Cost O(rows · log rows) per iteration.
///
/// Returns `rows` points in arbitrary units (clusters a few tens wide), or an empty list when
/// cancelled, when rows < 4 or when rows > kTsneMaxRows. `progress` rises monotonically through
/// "reducing", "neighbours" and "layout" (once per iteration), `cancel` is checked at least once an
/// iteration. Deterministic for a given seed up to 4,000 rows (above, see layoutKnnGraph()).
QList<QPointF> tsne(VectorView vectors,
    const TsneOptions &options = {},
    const ProgressFunction &progress = {},
    const std::atomic<bool> *cancel = nullptr);

} // namespace core::analysis
