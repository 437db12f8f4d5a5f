// SPDX-License-Identifier: MIT
#include "ui/embeddings/EmbeddingsTab.h"

#include "core/net/ApiClient.h"
#include "core/net/CachedEmbedding.h"
#include "core/net/EmbeddingProvider.h"
#include "ui/common/ErrorText.h"
#include "ui/common/ModelPicker.h"
#include "ui/common/Plural.h"
#include "ui/common/Shortcuts.h"
#include "ui/embeddings/EmbeddingsAnalysis.h"
#include "ui/embeddings/EmbeddingsExporter.h"
#include "ui/embeddings/EmbeddingsSidePanel.h"
#include "ui/embeddings/MapView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;

namespace ui {

namespace {

constexpr qsizetype kDraftLimit = 2 * 1024 * 1024; // editor text kept in the draft

QString formatSeconds(double seconds)
{
    if (seconds < 60)
        return u"%1 s"_s.arg(seconds, 0, 'f', seconds < 10 ? 1 : 0);
    return u"%1 min %2 s"_s.arg(int(seconds) / 60).arg(int(seconds) % 60);
}

} // namespace

EmbeddingsTab::EmbeddingsTab(core::ApiClient *client, QWidget *parent)
    : PlaygroundTab(parent)
    , m_client(client)
{
    build();
    addRunStopShortcuts(this, &EmbeddingsTab::embed, &EmbeddingsTab::cancel);
}

EmbeddingsTab::~EmbeddingsTab()
{
    if (m_job)
        m_job->disconnect(this);
    if (m_searchJob)
        m_searchJob->disconnect(this);
    delete m_job;
    delete m_searchJob;
}

void EmbeddingsTab::build()
{
    // ---- left: data, provider, run ----
    m_form = new EmbeddingsForm(this);
    m_provider = m_form->provider();
    m_model = m_form->model();
    m_compress = m_form->compress();
    m_normalize = m_form->normalize();
    m_thresholdOn = m_form->thresholdOn();
    m_threshold = m_form->threshold();
    m_logAdditive = m_form->logAdditive();
    m_dimensions = m_form->dimensions();
    m_chunkSize = m_form->chunkSize();
    m_inFlight = m_form->inFlight();
    m_gradientUrl = m_form->gradientUrl();
    m_gradientWorkspace = m_form->gradientWorkspace();
    m_input = m_form->input();
    m_embedButton = m_form->embedButton();
    m_cancelButton = m_form->cancelButton();
    m_resumeButton = m_form->resumeButton();
    m_progress = m_form->progress();
    connect(m_embedButton, &QPushButton::clicked, this, &EmbeddingsTab::embed);
    connect(m_cancelButton, &QPushButton::clicked, this, &EmbeddingsTab::cancel);
    connect(m_resumeButton, &QPushButton::clicked, this, &EmbeddingsTab::embed);
    connect(m_form, &EmbeddingsForm::draftChanged, this, &EmbeddingsTab::draftChanged);

    auto *leftScroll = new QScrollArea(this);
    leftScroll->setWidget(m_form);
    leftScroll->setWidgetResizable(true);
    leftScroll->setFrameShape(QFrame::NoFrame);
    // Its natural width when there is room; narrower (scrolling) so that the tab fits 1024 pixels.
    const int naturalWidth = m_form->sizeHint().width() + leftScroll->verticalScrollBar()->sizeHint().width();
    leftScroll->setMinimumWidth(std::min(naturalWidth, 270));

    // ---- centre: map and matrix; right: search, neighbours, selection ----
    m_analysis = new EmbeddingsAnalysis(this);
    m_views = new EmbeddingsViews(m_analysis, this);
    m_projection = m_views->projection();
    m_map = m_views->map();
    connect(m_views, &EmbeddingsViews::mapReady, this, &EmbeddingsTab::mapReady);
    connect(m_views, &EmbeddingsViews::matrixReady, this, &EmbeddingsTab::matrixReady);
    connect(m_views, &EmbeddingsViews::statusMessage, this, [this](const QString &text) { setStatus(text); });
    connect(m_views, &EmbeddingsViews::exportRequested, this, &EmbeddingsTab::exportDialog);
    m_side = new EmbeddingsSidePanel(m_analysis, m_map, this);
    m_query = m_side->query();
    connect(m_side, &EmbeddingsSidePanel::searchRequested, this, &EmbeddingsTab::search);
    connect(m_analysis, &EmbeddingsAnalysis::indexReady, this, [this] {
        if (!m_pendingQuery.isEmpty()) {
            const core::Embedding vector = std::exchange(m_pendingSearch, {});
            showSearchHits(vector, std::exchange(m_pendingQuery, {}));
        }
    });

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("embeddingsSplitter"));
    splitter->addWidget(leftScroll);
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
    m_model->setModels(models);
}

