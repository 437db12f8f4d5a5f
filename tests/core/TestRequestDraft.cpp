// SPDX-License-Identifier: MIT
// Typed requests kept in a tab's draft (core/storage/RequestDraft): the request body as a map of
// plain values, back as the same request, through DraftStore too; what is not a request's map
// is refused with the request's own message.
#include "core/api/Completion.h"
#include "core/api/Explanation.h"
#include "core/storage/HistoryStore.h"
#include "core/storage/RequestDraft.h"
#include "tests/support/TempDatabase.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

class TestRequestDraft : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void explanationRoundTrips();
    void survivesTheDraftStore();
    void readsAJsonObjectValue();
    void refusesWhatIsNotTheRequest();

private:
    static core::ExplanationRequest sample();
};

core::ExplanationRequest TestRequestDraft::sample()
{
    core::ExplanationRequest r;
    r.model = u"luminous-base"_s;
    r.prompt.items = {core::PromptItem::fromTokenIds({1, 2, 3}), core::PromptItem::fromText(u"Hello ✓\nthere"_s)};
    r.target = u" friend"_s;
    r.promptGranularity = core::PromptGranularity::custom(u"\n"_s);
    r.postprocessing = u"square"_s;
    r.normalize = true;
    r.controlFactor = 0.25;
    r.contextualControlThreshold = 0.5;
    return r;
}

void TestRequestDraft::explanationRoundTrips()
{
    const core::ExplanationRequest request = sample();
    const QVariantMap draft = core::requestToDraft(request);
    // Plain values, keyed like the request body.
    QCOMPARE(draft.value(u"model"_s).toString(), u"luminous-base"_s);
    QCOMPARE(draft.value(u"target"_s).toString(), u" friend"_s);
    QCOMPARE(draft.value(u"postprocessing"_s).toString(), u"square"_s);
    QCOMPARE(draft.value(u"normalize"_s).toBool(), true);
    QCOMPARE(draft.value(u"control_factor"_s).toDouble(), 0.25);
    QCOMPARE(draft.value(u"prompt_granularity"_s).toMap().value(u"delimiter"_s).toString(), u"\n"_s);
    const QVariantList items = draft.value(u"prompt"_s).toList();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(0).toMap().value(u"type"_s).toString(), u"token_ids"_s);
    QCOMPARE(items.at(0).toMap().value(u"data"_s).toList(), (QVariantList{1, 2, 3}));
    QCOMPARE(items.at(1).toMap().value(u"data"_s).toString(), u"Hello ✓\nthere"_s);
    QCOMPARE(core::jsonToDraft(request.toJson()), draft);

    QString problem;
    const auto back = core::requestFromDraft<core::ExplanationRequest>(draft, &problem);
    QVERIFY2(back, qPrintable(problem));
    QCOMPARE(back->toJson(), request.toJson());
    QCOMPARE(core::draftToJson(draft), request.toJson());
}

void TestRequestDraft::survivesTheDraftStore()
{
    testsupport::TempDatabase database;
    QString error;
    QVERIFY2(database.open(&error), qPrintable(error));
    core::DraftStore store(&database.db);
    const core::ExplanationRequest request = sample();
    QVERIFY(store.save(u"explanation"_s, {{u"request"_s, core::requestToDraft(request)}, {u"editor_position"_s, 1}}));
    const QVariantMap loaded = store.load(u"explanation"_s);
    // Numbers come back as double or qint64, maps as maps: the request is still the same.
    const auto back = core::requestFromDraft<core::ExplanationRequest>(loaded.value(u"request"_s), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->toJson(), request.toJson());
    QCOMPARE(loaded.value(u"editor_position"_s).toInt(), 1);
}

void TestRequestDraft::readsAJsonObjectValue()
{
    const core::ExplanationRequest request = sample();
    QString problem;
    const auto back = core::requestFromDraft<core::ExplanationRequest>(QVariant(request.toJson()), &problem);
    QVERIFY2(back, qPrintable(problem));
    QCOMPARE(back->toJson(), request.toJson());
    // Another request type reads its own body the same way.
    core::CompletionRequest completion;
    completion.model = u"m"_s;
    completion.prompt = core::Prompt::fromText(u"Hi"_s);
    completion.maximumTokens = 7;
    const auto completionBack = core::requestFromDraft<core::CompletionRequest>(core::requestToDraft(completion), &problem);
    QVERIFY2(completionBack, qPrintable(problem));
    QCOMPARE(completionBack->toJson(), completion.toJson());
}

void TestRequestDraft::refusesWhatIsNotTheRequest()
{
    QCOMPARE(core::draftToJson(QVariant()), QJsonObject());
    QCOMPARE(core::draftToJson(QVariant(u"text"_s)), QJsonObject());
    QCOMPARE(core::draftToJson(QVariantList{1, 2}), QJsonObject());
    for (const QVariant &value : {QVariant(), QVariant(u"text"_s), QVariant(QVariantList{1}), QVariant(QVariantMap{})}) {
        QString problem;
        QVERIFY(!core::requestFromDraft<core::ExplanationRequest>(value, &problem));
        QVERIFY(!problem.isEmpty());
    }
    // A map without the required model: the request's own message names it.
    QVariantMap noModel = core::requestToDraft(sample());
    noModel.remove(u"model"_s);
    QString problem;
    QVERIFY(!core::requestFromDraft<core::ExplanationRequest>(noModel, &problem));
    QVERIFY2(problem.contains(u"model"_s), qPrintable(problem));
    // A field of the wrong type.
    QVariantMap badPrompt = core::requestToDraft(sample());
    badPrompt.insert(u"prompt"_s, 3);
    QVERIFY(!core::requestFromDraft<core::ExplanationRequest>(badPrompt, &problem));
    QVERIFY2(problem.contains(u"prompt"_s), qPrintable(problem));
}

QTEST_MAIN(TestRequestDraft)
#include "TestRequestDraft.moc"
