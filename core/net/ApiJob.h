// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/ApiError.h"
#include "core/net/RetryPolicy.h"

#include <QElapsedTimer>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;
class QNetworkReply;

namespace core {

/// What one logical request sends: built by ApiClient, sent (and re-sent on retry) by ApiJob.
struct RequestSpec
{
    QString endpoint; ///< "complete", "chat/completions", "model-settings"
    QNetworkRequest request; ///< URL and headers
    QByteArray verb = "POST"; ///< "GET" or "POST"
    QByteArray body; ///< JSON text; empty for GET
    int transferTimeoutMs = 305000;
    /// The most bytes one answer may have (a whole body, an error body, or all events of a
    /// stream together): more fails the attempt with MalformedResponse, so that a hostile or
    /// broken server cannot make the client hold unbounded memory. ApiClient sets it per endpoint.
    qint64 maximumResponseBytes = 64ll << 20;
};

/// One logical API request: it owns the QNetworkReply, retries by RetryPolicy, applies the
/// transfer timeout, and can be cancelled at any time (in flight or while waiting to retry).
/// finished() fires exactly once, and never from inside the ApiClient call that made the job.
/// With autoDelete (the default) the job deletes itself after finished().
class ApiJob : public QObject
{
    Q_OBJECT
public:
    enum class State { Running, Succeeded, Failed, Canceled };
    Q_ENUM(State)

    ~ApiJob() override;

    State state() const { return m_state; }
    const ApiError &error() const { return m_error; }
    QString endpoint() const { return m_spec.endpoint; }
    /// Attempts made so far (1 after the first send).
    int attempts() const { return m_attempts; }
    /// Milliseconds since the job was created.
    qint64 elapsedMs() const { return m_clock.elapsed(); }
    /// JSON body that was sent (for history and "view code"; it never contains the token).
    QByteArray requestBody() const { return m_spec.body; }
    /// What the history keeps as this job's answer once it has Succeeded: the typed result as
    /// compact JSON (the response schema's fields, as toJson() writes them), or the text of a
    /// text/plain answer. Empty before success and for jobs whose answer is kept elsewhere.
    virtual QString answerText() const { return {}; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }
    /// Answers of at least this many bytes are parsed on Qt's thread pool (QtConcurrent), so a
    /// multi-megabyte answer (5,120-float embeddings, long explanations) does not stall the GUI
    /// thread; smaller ones are parsed at once. 0 = always off the thread; default 64 KiB.
    /// finished() is emitted on the job's own thread either way.
    void setOffThreadParseBytes(qsizetype bytes) { m_offThreadParseBytes = bytes; }
    qsizetype offThreadParseBytes() const { return m_offThreadParseBytes; }

    /// Idempotent. Like QNetworkReply::abort(), emits finished() synchronously with Canceled.
    void cancel();

    /// Sends the first attempt from the event loop (never synchronously). Whoever creates a job
    /// starts it once, right away (ApiClient does for its jobs).
    void start();
    /// Fails the job from the event loop with an error known before sending.
    void failLater(const ApiError &error);

Q_SIGNALS:
    void finished();
    /// A retry is scheduled: retry number `retry` of `totalRetries`, after `delayMs`.
    void retrying(int retry, int totalRetries, int delayMs, const core::ApiError &error);

protected:
    ApiJob(QNetworkAccessManager *nam, RequestSpec spec, RetryPolicy retry, QObject *parent);

    /// Non-streaming jobs: turn the 2xx body into the typed result. On failure set `error`.
    virtual bool parseBody(const QByteArray &body, ApiError *error) = 0;
    /// Non-streaming jobs: the 2xx body has arrived. The default parses it at once with
    /// parseBody() and finishes; a job may instead parse elsewhere and call bodyParsed() later.
    virtual void deliverBody(const QByteArray &body);
    /// Ends a deliverBody() that parsed later: succeeds, or fails with `error`. Ignored when the
    /// job has been cancelled meanwhile.
    void bodyParsed(bool ok, const ApiError &error);
    /// Streaming jobs return true: the body is fed to streamData() as it arrives.
    virtual bool isStreaming() const { return false; }
    /// Streaming jobs: consume a chunk of a 2xx body. Returns false and sets `error` when the
    /// stream is malformed; the job then fails and keeps what was delivered.
    virtual bool streamData(QByteArrayView chunk, ApiError *error);
    /// Streaming jobs: whether the final event arrived (else the stream counts as cut).
    virtual bool streamComplete() const { return true; }
    /// Streaming jobs call this when an event has reached listeners: no retry after that.
    void markDelivered() { m_delivered = true; }

private:
    void send();
    void onReadyRead();
    void onReplyFinished();
    void finish(State state);
    void scheduleRetry();

    QNetworkAccessManager *m_nam; // not owned
    RequestSpec m_spec;
    RetryPolicy m_retry;
    QPointer<QNetworkReply> m_reply;
    QTimer m_retryTimer;
    QElapsedTimer m_clock;
    ApiError m_error;
    std::optional<ApiError> m_streamError; // set before aborting a malformed stream
    QByteArray m_errorBody;
    State m_state = State::Running;
    int m_attempts = 0;
    int m_httpStatus = 0;
    qint64 m_streamedBytes = 0; // this attempt's stream bytes so far
    bool m_delivered = false;
    qsizetype m_offThreadParseBytes = 64 * 1024;
    bool m_autoDelete = true;
    bool m_finished = false;
};

} // namespace core
