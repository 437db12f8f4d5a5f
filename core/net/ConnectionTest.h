// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/ApiError.h"
#include "core/api/Models.h"
#include "core/net/ApiClient.h"

#include <QObject>
#include <QPointer>

#include <optional>

class QNetworkAccessManager;

namespace core {

/// Checks a connection before it is saved or used: `GET /users/me` with the config's token
/// (spec: UserDetail), and, where a deployment answers 404 there (self-hosted, no user
/// service), `GET /model-settings`, which also needs a valid token. No retries, and at most
/// 20 s a request, so a wrong address fails quickly. finished() fires exactly once, from the
/// event loop; deleting the test cancels it.
class ConnectionTest : public QObject
{
    Q_OBJECT
public:
    /// `nam` is not owned. The config's retry policy and timeout are tightened as above.
    ConnectionTest(QNetworkAccessManager *nam, ClientConfig config, QObject *parent = nullptr);
    ~ConnectionTest() override;

    void start();
    bool isRunning() const { return m_running; }
    /// Valid after finished(): whether the token was accepted.
    bool succeeded() const { return m_succeeded; }
    /// The token's user, when /users/me answered.
    std::optional<UserDetail> user() const { return m_user; }
    /// How many models /model-settings listed when /users/me was not there; -1 otherwise.
    int modelCount() const { return m_modelCount; }
    /// Why the test failed (the last request's error).
    const ApiError &error() const { return m_error; }
    /// The server tested, for messages ("http://localhost:8080").
    QUrl baseUrl() const;

Q_SIGNALS:
    void finished();

private:
    void end(bool ok, const ApiError &error = ApiError());

    ApiClient *m_client;
    QPointer<ApiJob> m_job;
    std::optional<UserDetail> m_user;
    ApiError m_error;
    int m_modelCount = -1;
    bool m_running = false;
    bool m_succeeded = false;
};

} // namespace core
