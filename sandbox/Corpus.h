// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace sandbox {

/// The built-in training text of the SyntheticModel: one paragraph per entry.
const QStringList &corpusParagraphs();
/// Words the vocabulary holds besides the corpus's (colour names the image "patches" map to, ...).
const QStringList &extraWords();

} // namespace sandbox
