// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/Projection.h"

#include <QStringList>

#include <atomic>
#include <vector>

namespace core::analysis {

/// A square matrix of cosine similarities between `size` vectors, row-major, in −1..1.
struct SimilarityMatrix
{
    int size = 0;
    std::vector<float> values;
    float at(int i, int j) const { return values[size_t(i) * size_t(size) + size_t(j)]; }
};

/// The most vectors similarityMatrix() takes (2,000² floats = 16 MB).
inline constexpr int kMaxSimilarityMatrixSize = 2000;

/// Cosine similarities of the rows `rows` of `vectors` (all rows when empty): unit rows multiplied
/// by their transpose (Eigen). At most kMaxSimilarityMatrixSize rows; more return an empty matrix.
SimilarityMatrix similarityMatrix(VectorView vectors, const std::vector<int> &rows = {});

/// An order of the matrix's rows that puts similar rows next to each other: the leaf order of
/// average-linkage agglomerative clustering on the distance 1 − similarity (the nearest-neighbour
/// chain algorithm, O(n²) time and memory; Murtagh 1983). Within a merge the larger cluster comes
/// first. Empty when cancelled.
std::vector<int> clusterOrder(
    const SimilarityMatrix &matrix, const std::atomic<bool> *cancel = nullptr);

/// The rows grouped by label (labels in order of first appearance, unlabelled last) and, within a
/// label, in clusterOrder(). `labels` has one entry per matrix row.
std::vector<int> labelOrder(const SimilarityMatrix &matrix, const QStringList &labels);

} // namespace core::analysis
