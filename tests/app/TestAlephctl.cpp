// SPDX-License-Identifier: MIT
// alephctl's command-line contract, run as a real process against the cassette replay server.
#include "core/api/Endpoints.h"
#include "core/api/Json.h"
#include "sandbox/SandboxServer.h"
#include "tests/support/CassetteServer.h"
#include "tests/support/TestHttpServer.h"
#include "tests/support/TestSetFixture.h"

#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestAlephctl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void requestPrintsTypedResponse();
    void streamedRequestPrintsOneEventPerLine();
    void unknownFieldIsExit2NamingIt();
    void apiErrorIsExit3WithMessage();
    void networkFailureIsExit4();
    void retriesAreAnnouncedOnStderr();
    void hostileNumbersAreUsageErrors_data();
    void hostileNumbersAreUsageErrors();
    void tokenFromStdinIsUsed();
    void friendlyCompletePrintsText();
    void getEndpointTakesNoFile();
    void requestCoversEveryRecordedEndpoint();
    void requestCoversEndpointsWithoutRecordings_data();
    void requestCoversEndpointsWithoutRecordings();
    void explainPrintsScoredSegments();
    void embedBatchesStdinInInputOrder();
    void translatePrintsTranslationAndSegments();
    void tokenizerWritesTheModelsTokenizerJson();
    void testRunsASavedSetAgainstTheSandbox();
    void testExitsOneWhenACheckFails();
    void testSimilarityEmbedsWithAModelOfTheServer();
    void testUsageErrorsAreExit2();

private:
    struct Result
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };
    Result run(const QStringList &args, const QByteArray &stdinData = {});
    QString writeBody(const QJsonValue &body);
    /// The first `rows` rows of tests/data/testset-capitals.csv with two versions and `checks`,
    /// saved as a test-set file; its path.
    QString writeTestSet(int rows, const QString &checksJson);
    /// The global options that reach the in-process sandbox (started on first use).
    QStringList sandboxArgs();
    std::unique_ptr<sandbox::EmbeddedSandbox> m_sandbox;
    const testsupport::Interaction *find(const QString &file, int index = 0) const;

    testsupport::CassetteServer m_server;
    QTemporaryDir m_dir;
};

void TestAlephctl::initTestCase()
{
    QString error;
    QVERIFY2(m_server.load(&error), qPrintable(error));
    QVERIFY(m_server.listen());
    QVERIFY(m_dir.isValid());
}

TestAlephctl::Result TestAlephctl::run(const QStringList &args, const QByteArray &stdinData)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"AA_TOKEN"_s);
    env.insert(u"no_proxy"_s, u"127.0.0.1"_s);
    p.setProcessEnvironment(env);
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(QStringLiteral(ALEPHCTL_PATH), args);
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!finished.wait(20000))
        return {};
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

QString TestAlephctl::writeBody(const QJsonValue &body)
{
    static int n = 0;
    const QString path = m_dir.filePath(u"body%1.json"_s.arg(++n));
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(QJsonDocument(body.toObject()).toJson());
    return path;
}

const testsupport::Interaction *TestAlephctl::find(const QString &file, int index) const
{
    for (const testsupport::Interaction &in : m_server.interactions()) {
        if (in.file == file && in.index == index)
            return &in;
    }
    return nullptr;
}

void TestAlephctl::requestPrintsTypedResponse()
{
    const auto *in = find(u"test_complete/test_complete.json"_s);
    QVERIFY(in);
    const Result r = run({u"--host"_s,
        m_server.baseUrl().toString(),
        u"--token"_s,
        u"t"_s,
        u"request"_s,
        u"complete"_s,
        writeBody(in->requestBody)});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out.count('\n'), 1);
    const QJsonValue printed = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(
        core::json::firstDifference(printed, core::json::stripNulls(in->responseBody)), QString());
    QCOMPARE(m_server.requests().last().headers.value("authorization"), "Bearer t");
}

void TestAlephctl::streamedRequestPrintsOneEventPerLine()
{
    const auto *in = find(u"test_chat/test_can_chat_with_streaming_support.json"_s);
    QVERIFY(in);
    const QByteArray body = QJsonDocument(in->requestBody.toObject()).toJson();
    const Result r = run(
        {u"--host"_s, m_server.baseUrl().toString(), u"request"_s, u"chat/completions"_s, u"-"_s},
        body);
    QCOMPARE(r.code, 0);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    const QByteArray recorded = in->responseBytes();
    QCOMPARE(lines.size(), recorded.count("data: {"));
    for (const QByteArray &line : lines)
        QVERIFY(QJsonDocument::fromJson(line).isObject());
    QVERIFY(lines.last().contains("\"finish_reason\":\"stop\""));
}

