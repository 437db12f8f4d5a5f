// SPDX-License-Identifier: MIT
#include "ui/translation/TranslationTab.h"

#include "core/util/Csv.h"
#include "ui/common/ErrorText.h"
#include "ui/common/ModelPicker.h"
#include "ui/common/Plural.h"
#include "ui/common/ParameterTips.h"
#include "ui/common/Shortcuts.h"
#include "ui/common/TextHit.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QShortcut>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBlock>
#include <QTextEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ui {

namespace {

constexpr int kLinesInFlight = 3;

/// Quality colour of a score in 0..1 (Okabe-Ito vermillion → yellow → bluish green, told apart
/// in the common colour-vision deficiencies): below 0.5 is fully vermillion.
QColor scoreColor(double score, int alpha)
{
    static const QColor stops[3] = {QColor(0xd5, 0x5e, 0x00), QColor(0xf0, 0xe4, 0x42), QColor(0x00, 0x9e, 0x73)};
    const double t = std::clamp((score - 0.5) / 0.5, 0.0, 1.0) * 2.0;
    const int i = std::min(int(t), 1);
    const double f = t - i;
    const auto mix = [f](int a, int b) { return int(std::lround(a + (b - a) * f)); };
    return QColor(mix(stops[i].red(), stops[i + 1].red()), mix(stops[i].green(), stops[i + 1].green()),
                  mix(stops[i].blue(), stops[i + 1].blue()), alpha);
}

QString languageLabel(const QString &code)
{
    const QLocale locale(code);
    const QString name = locale.language() == QLocale::C ? code : QLocale::languageToString(locale.language());
    return u"%1 (%2)"_s.arg(name, code);
}

QComboBox *languageCombo(QWidget *parent, const QString &objectName, const QString &code)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    for (const QString &c : core::translationLanguageCodes())
        combo->addItem(languageLabel(c), c);
    combo->setCurrentIndex(combo->findData(code));
    combo->setMinimumContentsLength(14);
    return combo;
}

void setLanguage(QComboBox *combo, const QString &code)
{
    const int index = combo->findData(code.trimmed().toLower());
    if (index >= 0)
        combo->setCurrentIndex(index);
    else
        combo->setEditText(code);
}

} // namespace

