// SPDX-License-Identifier: MIT
// alephctl complete -m MODEL [--maximum-tokens N] [--temperature T] [--stream] PROMPT: each
// completion on its own line, or the streamed text as it arrives.
#include "app/alephctl/Cli.h"
#include "app/alephctl/Command.h"

using namespace Qt::StringLiterals;

namespace alephctl {

int completeCommand(QCoreApplication &app, core::ApiClient &client, const QStringList &args)
{
    Friendly f;
    if (int rc = parseFriendly(args, {u"--maximum-tokens"_s, u"--temperature"_s}, &f))
        return rc;
    core::CompletionRequest request = core::CompletionRequest::withClientDefaults(
        f.model, core::Prompt::fromText(f.words.join(u' ')));
    bool ok = true;
    if (f.options.contains(u"--maximum-tokens"_s)) {
        request.maximumTokens = f.options.value(u"--maximum-tokens"_s).toInt(&ok);
        if (!ok || *request.maximumTokens < 0)
            return usage(u"--maximum-tokens takes a whole number ≥ 0"_s);
    }
    if (f.options.contains(u"--temperature"_s)) {
        request.temperature = f.options.value(u"--temperature"_s).toDouble(&ok);
        if (!ok || !(*request.temperature >= 0 && *request.temperature <= 100))
            return usage(u"--temperature takes a number from 0 to 100"_s);
    }
    if (f.stream) {
        auto *job = client.completeStreaming(request);
        QObject::connect(
            job, &core::CompletionStreamJob::textReceived, &app, [](int, const QString &t) {
                out(t.toUtf8());
            });
        return runJob(app, job, [](core::CompletionStreamJob *) { out("\n"); });
    }
    return runJob(app, client.complete(request), [](core::CompletionJob *j) {
        for (const core::CompletionResult &r : j->result().completions)
            out(r.completion.value_or(QString()).toUtf8() + '\n');
    });
}

} // namespace alephctl
