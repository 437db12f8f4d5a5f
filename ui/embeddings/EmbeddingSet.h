// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/Projection.h"
#include "core/api/Embedding.h"
#include "core/api/EmbeddingMatrix.h"

#include <QList>
#include <QStringList>

#include <vector>

namespace ui {

/// The texts of a run and their vectors: rows × dims floats, row-major.
struct EmbeddingSet
{
    QStringList texts;
    QStringList labels; ///< per text; empty when unlabelled
    QStringList labelNames; ///< distinct labels in order of first appearance
    QList<int> labelIndex; ///< per text, into labelNames; −1 when unlabelled
    int dims = 0;
    core::EmbeddingMatrix data;
    int rows() const { return int(texts.size()); }
    core::analysis::VectorView view() const { return {data.data(), rows(), dims}; }
};

} // namespace ui
