// SPDX-License-Identifier: MIT
// The prompt library against the in-process sandbox over real sockets: the Completion tab's
// prompt saved (File ▸ Save prompt…), changed and run (a new version each time it changed),
// the diff between two versions, search, duplicate, delete with Undo, Open, and the JSON file.
#include "core/storage/PromptLibrary.h"
#include "sandbox/SandboxServer.h"
#include "tests/support/WindowServices.h"
#include "ui/MainWindow.h"
#include "ui/completion/CompletionTab.h"
#include "ui/library/PromptKeeper.h"
#include "ui/library/PromptLibraryPanel.h"
#include "ui/library/PromptListModel.h"
#include "ui/library/PromptVersionDiff.h"
#include "ui/library/SavePromptDialog.h"
#include "ui/shell/ShellMenus.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

class TestPromptLibraryPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void savedPromptIsVersionedOnChangedRunsAndDiffed();
    void searchDuplicateDeleteUndoAndOpen();
    void emptyStateImportAndExport();

private:
    void setPrompt(const QString &text);
    /// Runs the Completion tab and waits until the run ended.
    void runCompletion();
    ui::PromptLibraryPanel *showLibrary();

    QTemporaryDir m_dir;
    std::unique_ptr<sandbox::EmbeddedSandbox> m_sandbox;
    testsupport::WindowServices m_stores;
    std::unique_ptr<ui::MainWindow> m_window;
    int m_counter = 0;
};

void TestPromptLibraryPanel::initTestCase()
{
    sandbox::SandboxOptions options;
    options.tokensPerSecond = 0; // no pacing: fast tests
    m_sandbox = std::make_unique<sandbox::EmbeddedSandbox>(options);
    QString error;
    QVERIFY2(m_sandbox->start(&error), qPrintable(error));
}

void TestPromptLibraryPanel::init()
{
    QString error;
    QVERIFY2(m_stores.open(m_dir.path(), QString::number(++m_counter), &error), qPrintable(error));
    m_window = std::make_unique<ui::MainWindow>(m_stores.services(m_sandbox.get(), 0));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    auto *model = m_window->completionTab()->findChild<QComboBox *>(u"model"_s);
    QTRY_VERIFY_WITH_TIMEOUT(model->currentText().startsWith(u"sandbox-"_s), 10000);
    m_window->tabs()->setCurrentWidget(m_window->completionTab());
}

void TestPromptLibraryPanel::cleanup()
{
    m_window.reset();
    m_stores.close();
}

void TestPromptLibraryPanel::setPrompt(const QString &text)
{
    m_window->completionTab()->findChild<QPlainTextEdit *>(u"prompt"_s)->setPlainText(text);
}

void TestPromptLibraryPanel::runCompletion()
{
    ui::CompletionTab *tab = m_window->completionTab();
    QSignalSpy finished(tab, &ui::CompletionTab::finished);
    tab->run();
    QVERIFY2(finished.wait(20000), qPrintable(tab->validationMessage()));
    QVERIFY(!tab->outputViews().isEmpty());
    QVERIFY(!tab->outputViews().first()->toPlainText().isEmpty());
}

ui::PromptLibraryPanel *TestPromptLibraryPanel::showLibrary()
{
    QAction *toggle = m_window->menus()->action(u"promptLibraryAction"_s);
    if (!toggle)
        return nullptr;
    if (!toggle->isChecked())
        toggle->trigger();
    return m_window->promptLibraryPanel();
}

