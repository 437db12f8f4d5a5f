// SPDX-License-Identifier: MIT
// The bytes of a chat export: Markdown with the system prompt and notes, request-shaped JSON that
// can be sent again, and the format chosen by the file name.
#include "core/export/ChatExport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

class TestChatExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void markdownHasTheSystemPromptMessagesAndNotes();
    void markdownWithoutSystemPrompt();
    void jsonIsARequestWithTheSystemPromptFirst();
    void bytesFollowTheFileName();

private:
    static QList<core::ExportedChatMessage> sample()
    {
        return {{core::ChatMessage::fromText(u"user"_s, u"Hi"_s), QString()},
            {core::ChatMessage::fromText(u"assistant"_s, u"Hello!"_s), u"stopped"_s}};
    }
};

void TestChatExport::markdownHasTheSystemPromptMessagesAndNotes()
{
    QCOMPARE(core::chatToMarkdown(u"Be brief."_s, u"m1"_s, sample()),
        u"# Chat with m1\n\n### System\n\nBe brief.\n\n### You\n\nHi\n\n### Assistant\n\nHello!\n\n*(stopped)*\n\n"_s);
}

void TestChatExport::markdownWithoutSystemPrompt()
{
    QCOMPARE(core::chatToMarkdown(QString(), u"m1"_s, {}), u"# Chat with m1\n\n"_s);
}

void TestChatExport::jsonIsARequestWithTheSystemPromptFirst()
{
    const QJsonObject json = core::chatToRequestJson(u"Be brief."_s, u"m1"_s, sample());
    QCOMPARE(json.value(u"model"_s).toString(), u"m1"_s);
    const QJsonArray messages = json.value(u"messages"_s).toArray();
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages.at(0).toObject().value(u"role"_s).toString(), u"system"_s);
    QCOMPARE(messages.at(0).toObject().value(u"content"_s).toString(), u"Be brief."_s);
    QCOMPARE(messages.at(2).toObject().value(u"role"_s).toString(), u"assistant"_s);
    QCOMPARE(messages.at(2).toObject().value(u"content"_s).toString(), u"Hello!"_s);
    QString error;
    QVERIFY2(core::ChatRequest::fromJson(json, &error).has_value(),
        qPrintable(error)); // can be sent again
    QCOMPARE(
        core::chatToRequestJson(QString(), u"m1"_s, sample()).value(u"messages"_s).toArray().size(),
        2);
}

void TestChatExport::bytesFollowTheFileName()
{
    const QByteArray json
        = core::chatExportBytes(u"/tmp/chat.JSON"_s, u"Be brief."_s, u"m1"_s, sample());
    QCOMPARE(json,
        QJsonDocument(core::chatToRequestJson(u"Be brief."_s, u"m1"_s, sample()))
            .toJson(QJsonDocument::Indented));
    const QByteArray md
        = core::chatExportBytes(u"/tmp/chat.md"_s, u"Be brief."_s, u"m1"_s, sample());
    QCOMPARE(md, core::chatToMarkdown(u"Be brief."_s, u"m1"_s, sample()).toUtf8());
    QCOMPARE(core::chatExportBytes(u"notes.json.md"_s, QString(), u"m1"_s, {}),
        QByteArray("# Chat with m1\n\n"));
}

QTEST_MAIN(TestChatExport)
#include "TestChatExport.moc"
