// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QLineEdit;
class QTreeWidget;

namespace ui {

/// Help ▸ Keyboard shortcuts: every menu action with its keys, and the keys that work inside the
/// tabs, in a table that the search field filters (by menu, action or key).
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    struct Row
    {
        QString menu; ///< "File", "Run", or where in a tab ("Chat input")
        QString action; ///< "Quit"
        QString keys; ///< "Ctrl+Q", several separated by ", "; "" when the action has none
    };
    explicit ShortcutsDialog(QWidget *parent = nullptr);
    void setRows(const QList<Row> &rows);
    /// The keys that belong to widgets inside the tabs (not menu actions).
    static QList<Row> inTabRows();

    QLineEdit *searchField() const { return m_search; }
    QTreeWidget *table() const { return m_table; }
    /// How many rows the search leaves visible.
    int visibleRows() const;

public Q_SLOTS:
    void filter(const QString &text);

private:
    QLineEdit *m_search;
    QTreeWidget *m_table;
};

} // namespace ui