void TestAlephctl::unknownFieldIsExit2NamingIt()
{
    const Result r
        = run({u"--host"_s, m_server.baseUrl().toString(), u"request"_s, u"complete"_s, u"-"_s},
            R"({"model":"m","prompt":"x","maximum_token":3})");
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("maximum_token"), r.err.constData());
}

void TestAlephctl::apiErrorIsExit3WithMessage()
{
    const auto *in = find(u"test_chat/test_can_not_chat_with_all_models.json"_s);
    QVERIFY(in);
    const Result r = run({u"--host"_s,
        m_server.baseUrl().toString(),
        u"--retries"_s,
        u"0"_s,
        u"request"_s,
        u"chat/completions"_s,
        writeBody(in->requestBody)});
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains("400") && r.err.contains("does not support chat"), r.err.constData());
}

void TestAlephctl::networkFailureIsExit4()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    const Result r = run(
        {u"--host"_s, u"http://127.0.0.1:%1/v1"_s.arg(port), u"--retries"_s, u"0"_s, u"models"_s});
    QCOMPARE(r.code, 4);
    QVERIFY(!r.err.isEmpty());
}

void TestAlephctl::retriesAreAnnouncedOnStderr()
{
    // Nothing listens: each retry says so instead of waiting in silence.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    const Result r = run(
        {u"--host"_s, u"http://127.0.0.1:%1/v1"_s.arg(port), u"--retries"_s, u"2"_s, u"models"_s});
    QCOMPARE(r.code, 4);
    QVERIFY2(r.err.contains("retrying 1/2 in ") && r.err.contains("retrying 2/2 in "),
        r.err.constData());
}

void TestAlephctl::hostileNumbersAreUsageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    for (const QString &t : {u"nan"_s, u"inf"_s, u"1e10"_s, u"-1"_s, u"0"_s})
        QTest::newRow(qPrintable(u"--timeout "_s + t))
            << QStringList{u"--timeout"_s, t, u"models"_s};
    for (const QString &t : {u"nan"_s, u"inf"_s, u"-0.5"_s})
        QTest::newRow(qPrintable(u"--temperature "_s + t)) << QStringList{
            u"complete"_s, u"-m"_s, u"luminous-base"_s, u"--temperature"_s, t, u"x"_s};
}

void TestAlephctl::hostileNumbersAreUsageErrors()
{
    QFETCH(QStringList, args);
    const Result r = run(QStringList{u"--host"_s, m_server.baseUrl().toString()} + args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("takes"), r.err.constData());
}

void TestAlephctl::tokenFromStdinIsUsed()
{
    const auto *in = find(u"test_complete/test_complete.json"_s);
    QVERIFY(in);
    const Result r = run({u"--host"_s,
                             m_server.baseUrl().toString(),
                             u"--token-stdin"_s,
                             u"request"_s,
                             u"complete"_s,
                             u"-"_s},
        "secret-from-stdin\n" + QJsonDocument(in->requestBody.toObject()).toJson());
    QCOMPARE(r.code, 0);
    QCOMPARE(m_server.requests().last().headers.value("authorization"), "Bearer secret-from-stdin");
    const Result help = run({u"--help"_s});
    QVERIFY(help.out.contains("AA_TOKEN") && help.out.contains("--token-stdin")
        && help.out.contains("process list"));
    const Result version = run({u"--version"_s});
    QCOMPARE(version.code, 0);
    QCOMPARE(version.out, QByteArray("alephctl " ALEPH_VERSION "\n"));
}

void TestAlephctl::friendlyCompletePrintsText()
{
    const Result r = run({u"--host"_s,
        m_server.baseUrl().toString(),
        u"complete"_s,
        u"-m"_s,
        u"luminous-base"_s,
        u"--maximum-tokens"_s,
        u"7"_s,
        u"--stream"_s,
        u""_s});
    // The recorded streamed completion: empty prompt, maximum_tokens 7.
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QByteArray(" The New York Times, May 15\n"));
}

void TestAlephctl::getEndpointTakesNoFile()
{
    const Result r = run({u"request"_s, u"model-settings"_s, u"x.json"_s});
    QCOMPARE(r.code, 2);
}

