// SPDX-License-Identifier: MIT
#pragma once

#include "core/codegen/CodeGenerator.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTabWidget;

namespace ui {

/// "View code": the current request as Python (aleph_alpha_client), curl and alephctl, one tab
/// each, with Copy. The token is an environment-variable placeholder ($AA_TOKEN). Several calls
/// (the columns of a comparison) are chosen from a list above the tabs.
class CodeDialog : public QDialog
{
    Q_OBJECT
public:
    /// A call and its title ("Column A · luminous-base").
    using TitledCall = std::pair<QString, core::ApiCall>;
    CodeDialog(
        const core::ApiCall &call, const core::CodeContext &context, QWidget *parent = nullptr);
    /// `calls` holds one call at least.
    CodeDialog(const QList<TitledCall> &calls,
        const core::CodeContext &context,
        QWidget *parent = nullptr);
    /// The text of the language's tab, for the call shown.
    QString code(core::CodeLanguage language) const;
    QTabWidget *tabs() const { return m_tabs; }
    int callCount() const { return int(m_calls.size()); }
    /// Shows call `index`'s code (as choosing it in the list does).
    void showCall(int index);
    /// Adds a line (rich text) to the note under the code.
    void addNote(const QString &html);
    /// The note under the code, as rich text.
    QString note() const;

private:
    QList<TitledCall> m_calls;
    core::CodeContext m_context;
    QComboBox *m_callList = nullptr;
    QTabWidget *m_tabs;
    QList<QPlainTextEdit *> m_edits;
    QLabel *m_note = nullptr;
};

} // namespace ui
