// SPDX-License-Identifier: MIT
#include "ui/embeddings/EmbeddingsTab.h"

#include "core/net/ApiClient.h"
#include "core/net/CachedEmbedding.h"
#include "core/net/EmbeddingProvider.h"
#include "ui/common/ErrorText.h"
#include "ui/common/ModelPicker.h"
#include "ui/common/RunController.h"
#include "ui/common/Shortcuts.h"
#include "ui/embeddings/EmbeddingsAnalysis.h"
#include "ui/embeddings/EmbeddingsExporter.h"
#include "ui/embeddings/EmbeddingsSidePanel.h"
#include "ui/embeddings/MapView.h"
#include "ui/embeddings/NeighbourQueries.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QThreadPool>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

using namespace Qt::StringLiterals;

namespace ui {

namespace {

constexpr qsizetype kDraftLimit = 2 * 1024 * 1024; // editor text kept in the draft

QString formatSeconds(double seconds)
{
    if (seconds < 60)
        return QCoreApplication::translate("ui::EmbeddingsTab", "%L1 s")
            .arg(seconds, 0, 'f', seconds < 10 ? 1 : 0);
    return QCoreApplication::translate("ui::EmbeddingsTab", "%1 min %2 s")
        .arg(int(seconds) / 60)
        .arg(int(seconds) % 60);
}

} // namespace

EmbeddingsTab::EmbeddingsTab(core::ApiClient *client, QWidget *parent)
    : PlaygroundTab(parent)
    , m_client(client)
    , m_readPool(std::make_unique<QThreadPool>())
{
    m_readPool->setMaxThreadCount(1);
    build();
    m_run = new RunController(tabKey(), this);
    watchRun(m_run);
    m_run->setStatusLabel(m_form->statusLabel());
    m_run->setButtons(m_form->embedButton(), m_form->cancelButton());
    connect(m_run, &RunController::batchEnded, this, &EmbeddingsTab::onRunFinished);
    m_search = new RunController(tabKey(), this);
    m_search->setStatusLabel(m_form->statusLabel());
    connect(m_search, &RunController::batchEnded, this, &EmbeddingsTab::onSearchFinished);
    addRunStopShortcuts(this, &EmbeddingsTab::embed, &EmbeddingsTab::cancel);
}

EmbeddingsTab::~EmbeddingsTab()
{
    // The controllers cancel their jobs without a word to the tab, before the provider goes;
    // a reading in progress stops (the pool waits for it).
    if (m_readCancel)
        m_readCancel->store(true);
    delete m_search;
    delete m_run;
}

ModelPicker *EmbeddingsTab::modelPicker() const
{
    return m_form->model();
}

void EmbeddingsTab::setRecorder(core::RunRecorder *recorder)
{
    m_run->setRecorder(recorder);
}

void EmbeddingsTab::build()
{
    // ---- left: data, provider, run ----
    m_form = new EmbeddingsForm(this);
    connect(m_form->embedButton(), &QPushButton::clicked, this, &EmbeddingsTab::embed);
    connect(m_form->cancelButton(), &QPushButton::clicked, this, &EmbeddingsTab::cancel);
    connect(m_form->resumeButton(), &QPushButton::clicked, this, &EmbeddingsTab::embed);
    connect(m_form, &EmbeddingsForm::draftChanged, this, &EmbeddingsTab::draftChanged);
    connect(m_form, &EmbeddingsForm::textsChanged, this, [this] {
        if (m_analysis && m_analysis->set().rows() > 0)
            m_views->setStale(true);
    });

    auto *leftScroll = new QScrollArea(this);
    leftScroll->setWidget(m_form);
    leftScroll->setWidgetResizable(true);
    leftScroll->setFrameShape(QFrame::NoFrame);
    // Its natural width when there is room; narrower (scrolling) so that the tab fits 1024 pixels.
    const int naturalWidth
        = m_form->sizeHint().width() + leftScroll->verticalScrollBar()->sizeHint().width();
    leftScroll->setMinimumWidth(std::min(naturalWidth, 270));
    // Embed, Cancel and the status stay in view below the form, however it scrolls.
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(leftScroll, 1);
    leftLayout->addWidget(m_form->runPanel());

    // ---- centre: map and matrix; right: search, neighbours, selection ----
    m_analysis = new EmbeddingsAnalysis(this);
    // isBusy() counts the analysis: Stop and the deck's player follow it too.
    connect(m_analysis, &EmbeddingsAnalysis::workEnded, this, &EmbeddingsTab::commandsChanged);
    m_views = new EmbeddingsViews(m_analysis, this);
    m_projection = m_views->projection();
    m_map = m_views->map();
    connect(m_views, &EmbeddingsViews::mapReady, this, &EmbeddingsTab::mapReady);
    connect(m_views, &EmbeddingsViews::matrixReady, this, &EmbeddingsTab::matrixReady);
    connect(m_views, &EmbeddingsViews::statusMessage, this, [this](const QString &text) {
        setStatus(text);
    });
    connect(m_views, &EmbeddingsViews::exportRequested, this, &EmbeddingsTab::exportDialog);
    m_side = new EmbeddingsSidePanel(m_analysis, m_map, this);
    m_query = m_side->query();
    connect(m_side, &EmbeddingsSidePanel::searchRequested, this, &EmbeddingsTab::search);
    connect(m_side, &EmbeddingsSidePanel::searchHitsShown, this, [this](int hits) {
        setStatus(tr("%Ln hit(s) for “%1”, ringed on the map.", nullptr, hits)
                      .arg(elideText(m_searchText, 60)));
        Q_EMIT searchFinished();
    });

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("embeddingsSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(m_views);
    splitter->addWidget(m_side);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 0);
    splitter->setSizes({naturalWidth, 560, 280});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(splitter);
}

void EmbeddingsTab::setModels(const QList<core::ModelSettings> &models)
{
    m_form->model()->setModels(models);
}

void EmbeddingsTab::setProvider(Provider provider)
{
    m_form->provider()->setCurrentIndex(int(provider));
}

void EmbeddingsTab::setModel(const QString &model)
{
    m_form->model()->setEditText(model);
}

void EmbeddingsTab::setTextsAndLabels(const QStringList &texts, const QStringList &labels)
{
    m_form->setTextsAndLabels(texts, labels);
}

void EmbeddingsTab::parseInput(QStringList *texts, QStringList *labels) const
{
    m_form->parseInput(texts, labels);
}

bool EmbeddingsTab::importFile(
    const QString &path, const QString &textColumn, const QString &labelColumn, QString *error)
{
    return m_form->importFile(path, textColumn, labelColumn, error);
}

bool EmbeddingsTab::loadSample(const QString &name)
{
    return m_form->loadSample(name);
}

std::unique_ptr<core::EmbeddingProvider> EmbeddingsTab::makeProvider(QString *error) const
{
    return m_form->makeProvider(m_client, error);
}

void EmbeddingsTab::setStatus(const QString &text, bool error)
{
    m_form->setStatus(text, error);
}

void EmbeddingsTab::refuse(const QString &problem)
{
    m_form->setStatus(QString(), true);
    m_run->refuse(problem);
}

QString EmbeddingsTab::statusText() const
{
    return m_form->statusText();
}

const EmbeddingSet &EmbeddingsTab::set() const
{
    return m_analysis->set();
}

MatrixView *EmbeddingsTab::matrix() const
{
    return m_views->matrix();
}

QTreeView *EmbeddingsTab::searchResults() const
{
    return m_side->searchResults();
}

QTreeView *EmbeddingsTab::neighbourList() const
{
    return m_side->neighbourList();
}

QTreeView *EmbeddingsTab::selectionList() const
{
    return m_side->selectionList();
}

bool EmbeddingsTab::isBusy() const
{
    return isReading() || m_run->isBusy() || m_analysis->isBusy();
}

void EmbeddingsTab::showCachedMap()
{
    if (m_cache)
        readAndRun(true);
}

void EmbeddingsTab::embed()
{
    readAndRun(false);
}

void EmbeddingsTab::readAndRun(bool cacheOnly)
{
    if (m_run->isBusy() || isReading())
        return;
    if (m_form->inputSize() <= EmbeddingsForm::kParseAtOnce)
        return startRun(EmbeddingsForm::parseText(m_form->rawInput()), cacheOnly);
    // A large text is split and parsed on the reading thread (about 50 ms per 100,000 lines):
    // progress and Cancel stay live, and the editor is only read (one copy of its text).
    const auto cancelFlag = std::make_shared<std::atomic<bool>>(false);
    m_readCancel = cancelFlag;
    auto *watcher = new QFutureWatcher<EmbeddingsForm::Input>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, cancelFlag, cacheOnly] {
        watcher->deleteLater();
        if (cancelFlag != m_readCancel)
            return; // cancelled (stopReading() said so)
        m_readCancel.reset();
        m_form->embedButton()->setEnabled(true);
        m_form->cancelButton()->setEnabled(false);
        m_form->progress()->hide();
        startRun(watcher->future().takeResult(), cacheOnly);
        Q_EMIT commandsChanged();
    });
    m_form->resumeButton()->hide();
    m_form->embedButton()->setEnabled(false);
    m_form->cancelButton()->setEnabled(true);
    m_form->progress()->setRange(0, 0); // busy, no count yet
    m_form->progress()->show();
    setStatus(tr("Reading the texts…"));
    watcher->setFuture(
        QtConcurrent::run(m_readPool.get(), [text = m_form->rawInput(), cancelFlag]() mutable {
            return EmbeddingsForm::parseText(std::move(text), cancelFlag.get());
        }));
    Q_EMIT commandsChanged();
}

