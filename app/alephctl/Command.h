// SPDX-License-Identifier: MIT
// The commands of alephctl, one file each (RequestCommand.cpp, CompleteCommand.cpp, ...); main()
// looks them up by name in commandTable().
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace core {
class ApiClient;
}

namespace alephctl {

/// One command: `args` are its name and its arguments (as given after the global options). It
/// sends through `client`, runs `app`'s event loop until its job ends, prints the result and
/// returns the exit status (Exit in Cli.h).
using Command = int (*)(QCoreApplication &app, core::ApiClient &client, const QStringList &args);

int requestCommand(QCoreApplication &app, core::ApiClient &client, const QStringList &args);
int completeCommand(QCoreApplication &app, core::ApiClient &client, const QStringList &args);
int chatCommand(QCoreApplication &app, core::ApiClient &client, const QStringList &args);
int modelsCommand(QCoreApplication &app, core::ApiClient &client, const QStringList &args);
int explainCommand(QCoreApplication &app, core::ApiClient &client, const QStringList &args);
int embedCommand(QCoreApplication &app, core::ApiClient &client, const QStringList &args);
int translateCommand(QCoreApplication &app, core::ApiClient &client, const QStringList &args);
int tokenizerCommand(QCoreApplication &app, core::ApiClient &client, const QStringList &args);
int testCommand(QCoreApplication &app, core::ApiClient &client, const QStringList &args);

/// Every command by its name on the command line.
inline QMap<QString, Command> commandTable()
{
    return {
        {QStringLiteral("request"), requestCommand},
        {QStringLiteral("complete"), completeCommand},
        {QStringLiteral("chat"), chatCommand},
        {QStringLiteral("models"), modelsCommand},
        {QStringLiteral("explain"), explainCommand},
        {QStringLiteral("embed"), embedCommand},
        {QStringLiteral("translate"), translateCommand},
        {QStringLiteral("tokenizer"), tokenizerCommand},
        {QStringLiteral("test"), testCommand},
    };
}

} // namespace alephctl
