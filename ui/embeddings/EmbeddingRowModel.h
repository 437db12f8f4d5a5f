// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractTableModel>
#include <QStringList>

namespace ui {

/// Texts of the embedded set listed in a side table (search hits, neighbours, the selection):
/// columns "#" (rank or row number), a value (score, cosine or label) and the elided text.
/// Qt::UserRole on any column gives the data row; the text's tool tip holds the full text, and
/// the first column is drawn in the row's label colour when it has one. The texts are the set's
/// own list (shared, not copied): a row holds its data row and reads its text from there.
class EmbeddingRowModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Number, Value, Text, ColumnCount };

    struct Row
    {
        int dataRow = -1;
        QString number;
        QString value;
        bool numbered = false; ///< the text's tool tip starts with "#<data row + 1> "
        bool coloured = false; ///< the first column in the label's colour (Palette::labelTextColor)
        int label = -1;
    };

    /// `headers`: the three column titles.
    explicit EmbeddingRowModel(const QStringList &headers, QObject *parent = nullptr);

    /// The texts the rows' data rows index (the embedded set's; implicitly shared), without rows
    /// (they belonged to the texts before). A data row out of range shows no text.
    void setTexts(const QStringList &texts);
    void setRows(const QList<Row> &rows);
    void clear() { setRows({}); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QStringList m_headers;
    QStringList m_texts;
    QList<Row> m_rows;
};

} // namespace ui
