// SPDX-License-Identifier: MIT
#include "ui/steering/SteeringTab.h"

#include "core/export/SteeringExamples.h"
#include "ui/common/ErrorText.h"
#include "ui/common/ModelPicker.h"
#include "ui/common/PresenterHint.h"
#include "ui/common/PromptEdit.h"
#include "ui/common/RunController.h"
#include "ui/steering/PairTableModel.h"
#include "ui/steering/SteeringABForm.h"
#include "ui/steering/SteeringABView.h"
#include "ui/steering/SteeringLibraryPanel.h"
#include "ui/steering/SteeringWidgets.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;

namespace ui {

using steering::addRunShortcuts;
using steering::addShortcut;

SteeringTab::SteeringTab(core::ApiClient *client, QWidget *parent)
    : PlaygroundTab(parent)
    , m_client(client)
{
    build();
}

SteeringTab::~SteeringTab()
{
    // The controllers cancel their jobs without calling back into the tab; they go first, while
    // every widget their jobs write into is still there.
    delete std::exchange(m_conceptRun, nullptr);
    delete std::exchange(m_sides[0], nullptr);
    delete std::exchange(m_sides[1], nullptr);
}

void SteeringTab::build()
{
    auto *layout = new QVBoxLayout(this);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("steeringSplitter"));
    m_libraryPanel = new SteeringLibraryPanel(m_client, this);
    split->addWidget(m_libraryPanel);
    hideInPresenterMode(m_libraryPanel);
    auto *right = new QSplitter(Qt::Vertical, split);
    right->setObjectName(QStringLiteral("abSplitter"));
    m_editor = new SteeringPairsEditor(this);
    m_editor->setBusyCheck([this] { return m_conceptRun && m_conceptRun->isBusy(); });
    right->addWidget(m_editor);
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

    m_name = m_editor->nameEdit();
    m_description = m_editor->descriptionEdit();
    m_createButton = m_editor->createButton();
    m_idEdit = m_editor->idEdit();
    connect(m_editor, &SteeringPairsEditor::edited, this, &SteeringTab::draftChanged);
    connect(m_editor, &SteeringPairsEditor::createRequested, this, &SteeringTab::createConcept);
    connect(m_editor, &SteeringPairsEditor::message, m_status, &QLabel::setText);
    connect(m_idEdit, &QLineEdit::textChanged, this, [this] {
        m_abView->setConceptId(conceptId());
        Q_EMIT draftChanged();
    });
    connect(m_libraryPanel, &SteeringLibraryPanel::message, m_status, &QLabel::setText);
    connect(m_libraryPanel, &SteeringLibraryPanel::changed, this, &SteeringTab::libraryChanged);
    connect(m_libraryPanel, &SteeringLibraryPanel::openRequested, this, &SteeringTab::loadEntry);
    connect(m_libraryPanel,
        &SteeringLibraryPanel::recreateRequested,
        this,
        &SteeringTab::recreateEntry);
    connect(m_libraryPanel,
        &SteeringLibraryPanel::useRequested,
        this,
        [this](const QString &id, bool chat) {
            Q_EMIT useConcept(id, chat ? Mode::Chat : Mode::Completion);
        });
    addShortcut(this, QKeySequence::Undo, [this] {
        if (m_libraryPanel->canUndo() && !m_editor->pairsTable()->hasFocus())
            undoDelete();
    });
    buildRuns();
    reloadLibrary();
    flagProblems();
}

