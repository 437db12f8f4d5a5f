// SPDX-License-Identifier: MIT
#include "ui/steering/SteeringTab.h"

#include "ui/common/ErrorText.h"
#include "ui/common/ModelPicker.h"
#include "ui/common/Plural.h"
#include "ui/common/PromptEdit.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ui {

namespace {

const QColor kProblemFill(0xff, 0xd9, 0xcc);

void addShortcut(QWidget *owner, const QKeySequence &key, const std::function<void()> &slot)
{
    auto *shortcut = new QShortcut(key, owner);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    QObject::connect(shortcut, &QShortcut::activated, owner, slot);
}

void addRunShortcuts(QWidget *owner, const std::function<void()> &slot)
{
    addShortcut(owner, QKeySequence(Qt::CTRL | Qt::Key_Return), slot);
    addShortcut(owner, QKeySequence(Qt::CTRL | Qt::Key_Enter), slot);
}

QPushButton *button(const QString &text, const QString &objectName, const QString &tip, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(objectName);
    b->setToolTip(tip);
    return b;
}

} // namespace

SteeringTab::SteeringTab(core::ApiClient *client, QWidget *parent)
    : PlaygroundTab(parent)
    , m_client(client)
{
    build();
}

SteeringTab::~SteeringTab()
{
    if (m_conceptJob)
        m_conceptJob->disconnect(this);
    for (const QPointer<core::ApiJob> &job : m_streams)
        if (job)
            job->disconnect(this);
    stop();
}

void SteeringTab::build()
{
    auto *layout = new QVBoxLayout(this);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("steeringSplitter"));
    split->addWidget(buildLibrary());
    auto *right = new QSplitter(Qt::Vertical, split);
    right->setObjectName(QStringLiteral("abSplitter"));
    right->addWidget(buildEditor());
    right->addWidget(buildAB());
    right->setStretchFactor(0, 1);
    right->setStretchFactor(1, 1);
    split->addWidget(right);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 5);

    layout->addWidget(split, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(u"status"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    addShortcut(this, QKeySequence(Qt::Key_Escape), [this] { stop(); });
    reloadLibrary();
    flagProblems();
}

QWidget *SteeringTab::buildEditor()
{
    auto *box = new QGroupBox(tr("Examples: output is steered away from the negative and toward the positive"), this);
    auto *layout = new QVBoxLayout(box);
    auto *form = new QFormLayout;
    m_name = new QLineEdit(box);
    m_name->setObjectName(u"name"_s);
    m_name->setPlaceholderText(tr("a name for the library, e.g. \"Confident\""));
    form->addRow(tr("Name"), m_name);
    m_description = new QLineEdit(box);
    m_description->setObjectName(u"description"_s);
    m_description->setPlaceholderText(tr("what the concept does (optional)"));
    form->addRow(tr("Description"), m_description);
    layout->addLayout(form);

    m_pairs = new QTableWidget(0, 2, box);
    m_pairs->setMinimumHeight(50); // the tab fits a 700-pixel screen; the splitter gives it more
    m_pairs->setObjectName(u"pairs"_s);
    m_pairs->setHorizontalHeaderLabels({tr("negative (steer away)"), tr("positive (steer toward)")});
    m_pairs->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_pairs->verticalHeader()->setDefaultSectionSize(m_pairs->fontMetrics().height() + 10);
    m_pairs->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_pairs->setWordWrap(true);
    layout->addWidget(m_pairs, 1);

    auto *row = new QHBoxLayout;
    auto *add = button(tr("Add"), u"addPair"_s, tr("Add a pair (Ctrl+N)"), box);
    auto *remove = button(tr("Remove"), u"removePair"_s, tr("Remove the selected pairs (Delete)"), box);
    auto *up = button(tr("↑"), u"pairUp"_s, tr("Move the pair up (Alt+Up)"), box);
    auto *down = button(tr("↓"), u"pairDown"_s, tr("Move the pair down (Alt+Down)"), box);
    auto *importButton = button(tr("Import CSV…"), u"importCsv"_s, tr("Pairs from a CSV with the columns negative and positive"), box);
    auto *exportButton = button(tr("Export CSV…"), u"exportCsv"_s, tr("The pairs as CSV (negative,positive)"), box);
    for (QPushButton *b : {add, remove, up, down, importButton, exportButton})
        row->addWidget(b);
    row->addStretch(1);
    layout->addLayout(row);
    m_validation = new QLabel(box);
    m_validation->setObjectName(u"validation"_s);
    m_validation->setWordWrap(true);
    layout->addWidget(m_validation);
    auto *createRow = new QHBoxLayout;
    m_createButton = button(tr("Create concept"), u"create"_s, tr("POST /steering_concepts with these pairs (Ctrl+Enter)"), box);
    m_createButton->setDefault(true);
    createRow->addWidget(m_createButton);
    createRow->addWidget(new QLabel(tr("id"), box));
    m_idEdit = new QLineEdit(box);
    m_idEdit->setObjectName(u"conceptId"_s);
    m_idEdit->setPlaceholderText(tr("created or loaded concept id; \"_worker/<name>\" works too"));
    createRow->addWidget(m_idEdit, 1);
    auto *copyId = button(tr("Copy"), u"copyId"_s, tr("Copy the id"), box);
    createRow->addWidget(copyId);
    layout->addLayout(createRow);

    connect(add, &QPushButton::clicked, this, &SteeringTab::addPairAndEdit);
    connect(remove, &QPushButton::clicked, this, &SteeringTab::removeSelectedPairs);
    connect(up, &QPushButton::clicked, this, [this] { movePair(-1); });
    connect(down, &QPushButton::clicked, this, [this] { movePair(+1); });
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import pairs"), QString(), tr("CSV (*.csv *.tsv *.txt)"));
        QString error;
        if (!path.isEmpty() && !importCsv(path, &error))
            m_status->setText(error);
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export pairs"), u"steering-pairs.csv"_s, tr("CSV (*.csv)"));
        QString error;
        if (!path.isEmpty())
            m_status->setText(exportCsv(path, &error) ? tr("Exported %1 to %2.").arg(plural(m_pairs->rowCount(), tr("pair"), tr("pairs")), path) : error);
    });
    connect(m_createButton, &QPushButton::clicked, this, &SteeringTab::createConcept);
    connect(copyId, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(conceptId()); });
    connect(m_pairs, &QTableWidget::itemChanged, this, [this] {
        if (m_filling)
            return;
        flagProblems();
        Q_EMIT draftChanged();
    });
    connect(m_name, &QLineEdit::textChanged, this, &SteeringTab::draftChanged);
    connect(m_description, &QLineEdit::textChanged, this, &SteeringTab::draftChanged);
    connect(m_idEdit, &QLineEdit::textChanged, this, [this] {
        m_outputTitles[1]->setText(conceptId().isEmpty() ? tr("<b>B · with the concept</b> (none yet)")
                                                         : tr("<b>B · with</b> %1").arg(conceptId().left(24).toHtmlEscaped()));
        Q_EMIT draftChanged();
    });
    addRunShortcuts(box, [this] { createConcept(); });
    addShortcut(m_pairs, QKeySequence(Qt::CTRL | Qt::Key_N), [this] { addPairAndEdit(); });
    addShortcut(m_pairs, QKeySequence::Delete, [this] { removeSelectedPairs(); });
    addShortcut(m_pairs, QKeySequence(Qt::ALT | Qt::Key_Up), [this] { movePair(-1); });
    addShortcut(m_pairs, QKeySequence(Qt::ALT | Qt::Key_Down), [this] { movePair(+1); });
    return box;
}