TranslationTab::TranslationTab(core::ApiClient *client, QWidget *parent)
    : PlaygroundTab(parent)
    , m_client(client)
{
    build();
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
    const QJsonObject tips = parameterDescriptions(u"translate"_s);
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Model"), this));
    m_model = new ModelPicker(ModelPicker::Capability::Translation, u"pharia-1-mt-translation"_s, this);
    m_model->setObjectName(u"model"_s);
    m_model->setToolTip(parameterTip(tips, u"model"_s));
    top->addWidget(m_model);
    top->addSpacing(12);
    top->addWidget(new QLabel(tr("From"), this));
    m_from = languageCombo(this, u"from"_s, u"en"_s);
    m_from->setToolTip(tr("The language of the source. Not sent (the API detects it); Swap uses it as the new target."));
    top->addWidget(m_from);
    auto *swap = new QPushButton(tr("⇄ Swap"), this);
    swap->setObjectName(u"swap"_s);
    swap->setToolTip(tr("Swap direction: the translation becomes the source (Ctrl+Shift+S)"));
    top->addWidget(swap);
    top->addWidget(new QLabel(tr("To"), this));
    m_to = languageCombo(this, u"target_language"_s, u"de"_s);
    m_to->setToolTip(parameterTip(tips, u"target_language"_s));
    top->addWidget(m_to);
    m_perLine = new QCheckBox(tr("One request per line"), this);
    m_perLine->setObjectName(u"perLine"_s);
    m_perLine->setToolTip(tr("Translate every non-empty line on its own (%1 requests at a time); the results fill the table.").arg(kLinesInFlight));
    m_translateButton = new QPushButton(tr("Translate"), this);
    m_translateButton->setObjectName(u"translate"_s);
    m_translateButton->setToolTip(tr("POST /translate (Ctrl+Enter)"));
    m_translateButton->setDefault(true);
    top->addWidget(m_translateButton);
    m_stopButton = new QPushButton(tr("Stop"), this);
    m_stopButton->setToolTip(tr("Esc"));
    m_stopButton->setEnabled(false);
    top->addWidget(m_stopButton);
    top->addStretch(1);
    layout->addLayout(top);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("translationSplitter"));
    auto *texts = new QSplitter(Qt::Horizontal, split);
    texts->setObjectName(QStringLiteral("textsSplitter"));
    auto *left = new QWidget(texts);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("<b>Source</b>"), left));
    m_sourceEdit = new QPlainTextEdit(left);
    m_sourceEdit->setObjectName(u"source"_s);
    m_sourceEdit->setToolTip(parameterTip(tips, u"source"_s));
    m_sourceEdit->setPlaceholderText(tr("Text to translate. With \"One request per line\", every line is translated on its own."));
    leftLayout->addWidget(m_sourceEdit);
    auto *right = new QWidget(texts);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *head = new QHBoxLayout;
    head->addWidget(new QLabel(tr("<b>Translation</b>"), right));
    m_scoreLabel = new QLabel(right);
    m_scoreLabel->setObjectName(u"score"_s);
    m_scoreLabel->setToolTip(tr("score: the API's quality estimate of the whole translation, 0 (poor) to 1 (good)"));
    head->addWidget(m_scoreLabel);
    head->addStretch(1);
    auto *legend = new QLabel(right);
    legend->setText(tr("segment score: <span style='background:%1'>&nbsp;≤0.5&nbsp;</span> "
                       "<span style='background:%2'>&nbsp;0.75&nbsp;</span> <span style='background:%3'>&nbsp;1.0&nbsp;</span>")
                        .arg(scoreColor(0.5, 255).name(), scoreColor(0.75, 255).name(), scoreColor(1.0, 255).name()));
    head->addWidget(legend);
    rightLayout->addLayout(head);
    m_translationView = new QTextEdit(right);
    m_translationView->setObjectName(u"translation"_s);
    m_translationView->setReadOnly(true);
    m_translationView->setPlaceholderText(tr("The translation appears here. Hover a segment to see its source."));
    m_translationView->viewport()->setMouseTracking(true);
    m_translationView->viewport()->installEventFilter(this);
    m_translationView->installEventFilter(this); // Leave: the hover mark goes
    rightLayout->addWidget(m_translationView);
    texts->addWidget(left);
    texts->addWidget(right);

    auto *bottom = new QWidget(split);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    auto *tableBar = new QHBoxLayout;
    m_status = new QLabel(bottom);
    m_status->setObjectName(u"status"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    tableBar->addWidget(m_perLine);
    tableBar->addWidget(m_status, 1);
    m_progress = new QProgressBar(bottom);
    m_progress->setObjectName(u"progress"_s);
    m_progress->setVisible(false);
    m_progress->setFormat(tr("%v / %m lines"));
    tableBar->addWidget(m_progress);
    auto *copy = new QPushButton(tr("Copy"), bottom);
    copy->setObjectName(u"copy"_s);
    copy->setToolTip(tr("Copy the table (or its selected rows) as tab-separated text"));
    tableBar->addWidget(copy);
    auto *exportCsvButton = new QPushButton(tr("Export CSV…"), bottom);
    exportCsvButton->setObjectName(u"exportCsv"_s);
    tableBar->addWidget(exportCsvButton);
    bottomLayout->addLayout(tableBar);
    m_table = new QTableWidget(0, 4, bottom);
    m_table->setObjectName(u"segments"_s);
    m_table->setHorizontalHeaderLabels({tr("segment"), tr("source"), tr("translation"), tr("score")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setMouseTracking(true);
    m_table->viewport()->installEventFilter(this); // Leave: the hover mark goes
    m_table->installEventFilter(this);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    bottomLayout->addWidget(m_table);
    split->addWidget(texts);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    connect(m_translateButton, &QPushButton::clicked, this, &TranslationTab::translate);
    connect(m_stopButton, &QPushButton::clicked, this, &TranslationTab::stop);
    connect(swap, &QPushButton::clicked, this, &TranslationTab::swapDirection);
    auto *swapShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), this);
    swapShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(swapShortcut, &QShortcut::activated, this, &TranslationTab::swapDirection);
    connect(copy, &QPushButton::clicked, this, &TranslationTab::copyTable);
    connect(exportCsvButton, &QPushButton::clicked, this, &TranslationTab::chooseExportFile);
    connect(m_table, &QTableWidget::cellEntered, this, [this](int row, int) { highlightSegment(row); });
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) { highlightSegment(row); });
    connect(m_sourceEdit, &QPlainTextEdit::textChanged, this, &TranslationTab::draftChanged);
    connect(m_to, &QComboBox::currentTextChanged, this, &TranslationTab::draftChanged);
    connect(m_from, &QComboBox::currentTextChanged, this, &TranslationTab::draftChanged);
    connect(m_model, &QComboBox::currentTextChanged, this, &TranslationTab::draftChanged);
    connect(m_perLine, &QCheckBox::toggled, this, [this](bool on) {
        m_table->horizontalHeaderItem(0)->setText(on ? tr("line") : tr("segment"));
        Q_EMIT draftChanged();
    });
}

