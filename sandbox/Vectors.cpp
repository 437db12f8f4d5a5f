// SPDX-License-Identifier: MIT
#include "sandbox/Vectors.h"

#include "sandbox/SyntheticModel.h"

#include <QHash>

#include <cmath>

using namespace Qt::StringLiterals;

namespace sandbox {

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
                features.append({u"image:"_s + QString::number(prompt.context.at(item.first + k).id),
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
            for (int c = item.tokens.at(k).start; c < item.tokens.at(k).start + item.tokens.at(k).length; ++c)
                charWeights[c] = prompt.context.at(item.first + k).weight;
        int wordStart = 0;
        for (int c = 0; c <= item.text.size(); ++c) {
            if (c == item.text.size() || !item.text.at(c).isLetterOrNumber()) {
                if (c > wordStart) {
                    const double weight = charWeights.at(wordStart);
                    for (auto f : SyntheticModel::textFeatures(item.text.mid(wordStart, c - wordStart))) {
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

QList<float> semanticVector(const EncodedPrompt &prompt, const QString &modelName, core::Representation representation,
                            int dims, bool normalize)
{
    const QList<QPair<QString, double>> features = promptFeatures(prompt);
    QList<float> v = SyntheticModel::embedFeatures(features, dims, spaceSalt(modelName + QString::number(dims)));
    if (representation != core::Representation::Symmetric) {
        double norm = 0;
        for (const float x : std::as_const(v))
            norm += double(x) * x;
        // The representation's direction is the same for every text: computed once per
        // (model, representation, size) and scaled (embedFeatures is linear in the weight).
        static thread_local QHash<QString, QList<float>> directions;
        const QString key = modelName + u'\n' + core::toString(representation) + u'\n' + QString::number(dims);
        auto it = directions.find(key);
        if (it == directions.end())
            it = directions.insert(key, SyntheticModel::embedFeatures({{u"representation:"_s + core::toString(representation), 1.0}},
                                                                      dims, spaceSalt(modelName)));
        const float weight = float(0.3 * std::sqrt(norm) / 2.0);
        const QList<float> &direction = *it;
        for (int i = 0; i < dims; ++i)
            v[i] += weight * direction.at(i);
    }
    if (normalize)
        SyntheticModel::normalize(v);
    return v;
}

QList<float> layerVector(const QList<QPair<QString, double>> &features, const SandboxModel &model, int layer,
                         const QString &pooling, bool normalize)
{
    QList<float> v = SyntheticModel::embedFeatures(features, model.hiddenSize,
                                                   spaceSalt(model.name() + u"/layer/"_s + QString::number(layer) + pooling));
    if (normalize)
        SyntheticModel::normalize(v);
    return v;
}

QList<float> instructableVector(const EncodedPrompt &input, const QString &instruction, const SandboxModel &model,
                                bool normalize)
{
    QList<QPair<QString, double>> features = promptFeatures(input);
    for (auto f : SyntheticModel::textFeatures(instruction)) {
        f.second *= 0.3;
        features.append(f);
    }
    QList<float> v = SyntheticModel::embedFeatures(features, model.embeddingSize, spaceSalt(model.name()));
    if (normalize)
        SyntheticModel::normalize(v);
    return v;
}

QList<float> textVector(const QString &text, const SandboxModel &model, int dims)
{
    QList<float> v = SyntheticModel::embedFeatures(SyntheticModel::textFeatures(text), model.embeddingSize,
                                                   spaceSalt(model.name()));
    v.resize(dims); // like Matryoshka embeddings: the first `dims` components, then unit length
    SyntheticModel::normalize(v);
    return v;
}

QList<float> gradientVector(const QString &text, const QString &slug)
{
    QList<float> v = SyntheticModel::embedFeatures(SyntheticModel::textFeatures(text), 1024, spaceSalt(u"gradient/"_s + slug));
    SyntheticModel::normalize(v);
    return v;
}

QList<float> rerankVector(const QString &text)
{
    QList<float> v = SyntheticModel::embedFeatures(SyntheticModel::textFeatures(text), 512, spaceSalt(u"rerank"_s));
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
