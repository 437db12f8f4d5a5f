// SPDX-License-Identifier: MIT
#include "ui/library/PromptLibraryPanel.h"

#include "ui/library/PromptListModel.h"
#include "ui/library/PromptVersionDiff.h"

#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QSplitter>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace ui {

namespace {
constexpr int kNumberRole = Qt::UserRole + 1;
}

PromptLibraryPanel::PromptLibraryPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new PromptListModel(this))
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("promptSearch"));
    m_search->setPlaceholderText(tr("Search names, tags and templates"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_model->setFilter(text.trimmed());
    });

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("prompts"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(PromptListModel::NameColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(PromptListModel::TagsColumn, QHeaderView::Interactive);
    m_view->header()->setSectionResizeMode(
        PromptListModel::VersionsColumn, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(
        PromptListModel::ChangedColumn, QHeaderView::ResizeToContents);
    connect(
        m_view, &QTreeView::customContextMenuRequested, this, &PromptLibraryPanel::showContextMenu);
    connect(m_view, &QTreeView::activated, this, [this] { openSelected(); });
    connect(m_view->selectionModel(),
        &QItemSelectionModel::currentRowChanged,
        this,
        &PromptLibraryPanel::showVersions);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        // Keep the prompt shown selected across reloads (a new version, a search).
        const int row = m_model->rowOf(m_shownId);
        if (row >= 0)
            m_view->setCurrentIndex(m_model->index(row, 0));
        else if (m_model->rowCount() > 0)
            m_view->setCurrentIndex(m_model->index(0, 0));
        showVersions();
        updateEmptyState();
    });

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("promptsEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    m_open = new QPushButton(tr("Open"), this);
    m_open->setObjectName(QStringLiteral("openPrompt"));
    m_open->setToolTip(tr("Load the selected version into the Completion tab (Enter)"));
    connect(m_open, &QPushButton::clicked, this, &PromptLibraryPanel::openSelected);
    m_duplicate = new QPushButton(tr("Duplicate"), this);
    m_duplicate->setObjectName(QStringLiteral("duplicatePrompt"));
    m_duplicate->setToolTip(tr("Copy the prompt with all its versions"));
    connect(m_duplicate, &QPushButton::clicked, this, [this] {
        if (currentId() > 0)
            duplicatePrompt(currentId());
    });
    m_delete = new QPushButton(tr("Delete"), this);
    m_delete->setObjectName(QStringLiteral("deletePrompt"));
    m_delete->setToolTip(tr("Delete the prompt and its versions; Undo brings it back (Del)"));
    connect(m_delete, &QPushButton::clicked, this, [this] {
        if (currentId() > 0)
            deletePrompt(currentId());
    });
    auto *importButton = new QPushButton(tr("Import…"), this);
    importButton->setObjectName(QStringLiteral("importPrompts"));
    importButton->setToolTip(tr("Add the prompts of a JSON file; nothing is overwritten"));
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Import prompts"), QString(), tr("Prompt library (*.json);;All files (*)"));
        if (!path.isEmpty())
            importFile(path);
    });
    auto *exportButton = new QPushButton(tr("Export…"), this);
    exportButton->setObjectName(QStringLiteral("exportPrompts"));
    exportButton->setToolTip(tr("Write every saved prompt with its versions to a JSON file"));
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this,
            tr("Export prompts"),
            QStringLiteral("prompts.json"),
            tr("Prompt library (*.json)"));
        if (!path.isEmpty())
            exportFile(path);
    });

    auto *deleteKey = new QShortcut(QKeySequence::Delete, m_view);
    deleteKey->setContext(Qt::WidgetShortcut);
    connect(deleteKey, &QShortcut::activated, this, [this] {
        if (currentId() > 0)
            deletePrompt(currentId());
    });
    auto *undoKey = new QShortcut(QKeySequence::Undo, this);
    undoKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(undoKey, &QShortcut::activated, this, &PromptLibraryPanel::undoDelete);

    m_undoBar = new QWidget(this);
    m_undoBar->setObjectName(QStringLiteral("promptUndoBar"));
    auto *undoLayout = new QHBoxLayout(m_undoBar);
    undoLayout->setContentsMargins(0, 0, 0, 0);
    m_undoLabel = new QLabel(m_undoBar);
    m_undoLabel->setWordWrap(true);
    auto *undoButton = new QPushButton(tr("Undo"), m_undoBar);
    undoButton->setObjectName(QStringLiteral("undoPromptDelete"));
    undoButton->setToolTip(tr("Bring the deleted prompt back (Ctrl+Z)"));
    connect(undoButton, &QPushButton::clicked, this, &PromptLibraryPanel::undoDelete);
    undoLayout->addWidget(m_undoLabel, 1);
    undoLayout->addWidget(undoButton);
    m_undoBar->hide();

    m_versions = new QTreeWidget(this);
    m_versions->setObjectName(QStringLiteral("promptVersions"));
    m_versions->setRootIsDecorated(false);
    m_versions->setUniformRowHeights(true);
    m_versions->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_versions->setHeaderLabels({tr("Version"), tr("Date"), tr("Changed")});
    m_versions->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_versions->header()->setStretchLastSection(true);
    m_versions->setToolTip(
        tr("Select one version to see what it changed, or two (Ctrl+click) to compare them"));
    connect(m_versions, &QTreeWidget::itemSelectionChanged, this, &PromptLibraryPanel::updateDiff);
    connect(m_versions, &QTreeWidget::itemActivated, this, [this] { openSelected(); });

    m_diff = new PromptVersionDiff(this);

    // Left: search, the prompts and their commands; middle: the versions; right: the diff.
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_view, 1);
    leftLayout->addWidget(m_empty, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_duplicate);
    buttons->addWidget(m_delete);
    buttons->addStretch(1);
    buttons->addWidget(importButton);
    buttons->addWidget(exportButton);
    leftLayout->addLayout(buttons);
    leftLayout->addWidget(m_undoBar);

    auto *middle = new QWidget(this);
    auto *middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    auto *versionsTitle = new QLabel(tr("<b>Versions</b>"), middle);
    middleLayout->addWidget(versionsTitle);
    middleLayout->addWidget(m_versions, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("librarySplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(left);
    splitter->addWidget(middle);
    splitter->addWidget(m_diff);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 5);
    splitter->setSizes({300, 330, 470}); // scaled to the dock's width

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);
    updateEmptyState();
    updateButtons();
}

