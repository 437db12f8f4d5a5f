// SPDX-License-Identifier: MIT
// core/export: the bytes of the Explanation tab's CSV and JSON exports, from a response and the
// spans of its explanations.
#include "core/export/ExplanationExport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using core::analysis::ScoredSpan;

class TestExplanationExport : public QObject
{
    Q_OBJECT

private:
    static ScoredSpan textSpan(int start, int length, const QString &text, double score)
    {
        ScoredSpan s;
        s.kind = ScoredSpan::Kind::Text;
        s.item = 0;
        s.start = start;
        s.length = length;
        s.first = start;
        s.last = start + length;
        s.text = text;
        s.score = score;
        return s;
    }

    static core::ExplanationResponse response(
        const QStringList &targets, const std::optional<QString> &modelVersion)
    {
        core::ExplanationResponse r;
        r.modelVersion = modelVersion;
        for (const QString &t : targets) {
            core::Explanation e;
            e.target = t;
            r.explanations.append(e);
        }
        return r;
    }

private Q_SLOTS:
    void pairsTargetsWithSpans()
    {
        const auto r = response({u" pizza"_s, u" with"_s}, u"2024"_s);
        const QList<QList<ScoredSpan>> spans{
            {textSpan(0, 5, u"Hello"_s, 0.5)}, {textSpan(6, 5, u"world"_s, -0.25)}};
        const auto exported = core::exportedExplanations(r, spans);
        QCOMPARE(exported.size(), 2);
        QCOMPARE(exported.at(0).target, u" pizza"_s);
        QCOMPARE(exported.at(1).target, u" with"_s);
        QCOMPARE(exported.at(1).spans.first().text, u"world"_s);
        // Extra entries on either side are left out.
        QCOMPARE(core::exportedExplanations(r, spans.mid(0, 1)).size(), 1);
        QCOMPARE(core::exportedExplanations(response({u"a"_s}, std::nullopt), spans).size(), 1);
    }

    void csvHasARowPerSpan()
    {
        const auto r = response({u" pizza"_s, u" with"_s}, u"2024"_s);
        const QList<QList<ScoredSpan>> spans{
            {textSpan(0, 5, u"Hello"_s, 0.5), textSpan(6, 5, u"world"_s, 0.125)},
            {textSpan(6, 5, u"world"_s, -0.25)}};
        const QByteArray csv = core::explanationCsv(r, spans);
        QCOMPARE(csv, core::analysis::toCsv(core::exportedExplanations(r, spans)));
        const QList<QByteArray> rows = csv.split('\n');
        QCOMPARE(rows.first(),
            QByteArray(
                "explanation,target,kind,item,start,length,left,top,width,height,text,score\r"));
        QCOMPARE(
            rows.size(), 1 + 3 + 1); // header, three spans, the empty rest after the last "\r\n"
        QVERIFY(rows.at(3).startsWith("1, with,text,0,6,5,"));
        QVERIFY(rows.at(3).endsWith(",world,-0.25\r"));
    }

    void jsonIsIndentedAndNamesTheModelVersion()
    {
        core::ExplanationRequest request;
        request.model = u"luminous-base"_s;
        request.prompt.items = {core::PromptItem::fromText(u"Hello world"_s)};
        const QList<QList<ScoredSpan>> spans{{textSpan(0, 5, u"Hello"_s, 0.5)}};
        const QByteArray bytes
            = core::explanationJson(request, response({u" pizza"_s}, u"2024-05"_s), spans);
        QVERIFY(bytes.contains("\n    ")); // indented
        const QJsonObject json = QJsonDocument::fromJson(bytes).object();
        QCOMPARE(json,
            core::analysis::toJson(
                core::exportedExplanations(response({u" pizza"_s}, u"2024-05"_s), spans),
                request,
                u"2024-05"_s));
        QCOMPARE(json.value(u"model_version"_s).toString(), u"2024-05"_s);
        QCOMPARE(json.value(u"explanations"_s).toArray().size(), 1);
        // No model version: "".
        const QJsonObject without = QJsonDocument::fromJson(
            core::explanationJson(request, response({u" pizza"_s}, std::nullopt), spans))
                                        .object();
        QCOMPARE(without.value(u"model_version"_s).toString(), QString());
    }
};

QTEST_GUILESS_MAIN(TestExplanationExport)
#include "TestExplanationExport.moc"
