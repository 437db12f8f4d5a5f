// SPDX-License-Identifier: MIT
// alephctl: the command-line client on the same core as the GUI. Its command line is a contract
// used by checks outside the project (issue #2): keep options, output and exit codes exact.
#include "core/api/Endpoints.h"
#include "core/api/ImageFile.h"
#include "core/net/ApiClient.h"
#include "core/net/BatchEmbedder.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <cmath>
#include <cstdio>
#include <type_traits>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

enum Exit { Ok = 0, Usage = 2, ApiFailure = 3, NetworkFailure = 4 };

const char *kUsage =
    "usage: alephctl [--host URL] [--token-stdin] [--hosting aleph-alpha] [--nice]\n"
    "                [--timeout SECONDS] [--retries N] COMMAND ...\n"
    "commands:\n"
    "  request ENDPOINT [FILE|-]   send a JSON body in the API's format (GET endpoints take none)\n"
    "  complete -m MODEL [--maximum-tokens N] [--temperature T] [--stream] PROMPT\n"
    "  chat -m MODEL [--system TEXT] [--stream] MESSAGE\n"
    "  models                      list the models of GET /model-settings\n"
    "  explain -m MODEL --target TEXT [--granularity token|word|sentence|paragraph|custom:DELIM]\n"
    "          [--target-granularity complete|token] [--postprocessing none|absolute|square]\n"
    "          [--normalize] [--image FILE]... PROMPT\n"
    "                              one line per scored segment: target, item, segment, score\n"
    "  embed -m MODEL [--representation symmetric|document|query] [--compress-to-size 128]\n"
    "        [--normalize] [--batch-size N] [--parallel K] [TEXT...|--file FILE|-]\n"
    "                              texts are the arguments, else one per line of FILE or stdin\n"
    "                              (blank lines skipped); one JSON array of floats per text\n"
    "  translate -m MODEL --to LANG [--segments] TEXT\n"
    "The token: set the environment variable AA_TOKEN, or pass --token-stdin and give it as the\n"
    "first line of standard input. (--token TOKEN works too, but every user of this computer can\n"
    "read it in the process list.) The host comes from --host, else AA_HOST, else\n"
    "https://api.aleph-alpha.com. Retries are announced on standard error.\n"
    "exit status: 0 success, 2 usage error or invalid request, 3 the API answered with an error,\n"
    "4 network failure, timeout or TLS failure\n";

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

/// Runs `job` (an ApiJob or an EmbeddingBatchJob) to its end and returns the exit code;
/// `onSuccess` prints the result.
template<class Job, class Fn>
int runJob(QCoreApplication &app, Job *job, Fn onSuccess)
{
    int code = Ok;
    if constexpr (std::is_base_of_v<core::ApiJob, Job>) {
        // A wait is never silent: each retry says which it is and how long it waits.
        QObject::connect(job, &core::ApiJob::retrying, &app, [](int retry, int total, int delayMs, const core::ApiError &error) {
            err(u"retrying %1/%2 in %3 s (%4)"_s.arg(retry).arg(total).arg(delayMs / 1000.0, 0, 'f', 1).arg(error.toString()));
        });
    } else {
        QObject::connect(job, &Job::retrying, &app, [](int chunk, int retry, int total, int delayMs, const core::ApiError &error) {
            err(u"chunk %1: retrying %2/%3 in %4 s (%5)"_s.arg(chunk).arg(retry).arg(total).arg(delayMs / 1000.0, 0, 'f', 1).arg(error.toString()));
        });
    }
    QObject::connect(job, &Job::finished, &app, [&app, job, &code, onSuccess] {
        if (job->state() == core::ApiJob::State::Succeeded) {
            onSuccess(job);
        } else {
            err(job->error().toString());
            code = exitCodeFor(job->error());
        }
        app.exit(code);
    });
    app.exec();
    return code;
}

struct Global
{
    core::ClientConfig config;
    QStringList rest; // command and its arguments
};

