// SPDX-License-Identifier: MIT
#include "ui/compare/CompareView.h"

#include "ui/common/Palette.h"
#include "ui/common/RunController.h"
#include "ui/common/Theme.h"
#include "ui/common/WordDiff.h"
#include "ui/compare/CompareColumn.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace ui {

CompareView::CompareView(ColumnFactory factory, QWidget *parent)
    : QWidget(parent)
    , m_factory(std::move(factory))
{
    setObjectName(QStringLiteral("compareView"));
    m_addButton = new QPushButton(tr("&Add column"), this);
    m_addButton->setObjectName(QStringLiteral("addColumn"));
    m_addButton->setToolTip(tr("Another column (at most %1), a copy of the last one with one "
                               "thing changed: the next model, or the temperature")
                                .arg(kMaxColumns));
    connect(m_addButton, &QPushButton::clicked, this, &CompareView::addColumn);
    m_highlight = new QCheckBox(tr("Highlight differences"), this);
    m_highlight->setObjectName(QStringLiteral("highlightDifferences"));
    m_highlight->setToolTip(tr("Marks, word by word, what each column says differently from "
                               "column A, and in A what another column lacks"));
    connect(m_highlight, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            highlightDifferences();
        else
            clearHighlights();
    });
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("compareStatus"));
    m_status->setWordWrap(true);
    setTextRole(m_status, TextRole::Muted);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("compareSplitter"));
    m_splitter->setChildrenCollapsible(false);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_addButton);
    bar->addWidget(m_highlight);
    bar->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_splitter, 1);

    // The highlight colours follow the theme.
    onThemeChange(this, [this] {
        if (m_highlight->isChecked())
            highlightDifferences();
    });
}

void CompareView::setColumnCount(int count)
{
    count = std::clamp(count, kMinColumns, kMaxColumns);
    while (columnCount() > count)
        removeColumn(m_columns.last());
    while (columnCount() < count)
        addColumn();
}

void CompareView::clear()
{
    stopAll();
    for (CompareColumn *column : std::as_const(m_columns))
        dispose(column);
    m_columns.clear();
    m_highlight->setChecked(false);
    updateBusy();
}

void CompareView::addColumn()
{
    if (columnCount() >= kMaxColumns)
        return;
    CompareColumn *column = m_factory(columnCount());
    m_columns.append(column);
    m_splitter->addWidget(column);
    // Busy when a run starts; idle only after the column has shown how its run ended (the
    // controller's busyChanged(false) comes before that).
    connect(column->runController(), &RunController::busyChanged, this, [this](bool busy) {
        if (busy)
            updateBusy();
    });
    connect(column, &CompareColumn::finished, this, &CompareView::updateBusy);
    connect(column, &CompareColumn::promoteRequested, this, [this, column] {
        Q_EMIT promoteRequested(column);
    });
    connect(
        column, &CompareColumn::removeRequested, this, [this, column] { removeColumn(column); });
    connect(column, &CompareColumn::settingsChanged, this, &CompareView::updateDifferences);
    renumber();
    // Equal widths for all.
    m_splitter->setSizes(QList<int>(columnCount(), std::max(1, m_splitter->width())));
    Q_EMIT columnsChanged();
}

void CompareView::removeColumn(CompareColumn *column)
{
    if (columnCount() <= kMinColumns || !m_columns.contains(column))
        return;
    column->stop();
    m_columns.removeOne(column);
    dispose(column);
    renumber();
    updateBusy();
    if (m_highlight->isChecked())
        highlightDifferences();
    Q_EMIT columnsChanged();
}

void CompareView::dispose(CompareColumn *column)
{
    // Later: the column's own button (Remove, Promote) may have asked for this.
    column->disconnect(this);
    column->runController()->disconnect(this);
    column->hide();
    column->setParent(nullptr);
    column->deleteLater();
}

void CompareView::renumber()
{
    for (int i = 0; i < columnCount(); ++i) {
        m_columns.at(i)->setIndex(i);
        m_columns.at(i)->setRemovable(columnCount() > kMinColumns);
    }
    m_addButton->setEnabled(columnCount() < kMaxColumns);
    updateDifferences();
}

void CompareView::updateDifferences()
{
    if (m_columns.isEmpty())
        return;
    const QVariantMap reference = m_columns.first()->settingsMap();
    for (CompareColumn *column : std::as_const(m_columns))
        column->showDifferences(reference);
}

bool CompareView::isBusy() const
{
    return std::any_of(
        m_columns.cbegin(), m_columns.cend(), [](const CompareColumn *c) { return c->isBusy(); });
}

void CompareView::stopAll()
{
    for (CompareColumn *column : std::as_const(m_columns))
        column->stop();
}

void CompareView::runStarted(int started)
{
    clearHighlights();
    setStatus(tr("Running %Ln column(s)… Esc stops them all.", nullptr, started));
}

void CompareView::setStatus(const QString &text)
{
    m_status->setText(text);
}

QString CompareView::statusText() const
{
    return m_status->text();
}

void CompareView::updateBusy()
{
    const bool busy = isBusy();
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
    if (busy)
        return;
    setStatus(tr("Done. Each column's figures are under it."));
    if (m_highlight->isChecked())
        highlightDifferences();
    Q_EMIT allFinished();
}

void CompareView::highlightDifferences()
{
    if (columnCount() < kMinColumns)
        return;
    const Palette &palette = Palette::current();
    const QString reference = m_columns.first()->diffText();
    QList<QPair<int, int>> onlyInReference;
    for (int i = 1; i < columnCount(); ++i) {
        const WordDiff diff = wordDiff(reference, m_columns.at(i)->diffText());
        m_columns.at(i)->highlight(diff.onlyInB, palette.diffAdded);
        for (const auto &range : diff.onlyInA) {
            if (!onlyInReference.contains(range))
                onlyInReference.append(range);
        }
    }
    std::sort(onlyInReference.begin(), onlyInReference.end());
    m_columns.first()->highlight(onlyInReference, palette.diffRemoved);
}

void CompareView::clearHighlights()
{
    for (CompareColumn *column : std::as_const(m_columns))
        column->highlight({}, QColor());
}

} // namespace ui