void EmbeddingsTab::stopReading()
{
    m_readCancel->store(true);
    m_readCancel.reset();
    m_form->embedButton()->setEnabled(true);
    m_form->cancelButton()->setEnabled(false);
    m_form->progress()->hide();
    setStatus(tr("Cancelled while reading the texts: nothing was sent."));
    Q_EMIT commandsChanged();
    Q_EMIT runFinished();
}

void EmbeddingsTab::startRun(EmbeddingsForm::Input input, bool cacheOnly)
{
    QStringList texts = std::move(input.texts);
    QStringList labels = std::move(input.labels);
    if (texts.isEmpty()) {
        if (cacheOnly)
            return; // nothing to show: the tab waits for texts and Embed
        return refuse(tr("There are no texts to embed: paste some (one per line), open a file or "
                         "pick a sample."));
    }
    QString error;
    std::unique_ptr<core::EmbeddingProvider> provider = makeProvider(&error);
    if (!provider)
        return refuse(error);
    m_cacheOnlyRun = cacheOnly;
    // The recorded request is the first batch's (the run sends as many as the texts need).
    QString problem;
    const core::ApiCall call = m_cacheOnlyRun ? core::ApiCall() : callFor(texts, &problem);
    m_runProvider = std::move(provider);
    m_runTexts = texts;
    m_runLabels = labels;
    auto *job = new core::CachedEmbeddingJob(m_runProvider.get(), m_cache, texts, false, this);
    job->setMatrixOutput(true); // the set's one copy of the vectors, filled as they arrive
    job->setCacheOnly(m_cacheOnlyRun);
    job->setAutoDelete(true);
    m_form->resumeButton()->hide();
    m_form->progress()->setRange(0, int(texts.size()));
    m_form->progress()->setValue(0);
    m_form->progress()->show();
    const QString busy = tr("Embedding %Ln text(s) with %1…", nullptr, int(texts.size()))
                             .arg(m_runProvider->displayName());
    setStatus(busy); // out of an earlier error's colour
    m_run->start(job, busy);
    m_runId = call.isValid() && m_run->recorder() ? m_run->recorder()->begin(tabKey(), call) : 0;
    connect(job, &core::CachedEmbeddingJob::progress, this, [this, job](int done, int total) {
        m_form->progress()->setValue(done);
        const int cached = job->cached();
        const double seconds = job->sendingMs() / 1000.0;
        QString line = tr("%L1 of %L2 embedded").arg(done).arg(total);
        if (cached > 0)
            line += tr(" · %L1 from the cache").arg(cached);
        const int fetched = done - cached;
        if (fetched > 0 && seconds > 0) {
            const double rate = fetched / seconds;
            line += tr(" · %L1 texts/s · %2 left")
                        .arg(rate, 0, 'f', 0)
                        .arg(formatSeconds((total - done) / rate));
        }
        setStatus(line);
    });
}

