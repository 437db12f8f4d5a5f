// SPDX-License-Identifier: MIT
#include "sandbox/SandboxApi.h"

#include "core/api/Endpoints.h"
#include "core/api/Gradient.h"
#include "sandbox/Cancellation.h"
#include "sandbox/Prepare.h"
#include "sandbox/Routes.h"
#include "sandbox/handlers/Handlers.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace sandbox {

SandboxApi::SandboxApi() = default;

Services SandboxApi::services()
{
    return Services{m_model, m_models, m_concepts};
}

bool SandboxApi::knows(const QString &endpoint, bool *isGet)
{
    const core::EndpointInfo *info = core::findEndpoint(endpoint);
    const bool served = info && findRoute(endpoint);
    if (isGet)
        *isGet = served && info->isGet;
    return served;
}

Reply SandboxApi::handle(const QString &endpoint,
    const QByteArray &method,
    const QByteArray &body,
    const std::atomic_bool *cancelFlag)
{
    const CancelScope scope(cancelFlag);
    const core::EndpointInfo *info = core::findEndpoint(endpoint);
    const Route *route = info ? findRoute(endpoint) : nullptr;
    if (!route)
        return Reply::error(404, u"no endpoint /%1"_s.arg(endpoint), u"NOT_FOUND"_s);
    if ((method == "GET") != info->isGet)
        return Reply::error(405,
            u"/%1 takes %2"_s.arg(endpoint, info->isGet ? u"GET"_s : u"POST"_s),
            u"METHOD_NOT_ALLOWED"_s);
    return (*route)(services(), endpoint, body);
}

Reply SandboxApi::handleGradient(const QString &slug,
    const QByteArray &workspaceId,
    const QByteArray &body,
    const std::atomic_bool *cancelFlag)
{
    const CancelScope scope(cancelFlag);
    if (workspaceId.isEmpty())
        return Reply::json(
            QJsonObject{{u"message"_s, u"missing header x-gradient-workspace-id"_s}}, 401);
    if (slug.isEmpty())
        return Reply::json(QJsonObject{{u"message"_s, u"no model slug in the path"_s}}, 404);
    Reply reply;
    const std::optional<Prepared<core::GradientEmbeddingsRequest>> prepared
        = prepare<core::GradientEmbeddingsRequest>(
            services(), u"gradient"_s, Requirement(), body, &reply);
    if (!prepared)
        return Reply::json(QJsonObject{{u"message"_s,
                               QJsonDocument::fromJson(reply.body).object().value(u"error"_s)}},
            reply.status);
    return handleGradientEmbeddings(*prepared, slug);
}

void SandboxApi::setStateFile(const QString &path)
{
    QFile file(path);
    QJsonArray requests;
    if (file.exists()) {
        QJsonParseError error{};
        const QJsonDocument doc = file.open(QIODevice::ReadOnly)
            ? QJsonDocument::fromJson(file.read(64 << 20), &error)
            : QJsonDocument();
        file.close();
        if (!doc.isObject() || !doc.object().value(u"steering_concepts"_s).isArray()) {
            qWarning("aleph-sandbox: %s is not a sandbox state file; set aside as .bad",
                qPrintable(path));
            QFile::remove(path + u".bad"_s);
            QFile::rename(path, path + u".bad"_s);
        } else {
            requests = doc.object().value(u"steering_concepts"_s).toArray();
        }
    }
    // Made again through the endpoint itself, so the ids and the concepts are the same as before.
    QJsonArray made;
    for (const QJsonValue &request : std::as_const(requests)) {
        const Reply reply = handle(u"steering_concepts"_s,
            "POST",
            QJsonDocument(request.toObject()).toJson(QJsonDocument::Compact));
        if (reply.status == 201)
            made.append(request);
    }
    m_concepts.keepIn(path, made);
}

} // namespace sandbox
