// SPDX-License-Identifier: MIT
#include "core/analysis/Tsne.h"

#include "core/analysis/LayoutGraph.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

using namespace Qt::StringLiterals;

namespace core::analysis {

namespace {

/// A node of the quadtree over the layout: the points [begin, end) of the order (all inside its
/// square), their centre of mass, and its four children (−1: none; a leaf has none).
struct QuadNode
{
    double cx = 0, cy = 0; ///< centre of mass
    double width = 0; ///< the square's side
    int begin = 0, end = 0;
    int child[4] = {-1, -1, -1, -1};
    bool leaf = true;
};

/// A Barnes-Hut quadtree, built by partitioning an index array in place (no per-point nodes).
class QuadTree
{
public:
    void build(const std::vector<double> &y, int n)
    {
        m_y = &y;
        m_order.resize(size_t(n));
        std::iota(m_order.begin(), m_order.end(), 0);
        m_nodes.clear();
        double x0 = y[0], x1 = y[0], y0 = y[1], y1 = y[1];
        for (int i = 1; i < n; ++i) {
            x0 = std::min(x0, y[size_t(2 * i)]);
            x1 = std::max(x1, y[size_t(2 * i)]);
            y0 = std::min(y0, y[size_t(2 * i + 1)]);
            y1 = std::max(y1, y[size_t(2 * i + 1)]);
        }
        const double side = std::max({x1 - x0, y1 - y0, 1e-12}) * (1 + 1e-9);
        add(0, n, x0, y0, side, 0);
    }

    /// The repulsive force on point i (Σ q² (y_i − y_j), unnormalized) and its share of Z (Σ q).
    void repulsion(int i, double theta2, double *fx, double *fy, double *z) const
    {
        const std::vector<double> &y = *m_y;
        const double px = y[size_t(2 * i)], py = y[size_t(2 * i + 1)];
        double sx = 0, sy = 0, sz = 0;
        int stack[256];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            const QuadNode &node = m_nodes[size_t(stack[--top])];
            const int count = node.end - node.begin;
            const double dx = px - node.cx, dy = py - node.cy;
            const double d2 = dx * dx + dy * dy;
            if (node.leaf || node.width * node.width < theta2 * d2) {
                if (node.leaf) {
                    for (int k = node.begin; k < node.end; ++k) {
                        const int j = m_order[size_t(k)];
                        if (j == i)
                            continue;
                        const double ex = px - y[size_t(2 * j)], ey = py - y[size_t(2 * j + 1)];
                        const double q = 1.0 / (1.0 + ex * ex + ey * ey);
                        sz += q;
                        sx += q * q * ex;
                        sy += q * q * ey;
                    }
                } else {
                    const double q = 1.0 / (1.0 + d2);
                    sz += count * q;
                    sx += count * q * q * dx;
                    sy += count * q * q * dy;
                }
                continue;
            }
            for (const int c : node.child)
                if (c >= 0 && top < 256)
                    stack[top++] = c;
        }
        *fx = sx;
        *fy = sy;
        *z = sz;
    }

private:
    int add(int begin, int end, double x0, double y0, double side, int depth)
    {
        const std::vector<double> &y = *m_y;
        const int id = int(m_nodes.size());
        m_nodes.push_back({});
        double cx = 0, cy = 0;
        for (int k = begin; k < end; ++k) {
            cx += y[size_t(2 * m_order[size_t(k)])];
            cy += y[size_t(2 * m_order[size_t(k)] + 1)];
        }
        QuadNode node;
        node.cx = cx / std::max(1, end - begin);
        node.cy = cy / std::max(1, end - begin);
        node.width = side;
        node.begin = begin;
        node.end = end;
        // A leaf: one point, or a pile of (nearly) equal ones at the depth limit.
        if (end - begin <= 1 || depth >= 40) {
            m_nodes[size_t(id)] = node;
            return id;
        }
        node.leaf = false;
        const double half = side / 2, mx = x0 + half, my = y0 + half;
        const auto first = m_order.begin() + begin, last = m_order.begin() + end;
        const auto splitY
            = std::partition(first, last, [&](int j) { return y[size_t(2 * j + 1)] < my; });
        const auto splitLow
            = std::partition(first, splitY, [&](int j) { return y[size_t(2 * j)] < mx; });
        const auto splitHigh
            = std::partition(splitY, last, [&](int j) { return y[size_t(2 * j)] < mx; });
        const int bounds[5] = {begin,
            int(splitLow - m_order.begin()),
            int(splitY - m_order.begin()),
            int(splitHigh - m_order.begin()),
            end};
        const double corners[4][2] = {{x0, y0}, {mx, y0}, {x0, my}, {mx, my}};
        for (int q = 0; q < 4; ++q)
            if (bounds[q + 1] > bounds[q])
                node.child[q]
                    = add(bounds[q], bounds[q + 1], corners[q][0], corners[q][1], half, depth + 1);
        m_nodes[size_t(id)] = node;
        return id;
    }

    const std::vector<double> *m_y = nullptr;
    std::vector<int> m_order;
    std::vector<QuadNode> m_nodes;
};

} // namespace

