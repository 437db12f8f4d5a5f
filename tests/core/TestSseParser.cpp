// SPDX-License-Identifier: MIT
#include "core/net/SseParser.h"
#include "tests/support/CassetteServer.h"

#include <QTest>

using core::SseEvent;
Q_DECLARE_METATYPE(core::SseEvent)
using core::SseParser;

class TestSseParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesWholeAndBytewiseAlike_data();
    void parsesWholeAndBytewiseAlike();
    void recordedStreams_data();
    void recordedStreams();
    void reportsPartialEventAtEnd();
    void endlessLineOrEventIsCapped();
};

static QList<SseEvent> feedWhole(const QByteArray &bytes)
{
    SseParser p;
    return p.feed(bytes);
}

static QList<SseEvent> feedBytewise(const QByteArray &bytes)
{
    SseParser p;
    QList<SseEvent> out;
    for (char c : bytes)
        out += p.feed(QByteArrayView(&c, 1));
    return out;
}

static SseEvent ev(const QByteArray &data, const QByteArray &event = {}, const QByteArray &id = {})
{
    return SseEvent{event, id, data};
}

void TestSseParser::parsesWholeAndBytewiseAlike_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QList<SseEvent>>("expected");
    QTest::newRow("lf") << QByteArray("data: a\n\ndata: b\n\n")
                        << QList<SseEvent>{ev("a"), ev("b")};
    QTest::newRow("crlf") << QByteArray("data: a\r\n\r\ndata: b\r\n\r\n")
                          << QList<SseEvent>{ev("a"), ev("b")};
    QTest::newRow("cr only") << QByteArray("data: a\r\rdata: b\r\r")
                             << QList<SseEvent>{ev("a"), ev("b")};
    QTest::newRow("dropsLeadingSpaceAfterColonOnce")
        << QByteArray("data:  two\n\ndata:none\n\n") << QList<SseEvent>{ev(" two"), ev("none")};
    QTest::newRow("multi-line data joined with newline")
        << QByteArray("data: x\ndata: y\n\n") << QList<SseEvent>{ev("x\ny")};
    QTest::newRow("comments are keep-alives")
        << QByteArray(": ping\n\ndata: z\n: mid\n\n") << QList<SseEvent>{ev("z")};
    QTest::newRow("event and id kept") << QByteArray("event: update\nid: 7\ndata: {}\n\n")
                                       << QList<SseEvent>{ev("{}", "update", "7")};
    QTest::newRow("utf8 kept as bytes")
        << QByteArray("data: I\xe2\x80\x99m\n\n") << QList<SseEvent>{ev("I\xe2\x80\x99m")};
    QTest::newRow("blank line without data dispatches nothing")
        << QByteArray("\n\nid: 1\n\n") << QList<SseEvent>{};
    QTest::newRow("unterminated last event is not dispatched")
        << QByteArray("data: a\n\ndata: b\n") << QList<SseEvent>{ev("a")};
}

void TestSseParser::parsesWholeAndBytewiseAlike()
{
    QFETCH(QByteArray, stream);
    QFETCH(QList<SseEvent>, expected);
    QCOMPARE(feedWhole(stream), expected);
    QCOMPARE(feedBytewise(stream), expected);
}

void TestSseParser::recordedStreams_data()
{
    QTest::addColumn<QByteArray>("stream");
    const QList<testsupport::Interaction> all = testsupport::loadCassettes();
    QVERIFY(!all.isEmpty());
    int streams = 0;
    for (const testsupport::Interaction &in : all) {
        if (!in.isStream())
            continue;
        QTest::newRow(qPrintable(in.name())) << in.responseBytes();
        ++streams;
    }
    QVERIFY2(streams >= 2, "expected the recorded chat and completion streams");
}

void TestSseParser::recordedStreams()
{
    QFETCH(QByteArray, stream);
    // The recorded streams are "data: <json>" lines separated by blank lines: derive the expected
    // payloads independently of the parser.
    QList<QByteArray> expected;
    for (const QByteArray &line : stream.split('\n')) {
        if (line.startsWith("data: "))
            expected.append(line.mid(6));
    }
    QVERIFY(!expected.isEmpty());
    const QList<SseEvent> whole = feedWhole(stream);
    const QList<SseEvent> bytewise = feedBytewise(stream);
    QCOMPARE(whole.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i)
        QCOMPARE(whole.at(i).data, expected.at(i));
    QCOMPARE(bytewise, whole);
    // Fed through the replay server's chunking too.
    SseParser chunked;
    QList<SseEvent> viaChunks;
    for (const QByteArray &chunk : testsupport::splitStream(stream))
        viaChunks += chunked.feed(chunk);
    QCOMPARE(viaChunks, whole);
}

void TestSseParser::endlessLineOrEventIsCapped()
{
    // A line without an end: the buffer stops growing at the cap and the parser says so.
    core::SseParser line;
    line.setMaximumEventBytes(1000);
    const QByteArray chunk(300, 'x');
    QCOMPARE(line.feed("data: ").size(), 0);
    for (int i = 0; i < 3; ++i)
        line.feed(chunk);
    QVERIFY(!line.overflowed());
    line.feed(chunk);
    QVERIFY(line.overflowed());
    QVERIFY(!line.hasPartialEvent()); // dropped, not kept
    QCOMPARE(line.feed("\n\ndata: ok\n\n").size(), 0); // nothing more is parsed

    // Many short data lines of one event add up to the cap too.
    core::SseParser event;
    event.setMaximumEventBytes(1000);
    for (int i = 0; i < 100 && !event.overflowed(); ++i)
        QCOMPARE(event.feed("data: 0123456789abcdef\n").size(), 0);
    QVERIFY(event.overflowed());

    // Within the cap, nothing changes.
    core::SseParser fine;
    fine.setMaximumEventBytes(1000);
    QCOMPARE(fine.feed(QByteArray("data: " + QByteArray(900, 'y') + "\n\n")).size(), 1);
    QVERIFY(!fine.overflowed());
}

void TestSseParser::reportsPartialEventAtEnd()
{
    SseParser p;
    p.feed("data: {\"a\":");
    QVERIFY(p.hasPartialEvent());
    p.feed("1}\n");
    QVERIFY(p.hasPartialEvent());
    QCOMPARE(p.feed("\n").size(), 1);
    QVERIFY(!p.hasPartialEvent());
}

QTEST_GUILESS_MAIN(TestSseParser)
#include "TestSseParser.moc"
