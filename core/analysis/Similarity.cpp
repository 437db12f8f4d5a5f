// SPDX-License-Identifier: MIT
#include "core/analysis/Similarity.h"

#include <QHash>

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <limits>

namespace core::analysis {

SimilarityMatrix similarityMatrix(VectorView vectors, const std::vector<int> &rows)
{
    SimilarityMatrix out;
    std::vector<int> chosen = rows;
    if (chosen.empty()) {
        chosen.resize(size_t(std::max(0, vectors.rows)));
        for (int i = 0; i < vectors.rows; ++i)
            chosen[size_t(i)] = i;
    }
    const int m = int(chosen.size());
    if (m == 0 || m > kMaxSimilarityMatrixSize || vectors.dims < 1)
        return out;
    Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> unit(m, vectors.dims);
    for (int i = 0; i < m; ++i) {
        const int r = chosen[size_t(i)];
        if (r < 0 || r >= vectors.rows)
            return {};
        unit.row(i) = Eigen::Map<const Eigen::RowVectorXf>(vectors.row(r), vectors.dims);
        const float norm = unit.row(i).norm();
        if (norm > 0)
            unit.row(i) /= norm;
    }
    out.size = m;
    out.values.resize(size_t(m) * size_t(m));
    Eigen::Map<Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>> s(
        out.values.data(), m, m);
    s.noalias() = unit * unit.transpose();
    s = s.cwiseMax(-1.0f).cwiseMin(1.0f);
    return out;
}

std::vector<int> clusterOrder(const SimilarityMatrix &matrix, const std::atomic<bool> *cancel)
{
    const int n = matrix.size;
    if (n <= 2) {
        std::vector<int> order(size_t(std::max(0, n)));
        for (int i = 0; i < n; ++i)
            order[size_t(i)] = i;
        return order;
    }
    // Distances, updated in place by Lance-Williams for average linkage.
    std::vector<float> d(matrix.values.size());
    for (size_t i = 0; i < d.size(); ++i)
        d[i] = 1.0f - matrix.values[i];
    const auto at = [&](int i, int j) -> float & {
        return d[size_t(i) * size_t(n) + size_t(j)];
    };
    std::vector<int> size(size_t(n), 1);
    std::vector<bool> active(size_t(n), true);
    std::vector<std::vector<int>> leaves(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        leaves[size_t(i)] = {i};
    std::vector<int> chain;
    int remaining = n;
    int nextStart = 0;
    while (remaining > 1) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return {};
        if (chain.empty()) {
            while (!active[size_t(nextStart)])
                ++nextStart;
            chain.push_back(nextStart);
        }
        const int a = chain.back();
        const int previous = chain.size() >= 2 ? chain[chain.size() - 2] : -1;
        // The nearest active cluster to a; ties go to the previous chain element, so the chain
        // always ends in a reciprocal pair.
        int best = previous;
        float bestDistance
            = previous >= 0 ? at(a, previous) : std::numeric_limits<float>::infinity();
        for (int c = 0; c < n; ++c) {
            if (!active[size_t(c)] || c == a)
                continue;
            if (at(a, c) < bestDistance) {
                bestDistance = at(a, c);
                best = c;
            }
        }
        if (best == previous) {
            chain.pop_back();
            chain.pop_back();
            // Merge into the larger cluster's slot (its leaves first).
            int keep = a, gone = previous;
            if (size[size_t(gone)] > size[size_t(keep)])
                std::swap(keep, gone);
            const float sk = float(size[size_t(keep)]), sg = float(size[size_t(gone)]);
            for (int c = 0; c < n; ++c) {
                if (!active[size_t(c)] || c == keep || c == gone)
                    continue;
                const float merged = (sk * at(keep, c) + sg * at(gone, c)) / (sk + sg);
                at(keep, c) = merged;
                at(c, keep) = merged;
            }
            active[size_t(gone)] = false;
            size[size_t(keep)] += size[size_t(gone)];
            auto &into = leaves[size_t(keep)];
            into.insert(into.end(), leaves[size_t(gone)].begin(), leaves[size_t(gone)].end());
            leaves[size_t(gone)].clear();
            leaves[size_t(gone)].shrink_to_fit();
            --remaining;
        } else {
            chain.push_back(best);
        }
    }
    for (int i = 0; i < n; ++i)
        if (active[size_t(i)])
            return leaves[size_t(i)];
    return {};
}

std::vector<int> labelOrder(const SimilarityMatrix &matrix, const QStringList &labels)
{
    const std::vector<int> clustered = clusterOrder(matrix);
    std::vector<int> position(size_t(matrix.size));
    for (size_t i = 0; i < clustered.size(); ++i)
        position[size_t(clustered[i])] = int(i);
    QHash<QString, int> firstSeen;
    for (int i = 0; i < matrix.size; ++i) {
        const QString label = i < labels.size() ? labels.at(i) : QString();
        if (!label.isEmpty() && !firstSeen.contains(label))
            firstSeen.insert(label, int(firstSeen.size()));
    }
    const auto group = [&](int i) {
        const QString label = i < labels.size() ? labels.at(i) : QString();
        return label.isEmpty() ? std::numeric_limits<int>::max() : firstSeen.value(label);
    };
    std::vector<int> order(size_t(matrix.size));
    for (int i = 0; i < matrix.size; ++i)
        order[size_t(i)] = i;
    std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
        const int gx = group(x), gy = group(y);
        return gx != gy ? gx < gy : position[size_t(x)] < position[size_t(y)];
    });
    return order;
}

} // namespace core::analysis