void TestAlephctl::requestCoversEveryRecordedEndpoint()
{
    // One recorded interaction per endpoint: the printed answer keeps every recorded field.
    QSet<QByteArray> seen;
    for (const testsupport::Interaction &in : m_server.interactions()) {
        if (in.status != 200 || in.isStream() || seen.contains(in.path))
            continue;
        seen.insert(in.path);
        const QString endpoint = QString::fromUtf8(in.path.mid(4));
        const Result r = run({u"--host"_s,
            m_server.baseUrl().toString(),
            u"request"_s,
            endpoint,
            writeBody(in.requestBody)});
        QVERIFY2(r.code == 0, qPrintable(endpoint + u": "_s + QString::fromUtf8(r.err)));
        const QJsonDocument printed = QJsonDocument::fromJson(r.out);
        const QJsonValue value
            = printed.isArray() ? QJsonValue(printed.array()) : QJsonValue(printed.object());
        QCOMPARE(
            core::json::firstDifference(value, core::json::stripNulls(in.responseBody)), QString());
    }
    QCOMPARE(seen.size(),
        11); // complete, chat, tokenize, detokenize, explain, evaluate, 4 embeds, rerank
}

void TestAlephctl::requestCoversEndpointsWithoutRecordings_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QByteArray>("body"); // request body, empty for GET
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("answer");
    QTest::newRow("translate")
        << u"translate"_s
        << QByteArray(
               R"({"model":"pharia-1-mt-translation","source":"What is your name?","target_language":"de"})")
        << 200 << QByteArray("application/json")
        << QByteArray(
               R"({"translation":"Wie heißt du?","score":0.704557,"segments":null,"num_tokens_prompt_total":18,"num_tokens_generated":0})");
    QTest::newRow("steering_concepts")
        << u"steering_concepts"_s
        << QByteArray(R"({"examples":[{"negative":"Dear Sir","positive":"hey"}]})") << 201
        << QByteArray("application/json") << QByteArray(R"({"id":"c925b346"})");
    QTest::newRow("embeddings")
        << u"embeddings"_s
        << QByteArray(
               R"({"model":"qwen3-embedding-0.6b","input":"this text","encoding_format":"float","dimensions":2})")
        << 200 << QByteArray("application/json")
        << QByteArray(
               R"({"object":"list","data":[{"object":"embedding","embedding":[0.0023064255,-0.009327292],"index":0}],"model":"qwen3-embedding-0.6b","usage":{"prompt_tokens":8,"total_tokens":8}})");
    QTest::newRow("models_available")
        << u"models_available"_s << QByteArray() << 200 << QByteArray("application/json")
        << QByteArray(R"([{"name":"luminous-base","description":"x","hostings":["aleph-alpha"]}])");
    QTest::newRow("users/me")
        << u"users/me"_s << QByteArray() << 200 << QByteArray("application/json")
        << QByteArray(
               R"({"id":7,"email":"a@b.c","role":"Client","credits_remaining":0,"invoice_allowed":true,"out_of_credits_threshold":0,"terms_of_service_version":"1"})");
    QTest::newRow("version") << u"version"_s << QByteArray() << 200 << QByteArray("text/plain")
                             << QByteArray("1.0.0");
}

void TestAlephctl::requestCoversEndpointsWithoutRecordings()
{
    QFETCH(QString, endpoint);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, answer);
    testsupport::TestHttpServer server;
    QVERIFY(server.listen());
    server.enqueue("/v1/" + endpoint.toUtf8(),
        testsupport::ScriptedResponse{status, contentType, answer, {}, 0, false, false, {}});
    QStringList args{u"--host"_s, server.baseUrl().toString(), u"request"_s, endpoint};
    if (!body.isEmpty())
        args.append(u"-"_s);
    const Result r = run(args, body);
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(server.requests().first().method, QByteArray(body.isEmpty() ? "GET" : "POST"));
    if (contentType == "text/plain") {
        QCOMPARE(r.out, answer + '\n');
        return;
    }
    const QJsonDocument printed = QJsonDocument::fromJson(r.out);
    const QJsonDocument expected = QJsonDocument::fromJson(answer);
    QCOMPARE(core::json::firstDifference(
                 printed.isArray() ? QJsonValue(printed.array()) : QJsonValue(printed.object()),
                 core::json::stripNulls(expected.isArray() ? QJsonValue(expected.array())
                                                           : QJsonValue(expected.object()))),
        QString());
    if (!body.isEmpty())
        QCOMPARE(
            QJsonDocument::fromJson(server.requests().first().body), QJsonDocument::fromJson(body));
}