void TranslationTab::setModels(const QList<core::ModelSettings> &models)
{
    m_model->setModels(models);
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
    static const QRegularExpression code(u"\\(([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\\)\\s*$"_s);
    const QRegularExpressionMatch m = code.match(text);
    return m.hasMatch() ? m.captured(1) : text.trimmed();
}

void TranslationTab::setTargetLanguage(const QString &code)
{
    setLanguage(m_to, code);
}

QString TranslationTab::targetLanguage() const
{
    return languageCode(m_to->currentText());
}

void TranslationTab::setSourceLanguage(const QString &code)
{
    setLanguage(m_from, code);
}

QString TranslationTab::sourceLanguage() const
{
    return languageCode(m_from->currentText());
}

void TranslationTab::setLinesMode(bool perLine)
{
    m_perLine->setChecked(perLine);
}

QString TranslationTab::translation() const
{
    return m_translationView->toPlainText();
}

QString TranslationTab::statusText() const
{
    return m_status->text();
}

core::TranslationRequest TranslationTab::requestFor(const QString &text) const
{
    core::TranslationRequest request;
    request.model = m_model->model();
    request.source = text;
    request.targetLanguage = targetLanguage();
    return request;
}

bool TranslationTab::currentRequest(QString *endpoint, QJsonObject *body, QString *error) const
{
    *endpoint = u"translate"_s;
    QString text = source();
    if (m_perLine->isChecked()) {
        const QStringList lines = text.split(u'\n');
        const auto first = std::find_if(lines.cbegin(), lines.cend(), [](const QString &l) { return !l.trimmed().isEmpty(); });
        text = first == lines.cend() ? QString() : *first;
    }
    const core::TranslationRequest request = requestFor(text);
    *body = request.toJson();
    const std::optional<core::TranslationRequest> valid = core::TranslationRequest::fromJson(*body, error);
    if (!valid)
        return false;
    if (text.trimmed().isEmpty()) {
        *error = tr("Type the text to translate.");
        return false;
    }
    return true;
}