int parseGlobal(const QStringList &args, Global *g)
{
    g->config.baseUrl = QUrl(qEnvironmentVariable("AA_HOST", u"https://api.aleph-alpha.com"_s));
    g->config.token = qEnvironmentVariable("AA_TOKEN");
    for (int i = 1; i < args.size(); ++i) {
        const QString a = args.at(i);
        auto value = [&](QString *v) {
            if (i + 1 >= args.size())
                return false;
            *v = args.at(++i);
            return true;
        };
        QString v;
        if (a == u"--help"_s || a == u"-h"_s) {
            std::fputs(kUsage, stdout);
            std::exit(Ok);
        } else if (a == u"--host"_s) {
            if (!value(&v))
                return usage(u"--host needs a URL"_s);
            g->config.baseUrl = QUrl(v);
            if (!g->config.baseUrl.isValid() || g->config.baseUrl.scheme().isEmpty())
                return usage(u"--host: not a URL: "_s + v);
        } else if (a == u"--token"_s) {
            if (!value(&v))
                return usage(u"--token needs a value"_s);
            g->config.token = v;
        } else if (a == u"--token-stdin"_s) {
            // The first line of standard input; the rest stays for the command (a body, texts).
            char line[8192];
            if (!std::fgets(line, sizeof line, stdin))
                return usage(u"--token-stdin: standard input is empty"_s);
            g->config.token = QString::fromUtf8(line).trimmed();
            if (g->config.token.isEmpty())
                return usage(u"--token-stdin: the first line of standard input is empty"_s);
        } else if (a == u"--hosting"_s) {
            if (!value(&v) || v != u"aleph-alpha"_s)
                return usage(u"--hosting takes \"aleph-alpha\""_s);
            g->config.hosting = v;
        } else if (a == u"--nice"_s) {
            g->config.nice = true;
        } else if (a == u"--timeout"_s) {
            bool ok = false;
            const double seconds = value(&v) ? v.toDouble(&ok) : 0;
            // NaN fails every comparison, so the range is checked the way round that rejects it.
            if (!ok || !(seconds > 0 && seconds <= 86400))
                return usage(u"--timeout takes a number of seconds above 0 and at most 86400 (a day)"_s);
            g->config.transferTimeoutMs = int(std::lround(seconds * 1000));
        } else if (a == u"--retries"_s) {
            bool ok = false;
            const int n = value(&v) ? v.toInt(&ok) : -1;
            if (!ok || n < 0)
                return usage(u"--retries takes a whole number ≥ 0"_s);
            g->config.retry.totalRetries = n;
        } else if (a.startsWith(u"--"_s)) {
            return usage(u"unknown option "_s + a);
        } else {
            g->rest = args.mid(i);
            return Ok;
        }
    }
    return usage(u"no command given"_s);
}

int cmdRequest(QCoreApplication &app, core::ApiClient &client, const QStringList &args)
{
    if (args.size() < 2 || args.size() > 3)
        return usage(u"request takes ENDPOINT [FILE|-]"_s);
    const QString endpoint = args.at(1);
    const core::EndpointInfo *info = core::findEndpoint(endpoint);
    if (!info)
        return usage(u"unknown endpoint \"%1\"; known: %2"_s.arg(endpoint, core::endpointNames().join(u", "_s)));
    QJsonObject body;
    if (info->isGet) {
        if (args.size() == 3)
            return usage(u"GET endpoint \"%1\" takes no FILE"_s.arg(endpoint));
    } else {
        const QString file = args.value(2, u"-"_s);
        QFile f;
        const bool opened = file == u"-"_s ? f.open(stdin, QIODevice::ReadOnly) : (f.setFileName(file), f.open(QIODevice::ReadOnly));
        if (!opened)
            return usage(u"cannot read %1: %2"_s.arg(file, f.errorString()));
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return usage(u"%1: invalid JSON at offset %2: %3"_s.arg(file).arg(parseError.offset).arg(parseError.errorString()));
        if (!doc.isObject())
            return usage(u"%1: the request body must be a JSON object"_s.arg(file));
        body = doc.object();
        QString error;
        if (!info->normalizeRequest(body, &error)) {
            err(error);
            return Usage;
        }
    }
    core::RawJob *job = client.request(endpoint, body);
    QObject::connect(job, &core::RawJob::eventReceived, &app, [](const QJsonObject &event) {
        out(QJsonDocument(event).toJson(QJsonDocument::Compact) + '\n');
    });
    return runJob(app, job, [](core::RawJob *j) {
        if (j->events().isEmpty() || !j->response().isUndefined()) {
            const QJsonValue r = j->response();
            if (r.isString())
                out(r.toString().trimmed().toUtf8() + '\n');
            else if (r.isArray())
                out(QJsonDocument(r.toArray()).toJson(QJsonDocument::Compact) + '\n');
            else if (r.isObject())
                out(QJsonDocument(r.toObject()).toJson(QJsonDocument::Compact) + '\n');
        }
    });
}

