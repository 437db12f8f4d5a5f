// SPDX-License-Identifier: MIT
#include "core/auth/CredentialStore.h"

#include <QPointer>
#include <QTimer>

namespace core {

CredentialStore::CredentialStore(std::unique_ptr<SecretBackend> backend, QObject *parent)
    : QObject(parent)
    , m_backend(std::move(backend))
{}

CredentialStore::~CredentialStore() = default;

void CredentialStore::markUnavailable(const QString &reason)
{
    const bool first = !m_sessionOnly;
    m_sessionOnly = true;
    m_unavailableReason = reason;
    if (first)
        Q_EMIT keychainUnavailable(reason);
}

void CredentialStore::token(const QString &profileId, QObject *context, TokenCallback done)
{
    if (auto it = m_sessionTokens.constFind(profileId); it != m_sessionTokens.cend()) {
        const QString token = *it;
        QTimer::singleShot(0, context, [done = std::move(done), token] { done(token, QString()); });
        return;
    }
    QPointer<CredentialStore> self(this);
    m_backend->read(keyFor(profileId),
        context,
        [self, done = std::move(done)](SecretBackend::Status status, const QString &value) {
            switch (status) {
            case SecretBackend::Status::Ok:
                done(value, QString());
                return;
            case SecretBackend::Status::NotFound:
                done(QString(), QString());
                return;
            case SecretBackend::Status::Unavailable:
                if (self)
                    self->markUnavailable(value);
                done(QString(), tr("The keychain is unavailable (%1).").arg(value));
                return;
            case SecretBackend::Status::Failed:
                done(QString(), tr("The keychain could not read the token (%1).").arg(value));
                return;
            }
        });
}

void CredentialStore::setToken(
    const QString &profileId, const QString &token, QObject *context, SaveCallback done)
{
    if (token.isEmpty()) {
        removeToken(profileId, context, std::move(done));
        return;
    }
    QPointer<CredentialStore> self(this);
    m_backend->write(keyFor(profileId),
        token,
        context,
        [self, profileId, token, done = std::move(done)](
            SecretBackend::Status status, const QString &value) {
            if (status == SecretBackend::Status::Ok) {
                if (self)
                    self->m_sessionTokens.remove(profileId);
                done(true, QString());
                return;
            }
            if (self) {
                // Keep the token for this session so the user can still work.
                self->m_sessionTokens.insert(profileId, token);
                if (status == SecretBackend::Status::Unavailable)
                    self->markUnavailable(value);
            }
            done(false,
                status == SecretBackend::Status::Unavailable
                    ? tr("The keychain is unavailable (%1); the token is kept for this session "
                         "only.")
                          .arg(value)
                    : tr("The keychain could not store the token (%1); it is kept for this session "
                         "only.")
                          .arg(value));
        });
}

void CredentialStore::removeToken(const QString &profileId, QObject *context, SaveCallback done)
{
    m_sessionTokens.remove(profileId);
    QPointer<CredentialStore> self(this);
    m_backend->remove(keyFor(profileId),
        context,
        [self, done = std::move(done)](SecretBackend::Status status, const QString &value) {
            switch (status) {
            case SecretBackend::Status::Ok:
            case SecretBackend::Status::NotFound:
                done(true, QString());
                return;
            case SecretBackend::Status::Unavailable:
                if (self)
                    self->markUnavailable(value);
                done(false, tr("The keychain is unavailable (%1).").arg(value));
                return;
            case SecretBackend::Status::Failed:
                done(false, tr("The keychain could not delete the token (%1).").arg(value));
                return;
            }
        });
}

} // namespace core
