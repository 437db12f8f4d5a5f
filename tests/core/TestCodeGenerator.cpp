// SPDX-License-Identifier: MIT
// "View code": the generated text for representative requests, compared with the expected text,
// and the curl and alephctl programs actually run against the sandbox.
#include "core/api/Chat.h"
#include "core/api/Completion.h"
#include "core/codegen/CodeGenerator.h"
#include "sandbox/SandboxServer.h"

#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

core::CompletionRequest smallCompletion()
{
    core::CompletionRequest r;
    r.model = u"luminous-base"_s;
    r.prompt = core::Prompt::fromText(u"An apple a day"_s);
    r.maximumTokens = 32;
    r.temperature = 0.7;
    r.stopSequences = QStringList{u"\n"_s};
    return r;
}

core::ChatRequest smallChat()
{
    core::ChatRequest r;
    r.model = u"llama-3.1-8b-instruct"_s;
    r.messages = {core::ChatMessage::fromText(u"system"_s, u"Be brief."_s),
        core::ChatMessage::fromText(u"user"_s, u"Say \"hi\"\n\tit's me"_s)};
    r.maximumTokens = 64;
    return r;
}

} // namespace

class TestCodeGenerator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void completionAsPython();
    void completionAsCurl();
    void completionAsAlephctl();
    void chatAsPython();
    void multimodalPromptAsPython();
    void otherEndpointsUseRequests();
    void pythonLiterals();
    void neverContainsTheToken();
    void curlAndAlephctlCodeRunAgainstTheSandbox_data();
    void curlAndAlephctlCodeRunAgainstTheSandbox();
};

void TestCodeGenerator::completionAsPython()
{
    core::CodeContext c;
    c.hosting = u"aleph-alpha"_s;
    core::CompletionRequest r = core::CompletionRequest::withClientDefaults(
        u"luminous-base"_s, core::Prompt::fromText(u"An apple a day"_s));
    r.maximumTokens = 32;
    r.temperature = 0.7;
    r.stopSequences = QStringList{u"\n"_s};
    // The official client's defaults are left out: it sends them by itself.
    QCOMPARE(
        core::generateCode(core::CodeLanguage::Python, u"complete"_s, r.toJson(), c), uR"(import os

from aleph_alpha_client import Client, CompletionRequest, Prompt

client = Client(token=os.environ["AA_TOKEN"], host="https://api.aleph-alpha.com", hosting="aleph-alpha")
request = CompletionRequest(
    prompt=Prompt.from_text("An apple a day"),
    maximum_tokens=32,
    stop_sequences=["\n"],
    temperature=0.7,
)
response = client.complete(request, model="luminous-base")
print(response.completions[0].completion)
)"_s);
}

void TestCodeGenerator::completionAsCurl()
{
    core::CodeContext c;
    c.baseUrl = QUrl(u"https://inference.example.com/v1/"_s);
    c.nice = true;
    QCOMPARE(
        core::generateCode(core::CodeLanguage::Curl, u"complete"_s, smallCompletion().toJson(), c),
        uR"(curl -sS 'https://inference.example.com/v1/complete?nice=true' \
  -H "Authorization: Bearer $AA_TOKEN" \
  -H 'Content-Type: application/json' \
  -H 'Accept: application/json' \
  --data-binary @- <<'JSON'
{
    "maximum_tokens": 32,
    "model": "luminous-base",
    "prompt": [
        {
            "controls": [],
            "data": "An apple a day",
            "type": "text"
        }
    ],
    "stop_sequences": [
        "\n"
    ],
    "temperature": 0.7
}
JSON
)"_s);
}

void TestCodeGenerator::completionAsAlephctl()
{
    core::CodeContext c;
    c.hosting = u"aleph-alpha"_s;
    c.tokenVariable = u"MY_TOKEN"_s;
    core::CompletionRequest r = smallCompletion();
    r.prompt
        = core::Prompt::fromText(u"Say JSON"_s); // the here-document tag must not occur in the body
    QCOMPARE(core::generateCode(core::CodeLanguage::Alephctl, u"complete"_s, r.toJson(), c),
        uR"(# alephctl reads the token from the environment variable AA_TOKEN.
AA_TOKEN="$MY_TOKEN" alephctl --host 'https://api.aleph-alpha.com' --hosting 'aleph-alpha' request complete - <<'JSON_'
{
    "maximum_tokens": 32,
    "model": "luminous-base",
    "prompt": [
        {
            "controls": [],
            "data": "Say JSON",
            "type": "text"
        }
    ],
    "stop_sequences": [
        "\n"
    ],
    "temperature": 0.7
}
JSON_
)"_s);
}

