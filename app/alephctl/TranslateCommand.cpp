// SPDX-License-Identifier: MIT
// alephctl translate -m MODEL --to LANG [--segments] TEXT: the translation, then with --segments
// one line per segment: source, translation, score.
#include "app/alephctl/Cli.h"
#include "app/alephctl/Command.h"

using namespace Qt::StringLiterals;

namespace alephctl {

int translateCommand(QCoreApplication &app, core::ApiClient &client, const QStringList &args)
{
    Friendly f;
    if (int rc = parseFriendly(args, {u"--to"_s}, &f, {u"--segments"_s}))
        return rc;
    core::TranslationRequest request;
    request.model = f.model;
    request.source = f.words.join(u' ');
    request.targetLanguage = f.options.value(u"--to"_s);
    if (request.targetLanguage.isEmpty())
        return usage(u"translate: --to LANG is required (e.g. de)"_s);
    QString error;
    if (!core::TranslationRequest::fromJson(request.toJson(), &error)) {
        err(error);
        return Usage;
    }
    const bool segments = f.flags.contains(u"--segments"_s);
    return runJob(app, client.translate(request), [segments](core::TranslationJob *j) {
        const core::TranslationResponse &r = j->result();
        out(r.translation.toUtf8() + '\n');
        if (segments) {
            for (const core::TranslationSegment &s :
                r.segments.value_or(QList<core::TranslationSegment>()))
                out((s.source + u'\t' + s.translation + u'\t' + QString::number(s.score)).toUtf8()
                    + '\n');
        }
    });
}

} // namespace alephctl
