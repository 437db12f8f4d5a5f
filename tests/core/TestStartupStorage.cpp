// SPDX-License-Identifier: MIT
// Start without waiting on SQLite (issue 22): AppStorage opens and migrates the database on a
// worker thread and hands the stores over from the event loop; a damaged or newer file gives the
// same outcomes as before; RunRecorder keeps the runs begun before the store is there and writes
// them, as they are by then, when it comes.
#include "core/storage/AppStorage.h"
#include "core/storage/RunRecorder.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestStartupStorage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void opensOnAWorkerAndIsReadyFromTheEventLoop();
    void anUnreadableFileIsSetAsideAndReplaced();
    void aNewerFileIsLeftAndTheSessionKeepsDataInMemory();
    void waitUntilReadyFinishesAtOnce();
    void runsBegunBeforeTheStoreAreWrittenWhenItComes();
    void withoutAPendingStoreNothingIsKept();

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    QString freshPath() { return m_dir.filePath(u"db%1.sqlite"_s.arg(++m_counter)); }
};

void TestStartupStorage::opensOnAWorkerAndIsReadyFromTheEventLoop()
{
    core::AppStorage storage(freshPath());
    QSignalSpy ready(&storage, &core::AppStorage::ready);
    storage.open();
    // Nothing is handed over before the event loop runs: open() does not wait for SQLite.
    QVERIFY(!storage.isReady());
    QVERIFY(!storage.history());
    QVERIFY(ready.wait(20000));
    QCOMPARE(ready.size(), 1);
    QVERIFY(storage.isReady());
    QCOMPARE(storage.outcome(), core::AppStorage::Outcome::Opened);
    QVERIFY(storage.error().isEmpty());
    QVERIFY(storage.history() && storage.drafts() && storage.embeddingCache()
        && storage.steeringLibrary() && storage.conversations() && storage.promptLibrary());
    // The stores work on the calling thread's connection, on the migrated file.
    QVERIFY(storage.drafts()->save(u"chat"_s, QVariantMap{{u"text"_s, u"hello"_s}}));
    QCOMPARE(storage.drafts()->load(u"chat"_s).value(u"text"_s).toString(), u"hello"_s);
    QVERIFY(storage.history()->beginRun(u"chat"_s, u"p"_s, u"m"_s, u"chat/completions"_s, {}) > 0);
    storage.open(); // once
    QTest::qWait(0);
    QCOMPARE(ready.size(), 1);
}

void TestStartupStorage::anUnreadableFileIsSetAsideAndReplaced()
{
    const QString path = freshPath();
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("this is not a database, but it is somebody's file\n").repeated(200));
    }
    core::AppStorage storage(path);
    QSignalSpy ready(&storage, &core::AppStorage::ready);
    storage.open();
    QVERIFY(ready.wait(20000));
    QCOMPARE(storage.outcome(), core::AppStorage::Outcome::Replaced);
    QVERIFY(!storage.error().isEmpty());
    QFile kept(storage.setAsidePath());
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QVERIFY(kept.readAll().startsWith("this is not a database"));
    QVERIFY(storage.history());
    QCOMPARE(storage.history()->count(), 0);
}

void TestStartupStorage::aNewerFileIsLeftAndTheSessionKeepsDataInMemory()
{
    const QString path = freshPath();
    {
        core::Database db(path);
        QString error;
        QVERIFY(db.open(&error));
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(u"PRAGMA user_version=99"_s));
    }
    core::AppStorage storage(path);
    QSignalSpy ready(&storage, &core::AppStorage::ready);
    storage.open();
    QVERIFY(ready.wait(20000));
    QCOMPARE(storage.outcome(), core::AppStorage::Outcome::InMemory);
    QVERIFY2(storage.error().contains(u"newer version"_s), qPrintable(storage.error()));
    QVERIFY(storage.setAsidePath().isEmpty());
    QVERIFY(storage.history()->beginRun(u"chat"_s, u"p"_s, u"m"_s, u"chat/completions"_s, {}) > 0);
    QCOMPARE(storage.history()->count(), 1);
    // The newer file is untouched.
    core::Database again(path);
    QString error;
    QVERIFY(!again.open(&error));
    QCOMPARE(again.problem(), core::Database::Problem::Newer);
}

void TestStartupStorage::waitUntilReadyFinishesAtOnce()
{
    {
        core::AppStorage storage(freshPath());
        QSignalSpy ready(&storage, &core::AppStorage::ready);
        storage.waitUntilReady(); // opens if not opening yet, and waits
        QVERIFY(storage.isReady());
        QCOMPARE(ready.size(), 1);
        QCOMPARE(storage.outcome(), core::AppStorage::Outcome::Opened);
        QTest::qWait(50); // the worker's continuation does not hand over a second time
        QCOMPARE(ready.size(), 1);
    }
    // At exit right after open(): waiting may run the work and its continuation on this thread;
    // the stores are still made once, and the ones handed over stay valid.
    for (int i = 0; i < 20; ++i) {
        core::AppStorage storage(freshPath());
        core::DraftStore *handedOver = nullptr;
        connect(&storage, &core::AppStorage::ready, this, [&] {
            QVERIFY(!handedOver);
            handedOver = storage.drafts();
        });
        storage.open();
        storage.waitUntilReady();
        QVERIFY(handedOver);
        QCOMPARE(storage.drafts(), handedOver);
        QVERIFY(handedOver->save(u"window"_s, QVariantMap{{u"tab"_s, 1}}));
        QTest::qWait(0);
        QCOMPARE(storage.drafts(), handedOver);
    }
}