void TranslationTab::translate()
{
    stop();
    QString endpoint;
    QJsonObject body;
    QString error;
    if (!currentRequest(&endpoint, &body, &error)) {
        m_status->setText(tr("Not sent: %1").arg(error));
        return;
    }
    m_clock.start();
    m_table->setRowCount(0);
    m_segments.clear();
    m_score.reset();
    m_scoreLabel->clear();
    m_marked = {-1, 0};
    m_sourceEdit->setExtraSelections({});
    m_translationView->clear();
    m_runId = m_recorder ? m_recorder->begin(tabKey(), core::ApiCall::of(requestFor(source()))) : 0;

    if (!m_perLine->isChecked()) {
        const QString text = source();
        auto *job = m_client->translate(requestFor(text));
        m_jobs.append(job);
        connect(job, &core::ApiJob::retrying, this, [this](int retry, int total, int delayMs, const core::ApiError &e) {
            m_status->setText(retryingText(retry, total, delayMs, e));
        });
        connect(job, &core::ApiJob::finished, this, [this, job, text] {
            m_jobs.removeAll(job);
            if (job->state() == core::ApiJob::State::Succeeded) {
                showResponse(text, job->result());
                m_status->setText(tr("Translated in %1 s · %2")
                                      .arg(job->elapsedMs() / 1000.0, 0, 'f', 2)
                                      .arg(plural(m_segments.size(), tr("segment"), tr("segments"))));
                if (m_recorder)
                    m_recorder->finish(m_runId, core::RunStatus::Succeeded,
                                       QString::fromUtf8(QJsonDocument(job->result().toJson()).toJson(QJsonDocument::Compact)),
                                       QString(), job->elapsedMs(), job->result().numTokensPromptTotal.value_or(-1));
                finishRun(core::RunStatus::Succeeded);
            } else if (job->state() == core::ApiJob::State::Canceled) {
                m_status->setText(tr("Stopped."));
                finishRun(core::RunStatus::Canceled);
            } else {
                m_status->setText(errorText(job->error()));
                finishRun(core::RunStatus::Failed);
            }
        });
        m_status->setText(tr("Translating…"));
        setBusy(true);
        return;
    }

    // One request per non-empty line; each line's offset kept to mark it in the source.
    m_lines.clear();
    const QString text = source();
    int offset = 0;
    for (const QString &line : text.split(u'\n')) {
        if (!line.trimmed().isEmpty()) {
            Segment s;
            s.source = line;
            s.sourceStart = offset;
            m_segments.append(s);
            m_lines.append(line);
        }
        offset += int(line.size()) + 1;
    }
    m_table->setRowCount(int(m_lines.size()));
    for (int row = 0; row < m_lines.size(); ++row) {
        m_table->setItem(row, 0, new QTableWidgetItem(QString::number(row + 1)));
        m_table->setItem(row, 1, new QTableWidgetItem(m_lines.at(row)));
        m_table->setItem(row, 2, new QTableWidgetItem(tr("waiting")));
        m_table->setItem(row, 3, new QTableWidgetItem());
    }
    m_nextLine = 0;
    m_doneLines = 0;
    m_failedLines = 0;
    m_firstLineError.clear();
    m_progress->setRange(0, int(m_lines.size()));
    m_progress->setValue(0);
    m_progress->setVisible(true);
    setBusy(true);
    m_status->setText(tr("Translating %1…").arg(plural(m_lines.size(), tr("line"), tr("lines"))));
    while (m_nextLine < m_lines.size() && m_jobs.size() < kLinesInFlight)
        startLine(m_nextLine++);
}

void TranslationTab::startLine(int row)
{
    auto *job = m_client->translate(requestFor(m_lines.at(row)));
    m_jobs.append(job);
    m_table->item(row, 2)->setText(tr("translating…"));
    connect(job, &core::ApiJob::finished, this, [this, row, job] { lineFinished(row, job); });
}

