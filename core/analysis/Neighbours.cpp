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

/// Dimensions per block of the 4-bit codes: a block is 32 bytes, byte j holding dimension j in its
/// low nibble and dimension 32 + j in its high nibble (so that AVX2 unpacks a block into two runs
/// of 32 dimensions in order with one mask and one shift).
constexpr int kBlockDims = 64;
/// Codes are −7..7, stored as nibbles 1..15 (code + 8).
constexpr int kCodeLevels = 7;
constexpr int kCodeOffset = 8;
/// A row's codes span ±kClip times its root mean square (larger magnitudes are clipped): for
/// Gaussian-like coordinates this makes about the optimal step of a 15-level quantizer (0.36 ×
/// RMS), and a few dimensions of outsized magnitude (as some models' embeddings have) do not
/// squeeze all others into the zero code.
constexpr float kClip = 2.5f;

int blocksOf(int dims)
{
    return (dims + kBlockDims - 1) / kBlockDims;
}

/// Σ query[i] · (nibble[i] − 8) over `blocks` blocks; `query` holds blocks · 64 int8.
int dotNibblesScalar(const qint8 *query, const quint8 *codes, int blocks)
{
    int sum = 0, querySum = 0;
    for (int b = 0; b < blocks; ++b) {
        const quint8 *block = codes + qsizetype(b) * (kBlockDims / 2);
        const qint8 *q = query + qsizetype(b) * kBlockDims;
        for (int j = 0; j < kBlockDims / 2; ++j) {
            sum += int(block[j] & 0x0f) * q[j] + int(block[j] >> 4) * q[j + kBlockDims / 2];
            querySum += q[j] + q[j + kBlockDims / 2];
        }
    }
    return sum - kCodeOffset * querySum;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define ALEPH_NIBBLE_AVX2 1
/// Σ query[i] · nibble[i] with AVX2 (the caller subtracts 8 · Σ query): each block's nibbles are
/// unpacked by a mask and a shift, multiplied with the int8 query and summed in pairs (vpmaddubsw:
/// |pair| ≤ 2 · 15 · 127, two blocks' halves add to ≤ 7,620, within int16), then widened to int32
/// (vpmaddwd).
__attribute__((target("avx2"))) int dotNibblesAvx2(
    const qint8 *query, const quint8 *codes, int blocks)
{
    const __m256i mask = _mm256_set1_epi8(0x0f);
    const __m256i ones = _mm256_set1_epi16(1);
    __m256i acc = _mm256_setzero_si256();
    for (int b = 0; b < blocks; ++b) {
        const __m256i packed = _mm256_loadu_si256(
            reinterpret_cast<const __m256i *>(codes + qsizetype(b) * (kBlockDims / 2)));
        const __m256i low = _mm256_and_si256(packed, mask);
        const __m256i high = _mm256_and_si256(_mm256_srli_epi16(packed, 4), mask);
        const qint8 *q = query + qsizetype(b) * kBlockDims;
        const __m256i q0 = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(q));
        const __m256i q1 = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(q + 32));
        const __m256i pairs
            = _mm256_add_epi16(_mm256_maddubs_epi16(low, q0), _mm256_maddubs_epi16(high, q1));
        acc = _mm256_add_epi32(acc, _mm256_madd_epi16(pairs, ones));
    }
    __m128i s = _mm_add_epi32(_mm256_castsi256_si128(acc), _mm256_extracti128_si256(acc, 1));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0x4e));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0xb1));
    return _mm_cvtsi128_si32(s);
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
    const int blocks = blocksOf(dims);
    const qsizetype rowBytes = qsizetype(blocks) * (kBlockDims / 2);
    if (!exact && dims > 0) {
        m_codes.resize(size_t(rows) * size_t(rowBytes));
        m_codeScale.assign(size_t(rows), 0.0f);
    }
    parallelParts(rows, kRowsPerThread, [&](int, qsizetype begin, qsizetype end) {
        std::vector<qint8> codes(m_codes.empty() ? 0 : size_t(blocks) * kBlockDims);
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
            // code = round(x / step) within ±7 with step = min(largest, kClip · RMS) / 7;
            // x · inverse ≈ code · step · inverse.
            const float range
                = std::min(largest, kClip * float(std::sqrt(norm / std::max(1, dims))));
            const float toCode = range > 0 ? kCodeLevels / range : 0.0f;
            for (int c = 0; c < dims; ++c)
                codes[size_t(c)] = qint8(std::clamp(
                    std::lround(row[c] * toCode), long(-kCodeLevels), long(kCodeLevels)));
            quint8 *packed = m_codes.data() + i * rowBytes;
            for (int b = 0; b < blocks; ++b) {
                const qint8 *in = codes.data() + qsizetype(b) * kBlockDims;
                for (int j = 0; j < kBlockDims / 2; ++j)
                    *packed++ = quint8(
                        (in[j] + kCodeOffset) | ((in[j + kBlockDims / 2] + kCodeOffset) << 4));
            }
            m_codeScale[size_t(i)] = range / kCodeLevels * inverse;
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
    const int blocks = blocksOf(dims);
    const qsizetype rowBytes = qsizetype(blocks) * (kBlockDims / 2);
    // The query in int8, zero past `dims` (its own scale does not change the order).
    float largest = 0;
    for (int c = 0; c < dims; ++c)
        largest = std::max(largest, std::abs(unit[c]));
    std::vector<qint8> query(size_t(blocks) * kBlockDims, 0);
    int querySum = 0;
    for (int c = 0; c < dims; ++c) {
        query[size_t(c)] = qint8(std::lround(unit[c] * 127.0f / largest));
        querySum += query[size_t(c)];
    }
    const size_t want = size_t(std::max(kRerank, 8 * k));

    // Each part keeps its best `want` candidates; they are merged and re-scored.
    std::vector<std::vector<std::pair<float, int>>> parts(static_cast<size_t>(analysisThreads()));
    parallelParts(rows, kRowsPerThread, [&](int part, qsizetype begin, qsizetype end) {
        std::vector<std::pair<float, int>> &best = parts[size_t(part)];
        best.reserve(size_t(end - begin));
        for (qsizetype i = begin; i < end; ++i) {
            const quint8 *row = m_codes.data() + i * rowBytes;
#ifdef ALEPH_NIBBLE_AVX2
            const int dot = haveAvx2()
                ? dotNibblesAvx2(query.data(), row, blocks) - kCodeOffset * querySum
                : dotNibblesScalar(query.data(), row, blocks);
#else
            const int dot = dotNibblesScalar(query.data(), row, blocks);
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