QWidget *SteeringTab::buildLibrary()
{
    auto *box = new QGroupBox(tr("Library (kept on this computer)"), this);
    box->setMinimumWidth(330);
    auto *layout = new QVBoxLayout(box);
    m_libraryTable = new QTableWidget(0, 4, box);
    m_libraryTable->setObjectName(u"library"_s);
    m_libraryTable->setHorizontalHeaderLabels({tr("name"), tr("id"), tr("profile"), tr("created")});
    m_libraryTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_libraryTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_libraryTable->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_libraryTable->verticalHeader()->hide();
    m_libraryTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_libraryTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_libraryTable->horizontalHeader()->setMinimumSectionSize(40);
    m_libraryTable->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_libraryTable->horizontalHeader()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    layout->addWidget(m_libraryTable, 1);
    m_libraryEmpty = new QLabel(tr("No concepts yet. Write example pairs on the right and press Create concept: "
                                   "every concept you create is kept here, with the server it was made on."),
                                box);
    m_libraryEmpty->setObjectName(u"libraryEmpty"_s);
    m_libraryEmpty->setWordWrap(true);
    m_libraryEmpty->setStyleSheet(u"QLabel { color: palette(mid); }"_s);
    layout->addWidget(m_libraryEmpty);
    auto *grid = new QGridLayout;
    auto *load = button(tr("Open"), u"loadEntry"_s, tr("Put the concept's pairs and id into the editor (Enter)"), box);
    auto *rename = button(tr("Rename…"), u"renameEntry"_s, tr("Rename (F2 edits the name in place)"), box);
    auto *duplicate = button(tr("Duplicate"), u"duplicateEntry"_s, tr("A copy to change and create again"), box);
    auto *remove = button(tr("Delete"), u"deleteEntry"_s, tr("Delete from the library (Undo brings it back)"), box);
    auto *recreate = button(tr("Re-create here"), u"recreateEntry"_s,
                            tr("Send the pairs to the connection in use: concept ids only work on the server that made them"), box);
    m_undoButton = button(tr("Undo delete"), u"undoDelete"_s, tr("Put back the concept deleted last"), box);
    m_undoButton->setEnabled(false);
    auto *useCompletion = button(tr("Use in Completion"), u"useInCompletion"_s, tr("Put the id into the Completion tab's steering_concepts"), box);
    auto *useChat = button(tr("Use in Chat"), u"useInChat"_s, tr("Put the id into the Chat tab's steering concept"), box);
    grid->addWidget(load, 0, 0);
    grid->addWidget(rename, 0, 1);
    grid->addWidget(duplicate, 0, 2);
    grid->addWidget(remove, 1, 0);
    grid->addWidget(m_undoButton, 1, 1);
    grid->addWidget(recreate, 1, 2);
    grid->addWidget(useCompletion, 2, 0, 1, 2);
    grid->addWidget(useChat, 2, 2);
    layout->addLayout(grid);

    connect(load, &QPushButton::clicked, this, [this] { loadEntry(selectedLibraryRow()); });
    connect(m_libraryTable, &QTableWidget::activated, this, [this](const QModelIndex &index) { loadEntry(index.row()); });
    connect(rename, &QPushButton::clicked, this, [this] {
        const int row = selectedLibraryRow();
        if (row < 0)
            return;
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Rename concept"), tr("Name"), QLineEdit::Normal, m_entries.at(row).name, &ok);
        if (ok)
            renameEntry(row, name);
    });
    connect(m_libraryTable, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (m_filling || item->column() != 0)
            return;
        renameEntry(item->row(), item->text());
    });
    connect(duplicate, &QPushButton::clicked, this, [this] { duplicateEntry(selectedLibraryRow()); });
    connect(remove, &QPushButton::clicked, this, [this] { deleteEntry(selectedLibraryRow()); });
    connect(m_undoButton, &QPushButton::clicked, this, &SteeringTab::undoDelete);
    connect(recreate, &QPushButton::clicked, this, [this] { recreateEntry(selectedLibraryRow()); });
    connect(useCompletion, &QPushButton::clicked, this, [this] {
        const int row = selectedLibraryRow();
        if (row >= 0)
            Q_EMIT useConcept(m_entries.at(row).conceptId, Mode::Completion);
    });
    connect(useChat, &QPushButton::clicked, this, [this] {
        const int row = selectedLibraryRow();
        if (row >= 0)
            Q_EMIT useConcept(m_entries.at(row).conceptId, Mode::Chat);
    });
    addShortcut(m_libraryTable, QKeySequence::Delete, [this] { deleteEntry(selectedLibraryRow()); });
    addShortcut(this, QKeySequence::Undo, [this] {
        if (m_deleted && !m_pairs->hasFocus())
            undoDelete();
    });
    return box;
}

