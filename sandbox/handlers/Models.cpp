// SPDX-License-Identifier: MIT
// GET /model-settings, /models_available, /users/me and /version.
#include "sandbox/handlers/Handlers.h"

#include "core/api/Models.h"

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
    return Reply::text("1.0.0-sandbox");
}

} // namespace sandbox
