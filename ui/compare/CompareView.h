// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

#include <functional>

class QCheckBox;
class QLabel;
class QPushButton;
class QSplitter;

namespace ui {

class CompareColumn;

/// The columns of a comparison side by side (2 to 4, in a splitter) under a bar with "Add
/// column", "Highlight differences" and a status line. It knows nothing of what the columns
/// send: a CompletionCompare or ChatCompare makes the columns (through the factory), starts
/// their runs and reacts to promoteRequested(). The view tracks whether any column runs, stops
/// them all, and after the last column of a run ends highlights, when asked, the words in which
/// each column differs from column A (and in A those another column lacks), by the word diff of
/// ui/common/WordDiff.h.
class CompareView : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kMinColumns = 2;
    static constexpr int kMaxColumns = 4;
    /// Makes column `index` (its settings chosen by the caller, e.g. a copy of the tab's with
    /// one thing changed); the view takes ownership.
    using ColumnFactory = std::function<CompareColumn *(int index)>;
    explicit CompareView(ColumnFactory factory, QWidget *parent = nullptr);

    /// Adds or removes columns at the end so that `count` (clamped to 2–4) are shown.
    void setColumnCount(int count);
    int columnCount() const { return int(m_columns.size()); }
    QList<CompareColumn *> columns() const { return m_columns; }
    /// Removes the columns (the view is shown again with new ones, e.g. copies of new settings).
    void clear();
    void addColumn();
    void removeColumn(CompareColumn *column);

    bool isBusy() const;
    /// Cancels every column's run; each keeps what arrived.
    void stopAll();
    /// A run of every column starts: clears the highlights and says how many run.
    void runStarted(int started);
    void setStatus(const QString &text);
    QString statusText() const;
    QCheckBox *highlightCheck() const { return m_highlight; }
    /// Highlights what differs between the columns' outputs (see the class comment).
    void highlightDifferences();
    void clearHighlights();

Q_SIGNALS:
    /// Some column runs (true) or none does any more (false).
    void busyChanged(bool busy);
    /// The last running column of a run ended.
    void allFinished();
    void promoteRequested(ui::CompareColumn *column);
    /// A column was added or removed.
    void columnsChanged();

private:
    /// Takes `column` out of the view and deletes it later.
    void dispose(CompareColumn *column);
    void renumber();
    void updateBusy();
    void updateDifferences();

    ColumnFactory m_factory;
    QList<CompareColumn *> m_columns;
    QSplitter *m_splitter;
    QPushButton *m_addButton;
    QCheckBox *m_highlight;
    QLabel *m_status;
    bool m_busy = false;
};

} // namespace ui
