// SPDX-License-Identifier: MIT
#pragma once

#include "core/workbench/TestSet.h"

#include <QDialog>

class QDialogButtonBox;
class QTreeWidget;

namespace core {
class PromptLibrary;
}

namespace ui {

/// "Add from library": the prompt library's saved prompts, each with its versions newest first,
/// in a tree with multiple selection. The chosen versions become test-set versions
/// (core::TestedVersion::fromSaved()). The library is read once, when the dialog is made.
class LibraryVersionDialog : public QDialog
{
    Q_OBJECT
public:
    /// `library` is not owned and must not be null.
    explicit LibraryVersionDialog(core::PromptLibrary *library, QWidget *parent = nullptr);
    /// The selected versions, in the tree's order (prompts as listed, newest version first).
    QList<core::TestedVersion> chosenVersions() const;
    QTreeWidget *tree() const { return m_tree; }

private:
    QTreeWidget *m_tree;
    QDialogButtonBox *m_buttons;
};

} // namespace ui