QWidget *SteeringTab::buildAB()
{
    auto *box = new QGroupBox(tr("A/B: the same prompt without and with the concept"), this);
    auto *layout = new QVBoxLayout(box);
    auto *top = new QHBoxLayout;
    m_mode = new QComboBox(box);
    m_mode->setObjectName(u"abMode"_s);
    m_mode->addItem(tr("Completion (/complete)"));
    m_mode->addItem(tr("Chat (/chat/completions)"));
    top->addWidget(m_mode);
    top->addWidget(new QLabel(tr("Model"), box));
    m_abModel = new ModelPicker(ModelPicker::Capability::Completion, u"luminous-base"_s, box);
    m_abModel->setObjectName(u"abModel"_s);
    top->addWidget(m_abModel);
    top->addStretch(1);
    layout->addLayout(top);
    // Two rows, so that the tab fits a 1024-pixel screen.
    top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("maximum_tokens"), box));
    m_maximumTokens = new QSpinBox(box);
    m_maximumTokens->setObjectName(u"maximum_tokens"_s);
    m_maximumTokens->setRange(1, 4096);
    m_maximumTokens->setValue(64);
    top->addWidget(m_maximumTokens);
    top->addWidget(new QLabel(tr("temperature"), box));
    m_temperature = new QDoubleSpinBox(box);
    m_temperature->setObjectName(u"temperature"_s);
    m_temperature->setRange(0, 2);
    m_temperature->setSingleStep(0.1);
    m_temperature->setValue(0);
    m_temperature->setToolTip(tr("The same for A and B. At 0 both are greedy, so any difference comes from the concept."));
    top->addWidget(m_temperature);
    m_runAB = button(tr("Run A/B"), u"runAB"_s, tr("Stream both (Ctrl+Enter in the prompt)"), box);
    m_stopAB = button(tr("Stop"), u"stopAB"_s, tr("Esc"), box);
    m_stopAB->setEnabled(false);
    top->addWidget(m_runAB);
    top->addWidget(m_stopAB);
    top->addStretch(1);
    layout->addLayout(top);
    m_abPrompt = new PromptEdit(box);
    m_abPrompt->setMinimumHeight(40);
    m_abPrompt->setObjectName(u"abPrompt"_s);
    m_abPrompt->setPlaceholderText(tr("A prompt to run twice, e.g. \"Write one sentence about the weekend:\""));
    m_abPrompt->setMaximumHeight(80);
    layout->addWidget(m_abPrompt);
    auto *outputs = new QHBoxLayout;
    for (int i = 0; i < 2; ++i) {
        auto *column = new QVBoxLayout;
        m_outputTitles[i] = new QLabel(box);
        m_outputs[i] = new QPlainTextEdit(box);
        m_outputs[i]->setMinimumHeight(40);
        m_outputs[i]->setObjectName(i == 0 ? u"outputWithout"_s : u"outputWith"_s);
        m_outputs[i]->setReadOnly(true);
        // A failed side says so here, in red, apart from whatever output it streamed.
        m_outputErrors[i] = new QLabel(box);
        m_outputErrors[i]->setObjectName(i == 0 ? u"errorWithout"_s : u"errorWith"_s);
        m_outputErrors[i]->setTextFormat(Qt::PlainText);
        m_outputErrors[i]->setWordWrap(true);
        m_outputErrors[i]->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_outputErrors[i]->setStyleSheet(u"QLabel { color: #b00020; }"_s);
        m_outputErrors[i]->hide();
        column->addWidget(m_outputTitles[i]);
        column->addWidget(m_outputErrors[i]);
        column->addWidget(m_outputs[i]);
        outputs->addLayout(column);
    }
    m_outputTitles[0]->setText(tr("<b>A · without a concept</b>"));
    m_outputTitles[1]->setText(tr("<b>B · with the concept</b> (none yet)"));
    m_outputs[0]->setPlaceholderText(tr("Unsteered output streams here."));
    m_outputs[1]->setPlaceholderText(tr("Create or open a concept, then Run A/B."));
    layout->addLayout(outputs, 1);
    m_abStatus = new QLabel(box);
    m_abStatus->setObjectName(u"abStatus"_s);
    m_abStatus->setWordWrap(true);
    layout->addWidget(m_abStatus);

    connect(m_mode, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_abModel->setCapability(index == 1 ? ModelPicker::Capability::Chat : ModelPicker::Capability::Completion);
        Q_EMIT draftChanged();
    });
    connect(m_runAB, &QPushButton::clicked, this, &SteeringTab::runAB);
    connect(m_stopAB, &QPushButton::clicked, this, &SteeringTab::stop);
    connect(m_abPrompt, &QPlainTextEdit::textChanged, this, &SteeringTab::draftChanged);
    addRunShortcuts(box, [this] { runAB(); });
    return box;
}

