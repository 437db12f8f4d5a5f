// SPDX-License-Identifier: MIT
#include "ui/testsets/TestSetWindow.h"

#include "ui/common/Shortcuts.h"
#include "ui/testsets/TestRunPanel.h"
#include "ui/testsets/TestSetModel.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QShortcut>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ui {

TestSetWindow::TestSetWindow(core::ApiClient *client, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_model(new TestSetModel(this))
{
    setObjectName(QStringLiteral("testSetWindow"));
    setWindowTitle(tr("Test sets"));
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Name:"), this));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("testSetName"));
    m_name->setPlaceholderText(tr("test set"));
    top->addWidget(m_name, 1);
    auto *openButton = new QPushButton(tr("Open…"), this);
    openButton->setObjectName(QStringLiteral("openTestSet"));
    openButton->setToolTip(tr("Open a saved test set, or a CSV or JSONL file as a new one"));
    auto *saveButton = new QPushButton(tr("Save…"), this);
    saveButton->setObjectName(QStringLiteral("saveTestSet"));
    top->addWidget(openButton);
    top->addWidget(saveButton);
    layout->addLayout(top);

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_editor = new TestSetEditor(m_model, m_tabs);
    m_runPanel = new TestRunPanel(client, m_tabs);
    m_tabs->addTab(m_editor, tr("Test set"));
    m_tabs->addTab(m_runPanel, tr("Results"));
    layout->addWidget(m_tabs, 1);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("testSetMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    m_runPanel->setSetSource([this] {
        core::TestSet set = m_model->testSet();
        set.name = m_name->text().trimmed().isEmpty() ? tr("test set") : m_name->text().trimmed();
        return set;
    });
    connect(m_name, &QLineEdit::textEdited, m_model, &TestSetModel::setName);
    connect(openButton, &QPushButton::clicked, this, &TestSetWindow::open);
    connect(saveButton, &QPushButton::clicked, this, &TestSetWindow::save);
    connect(m_editor, &TestSetEditor::message, this, &TestSetWindow::showMessage);
    connect(m_runPanel, &TestRunPanel::message, this, &TestSetWindow::showMessage);
    connect(m_runPanel, &TestRunPanel::explainRequested, this, &TestSetWindow::explainRequested);
    addRunStopShortcuts(this, &TestSetWindow::run, &TestSetWindow::cancel);
    for (const auto &[key, slot] : {std::pair{QKeySequence::Open, &TestSetWindow::open},
             std::pair{QKeySequence::Save, &TestSetWindow::save}}) {
        auto *shortcut = new QShortcut(key, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
    }
    openButton->setToolTip(openButton->toolTip()
        + QStringLiteral(" (%1)").arg(
            QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText)));
    // Large enough for a grid of four columns beside the detail, within the screen.
    QSize size(1360, 820);
    if (const QScreen *s = screen())
        size = size.boundedTo(s->availableGeometry().size() - QSize(16, 40));
    resize(size);
}

void TestSetWindow::run()
{
    m_tabs->setCurrentWidget(m_runPanel);
    m_runPanel->run();
}

void TestSetWindow::cancel()
{
    m_runPanel->cancel();
}

void TestSetWindow::setCompletionSource(const CompletionSource &source)
{
    m_editor->setCompletionSource(source);
}

void TestSetWindow::setAvailableModels(const QList<core::ModelSettings> &models)
{
    m_runPanel->setAvailableModels(models);
}

void TestSetWindow::setPromptLibrary(core::PromptLibrary *library)
{
    m_editor->setPromptLibrary(library);
}

void TestSetWindow::showMessage(const QString &text)
{
    m_message->setText(text);
}

bool TestSetWindow::openFile(const QString &path)
{
    QString error;
    const std::optional<core::TestSet> set = core::importTestSetFile(path, &error);
    if (!set) {
        showMessage(tr("%1; nothing was opened.").arg(error));
        return false;
    }
    if (m_model->rowCount() > 0 || !m_model->testSet().versions.isEmpty())
        m_model->remember(); // Undo in the editor brings the replaced table back
    m_model->setTestSet(*set);
    m_name->setText(set->name);
    m_path = QFileInfo(path).suffix().compare(QStringLiteral("json"), Qt::CaseInsensitive) == 0
        ? path
        : QString();
    showMessage(
        tr("%1: %n row(s).", nullptr, int(set->rows.size())).arg(QFileInfo(path).fileName()));
    return true;
}

bool TestSetWindow::saveFile(const QString &path)
{
    core::TestSet set = m_model->testSet();
    set.name = m_name->text().trimmed();
    QString error;
    if (!core::saveTestSet(set, path, &error)) {
        showMessage(error);
        return false;
    }
    m_path = path;
    showMessage(tr("Saved to %1").arg(path));
    return true;
}

void TestSetWindow::open()
{
    const QString path = QFileDialog::getOpenFileName(this,
        tr("Open test set"),
        QString(),
        tr("Test sets (*.json *.csv *.tsv *.jsonl *.ndjson);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void TestSetWindow::save()
{
    QString path = m_path;
    if (path.isEmpty())
        path = QFileDialog::getSaveFileName(this,
            tr("Save test set"),
            (m_name->text().trimmed().isEmpty() ? tr("test set") : m_name->text().trimmed())
                + QStringLiteral(".testset.json"),
            tr("Test sets (*.json)"));
    if (!path.isEmpty())
        saveFile(path);
}

} // namespace ui
