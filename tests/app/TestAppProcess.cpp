// SPDX-License-Identifier: MIT
// The aleph-playground executable as a process: ended by SIGTERM (a logout, `kill`), it quits like
// Quit and saves what a person left (drafts, the window's layout) instead of dying mid-way.
#include "core/storage/Database.h"
#include "core/storage/HistoryStore.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

class TestAppProcess : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sigtermSavesLikeQuit();
};

void TestAppProcess::sigtermSavesLikeQuit()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.remove(u"AA_TOKEN"_s);
    env.remove(u"AA_HOST"_s);
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(PLAYGROUND_PATH), {u"--sandbox"_s, u"--data-dir"_s, dir.path()});
    QVERIFY(app.waitForStarted(10000));
    // Running: its database exists once the window is up.
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(dir.filePath(u"history.sqlite"_s)), 20000);
    ::kill(pid_t(app.processId()), SIGTERM);
    QSignalSpy finished(&app, &QProcess::finished);
    QVERIFY(finished.wait(20000));
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QCOMPARE(app.exitCode(), 0);

    core::Database db(dir.filePath(u"history.sqlite"_s));
    QString error;
    QVERIFY2(db.open(&error), qPrintable(error));
    core::DraftStore drafts(&db);
    const QVariantMap window = drafts.load(u"window"_s);
    QVERIFY2(
        window.contains(u"geometry"_s), qPrintable(QString::fromUtf8(app.readAllStandardError())));
    QVERIFY(!drafts.load(u"chat"_s).isEmpty());
}

QTEST_GUILESS_MAIN(TestAppProcess)
#include "TestAppProcess.moc"
