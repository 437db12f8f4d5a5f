// SPDX-License-Identifier: MIT
// GET /model-settings, /models_available, /models/{modelName}/tokenizer, /users/me and /version.
#include "core/api/Models.h"

#include "sandbox/HuggingFaceTokenizer.h"
#include "sandbox/handlers/Handlers.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace sandbox {

Reply handleModelSettings(const Services &services)
{
    core::ModelSettingsResponse response;
    for (const SandboxModel &m : services.models.models())
        response.models.append(m.settings);
    return Reply::json(response.toJson());
}

Reply handleModelsAvailable(const Services &services)
{
    core::ModelsAvailableResponse response;
    for (const SandboxModel &m : services.models.models()) {
        core::ModelAvailable available;
        available.name = m.name();
        available.description = m.settings.description;
        available.hostings = QStringList{u"aleph-alpha"_s};
        available.maxContextSize = qint64(m.settings.maxContextSize.value_or(0));
        available.imageSupport = m.settings.multimodal.value_or(false);
        available.qaSupport = false; // the Q&A and summarization endpoints are gone from the API
        available.summarizationSupport = false;
        // In /model-settings' words for what each serves (the recordings show no values).
        QStringList embeddingTypes;
        if (m.hiddenSize > 0)
            embeddingTypes.append(u"raw"_s);
        if (m.settings.embeddingType == u"semantic"_s
            || m.settings.embeddingType == u"instructable"_s)
            embeddingTypes.append(*m.settings.embeddingType);
        available.embeddingTypes = embeddingTypes;
        if (m.settings.maximumCompletionTokens)
            available.maximumCompletionTokens = qint64(*m.settings.maximumCompletionTokens);
        available.aligned = m.settings.aligned.value_or(false);
        response.models.append(available);
    }
    return Reply::json(response.toJson());
}

Reply handleUserDetail(const Services &)
{
    core::UserDetail user;
    user.id = 1;
    user.email = u"sandbox@localhost"_s;
    user.role = u"Client"_s;
    user.creditsRemaining = 0.0; // the legacy constants the spec still requires
    user.invoiceAllowed = false;
    user.outOfCreditsThreshold = 0;
    user.termsOfServiceVersion = u"sandbox"_s;
    return Reply::json(user.toJson());
}

Reply handleVersion(const Services &)
{
    return Reply::text(kSandboxApiVersion.toByteArray());
}

Reply handleModelTokenizer(const Services &services, const QString &endpoint)
{
    // "models/<name>/tokenizer": Routes only sends paths of that shape.
    const QString name = QUrl::fromPercentEncoding(endpoint.section(u'/', 1, 1).toUtf8());
    if (!services.models.find(name))
        return Reply::error(404,
            u"models/%1/tokenizer: unknown model \"%1\"; the sandbox serves: %2"_s.arg(
                name, services.models.names().join(u", "_s)),
            u"NOT_FOUND"_s);
    // Every model shares the one Tokenizer; its file (about 7.5 MB) is made once, on first use.
    static const QByteArray json = huggingFaceTokenizerJson(services.model.tokenizer());
    Reply reply;
    reply.body = json;
    return reply;
}

} // namespace sandbox
