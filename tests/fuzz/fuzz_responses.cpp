// SPDX-License-Identifier: MIT
// Fuzz target of the typed JSON bodies of core/api: everything a server sends (and the request
// bodies alephctl and the history read back). The first byte picks the type (kTypes below, modulo
// their count); the rest is the body, parsed as the app parses it (json::parseDocument, then the
// type's fromJson through core::detail::parseResponse, the code path of JsonJob).
//
// Properties:
//  - Nothing crashes, and a body that does not parse says why (a non-empty error message).
//  - Round trip: when fromJson succeeds, toJson() reads back with fromJson and gives the same
//    JSON again, both in memory and through JSON text (QJsonDocument::toJson, then parse).
//  - Lenient responses keep what the server sent (Json.h: unknown keys go to `extra`): toJson()
//    equals the input with null members dropped, numbers compared by value (float fields, the
//    embeddings, compare in single precision).
//  - Strict requests reproduce their body (Completion.h: "fromJson() then toJson() reproduces a
//    body exactly"), with the same allowance for nulls; validate() never crashes.
//  - What the app computes from a parsed answer stays in range: TextScore::utf16Range and
//    ExplanationItem::segmentText within the text and on code point boundaries, and fromUtf16()
//    inverts it; ImageScore::inPixels inside the image; EmbeddingV2Data::vector() whole floats;
//    GradientEmbeddingsResponse::inOrder() one vector per input; a model's prompt_template renders.
//  - Error bodies (ApiError::fromHttp with a Retry-After header) never crash; retryAfterMs is
//    within 0..3600000.

#include "core/api/ApiError.h"
#include "core/api/Chat.h"
#include "core/api/Completion.h"
#include "core/api/Embedding.h"
#include "core/api/Evaluation.h"
#include "core/api/Explanation.h"
#include "core/api/Gradient.h"
#include "core/api/Json.h"
#include "core/api/Models.h"
#include "core/api/PromptTemplate.h"
#include "core/api/Rerank.h"
#include "core/api/Steering.h"
#include "core/api/Tokenization.h"
#include "core/api/Translation.h"
#include "core/api/Validation.h"
#include "core/net/Jobs.h"
#include "tests/fuzz/FuzzCheck.h"

#include <QJsonDocument>

#include <cmath>
#include <cstddef>
#include <cstdint>

using namespace core;

