// SPDX-License-Identifier: MIT
#pragma once

#include "core/storage/PromptLibrary.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTreeWidget;

namespace ui {

/// Two versions of a saved prompt side by side: the templates with the words each lacks
/// highlighted (WordDiff; removed in the older, added in the newer), and a table of the other
/// changes (model, variables, parameters by their API names, steering).
class PromptVersionDiff : public QWidget
{
    Q_OBJECT
public:
    explicit PromptVersionDiff(QWidget *parent = nullptr);
    /// Shows what changed from `before` to `after`.
    void setVersions(const core::PromptVersion &before, const core::PromptVersion &after);
    /// Shows `only` alone (the first version: nothing to compare with).
    void setSingle(const core::PromptVersion &only);
    void clear();

    /// The words highlighted: removed (in the older template) and added (in the newer).
    QStringList removedWords() const { return m_removed; }
    QStringList addedWords() const { return m_added; }
    /// The rows of the changes table: "field: before → after".
    QStringList changeLines() const;

private:
    QLabel *m_title;
    QPlainTextEdit *m_before;
    QPlainTextEdit *m_after;
    QLabel *m_beforeTitle;
    QLabel *m_afterTitle;
    QTreeWidget *m_changes;
    QStringList m_removed;
    QStringList m_added;
};

} // namespace ui
