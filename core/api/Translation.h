// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Json.h"

#include <optional>

namespace core {

/// Body of `POST /translate` (spec: TranslationRequest; reference/API-ENDPOINTS.md §5). All three
/// fields are required.
struct TranslationRequest : json::RequestBody<TranslationRequest>
{
    static constexpr QLatin1String kRoot{"translate"};
    QString model; ///< e.g. "pharia-1-mt-translation"
    QString source; ///< the text to translate
    QString targetLanguage; ///< "target_language": ISO 639 code, e.g. "de"
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// One translated segment (spec: TranslationSegment).
struct TranslationSegment
{
    QString source;
    QString translation;
    double score = 0; ///< quality estimate 0..1
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// Response of `POST /translate` (spec: TranslationResponse, the only member of the 200 oneOf).
struct TranslationResponse : json::ResponseBody<TranslationResponse>
{
    static constexpr QLatin1String kRoot{"translate response"};
    QString translation;
    std::optional<double> score; ///< quality estimate 0..1 of the whole text
    std::optional<QList<TranslationSegment>> segments; ///< null when the server gives none
    std::optional<int> numTokensPromptTotal;
    std::optional<int> numTokensGenerated; ///< 0 for translation models
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// ISO 639-1 codes the Translation tab offers (the spec's examples "en", "de", "fr" and the other
/// official EU languages, then widely used ones). The spec points to a `/languages` endpoint that
/// it does not define, so the server stays the judge: any code can be typed, and the sandbox
/// accepts exactly these.
QStringList translationLanguageCodes();

} // namespace core
