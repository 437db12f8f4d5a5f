// SPDX-License-Identifier: MIT
// The SQLite history, drafts and steering library: WAL, migrations, search, crash recovery, a
// library that survives a restart, pair CSV round trips, and no token on disk.
#include "core/storage/ConversationStore.h"
#include "core/storage/EmbeddingCache.h"
#include "core/storage/HistoryStore.h"
#include "core/storage/SteeringLibrary.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

class TestStorage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void opensInWalModeAtTheCurrentSchema();
    void migratesAnOlderDatabaseInPlace();
    void refusesADatabaseFromANewerVersion();
    void newerFileIsNotSwitchedToWal();
    void unreadableFileIsSetAsideAndANewOneStarts();
    void recordsARunBeforeItEndsAndCompletesIt();
    void searchFindsRunsByTextAndTab();
    void runningRunsBecomeInterruptedAfterACrash();
    void draftsSurviveAKilledProcess();
    void runsAreStoredByteForByte();
    void runStatusNamesRoundTrip();
    void summariesNameWhatEachTabSent();
    void conversationsAreKeptRenamedSearchedAndDeletedWithUndo();
    void conversationsMigrateFromVersion4();
    void partialTextIsKeptApartFromTheResponse();
    void steeringLibrarySurvivesARestart();
    void steeringLibraryMigratesFromVersion3();
    void steeringExamplesCsvRoundTrip();
    void steeringExamplesCsvErrors();

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    QString freshPath() { return m_dir.filePath(u"db%1.sqlite"_s.arg(++m_counter)); }
};

void TestStorage::opensInWalModeAtTheCurrentSchema()
{
    core::Database db(freshPath());
    QString error;
    QVERIFY2(db.open(&error), qPrintable(error));
    QCOMPARE(db.journalMode(), u"wal"_s);
    QCOMPARE(db.schemaVersion(), core::Database::kSchemaVersion);
    QVERIFY(QFile::exists(db.path()));
}

void TestStorage::migratesAnOlderDatabaseInPlace()
{
    const QString path = freshPath();
    {
        core::Database v1(path);
        QString error;
        QVERIFY2(v1.open(1, &error), qPrintable(error));
        QCOMPARE(v1.schemaVersion(), 1);
        core::HistoryStore history(&v1);
        QVERIFY(history.beginRun(u"completion"_s,
                    u"p"_s,
                    u"m"_s,
                    u"complete"_s,
                    {{u"prompt"_s, u"kept across the migration"_s}})
            > 0);
        QSqlQuery q(v1.connection());
        QVERIFY(!q.exec(u"SELECT * FROM drafts"_s)); // not there yet
    }
    core::Database v2(path);
    QString error;
    QVERIFY2(v2.open(&error), qPrintable(error));
    QCOMPARE(v2.schemaVersion(), core::Database::kSchemaVersion);
    core::HistoryStore history(&v2);
    QCOMPARE(history.search(u"kept across"_s).size(), 1);
    core::DraftStore drafts(&v2);
    QVERIFY(drafts.save(u"completion"_s, {{u"prompt"_s, u"x"_s}}));
    // Version 3: the embedding cache, keyed by hash, vectors as float32 blobs.
    core::EmbeddingCache cache(&v2);
    const QByteArray key = core::EmbeddingCache::key(u"scope"_s, u"text"_s);
    QCOMPARE(key.size(), 32);
    QVERIFY(key != core::EmbeddingCache::key(u"scope2"_s, u"text"_s));
    QVERIFY(cache.store({key}, {core::Embedding{0.5f, -1.25f, 3e-8f}}));
    const QHash<int, core::Embedding> found = cache.lookup({QByteArray(32, 'x'), key});
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.value(1), (core::Embedding{0.5f, -1.25f, 3e-8f}));
    QCOMPARE(cache.count(), 1);
    QVERIFY(cache.clear());
    QCOMPARE(cache.count(), 0);
}

void TestStorage::refusesADatabaseFromANewerVersion()
{
    const QString path = freshPath();
    {
        core::Database db(path);
        QString error;
        QVERIFY(db.open(&error));
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(u"PRAGMA user_version=99"_s));
    }
    core::Database db(path);
    QString error;
    QVERIFY(!db.open(&error));
    QVERIFY2(error.contains(u"newer version"_s), qPrintable(error));
    QCOMPARE(db.problem(), core::Database::Problem::Newer);
}