void SteeringTab::setModels(const QList<core::ModelSettings> &models)
{
    m_abModel->setModels(models);
}

void SteeringTab::setLibrary(core::SteeringLibrary *library)
{
    m_library = library;
    reloadLibrary();
}

// ---- editor ----

void SteeringTab::addPair(const QString &negative, const QString &positive)
{
    m_filling = true;
    const int row = m_pairs->rowCount();
    m_pairs->insertRow(row);
    m_pairs->setItem(row, 0, new QTableWidgetItem(negative));
    m_pairs->setItem(row, 1, new QTableWidgetItem(positive));
    m_filling = false;
    flagProblems();
    Q_EMIT draftChanged();
}

void SteeringTab::addPairAndEdit()
{
    addPair();
    const int row = m_pairs->rowCount() - 1;
    m_pairs->setFocus(Qt::ShortcutFocusReason);
    m_pairs->setCurrentCell(row, 0); // commits and closes an editor still open on another cell
    m_pairs->scrollToItem(m_pairs->item(row, 0));
    m_pairs->editItem(m_pairs->item(row, 0));
}

void SteeringTab::setExamples(const QList<core::SteeringConceptExample> &examples)
{
    m_filling = true;
    m_pairs->setRowCount(0);
    m_pairs->setRowCount(int(examples.size()));
    for (int row = 0; row < examples.size(); ++row) {
        m_pairs->setItem(row, 0, new QTableWidgetItem(examples.at(row).negative));
        m_pairs->setItem(row, 1, new QTableWidgetItem(examples.at(row).positive));
    }
    m_filling = false;
    flagProblems();
    Q_EMIT draftChanged();
}

QList<core::SteeringConceptExample> SteeringTab::examples() const
{
    QList<core::SteeringConceptExample> out;
    for (int row = 0; row < m_pairs->rowCount(); ++row) {
        const auto cell = [this, row](int column) { return m_pairs->item(row, column) ? m_pairs->item(row, column)->text() : QString(); };
        out.append({cell(0), cell(1), {}});
    }
    return out;
}

void SteeringTab::setConceptName(const QString &name)
{
    m_name->setText(name);
}

void SteeringTab::setDescription(const QString &description)
{
    m_description->setText(description);
}

void SteeringTab::removeSelectedPairs()
{
    QList<int> rows;
    for (const QModelIndex &index : m_pairs->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty() && m_pairs->currentRow() >= 0)
        rows.append(m_pairs->currentRow());
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    m_filling = true;
    for (const int row : std::as_const(rows))
        m_pairs->removeRow(row);
    m_filling = false;
    flagProblems();
    Q_EMIT draftChanged();
}

void SteeringTab::movePair(int delta)
{
    const int row = m_pairs->currentRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_pairs->rowCount())
        return;
    m_filling = true;
    for (int column = 0; column < 2; ++column) {
        QTableWidgetItem *a = m_pairs->takeItem(row, column);
        QTableWidgetItem *b = m_pairs->takeItem(target, column);
        m_pairs->setItem(row, column, b);
        m_pairs->setItem(target, column, a);
    }
    m_filling = false;
    m_pairs->setCurrentCell(target, std::max(m_pairs->currentColumn(), 0));
    flagProblems();
    Q_EMIT draftChanged();
}