void TestAlephctl::explainPrintsScoredSegments()
{
    // test_explanation/test_explanation_with_text_only, through the friendly form.
    const auto *in = find(u"test_explanation/test_explanation_with_text_only.json"_s);
    QVERIFY(in);
    const QString prompt = u"I am a programmer and French. My favourite food is"_s;
    const Result r = run({u"--host"_s,
        m_server.baseUrl().toString(),
        u"explain"_s,
        u"-m"_s,
        u"luminous-base"_s,
        u"--target"_s,
        u" pizza with cheese"_s,
        u"--target-granularity"_s,
        u"token"_s,
        u"--normalize"_s,
        prompt});
    QVERIFY2(r.code == 0, r.err.constData());
    // One line per recorded score: target token, item, the segment's own text, score.
    int expectedLines = 0;
    const QJsonArray explanations = in->responseBody.toObject().value(u"explanations"_s).toArray();
    for (const QJsonValue &e : explanations) {
        for (const QJsonValue &item : e.toObject().value(u"items"_s).toArray())
            expectedLines += int(item.toObject().value(u"scores"_s).toArray().size());
    }
    QVERIFY(r.out.endsWith('\n'));
    const QList<QByteArray> lines = r.out.chopped(1).split('\n'); // keep the target's leading space
    QCOMPARE(lines.size(), expectedLines);
    const QJsonObject firstScore = explanations.first()
                                       .toObject()
                                       .value(u"items"_s)
                                       .toArray()
                                       .first()
                                       .toObject()
                                       .value(u"scores"_s)
                                       .toArray()
                                       .first()
                                       .toObject();
    const QString segment
        = prompt.mid(firstScore.value(u"start"_s).toInt(), firstScore.value(u"length"_s).toInt());
    QCOMPARE(QString::fromUtf8(lines.first()),
        u" pizza\ttext0\t"_s + segment + u'\t'
            + QString::number(firstScore.value(u"score"_s).toDouble()));
    // A custom granularity without a delimiter is refused before sending.
    const Result bad = run({u"--host"_s,
        m_server.baseUrl().toString(),
        u"explain"_s,
        u"-m"_s,
        u"m"_s,
        u"--target"_s,
        u"x"_s,
        u"--granularity"_s,
        u"custom:"_s,
        u"hi"_s});
    QCOMPARE(bad.code, 2);
    QVERIFY2(bad.err.contains("prompt_granularity.delimiter"), bad.err.constData());
}

void TestAlephctl::embedBatchesStdinInInputOrder()
{
    // test_embed/test_batch_embed_semantic[101]: 101 × "hello" as 100 + 1, compressed to 128.
    const auto *first = find(u"test_embed/test_batch_embed_semantic[101].json"_s, 0);
    QVERIFY(first);
    QByteArray input;
    for (int i = 0; i < 101; ++i)
        input += "hello\n\n"; // blank lines are skipped
    m_server.clearRequests();
    const Result r = run({u"--host"_s,
                             m_server.baseUrl().toString(),
                             u"embed"_s,
                             u"-m"_s,
                             u"luminous-base"_s,
                             u"--compress-to-size"_s,
                             u"128"_s,
                             u"--parallel"_s,
                             u"1"_s},
        input);
    QVERIFY2(r.code == 0, r.err.constData());
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 101);
    const QJsonArray recorded = first->responseBody.toObject().value(u"embeddings"_s).toArray();
    QCOMPARE(QJsonDocument::fromJson(lines.first()).array(), recorded.first().toArray());
    for (const QByteArray &line : lines)
        QCOMPARE(QJsonDocument::fromJson(line).array().size(), 128);
    QCOMPARE(m_server.requests().size(), 2);
    const Result bad = run({u"embed"_s, u"-m"_s, u"m"_s, u"--batch-size"_s, u"101"_s, u"x"_s});
    QCOMPARE(bad.code, 2);
    QVERIFY(bad.err.contains("--batch-size takes 1..100"));
}

