// SPDX-License-Identifier: MIT
#include "ui/testsets/LibraryVersionDialog.h"

#include "core/storage/PromptLibrary.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ui {

namespace {

constexpr int kPromptNameRole = Qt::UserRole;
constexpr int kVersionRole = Qt::UserRole + 1;

} // namespace

LibraryVersionDialog::LibraryVersionDialog(core::PromptLibrary *library, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("libraryVersionDialog"));
    setWindowTitle(tr("Add versions from the library"));
    auto *hint = new QLabel(
        tr("Choose one or more versions of the saved prompts (Ctrl+click for several)."), this);
    hint->setWordWrap(true);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("libraryVersionTree"));
    m_tree->setHeaderLabels({tr("Prompt / version"), tr("Model"), tr("Saved")});
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setRootIsDecorated(true);
    const QLocale locale;
    for (const core::SavedPrompt &prompt : library->list()) {
        auto *top = new QTreeWidgetItem(m_tree, {prompt.name});
        top->setFlags(Qt::ItemIsEnabled);
        top->setToolTip(0, prompt.tags.join(QStringLiteral(", ")));
        QList<core::PromptVersion> versions = library->versions(prompt.id);
        for (auto it = versions.crbegin(); it != versions.crend(); ++it) {
            auto *item = new QTreeWidgetItem(top,
                {tr("v%1: %2").arg(it->number).arg(it->templateText.simplified().left(60)),
                    it->model,
                    locale.toString(it->created.toLocalTime(), QLocale::ShortFormat)});
            item->setData(0, kPromptNameRole, prompt.name);
            item->setData(0, kVersionRole, QVariant::fromValue(*it));
            item->setToolTip(0, it->templateText);
        }
        top->setExpanded(true);
    }
    m_tree->resizeColumnToContents(1);
    if (m_tree->topLevelItemCount() == 0)
        hint->setText(
            tr("The prompt library is empty: save a prompt in the Completion tab first."));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setObjectName(QStringLiteral("addChosenVersions"));
    ok->setText(tr("Add"));
    ok->setEnabled(false);
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, [this, ok] {
        ok->setEnabled(!m_tree->selectedItems().isEmpty());
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_buttons);
    resize(560, 420);
}

QList<core::TestedVersion> LibraryVersionDialog::chosenVersions() const
{
    QList<core::TestedVersion> out;
    for (int p = 0; p < m_tree->topLevelItemCount(); ++p) {
        const QTreeWidgetItem *top = m_tree->topLevelItem(p);
        for (int v = 0; v < top->childCount(); ++v) {
            const QTreeWidgetItem *item = top->child(v);
            if (item->isSelected())
                out.append(core::TestedVersion::fromSaved(item->data(0, kPromptNameRole).toString(),
                    item->data(0, kVersionRole).value<core::PromptVersion>()));
        }
    }
    return out;
}

} // namespace ui
