// SPDX-License-Identifier: MIT
#include "core/api/Chat.h"
#include "core/api/Completion.h"
#include "core/api/Embedding.h"
#include "core/api/Endpoints.h"
#include "core/api/ImageFile.h"
#include "core/api/Json.h"
#include "core/api/Models.h"
#include "core/api/Tokenization.h"

#include <QBuffer>
#include <QImage>
#include <QJsonDocument>
#include <QTemporaryDir>
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
    void semanticEmbeddingModelPrefersTheNamedOne();
    void chatRequestStopAndToolChoiceForms();
    void responsesKeepUnknownFields();
    void chatResponseAcceptsOneElementArray();
    void modelSettingsParsesCapabilities();
    void streamEventRejectsUnknownType();
    void newEndpointsRejectBadRequests_data();
    void newEndpointsRejectBadRequests();
    void floatsWriteTheirShortestForm();
    void imageFilesKeepTheirBytes();
    void imageFilesOfOtherFormatsAreRefused();
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
    QTest::newRow("missing model")
        << QByteArray(R"({"prompt":"x"})") << u"complete: missing required field \"model\""_s;
    QTest::newRow("wrong type")
        << QByteArray(R"({"model":"m","prompt":"x","maximum_tokens":"7"})")
        << u"complete: field \"maximum_tokens\": expected an integer, got a string"_s;
    QTest::newRow("fraction for integer")
        << QByteArray(R"({"model":"m","prompt":"x","top_k":1.5})")
        << u"complete: field \"top_k\": expected an integer, got 1.5"_s;
    QTest::newRow("unknown field")
        << QByteArray(R"({"model":"m","prompt":"x","max_tokens":7})")
        << u"complete: field \"max_tokens\": unknown field: the typed request has no place for it"_s;
    QTest::newRow("nested unknown")
        << QByteArray(R"({"model":"m","prompt":[{"type":"text","data":"a","bold":true}]})")
        << u"complete: field \"prompt[0].bold\": unknown field: the typed request has no place for it"_s;
    QTest::newRow("bad item type")
        << QByteArray(R"({"model":"m","prompt":[{"type":"audio","data":"a"}]})")
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
    const auto r
        = core::CompletionRequest::fromJson(obj(R"({"model":"m","prompt":"Hello"})"), &error);
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
    QCOMPARE(
        json.value(u"prompt"_s).toArray().first().toObject().value(u"controls"_s).toArray().size(),
        0);
    QVERIFY(!json.contains(u"maximum_tokens"_s));
    QVERIFY(!json.contains(u"stop_sequences"_s));
}

void TestApiTypes::chatRequestStopAndToolChoiceForms()
{
    QString error;
    const QJsonObject json
        = obj(R"({"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}],
        "stop":"END","tool_choice":{"type":"function","function":{"name":"f"}}})");
    const auto r = core::ChatRequest::fromJson(json, &error);
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(r->toolChoice->functionName.value_or(QString()), u"f"_s);
    QCOMPARE(r->stop->sequences, QStringList{u"END"_s});
    QCOMPARE(core::json::firstDifference(r->toJson(), json), QString());
    QVERIFY(
        !core::ChatRequest::fromJson(obj(R"({"model":"m","messages":[{"role":"user"}]})"), &error));
    QCOMPARE(error, u"chat/completions: missing required field \"messages[0].content\""_s);
}

void TestApiTypes::responsesKeepUnknownFields()
{
    QString error;
    const QJsonObject json = obj(
        R"({"model_version":"v","completions":[{"index":0,"completion":"x","finish_reason":"f","future":1}],
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
            {"name":"b","chat":false,"completion_type":"full","embedding_type":"semantic"}])")
                                 .array();
    const auto r = core::ModelSettingsResponse::fromJson(array, &error);
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(r->models.size(), 2);
    QVERIFY(r->models[0].supportsChat() && !r->models[0].supportsCompletion());
    QVERIFY(!r->models[1].supportsChat() && r->models[1].supportsCompletion());
    QVERIFY(!core::ModelSettingsResponse::fromJson(
        QJsonDocument::fromJson(R"([{"chat":true}])").array(), &error));
    QCOMPARE(error, u"model-settings response: missing required field \"[0].name\""_s);
}

void TestApiTypes::streamEventRejectsUnknownType()
{
    QString error;
    QVERIFY(!core::CompletionStreamEvent::fromJson(obj(R"({"type":"weird"})"), &error));
    QVERIFY(error.contains(u"weird"_s));
}

