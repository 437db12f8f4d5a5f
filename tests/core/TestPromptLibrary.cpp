// SPDX-License-Identifier: MIT
// The prompt library in SQLite: saved prompts, versions only on change, search, duplicate,
// delete with restore, the diff between versions, and the JSON file (round trip, merge by name,
// malformed files rejected with nothing changed).
#include "core/storage/PromptLibrary.h"
#include "tests/support/TempDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

core::PromptVersion sampleVersion(
    const QString &templateText = u"Write a poem about {{ topic }}."_s)
{
    core::CompletionRequest request
        = core::CompletionRequest::withClientDefaults(u"luminous-base"_s, core::Prompt());
    request.maximumTokens = 64;
    request.temperature = 0.2;
    request.stopSequences = QStringList{u"\n\n"_s};
    request.stream = true; // never kept
    return core::PromptVersion::fromRequest(request, templateText, {{u"topic"_s, u"the sea"_s}});
}

int rows(core::Database &db, const QString &table)
{
    QSqlQuery q(db.connection());
    q.exec(u"SELECT COUNT(*) FROM "_s + table);
    return q.next() ? q.value(0).toInt() : -1;
}

} // namespace

class TestPromptLibrary : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void versionKeepsTheRequestFieldsByTheirApiNames();
    void savedPromptGetsAVersionOnlyWhenItChanged();
    void savingUnderAnExistingNameAddsAVersion();
    void searchFindsNameTagsAndTemplate();
    void duplicateCopiesEveryVersion();
    void removeHidesAndRestoreBringsBack();
    void deletedPromptsArePurgedNextSession();
    void changesBetweenVersionsNameTheFields();
    void jsonRoundTripKeepsEverything();
    void importMergesVersionsOfTheSameName();
    void malformedImportIsRejectedAndChangesNothing_data();
    void malformedImportIsRejectedAndChangesNothing();

private:
    std::unique_ptr<testsupport::TempDatabase> m_db;
    std::unique_ptr<core::PromptLibrary> m_library;
};

void TestPromptLibrary::init()
{
    m_db = std::make_unique<testsupport::TempDatabase>();
    QString error;
    QVERIFY2(m_db->open(&error), qPrintable(error));
    m_library = std::make_unique<core::PromptLibrary>(&m_db->db);
}

void TestPromptLibrary::cleanup()
{
    m_library.reset();
    m_db.reset();
}

void TestPromptLibrary::versionKeepsTheRequestFieldsByTheirApiNames()
{
    core::PromptVersion v = sampleVersion();
    QCOMPARE(v.model, u"luminous-base"_s);
    QCOMPARE(v.parameters.value(u"maximum_tokens"_s).toInt(), 64);
    QCOMPARE(v.parameters.value(u"temperature"_s).toDouble(), 0.2);
    QVERIFY(!v.parameters.contains(u"model"_s));
    QVERIFY(!v.parameters.contains(u"prompt"_s));
    QVERIFY(!v.parameters.contains(u"stream"_s));
    v.steeringConcepts = {u"_worker/formal"_s};
    QString error;
    const auto request = v.request(&error);
    QVERIFY2(request, qPrintable(error));
    QCOMPARE(request->prompt.text(), v.templateText);
    QCOMPARE(request->maximumTokens.value_or(0), 64);
    QCOMPARE(request->steeringConcepts.value_or(QStringList()), QStringList{u"_worker/formal"_s});
    // A version made from that request again is the same.
    QVERIFY(core::PromptVersion::fromRequest(*request, v.templateText, v.variables).sameContent(v));
}