void EmbeddingsTab::cancel()
{
    if (isReading())
        stopReading();
    else if (m_run->isBusy())
        m_run->stop();
    else if (m_search->isBusy())
        m_search->stop();
    else if (m_analysis->queries()->isPending(NeighbourQueries::Kind::Search)) {
        m_analysis->queries()->cancel(NeighbourQueries::Kind::Search);
        setStatus(tr("The search was cancelled."));
        Q_EMIT searchFinished();
    } else if (m_analysis->isCancellable())
        m_analysis->cancel();
    else if (!m_map->selection().isEmpty())
        m_map->setSelection({}); // Esc with nothing running clears the map's selection
}

void EmbeddingsTab::onRunFinished(core::BatchJob *batch)
{
    auto *job = static_cast<core::CachedEmbeddingJob *>(batch);
    m_lastSent = job->sent();
    m_lastCached = job->cached();
    const int done = job->done();
    const int total = job->total();
    const double seconds = job->sendingMs() / 1000.0;
    QString cacheNote;
    if (!job->cacheError().isEmpty())
        cacheNote = tr(" The cache could not store them: %1.").arg(job->cacheError());
    if (m_run->recorder() && m_runId)
        m_run->recorder()->finish(m_runId,
            job->state() == core::ApiJob::State::Succeeded      ? core::RunStatus::Succeeded
                : job->state() == core::ApiJob::State::Canceled ? core::RunStatus::Canceled
                                                                : core::RunStatus::Failed,
            tr("%L1 vectors, %L2 from the cache").arg(done).arg(job->cached()),
            job->state() == core::ApiJob::State::Failed ? errorText(job->error()) : QString(),
            job->sendingMs());
    m_runId = 0;
    const bool cacheOnly = std::exchange(m_cacheOnlyRun, false);
    if (cacheOnly && job->state() != core::ApiJob::State::Succeeded) {
        m_form->progress()->hide();
        setStatus(
            tr("The last map is not all in the cache (%1); Embed (Ctrl+Enter) makes it again.")
                .arg(job->error().message));
        Q_EMIT runFinished();
        return;
    }
    if (job->state() != core::ApiJob::State::Succeeded) {
        m_form->progress()->hide();
        const bool kept = m_cache && done > job->cached();
        if (job->state() == core::ApiJob::State::Canceled)
            setStatus(tr("Cancelled after %L1 of %L2.").arg(done).arg(total)
                + (kept ? tr(" The finished ones are in the cache: Resume sends only the rest.")
                        : QString()));
        else
            setStatus(tr("Embedding failed after %L1 of %L2: %3")
                          .arg(done)
                          .arg(total)
                          .arg(errorText(job->error()))
                    + (kept ? tr(" The finished ones are kept: Resume sends only the rest.")
                            : QString())
                    + cacheNote,
                true);
        m_form->resumeButton()->setVisible(true);
        Q_EMIT runFinished();
        return;
    }
    m_form->progress()->hide();
    QString setError;
    if (!m_analysis->setVectors(
            m_runTexts, m_runLabels, job->takeMatrix(), job->dims(), &setError)) {
        setStatus(setError, true);
        Q_EMIT runFinished();
        return;
    }
    m_side->clearResults();
    m_views->resetForNewSet();
    QString line = tr("%L1 vectors of %L2 dimensions").arg(set().rows()).arg(set().dims);
    if (job->cached() > 0)
        line += tr(" · %L1 from the cache").arg(job->cached());
    if (job->sent() > 0 && seconds > 0)
        line += tr(" · %L1 sent in %2 (%L3 texts/s)")
                    .arg(job->sent())
                    .arg(formatSeconds(seconds))
                    .arg(job->sent() / seconds, 0, 'f', 0);
    setStatus(line + u'.' + cacheNote);
    m_analysis->buildIndex();
    m_views->startProjection();
    if (set().rows() <= core::analysis::kMaxSimilarityMatrixSize)
        showMatrix();
    else
        m_views->setMatrixNote(
            tr("%L1 texts: select up to 2,000 points on the map for a matrix.").arg(set().rows()));
    Q_EMIT runFinished();
}

