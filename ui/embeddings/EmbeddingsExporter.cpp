// SPDX-License-Identifier: MIT
#include "ui/embeddings/EmbeddingsExporter.h"

#include "core/export/VectorExport.h"
#include "ui/common/Palette.h"
#include "ui/embeddings/EmbeddingSet.h"
#include "ui/embeddings/MapView.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

using namespace Qt::StringLiterals;

namespace ui {

bool EmbeddingsExporter::exportVectors(const EmbeddingSet &set, const QString &path, QString *error)
{
    if (set.rows() == 0) {
        *error = tr("There are no vectors to export yet.");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    const auto write = [&file](const QByteArray &bytes) {
        file.write(bytes);
    };
    if (QFileInfo(path).suffix().compare(u"json"_s, Qt::CaseInsensitive) == 0)
        core::writeVectorsJson(set.texts, set.labels, set.view(), write);
    else
        core::writeVectorsCsv(set.texts, set.labels, set.view(), write);
    if (!file.commit()) {
        *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

bool EmbeddingsExporter::exportMap(
    const MapView &map, int texts, const QString &path, QString *error, const Palette &palette)
{
    if (map.pointCount() == 0) {
        *error = tr("There is no map to export yet.");
        return false;
    }
    const QSize size(1600, 1200);
    if (QFileInfo(path).suffix().compare(u"svg"_s, Qt::CaseInsensitive) == 0) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(tr("Embedding map"));
        svg.setDescription(tr("%1 texts; Aleph Playground").arg(texts));
        QPainter painter;
        if (!painter.begin(&svg)) {
            *error = tr("Cannot write %1.").arg(QDir::toNativeSeparators(path));
            return false;
        }
        map.render(&painter, QRectF(QPointF(0, 0), size), true, palette);
        painter.end();
        if (!QFileInfo::exists(path)) {
            *error = tr("Cannot write %1.").arg(QDir::toNativeSeparators(path));
            return false;
        }
        return true;
    }
    QImage image(size, QImage::Format_RGB32);
    image.fill(palette.page);
    QPainter painter(&image);
    map.render(&painter, QRectF(QPointF(0, 0), size), false, palette);
    painter.end();
    if (!image.save(path, "PNG")) {
        *error = tr("Cannot write %1.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

} // namespace ui
