// SPDX-License-Identifier: MIT
#include "ui/testsets/TestSetEditor.h"

#include "ui/testsets/LibraryVersionDialog.h"
#include "ui/testsets/TestSetModel.h"

#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace ui {

namespace {

QString kindTitle(core::Check::Kind kind)
{
    using K = core::Check::Kind;
    switch (kind) {
    case K::Exact:
        return TestSetEditor::tr("Exact");
    case K::Contains:
        return TestSetEditor::tr("Contains…");
    case K::Regex:
        return TestSetEditor::tr("Regular expression…");
    case K::Json:
        return TestSetEditor::tr("Valid JSON");
    case K::JsonSchema:
        return TestSetEditor::tr("Valid against a JSON schema…");
    case K::MaximumLength:
        return TestSetEditor::tr("Maximum length…");
    case K::Similarity:
        return TestSetEditor::tr("Semantic similarity ≥ …");
    case K::LogProbability:
        return TestSetEditor::tr("Log-probability of the expected text ≥ …");
    case K::Manual:
        return TestSetEditor::tr("Manual grade (1–5)");
    }
    return {};
}

} // namespace

TestSetEditor::TestSetEditor(TestSetModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    auto *layout = new QVBoxLayout(this);
    auto *buttons = new QHBoxLayout;
    auto button = [this, buttons](const QString &text, const QString &name, const QString &tip) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setToolTip(tip);
        buttons->addWidget(b);
        return b;
    };
    connect(button(tr("Import CSV/JSONL…"),
                QStringLiteral("importRows"),
                tr("Add the rows of a CSV or JSON Lines file: a column per variable and "
                   "\"expected\"")),
        &QPushButton::clicked,
        this,
        &TestSetEditor::importRows);
    connect(button(tr("Add row from Completion"),
                QStringLiteral("addRowFromCompletion"),
                tr("Add the Completion tab's current variable values as a row")),
        &QPushButton::clicked,
        this,
        &TestSetEditor::addRowFromCompletion);
    connect(button(tr("Add empty row"), QStringLiteral("addEmptyRow"), tr("Add a row to fill in")),
        &QPushButton::clicked,
        this,
        [this] { m_model->addRow({}); });
    connect(button(tr("Remove rows"), QStringLiteral("removeRows"), tr("Remove the selected rows")),
        &QPushButton::clicked,
        this,
        &TestSetEditor::removeSelectedRows);
    QPushButton *undoButton = button(tr("Undo"),
        QStringLiteral("undoTestSet"),
        tr("Bring back what was last removed or replaced (Ctrl+Z)"));
    connect(undoButton, &QPushButton::clicked, this, &TestSetEditor::undo);
    auto *undoKey = new QShortcut(QKeySequence::Undo, this);
    undoKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(undoKey, &QShortcut::activated, this, &TestSetEditor::undo);
    buttons->addStretch();
    layout->addLayout(buttons);
    // The empty state says what a test set is and where to start.
    auto *emptyHint
        = new QLabel(tr("A test set is a table of inputs: one column per {{ variable }} "
                        "of the prompt, the expected answer, and checks. Start with "
                        "Import CSV/JSONL… or Add row from Completion, add prompt "
                        "versions and checks on the right, then Run on the Results "
                        "tab."),
            this);
    emptyHint->setObjectName(QStringLiteral("testSetEmpty"));
    emptyHint->setWordWrap(true);
    emptyHint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(emptyHint);
    const auto updateEmptyHint = [this, emptyHint] {
        emptyHint->setVisible(m_model->rowCount() == 0);
    };
    connect(m_model, &QAbstractItemModel::rowsInserted, this, updateEmptyHint);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, updateEmptyHint);
    connect(m_model, &QAbstractItemModel::modelReset, this, updateEmptyHint);
    updateEmptyHint();

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("testSetSplit"));
    m_table = new QTableView(split);
    m_table->setObjectName(QStringLiteral("testSetTable"));
    m_table->setModel(m_model);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);

    auto *side = new QWidget(split);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    auto *versionsBox = new QGroupBox(tr("Prompt versions"), side);
    auto *versionsLayout = new QVBoxLayout(versionsBox);
    m_versions = new QListWidget(versionsBox);
    m_versions->setObjectName(QStringLiteral("versionList"));
    versionsLayout->addWidget(m_versions);
    auto *versionButtons = new QHBoxLayout;
    auto *fromCompletion = new QPushButton(tr("Add Completion prompt"), versionsBox);
    fromCompletion->setObjectName(QStringLiteral("addCompletionVersion"));
    fromCompletion->setToolTip(
        tr("The Completion tab's prompt, model and parameters as a version"));
    auto *fromText = new QPushButton(tr("Add version…"), versionsBox);
    fromText->setObjectName(QStringLiteral("addVersionFromText"));
    fromText->setToolTip(
        tr("Paste a template; the Completion tab's model and parameters are used"));
    m_fromLibrary = new QPushButton(tr("Add from library…"), versionsBox);
    m_fromLibrary->setObjectName(QStringLiteral("addVersionFromLibrary"));
    auto *removeVersion = new QPushButton(tr("Remove"), versionsBox);
    versionButtons->addWidget(fromCompletion);
    versionButtons->addWidget(fromText);
    versionButtons->addWidget(m_fromLibrary);
    versionButtons->addWidget(removeVersion);
    versionsLayout->addLayout(versionButtons);
    sideLayout->addWidget(versionsBox);

    auto *checksBox = new QGroupBox(tr("Checks for every row"), side);
    auto *checksLayout = new QVBoxLayout(checksBox);
    m_checks = new QListWidget(checksBox);
    m_checks->setObjectName(QStringLiteral("checkList"));
    checksLayout->addWidget(m_checks);
    auto *checkButtons = new QHBoxLayout;
    auto *addCheckButton = new QToolButton(checksBox);
    addCheckButton->setObjectName(QStringLiteral("addCheck"));
    addCheckButton->setText(tr("Add check"));
    addCheckButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(addCheckButton);
    for (core::Check::Kind kind : core::Check::allKinds()) {
        QAction *a = menu->addAction(kindTitle(kind));
        a->setObjectName(QStringLiteral("addCheck-") + core::Check::kindName(kind));
        connect(a, &QAction::triggered, this, [this, kind] { addCheck(int(kind)); });
    }
    addCheckButton->setMenu(menu);
    auto *removeCheck = new QPushButton(tr("Remove"), checksBox);
    checkButtons->addWidget(addCheckButton);
    checkButtons->addWidget(removeCheck);
    checkButtons->addStretch();
    checksLayout->addLayout(checkButtons);
    sideLayout->addWidget(checksBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    connect(fromCompletion, &QPushButton::clicked, this, &TestSetEditor::addCompletionVersion);
    connect(fromText, &QPushButton::clicked, this, &TestSetEditor::addVersionFromText);
    connect(m_fromLibrary, &QPushButton::clicked, this, &TestSetEditor::addVersionsFromLibrary);
    connect(removeVersion, &QPushButton::clicked, this, [this] {
        const int row = m_versions->currentRow();
        if (row < 0)
            return;
        m_model->remember();
        QList<core::TestedVersion> versions = m_model->testSet().versions;
        versions.removeAt(row);
        m_model->setVersions(versions);
    });
    connect(removeCheck, &QPushButton::clicked, this, [this] {
        const int row = m_checks->currentRow();
        if (row < 0)
            return;
        m_model->remember();
        QList<core::Check> checks = m_model->testSet().checks;
        checks.removeAt(row);
        m_model->setChecks(checks);
    });
    connect(m_model, &TestSetModel::edited, this, &TestSetEditor::refreshLists);
    refreshLists();
    setPromptLibrary(nullptr);
}

