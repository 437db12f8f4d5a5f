// SPDX-License-Identifier: MIT
// CredentialStore over the memory backend (the keychain path itself is TestKeychain), and the
// connection profiles: sandbox always present, no secret in QSettings, config mapping.
#include "core/auth/CredentialStore.h"
#include "core/settings/ConnectionProfile.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;

namespace {

struct TokenResult
{
    QString token;
    QString problem;
    bool done = false;
};

TokenResult readToken(core::CredentialStore &store, const QString &profile)
{
    TokenResult r;
    QObject context;
    store.token(profile, &context, [&](const QString &t, const QString &p) { r = {t, p, true}; });
    if (!QTest::qWaitFor([&] { return r.done; }, 5000))
        qWarning("token() never answered");
    return r;
}

std::pair<bool, QString> saveToken(
    core::CredentialStore &store, const QString &profile, const QString &token)
{
    bool done = false;
    std::pair<bool, QString> result;
    QObject context;
    store.setToken(profile, token, &context, [&](bool persisted, const QString &problem) {
        result = {persisted, problem};
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 5000))
        qWarning("setToken() never answered");
    return result;
}

} // namespace

class TestCredentials : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void storesReadsAndDeletesPerProfile();
    void callbacksNeverRunInsideTheCall();
    void unavailableKeychainKeepsTheTokenForTheSession();
    void callbackIsDroppedWhenItsContextIsGone();
    void sandboxProfileIsAlwaysThereAndFirst();
    void profilesRoundTripWithoutSecrets();
    void validationNamesTheField();
    void profileBecomesAClientConfig();
    void hostileSettingsFileIsReadWithinBounds();
};

void TestCredentials::storesReadsAndDeletesPerProfile()
{
    auto *backend = new core::MemorySecretBackend;
    core::CredentialStore store{std::unique_ptr<core::SecretBackend>(backend)};
    QCOMPARE(readToken(store, u"a"_s).token, QString());
    QCOMPARE(saveToken(store, u"a"_s, u"token-a"_s), std::make_pair(true, QString()));
    QCOMPARE(saveToken(store, u"b"_s, u"token-b"_s).first, true);
    QCOMPARE(readToken(store, u"a"_s).token, u"token-a"_s);
    QCOMPARE(readToken(store, u"b"_s).token, u"token-b"_s);
    QCOMPARE(backend->size(), 2);
    // An empty token removes the entry.
    QCOMPARE(saveToken(store, u"a"_s, QString()).first, true);
    QCOMPARE(readToken(store, u"a"_s).token, QString());
    QCOMPARE(backend->size(), 1);
    QVERIFY(!store.isSessionOnly());
}

void TestCredentials::callbacksNeverRunInsideTheCall()
{
    core::CredentialStore store{std::make_unique<core::MemorySecretBackend>()};
    bool ran = false;
    QObject context;
    store.token(u"x"_s, &context, [&](const QString &, const QString &) { ran = true; });
    QVERIFY(!ran);
    QTRY_VERIFY(ran);
}

void TestCredentials::unavailableKeychainKeepsTheTokenForTheSession()
{
    auto *backend = new core::MemorySecretBackend;
    backend->setUnavailable(true);
    core::CredentialStore store{std::unique_ptr<core::SecretBackend>(backend)};
    QSignalSpy unavailable(&store, &core::CredentialStore::keychainUnavailable);
    const auto [persisted, problem] = saveToken(store, u"p"_s, u"session-token"_s);
    QVERIFY(!persisted);
    QVERIFY2(problem.contains(u"this session only"_s), qPrintable(problem));
    QCOMPARE(unavailable.size(), 1);
    QVERIFY(store.isSessionOnly());
    QCOMPARE(readToken(store, u"p"_s).token, u"session-token"_s); // from the session copy
    // Another profile without a session copy: the read reports the problem.
    const TokenResult other = readToken(store, u"q"_s);
    QCOMPARE(other.token, QString());
    QVERIFY(other.problem.contains(u"unavailable"_s));
    QCOMPARE(unavailable.size(), 1); // said once
}

void TestCredentials::callbackIsDroppedWhenItsContextIsGone()
{
    core::CredentialStore store{std::make_unique<core::MemorySecretBackend>()};
    bool ran = false;
    auto *context = new QObject;
    store.token(u"x"_s, context, [&](const QString &, const QString &) { ran = true; });
    delete context;
    // A second request on a live context answers; by then the first would have run.
    QCOMPARE(readToken(store, u"x"_s).done, true);
    QVERIFY(!ran);
}

void TestCredentials::sandboxProfileIsAlwaysThereAndFirst()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    core::ProfileStore store(&settings);
    QCOMPARE(store.profiles().size(), 1);
    QVERIFY(store.profiles().first().isSandbox);
    QCOMPARE(store.currentId(),
        QString::fromLatin1(core::ConnectionProfile::kSandboxId)); // a fresh install
    QVERIFY(!store.remove(QString::fromLatin1(core::ConnectionProfile::kSandboxId)));
    core::ConnectionProfile changed = core::ConnectionProfile::offlineSandbox();
    changed.name = u"renamed"_s;
    store.save(changed);
    QCOMPARE(store.profiles().first().name, core::ConnectionProfile::offlineSandbox().name);
    QCOMPARE(store.profiles().size(), 1);
}

