// SPDX-License-Identifier: MIT
// The simdjson path of answer bodies (core/api/FastJson.h) against the QJsonDocument path, the
// reference: over every recorded answer of the endpoints JsonJob reads with simdjson, over every
// recorded answer with each of its fields replaced by a value of another type, and over malformed
// and hostile bodies. Both paths must give the same typed result (compared through toJson()) or
// the same error message.
#include "core/api/Completion.h"
#include "core/api/Embedding.h"
#include "core/api/Evaluation.h"
#include "core/api/Explanation.h"
#include "core/api/FastJson.h"
#include "core/api/Tokenization.h"
#include "tests/support/CassetteServer.h"

#include <QJsonDocument>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;

namespace json = core::json;

namespace {

/// What one path made of a body: the typed answer as JSON, or the error message.
struct Outcome
{
    bool ok = false;
    QJsonObject answer;
    QString error;
    bool operator==(const Outcome &o) const
    {
        return ok == o.ok && error == o.error
            && core::json::firstDifference(answer, o.answer).isEmpty();
    }
};

template<class T>
Outcome fast(const QByteArray &body, bool *usable)
{
    Outcome out;
    const std::optional<T> parsed = json::readFast<T>(body, usable, &out.error);
    out.ok = parsed.has_value();
    if (parsed)
        out.answer = parsed->toJson();
    return out;
}

template<class T>
Outcome reference(const QByteArray &body)
{
    Outcome out;
    const std::optional<T> parsed = json::readReference<T>(body, &out.error);
    out.ok = parsed.has_value();
    if (parsed)
        out.answer = parsed->toJson();
    return out;
}

template<class T>
Outcome viaBody(const QByteArray &body)
{
    Outcome out;
    const std::optional<T> parsed = json::readBody<T>(body, &out.error);
    out.ok = parsed.has_value();
    if (parsed)
        out.answer = parsed->toJson();
    return out;
}

/// Compares both paths on `body` as type `T`; `usable` tells whether simdjson took it.
using Check = std::function<bool(const QByteArray &body, bool *usable, QString *detail)>;

template<class T>
Check checkOf()
{
    return [](const QByteArray &body, bool *usable, QString *detail) {
        const Outcome a = fast<T>(body, usable);
        const Outcome b = reference<T>(body);
        const Outcome c = viaBody<T>(body);
        if (!(c == b)) {
            *detail = u"readBody: %1 / %2 vs reference %3 / %4"_s.arg(
                c.ok ? u"ok"_s : u"failed"_s, c.error, b.ok ? u"ok"_s : u"failed"_s, b.error);
            return false;
        }
        if (!*usable)
            return true;
        if (a == b)
            return true;
        *detail = u"simdjson: %1 \"%2\"; reference: %3 \"%4\"; first difference: %5"_s.arg(
            a.ok ? u"ok"_s : u"failed"_s,
            a.error,
            b.ok ? u"ok"_s : u"failed"_s,
            b.error,
            json::firstDifference(a.answer, b.answer));
        return false;
    };
}

/// The typed answer of each endpoint read with simdjson.
QMap<QByteArray, Check> checks()
{
    return {
        {"/v1/complete", checkOf<core::CompletionResponse>()},
        {"/v1/explain", checkOf<core::ExplanationResponse>()},
        {"/v1/evaluate", checkOf<core::EvaluationResponse>()},
        {"/v1/tokenize", checkOf<core::TokenizationResponse>()},
        {"/v1/embed", checkOf<core::EmbeddingResponse>()},
        {"/v1/semantic_embed", checkOf<core::SemanticEmbeddingResponse>()},
        {"/v1/instructable_embed", checkOf<core::SemanticEmbeddingResponse>()},
        {"/v1/batch_semantic_embed", checkOf<core::BatchSemanticEmbeddingResponse>()},
        {"/v1/embeddings", checkOf<core::EmbeddingV2Response>()},
    };
}

QByteArray text(const QJsonValue &v)
{
    return v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                       : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
}

/// `root` with the value at `path` (keys and indices) replaced by `replacement`.
QJsonValue replaced(
    const QJsonValue &root, const QList<QVariant> &path, int depth, const QJsonValue &replacement)
{
    if (depth == path.size())
        return replacement;
    const QVariant step = path.at(depth);
    if (root.isObject()) {
        QJsonObject o = root.toObject();
        const QString key = step.toString();
        o.insert(key, replaced(o.value(key), path, depth + 1, replacement));
        return o;
    }
    QJsonArray a = root.toArray();
    const int i = step.toInt();
    a.replace(i, replaced(a.at(i), path, depth + 1, replacement));
    return a;
}

/// The paths of `v`'s values: every member, and of arrays the first two items and the last.
void collectPaths(const QJsonValue &v, QList<QVariant> path, QList<QList<QVariant>> *out)
{
    out->append(path);
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            QList<QVariant> sub = path;
            sub.append(it.key());
            collectPaths(it.value(), sub, out);
        }
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (i >= 2 && i != a.size() - 1)
                continue;
            QList<QVariant> sub = path;
            sub.append(int(i));
            collectPaths(a.at(i), sub, out);
        }
    }
}

} // namespace

class TestFastJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordedAnswersParseTheSameBothWays();
    void everyFieldOfAnotherTypeFailsTheSameWay();
    void malformedBodiesFailTheSameWay();
    void parsesInsideOneAnother();
};

void TestFastJson::recordedAnswersParseTheSameBothWays()
{
    const QMap<QByteArray, Check> all = checks();
    QMap<QByteArray, int> counted;
    for (const testsupport::Interaction &in : testsupport::loadCassettes()) {
        if (!all.contains(in.path) || in.status / 100 != 2 || in.isStream())
            continue;
        bool usable = false;
        QString detail;
        QVERIFY2(all.value(in.path)(in.responseBytes(), &usable, &detail),
            qPrintable(in.name() + u": "_s + detail));
        QVERIFY2(usable, qPrintable(in.name() + u": simdjson refused a recorded answer"_s));
        ++counted[in.path];
    }
    // Every endpoint with recorded answers was compared (the cassettes have no /embeddings
    // answer).
    for (const char *path : {"/v1/complete",
             "/v1/explain",
             "/v1/evaluate",
             "/v1/tokenize",
             "/v1/embed",
             "/v1/semantic_embed",
             "/v1/instructable_embed",
             "/v1/batch_semantic_embed"})
        QVERIFY2(counted.value(path) > 0, path);
}

void TestFastJson::everyFieldOfAnotherTypeFailsTheSameWay()
{
    const QMap<QByteArray, Check> all = checks();
    const QList<QJsonValue> others{QJsonValue(QJsonValue::Null),
        u"x"_s,
        1.5,
        3,
        -7,
        1e39,
        9007199254740993.0,
        true,
        QJsonArray{},
        QJsonArray{1, u"a"_s},
        QJsonObject{},
        QJsonObject{{u"k"_s, 1}}};
    int compared = 0;
    for (const testsupport::Interaction &in : testsupport::loadCassettes()) {
        if (!all.contains(in.path) || in.status / 100 != 2 || in.isStream())
            continue;
        const QJsonValue body = in.responseBody;
        QList<QList<QVariant>> paths;
        collectPaths(body, {}, &paths);
        for (const QList<QVariant> &path : std::as_const(paths)) {
            if (path.isEmpty())
                continue;
            for (const QJsonValue &other : others) {
                const QByteArray mutated = text(replaced(body, path, 0, other));
                bool usable = false;
                QString detail;
                QVERIFY2(all.value(in.path)(mutated, &usable, &detail),
                    qPrintable(in.name() + u": "_s + QString::fromUtf8(mutated.left(300)) + u"\n"_s
                        + detail));
                compared += usable ? 1 : 0;
            }
        }
    }
    QVERIFY2(compared > 1000, qPrintable(QString::number(compared)));
}