void TestStorage::newerFileIsNotSwitchedToWal()
{
    // A newer app's file in rollback-journal mode: refusing it must not change it (it used to be
    // switched to WAL before its version was read). Bytes 18 and 19 of the header say the mode.
    const QString path = freshPath();
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw-newer"_s);
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        QSqlQuery q(raw);
        QVERIFY(q.exec(u"PRAGMA journal_mode=DELETE"_s));
        QVERIFY(q.exec(u"CREATE TABLE future (x)"_s));
        QVERIFY(q.exec(u"PRAGMA user_version=99"_s));
        q.finish();
        raw.close();
    }
    QSqlDatabase::removeDatabase(u"raw-newer"_s);
    const auto header = [&] {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.read(100) : QByteArray();
    };
    const QByteArray before = header();
    QCOMPARE(before.at(18), char(1));
    {
        core::Database db(path);
        QString error;
        QVERIFY(!db.open(&error));
    }
    QCOMPARE(header(), before);
    QVERIFY(!QFile::exists(path + u"-wal"_s));
}

void TestStorage::unreadableFileIsSetAsideAndANewOneStarts()
{
    const QString path = freshPath();
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("this is not a database, but it is somebody's file\n").repeated(200));
    }
    core::Database broken(path);
    QString error;
    QVERIFY(!broken.open(&error));
    QCOMPARE(broken.problem(), core::Database::Problem::Unreadable);
    const QString aside = broken.setAside();
    QVERIFY2(!aside.isEmpty(), qPrintable(error));
    QVERIFY(!QFile::exists(path));
    QFile kept(aside);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QVERIFY(kept.readAll().startsWith("this is not a database"));
    core::Database fresh(path);
    QVERIFY2(fresh.open(&error), qPrintable(error));
    QCOMPARE(fresh.schemaVersion(), core::Database::kSchemaVersion);
}

void TestStorage::recordsARunBeforeItEndsAndCompletesIt()
{
    core::Database db(freshPath());
    QString error;
    QVERIFY(db.open(&error));
    core::HistoryStore history(&db);
    QSignalSpy changed(&history, &core::HistoryStore::changed);
    const QJsonObject request{{u"model"_s, u"luminous-base"_s},
        {u"prompt"_s, u"An apple a day"_s},
        {u"maximum_tokens"_s, 16}};
    const qint64 id
        = history.beginRun(u"completion"_s, u"Work"_s, u"luminous-base"_s, u"complete"_s, request);
    QVERIFY(id > 0);
    auto running = history.run(id);
    QVERIFY(running);
    QCOMPARE(running->status, core::RunStatus::Running);
    QCOMPARE(running->request, request);
    QVERIFY(!running->finishedAt.isValid());

    QVERIFY(history.finishRun(
        id, core::RunStatus::Succeeded, u"{\"completions\":[]}"_s, QString(), 1234, 5, 16));
    const auto done = history.run(id);
    QVERIFY(done);
    QCOMPARE(done->status, core::RunStatus::Succeeded);
    QCOMPARE(done->durationMs, 1234);
    QCOMPARE(done->promptTokens, 5);
    QCOMPARE(done->completionTokens, 16);
    QVERIFY(done->finishedAt.isValid());
    QVERIFY(done->finishedAt >= done->startedAt);
    QCOMPARE(changed.size(), 2);
}

void TestStorage::searchFindsRunsByTextAndTab()
{
    core::Database db(freshPath());
    QString error;
    QVERIFY(db.open(&error));
    core::HistoryStore history(&db);
    const qint64 a = history.beginRun(u"completion"_s,
        u"P"_s,
        u"m1"_s,
        u"complete"_s,
        {{u"prompt"_s, u"The 100% juicy orange"_s}});
    const qint64 b = history.beginRun(
        u"chat"_s, u"P"_s, u"m2"_s, u"chat/completions"_s, {{u"messages"_s, u"banana bread"_s}});
    history.finishRun(b, core::RunStatus::Failed, QString(), u"HTTP 401: bad token"_s, 10);
    QCOMPARE(history.search(QString()).size(), 2);
    QCOMPARE(history.search(QString()).first().id, b); // newest first
    QCOMPARE(history.search(u"ORANGE"_s).size(), 1);
    QCOMPARE(history.search(u"orange"_s).first().id, a);
    QCOMPARE(history.search(u"100%"_s).size(), 1); // % is literal, not a wildcard
    QCOMPARE(history.search(u"1_0"_s).size(), 0); // _ too
    QCOMPARE(history.search(u"bad token"_s).first().id, b);
    QCOMPARE(history.search(QString(), u"chat"_s).size(), 1);
    QCOMPARE(history.search(u"orange"_s, u"chat"_s).size(), 0);
    QVERIFY(history.clear());
    QCOMPARE(history.count(), 0);
}

