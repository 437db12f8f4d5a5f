// SPDX-License-Identifier: MIT
#include "ui/translation/TranslationView.h"

#include "core/export/TableText.h"
#include "ui/common/ParameterTips.h"
#include "ui/common/TextHit.h"
#include "ui/common/Theme.h"
#include "ui/translation/SegmentTableModel.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTextBlock>
#include <QTextEdit>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ui {

TranslationView::TranslationView(QWidget *parent)
    : QSplitter(Qt::Vertical, parent)
{
    const ParameterDescriptions tips = parameterDescriptions(u"translate"_s);
    setObjectName(QStringLiteral("translationSplitter"));
    auto *texts = new QSplitter(Qt::Horizontal, this);
    texts->setObjectName(QStringLiteral("textsSplitter"));
    auto *left = new QWidget(texts);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("<b>Source</b>"), left));
    m_sourceEdit = new QPlainTextEdit(left);
    m_sourceEdit->setObjectName(u"source"_s);
    m_sourceEdit->setToolTip(parameterTip(tips, u"source"_s));
    m_sourceEdit->setPlaceholderText(tr(
        "Text to translate. With \"One request per line\", every line is translated on its own."));
    leftLayout->addWidget(m_sourceEdit);
    auto *right = new QWidget(texts);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *head = new QHBoxLayout;
    head->addWidget(new QLabel(tr("<b>Translation</b>"), right));
    m_scoreLabel = new QLabel(right);
    m_scoreLabel->setObjectName(u"score"_s);
    m_scoreLabel->setToolTip(
        tr("score: the API's quality estimate of the whole translation, 0 (poor) to 1 (good)"));
    head->addWidget(m_scoreLabel);
    head->addStretch(1);
    auto *legend = new QLabel(right);
    onThemeChange(legend, [legend] {
        const auto chip = [](double score) {
            const QColor fill = SegmentTableModel::scoreColor(score);
            return u"background:%1; color:%2"_s.arg(
                fill.name(), Palette::current().textOn(fill).name());
        };
        legend->setText(
            tr("segment score: <span style='%1'>&nbsp;≤0.5&nbsp;</span> "
               "<span style='%2'>&nbsp;0.75&nbsp;</span> <span style='%3'>&nbsp;1.0&nbsp;</span>")
                .arg(chip(0.5), chip(0.75), chip(1.0)));
    });
    head->addWidget(legend);
    rightLayout->addLayout(head);
    m_translationView = new QTextEdit(right);
    m_translationView->setObjectName(u"translation"_s);
    m_translationView->setReadOnly(true);
    m_translationView->setPlaceholderText(
        tr("The translation appears here. Hover a segment to see its source."));
    m_translationView->viewport()->setMouseTracking(true);
    m_translationView->viewport()->installEventFilter(this);
    m_translationView->installEventFilter(this); // Leave: the hover mark goes
    rightLayout->addWidget(m_translationView);
    texts->addWidget(left);
    texts->addWidget(right);

    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    m_tableBar = new QHBoxLayout;
    m_status = new QLabel(bottom);
    m_status->setObjectName(u"status"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tableBar->addWidget(m_status, 1);
    m_progress = new QProgressBar(bottom);
    m_progress->setObjectName(u"progress"_s);
    m_progress->setVisible(false);
    m_progress->setFormat(tr("%v / %m lines"));
    m_tableBar->addWidget(m_progress);
    auto *copy = new QPushButton(tr("Copy"), bottom);
    copy->setObjectName(u"copy"_s);
    copy->setToolTip(tr("Copy the table (or its selected rows) as tab-separated text"));
    m_tableBar->addWidget(copy);
    auto *exportCsvButton = new QPushButton(tr("Export CSV…"), bottom);
    exportCsvButton->setObjectName(u"exportCsv"_s);
    m_tableBar->addWidget(exportCsvButton);
    bottomLayout->addLayout(m_tableBar);
    m_model = new SegmentTableModel(this);
    m_table = new QTableView(bottom);
    m_table->setObjectName(u"segments"_s);
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setMouseTracking(true);
    m_table->viewport()->installEventFilter(this); // Leave: the hover mark goes
    m_table->installEventFilter(this);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(
        SegmentTableModel::Source, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(
        SegmentTableModel::Translation, QHeaderView::Stretch);
    fitNumberAndScoreColumns();
    bottomLayout->addWidget(m_table);
    addWidget(texts);
    addWidget(bottom);
    setStretchFactor(0, 3);
    setStretchFactor(1, 2);

    connect(copy, &QPushButton::clicked, this, &TranslationView::copyTable);
    connect(exportCsvButton, &QPushButton::clicked, this, &TranslationView::chooseExportFile);
    connect(m_table, &QTableView::entered, this, [this](const QModelIndex &index) {
        highlightSegment(index.row());
    });
    connect(m_table->selectionModel(),
        &QItemSelectionModel::currentChanged,
        this,
        [this](const QModelIndex &current) {
            if (!m_selecting)
                highlightSegment(current.row());
        });
    connect(themeNotifier(), &ThemeNotifier::changed, this, [this] {
        styleScoreLabel();
        fillSegments();
    });
}

void TranslationView::addToTableBar(QWidget *widget)
{
    m_tableBar->insertWidget(0, widget);
}

void TranslationView::fitNumberAndScoreColumns()
{
    m_table->resizeColumnToContents(SegmentTableModel::Number);
    m_table->resizeColumnToContents(SegmentTableModel::Score);
}

void TranslationView::clearResults(bool keepMarks, bool resetScoreStyle)
{
    m_model->clear();
    fitNumberAndScoreColumns();
    m_segments.clear();
    m_score.reset();
    m_scoreLabel->clear();
    if (resetScoreStyle) {
        m_styledScore.reset();
        m_scoreLabel->setStyleSheet(QString());
    }
    if (!keepMarks) {
        m_marked = {-1, 0};
        m_sourceEdit->setExtraSelections({});
    }
    m_translationView->clear();
}

void TranslationView::showResponse(const QString &text, const core::TranslationResponse &response)
{
    m_score = response.score;
    m_scoreLabel->setText(
        response.score ? tr("score %L1").arg(*response.score, 0, 'f', 3) : tr("no score"));
    if (response.score) {
        m_styledScore = *response.score;
        styleScoreLabel();
    }
    m_segments.clear();
    const QString translated = response.translation;
    m_translationView->setPlainText(translated);
    int sourceAt = 0;
    int translationAt = 0;
    for (const core::TranslationSegment &seg :
        response.segments.value_or(QList<core::TranslationSegment>())) {
        Segment s{seg.source, seg.translation, seg.score, true, -1, -1};
        // Segments come in order: each is looked for after the one before.
        s.sourceStart = seg.source.isEmpty() ? -1 : int(text.indexOf(seg.source, sourceAt));
        if (s.sourceStart >= 0)
            sourceAt = s.sourceStart + int(seg.source.size());
        s.translationStart = seg.translation.isEmpty()
            ? -1
            : int(translated.indexOf(seg.translation, translationAt));
        if (s.translationStart >= 0)
            translationAt = s.translationStart + int(seg.translation.size());
        m_segments.append(s);
    }
    fillSegments();
    QList<SegmentTableModel::Row> rows;
    for (const Segment &s : std::as_const(m_segments))
        rows.append({s.source, s.translation, s.score, false});
    m_model->setRows(rows);
    fitNumberAndScoreColumns();
    if (!response.segments)
        m_status->setText(tr("The server gave no segments, only the whole translation."));
}

void TranslationView::beginLines(const QStringList &lines, const QList<int> &starts)
{
    QList<SegmentTableModel::Row> rows;
    for (int i = 0; i < lines.size(); ++i) {
        Segment s;
        s.source = lines.at(i);
        s.sourceStart = starts.at(i);
        m_segments.append(s);
        rows.append({lines.at(i), tr("waiting"), std::nullopt, false});
    }
    m_model->setRows(rows);
    fitNumberAndScoreColumns();
    m_scoreColumnFitted = false;
}

void TranslationView::setLineText(int row, const QString &text)
{
    m_model->setTranslation(row, text);
}

void TranslationView::setLineResult(int row, const core::TranslationResponse &r)
{
    m_model->setTranslation(row, r.translation);
    m_segments[row].translation = r.translation;
    if (r.score) {
        m_segments[row].score = *r.score;
        m_segments[row].scored = true;
        m_model->setScore(row, *r.score);
        if (!m_scoreColumnFitted) { // every score reads 0.000 to 1.000: one fit serves them all
            m_table->resizeColumnToContents(SegmentTableModel::Score);
            m_scoreColumnFitted = true;
        }
    }
}

void TranslationView::setLineFailed(int row, const QString &message)
{
    m_model->setTranslation(row, message, true);
}

void TranslationView::showLines()
{
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
        m_scoreLabel->setText(tr("mean score %L1").arg(*m_score, 0, 'f', 3));
    }
    fitNumberAndScoreColumns();
}

