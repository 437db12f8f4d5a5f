// SPDX-License-Identifier: MIT
// core::analysis over explanations (spans, mean, what-if controls, exports) on recorded real
// answers, core::renderChatPrompt for "explain this chat reply", and token spans of /tokenize
// answers (recorded ones and the sandbox tokenizer's).
#include "core/analysis/ExplanationScores.h"
#include "core/analysis/TokenSpans.h"
#include "core/api/PromptTemplate.h"
#include "sandbox/Tokenizer.h"
#include "tests/support/CassetteServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using core::analysis::ScoredSpan;

class TestExplanationScores : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void spansOfRecordedAnswers();
    void offsetsAreCodePoints();
    void hostileNumbersAreClamped();
    void meanMatchesPlacesAndCountsMissingAsZero();
    void withControlsTargetsTheSpans();
    void csvQuotesAndKeepsPrecision();
    void jsonLeavesImageDataOut();
    void chatTemplateRendering();
    void tokenSpansOfRecordedAnswers();
    void tokenSpansCoverSandboxTokens_data();
    void tokenSpansCoverSandboxTokens();
    void tokenSpansStopAtAMismatch();
};

void TestExplanationScores::spansOfRecordedAnswers()
{
    QString error;
    const QList<testsupport::Interaction> all = testsupport::loadCassettes(&error);
    int checked = 0;
    for (const testsupport::Interaction &i : all) {
        if (i.path != "/v1/explain")
            continue;
        const auto request = core::ExplanationRequest::fromJson(i.requestBody.toObject(), &error);
        QVERIFY2(request, qPrintable(error));
        const auto response
            = core::ExplanationResponse::fromJson(i.responseBody.toObject(), &error);
        QVERIFY2(response, qPrintable(error));
        for (const core::Explanation &e : response->explanations) {
            const QList<ScoredSpan> spans
                = core::analysis::spansOf(e, request->prompt, *request->target);
            int expected = 0;
            for (const core::ExplanationItem &item : e.items)
                expected += int(
                    item.textScores.size() + item.imageScores.size() + item.tokenScores.size());
            QCOMPARE(spans.size(), expected);
            for (const ScoredSpan &s : spans) {
                if (s.kind == ScoredSpan::Kind::Text)
                    QCOMPARE(s.text, request->prompt.items.at(s.item).text.mid(s.start, s.length));
                if (s.kind == ScoredSpan::Kind::Target)
                    QCOMPARE(s.text, request->target->mid(s.start, s.length));
                if (s.kind == ScoredSpan::Kind::Token)
                    QCOMPARE(s.text,
                        QString::number(request->prompt.items.at(s.item).tokenIds.at(s.start)));
                if (s.kind == ScoredSpan::Kind::Image)
                    QVERIFY(s.rect.width > 0.3 && s.rect.width < 0.34);
                ++checked;
            }
        }
    }
    QVERIFY(checked > 100);
}

void TestExplanationScores::offsetsAreCodePoints()
{
    // "🍕" is one character for the API (and Python) but two UTF-16 units for QString.
    const QString text = u"I like 🍕 and pasta"_s;
    core::Explanation e;
    core::ExplanationItem item;
    item.type = core::ExplanationItem::Type::Text;
    core::TextScore pizza;
    pizza.start = 7;
    pizza.length = 1;
    pizza.score = 1;
    core::TextScore pasta;
    pasta.start = 13;
    pasta.length = 5;
    pasta.score = -1;
    core::TextScore beyond;
    beyond.start = 16;
    beyond.length = 50;
    item.textScores = {pizza, pasta, beyond};
    e.items = {item};
    const QList<ScoredSpan> spans
        = core::analysis::spansOf(e, core::Prompt::fromText(text), QString());
    QCOMPARE(spans.size(), 3);
    QCOMPARE(spans.at(0).text, u"🍕"_s);
    QCOMPARE(spans.at(0).first, 7);
    QCOMPARE(spans.at(0).last, 9);
    QCOMPARE(spans.at(1).text, u"pasta"_s);
    QCOMPARE(spans.at(2).text, u"ta"_s); // clamped to the text
    QCOMPARE(core::ExplanationItem::segmentText(text, pasta), u"pasta"_s);
    // And back: what the sandbox sends for a UTF-16 range.
    const core::TextScore fromUtf16 = core::TextScore::fromUtf16(text, 14, 5, 0.5);
    QCOMPARE(fromUtf16.start, 13);
    QCOMPARE(fromUtf16.length, 5);
}

