// SPDX-License-Identifier: MIT
// The real keychain through QtKeychain: run by ctest under dbus-run-session with gnome-keyring
// unlocked by a throw-away password (tests/keychain-session.sh). Writes a token, reads it back,
// deletes it, and checks that it is gone.
#include "core/auth/CredentialStore.h"

#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;

class TestKeychain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writeReadDelete();
};

void TestKeychain::writeReadDelete()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
        "run me through tests/keychain-session.sh");
    core::CredentialStore store{
        std::make_unique<core::KeychainSecretBackend>(u"aleph-playground-test"_s)};
    const QString profile = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString token = u"kc-token-"_s + QUuid::createUuid().toString(QUuid::Id128);
    QObject context;

    bool done = false;
    bool persisted = false;
    QString problem;
    store.setToken(profile, token, &context, [&](bool p, const QString &why) {
        persisted = p, problem = why, done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
    QVERIFY2(persisted, qPrintable(problem));
    QVERIFY(!store.isSessionOnly());

    // A second store (a new app start) reads it from the keychain, not from any session copy.
    core::CredentialStore fresh{
        std::make_unique<core::KeychainSecretBackend>(u"aleph-playground-test"_s)};
    done = false;
    QString read;
    fresh.token(profile, &context, [&](const QString &t, const QString &why) {
        read = t, problem = why, done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(read, token);

    done = false;
    fresh.removeToken(profile, &context, [&](bool p, const QString &why) {
        persisted = p, problem = why, done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
    QVERIFY2(persisted, qPrintable(problem));

    done = false;
    read = u"not read"_s;
    store.token(profile, &context, [&](const QString &t, const QString &why) {
        read = t, problem = why, done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
    QCOMPARE(read, QString());
    QCOMPARE(problem, QString());
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "TestKeychain.moc"
