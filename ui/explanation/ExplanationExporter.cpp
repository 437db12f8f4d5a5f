// SPDX-License-Identifier: MIT
#include "ui/explanation/ExplanationExporter.h"

#include "core/export/ExplanationExport.h"
#include "ui/common/Palette.h"
#include "ui/explanation/ExplanationResultsView.h"
#include "ui/explanation/HeatmapView.h"
#include "ui/explanation/ScaleLegend.h"

#include <QBuffer>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

namespace ui {

namespace {

constexpr int kTitleHeight = 30;
constexpr int kLegendHeight = 60;

bool writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = QObject::tr("Could not write %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace

ExplanationExporter::ExplanationExporter(const ExplanationResultsView *view)
    : m_view(view)
{}

bool ExplanationExporter::write(Format format, const QString &path, QString *error) const
{
    switch (format) {
    case Format::Png:
        return exportPng(path, error);
    case Format::Svg:
        return exportSvg(path, error);
    case Format::Csv:
        return exportCsv(path, error);
    case Format::Json:
        return exportJson(path, error);
    }
    return false;
}

QSize ExplanationExporter::pageSize() const
{
    const QSize page = m_view->heatmap()->contentSize();
    return QSize(page.width(), page.height() + kTitleHeight + kLegendHeight);
}

void ExplanationExporter::renderExport(QPainter *painter, const QSize &size) const
{
    const HeatmapView *heatmap = m_view->heatmap();
    const Palette &pal = *m_palette; // light (on white) unless setPalette() asked otherwise
    painter->fillRect(QRect(QPoint(0, 0), size), pal.page);
    QFont bold = m_view->font();
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(pal.ink);
    painter->drawText(QRectF(12, 6, size.width() - 24, kTitleHeight - 6),
        Qt::AlignLeft | Qt::AlignVCenter,
        m_view->title());
    ScaleLegend::paintLegend(painter,
        QRectF(8, kTitleHeight, std::min(size.width() - 16, 520), kLegendHeight - 6),
        heatmap->scale(),
        m_view->legend()->caption(),
        m_view->font(),
        pal.caption,
        pal);
    painter->save();
    painter->translate(0, kTitleHeight + kLegendHeight);
    const QSize page = heatmap->contentSize();
    heatmap->renderPage(painter, QRectF(QPointF(0, 0), QSizeF(page)), pal);
    painter->restore();
}

QImage ExplanationExporter::renderImage() const
{
    const QSize size = pageSize();
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(m_palette->page);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::TextAntialiasing);
    renderExport(&painter, size);
    return image;
}

bool ExplanationExporter::checkExportable(QString *error) const
{
    if (m_view->result())
        return true;
    if (error)
        *error = tr("Nothing to export yet: run an explanation first.");
    return false;
}

bool ExplanationExporter::exportPng(const QString &path, QString *error) const
{
    if (!checkExportable(error))
        return false;
    const QImage image = renderImage();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        if (error)
            *error = tr("Could not write %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

bool ExplanationExporter::exportSvg(const QString &path, QString *error) const
{
    if (!checkExportable(error))
        return false;
    const QSize size = pageSize();
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(m_view->title());
    generator.setDescription(tr("Explanation heatmap exported by Aleph Playground"));
    QPainter painter;
    if (!painter.begin(&generator)) {
        if (error)
            *error = tr("Could not render the SVG.");
        return false;
    }
    renderExport(&painter, size);
    painter.end();
    return writeFile(path, buffer.data(), error);
}

bool ExplanationExporter::exportCsv(const QString &path, QString *error) const
{
    if (!checkExportable(error))
        return false;
    const ExplanationResult *result = m_view->result();
    return writeFile(path, core::explanationCsv(result->response, result->explanations), error);
}

bool ExplanationExporter::exportJson(const QString &path, QString *error) const
{
    if (!checkExportable(error))
        return false;
    const ExplanationResult *result = m_view->result();
    return writeFile(path,
        core::explanationJson(result->request, result->response, result->explanations),
        error);
}

} // namespace ui