void TestPromptLibrary::savedPromptGetsAVersionOnlyWhenItChanged()
{
    QSignalSpy changed(m_library.get(), &core::PromptLibrary::changed);
    const qint64 id = m_library->save(u"Poem"_s, {u"poetry"_s, u" sea "_s, u""_s}, sampleVersion());
    QVERIFY2(id > 0, qPrintable(m_library->lastError()));
    QCOMPARE(changed.count(), 1);
    auto saved = m_library->prompt(id);
    QVERIFY(saved);
    QCOMPARE(saved->name, u"Poem"_s);
    QCOMPARE(saved->tags, (QStringList{u"poetry"_s, u"sea"_s}));
    QCOMPARE(saved->versionCount, 1);
    QVERIFY(saved->created.isValid());
    QCOMPARE(saved->created.timeSpec(), Qt::UTC);

    // Unchanged: no new version.
    QCOMPARE(m_library->addVersion(id, sampleVersion()), 1);
    QCOMPARE(m_library->versions(id).size(), 1);
    QCOMPARE(changed.count(), 1);

    core::PromptVersion changedVersion = sampleVersion();
    changedVersion.parameters.insert(u"temperature"_s, 0.7);
    QCOMPARE(m_library->addVersion(id, changedVersion), 2);
    core::PromptVersion newTemplate = sampleVersion(u"Write a haiku about {{ topic }}."_s);
    QCOMPARE(m_library->addVersion(id, newTemplate), 3);
    QCOMPARE(m_library->addVersion(id, newTemplate), 3);

    const QList<core::PromptVersion> versions = m_library->versions(id);
    QCOMPARE(versions.size(), 3);
    QCOMPARE(versions.at(0).number, 1);
    QCOMPARE(versions.at(2).number, 3);
    QCOMPARE(versions.at(1).parameters.value(u"temperature"_s).toDouble(), 0.7);
    QCOMPARE(versions.at(2).templateText, u"Write a haiku about {{ topic }}."_s);
    QCOMPARE(versions.at(2).variables.value(u"topic"_s), u"the sea"_s);
    QVERIFY(versions.at(2).created >= versions.at(0).created);
    QCOMPARE(m_library->prompt(id)->latestVersion, 3);
    QCOMPARE(m_library->addVersion(9999, newTemplate), 0);
}

void TestPromptLibrary::savingUnderAnExistingNameAddsAVersion()
{
    const qint64 id = m_library->save(u"Poem"_s, {u"a"_s}, sampleVersion());
    QCOMPARE(m_library->save(u" Poem "_s, {u"b"_s}, sampleVersion(u"Other {{ topic }}"_s)), id);
    QCOMPARE(m_library->list().size(), 1);
    QCOMPARE(m_library->prompt(id)->tags, QStringList{u"b"_s});
    QCOMPARE(m_library->versions(id).size(), 2);
    QCOMPARE(m_library->save(u"   "_s, {}, sampleVersion()), 0);
    QVERIFY(!m_library->lastError().isEmpty());
    const qint64 other = m_library->save(u"Other"_s, {}, sampleVersion());
    QVERIFY(!m_library->rename(other, u"Poem"_s));
    QVERIFY(m_library->rename(other, u"Sonnet"_s));
    QCOMPARE(m_library->prompt(other)->name, u"Sonnet"_s);
}

void TestPromptLibrary::searchFindsNameTagsAndTemplate()
{
    const qint64 poem = m_library->save(u"Poem"_s, {u"poetry"_s}, sampleVersion());
    const qint64 mail = m_library->save(
        u"Mail 100%"_s, {u"work"_s}, sampleVersion(u"Dear {{ name }}, about the invoice"_s));
    QCOMPARE(m_library->list().size(), 2);
    QCOMPARE(m_library->list().first().id, mail); // most recently changed first
    QCOMPARE(m_library->list(u"poem"_s).size(), 1);
    QCOMPARE(m_library->list(u"WORK"_s).first().id, mail);
    QCOMPARE(m_library->list(u"invoice"_s).first().id, mail);
    QCOMPARE(m_library->list(u"100%"_s).size(), 1);
    QCOMPARE(m_library->list(u"_"_s).size(), 0); // LIKE's wildcards are literal
    QCOMPARE(m_library->list(u"nothing like it"_s).size(), 0);
    // A template text of an older version counts too.
    m_library->addVersion(poem, sampleVersion(u"Rewritten {{ topic }}"_s));
    QCOMPARE(m_library->list(u"a poem about"_s).first().id, poem);
    QCOMPARE(m_library->list().first().id, poem); // the new version moved it up
}