void TestExplanationScores::hostileNumbersAreClamped()
{
    // From a server we do not control: start + length past INT_MAX, rectangles of 6.4e302, NaN.
    const QString text = u"Hello world"_s;
    core::TextScore huge;
    huge.start = 1;
    huge.length = std::numeric_limits<int>::max();
    huge.score = 1;
    QCOMPARE(huge.utf16Range(text), (QPair<int, int>(1, int(text.size()))));
    core::TextScore negative;
    negative.start = -5;
    negative.length = std::numeric_limits<int>::min();
    QCOMPARE(negative.utf16Range(text), (QPair<int, int>(0, 0)));
    core::Explanation e;
    core::ExplanationItem item;
    item.type = core::ExplanationItem::Type::Text;
    item.textScores = {huge};
    e.items = {item};
    const QList<ScoredSpan> spans
        = core::analysis::spansOf(e, core::Prompt::fromText(text), QString());
    QCOMPARE(spans.size(), 1);
    QCOMPARE(spans.first().text, u"ello world"_s);

    core::ImageScore image;
    image.rect.left = 6.4e302;
    image.rect.top = -1e300;
    image.rect.width = std::numeric_limits<double>::quiet_NaN();
    image.rect.height = std::numeric_limits<double>::infinity();
    const QRect r = image.inPixels(384, 256);
    QVERIFY(QRect(0, 0, 384, 256).contains(r) || r.isEmpty());
    QVERIFY(r.left() >= 0 && r.top() >= 0 && r.right() < 384 + 1 && r.bottom() < 256 + 1);
    image.rect.left = 0.25;
    image.rect.top = 0.5;
    image.rect.width = 0.5;
    image.rect.height = 0.25;
    QCOMPARE(image.inPixels(400, 200), QRect(100, 100, 200, 50));
}

void TestExplanationScores::meanMatchesPlacesAndCountsMissingAsZero()
{
    const auto span = [](ScoredSpan::Kind kind, int item, int start, int length, double score) {
        ScoredSpan s;
        s.kind = kind;
        s.item = item;
        s.start = start;
        s.length = length;
        s.score = score;
        return s;
    };
    using K = ScoredSpan::Kind;
    const QList<ScoredSpan> first{span(K::Text, 0, 0, 3, 1.0), span(K::Text, 0, 4, 2, -2.0)};
    const QList<ScoredSpan> second{
        span(K::Text, 0, 0, 3, 3.0), span(K::Text, 0, 4, 2, 0.0), span(K::Target, -1, 0, 6, 0.9)};
    const QList<ScoredSpan> third{
        span(K::Target, -1, 0, 6, 0.3), span(K::Text, 0, 0, 3, 2.0), span(K::Text, 0, 4, 2, 5.0)};
    const QList<ScoredSpan> mean = core::analysis::meanOf({first, second, third});
    QCOMPARE(mean.size(), 3);
    QCOMPARE(mean.at(0).score, 2.0);
    QCOMPARE(mean.at(1).score, 1.0);
    QCOMPARE(mean.at(2).kind, K::Target);
    QCOMPARE(mean.at(2).score, 0.4); // (0 + 0.9 + 0.3) / 3
    QCOMPARE(core::analysis::maxAbsScore(first), 2.0);
    QCOMPARE(core::analysis::maxAbsScore({}), 0.0);
}

void TestExplanationScores::withControlsTargetsTheSpans()
{
    core::Prompt prompt;
    prompt.items = {core::PromptItem::fromImageBytes("\x89PNG"),
        core::PromptItem::fromText(u"abc def"_s),
        core::PromptItem::fromTokenIds({5, 6, 7})};
    ScoredSpan text;
    text.kind = ScoredSpan::Kind::Text;
    text.item = 1;
    text.start = 4;
    text.length = 3;
    ScoredSpan image;
    image.kind = ScoredSpan::Kind::Image;
    image.item = 0;
    image.rect.left = 0.5;
    image.rect.top = 0.25;
    image.rect.width = 0.5;
    image.rect.height = 0.25;
    ScoredSpan token;
    token.kind = ScoredSpan::Kind::Token;
    token.item = 2;
    token.start = 1;
    ScoredSpan target;
    target.kind = ScoredSpan::Kind::Target;
    ScoredSpan stray = text;
    stray.item = 9;
    const core::Prompt controlled
        = core::analysis::withControls(prompt, {text, image, token, target, stray}, 2.5);
    const QJsonArray items = core::toValue(controlled).toArray();
    QCOMPARE(items.at(1)[u"controls"_s].toArray(),
        (QJsonArray{QJsonObject{{u"start"_s, 4}, {u"length"_s, 3}, {u"factor"_s, 2.5}}}));
    QCOMPARE(items.at(0)[u"controls"_s].toArray().size(), 1);
    QCOMPARE(items.at(0)[u"controls"_s][0][u"rect"_s][u"left"_s].toDouble(), 0.5);
    QCOMPARE(items.at(0)[u"controls"_s][0][u"factor"_s].toDouble(), 2.5);
    QCOMPARE(items.at(2)[u"controls"_s].toArray(),
        (QJsonArray{QJsonObject{{u"index"_s, 1}, {u"factor"_s, 2.5}}}));
    // A plain string prompt becomes one text item with the control.
    ScoredSpan onlyItem = text;
    onlyItem.item = 0;
    const core::Prompt plain
        = core::analysis::withControls(core::Prompt{u"abc def"_s, {}}, {onlyItem}, 0.0);
    QVERIFY(!plain.isPlainText());
    QCOMPARE(plain.items.size(), 1);
    QCOMPARE(plain.items.first().textControls->size(), 1);
    QCOMPARE(plain.items.first().textControls->first().factor, 0.0);
}

