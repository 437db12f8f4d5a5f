// SPDX-License-Identifier: MIT
#include "core/api/Chat.h"
#include "core/api/Completion.h"
#include "core/api/Json.h"
#include "core/api/Models.h"
#include "core/api/Tokenization.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

class TestApiTypes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void completionRequestRoundTripsEveryField();
    void rejectsBadRequests_data();
    void rejectsBadRequests();
    void plainStringPromptStaysAString();
    void clientDefaultsMatchOfficialClient();
    void chatRequestStopAndToolChoiceForms();
    void responsesKeepUnknownFields();
    void chatResponseAcceptsOneElementArray();
    void modelSettingsParsesCapabilities();
    void streamEventRejectsUnknownType();
};

static QJsonObject obj(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

void TestApiTypes::completionRequestRoundTripsEveryField()
{
    const QJsonObject json = obj(R"({
        "model": "m", "prompt": [{"type":"text","data":"Hi","controls":[{"start":0,"length":2,"factor":2.5,"token_overlap":"complete"}]},
                                 {"type":"image","data":"AAAA","x":1,"y":2,"size":3,"controls":[{"rect":{"left":0.1,"top":0.2,"width":0.3,"height":0.4},"factor":0}]},
                                 {"type":"token_ids","data":[1,2,3],"controls":[{"index":1,"factor":0.5}]}],
        "hosting":"aleph-alpha","maximum_tokens":5,"minimum_tokens":1,"echo":true,"temperature":0.7,"top_k":3,"top_p":0.9,
        "presence_penalty":0.1,"frequency_penalty":0.2,"sequence_penalty":0.3,"sequence_penalty_min_length":3,
        "repetition_penalties_include_prompt":true,"repetition_penalties_include_completion":false,
        "use_multiplicative_presence_penalty":true,"use_multiplicative_frequency_penalty":true,"use_multiplicative_sequence_penalty":true,
        "penalty_bias":"x","penalty_exceptions":["a"],"penalty_exceptions_include_stop_sequences":false,"best_of":3,"n":2,
        "logit_bias":{"12":-1.5},"log_probs":4,"stop_sequences":["\n"],"tokens":true,"raw_completion":true,"disable_optimizations":true,
        "completion_bias_inclusion":["a"],"completion_bias_inclusion_first_token_only":true,"completion_bias_exclusion":["b"],
        "completion_bias_exclusion_first_token_only":true,"contextual_control_threshold":0.5,"control_log_additive":false,
        "stream":true,"steering_concepts":["_worker/formal"]})");
    QString error;
    const auto request = core::CompletionRequest::fromJson(json, &error);
    QVERIFY2(request, qPrintable(error));
    QCOMPARE(*request->maximumTokens, 5);
    QCOMPARE(request->prompt.items.size(), 3);
    QCOMPARE(request->prompt.items[1].imageControls->first().rect.height, 0.4);
    QCOMPARE(request->logitBias->value(u"12"_s), -1.5);
    QCOMPARE(core::json::firstDifference(request->toJson(), json), QString());
}

void TestApiTypes::rejectsBadRequests_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expectedError");
    QTest::newRow("missing model") << QByteArray(R"({"prompt":"x"})")
                                   << u"complete: missing required field \"model\""_s;
    QTest::newRow("wrong type") << QByteArray(R"({"model":"m","prompt":"x","maximum_tokens":"7"})")
                                << u"complete: field \"maximum_tokens\": expected an integer, got a string"_s;
    QTest::newRow("fraction for integer") << QByteArray(R"({"model":"m","prompt":"x","top_k":1.5})")
                                          << u"complete: field \"top_k\": expected an integer, got 1.5"_s;
    QTest::newRow("unknown field") << QByteArray(R"({"model":"m","prompt":"x","max_tokens":7})")
                                   << u"complete: field \"max_tokens\": unknown field: the typed request has no place for it"_s;
    QTest::newRow("nested unknown") << QByteArray(R"({"model":"m","prompt":[{"type":"text","data":"a","bold":true}]})")
                                    << u"complete: field \"prompt[0].bold\": unknown field: the typed request has no place for it"_s;
    QTest::newRow("bad item type") << QByteArray(R"({"model":"m","prompt":[{"type":"audio","data":"a"}]})")
                                   << u"complete: field \"prompt[0].type\": unknown prompt item type \"audio\" (expected text, image or token_ids)"_s;
}