QList<SteeringTab::PairProblem> SteeringTab::pairProblems() const
{
    QList<PairProblem> problems;
    QHash<QPair<QString, QString>, int> seen;
    const QList<core::SteeringConceptExample> pairs = examples();
    for (int row = 0; row < pairs.size(); ++row) {
        const QString negative = pairs.at(row).negative.trimmed();
        const QString positive = pairs.at(row).positive.trimmed();
        if (negative.isEmpty() && positive.isEmpty()) {
            problems.append({row, tr("pair %1 is empty").arg(row + 1)});
            continue;
        }
        if (negative.isEmpty() || positive.isEmpty()) {
            problems.append({row, tr("pair %1 has no %2 example").arg(row + 1).arg(negative.isEmpty() ? tr("negative") : tr("positive"))});
            continue;
        }
        if (negative == positive)
            problems.append({row, tr("pair %1 has the same text on both sides").arg(row + 1)});
        const auto key = qMakePair(negative, positive);
        const auto it = seen.constFind(key);
        if (it != seen.cend())
            problems.append({row, tr("pair %1 repeats pair %2").arg(row + 1).arg(it.value() + 1)});
        else
            seen.insert(key, row);
    }
    return problems;
}

QString SteeringTab::validationText() const
{
    return m_validation->text();
}

void SteeringTab::flagProblems()
{
    const QList<PairProblem> problems = pairProblems();
    QHash<int, QString> byRow;
    QStringList messages;
    for (const PairProblem &p : problems) {
        byRow[p.row] += (byRow.contains(p.row) ? u"; "_s : QString()) + p.message;
        messages.append(p.message);
    }
    m_filling = true;
    for (int row = 0; row < m_pairs->rowCount(); ++row) {
        for (int column = 0; column < 2; ++column) {
            QTableWidgetItem *item = m_pairs->item(row, column);
            if (!item) {
                item = new QTableWidgetItem;
                m_pairs->setItem(row, column, item);
            }
            item->setBackground(byRow.contains(row) ? QBrush(kProblemFill) : QBrush());
            item->setToolTip(byRow.value(row));
        }
    }
    m_filling = false;
    const int count = m_pairs->rowCount();
    if (count == 0)
        m_validation->setText(tr("Add at least one pair: a negative example and its positive rewrite."));
    else if (problems.isEmpty())
        m_validation->setText(tr("%1, ready to send.").arg(plural(count, tr("pair"), tr("pairs"))));
    else
        m_validation->setText(u"<span style='color:#b03000'>%1</span>"_s.arg(
            tr("Fix before sending: %1.").arg(messages.join(u"; "_s)).toHtmlEscaped()));
    m_createButton->setEnabled(count > 0 && problems.isEmpty() && !m_conceptJob);
}

bool SteeringTab::importCsv(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    const std::optional<QList<core::SteeringConceptExample>> pairs = core::steeringExamplesFromCsv(QString::fromUtf8(file.readAll()), error);
    if (!pairs) {
        *error = tr("%1: %2. Nothing was imported.").arg(path, *error);
        return false;
    }
    setExamples(*pairs);
    m_status->setText(tr("Imported %1 from %2.").arg(plural(pairs->size(), tr("pair"), tr("pairs")), path));
    return true;
}

