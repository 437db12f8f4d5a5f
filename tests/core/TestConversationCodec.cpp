// SPDX-License-Identifier: MIT
// How a chat conversation is kept: its messages as a request's message objects, the tree with all
// branches (drafts and the ConversationStore), damaged input read as an empty conversation, and
// the Chat tab's JSON-schema response format and pretty-printed JSON replies.
#include "core/chat/ConversationCodec.h"
#include "core/chat/StructuredOutput.h"
#include "core/storage/ConversationStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

class TestConversationCodec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void messageIsARequestMessage();
    void messageWithImageRoundTrips();
    void messageThatIsNotOneIsRefused();
    void conversationRoundTripsWithBranchesAndNotes();
    void conversationShapeLeavesUnsetFieldsOut();
    void damagedConversationReadsEmpty();
    void draftMapRoundTrips();
    void contentHasConversationSystemAndModel();
    void jsonSchemaFormatNeedsAnObject();
    void jsonReplyIsPrettyPrinted();

private:
    static core::Conversation sample()
    {
        core::Conversation c;
        const int hi = c.append(core::ChatMessage::fromText(u"user"_s, u"Hi"_s), -1);
        const int first = c.append(core::ChatMessage::fromText(u"assistant"_s, u"Hel"_s), hi);
        c.node(first).note = u"stopped"_s;
        c.node(first).retryable = true;
        const int second
            = c.addSibling(first, core::ChatMessage::fromText(u"assistant"_s, u"{\"a\": 1}"_s));
        c.node(second).promptTokens = 3;
        c.node(second).completionTokens = 5;
        c.node(second).finishReason = u"stop"_s;
        c.node(second).jsonReply = true;
        c.switchBranch(second, -1); // the first reply shown
        return c;
    }
    static QByteArray bytes(const QJsonObject &o)
    {
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }
};

void TestConversationCodec::messageIsARequestMessage()
{
    const core::ChatMessage m = core::ChatMessage::fromText(u"user"_s, u"Hi"_s);
    QCOMPARE(
        core::chatMessageToJson(m), (QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"Hi"_s}}));
    // Exactly the message object a request carries.
    core::ChatRequest request;
    request.model = u"m"_s;
    request.messages = {m};
    QCOMPARE(core::chatMessageToJson(m),
        request.toJson().value(u"messages"_s).toArray().first().toObject());
    QString error;
    const auto back = core::chatMessageFromJson(core::chatMessageToJson(m), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->role, u"user"_s);
    QCOMPARE(back->text(), u"Hi"_s);
}

void TestConversationCodec::messageWithImageRoundTrips()
{
    core::ChatMessage m;
    m.role = u"user"_s;
    m.contentParts
        = QList<core::ChatContentPart>{core::ChatContentPart::fromText(u"What is this?"_s),
            core::ChatContentPart::fromImageDataUrl(u"data:image/png;base64,AAAA"_s)};
    const QJsonObject json = core::chatMessageToJson(m);
    QCOMPARE(json.value(u"content"_s).toArray().size(), 2);
    QString error;
    const auto back = core::chatMessageFromJson(json, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(bytes(core::chatMessageToJson(*back)), bytes(json));
}

void TestConversationCodec::messageThatIsNotOneIsRefused()
{
    QString error;
    QVERIFY(!core::chatMessageFromJson(QJsonObject{{u"content"_s, u"Hi"_s}}, &error));
    QVERIFY2(error.contains(u"role"_s), qPrintable(error));
    error.clear();
    QVERIFY(!core::chatMessageFromJson(
        QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"Hi"_s}, {u"colour"_s, 1}}, &error));
    QVERIFY2(error.contains(u"colour"_s), qPrintable(error)); // strict, as a request
}

