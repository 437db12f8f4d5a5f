// SPDX-License-Identifier: MIT
// A typed request kept in an autosaved draft: a map of plain values key for key as the body, read
// back equal, also after DraftStore's round trip through SQLite (numbers come back as doubles).
#include "core/api/Completion.h"
#include "core/storage/Database.h"
#include "core/storage/DraftValue.h"
#include "core/storage/HistoryStore.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestDraftValue : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mapHasTheBodysKeys();
    void readBackEqualsTheRequest();
    void survivesTheDraftStore();
    void notARequestIsAnError();

private:
    static core::CompletionRequest sample()
    {
        core::CompletionRequest r;
        r.model = u"luminous-base"_s;
        r.prompt.items = {core::PromptItem::fromImageBytes(QByteArray("\x89PNG", 4)),
            core::PromptItem::fromText(u"Dear {{ name }},"_s)};
        r.maximumTokens = 123;
        r.temperature = 0.5;
        r.stopSequences = QStringList{u"\n"_s, u"###"_s};
        r.echo = true;
        return r;
    }
    static QByteArray bytes(const core::CompletionRequest &r)
    {
        return QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact);
    }
};

void TestDraftValue::mapHasTheBodysKeys()
{
    const QVariantMap map = core::requestToDraft(sample());
    QCOMPARE(map.keys(), sample().toJson().keys());
    QCOMPARE(map.value(u"model"_s).toString(), u"luminous-base"_s);
    QCOMPARE(map.value(u"maximum_tokens"_s).toInt(), 123);
    QCOMPARE(map.value(u"stop_sequences"_s).toStringList(), (QStringList{u"\n"_s, u"###"_s}));
    QCOMPARE(map.value(u"prompt"_s).toList().size(), 2);
    QVERIFY(!map.contains(u"top_k"_s)); // unset: left out, as in the body
}

void TestDraftValue::readBackEqualsTheRequest()
{
    QString error;
    const auto back
        = core::requestFromDraft<core::CompletionRequest>(core::requestToDraft(sample()), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(bytes(*back), bytes(sample()));
}

void TestDraftValue::survivesTheDraftStore()
{
    QTemporaryDir dir;
    core::Database db(dir.filePath(u"drafts.sqlite"_s));
    QString error;
    QVERIFY2(db.open(&error), qPrintable(error));
    core::DraftStore drafts(&db);
    QVERIFY(drafts.save(
        u"completion"_s, {{u"request"_s, core::requestToDraft(sample())}, {u"stream"_s, true}}));
    const QVariantMap loaded = drafts.load(u"completion"_s);
    const auto back
        = core::requestFromDraft<core::CompletionRequest>(loaded.value(u"request"_s), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(bytes(*back), bytes(sample()));
}

void TestDraftValue::notARequestIsAnError()
{
    QString error;
    QVERIFY(!core::requestFromDraft<core::CompletionRequest>(QVariant(), &error));
    QCOMPARE(error, u"the draft holds no request"_s);
    error.clear();
    QVERIFY(!core::requestFromDraft<core::CompletionRequest>(QVariant(u"text"_s), &error));
    QCOMPARE(error, u"the draft holds no request"_s);
    error.clear();
    QVERIFY(!core::requestFromDraft<core::CompletionRequest>(
        QVariantMap{{u"maximum_tokens"_s, 5}}, &error));
    QVERIFY2(!error.isEmpty(), "a body without model or prompt names what is missing");
    error.clear();
    QVERIFY(!core::requestFromDraft<core::CompletionRequest>(
        QVariantMap{{u"model"_s, u"m"_s}, {u"prompt"_s, u"x"_s}, {u"no_such_field"_s, 1}}, &error));
    QVERIFY2(error.contains(u"no_such_field"_s), qPrintable(error));
}

QTEST_MAIN(TestDraftValue)
#include "TestDraftValue.moc"