void TestExplanationScores::csvQuotesAndKeepsPrecision()
{
    ScoredSpan quoted;
    quoted.kind = ScoredSpan::Kind::Text;
    quoted.item = 0;
    quoted.start = 2;
    quoted.length = 9;
    quoted.text = u"say \"hi\",\nok"_s;
    quoted.score = 0.123456789012345;
    ScoredSpan image;
    image.kind = ScoredSpan::Kind::Image;
    image.item = 1;
    image.rect.left = 1.0 / 3.0;
    image.rect.width = 0.25;
    image.score = -1e-9;
    const QByteArray csv = core::analysis::toCsv({{u" a,b"_s, {quoted, image}}});
    const QList<QByteArray> lines = csv.split('\n');
    QCOMPARE(lines.at(0),
        QByteArray("explanation,target,kind,item,start,length,left,top,width,height,text,score\r"));
    QCOMPARE(lines.at(1),
        QByteArray("0,\" a,b\",text,0,2,9,,,,,\"say \"\"hi\"\",")); // the field goes on after the
                                                                    // line break
    QCOMPARE(lines.at(2), QByteArray("ok\",0.123456789012345\r"));
    QVERIFY(lines.at(3).startsWith("0,\" a,b\",image,1,,,"));
    const QList<QByteArray> imageRow
        = lines.at(3).trimmed().split(','); // the quoted target holds one comma
    QCOMPARE(imageRow.at(3), QByteArray("image"));
    QCOMPARE(imageRow.at(7).toDouble(), 1.0 / 3.0);
    QCOMPARE(imageRow.last().toDouble(), -1e-9);
}

void TestExplanationScores::jsonLeavesImageDataOut()
{
    core::ExplanationRequest request;
    request.model = u"m"_s;
    request.prompt.items = {core::PromptItem::fromImageBytes(QByteArray(3000, 'x')),
        core::PromptItem::fromText(u"hi"_s)};
    request.target = u" there"_s;
    ScoredSpan s;
    s.kind = ScoredSpan::Kind::Text;
    s.item = 1;
    s.length = 2;
    s.text = u"hi"_s;
    s.score = 0.5;
    const QJsonObject json = core::analysis::toJson({{u" there"_s, {s}}}, request, u"v1"_s);
    QCOMPARE(json[u"model_version"_s].toString(), u"v1"_s);
    QCOMPARE(json[u"request"_s][u"prompt"_s][0][u"data"_s].toString(),
        u"(image, 4000 bytes of base64)"_s);
    QCOMPARE(json[u"request"_s][u"target"_s].toString(), u" there"_s);
    QCOMPARE(json[u"explanations"_s][0][u"spans"_s][0][u"text"_s].toString(), u"hi"_s);
    QCOMPARE(json[u"explanations"_s][0][u"spans"_s][0][u"score"_s].toDouble(), 0.5);
}

