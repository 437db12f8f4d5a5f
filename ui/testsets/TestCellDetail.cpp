// SPDX-License-Identifier: MIT
#include "ui/testsets/TestCellDetail.h"

#include "ui/common/Palette.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ui {

TestCellDetail::TestCellDetail(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("cellTitle"));
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    layout->addWidget(m_title);
    m_answer = new QPlainTextEdit(this);
    m_answer->setObjectName(QStringLiteral("cellAnswer"));
    m_answer->setReadOnly(true);
    m_answer->setPlaceholderText(tr("Click a cell of the grid to see its answer."));
    layout->addWidget(m_answer, 2);
    m_checks = new QTreeWidget(this);
    m_checks->setObjectName(QStringLiteral("cellChecks"));
    m_checks->setRootIsDecorated(false);
    m_checks->setHeaderLabels({tr("Check"), tr("Score"), tr("Reason")});
    m_checks->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_checks->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_checks->setWordWrap(true);
    layout->addWidget(m_checks, 2);
    m_stats = new QLabel(this);
    m_stats->setObjectName(QStringLiteral("cellStats"));
    m_stats->setWordWrap(true);
    m_stats->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_stats);

    auto *grade = new QHBoxLayout;
    grade->addWidget(new QLabel(tr("Grade:"), this));
    m_up = new QToolButton(this);
    m_up->setObjectName(QStringLiteral("thumbsUp"));
    m_up->setText(tr("✓ Good"));
    m_up->setToolTip(tr("Thumbs up: the answer is good"));
    m_down = new QToolButton(this);
    m_down->setObjectName(QStringLiteral("thumbsDown"));
    m_down->setText(tr("✗ Bad"));
    m_down->setToolTip(tr("Thumbs down: the answer is bad"));
    m_score = new QSpinBox(this);
    m_score->setObjectName(QStringLiteral("gradeScore"));
    m_score->setRange(0, 5);
    m_score->setSpecialValueText(tr("1–5"));
    m_score->setToolTip(tr("A grade from 1 (bad) to 5 (excellent)"));
    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("gradeNote"));
    m_note->setPlaceholderText(tr("Note"));
    grade->addWidget(m_up);
    grade->addWidget(m_down);
    grade->addWidget(m_score);
    grade->addWidget(m_note, 1);
    layout->addLayout(grade);
    m_explain = new QPushButton(tr("Explain"), this);
    m_explain->setObjectName(QStringLiteral("explainCell"));
    m_explain->setToolTip(tr("Open the Explanation tab on this prompt and answer"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_explain);
    layout->addLayout(buttons);

    connect(m_up, &QToolButton::clicked, this, [this] { emitGrade(5); });
    connect(m_down, &QToolButton::clicked, this, [this] { emitGrade(1); });
    connect(m_score, &QSpinBox::valueChanged, this, [this](int v) {
        if (v > 0)
            emitGrade(v);
    });
    connect(m_note, &QLineEdit::editingFinished, this, [this] {
        if (m_score->value() > 0)
            emitGrade(m_score->value());
    });
    connect(m_explain, &QPushButton::clicked, this, [this] {
        if (m_row >= 0)
            Q_EMIT explainRequested(m_row, m_column);
    });
    showCell({}, {}, -1, -1);
}

void TestCellDetail::emitGrade(int value)
{
    if (m_row >= 0)
        Q_EMIT gradeChosen(m_row, m_column, core::ManualGrade{value, m_note->text()});
}

void TestCellDetail::showCell(
    const core::TestSet &set, const core::TestRun &run, int row, int column)
{
    const bool valid = row >= 0 && row < run.rowCount && column >= 0 && column < run.columns.size();
    m_row = valid ? row : -1;
    m_column = valid ? column : -1;
    for (QWidget *w : std::initializer_list<QWidget *>{m_up, m_down, m_score, m_note})
        w->setEnabled(valid);
    m_checks->clear();
    if (!valid) {
        m_title->setText(tr("No cell chosen"));
        m_answer->clear();
        m_stats->clear();
        m_explain->setEnabled(false);
        return;
    }
    const core::CellResult &c = run.cell(row, column);
    m_title->setText(tr("Row %1 · version %2 · %3")
                         .arg(row + 1)
                         .arg(run.columns.at(column).version, run.columns.at(column).model));
    m_answer->setPlainText(c.answer);
    const QList<core::Check> checks = set.checksFor(row);
    const Palette &p = Palette::current();
    for (int i = 0; i < c.checks.size(); ++i) {
        const core::CheckResult &r = c.checks.at(i);
        auto *item = new QTreeWidgetItem(m_checks);
        const QString mark = r.passed()
            ? QStringLiteral("✓ ")
            : (r.failed() ? QStringLiteral("✗ ") : QStringLiteral("· "));
        item->setText(0, mark + (i < checks.size() ? checks.at(i).describe() : QString()));
        item->setText(1, r.score ? QString::number(*r.score, 'g', 4) : QString());
        item->setText(2, r.reason);
        item->setToolTip(2, r.reason);
        if (r.passed() || r.failed())
            item->setForeground(0, r.passed() ? p.success : p.error);
    }
    QString stats;
    if (c.state == core::CellResult::State::Error)
        stats = tr("Failed: %1").arg(c.error);
    else if (c.state == core::CellResult::State::Done)
        stats = tr("%1 prompt + %2 completion tokens · %3 ms")
                    .arg(c.promptTokens)
                    .arg(c.completionTokens)
                    .arg(c.ms);
    else
        stats = tr("Not finished");
    if (c.retries > 0)
        stats += QLatin1Char(' ') + tr("· %n retry(s)", nullptr, c.retries);
    m_stats->setText(stats);
    const QSignalBlocker block(m_score);
    m_score->setValue(c.grade ? c.grade->value : 0);
    m_note->setText(c.grade ? c.grade->note : QString());
    m_explain->setEnabled(c.state == core::CellResult::State::Done && !c.answer.isEmpty());
}

} // namespace ui
