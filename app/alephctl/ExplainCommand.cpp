// SPDX-License-Identifier: MIT
// alephctl explain -m MODEL --target TEXT [...] PROMPT: one line per scored segment (target, item,
// segment, score), with the prompt's images in front of its text.
#include "app/alephctl/Cli.h"
#include "app/alephctl/Command.h"
#include "core/api/ImageFile.h"

using namespace Qt::StringLiterals;

namespace alephctl {

int explainCommand(QCoreApplication &app, core::ApiClient &client, const QStringList &args)
{
    Friendly f;
    if (int rc = parseFriendly(args,
            {u"--target"_s,
                u"--granularity"_s,
                u"--target-granularity"_s,
                u"--postprocessing"_s,
                u"--image"_s},
            &f,
            {u"--normalize"_s}))
        return rc;
    if (!f.options.contains(u"--target"_s))
        return usage(u"explain: --target TEXT is required (the completion to explain)"_s);
    core::ExplanationRequest request;
    request.model = f.model;
    for (const QString &path : std::as_const(f.images)) {
        QString error;
        const std::optional<core::PromptItem> image = core::PromptItem::fromImageFile(path, &error);
        if (!image)
            return usage(u"explain: "_s + error);
        request.prompt.items.append(*image);
    }
    request.prompt.items.append(core::PromptItem::fromText(f.words.join(u' ')));
    request.target = f.options.value(u"--target"_s);
    if (f.options.contains(u"--granularity"_s)) {
        const QString g = f.options.value(u"--granularity"_s);
        core::PromptGranularity granularity;
        if (g.startsWith(u"custom:"_s))
            granularity = core::PromptGranularity::custom(g.mid(7));
        else
            granularity.type = g;
        request.promptGranularity = granularity;
    }
    if (f.options.contains(u"--target-granularity"_s))
        request.targetGranularity = f.options.value(u"--target-granularity"_s);
    if (f.options.contains(u"--postprocessing"_s))
        request.postprocessing = f.options.value(u"--postprocessing"_s);
    if (f.flags.contains(u"--normalize"_s))
        request.normalize = true;
    QString error; // the typed checks (granularity names, custom delimiter) before sending
    if (!core::ExplanationRequest::fromJson(request.toJson(), &error)) {
        err(error);
        return Usage;
    }
    const QStringList texts = [&] {
        QStringList t;
        for (const core::PromptItem &item : std::as_const(request.prompt.items))
            t.append(item.text);
        return t;
    }();
    const std::optional<QString> target = request.target;
    return runJob(app, client.explain(request), [texts, target](core::ExplanationJob *j) {
        for (const core::Explanation &e : j->result().explanations) {
            for (qsizetype i = 0; i < e.items.size(); ++i) {
                const core::ExplanationItem &item = e.items.at(i);
                const QString where = item.type == core::ExplanationItem::Type::Target
                    ? u"target"_s
                    : item.typeName + QString::number(i);
                const QString source = item.type == core::ExplanationItem::Type::Target
                    ? target.value_or(QString())
                    : texts.value(i);
                auto line = [&](const QString &segment, double score) {
                    out((e.target + u'\t' + where + u'\t' + segment + u'\t'
                            + QString::number(score))
                            .toUtf8()
                        + '\n');
                };
                for (const core::TextScore &s : item.textScores)
                    line(core::ExplanationItem::segmentText(source, s), s.score);
                for (const core::ImageScore &s : item.imageScores)
                    line(u"rect(%1,%2,%3,%4)"_s.arg(s.rect.left)
                             .arg(s.rect.top)
                             .arg(s.rect.width)
                             .arg(s.rect.height),
                        s.score);
                for (qsizetype t = 0; t < item.tokenScores.size(); ++t)
                    line(u"token[%1]"_s.arg(t), item.tokenScores.at(t));
            }
        }
    });
}

} // namespace alephctl