bool SteeringTab::exportCsv(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(core::steeringExamplesToCsv(examples()).toUtf8()) < 0 || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QString SteeringTab::conceptId() const
{
    return m_idEdit->text().trimmed();
}

void SteeringTab::setConceptId(const QString &id)
{
    m_idEdit->setText(id);
}

QString SteeringTab::statusText() const
{
    return m_status->text();
}

// ---- creating ----

bool SteeringTab::currentRequest(QString *endpoint, QJsonObject *body, QString *error) const
{
    *endpoint = u"steering_concepts"_s;
    const QList<PairProblem> problems = pairProblems();
    if (m_pairs->rowCount() == 0 || !problems.isEmpty()) {
        *error = problems.isEmpty() ? tr("Add at least one pair.") : problems.first().message;
        return false;
    }
    core::CreateSteeringConceptRequest request;
    request.examples = examples();
    *body = request.toJson();
    return true;
}

void SteeringTab::createConcept()
{
    QString endpoint;
    QJsonObject body;
    QString error;
    if (!currentRequest(&endpoint, &body, &error)) {
        m_status->setText(tr("Not sent: %1").arg(error));
        return;
    }
    core::SteeringConceptEntry base;
    base.name = m_name->text().trimmed();
    if (base.name.isEmpty()) {
        base.name = tr("Concept %1").arg(QDateTime::currentDateTime().toString(u"yyyy-MM-dd HH:mm"_s));
        m_name->setText(base.name);
    }
    base.description = m_description->text().trimmed();
    sendConcept(examples(), base, false);
}

void SteeringTab::sendConcept(const QList<core::SteeringConceptExample> &pairs, const core::SteeringConceptEntry &base, bool recreate)
{
    if (m_conceptJob)
        m_conceptJob->cancel();
    core::CreateSteeringConceptRequest request;
    request.examples = pairs;
    m_runId = m_recorder ? m_recorder->begin(tabKey(), core::ApiCall::of(request)) : 0;
    auto *job = m_client->createSteeringConcept(request);
    m_conceptJob = job;
    const QString host = m_client->config().serverKey();
    const QString profile = m_recorder ? m_recorder->profileName() : QString();
    connect(job, &core::ApiJob::finished, this, [this, job, base, pairs, recreate, host, profile] {
        if (job != m_conceptJob)
            return;
        m_conceptJob.clear();
        if (job->state() != core::ApiJob::State::Succeeded) {
            const bool canceled = job->state() == core::ApiJob::State::Canceled;
            m_status->setText(canceled ? tr("Stopped.") : tr("The concept was not created: %1").arg(errorText(job->error())));
            if (m_recorder)
                m_recorder->finish(m_runId, canceled ? core::RunStatus::Canceled : core::RunStatus::Failed, QString(), canceled ? QString() : errorText(job->error()), job->elapsedMs());
            flagProblems();
            Q_EMIT conceptFinished();
            return;
        }
        const QString id = job->result().id;
        if (m_recorder)
            m_recorder->finish(m_runId, core::RunStatus::Succeeded, QString::fromUtf8(QJsonDocument(job->result().toJson()).toJson(QJsonDocument::Compact)),
                               QString(), job->elapsedMs());
        setConceptId(id);
        core::SteeringConceptEntry entry = base;
        entry.examples = pairs;
        entry.conceptId = id;
        entry.host = host;
        entry.profile = profile;
        entry.createdAt = QDateTime::currentDateTimeUtc();
        // The API is idempotent (same pairs, same id): a concept already kept for this host is updated.
        QString kept;
        if (m_library) {
            const QList<core::SteeringConceptEntry> all = m_library->list();
            const auto same = std::find_if(all.cbegin(), all.cend(), [&](const core::SteeringConceptEntry &e) {
                return e.conceptId == id && e.host == host;
            });
            if (same != all.cend()) {
                entry.rowId = same->rowId;
                if (recreate)
                    entry.name = same->name;
                kept = m_library->update(entry) ? tr("updated in the library") : m_library->lastError();
            } else {
                kept = m_library->add(entry) > 0 ? tr("saved in the library") : m_library->lastError();
            }
            reloadLibrary();
            Q_EMIT libraryChanged();
        } else {
            kept = tr("not kept: the library is off (no database)");
        }
        m_status->setText(tr("%1 concept \"%2\" on %3 in %4 ms: %5; %6.")
                              .arg(recreate ? tr("Re-created") : tr("Created"), entry.name, host)
                              .arg(job->elapsedMs())
                              .arg(id, kept));
        flagProblems();
        Q_EMIT conceptFinished();
    });
    m_createButton->setEnabled(false);
    m_status->setText(tr("Creating the concept on %1…").arg(host));
}

// ---- library ----

void SteeringTab::reloadLibrary()
{
    m_entries = m_library ? m_library->list() : QList<core::SteeringConceptEntry>();
    const QString host = m_client->config().serverKey();
    m_filling = true;
    m_libraryTable->setRowCount(int(m_entries.size()));
    for (int row = 0; row < m_entries.size(); ++row) {
        const core::SteeringConceptEntry &e = m_entries.at(row);
        auto *name = new QTableWidgetItem(e.name);
        name->setToolTip(e.description.isEmpty() ? e.name : e.name + u"\n"_s + e.description);
        auto *id = new QTableWidgetItem(e.conceptId.size() > 12 ? u"…"_s + e.conceptId.right(10) : e.conceptId);
        id->setToolTip(e.conceptId);
        auto *profile = new QTableWidgetItem(e.profile);
        profile->setToolTip(e.host);
        if (e.host != host) {
            profile->setForeground(QColor(0x88, 0x88, 0x88));
            profile->setToolTip(tr("Made on %1; its id works there only. Re-create it here to use it on %2.").arg(e.host, host));
        }
        auto *created = new QTableWidgetItem(e.createdAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s));
        for (QTableWidgetItem *item : {id, profile, created})
            item->setFlags(item->flags() & ~Qt::ItemIsEditable);
        m_libraryTable->setItem(row, 0, name);
        m_libraryTable->setItem(row, 1, id);
        m_libraryTable->setItem(row, 2, profile);
        m_libraryTable->setItem(row, 3, created);
    }
    m_filling = false;
    m_libraryEmpty->setVisible(m_entries.isEmpty());
}

int SteeringTab::selectedLibraryRow() const
{
    const int row = m_libraryTable->currentRow();
    return row >= 0 && row < m_entries.size() ? row : -1;
}

qint64 SteeringTab::rowIdAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).rowId : 0;
}

void SteeringTab::loadEntry(int row)
{
    if (row < 0 || row >= m_entries.size())
        return;
    const core::SteeringConceptEntry &e = m_entries.at(row);
    setConceptName(e.name);
    setDescription(e.description);
    setExamples(e.examples);
    setConceptId(e.conceptId);
    const QString host = m_client->config().serverKey();
    m_status->setText(e.host == host ? tr("Opened \"%1\".").arg(e.name)
                                     : tr("Opened \"%1\". It was made on %2; use Re-create here before using its id on %3.")
                                           .arg(e.name, e.host, host));
}

