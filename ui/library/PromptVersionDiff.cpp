// SPDX-License-Identifier: MIT
#include "ui/library/PromptVersionDiff.h"

#include "ui/common/Palette.h"
#include "ui/common/Theme.h"
#include "ui/common/WordDiff.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ui {

namespace {

QString versionTitle(const core::PromptVersion &v)
{
    return PromptVersionDiff::tr("<b>Version %1</b> · %2")
        .arg(v.number)
        .arg(QLocale().toString(v.created.toLocalTime(), QLocale::ShortFormat).toHtmlEscaped());
}

QStringList words(const QString &text, const QList<QPair<int, int>> &ranges)
{
    QStringList out;
    for (const auto &[start, length] : ranges)
        out.append(text.mid(start, length));
    return out;
}

} // namespace

PromptVersionDiff::PromptVersionDiff(QWidget *parent)
    : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("diffTitle"));
    m_title->setWordWrap(true);
    m_beforeTitle = new QLabel(this);
    m_afterTitle = new QLabel(this);
    const auto makeView = [this](const QString &name) {
        auto *view = new QPlainTextEdit(this);
        view->setObjectName(name);
        view->setReadOnly(true);
        view->setLineWrapMode(QPlainTextEdit::WidgetWidth);
        return view;
    };
    m_before = makeView(QStringLiteral("diffBefore"));
    m_after = makeView(QStringLiteral("diffAfter"));
    m_changes = new QTreeWidget(this);
    m_changes->setObjectName(QStringLiteral("diffChanges"));
    m_changes->setRootIsDecorated(false);
    m_changes->setHeaderLabels({tr("Changed"), tr("Before"), tr("After")});
    m_changes->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_changes->setMaximumHeight(130);

    auto *grid = new QGridLayout;
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_beforeTitle, 0, 0);
    grid->addWidget(m_afterTitle, 0, 1);
    grid->addWidget(m_before, 1, 0);
    grid->addWidget(m_after, 1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addLayout(grid, 1);
    layout->addWidget(m_changes);
    clear();
}

void PromptVersionDiff::clear()
{
    m_title->setText(tr("Select a version to see what it changed, or two versions to compare "
                        "them."));
    m_beforeTitle->clear();
    m_afterTitle->clear();
    m_before->clear();
    m_after->clear();
    m_changes->clear();
    m_changes->hide();
    m_removed.clear();
    m_added.clear();
}

void PromptVersionDiff::setSingle(const core::PromptVersion &only)
{
    clear();
    m_title->setText(tr("Version %1 is the first: nothing to compare with.").arg(only.number));
    m_afterTitle->setText(versionTitle(only));
    m_after->setPlainText(only.templateText);
}

void PromptVersionDiff::setVersions(
    const core::PromptVersion &before, const core::PromptVersion &after)
{
    clear();
    m_beforeTitle->setText(versionTitle(before));
    m_afterTitle->setText(versionTitle(after));
    m_before->setPlainText(before.templateText);
    m_after->setPlainText(after.templateText);
    const WordDiff diff = wordDiff(before.templateText, after.templateText);
    const Palette &palette = Palette::current();
    m_before->setExtraSelections(
        diffSelections(m_before->document(), diff.onlyInA, palette.diffRemoved));
    m_after->setExtraSelections(
        diffSelections(m_after->document(), diff.onlyInB, palette.diffAdded));
    m_removed = words(before.templateText, diff.onlyInA);
    m_added = words(after.templateText, diff.onlyInB);

    const QList<core::PromptChange> changes = core::promptChanges(before, after);
    for (const core::PromptChange &change : changes) {
        if (change.field == QLatin1String("template"))
            continue; // shown above
        auto *item = new QTreeWidgetItem(m_changes,
            {change.field,
                change.before.isEmpty() ? tr("(not set)") : change.before,
                change.after.isEmpty() ? tr("(not set)") : change.after});
        item->setToolTip(1, change.before);
        item->setToolTip(2, change.after);
    }
    m_changes->setVisible(m_changes->topLevelItemCount() > 0);
    const int others = m_changes->topLevelItemCount();
    const bool templateChanged = before.templateText != after.templateText;
    m_title->setText(changes.isEmpty()
            ? tr("Version %1 → %2: the same content.").arg(before.number).arg(after.number)
            : tr("Version %1 → %2: %3 · %n other change(s).", nullptr, others)
                  .arg(before.number)
                  .arg(after.number)
                  .arg(templateChanged ? tr("template: words removed %1, added %2")
                                             .arg(m_removed.size())
                                             .arg(m_added.size())
                                       : tr("template unchanged")));
}

QStringList PromptVersionDiff::changeLines() const
{
    QStringList out;
    for (int i = 0; i < m_changes->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_changes->topLevelItem(i);
        out.append(QStringLiteral("%1: %2 → %3").arg(item->text(0), item->text(1), item->text(2)));
    }
    return out;
}

} // namespace ui
