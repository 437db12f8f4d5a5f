// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace core {

/// Where secrets (API tokens) are kept: the OS keychain in the app, memory in tests.
/// Every operation is asynchronous; the callback runs later on the caller's thread, never inside
/// the call, and is dropped when `context` is destroyed first.
class SecretBackend
{
public:
    enum class Status {
        Ok, ///< done; for read, `value` is the secret
        NotFound, ///< no secret under this key (read/remove)
        Unavailable, ///< no keychain service (no D-Bus session, locked, denied); `value` says why
        Failed, ///< any other failure; `value` says why
    };
    using Callback = std::function<void(Status status, const QString &value)>;

    virtual ~SecretBackend() = default;
    /// Reads the secret stored under `key`.
    virtual void read(const QString &key, QObject *context, Callback done) = 0;
    /// Stores `secret` under `key`, replacing any earlier one.
    virtual void write(const QString &key, const QString &secret, QObject *context, Callback done)
        = 0;
    /// Deletes the secret under `key`.
    virtual void remove(const QString &key, QObject *context, Callback done) = 0;
    /// A short name for messages ("Secret Service", "memory").
    virtual QString name() const = 0;
};

/// Secrets in a hash in memory: for unit tests, and as the session-only store when the keychain
/// is unavailable. `setUnavailable(true)` makes every call answer Status::Unavailable (to test that
/// path without a broken keychain).
class MemorySecretBackend : public SecretBackend
{
public:
    void read(const QString &key, QObject *context, Callback done) override;
    void write(const QString &key, const QString &secret, QObject *context, Callback done) override;
    void remove(const QString &key, QObject *context, Callback done) override;
    QString name() const override { return QStringLiteral("memory"); }
    void setUnavailable(bool unavailable) { m_unavailable = unavailable; }
    /// The number of secrets held (tests).
    qsizetype size() const { return m_secrets.size(); }

private:
    QHash<QString, QString> m_secrets;
    bool m_unavailable = false;
};

/// The OS keychain through QtKeychain 0.13 (Secret Service on Linux, Keychain on macOS, Credential
/// Manager on Windows). Entries are stored under the service name `service` (the app uses
/// "aleph-playground") with the given key. No insecure fallback: a missing keychain is reported as
/// Status::Unavailable, and the caller decides (CredentialStore keeps the token for the session).
class KeychainSecretBackend : public SecretBackend
{
public:
    explicit KeychainSecretBackend(QString service);
    void read(const QString &key, QObject *context, Callback done) override;
    void write(const QString &key, const QString &secret, QObject *context, Callback done) override;
    void remove(const QString &key, QObject *context, Callback done) override;
    QString name() const override;

private:
    QString m_service;
};

} // namespace core
