// SPDX-License-Identifier: MIT
// Fuzz target of the simdjson path of answer bodies (core/api/FastJson.h) against the
// QJsonDocument path, the reference. The first byte picks the answer type with the selector
// numbers of fuzz_responses.cpp (so its seeds of these types serve here too; other numbers are
// skipped); the rest is the body.
//
// Properties:
//  - Nothing crashes or hangs, whatever the bytes.
//  - json::readBody (simdjson, or the reference path where simdjson refuses the bytes) gives what
//    json::readReference gives: both fail with the same message, or both succeed with the same
//    typed answer (compared through toJson(), numbers by value).
//  - Where simdjson takes the bytes, json::readFast alone gives the same.

#include "core/api/Completion.h"
#include "core/api/Embedding.h"
#include "core/api/Evaluation.h"
#include "core/api/Explanation.h"
#include "core/api/FastJson.h"
#include "core/api/Gradient.h"
#include "core/api/Tokenization.h"
#include "tests/fuzz/FuzzCheck.h"

#include <cstddef>
#include <cstdint>

using namespace core;

namespace {

template<class T>
void compare(const QByteArray &body)
{
    QString fastError;
    bool usable = false;
    const std::optional<T> fast = json::readFast<T>(body, &usable, &fastError);
    QString referenceError;
    const std::optional<T> reference = json::readReference<T>(body, &referenceError);
    QString bodyError;
    const std::optional<T> viaBody = json::readBody<T>(body, &bodyError);

    FUZZ_CHECK(viaBody.has_value() == reference.has_value() && bodyError == referenceError,
        QStringLiteral("readBody: \"%1\"; reference: \"%2\"; body %3")
            .arg(bodyError, referenceError, fuzz::excerpt(body)));
    if (viaBody) {
        const QString d = json::firstDifference(viaBody->toJson(), reference->toJson());
        FUZZ_CHECK(d.isEmpty(),
            QStringLiteral("readBody and reference differ at %1; body %2")
                .arg(d, fuzz::excerpt(body)));
    }
    if (!usable)
        return;
    FUZZ_CHECK(fast.has_value() == reference.has_value() && fastError == referenceError,
        QStringLiteral("simdjson: \"%1\"; reference: \"%2\"; body %3")
            .arg(fastError, referenceError, fuzz::excerpt(body)));
    if (fast) {
        const QString d = json::firstDifference(fast->toJson(), reference->toJson());
        FUZZ_CHECK(d.isEmpty(),
            QStringLiteral("simdjson and reference differ at %1; body %2")
                .arg(d, fuzz::excerpt(body)));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray body(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    // fuzz_responses.cpp's kTypes numbers (tests/fuzz/make-corpus.py RESPONSE).
    switch (data[0] % 35) {
    case 0:
        compare<CompletionResponse>(body);
        break;
    case 4:
        compare<ExplanationResponse>(body);
        break;
    case 5:
        compare<SemanticEmbeddingResponse>(body);
        break;
    case 6:
        compare<BatchSemanticEmbeddingResponse>(body);
        break;
    case 7:
        compare<EmbeddingResponse>(body);
        break;
    case 8:
        compare<EmbeddingV2Response>(body);
        break;
    case 9:
        compare<GradientEmbeddingsResponse>(body);
        break;
    case 10:
        compare<TokenizationResponse>(body);
        break;
    case 12:
        compare<EvaluationResponse>(body);
        break;
    default:
        break;
    }
    return 0;
}
