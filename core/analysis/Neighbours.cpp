// SPDX-License-Identifier: MIT
#include "core/analysis/Neighbours.h"

#include "core/analysis/Parallel.h"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <limits>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace core::analysis {

namespace {

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// Rows per thread below which a pass stays on one thread.
constexpr qsizetype kRowsPerThread = 2048;

int dotScalar(const qint16 *query, const qint8 *row, int n)
{
    int sum = 0;
    for (int i = 0; i < n; ++i)
        sum += int(query[i]) * int(row[i]);
    return sum;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define ALEPH_INT8_AVX2 1
/// Σ query[i] · row[i] with AVX2: 16 int8 widened to int16, multiplied and summed in pairs
/// (vpmaddwd) into int32 lanes; |sum| ≤ dims · 127² fits easily.
__attribute__((target("avx2"))) int dotAvx2(const qint16 *query, const qint8 *row, int n)
{
    __m256i acc0 = _mm256_setzero_si256();
    __m256i acc1 = _mm256_setzero_si256();
    int i = 0;
    for (; i + 32 <= n; i += 32) {
        const __m256i r0
            = _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i *>(row + i)));
        const __m256i r1 = _mm256_cvtepi8_epi16(
            _mm_loadu_si128(reinterpret_cast<const __m128i *>(row + i + 16)));
        const __m256i q0 = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(query + i));
        const __m256i q1 = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(query + i + 16));
        acc0 = _mm256_add_epi32(acc0, _mm256_madd_epi16(r0, q0));
        acc1 = _mm256_add_epi32(acc1, _mm256_madd_epi16(r1, q1));
    }
    const __m256i acc = _mm256_add_epi32(acc0, acc1);
    __m128i s = _mm_add_epi32(_mm256_castsi256_si128(acc), _mm256_extracti128_si256(acc, 1));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0x4e));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0xb1));
    return _mm_cvtsi128_si32(s) + dotScalar(query + i, row + i, n - i);
}

bool haveAvx2()
{
    static const bool have = __builtin_cpu_supports("avx2");
    return have;
}
#endif

/// The best `keep` of (score, row) pairs, best first (ties: the lower row).
void keepBest(std::vector<std::pair<float, int>> &found, size_t keep)
{
    keep = std::min(found.size(), keep);
    const auto better = [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    };
    std::partial_sort(found.begin(), found.begin() + qsizetype(keep), found.end(), better);
    found.resize(keep);
}

/// The unit-length copy of `query` (`dims` floats); empty when it is zero.
std::vector<float> unitQuery(const float *query, int dims)
{
    double norm = 0;
    for (int c = 0; c < dims; ++c)
        norm += double(query[c]) * query[c];
    if (norm <= 0)
        return {};
    std::vector<float> unit(query, query + dims);
    const float scale = float(1.0 / std::sqrt(norm));
    for (float &v : unit)
        v *= scale;
    return unit;
}

QList<Neighbour> toNeighbours(const std::vector<std::pair<float, int>> &found)
{
    QList<Neighbour> out;
    out.reserve(qsizetype(found.size()));
    for (const auto &[score, row] : found)
        out.append({row, std::clamp(score, -1.0f, 1.0f)});
    return out;
}

} // namespace

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

void NeighbourIndex::build(VectorView vectors, int exactLimit, std::shared_ptr<const void> owner)
{
    m_owner = std::move(owner);
    m_vectors = vectors;
    m_vectors.rows = std::max(0, vectors.rows);
    m_vectors.dims = std::max(0, vectors.dims);
    m_codes = {};
    m_codeScale = {};
    const int rows = m_vectors.rows;
    const int dims = m_vectors.dims;
    const bool exact
        = exactLimit == kAutomatic ? qint64(rows) * dims <= kExactFloats : rows <= exactLimit;
    m_inverseNorm.assign(size_t(rows), 0.0f);
    if (!exact && dims > 0) {
        m_codes.resize(size_t(rows) * size_t(dims));
        m_codeScale.assign(size_t(rows), 0.0f);
    }
    parallelParts(rows, kRowsPerThread, [&](int, qsizetype begin, qsizetype end) {
        for (qsizetype i = begin; i < end; ++i) {
            const float *row = m_vectors.row(int(i));
            double norm = 0;
            float largest = 0;
            for (int c = 0; c < dims; ++c) {
                norm += double(row[c]) * row[c];
                largest = std::max(largest, std::abs(row[c]));
            }
            const float inverse = norm > 0 ? float(1.0 / std::sqrt(norm)) : 0.0f;
            m_inverseNorm[size_t(i)] = inverse;
            if (m_codes.empty())
                continue;
            // code = round(x · 127 / largest); x · inverse ≈ code · largest / 127 · inverse.
            const float toCode = largest > 0 ? 127.0f / largest : 0.0f;
            qint8 *code = m_codes.data() + i * dims;
            for (int c = 0; c < dims; ++c)
                code[c] = qint8(std::lround(row[c] * toCode));
            m_codeScale[size_t(i)] = largest / 127.0f * inverse;
        }
    });
}

