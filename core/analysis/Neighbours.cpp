// SPDX-License-Identifier: MIT
#include "core/analysis/Neighbours.h"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <hnswlib/hnswlib.h>
#include <limits>

namespace core::analysis {

namespace {
/// HNSW search breadth: more candidates than the longest neighbour list the app asks for (50).
constexpr size_t kSearchEf = 128;
} // namespace

struct NeighbourIndex::Hnsw
{
    explicit Hnsw(int dims, int rows)
        : space(size_t(dims))
        , graph(&space, size_t(rows), 16, 200, 100)
    {}
    hnswlib::InnerProductSpace space;
    hnswlib::HierarchicalNSW<float> graph;
};

NeighbourIndex::NeighbourIndex() = default;
NeighbourIndex::~NeighbourIndex() = default;
NeighbourIndex::NeighbourIndex(NeighbourIndex &&) noexcept = default;
NeighbourIndex &NeighbourIndex::operator=(NeighbourIndex &&) noexcept = default;

float cosineSimilarity(const float *a, const float *b, int dims)
{
    double dot = 0, na = 0, nb = 0;
    for (int i = 0; i < dims; ++i) {
        dot += double(a[i]) * b[i];
        na += double(a[i]) * a[i];
        nb += double(b[i]) * b[i];
    }
    if (na <= 0 || nb <= 0)
        return 0;
    return float(dot / std::sqrt(na * nb));
}

void NeighbourIndex::build(VectorView vectors, int exactLimit)
{
    m_hnsw.reset();
    m_rows = std::max(0, vectors.rows);
    m_dims = std::max(0, vectors.dims);
    m_unit.assign(size_t(m_rows) * size_t(m_dims), 0.0f);
    for (int i = 0; i < m_rows; ++i) {
        const float *row = vectors.row(i);
        double norm = 0;
        for (int c = 0; c < m_dims; ++c)
            norm += double(row[c]) * row[c];
        const float scale = norm > 0 ? float(1.0 / std::sqrt(norm)) : 0.0f;
        float *out = m_unit.data() + qsizetype(i) * m_dims;
        for (int c = 0; c < m_dims; ++c)
            out[c] = row[c] * scale;
    }
    if (m_rows <= exactLimit || m_dims == 0)
        return;
    m_hnsw = std::make_unique<Hnsw>(m_dims, m_rows);
    for (int i = 0; i < m_rows; ++i)
        m_hnsw->graph.addPoint(unitRow(i), hnswlib::labeltype(i));
    m_hnsw->graph.setEf(kSearchEf);
}

QList<Neighbour> NeighbourIndex::nearest(const float *query, int k, int exclude) const
{
    QList<Neighbour> out;
    if (k <= 0 || m_rows == 0)
        return out;
    std::vector<float> q(query, query + m_dims);
    double norm = 0;
    for (const float v : q)
        norm += double(v) * v;
    if (norm <= 0)
        return out;
    for (float &v : q)
        v = float(v / std::sqrt(norm));

    std::vector<std::pair<float, int>> found; // (similarity, row)
    if (m_hnsw) {
        // searchKnn() is const and safe from several threads once the graph is built.
        const size_t want = size_t(k + (exclude >= 0 ? 1 : 0));
        auto result = m_hnsw->graph.searchKnn(q.data(), std::min(want, size_t(m_rows)));
        while (!result.empty()) {
            const int row = int(result.top().second);
            if (row != exclude)
                found.push_back({1.0f - result.top().first, row});
            result.pop();
        }
    } else {
        // One matrix-vector product (Eigen, vectorized) for all rows.
        using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
        const Eigen::Map<const RowMatrix> unit(m_unit.data(), m_rows, m_dims);
        const Eigen::VectorXf scores = unit * Eigen::Map<const Eigen::VectorXf>(q.data(), m_dims);
        found.reserve(size_t(m_rows));
        for (int i = 0; i < m_rows; ++i)
            if (i != exclude)
                found.push_back({scores(i), i});
    }
    const size_t keep = std::min(found.size(), size_t(k));
    std::partial_sort(found.begin(),
        found.begin() + qsizetype(keep),
        found.end(),
        [](const auto &a, const auto &b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
    out.reserve(qsizetype(keep));
    for (size_t i = 0; i < keep; ++i)
        out.append({found[i].second, std::clamp(found[i].first, -1.0f, 1.0f)});
    return out;
}

QList<Neighbour> NeighbourIndex::nearestToRow(int row, int k) const
{
    if (row < 0 || row >= m_rows)
        return {};
    return nearest(unitRow(row), k, row);
}

KnnGraph knnGraph(VectorView space,
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
    const auto cancelled = [cancel] {
        return cancel && cancel->load(std::memory_order_relaxed);
    };
    const auto report = [&](double share) {
        if (progress)
            progress(share);
    };
    graph.k = k;
    graph.index.assign(size_t(n) * size_t(k), 0);
    graph.distance.assign(size_t(n) * size_t(k), 0.0f);
    if (n <= exactLimit) {
        std::vector<std::pair<float, int>> row(static_cast<size_t>(n));
        for (int i = 0; i < n; ++i) {
            const float *a = space.row(i);
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
                graph.distance[size_t(i) * size_t(k) + size_t(m)] = std::sqrt(row[size_t(m)].first);
            }
            if (i % 256 == 0) {
                if (cancelled())
                    return KnnGraph{};
                report(double(i) / n);
            }
        }
    } else {
        hnswlib::L2Space l2(size_t(space.dims));
        hnswlib::HierarchicalNSW<float> index(&l2, size_t(n), 16, 100, seed);
        for (int i = 0; i < n; ++i) {
            index.addPoint(space.row(i), hnswlib::labeltype(i));
            if (i % 512 == 0) {
                if (cancelled())
                    return KnnGraph{};
                report(0.6 * i / n);
            }
        }
        index.setEf(size_t(std::max(64, 2 * (k + 1))));
        for (int i = 0; i < n; ++i) {
            auto found = index.searchKnn(space.row(i), size_t(k + 1));
            std::vector<std::pair<float, int>> row;
            while (!found.empty()) {
                if (int(found.top().second) != i)
                    row.push_back({found.top().first, int(found.top().second)});
                found.pop();
            }
            std::sort(row.begin(), row.end());
            for (int m = 0; m < k; ++m) {
                const bool have = m < int(row.size());
                graph.index[size_t(i) * size_t(k) + size_t(m)]
                    = have ? row[size_t(m)].second : (i + 1 + m) % n;
                graph.distance[size_t(i) * size_t(k) + size_t(m)] = have
                    ? std::sqrt(std::max(0.0f, row[size_t(m)].first))
                    : std::numeric_limits<float>::max();
            }
            if (i % 512 == 0) {
                if (cancelled())
                    return KnnGraph{};
                report(0.6 + 0.4 * i / n);
            }
        }
    }

    return graph;
}

} // namespace core::analysis