std::vector<float> tsneConditionalProbabilities(
    const std::vector<float> &squaredDistances, double perplexity)
{
    const size_t k = squaredDistances.size();
    std::vector<float> p(k, 0.0f);
    if (k == 0)
        return p;
    // Shifted by the smallest distance for range (the shift cancels in the normalization).
    const double shift = *std::min_element(squaredDistances.begin(), squaredDistances.end());
    const double target = std::log(std::max(1.0, perplexity)); // entropy in nats
    double beta = 1, low = 0, high = std::numeric_limits<double>::infinity();
    std::vector<double> w(k);
    for (int step = 0; step < 200; ++step) {
        double sum = 0, weighted = 0;
        for (size_t j = 0; j < k; ++j) {
            const double d = double(squaredDistances[j]) - shift;
            w[j] = std::exp(-beta * d);
            sum += w[j];
            weighted += d * w[j];
        }
        // H = log Σw + β Σ d w / Σ w (Shannon entropy of the normalized w, in nats).
        const double entropy = std::log(sum) + beta * weighted / sum;
        if (std::abs(entropy - target) < 1e-5)
            break;
        if (entropy > target) {
            low = beta;
            beta = std::isinf(high) ? beta * 2 : (low + high) / 2;
        } else {
            high = beta;
            beta = (low + high) / 2;
        }
    }
    double sum = 0;
    for (size_t j = 0; j < k; ++j) {
        w[j] = std::exp(-beta * (double(squaredDistances[j]) - shift));
        sum += w[j];
    }
    for (size_t j = 0; j < k; ++j)
        p[j] = float(w[j] / sum);
    return p;
}

