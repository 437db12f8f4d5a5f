// SPDX-License-Identifier: MIT
// The SyntheticModel's embeddings of lexical features and its colour patches of images: the parts
// of the model that are not text generation.
#include "sandbox/SyntheticModel.h"

#include <QColor>
#include <QImage>

#include <cmath>

namespace sandbox {

namespace {

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

QList<float> SyntheticModel::embedFeatures(
    const QList<QPair<QString, double>> &features, int dims, quint64 salt)
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
    std::optional<int> x,
    std::optional<int> y,
    std::optional<int> size,
    QSize *imageSize,
    QString *error) const
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
                *error
                    = QStringLiteral("the crop (x %1, y %2, size %3) is outside the %4 × %5 image")
                          .arg(*x)
                          .arg(*y)
                          .arg(*size)
                          .arg(image.width())
                          .arg(image.height());
            return std::nullopt;
        }
        image = image.copy(crop);
    }
    const QImage grid
        = image.convertToFormat(QImage::Format_RGB32)
              .scaled(kPatchGrid, kPatchGrid, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    QList<qint64> patches;
    patches.reserve(kPatchGrid * kPatchGrid);
    for (int row = 0; row < kPatchGrid; ++row)
        for (int column = 0; column < kPatchGrid; ++column)
            patches.append(m_tokenizer.wordId(colourName(QColor(grid.pixel(column, row))), true));
    return patches;
}

} // namespace sandbox
