// SPDX-License-Identifier: MIT
#include "ui/codeview/CodeDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ui {

CodeDialog::CodeDialog(const core::ApiCall &call, const core::CodeContext &context, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("View code: POST /%1").arg(call.endpoint));
    m_tabs = new QTabWidget(this);
    const QList<std::pair<core::CodeLanguage, QString>> languages{
        {core::CodeLanguage::Python, tr("Python (aleph_alpha_client)")},
        {core::CodeLanguage::Curl, tr("curl")},
        {core::CodeLanguage::Alephctl, tr("alephctl")},
    };
    for (const auto &[language, title] : languages) {
        auto *edit = new QPlainTextEdit(this);
        edit->setObjectName(QStringLiteral("code%1").arg(int(language)));
        edit->setReadOnly(true);
        edit->setLineWrapMode(QPlainTextEdit::NoWrap);
        edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        edit->setPlainText(core::generateCode(language, call, context));
        m_tabs->addTab(edit, title);
        m_edits.append(edit);
    }
    auto *note
        = new QLabel(tr("The token is read from the environment variable %1; set it first, e.g. "
                        "<code>export %1=…</code>")
                         .arg(context.tokenVariable),
            this);
    note->setWordWrap(true);
    auto *copy = new QPushButton(tr("Copy"), this);
    copy->setObjectName(QStringLiteral("copy"));
    copy->setShortcut(QKeySequence::Copy);
    connect(copy, &QPushButton::clicked, this, [this, copy] {
        QApplication::clipboard()->setText(m_edits.at(m_tabs->currentIndex())->toPlainText());
        copy->setText(tr("Copied"));
    });
    connect(m_tabs, &QTabWidget::currentChanged, copy, [copy] { copy->setText(tr("Copy")); });
    auto *close = new QPushButton(tr("Close"), this);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(note, 1);
    buttons->addWidget(copy);
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(buttons);
    resize(760, 560);
}

QString CodeDialog::code(core::CodeLanguage language) const
{
    return m_edits.at(int(language))->toPlainText();
}

} // namespace ui