void PromptLibraryPanel::setLibrary(core::PromptLibrary *library)
{
    m_library = library;
    m_model->setLibrary(library);
}

qint64 PromptLibraryPanel::currentId() const
{
    return m_model->idAt(m_view->currentIndex().row());
}

void PromptLibraryPanel::selectPrompt(qint64 id)
{
    if (m_model->rowOf(id) < 0 && !m_model->filter().isEmpty())
        m_search->clear(); // a search that hides it is cleared
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, 0));
}

QString PromptLibraryPanel::emptyText() const
{
    return m_empty->isVisible() || m_view->isHidden() ? m_empty->text() : QString();
}

void PromptLibraryPanel::showVersions()
{
    const qint64 id = currentId();
    const QList<core::PromptVersion> versions
        = m_library && id ? m_library->versions(id) : QList<core::PromptVersion>();
    // The selection stays while the same versions are listed; a new version is selected.
    const bool same = id == m_shownId && versions.size() == m_versions->topLevelItemCount();
    const QList<int> selected = same ? selectedVersions() : QList<int>();
    m_shownId = id;
    const QSignalBlocker blocker(m_versions);
    m_versions->clear();
    // Newest first, each with what it changed from the one before.
    for (qsizetype i = versions.size() - 1; i >= 0; --i) {
        const core::PromptVersion &v = versions.at(i);
        QStringList fields;
        if (i > 0) {
            for (const core::PromptChange &c : core::promptChanges(versions.at(i - 1), v))
                fields.append(c.field);
        }
        auto *item = new QTreeWidgetItem(m_versions,
            {tr("v%1").arg(v.number),
                QLocale().toString(v.created.toLocalTime(), QLocale::NarrowFormat),
                i == 0 ? tr("first version") : fields.join(QStringLiteral(", "))});
        item->setData(0, kNumberRole, v.number);
        item->setToolTip(2, item->text(2));
        item->setToolTip(0, tr("Model: %1").arg(v.model));
        if (selected.contains(v.number))
            item->setSelected(true);
    }
    if (m_versions->selectedItems().isEmpty() && m_versions->topLevelItemCount() > 0)
        m_versions->topLevelItem(0)->setSelected(true);
    updateDiff();
    updateButtons();
}

QList<int> PromptLibraryPanel::selectedVersions() const
{
    QList<int> out;
    for (const QTreeWidgetItem *item : m_versions->selectedItems())
        out.append(item->data(0, kNumberRole).toInt());
    std::sort(out.begin(), out.end());
    return out;
}

void PromptLibraryPanel::compareVersions(int before, int after)
{
    const QSignalBlocker blocker(m_versions);
    m_versions->clearSelection();
    for (int i = 0; i < m_versions->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_versions->topLevelItem(i);
        const int number = item->data(0, kNumberRole).toInt();
        item->setSelected(number == before || number == after);
    }
    updateDiff();
}

