// SPDX-License-Identifier: MIT
#include "core/analysis/Projection.h"

#include "core/analysis/LayoutGraph.h"
#include "core/analysis/Neighbours.h"
#include "core/analysis/Parallel.h"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

using namespace Qt::StringLiterals;

namespace core::analysis {

namespace {

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using Matrix = Eigen::MatrixXf;

/// An orthonormal basis of the columns of `m` (thin Q of Householder QR).
Matrix orthonormal(const Matrix &m)
{
    Eigen::HouseholderQR<Matrix> qr(m);
    return qr.householderQ() * Matrix::Identity(m.rows(), m.cols());
}

/// xorshift64*: small, fast and the same on every platform (std::uniform_int_distribution is not).
struct Random
{
    quint64 state;
    explicit Random(quint64 seed)
        : state(seed ? seed : 0x9e3779b97f4a7c15ULL)
    {}
    quint64 next()
    {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        return state * 0x2545f4914f6cdd1dULL;
    }
    int below(int n) { return int(next() % quint64(n)); }
};

} // namespace

PcaResult pca(VectorView vectors,
    int components,
    int powerIterations,
    const ProgressFunction &progress,
    const std::atomic<bool> *cancel)
{
    PcaResult result;
    const int n = vectors.rows;
    const int d = vectors.dims;
    components = std::clamp(components, 1, std::max(1, d));
    result.components = components;
    result.scores.assign(size_t(std::max(0, n)) * size_t(components), 0.0f);
    result.axes.assign(size_t(components) * size_t(std::max(0, d)), 0.0f);
    result.variance.assign(size_t(components), 0.0);
    if (n < 2 || d < 1)
        return result;

    // Every pass over the data is split by rows into one part per thread, each part walked in
    // blocks of kBlock rows so that a cancel is seen within a few milliseconds.
    constexpr qsizetype kBlock = 4096;
    std::atomic<bool> stopped = false;
    const auto cancelled = [&] {
        if (cancel && cancel->load(std::memory_order_relaxed))
            stopped.store(true, std::memory_order_relaxed);
        return stopped.load(std::memory_order_relaxed);
    };
    const int passes = 2 * powerIterations + 3;
    int passesDone = 0;
    const auto passDone = [&] {
        ++passesDone;
        if (progress)
            progress(double(passesDone) / passes, u"PCA"_s);
    };
    const auto rowBlocks = [&](const auto &block) {
        return parallelParts(n, kBlock / 2, [&](int part, qsizetype begin, qsizetype end) {
            for (qsizetype b = begin; b < end && !cancelled(); b += kBlock)
                block(part, b, std::min(end, b + kBlock));
        });
    };
    const Eigen::Map<const RowMatrix> x(vectors.data, n, d);

    // Column sums and Σ‖x‖², per part, then combined.
    const int threads = analysisThreads();
    std::vector<Eigen::RowVectorXd> partSums(size_t(threads), Eigen::RowVectorXd::Zero(d));
    std::vector<double> partSquares(size_t(threads), 0.0);
    rowBlocks([&](int part, qsizetype begin, qsizetype end) {
        const auto rows = x.middleRows(begin, end - begin);
        partSums[size_t(part)] += rows.colwise().sum().cast<double>();
        partSquares[size_t(part)] += double(rows.squaredNorm());
    });
    if (cancelled())
        return PcaResult{};
    passDone();
    Eigen::RowVectorXd sum = Eigen::RowVectorXd::Zero(d);
    double sumSquares = 0;
    for (int t = 0; t < threads; ++t) {
        sum += partSums[size_t(t)];
        sumSquares += partSquares[size_t(t)];
    }
    const Eigen::RowVectorXf mean = (sum / double(n)).cast<float>();
    // Total variance: (Σ‖x‖² − n‖μ‖²) / (n − 1), in double.
    result.totalVariance
        = std::max(0.0, (sumSquares - double(n) * (sum / double(n)).squaredNorm()) / double(n - 1));

    const int sketch = std::min(components + 10, std::min(n, d));
    std::mt19937_64 engine(20111120);
    std::normal_distribution<float> gaussian(0.0f, 1.0f);
    Matrix omega(d, sketch);
    for (int c = 0; c < sketch; ++c)
        for (int r = 0; r < d; ++r)
            omega(r, c) = gaussian(engine);

    // A = X − 1μᵀ is never formed: A·M = X·M − 1(μ·M) and Aᵀ·M = Xᵀ·M − μᵀ(1ᵀM).
    const auto timesA = [&](const Matrix &m) {
        Matrix y(n, m.cols());
        rowBlocks([&](int, qsizetype begin, qsizetype end) {
            y.middleRows(begin, end - begin).noalias() = x.middleRows(begin, end - begin) * m;
        });
        y.rowwise() -= mean * m;
        passDone();
        return y;
    };
    const auto timesAt = [&](const Matrix &m) {
        std::vector<Matrix> parts(size_t(threads), Matrix::Zero(d, m.cols()));
        rowBlocks([&](int part, qsizetype begin, qsizetype end) {
            parts[size_t(part)].noalias()
                += x.middleRows(begin, end - begin).transpose() * m.middleRows(begin, end - begin);
        });
        Matrix z = parts[0];
        for (size_t t = 1; t < parts.size(); ++t)
            z += parts[t];
        z -= mean.transpose() * m.colwise().sum();
        passDone();
        return z;
    };
    Matrix q = orthonormal(timesA(omega));
    for (int i = 0; i < powerIterations && !cancelled(); ++i)
        q = orthonormal(timesA(orthonormal(timesAt(q))));
    const Matrix z = timesAt(q); // d × sketch = Bᵀ with B = QᵀA
    if (cancelled())
        return PcaResult{};

    // B Bᵀ = Zᵀ Z = U Σ² Uᵀ (small, in double). Then A ≈ Q U Σ Vᵀ with V = Z U Σ⁻¹.
    const Eigen::MatrixXd gram = (z.transpose() * z).cast<double>();
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(gram);
    const Eigen::VectorXd lambda = eigen.eigenvalues(); // ascending
    const Eigen::MatrixXd u = eigen.eigenvectors();
    for (int c = 0; c < std::min(components, sketch); ++c) { // more components than rows stay 0
        const int idx = sketch - 1 - c;
        const double sigma2 = std::max(0.0, lambda(idx));
        const double sigma = std::sqrt(sigma2);
        result.variance[size_t(c)] = sigma2 / double(n - 1);
        if (sigma <= 0)
            continue;
        const Eigen::VectorXf uc = u.col(idx).cast<float>();
        Eigen::VectorXf axis = (z * uc) / float(sigma);
        Eigen::VectorXf score = (q * uc) * float(sigma);
        Eigen::Index largest = 0;
        axis.cwiseAbs().maxCoeff(&largest);
        if (axis(largest) < 0) {
            axis = -axis;
            score = -score;
        }
        for (int r = 0; r < d; ++r)
            result.axes[size_t(c) * size_t(d) + size_t(r)] = axis(r);
        for (int r = 0; r < n; ++r)
            result.scores[size_t(r) * size_t(components) + size_t(c)] = score(r);
    }
    return result;
}

std::pair<double, double> umapCurve(double minDist, double spread)
{
    // Least squares on 300 points in 0..3·spread, like umap-learn's curve_fit: a grid, then four
    // rounds of a finer grid around the best pair.
    constexpr int kSamples = 300;
    std::vector<double> xs(kSamples), ys(kSamples);
    for (int i = 0; i < kSamples; ++i) {
        xs[size_t(i)] = 3.0 * spread * i / (kSamples - 1);
        ys[size_t(i)]
            = xs[size_t(i)] < minDist ? 1.0 : std::exp(-(xs[size_t(i)] - minDist) / spread);
    }
    const auto error = [&](double a, double b) {
        double sum = 0;
        for (int i = 0; i < kSamples; ++i) {
            const double f = 1.0 / (1.0 + a * std::pow(xs[size_t(i)], 2 * b));
            sum += (f - ys[size_t(i)]) * (f - ys[size_t(i)]);
        }
        return sum;
    };
    double bestA = 1.0, bestB = 1.0, bestError = std::numeric_limits<double>::infinity();
    double aLow = 0.05, aHigh = 10.0, bLow = 0.1, bHigh = 3.0;
    for (int round = 0; round < 5; ++round) {
        constexpr int kSteps = 40;
        for (int i = 0; i <= kSteps; ++i) {
            const double a = aLow + (aHigh - aLow) * i / kSteps;
            for (int j = 0; j <= kSteps; ++j) {
                const double b = bLow + (bHigh - bLow) * j / kSteps;
                const double e = error(a, b);
                if (e < bestError) {
                    bestError = e;
                    bestA = a;
                    bestB = b;
                }
            }
        }
        const double aStep = (aHigh - aLow) / kSteps * 2, bStep = (bHigh - bLow) / kSteps * 2;
        aLow = std::max(1e-3, bestA - aStep);
        aHigh = bestA + aStep;
        bLow = std::max(1e-3, bestB - bStep);
        bHigh = bestB + bStep;
    }
    return {bestA, bestB};
}

std::pair<double, double> umapSmoothDistances(const std::vector<float> &distances)
{
    if (distances.empty())
        return {0.0, 1.0};
    double rho = 0;
    for (const float dist : distances) {
        if (dist > 0) {
            rho = dist;
            break;
        }
    }
    const double target = std::log2(double(distances.size()) + 1.0);
    double low = 0, high = std::numeric_limits<double>::infinity(), mid = 1.0;
    for (int iteration = 0; iteration < 64; ++iteration) {
        double sum = 0;
        for (const float dist : distances) {
            const double excess = double(dist) - rho;
            sum += excess > 0 ? std::exp(-excess / mid) : 1.0;
        }
        if (std::abs(sum - target) < 1e-5)
            break;
        if (sum > target) {
            high = mid;
            mid = (low + high) / 2;
        } else {
            low = mid;
            mid = std::isinf(high) ? mid * 2 : (low + high) / 2;
        }
    }
    const double meanDistance
        = std::accumulate(distances.begin(), distances.end(), 0.0) / double(distances.size());
    mid = std::max(mid, 1e-3 * meanDistance);
    return {rho, std::max(mid, 1e-12)};
}

QList<QPointF> umap(VectorView vectors,
    const UmapOptions &options,
    const ProgressFunction &progress,
    const std::atomic<bool> *cancel)
{
    const int n = vectors.rows;
    if (n < 3 || vectors.dims < 1)
        return {};
    const auto cancelled = [cancel] {
        return cancel && cancel->load(std::memory_order_relaxed);
    };
    const auto report = [&](double share, const QString &phase) {
        if (progress)
            progress(share, phase);
    };

    // 1. Unit rows (cosine geometry) in fewer dimensions for the neighbour search.
    report(0.0, u"reducing"_s);
    int spaceDims = 0;
    const std::vector<float> reduced
        = layoutSpace(vectors, options.pcaDimensions, &spaceDims, cancel);
    if (reduced.empty() || cancelled())
        return {};
    const VectorView space{reduced.data(), n, spaceDims};

    // 2. k nearest neighbours by Euclidean distance (chord distance of the unit rows).
    const int k = std::clamp(options.nNeighbors - 1, 1, n - 1);
    report(0.1, u"neighbours"_s);
    const KnnGraph graph = layoutKnnGraph(
        space,
        k,
        4000,
        options.seed,
        [&](double share) { report(0.1 + 0.3 * share, u"neighbours"_s); },
        cancel);
    if (graph.index.empty())
        return {};
    const std::vector<int> &knnIndex = graph.index;
    const std::vector<float> &knnDistance = graph.distance;

    // 3. The fuzzy simplicial set: directed memberships, then the union a + b − ab.
    struct Edge
    {
        int from;
        int to;
        float weight;
    };
    std::vector<Edge> directed;
    directed.reserve(size_t(n) * size_t(k));
    std::vector<float> distances(static_cast<size_t>(k));
    for (int i = 0; i < n; ++i) {
        std::copy_n(knnDistance.begin() + qsizetype(i) * k, k, distances.begin());
        const auto [rho, sigma] = umapSmoothDistances(distances);
        for (int m = 0; m < k; ++m) {
            const int j = knnIndex[size_t(i) * size_t(k) + size_t(m)];
            const double excess = double(distances[size_t(m)]) - rho;
            const float w = excess > 0 ? float(std::exp(-excess / sigma)) : 1.0f;
            directed.push_back({std::min(i, j), std::max(i, j), w});
        }
    }
    std::sort(directed.begin(), directed.end(), [](const Edge &a, const Edge &b) {
        return a.from != b.from ? a.from < b.from : a.to < b.to;
    });
    std::vector<Edge> edges;
    for (size_t e = 0; e < directed.size();) {
        size_t f = e;
        // The same pair seen from both ends (a, b) or once (a, 0); a pair can repeat only once
        // per direction, so at most two entries.
        double combined = directed[e].weight;
        for (f = e + 1; f < directed.size() && directed[f].from == directed[e].from
             && directed[f].to == directed[e].to;
             ++f)
            combined = combined + directed[f].weight - combined * directed[f].weight;
        if (directed[e].from != directed[e].to)
            edges.push_back({directed[e].from, directed[e].to, float(combined)});
        e = f;
    }
    if (cancelled())
        return {};

    // 4. Start from the first two principal components (the reduced space's first two
    // columns; PCA of the unit rows when they were not reduced), scaled to ±10.
    report(0.4, u"layout"_s);
    std::vector<float> y(size_t(2) * size_t(n));
    if (spaceDims < vectors.dims) {
        for (int i = 0; i < n; ++i) {
            y[size_t(2 * i)] = reduced[size_t(i) * size_t(spaceDims)];
            y[size_t(2 * i + 1)] = spaceDims > 1 ? reduced[size_t(i) * size_t(spaceDims) + 1] : 0;
        }
    } else {
        y = pca(space, 2, 2).scores;
    }
    {
        float extent = 0;
        for (const float v : y)
            extent = std::max(extent, std::abs(v));
        const float scale = extent > 0 ? 10.0f / extent : 1.0f;
        Random jitter(options.seed ^ 0x5bd1e995ULL);
        for (float &v : y)
            v = v * scale + float(jitter.below(1000)) * 1e-5f; // separates identical points
    }

    // 5. Stochastic gradient descent (umap-learn's optimize_layout_euclidean).
    const int epochs = options.nEpochs > 0 ? options.nEpochs : (n <= 10000 ? 500 : 200);
    const auto [a, b] = umapCurve(options.minDist, options.spread);
    float maxWeight = 0;
    for (const Edge &e : edges)
        maxWeight = std::max(maxWeight, e.weight);
    std::vector<Edge> kept;
    for (const Edge &e : edges)
        if (e.weight >= maxWeight / float(epochs))
            kept.push_back(e);
    edges = std::move(kept);
    std::vector<double> epochsPerSample(edges.size()), nextSample(edges.size()),
        epochsPerNegative(edges.size()), nextNegative(edges.size());
    for (size_t e = 0; e < edges.size(); ++e) {
        epochsPerSample[e] = double(maxWeight) / double(edges[e].weight);
        nextSample[e] = epochsPerSample[e];
        epochsPerNegative[e] = epochsPerSample[e] / options.negativeSampleRate;
        nextNegative[e] = epochsPerNegative[e];
    }
    // In float, with one pow() a sample: d^(2b − 2) = d^(2b) / d² (umap-learn works in float32
    // too). Negative samples dominate: negativeSampleRate of them for each positive one.
    const auto clip = [](float v) {
        return std::clamp(v, -4.0f, 4.0f);
    };
    const float fa = float(a), fb = float(b);
    Random random(options.seed);
    for (int epoch = 0; epoch < epochs; ++epoch) {
        const float alpha = float(options.learningRate * (1.0 - double(epoch) / epochs));
        for (size_t e = 0; e < edges.size(); ++e) {
            if (nextSample[e] > epoch)
                continue;
            float *current = y.data() + 2 * edges[e].from;
            float *other = y.data() + 2 * edges[e].to;
            float dx = current[0] - other[0], dy = current[1] - other[1];
            float dist2 = dx * dx + dy * dy;
            if (dist2 > 0) {
                const float powB = std::pow(dist2, fb);
                const float coeff = -2.0f * fa * fb * (powB / dist2) / (fa * powB + 1.0f);
                const float gx = clip(coeff * dx) * alpha, gy = clip(coeff * dy) * alpha;
                current[0] += gx;
                current[1] += gy;
                other[0] -= gx;
                other[1] -= gy;
            }
            nextSample[e] += epochsPerSample[e];
            const int negatives = int((epoch - nextNegative[e]) / epochsPerNegative[e]);
            for (int p = 0; p < negatives; ++p) {
                const int j = random.below(n);
                if (j == edges[e].from)
                    continue;
                const float *far = y.data() + 2 * j;
                dx = current[0] - far[0];
                dy = current[1] - far[1];
                dist2 = dx * dx + dy * dy;
                float gx = 4.0f * alpha, gy = 4.0f * alpha;
                if (dist2 > 0) {
                    const float coeff
                        = 2.0f * fb / ((0.001f + dist2) * (fa * std::pow(dist2, fb) + 1.0f));
                    gx = clip(coeff * dx) * alpha;
                    gy = clip(coeff * dy) * alpha;
                }
                current[0] += gx;
                current[1] += gy;
            }
            nextNegative[e] += negatives * epochsPerNegative[e];
        }
        if (cancelled())
            return {};
        report(0.4 + 0.6 * (epoch + 1) / epochs, u"layout"_s);
    }
    report(1.0, u"layout"_s);
    QList<QPointF> points;
    points.reserve(n);
    for (int i = 0; i < n; ++i)
        points.append(QPointF(y[size_t(2 * i)], y[size_t(2 * i + 1)]));
    return points;
}

} // namespace core::analysis