void TestStorage::runningRunsBecomeInterruptedAfterACrash()
{
    const QString path = freshPath();
    qint64 id = 0;
    {
        core::Database db(path);
        QString error;
        QVERIFY(db.open(&error));
        core::HistoryStore history(&db);
        id = history.beginRun(u"chat"_s, u"P"_s, u"m"_s, u"chat/completions"_s, {});
    }
    core::Database db(path);
    QString error;
    QVERIFY(db.open(&error));
    core::HistoryStore history(&db);
    QCOMPARE(history.run(id)->status, core::RunStatus::Interrupted);
}

void TestStorage::draftsSurviveAKilledProcess()
{
    // A kill -9 leaves the database file and its -wal file as they are while the connection is
    // still open. Copy both at that moment and open the copy: that is what the next start sees.
    const QString path = freshPath();
    core::Database db(path);
    QString error;
    QVERIFY(db.open(&error));
    core::DraftStore drafts(&db);
    const QVariantMap draft{
        {u"prompt"_s, u"Half-written prompt ✍️"_s}, {u"maximum_tokens"_s, 42}};
    QVERIFY(drafts.save(u"completion"_s, draft));
    QVERIFY(
        QFile::exists(path + u"-wal"_s)); // WAL mode: the commit is in the log, not yet in the file

    const QString copy = freshPath();
    QVERIFY(QFile::copy(path, copy));
    QVERIFY(QFile::copy(path + u"-wal"_s, copy + u"-wal"_s));
    core::Database restarted(copy);
    QVERIFY2(restarted.open(&error), qPrintable(error));
    core::DraftStore restored(&restarted);
    QCOMPARE(restored.load(u"completion"_s), draft);
    QCOMPARE(restored.load(u"missing"_s), QVariantMap());
    QVERIFY(restored.remove(u"completion"_s));
    QCOMPARE(restored.load(u"completion"_s), QVariantMap());
}

void TestStorage::runsAreStoredByteForByte()
{
    // The offline sandbox's token is the word "sandbox": a store that scrubbed the token's text
    // turned "sandbox-luminous-base" into "[redacted]-luminous-base". Runs are stored as sent.
    const QString path = freshPath();
    core::Database db(path);
    QString error;
    QVERIFY(db.open(&error));
    core::HistoryStore history(&db);
    const QJsonObject request{{u"model"_s, u"sandbox-luminous-base"_s},
        {u"prompt"_s, u"The sandbox is full of sand. Bearer sandbox"_s}};
    const qint64 id = history.beginRun(
        u"completion"_s, u"Offline sandbox"_s, u"sandbox-luminous-base"_s, u"complete"_s, request);
    QVERIFY(history.finishRun(id,
        core::RunStatus::Succeeded,
        u"{\"completions\":[{\"completion\":\" sandbox\"}]}"_s,
        QString(),
        5));
    const auto run = history.run(id);
    QVERIFY(run);
    QCOMPARE(QJsonDocument(run->request).toJson(QJsonDocument::Compact),
        QJsonDocument(request).toJson(QJsonDocument::Compact));
    QCOMPARE(run->model, u"sandbox-luminous-base"_s);
    QCOMPARE(run->profile, u"Offline sandbox"_s);
    QCOMPARE(run->response, u"{\"completions\":[{\"completion\":\" sandbox\"}]}"_s);
    QCOMPARE(history.search(u"[redacted]"_s).size(), 0);

    // A run without a model (Create concept) is recorded too: a null QString is not SQL NULL.
    const qint64 steering = history.beginRun(
        u"steering"_s, u"P"_s, QString(), u"steering_concepts"_s, {{u"examples"_s, QJsonArray{}}});
    QVERIFY(steering > 0);
    QVERIFY(history.finishRun(steering, core::RunStatus::Failed, QString(), u"HTTP 400"_s, 3));
    QCOMPARE(history.run(steering)->status, core::RunStatus::Failed);
    QCOMPARE(history.run(steering)->model, QString());
    QVERIFY(!history.finishRun(steering, core::RunStatus::Running, QString(), QString(), 1));
}

