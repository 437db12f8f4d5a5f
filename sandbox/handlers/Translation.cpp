// SPDX-License-Identifier: MIT
// POST /translate.
#include "sandbox/Cancellation.h"
#include "sandbox/Translator.h"
#include "sandbox/handlers/Handlers.h"

using namespace Qt::StringLiterals;

namespace sandbox {

Reply handleTranslate(const Services &services, const Prepared<core::TranslationRequest> &prepared)
{
    const core::TranslationRequest &r = prepared.request;
    const QString language = r.targetLanguage.trimmed().toLower();
    if (!core::translationLanguageCodes().contains(language))
        return badRequest(
            u"translate: field \"target_language\": \"%1\" is not a supported language; use one of %2"_s
                .arg(r.targetLanguage, core::translationLanguageCodes().join(u", "_s)));
    core::TranslationResponse response = translate(r.source, language);
    if (cancelled())
        return cancelledReply();
    response.numTokensPromptTotal = int(services.model.tokenizer().encode(r.source).size());
    response.numTokensGenerated = 0;
    return Reply::json(response.toJson());
}

} // namespace sandbox
