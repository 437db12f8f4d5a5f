// SPDX-License-Identifier: MIT
#pragma once

#include "core/storage/HistoryStore.h"

#include <QTimer>
#include <QWidget>

class QLineEdit;
class QComboBox;
class QTreeWidget;
class QLabel;

namespace ui {

/// The run history: a search box, a tab filter and the runs, newest first (time, tab, model,
/// status, duration, tokens, the start of the prompt). Double-click or Enter restores a run into
/// its tab (MainWindow connects restoreRequested). Without a store (the database still opening)
/// it says the history is loading, until setStore().
class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    /// `store` not owned; nullptr: "Loading the history…" until setStore().
    explicit HistoryPanel(core::HistoryStore *store, QWidget *parent = nullptr);
    /// Shows `store`'s runs (not owned; nullptr: the history is not available).
    void setStore(core::HistoryStore *store);
    /// Rows shown now (tests).
    int rowCount() const;
    QLineEdit *searchEdit() const { return m_search; }

public Q_SLOTS:
    void refresh();
    /// Restores the run shown at `row`.
    void restoreRow(int row);

Q_SIGNALS:
    void restoreRequested(const core::RunRecord &run);

private:
    core::HistoryStore *m_store;
    QLineEdit *m_search;
    QComboBox *m_tab;
    QTreeWidget *m_list;
    QLabel *m_empty;
    QTimer m_refreshTimer; // coalesces refreshes while runs stream in
    bool m_loading = false; // no store yet: one is coming
};

} // namespace ui
