// SPDX-License-Identifier: MIT
// alephctl: the command-line client on the same core as the GUI. Its command line is a contract
// used by checks outside the project (issue #2): keep options, output and exit codes exact.
#include "core/api/Endpoints.h"
#include "core/net/ApiClient.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

enum Exit { Ok = 0, Usage = 2, ApiFailure = 3, NetworkFailure = 4 };

const char *kUsage =
    "usage: alephctl [--host URL] [--token TOKEN] [--hosting aleph-alpha] [--nice]\n"
    "                [--timeout SECONDS] [--retries N] COMMAND ...\n"
    "commands:\n"
    "  request ENDPOINT [FILE|-]   send a JSON body in the API's format (GET endpoints take none)\n"
    "  complete -m MODEL [--maximum-tokens N] [--temperature T] [--stream] PROMPT\n"
    "  chat -m MODEL [--system TEXT] [--stream] MESSAGE\n"
    "  models                      list the models of GET /model-settings\n"
    "The token comes from --token, else the environment variable AA_TOKEN; the host from --host,\n"
    "else AA_HOST, else https://api.aleph-alpha.com.\n"
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

/// Runs `job` to its end and returns the exit code; `onSuccess` prints the result.
template<class Job, class Fn>
int runJob(QCoreApplication &app, Job *job, Fn onSuccess)
{
    int code = Ok;
    QObject::connect(job, &core::ApiJob::finished, &app, [&app, job, &code, onSuccess] {
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
        } else if (a == u"--hosting"_s) {
            if (!value(&v) || v != u"aleph-alpha"_s)
                return usage(u"--hosting takes \"aleph-alpha\""_s);
            g->config.hosting = v;
        } else if (a == u"--nice"_s) {
            g->config.nice = true;
        } else if (a == u"--timeout"_s) {
            bool ok = false;
            const double seconds = value(&v) ? v.toDouble(&ok) : 0;
            if (!ok || seconds <= 0)
                return usage(u"--timeout takes a positive number of seconds"_s);
            g->config.transferTimeoutMs = int(seconds * 1000);
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
            if (r.isArray())
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
    QMap<QString, QString> options;
    QStringList words;
};

int parseFriendly(const QStringList &args, const QStringList &valued, Friendly *f)
{
    for (int i = 1; i < args.size(); ++i) {
        const QString a = args.at(i);
        if (a == u"-m"_s || a == u"--model"_s) {
            if (++i >= args.size())
                return usage(a + u" needs a model name"_s);
            f->model = args.at(i);
        } else if (a == u"--stream"_s) {
            f->stream = true;
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
    if (f->words.isEmpty())
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
        if (!ok || *request.temperature < 0)
            return usage(u"--temperature takes a number ≥ 0"_s);
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
    const QString command = g.rest.first();
    if (command == u"request"_s)
        return cmdRequest(app, client, g.rest);
    if (command == u"complete"_s)
        return cmdComplete(app, client, g.rest);
    if (command == u"chat"_s)
        return cmdChat(app, client, g.rest);
    if (command == u"models"_s)
        return cmdModels(app, client, g.rest);
    return usage(u"unknown command \""_s + command + u'"');
}