/// Parses "-m MODEL", "--stream" and valued options of the friendly forms; the rest is text.
struct Friendly
{
    QString model;
    bool stream = false;
    QMap<QString, QString> options;  ///< valued options, last one wins
    QStringList images;              ///< every --image FILE, in order
    QStringList flags;               ///< options without a value that were given
    QStringList words;
    bool wordsOptional = false;      ///< the text may come from elsewhere (embed)
};

int parseFriendly(const QStringList &args, const QStringList &valued, Friendly *f, const QStringList &flags = {})
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

int cmdComplete(QCoreApplication &app, core::ApiClient &client, const QStringList &args)
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
        QObject::connect(job, &core::CompletionStreamJob::textReceived, &app, [](int, const QString &t) {
            out(t.toUtf8());
        });
        return runJob(app, job, [](core::CompletionStreamJob *) { out("\n"); });
    }
    return runJob(app, client.complete(request), [](core::CompletionJob *j) {
        for (const core::CompletionResult &r : j->result().completions)
            out(r.completion.value_or(QString()).toUtf8() + '\n');
    });
}

int cmdChat(QCoreApplication &app, core::ApiClient &client, const QStringList &args)
{
    Friendly f;
    if (int rc = parseFriendly(args, {u"--system"_s}, &f))
        return rc;
    core::ChatRequest request;
    request.model = f.model;
    if (f.options.contains(u"--system"_s))
        request.messages.append(core::ChatMessage::fromText(u"system"_s, f.options.value(u"--system"_s)));
    request.messages.append(core::ChatMessage::fromText(u"user"_s, f.words.join(u' ')));
    if (f.stream) {
        auto *job = client.chatStreaming(request);
        QObject::connect(job, &core::ChatStreamJob::deltaReceived, &app, [](int index, const QString &t) {
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

int cmdModels(QCoreApplication &app, core::ApiClient &client, const QStringList &args)
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
            out((m.name + u'\t' + m.status.value_or(u"-"_s) + u'\t' + caps.join(u',')).toUtf8() + '\n');
        }
    });
}

int cmdExplain(QCoreApplication &app, core::ApiClient &client, const QStringList &args)
{
    Friendly f;
    if (int rc = parseFriendly(args,
                               {u"--target"_s, u"--granularity"_s, u"--target-granularity"_s,
                                u"--postprocessing"_s, u"--image"_s},
                               &f, {u"--normalize"_s}))
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
                const QString where = item.type == core::ExplanationItem::Type::Target ? u"target"_s
                                                                                        : item.typeName + QString::number(i);
                const QString source = item.type == core::ExplanationItem::Type::Target ? target.value_or(QString())
                                                                                         : texts.value(i);
                auto line = [&](const QString &segment, double score) {
                    out((e.target + u'\t' + where + u'\t' + segment + u'\t' + QString::number(score)).toUtf8() + '\n');
                };
                for (const core::TextScore &s : item.textScores)
                    line(core::ExplanationItem::segmentText(source, s), s.score);
                for (const core::ImageScore &s : item.imageScores)
                    line(u"rect(%1,%2,%3,%4)"_s.arg(s.rect.left).arg(s.rect.top).arg(s.rect.width).arg(s.rect.height), s.score);
                for (qsizetype t = 0; t < item.tokenScores.size(); ++t)
                    line(u"token[%1]"_s.arg(t), item.tokenScores.at(t));
            }
        }
    });
}

/// The texts of `embed`: the arguments, else the non-blank lines of --file FILE (or stdin).
int readTexts(const Friendly &f, QStringList *texts)
{
    if (!f.words.isEmpty()) {
        if (f.options.contains(u"--file"_s))
            return usage(u"embed: give texts as arguments or with --file, not both"_s);
        *texts = f.words;
        return Ok;
    }
    const QString file = f.options.value(u"--file"_s, u"-"_s);
    QFile in;
    const bool opened = file == u"-"_s ? in.open(stdin, QIODevice::ReadOnly)
                                       : (in.setFileName(file), in.open(QIODevice::ReadOnly));
    if (!opened)
        return usage(u"cannot read %1: %2"_s.arg(file, in.errorString()));
    const QByteArray bytes = in.readAll();
    QString text = QString::fromUtf8(bytes);
    if (text.toUtf8() != bytes)
        return usage(u"%1: not UTF-8 text"_s.arg(file));
    text.replace(u"\r\n"_s, u"\n"_s);
    for (const QString &line : text.split(u'\n')) {
        if (!line.trimmed().isEmpty())
            texts->append(line);
    }
    if (texts->isEmpty())
        return usage(u"embed: no texts in "_s + (file == u"-"_s ? u"standard input"_s : file));
    return Ok;
}

