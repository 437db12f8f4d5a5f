// SPDX-License-Identifier: MIT
#pragma once

#include "core/auth/SecretBackend.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace core {

/// API tokens, one per connection profile, kept in a SecretBackend (the OS keychain in the app)
/// under the key `profile/<profile id>`. The token is never written anywhere else.
///
/// When the backend is unavailable (no Secret Service, locked, denied), a token being saved is kept
/// in memory for this session only, keychainUnavailable() is emitted with the reason, and
/// isSessionOnly() becomes true: the app tells the user the token will be forgotten on exit.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    /// Called with the token ("" when none is stored) and a problem ("" when none).
    using TokenCallback = std::function<void(const QString &token, const QString &problem)>;
    /// Called with whether the token is in the keychain (false: session only or failed) and a
    /// problem.
    using SaveCallback = std::function<void(bool persisted, const QString &problem)>;

    explicit CredentialStore(std::unique_ptr<SecretBackend> backend, QObject *parent = nullptr);
    ~CredentialStore() override;

    /// The token of profile `profileId`: the session copy when there is one, else the keychain's.
    /// `done` runs later (never inside the call), on this thread, unless `context` is gone.
    void token(const QString &profileId, QObject *context, TokenCallback done);
    /// Stores `token` for `profileId`. An empty token removes it.
    void setToken(
        const QString &profileId, const QString &token, QObject *context, SaveCallback done);
    /// Deletes the stored token of `profileId` (keychain and session copy). A missing entry is
    /// fine.
    void removeToken(const QString &profileId, QObject *context, SaveCallback done);

    /// True once the backend has reported itself unavailable in this session.
    bool isSessionOnly() const { return m_sessionOnly; }
    QString unavailableReason() const { return m_unavailableReason; }
    SecretBackend *backend() const { return m_backend.get(); }
    static QString keyFor(const QString &profileId)
    {
        return QStringLiteral("profile/") + profileId;
    }

Q_SIGNALS:
    /// The keychain cannot be used; tokens are kept for this session only. `reason` is the
    /// backend's.
    void keychainUnavailable(const QString &reason);

private:
    void markUnavailable(const QString &reason);

    std::unique_ptr<SecretBackend> m_backend;
    QHash<QString, QString> m_sessionTokens; // only when the keychain is unavailable
    bool m_sessionOnly = false;
    QString m_unavailableReason;
};

} // namespace core
