// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/ApiClient.h"
#include "core/settings/Preferences.h"

#include <QList>
#include <QSettings>
#include <QString>
#include <QUrl>

namespace core {

/// One way to reach the API (DESIGN.md, "Connection profiles"). Holds no secret: the token is in
/// the CredentialStore under the profile's id.
struct ConnectionProfile
{
    enum class ProxyMode { System, None, Explicit };

    QString id; ///< stable key (a UUID; "offline-sandbox" for the built-in sandbox profile)
    QString name; ///< shown in the profile picker
    QUrl baseUrl = defaults::baseUrl();
    QString hosting; ///< "" (any datacenter) or "aleph-alpha"
    bool nice = false; ///< `?nice=true`: lower priority on the server
    int timeoutSeconds
        = defaults::kTimeoutSeconds; ///< no data for this long ends an attempt; 1..3600
    int totalRetries
        = defaults::kTotalRetries; ///< retries of busy/rate-limited/transient failures; 0..20
    bool verifyTls = true; ///< off shows a warning badge
    QString caBundlePath; ///< PEM file of extra trusted CAs, "" for none
    ProxyMode proxyMode = ProxyMode::System;
    QUrl proxyUrl; ///< http://host:port or socks5://host:port when Explicit
    bool isSandbox = false; ///< the in-process offline sandbox (base URL set at run time)

    static constexpr const char *kSandboxId = "offline-sandbox";
    /// The built-in "Offline sandbox" profile; always present, cannot be removed.
    static ConnectionProfile offlineSandbox();

    /// "" when usable, else what is wrong, naming the field (base URL, timeout, CA bundle, proxy).
    QString validate() const;
    /// The client settings for this profile with `token`. `error` (optional) receives a problem
    /// reading the CA bundle; the rest of the config is still filled in.
    ClientConfig toClientConfig(const QString &token, QString *error = nullptr) const;
    bool operator==(const ConnectionProfile &) const = default;
};

/// The list of profiles, kept in QSettings under `profiles/` (no tokens), and which one is current.
/// The offline sandbox profile is always first and is never written.
class ProfileStore
{
public:
    /// `settings` is not owned and must outlive the store.
    explicit ProfileStore(QSettings *settings);
    QList<ConnectionProfile> profiles() const;
    /// The profile with this id, or the sandbox profile when there is none.
    ConnectionProfile profile(const QString &id) const;
    bool contains(const QString &id) const;
    /// Adds or replaces (by id) a profile. A profile without id gets a new UUID. Returns its id.
    /// The sandbox profile cannot be changed (returns its id, stores nothing).
    QString save(ConnectionProfile profile);
    /// Removes a profile (not the sandbox). Returns false if there was none.
    bool remove(const QString &id);
    /// The id of the profile the app opens with; the sandbox on a fresh install.
    QString currentId() const;
    void setCurrentId(const QString &id);
    /// What was wrong in the settings file when the profiles were last read, one message per bad
    /// entry naming it (an out-of-range timeout, an absurd profile count). Bad values are replaced
    /// by their defaults when read; nothing is written back until the user saves a profile.
    QStringList problems() const { return m_problems; }

    /// At most this many profiles are read (a hostile `profiles/size` cannot stall the start).
    static constexpr int kMaximumProfiles = 200;

private:
    QList<ConnectionProfile> stored() const;
    void write(const QList<ConnectionProfile> &profiles);
    QSettings *m_settings;
    mutable QStringList m_problems;
};

} // namespace core
