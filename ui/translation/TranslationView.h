// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Translation.h"

#include <QSplitter>

#include <optional>

class QHBoxLayout;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QTableView;
class QTextEdit;

namespace ui {

class SegmentTableModel;

/// The Translation tab's panes in their splitter ("translationSplitter"): the source editor and
/// the translation with its score (segments filled with their score colour), and below them the
/// status line, the lines progress bar, Copy and Export CSV and the segments table
/// (SegmentTableModel). Hovering a segment in the translation or the table marks it in both texts.
class TranslationView : public QSplitter
{
    Q_OBJECT
public:
    /// A segment (or line) and where it is in the source editor and the translation view (-1: not
    /// found).
    struct Segment
    {
        QString source;
        QString translation;
        double score = 0;
        bool scored = false; // the answer had a score (lines mode: a line may fail)
        int sourceStart = -1;
        int translationStart = -1;
    };
    explicit TranslationView(QWidget *parent = nullptr);

    QPlainTextEdit *sourceEdit() const { return m_sourceEdit; }
    QTextEdit *translationView() const { return m_translationView; }
    QTableView *table() const { return m_table; }
    SegmentTableModel *model() const { return m_model; }
    QLabel *statusLabel() const { return m_status; }
    QProgressBar *progressBar() const { return m_progress; }
    /// Puts `widget` first in the bar above the table (the form's "One request per line").
    void addToTableBar(QWidget *widget);

    const QList<Segment> &segments() const { return m_segments; }
    std::optional<double> score() const { return m_score; }
    QPair<int, int> markedSource() const { return m_marked; }

    /// Forgets the results on show; `keepMarks` false also drops the source mark (a new run),
    /// `resetScoreStyle` also the score's colour (Swap).
    void clearResults(bool keepMarks, bool resetScoreStyle);
    /// One request's answer for `source`: the translation, its score and its segments.
    void showResponse(const QString &source, const core::TranslationResponse &response);
    /// Lines mode: the table lists `lines` (found at `starts` in the source) as waiting.
    void beginLines(const QStringList &lines, const QList<int> &starts);
    void setLineText(int row, const QString &text);
    void setLineResult(int row, const core::TranslationResponse &response);
    void setLineFailed(int row, const QString &message);
    /// Every line ended: their translations become the translation text, the mean score on top.
    void showLines();

    void highlightSegment(int index);
    void clearHighlight();

    /// The table as CSV, and the copy and export actions of the bar (they report in the status
    /// line).
    QString tableCsv() const;
    bool exportCsv(const QString &path, QString *error) const;
    void copyTable();
    void chooseExportFile();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// Fills each scored segment's characters in the translation view with its score colour.
    void fillSegments();
    /// The whole-translation score label in its score colour (again after a theme change).
    void styleScoreLabel();
    /// Fits the number and score columns to what they hold. Called when the rows change as a whole
    /// and when the first score arrives, not at every line's answer: ResizeToContents measured
    /// every row each time a cell changed, which made a 300-line run a fifth slower.
    void fitNumberAndScoreColumns();

    QPlainTextEdit *m_sourceEdit = nullptr;
    QTextEdit *m_translationView = nullptr;
    QLabel *m_scoreLabel = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QTableView *m_table = nullptr;
    SegmentTableModel *m_model = nullptr;
    bool m_scoreColumnFitted = false; // lines mode: fitted at the first score
    QHBoxLayout *m_tableBar = nullptr;
    bool m_selecting = false; // highlightSegment() selects a row: no highlight back

    QList<Segment> m_segments;
    std::optional<double> m_score;
    std::optional<double> m_styledScore; // the score m_scoreLabel is coloured for
    QPair<int, int> m_marked{-1, 0};
};

} // namespace ui