void EmbeddingsTab::setProjection(Projection projection)
{
    m_views->setProjection(projection);
}

void EmbeddingsTab::showMatrix(const QList<int> &rows)
{
    m_views->showMatrix(rows);
}

void EmbeddingsTab::search(const QString &query)
{
    const QString q = query.trimmed();
    if (q.isEmpty())
        return;
    if (set().rows() == 0) {
        setStatus(tr("Embed some texts first; the search compares the query with them."), true);
        return;
    }
    if (!m_runProvider) {
        setStatus(tr("The texts came from a draft: embed them again to search."), true);
        return;
    }
    // The query goes through the provider that embedded the texts (asymmetric: as "query").
    m_query->setText(q);
    m_analysis->queries()->cancel(NeighbourQueries::Kind::Search); // an older query's ranking
    auto *job = new core::CachedEmbeddingJob(m_runProvider.get(), m_cache, {q}, true, this);
    job->setAutoDelete(true);
    const QString busy = tr("Searching for “%1”…").arg(elideText(q, 60));
    setStatus(busy); // out of an earlier error's colour
    m_search->start(job, busy); // cancels the search before it
    m_searchText = q;
}

void EmbeddingsTab::onSearchFinished(core::BatchJob *batch)
{
    auto *job = static_cast<core::CachedEmbeddingJob *>(batch);
    const QString q = m_searchText;
    if (job->state() != core::ApiJob::State::Succeeded) {
        if (job->state() == core::ApiJob::State::Failed)
            setStatus(tr("The search failed: %1").arg(errorText(job->error())), true);
        Q_EMIT searchFinished();
        return;
    }
    const core::Embedding vector = job->embeddings().value(0);
    if (vector.size() != set().dims) {
        setStatus(tr("The query's vector has %1 dimensions, the texts' %2: embed the texts again "
                     "with these settings.")
                      .arg(vector.size())
                      .arg(set().dims),
            true);
        Q_EMIT searchFinished();
        return;
    }
    // Ranked off the GUI thread (after the neighbour index when it is still being built):
    // searchHitsShown() ends the search.
    if (!m_analysis->index())
        setStatus(tr("Searching for “%1”: waiting for the neighbour index…").arg(elideText(q, 60)));
    m_side->search(vector);
}