void TestConversationCodec::conversationRoundTripsWithBranchesAndNotes()
{
    const core::Conversation c = sample();
    const QJsonObject json = core::conversationToJson(c);
    const core::Conversation back = core::conversationFromJson(json);
    QCOMPARE(back.nodeCount(), 3);
    QCOMPARE(back.activePath(), (QList<int>{0, 1}));
    QCOMPARE(back.siblingPosition(1), std::make_pair(0, 2));
    QCOMPARE(back.node(1).note, u"stopped"_s);
    QVERIFY(back.node(1).retryable);
    QVERIFY(!back.node(2).retryable);
    QCOMPARE(back.node(2).promptTokens, 3);
    QCOMPARE(back.node(2).completionTokens, 5);
    QCOMPARE(back.node(2).finishReason, u"stop"_s);
    QVERIFY(back.node(2).jsonReply);
    QVERIFY(!back.node(1).jsonReply);
    QCOMPARE(back.node(1).promptTokens, -1);
    QCOMPARE(bytes(core::conversationToJson(back)), bytes(json));
    QVERIFY(core::conversationFromJson(QJsonObject()).isEmpty());
    // Saved before "retryable" existed: the (then English) note says whether Retry is offered.
    QJsonObject old = json;
    QJsonArray nodes = old.value(u"nodes"_s).toArray();
    for (int i : {1, 2}) {
        QJsonObject n = nodes.at(i).toObject();
        n.remove(u"retryable"_s);
        n.insert(u"note"_s,
            i == 1 ? u"interrupted: the stream ended"_s : u"the reply is not valid JSON"_s);
        nodes.replace(i, n);
    }
    old.insert(u"nodes"_s, nodes);
    const core::Conversation older = core::conversationFromJson(old);
    QVERIFY(older.node(1).retryable);
    QVERIFY(!older.node(2).retryable);
}

void TestConversationCodec::conversationShapeLeavesUnsetFieldsOut()
{
    const QJsonObject json = core::conversationToJson(sample());
    QCOMPARE(json.value(u"root_active"_s).toInt(), 0);
    const QJsonArray nodes = json.value(u"nodes"_s).toArray();
    QCOMPARE(nodes.size(), 3);
    QCOMPARE(nodes.at(0).toObject(),
        (QJsonObject{{u"message"_s, QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"Hi"_s}}},
            {u"parent"_s, -1},
            {u"children"_s, QJsonArray{1, 2}},
            {u"active"_s, 1}}));
    QCOMPARE(nodes.at(1).toObject().value(u"note"_s).toString(), u"stopped"_s);
    QCOMPARE(nodes.at(1).toObject().value(u"retryable"_s), QJsonValue(true));
    QVERIFY(!nodes.at(2).toObject().contains(u"retryable"_s));
    QVERIFY(!nodes.at(1).toObject().contains(u"prompt_tokens"_s));
    QVERIFY(!nodes.at(1).toObject().contains(u"json_reply"_s));
    QCOMPARE(nodes.at(2).toObject().value(u"json_reply"_s), QJsonValue(true));
    QCOMPARE(nodes.at(2).toObject().value(u"finish_reason"_s).toString(), u"stop"_s);
}

void TestConversationCodec::damagedConversationReadsEmpty()
{
    QJsonObject json = core::conversationToJson(sample());
    QJsonArray nodes = json.value(u"nodes"_s).toArray();
    // A child out of range.
    QJsonObject first = nodes.at(0).toObject();
    first.insert(u"children"_s, QJsonArray{1, 7});
    QJsonArray broken = nodes;
    broken.replace(0, first);
    QVERIFY(core::conversationFromJson(QJsonObject{{u"nodes"_s, broken}, {u"root_active"_s, 0}})
                .isEmpty());
    // A parent after its child.
    QJsonObject second = nodes.at(1).toObject();
    second.insert(u"parent"_s, 2);
    broken = nodes;
    broken.replace(1, second);
    QVERIFY(core::conversationFromJson(QJsonObject{{u"nodes"_s, broken}, {u"root_active"_s, 0}})
                .isEmpty());
    // A message that is not one.
    QJsonObject third = nodes.at(2).toObject();
    third.insert(u"message"_s, QJsonObject{{u"content"_s, u"no role"_s}});
    broken = nodes;
    broken.replace(2, third);
    QVERIFY(core::conversationFromJson(QJsonObject{{u"nodes"_s, broken}, {u"root_active"_s, 0}})
                .isEmpty());
    // An active child or root that does not exist falls back to the last one.
    first = nodes.at(0).toObject();
    first.insert(u"active"_s, 9);
    broken = nodes;
    broken.replace(0, first);
    const core::Conversation fallback
        = core::conversationFromJson(QJsonObject{{u"nodes"_s, broken}, {u"root_active"_s, 5}});
    QCOMPARE(fallback.activePath(), (QList<int>{0, 2}));
}