void EmbeddingsTab::setProvider(Provider provider)
{
    m_provider->setCurrentIndex(int(provider));
}

void EmbeddingsTab::setModel(const QString &model)
{
    m_model->setEditText(model);
}

void EmbeddingsTab::setTextsAndLabels(const QStringList &texts, const QStringList &labels)
{
    m_form->setTextsAndLabels(texts, labels);
}

void EmbeddingsTab::parseInput(QStringList *texts, QStringList *labels) const
{
    m_form->parseInput(texts, labels);
}

bool EmbeddingsTab::importFile(const QString &path, const QString &textColumn, const QString &labelColumn, QString *error)
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
    return m_job || m_analysis->isBusy();
}


void EmbeddingsTab::showCachedMap()
{
    if (m_job || !m_cache)
        return;
    QStringList texts, labels;
    parseInput(&texts, &labels);
    if (texts.isEmpty())
        return;
    m_cacheOnlyRun = true;
    embed();
    m_cacheOnlyRun = m_job != nullptr;
}

void EmbeddingsTab::embed()
{
    if (m_job)
        return;
    QStringList texts, labels;
    parseInput(&texts, &labels);
    if (texts.isEmpty()) {
        setStatus(tr("There are no texts to embed: paste some (one per line), open a file or pick a sample."), true);
        return;
    }
    QString error;
    std::unique_ptr<core::EmbeddingProvider> provider = makeProvider(&error);
    if (!provider) {
        setStatus(error, true);
        return;
    }
    m_runProvider = std::move(provider);
    m_runTexts = texts;
    m_runLabels = labels;
    m_job = new core::CachedEmbeddingJob(m_runProvider.get(), m_cache, texts, false, this);
    m_job->setCacheOnly(m_cacheOnlyRun);
    m_embedButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_resumeButton->hide();
    m_progress->setRange(0, int(texts.size()));
    m_progress->setValue(0);
    m_progress->show();
    setStatus(tr("Embedding %1 with %2…").arg(plural(texts.size(), tr("text"), tr("texts")), m_runProvider->displayName()));
    QString endpoint;
    QJsonObject body;
    QString requestError;
    if (m_recorder && !m_cacheOnlyRun && currentRequest(&endpoint, &body, &requestError))
        m_runId = m_recorder->begin(tabKey(), core::ApiCall::fromRecord(endpoint, body));
    connect(m_job, &core::CachedEmbeddingJob::progress, this, [this](int done, int total) {
        m_progress->setValue(done);
        const int cached = m_job->cached();
        const double seconds = m_job->sendingMs() / 1000.0;
        QString line = tr("%1 of %2 embedded").arg(done).arg(total);
        if (cached > 0)
            line += tr(" · %1 from the cache").arg(cached);
        const int fetched = done - cached;
        if (fetched > 0 && seconds > 0) {
            const double rate = fetched / seconds;
            line += tr(" · %1 texts/s · %2 left").arg(rate, 0, 'f', 0).arg(formatSeconds((total - done) / rate));
        }
        setStatus(line);
    });
    connect(m_job, &core::CachedEmbeddingJob::retrying, this,
            [this](int chunk, int retry, int totalRetries, int delayMs, const core::ApiError &e) {
                setStatus(tr("Batch %1: %2").arg(chunk + 1).arg(retryingText(retry, totalRetries, delayMs, e)));
            });
    connect(m_job, &core::CachedEmbeddingJob::finished, this, &EmbeddingsTab::onRunFinished);
}

