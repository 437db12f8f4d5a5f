// SPDX-License-Identifier: MIT
// alephctl models: one line per model of GET /model-settings: name, status, capabilities.
#include "app/alephctl/Cli.h"
#include "app/alephctl/Command.h"

using namespace Qt::StringLiterals;

namespace alephctl {

int modelsCommand(QCoreApplication &app, core::ApiClient &client, const QStringList &args)
{
    if (args.size() != 1)
        return usage(u"models takes no arguments"_s);
    return runJob(app, client.modelSettings(), [](core::ModelSettingsJob *j) {
        for (const core::ModelSettings &m : j->result().models) {
            QStringList caps;
            if (m.supportsCompletion())
                caps << u"complete"_s;
            if (m.supportsChat())
                caps << u"chat"_s;
            if (m.embeddingType && *m.embeddingType != u"none"_s)
                caps << u"embed:"_s + *m.embeddingType;
            if (m.multimodal.value_or(false))
                caps << u"images"_s;
            out((m.name + u'\t' + m.status.value_or(u"-"_s) + u'\t' + caps.join(u',')).toUtf8()
                + '\n');
        }
    });
}

} // namespace alephctl
