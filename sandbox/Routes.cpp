// SPDX-License-Identifier: MIT
#include "sandbox/Routes.h"

#include "core/api/Endpoints.h"
#include "sandbox/handlers/Handlers.h"

#include <QHash>

#include <utility>

using namespace Qt::StringLiterals;

namespace sandbox {

namespace {

/// A POST endpoint: prepare() with `requirement`, then `handler` with what it prepared.
template<class Request>
Route post(Requirement requirement, Reply (*handler)(const Services &, const Prepared<Request> &))
{
    return [requirement = std::move(requirement), handler](
               const Services &services, const QString &endpoint, const QByteArray &body) {
        Reply reply;
        const std::optional<Prepared<Request>> prepared
            = prepare<Request>(services, endpoint, requirement, body, &reply);
        return prepared ? handler(services, *prepared) : reply;
    };
}

/// A GET endpoint: no body, no model.
Route get(Reply (*handler)(const Services &))
{
    return [handler](const Services &services, const QString &, const QByteArray &) {
        return handler(services);
    };
}

/// Only models for which `capable` holds serve the endpoint; `missing` is the MISSING_CAPABILITY
/// message for the others. `defaultModel` serves requests that name none.
Requirement needs(
    bool (*capable)(const SandboxModel &), const QString &missing, const QString &defaultModel = {})
{
    Requirement requirement;
    requirement.defaultModel = defaultModel;
    requirement.capable = capable;
    requirement.missing = missing;
    return requirement;
}

bool completes(const SandboxModel &m)
{
    return m.settings.supportsCompletion();
}

bool embedsSemantically(const SandboxModel &m)
{
    return m.settings.embeddingType == u"semantic"_s;
}

/// Each endpoint's requirement and handler, by its name in core's registry.
QHash<QString, Route> sandboxRoutes()
{
    // Which model serves what (ModelTable.h); the messages are the real API's words.
    const QString completion = u"This model does not support completions."_s;
    const QString semantic = u"This model does not support semantic embeddings."_s;
    const QString base = u"sandbox-luminous-base"_s;
    return {
        {u"model-settings"_s, get(handleModelSettings)},
        {u"models_available"_s, get(handleModelsAvailable)},
        {u"users/me"_s, get(handleUserDetail)},
        {u"version"_s, get(handleVersion)},
        {u"models/{modelName}/tokenizer"_s,
            [](const Services &services, const QString &endpoint, const QByteArray &) {
                return handleModelTokenizer(services, endpoint);
            }},
        {u"complete"_s, post(needs(completes, completion), handleComplete)},
        {u"chat/completions"_s,
            post(needs([](const SandboxModel &m) { return m.settings.supportsChat(); },
                     u"This model does not support chat conversations."_s),
                handleChat)},
        {u"tokenize"_s, post(Requirement(), handleTokenize)},
        {u"detokenize"_s, post(Requirement(), handleDetokenize)},
        {u"evaluate"_s,
            post(needs(completes, u"This model does not support evaluation."_s), handleEvaluate)},
        {u"explain"_s,
            post(needs(completes, u"This model does not support explanations."_s), handleExplain)},
        {u"embed"_s,
            post(needs([](const SandboxModel &m) { return m.hiddenSize > 0; },
                     u"This model does not support /embed."_s),
                handleEmbed)},
        {u"semantic_embed"_s, post(needs(embedsSemantically, semantic, base), handleSemanticEmbed)},
        {u"batch_semantic_embed"_s,
            post(needs(embedsSemantically, semantic, base), handleBatchSemanticEmbed)},
        {u"instructable_embed"_s,
            post(needs(
                     [](const SandboxModel &m) {
                         return m.settings.embeddingType == u"instructable"_s;
                     },
                     u"This model does not support instructable embeddings."_s,
                     u"sandbox-pharia-1-embedding"_s),
                handleInstructableEmbed)},
        {u"embeddings"_s,
            post(needs([](const SandboxModel &m) { return m.embeddingSize > 0; },
                     u"This model does not support embeddings."_s),
                handleEmbeddings)},
        {u"translate"_s,
            post(needs([](const SandboxModel &m) { return m.translation; },
                     u"This model does not support translation."_s),
                handleTranslate)},
        {u"rerank"_s,
            post(needs([](const SandboxModel &m) { return m.rerank; },
                     u"This model does not support reranking."_s,
                     u"sandbox-bge-reranker-v2-m3"_s),
                handleRerank)},
        {u"steering_concepts"_s, post(Requirement(), handleCreateSteeringConcept)},
    };
}

/// The sandbox's routes under core's names. A mismatch is a mistake of whoever adds an endpoint:
/// a route whose name core does not know is left out (404), an endpoint core speaks without a
/// route answers 404; both are logged once.
QHash<QString, Route> buildRoutes()
{
    QHash<QString, Route> routes = sandboxRoutes();
    QHash<QString, Route> served;
    for (const QString &name : core::endpointNames()) {
        if (routes.contains(name))
            served.insert(name, routes.take(name));
        else
            qWarning("aleph-sandbox: core's endpoint /%s has no sandbox route", qPrintable(name));
    }
    for (auto it = routes.cbegin(); it != routes.cend(); ++it)
        qWarning("aleph-sandbox: the route /%s is not in core's endpoint registry",
            qPrintable(it.key()));
    return served;
}

} // namespace

const Route *findRoute(const QString &endpoint)
{
    static const QHash<QString, Route> routes = buildRoutes();
    auto it = routes.constFind(endpoint);
    if (it
        == routes.cend()) { // a path with parameters ("models/x/tokenizer"): the route of its name
        const core::EndpointInfo *info = core::findEndpoint(endpoint);
        if (info)
            it = routes.constFind(info->name);
    }
    return it == routes.cend() ? nullptr : &it.value();
}

} // namespace sandbox
