// SPDX-License-Identifier: MIT
#pragma once

#include "core/workbench/TestRun.h"
#include "core/workbench/TestSet.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QToolButton;
class QTreeWidget;

namespace ui {

/// The clicked cell of a results grid: the full answer, every check with its verdict, score and
/// reason, tokens, time and retries (or the error), a manual grade (thumbs or 1–5, with a note)
/// and "Explain", which opens the Explanation tab on the cell's prompt and answer.
class TestCellDetail : public QWidget
{
    Q_OBJECT
public:
    explicit TestCellDetail(QWidget *parent = nullptr);
    /// Shows cell (`row`, `column`) of `run`; a row < 0 clears the pane.
    void showCell(const core::TestSet &set, const core::TestRun &run, int row, int column);
    int row() const { return m_row; }
    int column() const { return m_column; }

Q_SIGNALS:
    void gradeChosen(int row, int column, const core::ManualGrade &grade);
    void explainRequested(int row, int column);

private:
    void emitGrade(int value);

    int m_row = -1;
    int m_column = -1;
    QLabel *m_title;
    QLabel *m_stats;
    QPlainTextEdit *m_answer;
    QTreeWidget *m_checks;
    QToolButton *m_up;
    QToolButton *m_down;
    QSpinBox *m_score;
    QLineEdit *m_note;
    QPushButton *m_explain;
};

} // namespace ui
