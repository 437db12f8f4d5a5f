// SPDX-License-Identifier: MIT
#include "ui/presenter/DeckPanel.h"

#include "ui/common/PlaygroundTab.h"
#include "ui/presenter/DeckModel.h"
#include "ui/presenter/DeckPlayer.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ui {

namespace {

/// Asks for a step's title and note; false when cancelled.
bool askStepText(QWidget *parent, QString *title, QString *note)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(DeckPanel::tr("Edit step"));
    auto *form = new QFormLayout(&dialog);
    auto *titleEdit = new QLineEdit(*title, &dialog);
    titleEdit->setObjectName(u"stepTitle"_s);
    titleEdit->setPlaceholderText(DeckPanel::tr("Shown on the progress strip"));
    form->addRow(DeckPanel::tr("&Title:"), titleEdit);
    auto *noteEdit = new QPlainTextEdit(*note, &dialog);
    noteEdit->setObjectName(u"stepNote"_s);
    noteEdit->setPlaceholderText(DeckPanel::tr(
        "What to say at this step: shown on a second screen, or in the window's corner with F8"));
    noteEdit->setTabChangesFocus(true);
    form->addRow(DeckPanel::tr("&Note:"), noteEdit);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    dialog.resize(dialog.fontMetrics().averageCharWidth() * 60, dialog.sizeHint().height());
    if (dialog.exec() != QDialog::Accepted)
        return false;
    *title = titleEdit->text().trimmed();
    *note = noteEdit->toPlainText().trimmed();
    return true;
}

/// A push button of the dock, named for tests, with its tool tip.
QPushButton *panelButton(
    QWidget *parent, const QString &text, const QString &name, const QString &tip)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(name);
    button->setToolTip(tip);
    return button;
}

} // namespace