void TestPromptLibrary::duplicateCopiesEveryVersion()
{
    const qint64 id = m_library->save(u"Poem"_s, {u"poetry"_s}, sampleVersion());
    m_library->addVersion(id, sampleVersion(u"v2 {{ topic }}"_s));
    const qint64 copy = m_library->duplicate(id);
    QVERIFY(copy > 0 && copy != id);
    QCOMPARE(m_library->prompt(copy)->name, u"Poem (copy)"_s);
    QCOMPARE(m_library->prompt(copy)->tags, QStringList{u"poetry"_s});
    const QList<core::PromptVersion> a = m_library->versions(id);
    const QList<core::PromptVersion> b = m_library->versions(copy);
    QCOMPARE(b.size(), 2);
    QVERIFY(b.at(1).sameContent(a.at(1)));
    QCOMPARE(b.at(1).created, a.at(1).created);
    QCOMPARE(m_library->prompt(m_library->duplicate(id))->name, u"Poem (copy 2)"_s);
    QCOMPARE(m_library->duplicate(4711), 0);
}

void TestPromptLibrary::removeHidesAndRestoreBringsBack()
{
    const qint64 id = m_library->save(u"Poem"_s, {}, sampleVersion());
    QVERIFY(m_library->remove(id));
    QVERIFY(!m_library->prompt(id));
    QCOMPARE(m_library->list().size(), 0);
    QVERIFY(!m_library->remove(id));
    // Its name is free meanwhile; the restored one gets a suffix and keeps its versions.
    const qint64 other = m_library->save(u"Poem"_s, {}, sampleVersion(u"new {{ topic }}"_s));
    QVERIFY(other != id);
    QVERIFY(m_library->restore(id));
    QCOMPARE(m_library->prompt(id)->name, u"Poem (2)"_s);
    QCOMPARE(m_library->versions(id).size(), 1);
    QCOMPARE(m_library->list().size(), 2);
    QVERIFY(!m_library->restore(id));
}

void TestPromptLibrary::deletedPromptsArePurgedNextSession()
{
    const qint64 id = m_library->save(u"Poem"_s, {}, sampleVersion());
    m_library->addVersion(id, sampleVersion(u"v2"_s));
    m_library->save(u"Kept"_s, {}, sampleVersion());
    QVERIFY(m_library->remove(id));
    QCOMPARE(rows(m_db->db, u"prompt_versions"_s), 3);
    core::PromptLibrary next(&m_db->db);
    QCOMPARE(rows(m_db->db, u"prompts"_s), 1);
    QCOMPARE(rows(m_db->db, u"prompt_versions"_s), 1); // the versions went with it
    QVERIFY(!next.restore(id));
}

void TestPromptLibrary::changesBetweenVersionsNameTheFields()
{
    const core::PromptVersion a = sampleVersion();
    QVERIFY(core::promptChanges(a, a).isEmpty());
    core::PromptVersion b = sampleVersion(u"Write a haiku about {{ topic }}."_s);
    b.model = u"luminous-extended"_s;
    b.variables.insert(u"topic"_s, u"the moon"_s);
    b.parameters.insert(u"temperature"_s, 0.9);
    b.parameters.remove(u"maximum_tokens"_s);
    b.steeringConcepts = {u"_worker/formal"_s};
    const QList<core::PromptChange> changes = core::promptChanges(a, b);
    const QList<core::PromptChange> expected = {
        {u"template"_s, a.templateText, b.templateText},
        {u"model"_s, u"luminous-base"_s, u"luminous-extended"_s},
        {u"variables.topic"_s, u"the sea"_s, u"the moon"_s},
        {u"maximum_tokens"_s, u"64"_s, QString()},
        {u"temperature"_s, u"0.2"_s, u"0.9"_s},
        {u"steering_concepts"_s, QString(), u"[\"_worker/formal\"]"_s},
    };
    QCOMPARE(changes.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(changes.at(i).field, expected.at(i).field);
        QCOMPARE(changes.at(i).before, expected.at(i).before);
        QCOMPARE(changes.at(i).after, expected.at(i).after);
    }
}

