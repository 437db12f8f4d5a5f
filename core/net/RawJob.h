// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Endpoints.h"
#include "core/net/Jobs.h"

namespace core {

/// A request to any endpoint core speaks, with bodies in the API's own JSON format. Answers go
/// through the endpoint's typed response (fromJson, then toJson), so what comes out is what the
/// typed layer keeps. Used by `alephctl request` and the contract tests.
class RawJob : public SseJob
{
    Q_OBJECT
public:
    RawJob(QNetworkAccessManager *nam,
        RequestSpec spec,
        RetryPolicy retry,
        const EndpointInfo *info,
        bool streaming,
        QObject *parent);
    /// The typed response as JSON (non-streaming, once Succeeded); a string for text/plain answers.
    QJsonValue response() const { return m_response; }
    /// Every typed stream event so far.
    const QList<QJsonObject> &events() const { return m_events; }

Q_SIGNALS:
    void eventReceived(const QJsonObject &event);

protected:
    bool isStreaming() const override { return m_streaming; }
    bool parseBody(const QByteArray &body, ApiError *error) override;
    bool handleEvent(const QJsonObject &event, ApiError *error) override;
    bool streamComplete() const override { return m_sawDone || m_sawFinal; }

private:
    const EndpointInfo *m_info; // not owned: static registry
    bool m_streaming;
    bool m_sawFinal = false;
    QJsonValue m_response;
    QList<QJsonObject> m_events;
};

} // namespace core
