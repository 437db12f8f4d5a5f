// SPDX-License-Identifier: MIT
// alephctl tokenizer MODEL [-o FILE]: GET /models/{modelName}/tokenizer, the model's Hugging Face
// tokenizer.json. Without -o the JSON goes to stdout (one line); with -o it is written to FILE and
// stdout says what it is: "MODEL<TAB>TYPE<TAB>TOKENS<TAB>FILE".
#include "app/alephctl/Cli.h"
#include "app/alephctl/Command.h"

#include <QJsonDocument>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace alephctl {

int tokenizerCommand(QCoreApplication &app, core::ApiClient &client, const QStringList &args)
{
    QString model;
    QString file;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == u"-o"_s || arg == u"--output"_s) {
            if (i + 1 >= args.size())
                return usage(u"%1 needs a FILE"_s.arg(arg));
            file = args.at(++i);
        } else if (arg.startsWith(u'-') && arg.size() > 1) {
            return usage(u"tokenizer: unknown option %1"_s.arg(arg));
        } else if (model.isEmpty()) {
            model = arg;
        } else {
            return usage(u"tokenizer takes one MODEL"_s);
        }
    }
    if (model.isEmpty())
        return usage(u"tokenizer needs a MODEL"_s);
    int written = Ok;
    const int code = runJob(app, client.modelTokenizer(model), [&](core::ModelTokenizerJob *j) {
        const QByteArray json
            = QJsonDocument(j->result().toJson()).toJson(QJsonDocument::Compact) + '\n';
        if (file.isEmpty()) {
            out(json);
            return;
        }
        QSaveFile save(file);
        if (!save.open(QIODevice::WriteOnly) || save.write(json) != json.size() || !save.commit()) {
            err(u"cannot write %1: %2"_s.arg(file, save.errorString()));
            written = Usage;
            return;
        }
        out((model + u'\t' + j->result().modelType() + u'\t'
                + QString::number(j->result().vocabularySize()) + u'\t' + file)
                .toUtf8()
            + '\n');
    });
    return code != Ok ? code : written;
}

} // namespace alephctl
