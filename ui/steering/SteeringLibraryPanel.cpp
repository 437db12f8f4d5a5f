// SPDX-License-Identifier: MIT
#include "ui/steering/SteeringLibraryPanel.h"

#include "ui/common/Theme.h"
#include "ui/steering/SteeringLibraryModel.h"
#include "ui/steering/SteeringWidgets.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ui {

using steering::addShortcut;
using steering::button;

SteeringLibraryPanel::SteeringLibraryPanel(core::ApiClient *client, QWidget *parent)
    : QGroupBox(tr("Library (kept on this computer)"), parent)
    , m_client(client)
{
    auto *box = this;
    box->setMinimumWidth(330);
    auto *layout = new QVBoxLayout(box);
    m_model = new SteeringLibraryModel(this);
    m_table = new QTableView(box);
    m_table->setModel(m_model);
    m_table->setObjectName(u"library"_s);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setMinimumSectionSize(40);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    layout->addWidget(m_table, 1);
    m_empty = new QLabel(
        tr("No concepts yet. Write example pairs on the right and press Create concept: "
           "every concept you create is kept here, with the server it was made on."),
        box);
    m_empty->setObjectName(u"libraryEmpty"_s);
    m_empty->setWordWrap(true);
    setTextRole(m_empty, TextRole::Muted);
    layout->addWidget(m_empty);
    auto *grid = new QGridLayout;
    auto *load = button(tr("Open"),
        u"loadEntry"_s,
        tr("Put the concept's pairs and id into the editor (Enter)"),
        box);
    auto *rename
        = button(tr("Rename…"), u"renameEntry"_s, tr("Rename (F2 edits the name in place)"), box);
    auto *duplicate = button(
        tr("Duplicate"), u"duplicateEntry"_s, tr("A copy to change and create again"), box);
    auto *remove = button(
        tr("Delete"), u"deleteEntry"_s, tr("Delete from the library (Undo brings it back)"), box);
    auto *recreate = button(tr("Re-create here"),
        u"recreateEntry"_s,
        tr("Send the pairs to the connection in use: concept ids only work on the server that made "
           "them"),
        box);
    m_undoButton
        = button(tr("Undo delete"), u"undoDelete"_s, tr("Put back the concept deleted last"), box);
    m_undoButton->setEnabled(false);
    auto *useCompletion = button(tr("Use in Completion"),
        u"useInCompletion"_s,
        tr("Put the id into the Completion tab's steering_concepts"),
        box);
    auto *useChat = button(tr("Use in Chat"),
        u"useInChat"_s,
        tr("Put the id into the Chat tab's steering concept"),
        box);
    grid->addWidget(load, 0, 0);
    grid->addWidget(rename, 0, 1);
    grid->addWidget(duplicate, 0, 2);
    grid->addWidget(remove, 1, 0);
    grid->addWidget(m_undoButton, 1, 1);
    grid->addWidget(recreate, 1, 2);
    grid->addWidget(useCompletion, 2, 0, 1, 2);
    grid->addWidget(useChat, 2, 2);
    layout->addLayout(grid);

    connect(load, &QPushButton::clicked, this, [this] { Q_EMIT openRequested(selectedRow()); });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT openRequested(index.row());
    });
    connect(rename, &QPushButton::clicked, this, [this] {
        const int row = selectedRow();
        if (row < 0)
            return;
        bool ok = false;
        const QString name = QInputDialog::getText(
            this, tr("Rename concept"), tr("Name"), QLineEdit::Normal, entries().at(row).name, &ok);
        if (ok)
            renameEntry(row, name);
    });
    connect(
        m_model, &SteeringLibraryModel::renameRequested, this, &SteeringLibraryPanel::renameEntry);
    connect(duplicate, &QPushButton::clicked, this, [this] { duplicateEntry(selectedRow()); });
    connect(remove, &QPushButton::clicked, this, [this] { deleteEntry(selectedRow()); });
    connect(m_undoButton, &QPushButton::clicked, this, &SteeringLibraryPanel::undoDelete);
    connect(
        recreate, &QPushButton::clicked, this, [this] { Q_EMIT recreateRequested(selectedRow()); });
    connect(useCompletion, &QPushButton::clicked, this, [this] {
        const int row = selectedRow();
        if (row >= 0)
            Q_EMIT useRequested(entries().at(row).conceptId, false);
    });
    connect(useChat, &QPushButton::clicked, this, [this] {
        const int row = selectedRow();
        if (row >= 0)
            Q_EMIT useRequested(entries().at(row).conceptId, true);
    });
    addShortcut(m_table, QKeySequence::Delete, [this] { deleteEntry(selectedRow()); });
}

void SteeringLibraryPanel::setLibrary(core::SteeringLibrary *library)
{
    m_library = library;
    reload();
}

const QList<core::SteeringConceptEntry> &SteeringLibraryPanel::entries() const
{
    return m_model->entries();
}

void SteeringLibraryPanel::reload()
{
    m_model->setEntries(m_library ? m_library->list() : QList<core::SteeringConceptEntry>(),
        m_client->config().serverKey());
    m_empty->setVisible(entries().isEmpty());
}

int SteeringLibraryPanel::selectedRow() const
{
    const int row = m_table->currentIndex().row();
    return row >= 0 && row < entries().size() ? row : -1;
}

qint64 SteeringLibraryPanel::rowIdAt(int row) const
{
    return row >= 0 && row < entries().size() ? entries().at(row).rowId : 0;
}

bool SteeringLibraryPanel::renameEntry(int row, const QString &name)
{
    if (row < 0 || row >= entries().size() || !m_library)
        return false;
    if (name.trimmed().isEmpty()) {
        Q_EMIT message(tr("A concept needs a name."));
        reload();
        return false;
    }
    const bool ok = m_library->rename(entries().at(row).rowId, name.trimmed());
    Q_EMIT message(ok ? tr("Renamed to \"%1\".").arg(name.trimmed()) : m_library->lastError());
    reload();
    Q_EMIT changed();
    return ok;
}

bool SteeringLibraryPanel::deleteEntry(int row)
{
    if (row < 0 || row >= entries().size() || !m_library)
        return false;
    const core::SteeringConceptEntry entry = entries().at(row);
    if (!m_library->remove(entry.rowId)) {
        Q_EMIT message(m_library->lastError());
        return false;
    }
    m_deleted = entry;
    m_undoButton->setEnabled(true);
    Q_EMIT message(tr("Deleted \"%1\" (Undo delete or Ctrl+Z brings it back).").arg(entry.name));
    reload();
    Q_EMIT changed();
    return true;
}

bool SteeringLibraryPanel::undoDelete()
{
    if (!m_deleted || !m_library)
        return false;
    const qint64 rowId = m_library->add(*m_deleted);
    if (rowId <= 0) {
        Q_EMIT message(m_library->lastError());
        return false;
    }
    Q_EMIT message(tr("Restored \"%1\".").arg(m_deleted->name));
    m_deleted.reset();
    m_undoButton->setEnabled(false);
    reload();
    Q_EMIT changed();
    return true;
}

bool SteeringLibraryPanel::duplicateEntry(int row)
{
    if (row < 0 || row >= entries().size() || !m_library)
        return false;
    const qint64 rowId = m_library->duplicate(entries().at(row).rowId);
    Q_EMIT message(
        rowId > 0 ? tr("Duplicated \"%1\".").arg(entries().at(row).name) : m_library->lastError());
    reload();
    Q_EMIT changed();
    return rowId > 0;
}

} // namespace ui
