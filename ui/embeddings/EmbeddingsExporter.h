// SPDX-License-Identifier: MIT
#pragma once

#include "ui/common/Palette.h"

#include <QCoreApplication>
#include <QString>

namespace ui {

struct EmbeddingSet;
class MapView;

/// Writes the Embeddings tab's exports to files: the vectors (CSV or JSON, the bytes made by
/// core/export/VectorExport) and the map (PNG or SVG, drawn by the map view at 1600 × 1200).
class EmbeddingsExporter
{
    Q_DECLARE_TR_FUNCTIONS(EmbeddingsExporter)
public:
    /// JSON for a .json `path`, else CSV. False with `error` when there is nothing to
    /// export or the file cannot be written (an existing file is then left as it was).
    static bool exportVectors(const EmbeddingSet &set, const QString &path, QString *error);
    /// SVG for an .svg `path`, else PNG; `texts` goes into the SVG's description. In the colours
    /// of `palette`: on white unless asked for another (e.g. Palette::current()).
    static bool exportMap(const MapView &map,
        int texts,
        const QString &path,
        QString *error,
        const Palette &palette = Palette::light());
};

} // namespace ui