void TestStorage::summariesNameWhatEachTabSent()
{
    const auto summary = [](const QByteArray &json) {
        core::RunRecord run;
        run.request = QJsonDocument::fromJson(json).object();
        return run.summary();
    };
    QCOMPARE(summary(R"({"model":"m","prompt":"An  apple\n a day"})"), u"An apple a day"_s);
    QCOMPARE(
        summary(R"({"prompt":[{"type":"text","data":"Look: "},{"type":"image","data":"AAAA"}]})"),
        u"Look: [image]"_s);
    QCOMPARE(
        summary(
            R"({"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"},{"role":"user","content":"Bye"}]})"),
        u"Bye"_s);
    QCOMPARE(summary(R"({"model":"mt","source":"Guten Morgen.","target_language":"en"})"),
        u"Guten Morgen."_s);
    QCOMPARE(summary(R"({"prompts":["First text","Second","Third"],"representation":"symmetric"})"),
        u"First text (+2 more)"_s);
    QCOMPARE(summary(R"({"prompts":[[{"type":"text","data":"Only one"}]]})"), u"Only one"_s);
    QCOMPARE(summary(R"({"model":"m","input":["a","b"]})"), u"a (+1 more)"_s);
    QCOMPARE(summary(R"({"model":"m","input":"one text"})"), u"one text"_s);
    QCOMPARE(summary(R"({"examples":[{"negative":"You idiot.","positive":"I disagree."}]})"),
        u"You idiot. → I disagree."_s);
    QCOMPARE(summary(R"({"model":"m"})"), QString());
    QCOMPARE(
        summary(QByteArray("{\"prompt\":\"") + QByteArray(300, 'x') + QByteArray("\"}")).size(),
        120);
}

void TestStorage::runStatusNamesRoundTrip()
{
    for (core::RunStatus s : {core::RunStatus::Running,
             core::RunStatus::Succeeded,
             core::RunStatus::Failed,
             core::RunStatus::Canceled,
             core::RunStatus::Interrupted})
        QCOMPARE(core::runStatusFromName(core::runStatusName(s)), s);
    // What an older build wrote for Embeddings runs.
    QCOMPARE(core::runStatusFromName(u"ok"_s), core::RunStatus::Succeeded);
    QCOMPARE(core::runStatusFromName(u"error"_s), core::RunStatus::Failed);
}

void TestStorage::conversationsAreKeptRenamedSearchedAndDeletedWithUndo()
{
    const QString path = freshPath();
    qint64 first = 0;
    qint64 second = 0;
    {
        core::Database db(path);
        QString error;
        QVERIFY(db.open(&error));
        core::ConversationStore store(&db);
        QSignalSpy changed(&store, &core::ConversationStore::changed);
        QCOMPARE(core::ConversationStore::titleFor(u"  What is\n the capital   of France? "_s),
            u"What is the capital of France?"_s);
        QCOMPARE(core::ConversationStore::titleFor(QString(70, u'x')).size(), 60);
        QVERIFY(core::ConversationStore::titleFor(QString()).size() > 0);
        first = store.create(u"Apples"_s, {{u"system"_s, u"Be brief."_s}});
        QVERIFY(first > 0);
        second = store.create(u"Pears"_s, {{u"system"_s, u"Be kind."_s}});
        QVERIFY(store.save(
            first, u"Apples and more"_s, {{u"system"_s, u"Be brief."_s}, {u"model"_s, u"m"_s}}));
        QCOMPARE(store.list().first().id, first); // most recently updated first
        QCOMPARE(store.list().first().title, u"Apples and more"_s);
        QCOMPARE(store.list().first().content.value(u"model"_s).toString(), u"m"_s);
        QVERIFY(!store.rename(second, u"   "_s));
        QVERIFY(store.rename(second, u" My pears "_s));
        QVERIFY(store.save(second, u"automatic"_s, {{u"system"_s, u"Be kind."_s}}));
        QCOMPARE(store.conversation(second)->title, u"My pears"_s); // a rename survives saves
        QCOMPARE(store.list(u"KIND"_s).size(), 1);
        QCOMPARE(store.list(u"my pears"_s).first().id, second);
        QCOMPARE(store.list(u"%"_s).size(), 0);
        QVERIFY(store.remove(first));
        QVERIFY(!store.remove(first));
        QCOMPARE(store.list().size(), 1);
        QVERIFY(!store.conversation(first));
        QVERIFY(store.restore(first));
        QCOMPARE(store.list().size(), 2);
        QVERIFY(store.remove(second));
        QVERIFY(!store.save(9999, u"x"_s, {}));
        QVERIFY(changed.size() >= 8);
    }
    // The next session purges what was deleted and keeps the rest.
    core::Database db(path);
    QString error;
    QVERIFY(db.open(&error));
    core::ConversationStore store(&db);
    QCOMPARE(store.list().size(), 1);
    QCOMPARE(store.list().first().id, first);
    QVERIFY(!store.restore(second));
}