void TestApiTypes::newEndpointsRejectBadRequests_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expectedError");
    QTest::newRow("representation")
        << u"semantic_embed"_s << QByteArray(R"({"prompt":"x","representation":"sideways"})")
        << u"semantic_embed: field \"representation\": \"sideways\" is not one of: symmetric, document, query"_s;
    QTest::newRow("compress 256")
        << u"semantic_embed"_s
        << QByteArray(R"({"prompt":"x","representation":"query","compress_to_size":256})")
        << u"semantic_embed: field \"compress_to_size\": only 128 is supported (leave it out for the full size)"_s;
    QByteArray many = R"({"representation":"symmetric","prompts":[)";
    for (int i = 0; i < 101; ++i)
        many += i ? R"(,"x")" : R"("x")";
    many += "]}";
    QTest::newRow("101 prompts")
        << u"batch_semantic_embed"_s << many
        << u"batch_semantic_embed: field \"prompts\": 101 prompts; one request takes at most 100 (alephctl embed and BatchEmbedder split longer lists)"_s;
    QTest::newRow("hosting")
        << u"evaluate"_s
        << QByteArray(
               R"({"model":"m","prompt":"x","completion_expected":"y","hosting":"elsewhere"})")
        << u"evaluate: field \"hosting\": \"elsewhere\" is not one of: aleph-alpha"_s;
    QTest::newRow("explain without target")
        << u"explain"_s << QByteArray(R"({"model":"m","prompt":"x"})")
        << u"explain: missing required field \"target\""_s;
    QTest::newRow("custom without delimiter")
        << u"explain"_s
        << QByteArray(
               R"({"model":"m","prompt":"x","target":"y","prompt_granularity":{"type":"custom"}})")
        << u"explain: field \"prompt_granularity.delimiter\": required and non-empty when type is \"custom\""_s;
    QTest::newRow("target granularity")
        << u"explain"_s
        << QByteArray(R"({"model":"m","prompt":"x","target":"y","target_granularity":"word"})")
        << u"explain: field \"target_granularity\": \"word\" is not one of: complete, token"_s;
    QTest::newRow("embeddings input")
        << u"embeddings"_s << QByteArray(R"({"model":"m","input":[]})")
        << u"embeddings: field \"input\": expected a string or a non-empty array of strings, token ids or token-id lists, got an empty array"_s;
    QTest::newRow("rerank top_n")
        << u"rerank"_s << QByteArray(R"({"query":"q","documents":["a"],"top_n":0})")
        << u"rerank: field \"top_n\": must be at least 1 (leave it out for all documents)"_s;
    QTest::newRow("instruction missing")
        << u"instructable_embed"_s << QByteArray(R"({"input":"x"})")
        << u"instructable_embed: missing required field \"instruction\""_s;
    QTest::newRow("steering pair")
        << u"steering_concepts"_s << QByteArray(R"({"examples":[{"positive":"a"}]})")
        << u"steering_concepts: missing required field \"examples[0].negative\""_s;
}

void TestApiTypes::newEndpointsRejectBadRequests()
{
    QFETCH(QString, endpoint);
    QFETCH(QByteArray, body);
    QFETCH(QString, expectedError);
    QString error;
    QVERIFY(!core::findEndpoint(endpoint)->normalizeRequest(obj(body.constData()), &error));
    QCOMPARE(error, expectedError);
}

void TestApiTypes::floatsWriteTheirShortestForm()
{
    // 1.86328125 is the float nearest to 1.8632812; the server prints the shorter form.
    QCOMPARE(core::json::toValue(1.8632812f).toDouble(), 1.8632812);
    QCOMPARE(core::json::toValue(-0.049316406f).toDouble(), -0.049316406);
    QCOMPARE(core::json::toValue(0.0f).toDouble(), 0.0);
    const QJsonValue vector = core::json::toValue(core::Embedding{0.5f, -2.765625f});
    QCOMPARE(vector, QJsonValue(QJsonArray{0.5, -2.765625}));
}

