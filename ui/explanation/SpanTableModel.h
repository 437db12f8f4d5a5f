// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/ExplanationScores.h"
#include "ui/explanation/ScoreScale.h"

#include <QAbstractTableModel>
#include <QSet>

namespace ui {

/// The spans of the explanation on show as a table: a "what-if" check box (the marked spans),
/// the span's position, kind, text and score (the score cell in the scale's colour). Qt::UserRole
/// gives sortable values (numbers for position and score). Spans of prompt-template tokens are
/// greyed, their score cell neutral (TemplateRole says which).
class SpanTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Marked, Position, Kind, Text, Score, ColumnCount };
    /// bool: the row's span covers only template special tokens (any column).
    static constexpr int TemplateRole = Qt::UserRole + 1;
    explicit SpanTableModel(QObject *parent = nullptr);
    /// `templateSpans`: per span, whether it is a template token (missing entries: no).
    void setSpans(
        const QList<core::analysis::ScoredSpan> &spans, const QList<bool> &templateSpans = {});
    void setScale(const ScoreScale &scale);
    void setMarked(const QList<int> &rows);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    /// The user ticked or unticked row `row`'s what-if box.
    void markToggled(int row, bool marked);

private:
    QList<core::analysis::ScoredSpan> m_spans;
    QList<bool> m_template;
    QSet<int> m_marked;
    ScoreScale m_scale;
};

} // namespace ui