QList<QPointF> tsne(VectorView vectors,
    const TsneOptions &options,
    const ProgressFunction &progress,
    const std::atomic<bool> *cancel)
{
    const int n = vectors.rows;
    if (n < 4 || n > kTsneMaxRows || vectors.dims < 1)
        return {};
    const auto cancelled = [cancel] {
        return cancel && cancel->load(std::memory_order_relaxed);
    };
    const auto report = [&](double share, const QString &phase) {
        if (progress)
            progress(share, phase);
    };

    // 1. The reduced unit rows and their neighbours.
    report(0.0, u"reducing"_s);
    int spaceDims = 0;
    const std::vector<float> reduced
        = layoutSpace(vectors, options.pcaDimensions, &spaceDims, cancel);
    if (reduced.empty() || cancelled())
        return {};
    const VectorView space{reduced.data(), n, spaceDims};
    const double perplexity = std::clamp(options.perplexity, 1.0, (n - 1) / 3.0);
    const int k = std::clamp(int(std::ceil(3 * perplexity)), 1, n - 1);
    report(0.05, u"neighbours"_s);
    const KnnGraph graph = layoutKnnGraph(
        space,
        k,
        4000,
        options.seed,
        [&](double share) { report(0.05 + 0.15 * share, u"neighbours"_s); },
        cancel);
    if (graph.index.empty())
        return {};

    // 2. P: conditional probabilities per row, then symmetrized into a sparse matrix (CSR).
    std::vector<float> conditional(size_t(n) * size_t(k));
    parallelBlocks(
        n,
        256,
        [&](qsizetype begin, qsizetype end) {
            std::vector<float> d2(static_cast<size_t>(k));
            for (qsizetype i = begin; i < end; ++i) {
                for (int m = 0; m < k; ++m) {
                    const float d = graph.distance[size_t(i) * size_t(k) + size_t(m)];
                    d2[size_t(m)] = d * d;
                }
                const std::vector<float> p = tsneConditionalProbabilities(d2, perplexity);
                std::copy(p.begin(), p.end(), conditional.begin() + i * k);
            }
        },
        cancel);
    if (cancelled())
        return {};
    struct Entry
    {
        int row;
        int column;
        float value;
    };
    std::vector<Entry> entries;
    entries.reserve(size_t(n) * size_t(k) * 2);
    for (int i = 0; i < n; ++i) {
        for (int m = 0; m < k; ++m) {
            const int j = graph.index[size_t(i) * size_t(k) + size_t(m)];
            const float p = conditional[size_t(i) * size_t(k) + size_t(m)];
            if (j == i)
                continue;
            entries.push_back({i, j, p});
            entries.push_back({j, i, p});
        }
    }
    conditional = {};
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        return a.row != b.row ? a.row < b.row : a.column < b.column;
    });
    std::vector<int> rowStart(size_t(n) + 1, 0);
    std::vector<int> columns;
    std::vector<double> values;
    columns.reserve(entries.size());
    values.reserve(entries.size());
    for (size_t e = 0; e < entries.size();) {
        size_t f = e;
        double sum = 0;
        for (; f < entries.size() && entries[f].row == entries[e].row
             && entries[f].column == entries[e].column;
             ++f)
            sum += entries[f].value;
        columns.push_back(entries[e].column);
        values.push_back(sum / (2.0 * n));
        ++rowStart[size_t(entries[e].row) + 1];
        e = f;
    }
    entries = {};
    std::partial_sum(rowStart.begin(), rowStart.end(), rowStart.begin());

    // 3. Start: the first two principal components, standard deviation 1e-4.
    std::vector<double> y(size_t(2) * size_t(n));
    {
        std::vector<float> start;
        if (spaceDims < vectors.dims) {
            start.resize(size_t(2) * size_t(n));
            for (int i = 0; i < n; ++i) {
                start[size_t(2 * i)] = reduced[size_t(i) * size_t(spaceDims)];
                start[size_t(2 * i + 1)]
                    = spaceDims > 1 ? reduced[size_t(i) * size_t(spaceDims) + 1] : 0;
            }
        } else {
            start = pca(space, 2, 2).scores;
        }
        double mean = 0, squares = 0;
        for (int i = 0; i < n; ++i)
            mean += start[size_t(2 * i)] / double(n);
        for (int i = 0; i < n; ++i)
            squares += (start[size_t(2 * i)] - mean) * (start[size_t(2 * i)] - mean);
        const double deviation = std::sqrt(squares / n);
        const double scale = deviation > 0 ? 1e-4 / deviation : 1.0;
        quint64 state = options.seed ? options.seed : 0x9e3779b97f4a7c15ULL;
        for (size_t c = 0; c < y.size(); ++c) {
            // xorshift64*: a jitter of ±1e-6 separates identical points.
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            const double jitter
                = double((state * 0x2545f4914f6cdd1dULL) >> 11) / double(1ULL << 53);
            y[c] = start[c] * scale + (jitter - 0.5) * 2e-6;
        }
    }

    // 4. Gradient descent on KL(P‖Q).
    const int iterations = std::max(1, options.iterations);
    const int early = std::clamp(options.exaggerationIterations, 0, iterations);
    const double rate = options.learningRate > 0
        ? options.learningRate
        : std::max(n / std::max(1.0, options.earlyExaggeration) / 4.0, 50.0);
    const double theta2 = options.theta * options.theta;
    std::vector<double> gradient(y.size()), update(y.size(), 0.0), gains(y.size(), 1.0);
    std::vector<double> repulsive(y.size());
    constexpr qsizetype kBlock = 128;
    std::vector<double> zParts(size_t((n + kBlock - 1) / kBlock));
    QuadTree tree;
    for (int iteration = 0; iteration < iterations; ++iteration) {
        const double exaggeration = iteration < early ? options.earlyExaggeration : 1.0;
        const double momentum = iteration < early ? 0.5 : 0.8;
        tree.build(y, n);
        // Forces per point on every core; Z is summed per block, then blocks in order.
        parallelBlocks(n, kBlock, [&](qsizetype begin, qsizetype end) {
            double z = 0;
            for (qsizetype i = begin; i < end; ++i) {
                double fx = 0, fy = 0, zi = 0;
                tree.repulsion(int(i), theta2, &fx, &fy, &zi);
                repulsive[size_t(2 * i)] = fx;
                repulsive[size_t(2 * i + 1)] = fy;
                z += zi;
                double ax = 0, ay = 0;
                const double px = y[size_t(2 * i)], py = y[size_t(2 * i + 1)];
                for (int e = rowStart[size_t(i)]; e < rowStart[size_t(i) + 1]; ++e) {
                    const int j = columns[size_t(e)];
                    const double dx = px - y[size_t(2 * j)], dy = py - y[size_t(2 * j + 1)];
                    const double q = 1.0 / (1.0 + dx * dx + dy * dy);
                    ax += values[size_t(e)] * q * dx;
                    ay += values[size_t(e)] * q * dy;
                }
                gradient[size_t(2 * i)] = exaggeration * ax;
                gradient[size_t(2 * i + 1)] = exaggeration * ay;
            }
            zParts[size_t(begin / kBlock)] = z;
        });
        const double z = std::max(std::accumulate(zParts.begin(), zParts.end(), 0.0), 1e-12);
        double meanX = 0, meanY = 0;
        for (size_t c = 0; c < y.size(); ++c) {
            const double g = 4.0 * (gradient[c] - repulsive[c] / z);
            // Gains (Jacobs 1988): grow where the step keeps its direction, shrink where it turns.
            gains[c] = (g > 0) != (update[c] > 0) ? gains[c] + 0.2 : gains[c] * 0.8;
            gains[c] = std::max(gains[c], 0.01);
            update[c] = momentum * update[c] - rate * gains[c] * g;
            y[c] += update[c];
            (c % 2 ? meanY : meanX) += y[c] / n;
        }
        for (int i = 0; i < n; ++i) {
            y[size_t(2 * i)] -= meanX;
            y[size_t(2 * i + 1)] -= meanY;
        }
        if (cancelled())
            return {};
        report(0.2 + 0.8 * (iteration + 1) / iterations, u"layout"_s);
    }

    QList<QPointF> points;
    points.reserve(n);
    for (int i = 0; i < n; ++i)
        points.append(QPointF(y[size_t(2 * i)], y[size_t(2 * i + 1)]));
    return points;
}

} // namespace core::analysis