void TranslationView::styleScoreLabel()
{
    if (!m_styledScore)
        return;
    const QColor fill = SegmentTableModel::scoreColor(*m_styledScore);
    m_scoreLabel->setStyleSheet(
        u"QLabel { background: %1; color: %2; border-radius: 3px; padding: 1px 6px; }"_s.arg(
            fill.name(), Palette::current().textOn(fill).name()));
}

void TranslationView::fillSegments()
{
    QTextCursor cursor(m_translationView->document());
    cursor.beginEditBlock();
    for (const Segment &s : std::as_const(m_segments)) {
        if (s.translationStart < 0 || !s.scored)
            continue;
        cursor.setPosition(s.translationStart);
        cursor.setPosition(s.translationStart + int(s.translation.size()), QTextCursor::KeepAnchor);
        QTextCharFormat format;
        const QColor fill = SegmentTableModel::scoreColor(s.score);
        format.setBackground(fill);
        format.setForeground(Palette::current().textOn(fill));
        cursor.mergeCharFormat(format);
    }
    cursor.endEditBlock();
}

void TranslationView::highlightSegment(int index)
{
    if (index < 0 || index >= m_segments.size())
        return;
    const Segment &s = m_segments.at(index);
    QTextEdit::ExtraSelection sourceMark;
    sourceMark.format.setBackground(Palette::current().segmentMark);
    sourceMark.format.setProperty(QTextFormat::FullWidthSelection, false);
    QList<QTextEdit::ExtraSelection> sourceMarks;
    if (s.sourceStart >= 0
        && s.sourceStart + s.source.size() <= m_sourceEdit->document()->characterCount()) {
        sourceMark.cursor = QTextCursor(m_sourceEdit->document());
        sourceMark.cursor.setPosition(s.sourceStart);
        sourceMark.cursor.setPosition(
            s.sourceStart + int(s.source.size()), QTextCursor::KeepAnchor);
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
        mark.format.setUnderlineColor(Palette::current().segmentUnderline);
        mark.format.setUnderlineStyle(QTextCharFormat::SingleUnderline);
        mark.cursor = QTextCursor(m_translationView->document());
        mark.cursor.setPosition(s.translationStart);
        mark.cursor.setPosition(
            s.translationStart + int(s.translation.size()), QTextCursor::KeepAnchor);
        translationMarks.append(mark);
    }
    m_translationView->setExtraSelections(translationMarks);
    if (m_table->currentIndex().row() != index) {
        m_selecting = true;
        m_table->selectRow(index);
        m_selecting = false;
    }
}

