// SPDX-License-Identifier: MIT
#include "ui/translation/TranslationTab.h"

#include "core/export/TranslationLines.h"
#include "ui/common/ErrorText.h"
#include "ui/common/ModelPicker.h"
#include "ui/common/RunController.h"
#include "ui/common/Shortcuts.h"
#include "ui/translation/SegmentTableModel.h"
#include "ui/translation/TranslationForm.h"
#include "ui/translation/TranslationView.h"

#include <QCheckBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QTextEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ui {

TranslationTab::TranslationTab(core::ApiClient *client, QWidget *parent)
    : PlaygroundTab(parent)
    , m_client(client)
{
    build();
    m_run = new RunController(tabKey(), this);
    watchRun(m_run);
    m_run->setStatusLabel(m_status);
    m_run->setButtons(m_form->translateButton(), m_form->stopButton());
    connect(m_run, &RunController::ended, this, &TranslationTab::onTranslated);
    connect(m_run, &RunController::finished, this, &TranslationTab::finished);
    addRunStopShortcuts(this, &TranslationTab::translate, &TranslationTab::stop);
}

TranslationTab::~TranslationTab()
{
    for (const QPointer<core::TranslationJob> &job : std::as_const(m_jobs))
        if (job)
            job->disconnect(this);
    for (const QPointer<core::TranslationJob> &job : std::as_const(m_jobs))
        if (job)
            job->cancel();
}

void TranslationTab::build()
{
    auto *layout = new QVBoxLayout(this);
    m_form = new TranslationForm(this);
    layout->addWidget(m_form);
    m_view = new TranslationView(this);
    m_view->addToTableBar(m_form->perLineBox());
    layout->addWidget(m_view, 1);
    m_model = m_form->modelPicker();
    m_perLine = m_form->perLineBox();
    m_sourceEdit = m_view->sourceEdit();
    m_status = m_view->statusLabel();
    m_progress = m_view->progressBar();

    connect(m_form->translateButton(), &QPushButton::clicked, this, &TranslationTab::translate);
    connect(m_form->stopButton(), &QPushButton::clicked, this, &TranslationTab::stop);
    connect(m_form->swapButton(), &QPushButton::clicked, this, &TranslationTab::swapDirection);
    auto *swapShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), this);
    swapShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(swapShortcut, &QShortcut::activated, this, &TranslationTab::swapDirection);
    connect(m_sourceEdit, &QPlainTextEdit::textChanged, this, &TranslationTab::draftChanged);
    connect(m_form, &TranslationForm::edited, this, &TranslationTab::draftChanged);
    connect(m_perLine, &QCheckBox::toggled, this, [this](bool on) {
        m_view->model()->setLinesMode(on);
        Q_EMIT draftChanged();
    });
}

void TranslationTab::setRecorder(core::RunRecorder *recorder)
{
    m_run->setRecorder(recorder);
}

bool TranslationTab::isBusy() const
{
    return m_run->isBusy() || !m_jobs.isEmpty();
}

void TranslationTab::setModels(const QList<core::ModelSettings> &models)
{
    m_form->setModels(models);
}

void TranslationTab::setSource(const QString &text)
{
    m_sourceEdit->setPlainText(text);
}

QString TranslationTab::source() const
{
    return m_sourceEdit->toPlainText();
}

void TranslationTab::setModel(const QString &model)
{
    m_model->setCurrentText(model);
}

QString TranslationTab::languageCode(const QString &text)
{
    return TranslationForm::languageCode(text);
}

void TranslationTab::setTargetLanguage(const QString &code)
{
    m_form->setTargetLanguage(code);
}

QString TranslationTab::targetLanguage() const
{
    return m_form->targetLanguage();
}

void TranslationTab::setSourceLanguage(const QString &code)
{
    m_form->setSourceLanguage(code);
}

QString TranslationTab::sourceLanguage() const
{
    return m_form->sourceLanguage();
}

void TranslationTab::setLinesMode(bool perLine)
{
    m_perLine->setChecked(perLine);
}

QString TranslationTab::translation() const
{
    return m_view->translationView()->toPlainText();
}

std::optional<double> TranslationTab::score() const
{
    return m_view->score();
}

QString TranslationTab::statusText() const
{
    return m_status->text();
}

QTableView *TranslationTab::table() const
{
    return m_view->table();
}

QTextEdit *TranslationTab::translationView() const
{
    return m_view->translationView();
}

QPair<int, int> TranslationTab::markedSource() const
{
    return m_view->markedSource();
}

void TranslationTab::highlightSegment(int index)
{
    m_view->highlightSegment(index);
}

void TranslationTab::clearHighlight()
{
    m_view->clearHighlight();
}

core::TranslationRequest TranslationTab::requestFor(const QString &text) const
{
    core::TranslationRequest request;
    request.model = m_model->model();
    request.source = text;
    request.targetLanguage = targetLanguage();
    return request;
}

