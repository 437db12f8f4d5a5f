// SPDX-License-Identifier: MIT
#pragma once

#include "core/storage/Database.h"

#include <QTemporaryDir>

namespace testsupport {

/// The app's database in a fresh temporary directory, removed with it: for tests of the history,
/// drafts and caches. Members are destroyed database first, then the directory.
struct TempDatabase
{
    QTemporaryDir dir;
    core::Database db{dir.filePath(QStringLiteral("test.sqlite"))};

    /// Opens the database; false with `error` set when the directory or the file cannot be made.
    bool open(QString *error)
    {
        if (!dir.isValid()) {
            *error = dir.errorString();
            return false;
        }
        return db.open(error);
    }
};

} // namespace testsupport
