// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/Projection.h"

#include <QByteArray>
#include <QStringList>

#include <functional>

namespace core {

/// Receives the bytes of an export in order, in pieces of about 1 MiB (a file write, an append).
using ByteSink = std::function<void(const QByteArray &)>;

/// Embedding vectors as CSV: a header `text,label,v0,v1,…` and one line per row of `vectors`
/// (the text and label quoted as csvField() does, floats in their shortest form). `labels` may
/// be shorter than the rows (missing labels are empty).
void writeVectorsCsv(const QStringList &texts,
    const QStringList &labels,
    analysis::VectorView vectors,
    const ByteSink &sink);

/// Embedding vectors as JSON: `[{"text": …, "label": …, "embedding": [...]}, …]`, one object per
/// line, "label" left out when empty, floats in their shortest form.
void writeVectorsJson(const QStringList &texts,
    const QStringList &labels,
    analysis::VectorView vectors,
    const ByteSink &sink);

} // namespace core
