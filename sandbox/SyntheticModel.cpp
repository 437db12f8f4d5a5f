// SPDX-License-Identifier: MIT
#include "sandbox/SyntheticModel.h"

#include "sandbox/Corpus.h"

#include <QBuffer>
#include <QColor>
#include <QImage>
#include <QImageReader>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace sandbox {

namespace {

constexpr double kFloorMass = 1e-3;    // probability shared by every non-candidate token
constexpr double kTopicWeight = 1.6;   // context words become likelier
constexpr double kInductionWeight = 7.0; // what followed the previous token may be copied
constexpr double kSteeringWeight = 3.0;
constexpr double kRepeatPenalty = 4.0; // per repetition of a token pair beyond the first
constexpr double kEndOfTextBias = -2.0; // texts go on a little longer than the corpus's paragraphs
constexpr double kSharpness = 1.6;      // logit scale: how confident the model is
constexpr double kBackoff = 2.0;       // how much the bigram trusts the unigram for unseen pairs

QStringList vocabularyWords()
{
    QSet<QString> seen;
    QStringList words;
    const auto add = [&](const QString &word) {
        if (!word.isEmpty() && !seen.contains(word)) {
            seen.insert(word);
            words.append(word);
        }
    };
    for (const QString &paragraph : corpusParagraphs()) {
        QString word;
        for (const QChar c : paragraph) {
            if (c.unicode() < 128 && c.isLetter()) {
                word += c;
            } else {
                add(word);
                word.clear();
            }
        }
        add(word);
    }
    for (const QString &word : extraWords())
        add(word);
    std::sort(words.begin(), words.end());
    return words;
}

quint64 splitmix(quint64 x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

QString colourName(const QColor &colour)
{
    const double s = colour.hsvSaturationF();
    const double v = colour.valueF();
    if (v < 0.2)
        return QStringLiteral("black");
    if (s < 0.2)
        return v > 0.8 ? QStringLiteral("white") : QStringLiteral("grey");
    const int h = colour.hsvHue();
    if (h < 15 || h >= 345)
        return QStringLiteral("red");
    if (h < 45)
        return v < 0.6 ? QStringLiteral("brown") : QStringLiteral("orange");
    if (h < 70)
        return QStringLiteral("yellow");
    if (h < 165)
        return QStringLiteral("green");
    if (h < 200)
        return QStringLiteral("cyan");
    if (h < 255)
        return QStringLiteral("blue");
    if (h < 290)
        return QStringLiteral("purple");
    return QStringLiteral("pink");
}

} // namespace

double Generation::logProbability() const
{
    double sum = 0;
    for (const double lp : logProbs)
        sum += lp;
    return sum;
}

SyntheticModel::SyntheticModel()
    : m_tokenizer(vocabularyWords())
{
    for (const QString &paragraph : corpusParagraphs()) {
        QList<qint64> ids = m_tokenizer.encodeIds(QLatin1Char(' ') + paragraph);
        ids.append(Tokenizer::kEndOfText);
        qint64 prev = Tokenizer::kEndOfText;
        for (const qint64 id : std::as_const(ids)) {
            m_bigrams[prev][id] += 1;
            m_prevTotals[prev] += 1;
            m_unigrams[id] += 1;
            m_unigramTotal += 1;
            prev = id;
        }
    }
    QList<QPair<double, qint64>> byCount;
    for (auto it = m_unigrams.cbegin(); it != m_unigrams.cend(); ++it)
        byCount.append({it.value(), it.key()});
    std::sort(byCount.begin(), byCount.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    for (qsizetype i = 0; i < std::min<qsizetype>(40, byCount.size()); ++i)
        m_frequent.append(byCount.at(i).second);
}

QList<ContextToken> SyntheticModel::contextOf(const QString &text) const
{
    QList<ContextToken> context;
    for (const qint64 id : m_tokenizer.encodeIds(text))
        context.append({id, 1.0});
    return context;
}

double SyntheticModel::Scores::logProbAt(qsizetype index) const
{
    const double candidate = std::exp(logits.at(index) - logNormalizer);
    return std::log((1.0 - kFloorMass) * candidate + kFloorMass / double(vocabularySize));
}

qsizetype SyntheticModel::Scores::indexOf(qint64 id) const
{
    return ids.indexOf(id);
}

double SyntheticModel::Scores::logProb(qint64 id) const
{
    const qsizetype index = indexOf(id);
    if (index >= 0)
        return logProbAt(index);
    return std::log(kFloorMass / double(vocabularySize));
}

SyntheticModel::Scores SyntheticModel::next(const QList<ContextToken> &context, qsizetype length, const Steering *steering) const
{
    const qsizetype n = std::clamp<qsizetype>(length, 0, context.size());
    const qint64 prev = n == 0 ? Tokenizer::kEndOfText : context.at(n - 1).id;
    const double prevWeight = n == 0 ? 1.0 : std::clamp(context.at(n - 1).weight, 0.0, 1.0);

    // One pass over the context: topic (which words are present, recent ones more) and induction
    // (what followed earlier occurrences of the previous token).
    QHash<qint64, double> topic;
    QHash<qint64, double> induction;
    QHash<qint64, int> repeats;  // how often (prev, candidate) already occurred
    for (qsizetype j = 0; j < n; ++j) {
        const ContextToken &t = context.at(j);
        if (t.id > 256) {
            const double recency = 0.5 + 0.5 * std::exp(-double(n - 1 - j) / 256.0);
            topic[t.id] += t.weight * recency;
        }
        if (j + 1 < n && t.id == prev) {
            const ContextToken &after = context.at(j + 1);
            induction[after.id] += after.weight * std::min(t.weight, 1.0);
            repeats[after.id] += 1;
        }
    }

    Scores scores;
    scores.vocabularySize = m_tokenizer.vocabularySize();
    QSet<qint64> candidates;
    const auto bigramIt = m_bigrams.constFind(prev);
    if (bigramIt != m_bigrams.cend())
        for (auto it = bigramIt->cbegin(); it != bigramIt->cend(); ++it)
            candidates.insert(it.key());
    for (const qint64 id : m_frequent)
        candidates.insert(id);
    for (auto it = topic.cbegin(); it != topic.cend(); ++it)
        candidates.insert(it.key());
    for (auto it = induction.cbegin(); it != induction.cend(); ++it)
        candidates.insert(it.key());
    if (steering)
        for (const qint64 id : steering->positive)
            candidates.insert(id);
    candidates.insert(Tokenizer::kEndOfText);

    scores.ids = QList<qint64>(candidates.cbegin(), candidates.cend());
    std::sort(scores.ids.begin(), scores.ids.end());
    scores.logits.reserve(scores.ids.size());
    const double prevTotal = m_prevTotals.value(prev, 0.0);
    const double smallUnigram = 0.3 / m_unigramTotal;
    double maxLogit = -1e300;
    for (const qint64 id : std::as_const(scores.ids)) {
        const double unigramCount = m_unigrams.value(id, 0.0);
        const double pUnigram = unigramCount > 0 ? unigramCount / m_unigramTotal : smallUnigram;
        const double pair = bigramIt != m_bigrams.cend() ? bigramIt->value(id, 0.0) : 0.0;
        const double pBigram = (pair + kBackoff * pUnigram) / (prevTotal + kBackoff);
        double logit = prevWeight * std::log(pBigram) + (1.0 - prevWeight) * std::log(pUnigram);
        const double idf = 1.0 / (1.0 + std::log1p(unigramCount));
        logit += kTopicWeight * idf * std::log1p(topic.value(id, 0.0)) * 2.0;
        // Copy what followed the previous token once; repeating a pair again and again is penalised.
        const int seen = repeats.value(id, 0);
        if (seen == 1)
            logit += kInductionWeight * std::log1p(std::min(induction.value(id, 0.0), 1.0)) * 2.0;
        logit -= kRepeatPenalty * std::max(0, seen - 1);
        if (id == Tokenizer::kEndOfText)
            logit += kEndOfTextBias;
        logit *= kSharpness;
        if (steering) {
            if (steering->positive.contains(id))
                logit += kSteeringWeight;
            if (steering->negative.contains(id))
                logit -= kSteeringWeight;
        }
        scores.logits.append(logit);
        maxLogit = std::max(maxLogit, logit);
    }
    double sum = 0;
    for (const double logit : std::as_const(scores.logits))
        sum += std::exp(logit - maxLogit);
    scores.logNormalizer = maxLogit + std::log(sum);
    return scores;
}

Generation SyntheticModel::generate(QList<ContextToken> context, const Sampling &sampling, const Steering *steering) const
{
    Generation out;
    std::mt19937_64 random(sampling.seed);
    const bool argmax = sampling.temperature <= 0 && sampling.topK <= 0 && sampling.topP <= 0;
    const double temperature = sampling.temperature > 0 ? sampling.temperature : 1.0;
    QHash<qint64, int> counts;
    if (sampling.penaltiesIncludePrompt)
        for (const ContextToken &t : std::as_const(context))
            counts[t.id] += 1;
    QByteArray utf8;
    out.finishReason = QStringLiteral("maximum_tokens");

    for (int step = 0; step < sampling.maximumTokens; ++step) {
        const Scores scores = next(context, steering);
        QList<double> adjusted = scores.logits;
        for (qsizetype i = 0; i < scores.ids.size(); ++i) {
            const qint64 id = scores.ids.at(i);
            adjusted[i] += sampling.logitBias.value(id, 0.0);
            if (id == Tokenizer::kEndOfText)
                adjusted[i] += sampling.endOfTextBias;
            const int count = counts.value(id, 0);
            if (count > 0)
                adjusted[i] -= sampling.presencePenalty + sampling.frequencyPenalty * count;
            if (id == Tokenizer::kEndOfText && step < sampling.minimumTokens)
                adjusted[i] = -1e300;
            if (step == 0 && sampling.excludedFirstTokens.contains(id))
                adjusted[i] = -1e300;
        }
        // Order the candidates by adjusted logit (ties by id, so the order is stable).
        QList<qsizetype> order(scores.ids.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
            return adjusted.at(a) != adjusted.at(b) ? adjusted.at(a) > adjusted.at(b) : scores.ids.at(a) < scores.ids.at(b);
        });
        qsizetype chosen = order.first();
        if (!argmax) {
            qsizetype keep = order.size();
            if (sampling.topK > 0)
                keep = std::min<qsizetype>(keep, sampling.topK);
            QList<double> weights;
            const double top = adjusted.at(order.first()) / temperature;
            double total = 0;
            for (qsizetype k = 0; k < keep; ++k) {
                const double w = adjusted.at(order.at(k)) <= -1e299 ? 0.0 : std::exp(adjusted.at(order.at(k)) / temperature - top);
                weights.append(w);
                total += w;
            }
            if (sampling.topP > 0 && total > 0) {
                double cumulative = 0;
                qsizetype k = 0;
                for (; k < weights.size(); ++k) {
                    cumulative += weights.at(k) / total;
                    if (cumulative >= sampling.topP)
                        break;
                }
                weights.resize(std::min(weights.size(), k + 1));
            }
            std::discrete_distribution<qsizetype> pick(weights.cbegin(), weights.cend());
            chosen = order.at(pick(random));
        }
        const qint64 id = scores.ids.at(chosen);
        if (sampling.alternatives > 0) {
            QList<QPair<qint64, double>> alternatives;
            QList<qsizetype> byModel(scores.ids.size());
            std::iota(byModel.begin(), byModel.end(), 0);
            std::sort(byModel.begin(), byModel.end(), [&](qsizetype a, qsizetype b) {
                return scores.logits.at(a) != scores.logits.at(b) ? scores.logits.at(a) > scores.logits.at(b)
                                                                  : scores.ids.at(a) < scores.ids.at(b);
            });
            for (qsizetype k = 0; k < std::min<qsizetype>(sampling.alternatives, byModel.size()); ++k)
                alternatives.append({scores.ids.at(byModel.at(k)), scores.logProbAt(byModel.at(k))});
            out.alternatives.append(alternatives);
        } else {
            out.alternatives.append(QList<QPair<qint64, double>>());
        }
        if (id == Tokenizer::kEndOfText) {
            out.alternatives.removeLast();
            out.finishReason = QStringLiteral("end_of_text");
            break;
        }
        out.tokens.append(id);
        out.logProbs.append(scores.logProbAt(chosen));
        const QByteArray piece = m_tokenizer.bytes(id);
        out.pieces.append(QString::fromUtf8(piece));
        utf8 += piece;
        counts[id] += 1;
        context.append({id, 1.0});
        const QString text = QString::fromUtf8(utf8);
        bool stopped = false;
        for (const QString &stop : sampling.stopSequences) {
            const qsizetype at = text.indexOf(stop);
            if (at >= 0) {
                out.rawText = text;
                out.text = text.left(at);
                out.finishReason = QStringLiteral("stop_sequence_reached");
                stopped = true;
                break;
            }
        }
        if (stopped)
            return out;
    }
    out.rawText = QString::fromUtf8(utf8);
    out.text = out.rawText;
    return out;
}

QList<double> SyntheticModel::continuationLogProbs(QList<ContextToken> context,
                                                   const QList<qint64> &continuation,
                                                   const Steering *steering,
                                                   QList<qint64> *greedy) const
{
    QList<double> out;
    out.reserve(continuation.size());
    for (const qint64 id : continuation) {
        const Scores scores = next(context, steering);
        out.append(scores.logProb(id));
        if (greedy) {
            const auto best = std::max_element(scores.logits.cbegin(), scores.logits.cend());
            greedy->append(scores.ids.at(best - scores.logits.cbegin()));
        }
        context.append({id, 1.0});
    }
    return out;
}

quint64 SyntheticModel::stableHash(const QByteArray &bytes, quint64 seed)
{
    quint64 h = 0xcbf29ce484222325ULL ^ seed;
    for (const char c : bytes) {
        h ^= uchar(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

QList<QPair<QString, double>> SyntheticModel::textFeatures(const QString &text)
{
    QList<QPair<QString, double>> features;
    QString word;
    const auto flush = [&] {
        if (word.isEmpty())
            return;
        features.append({QStringLiteral("w:") + word, 1.0});
        const QString padded = QLatin1Char(' ') + word + QLatin1Char(' ');
        for (qsizetype i = 0; i + 3 <= padded.size(); ++i)
            features.append({QStringLiteral("t:") + padded.mid(i, 3), 0.35});
        word.clear();
    };
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            word += c.toLower();
        else
            flush();
    }
    flush();
    return features;
}

QList<float> SyntheticModel::embedFeatures(const QList<QPair<QString, double>> &features, int dims, quint64 salt)
{
    QList<float> v(dims, 0.0f);
    if (dims <= 0)
        return v;
    for (const auto &feature : features) {
        quint64 h = stableHash(feature.first.toUtf8(), salt);
        for (int k = 0; k < 4; ++k) {
            h = splitmix(h);
            const int position = int(h % quint64(dims));
            const float sign = (h >> 63) ? -1.0f : 1.0f;
            v[position] += sign * float(feature.second);
        }
    }
    return v;
}

void SyntheticModel::normalize(QList<float> &v)
{
    double sum = 0;
    for (const float x : std::as_const(v))
        sum += double(x) * x;
    if (sum <= 0)
        return;
    const float scale = float(1.0 / std::sqrt(sum));
    for (float &x : v)
        x *= scale;
}

std::optional<QList<qint64>> SyntheticModel::imagePatches(const QByteArray &imageBytes,
                                                          std::optional<int> x, std::optional<int> y,
                                                          std::optional<int> size, QSize *imageSize, QString *error) const
{
    QImage image;
    if (!image.loadFromData(imageBytes)) {
        if (error)
            *error = QStringLiteral("the image data is not a PNG, JPEG or WebP image");
        return std::nullopt;
    }
    if (imageSize)
        *imageSize = image.size();
    if (x && y && size) {
        const QRect crop(*x, *y, *size, *size);
        if (!image.rect().contains(crop)) {
            if (error)
                *error = QStringLiteral("the crop (x %1, y %2, size %3) is outside the %4 × %5 image")
                             .arg(*x).arg(*y).arg(*size).arg(image.width()).arg(image.height());
            return std::nullopt;
        }
        image = image.copy(crop);
    }
    const QImage grid = image.convertToFormat(QImage::Format_RGB32)
                            .scaled(kPatchGrid, kPatchGrid, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    QList<qint64> patches;
    patches.reserve(kPatchGrid * kPatchGrid);
    for (int row = 0; row < kPatchGrid; ++row)
        for (int column = 0; column < kPatchGrid; ++column)
            patches.append(m_tokenizer.wordId(colourName(QColor(grid.pixel(column, row))), true));
    return patches;
}

} // namespace sandbox