void TranslationTab::lineFinished(int row, core::TranslationJob *job)
{
    m_jobs.removeAll(job);
    if (job->state() == core::ApiJob::State::Canceled) {
        m_table->item(row, 2)->setText(tr("stopped"));
        if (m_jobs.isEmpty())
            finishRun(core::RunStatus::Canceled);
        return;
    }
    ++m_doneLines;
    m_progress->setValue(m_doneLines);
    QTableWidgetItem *translated = m_table->item(row, 2);
    if (job->state() == core::ApiJob::State::Succeeded) {
        const core::TranslationResponse &r = job->result();
        translated->setText(r.translation);
        translated->setForeground(QBrush());
        m_segments[row].translation = r.translation;
        if (r.score) {
            m_segments[row].score = *r.score;
            m_segments[row].scored = true;
            m_table->item(row, 3)->setText(QString::number(*r.score, 'f', 3));
            m_table->item(row, 3)->setBackground(scoreColor(*r.score, 150));
            m_table->item(row, 3)->setForeground(QColor(Qt::black));
        }
    } else {
        ++m_failedLines;
        const QString message = errorText(job->error());
        if (m_firstLineError.isEmpty())
            m_firstLineError = message;
        translated->setText(message);
        translated->setForeground(QColor(0xb0, 0x30, 0x00));
    }
    if (m_nextLine < m_lines.size()) {
        startLine(m_nextLine++);
        return;
    }
    if (!m_jobs.isEmpty())
        return;
    // Every line is done: the table's text as the translation, the mean score on top.
    QStringList out;
    double sum = 0;
    int scored = 0;
    int offset = 0;
    for (int i = 0; i < m_segments.size(); ++i) {
        out.append(m_segments.at(i).translation);
        m_segments[i].translationStart = m_segments.at(i).translation.isEmpty() ? -1 : offset;
        offset += int(m_segments.at(i).translation.size()) + 1;
        if (m_segments.at(i).scored) {
            sum += m_segments.at(i).score;
            ++scored;
        }
    }
    m_translationView->setPlainText(out.join(u'\n'));
    fillSegments();
    if (scored > 0) {
        m_score = sum / scored;
        m_scoreLabel->setText(tr("mean score %1").arg(*m_score, 0, 'f', 3));
    }
    const core::RunStatus status = m_failedLines == 0 ? core::RunStatus::Succeeded : core::RunStatus::Failed;
    m_status->setText(m_failedLines == 0
                          ? tr("%1 translated in %2 s").arg(plural(m_lines.size(), tr("line"), tr("lines"))).arg(m_clock.elapsed() / 1000.0, 0, 'f', 2)
                          : tr("%1 of %2 lines failed. First error: %3").arg(m_failedLines).arg(m_lines.size()).arg(m_firstLineError));
    if (m_recorder) {
        QJsonArray lines;
        for (const Segment &s : std::as_const(m_segments))
            lines.append(QJsonObject{{u"source"_s, s.source}, {u"translation"_s, s.translation}, {u"score"_s, s.score}});
        m_recorder->finish(m_runId, status, QString::fromUtf8(QJsonDocument(QJsonObject{{u"lines"_s, lines}}).toJson(QJsonDocument::Compact)),
                           m_failedLines ? m_firstLineError : QString(), m_clock.elapsed());
        m_runId = 0;
    }
    finishRun(status);
}

void TranslationTab::finishRun(core::RunStatus status)
{
    if (m_recorder && m_runId && status != core::RunStatus::Succeeded)
        m_recorder->finish(m_runId, status, QString(), status == core::RunStatus::Failed ? m_status->text() : QString(), m_clock.elapsed());
    m_runId = 0;
    setBusy(false);
    Q_EMIT finished();
}

void TranslationTab::showResponse(const QString &text, const core::TranslationResponse &response)
{
    m_score = response.score;
    m_scoreLabel->setText(response.score ? tr("score %1").arg(*response.score, 0, 'f', 3) : tr("no score"));
    if (response.score) {
        m_scoreLabel->setStyleSheet(u"QLabel { background: %1; color: black; border-radius: 3px; padding: 1px 6px; }"_s
                                        .arg(scoreColor(*response.score, 255).name()));
    }
    m_segments.clear();
    const QString translated = response.translation;
    m_translationView->setPlainText(translated);
    int sourceAt = 0;
    int translationAt = 0;
    for (const core::TranslationSegment &seg : response.segments.value_or(QList<core::TranslationSegment>())) {
        Segment s{seg.source, seg.translation, seg.score, true, -1, -1};
        // Segments come in order: each is looked for after the one before.
        s.sourceStart = seg.source.isEmpty() ? -1 : int(text.indexOf(seg.source, sourceAt));
        if (s.sourceStart >= 0)
            sourceAt = s.sourceStart + int(seg.source.size());
        s.translationStart = seg.translation.isEmpty() ? -1 : int(translated.indexOf(seg.translation, translationAt));
        if (s.translationStart >= 0)
            translationAt = s.translationStart + int(seg.translation.size());
        m_segments.append(s);
    }
    fillSegments();
    m_table->setRowCount(int(m_segments.size()));
    for (int row = 0; row < m_segments.size(); ++row) {
        const Segment &s = m_segments.at(row);
        m_table->setItem(row, 0, new QTableWidgetItem(QString::number(row + 1)));
        m_table->setItem(row, 1, new QTableWidgetItem(s.source));
        m_table->setItem(row, 2, new QTableWidgetItem(s.translation));
        auto *score = new QTableWidgetItem(QString::number(s.score, 'f', 3));
        score->setBackground(scoreColor(s.score, 150));
        score->setForeground(QColor(Qt::black));
        m_table->setItem(row, 3, score);
    }
    if (!response.segments)
        m_status->setText(tr("The server gave no segments, only the whole translation."));
}