void TestConversationCodec::draftMapRoundTrips()
{
    const QVariantMap map = core::conversationToVariant(sample());
    QCOMPARE(map.value(u"nodes"_s).toList().size(), 3);
    // As a DraftStore gives it back: through JSON text, numbers as doubles.
    const QVariantMap reloaded
        = QJsonDocument::fromJson(QJsonDocument(QJsonObject::fromVariantMap(map)).toJson())
              .object()
              .toVariantMap();
    const core::Conversation back = core::conversationFromVariant(reloaded);
    QCOMPARE(back.activePath(), (QList<int>{0, 1}));
    QCOMPARE(bytes(core::conversationToJson(back)), bytes(core::conversationToJson(sample())));
    QVERIFY(core::conversationFromVariant(QVariantMap()).isEmpty());
}

void TestConversationCodec::contentHasConversationSystemAndModel()
{
    const core::ConversationContent content{sample(), u"Be brief. "_s, u"m1"_s};
    const QJsonObject json = content.toJson();
    QCOMPARE(json.keys(), (QStringList{u"conversation"_s, u"model"_s, u"system"_s}));
    QCOMPARE(json.value(u"system"_s).toString(), u"Be brief. "_s);
    QCOMPARE(json.value(u"conversation"_s).toObject(), core::conversationToJson(sample()));
    QCOMPARE(content.toBytes(), bytes(json));
    core::ConversationRecord record;
    record.content = json;
    const core::ConversationContent back = core::ConversationContent::fromRecord(record);
    QCOMPARE(back.system, u"Be brief. "_s);
    QCOMPARE(back.model, u"m1"_s);
    QCOMPARE(back.toBytes(), content.toBytes());
    const core::ConversationContent empty = core::ConversationContent::fromJson(QJsonObject());
    QVERIFY(empty.conversation.isEmpty());
    QVERIFY(empty.system.isEmpty() && empty.model.isEmpty());
}

void TestConversationCodec::jsonSchemaFormatNeedsAnObject()
{
    QString error;
    const auto format = core::jsonSchemaFormat(u"  city "_s, u"{\"type\": \"object\"}"_s, &error);
    QVERIFY2(format, qPrintable(error));
    QCOMPARE(format->type, u"json_schema"_s);
    QCOMPARE(format->jsonSchema.name, u"city"_s);
    QCOMPARE(format->jsonSchema.schema, (QJsonObject{{u"type"_s, u"object"_s}}));
    QCOMPARE(format->jsonSchema.strict, std::optional<bool>(true));
    QCOMPARE(core::jsonSchemaFormat(u" "_s, u"{}"_s, &error)->jsonSchema.name, u"answer"_s);

    QVERIFY(!core::jsonSchemaFormat(u"answer"_s, u"{\"type\": \"object\""_s, &error));
    QVERIFY2(error.contains(u" at offset "_s), qPrintable(error));
    QVERIFY(!core::jsonSchemaFormat(u"answer"_s, u"[1, 2]"_s, &error));
    QCOMPARE(error, u"not an object at offset 0"_s);
}

void TestConversationCodec::jsonReplyIsPrettyPrinted()
{
    QString error;
    QCOMPARE(core::prettyJsonReply(u" {\"city\":\"Paris\"} "_s, &error),
        std::optional<QString>(u"{\n    \"city\": \"Paris\"\n}\n"_s));
    QCOMPARE(core::prettyJsonReply(u"<think>hmm {</think>[1]"_s, &error),
        std::optional<QString>(u"[\n    1\n]\n"_s));
    QVERIFY(!core::prettyJsonReply(u"Paris"_s, &error));
    QVERIFY2(error.contains(u" at offset "_s), qPrintable(error));
}

QTEST_MAIN(TestConversationCodec)
#include "TestConversationCodec.moc"