void SteeringTab::buildRuns()
{
    m_conceptRun = new RunController(tabKey(), this);
    watchRun(m_conceptRun);
    m_conceptRun->setStatusLabel(m_status);
    // The editor enables Create: pairs to send, no problem, not creating.
    connect(m_conceptRun, &RunController::busyChanged, this, &SteeringTab::flagProblems);
    connect(m_conceptRun, &RunController::ended, this, &SteeringTab::onConceptCreated);
    connect(m_conceptRun, &RunController::finished, this, &SteeringTab::conceptFinished);
    for (int side = 0; side < 2; ++side) {
        m_sides[side] = new RunController(tabKey(), this);
        watchRun(m_sides[side]);
        m_sides[side]->setStatusLabel(m_abStatus);
        connect(m_sides[side], &RunController::busyChanged, this, [this] {
            m_runAB->setEnabled(!isABBusy());
            m_stopAB->setEnabled(isABBusy());
        });
        connect(m_sides[side], &RunController::ended, this, [this, side](core::ApiJob *job) {
            onStreamEnded(side, job);
        });
    }
}

QWidget *SteeringTab::buildAB()
{
    auto *box = new QGroupBox(tr("A/B: the same prompt without and with the concept"), this);
    auto *layout = new QVBoxLayout(box);
    auto *form = new SteeringABForm(box, layout);
    m_abView = new SteeringABView(box, layout);
    m_mode = form->mode();
    m_abModel = form->model();
    m_abPrompt = form->prompt();
    m_maximumTokens = form->maximumTokens();
    m_temperature = form->temperature();
    m_runAB = form->runButton();
    m_stopAB = form->stopButton();
    for (int side = 0; side < 2; ++side) {
        m_outputs[side] = m_abView->output(side);
        m_outputErrors[side] = m_abView->errorLabel(side);
    }
    m_abStatus = m_abView->statusLabel();

    connect(form, &SteeringABForm::edited, this, &SteeringTab::draftChanged);
    connect(m_runAB, &QPushButton::clicked, this, &SteeringTab::runAB);
    connect(m_stopAB, &QPushButton::clicked, this, &SteeringTab::stop);
    addRunShortcuts(box, [this] { runAB(); });
    return box;
}

void SteeringTab::setRecorder(core::RunRecorder *recorder)
{
    m_conceptRun->setRecorder(recorder); // A/B streams are not recorded
}

void SteeringTab::setModels(const QList<core::ModelSettings> &models)
{
    m_abModel->setModels(models);
}

void SteeringTab::setLibrary(core::SteeringLibrary *library)
{
    m_library = library;
    m_libraryPanel->setLibrary(library);
}

// ---- editor ----

void SteeringTab::addPair(const QString &negative, const QString &positive)
{
    m_editor->addPair(negative, positive);
}

void SteeringTab::addPairAndEdit()
{
    m_editor->addPairAndEdit();
}

void SteeringTab::setExamples(const QList<core::SteeringConceptExample> &examples)
{
    m_editor->setExamples(examples);
}

QList<core::SteeringConceptExample> SteeringTab::examples() const
{
    return m_editor->examples();
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
    m_editor->removeSelectedPairs();
}

void SteeringTab::movePair(int delta)
{
    m_editor->movePair(delta);
}

QList<SteeringTab::PairProblem> SteeringTab::pairProblems() const
{
    return m_editor->pairProblems();
}

QString SteeringTab::validationText() const
{
    return m_editor->validationText();
}

void SteeringTab::flagProblems()
{
    m_editor->flagProblems();
}

bool SteeringTab::importCsv(const QString &path, QString *error)
{
    return m_editor->importCsv(path, error);
}

bool SteeringTab::exportCsv(const QString &path, QString *error) const
{
    return m_editor->exportCsv(path, error);
}

