// SPDX-License-Identifier: MIT
// POST /tokenize and /detokenize.
#include "sandbox/handlers/Handlers.h"

using namespace Qt::StringLiterals;

namespace sandbox {

Reply handleTokenize(const Services &services, const Prepared<core::TokenizationRequest> &prepared)
{
    const core::TokenizationRequest &r = prepared.request;
    core::TokenizationResponse response;
    const QList<qint64> ids = services.model.tokenizer().encodeIds(r.prompt);
    if (r.tokens) {
        QStringList tokens;
        for (const qint64 id : ids)
            tokens.append(services.model.tokenizer().displayForm(id));
        response.tokens = tokens;
    }
    if (r.tokenIds)
        response.tokenIds = ids;
    return Reply::json(response.toJson());
}

Reply handleDetokenize(
    const Services &services, const Prepared<core::DetokenizationRequest> &prepared)
{
    QString error;
    const std::optional<QString> text
        = services.model.tokenizer().decode(prepared.request.tokenIds, &error);
    if (!text)
        return badRequest(u"detokenize: field \"token_ids\": %1"_s.arg(error));
    core::DetokenizationResponse response;
    response.result = *text;
    return Reply::json(response.toJson());
}

} // namespace sandbox
