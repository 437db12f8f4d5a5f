// SPDX-License-Identifier: MIT
// What every alephctl command shares: exit codes, the usage text, output to stdout and stderr,
// running a job to its end, and the options of the friendly commands (-m MODEL, --stream, ...).
// The command line is a contract (issue #2): keep options, output and exit codes exact.
#pragma once

#include "core/net/ApiClient.h"

#include <QCoreApplication>
#include <QMap>
#include <QStringList>

#include <type_traits>

class QFile;

namespace alephctl {

enum Exit { Ok = 0, ChecksFailed = 1, Usage = 2, ApiFailure = 3, NetworkFailure = 4 };

/// The whole usage text, printed by --help (to stdout) and after a usage error (to stderr).
extern const char *const kUsage;

/// Writes `line` (its bytes as they are) to stdout and flushes, so streamed text shows at once.
void out(const QByteArray &line);
/// Writes "alephctl: MESSAGE" and a newline to stderr.
void err(const QString &message);
/// Writes `message` (unless empty) with err(), then the usage text to stderr; returns Usage.
int usage(const QString &message);
/// The exit status for a failed job's error.
int exitCodeFor(const core::ApiError &error);
/// Opens `file`, or standard input for "-", for reading; on failure returns Usage after a
/// "cannot read FILE: REASON" usage message, else Ok.
int openInput(const QString &file, QFile *in);

/// Runs `job` (an ApiJob or an EmbeddingBatchJob) to its end and returns the exit code;
/// `onSuccess` prints the result.
template<class Job, class Fn>
int runJob(QCoreApplication &app, Job *job, Fn onSuccess)
{
    using namespace Qt::StringLiterals;
    int code = Ok;
    if constexpr (std::is_base_of_v<core::ApiJob, Job>) {
        // A wait is never silent: each retry says which it is and how long it waits.
        QObject::connect(job,
            &core::ApiJob::retrying,
            &app,
            [](int retry, int total, int delayMs, const core::ApiError &error) {
                err(u"retrying %1/%2 in %3 s (%4)"_s.arg(retry)
                        .arg(total)
                        .arg(delayMs / 1000.0, 0, 'f', 1)
                        .arg(error.toString()));
            });
    } else {
        QObject::connect(job,
            &Job::retrying,
            &app,
            [](int chunk, int retry, int total, int delayMs, const core::ApiError &error) {
                err(u"chunk %1: retrying %2/%3 in %4 s (%5)"_s.arg(chunk)
                        .arg(retry)
                        .arg(total)
                        .arg(delayMs / 1000.0, 0, 'f', 1)
                        .arg(error.toString()));
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

/// Parses "-m MODEL", "--stream" and valued options of the friendly forms; the rest is text.
struct Friendly
{
    QString model;
    bool stream = false;
    QMap<QString, QString> options; ///< valued options, last one wins
    QStringList images; ///< every --image FILE, in order
    QStringList flags; ///< options without a value that were given
    QStringList words;
    bool wordsOptional = false; ///< the text may come from elsewhere (embed)
};

/// Fills `f` from a command's arguments (`args.first()` is the command's name): `valued` are the
/// options that take a value, `flags` those that do not. Returns Ok, or Usage after a message.
int parseFriendly(
    const QStringList &args, const QStringList &valued, Friendly *f, const QStringList &flags = {});

} // namespace alephctl