int cmdEmbed(QCoreApplication &app, core::ApiClient &client, const QStringList &args)
{
    Friendly f;
    f.wordsOptional = true;
    if (int rc = parseFriendly(args,
                               {u"--representation"_s, u"--compress-to-size"_s, u"--batch-size"_s,
                                u"--parallel"_s, u"--file"_s},
                               &f, {u"--normalize"_s}))
        return rc;
    QStringList texts;
    if (int rc = readTexts(f, &texts))
        return rc;
    // What the official client sends (reference/CLIENT-SEMANTICS.md §5.7).
    core::SemanticEmbeddingOptions options;
    options.model = f.model;
    options.normalize = f.flags.contains(u"--normalize"_s);
    options.controlLogAdditive = true;
    const QString representation = f.options.value(u"--representation"_s, u"symmetric"_s);
    const std::optional<core::Representation> r = core::representationFromString(representation);
    if (!r)
        return usage(u"--representation takes symmetric, document or query"_s);
    options.representation = *r;
    if (f.options.contains(u"--compress-to-size"_s)) {
        if (f.options.value(u"--compress-to-size"_s) != u"128"_s)
            return usage(u"--compress-to-size takes 128 (leave it out for the full size)"_s);
        options.compressToSize = core::kCompressedEmbeddingSize;
    }
    core::BatchOptions batch;
    bool ok = true;
    if (f.options.contains(u"--batch-size"_s))
        batch.chunkSize = f.options.value(u"--batch-size"_s).toInt(&ok);
    if (!ok || batch.chunkSize < 1 || batch.chunkSize > core::kMaxPromptsPerBatch)
        return usage(u"--batch-size takes 1..100"_s);
    if (f.options.contains(u"--parallel"_s))
        batch.maxInFlight = f.options.value(u"--parallel"_s).toInt(&ok);
    if (!ok || batch.maxInFlight < 1)
        return usage(u"--parallel takes a whole number ≥ 1"_s);
    QList<core::Prompt> prompts;
    prompts.reserve(texts.size());
    for (const QString &text : std::as_const(texts))
        prompts.append(core::Prompt::fromText(text));
    auto *job = new core::BatchEmbedder(&client, options, std::move(prompts), batch);
    if (isatty(STDERR_FILENO)) {
        QObject::connect(job, &core::EmbeddingBatchJob::progress, &app, [](int done, int total) {
            std::fprintf(stderr, "\ralephctl: embedded %d of %d", done, total);
            if (done == total)
                std::fputc('\n', stderr);
        });
    }
    return runJob(app, job, [](core::BatchEmbedder *j) {
        for (const core::Embedding &e : j->embeddings())
            out(QJsonDocument(core::json::toValue(e).toArray()).toJson(QJsonDocument::Compact) + '\n');
    });
}

int cmdTranslate(QCoreApplication &app, core::ApiClient &client, const QStringList &args)
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
            for (const core::TranslationSegment &s : r.segments.value_or(QList<core::TranslationSegment>()))
                out((s.source + u'\t' + s.translation + u'\t' + QString::number(s.score)).toUtf8() + '\n');
        }
    });
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"alephctl"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(ALEPH_VERSION));
    Global g;
    if (int rc = parseGlobal(QCoreApplication::arguments(), &g))
        return rc;
    QNetworkAccessManager nam;
    core::ApiClient client(&nam, g.config);
    using Command = int (*)(QCoreApplication &, core::ApiClient &, const QStringList &);
    const QMap<QString, Command> commands{
        {u"request"_s, cmdRequest},   {u"complete"_s, cmdComplete}, {u"chat"_s, cmdChat},
        {u"models"_s, cmdModels},     {u"explain"_s, cmdExplain},   {u"embed"_s, cmdEmbed},
        {u"translate"_s, cmdTranslate},
    };
    const QString command = g.rest.first();
    if (const Command run = commands.value(command))
        return run(app, client, g.rest);
    return usage(u"unknown command \""_s + command + u'"');
}