void TranslationTab::fillSegments()
{
    QTextCursor cursor(m_translationView->document());
    cursor.beginEditBlock();
    for (const Segment &s : std::as_const(m_segments)) {
        if (s.translationStart < 0 || !s.scored)
            continue;
        cursor.setPosition(s.translationStart);
        cursor.setPosition(s.translationStart + int(s.translation.size()), QTextCursor::KeepAnchor);
        QTextCharFormat format;
        format.setBackground(scoreColor(s.score, 110));
        cursor.mergeCharFormat(format);
    }
    cursor.endEditBlock();
}

void TranslationTab::highlightSegment(int index)
{
    if (index < 0 || index >= m_segments.size())
        return;
    const Segment &s = m_segments.at(index);
    QTextEdit::ExtraSelection sourceMark;
    sourceMark.format.setBackground(QColor(0x56, 0xb4, 0xe9, 120));
    sourceMark.format.setProperty(QTextFormat::FullWidthSelection, false);
    QList<QTextEdit::ExtraSelection> sourceMarks;
    if (s.sourceStart >= 0 && s.sourceStart + s.source.size() <= m_sourceEdit->document()->characterCount()) {
        sourceMark.cursor = QTextCursor(m_sourceEdit->document());
        sourceMark.cursor.setPosition(s.sourceStart);
        sourceMark.cursor.setPosition(s.sourceStart + int(s.source.size()), QTextCursor::KeepAnchor);
        sourceMarks.append(sourceMark);
        m_marked = {s.sourceStart, int(s.source.size())};
    } else {
        m_marked = {-1, 0};
    }
    m_sourceEdit->setExtraSelections(sourceMarks);
    QList<QTextEdit::ExtraSelection> translationMarks;
    if (s.translationStart >= 0) {
        QTextEdit::ExtraSelection mark;
        mark.format.setFontUnderline(true);
        mark.format.setUnderlineColor(QColor(0x00, 0x72, 0xb2));
        mark.format.setUnderlineStyle(QTextCharFormat::SingleUnderline);
        mark.cursor = QTextCursor(m_translationView->document());
        mark.cursor.setPosition(s.translationStart);
        mark.cursor.setPosition(s.translationStart + int(s.translation.size()), QTextCursor::KeepAnchor);
        translationMarks.append(mark);
    }
    m_translationView->setExtraSelections(translationMarks);
    if (m_table->currentRow() != index) {
        const QSignalBlocker block(m_table);
        m_table->selectRow(index);
    }
}

void TranslationTab::clearHighlight()
{
    m_marked = {-1, 0};
    m_sourceEdit->setExtraSelections({});
    m_translationView->setExtraSelections({});
}