QTableView *SteeringTab::pairsTable() const
{
    return m_editor->pairsTable();
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

std::optional<core::CreateSteeringConceptRequest> SteeringTab::request(QString *problem) const
{
    const QList<PairProblem> problems = pairProblems();
    if (m_editor->pairsModel()->rowCount() == 0 || !problems.isEmpty()) {
        *problem = problems.isEmpty() ? tr("Add at least one pair.") : problems.first().message;
        return std::nullopt;
    }
    core::CreateSteeringConceptRequest request;
    request.examples = examples();
    return request;
}

core::ApiCall SteeringTab::currentCall(QString *problem) const
{
    const std::optional<core::CreateSteeringConceptRequest> r = request(problem);
    return r ? core::ApiCall::of(*r) : core::ApiCall();
}

void SteeringTab::createConcept()
{
    QString problem;
    const std::optional<core::CreateSteeringConceptRequest> r = request(&problem);
    if (!r) {
        m_conceptRun->refuse(problem);
        return;
    }
    core::SteeringConceptEntry base;
    base.name = m_name->text().trimmed();
    if (base.name.isEmpty()) {
        base.name
            = tr("Concept %1").arg(QDateTime::currentDateTime().toString(u"yyyy-MM-dd HH:mm"_s));
        m_name->setText(base.name);
    }
    base.description = m_description->text().trimmed();
    sendConcept(r->examples, base, false);
}

void SteeringTab::sendConcept(const QList<core::SteeringConceptExample> &pairs,
    const core::SteeringConceptEntry &base,
    bool recreate)
{
    core::CreateSteeringConceptRequest request;
    request.examples = pairs;
    const QString host = m_client->config().serverKey();
    const core::RunRecorder *recorder = m_conceptRun->recorder();
    m_conceptRun->start(
        m_client->createSteeringConcept(request), tr("Creating the concept on %1…").arg(host));
    // After start(): the run it replaced ends with what it was sent with.
    m_pending = {base, pairs, recreate, host, recorder ? recorder->profileName() : QString()};
}

void SteeringTab::onConceptCreated(core::ApiJob *job)
{
    flagProblems();
    if (job->state() == core::ApiJob::State::Failed)
        m_conceptRun->setStatus(tr("The concept was not created: %1").arg(errorText(job->error())));
    const bool runAB = std::exchange(m_abAfterConcept, false);
    if (job->state() != core::ApiJob::State::Succeeded)
        return; // Canceled: the status line says Stopped
    const QString id = static_cast<core::SteeringConceptJob *>(job)->result().id;
    setConceptId(id);
    core::SteeringConceptEntry entry = m_pending.base;
    entry.examples = m_pending.pairs;
    entry.conceptId = id;
    entry.host = m_pending.host;
    entry.profile = m_pending.profile;
    entry.createdAt = QDateTime::currentDateTimeUtc();
    const QString kept = keepInLibrary(entry, m_pending.recreate);
    m_conceptRun->setStatus(
        tr("%1 concept \"%2\" on %3 in %4 ms: %5; %6.")
            .arg(m_pending.recreate ? tr("Re-created") : tr("Created"), entry.name, entry.host)
            .arg(job->elapsedMs())
            .arg(id, kept));
    if (runAB)
        this->runAB();
}

QVariantMap SteeringTab::stepInputs() const
{
    QVariantMap inputs = draft();
    inputs.remove(u"concept_id"_s); // made again where the deck plays (ids belong to a server)
    return inputs;
}

void SteeringTab::applyStepInputs(const QVariantMap &inputs)
{
    QVariantMap draft = inputs;
    draft.remove(u"concept_id"_s);
    restoreDraft(draft);
}

QString SteeringTab::keepInLibrary(core::SteeringConceptEntry &entry, bool recreate)
{
    if (!m_library)
        return tr("not kept: the library is off (no database)");
    // The API is idempotent (same pairs, same id): a concept already kept for this host is updated.
    QString kept;
    const QList<core::SteeringConceptEntry> all = m_library->list();
    const auto same
        = std::find_if(all.cbegin(), all.cend(), [&](const core::SteeringConceptEntry &e) {
              return e.conceptId == entry.conceptId && e.host == entry.host;
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
    return kept;
}

// ---- library ----

void SteeringTab::reloadLibrary()
{
    m_libraryPanel->reload();
}

QTableView *SteeringTab::libraryTable() const
{
    return m_libraryPanel->table();
}

qint64 SteeringTab::rowIdAt(int row) const
{
    return m_libraryPanel->rowIdAt(row);
}

void SteeringTab::showInEditor(const core::SteeringConceptEntry &entry)
{
    setConceptName(entry.name);
    setDescription(entry.description);
    setExamples(entry.examples);
}

void SteeringTab::loadEntry(int row)
{
    if (row < 0 || row >= m_libraryPanel->entries().size())
        return;
    const core::SteeringConceptEntry e = m_libraryPanel->entries().at(row);
    showInEditor(e);
    setConceptId(e.conceptId);
    const QString host = m_client->config().serverKey();
    m_status->setText(e.host == host
            ? tr("Opened \"%1\".").arg(e.name)
            : tr("Opened \"%1\". It was made on %2; use Re-create here before using its id on %3.")
                  .arg(e.name, e.host, host));
}

bool SteeringTab::renameEntry(int row, const QString &name)
{
    return m_libraryPanel->renameEntry(row, name);
}

bool SteeringTab::deleteEntry(int row)
{
    return m_libraryPanel->deleteEntry(row);
}

bool SteeringTab::undoDelete()
{
    return m_libraryPanel->undoDelete();
}

bool SteeringTab::duplicateEntry(int row)
{
    return m_libraryPanel->duplicateEntry(row);
}

void SteeringTab::recreateEntry(int row)
{
    if (row < 0 || row >= m_libraryPanel->entries().size())
        return;
    const core::SteeringConceptEntry e = m_libraryPanel->entries().at(row);
    // The editor shows the concept being re-created, so that its pairs and the new id (which A/B
    // then uses) belong together.
    showInEditor(e);
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
    return m_sideStates[side] == core::ApiJob::State::Failed ? m_outputErrors[side]->text()
                                                             : QString();
}

bool SteeringTab::isBusy() const
{
    return m_conceptRun->isBusy() || isABBusy();
}

bool SteeringTab::isABBusy() const
{
    return m_sides[0]->isBusy() || m_sides[1]->isBusy();
}

QString SteeringTab::abStatusText() const
{
    return m_abStatus->text();
}

void SteeringTab::runAB()
{
    QString problem;
    if (m_abPrompt->toPlainText().trimmed().isEmpty())
        problem = tr("type a prompt for A/B.");
    else if (m_abModel->model().isEmpty())
        problem = tr("choose a model.");
    else if (conceptId().isEmpty()) {
        // Pairs but no concept yet (a deck's step, or the pairs just typed): create it, then run.
        QString pairsProblem;
        if (request(&pairsProblem)) {
            m_abAfterConcept = true;
            createConcept();
            return;
        }
        problem = tr("create a concept or open one from the library first.");
    }
    if (!problem.isEmpty()) {
        m_sides[0]->refuse(problem); // both sides share the A/B status line
        return;
    }
    // Both sides of a run before end first (it then reports, as any run does).
    m_sides[0]->stop();
    m_sides[1]->stop();
    startStream(false);
    startStream(true);
}

void SteeringTab::startStream(bool steered)
{
    const int side = steered ? 1 : 0;
    m_outputs[side]->clear();
    if (steered)
        m_abView->startSteeredRun();
    m_abView->clearHighlights();
    m_outputErrors[side]->clear();
    m_outputErrors[side]->hide();
    m_sideStates[side] = core::ApiJob::State::Running;
    const QString prompt = m_abPrompt->toPlainText();
    const std::optional<QStringList> concepts
        = steered ? std::optional<QStringList>(QStringList{conceptId()}) : std::nullopt;
    core::ApiJob *job = nullptr;
    if (m_mode->currentIndex() == 0) {
        core::CompletionRequest request = core::CompletionRequest::withClientDefaults(
            m_abModel->model(), core::Prompt::fromText(prompt));
        request.maximumTokens = m_maximumTokens->value();
        request.temperature = m_temperature->value();
        request.steeringConcepts = concepts;
        auto *stream = m_client->completeStreaming(request);
        connect(stream,
            &core::CompletionStreamJob::textReceived,
            this,
            [this, side](int index, const QString &text) {
                if (index == 0)
                    m_sides[side]->showStreamed(text, [this, side](const QString &shown) {
                        m_outputs[side]->moveCursor(QTextCursor::End);
                        m_outputs[side]->insertPlainText(shown);
                    });
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
        connect(stream,
            &core::ChatStreamJob::deltaReceived,
            this,
            [this, side](int index, const QString &text) {
                if (index == 0)
                    m_sides[side]->showStreamed(text, [this, side](const QString &shown) {
                        m_outputs[side]->moveCursor(QTextCursor::End);
                        m_outputs[side]->insertPlainText(shown);
                    });
            });
        job = stream;
    }
    m_sides[side]->start(job, tr("Streaming both…"), false);
}

void SteeringTab::onStreamEnded(int side, core::ApiJob *job)
{
    m_sideStates[side] = job->state();
    if (job->state() == core::ApiJob::State::Failed) {
        // Not appended to the output: it is not the model's text.
        m_outputErrors[side]->setText(
            tr("⚠ %1 failed: %2").arg(side == 0 ? u"A"_s : u"B"_s, errorText(job->error())));
        m_outputErrors[side]->show();
    }
    if (isABBusy()) {
        m_sides[side]->setStatus(tr("Streaming both…")); // the other side streams on
        return;
    }
    // Only what the model streamed is counted; a failed side is named as failed.
    const auto summary = [this](int s) {
        const int characters = int(m_outputs[s]->toPlainText().size());
        switch (m_sideStates[s]) {
        case core::ApiJob::State::Failed:
            return m_outputs[s]->toPlainText().isEmpty()
                ? tr("failed")
                : tr("failed after %Ln character(s)", nullptr, characters);
        case core::ApiJob::State::Canceled:
            return tr("stopped after %Ln character(s)", nullptr, characters);
        case core::ApiJob::State::Running:
        case core::ApiJob::State::Succeeded:
            break;
        }
        return tr("%Ln character(s)", nullptr, characters);
    };
    m_abView->highlightDifferences();
    m_sides[side]->setStatus(
        tr("Done. A: %1 · B: %2 · highlighted: the words that differ").arg(summary(0), summary(1)));
    Q_EMIT abFinished();
}

void SteeringTab::stop()
{
    m_conceptRun->stop();
    m_sides[0]->stop();
    m_sides[1]->stop();
}

// ---- drafts and history ----

QVariantMap SteeringTab::draft() const
{
    return {{u"name"_s, m_name->text()},
        {u"description"_s, m_description->text()},
        {u"examples"_s, core::steeringExamplesToVariant(examples())},
        {u"concept_id"_s, conceptId()},
        {u"ab_mode"_s, m_mode->currentIndex()},
        {u"ab_model"_s, m_abModel->model()},
        {u"ab_prompt"_s, m_abPrompt->toPlainText()},
        {u"maximum_tokens"_s, m_maximumTokens->value()},
        {u"temperature"_s, m_temperature->value()}};
}

void SteeringTab::restoreDraft(const QVariantMap &draft)
{
    setConceptName(draft.value(u"name"_s).toString());
    setDescription(draft.value(u"description"_s).toString());
    QString ignored;
    if (const auto pairs = core::steeringExamplesFromVariant(draft.value(u"examples"_s), &ignored))
        setExamples(*pairs);
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
    const auto request = run.requestAs<core::CreateSteeringConceptRequest>(&error);
    if (!request) {
        m_conceptRun->setStatus(tr("This run cannot be restored: %1").arg(error));
        return;
    }
    setExamples(request->examples);
    if (const auto answer = run.responseAs<core::CreateSteeringConceptResponse>(&error))
        setConceptId(answer->id);
    m_conceptRun->setStatus(
        tr("Restored the pairs of a %1 run (%2).")
            .arg(runStatusText(run.status), run.startedAt.toLocalTime().toString()));
}

QAbstractButton *SteeringTab::exportButton() const
{
    return m_editor->findChild<QAbstractButton *>(u"exportCsv"_s);
}

} // namespace ui
