// SPDX-License-Identifier: MIT
#pragma once

#include "core/codegen/CodeGenerator.h"

#include <QDialog>

class QPlainTextEdit;
class QTabWidget;

namespace ui {

/// "View code": the current request as Python (aleph_alpha_client), curl and alephctl, one tab
/// each, with Copy. The token is an environment-variable placeholder ($AA_TOKEN).
class CodeDialog : public QDialog
{
    Q_OBJECT
public:
    CodeDialog(
        const core::ApiCall &call, const core::CodeContext &context, QWidget *parent = nullptr);
    /// The text of the language's tab.
    QString code(core::CodeLanguage language) const;
    QTabWidget *tabs() const { return m_tabs; }

private:
    QTabWidget *m_tabs;
    QList<QPlainTextEdit *> m_edits;
};

} // namespace ui