void EmbeddingsTab::cancel()
{
    if (m_job)
        m_job->cancel();
    else if (m_searchJob)
        m_searchJob->cancel();
    else if (m_analysis->isCancellable())
        m_analysis->cancel();
    else if (!m_map->selection().isEmpty())
        m_map->setSelection({}); // Esc with nothing running clears the map's selection
}

void EmbeddingsTab::onRunFinished()
{
    core::CachedEmbeddingJob *job = m_job;
    m_job.clear();
    job->deleteLater();
    m_embedButton->setEnabled(true);
    m_cancelButton->setEnabled(false);
    m_lastSent = job->sent();
    m_lastCached = job->cached();
    const int done = job->done();
    const int total = job->total();
    const double seconds = job->sendingMs() / 1000.0;
    QString cacheNote;
    if (!job->cacheError().isEmpty())
        cacheNote = tr(" The cache could not store them: %1.").arg(job->cacheError());
    if (m_recorder && m_runId)
        m_recorder->finish(m_runId, job->state() == core::ApiJob::State::Succeeded  ? core::RunStatus::Succeeded
                                    : job->state() == core::ApiJob::State::Canceled ? core::RunStatus::Canceled
                                                                                     : core::RunStatus::Failed,
                           tr("%1 vectors, %2 from the cache").arg(done).arg(job->cached()),
                           job->state() == core::ApiJob::State::Failed ? errorText(job->error()) : QString(),
                           job->sendingMs());
    m_runId = 0;
    const bool cacheOnly = std::exchange(m_cacheOnlyRun, false);
    if (cacheOnly && job->state() != core::ApiJob::State::Succeeded) {
        m_progress->hide();
        setStatus(tr("The last map is not all in the cache (%1); Embed (Ctrl+Enter) makes it again.").arg(job->error().message));
        Q_EMIT runFinished();
        return;
    }
    if (job->state() != core::ApiJob::State::Succeeded) {
        m_progress->hide();
        const bool kept = m_cache && done > job->cached();
        if (job->state() == core::ApiJob::State::Canceled)
            setStatus(tr("Cancelled after %1 of %2.").arg(done).arg(total)
                      + (kept ? tr(" The finished ones are in the cache: Resume sends only the rest.") : QString()));
        else
            setStatus(tr("Embedding failed after %1 of %2: %3").arg(done).arg(total).arg(errorText(job->error()))
                          + (kept ? tr(" The finished ones are kept: Resume sends only the rest.") : QString()) + cacheNote,
                      true);
        m_resumeButton->setVisible(true);
        Q_EMIT runFinished();
        return;
    }
    m_progress->hide();
    QString setError;
    if (!m_analysis->setVectors(m_runTexts, m_runLabels, job->embeddings(), &setError)) {
        setStatus(setError, true);
        Q_EMIT runFinished();
        return;
    }
    m_pendingSearch.clear();
    m_pendingQuery.clear();
    m_side->clearResults();
    m_views->resetForNewSet();
    QString line = tr("%1 vectors of %2 dimensions").arg(set().rows()).arg(set().dims);
    if (job->cached() > 0)
        line += tr(" · %1 from the cache").arg(job->cached());
    if (job->sent() > 0 && seconds > 0)
        line += tr(" · %1 sent in %2 (%3 texts/s)").arg(job->sent()).arg(formatSeconds(seconds)).arg(job->sent() / seconds, 0, 'f', 0);
    setStatus(line + u'.' + cacheNote);
    m_analysis->buildIndex();
    m_views->startProjection();
    if (set().rows() <= core::analysis::kMaxSimilarityMatrixSize)
        showMatrix();
    else
        m_views->setMatrixNote(tr("%L1 texts: select up to 2,000 points on the map for a matrix.").arg(set().rows()));
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
    if (m_searchJob)
        m_searchJob->cancel();
    // The query goes through the provider that embedded the texts (asymmetric: as "query").
    m_query->setText(q);
    m_searchJob = new core::CachedEmbeddingJob(m_runProvider.get(), m_cache, {q}, true, this);
    setStatus(tr("Searching for “%1”…").arg(elideText(q, 60)));
    connect(m_searchJob, &core::CachedEmbeddingJob::finished, this, [this, q] {
        core::CachedEmbeddingJob *job = m_searchJob;
        m_searchJob.clear();
        job->deleteLater();
        if (job->state() != core::ApiJob::State::Succeeded) {
            if (job->state() == core::ApiJob::State::Failed)
                setStatus(tr("The search failed: %1").arg(errorText(job->error())), true);
            Q_EMIT searchFinished();
            return;
        }
        const core::Embedding vector = job->embeddings().value(0);
        if (vector.size() != set().dims) {
            setStatus(tr("The query's vector has %1 dimensions, the texts' %2: embed the texts again with these settings.")
                          .arg(vector.size())
                          .arg(set().dims),
                      true);
            Q_EMIT searchFinished();
            return;
        }
        if (!m_analysis->index()) { // the index is still being built: ranked as soon as it is there
            m_pendingSearch = vector;
            m_pendingQuery = q;
            setStatus(tr("Searching for “%1”: waiting for the neighbour index…").arg(elideText(q, 60)));
            return;
        }
        showSearchHits(vector, q);
    });
}