void TestStartupStorage::runsBegunBeforeTheStoreAreWrittenWhenItComes()
{
    core::RunRecorder recorder;
    recorder.setProfileName(u"Offline sandbox"_s);
    recorder.setStorePending(true);
    const QJsonObject first{{u"model"_s, u"m1"_s}, {u"prompt"_s, u"An apple a day"_s}};
    const QJsonObject second{{u"model"_s, u"m2"_s}, {u"prompt"_s, u"keeps"_s}};
    const QJsonObject third{{u"model"_s, u"m3"_s}, {u"prompt"_s, u"the doctor"_s}};
    const qint64 a = recorder.begin(u"completion"_s, core::ApiCall{u"complete"_s, u"m1"_s, first});
    const qint64 b = recorder.begin(u"completion"_s, core::ApiCall{u"complete"_s, u"m2"_s, second});
    const qint64 c = recorder.begin(u"chat"_s, core::ApiCall{u"complete"_s, u"m3"_s, third});
    QVERIFY(a != 0 && b != 0 && c != 0);
    QVERIFY(a != b && b != c && a != c);
    QCOMPARE(recorder.pendingRuns(), 3);
    recorder.finish(a, core::RunStatus::Succeeded, u"{\"completions\":[]}"_s, QString(), 120, 4, 8);
    recorder.savePartial(b, u"so far"_s);

    core::AppStorage storage(freshPath());
    storage.waitUntilReady();
    core::HistoryStore *history = storage.history();
    QSignalSpy changed(history, &core::HistoryStore::changed);
    recorder.setStore(history);
    QCOMPARE(recorder.pendingRuns(), 0);
    QVERIFY(!changed.isEmpty());
    QList<core::RunRecord> runs = history->search(QString());
    QCOMPARE(runs.size(), 3);
    // Newest first: in the order they began.
    QCOMPARE(runs.at(2).request, first);
    QCOMPARE(runs.at(2).status, core::RunStatus::Succeeded);
    QCOMPARE(runs.at(2).durationMs, 120);
    QCOMPARE(runs.at(2).completionTokens, 8);
    QCOMPARE(runs.at(2).profile, u"Offline sandbox"_s);
    QCOMPARE(runs.at(1).request, second);
    QCOMPARE(runs.at(1).status, core::RunStatus::Running);
    QCOMPARE(runs.at(1).partial, u"so far"_s);
    QCOMPARE(runs.at(0).tab, u"chat"_s);

    // The provisional ids still reach their runs.
    recorder.savePartial(b, u"so far, and more"_s);
    recorder.finish(b, core::RunStatus::Canceled, QString(), QString(), 300);
    recorder.finish(c, core::RunStatus::Failed, QString(), u"refused"_s, 5);
    runs = history->search(QString());
    QCOMPARE(runs.at(1).status, core::RunStatus::Canceled);
    QCOMPARE(runs.at(1).partial, u"so far, and more"_s);
    QCOMPARE(runs.at(0).status, core::RunStatus::Failed);
    QCOMPARE(runs.at(0).error, u"refused"_s);
    // New runs go straight to the store.
    const qint64 d = recorder.begin(u"chat"_s, core::ApiCall{u"complete"_s, u"m4"_s, third});
    QVERIFY(d > 0);
    QCOMPARE(history->count(), 4);
}

void TestStartupStorage::withoutAPendingStoreNothingIsKept()
{
    core::RunRecorder recorder;
    QCOMPARE(recorder.begin(u"chat"_s, core::ApiCall{u"complete"_s, u"m"_s, {}}), 0);
    QCOMPARE(recorder.pendingRuns(), 0);
    // A store that turns out not to come: what was kept is dropped.
    recorder.setStorePending(true);
    QVERIFY(recorder.begin(u"chat"_s, core::ApiCall{u"complete"_s, u"m"_s, {}}) != 0);
    recorder.setStore(nullptr);
    QCOMPARE(recorder.pendingRuns(), 1); // still pending: nullptr is "not yet"
    recorder.setStorePending(false);
    recorder.setStore(nullptr);
    QCOMPARE(recorder.pendingRuns(), 0);
    QCOMPARE(recorder.begin(u"chat"_s, core::ApiCall{u"complete"_s, u"m"_s, {}}), 0);
}

QTEST_GUILESS_MAIN(TestStartupStorage)
#include "TestStartupStorage.moc"
