// SPDX-License-Identifier: MIT
#include "ui/common/RunController.h"

#include "core/net/BatchJob.h"
#include "core/storage/RunRecorder.h"
#include "ui/common/ErrorText.h"

#include <QAbstractButton>
#include <QLabel>

namespace ui {

RunController::RunController(const QString &tabKey, QObject *parent)
    : QObject(parent)
    , m_tabKey(tabKey)
{
    m_elapsedTimer.setInterval(1000);
    connect(&m_elapsedTimer, &QTimer::timeout, this, &RunController::showElapsed);
    m_paceTimer.setInterval(16);
    connect(&m_paceTimer, &QTimer::timeout, this, [this] { showPaced(false); });
}

RunController::~RunController()
{
    // A stream that ended while its text was held back by the reading pace: nobody shows it now.
    if (m_heldJob) {
        m_heldJob->disconnect(this);
        m_heldJob->deleteLater();
        m_job.clear();
    }
    // Cancelling emits finished() at once: nothing of a half-destroyed tab may run then.
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
    }
    if (m_batch) {
        m_batch->disconnect(this);
        m_batch->cancel();
    }
}

void RunController::setStatusLabel(QLabel *label)
{
    m_status = label;
}

void RunController::setButtons(
    QAbstractButton *run, QAbstractButton *stop, bool disableRunWhileBusy)
{
    m_run = run;
    m_stop = stop;
    m_disableRunWhileBusy = disableRunWhileBusy;
    setBusy(isBusy());
}

bool RunController::refuse(const QString &problem)
{
    setStatus(tr("Not sent: %1").arg(problem));
    return false;
}

void RunController::start(core::ApiJob *job, const QString &busyText, bool record)
{
    stop(); // ends (and records) the previous run as Canceled, synchronously
    m_job = job;
    m_partial.clear();
    m_answer = QString();
    m_promptTokens = m_completionTokens = -1;
    m_runId = record && m_recorder ? m_recorder->begin(m_tabKey, *job) : 0;
    m_busyText = busyText;
    connect(job,
        &core::ApiJob::retrying,
        this,
        [this, job](int retry, int total, int delayMs, const core::ApiError &e) {
            if (job != m_job)
                return;
            setStatus(retryingText(retry, total, delayMs, e));
            Q_EMIT retrying(errorText(e));
        });
    connect(job, &core::ApiJob::finished, this, [this, job] { onFinished(job); });
    setStatus(busyText);
    m_partialClock.start();
    m_elapsedTimer.start();
    setBusy(true);
}

void RunController::start(core::BatchJob *job, const QString &busyText)
{
    stop(); // ends the previous run as Canceled, synchronously
    m_batch = job;
    m_runId = 0;
    m_busyText = busyText;
    connect(job,
        &core::BatchJob::retrying,
        this,
        [this, job](int chunk, int retry, int total, int delayMs, const core::ApiError &e) {
            if (job == m_batch) {
                setStatus(
                    tr("Batch %1: %2").arg(chunk + 1).arg(retryingText(retry, total, delayMs, e)));
                Q_EMIT retrying(errorText(e));
            }
        });
    connect(job, &core::BatchJob::finished, this, [this, job] { onBatchFinished(job); });
    setStatus(busyText);
    m_elapsedTimer.start();
    setBusy(true);
}

void RunController::stop()
{
    if (m_heldJob)
        showPaced(true); // the stream had ended: the rest at once, then it ends
    if (m_job)
        m_job->cancel();
    if (m_batch)
        m_batch->cancel();
}

void RunController::setPartial(const QString &text)
{
    m_partial = text;
    if (m_recorder && m_runId && m_partialClock.elapsed() >= m_recorder->partialSaveIntervalMs()) {
        m_recorder->savePartial(m_runId, text);
        m_partialClock.restart();
    }
}

void RunController::setAnswer(const QString &answer, int promptTokens, int completionTokens)
{
    m_answer = answer;
    m_promptTokens = promptTokens;
    m_completionTokens = completionTokens;
}