void TestAlephctl::translatePrintsTranslationAndSegments()
{
    testsupport::TestHttpServer server;
    QVERIFY(server.listen());
    server.enqueue("/v1/translate",
        testsupport::TestHttpServer::json(200,
            R"({"translation":"Hallo Welt. Wie geht's?","score":0.8,"segments":[{"source":"Hello world.","translation":"Hallo Welt.","score":0.9},{"source":"How are you?","translation":"Wie geht's?","score":0.7}],"num_tokens_prompt_total":9,"num_tokens_generated":0})"));
    const Result r = run({u"--host"_s,
        server.baseUrl().toString(),
        u"translate"_s,
        u"-m"_s,
        u"pharia-1-mt-translation"_s,
        u"--to"_s,
        u"de"_s,
        u"--segments"_s,
        u"Hello world. How are you?"_s});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(r.out,
        QByteArray("Hallo Welt. Wie geht's?\nHello world.\tHallo Welt.\t0.9\nHow are you?\tWie "
                   "geht's?\t0.7\n"));
    QCOMPARE(QJsonDocument::fromJson(server.requests().first().body).object(),
        (QJsonObject{{u"model"_s, u"pharia-1-mt-translation"_s},
            {u"source"_s, u"Hello world. How are you?"_s},
            {u"target_language"_s, u"de"_s}}));
    const Result missing = run({u"translate"_s, u"-m"_s, u"m"_s, u"hi"_s});
    QCOMPARE(missing.code, 2);
}

void TestAlephctl::tokenizerWritesTheModelsTokenizerJson()
{
    // GET /models/{modelName}/tokenizer: a Hugging Face tokenizer.json, to stdout or to a file.
    const QByteArray answer
        = R"({"version":"1.0","truncation":null,"padding":null,"added_tokens":[{"id":3,"content":"<|endoftext|>","special":true}],)"
          R"("normalizer":null,"pre_tokenizer":{"type":"Whitespace"},"post_processor":null,"decoder":null,)"
          R"("model":{"type":"WordLevel","vocab":{"hello":0,"world":1,"[UNK]":2},"unk_token":"[UNK]"}})";
    testsupport::TestHttpServer server;
    QVERIFY(server.listen());
    server.enqueue(
        "/v1/models/luminous-base/tokenizer", testsupport::TestHttpServer::json(200, answer));
    const Result printed
        = run({u"--host"_s, server.baseUrl().toString(), u"tokenizer"_s, u"luminous-base"_s});
    QVERIFY2(printed.code == 0, printed.err.constData());
    QCOMPARE(server.requests().first().method, QByteArray("GET"));
    QCOMPARE(printed.out.count('\n'), 1);
    // as it came, its nulls included (the file goes to Tokenizer.from_str unchanged)
    QCOMPARE(core::json::firstDifference(QJsonDocument::fromJson(printed.out).object(),
                 QJsonDocument::fromJson(answer).object()),
        QString());
    QVERIFY(QJsonDocument::fromJson(printed.out).object().value(u"decoder"_s).isNull());

    server.enqueue(
        "/v1/models/luminous-base/tokenizer", testsupport::TestHttpServer::json(200, answer));
    const QString file = m_dir.filePath(u"tokenizer.json"_s);
    const Result saved = run({u"--host"_s,
        server.baseUrl().toString(),
        u"tokenizer"_s,
        u"luminous-base"_s,
        u"-o"_s,
        file});
    QVERIFY2(saved.code == 0, saved.err.constData());
    QCOMPARE(saved.out, (u"luminous-base\tWordLevel\t4\t"_s + file + u'\n').toUtf8());
    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(written.readAll())
                 .object()
                 .value(u"model"_s)
                 .toObject()
                 .value(u"type"_s),
        u"WordLevel"_s);

    server.enqueue("/v1/models/nope/tokenizer",
        testsupport::TestHttpServer::json(404, R"({"error":"unknown model","code":"NOT_FOUND"})"));
    QCOMPARE(run({u"--host"_s, server.baseUrl().toString(), u"tokenizer"_s, u"nope"_s}).code, 3);
    QCOMPARE(run({u"tokenizer"_s}).code, 2);
    QCOMPARE(run({u"tokenizer"_s, u"a"_s, u"b"_s}).code, 2);
    QCOMPARE(run({u"tokenizer"_s, u"a"_s, u"-o"_s}).code, 2);
}

