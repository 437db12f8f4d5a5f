// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Embedding.h"
#include "sandbox/ModelTable.h"
#include "sandbox/PromptEncoding.h"

#include <QList>
#include <QPair>
#include <QString>

namespace sandbox {

// The sandbox's embeddings, in a space chosen by a salt, so the same text gives the same vector
// on every machine with the same data. Semantic embeddings come from meaning (WordNet, see
// lexicon::MeaningSpace), so texts about the same topic are close; the others are
// SyntheticModel::embedFeatures() of lexical features, so texts that share words are close.
// All functions are deterministic and thread-safe.

/// The salt of the vector space named `what` (a model name, "rerank", "gradient/<slug>"...): the
/// stable hash of its UTF-8 bytes.
quint64 spaceSalt(const QString &what);

/// Weighted features of an encoded prompt: of each text item, the SyntheticModel::textFeatures()
/// of each word (run of letters and digits) times the attention weight of the token the word
/// starts in; of each image item, one `image:<colour id>` feature per patch, 0.15 × its weight; of
/// each token_ids item, one `id:<id>` feature per token, times its weight.
QList<QPair<QString, double>> promptFeatures(const EncodedPrompt &prompt);

/// Starts loading WordNet and building the meaning space (lexicon::MeaningSpace) on a background
/// thread, so the first embedding does not wait; returns at once.
void preloadMeaning();

/// The embedding of a text given as `words` (each with a weight) and of `other` features (image
/// patches, token ids: embedded as SyntheticModel::embedFeatures()) in the space `salt`, `dims`
/// floats, not normalized. With WordNet (lexicon::MeaningSpace::shared()): at full size the
/// meaning bag and the topic-domain profile, half the weight each, hashed into the dimensions;
/// below twice the number of domains (compress_to_size 128) the profile's first `dims` domains
/// at positions and signs drawn from `salt`, plus a tenth of the bag, so the grouping by topic
/// survives compression. Without WordNet: the character features of
/// SyntheticModel::textFeatures() (a warning in the log says so once). Deterministic.
QList<float> meaningVector(const QList<QPair<QString, double>> &words,
    const QList<QPair<QString, double>> &other,
    int dims,
    quint64 salt);

/// The semantic embedding of a prompt (/semantic_embed, /batch_semantic_embed): `dims` floats in
/// the space of (`modelName`, `dims`): meaningVector() of the prompt's words (weighted by their
/// tokens' attention) and of its image and token-id features. For "document" and "query" a
/// direction proper to the representation is added, scaled by 0.15 × the vector's norm, so the two
/// differ but stay close; "symmetric" adds none. Unit length when `normalize`.
QList<float> semanticVector(const EncodedPrompt &prompt,
    const QString &modelName,
    core::Representation representation,
    int dims,
    bool normalize);

/// One /embed vector, pooled over the hidden states of layer `layer` (0..model.layers, already
/// resolved from negative indexes) of `prompt`: a start-of-text state proper to (model, layer),
/// dense values in [−0.5, 0.5), then one state per context token: the prompt's lexical features
/// (promptFeatures()), the token's own direction (weighted by its attention weight, fading with
/// depth) and the mean of the tokens so far (growing with depth). `pooling` "mean" and
/// "weighted_mean" (state i weighs i) average, "max" takes each component's largest value,
/// "abs_max" the one of largest magnitude, "last_token" the last state; an unknown name pools
/// like "mean". So pooling, layer and model all change the vector, even for a one-token prompt
/// (two states: the start and the token). model.hiddenSize floats, unit length when `normalize`.
QList<float> layerVector(const EncodedPrompt &prompt,
    const SandboxModel &model,
    int layer,
    const QString &pooling,
    bool normalize);

/// The /instructable_embed vector: the input's promptFeatures() plus the `instruction`'s text
/// features at 0.3 of their weight, in the model's space; model.embeddingSize floats, unit length
/// when `normalize`.
QList<float> instructableVector(const EncodedPrompt &input,
    const QString &instruction,
    const SandboxModel &model,
    bool normalize);

/// One /embeddings vector (the OpenAI-style API): the text's features in the model's space (the
/// same as instructableVector()'s without instruction), cut to its first `dims` components
/// (1..model.embeddingSize, like Matryoshka embeddings), then unit length.
QList<float> textVector(const QString &text, const SandboxModel &model, int dims);

/// One Gradient embedding (POST /gradient/api/embeddings/{slug}): 1024 floats of unit length in
/// the space of `slug`.
QList<float> gradientVector(const QString &text, const QString &slug);

/// A /rerank vector: 512 floats of unit length in the space "rerank", the same for every model.
QList<float> rerankVector(const QString &text);
/// /rerank's relevance_score of a document: the logistic 1 / (1 + e^(−8 (cos − 0.25))) of the
/// cosine of two rerankVector()s, in (0, 1): about 0.12 for unrelated texts, 0.5 at cosine 0.25,
/// 0.998 for the same text.
double relevanceScore(const QList<float> &query, const QList<float> &document);

} // namespace sandbox