void TestSetEditor::setPromptLibrary(core::PromptLibrary *library)
{
    m_library = library;
    m_fromLibrary->setEnabled(library != nullptr);
    m_fromLibrary->setToolTip(library
            ? tr("Versions of the prompts saved in the prompt library, with their model and "
                 "parameters")
            : tr("No prompt library: the app's database could not be opened"));
}

void TestSetEditor::refreshLists()
{
    m_versions->clear();
    for (const core::TestedVersion &v : m_model->testSet().versions) {
        auto *item = new QListWidgetItem(
            tr("%1 · %2: %3").arg(v.version, v.model, v.promptTemplate.simplified().left(60)),
            m_versions);
        item->setToolTip(v.promptTemplate);
    }
    m_checks->clear();
    for (const core::Check &c : m_model->testSet().checks)
        m_checks->addItem(c.describe());
}

void TestSetEditor::importRows()
{
    const QString path = QFileDialog::getOpenFileName(this,
        tr("Import rows"),
        QString(),
        tr("CSV or JSON Lines (*.csv *.tsv *.jsonl *.ndjson);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    const std::optional<core::TestSet> rows = core::importTestSetFile(path, &error);
    if (!rows) {
        Q_EMIT message(tr("%1; nothing was imported.").arg(error));
        return;
    }
    m_model->appendRows(*rows);
    Q_EMIT message(tr("%n row(s) imported.", nullptr, int(rows->rows.size())));
}

void TestSetEditor::addRowFromCompletion()
{
    const QHash<QString, QString> values
        = m_source.values ? m_source.values() : QHash<QString, QString>();
    if (values.isEmpty()) {
        Q_EMIT message(tr("The Completion prompt has no {{ variables }}."));
        return;
    }
    m_model->addRow(values);
    m_table->scrollToBottom();
    Q_EMIT message(tr("Row %1 added from the Completion tab.").arg(m_model->rowCount()));
}

QString TestSetEditor::nextVersionLabel() const
{
    int n = int(m_model->testSet().versions.size()) + 1;
    auto taken = [this](const QString &label) {
        for (const core::TestedVersion &v : m_model->testSet().versions) {
            if (v.version == label)
                return true;
        }
        return false;
    };
    while (taken(QString::number(n)))
        ++n;
    return QString::number(n);
}

void TestSetEditor::addVersion(const QString &templateText)
{
    QString error;
    core::CompletionRequest request;
    if (m_source.request)
        request = m_source.request(&error);
    QList<core::TestedVersion> versions = m_model->testSet().versions;
    versions.append(core::TestedVersion::fromRequest(nextVersionLabel(), templateText, request));
    m_model->setVersions(versions);
}

void TestSetEditor::addCompletionVersion()
{
    const QString text = m_source.templateText ? m_source.templateText() : QString();
    if (text.trimmed().isEmpty()) {
        Q_EMIT message(tr("The Completion prompt is empty."));
        return;
    }
    addVersion(text);
}

void TestSetEditor::addVersionFromText()
{
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(this,
        tr("Add version"),
        tr("Template (use {{ name }} for a column's value):"),
        m_source.templateText ? m_source.templateText() : QString(),
        &ok);
    if (ok && !text.trimmed().isEmpty())
        addVersion(text);
}

QDialog *TestSetEditor::addVersionsFromLibrary()
{
    if (!m_library)
        return nullptr;
    auto *dialog = new LibraryVersionDialog(m_library, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QList<core::TestedVersion> chosen = dialog->chosenVersions();
        if (chosen.isEmpty())
            return;
        QList<core::TestedVersion> versions = m_model->testSet().versions;
        for (core::TestedVersion v : chosen) {
            // A version added twice gets "(2)", ... so that the grid's columns stay apart.
            const QString base = v.version;
            for (int n = 2; std::any_of(versions.cbegin(),
                     versions.cend(),
                     [&v](const core::TestedVersion &o) { return o.version == v.version; });
                 ++n)
                v.version = QStringLiteral("%1 (%2)").arg(base).arg(n);
            versions.append(v);
        }
        m_model->setVersions(versions);
        Q_EMIT message(tr("%n version(s) added from the library.", nullptr, int(chosen.size())));
    });
    dialog->open();
    return dialog;
}

void TestSetEditor::removeSelectedRows()
{
    QList<int> rows;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        rows.append(i.row());
    if (rows.isEmpty())
        return;
    m_model->remember();
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int r : std::as_const(rows))
        m_model->removeRows(r, 1);
    Q_EMIT message(
        tr("%n row(s) removed; Undo (Ctrl+Z) brings them back.", nullptr, int(rows.size())));
}