void TestStorage::conversationsMigrateFromVersion4()
{
    const QString path = freshPath();
    {
        core::Database v4(path);
        QString error;
        QVERIFY2(v4.open(4, &error), qPrintable(error));
        QSqlQuery q(v4.connection());
        QVERIFY(!q.exec(u"SELECT * FROM conversations"_s));
    }
    core::Database db(path);
    QString error;
    QVERIFY2(db.open(&error), qPrintable(error));
    QCOMPARE(db.schemaVersion(), core::Database::kSchemaVersion);
    core::ConversationStore store(&db);
    QVERIFY(store.create(u"x"_s, {}) > 0);
    QCOMPARE(store.list().size(), 1);
}

void TestStorage::partialTextIsKeptApartFromTheResponse()
{
    const QString path = freshPath();
    {
        // Schema 5 kept a stopped stream's text in `response`.
        core::Database v5(path);
        QString error;
        QVERIFY2(v5.open(5, &error), qPrintable(error));
        QSqlQuery q(v5.connection());
        QVERIFY(q.exec(
            u"INSERT INTO runs (started_at, tab, profile, model, endpoint, request, response, "
            u"error, status) VALUES "
            "('2026-01-01T00:00:00.000Z', 'chat', 'p', 'm', 'chat/completions', '{}', 'Once upon', "
            "'', 'canceled'),"
            "('2026-01-01T00:00:01.000Z', 'chat', 'p', 'm', 'chat/completions', '{}', 'The end.', '', 'succeeded')"_s));
    }
    core::Database db(path);
    QString error;
    QVERIFY2(db.open(&error), qPrintable(error));
    QCOMPARE(db.schemaVersion(), core::Database::kSchemaVersion);
    core::HistoryStore history(&db);
    QList<core::RunRecord> runs = history.search(QString());
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs.at(1).status, core::RunStatus::Canceled);
    QCOMPARE(runs.at(1).partial, u"Once upon"_s);
    QVERIFY(runs.at(1).response.isEmpty());
    QCOMPARE(runs.at(0).response, u"The end."_s);
    QVERIFY(runs.at(0).partial.isEmpty());
    // Read as what it is; the stored row is left as it was.
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(u"SELECT response, partial IS NULL FROM runs WHERE status = 'canceled'"_s)
        && q.next());
    QCOMPARE(q.value(0).toString(), u"Once upon"_s);
    QVERIFY(q.value(1).toBool());

    // A run of this schema: the streamed text goes to `partial` while it runs, the response stays
    // empty unless the run succeeds, and finishing without new partial text keeps the saved one.
    const qint64 id = history.beginRun(u"completion"_s, u"p"_s, u"m"_s, u"complete"_s, {});
    QVERIFY(history.savePartial(id, u"half a"_s));
    QCOMPARE(history.run(id)->partial, u"half a"_s);
    QCOMPARE(history.search(u"half a"_s).size(), 1);
    QVERIFY(history.finishRun(id, core::RunStatus::Interrupted, QString(), u"cut"_s, 10));
    QCOMPARE(history.run(id)->partial, u"half a"_s);
    QVERIFY(history.run(id)->response.isEmpty());
    const qint64 done = history.beginRun(u"completion"_s, u"p"_s, u"m"_s, u"complete"_s, {});
    QVERIFY(
        history.finishRun(done, core::RunStatus::Succeeded, u"{}"_s, QString(), 5, -1, -1, u""_s));
    QCOMPARE(history.run(done)->response, u"{}"_s);
    QVERIFY(history.run(done)->partial.isEmpty());
}