DeckPanel::DeckPanel(DeckModel *model,
    DeckPlayer *player,
    std::function<PlaygroundTab *()> currentTab,
    QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_player(player)
    , m_currentTab(std::move(currentTab))
{
    setObjectName(u"deckPanel"_s);
    auto *layout = new QVBoxLayout(this);

    m_title = new QLineEdit(this);
    m_title->setObjectName(u"deckTitle"_s);
    m_title->setPlaceholderText(tr("Deck title"));
    connect(m_title, &QLineEdit::textEdited, m_model, &DeckModel::setTitle);
    layout->addWidget(m_title);
    auto *description = new QLabel(this);
    description->setObjectName(u"deckDescription"_s);
    description->setWordWrap(true);
    layout->addWidget(description);

    m_list = new QListView(this);
    m_list->setObjectName(u"deckSteps"_s);
    m_list->setModel(m_model);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_list, &QListView::doubleClicked, this, [this](const QModelIndex &index) {
        m_player->play(index.row());
    });
    layout->addWidget(m_list, 1);

    auto *empty = new QLabel(tr("No steps yet. Set up a tab as you want to show it, then press "
                                "<b>Record step</b> (Ctrl+Shift+B). Or open a sample deck."),
        this);
    empty->setObjectName(u"deckEmpty"_s);
    empty->setWordWrap(true);
    layout->addWidget(empty);

    auto *editRow = new QHBoxLayout;
    m_record = panelButton(this,
        tr("Record step"),
        u"recordStep"_s,
        tr("Add the current tab, with what is typed in it, as a step (Ctrl+Shift+B)"));
    connect(m_record, &QPushButton::clicked, this, &DeckPanel::recordStep);
    editRow->addWidget(m_record);
    m_up = new QToolButton(this);
    m_up->setObjectName(u"stepUp"_s);
    m_up->setText(u"↑"_s);
    m_up->setToolTip(tr("Move the step up"));
    connect(m_up, &QToolButton::clicked, this, [this] { moveSelected(-1); });
    editRow->addWidget(m_up);
    m_down = new QToolButton(this);
    m_down->setObjectName(u"stepDown"_s);
    m_down->setText(u"↓"_s);
    m_down->setToolTip(tr("Move the step down"));
    connect(m_down, &QToolButton::clicked, this, [this] { moveSelected(1); });
    editRow->addWidget(m_down);
    m_edit = panelButton(this, tr("Edit…"), u"editStep"_s, tr("The step's title and your note"));
    connect(m_edit, &QPushButton::clicked, this, &DeckPanel::editSelected);
    editRow->addWidget(m_edit);
    m_delete = panelButton(
        this, tr("Delete"), u"deleteStep"_s, tr("Delete the step (Undo brings it back)"));
    connect(m_delete, &QPushButton::clicked, this, &DeckPanel::deleteSelected);
    editRow->addWidget(m_delete);
    layout->addLayout(editRow);
    auto *deleteKey
        = new QShortcut(QKeySequence::Delete, m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(deleteKey, &QShortcut::activated, this, &DeckPanel::deleteSelected);
    auto *undoKey = new QShortcut(QKeySequence::Undo, m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(undoKey, &QShortcut::activated, this, &DeckPanel::undo);

    auto *fileRow = new QHBoxLayout;
    auto *open = panelButton(this, tr("Open…"), u"openDeck"_s, tr("Open a deck file"));
    connect(open, &QPushButton::clicked, this, &DeckPanel::chooseAndOpen);
    fileRow->addWidget(open);
    // Save writes the deck's own file again (asking for one the first time); the arrow's Save
    // as… always asks.
    auto *save = new QToolButton(this);
    save->setObjectName(u"saveDeck"_s);
    save->setToolButtonStyle(Qt::ToolButtonTextOnly);
    save->setPopupMode(QToolButton::MenuButtonPopup);
    save->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred); // as wide as Open…
    auto *saveAction = new QAction(tr("Save"), save);
    connect(saveAction, &QAction::triggered, this, &DeckPanel::save);
    save->setDefaultAction(saveAction);
    auto *saveMenu = new QMenu(save);
    saveMenu->addAction(tr("Save as…"), this, &DeckPanel::chooseAndSave);
    save->setMenu(saveMenu);
    fileRow->addWidget(save);
    auto *samplesButton = new QPushButton(tr("Samples"), this);
    samplesButton->setObjectName(u"sampleDecks"_s);
    auto *samplesMenu = new QMenu(samplesButton);
    for (const auto &[title, path] : samples()) {
        samplesMenu->addAction(title, this, [this, path = path] { openDeck(path); });
    }
    samplesButton->setMenu(samplesMenu);
    fileRow->addWidget(samplesButton);
    layout->addLayout(fileRow);

    auto *playRow = new QHBoxLayout;
    m_rehearse = panelButton(this,
        tr("Rehearse"),
        u"rehearse"_s,
        tr("Run every step now and keep its answer: during the show a step "
           "whose request fails or is too slow shows that recording"));
    connect(m_rehearse, &QPushButton::clicked, this, &DeckPanel::rehearse);
    playRow->addWidget(m_rehearse);
    m_present = panelButton(this,
        tr("Present"),
        u"present"_s,
        tr("Presenter mode, from the first step (Page Down goes on)"));
    connect(m_present, &QPushButton::clicked, this, &DeckPanel::presentRequested);
    playRow->addWidget(m_present);
    layout->addLayout(playRow);

    auto *fallbackRow = new QHBoxLayout;
    auto *fallbackLabel = new QLabel(tr("Show the recording after"), this);
    fallbackRow->addWidget(fallbackLabel);
    m_fallback = new QSpinBox(this);
    m_fallback->setObjectName(u"fallbackSeconds"_s);
    m_fallback->setRange(0, 300);
    m_fallback->setSuffix(tr(" s"));
    m_fallback->setSpecialValueText(tr("never"));
    m_fallback->setValue(m_player->fallbackAfterMs() / 1000);
    m_fallback->setToolTip(tr("A step with no answer after this long shows its rehearsed answer; "
                              "a failed request shows it at once"));
    fallbackLabel->setBuddy(m_fallback);
    connect(m_fallback, &QSpinBox::valueChanged, this, [this](int seconds) {
        m_player->setFallbackAfterMs(seconds * 1000);
    });
    fallbackRow->addWidget(m_fallback);
    fallbackRow->addStretch(1);
    layout->addLayout(fallbackRow);

    auto *statusRow = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(u"deckStatus"_s);
    m_status->setWordWrap(true);
    statusRow->addWidget(m_status, 1);
    m_undo = new QPushButton(tr("Undo"), this);
    m_undo->setObjectName(u"undoDelete"_s);
    m_undo->hide();
    connect(m_undo, &QPushButton::clicked, this, &DeckPanel::undo);
    statusRow->addWidget(m_undo, 0, Qt::AlignTop);
    layout->addLayout(statusRow);

    const auto changed = [this, empty, description] {
        description->setText(m_model->deck().description);
        description->setVisible(!m_model->deck().description.isEmpty());
        empty->setVisible(m_model->stepCount() == 0);
        m_list->setVisible(m_model->stepCount() > 0);
        if (m_title->text() != m_model->deck().title)
            m_title->setText(m_model->deck().title);
        updateButtons();
    };
    connect(m_model, &QAbstractItemModel::modelReset, this, changed);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, changed);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, changed);
    connect(m_model, &QAbstractItemModel::rowsMoved, this, changed);
    connect(m_model, &QAbstractItemModel::dataChanged, this, changed);
    // The selection, not the current index: a click selects after it makes the row current.
    connect(m_list->selectionModel(),
        &QItemSelectionModel::selectionChanged,
        this,
        &DeckPanel::updateButtons);
    connect(m_player, &DeckPlayer::stepStarted, this, [this](int row) {
        selectRow(row);
        updateButtons();
    });
    connect(m_player,
        &DeckPlayer::stepEnded,
        this,
        [this](int row, DeckPlayer::Outcome outcome, const QString &detail) {
            updateButtons();
            if (m_player->isRehearsing())
                return setStatus(
                    tr("Rehearsing: step %1 of %2 done…").arg(row + 1).arg(m_model->stepCount()));
            switch (outcome) {
            case DeckPlayer::Outcome::Recording:
                return setStatus(tr("Step %1 shows its recording: %2").arg(row + 1).arg(detail));
            case DeckPlayer::Outcome::Failed:
                return setStatus(
                    tr("Step %1 failed and has no recording: %2").arg(row + 1).arg(detail));
            default:
                return setStatus(QString());
            }
        });
    connect(m_player,
        &DeckPlayer::rehearsalFinished,
        this,
        [this](int recorded, int total, const QStringList &problems) {
            updateButtons();
            QString text = tr("Rehearsal done: %1 of %Ln step(s) have a recording.", nullptr, total)
                               .arg(recorded);
            if (!problems.isEmpty())
                text += u' ' + tr("Without one: %1").arg(problems.join(u"; "_s));
            setStatus(text);
        });
    changed();
}

