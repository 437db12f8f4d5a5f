// SPDX-License-Identifier: MIT
// alephctl's command-line contract, run as a real process against the cassette replay server.
#include "core/api/Json.h"
#include "tests/support/CassetteServer.h"

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
    void friendlyCompletePrintsText();
    void getEndpointTakesNoFile();

private:
    struct Result
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };
    Result run(const QStringList &args, const QByteArray &stdinData = {});
    QString writeBody(const QJsonValue &body);
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
    const Result r = run({u"--host"_s, m_server.baseUrl().toString(), u"--token"_s, u"t"_s,
                          u"request"_s, u"complete"_s, writeBody(in->requestBody)});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out.count('\n'), 1);
    const QJsonValue printed = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(core::json::firstDifference(printed, core::json::stripNulls(in->responseBody)), QString());
    QCOMPARE(m_server.requests().last().headers.value("authorization"), "Bearer t");
}

void TestAlephctl::streamedRequestPrintsOneEventPerLine()
{
    const auto *in = find(u"test_chat/test_can_chat_with_streaming_support.json"_s);
    QVERIFY(in);
    const QByteArray body = QJsonDocument(in->requestBody.toObject()).toJson();
    const Result r = run({u"--host"_s, m_server.baseUrl().toString(), u"request"_s,
                          u"chat/completions"_s, u"-"_s},
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
    const Result r = run({u"--host"_s, m_server.baseUrl().toString(), u"request"_s, u"complete"_s, u"-"_s},
                         R"({"model":"m","prompt":"x","maximum_token":3})");
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("maximum_token"), r.err.constData());
}

void TestAlephctl::apiErrorIsExit3WithMessage()
{
    const auto *in = find(u"test_chat/test_can_not_chat_with_all_models.json"_s);
    QVERIFY(in);
    const Result r = run({u"--host"_s, m_server.baseUrl().toString(), u"--retries"_s, u"0"_s,
                          u"request"_s, u"chat/completions"_s, writeBody(in->requestBody)});
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains("400") && r.err.contains("does not support chat"), r.err.constData());
}

void TestAlephctl::networkFailureIsExit4()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    const Result r = run({u"--host"_s, u"http://127.0.0.1:%1/v1"_s.arg(port), u"--retries"_s, u"0"_s,
                          u"models"_s});
    QCOMPARE(r.code, 4);
    QVERIFY(!r.err.isEmpty());
}

void TestAlephctl::friendlyCompletePrintsText()
{
    const Result r = run({u"--host"_s, m_server.baseUrl().toString(), u"complete"_s, u"-m"_s,
                          u"luminous-base"_s, u"--maximum-tokens"_s, u"7"_s, u"--stream"_s, u""_s});
    // The recorded streamed completion: empty prompt, maximum_tokens 7.
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QByteArray(" The New York Times, May 15\n"));
}

void TestAlephctl::getEndpointTakesNoFile()
{
    const Result r = run({u"request"_s, u"model-settings"_s, u"x.json"_s});
    QCOMPARE(r.code, 2);
}

QTEST_GUILESS_MAIN(TestAlephctl)
#include "TestAlephctl.moc"
