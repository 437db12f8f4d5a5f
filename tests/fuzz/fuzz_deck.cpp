// SPDX-License-Identifier: MIT
// Fuzz target of the demo deck reader (core/presenter/DemoDeck.h): the bytes of a deck file a
// user opens, possibly from someone else (issue 24).
//
// Properties:
//  - Bytes that are not UTF-8 text, not JSON or not an object never reach DemoDeck::fromJson.
//  - DemoDeck::fromJson either fails with a message or gives a deck whose steps all name a known
//    tab, whose recordings are Succeeded runs of the step's tab with a non-empty endpoint and
//    token counts of at least −1.
//  - A deck that reads writes back (toJson) to JSON that reads again to the same JSON: a saved
//    deck opens as it was saved.

#include "core/presenter/DemoDeck.h"
#include "core/util/TextFile.h"
#include "tests/fuzz/FuzzCheck.h"

#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

using namespace core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QString text;
    if (!decodeText(bytes, &text, nullptr))
        return 0;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    if (!doc.isObject())
        return 0;
    QString error;
    const std::optional<DemoDeck> deck = DemoDeck::fromJson(doc.object(), &error);
    if (!deck) {
        FUZZ_CHECK(!error.isEmpty(), QStringLiteral("fromJson failed without a message"));
        return 0;
    }
    for (const DeckStep &step : deck->steps) {
        FUZZ_CHECK(DemoDeck::tabKeys().contains(step.tab), fuzz::excerpt(step.tab));
        if (step.recording) {
            FUZZ_CHECK(step.recording->tab == step.tab, QStringLiteral("recording of another tab"));
            FUZZ_CHECK(step.recording->status == RunStatus::Succeeded, QStringLiteral("status"));
            FUZZ_CHECK(!step.recording->endpoint.isEmpty(), QStringLiteral("empty endpoint"));
            FUZZ_CHECK(step.recording->promptTokens >= -1 && step.recording->completionTokens >= -1,
                QStringLiteral("token counts"));
        }
    }
    const QJsonObject written = deck->toJson();
    QString error2;
    const std::optional<DemoDeck> again = DemoDeck::fromJson(written, &error2);
    FUZZ_CHECK(again.has_value(), QStringLiteral("a written deck does not read: %1").arg(error2));
    FUZZ_CHECK(again->toJson() == written,
        QStringLiteral("the deck changes on a second round trip: %1")
            .arg(fuzz::excerpt(QJsonDocument(written).toJson(QJsonDocument::Compact), 300)));
    const QJsonDocument reparsed
        = QJsonDocument::fromJson(QJsonDocument(written).toJson(QJsonDocument::Compact));
    FUZZ_CHECK(reparsed.object() == written, QStringLiteral("the written text reads differently"));
    return 0;
}
