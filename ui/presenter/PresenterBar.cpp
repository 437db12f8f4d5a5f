// SPDX-License-Identifier: MIT
#include "ui/presenter/PresenterBar.h"

#include "ui/common/Palette.h"
#include "ui/common/Theme.h"
#include "ui/presenter/DeckModel.h"
#include "ui/presenter/DeckProgressStrip.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

PresenterBar::PresenterBar(DeckModel *deck, QWidget *parent)
    : QWidget(parent)
    , m_deck(deck)
{
    setObjectName(QStringLiteral("presenterBar"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 6);

    auto *top = new QHBoxLayout;
    m_model = new QLabel(this);
    m_model->setObjectName(QStringLiteral("presenterModel"));
    m_model->setTextFormat(Qt::RichText);
    m_model->setWordWrap(true); // a long model name and connection wrap on a small screen
    top->addWidget(m_model, 1);
    m_pace = new QComboBox(this);
    m_pace->setObjectName(QStringLiteral("presenterPace"));
    m_pace->addItem(tr("Pace: as it arrives"), 0);
    m_pace->addItem(tr("Pace: fast"), 90);
    m_pace->addItem(tr("Pace: reading"), 45);
    m_pace->addItem(tr("Pace: slow"), 20);
    m_pace->setCurrentIndex(2);
    m_pace->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_pace->setToolTip(tr("How fast streamed answers appear while presenting: at the speed the "
                          "audience reads, or as they arrive"));
    top->addWidget(m_pace);
    m_run = new QPushButton(tr("▶  Run"), this);
    m_run->setObjectName(QStringLiteral("presenterRun"));
    m_run->setDefault(false);
    m_run->setToolTip(tr("Run the tab's request (Ctrl+Enter)"));
    QFont big = m_run->font();
    big.setBold(true);
    if (big.pointSizeF() > 0)
        big.setPointSizeF(big.pointSizeF() * 1.3);
    m_run->setFont(big);
    m_run->setMinimumWidth(m_run->fontMetrics().horizontalAdvance(m_run->text()) * 2);
    m_run->setMinimumHeight(m_run->fontMetrics().height() * 2);
    top->addWidget(m_run);
    m_stop = new QPushButton(tr("Stop"), this);
    m_stop->setObjectName(QStringLiteral("presenterStop"));
    m_stop->setToolTip(tr("Stop the running request (Esc)"));
    top->addWidget(m_stop);
    top->addSpacing(m_run->fontMetrics().height());
    m_leave = new QPushButton(tr("Leave presenter mode"), this);
    m_leave->setObjectName(QStringLiteral("presenterLeave"));
    m_leave->setToolTip(tr("Back to the normal window (Esc, F5)"));
    top->addWidget(m_leave);
    layout->addLayout(top);

    m_deckRow = new QWidget(this);
    auto *deckRow = new QHBoxLayout(m_deckRow);
    deckRow->setContentsMargins(0, 0, 0, 0);
    m_previous = new QPushButton(tr("◀ Back"), m_deckRow);
    m_previous->setObjectName(QStringLiteral("presenterPrevious"));
    m_previous->setToolTip(tr("The step before, run again (Page Up, ←)"));
    deckRow->addWidget(m_previous);
    m_progress = new DeckProgressStrip(deck, m_deckRow);
    deckRow->addWidget(m_progress, 1);
    m_next = new QPushButton(tr("Next ▶"), m_deckRow);
    m_next->setObjectName(QStringLiteral("presenterNext"));
    m_next->setToolTip(tr("The next step: show it and run it (Page Down, →)"));
    deckRow->addWidget(m_next);
    m_step = new QLabel(m_deckRow);
    m_step->setObjectName(QStringLiteral("presenterStep"));
    m_step->setWordWrap(true);
    deckRow->addWidget(m_step, 1);
    layout->addWidget(m_deckRow);

    m_recording = new QLabel(this);
    m_recording->setObjectName(QStringLiteral("recordingMark"));
    m_recording->setWordWrap(true);
    onThemeChange(m_recording, [this] {
        const Palette &p = Palette::current();
        m_recording->setStyleSheet(
            QStringLiteral("QLabel { background: %1; color: %2; border-radius: 4px; padding: "
                           "4px 8px; font-weight: bold; }")
                .arg(p.recordingBackground.name(), p.recordingText.name()));
    });
    m_recording->hide();
    layout->addWidget(m_recording);

    const auto refresh = [this] {
        setStep(m_progress->current());
    };
    connect(deck, &QAbstractItemModel::modelReset, this, refresh);
    connect(deck, &QAbstractItemModel::rowsInserted, this, refresh);
    connect(deck, &QAbstractItemModel::rowsRemoved, this, refresh);
    connect(deck, &QAbstractItemModel::dataChanged, this, refresh);
    setStep(-1);
}

void PresenterBar::setModel(const QString &model, const QString &where)
{
    const QString name = model.isEmpty() ? tr("no model needed") : model.toHtmlEscaped();
    m_model->setText(where.isEmpty()
            ? tr("Model: <b>%1</b>").arg(name)
            : tr("Model: <b>%1</b> · %2").arg(name, where.toHtmlEscaped()));
}

void PresenterBar::setStep(int row)
{
    const int n = m_deck->stepCount();
    m_deckRow->setVisible(n > 0);
    if (row >= n)
        row = -1;
    m_progress->setCurrent(row);
    m_previous->setEnabled(row > 0);
    m_next->setEnabled(row + 1 < n);
    const QString title = m_deck->deck().title.isEmpty() ? tr("Demo deck") : m_deck->deck().title;
    m_step->setText(row < 0 ? tr("%1 · %Ln step(s) · Page Down starts", nullptr, n).arg(title)
            : row + 1 == n
            ? tr("Step %1 of %2 · %3 · the last step")
                  .arg(row + 1)
                  .arg(n)
                  .arg(m_deck->stepLabel(row))
            : tr("Step %1 of %2 · %3").arg(row + 1).arg(n).arg(m_deck->stepLabel(row)));
}

void PresenterBar::setRecording(const QDateTime &when, const QString &why)
{
    const QString date = when.isValid()
        ? QLocale().toString(when.toLocalTime(), QLocale::ShortFormat)
        : tr("an earlier run");
    m_recording->setText(why.isEmpty()
            ? tr("● RECORDING from the rehearsal of %1").arg(date)
            : tr("● RECORDING from the rehearsal of %1 — the live request did not "
                 "answer: %2")
                  .arg(date, why));
    m_recording->show();
}

void PresenterBar::clearRecording()
{
    m_recording->hide();
    m_recording->clear();
}

} // namespace ui