void TranslationView::clearHighlight()
{
    m_marked = {-1, 0};
    m_sourceEdit->setExtraSelections({});
    m_translationView->setExtraSelections({});
}

bool TranslationView::eventFilter(QObject *watched, QEvent *event)
{
    // The mouse left the translation or the table: no segment is hovered any more.
    if (event->type() == QEvent::Leave
        && ((m_translationView
                && (watched == m_translationView || watched == m_translationView->viewport()))
            || (m_table && (watched == m_table || watched == m_table->viewport())))) {
        clearHighlight();
        return QSplitter::eventFilter(watched, event);
    }
    if (m_translationView && watched == m_translationView->viewport()
        && event->type() == QEvent::MouseMove) {
        const QPoint pos = static_cast<QMouseEvent *>(event)->position().toPoint();
        const int at = characterAt(m_translationView, pos);
        for (int i = 0; i < m_segments.size(); ++i) {
            const Segment &s = m_segments.at(i);
            if (s.translationStart >= 0 && at >= s.translationStart
                && at < s.translationStart + s.translation.size()) {
                highlightSegment(i);
                break;
            }
        }
    }
    return QSplitter::eventFilter(watched, event);
}

QString TranslationView::tableCsv() const
{
    QList<QStringList> rows;
    for (int r = 0; r < m_model->rowCount(); ++r)
        rows.append(m_model->rowTexts(r));
    return core::tableToCsv(m_model->headerTexts(), rows);
}

bool TranslationView::exportCsv(const QString &path, QString *error) const
{
    QString reason;
    if (!core::saveTextFile(path, tableCsv(), &reason)) {
        *error = tr("Cannot write %1: %2").arg(path, reason);
        return false;
    }
    return true;
}

void TranslationView::copyTable()
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.size() < 2) { // one highlighted row is hover, not a choice: copy everything
        rows.clear();
        for (int r = 0; r < m_model->rowCount(); ++r)
            rows.append(r);
    }
    std::sort(rows.begin(), rows.end());
    QList<QStringList> cells;
    for (const int r : std::as_const(rows))
        cells.append(m_model->rowTexts(r));
    QApplication::clipboard()->setText(core::tableToTabSeparated(cells));
    m_status->setText(tr("Copied %Ln row(s).", nullptr, int(rows.size())));
}

void TranslationView::chooseExportFile()
{
    if (m_model->rowCount() == 0) {
        m_status->setText(tr("Nothing to export yet: translate first."));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export translations"), u"translations.csv"_s, tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    m_status->setText(exportCsv(path, &error)
            ? tr("Exported %Ln row(s) to %1.", nullptr, m_model->rowCount()).arg(path)
            : error);
}

} // namespace ui
