// SPDX-License-Identifier: MIT
#include "core/settings/ConnectionProfile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSslCertificate>
#include <QUuid>

#include <algorithm>

namespace core {

ConnectionProfile ConnectionProfile::offlineSandbox()
{
    ConnectionProfile p;
    p.id = QString::fromLatin1(kSandboxId);
    p.name = QCoreApplication::translate("core::ConnectionProfile", "Offline sandbox");
    p.baseUrl = QUrl();
    p.isSandbox = true;
    p.totalRetries = 2;
    p.timeoutSeconds = 60;
    return p;
}

QString ConnectionProfile::validate() const
{
    if (name.trimmed().isEmpty())
        return QCoreApplication::translate(
            "core::ConnectionProfile", "Name: give the profile a name.");
    if (!isSandbox) {
        if (!baseUrl.isValid()
            || (baseUrl.scheme() != QLatin1String("https")
                && baseUrl.scheme() != QLatin1String("http"))
            || baseUrl.host().isEmpty())
            return QCoreApplication::translate("core::ConnectionProfile",
                "Base URL: \"%1\" is not an http(s) URL, e.g. https://api.aleph-alpha.com or "
                "https://inference-api.example.com/v1.")
                .arg(baseUrl.toString());
    }
    if (!hosting.isEmpty() && hosting != QLatin1String("aleph-alpha"))
        return QCoreApplication::translate(
            "core::ConnectionProfile", "Hosting: only \"aleph-alpha\" or none.");
    if (timeoutSeconds < 1 || timeoutSeconds > 3600)
        return QCoreApplication::translate(
            "core::ConnectionProfile", "Timeout: between 1 and 3600 seconds.");
    if (totalRetries < 0 || totalRetries > 20)
        return QCoreApplication::translate("core::ConnectionProfile", "Retries: between 0 and 20.");
    if (!caBundlePath.isEmpty()) {
        const QFileInfo info(caBundlePath);
        if (!info.isFile() || !info.isReadable())
            return QCoreApplication::translate(
                "core::ConnectionProfile", "CA bundle: cannot read \"%1\".")
                .arg(caBundlePath);
        if (QSslCertificate::fromPath(caBundlePath, QSsl::Pem).isEmpty())
            return QCoreApplication::translate(
                "core::ConnectionProfile", "CA bundle: \"%1\" holds no PEM certificate.")
                .arg(caBundlePath);
    }
    if (proxyMode == ProxyMode::Explicit) {
        const QString scheme = proxyUrl.scheme();
        if (!proxyUrl.isValid() || proxyUrl.host().isEmpty() || proxyUrl.port() <= 0
            || (scheme != QLatin1String("http") && scheme != QLatin1String("socks5")))
            return QCoreApplication::translate("core::ConnectionProfile",
                "Proxy: write it as http://host:port or socks5://host:port.");
    }
    return QString();
}

ClientConfig ConnectionProfile::toClientConfig(const QString &token, QString *error) const
{
    ClientConfig config;
    config.baseUrl = baseUrl;
    config.token = token;
    if (!hosting.isEmpty())
        config.hosting = hosting;
    config.nice = nice;
    config.transferTimeoutMs = std::clamp(timeoutSeconds, 1, 3600) * 1000;
    config.retry.totalRetries = std::clamp(totalRetries, 0, 20);
    config.verifyPeer = verifyTls;
    if (!caBundlePath.isEmpty()) {
        config.caCertificates = QSslCertificate::fromPath(caBundlePath, QSsl::Pem);
        if (config.caCertificates.isEmpty() && error)
            *error = QCoreApplication::translate(
                "core::ConnectionProfile", "CA bundle: \"%1\" holds no PEM certificate.")
                         .arg(caBundlePath);
    }
    switch (proxyMode) {
    case ProxyMode::System:
        break;
    case ProxyMode::None:
        config.proxy = QNetworkProxy(QNetworkProxy::NoProxy);
        break;
    case ProxyMode::Explicit: {
        const auto type = proxyUrl.scheme() == QLatin1String("socks5") ? QNetworkProxy::Socks5Proxy
                                                                       : QNetworkProxy::HttpProxy;
        QNetworkProxy proxy(type,
            proxyUrl.host(),
            quint16(proxyUrl.port()),
            proxyUrl.userName(),
            proxyUrl.password());
        config.proxy = proxy;
        break;
    }
    }
    return config;
}

ProfileStore::ProfileStore(QSettings *settings)
    : m_settings(settings)
{}

QList<ConnectionProfile> ProfileStore::stored() const
{
    QList<ConnectionProfile> list;
    QStringList problems;
    const int size = m_settings->beginReadArray(QStringLiteral("profiles"));
    const int n = std::clamp(size, 0, kMaximumProfiles);
    if (size != n)
        problems << QCoreApplication::translate("core::ConnectionProfile",
            "%1: profiles/size is %2; only the first %3 profiles are read.")
                        .arg(m_settings->fileName())
                        .arg(size)
                        .arg(n);
    // A whole number within [low, high], else `fallback` and a message naming the entry.
    const auto ranged
        = [&](const ConnectionProfile &p, const QString &key, int fallback, int low, int high) {
              const QVariant v = m_settings->value(key, fallback);
              bool ok = false;
              const qlonglong value = v.toLongLong(&ok);
              if (ok && value >= low && value <= high)
                  return int(value);
              problems << QCoreApplication::translate("core::ConnectionProfile",
                  "Profile \"%1\": %2 = %3 is not between %4 and %5; %6 is used.")
                              .arg(p.name.isEmpty() ? p.id : p.name, key, v.toString())
                              .arg(low)
                              .arg(high)
                              .arg(fallback);
              return fallback;
          };
    for (int i = 0; i < n; ++i) {
        m_settings->setArrayIndex(i);
        ConnectionProfile p;
        p.id = m_settings->value(QStringLiteral("id")).toString();
        p.name = m_settings->value(QStringLiteral("name")).toString();
        p.baseUrl = QUrl(m_settings->value(QStringLiteral("baseUrl")).toString());
        p.hosting = m_settings->value(QStringLiteral("hosting")).toString();
        p.nice = m_settings->value(QStringLiteral("nice"), false).toBool();
        p.timeoutSeconds
            = ranged(p, QStringLiteral("timeoutSeconds"), defaults::kTimeoutSeconds, 1, 3600);
        p.totalRetries = ranged(p, QStringLiteral("totalRetries"), defaults::kTotalRetries, 0, 20);
        p.verifyTls = m_settings->value(QStringLiteral("verifyTls"), true).toBool();
        p.caBundlePath = m_settings->value(QStringLiteral("caBundlePath")).toString();
        const QString proxy
            = m_settings->value(QStringLiteral("proxyMode"), QStringLiteral("system")).toString();
        p.proxyMode = proxy == QLatin1String("none") ? ConnectionProfile::ProxyMode::None
            : proxy == QLatin1String("explicit")     ? ConnectionProfile::ProxyMode::Explicit
                                                     : ConnectionProfile::ProxyMode::System;
        p.proxyUrl = QUrl(m_settings->value(QStringLiteral("proxyUrl")).toString());
        if (!p.id.isEmpty() && p.id != QLatin1String(ConnectionProfile::kSandboxId))
            list.append(p);
    }
    m_settings->endArray();
    m_problems = problems;
    return list;
}

void ProfileStore::write(const QList<ConnectionProfile> &profiles)
{
    m_settings->remove(QStringLiteral("profiles"));
    m_settings->beginWriteArray(QStringLiteral("profiles"), int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const ConnectionProfile &p = profiles.at(i);
        m_settings->setArrayIndex(i);
        m_settings->setValue(QStringLiteral("id"), p.id);
        m_settings->setValue(QStringLiteral("name"), p.name);
        m_settings->setValue(QStringLiteral("baseUrl"), p.baseUrl.toString());
        m_settings->setValue(QStringLiteral("hosting"), p.hosting);
        m_settings->setValue(QStringLiteral("nice"), p.nice);
        m_settings->setValue(QStringLiteral("timeoutSeconds"), p.timeoutSeconds);
        m_settings->setValue(QStringLiteral("totalRetries"), p.totalRetries);
        m_settings->setValue(QStringLiteral("verifyTls"), p.verifyTls);
        m_settings->setValue(QStringLiteral("caBundlePath"), p.caBundlePath);
        m_settings->setValue(QStringLiteral("proxyMode"),
            p.proxyMode == ConnectionProfile::ProxyMode::None           ? QStringLiteral("none")
                : p.proxyMode == ConnectionProfile::ProxyMode::Explicit ? QStringLiteral("explicit")
                                                                        : QStringLiteral("system"));
        m_settings->setValue(QStringLiteral("proxyUrl"), p.proxyUrl.toString());
    }
    m_settings->endArray();
    m_settings->sync();
}

QList<ConnectionProfile> ProfileStore::profiles() const
{
    return QList<ConnectionProfile>{ConnectionProfile::offlineSandbox()} + stored();
}

ConnectionProfile ProfileStore::profile(const QString &id) const
{
    for (const ConnectionProfile &p : stored()) {
        if (p.id == id)
            return p;
    }
    return ConnectionProfile::offlineSandbox();
}

bool ProfileStore::contains(const QString &id) const
{
    if (id == QLatin1String(ConnectionProfile::kSandboxId))
        return true;
    for (const ConnectionProfile &p : stored()) {
        if (p.id == id)
            return true;
    }
    return false;
}

QString ProfileStore::save(ConnectionProfile profile)
{
    if (profile.id == QLatin1String(ConnectionProfile::kSandboxId) || profile.isSandbox)
        return QString::fromLatin1(ConnectionProfile::kSandboxId);
    if (profile.id.isEmpty())
        profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QList<ConnectionProfile> list = stored();
    bool replaced = false;
    for (ConnectionProfile &p : list) {
        if (p.id == profile.id) {
            p = profile;
            replaced = true;
        }
    }
    if (!replaced)
        list.append(profile);
    write(list);
    return profile.id;
}

bool ProfileStore::remove(const QString &id)
{
    QList<ConnectionProfile> list = stored();
    const qsizetype removed = list.removeIf([&](const ConnectionProfile &p) { return p.id == id; });
    if (removed == 0)
        return false;
    write(list);
    if (currentId() == id)
        setCurrentId(QString::fromLatin1(ConnectionProfile::kSandboxId));
    return true;
}

QString ProfileStore::currentId() const
{
    const QString id = m_settings->value(QStringLiteral("currentProfile")).toString();
    return contains(id) ? id : QString::fromLatin1(ConnectionProfile::kSandboxId);
}

void ProfileStore::setCurrentId(const QString &id)
{
    m_settings->setValue(QStringLiteral("currentProfile"), id);
    m_settings->sync();
}

} // namespace core
