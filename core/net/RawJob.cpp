// SPDX-License-Identifier: MIT
#include "core/net/RawJob.h"

using namespace Qt::StringLiterals;

namespace core {

RawJob::RawJob(QNetworkAccessManager *nam,
    RequestSpec spec,
    RetryPolicy retry,
    const EndpointInfo *info,
    bool streaming,
    QObject *parent)
    : SseJob(nam, std::move(spec), retry, parent)
    , m_info(info)
    , m_streaming(streaming)
{}

bool RawJob::parseBody(const QByteArray &body, ApiError *error)
{
    if (m_info->textResponse) {
        m_response = QString::fromUtf8(body);
        return true;
    }
    const std::optional<QJsonValue> json = detail::parseJsonBody(body, endpoint(), error);
    if (!json)
        return false;
    QString message;
    const std::optional<QJsonValue> typed = m_info->normalizeResponse(*json, &message);
    if (!typed) {
        *error = ApiError::make(ApiError::Kind::MalformedResponse, message);
        return false;
    }
    m_response = *typed;
    return true;
}

bool RawJob::handleEvent(const QJsonObject &event, ApiError *error)
{
    if (!m_info->normalizeStreamEvent) {
        *error
            = ApiError::make(ApiError::Kind::MalformedResponse, endpoint() + u" does not stream"_s);
        return false;
    }
    QString message;
    const std::optional<QJsonObject> typed = m_info->normalizeStreamEvent(event, &message);
    if (!typed) {
        *error = ApiError::make(ApiError::Kind::MalformedResponse, message);
        return false;
    }
    if (m_info->isFinalStreamEvent && m_info->isFinalStreamEvent(*typed))
        m_sawFinal = true;
    m_events.append(*typed);
    markDelivered();
    Q_EMIT eventReceived(*typed);
    return true;
}

} // namespace core