void TestPromptLibraryPanel::savedPromptIsVersionedOnChangedRunsAndDiffed()
{
    ui::CompletionTab *tab = m_window->completionTab();
    core::PromptLibrary *library = m_stores.prompts.get();
    setPrompt(u"Write a short poem about {{ topic }}."_s);
    tab->setTemplateValue(u"topic"_s, u"the sea"_s);
    tab->findChild<QSpinBox *>(u"maximum_tokens"_s)->setValue(16);

    // File ▸ Save prompt… (Ctrl+S) asks for the name and tags.
    QAction *save = m_window->menus()->action(u"savePromptAction"_s);
    QVERIFY(save);
    QCOMPARE(save->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_S));
    bool dialogSeen = false;
    QTimer::singleShot(0, this, [&dialogSeen] {
        auto *dialog = qobject_cast<ui::SavePromptDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialogSeen = true;
        dialog->findChild<QLineEdit *>(u"promptName"_s)->setText(u"Poem"_s);
        dialog->findChild<QLineEdit *>(u"promptTags"_s)->setText(u"poetry, sea"_s);
        dialog->accept();
    });
    save->trigger();
    QVERIFY(dialogSeen);
    const auto saved = library->findByName(u"Poem"_s);
    QVERIFY(saved);
    QCOMPARE(saved->tags, (QStringList{u"poetry"_s, u"sea"_s}));
    QCOMPARE(saved->versionCount, 1);
    QCOMPARE(tab->promptKeeper()->linkedId(), saved->id);
    auto *link = tab->findChild<QLabel *>(u"savedPrompt"_s);
    QVERIFY(link->isVisible());
    QVERIFY2(link->text().contains(u"Poem"_s) && link->text().contains(u"version 1"_s),
        qPrintable(link->text()));
    const core::PromptVersion first = library->versions(saved->id).first();
    QCOMPARE(first.templateText, u"Write a short poem about {{ topic }}."_s);
    QCOMPARE(first.variables, (QMap<QString, QString>{{u"topic"_s, u"the sea"_s}}));
    QCOMPARE(first.parameters.value(u"maximum_tokens"_s).toInt(), 16);
    QCOMPARE(first.model, tab->findChild<QComboBox *>(u"model"_s)->currentText());

    // A run of the unchanged prompt keeps one version.
    runCompletion();
    QCOMPARE(library->versions(saved->id).size(), 1);

    // Changed template and temperature: the run makes version 2.
    setPrompt(u"Write a long poem about {{ topic }}."_s);
    tab->findChild<QDoubleSpinBox *>(u"temperature"_s)->setValue(0.5);
    runCompletion();
    QList<core::PromptVersion> versions = library->versions(saved->id);
    QCOMPARE(versions.size(), 2);
    QCOMPARE(versions.at(1).number, 2);
    QCOMPARE(versions.at(1).templateText, u"Write a long poem about {{ topic }}."_s);
    QCOMPARE(versions.at(1).parameters.value(u"temperature"_s).toDouble(), 0.5);
    QVERIFY(versions.at(1).created.isValid());
    QVERIFY2(link->text().contains(u"version 2"_s), qPrintable(link->text()));
    // And again unchanged: still two.
    runCompletion();
    QCOMPARE(library->versions(saved->id).size(), 2);

    // The library shows both versions and the diff highlights the changed words.
    ui::PromptLibraryPanel *panel = showLibrary();
    QVERIFY(panel);
    QTRY_VERIFY(panel->isVisible());
    panel->selectPrompt(saved->id);
    QCOMPARE(panel->currentId(), saved->id);
    QCOMPARE(panel->versionList()->topLevelItemCount(), 2);
    QVERIFY(panel->versionList()->topLevelItem(0)->text(2).contains(u"temperature"_s));
    // The newest selected alone: compared with the one before.
    QCOMPARE(panel->diff()->removedWords(), QStringList{u"short"_s});
    QCOMPARE(panel->diff()->addedWords(), QStringList{u"long"_s});
    panel->compareVersions(1, 2);
    QCOMPARE(panel->diff()->removedWords(), QStringList{u"short"_s});
    QCOMPARE(panel->diff()->addedWords(), QStringList{u"long"_s});
    const QStringList changes = panel->diff()->changeLines();
    QVERIFY2(changes.contains(u"temperature: 0 → 0.5"_s), qPrintable(changes.join(u" | "_s)));
    auto *after = panel->diff()->findChild<QPlainTextEdit *>(u"diffAfter"_s);
    QCOMPARE(after->toPlainText(), u"Write a long poem about {{ topic }}."_s);
    QCOMPARE(after->extraSelections().size(), 1);
    QCOMPARE(after->extraSelections().first().cursor.selectedText(), u"long"_s);
}

