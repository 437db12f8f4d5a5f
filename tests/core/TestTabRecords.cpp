// SPDX-License-Identifier: MIT
// What the Translation and Steering tabs keep, made by core: the history's answer of a lines-mode
// translation (TranslationLines) and the steering pairs of a draft (steeringExamplesToVariant).
#include "core/export/SteeringExamples.h"
#include "core/export/TranslationLines.h"
#include "core/storage/HistoryStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

class TestTabRecords : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void translationLinesAnswerText();
    void translationLinesReadBackFromARun();
    void translationLinesRefuseOtherShapes();
    void steeringExamplesAsDraftValues();
    void steeringExamplesFromSavedDrafts();
    void steeringExamplesErrors();
};

void TestTabRecords::translationLinesAnswerText()
{
    core::TranslationLines answer;
    answer.lines
        = {{u"Hello."_s, u"Hallo."_s, 0.5, {}}, {u"Bye, \"you\""_s, u"failed: HTTP 400"_s, 0, {}}};
    QCOMPARE(answer.answerText(),
        uR"({"lines":[{"score":0.5,"source":"Hello.","translation":"Hallo."},)"
        uR"({"score":0,"source":"Bye, \"you\"","translation":"failed: HTTP 400"}]})"_s);
    QCOMPARE(core::TranslationLines().answerText(), uR"({"lines":[]})"_s);
}

void TestTabRecords::translationLinesReadBackFromARun()
{
    core::TranslationLines answer;
    answer.lines = {{u"one"_s, u"eins"_s, 0.875, {}}, {u"zwei ✓"_s, u"two ✓"_s, 0.25, {}}};
    core::RunRecord run;
    run.status = core::RunStatus::Succeeded;
    run.response = answer.answerText();
    QString error;
    const std::optional<core::TranslationLines> back
        = run.responseAs<core::TranslationLines>(&error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->lines.size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(back->lines.at(i).source, answer.lines.at(i).source);
        QCOMPARE(back->lines.at(i).translation, answer.lines.at(i).translation);
        QCOMPARE(back->lines.at(i).score, answer.lines.at(i).score);
    }
    // A lines answer is not a single request's answer.
    QVERIFY(!run.responseAs<core::TranslationResponse>(&error));
    QVERIFY2(error.startsWith(u"translate response"_s), qPrintable(error));
}

void TestTabRecords::translationLinesRefuseOtherShapes()
{
    core::RunRecord run;
    QString error;
    // A single request's answer has no lines.
    run.response
        = uR"({"translation":"Hallo.","score":0.7,"segments":null,"num_tokens_prompt_total":3})"_s;
    QVERIFY(!run.responseAs<core::TranslationLines>(&error));
    QCOMPARE(error, u"translation lines: missing required field \"lines\""_s);
    QVERIFY(run.responseAs<core::TranslationResponse>(&error));
    // Lines that are not segments.
    error.clear();
    QVERIFY(!core::TranslationLines::fromJson(
        QJsonDocument::fromJson(R"({"lines":[{"source":"a"}]})").object(), &error));
    QCOMPARE(error, u"translation lines: missing required field \"lines[0].translation\""_s);
    error.clear();
    QVERIFY(!core::TranslationLines::fromJson(
        QJsonDocument::fromJson(R"({"lines":"a"})").object(), &error));
    QVERIFY2(error.contains(u"expected an array"_s), qPrintable(error));
    // A cancelled run keeps no answer.
    run.response.clear();
    QVERIFY(!run.responseAs<core::TranslationLines>(&error));
}

void TestTabRecords::steeringExamplesAsDraftValues()
{
    const QList<core::SteeringConceptExample> examples{{u"I think, maybe"_s, u"It is"_s, {}},
        {QString(), QString(), {}},
        {u"ünï"_s, u"✓ \"q\""_s, {}}};
    const QVariantList values = core::steeringExamplesToVariant(examples);
    // The shape of the request's "examples" array, as plain values.
    core::CreateSteeringConceptRequest request;
    request.examples = examples;
    QCOMPARE(values, request.toJson().value(u"examples"_s).toArray().toVariantList());
    QCOMPARE(values.size(), 3);
    QCOMPARE(values.at(0).toMap(),
        (QVariantMap{{u"negative"_s, u"I think, maybe"_s}, {u"positive"_s, u"It is"_s}}));
    QCOMPARE(values.at(1).toMap(),
        (QVariantMap{{u"negative"_s, QString()}, {u"positive"_s, QString()}}));

    QString error;
    const auto back = core::steeringExamplesFromVariant(values, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(back->at(i).negative, examples.at(i).negative);
        QCOMPARE(back->at(i).positive, examples.at(i).positive);
    }
    QVERIFY(core::steeringExamplesToVariant({}).isEmpty());
}

void TestTabRecords::steeringExamplesFromSavedDrafts()
{
    // A draft as the autosave stored it before (JSON text, read back as a map) still loads.
    const QVariantMap draft = QJsonDocument::fromJson(
        R"({"name":"Food","examples":[{"negative":"meh","positive":"yum"},{"negative":"a","positive":"b"}]})")
                                  .object()
                                  .toVariantMap();
    QString error;
    const auto pairs = core::steeringExamplesFromVariant(draft.value(u"examples"_s), &error);
    QVERIFY2(pairs, qPrintable(error));
    QCOMPARE(pairs->size(), 2);
    QCOMPARE(pairs->at(0).negative, u"meh"_s);
    QCOMPARE(pairs->at(1).positive, u"b"_s);
}

void TestTabRecords::steeringExamplesErrors()
{
    QString error;
    QVERIFY(!core::steeringExamplesFromVariant(QVariant(), &error)); // a draft without pairs
    QCOMPARE(error, u"steering_concepts: missing required field \"examples\""_s);
    error.clear();
    QVERIFY(!core::steeringExamplesFromVariant(QVariantList(), &error));
    QVERIFY2(error.contains(u"give at least one"_s), qPrintable(error));
    error.clear();
    QVERIFY(!core::steeringExamplesFromVariant(
        QVariantList{QVariantMap{{u"negative"_s, u"a"_s}}}, &error));
    QVERIFY2(error.contains(u"examples[0].positive"_s), qPrintable(error));
    error.clear();
    QVERIFY(!core::steeringExamplesFromVariant(u"not a list"_s, &error));
    QVERIFY2(error.contains(u"expected an array"_s), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestTabRecords)
#include "TestTabRecords.moc"