qint64 NeighbourIndex::extraBytes() const
{
    return qint64(
        m_inverseNorm.size() * sizeof(float) + m_codes.size() + m_codeScale.size() * sizeof(float));
}

float NeighbourIndex::exactScore(const float *unit, int row) const
{
    const int dims = m_vectors.dims;
    const Eigen::Map<const Eigen::VectorXf> a(unit, dims);
    const Eigen::Map<const Eigen::VectorXf> b(m_vectors.row(row), dims);
    return a.dot(b) * m_inverseNorm[size_t(row)];
}

QList<Neighbour> NeighbourIndex::exactScan(const float *unit, int k, int exclude) const
{
    const int rows = m_vectors.rows;
    const int dims = m_vectors.dims;
    // One matrix-vector product (Eigen, vectorized) per part of the rows.
    std::vector<float> scores(static_cast<size_t>(rows));
    parallelParts(rows, kRowsPerThread * 4, [&](int, qsizetype begin, qsizetype end) {
        const Eigen::Map<const RowMatrix> block(m_vectors.row(int(begin)), end - begin, dims);
        Eigen::Map<Eigen::VectorXf> out(scores.data() + begin, end - begin);
        out.noalias() = block * Eigen::Map<const Eigen::VectorXf>(unit, dims);
    });
    std::vector<std::pair<float, int>> found;
    found.reserve(size_t(rows));
    for (int i = 0; i < rows; ++i)
        if (i != exclude)
            found.push_back({scores[size_t(i)] * m_inverseNorm[size_t(i)], i});
    keepBest(found, size_t(k));
    return toNeighbours(found);
}

QList<Neighbour> NeighbourIndex::candidateScan(const float *unit, int k, int exclude) const
{
    const int rows = m_vectors.rows;
    const int dims = m_vectors.dims;
    // The query in int16 (its own scale does not change the order).
    float largest = 0;
    for (int c = 0; c < dims; ++c)
        largest = std::max(largest, std::abs(unit[c]));
    std::vector<qint16> query(static_cast<size_t>(dims));
    for (int c = 0; c < dims; ++c)
        query[size_t(c)] = qint16(std::lround(unit[c] * 127.0f / largest));
    const size_t want = size_t(std::max(kRerank, 8 * k));

    // Each part keeps its best `want` candidates; they are merged and re-scored.
    std::vector<std::vector<std::pair<float, int>>> parts(static_cast<size_t>(analysisThreads()));
    parallelParts(rows, kRowsPerThread, [&](int part, qsizetype begin, qsizetype end) {
        std::vector<std::pair<float, int>> &best = parts[size_t(part)];
        best.reserve(size_t(end - begin));
        const qint8 *codes = m_codes.data();
        for (qsizetype i = begin; i < end; ++i) {
            const qint8 *row = codes + i * dims;
#ifdef ALEPH_INT8_AVX2
            const int dot = haveAvx2() ? dotAvx2(query.data(), row, dims)
                                       : dotScalar(query.data(), row, dims);
#else
            const int dot = dotScalar(query.data(), row, dims);
#endif
            if (int(i) != exclude)
                best.push_back({float(dot) * m_codeScale[size_t(i)], int(i)});
        }
        if (best.size() > want) {
            std::nth_element(best.begin(),
                best.begin() + qsizetype(want),
                best.end(),
                [](const auto &a, const auto &b) { return a.first > b.first; });
            best.resize(want);
        }
    });
    std::vector<std::pair<float, int>> found;
    for (const auto &part : parts)
        found.insert(found.end(), part.begin(), part.end());
    for (auto &[score, row] : found)
        score = exactScore(unit, row);
    keepBest(found, size_t(k));
    return toNeighbours(found);
}

QList<Neighbour> NeighbourIndex::nearest(const float *query, int k, int exclude) const
{
    if (k <= 0 || m_vectors.rows == 0)
        return {};
    const std::vector<float> unit = unitQuery(query, m_vectors.dims);
    if (unit.empty())
        return {};
    return m_codes.empty() ? exactScan(unit.data(), k, exclude)
                           : candidateScan(unit.data(), k, exclude);
}

QList<Neighbour> NeighbourIndex::nearestExact(const float *query, int k, int exclude) const
{
    if (k <= 0 || m_vectors.rows == 0)
        return {};
    const std::vector<float> unit = unitQuery(query, m_vectors.dims);
    return unit.empty() ? QList<Neighbour>() : exactScan(unit.data(), k, exclude);
}

QList<Neighbour> NeighbourIndex::nearestToRow(int row, int k) const
{
    if (row < 0 || row >= m_vectors.rows)
        return {};
    return nearest(m_vectors.row(row), k, row);
}

} // namespace core::analysis