void TestPromptLibraryPanel::searchDuplicateDeleteUndoAndOpen()
{
    ui::CompletionTab *tab = m_window->completionTab();
    core::PromptLibrary *library = m_stores.prompts.get();
    setPrompt(u"Summarise {{ text }} in one line."_s);
    tab->setTemplateValue(u"text"_s, u"the report"_s);
    QString error;
    const qint64 summary = tab->savePrompt(u"Summary"_s, {u"work"_s}, &error);
    QVERIFY2(summary > 0, qPrintable(error));
    setPrompt(u"Translate {{ text }} into German."_s);
    const qint64 translate = tab->savePrompt(u"Translate"_s, {u"german"_s}, &error);
    QVERIFY2(translate > 0, qPrintable(error));
    QCOMPARE(tab->promptKeeper()->linkedId(), translate);

    ui::PromptLibraryPanel *panel = showLibrary();
    QVERIFY(panel);
    ui::PromptListModel *model = panel->model();
    QCOMPARE(model->rowCount(), 2);

    // Search: name, tag, template text.
    panel->searchEdit()->setText(u"german"_s);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->idAt(0), translate);
    panel->searchEdit()->setText(u"one line"_s);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->idAt(0), summary);
    panel->searchEdit()->setText(u"nothing of the kind"_s);
    QCOMPARE(model->rowCount(), 0);
    QVERIFY2(panel->emptyText().contains(u"nothing of the kind"_s), qPrintable(panel->emptyText()));
    panel->searchEdit()->clear();
    QCOMPARE(model->rowCount(), 2);

    // Duplicate.
    panel->selectPrompt(summary);
    panel->findChild<QPushButton *>(u"duplicatePrompt"_s)->click();
    QCOMPARE(model->rowCount(), 3);
    const auto copy = library->findByName(u"Summary (copy)"_s);
    QVERIFY(copy);
    QCOMPARE(panel->currentId(), copy->id);

    // Delete with Undo.
    panel->selectPrompt(summary);
    panel->findChild<QPushButton *>(u"deletePrompt"_s)->click();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->rowOf(summary), -1);
    auto *undo = panel->findChild<QPushButton *>(u"undoPromptDelete"_s);
    QVERIFY(undo->isVisible());
    undo->click();
    QCOMPARE(model->rowCount(), 3);
    QVERIFY(model->rowOf(summary) >= 0);
    QCOMPARE(library->prompt(summary)->name, u"Summary"_s);
    QCOMPARE(library->versions(summary).size(), 1);
    QVERIFY(!undo->isVisible());

    // Open: the saved template, variables and parameters come back into the tab, linked.
    setPrompt(u"Something else entirely"_s);
    tab->findChild<QSpinBox *>(u"maximum_tokens"_s)->setValue(99);
    panel->selectPrompt(summary);
    panel->findChild<QPushButton *>(u"openPrompt"_s)->click();
    QCOMPARE(m_window->tabs()->currentWidget(), tab);
    QCOMPARE(tab->findChild<QPlainTextEdit *>(u"prompt"_s)->toPlainText(),
        u"Summarise {{ text }} in one line."_s);
    QCOMPARE(tab->findChild<QLineEdit *>(u"var:text"_s)->text(), u"the report"_s);
    QVERIFY(tab->findChild<QSpinBox *>(u"maximum_tokens"_s)->value() != 99);
    QCOMPARE(tab->promptKeeper()->linkedId(), summary);
    QString problem;
    QCOMPARE(tab->buildRequest(&problem).prompt.text(), u"Summarise the report in one line."_s);
    QCOMPARE(problem, QString());
    QVERIFY(tab->currentVersion().sameContent(library->versions(summary).first()));
}

void TestPromptLibraryPanel::emptyStateImportAndExport()
{
    ui::PromptLibraryPanel *panel = showLibrary();
    QVERIFY(panel);
    QVERIFY2(
        panel->emptyText().startsWith(u"No saved prompts yet"_s), qPrintable(panel->emptyText()));
    QVERIFY(!panel->findChild<QPushButton *>(u"deletePrompt"_s)->isEnabled());

    // A malformed file: a clear message, nothing changed.
    QSignalSpy messages(panel, &ui::PromptLibraryPanel::message);
    const QString bad = m_dir.filePath(u"bad%1.json"_s.arg(m_counter));
    {
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"format":"aleph-playground.prompts","version":1,"prompts":[{"name":"x"}]})");
    }
    panel->importFile(bad);
    QCOMPARE(messages.count(), 1);
    const QString message = messages.takeFirst().at(0).toString();
    QVERIFY2(message.contains(u"nothing changed"_s) && message.contains(u"prompts[0]"_s),
        qPrintable(message));
    QCOMPARE(panel->model()->rowCount(), 0);

    // Export and import into another window's library.
    setPrompt(u"Hello {{ name }}"_s);
    m_window->completionTab()->setTemplateValue(u"name"_s, u"Ada"_s);
    QString error;
    QVERIFY2(m_window->completionTab()->savePrompt(u"Greeting"_s, {}, &error), qPrintable(error));
    QCOMPARE(panel->model()->rowCount(), 1);
    QVERIFY(panel->emptyText().isEmpty());
    const QString file = m_dir.filePath(u"prompts%1.json"_s.arg(m_counter));
    panel->exportFile(file);
    QVERIFY2(messages.last().at(0).toString().contains(u"Exported 1 prompt"_s),
        qPrintable(messages.last().at(0).toString()));
    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const auto entries = core::readPromptFile(written.readAll(), &error);
    QVERIFY2(entries, qPrintable(error));
    QCOMPARE(entries->size(), 1);
    QCOMPARE(entries->first().prompt.name, u"Greeting"_s);
    QCOMPARE(entries->first().versions.first().variables.value(u"name"_s), u"Ada"_s);

    m_stores.prompts->remove(m_stores.prompts->findByName(u"Greeting"_s)->id);
    QCOMPARE(panel->model()->rowCount(), 0);
    panel->importFile(file);
    QVERIFY2(
        messages.last().at(0).toString().contains(u"1 version added (new prompts: 1, merged: 0)"_s),
        qPrintable(messages.last().at(0).toString()));
    QCOMPARE(panel->model()->rowCount(), 1);
}

QTEST_MAIN(TestPromptLibraryPanel)
#include "TestPromptLibraryPanel.moc"
