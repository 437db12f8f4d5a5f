// SPDX-License-Identifier: MIT
#include "core/net/ConnectionTest.h"

#include <algorithm>

namespace core {

namespace {

ClientConfig tightened(ClientConfig config)
{
    config.retry.totalRetries = 0;
    config.transferTimeoutMs = std::min(config.transferTimeoutMs, 20000);
    return config;
}

} // namespace

ConnectionTest::ConnectionTest(QNetworkAccessManager *nam, ClientConfig config, QObject *parent)
    : QObject(parent)
    , m_client(new ApiClient(nam, tightened(std::move(config)), this))
{}

ConnectionTest::~ConnectionTest()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
    }
}

QUrl ConnectionTest::baseUrl() const
{
    return m_client->config().baseUrl;
}

void ConnectionTest::start()
{
    if (m_running)
        return;
    m_running = true;
    UserDetailJob *job = m_client->usersMe();
    m_job = job;
    connect(job, &ApiJob::finished, this, [this, job] {
        if (job->state() == ApiJob::State::Succeeded) {
            m_user = job->result();
            return end(true);
        }
        if (job->error().httpStatus != 404)
            return end(false, job->error());
        ModelSettingsJob *models = m_client->modelSettings();
        m_job = models;
        connect(models, &ApiJob::finished, this, [this, models] {
            if (models->state() != ApiJob::State::Succeeded)
                return end(false, models->error());
            m_modelCount = int(models->result().models.size());
            end(true);
        });
    });
}

void ConnectionTest::end(bool ok, const ApiError &error)
{
    m_job.clear();
    m_running = false;
    m_succeeded = ok;
    m_error = error;
    Q_EMIT finished();
}

} // namespace core