QList<std::pair<QString, QString>> DeckPanel::samples()
{
    return {{tr("What a language model does (offline sandbox)"), u":/decks/offline-sandbox.json"_s},
        {tr("Aleph Alpha's models (needs a token)"), u":/decks/aleph-alpha-models.json"_s}};
}

int DeckPanel::selectedRow() const
{
    const QModelIndex index = m_list->currentIndex();
    return index.isValid() && m_list->selectionModel()->isSelected(index) ? index.row() : -1;
}

void DeckPanel::selectRow(int row)
{
    if (row < 0 || row >= m_model->stepCount())
        return m_list->clearSelection();
    m_list->setCurrentIndex(m_model->index(row));
}

void DeckPanel::recordStep()
{
    PlaygroundTab *tab = m_currentTab ? m_currentTab() : nullptr;
    if (!tab) {
        setStatus(tr("Open a tab with a request (Completion, Chat, …) to record it as a step."));
        return;
    }
    core::DeckStep step;
    step.tab = tab->tabKey();
    step.inputs = tab->stepInputs();
    const int selected = selectedRow();
    const int row = selected < 0 ? m_model->stepCount() : selected + 1;
    m_model->insertStep(row, step);
    selectRow(row);
    setStatus(tr("Recorded step %1 from the %2 tab. Edit… gives it a title and a note.")
                  .arg(row + 1)
                  .arg(m_model->tabTitle(step.tab)));
}

void DeckPanel::moveSelected(int delta)
{
    const int row = selectedRow();
    if (row >= 0 && m_model->moveStep(row, delta))
        selectRow(row + delta);
}

void DeckPanel::editSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    QString title = m_model->step(row).title;
    QString note = m_model->step(row).note;
    if (!askStepText(this, &title, &note))
        return;
    m_model->setStepTitle(row, title);
    m_model->setStepNote(row, note);
}

void DeckPanel::deleteSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    if (m_player->isRunning())
        m_player->stop();
    m_deleted = std::make_pair(row, m_model->takeStep(row));
    selectRow(std::min(row, m_model->stepCount() - 1));
    setStatus(tr("Deleted step %1 (%2).")
                  .arg(row + 1)
                  .arg(m_deleted->second.title.isEmpty() ? m_model->tabTitle(m_deleted->second.tab)
                                                         : m_deleted->second.title),
        true);
}

