// SPDX-License-Identifier: MIT
#include "core/api/Translation.h"

using namespace Qt::StringLiterals;

namespace core {

void TranslationRequest::read(json::Reader &r)
{
    r.required(u"model"_s, model);
    r.required(u"source"_s, source);
    r.required(u"target_language"_s, targetLanguage);
    if (!r.failed() && r.context().mode == json::Mode::Strict && targetLanguage.trimmed().isEmpty())
        r.context()
            .child(u"target_language"_s)
            .fail(u"empty; give an ISO 639 code such as \"de\""_s);
}

void TranslationRequest::write(json::Writer &w) const
{
    w.put(u"model"_s, model);
    w.put(u"source"_s, source);
    w.put(u"target_language"_s, targetLanguage);
}

void TranslationSegment::read(json::Reader &r)
{
    r.required(u"source"_s, source);
    r.required(u"translation"_s, translation);
    r.required(u"score"_s, score);
}

void TranslationSegment::write(json::Writer &w) const
{
    w.put(u"source"_s, source);
    w.put(u"translation"_s, translation);
    w.put(u"score"_s, score);
}

void TranslationResponse::read(json::Reader &r)
{
    r.required(u"translation"_s, translation);
    r.optional(u"score"_s, score);
    r.optional(u"segments"_s, segments);
    r.optional(u"num_tokens_prompt_total"_s, numTokensPromptTotal);
    r.optional(u"num_tokens_generated"_s, numTokensGenerated);
}

void TranslationResponse::write(json::Writer &w) const
{
    w.put(u"translation"_s, translation);
    w.put(u"score"_s, score);
    w.put(u"segments"_s, segments);
    w.put(u"num_tokens_prompt_total"_s, numTokensPromptTotal);
    w.put(u"num_tokens_generated"_s, numTokensGenerated);
}

QStringList translationLanguageCodes()
{
    return {QStringLiteral("en"),
        QStringLiteral("de"),
        QStringLiteral("fr"),
        QStringLiteral("es"),
        QStringLiteral("it"),
        QStringLiteral("nl"),
        QStringLiteral("pt"),
        QStringLiteral("pl"),
        QStringLiteral("cs"),
        QStringLiteral("da"),
        QStringLiteral("sv"),
        QStringLiteral("fi"),
        QStringLiteral("et"),
        QStringLiteral("lv"),
        QStringLiteral("lt"),
        QStringLiteral("el"),
        QStringLiteral("hu"),
        QStringLiteral("ro"),
        QStringLiteral("bg"),
        QStringLiteral("hr"),
        QStringLiteral("sk"),
        QStringLiteral("sl"),
        QStringLiteral("ga"),
        QStringLiteral("mt"),
        QStringLiteral("nb"),
        QStringLiteral("uk"),
        QStringLiteral("ru"),
        QStringLiteral("tr"),
        QStringLiteral("ar"),
        QStringLiteral("zh"),
        QStringLiteral("ja"),
        QStringLiteral("ko")};
}

} // namespace core