void RunController::setTokens(int promptTokens, int completionTokens)
{
    m_promptTokens = promptTokens;
    m_completionTokens = completionTokens;
}

void RunController::setStatus(const QString &text)
{
    if (m_status)
        m_status->setText(text);
}

QString RunController::statusText() const
{
    return m_status ? m_status->text() : QString();
}

namespace {
int g_readingPace = 0; // characters a second; 0: off
} // namespace

void RunController::setReadingPace(int charactersPerSecond)
{
    g_readingPace = std::max(0, charactersPerSecond);
}

int RunController::readingPace()
{
    return g_readingPace;
}

void RunController::showStreamed(
    const QString &text, const std::function<void(const QString &)> &show)
{
    if (g_readingPace <= 0 && m_paced.isEmpty()) {
        show(text);
        return;
    }
    m_paced += text;
    m_pacedSink = show;
    if (!m_paceTimer.isActive()) {
        m_paceCredit = 0;
        m_paceClock.start();
        m_paceTimer.start();
    }
}

void RunController::showPaced(bool all)
{
    qsizetype n = m_paced.size();
    if (!all && g_readingPace > 0) {
        m_paceCredit += g_readingPace * double(m_paceClock.restart()) / 1000.0;
        n = std::min<qsizetype>(qsizetype(m_paceCredit), m_paced.size());
        if (n <= 0)
            return;
        m_paceCredit -= double(n);
        if (n < m_paced.size() && m_paced.at(n - 1).isHighSurrogate())
            ++n; // never half a character
    }
    const QString chunk = m_paced.left(n);
    m_paced.remove(0, n);
    if (m_pacedSink && !chunk.isEmpty())
        m_pacedSink(chunk);
    if (!m_paced.isEmpty())
        return;
    m_paceTimer.stop();
    m_pacedSink = nullptr;
    if (core::ApiJob *job = m_heldJob) {
        m_heldJob.clear();
        finishJob(job);
        job->deleteLater();
    }
}

void RunController::onFinished(core::ApiJob *job)
{
    if (job != m_job)
        return; // a job this controller has replaced: its answer is stale
    if (!m_paced.isEmpty()) {
        if (job->state() == core::ApiJob::State::Succeeded) {
            // The answer is complete but not all on show: end once it is.
            job->setAutoDelete(false);
            m_heldJob = job;
            return;
        }
        showPaced(true);
    }
    finishJob(job);
}

void RunController::finishJob(core::ApiJob *job)
{
    m_job.clear();
    wrapUp(job->state(), job->error());
    Q_EMIT ended(job);
    if (m_recorder && m_runId)
        m_recorder->finish(m_runId, *job, m_answer, m_partial, m_promptTokens, m_completionTokens);
    Q_EMIT finished();
}

void RunController::onBatchFinished(core::BatchJob *job)
{
    if (job != m_batch)
        return; // a job this controller has replaced: its answer is stale
    m_batch.clear();
    wrapUp(job->state(), job->error());
    Q_EMIT batchEnded(job);
    Q_EMIT finished();
}

void RunController::wrapUp(core::ApiJob::State state, const core::ApiError &error)
{
    m_elapsedTimer.stop();
    setBusy(false);
    switch (state) {
    case core::ApiJob::State::Canceled:
        setStatus(tr("Stopped."));
        break;
    case core::ApiJob::State::Failed:
        setStatus(errorText(error));
        break;
    default:
        break;
    }
}

void RunController::setBusy(bool busy)
{
    if (m_run && m_disableRunWhileBusy)
        m_run->setEnabled(!busy);
    if (m_stop)
        m_stop->setEnabled(busy);
    Q_EMIT busyChanged(busy);
}

void RunController::showElapsed()
{
    const qint64 ms = m_job ? m_job->elapsedMs() : m_batch ? m_batch->elapsedMs() : -1;
    if (ms >= 0 && m_status && !m_busyText.isEmpty() && m_status->text().startsWith(m_busyText))
        m_status->setText(
            tr("%1 %2 s").arg(m_busyText).arg(qRound(ms / 1000.0))); // a timer may fire early
}

} // namespace ui