void PromptLibraryPanel::updateDiff()
{
    const QList<int> selected = selectedVersions();
    if (!m_library || m_shownId == 0 || selected.isEmpty()) {
        m_diff->clear();
        updateButtons();
        return;
    }
    // One version: what it changed from the one before; two or more: the first and the last.
    const int after = selected.last();
    int before = selected.size() > 1 ? selected.first() : 0;
    if (before == 0) {
        for (const core::PromptVersion &v : m_library->versions(m_shownId)) {
            if (v.number < after)
                before = v.number;
        }
    }
    const auto newer = m_library->version(m_shownId, after);
    const auto older = before ? m_library->version(m_shownId, before) : std::nullopt;
    if (newer && older)
        m_diff->setVersions(*older, *newer);
    else if (newer)
        m_diff->setSingle(*newer);
    else
        m_diff->clear();
    updateButtons();
}

void PromptLibraryPanel::updateEmptyState()
{
    const bool empty = m_model->rowCount() == 0;
    m_empty->setText(m_model->filter().isEmpty()
            ? tr("No saved prompts yet — %1 saves the current prompt of the Completion tab.")
                  .arg(QKeySequence(Qt::CTRL | Qt::Key_S).toString(QKeySequence::NativeText))
            : tr("No saved prompt contains “%1”.").arg(m_model->filter()));
    m_empty->setVisible(empty);
    m_view->setVisible(!empty);
    updateButtons();
}

void PromptLibraryPanel::updateButtons()
{
    const bool any = currentId() > 0;
    m_open->setEnabled(any && selectedVersions().size() <= 1);
    m_duplicate->setEnabled(any);
    m_delete->setEnabled(any);
}

void PromptLibraryPanel::openSelected()
{
    const qint64 id = currentId();
    if (id <= 0 || !m_library)
        return;
    const QList<int> selected = selectedVersions();
    const auto prompt = m_library->prompt(id);
    if (!prompt)
        return;
    Q_EMIT openRequested(id, selected.isEmpty() ? prompt->latestVersion : selected.last());
}

qint64 PromptLibraryPanel::duplicatePrompt(qint64 id)
{
    if (!m_library)
        return 0;
    const qint64 copy = m_library->duplicate(id);
    if (copy == 0) {
        Q_EMIT message(tr("The prompt could not be duplicated: %1").arg(m_library->lastError()));
        return 0;
    }
    selectPrompt(copy);
    return copy;
}

void PromptLibraryPanel::deletePrompt(qint64 id)
{
    if (!m_library)
        return;
    const auto prompt = m_library->prompt(id);
    if (!prompt || !m_library->remove(id))
        return;
    m_deleted.append(id);
    m_undoLabel->setText(
        tr("Deleted “%1” with %n version(s).", nullptr, prompt->versionCount).arg(prompt->name));
    m_undoBar->show();
}

void PromptLibraryPanel::undoDelete()
{
    if (!m_library || m_deleted.isEmpty())
        return;
    const qint64 id = m_deleted.takeLast();
    if (m_library->restore(id))
        selectPrompt(id);
    if (m_deleted.isEmpty())
        m_undoBar->hide();
    else
        m_undoLabel->setText(
            tr("%n more deleted prompt(s) can come back.", nullptr, int(m_deleted.size())));
}

void PromptLibraryPanel::importFile(const QString &path)
{
    if (!m_library)
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Q_EMIT message(tr("Cannot open %1: %2").arg(path, file.errorString()));
        return;
    }
    QString error;
    const auto result = m_library->importFile(file.readAll(), &error);
    if (!result) {
        Q_EMIT message(tr("%1 was not imported, nothing changed: %2").arg(path, error));
        return;
    }
    Q_EMIT message(tr("Imported %1: %n version(s) added (new prompts: %2, merged: %3).",
        nullptr,
        result->versions)
                       .arg(path)
                       .arg(result->added)
                       .arg(result->merged));
}

void PromptLibraryPanel::exportFile(const QString &path)
{
    if (!m_library)
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_library->exportFile()) < 0
        || !file.commit()) {
        Q_EMIT message(tr("Cannot write %1: %2").arg(path, file.errorString()));
        return;
    }
    Q_EMIT message(
        tr("Exported %n prompt(s) to %1.", nullptr, int(m_library->list().size())).arg(path));
}

void PromptLibraryPanel::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    const qint64 id = m_model->idAt(index.row());
    if (id <= 0)
        return;
    m_view->setCurrentIndex(index);
    QMenu menu(this);
    menu.addAction(tr("Open"), this, &PromptLibraryPanel::openSelected);
    menu.addAction(tr("Duplicate"), this, [this, id] { duplicatePrompt(id); });
    menu.addAction(tr("Delete"), this, [this, id] { deletePrompt(id); })
        ->setShortcut(QKeySequence::Delete);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

} // namespace ui
