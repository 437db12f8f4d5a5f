// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/TextFile.h"
#include "core/workbench/TestSet.h"

#include <QtGlobal>

namespace testsupport {

/// tests/data/testset-capitals.csv as a test set named "capitals": 50 rows of `country`,
/// `style` and the expected capital, per-row checks on some rows, no versions. Aborts the test
/// when the file cannot be read.
inline core::TestSet capitalsFixture()
{
    QString text;
    QString error;
    if (!core::readTextFile(
            QStringLiteral(ALEPH_SOURCE_DIR "/tests/data/testset-capitals.csv"), &text, &error))
        qFatal("%s", qPrintable(error));
    std::optional<core::TestSet> set = core::TestSet::fromCsv(text, &error);
    if (!set)
        qFatal("%s", qPrintable(error));
    set->name = QStringLiteral("capitals");
    return *set;
}

} // namespace testsupport