namespace {

/// The non-empty lines of `text`, each line's offset in `text` in `starts`: what lines mode sends.
QStringList nonEmptyLines(const QString &text, QList<int> *starts)
{
    QStringList lines;
    int offset = 0;
    for (const QString &line : text.split(u'\n')) {
        if (!line.trimmed().isEmpty()) {
            starts->append(offset);
            lines.append(line);
        }
        offset += int(line.size()) + 1;
    }
    return lines;
}

} // namespace

std::optional<core::TranslationRequest> TranslationTab::request(QString *problem) const
{
    QString text = source();
    if (m_perLine->isChecked()) {
        const QStringList lines = text.split(u'\n');
        const auto first = std::find_if(
            lines.cbegin(), lines.cend(), [](const QString &l) { return !l.trimmed().isEmpty(); });
        text = first == lines.cend() ? QString() : *first;
    }
    const core::TranslationRequest request = requestFor(text);
    if (request.model.trimmed().isEmpty()) {
        *problem = tr("Choose a model first.");
        return std::nullopt;
    }
    if (request.targetLanguage.trimmed().isEmpty()) {
        *problem = tr("Choose or type the target language (an ISO 639 code such as \"de\").");
        return std::nullopt;
    }
    if (text.trimmed().isEmpty()) {
        *problem = tr("Type the text to translate.");
        return std::nullopt;
    }
    return request;
}

core::ApiCall TranslationTab::currentCall(QString *problem) const
{
    const std::optional<core::TranslationRequest> r = request(problem);
    return r ? core::ApiCall::of(*r) : core::ApiCall();
}

void TranslationTab::translate()
{
    stop();
    QString problem;
    if (!request(&problem)) {
        m_run->refuse(problem);
        return;
    }
    m_view->clearResults(false, false);
    if (m_perLine->isChecked()) {
        startLines();
        return;
    }
    const QString text = source();
    m_run->start(m_client->translate(requestFor(text)), tr("Translating…"));
    m_pendingText = text; // after start(): a replaced run's end may not see it
}

void TranslationTab::onTranslated(core::ApiJob *job)
{
    if (job->state() != core::ApiJob::State::Succeeded)
        return; // the status line says Stopped or the error
    const core::TranslationResponse &response = static_cast<core::TranslationJob *>(job)->result();
    m_view->showResponse(m_pendingText, response);
    m_run->setStatus(
        tr("Translated in %L1 s · %Ln segment(s)", nullptr, int(m_view->segments().size()))
            .arg(job->elapsedMs() / 1000.0, 0, 'f', 2));
    m_run->setTokens(response.numTokensPromptTotal.value_or(-1));
}

void TranslationTab::startLines()
{
    // One run in the history for the whole text; one request per non-empty line, each line's
    // offset kept to mark it in the source.
    m_clock.start();
    core::RunRecorder *recorder = m_run->recorder();
    m_runId = recorder ? recorder->begin(tabKey(), core::ApiCall::of(requestFor(source()))) : 0;
    QList<int> starts;
    m_lines = nonEmptyLines(source(), &starts);
    m_view->beginLines(m_lines, starts);
    m_nextLine = 0;
    m_doneLines = 0;
    m_failedLines = 0;
    m_firstLineError.clear();
    m_progress->setRange(0, int(m_lines.size()));
    m_progress->setValue(0);
    m_progress->setVisible(true);
    setBusy(true);
    m_run->setStatus(tr("Translating %Ln line(s)…", nullptr, int(m_lines.size())));
    while (m_nextLine < m_lines.size() && m_jobs.size() < TranslationForm::LinesInFlight)
        startLine(m_nextLine++);
}

void TranslationTab::startLine(int row)
{
    auto *job = m_client->translate(requestFor(m_lines.at(row)));
    m_jobs.append(job);
    m_view->setLineText(row, tr("translating…"));
    connect(job, &core::ApiJob::finished, this, [this, row, job] { lineFinished(row, job); });
}

void TranslationTab::lineFinished(int row, core::TranslationJob *job)
{
    m_jobs.removeAll(job);
    if (job->state() == core::ApiJob::State::Canceled) {
        m_view->setLineText(row, tr("stopped"));
        if (m_jobs.isEmpty()) {
            m_run->setStatus(tr("Stopped."));
            endLines(core::RunStatus::Canceled, QString(), QString());
        }
        return;
    }
    ++m_doneLines;
    m_progress->setValue(m_doneLines);
    if (job->state() == core::ApiJob::State::Succeeded) {
        m_view->setLineResult(row, job->result());
    } else {
        ++m_failedLines;
        const QString message = errorText(job->error());
        if (m_firstLineError.isEmpty())
            m_firstLineError = message;
        m_view->setLineFailed(row, message);
    }
    if (m_nextLine < m_lines.size()) {
        startLine(m_nextLine++);
        return;
    }
    if (!m_jobs.isEmpty())
        return;
    // Every line is done: the table's text as the translation, the mean score on top.
    m_view->showLines();
    m_run->setStatus(m_failedLines == 0
            ? tr("%Ln line(s) translated in %L1 s", nullptr, int(m_lines.size()))
                  .arg(m_clock.elapsed() / 1000.0, 0, 'f', 2)
            : tr("%L1 of %Ln line(s) failed. First error: %2", nullptr, int(m_lines.size()))
                  .arg(m_failedLines)
                  .arg(m_firstLineError));
    core::TranslationLines answer;
    for (const TranslationView::Segment &s : m_view->segments())
        answer.lines.append({s.source, s.translation, s.score, {}});
    endLines(m_failedLines == 0 ? core::RunStatus::Succeeded : core::RunStatus::Failed,
        answer.answerText(),
        m_failedLines ? m_firstLineError : QString());
}

