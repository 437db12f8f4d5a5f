// SPDX-License-Identifier: MIT
#include "ui/steering/SteeringPairsEditor.h"

#include "core/export/TableText.h"
#include "core/storage/SteeringLibrary.h"
#include "ui/common/PresenterHint.h"
#include "ui/common/Theme.h"
#include "ui/steering/PairTableModel.h"
#include "ui/steering/SampleConcepts.h"
#include "ui/steering/SteeringWidgets.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ui {

using steering::addRunShortcuts;
using steering::addShortcut;
using steering::button;

SteeringPairsEditor::SteeringPairsEditor(QWidget *parent)
    : QGroupBox(
        tr("Examples: output is steered away from the negative and toward the positive"), parent)
{
    auto *box = this;
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

    m_model = new PairTableModel(this);
    m_pairs = new QTableView(box);
    m_pairs->setModel(m_model);
    m_pairs->setMinimumHeight(50); // the tab fits a 700-pixel screen; the splitter gives it more
    m_pairs->setObjectName(u"pairs"_s);
    m_pairs->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_pairs->verticalHeader()->setDefaultSectionSize(m_pairs->fontMetrics().height() + 10);
    m_pairs->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_pairs->setWordWrap(true);
    layout->addWidget(m_pairs, 1);

    auto *row = new QHBoxLayout;
    auto *add = button(tr("Add"), u"addPair"_s, tr("Add a pair (Ctrl+N)"), box);
    auto *remove
        = button(tr("Remove"), u"removePair"_s, tr("Remove the selected pairs (Delete)"), box);
    auto *up = button(tr("↑"), u"pairUp"_s, tr("Move the pair up (Alt+Up)"), box);
    auto *down = button(tr("↓"), u"pairDown"_s, tr("Move the pair down (Alt+Down)"), box);
    auto *importButton = button(tr("Import CSV…"),
        u"importCsv"_s,
        tr("Pairs from a CSV with the columns negative and positive"),
        box);
    auto *exportButton = button(
        tr("Export CSV…"), u"exportCsv"_s, tr("The pairs as CSV (negative,positive)"), box);
    for (QPushButton *b : {add, remove, up, down, importButton, exportButton})
        row->addWidget(b);
    // Concepts ready to try: each fills the name, description and pairs.
    auto *samples = new QToolButton(box);
    samples->setObjectName(u"sampleConcepts"_s);
    samples->setText(tr("Samples"));
    samples->setToolTip(tr("Fill the editor with a sample concept to try"));
    samples->setPopupMode(QToolButton::InstantPopup);
    auto *sampleMenu = new QMenu(samples);
    for (const SampleConcept &sample : sampleConcepts()) {
        QAction *action
            = sampleMenu->addAction(sample.displayName() + u" — "_s + sample.displayDescription());
        connect(action, &QAction::triggered, this, [this, sample] { loadSample(sample.name); });
    }
    samples->setMenu(sampleMenu);
    row->addStretch(1);
    layout->addLayout(row);
    m_validation = new QLabel(box);
    m_validation->setObjectName(u"validation"_s);
    m_validation->setWordWrap(true);
    layout->addWidget(m_validation);
    auto *createRow = new QHBoxLayout;
    m_createButton = button(tr("Create concept"),
        u"create"_s,
        tr("POST /steering_concepts with these pairs (Ctrl+Enter)"),
        box);
    m_createButton->setDefault(true);
    createRow->addWidget(m_createButton);
    auto *idLabel = new QLabel(tr("id"), box);
    createRow->addWidget(idLabel);
    m_idEdit = new QLineEdit(box);
    m_idEdit->setObjectName(u"conceptId"_s);
    m_idEdit->setPlaceholderText(tr("created or loaded concept id; \"_worker/<name>\" works too"));
    createRow->addWidget(m_idEdit, 1);
    auto *copyId = button(tr("Copy"), u"copyId"_s, tr("Copy the id"), box);
    createRow->addWidget(copyId);
    // Presenter mode: the pairs show what the concept is; its id and the editing are for later.
    for (QWidget *w :
        std::initializer_list<QWidget *>{m_createButton, idLabel, m_idEdit, copyId, samples})
        hideInPresenterMode(w);
    // On this row, whose id field gives way, rather than the pair buttons' (too wide in German).
    createRow->addWidget(samples);
    layout->addLayout(createRow);

    connect(add, &QPushButton::clicked, this, &SteeringPairsEditor::addPairAndEdit);
    connect(remove, &QPushButton::clicked, this, &SteeringPairsEditor::removeSelectedPairs);
    connect(up, &QPushButton::clicked, this, [this] { movePair(-1); });
    connect(down, &QPushButton::clicked, this, [this] { movePair(+1); });
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Import pairs"), QString(), tr("CSV (*.csv *.tsv *.txt)"));
        QString error;
        if (!path.isEmpty() && !importCsv(path, &error))
            Q_EMIT message(error);
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export pairs"), u"steering-pairs.csv"_s, tr("CSV (*.csv)"));
        QString error;
        if (!path.isEmpty())
            Q_EMIT message(exportCsv(path, &error)
                    ? tr("Exported %Ln pair(s) to %1.", nullptr, m_model->rowCount()).arg(path)
                    : error);
    });
    connect(m_createButton, &QPushButton::clicked, this, &SteeringPairsEditor::createRequested);
    connect(copyId, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_idEdit->text().trimmed());
    });
    connect(m_model, &PairTableModel::edited, this, &SteeringPairsEditor::pairsChanged);
    connect(m_name, &QLineEdit::textChanged, this, &SteeringPairsEditor::edited);
    connect(m_description, &QLineEdit::textChanged, this, &SteeringPairsEditor::edited);
    addRunShortcuts(box, [this] { Q_EMIT createRequested(); });
    addShortcut(m_pairs, QKeySequence(Qt::CTRL | Qt::Key_N), [this] { addPairAndEdit(); });
    addShortcut(m_pairs, QKeySequence::Delete, [this] { removeSelectedPairs(); });
    addShortcut(m_pairs, QKeySequence(Qt::ALT | Qt::Key_Up), [this] { movePair(-1); });
    addShortcut(m_pairs, QKeySequence(Qt::ALT | Qt::Key_Down), [this] { movePair(+1); });
}

