// SPDX-License-Identifier: MIT
#include "app/alephctl/Cli.h"

#include <QFile>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace alephctl {

const char *const kUsage
    = "usage: alephctl [--host URL] [--token-stdin] [--hosting aleph-alpha] [--nice]\n"
      "                [--timeout SECONDS] [--retries N] COMMAND ...\n"
      "commands:\n"
      "  request ENDPOINT [FILE|-]   send a JSON body in the API's format (GET endpoints take "
      "none)\n"
      "  complete -m MODEL [--maximum-tokens N] [--temperature T] [--stream] PROMPT\n"
      "  chat -m MODEL [--system TEXT] [--stream] MESSAGE\n"
      "  models                      list the models of GET /model-settings\n"
      "  explain -m MODEL --target TEXT [--granularity "
      "token|word|sentence|paragraph|custom:DELIM]\n"
      "          [--target-granularity complete|token] [--postprocessing none|absolute|square]\n"
      "          [--normalize] [--image FILE]... PROMPT\n"
      "                              one line per scored segment: target, item, segment, score\n"
      "  embed -m MODEL [--representation symmetric|document|query] [--compress-to-size 128]\n"
      "        [--normalize] [--batch-size N] [--parallel K] [TEXT...|--file FILE|-]\n"
      "                              texts are the arguments, else one per line of FILE or stdin\n"
      "                              (blank lines skipped); one JSON array of floats per text\n"
      "  translate -m MODEL --to LANG [--segments] TEXT\n"
      "  tokenizer MODEL [-o FILE]   the model's Hugging Face tokenizer.json, to stdout or to "
      "FILE\n"
      "                              (then one line: model, tokenizer type, tokens, FILE)\n"
      "  test FILE [--version V]... [--model M]... [--concurrency K] [--embedding-model M]\n"
      "                              run a saved test set: one JSON line per cell, then a "
      "summary;\n"
      "                              exit 1 when a check fails\n"
      "The token: set the environment variable AA_TOKEN, or pass --token-stdin and give it as the\n"
      "first line of standard input. (--token TOKEN works too, but every user of this computer "
      "can\n"
      "read it in the process list.) The host comes from --host, else AA_HOST, else\n"
      "https://api.aleph-alpha.com. Retries are announced on standard error.\n"
      "--version prints \"alephctl VERSION\", --help this text.\n"
      "exit status: 0 success, 1 a test check failed, 2 usage error or invalid request,\n"
      "3 the API answered with an error, 4 network failure, timeout or TLS failure\n";

void out(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

void err(const QString &message)
{
    const QByteArray bytes = "alephctl: " + message.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}

int usage(const QString &message)
{
    if (!message.isEmpty())
        err(message);
    std::fputs(kUsage, stderr);
    return Usage;
}

int exitCodeFor(const core::ApiError &error)
{
    switch (error.kind) {
    case core::ApiError::Kind::None:
        return Ok;
    case core::ApiError::Kind::InvalidRequest:
        return Usage;
    case core::ApiError::Kind::Network:
    case core::ApiError::Kind::Tls:
    case core::ApiError::Kind::Interrupted:
        return NetworkFailure;
    case core::ApiError::Kind::Timeout:
        return error.httpStatus > 0 ? ApiFailure : NetworkFailure;
    default:
        return ApiFailure;
    }
}

int openInput(const QString &file, QFile *in)
{
    const bool opened = file == u"-"_s ? in->open(stdin, QIODevice::ReadOnly)
                                       : (in->setFileName(file), in->open(QIODevice::ReadOnly));
    if (!opened)
        return usage(u"cannot read %1: %2"_s.arg(file, in->errorString()));
    return Ok;
}

int parseFriendly(
    const QStringList &args, const QStringList &valued, Friendly *f, const QStringList &flags)
{
    for (int i = 1; i < args.size(); ++i) {
        const QString a = args.at(i);
        if (a == u"-m"_s || a == u"--model"_s) {
            if (++i >= args.size())
                return usage(a + u" needs a model name"_s);
            f->model = args.at(i);
        } else if (a == u"--stream"_s) {
            f->stream = true;
        } else if (flags.contains(a)) {
            f->flags.append(a);
        } else if (a == u"--image"_s && valued.contains(a)) {
            if (++i >= args.size())
                return usage(a + u" needs a file"_s);
            f->images.append(args.at(i));
        } else if (valued.contains(a)) {
            if (++i >= args.size())
                return usage(a + u" needs a value"_s);
            f->options.insert(a, args.at(i));
        } else if (a.startsWith(u"--"_s)) {
            return usage(u"unknown option "_s + a);
        } else {
            f->words.append(a);
        }
    }
    if (f->model.isEmpty())
        return usage(args.first() + u": -m MODEL is required"_s);
    if (f->words.isEmpty() && !f->wordsOptional)
        return usage(args.first() + u": no text given"_s);
    return Ok;
}

} // namespace alephctl