bool SteeringTab::renameEntry(int row, const QString &name)
{
    if (row < 0 || row >= m_entries.size() || !m_library)
        return false;
    if (name.trimmed().isEmpty()) {
        m_status->setText(tr("A concept needs a name."));
        reloadLibrary();
        return false;
    }
    const bool ok = m_library->rename(m_entries.at(row).rowId, name.trimmed());
    m_status->setText(ok ? tr("Renamed to \"%1\".").arg(name.trimmed()) : m_library->lastError());
    reloadLibrary();
    Q_EMIT libraryChanged();
    return ok;
}

bool SteeringTab::deleteEntry(int row)
{
    if (row < 0 || row >= m_entries.size() || !m_library)
        return false;
    const core::SteeringConceptEntry entry = m_entries.at(row);
    if (!m_library->remove(entry.rowId)) {
        m_status->setText(m_library->lastError());
        return false;
    }
    m_deleted = entry;
    m_undoButton->setEnabled(true);
    m_status->setText(tr("Deleted \"%1\" (Undo delete or Ctrl+Z brings it back).").arg(entry.name));
    reloadLibrary();
    Q_EMIT libraryChanged();
    return true;
}

bool SteeringTab::undoDelete()
{
    if (!m_deleted || !m_library)
        return false;
    const qint64 rowId = m_library->add(*m_deleted);
    if (rowId <= 0) {
        m_status->setText(m_library->lastError());
        return false;
    }
    m_status->setText(tr("Restored \"%1\".").arg(m_deleted->name));
    m_deleted.reset();
    m_undoButton->setEnabled(false);
    reloadLibrary();
    Q_EMIT libraryChanged();
    return true;
}

bool SteeringTab::duplicateEntry(int row)
{
    if (row < 0 || row >= m_entries.size() || !m_library)
        return false;
    const qint64 rowId = m_library->duplicate(m_entries.at(row).rowId);
    m_status->setText(rowId > 0 ? tr("Duplicated \"%1\".").arg(m_entries.at(row).name) : m_library->lastError());
    reloadLibrary();
    Q_EMIT libraryChanged();
    return rowId > 0;
}

void SteeringTab::recreateEntry(int row)
{
    if (row < 0 || row >= m_entries.size())
        return;
    const core::SteeringConceptEntry e = m_entries.at(row);
    sendConcept(e.examples, e, true);
}

// ---- A/B ----

void SteeringTab::setMode(Mode mode)
{
    m_mode->setCurrentIndex(mode == Mode::Chat ? 1 : 0);
}

void SteeringTab::setABPrompt(const QString &prompt)
{
    m_abPrompt->setPlainText(prompt);
}

void SteeringTab::setABModel(const QString &model)
{
    m_abModel->setCurrentText(model);
}

void SteeringTab::setMaximumTokens(int tokens)
{
    m_maximumTokens->setValue(tokens);
}

QString SteeringTab::outputWithout() const
{
    return m_outputs[0]->toPlainText();
}

QString SteeringTab::outputWith() const
{
    return m_outputs[1]->toPlainText();
}

QString SteeringTab::abError(bool steered) const
{
    const int side = steered ? 1 : 0;
    return m_sideStates[side] == core::ApiJob::State::Failed ? m_outputErrors[side]->text() : QString();
}

bool SteeringTab::isBusy() const
{
    return m_conceptJob || m_streams[0] || m_streams[1];
}

QString SteeringTab::abStatusText() const
{
    return m_abStatus->text();
}

void SteeringTab::runAB()
{
    if (m_abPrompt->toPlainText().trimmed().isEmpty()) {
        m_abStatus->setText(tr("Not sent: type a prompt for A/B."));
        return;
    }
    if (conceptId().isEmpty()) {
        m_abStatus->setText(tr("Not sent: create a concept or open one from the library first."));
        return;
    }
    if (m_abModel->model().isEmpty()) {
        m_abStatus->setText(tr("Not sent: choose a model."));
        return;
    }
    for (const QPointer<core::ApiJob> &job : m_streams)
        if (job)
            job->cancel();
    m_abStatus->setText(tr("Streaming both…"));
    startStream(false);
    startStream(true);
    m_runAB->setEnabled(false);
    m_stopAB->setEnabled(true);
}

