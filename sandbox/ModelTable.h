// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Models.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace sandbox {

/// "sandbox-synthetic-1": the model_version of every answer, which marks it synthetic (DESIGN.md
/// "The sandbox").
QString modelVersion();

/// The most completions (`n`) one /complete or /chat/completions request may ask for. The spec
/// gives `n` no maximum (best_of has 100); the sandbox caps it so that one request's work stays
/// bounded (n = 20,000 took seconds), far above what the app asks (at most 8).
constexpr int kMaxSamples = 20;

/// A model the sandbox serves: what /model-settings says of it, plus what the sandbox needs.
struct SandboxModel
{
    core::ModelSettings settings;
    int hiddenSize = 0; ///< /embed vector size
    int layers = 0; ///< /embed layers 0..layers
    int embeddingSize = 0; ///< /semantic_embed, /instructable_embed, /embeddings (0: none)
    bool translation = false; ///< POST /translate
    bool rerank = false; ///< POST /rerank
    bool steering = false; ///< accepts steering_concepts
    QString name() const { return settings.name; }
};

/// The five models the sandbox serves, one per family of endpoints, in the order /model-settings
/// and /models_available list them:
/// - `sandbox-luminous-base`: completions, evaluate, explain, /embed (40 layers of 5120), semantic
///   embeddings (5120, or compressed), images in prompts, steering;
/// - `sandbox-llama-3.1-8b-instruct`: chat (with its prompt template) and completions, images,
///   steering, tools and JSON schemas;
/// - `sandbox-pharia-1-embedding`: instructable embeddings and /embeddings (1024);
/// - `sandbox-pharia-1-mt-translation`: /translate;
/// - `sandbox-bge-reranker-v2-m3`: /rerank.
/// Every one has a context of 8192 tokens and at most 1024 completion tokens.
///
/// Fixed at construction and only read afterwards, so any thread may use it.
class ModelTable
{
public:
    ModelTable();

    const QList<SandboxModel> &models() const { return m_models; }
    /// The model called `name` (exact, case-sensitive); nullptr when the sandbox has none.
    const SandboxModel *find(const QString &name) const;
    /// Every model's name, in table order (for the "unknown model" message).
    QStringList names() const;

private:
    QList<SandboxModel> m_models;
};

} // namespace sandbox
