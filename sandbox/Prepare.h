// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Prompt.h"
#include "core/api/Validation.h"
#include "sandbox/ModelTable.h"
#include "sandbox/PromptEncoding.h"
#include "sandbox/Reply.h"
#include "sandbox/SteeringConcepts.h"
#include "sandbox/SyntheticModel.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <type_traits>
#include <utility>

namespace sandbox {

/// What the prepare step and every handler work with, owned by SandboxApi. The model and the
/// table are only read; the concepts guard themselves, so requests may run on several threads.
struct Services
{
    const SyntheticModel &model; // not owned
    const ModelTable &models; // not owned
    SteeringConcepts &concepts; // not owned
};

/// What an endpoint asks of the model its request names.
struct Requirement
{
    /// The model when the request names none (the field is optional in the spec: semantic and
    /// instructable embeddings, rerank); unused when the field is required.
    QString defaultModel;
    /// Whether a model can serve the endpoint; nullptr when any model can (tokenize).
    bool (*capable)(const SandboxModel &model) = nullptr;
    /// The MISSING_CAPABILITY message when it cannot ("This model does not support completions.").
    QString missing;
};

/// A request that passed the prepare step, ready for its handler.
template<class Request>
struct Prepared
{
    Request request; ///< read strictly by Request::fromJson(), core::validate()d
    QJsonObject json; ///< the body as sent (requestSeed() hashes it)
    const SandboxModel *model
        = nullptr; ///< the model that serves it; nullptr when `Request` names none
    std::optional<Steering> steering; ///< its steering concept; unset when it asks for none
    /// Its prompts encoded for `model`, in promptFields() order: one for `prompt` (or `input`),
    /// one per item of `prompts` (batch_semantic_embed); empty when `Request` has none.
    QList<EncodedPrompt> prompts;

    /// The one prompt of a request with a `prompt` or `input` field.
    const EncodedPrompt &prompt() const { return prompts.first(); }
};

/// One prompt field of a request: its name as error messages give it, and the prompt.
struct PromptField
{
    QString name; ///< "prompt", "input", "prompts[3]"
    const core::Prompt *prompt; // not owned: a member of the request
};

/// The prompt fields of `request`: `prompt` or `input` when it is a core::Prompt, each item of a
/// `prompts` list; none for requests without (tokenize's `prompt` is a string, /embeddings'
/// `input` texts or ids). The pointers are into `request`.
template<class Request>
QList<PromptField> promptFields(const Request &request)
{
    using namespace Qt::StringLiterals;
    QList<PromptField> fields;
    if constexpr (requires { requires std::is_same_v<decltype(request.prompt), core::Prompt>; }) {
        fields.append({u"prompt"_s, &request.prompt});
    } else if constexpr (requires {
                             requires std::is_same_v<decltype(request.input), core::Prompt>;
                         }) {
        fields.append({u"input"_s, &request.input});
    } else if constexpr (requires {
                             requires std::is_same_v<decltype(request.prompts),
                                 QList<core::Prompt>>;
                         }) {
        for (qsizetype i = 0; i < request.prompts.size(); ++i)
            fields.append({u"prompts[%1]"_s.arg(i), &request.prompts.at(i)});
    }
    return fields;
}

/// The body as a JSON object; nullopt with a 400 in `reply`: INVALID_JSON (with Qt's message and
/// the byte offset) when it does not parse, INVALID_REQUEST when it is not an object.
std::optional<QJsonObject> parseBody(const QByteArray &body, Reply *reply);

/// The model `name` when it meets `requirement`; nullptr with a 400 in `reply`: UNKNOWN_MODEL
/// (listing the models the sandbox serves) or MISSING_CAPABILITY (requirement.missing).
const SandboxModel *requireModel(
    const ModelTable &models, const QString &name, const Requirement &requirement, Reply *reply);

/// The request's steering concept (core::validate() allows at most one) into `out`, which stays
/// unset when `ids` is unset or empty; false with a 400 in `reply` when the model cannot steer
/// (MISSING_CAPABILITY) or the id is unknown (`<root>: field "steering_concepts": ...`).
bool resolveSteering(const SteeringConcepts &concepts,
    const QString &root,
    const std::optional<QStringList> &ids,
    const SandboxModel &model,
    std::optional<Steering> *out,
    Reply *reply);

/// encodePrompt() of each field, in order, into `out`; false with a 400 in `reply` that names the
/// first field that fails: `<root>: field "<name>": <why>`.
bool encodePrompts(const SyntheticModel &model,
    const QString &root,
    const QList<PromptField> &fields,
    const SandboxModel &target,
    std::optional<double> contextualControlThreshold,
    const QString &defaultOverlap,
    QList<EncodedPrompt> *out,
    Reply *reply);

/// The name of the model a request asks for: its own or, when it names none, `fallback`.
inline QString modelName(const QString &model, const QString &)
{
    return model;
}
inline QString modelName(const std::optional<QString> &model, const QString &fallback)
{
    return model.value_or(fallback);
}

/// The one prepare step of every POST endpoint `root` ("complete"; it leads the messages), in the
/// order the checks answer:
/// 1. parseBody();
/// 2. `Request::fromJson()` in strict mode: a missing, mistyped or unknown field is a 400
///    INVALID_REQUEST that names it;
/// 3. `core::validate()`, where core has one for `Request` (ranges): the same 400;
/// 4. when `Request` has a `model` field, requireModel() (unknown model, missing capability);
/// 5. when it has `steering_concepts`, resolveSteering();
/// 6. encodePrompts() of its promptFields(), with its contextual_control_threshold and, for
///    /explain, its control_token_overlap (else "partial").
/// nullopt with the error reply in `reply`; otherwise everything the handler needs, so that it
/// only does its own work.
template<class Request>
std::optional<Prepared<Request>> prepare(const Services &services,
    const QString &root,
    const Requirement &requirement,
    const QByteArray &body,
    Reply *reply)
{
    using namespace Qt::StringLiterals;
    std::optional<QJsonObject> json = parseBody(body, reply);
    if (!json)
        return std::nullopt;
    QString error;
    std::optional<Request> request = Request::fromJson(*json, &error);
    if (!request) {
        *reply = badRequest(error);
        return std::nullopt;
    }
    if constexpr (requires { core::validate(*request); }) {
        const QString problem = core::validate(*request);
        if (!problem.isEmpty()) {
            *reply = badRequest(problem);
            return std::nullopt;
        }
    }
    Prepared<Request> prepared{std::move(*request), std::move(*json), nullptr, std::nullopt, {}};
    const Request &r = prepared.request;
    if constexpr (requires { r.model; }) {
        prepared.model = requireModel(
            services.models, modelName(r.model, requirement.defaultModel), requirement, reply);
        if (!prepared.model)
            return std::nullopt;
    }
    if constexpr (requires { r.steeringConcepts; }) {
        if (!resolveSteering(services.concepts,
                root,
                r.steeringConcepts,
                *prepared.model,
                &prepared.steering,
                reply))
            return std::nullopt;
    }
    const QList<PromptField> fields = promptFields(r);
    if (!fields.isEmpty()) {
        std::optional<double> threshold;
        if constexpr (requires { r.contextualControlThreshold; })
            threshold = r.contextualControlThreshold;
        QString overlap = u"partial"_s;
        if constexpr (requires { r.controlTokenOverlap; })
            overlap = r.controlTokenOverlap.value_or(u"partial"_s);
        if (!encodePrompts(services.model,
                root,
                fields,
                *prepared.model,
                threshold,
                overlap,
                &prepared.prompts,
                reply))
            return std::nullopt;
    }
    return prepared;
}

} // namespace sandbox
