// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractTableModel>
#include <QColor>
#include <QStringList>

#include <optional>

namespace ui {

/// The Translation tab's segments (or lines, in "one request per line" mode) as a table: the
/// number, the source, the translation (a failed line's error in red) and the score, the score
/// cell filled with its quality colour. Read-only.
class SegmentTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Number, Source, Translation, Score, ColumnCount };
    struct Row
    {
        QString source;
        QString translation;
        std::optional<double> score;
        bool failed = false; // the translation cell holds an error message
    };
    explicit SegmentTableModel(QObject *parent = nullptr);

    /// Quality colour of a score in 0..1 (Okabe-Ito vermillion → yellow → bluish green, told apart
    /// in the common colour-vision deficiencies; Palette::translationScore of the current scheme):
    /// below 0.5 is fully vermillion. Text on it: Palette::textOn.
    static QColor scoreColor(double score);

    void setRows(const QList<Row> &rows);
    void clear();
    /// Row `row`'s translation cell; `failed`: it is an error message (shown in red).
    void setTranslation(int row, const QString &text, bool failed = false);
    void setScore(int row, double score);
    /// The first column's title: "line" in lines mode, else "segment".
    void setLinesMode(bool perLine);

    /// The column titles and a row's cells as shown, for copying and export.
    QStringList headerTexts() const;
    QStringList rowTexts(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<Row> m_rows;
    bool m_perLine = false;
};

} // namespace ui