void SteeringPairsEditor::pairsChanged()
{
    flagProblems();
    Q_EMIT edited();
}

void SteeringPairsEditor::addPair(const QString &negative, const QString &positive)
{
    m_model->appendPair(negative, positive);
    pairsChanged();
}

void SteeringPairsEditor::addPairAndEdit()
{
    // An editor still open on another cell keeps what was typed there.
    if (QWidget *editor = m_pairs->indexWidget(m_pairs->currentIndex()))
        QMetaObject::invokeMethod(
            m_pairs, "commitData", Qt::DirectConnection, Q_ARG(QWidget *, editor));
    addPair();
    const QModelIndex cell = m_model->index(m_model->rowCount() - 1, 0);
    m_pairs->setFocus(Qt::ShortcutFocusReason);
    m_pairs->setCurrentIndex(cell); // commits and closes an editor still open on another cell
    m_pairs->scrollTo(cell);
    m_pairs->edit(cell);
}

void SteeringPairsEditor::setExamples(const QList<core::SteeringConceptExample> &examples)
{
    m_model->setPairs(examples);
    pairsChanged();
}

QList<core::SteeringConceptExample> SteeringPairsEditor::examples() const
{
    return m_model->pairs();
}

void SteeringPairsEditor::removeSelectedPairs()
{
    QList<int> rows;
    for (const QModelIndex &index : m_pairs->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty() && m_pairs->currentIndex().row() >= 0)
        rows.append(m_pairs->currentIndex().row());
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    for (const int row : std::as_const(rows))
        m_model->removeRow(row);
    pairsChanged();
}

void SteeringPairsEditor::movePair(int delta)
{
    const int row = m_pairs->currentIndex().row();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_model->rowCount())
        return;
    m_model->swapRows(row, target);
    m_pairs->setCurrentIndex(m_model->index(target, std::max(m_pairs->currentIndex().column(), 0)));
    pairsChanged();
}

QList<SteeringPairsEditor::PairProblem> SteeringPairsEditor::pairProblems() const
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
            problems.append({row,
                tr("pair %1 has no %2 example")
                    .arg(row + 1)
                    .arg(negative.isEmpty() ? tr("negative") : tr("positive"))});
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

QString SteeringPairsEditor::validationText() const
{
    return m_validation->text();
}

void SteeringPairsEditor::flagProblems()
{
    const QList<PairProblem> problems = pairProblems();
    QHash<int, QString> byRow;
    QStringList messages;
    for (const PairProblem &p : problems) {
        byRow[p.row] += (byRow.contains(p.row) ? u"; "_s : QString()) + p.message;
        messages.append(p.message);
    }
    m_model->setProblems(byRow);
    const int count = m_model->rowCount();
    if (count == 0)
        m_validation->setText(
            tr("Add at least one pair: a negative example and its positive rewrite."));
    else if (problems.isEmpty())
        m_validation->setText(tr("%Ln pair(s), ready to send.", nullptr, int(count)));
    else
        m_validation->setText(
            coloredHtml(tr("Fix before sending: %1.").arg(messages.join(u"; "_s)).toHtmlEscaped(),
                TextRole::Warning));
    m_createButton->setEnabled(count > 0 && problems.isEmpty() && !(m_busy && m_busy()));
}

bool SteeringPairsEditor::importCsv(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    const std::optional<QList<core::SteeringConceptExample>> pairs
        = core::steeringExamplesFromCsv(QString::fromUtf8(file.readAll()), error);
    if (!pairs) {
        *error = tr("%1: %2. Nothing was imported.").arg(path, *error);
        return false;
    }
    setExamples(*pairs);
    Q_EMIT message(tr("Imported %Ln pair(s) from %1.", nullptr, int(pairs->size())).arg(path));
    return true;
}

bool SteeringPairsEditor::exportCsv(const QString &path, QString *error) const
{
    QString reason;
    if (!core::saveTextFile(path, core::steeringExamplesToCsv(examples()), &reason)) {
        *error = tr("Cannot write %1: %2").arg(path, reason);
        return false;
    }
    return true;
}

void SteeringPairsEditor::loadSample(const QString &name)
{
    for (const SampleConcept &sample : sampleConcepts()) {
        if (sample.name != name)
            continue;
        QList<core::SteeringConceptExample> examples;
        for (const auto &[negative, positive] : sample.pairs)
            examples.append({negative, positive, {}});
        m_name->setText(sample.displayName());
        m_description->setText(sample.displayDescription());
        setExamples(examples);
        Q_EMIT message(tr("Sample concept \"%1\": %2 pairs. Create concept, then Run A/B.")
                           .arg(sample.displayName())
                           .arg(sample.pairs.size()));
        return;
    }
}

} // namespace ui
