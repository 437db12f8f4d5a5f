// SPDX-License-Identifier: MIT
#include "ui/shell/ShortcutsDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QLineEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ui {

ShortcutsDialog::ShortcutsDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));
    auto *layout = new QVBoxLayout(this);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Search actions and keys (e.g. “run” or “Ctrl+K”)"));
    m_search->setClearButtonEnabled(true);
    layout->addWidget(m_search);
    m_table = new QTreeWidget(this);
    m_table->setObjectName(QStringLiteral("shortcuts"));
    m_table->setRootIsDecorated(false);
    m_table->setAlternatingRowColors(true);
    m_table->setUniformRowHeights(true);
    m_table->setHeaderLabels({tr("Where"), tr("Action"), tr("Keys")});
    m_table->header()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_search, &QLineEdit::textChanged, this, &ShortcutsDialog::filter);
    resize(620, 560);
}

void ShortcutsDialog::setRows(const QList<Row> &rows)
{
    m_table->clear();
    for (const Row &row : rows) {
        auto *item = new QTreeWidgetItem(m_table, {row.menu, row.action, row.keys});
        item->setToolTip(1, row.action);
    }
    for (int c = 0; c < 2; ++c)
        m_table->resizeColumnToContents(c);
    filter(m_search->text());
}

void ShortcutsDialog::filter(const QString &text)
{
    const QStringList words = text.simplified().split(u' ', Qt::SkipEmptyParts);
    for (int i = 0; i < m_table->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_table->topLevelItem(i);
        const QString haystack = item->text(0) + u' ' + item->text(1) + u' ' + item->text(2);
        bool match = true;
        for (const QString &w : words)
            match = match && haystack.contains(w, Qt::CaseInsensitive);
        item->setHidden(!match);
    }
}

int ShortcutsDialog::visibleRows() const
{
    int n = 0;
    for (int i = 0; i < m_table->topLevelItemCount(); ++i)
        n += m_table->topLevelItem(i)->isHidden() ? 0 : 1;
    return n;
}

QList<ShortcutsDialog::Row> ShortcutsDialog::inTabRows()
{
    const auto keys = [](QKeyCombination k) {
        return QKeySequence(k).toString(QKeySequence::NativeText);
    };
    const QString del = QKeySequence(QKeySequence::Delete).toString(QKeySequence::NativeText);
    return {
        {tr("Window"),
            tr("Next / previous tab"),
            keys(Qt::CTRL | Qt::Key_Tab) + QStringLiteral(", ")
                + keys(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab)},
        {tr("Text fields"), tr("Move to the next / previous field"), tr("Tab, Shift+Tab")},
        {tr("Chat input"), tr("Send (when Enter sends is on)"), tr("Enter")},
        {tr("Chat input"), tr("New line (when Enter sends is on)"), tr("Shift+Enter")},
        {tr("Chat list"), tr("Rename the conversation"), keys(Qt::Key_F2)},
        {tr("Chat list"), tr("Delete the conversation"), del},
        {tr("Chat list"),
            tr("Undo the deletion"),
            QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)},
        {tr("Completion images"), tr("Remove the image"), del},
        {tr("Explanation"),
            tr("Previous / next target token"),
            keys(Qt::ALT | Qt::Key_Left) + QStringLiteral(", ") + keys(Qt::ALT | Qt::Key_Right)},
        {tr("Explanation items"),
            tr("Move the item up / down"),
            keys(Qt::ALT | Qt::Key_Up) + QStringLiteral(", ") + keys(Qt::ALT | Qt::Key_Down)},
        {tr("Explanation items"), tr("Remove the item"), del},
        {tr("Translation"), tr("Swap the languages"), keys(Qt::CTRL | Qt::SHIFT | Qt::Key_S)},
        {tr("Steering pairs"), tr("Add a pair"), keys(Qt::CTRL | Qt::Key_N)},
        {tr("Steering pairs"), tr("Create the concept"), keys(Qt::CTRL | Qt::Key_Enter)},
        {tr("Steering pairs"),
            tr("Move the pair up / down"),
            keys(Qt::ALT | Qt::Key_Up) + QStringLiteral(", ") + keys(Qt::ALT | Qt::Key_Down)},
        {tr("Steering pairs"), tr("Remove the pairs"), del},
        {tr("Steering library"), tr("Delete the concept"), del},
        {tr("Prompt library"), tr("Open the selected version"), tr("Enter")},
        {tr("Prompt library"), tr("Delete the prompt"), del},
        {tr("Prompt library"),
            tr("Undo the deletion"),
            QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)},
        {tr("Prompt editors"),
            tr("Show tokens of the selection"),
            keys(Qt::CTRL | Qt::SHIFT | Qt::Key_T)},
    };
}

} // namespace ui