QString TestAlephctl::writeTestSet(int rows, const QString &checksJson)
{
    std::optional<core::TestSet> set = testsupport::capitalsFixture();
    QString error;
    set->rows = set->rows.mid(0, rows);
    for (auto &row : set->rows)
        row.checks.clear();
    core::TestedVersion v1;
    v1.version = u"1"_s;
    v1.promptTemplate = u"Q: What is the capital of {{ country }}?\nA:"_s;
    v1.model = u"sandbox-luminous-base"_s;
    v1.parameters = {{u"maximum_tokens"_s, 10}};
    core::TestedVersion v2 = v1;
    v2.version = u"2"_s;
    v2.promptTemplate = u"The capital of {{ country }} is"_s;
    set->versions = {v1, v2};
    set->checks
        = *core::checksFromJson(QJsonDocument::fromJson(checksJson.toUtf8()).array(), &error);
    static int n = 0;
    const QString path = m_dir.filePath(u"set%1.json"_s.arg(++n));
    if (!core::saveTestSet(*set, path, &error))
        qFatal("%s", qPrintable(error));
    return path;
}

QStringList TestAlephctl::sandboxArgs()
{
    if (!m_sandbox) {
        m_sandbox = std::make_unique<sandbox::EmbeddedSandbox>();
        QString error;
        if (!m_sandbox->start(&error))
            qFatal("%s", qPrintable(error));
    }
    return {u"--host"_s, m_sandbox->baseUrl().toString(), u"--token"_s, m_sandbox->token()};
}

void TestAlephctl::testRunsASavedSetAgainstTheSandbox()
{
    const QString file = writeTestSet(
        6, uR"([{"kind":"regex","pattern":"\\w"},{"kind":"max_length","characters":1000}])"_s);
    const Result r = run(sandboxArgs()
        + QStringList{u"test"_s,
            file,
            u"--model"_s,
            u"sandbox-luminous-base"_s,
            u"--model"_s,
            u"sandbox-llama-3.1-8b-instruct"_s,
            u"--concurrency"_s,
            u"3"_s});
    QVERIFY2(r.code == 0, r.err.constData());
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 6 * 4 + 1); // 6 rows × 2 versions × 2 models, then the summary
    QSet<QString> cells;
    for (int i = 0; i < lines.size() - 1; ++i) {
        const QJsonObject cell = QJsonDocument::fromJson(lines.at(i)).object();
        QCOMPARE(cell.value(u"state"_s).toString(), u"done"_s);
        QVERIFY(cell.value(u"passed"_s).toBool());
        QVERIFY(!cell.value(u"answer"_s).toString().isEmpty());
        QCOMPARE(cell.value(u"checks"_s).toArray().size(), 2);
        QCOMPARE(cell.value(u"checks"_s).toArray().at(0)[u"kind"_s].toString(), u"regex"_s);
        cells.insert(
            u"%1/%2/%3"_s.arg(cell.value(u"row"_s).toInt())
                .arg(cell.value(u"version"_s).toString(), cell.value(u"model"_s).toString()));
    }
    QCOMPARE(cells.size(), 24); // every cell once
    const QJsonObject summary
        = QJsonDocument::fromJson(lines.last()).object().value(u"summary"_s).toObject();
    QCOMPARE(summary.value(u"cells"_s).toInt(), 24);
    QCOMPARE(summary.value(u"passed"_s).toInt(), 24);
    QCOMPARE(summary.value(u"failed"_s).toInt(), 0);
    QCOMPARE(summary.value(u"columns"_s).toArray().size(), 4);
    QCOMPARE(summary.value(u"columns"_s).toArray().at(3)[u"pass_rate"_s].toDouble(), 1.0);

    // --version picks versions; without --model each version's own model.
    const Result one = run(sandboxArgs() + QStringList{u"test"_s, file, u"--version"_s, u"2"_s});
    QCOMPARE(one.code, 0);
    QCOMPARE(one.out.trimmed().split('\n').size(), 6 + 1);
    QVERIFY(one.out.contains(R"("version":"2")"));
    QVERIFY(!one.out.contains(R"("version":"1")"));
}

