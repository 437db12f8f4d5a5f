// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/ApiClient.h"
#include "sandbox/SandboxServer.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>

#include <memory>

namespace testsupport {

/// The in-process sandbox on a free loopback port and an ApiClient for it: no proxy, no retries
/// (a test sees the first answer). For tests that link the `sandbox` library. Members are destroyed
/// client first, then the network manager, then the server.
struct SandboxClient
{
    std::unique_ptr<sandbox::EmbeddedSandbox> sandbox;
    std::unique_ptr<QNetworkAccessManager> nam;
    std::unique_ptr<core::ApiClient> client;

    /// Starts the server and makes the client; false with `error` when the server cannot start.
    bool start(QString *error)
    {
        sandbox = std::make_unique<sandbox::EmbeddedSandbox>();
        if (!sandbox->start(error))
            return false;
        nam = std::make_unique<QNetworkAccessManager>();
        nam->setProxy(QNetworkProxy::NoProxy);
        core::ClientConfig config;
        config.baseUrl = sandbox->baseUrl();
        config.token = sandbox->token();
        config.retry.totalRetries = 0;
        client = std::make_unique<core::ApiClient>(nam.get(), config);
        return true;
    }
    ~SandboxClient()
    {
        client.reset();
        nam.reset();
    }
};

} // namespace testsupport
