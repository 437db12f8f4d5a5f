// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Prompt.h"

#include <QAbstractListModel>
#include <QIcon>
#include <QSize>

namespace ui {

/// The prompt of the Explanation form, item by item in the order it is sent: one row for the
/// prompt editor's text (setEditorText() says what it holds), images with a thumbnail, their size
/// and crop, token ids, and further (fixed) text items. Owns the entries; the form edits them
/// through insertEntry(), removeEntry(), moveEntry() and setItem().
class PromptItemListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    struct Entry
    {
        bool editor = false; // the text of the prompt editor
        core::PromptItem item; // images, token ids, further text items (and the editor's controls)
        QString name; // file name of an image
        QIcon icon; // an image's thumbnail, made once
        QSize imageSize;
    };
    explicit PromptItemListModel(QObject *parent = nullptr);

    const QList<Entry> &entries() const { return m_entries; }
    /// Replaces every entry (a model reset).
    void setEntries(const QList<Entry> &entries);
    void insertEntry(int row, const Entry &entry);
    void removeEntry(int row);
    /// Moves the entry at `from` to `to` (the others shift); false when either is out of range.
    bool moveEntry(int from, int to);
    /// Replaces the prompt item of row `row` (e.g. an image's crop).
    void setItem(int row, const core::PromptItem &item);
    /// The row of the editor's text, -1 without one.
    int editorRow() const;
    /// What the editor holds: its row says so, shortened.
    void setEditorText(const QString &text);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    QString rowText(const Entry &entry) const;

    QList<Entry> m_entries;
    QString m_editorText;
};

} // namespace ui
