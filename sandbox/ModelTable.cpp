// SPDX-License-Identifier: MIT
#include "sandbox/ModelTable.h"

using namespace Qt::StringLiterals;

namespace sandbox {

QString modelVersion()
{
    return u"sandbox-synthetic-1"_s;
}

ModelTable::ModelTable()
{
    const auto model = [](const QString &name, const QString &description) {
        SandboxModel m;
        m.settings.name = name;
        m.settings.status = u"available"_s;
        m.settings.description = description;
        m.settings.multimodal = false;
        m.settings.maxContextSize = 8192;
        m.settings.semanticEmbedding = false;
        m.settings.completionType = u"none"_s;
        m.settings.embeddingType = u"none"_s;
        m.settings.aligned = false;
        m.settings.chat = false;
        m.settings.maximumCompletionTokens = 1024;
        return m;
    };
    SandboxModel base = model(u"sandbox-luminous-base"_s,
        u"Offline sandbox: synthetic completions, explanations, evaluations and semantic "
        u"embeddings "
        u"(5120 dimensions, or 128 compressed). Images in prompts."_s);
    base.settings.multimodal = true;
    base.settings.completionType = u"full"_s;
    base.settings.embeddingType = u"semantic"_s;
    base.settings.semanticEmbedding = true;
    base.hiddenSize = 5120;
    base.layers = 40;
    base.embeddingSize = 5120;
    base.steering = true;
    m_models.append(base);

    SandboxModel chat = model(u"sandbox-llama-3.1-8b-instruct"_s,
        u"Offline sandbox: synthetic chat and completions with steering concepts, tools and JSON schemas."_s);
    chat.settings.multimodal = true;
    chat.settings.completionType = u"full"_s;
    chat.settings.chat = true;
    chat.settings.aligned = true;
    chat.settings.promptTemplate
        = u"<|begin_of_text|>{% for message in messages "
          u"%}<|start_header_id|>{{message.role}}<|end_header_id|>\n\n"
          u"{{message.content}}<|eot_id|>{% endfor %}<|start_header_id|>assistant<|end_header_id|>\n\n"_s;
    chat.steering = true;
    m_models.append(chat);

    SandboxModel embedding = model(u"sandbox-pharia-1-embedding"_s,
        u"Offline sandbox: synthetic instructable embeddings (1024 dimensions), also on /embeddings."_s);
    embedding.settings.embeddingType = u"instructable"_s;
    embedding.embeddingSize = 1024;
    m_models.append(embedding);

    SandboxModel translation = model(u"sandbox-pharia-1-mt-translation"_s,
        u"Offline sandbox: word-by-word English-German translations from FreeDict, labelled pseudo-translations for other languages; segment scores (POST /translate)."_s);
    translation.translation = true;
    m_models.append(translation);

    SandboxModel reranker = model(u"sandbox-bge-reranker-v2-m3"_s,
        u"Offline sandbox: relevance scores from lexical similarity (POST /rerank)."_s);
    reranker.rerank = true;
    m_models.append(reranker);
}

const SandboxModel *ModelTable::find(const QString &name) const
{
    for (const SandboxModel &m : m_models)
        if (m.name() == name)
            return &m;
    return nullptr;
}

QStringList ModelTable::names() const
{
    QStringList names;
    for (const SandboxModel &m : m_models)
        names.append(m.name());
    return names;
}

} // namespace sandbox