void TestAlephctl::testExitsOneWhenACheckFails()
{
    // The answers are prose, not JSON: the json check fails on every one.
    const QString file
        = writeTestSet(3, uR"([{"kind":"json"},{"kind":"regex","pattern":"\\w"}])"_s);
    const Result r = run(sandboxArgs() + QStringList{u"test"_s, file});
    QCOMPARE(r.code, 1);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3 * 2 + 1);
    const QJsonObject cell = QJsonDocument::fromJson(lines.first()).object();
    QCOMPARE(cell.value(u"passed"_s).toBool(), false);
    QCOMPARE(cell.value(u"checks"_s).toArray().at(0)[u"passed"_s].toBool(true), false);
    QVERIFY(
        cell.value(u"checks"_s).toArray().at(0)[u"reason"_s].toString().startsWith(u"not JSON"_s));
    const QJsonObject summary
        = QJsonDocument::fromJson(lines.last()).object().value(u"summary"_s).toObject();
    QCOMPARE(summary.value(u"failed"_s).toInt(), 6);
    QCOMPARE(summary.value(u"columns"_s).toArray().at(0)[u"pass_rate"_s].toDouble(-1), 0.0);
}

void TestAlephctl::testSimilarityEmbedsWithAModelOfTheServer()
{
    // No --embedding-model: the sandbox has no luminous-base, so the similarity check embeds
    // with the model its /model-settings lists with semantic embeddings. Every cell gets a
    // cosine; a wrong model would make every cell's request fail.
    const QString file = writeTestSet(2, uR"([{"kind":"similarity","threshold":-1}])"_s);
    const Result r = run(sandboxArgs() + QStringList{u"test"_s, file});
    QVERIFY2(r.code == 0, r.err.constData());
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2 * 2 + 1);
    for (int i = 0; i < lines.size() - 1; ++i) {
        const QJsonObject cell = QJsonDocument::fromJson(lines.at(i)).object();
        QCOMPARE(cell.value(u"state"_s).toString(), u"done"_s);
        const QJsonObject check = cell.value(u"checks"_s).toArray().at(0).toObject();
        QCOMPARE(check.value(u"kind"_s).toString(), u"similarity"_s);
        QVERIFY2(
            check.value(u"passed"_s).toBool(), qPrintable(check.value(u"reason"_s).toString()));
        QVERIFY(check.value(u"score"_s).isDouble());
        QVERIFY(check.value(u"score"_s).toDouble() >= -1.0);
        QVERIFY(check.value(u"score"_s).toDouble() <= 1.0);
    }
    // Named explicitly, an unknown model fails every similarity check, saying why: exit 1.
    const Result named = run(
        sandboxArgs() + QStringList{u"test"_s, file, u"--embedding-model"_s, u"no-such-model"_s});
    QCOMPARE(named.code, 1);
    const QList<QByteArray> namedLines = named.out.trimmed().split('\n');
    QCOMPARE(namedLines.size(), 2 * 2 + 1);
    const QJsonObject failedCheck = QJsonDocument::fromJson(namedLines.first())
                                        .object()
                                        .value(u"checks"_s)
                                        .toArray()
                                        .at(0)
                                        .toObject();
    QCOMPARE(failedCheck.value(u"passed"_s).toBool(true), false);
    QVERIFY(failedCheck.value(u"reason"_s).toString().contains(u"no-such-model"_s));
    const QJsonObject summary
        = QJsonDocument::fromJson(namedLines.last()).object().value(u"summary"_s).toObject();
    QCOMPARE(summary.value(u"failed"_s).toInt(), 4);
}

void TestAlephctl::testUsageErrorsAreExit2()
{
    const QString file = writeTestSet(2, u"[]"_s);
    QCOMPARE(run(sandboxArgs() + QStringList{u"test"_s}).code, 2);
    QCOMPARE(
        run(sandboxArgs() + QStringList{u"test"_s, m_dir.filePath(u"missing.json"_s)}).code, 2);
    const Result wrongVersion
        = run(sandboxArgs() + QStringList{u"test"_s, file, u"--version"_s, u"9"_s});
    QCOMPARE(wrongVersion.code, 2);
    QVERIFY(wrongVersion.err.contains("has no prompt version \"9\""));
    QCOMPARE(run(sandboxArgs() + QStringList{u"test"_s, file, u"--concurrency"_s, u"0"_s}).code, 2);
    QFile bad(m_dir.filePath(u"bad.json"_s));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("{\"format\":\"aleph-playground.testset\",\"version\":1,\"rows\":[{\"checks\":[{"
              "\"kind\":\"x\"}]}]}");
    bad.close();
    const Result badFile = run(sandboxArgs() + QStringList{u"test"_s, bad.fileName()});
    QCOMPARE(badFile.code, 2);
    QVERIFY2(badFile.err.contains("row 1: check 1: unknown check kind"), badFile.err.constData());
}

QTEST_GUILESS_MAIN(TestAlephctl)
#include "TestAlephctl.moc"