void TestExplanationScores::chatTemplateRendering()
{
    const QList<core::ChatMessage> messages{
        core::ChatMessage::fromText(u"system"_s, u"Be brief."_s),
        core::ChatMessage::fromText(u"user"_s, u"Hi {{ there }}"_s)};
    bool exact = false;
    const QString llama
        = u"<|begin_of_text|>{% for message in messages "
          u"%}<|start_header_id|>{{message.role}}<|end_header_id|>\n\n"
          "{{message.content}}<|eot_id|>{% endfor %}<|start_header_id|>assistant<|end_header_id|>\n\n"_s;
    QCOMPARE(core::renderChatPrompt(llama, messages, &exact),
        u"<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nBe brief.<|eot_id|>"
        "<|start_header_id|>user<|end_header_id|>\n\nHi {{ there }}<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n"_s);
    QVERIFY(exact);
    // Whitespace control and bracket access.
    QCOMPARE(
        core::renderChatPrompt(
            u"{%- for message in messages -%}[{{- message['role'] -}}]{{ message[\"content\"] }}{% endfor %}>"_s,
            messages,
            &exact),
        u"[system]Be brief.[user]Hi {{ there }}>"_s);
    QVERIFY(exact);
    // Anything else: a plain transcript, flagged as not exact.
    const QString fallback = u"System: Be brief.\n\nUser: Hi {{ there }}\n\nAssistant:"_s;
    QCOMPARE(
        core::renderChatPrompt(
            u"{% if x %}{% endif %}{% for message in messages %}{{ message.content }}{% endfor %}"_s,
            messages,
            &exact),
        fallback);
    QVERIFY(!exact);
    QCOMPARE(core::renderChatPrompt(QString(), messages, &exact), fallback);
    QCOMPARE(core::renderChatPrompt(
                 u"{% for message in messages %}{{ message.content | trim }}{% endfor %}"_s,
                 messages,
                 &exact),
        fallback);
    QVERIFY(!exact);
}

void TestExplanationScores::tokenSpansOfRecordedAnswers()
{
    QString error;
    int checked = 0;
    for (const testsupport::Interaction &i : testsupport::loadCassettes(&error)) {
        if (i.path != "/v1/tokenize")
            continue;
        const QString prompt = i.requestBody.toObject().value(u"prompt"_s).toString();
        QStringList tokens;
        for (const QJsonValue &t : i.responseBody.toObject().value(u"tokens"_s).toArray())
            tokens.append(t.toString());
        int placed = 0;
        const QList<core::analysis::TokenSpan> spans
            = core::analysis::tokenSpans(prompt, tokens, &placed);
        QCOMPARE(placed, tokens.size());
        // luminous-base adds a prefix space: "Hello" comes back as "ĠHello".
        QCOMPARE(spans.at(0).start, 0);
        QCOMPARE(spans.at(0).length, int(prompt.size()));
        QVERIFY(spans.at(0).addedSpace);
        ++checked;
    }
    QVERIFY2(checked >= 2, "the tokenize cassettes are missing");
}

void TestExplanationScores::tokenSpansCoverSandboxTokens_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("words") << u"The model writes a story about Prague."_s;
    QTest::newRow("lines") << u"first line\n\n  indented\tand tabbed"_s;
    QTest::newRow("accents") << u"Grüße aus Köln, à bientôt"_s;
    QTest::newRow("emoji") << u"ok 👍🏽 done"_s;
    QTest::newRow("cjk") << u"東京は大きい"_s;
}

void TestExplanationScores::tokenSpansCoverSandboxTokens()
{
    QFETCH(QString, text);
    const sandbox::Tokenizer tokenizer({u"the"_s, u"model"_s, u"story"_s, u"a"_s});
    const QList<sandbox::TextToken> truth = tokenizer.encode(text);
    QStringList tokens;
    for (const sandbox::TextToken &t : truth)
        tokens.append(tokenizer.displayForm(t.id));
    int placed = 0;
    const QList<core::analysis::TokenSpan> spans
        = core::analysis::tokenSpans(text, tokens, &placed);
    QCOMPARE(placed, int(tokens.size()));
    int covered = 0;
    for (int i = 0; i < spans.size(); ++i) {
        QCOMPARE(spans.at(i).start, truth.at(i).start);
        QCOMPARE(spans.at(i).length, truth.at(i).length);
        QVERIFY(!spans.at(i).addedSpace);
        covered = std::max(covered, spans.at(i).start + spans.at(i).length);
    }
    QCOMPARE(covered, int(text.size()));
    QCOMPARE(QString::fromUtf8(core::analysis::byteLevelBytes(u"Ġhello"_s)), u" hello"_s);
    QCOMPARE(QString::fromUtf8(core::analysis::byteLevelBytes(u"Ċ"_s)), u"\n"_s);
}

void TestExplanationScores::tokenSpansStopAtAMismatch()
{
    int placed = -1;
    const auto spans
        = core::analysis::tokenSpans(u"one two"_s, {u"one"_s, u"Ġthree"_s, u"Ġtwo"_s}, &placed);
    QCOMPARE(placed, 1);
    QCOMPARE(spans.size(), 3);
    QCOMPARE(spans.at(0).length, 3);
    QCOMPARE(spans.at(1).start, -1);
    QCOMPARE(spans.at(2).start, -1);
}

QTEST_GUILESS_MAIN(TestExplanationScores)
#include "TestExplanationScores.moc"