void TestSetEditor::undo()
{
    if (m_model->undo())
        Q_EMIT message(tr("Undone."));
}

void TestSetEditor::addCheck(int kindValue)
{
    using K = core::Check::Kind;
    const auto kind = K(kindValue);
    QString text;
    double threshold = 0;
    bool ok = true;
    switch (kind) {
    case K::Contains:
        text = QInputDialog::getText(this,
            tr("Contains"),
            tr("Text the answer must contain (empty: the expected text):"),
            QLineEdit::Normal,
            {},
            &ok);
        break;
    case K::Regex:
        text = QInputDialog::getText(this,
            tr("Regular expression"),
            tr("Pattern the answer must match:"),
            QLineEdit::Normal,
            {},
            &ok);
        break;
    case K::JsonSchema:
        text = QInputDialog::getMultiLineText(this,
            tr("JSON schema"),
            tr("Schema the answer must be valid against:"),
            QStringLiteral("{\n  \"type\": \"object\"\n}"),
            &ok);
        break;
    case K::MaximumLength:
        threshold = QInputDialog::getInt(this,
            tr("Maximum length"),
            tr("Most characters an answer may have:"),
            200,
            0,
            1000000,
            1,
            &ok);
        break;
    case K::Similarity:
        threshold = QInputDialog::getDouble(this,
            tr("Semantic similarity"),
            tr("Lowest cosine similarity to the expected text (−1 to 1):"),
            0.8,
            -1,
            1,
            2,
            &ok);
        break;
    case K::LogProbability:
        threshold = QInputDialog::getDouble(this,
            tr("Log-probability"),
            tr("Lowest natural-log probability of the expected text (≤ 0):"),
            -20,
            -100000,
            0,
            2,
            &ok);
        break;
    case K::Manual:
        text = QStringLiteral("1-5");
        threshold = 3;
        break;
    case K::Exact:
    case K::Json:
        break;
    }
    if (!ok)
        return;
    QString error;
    const std::optional<core::Check> check = core::Check::make(kind, text, threshold, &error);
    if (!check) {
        Q_EMIT message(tr("The check was not added: %1").arg(error));
        return;
    }
    QList<core::Check> checks = m_model->testSet().checks;
    checks.append(*check);
    m_model->setChecks(checks);
}

} // namespace ui