void SteeringTab::startStream(bool steered)
{
    const int side = steered ? 1 : 0;
    m_outputs[side]->clear();
    m_outputErrors[side]->clear();
    m_outputErrors[side]->hide();
    m_sideStates[side] = core::ApiJob::State::Running;
    const QString prompt = m_abPrompt->toPlainText();
    const std::optional<QStringList> concepts = steered ? std::optional<QStringList>(QStringList{conceptId()}) : std::nullopt;
    core::ApiJob *job = nullptr;
    if (m_mode->currentIndex() == 0) {
        core::CompletionRequest request = core::CompletionRequest::withClientDefaults(m_abModel->model(), core::Prompt::fromText(prompt));
        request.maximumTokens = m_maximumTokens->value();
        request.temperature = m_temperature->value();
        request.steeringConcepts = concepts;
        auto *stream = m_client->completeStreaming(request);
        connect(stream, &core::CompletionStreamJob::textReceived, this, [this, side](int index, const QString &text) {
            if (index == 0)
                m_outputs[side]->insertPlainText(text);
        });
        job = stream;
    } else {
        core::ChatRequest request;
        request.model = m_abModel->model();
        request.messages = {core::ChatMessage::fromText(u"user"_s, prompt)};
        request.maxTokens = m_maximumTokens->value();
        request.temperature = m_temperature->value();
        request.steeringConcepts = concepts;
        auto *stream = m_client->chatStreaming(request);
        connect(stream, &core::ChatStreamJob::deltaReceived, this, [this, side](int index, const QString &text) {
            if (index == 0)
                m_outputs[side]->insertPlainText(text);
        });
        job = stream;
    }
    m_streams[side] = job;
    connect(job, &core::ApiJob::finished, this, [this, job, side] {
        if (m_streams[side] != job)
            return;
        m_sideStates[side] = job->state();
        if (job->state() == core::ApiJob::State::Failed) {
            // Not appended to the output: it is not the model's text.
            m_outputErrors[side]->setText(tr("⚠ %1 failed: %2").arg(side == 0 ? u"A"_s : u"B"_s, errorText(job->error())));
            m_outputErrors[side]->show();
        }
        m_streams[side].clear();
        streamEnded();
    });
}

void SteeringTab::streamEnded()
{
    if (m_streams[0] || m_streams[1])
        return;
    m_runAB->setEnabled(true);
    m_stopAB->setEnabled(false);
    // Only what the model streamed is counted; a failed side is named as failed.
    const auto summary = [this](int side) {
        const QString characters = plural(m_outputs[side]->toPlainText().size(), tr("character"), tr("characters"));
        switch (m_sideStates[side]) {
        case core::ApiJob::State::Failed:
            return m_outputs[side]->toPlainText().isEmpty() ? tr("failed") : tr("failed after %1").arg(characters);
        case core::ApiJob::State::Canceled:
            return tr("stopped after %1").arg(characters);
        case core::ApiJob::State::Running:
        case core::ApiJob::State::Succeeded:
            break;
        }
        return characters;
    };
    m_abStatus->setText(tr("Done. A: %1 · B: %2").arg(summary(0), summary(1)));
    Q_EMIT abFinished();
}

void SteeringTab::stop()
{
    if (m_conceptJob)
        m_conceptJob->cancel();
    for (const QPointer<core::ApiJob> &job : m_streams)
        if (job)
            job->cancel();
}

// ---- drafts and history ----

core::ApiCall SteeringTab::currentCall(QString *problem) const
{
    QString endpoint;
    QJsonObject body;
    return currentRequest(&endpoint, &body, problem) ? core::ApiCall::fromRecord(endpoint, body) : core::ApiCall();
}

QVariantMap SteeringTab::draft() const
{
    return draftJson().toVariantMap();
}

void SteeringTab::restoreDraft(const QVariantMap &draft)
{
    restoreDraftJson(QJsonObject::fromVariantMap(draft));
}

QJsonObject SteeringTab::draftJson() const
{
    core::CreateSteeringConceptRequest pairs;
    pairs.examples = examples();
    return {{u"name"_s, m_name->text()},
            {u"description"_s, m_description->text()},
            {u"examples"_s, pairs.toJson().value(u"examples"_s)},
            {u"concept_id"_s, conceptId()},
            {u"ab_mode"_s, m_mode->currentIndex()},
            {u"ab_model"_s, m_abModel->model()},
            {u"ab_prompt"_s, m_abPrompt->toPlainText()},
            {u"maximum_tokens"_s, m_maximumTokens->value()},
            {u"temperature"_s, m_temperature->value()}};
}

void SteeringTab::restoreDraftJson(const QJsonObject &draft)
{
    setConceptName(draft.value(u"name"_s).toString());
    setDescription(draft.value(u"description"_s).toString());
    QString ignored;
    const auto pairs = core::CreateSteeringConceptRequest::fromJson({{u"examples"_s, draft.value(u"examples"_s)}}, &ignored);
    if (pairs)
        setExamples(pairs->examples);
    setConceptId(draft.value(u"concept_id"_s).toString());
    m_mode->setCurrentIndex(draft.value(u"ab_mode"_s).toInt());
    if (draft.contains(u"ab_model"_s))
        setABModel(draft.value(u"ab_model"_s).toString());
    setABPrompt(draft.value(u"ab_prompt"_s).toString());
    if (draft.contains(u"maximum_tokens"_s))
        setMaximumTokens(draft.value(u"maximum_tokens"_s).toInt());
    m_temperature->setValue(draft.value(u"temperature"_s).toDouble());
}

void SteeringTab::restoreRun(const core::RunRecord &run)
{
    QString error;
    const auto request = core::CreateSteeringConceptRequest::fromJson(run.request, &error);
    if (!request) {
        m_status->setText(tr("This run cannot be restored: %1").arg(error));
        return;
    }
    setExamples(request->examples);
    const QJsonObject answer = QJsonDocument::fromJson(run.response.toUtf8()).object();
    if (answer.contains(u"id"_s))
        setConceptId(answer.value(u"id"_s).toString());
    m_status->setText(tr("Restored the pairs of a %1 run (%2).").arg(core::runStatusName(run.status), run.startedAt.toLocalTime().toString()));
}

} // namespace ui
