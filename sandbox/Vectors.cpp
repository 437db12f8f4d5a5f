// SPDX-License-Identifier: MIT
#include "sandbox/Vectors.h"

#include "sandbox/SyntheticModel.h"
#include "sandbox/lexicon/Meaning.h"

#include <QHash>
#include <QLoggingCategory>

#include <cmath>
#include <map>
#include <mutex>
#include <tuple>
#include <vector>

using namespace Qt::StringLiterals;

namespace sandbox {

namespace {
/// The share of the bag in a compressed (< 2 × domains) vector; the topic profile has 1.
constexpr double kCompressedBagWeight = 0.35;
/// The share (of the squared length) of the topic profile in a full-size vector; the bag has the
/// rest.
constexpr double kFullDomain = 0.3;
/// The weight of the domains beyond the first `dims` in a compressed vector, folded in at
/// positions of the space.
constexpr double kFold = 0.5;
} // namespace

Q_LOGGING_CATEGORY(lcVectors, "aleph.sandbox.vectors")

namespace {

quint64 mix(quint64 x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

/// x % d for a divisor fixed for many x, without a division: a mask for a power of two, else
/// Lemire, Kaser and Kurz's direct remainder ("Faster Remainder by Direct Computation", 2019) with
/// a 128-bit magic number, exact for every 64-bit x.
class Remainder
{
public:
    explicit Remainder(quint64 d)
        : m_d(d)
        , m_mask((d & (d - 1)) == 0 ? d - 1 : 0)
        , m_magic(~static_cast<unsigned __int128>(0) / d + 1)
    {}
    quint64 operator()(quint64 x) const
    {
        if (m_mask || m_d == 1)
            return x & m_mask;
        const unsigned __int128 low = m_magic * x;
        const unsigned __int128 bottom = ((low & ~0ULL) * m_d) >> 64;
        return quint64((bottom + (low >> 64) * m_d) >> 64);
    }

private:
    quint64 m_d;
    quint64 m_mask; // d − 1 when d is a power of two, else 0
    unsigned __int128 m_magic;
};

/// Adds `scale` × `features` to `v` the way SyntheticModel::embedFeatures() does: each feature
/// ±weight at four positions chosen by its key and the space's salt.
void embedSparse(QList<float> &v, const lexicon::SparseVector &features, quint64 salt, double scale)
{
    const Remainder remainder(quint64(v.size()));
    float *const out = v.data(); // one detach check, not one a write
    for (const auto &[key, weight] : features) {
        quint64 h = key ^ salt;
        const float value = float(scale * weight);
        for (int k = 0; k < 4; ++k) {
            h = mix(h);
            out[remainder(h)] += (h >> 63) ? -value : value;
        }
    }
}

/// Where a compressed vector (dims < 2 × domains) takes each domain of the topic profile: the
/// first `dims` domains at a permutation of the positions drawn from the salt, each with a sign
/// of the salt; the others folded in at a position and sign of the salt, times kFold.
struct CompressedLayout
{
    std::vector<int> position; // per domain
    std::vector<float> factor; // per domain: ±1, or ±kFold beyond the first `dims`
};

/// The layout of (salt, dims, domains), made once per thread and space (the same for every text).
const CompressedLayout &compressedLayout(quint64 salt, int dims, int domains)
{
    static thread_local std::map<std::tuple<quint64, int, int>, CompressedLayout> layouts;
    const auto key = std::make_tuple(salt, dims, domains);
    if (const auto it = layouts.find(key); it != layouts.end())
        return it->second;
    if (layouts.size() >= 64) // any compress_to_size may come in: keep memory bounded
        layouts.clear();
    QList<int> positions(dims);
    for (int k = 0; k < dims; ++k)
        positions[k] = k;
    quint64 h = mix(salt);
    for (int k = dims - 1; k > 0; --k) {
        h = mix(h);
        std::swap(positions[k], positions[int(h % quint64(k + 1))]);
    }
    CompressedLayout layout;
    for (int k = 0; k < std::min(dims, domains); ++k) {
        layout.position.push_back(positions.at(k));
        layout.factor.push_back((mix(salt ^ quint64(k)) >> 63) ? -1.0f : 1.0f);
    }
    for (int k = dims; k < domains; ++k) {
        const quint64 hk = mix(salt ^ quint64(k));
        layout.position.push_back(int(mix(hk) % quint64(dims)));
        layout.factor.push_back(((hk >> 63) ? -1.0f : 1.0f) * float(kFold));
    }
    return layouts.emplace(key, std::move(layout)).first->second;
}

/// The shared meaning space, logging once whether embeddings come from WordNet.
const lexicon::MeaningSpace *meaningSpace()
{
    const lexicon::MeaningSpace *space = lexicon::MeaningSpace::shared();
    static std::once_flag logged;
    std::call_once(logged, [space] {
        if (space)
            qCInfo(lcVectors,
                "sandbox embeddings: meaning from %s (%d topic domains)",
                qPrintable(lexicon::WordNet::status()),
                space->domainCount());
        else
            qCWarning(lcVectors, "sandbox embeddings: %s", qPrintable(lexicon::WordNet::status()));
    });
    return space;
}

/// The words of a prompt's text items with the attention weight of the token each starts in;
/// the features of its image and token-id items (as promptFeatures() makes them) in `other`.
QList<QPair<QString, double>> promptWords(
    const EncodedPrompt &prompt, QList<QPair<QString, double>> *other)
{
    QList<QPair<QString, double>> words;
    for (const EncodedItem &item : prompt.items) {
        if (item.type == core::PromptItem::Type::Image) {
            for (qsizetype k = 0; k < item.count; ++k)
                other->append({u"image:"_s + QString::number(prompt.context.at(item.first + k).id),
                    0.15 * prompt.context.at(item.first + k).weight});
            continue;
        }
        if (item.type == core::PromptItem::Type::TokenIds) {
            for (qsizetype k = 0; k < item.count; ++k)
                other->append({u"id:"_s + QString::number(prompt.context.at(item.first + k).id),
                    prompt.context.at(item.first + k).weight});
            continue;
        }
        QList<double> charWeights(item.text.size(), 1.0);
        for (qsizetype k = 0; k < item.tokens.size(); ++k)
            for (int c = item.tokens.at(k).start;
                 c < item.tokens.at(k).start + item.tokens.at(k).length;
                 ++c)
                charWeights[c] = prompt.context.at(item.first + k).weight;
        int wordStart = 0;
        for (int c = 0; c <= item.text.size(); ++c) {
            if (c == item.text.size() || !item.text.at(c).isLetterOrNumber()) {
                if (c > wordStart)
                    words.append(
                        {item.text.mid(wordStart, c - wordStart), charWeights.at(wordStart)});
                wordStart = c + 1;
            }
        }
    }
    return words;
}

} // namespace

void preloadMeaning()
{
    lexicon::MeaningSpace::preload();
}

QList<float> meaningVector(const QList<QPair<QString, double>> &words,
    const QList<QPair<QString, double>> &other,
    int dims,
    quint64 salt)
{
    const lexicon::MeaningSpace *space = meaningSpace();
    if (!space || dims <= 0) {
        QList<QPair<QString, double>> features = other;
        for (const auto &w : words)
            for (auto f : SyntheticModel::textFeatures(w.first)) {
                f.second *= w.second;
                features.append(f);
            }
        return SyntheticModel::embedFeatures(features, dims, salt);
    }
    const lexicon::MeaningSpace::TextMeaning meaning = space->meaning(words);
    QList<float> v(dims, 0.0f);
    const int domains = int(meaning.domains.size());
    if (dims < 2 * domains) {
        // Compressed: the topic profile's first `dims` domains, each at a position and sign of
        // the space (a permutation drawn from the salt), the rest folded in at lower weight, and
        // some of the bag.
        const CompressedLayout &layout = compressedLayout(salt, dims, domains);
        float *const out = v.data();
        for (int k = 0; k < domains; ++k)
            out[layout.position[size_t(k)]] += layout.factor[size_t(k)] * meaning.domains.at(k);
        embedSparse(v, meaning.features, salt, kCompressedBagWeight);
    } else {
        // Full size: the bag and the topic profile (kFullDomain of the squared length).
        embedSparse(v, meaning.features, salt, std::sqrt(1 - kFullDomain));
        lexicon::SparseVector profile;
        for (int k = 0; k < domains; ++k)
            if (meaning.domains.at(k) != 0.0f)
                profile.emplace_back(0x4000'0000'0000'0000ULL + quint64(k), meaning.domains.at(k));
        embedSparse(v, profile, salt, std::sqrt(kFullDomain));
    }
    if (!other.isEmpty()) {
        const QList<float> extra = SyntheticModel::embedFeatures(other, dims, salt);
        for (int i = 0; i < dims; ++i)
            v[i] += extra.at(i);
    }
    return v;
}

quint64 spaceSalt(const QString &what)
{
    return SyntheticModel::stableHash(what.toUtf8());
}

QList<QPair<QString, double>> promptFeatures(const EncodedPrompt &prompt)
{
    QList<QPair<QString, double>> features;
    for (const EncodedItem &item : prompt.items) {
        if (item.type == core::PromptItem::Type::Image) {
            for (qsizetype k = 0; k < item.count; ++k)
                features.append(
                    {u"image:"_s + QString::number(prompt.context.at(item.first + k).id),
                        0.15 * prompt.context.at(item.first + k).weight});
            continue;
        }
        if (item.type == core::PromptItem::Type::TokenIds) {
            for (qsizetype k = 0; k < item.count; ++k)
                features.append({u"id:"_s + QString::number(prompt.context.at(item.first + k).id),
                    prompt.context.at(item.first + k).weight});
            continue;
        }
        QList<double> charWeights(item.text.size(), 1.0);
        for (qsizetype k = 0; k < item.tokens.size(); ++k)
            for (int c = item.tokens.at(k).start;
                 c < item.tokens.at(k).start + item.tokens.at(k).length;
                 ++c)
                charWeights[c] = prompt.context.at(item.first + k).weight;
        int wordStart = 0;
        for (int c = 0; c <= item.text.size(); ++c) {
            if (c == item.text.size() || !item.text.at(c).isLetterOrNumber()) {
                if (c > wordStart) {
                    const double weight = charWeights.at(wordStart);
                    for (auto f :
                        SyntheticModel::textFeatures(item.text.mid(wordStart, c - wordStart))) {
                        f.second *= weight;
                        features.append(f);
                    }
                }
                wordStart = c + 1;
            }
        }
    }
    return features;
}

QList<float> semanticVector(const EncodedPrompt &prompt,
    const QString &modelName,
    core::Representation representation,
    int dims,
    bool normalize)
{
    QList<QPair<QString, double>> other;
    const QList<QPair<QString, double>> words = promptWords(prompt, &other);
    QList<float> v
        = meaningVector(words, other, dims, spaceSalt(modelName + QString::number(dims)));
    if (representation != core::Representation::Symmetric) {
        double norm = 0;
        for (const float x : std::as_const(v))
            norm += double(x) * x;
        // The representation's direction is the same for every text: computed once per
        // (model, representation, size) and scaled (embedFeatures is linear in the weight).
        static thread_local QHash<QString, QList<float>> directions;
        const QString key
            = modelName + u'\n' + core::toString(representation) + u'\n' + QString::number(dims);
        auto it = directions.find(key);
        if (it == directions.end())
            it = directions.insert(key,
                SyntheticModel::embedFeatures(
                    {{u"representation:"_s + core::toString(representation), 1.0}},
                    dims,
                    spaceSalt(modelName)));
        const float weight = float(0.3 * std::sqrt(norm) / 2.0);
        const float *direction = it->constData();
        float *out = v.data();
        for (int i = 0; i < dims; ++i)
            out[i] += weight * direction[i];
    }
    if (normalize)
        SyntheticModel::normalize(v);
    return v;
}

QList<float> layerVector(const EncodedPrompt &prompt,
    const SandboxModel &model,
    int layer,
    const QString &pooling,
    bool normalize)
{
    const int dims = model.hiddenSize;
    const quint64 salt = spaceSalt(model.name() + u"/layer/"_s + QString::number(layer));
    // The start-of-text state: dense values of the model and layer in [−0.5, 0.5).
    QList<float> start(dims);
    quint64 h = mix(salt ^ 0x5354415254ULL);
    for (int i = 0; i < dims; ++i) {
        h = mix(h);
        start[i] = float(double(h >> 11) * 0x1.0p-53 - 0.5);
    }
    // What every token sees of the whole prompt: its lexical features, as before.
    const QList<float> lexical = SyntheticModel::embedFeatures(promptFeatures(prompt), dims, salt);
    const double depth = model.layers > 0 ? double(layer) / model.layers : 0.0;
    QList<double> sum(dims), weighted(dims), context(dims);
    QList<float> max = start, absMax = start, last = start;
    sum.fill(0.0);
    weighted.fill(0.0);
    context.fill(0.0);
    for (int i = 0; i < dims; ++i) {
        sum[i] = start.at(i);
        weighted[i] = start.at(i);
    }
    double weightTotal = 1;
    QList<float> state(dims);
    for (qsizetype k = 0; k < prompt.context.size(); ++k) {
        const ContextToken &token = prompt.context.at(k);
        // The token's own direction (±weight at four positions) and the running context.
        QList<int> positions;
        QList<float> values;
        quint64 t = mix(salt ^ (quint64(token.id) * 0x9E3779B97F4A7C15ULL));
        for (int r = 0; r < 4; ++r) {
            t = mix(t);
            positions.append(int(t % quint64(dims)));
            values.append(((t >> 63) ? -1.0f : 1.0f) * float(token.weight));
            context[positions.last()] += values.last();
        }
        const double position = double(k + 2); // the start state is position 1
        for (int i = 0; i < dims; ++i)
            state[i] = lexical.at(i) + float(depth * context.at(i) / double(k + 1));
        for (int r = 0; r < 4; ++r)
            state[positions.at(r)] += float(1.0 - 0.5 * depth) * values.at(r);
        for (int i = 0; i < dims; ++i) {
            const float x = state.at(i);
            sum[i] += x;
            weighted[i] += position * x;
            if (x > max.at(i))
                max[i] = x;
            if (std::abs(x) > std::abs(absMax.at(i)))
                absMax[i] = x;
        }
        weightTotal += position;
        last = state;
    }
    const double count = double(prompt.context.size() + 1);
    QList<float> v(dims);
    if (pooling == u"max"_s)
        v = max;
    else if (pooling == u"abs_max"_s)
        v = absMax;
    else if (pooling == u"last_token"_s)
        v = last;
    else if (pooling == u"weighted_mean"_s)
        for (int i = 0; i < dims; ++i)
            v[i] = float(weighted.at(i) / weightTotal);
    else // mean
        for (int i = 0; i < dims; ++i)
            v[i] = float(sum.at(i) / count);
    if (normalize)
        SyntheticModel::normalize(v);
    return v;
}

QList<float> instructableVector(const EncodedPrompt &input,
    const QString &instruction,
    const SandboxModel &model,
    bool normalize)
{
    QList<QPair<QString, double>> features = promptFeatures(input);
    for (auto f : SyntheticModel::textFeatures(instruction)) {
        f.second *= 0.3;
        features.append(f);
    }
    QList<float> v
        = SyntheticModel::embedFeatures(features, model.embeddingSize, spaceSalt(model.name()));
    if (normalize)
        SyntheticModel::normalize(v);
    return v;
}

QList<float> textVector(const QString &text, const SandboxModel &model, int dims)
{
    QList<float> v = SyntheticModel::embedFeatures(
        SyntheticModel::textFeatures(text), model.embeddingSize, spaceSalt(model.name()));
    v.resize(dims); // like Matryoshka embeddings: the first `dims` components, then unit length
    SyntheticModel::normalize(v);
    return v;
}

QList<float> gradientVector(const QString &text, const QString &slug)
{
    QList<float> v = SyntheticModel::embedFeatures(
        SyntheticModel::textFeatures(text), 1024, spaceSalt(u"gradient/"_s + slug));
    SyntheticModel::normalize(v);
    return v;
}

QList<float> rerankVector(const QString &text)
{
    QList<float> v = SyntheticModel::embedFeatures(
        SyntheticModel::textFeatures(text), 512, spaceSalt(u"rerank"_s));
    SyntheticModel::normalize(v);
    return v;
}

double relevanceScore(const QList<float> &query, const QList<float> &document)
{
    double cosine = 0;
    for (int k = 0; k < query.size(); ++k)
        cosine += double(query.at(k)) * document.at(k);
    return 1.0 / (1.0 + std::exp(-8.0 * (cosine - 0.25)));
}

} // namespace sandbox