bool TranslationTab::eventFilter(QObject *watched, QEvent *event)
{
    // The mouse left the translation or the table: no segment is hovered any more.
    if (event->type() == QEvent::Leave
        && ((m_translationView && (watched == m_translationView || watched == m_translationView->viewport()))
            || (m_table && (watched == m_table || watched == m_table->viewport())))) {
        clearHighlight();
        return QWidget::eventFilter(watched, event);
    }
    if (watched == m_translationView->viewport() && event->type() == QEvent::MouseMove) {
        const QPoint pos = static_cast<QMouseEvent *>(event)->position().toPoint();
        const int at = characterAt(m_translationView, pos);
        for (int i = 0; i < m_segments.size(); ++i) {
            const Segment &s = m_segments.at(i);
            if (s.translationStart >= 0 && at >= s.translationStart && at < s.translationStart + s.translation.size()) {
                highlightSegment(i);
                break;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void TranslationTab::stop()
{
    m_nextLine = int(m_lines.size()); // no more lines start
    const QList<QPointer<core::TranslationJob>> jobs = m_jobs;
    for (const QPointer<core::TranslationJob> &job : jobs)
        if (job)
            job->cancel();
}

void TranslationTab::setBusy(bool busy)
{
    m_translateButton->setEnabled(!busy);
    m_stopButton->setEnabled(busy);
    if (!busy)
        m_progress->setVisible(false);
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
    m_translationView->clear();
    m_table->setRowCount(0);
    m_segments.clear();
    m_score.reset();
    m_scoreLabel->clear();
    m_scoreLabel->setStyleSheet(QString());
    m_status->setText(tr("Swapped: %1 → %2.").arg(languageLabel(to), languageLabel(from)));
}

QString TranslationTab::tableCsv() const
{
    QStringList header;
    for (int c = 0; c < m_table->columnCount(); ++c)
        header.append(core::csvField(m_table->horizontalHeaderItem(c)->text()));
    QString out = header.join(u',') + u'\n';
    for (int r = 0; r < m_table->rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < m_table->columnCount(); ++c)
            row.append(core::csvField(m_table->item(r, c) ? m_table->item(r, c)->text() : QString()));
        out += row.join(u',') + u'\n';
    }
    return out;
}

void TranslationTab::copyTable()
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.size() < 2) { // one highlighted row is hover, not a choice: copy everything
        rows.clear();
        for (int r = 0; r < m_table->rowCount(); ++r)
            rows.append(r);
    }
    std::sort(rows.begin(), rows.end());
    QStringList lines;
    for (const int r : std::as_const(rows)) {
        QStringList cells;
        for (int c = 0; c < m_table->columnCount(); ++c)
            cells.append(m_table->item(r, c) ? m_table->item(r, c)->text().replace(u'\t', u' ').replace(u'\n', u' ') : QString());
        lines.append(cells.join(u'\t'));
    }
    QApplication::clipboard()->setText(lines.join(u'\n'));
    m_status->setText(tr("Copied %1.").arg(plural(rows.size(), tr("row"), tr("rows"))));
}

bool TranslationTab::exportCsv(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(tableCsv().toUtf8()) < 0 || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void TranslationTab::chooseExportFile()
{
    if (m_table->rowCount() == 0) {
        m_status->setText(tr("Nothing to export yet: translate first."));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export translations"), u"translations.csv"_s, tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    m_status->setText(exportCsv(path, &error) ? tr("Exported %1 to %2.").arg(plural(m_table->rowCount(), tr("row"), tr("rows")), path) : error);
}

core::ApiCall TranslationTab::currentCall(QString *problem) const
{
    QString endpoint;
    QJsonObject body;
    return currentRequest(&endpoint, &body, problem) ? core::ApiCall::fromRecord(endpoint, body) : core::ApiCall();
}

QVariantMap TranslationTab::draft() const
{
    return draftJson().toVariantMap();
}

void TranslationTab::restoreDraft(const QVariantMap &draft)
{
    restoreDraftJson(QJsonObject::fromVariantMap(draft));
}

QJsonObject TranslationTab::draftJson() const
{
    return {{u"model"_s, m_model->model()},     {u"source"_s, source()},
            {u"from"_s, sourceLanguage()},       {u"target_language"_s, targetLanguage()},
            {u"per_line"_s, m_perLine->isChecked()}};
}

void TranslationTab::restoreDraftJson(const QJsonObject &draft)
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
    const auto request = core::TranslationRequest::fromJson(run.request, &error);
    if (!request) {
        m_status->setText(tr("This run cannot be restored: %1").arg(error));
        return;
    }
    setModel(request->model);
    setTargetLanguage(request->targetLanguage);
    setSource(request->source);
    const QJsonObject answer = QJsonDocument::fromJson(run.response.toUtf8()).object();
    setLinesMode(answer.contains(u"lines"_s));
    const auto response = core::TranslationResponse::fromJson(answer, &error);
    if (run.status == core::RunStatus::Succeeded && response && !answer.contains(u"lines"_s)) {
        showResponse(request->source, *response);
        m_status->setText(tr("Restored from the history (%1).").arg(run.startedAt.toLocalTime().toString()));
    } else {
        m_status->setText(run.error.isEmpty() ? tr("Restored (%1); translate again to see the results.").arg(core::runStatusName(run.status)) : run.error);
    }
}

} // namespace ui