void EmbeddingsTab::showSearchHits(const core::Embedding &vector, const QString &q)
{
    const int hits = m_side->showSearchHits(vector);
    setStatus(tr("%1 for “%2”, ringed on the map.").arg(plural(hits, tr("hit"), tr("hits")), elideText(q, 60)));
    Q_EMIT searchFinished();
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
    QString path = QFileDialog::getSaveFileName(this, map ? tr("Export the map") : tr("Export the vectors"),
                                                u"embeddings.%1"_s.arg(suffix), filter);
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

bool EmbeddingsTab::currentRequest(QString *endpoint, QJsonObject *body, QString *error) const
{
    QStringList texts, labels;
    parseInput(&texts, &labels);
    if (texts.isEmpty()) {
        *error = tr("There are no texts yet.");
        return false;
    }
    const auto p = Provider(m_provider->currentIndex());
    const QStringList first = texts.mid(0, m_chunkSize->value());
    if (p == Provider::Symmetric || p == Provider::Asymmetric) {
        QString message;
        std::unique_ptr<core::EmbeddingProvider> provider = makeProvider(&message);
        if (!provider) {
            *error = message;
            return false;
        }
        core::BatchSemanticEmbeddingRequest request;
        static_cast<core::SemanticEmbeddingOptions &>(request)
            = static_cast<core::AlephAlphaEmbeddingProvider *>(provider.get())
                  ->options(p == Provider::Asymmetric ? core::Representation::Document : core::Representation::Symmetric);
        for (const QString &t : first)
            request.prompts.append(core::Prompt::fromText(t));
        *endpoint = u"batch_semantic_embed"_s;
        *body = request.toJson();
        return true;
    }
    if (p == Provider::EmbeddingsV2) {
        core::EmbeddingV2Request request;
        request.model = m_model->model();
        if (m_dimensions->value() > 0)
            request.dimensions = m_dimensions->value();
        request.input = core::EmbeddingV2Input::fromTexts(first);
        *endpoint = u"embeddings"_s;
        *body = request.toJson();
        return true;
    }
    *error = tr("View code shows Aleph Alpha requests only.");
    return false;
}

core::ApiCall EmbeddingsTab::currentCall(QString *problem) const
{
    QString endpoint;
    QJsonObject body;
    return currentRequest(&endpoint, &body, problem) ? core::ApiCall::fromRecord(endpoint, body) : core::ApiCall();
}

QVariantMap EmbeddingsTab::draft() const
{
    return draftJson().toVariantMap();
}

void EmbeddingsTab::restoreDraft(const QVariantMap &draft)
{
    restoreDraftJson(QJsonObject::fromVariantMap(draft));
}

QJsonObject EmbeddingsTab::draftJson() const
{
    QString text = m_input->toPlainText();
    if (text.size() > kDraftLimit)
        text.clear(); // a huge paste is not autosaved (the file it came from still is the source)
    return {{u"texts"_s, text},
            {u"provider"_s, m_provider->currentIndex()},
            {u"model"_s, m_model->model()},
            {u"compress_to_size"_s, m_compress->currentIndex() == 1 ? core::kCompressedEmbeddingSize : 0},
            {u"normalize"_s, m_normalize->isChecked()},
            {u"contextual_control_threshold"_s, m_thresholdOn->isChecked() ? QJsonValue(m_threshold->value()) : QJsonValue()},
            {u"control_log_additive"_s, m_logAdditive->isChecked()},
            {u"dimensions"_s, m_dimensions->value()},
            {u"gradient_url"_s, m_gradientUrl->text()},
            {u"gradient_workspace"_s, m_gradientWorkspace->text()},
            {u"chunk_size"_s, m_chunkSize->value()},
            {u"in_flight"_s, m_inFlight->value()},
            {u"projection"_s, m_projection->currentIndex()}}; // never the Gradient token
}

void EmbeddingsTab::restoreDraftJson(const QJsonObject &draft)
{
    m_input->setPlainText(draft.value(u"texts"_s).toString());
    m_provider->setCurrentIndex(std::clamp(draft.value(u"provider"_s).toInt(int(Provider::Asymmetric)), 0, 3));
    if (draft.contains(u"model"_s))
        m_model->setEditText(draft.value(u"model"_s).toString());
    m_compress->setCurrentIndex(draft.value(u"compress_to_size"_s).toInt() == core::kCompressedEmbeddingSize ? 1 : 0);
    m_normalize->setChecked(draft.value(u"normalize"_s).toBool());
    const QJsonValue threshold = draft.value(u"contextual_control_threshold"_s);
    m_thresholdOn->setChecked(threshold.isDouble());
    if (threshold.isDouble())
        m_threshold->setValue(threshold.toDouble());
    m_logAdditive->setChecked(draft.value(u"control_log_additive"_s).toBool(true));
    m_dimensions->setValue(draft.value(u"dimensions"_s).toInt());
    if (draft.contains(u"gradient_url"_s))
        m_gradientUrl->setText(draft.value(u"gradient_url"_s).toString());
    m_gradientWorkspace->setText(draft.value(u"gradient_workspace"_s).toString());
    m_chunkSize->setValue(draft.value(u"chunk_size"_s).toInt(core::kMaxPromptsPerBatch));
    m_inFlight->setValue(draft.value(u"in_flight"_s).toInt(4));
    const QSignalBlocker blocker(m_projection);
    m_projection->setCurrentIndex(std::clamp(draft.value(u"projection"_s).toInt(), 0, 1));
}

void EmbeddingsTab::restoreRun(const core::RunRecord &run)
{
    // The recorded request is the first batch: its options and texts come back into the form.
    const QJsonObject request = run.request;
    QStringList texts;
    if (run.endpoint == u"embeddings"_s) {
        m_provider->setCurrentIndex(int(Provider::EmbeddingsV2));
        for (const QJsonValue &v : request.value(u"input"_s).toArray())
            texts.append(v.toString());
        m_dimensions->setValue(request.value(u"dimensions"_s).toInt());
    } else {
        const QString representation = request.value(u"representation"_s).toString();
        m_provider->setCurrentIndex(int(representation == u"symmetric"_s ? Provider::Symmetric : Provider::Asymmetric));
        for (const QJsonValue &prompt : request.value(u"prompts"_s).toArray()) {
            const QJsonValue first = prompt.isArray() ? prompt.toArray().first() : prompt;
            texts.append(first.isString() ? first.toString() : first.toObject().value(u"data"_s).toString());
        }
        m_compress->setCurrentIndex(request.value(u"compress_to_size"_s).toInt() == core::kCompressedEmbeddingSize ? 1 : 0);
        m_normalize->setChecked(request.value(u"normalize"_s).toBool());
    }
    m_model->setEditText(request.value(u"model"_s).toString());
    if (!texts.isEmpty())
        setTextsAndLabels(texts, {});
    setStatus(tr("Restored the run's first batch (%1). %2").arg(plural(texts.size(), tr("text"), tr("texts")), run.response));
}

} // namespace ui
