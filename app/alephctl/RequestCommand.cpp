// SPDX-License-Identifier: MIT
// alephctl request ENDPOINT [FILE|-]: a JSON body in the API's format, checked by the endpoint
// registry, sent as it is; the typed answer (or each streamed event) printed as compact JSON.
#include "app/alephctl/Cli.h"
#include "app/alephctl/Command.h"
#include "core/api/Endpoints.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace alephctl {

int requestCommand(QCoreApplication &app, core::ApiClient &client, const QStringList &args)
{
    if (args.size() < 2 || args.size() > 3)
        return usage(u"request takes ENDPOINT [FILE|-]"_s);
    const QString endpoint = args.at(1);
    const core::EndpointInfo *info = core::findEndpoint(endpoint);
    if (!info)
        return usage(u"unknown endpoint \"%1\"; known: %2"_s.arg(
            endpoint, core::endpointNames().join(u", "_s)));
    QJsonObject body;
    if (info->isGet) {
        if (args.size() == 3)
            return usage(u"GET endpoint \"%1\" takes no FILE"_s.arg(endpoint));
    } else {
        const QString file = args.value(2, u"-"_s);
        QFile f;
        if (int rc = openInput(file, &f))
            return rc;
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return usage(u"%1: invalid JSON at offset %2: %3"_s.arg(file)
                             .arg(parseError.offset)
                             .arg(parseError.errorString()));
        if (!doc.isObject())
            return usage(u"%1: the request body must be a JSON object"_s.arg(file));
        body = doc.object();
        QString error;
        if (!info->normalizeRequest(body, &error)) {
            err(error);
            return Usage;
        }
    }
    core::RawJob *job = client.request(endpoint, body);
    QObject::connect(job, &core::RawJob::eventReceived, &app, [](const QJsonObject &event) {
        out(QJsonDocument(event).toJson(QJsonDocument::Compact) + '\n');
    });
    return runJob(app, job, [](core::RawJob *j) {
        if (j->events().isEmpty() || !j->response().isUndefined()) {
            const QJsonValue r = j->response();
            if (r.isString())
                out(r.toString().trimmed().toUtf8() + '\n');
            else if (r.isArray())
                out(QJsonDocument(r.toArray()).toJson(QJsonDocument::Compact) + '\n');
            else if (r.isObject())
                out(QJsonDocument(r.toObject()).toJson(QJsonDocument::Compact) + '\n');
        }
    });
}

} // namespace alephctl
