// SPDX-License-Identifier: MIT
#include "core/net/ApiJob.h"

#include "core/util/Logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace core {

ApiJob::ApiJob(QNetworkAccessManager *nam, RequestSpec spec, RetryPolicy retry, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_spec(std::move(spec))
    , m_retry(retry)
{
    m_clock.start();
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &ApiJob::send);
}

ApiJob::~ApiJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ApiJob::start()
{
    QMetaObject::invokeMethod(this, &ApiJob::send, Qt::QueuedConnection);
}

void ApiJob::failLater(const ApiError &error)
{
    m_error = error;
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_state == State::Running)
                finish(State::Failed);
        },
        Qt::QueuedConnection);
}

void ApiJob::cancel()
{
    if (m_state != State::Running)
        return;
    m_state = State::Canceled; // set first: abort() re-enters onReplyFinished()
    m_retryTimer.stop();
    if (m_reply)
        m_reply->abort();
    else
        finish(State::Canceled); // waiting to retry, or not sent yet
}

void ApiJob::send()
{
    if (m_state != State::Running)
        return;
    ++m_attempts;
    m_httpStatus = 0;
    m_streamedBytes = 0;
    m_errorBody.clear();
    QNetworkRequest request = m_spec.request;
    request.setTransferTimeout(m_spec.transferTimeoutMs);
    if (m_spec.verb == "GET")
        m_reply = m_nam->get(request);
    else
        m_reply = m_nam->sendCustomRequest(request, m_spec.verb, m_spec.body);
    qCDebug(lcNet) << "send" << m_spec.endpoint << "attempt" << m_attempts;
    connect(m_reply, &QNetworkReply::readyRead, this, &ApiJob::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &ApiJob::onReplyFinished);
}

void ApiJob::onReadyRead()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_state != State::Running || m_streamError)
        return;
    if (m_httpStatus == 0)
        m_httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const qint64 limit = m_spec.maximumResponseBytes;
    const auto tooLarge = [this, reply, limit] {
        m_streamError = ApiError::make(ApiError::Kind::MalformedResponse,
            u"%1: the answer is larger than %2 MB; it was not read further"_s.arg(m_spec.endpoint)
                .arg(limit >> 20));
        reply->abort(); // re-enters onReplyFinished()
    };
    if (!isStreaming() || m_httpStatus >= 300) {
        // Read whole in onReplyFinished(); until then the reply buffers it, so it is bounded here.
        if (reply->bytesAvailable() > limit)
            tooLarge();
        return;
    }
    const QByteArray chunk = reply->readAll();
    m_streamedBytes += chunk.size();
    if (m_streamedBytes > limit)
        return tooLarge();
    ApiError error;
    if (!streamData(chunk, &error)) {
        m_streamError = error;
        reply->abort(); // re-enters onReplyFinished()
    }
}

bool ApiJob::streamData(QByteArrayView, ApiError *)
{
    return true;
}

void ApiJob::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply.clear();
    reply->deleteLater();
    if (m_state == State::Canceled)
        return finish(State::Canceled);
    if (m_streamError) {
        m_error = *m_streamError;
        m_error.message = ApiError::withoutCredentials(
            m_error.message, reply->request().rawHeader("Authorization"));
        return finish(State::Failed);
    }

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError netError = reply->error();
    m_error = ApiError();
    bool permanent = false; // a failure no retry can mend (unknown host, bad scheme)
    QByteArray body;
    if (status >= 400) {
        m_error = ApiError::fromHttp(status, reply->readAll(), reply->rawHeader("Retry-After"));
    } else if (netError != QNetworkReply::NoError) {
        // Still Running, so OperationCanceledError here was the transfer timeout, not cancel().
        switch (netError) {
        case QNetworkReply::OperationCanceledError:
        case QNetworkReply::TimeoutError:
            m_error = ApiError::make(ApiError::Kind::Timeout,
                u"no data for %1 s"_s.arg(m_spec.transferTimeoutMs / 1000.0));
            break;
        case QNetworkReply::SslHandshakeFailedError:
            m_error = ApiError::make(ApiError::Kind::Tls, reply->errorString());
            break;
        case QNetworkReply::HostNotFoundError:
        case QNetworkReply::ProtocolUnknownError:
        case QNetworkReply::ProtocolInvalidOperationError:
            m_error = ApiError::make(ApiError::Kind::Network, reply->errorString());
            permanent = true;
            break;
        default:
            m_error = ApiError::make(ApiError::Kind::Network, reply->errorString());
        }
        if (isStreaming() && m_delivered)
            m_error.kind = ApiError::Kind::Interrupted;
    } else if (isStreaming()) {
        ApiError error;
        if (!streamData(reply->readAll(), &error)) {
            m_error = error;
        } else if (!streamComplete()) {
            m_error = ApiError::make(
                ApiError::Kind::Interrupted, u"the stream ended before its final event"_s);
        }
    } else {
        body = reply->readAll();
    }

    if (m_error.isError()) {
        m_error.message = ApiError::withoutCredentials(
            m_error.message, reply->request().rawHeader("Authorization"));
        if (!permanent && !m_delivered && m_retry.shouldRetry(m_error, m_attempts - 1))
            return scheduleRetry();
        return finish(State::Failed);
    }
    if (!isStreaming())
        return deliverBody(body);
    finish(State::Succeeded);
}

void ApiJob::deliverBody(const QByteArray &body)
{
    ApiError error;
    const bool ok = parseBody(body, &error);
    bodyParsed(ok, error);
}

void ApiJob::bodyParsed(bool ok, const ApiError &error)
{
    if (m_state != State::Running)
        return;
    if (!ok) {
        m_error = error;
        return finish(State::Failed);
    }
    finish(State::Succeeded);
}

void ApiJob::scheduleRetry()
{
    const int retryIndex = m_attempts - 1;
    const int delay = m_retry.delayMs(
        retryIndex, m_error.retryAfterMs, QRandomGenerator::global()->generateDouble());
    qCInfo(lcNet) << m_spec.endpoint << "retry" << (retryIndex + 1) << "in" << delay << "ms after"
                  << m_error.toString();
    Q_EMIT retrying(retryIndex + 1, m_retry.totalRetries, delay, m_error);
    if (m_state != State::Running)
        return; // a listener cancelled
    m_retryTimer.start(delay);
}

void ApiJob::finish(State state)
{
    if (m_finished)
        return;
    m_finished = true;
    m_state = state;
    if (state == State::Succeeded)
        m_error = ApiError();
    Q_EMIT finished();
    if (m_autoDelete)
        deleteLater();
}

} // namespace core
