// SPDX-License-Identifier: MIT
// alephctl chat -m MODEL [--system TEXT] [--stream] MESSAGE: the first choice's answer, or its
// streamed text as it arrives.
#include "app/alephctl/Cli.h"
#include "app/alephctl/Command.h"

using namespace Qt::StringLiterals;

namespace alephctl {

int chatCommand(QCoreApplication &app, core::ApiClient &client, const QStringList &args)
{
    Friendly f;
    if (int rc = parseFriendly(args, {u"--system"_s}, &f))
        return rc;
    core::ChatRequest request;
    request.model = f.model;
    if (f.options.contains(u"--system"_s))
        request.messages.append(
            core::ChatMessage::fromText(u"system"_s, f.options.value(u"--system"_s)));
    request.messages.append(core::ChatMessage::fromText(u"user"_s, f.words.join(u' ')));
    if (f.stream) {
        auto *job = client.chatStreaming(request);
        QObject::connect(
            job, &core::ChatStreamJob::deltaReceived, &app, [](int index, const QString &t) {
                if (index == 0)
                    out(t.toUtf8());
            });
        return runJob(app, job, [](core::ChatStreamJob *) { out("\n"); });
    }
    return runJob(app, client.chat(request), [](core::ChatJob *j) {
        const auto &choices = j->result().choices;
        if (!choices.isEmpty() && choices.first().message)
            out(choices.first().message->text().toUtf8() + '\n');
    });
}

} // namespace alephctl