void TestApiTypes::imageFilesKeepTheirBytes()
{
    const QString assets = QStringLiteral(ALEPH_SOURCE_DIR "/tests/data/cassettes/assets/");
    QString error;
    const std::optional<core::ImageFile> jpeg
        = core::ImageFile::load(assets + u"dog-and-cat-cover.jpg"_s, &error);
    QVERIFY2(jpeg, qPrintable(error));
    QFile file(assets + u"dog-and-cat-cover.jpg"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(jpeg->bytes, file.readAll());
    QCOMPARE(jpeg->format, QByteArray("jpeg"));
    QCOMPARE(jpeg->size, QSize(1200, 630));
    // Chat gets PNG: a JPEG is decoded and re-encoded, same pixels size.
    const std::optional<QString> url = jpeg->pngDataUrl(&error);
    QVERIFY2(url, qPrintable(error));
    QVERIFY(url->startsWith(u"data:image/png;base64,"_s));
    QImage decoded;
    QVERIFY(decoded.loadFromData(QByteArray::fromBase64(url->mid(22).toLatin1()), "PNG"));
    QCOMPARE(decoded.size(), QSize(1200, 630));
    // A PNG goes as it is.
    const std::optional<core::ImageFile> png
        = core::ImageFile::load(assets + u"tiny.png"_s, &error);
    QVERIFY2(png, qPrintable(error));
    QCOMPARE(*png->pngDataUrl(&error), u"data:image/png;base64,"_s + png->base64());
    // WebP is the third accepted format.
    QImage image(8, 4, QImage::Format_RGB32);
    image.fill(Qt::red);
    QByteArray webp;
    QBuffer buffer(&webp);
    buffer.open(QIODevice::WriteOnly);
    QVERIFY2(image.save(&buffer, "WEBP"),
        "the WebP image plugin (qt6-image-formats-plugins) is missing");
    const std::optional<core::ImageFile> fromWebp
        = core::ImageFile::fromBytes(webp, u"x.webp"_s, &error);
    QVERIFY2(fromWebp, qPrintable(error));
    QCOMPARE(fromWebp->format, QByteArray("webp"));
    QCOMPARE(fromWebp->size, QSize(8, 4));
    const std::optional<core::PromptItem> item
        = core::PromptItem::fromImageFile(assets + u"dog-and-cat-cover.jpg"_s, &error);
    QVERIFY(item);
    QCOMPARE(item->imageBase64, jpeg->base64());
}

void TestApiTypes::imageFilesOfOtherFormatsAreRefused()
{
    QString error;
    QVERIFY(!core::ImageFile::fromBytes(
        QByteArray("GIF89a\x01\x00\x01\x00\x80\x00\x00", 13), u"cat.gif"_s, &error));
    QCOMPARE(error, u"cat.gif: GIF images are not supported; use PNG, JPEG or WebP"_s);
    QVERIFY(!core::ImageFile::fromBytes("hello", u"notes.txt"_s, &error));
    QCOMPARE(error, u"notes.txt: not an image this app can read; use PNG, JPEG or WebP"_s);
    QVERIFY(!core::ImageFile::fromBytes({}, u"empty.png"_s, &error));
    QCOMPARE(error, u"empty.png: the file is empty"_s);
    QVERIFY(!core::ImageFile::load(u"/nonexistent/x.png"_s, &error));
    QVERIFY(error.startsWith(u"/nonexistent/x.png: cannot read"_s));
    QVERIFY(!core::PromptItem::fromImageFile(u"/nonexistent/x.png"_s, &error));
}

void TestApiTypes::semanticEmbeddingModelPrefersTheNamedOne()
{
    const auto model = [](const QString &name, const QString &embeddingType) {
        core::ModelSettings m;
        m.name = name;
        m.embeddingType = embeddingType;
        return m;
    };
    core::ModelSettings legacy;
    legacy.name = u"legacy"_s;
    legacy.semanticEmbedding = true;
    const QList<core::ModelSettings> sandbox{model(u"chat"_s, u"none"_s),
        model(u"raw-only"_s, u"raw"_s),
        model(u"sandbox-luminous-base"_s, u"semantic"_s),
        model(u"other"_s, u"semantic"_s)};
    // Not listed: the first model with semantic embeddings.
    QCOMPARE(core::semanticEmbeddingModel(sandbox), u"sandbox-luminous-base"_s);
    // Listed with semantic embeddings: kept, wherever it is in the list.
    QCOMPARE(core::semanticEmbeddingModel(sandbox, u"other"_s), u"other"_s);
    // Listed without them: not taken.
    QCOMPARE(core::semanticEmbeddingModel(sandbox, u"raw-only"_s), u"sandbox-luminous-base"_s);
    // The legacy flag counts.
    QCOMPARE(core::semanticEmbeddingModel({model(u"x"_s, u"none"_s), legacy}), u"legacy"_s);
    // Nothing known: the preferred name.
    QCOMPARE(core::semanticEmbeddingModel({}), u"luminous-base"_s);
    QCOMPARE(core::semanticEmbeddingModel({model(u"chat"_s, u"none"_s)}, u"m"_s), u"m"_s);
}

QTEST_GUILESS_MAIN(TestApiTypes)
#include "TestApiTypes.moc"
