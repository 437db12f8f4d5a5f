// SPDX-License-Identifier: MIT
#include "ui/library/SavePromptDialog.h"

#include "ui/common/Theme.h"

#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

SavePromptDialog::SavePromptDialog(const QStringList &names,
    const QString &initialName,
    const QStringList &initialTags,
    QWidget *parent)
    : QDialog(parent)
    , m_names(names)
{
    setWindowTitle(tr("Save prompt"));
    m_name = new QLineEdit(initialName, this);
    m_name->setObjectName(QStringLiteral("promptName"));
    m_name->setPlaceholderText(tr("e.g. Product description"));
    auto *completer = new QCompleter(names, m_name);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_name->setCompleter(completer);
    m_tags = new QLineEdit(initialTags.join(QStringLiteral(", ")), this);
    m_tags->setObjectName(QStringLiteral("promptTags"));
    m_tags->setPlaceholderText(tr("comma-separated, e.g. marketing, german"));
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    setTextRole(m_hint, TextRole::Muted);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &SavePromptDialog::updateHint);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name"), m_name);
    form->addRow(tr("&Tags"), m_tags);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(m_buttons);
    setMinimumWidth(420);
    updateHint();
    m_name->selectAll();
}

QString SavePromptDialog::name() const
{
    return m_name->text().trimmed();
}

QStringList SavePromptDialog::tags() const
{
    QStringList out;
    for (const QString &tag : m_tags->text().split(QLatin1Char(','))) {
        if (!tag.trimmed().isEmpty())
            out.append(tag.trimmed());
    }
    return out;
}

void SavePromptDialog::updateHint()
{
    const QString n = name();
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(!n.isEmpty());
    m_hint->setText(m_names.contains(n)
            ? tr("“%1” exists: the prompt is added to it as a new version (if it changed).").arg(n)
            : tr("The template, its variables, the model, the parameters and the steering are "
                 "saved. Each run that changes them adds a version."));
}

} // namespace ui