void TranslationTab::endLines(core::RunStatus status, const QString &answer, const QString &error)
{
    if (core::RunRecorder *recorder = m_run->recorder())
        recorder->finish(m_runId, status, answer, error, m_clock.elapsed());
    m_runId = 0;
    setBusy(false);
    Q_EMIT finished();
}

void TranslationTab::stop()
{
    m_run->stop();
    m_nextLine = int(m_lines.size()); // no more lines start
    const QList<QPointer<core::TranslationJob>> jobs = m_jobs;
    for (const QPointer<core::TranslationJob> &job : jobs)
        if (job)
            job->cancel();
}

void TranslationTab::setBusy(bool busy)
{
    m_form->setBusy(busy);
    if (!busy)
        m_progress->setVisible(false);
    Q_EMIT commandsChanged();
}

void TranslationTab::swapDirection()
{
    const QString from = sourceLanguage();
    const QString to = targetLanguage();
    const QString translated = translation();
    setSourceLanguage(to);
    setTargetLanguage(from);
    if (!translated.isEmpty())
        setSource(translated);
    m_view->clearResults(true, true);
    m_run->setStatus(
        tr("Swapped: %1 → %2.")
            .arg(TranslationForm::languageLabel(to), TranslationForm::languageLabel(from)));
}

QString TranslationTab::tableCsv() const
{
    return m_view->tableCsv();
}

void TranslationTab::copyTable()
{
    m_view->copyTable();
}

bool TranslationTab::exportCsv(const QString &path, QString *error) const
{
    return m_view->exportCsv(path, error);
}

void TranslationTab::chooseExportFile()
{
    m_view->chooseExportFile();
}

QVariantMap TranslationTab::draft() const
{
    return {{u"model"_s, m_model->model()},
        {u"source"_s, source()},
        {u"from"_s, sourceLanguage()},
        {u"target_language"_s, targetLanguage()},
        {u"per_line"_s, m_perLine->isChecked()}};
}

void TranslationTab::restoreDraft(const QVariantMap &draft)
{
    if (draft.contains(u"model"_s))
        setModel(draft.value(u"model"_s).toString());
    setSource(draft.value(u"source"_s).toString());
    if (draft.contains(u"from"_s))
        setSourceLanguage(draft.value(u"from"_s).toString());
    if (draft.contains(u"target_language"_s))
        setTargetLanguage(draft.value(u"target_language"_s).toString());
    setLinesMode(draft.value(u"per_line"_s).toBool());
}

void TranslationTab::restoreRun(const core::RunRecord &run)
{
    QString error;
    const auto request = run.requestAs<core::TranslationRequest>(&error);
    if (!request) {
        m_run->setStatus(tr("This run cannot be restored: %1").arg(error));
        return;
    }
    setModel(request->model);
    setTargetLanguage(request->targetLanguage);
    setSource(request->source);
    m_view->clearResults(false, true); // nothing of the run before stays beside this one
    const std::optional<core::TranslationLines> lines
        = run.responseAs<core::TranslationLines>(&error);
    setLinesMode(lines.has_value());
    const auto response = run.responseAs<core::TranslationResponse>(&error);
    QList<int> starts;
    const QStringList sourceLines = nonEmptyLines(request->source, &starts);
    const QString restored
        = tr("Restored from the history (%1).").arg(run.startedAt.toLocalTime().toString());
    if (run.status == core::RunStatus::Succeeded && lines
        && lines->lines.size() == sourceLines.size()) {
        // Lines mode: the table and the joined translation as the run left them.
        m_view->beginLines(sourceLines, starts);
        for (int row = 0; row < sourceLines.size(); ++row) {
            core::TranslationResponse line;
            line.translation = lines->lines.at(row).translation;
            line.score = lines->lines.at(row).score;
            m_view->setLineResult(row, line);
        }
        m_view->showLines();
        m_run->setStatus(restored);
    } else if (run.status == core::RunStatus::Succeeded && response && !lines) {
        m_view->showResponse(request->source, *response);
        m_run->setStatus(restored);
    } else {
        m_run->setStatus(run.error.isEmpty()
                ? tr("Restored (%1); translate again to see the results.")
                      .arg(runStatusText(run.status))
                : run.error);
    }
}

bool TranslationTab::openFile(const QString &path, QString *error)
{
    QString text;
    if (!readText(path, &text, error))
        return false;
    setSource(text);
    return true;
}

QAbstractButton *TranslationTab::exportButton() const
{
    return m_view->findChild<QAbstractButton *>(u"exportCsv"_s);
}

} // namespace ui