void TestApiTypes::rejectsBadRequests()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expectedError);
    QString error;
    QVERIFY(!core::CompletionRequest::fromJson(obj(body.constData()), &error));
    QCOMPARE(error, expectedError);
}

void TestApiTypes::plainStringPromptStaysAString()
{
    QString error;
    const auto r = core::CompletionRequest::fromJson(obj(R"({"model":"m","prompt":"Hello"})"), &error);
    QVERIFY(r);
    QVERIFY(r->prompt.isPlainText());
    QCOMPARE(r->toJson().value(u"prompt"_s).toString(), u"Hello"_s);
    QCOMPARE(r->toJson().size(), 2);
}

void TestApiTypes::clientDefaultsMatchOfficialClient()
{
    const QJsonObject json = core::CompletionRequest::withClientDefaults(
                                 u"luminous-base"_s, core::Prompt::fromText(u"Hello"_s))
                                 .toJson();
    // Fields the official client always sends (reference/CLIENT-SEMANTICS.md §5.1).
    QCOMPARE(json.value(u"control_log_additive"_s).toBool(), true);
    QCOMPARE(json.value(u"sequence_penalty_min_length"_s).toInt(), 2);
    QCOMPARE(json.value(u"prompt"_s).toArray().first().toObject().value(u"controls"_s).toArray().size(), 0);
    QVERIFY(!json.contains(u"maximum_tokens"_s));
    QVERIFY(!json.contains(u"stop_sequences"_s));
}

void TestApiTypes::chatRequestStopAndToolChoiceForms()
{
    QString error;
    const QJsonObject json = obj(R"({"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}],
        "stop":"END","tool_choice":{"type":"function","function":{"name":"f"}}})");
    const auto r = core::ChatRequest::fromJson(json, &error);
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(r->toolChoice->functionName.value_or(QString()), u"f"_s);
    QCOMPARE(r->stop->sequences, QStringList{u"END"_s});
    QCOMPARE(core::json::firstDifference(r->toJson(), json), QString());
    QVERIFY(!core::ChatRequest::fromJson(obj(R"({"model":"m","messages":[{"role":"user"}]})"), &error));
    QCOMPARE(error, u"chat/completions: missing required field \"messages[0].content\""_s);
}

void TestApiTypes::responsesKeepUnknownFields()
{
    QString error;
    const QJsonObject json = obj(R"({"model_version":"v","completions":[{"index":0,"completion":"x","finish_reason":"f","future":1}],
        "num_tokens_prompt_total":1,"num_tokens_generated":2,"optimized_prompt":[{"type":"text","data":"a","add_prefix_space":true}],"new_top":"y"})");
    const auto r = core::CompletionResponse::fromJson(json, &error);
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(r->extra.value(u"new_top"_s).toString(), u"y"_s);
    QCOMPARE(core::json::firstDifference(r->toJson(), json), QString());
}

void TestApiTypes::chatResponseAcceptsOneElementArray()
{
    QString error;
    const QJsonValue array = QJsonDocument::fromJson(
        R"([{"id":"a","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"hey"}}]}])")
                                 .array();
    const auto r = core::ChatResponse::fromJsonValue(array, &error);
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(r->choices.first().message->text(), u"hey"_s);
}

void TestApiTypes::modelSettingsParsesCapabilities()
{
    QString error;
    const QJsonValue array = QJsonDocument::fromJson(
        R"([{"name":"a","chat":true,"completion_type":"none","max_context_size":8192,"maximum_completion_tokens":null},
            {"name":"b","chat":false,"completion_type":"full","embedding_type":"semantic"}])").array();
    const auto r = core::ModelSettingsResponse::fromJson(array, &error);
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(r->models.size(), 2);
    QVERIFY(r->models[0].supportsChat() && !r->models[0].supportsCompletion());
    QVERIFY(!r->models[1].supportsChat() && r->models[1].supportsCompletion());
    QVERIFY(!core::ModelSettingsResponse::fromJson(QJsonDocument::fromJson(R"([{"chat":true}])").array(), &error));
    QCOMPARE(error, u"model-settings response: missing required field \"[0].name\""_s);
}

void TestApiTypes::streamEventRejectsUnknownType()
{
    QString error;
    QVERIFY(!core::CompletionStreamEvent::fromJson(obj(R"({"type":"weird"})"), &error));
    QVERIFY(error.contains(u"weird"_s));
}

QTEST_GUILESS_MAIN(TestApiTypes)
#include "TestApiTypes.moc"