void DeckPanel::undo()
{
    if (!m_deleted)
        return;
    const auto [row, step] = *std::exchange(m_deleted, std::nullopt);
    m_model->insertStep(row, step);
    selectRow(row);
    setStatus(tr("Step %1 is back.").arg(row + 1));
}

bool DeckPanel::confirmDiscard()
{
    if (!m_model->isModified() || m_model->stepCount() == 0)
        return true;
    return QMessageBox::question(this,
               tr("Demo deck"),
               tr("The deck on show has changes that are not saved. Open another one and lose "
                  "them?"),
               QMessageBox::Discard | QMessageBox::Cancel,
               QMessageBox::Cancel)
        == QMessageBox::Discard;
}

bool DeckPanel::openDeck(const QString &path)
{
    if (!confirmDiscard())
        return false;
    QString error;
    const std::optional<core::DemoDeck> deck = core::loadDemoDeck(path, &error);
    if (!deck) {
        setStatus(tr("The deck was not opened: %1").arg(error));
        return false;
    }
    m_player->stop();
    m_model->setDeck(*deck);
    m_deleted.reset();
    m_path = path.startsWith(u':') ? QString() : path;
    setStatus(tr("Opened “%1”: %Ln step(s), %2 rehearsed.", nullptr, m_model->stepCount())
                  .arg(deck->title.isEmpty() ? QFileInfo(path).fileName() : deck->title)
                  .arg(deck->recordedSteps()));
    return true;
}

void DeckPanel::restore(const core::DemoDeck &deck, const QString &path, bool modified)
{
    m_model->setDeck(deck);
    m_model->setModified(modified);
    m_path = path;
    setStatus(modified ? tr("The deck you were building is back (not saved yet).")
                       : tr("The deck of the last session is back."));
}

bool DeckPanel::saveDeck(const QString &path)
{
    QString error;
    if (!core::saveDemoDeck(m_model->deck(), path, &error)) {
        setStatus(tr("The deck was not saved: %1").arg(error));
        return false;
    }
    m_path = path;
    m_model->setModified(false);
    setStatus(tr("Saved to %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

void DeckPanel::chooseAndOpen()
{
    const QString path = QFileDialog::getOpenFileName(this,
        tr("Open demo deck"),
        m_path.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                         : QFileInfo(m_path).absolutePath(),
        tr("Demo decks (*.json);;All files (*)"));
    if (!path.isEmpty())
        openDeck(path);
}

void DeckPanel::save()
{
    if (m_path.isEmpty())
        chooseAndSave();
    else
        saveDeck(m_path);
}

void DeckPanel::chooseAndSave()
{
    QString suggestion = m_path;
    if (suggestion.isEmpty()) {
        const QString name
            = m_model->deck().title.isEmpty() ? tr("demo deck") : m_model->deck().title;
        suggestion = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                         .filePath(QString(name).replace(u'/', u'-') + u".json"_s);
    }
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save demo deck"), suggestion, tr("Demo decks (*.json)"));
    if (!path.isEmpty())
        saveDeck(path);
}

void DeckPanel::rehearse()
{
    if (m_player->isRehearsing()) {
        m_player->stop();
        return;
    }
    if (m_model->stepCount() == 0)
        return setStatus(tr("Record some steps first: a rehearsal runs each of them."));
    setStatus(tr("Rehearsing: step 1 of %1…").arg(m_model->stepCount()));
    m_player->rehearse();
    updateButtons();
}

void DeckPanel::updateButtons()
{
    const int row = selectedRow();
    const bool rehearsing = m_player->isRehearsing();
    m_record->setEnabled(!rehearsing);
    m_up->setEnabled(!rehearsing && row > 0);
    m_down->setEnabled(!rehearsing && row >= 0 && row + 1 < m_model->stepCount());
    m_edit->setEnabled(row >= 0);
    m_delete->setEnabled(!rehearsing && row >= 0);
    m_rehearse->setText(rehearsing ? tr("Stop rehearsal") : tr("Rehearse"));
    m_rehearse->setEnabled(m_model->stepCount() > 0);
    m_present->setEnabled(m_model->stepCount() > 0);
}

void DeckPanel::setStatus(const QString &text, bool undoable)
{
    m_status->setText(text);
    m_undo->setVisible(undoable && m_deleted.has_value());
}

} // namespace ui