bool EmbeddingsTab::exportVectors(const QString &path, QString *error) const
{
    return EmbeddingsExporter::exportVectors(set(), path, error);
}

bool EmbeddingsTab::exportMap(const QString &path, QString *error) const
{
    return EmbeddingsExporter::exportMap(*m_map, set().rows(), path, error);
}

void EmbeddingsTab::exportDialog(bool map, const QString &filter, const QString &suffix)
{
    QString path = QFileDialog::getSaveFileName(this,
        map ? tr("Export the map") : tr("Export the vectors"),
        u"embeddings.%1"_s.arg(suffix),
        filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += u'.' + suffix;
    QString error;
    const bool ok = map ? exportMap(path, &error) : exportVectors(path, &error);
    if (ok)
        setStatus(tr("Saved %1.").arg(QDir::toNativeSeparators(path)));
    else
        setStatus(error, true);
}

core::ApiCall EmbeddingsTab::currentCall(QString *problem) const
{
    QStringList texts, labels;
    parseInput(&texts, &labels);
    return callFor(texts, problem);
}

core::ApiCall EmbeddingsTab::callFor(const QStringList &texts, QString *problem) const
{
    if (texts.isEmpty()) {
        *problem = tr("There are no texts yet.");
        return {};
    }
    const auto p = Provider(m_form->provider()->currentIndex());
    const QStringList first = texts.mid(0, m_form->chunkSize()->value());
    if (p == Provider::Symmetric || p == Provider::Asymmetric) {
        std::unique_ptr<core::EmbeddingProvider> provider = makeProvider(problem);
        if (!provider)
            return {};
        core::BatchSemanticEmbeddingRequest request;
        static_cast<core::SemanticEmbeddingOptions &>(request)
            = static_cast<core::AlephAlphaEmbeddingProvider *>(provider.get())
                  ->options(p == Provider::Asymmetric ? core::Representation::Document
                                                      : core::Representation::Symmetric);
        for (const QString &t : first)
            request.prompts.append(core::Prompt::fromText(t));
        return core::ApiCall::of(request);
    }
    if (p == Provider::EmbeddingsV2) {
        core::EmbeddingV2Request request;
        request.model = m_form->model()->model();
        if (m_form->dimensions()->value() > 0)
            request.dimensions = m_form->dimensions()->value();
        request.input = core::EmbeddingV2Input::fromTexts(first);
        return core::ApiCall::of(request);
    }
    *problem = tr("View code shows Aleph Alpha requests only.");
    return {};
}

QVariantMap EmbeddingsTab::draft() const
{
    QString text = m_form->input()->toPlainText();
    if (text.size() > kDraftLimit)
        text.clear(); // a huge paste is not autosaved (the file it came from still is the source)
    return {{u"texts"_s, text},
        {u"provider"_s, m_form->provider()->currentIndex()},
        {u"model"_s, m_form->model()->model()},
        {u"compress_to_size"_s,
            m_form->compress()->currentIndex() == 1 ? core::kCompressedEmbeddingSize : 0},
        {u"normalize"_s, m_form->normalize()->isChecked()},
        {u"contextual_control_threshold"_s,
            m_form->thresholdOn()->isChecked() ? QVariant(m_form->threshold()->value())
                                               : QVariant()},
        {u"control_log_additive"_s, m_form->logAdditive()->isChecked()},
        {u"dimensions"_s, m_form->dimensions()->value()},
        {u"gradient_url"_s, m_form->gradientUrl()->text()},
        {u"gradient_workspace"_s, m_form->gradientWorkspace()->text()},
        {u"chunk_size"_s, m_form->chunkSize()->value()},
        {u"in_flight"_s, m_form->inFlight()->value()},
        {u"projection"_s, m_projection->currentIndex()}}; // never the Gradient token
}

void EmbeddingsTab::restoreDraft(const QVariantMap &draft)
{
    m_form->input()->setPlainText(draft.value(u"texts"_s).toString());
    m_form->provider()->setCurrentIndex(
        std::clamp(draft.value(u"provider"_s, int(Provider::Asymmetric)).toInt(), 0, 3));
    if (draft.contains(u"model"_s))
        m_form->model()->setEditText(draft.value(u"model"_s).toString());
    m_form->compress()->setCurrentIndex(
        draft.value(u"compress_to_size"_s).toInt() == core::kCompressedEmbeddingSize ? 1 : 0);
    m_form->normalize()->setChecked(draft.value(u"normalize"_s).toBool());
    // A number when the threshold is on; null (or absent) when off.
    const QVariant thresholdValue = draft.value(u"contextual_control_threshold"_s);
    bool thresholdOn = false;
    const double threshold = thresholdValue.isNull() ? 0 : thresholdValue.toDouble(&thresholdOn);
    m_form->thresholdOn()->setChecked(thresholdOn);
    if (thresholdOn)
        m_form->threshold()->setValue(threshold);
    m_form->logAdditive()->setChecked(draft.value(u"control_log_additive"_s, true).toBool());
    m_form->dimensions()->setValue(draft.value(u"dimensions"_s).toInt());
    if (draft.contains(u"gradient_url"_s))
        m_form->gradientUrl()->setText(draft.value(u"gradient_url"_s).toString());
    m_form->gradientWorkspace()->setText(draft.value(u"gradient_workspace"_s).toString());
    m_form->chunkSize()->setValue(draft.value(u"chunk_size"_s, core::kMaxPromptsPerBatch).toInt());
    m_form->inFlight()->setValue(draft.value(u"in_flight"_s, 4).toInt());
    const QSignalBlocker blocker(m_projection);
    m_projection->setCurrentIndex(
        std::clamp(draft.value(u"projection"_s).toInt(), 0, m_projection->count() - 1));
}

void EmbeddingsTab::restoreRun(const core::RunRecord &run)
{
    // The recorded request is the first batch: its options and texts come back into the form.
    QString error;
    QStringList texts;
    QString model;
    if (run.endpoint == u"embeddings"_s) {
        const auto request = run.requestAs<core::EmbeddingV2Request>(&error);
        if (!request)
            return setStatus(tr("This run cannot be restored: %1").arg(error), true);
        m_form->provider()->setCurrentIndex(int(Provider::EmbeddingsV2));
        texts = request->input.kind == core::EmbeddingV2Input::Kind::Text
            ? QStringList{request->input.text}
            : request->input.texts;
        m_form->dimensions()->setValue(request->dimensions.value_or(0));
        model = request->model;
    } else {
        const auto request = run.requestAs<core::BatchSemanticEmbeddingRequest>(&error);
        if (!request)
            return setStatus(tr("This run cannot be restored: %1").arg(error), true);
        m_form->provider()->setCurrentIndex(
            int(request->representation == core::Representation::Symmetric ? Provider::Symmetric
                                                                           : Provider::Asymmetric));
        for (const core::Prompt &prompt : request->prompts)
            texts.append(prompt.isPlainText() ? *prompt.plainText : prompt.items.value(0).text);
        m_form->compress()->setCurrentIndex(
            request->compressToSize == core::kCompressedEmbeddingSize ? 1 : 0);
        m_form->normalize()->setChecked(request->normalize.value_or(false));
        model = request->model.value_or(QString());
    }
    m_form->model()->setEditText(model);
    if (!texts.isEmpty())
        setTextsAndLabels(texts, {});
    setStatus(tr("Restored the run's first batch (%Ln text(s)). %1", nullptr, int(texts.size()))
                  .arg(run.response));
}

void EmbeddingsTab::triggerOpen()
{
    if (auto *open = m_form->findChild<QAbstractButton *>(u"openFile"_s))
        open->click();
}

QAbstractButton *EmbeddingsTab::exportButton() const
{
    return m_views->findChild<QAbstractButton *>(u"export"_s);
}

} // namespace ui
