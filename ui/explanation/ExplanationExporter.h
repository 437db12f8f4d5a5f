// SPDX-License-Identifier: MIT
#pragma once

#include "ui/common/Palette.h"

#include <QCoreApplication>
#include <QString>

class QImage;
class QPainter;
class QSize;

namespace ui {

class ExplanationResultsView;

/// Writes the answer an ExplanationResultsView shows to a file: PNG and SVG are the heatmap on
/// show with a title and the legend (painted here), CSV and JSON hold every explanation of the
/// answer (bytes from core/export). Each export is true on success, else false with `error`.
class ExplanationExporter
{
    Q_DECLARE_TR_FUNCTIONS(ExplanationExporter)
public:
    enum class Format { Png, Svg, Csv, Json };
    explicit ExplanationExporter(const ExplanationResultsView *view); // view not owned
    /// The colours of PNG and SVG exports: Palette::light() (on white) unless set, e.g. to
    /// Palette::current() for an export in the theme on screen.
    void setPalette(const Palette &palette) { m_palette = &palette; }

    bool write(Format format, const QString &path, QString *error) const;
    bool exportPng(const QString &path, QString *error) const;
    bool exportSvg(const QString &path, QString *error) const;
    bool exportCsv(const QString &path, QString *error) const;
    bool exportJson(const QString &path, QString *error) const;

private:
    bool checkExportable(QString *error) const;
    QSize pageSize() const;
    QImage renderImage() const;
    void renderExport(QPainter *painter, const QSize &size) const;

    const ExplanationResultsView *m_view;
    const Palette *m_palette = &Palette::light();
};

} // namespace ui