void TestPromptLibrary::jsonRoundTripKeepsEverything()
{
    const qint64 id = m_library->save(u"Poem"_s, {u"poetry"_s, u"sea"_s}, sampleVersion());
    core::PromptVersion v2 = sampleVersion(u"Ünïcode {{ topic }} “quoted”"_s);
    v2.steeringConcepts = {u"_worker/formal"_s};
    m_library->addVersion(id, v2);
    m_library->save(u"Mail"_s, {}, sampleVersion(u"Dear {{ name }}"_s));
    const QByteArray file = m_library->exportFile();

    // The documented shape.
    const QJsonObject root = QJsonDocument::fromJson(file).object();
    QCOMPARE(root.value(u"format"_s).toString(), u"aleph-playground.prompts"_s);
    QCOMPARE(root.value(u"version"_s).toInt(), 1);
    const QJsonArray prompts = root.value(u"prompts"_s).toArray();
    QCOMPARE(prompts.size(), 2);
    const QJsonObject poem = prompts.at(0).toObject(); // oldest first
    QCOMPARE(poem.value(u"name"_s).toString(), u"Poem"_s);
    QCOMPARE(poem.value(u"tags"_s).toArray().size(), 2);
    const QJsonObject version2 = poem.value(u"versions"_s).toArray().at(1).toObject();
    QCOMPARE(version2.value(u"version"_s).toInt(), 2);
    QCOMPARE(version2.value(u"template"_s).toString(), v2.templateText);
    QCOMPARE(version2.value(u"variables"_s).toObject().value(u"topic"_s).toString(), u"the sea"_s);
    QCOMPARE(version2.value(u"model"_s).toString(), u"luminous-base"_s);
    QCOMPARE(version2.value(u"parameters"_s).toObject().value(u"maximum_tokens"_s).toInt(), 64);
    QCOMPARE(
        version2.value(u"steering_concepts"_s).toArray().at(0).toString(), u"_worker/formal"_s);
    QVERIFY(version2.value(u"created"_s).toString().endsWith(u'Z'));

    // Into an empty library: the same prompts, versions and dates.
    testsupport::TempDatabase otherDb;
    QString error;
    QVERIFY2(otherDb.open(&error), qPrintable(error));
    core::PromptLibrary other(&otherDb.db);
    const auto result = other.importFile(file, &error);
    QVERIFY2(result, qPrintable(error));
    QCOMPARE(result->added, 2);
    QCOMPARE(result->merged, 0);
    QCOMPARE(result->versions, 3);
    const auto imported = other.findByName(u"Poem"_s);
    QVERIFY(imported);
    QCOMPARE(imported->tags, (QStringList{u"poetry"_s, u"sea"_s}));
    QCOMPARE(imported->created, m_library->prompt(id)->created);
    const QList<core::PromptVersion> a = m_library->versions(id);
    const QList<core::PromptVersion> b = other.versions(imported->id);
    QCOMPARE(b.size(), 2);
    for (int i = 0; i < 2; ++i) {
        QVERIFY(a.at(i).sameContent(b.at(i)));
        QCOMPARE(b.at(i).created, a.at(i).created);
        QCOMPARE(b.at(i).number, a.at(i).number);
    }
    // Exported again: the same prompts.
    const auto again = core::readPromptFile(other.exportFile(), &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(again->size(), 2);
}

void TestPromptLibrary::importMergesVersionsOfTheSameName()
{
    const qint64 id = m_library->save(u"Poem"_s, {u"poetry"_s}, sampleVersion());
    const QByteArray file = m_library->exportFile();
    QString error;
    // The same file again: nothing new.
    auto result = m_library->importFile(file, &error);
    QVERIFY2(result, qPrintable(error));
    QCOMPARE(result->added, 0);
    QCOMPARE(result->versions, 0);
    QCOMPARE(m_library->versions(id).size(), 1);

    // A file with a version this library lacks and another tag: the version is added after ours.
    m_library->addVersion(id, sampleVersion(u"local {{ topic }}"_s));
    QJsonObject root = QJsonDocument::fromJson(file).object();
    QJsonArray prompts = root.value(u"prompts"_s).toArray();
    QJsonObject poem = prompts.at(0).toObject();
    QJsonArray versions = poem.value(u"versions"_s).toArray();
    QJsonObject v = versions.at(0).toObject();
    v.insert(u"template"_s, u"from elsewhere {{ topic }}"_s);
    v.insert(u"version"_s, 7);
    versions.append(v);
    poem.insert(u"versions"_s, versions);
    poem.insert(u"tags"_s, QJsonArray{u"poetry"_s, u"shared"_s});
    prompts.replace(0, poem);
    root.insert(u"prompts"_s, prompts);
    result = m_library->importFile(QJsonDocument(root).toJson(), &error);
    QVERIFY2(result, qPrintable(error));
    QCOMPARE(result->merged, 1);
    QCOMPARE(result->versions, 1);
    const QList<core::PromptVersion> stored = m_library->versions(id);
    QCOMPARE(stored.size(), 3);
    QCOMPARE(stored.at(1).templateText, u"local {{ topic }}"_s);
    QCOMPARE(stored.at(2).templateText, u"from elsewhere {{ topic }}"_s);
    QCOMPARE(stored.at(2).number, 3);
    QCOMPARE(m_library->prompt(id)->tags, (QStringList{u"poetry"_s, u"shared"_s}));
    QCOMPARE(m_library->list().size(), 1);
}

void TestPromptLibrary::malformedImportIsRejectedAndChangesNothing_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("message");
    const auto withPrompt = [](const QByteArray &prompt) -> QByteArray {
        return R"({"format":"aleph-playground.prompts","version":1,"prompts":[)"
               R"({"name":"Good","versions":[{"template":"t","model":"m"}]},)"
            + prompt + "]}";
    };
    QTest::newRow("not json") << QByteArray("{\"format\": ") << u"Not a JSON file"_s;
    QTest::newRow("other format") << QByteArray(R"({"format":"x","version":1,"prompts":[]})")
                                  << u"Not a prompt library file"_s;
    QTest::newRow("newer version")
        << QByteArray(R"({"format":"aleph-playground.prompts","version":2,"prompts":[]})")
        << u"format version is 2"_s;
    QTest::newRow("prompts not a list")
        << QByteArray(R"({"format":"aleph-playground.prompts","version":1,"prompts":{}})")
        << u"\"prompts\" must be a list"_s;
    QTest::newRow("no name") << withPrompt(R"({"versions":[{"template":"t","model":"m"}]})")
                             << u"prompts[1]: \"name\""_s;
    QTest::newRow("no versions") << withPrompt(R"({"name":"x","versions":[]})")
                                 << u"prompts[1]: \"versions\""_s;
    QTest::newRow("no model") << withPrompt(R"({"name":"x","versions":[{"template":"t"}]})")
                              << u"prompts[1].versions[0]: \"model\""_s;
    QTest::newRow("bad parameter") << withPrompt(
        R"({"name":"x","versions":[{"template":"t","model":"m","parameters":{"temperature":"hot"}}]})")
                                   << u"prompts[1].versions[0]: complete: field \"temperature\""_s;
    QTest::newRow("unknown parameter") << withPrompt(
        R"({"name":"x","versions":[{"template":"t","model":"m","parameters":{"temprature":1}}]})")
                                       << u"temprature"_s;
    QTest::newRow("bad tags") << withPrompt(
        R"({"name":"x","tags":"a","versions":[{"template":"t","model":"m"}]})")
                              << u"\"tags\""_s;
    QTest::newRow("bad date") << withPrompt(
        R"({"name":"x","versions":[{"template":"t","model":"m","created":"yesterday"}]})")
                              << u"\"created\""_s;
    QTest::newRow("variable not a string") << withPrompt(
        R"({"name":"x","versions":[{"template":"t","model":"m","variables":{"a":1}}]})")
                                           << u"variable \"a\""_s;
}

void TestPromptLibrary::malformedImportIsRejectedAndChangesNothing()
{
    QFETCH(QByteArray, file);
    QFETCH(QString, message);
    m_library->save(u"Existing"_s, {}, sampleVersion());
    const QByteArray before = m_library->exportFile();
    QSignalSpy changed(m_library.get(), &core::PromptLibrary::changed);
    QString error;
    QVERIFY(!m_library->importFile(file, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(rows(m_db->db, u"prompts"_s), 1);
    QCOMPARE(rows(m_db->db, u"prompt_versions"_s), 1);
    // Byte for byte the same export, but for its time stamp.
    const auto withoutTime = [](const QByteArray &json) {
        QJsonObject o = QJsonDocument::fromJson(json).object();
        o.remove(u"exported"_s);
        return o;
    };
    QCOMPARE(withoutTime(m_library->exportFile()), withoutTime(before));
}

QTEST_GUILESS_MAIN(TestPromptLibrary)
#include "TestPromptLibrary.moc"