void TestCodeGenerator::chatAsPython()
{
    core::CodeContext c;
    c.baseUrl = QUrl(u"https://inference.example.com/v1"_s);
    c.nice = true;
    core::ChatRequest r = smallChat();
    core::ChatResponseFormat format;
    format.type = u"json_schema"_s;
    core::ChatJsonSchema schema;
    schema.name = u"answer"_s;
    schema.schema = QJsonObject{{u"type"_s, u"object"_s},
        {u"properties"_s, QJsonObject{{u"city"_s, QJsonObject{{u"type"_s, u"string"_s}}}}}};
    schema.strict = true;
    format.jsonSchema = schema;
    r.responseFormat = format;
    QCOMPARE(core::generateCode(core::CodeLanguage::Python, u"chat/completions"_s, r.toJson(), c),
        uR"(import os

from aleph_alpha_client import Client, ChatRequest, Message, Role, JSONSchema

client = Client(token=os.environ["AA_TOKEN"], host="https://inference.example.com/v1", nice=True)
request = ChatRequest(
    model="llama-3.1-8b-instruct",
    messages=[
        Message(role=Role.System, content="Be brief."),
        Message(role=Role.User, content="Say \"hi\"\n\tit's me"),
    ],
    maximum_tokens=64,
    response_format=JSONSchema(
        schema={
            "properties": {
                "city": {
                    "type": "string",
                },
            },
            "type": "object",
        },
        name="answer",
        description=None,
        strict=True,
    ),
)
response = client.chat(request, model="llama-3.1-8b-instruct")
print(response.message.content)
)"_s);
}

void TestCodeGenerator::multimodalPromptAsPython()
{
    core::CompletionRequest r;
    r.model = u"luminous-base"_s;
    core::PromptItem image = core::PromptItem::fromImageBytes(QByteArray("\x89PNG", 4));
    image.x = 0;
    image.y = 10;
    image.size = 300;
    image.imageControls = QList<core::ImageControl>{
        core::ImageControl{core::ImageRect{0.5, 0, 0.25, 1, {}}, 0.0, std::nullopt, {}}};
    core::PromptItem text = core::PromptItem::fromText(u"Hello, World!"_s);
    text.textControls = QList<core::TextControl>{core::TextControl{1, 5, 0.5, u"complete"_s, {}}};
    r.prompt.items = {image, text, core::PromptItem::fromTokenIds({1, 2})};
    QCOMPARE(
        core::generateCode(core::CodeLanguage::Python, u"complete"_s, r.toJson(), {}), uR"(import os

from aleph_alpha_client import Client, CompletionRequest, Prompt, Image, Cropping, ImageControl, Text, TextControl, ControlTokenOverlap, Tokens

client = Client(token=os.environ["AA_TOKEN"], host="https://api.aleph-alpha.com")
request = CompletionRequest(
    prompt=Prompt([
        Image(base64_image="iVBORw==", cropping=Cropping(upper_left_x=0, upper_left_y=10, size=300), controls=[
            ImageControl(left=0.5, top=0, width=0.25, height=1, factor=0),
        ]),
        Text("Hello, World!", controls=[
            TextControl(start=1, length=5, factor=0.5, token_overlap=ControlTokenOverlap.Complete),
        ]),
        Tokens([1, 2], controls=[]),
    ]),
)
response = client.complete(request, model="luminous-base")
print(response.completions[0].completion)
)"_s);
}

void TestCodeGenerator::otherEndpointsUseRequests()
{
    const QString code = core::generateCode(core::CodeLanguage::Python,
        u"translate"_s,
        QJsonObject{
            {u"model"_s, u"m"_s}, {u"source"_s, u"Hallo"_s}, {u"target_language"_s, u"en"_s}},
        {});
    QCOMPARE(code, uR"(# POST /translate with requests: the same JSON body the app sends.
import os

import requests

response = requests.post(
    "https://api.aleph-alpha.com/translate",
    headers={"Authorization": f"Bearer {os.environ['AA_TOKEN']}"},
    json={
        "model": "m",
        "source": "Hallo",
        "target_language": "en",
    },
    timeout=305,
)
response.raise_for_status()
print(response.json())
)"_s);
}

