// SPDX-License-Identifier: MIT
#include "core/auth/SecretBackend.h"

#include <QPointer>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace core {

namespace {

void later(QObject *context, std::function<void()> f)
{
    QTimer::singleShot(0, context, std::move(f));
}

SecretBackend::Status statusOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return SecretBackend::Status::Ok;
    case QKeychain::EntryNotFound:
        return SecretBackend::Status::NotFound;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return SecretBackend::Status::Unavailable;
    case QKeychain::OtherError:
        // Without a D-Bus session QtKeychain reports OtherError for every job (DESIGN.md,
        // platform notes): the keychain is not reachable, which is "unavailable" to the user.
        return SecretBackend::Status::Unavailable;
    case QKeychain::CouldNotDeleteEntry:
        return SecretBackend::Status::Failed;
    }
    return SecretBackend::Status::Failed;
}

void runJob(QKeychain::Job *job, QObject *context, SecretBackend::Callback done, bool isRead)
{
    QPointer<QObject> guard(context);
    QObject::connect(job,
        &QKeychain::Job::finished,
        context,
        [guard, done = std::move(done), isRead](QKeychain::Job *j) {
            if (!guard)
                return;
            const SecretBackend::Status status = statusOf(j->error());
            QString value;
            if (status == SecretBackend::Status::Ok) {
                if (isRead)
                    value = static_cast<QKeychain::ReadPasswordJob *>(j)->textData();
            } else {
                value = j->errorString();
            }
            done(status, value);
        });
    job->setAutoDelete(true);
    job->start();
}

} // namespace

void MemorySecretBackend::read(const QString &key, QObject *context, Callback done)
{
    Status status = Status::NotFound;
    QString value;
    if (m_unavailable) {
        status = Status::Unavailable;
        value = QStringLiteral("the memory backend is set unavailable");
    } else if (auto it = m_secrets.constFind(key); it != m_secrets.cend()) {
        status = Status::Ok;
        value = *it;
    }
    later(context, [done = std::move(done), status, value] { done(status, value); });
}

void MemorySecretBackend::write(
    const QString &key, const QString &secret, QObject *context, Callback done)
{
    Status status = Status::Ok;
    QString value;
    if (m_unavailable) {
        status = Status::Unavailable;
        value = QStringLiteral("the memory backend is set unavailable");
    } else {
        m_secrets.insert(key, secret);
    }
    later(context, [done = std::move(done), status, value] { done(status, value); });
}

void MemorySecretBackend::remove(const QString &key, QObject *context, Callback done)
{
    Status status = Status::Ok;
    QString value;
    if (m_unavailable) {
        status = Status::Unavailable;
        value = QStringLiteral("the memory backend is set unavailable");
    } else if (!m_secrets.remove(key)) {
        status = Status::NotFound;
    }
    later(context, [done = std::move(done), status, value] { done(status, value); });
}

KeychainSecretBackend::KeychainSecretBackend(QString service)
    : m_service(std::move(service))
{}

QString KeychainSecretBackend::name() const
{
    return QStringLiteral("OS keychain");
}

void KeychainSecretBackend::read(const QString &key, QObject *context, Callback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    runJob(job, context, std::move(done), true);
}

void KeychainSecretBackend::write(
    const QString &key, const QString &secret, QObject *context, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setTextData(secret);
    runJob(job, context, std::move(done), false);
}

void KeychainSecretBackend::remove(const QString &key, QObject *context, Callback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    runJob(job, context, std::move(done), false);
}

} // namespace core