namespace {

QString text(const QJsonValue &v)
{
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    return QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
}

/// Numbers equal by value, or equal in single precision when `floats` (embedding vectors).
bool sameNumber(double a, double b, bool floats)
{
    if (a == b)
        return true;
    return floats && float(a) == float(b);
}

/// The path of the first difference (like json::firstDifference), null members ignored.
QString difference(const QJsonValue &a,
    const QJsonValue &b,
    bool floats,
    const QString &path = QStringLiteral("(body)"))
{
    if (a.isObject() && b.isObject()) {
        const QJsonObject oa = a.toObject();
        const QJsonObject ob = b.toObject();
        QStringList keys = oa.keys() + ob.keys();
        keys.removeDuplicates();
        keys.sort();
        for (const QString &k : keys) {
            const QJsonValue va = oa.value(k);
            const QJsonValue vb = ob.value(k);
            const bool absentA = va.isUndefined() || va.isNull();
            const bool absentB = vb.isUndefined() || vb.isNull();
            if (absentA && absentB)
                continue;
            const QString d = difference(va, vb, floats, path + QLatin1Char('.') + k);
            if (!d.isEmpty())
                return d;
        }
        return {};
    }
    if (a.isArray() && b.isArray()) {
        const QJsonArray aa = a.toArray();
        const QJsonArray ab = b.toArray();
        if (aa.size() != ab.size())
            return path + QStringLiteral(" (length %1 vs %2)").arg(aa.size()).arg(ab.size());
        for (qsizetype i = 0; i < aa.size(); ++i) {
            const QString d
                = difference(aa.at(i), ab.at(i), floats, path + QStringLiteral("[%1]").arg(i));
            if (!d.isEmpty())
                return d;
        }
        return {};
    }
    if (a.type() != b.type())
        return path + QStringLiteral(" (%1 vs %2)").arg(json::typeName(a), json::typeName(b));
    if (a.isDouble())
        return sameNumber(a.toDouble(), b.toDouble(), floats) ? QString()
                                                              : path
                + QStringLiteral(" (%1 vs %2)")
                      .arg(a.toDouble(), 0, 'g', 17)
                      .arg(b.toDouble(), 0, 'g', 17);
    return a == b ? QString() : path;
}

template<class T>
QJsonValue toJsonValue(const T &value)
{
    return QJsonValue(value.toJson());
}

template<class T>
std::optional<T> parseAs(const QJsonValue &json, QString *error, bool streamChunk)
{
    if constexpr (std::is_same_v<T, ChatResponse>) {
        if (streamChunk) // ChatStreamJob: each event is one object
            return ChatResponse::fromJson(json.toObject(), error);
    }
    if constexpr (requires { detail::parseResponse<T>(json, error); }) {
        return detail::parseResponse<T>(json, error);
    } else {
        if (!json.isObject()) {
            *error = QStringLiteral("expected a JSON object");
            return std::nullopt;
        }
        return T::fromJson(json.toObject(), error);
    }
}

enum class Kind { Response, Request };

template<class T>
std::optional<T> roundTrip(const QJsonValue &input,
    const char *name,
    Kind kind,
    bool floats = false,
    bool streamChunk = false)
{
    QString error;
    std::optional<T> first = parseAs<T>(input, &error, streamChunk);
    if (!first) {
        FUZZ_CHECK(!error.isEmpty(),
            QString::fromLatin1(name) + QStringLiteral(": fromJson failed without a message"));
        return std::nullopt;
    }
    const QJsonValue j1 = toJsonValue(*first);

    // toJson() reads back and gives the same JSON.
    QString error2;
    const std::optional<T> second = parseAs<T>(j1, &error2, streamChunk);
    FUZZ_CHECK(second.has_value(),
        QString::fromLatin1(name) + QStringLiteral(": toJson() does not read back: ") + error2
            + QStringLiteral("\n    toJson(): ") + fuzz::excerpt(text(j1), 400));
    const QJsonValue j2 = toJsonValue(*second);
    const QString d = json::firstDifference(j1, j2);
    FUZZ_CHECK(d.isEmpty(),
        QString::fromLatin1(name) + QStringLiteral(": second toJson() differs at ") + d);

    // The same through JSON text, as the history and exports store it.
    QString parseError;
    const std::optional<QJsonValue> reparsed = json::parseDocument(text(j1).toUtf8(), &parseError);
    FUZZ_CHECK(reparsed.has_value(),
        QString::fromLatin1(name) + QStringLiteral(": toJson() text does not parse: ")
            + parseError);
    QString error3;
    const std::optional<T> third = parseAs<T>(*reparsed, &error3, streamChunk);
    FUZZ_CHECK(third.has_value(),
        QString::fromLatin1(name) + QStringLiteral(": toJson() as text does not read back: ")
            + error3 + QStringLiteral("\n    text: ") + fuzz::excerpt(text(j1), 400));
    const QString dt = difference(j1, toJsonValue(*third), floats);
    FUZZ_CHECK(dt.isEmpty(),
        QString::fromLatin1(name) + QStringLiteral(": toJson() through text differs at ") + dt
            + QStringLiteral("\n    text: ") + fuzz::excerpt(text(j1), 400));

    // Nothing the server sent is lost, nothing a user wrote changes.
    QJsonValue expected = input;
    if constexpr (std::is_same_v<T, ChatResponse>) {
        if (input.isArray()) // the spec's one-element array: the object is kept
            expected = input.toArray().first();
    }
    const QString dk = difference(expected, j1, floats);
    FUZZ_CHECK(dk.isEmpty(),
        QString::fromLatin1(name)
            + (kind == Kind::Response ? QStringLiteral(" response") : QStringLiteral(" request"))
            + QStringLiteral(": toJson() differs from the input at ") + dk
            + QStringLiteral("\n    toJson(): ") + fuzz::excerpt(text(j1), 400));
    return first;
}

template<class T>
void request(const QJsonValue &input, const char *name)
{
    const std::optional<T> r = roundTrip<T>(input, name, Kind::Request);
    if (r) {
        if constexpr (requires { validate(*r); })
            (void)validate(*r);
    }
}

bool insidePair(const QString &text, int i)
{
    return i > 0 && i < text.size() && text.at(i).isLowSurrogate()
        && text.at(i - 1).isHighSurrogate();
}

void checkTextScores(const QString &itemText, const QList<TextScore> &scores)
{
    for (const TextScore &s : scores) {
        const auto [first, last] = s.utf16Range(itemText);
        FUZZ_CHECK(0 <= first && first <= last && last <= itemText.size(),
            QStringLiteral("utf16Range(%1, %2) of a text of %3: [%4, %5)")
                .arg(s.start)
                .arg(s.length)
                .arg(itemText.size())
                .arg(first)
                .arg(last));
        FUZZ_CHECK(!insidePair(itemText, first) && !insidePair(itemText, last),
            QStringLiteral("utf16Range [%1, %2) cuts a surrogate pair").arg(first).arg(last));
        const QString segment = ExplanationItem::segmentText(itemText, s);
        FUZZ_CHECK(segment == itemText.mid(first, last - first), QStringLiteral("segmentText"));
        const TextScore back = TextScore::fromUtf16(itemText, first, last - first, s.score);
        const auto [first2, last2] = back.utf16Range(itemText);
        FUZZ_CHECK(first2 == first && last2 == last,
            QStringLiteral("fromUtf16(%1, %2) gives [%3, %4)")
                .arg(first)
                .arg(last - first)
                .arg(first2)
                .arg(last2));
    }
}

void explanationChecks(const ExplanationResponse &r)
{
    // The texts the scores refer to are in the request; the target, and a text with surrogate
    // pairs, stand in for them.
    const QString emoji = QStringLiteral("a\U0001F600b \U0001F431\U0001F436 c");
    for (const Explanation &e : r.explanations) {
        for (const ExplanationItem &item : e.items) {
            checkTextScores(e.target, item.textScores);
            checkTextScores(emoji, item.textScores);
            for (const ImageScore &s : item.imageScores) {
                for (const auto &[w, h] :
                    {std::pair{1200, 630}, {297, 170}, {1, 1}, {0, 0}, {-3, 7}}) {
                    const QRect px = s.inPixels(w, h);
                    FUZZ_CHECK(px.x() >= 0 && px.y() >= 0 && px.width() >= 0 && px.height() >= 0
                            && px.x() + px.width() <= std::max(0, w)
                            && px.y() + px.height() <= std::max(0, h),
                        QStringLiteral("inPixels(%1, %2) = %3,%4 %5x%6")
                            .arg(w)
                            .arg(h)
                            .arg(px.x())
                            .arg(px.y())
                            .arg(px.width())
                            .arg(px.height()));
                }
            }
        }
    }
}

void errorBody(const QByteArray &payload)
{
    // Byte 0: status; up to the first newline: Retry-After; the rest: the body.
    static const int statuses[] = {400, 401, 402, 403, 404, 408, 422, 429, 500, 502, 503, 504};
    const int status
        = payload.isEmpty() ? 500 : statuses[uint8_t(payload.at(0)) % std::size(statuses)];
    const QByteArray rest = payload.mid(1);
    const qsizetype nl = rest.indexOf('\n');
    const QByteArray retryAfter = nl < 0 ? QByteArray() : rest.left(nl);
    const QByteArray body = nl < 0 ? rest : rest.mid(nl + 1);
    const ApiError e = ApiError::fromHttp(status, body, retryAfter);
    FUZZ_CHECK(e.isError() && e.httpStatus == status, QStringLiteral("fromHttp"));
    if (e.retryAfterMs)
        FUZZ_CHECK(*e.retryAfterMs >= 0 && *e.retryAfterMs <= 3600 * 1000,
            QStringLiteral("retryAfterMs %1").arg(*e.retryAfterMs));
    (void)e.toString();
    (void)e.retryable();
    (void)ApiError::withoutCredentials(e.message, "Bearer " + retryAfter);
}

struct Type
{
    const char *name;
    void (*run)(const QJsonValue &);
};

// The selector byte of each type. tests/fuzz/make-corpus.py writes the seeds with these numbers:
// keep both in step (append, never reorder).
const Type kTypes[] = {
    /* 0 */ {"complete",
        [](const QJsonValue &v) {
            roundTrip<CompletionResponse>(v, "complete", Kind::Response);
        }},
    /* 1 */
    {"complete stream event",
        [](const QJsonValue &v) {
            roundTrip<CompletionStreamEvent>(v, "complete stream event", Kind::Response);
        }},
    /* 2 */
    {"chat/completions",
        [](const QJsonValue &v) {
            roundTrip<ChatResponse>(v, "chat/completions", Kind::Response);
        }},
    /* 3 */
    {"chat stream chunk",
        [](const QJsonValue &v) {
            roundTrip<ChatResponse>(v, "chat stream chunk", Kind::Response, false, true);
        }},
    /* 4 */
    {"explain",
        [](const QJsonValue &v) {
            if (const auto r = roundTrip<ExplanationResponse>(v, "explain", Kind::Response))
                explanationChecks(*r);
        }},
    /* 5 */
    {"semantic_embed",
        [](const QJsonValue &v) {
            roundTrip<SemanticEmbeddingResponse>(v, "semantic_embed", Kind::Response, true);
        }},
    /* 6 */
    {"batch_semantic_embed",
        [](const QJsonValue &v) {
            roundTrip<BatchSemanticEmbeddingResponse>(
                v, "batch_semantic_embed", Kind::Response, true);
        }},
    /* 7 */
    {"embed",
        [](const QJsonValue &v) {
            roundTrip<EmbeddingResponse>(v, "embed", Kind::Response, true);
        }},
    /* 8 */
    {"embeddings",
        [](const QJsonValue &v) {
            if (const auto r
                = roundTrip<EmbeddingV2Response>(v, "embeddings", Kind::Response, true)) {
                for (const EmbeddingV2Data &d : r->data) {
                    const Embedding vector = d.vector();
                    if (d.embeddingBase64) {
                        const qsizetype bytes
                            = QByteArray::fromBase64(d.embeddingBase64->toLatin1()).size();
                        FUZZ_CHECK(
                            vector.size() * 4 == bytes || (vector.isEmpty() && bytes % 4 != 0),
                            QStringLiteral("vector() of %1 floats from %2 bytes")
                                .arg(vector.size())
                                .arg(bytes));
                    } else {
                        FUZZ_CHECK(vector == d.embedding, QStringLiteral("vector()"));
                    }
                }
            }
        }},
    /* 9 */
    {"gradient embeddings",
        [](const QJsonValue &v) {
            if (const auto r = roundTrip<GradientEmbeddingsResponse>(
                    v, "gradient embeddings", Kind::Response, true)) {
                for (const qsizetype count : {qsizetype(0), qsizetype(1), r->embeddings.size()}) {
                    QString error;
                    const auto ordered = r->inOrder(count, &error);
                    FUZZ_CHECK(ordered ? ordered->size() == count : !error.isEmpty(),
                        QStringLiteral("inOrder(%1)").arg(count));
                }
            }
        }},
    /* 10 */
    {"tokenize",
        [](const QJsonValue &v) {
            roundTrip<TokenizationResponse>(v, "tokenize", Kind::Response);
        }},
    /* 11 */
    {"detokenize",
        [](const QJsonValue &v) {
            roundTrip<DetokenizationResponse>(v, "detokenize", Kind::Response);
        }},
    /* 12 */
    {"evaluate",
        [](const QJsonValue &v) {
            roundTrip<EvaluationResponse>(v, "evaluate", Kind::Response);
        }},
    /* 13 */
    {"translate",
        [](const QJsonValue &v) {
            roundTrip<TranslationResponse>(v, "translate", Kind::Response);
        }},
    /* 14 */
    {"rerank",
        [](const QJsonValue &v) {
            roundTrip<RerankResponse>(v, "rerank", Kind::Response);
        }},
    /* 15 */
    {"steering_concepts",
        [](const QJsonValue &v) {
            roundTrip<CreateSteeringConceptResponse>(v, "steering_concepts", Kind::Response);
        }},
    /* 16 */
    {"model-settings",
        [](const QJsonValue &v) {
            if (const auto r
                = roundTrip<ModelSettingsResponse>(v, "model-settings", Kind::Response)) {
                const QList<ChatMessage> chat{
                    ChatMessage::fromText(QStringLiteral("system"), QStringLiteral("Be brief.")),
                    ChatMessage::fromText(
                        QStringLiteral("user"), QStringLiteral("Hi {{ message.role }} \\1"))};
                for (const ModelSettings &m : r->models)
                    (void)renderChatPrompt(m.promptTemplate.value_or(QString()), chat);
            }
        }},
    /* 17 */
    {"models_available",
        [](const QJsonValue &v) {
            roundTrip<ModelsAvailableResponse>(v, "models_available", Kind::Response);
        }},
    /* 18 */
    {"users/me",
        [](const QJsonValue &v) {
            roundTrip<UserDetail>(v, "users/me", Kind::Response);
        }},
    /* 19 */ {"error body", nullptr}, // raw bytes, see errorBody()
    /* 20 */
    {"complete request",
        [](const QJsonValue &v) {
            request<CompletionRequest>(v, "complete");
        }},
    /* 21 */
    {"chat request",
        [](const QJsonValue &v) {
            request<ChatRequest>(v, "chat/completions");
        }},
    /* 22 */
    {"explain request",
        [](const QJsonValue &v) {
            request<ExplanationRequest>(v, "explain");
        }},
    /* 23 */
    {"evaluate request",
        [](const QJsonValue &v) {
            request<EvaluationRequest>(v, "evaluate");
        }},
    /* 24 */
    {"semantic_embed request",
        [](const QJsonValue &v) {
            request<SemanticEmbeddingRequest>(v, "semantic_embed");
        }},
    /* 25 */
    {"batch_semantic_embed request",
        [](const QJsonValue &v) {
            request<BatchSemanticEmbeddingRequest>(v, "batch_semantic_embed");
        }},
    /* 26 */
    {"instructable_embed request",
        [](const QJsonValue &v) {
            request<InstructableEmbeddingRequest>(v, "instructable_embed");
        }},
    /* 27 */
    {"embed request",
        [](const QJsonValue &v) {
            request<EmbeddingRequest>(v, "embed");
        }},
    /* 28 */
    {"embeddings request",
        [](const QJsonValue &v) {
            request<EmbeddingV2Request>(v, "embeddings");
        }},
    /* 29 */
    {"translate request",
        [](const QJsonValue &v) {
            request<TranslationRequest>(v, "translate");
        }},
    /* 30 */
    {"rerank request",
        [](const QJsonValue &v) {
            request<RerankRequest>(v, "rerank");
        }},
    /* 31 */
    {"steering_concepts request",
        [](const QJsonValue &v) {
            request<CreateSteeringConceptRequest>(v, "steering_concepts");
        }},
    /* 32 */
    {"tokenize request",
        [](const QJsonValue &v) {
            request<TokenizationRequest>(v, "tokenize");
        }},
    /* 33 */
    {"detokenize request",
        [](const QJsonValue &v) {
            request<DetokenizationRequest>(v, "detokenize");
        }},
    /* 34 */
    {"gradient embeddings request",
        [](const QJsonValue &v) {
            request<GradientEmbeddingsRequest>(v, "gradient embeddings");
        }},
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const Type &type = kTypes[data[0] % std::size(kTypes)];
    const QByteArray body(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    if (!type.run) {
        errorBody(body);
        return 0;
    }
    QString error;
    const std::optional<QJsonValue> json = json::parseDocument(body, &error);
    if (!json) {
        FUZZ_CHECK(!error.isEmpty(), QStringLiteral("parseDocument failed without a message"));
        return 0;
    }
    type.run(*json);
    return 0;
}