void TestStorage::steeringLibrarySurvivesARestart()
{
    const QString path = freshPath();
    const QList<core::SteeringConceptExample> examples{
        {u"I think, maybe, it could be"_s, u"It is"_s, {}},
        {u"Dear Sir,\n\"formal\""_s, u"hey, \"casual\""_s, {}}};
    qint64 first = 0;
    qint64 second = 0;
    {
        core::Database db(path);
        QString error;
        QVERIFY2(db.open(&error), qPrintable(error));
        core::SteeringLibrary library(&db);
        QVERIFY(library.list().isEmpty());
        core::SteeringConceptEntry entry;
        entry.name = u"Confident"_s;
        entry.description = u"no hedging"_s;
        entry.examples = examples;
        entry.conceptId = u"a1b2"_s;
        entry.profile = u"Work"_s;
        entry.host = u"https://api.example.com/v1"_s;
        entry.createdAt = QDateTime(QDate(2026, 11, 1), QTime(12, 0), Qt::UTC);
        first = library.add(entry);
        QVERIFY2(first > 0, qPrintable(library.lastError()));
        entry.name = u"Casual"_s;
        entry.createdAt = entry.createdAt.addDays(1);
        second = library.add(entry);
        QVERIFY(second > first);
        QVERIFY(library.rename(first, u"Sure of itself"_s));
        const qint64 copy = library.duplicate(second);
        QVERIFY(copy > second);
        QVERIFY(library.remove(copy));
        QVERIFY(!library.remove(copy));
    }
    core::Database db(path);
    QString error;
    QVERIFY2(db.open(&error), qPrintable(error));
    core::SteeringLibrary library(&db);
    const QList<core::SteeringConceptEntry> all = library.list();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).rowId, second); // newest first
    QCOMPARE(all.at(0).name, u"Casual"_s);
    QCOMPARE(all.at(1).name, u"Sure of itself"_s);
    QCOMPARE(all.at(1).description, u"no hedging"_s);
    QCOMPARE(all.at(1).conceptId, u"a1b2"_s);
    QCOMPARE(all.at(1).profile, u"Work"_s);
    QCOMPARE(all.at(1).host, u"https://api.example.com/v1"_s);
    QCOMPARE(all.at(1).createdAt, QDateTime(QDate(2026, 11, 1), QTime(12, 0), Qt::UTC));
    QCOMPARE(all.at(1).examples.size(), 2);
    QCOMPARE(all.at(1).examples.at(1).negative, examples.at(1).negative);
    QCOMPARE(all.at(1).examples.at(1).positive, examples.at(1).positive);
    QVERIFY(!library.find(9999));
}

void TestStorage::steeringLibraryMigratesFromVersion3()
{
    const QString path = freshPath();
    {
        core::Database v3(path);
        QString error;
        QVERIFY2(v3.open(3, &error), qPrintable(error));
        QSqlQuery q(v3.connection());
        QVERIFY(!q.exec(u"SELECT * FROM steering_concepts"_s));
    }
    core::Database db(path);
    QString error;
    QVERIFY2(db.open(&error), qPrintable(error));
    QCOMPARE(db.schemaVersion(), core::Database::kSchemaVersion);
    core::SteeringLibrary library(&db);
    core::SteeringConceptEntry entry;
    entry.name = u"x"_s;
    QVERIFY(library.add(entry) > 0);
    QCOMPARE(library.list().size(), 1);
    QVERIFY(library.list().at(0).createdAt.isValid());
}

void TestStorage::steeringExamplesCsvRoundTrip()
{
    const QList<core::SteeringConceptExample> examples{{u"plain"_s, u"with, comma"_s, {}},
        {u"line\nbreak"_s, u"\"quoted\""_s, {}},
        {u"Ünïcode ✓"_s, QString(), {}}};
    const QString csv = core::steeringExamplesToCsv(examples);
    QVERIFY(csv.startsWith(u"negative,positive\n"_s));
    QString error;
    const auto back = core::steeringExamplesFromCsv(csv, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->size(), examples.size());
    for (int i = 0; i < examples.size(); ++i) {
        QCOMPARE(back->at(i).negative, examples.at(i).negative);
        QCOMPARE(back->at(i).positive, examples.at(i).positive);
    }
    // Columns in any order, other columns ignored, ';' separators.
    const auto swapped
        = core::steeringExamplesFromCsv(u"note;positive;negative\r\nx;yes;no\r\n"_s, &error);
    QVERIFY2(swapped, qPrintable(error));
    QCOMPARE(swapped->size(), 1);
    QCOMPARE(swapped->at(0).negative, u"no"_s);
    QCOMPARE(swapped->at(0).positive, u"yes"_s);
}

void TestStorage::steeringExamplesCsvErrors()
{
    QString error;
    QVERIFY(!core::steeringExamplesFromCsv(u"before,after\na,b\n"_s, &error));
    QVERIFY2(error.contains(u"\"negative\" and \"positive\""_s), qPrintable(error));
    QVERIFY(!core::steeringExamplesFromCsv(u"negative,positive\na,b,c\n"_s, &error));
    QVERIFY2(error.contains(u"line 2"_s), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestStorage)
#include "TestStorage.moc"