void TestCredentials::profilesRoundTripWithoutSecrets()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"s.ini"_s);
    QString id;
    core::ConnectionProfile p;
    {
        QSettings settings(file, QSettings::IniFormat);
        core::ProfileStore store(&settings);
        p.name = u"Work"_s;
        p.baseUrl = QUrl(u"https://inference-api.example.com/v1"_s);
        p.hosting = u"aleph-alpha"_s;
        p.nice = true;
        p.timeoutSeconds = 60;
        p.totalRetries = 3;
        p.verifyTls = false;
        p.proxyMode = core::ConnectionProfile::ProxyMode::Explicit;
        p.proxyUrl = QUrl(u"http://proxy.example.com:3128"_s);
        id = store.save(p);
        QVERIFY(!id.isEmpty());
        store.setCurrentId(id);
    }
    QSettings settings(file, QSettings::IniFormat);
    core::ProfileStore store(&settings);
    QCOMPARE(store.profiles().size(), 2);
    QCOMPARE(store.currentId(), id);
    p.id = id;
    QCOMPARE(store.profile(id), p);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray ini = f.readAll();
    QVERIFY(ini.contains("inference-api.example.com"));
    QVERIFY(!ini.toLower().contains("token"));
    QVERIFY(store.remove(id));
    QCOMPARE(store.currentId(), QString::fromLatin1(core::ConnectionProfile::kSandboxId));
}

void TestCredentials::hostileSettingsFileIsReadWithinBounds()
{
    // profiles/size=2147483647 walked the whole array (the start hung); timeoutSeconds of
    // 2147483647 overflowed into the transfer timeout. Both are read within bounds and named.
    QTemporaryDir dir;
    const QString file = dir.filePath(u"settings.ini"_s);
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[profiles]\nsize=2147483647\n1\\id=abc\n1\\name=Work\n1\\baseUrl=https://"
                "example.com/v1\n"
                "1\\timeoutSeconds=2147483647\n1\\totalRetries=-4\n");
    }
    QSettings settings(file, QSettings::IniFormat);
    core::ProfileStore store(&settings);
    const QList<core::ConnectionProfile> profiles = store.profiles(); // returns, and at once
    QCOMPARE(profiles.size(), 2);
    const core::ConnectionProfile work = profiles.at(1);
    QCOMPARE(work.name, u"Work"_s);
    QCOMPARE(work.timeoutSeconds, 305);
    QCOMPARE(work.totalRetries, 8);
    const QString problems = store.problems().join(u'\n');
    QVERIFY2(problems.contains(u"profiles/size is 2147483647"_s), qPrintable(problems));
    QVERIFY2(
        problems.contains(u"timeoutSeconds = 2147483647"_s) && problems.contains(u"\"Work\""_s),
        qPrintable(problems));
    QVERIFY2(problems.contains(u"totalRetries = -4"_s), qPrintable(problems));
    // And a profile in memory with a huge timeout cannot overflow the client's milliseconds.
    core::ConnectionProfile huge = work;
    huge.timeoutSeconds = std::numeric_limits<int>::max();
    QCOMPARE(huge.toClientConfig(u"t"_s).transferTimeoutMs, 3600 * 1000);
}

void TestCredentials::validationNamesTheField()
{
    core::ConnectionProfile p;
    p.name = u"x"_s;
    QCOMPARE(p.validate(), QString());
    p.baseUrl = QUrl(u"ftp://example.com"_s);
    QVERIFY(p.validate().startsWith(u"Base URL"_s));
    p.baseUrl = QUrl(u"https://example.com"_s);
    p.timeoutSeconds = 0;
    QVERIFY(p.validate().startsWith(u"Timeout"_s));
    p.timeoutSeconds = 30;
    p.caBundlePath = u"/nonexistent.pem"_s;
    QVERIFY(p.validate().startsWith(u"CA bundle"_s));
    p.caBundlePath.clear();
    p.proxyMode = core::ConnectionProfile::ProxyMode::Explicit;
    p.proxyUrl = QUrl(u"proxy-without-port"_s);
    QVERIFY(p.validate().startsWith(u"Proxy"_s));
    p.proxyMode = core::ConnectionProfile::ProxyMode::System;
    p.name = u"  "_s;
    QVERIFY(p.validate().startsWith(u"Name"_s));
}

void TestCredentials::profileBecomesAClientConfig()
{
    core::ConnectionProfile p;
    p.name = u"x"_s;
    p.baseUrl = QUrl(u"https://h.example/v1"_s);
    p.hosting = u"aleph-alpha"_s;
    p.nice = true;
    p.timeoutSeconds = 12;
    p.totalRetries = 4;
    p.verifyTls = false;
    p.proxyMode = core::ConnectionProfile::ProxyMode::Explicit;
    p.proxyUrl = QUrl(u"socks5://127.0.0.1:1080"_s);
    const core::ClientConfig c = p.toClientConfig(u"tok"_s);
    QCOMPARE(c.baseUrl, p.baseUrl);
    QCOMPARE(c.token, u"tok"_s);
    QCOMPARE(c.hosting, std::optional<QString>(u"aleph-alpha"_s));
    QVERIFY(c.nice);
    QCOMPARE(c.transferTimeoutMs, 12000);
    QCOMPARE(c.retry.totalRetries, 4);
    QVERIFY(!c.verifyPeer);
    QVERIFY(c.proxy);
    QCOMPARE(c.proxy->type(), QNetworkProxy::Socks5Proxy);
    QCOMPARE(c.proxy->port(), 1080);
    p.proxyMode = core::ConnectionProfile::ProxyMode::System;
    p.hosting.clear();
    const core::ClientConfig d = p.toClientConfig(QString());
    QVERIFY(!d.proxy);
    QVERIFY(!d.hosting);
}

QTEST_GUILESS_MAIN(TestCredentials)
#include "TestCredentials.moc"
