// SPDX-License-Identifier: MIT
#include "sandbox/Prepare.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace sandbox {

std::optional<QJsonObject> parseBody(const QByteArray &body, Reply *reply)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *reply = Reply::error(400,
            u"the request body is not valid JSON: %1 at offset %2"_s.arg(parseError.errorString())
                .arg(parseError.offset),
            u"INVALID_JSON"_s);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *reply = badRequest(u"the request body must be a JSON object"_s);
        return std::nullopt;
    }
    return document.object();
}

const SandboxModel *requireModel(
    const ModelTable &models, const QString &name, const Requirement &requirement, Reply *reply)
{
    const SandboxModel *model = models.find(name);
    if (!model) {
        *reply = Reply::error(400,
            u"unknown model \"%1\"; the sandbox serves: %2"_s.arg(
                name, models.names().join(u", "_s)),
            u"UNKNOWN_MODEL"_s);
        return nullptr;
    }
    if (requirement.capable && !requirement.capable(*model)) {
        *reply = missingCapability(requirement.missing);
        return nullptr;
    }
    return model;
}

bool resolveSteering(const SteeringConcepts &concepts,
    const QString &root,
    const std::optional<QStringList> &ids,
    const SandboxModel &model,
    std::optional<Steering> *out,
    Reply *reply)
{
    if (!ids || ids->isEmpty())
        return true;
    if (!model.steering) {
        *reply = missingCapability(u"This model does not support steering concepts."_s);
        return false;
    }
    *out = concepts.find(ids->first());
    if (!*out) {
        *reply
            = badRequest(u"%1: field \"steering_concepts\": unknown steering concept \"%2\""_s.arg(
                root, ids->first()));
        return false;
    }
    return true;
}

bool encodePrompts(const SyntheticModel &model,
    const QString &root,
    const QList<PromptField> &fields,
    const SandboxModel &target,
    std::optional<double> contextualControlThreshold,
    const QString &defaultOverlap,
    QList<EncodedPrompt> *out,
    Reply *reply)
{
    for (const PromptField &field : fields) {
        QString error;
        std::optional<EncodedPrompt> encoded = encodePrompt(
            model, *field.prompt, target, contextualControlThreshold, defaultOverlap, &error);
        if (!encoded) {
            *reply = badRequest(u"%1: field \"%2\": %3"_s.arg(root, field.name, error));
            return false;
        }
        out->append(std::move(*encoded));
    }
    return true;
}

} // namespace sandbox
