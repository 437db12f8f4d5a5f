// SPDX-License-Identifier: MIT
#include "core/api/Gradient.h"

using namespace Qt::StringLiterals;

namespace core {

void GradientEmbeddingInput::read(json::Reader &r)
{
    r.required(u"input"_s, input);
}

void GradientEmbeddingInput::write(json::Writer &w) const
{
    w.put(u"input"_s, input);
}

GradientEmbeddingsRequest GradientEmbeddingsRequest::fromTexts(const QStringList &texts)
{
    GradientEmbeddingsRequest request;
    request.inputs.reserve(texts.size());
    for (const QString &text : texts)
        request.inputs.append(GradientEmbeddingInput{text, {}});
    return request;
}

void GradientEmbeddingsRequest::read(json::Reader &r)
{
    r.required(u"inputs"_s, inputs);
}

void GradientEmbeddingsRequest::write(json::Writer &w) const
{
    w.put(u"inputs"_s, inputs);
}

void GradientEmbedding::read(json::Reader &r)
{
    r.required(u"embedding"_s, embedding);
    r.required(u"index"_s, index);
}

void GradientEmbedding::write(json::Writer &w) const
{
    w.put(u"embedding"_s, embedding);
    w.put(u"index"_s, index);
}

std::optional<QList<Embedding>> GradientEmbeddingsResponse::inOrder(
    qsizetype count, QString *error) const
{
    QList<Embedding> out(count);
    QList<bool> seen(count, false);
    for (const GradientEmbedding &e : embeddings) {
        if (e.index < 0 || e.index >= count || seen.at(e.index)) {
            if (error)
                *error
                    = u"gradient embeddings response: index %1 is %2 (%3 inputs were sent)"_s
                          .arg(e.index)
                          .arg(e.index >= 0 && e.index < count ? u"repeated"_s : u"out of range"_s)
                          .arg(count);
            return std::nullopt;
        }
        seen[e.index] = true;
        out[e.index] = e.embedding;
    }
    if (embeddings.size() != count) {
        if (error)
            *error
                = u"gradient embeddings response: %1 vectors for %2 inputs"_s.arg(embeddings.size())
                      .arg(count);
        return std::nullopt;
    }
    return out;
}

void GradientEmbeddingsResponse::read(json::Reader &r)
{
    r.required(u"embeddings"_s, embeddings);
}

void GradientEmbeddingsResponse::write(json::Writer &w) const
{
    w.put(u"embeddings"_s, embeddings);
}

} // namespace core
