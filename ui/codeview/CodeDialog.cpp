// SPDX-License-Identifier: MIT
#include "ui/codeview/CodeDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ui {

CodeDialog::CodeDialog(const core::ApiCall &call, const core::CodeContext &context, QWidget *parent)
    : CodeDialog(QList<TitledCall>{{QString(), call}}, context, parent)
{}

CodeDialog::CodeDialog(
    const QList<TitledCall> &calls, const core::CodeContext &context, QWidget *parent)
    : QDialog(parent)
    , m_calls(calls)
    , m_context(context)
{
    const core::ApiCall &call = calls.first().second;
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
        m_tabs->addTab(edit, title);
        m_edits.append(edit);
    }
    auto *note = m_note
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
    if (calls.size() > 1) {
        m_callList = new QComboBox(this);
        m_callList->setObjectName(QStringLiteral("calls"));
        for (const TitledCall &c : calls)
            m_callList->addItem(c.first);
        connect(m_callList, &QComboBox::currentIndexChanged, this, &CodeDialog::showCall);
        connect(m_callList, &QComboBox::currentIndexChanged, copy, [copy] {
            copy->setText(tr("Copy"));
        });
        auto *callRow = new QHBoxLayout;
        callRow->addWidget(new QLabel(tr("Request of"), this));
        callRow->addWidget(m_callList, 1);
        layout->addLayout(callRow);
    }
    layout->addWidget(m_tabs, 1);
    layout->addLayout(buttons);
    showCall(0);
    resize(760, 560);
}

void CodeDialog::showCall(int index)
{
    if (index < 0 || index >= m_calls.size())
        return;
    if (m_callList && m_callList->currentIndex() != index)
        m_callList->setCurrentIndex(index); // comes back here
    for (int i = 0; i < m_edits.size(); ++i)
        m_edits.at(i)->setPlainText(
            core::generateCode(core::CodeLanguage(i), m_calls.at(index).second, m_context));
}

void CodeDialog::addNote(const QString &html)
{
    m_note->setText(m_note->text() + QStringLiteral("<br>") + html);
}

QString CodeDialog::note() const
{
    return m_note->text();
}

QString CodeDialog::code(core::CodeLanguage language) const
{
    return m_edits.at(int(language))->toPlainText();
}

} // namespace ui