void TestCodeGenerator::pythonLiterals()
{
    QCOMPARE(core::pythonLiteral(QJsonValue()), u"None"_s);
    QCOMPARE(core::pythonLiteral(true), u"True"_s);
    QCOMPARE(core::pythonLiteral(0.1), u"0.1"_s);
    QCOMPARE(core::pythonLiteral(3.0), u"3"_s);
    QCOMPARE(core::pythonLiteral(u"a\"b\\c\u00e9\x01"_s), u"\"a\\\"b\\\\c\u00e9\\x01\""_s);
    QCOMPARE(core::pythonLiteral(QJsonArray{1, 2, 3}), u"[1, 2, 3]"_s);
    QCOMPARE(core::pythonLiteral(QJsonObject{}), u"{}"_s);
}

void TestCodeGenerator::neverContainsTheToken()
{
    // The generator never receives the token; the code reads it from the environment.
    for (auto language :
        {core::CodeLanguage::Python, core::CodeLanguage::Curl, core::CodeLanguage::Alephctl}) {
        const QString code
            = core::generateCode(language, u"chat/completions"_s, smallChat().toJson(), {});
        QVERIFY2(code.contains(u"AA_TOKEN"_s), qPrintable(code));
    }
}

void TestCodeGenerator::curlAndAlephctlCodeRunAgainstTheSandbox_data()
{
    QTest::addColumn<int>("language");
    QTest::addColumn<QString>("endpoint");
    QTest::newRow("curl complete") << int(core::CodeLanguage::Curl) << u"complete"_s;
    QTest::newRow("curl chat") << int(core::CodeLanguage::Curl) << u"chat/completions"_s;
    QTest::newRow("alephctl complete") << int(core::CodeLanguage::Alephctl) << u"complete"_s;
    QTest::newRow("alephctl chat") << int(core::CodeLanguage::Alephctl) << u"chat/completions"_s;
}

void TestCodeGenerator::curlAndAlephctlCodeRunAgainstTheSandbox()
{
    QFETCH(int, language);
    QFETCH(QString, endpoint);
    if (language == int(core::CodeLanguage::Curl)
        && QStandardPaths::findExecutable(u"curl"_s).isEmpty())
        QFAIL("curl is not installed (packaging/debian-packages.txt lists it)");
    sandbox::EmbeddedSandbox server;
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));

    QJsonObject body;
    if (endpoint == u"complete"_s) {
        core::CompletionRequest r = smallCompletion();
        r.model = u"sandbox-luminous-base"_s;
        body = r.toJson();
    } else {
        core::ChatRequest r = smallChat();
        r.model = u"sandbox-llama-3.1-8b-instruct"_s;
        body = r.toJson();
    }
    core::CodeContext context;
    context.baseUrl = server.baseUrl();
    const QString code = core::generateCode(core::CodeLanguage(language), endpoint, body, context);

    QProcess shell;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"AA_TOKEN"_s, server.token());
    env.insert(u"PATH"_s, QStringLiteral(ALEPHCTL_DIR) + u':' + env.value(u"PATH"_s));
    shell.setProcessEnvironment(env);
    shell.start(u"bash"_s, {u"-euo"_s, u"pipefail"_s, u"-c"_s, code});
    QVERIFY(shell.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(shell.state() == QProcess::NotRunning, 30000);
    QCOMPARE(shell.exitCode(), 0);
    const QByteArray out = shell.readAllStandardOutput();
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(out, &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, out.constData());
    if (endpoint == u"complete"_s)
        QVERIFY(!doc.object()
                     .value(u"completions"_s)
                     .toArray()
                     .first()
                     .toObject()
                     .value(u"completion"_s)
                     .toString()
                     .isEmpty());
    else
        QVERIFY(!doc.object()
                     .value(u"choices"_s)
                     .toArray()
                     .first()
                     .toObject()
                     .value(u"message"_s)
                     .toObject()
                     .value(u"content"_s)
                     .toString()
                     .isEmpty());
}

QTEST_GUILESS_MAIN(TestCodeGenerator)
#include "TestCodeGenerator.moc"