void TestFastJson::malformedBodiesFailTheSameWay()
{
    const QList<std::pair<QByteArray, QByteArray>> bodies{
        // JSON that is not JSON: simdjson refuses, the reference path gives the message.
        {"/v1/semantic_embed", ""},
        {"/v1/semantic_embed", "{"},
        {"/v1/semantic_embed", R"({"embedding":[1,2,)"},
        {"/v1/semantic_embed",
            R"({"embedding":[1,2]})"
            "\xff"},
        {"/v1/semantic_embed", "{\"embedding\":[1,2],\"model_version\":\"\xc3\x28\"}"},
        {"/v1/semantic_embed", R"({"embedding":[1,2],"model_version":"\ud800"})"},
        {"/v1/semantic_embed", R"({"embedding":[1e400]})"},
        {"/v1/semantic_embed", R"({"embedding":[123456789012345678901234567890]})"},
        {"/v1/semantic_embed", R"({"embedding":[NaN]})"},
        {"/v1/semantic_embed", R"({"embedding":[01]})"},
        {"/v1/semantic_embed", R"({"embedding":[1e-400]})"},
        {"/v1/semantic_embed", R"({"embedding":[1],"x":[0.0e-999,1.0,1e2,-0.0]})"},
        {"/v1/semantic_embed", R"({"embedding":[1],"model_version":"a\qb"})"},
        {"/v1/semantic_embed", R"({"embedding":[1],"model_version":"a\udc00b\ud83d\ude00"})"},
        {"/v1/semantic_embed", R"({"embedding":[1],"model_version":"\ud800\ud800"})"},
        {"/v1/semantic_embed", "{\"embedding\":[1],\"model_version\":\"a\tb\x01\"}"},
        {"/v1/semantic_embed", R"({"embedding":[1,]})"},
        {"/v1/semantic_embed", R"([{"embedding":[1]}])"},
        {"/v1/semantic_embed", R"("embedding")"},
        {"/v1/semantic_embed", R"(42)"},
        {"/v1/semantic_embed", R"(null)"},
        {"/v1/semantic_embed", QByteArray(3000, '[') + QByteArray(3000, ']')},
        {"/v1/semantic_embed",
            "{\"embedding\":" + QByteArray(300, '[') + QByteArray(300, ']') + "}"},
        // Well-formed JSON of the wrong shape: the typed messages.
        {"/v1/semantic_embed", R"({})"},
        {"/v1/semantic_embed", R"({"embedding":null})"},
        {"/v1/semantic_embed", R"({"embedding":[1,"2",3]})"},
        {"/v1/semantic_embed", R"({"embedding":[1,2,3e38,4e38]})"},
        {"/v1/semantic_embed", R"({"embedding":[-0,0.0,1E2,-1e-320]})"},
        {"/v1/semantic_embed", R"({"embedding":[1],"num_tokens_prompt_total":2.5})"},
        {"/v1/semantic_embed", R"({"embedding":[1],"num_tokens_prompt_total":3000000000})"},
        {"/v1/semantic_embed",
            R"({"embedding":[1],"num_tokens_prompt_total":18446744073709551615})"},
        {"/v1/semantic_embed",
            R"({"embedding":[1],"num_tokens_prompt_total":-9223372036854775808})"},
        {"/v1/semantic_embed", R"({"embedding":[1],"embedding":[2,3]})"},
        {"/v1/semantic_embed", R"({"embedding":[1],"extra":{"a":1,"a":[2]},"z":null,"é":"ü"})"},
        {"/v1/semantic_embed", R"({"embedding":[1],"model_version":"a\u0000b\"\\\n"})"},
        {"/v1/batch_semantic_embed", R"({"embeddings":[[1],[2,"x"]]})"},
        {"/v1/batch_semantic_embed", R"({"embeddings":[[1],{}]})"},
        {"/v1/batch_semantic_embed", R"({"embeddings":{}})"},
        {"/v1/embed", R"({"embeddings":{"layer_1":{"mean":[1],"max":"x"},"layer_0":{"b":{}}}})"},
        {"/v1/embed", R"({"embeddings":{"layer_1":{"mean":[1]},"layer_1":{"max":[2]}}})"},
        {"/v1/embed", R"({"embeddings":{"layer_1":[]},"tokens":["a",1]})"},
        {"/v1/embeddings", R"({"data":[{"embedding":"AACAPw==","index":0},{"embedding":[1]}]})"},
        {"/v1/tokenize", R"({"tokens":["a"],"token_ids":[1,2.5]})"},
        {"/v1/tokenize", R"({"tokens":["a"],"token_ids":[1,9007199254740993]})"},
        {"/v1/tokenize", R"({"tokens":["a"],"token_ids":[1,-9007199254740993]})"},
        {"/v1/evaluate", R"({"model_version":"x","result":{"log_probability":"a"}})"},
        {"/v1/evaluate", R"({"model_version":"x","result":[]})"},
        {"/v1/complete", R"({"model_version":"x","completions":[{"log_probs":{"a":1}}]})"},
        {"/v1/complete",
            R"({"model_version":"x","completions":[{"log_probs":[{"b":1,"a":"x","c":[]}]}]})"},
        {"/v1/complete",
            R"({"model_version":"x","completions":[],"optimized_prompt":[{"type":"nope"}]})"},
        {"/v1/complete", R"({"model_version":"x","completions":[{"completion":7}]})"},
        {"/v1/explain",
            R"({"explanations":[{"target":"t","items":[{"type":"text","scores":[{"start":1}]}]}]})"},
        // TextScores off readNumberObject()'s fast path: the Reader's values and messages.
        {"/v1/explain",
            R"({"explanations":[{"target":"t","items":[{"type":"text","scores":[{"start":1,"length":2,"score":0.5},{"start":1,"length":2,"score":0.5,"start":3},{"start":1.0,"length":2e0,"score":1},{"score":-1,"length":4,"start":0,"x":[1]}]}]}]})"},
        {"/v1/explain",
            R"({"explanations":[{"target":"t","items":[{"type":"target","scores":[{"start":3000000000,"length":2,"score":0.5}]}]}]})"},
        {"/v1/explain",
            R"({"explanations":[{"target":"t","items":[{"type":"text","scores":[{"start":1,"length":2,"score":null}]}]}]})"},
        {"/v1/explain",
            R"({"explanations":[{"target":"t","items":[{"type":"text","scores":[{"start":1,"length":2,"score":"0.5"}]}]}]})"},
        {"/v1/explain",
            R"({"explanations":[{"target":"t","items":[{"type":"text","scores":[{"start":1,"length":2,"Score":0.5}]}]}]})"},
        {"/v1/explain",
            R"({"explanations":[{"target":"t","items":[{"type":"image","scores":[{"rect":1}]}]}]})"},
        {"/v1/explain",
            R"({"explanations":[{"target":"t","items":[{"type":"new","scores":[1]}]}]})"},
        {"/v1/explain",
            R"({"explanations":[{"target":"t","items":[{"type":"token_ids","scores":[1,null]}]}]})"},
    };
    const QMap<QByteArray, Check> all = checks();
    int refused = 0;
    QStringList failures;
    for (const auto &[path, body] : bodies) {
        bool usable = false;
        QString detail;
        if (!all.value(path)(body, &usable, &detail))
            failures.append(QString::fromUtf8(body.left(200)) + u"\n"_s + detail);
        refused += usable ? 0 : 1;
    }
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u"\n\n"_s)));
    // The bodies simdjson refuses (not JSON, or not an object) went the reference way.
    QVERIFY(refused >= 10);
}

void TestFastJson::parsesInsideOneAnother()
{
    // A second document while one is open on the same thread goes the reference way and leaves
    // the first intact.
    const QByteArray outerBody = R"({"embedding":[1.5,2.5],"model_version":"outer"})";
    const json::ParsedDocument outer(outerBody);
    QVERIFY(outer.root());
    const json::ParsedDocument inner(R"({"embedding":[3]})");
    QVERIFY(!inner.root());
    QString error;
    const auto again = json::readBody<core::SemanticEmbeddingResponse>(
        R"({"embedding":[3],"model_version":"inner"})", &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(again->modelVersion.value_or(QString()), u"inner"_s);
    const auto first = core::SemanticEmbeddingResponse::fromElement(*outer.root(), &error);
    QVERIFY2(first, qPrintable(error));
    QCOMPARE(first->embedding, (QList<float>{1.5f, 2.5f}));
    QCOMPARE(first->modelVersion.value_or(QString()), u"outer"_s);
}

QTEST_GUILESS_MAIN(TestFastJson)
#include "TestFastJson.moc"
