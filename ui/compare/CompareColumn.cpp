// SPDX-License-Identifier: MIT
#include "ui/compare/CompareColumn.h"

#include "core/net/ApiJob.h"
#include "ui/common/Palette.h"
#include "ui/common/RunController.h"
#include "ui/common/Theme.h"
#include "ui/common/WordDiff.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace ui {

namespace {

QString plainValue(const QVariant &value)
{
    if (value.typeId() == QMetaType::QVariantList || value.typeId() == QMetaType::QStringList)
        return value.toStringList().join(QStringLiteral(", "));
    if (value.typeId() == QMetaType::Double)
        return QString::number(value.toDouble());
    return value.toString();
}

} // namespace

QString unusedModel(const ModelPicker *picker, const QStringList &used)
{
    for (int i = 0; i < picker->count(); ++i) {
        if (!used.contains(picker->itemText(i)))
            return picker->itemText(i);
    }
    return QString();
}

double nextTemperature(double temperature)
{
    if (temperature >= 1.5)
        return 0.0;
    if (temperature < 0)
        return 0.5; // "model default"
    return std::floor(temperature / 0.5 + 1e-9) * 0.5 + 0.5;
}

CompareColumn::CompareColumn(ModelPicker::Capability capability,
    const QString &fallbackModel,
    const QString &tabKey,
    QWidget *parent)
    : QWidget(parent)
{
    m_title = new QLabel(this);
    m_modelPicker = new ModelPicker(capability, fallbackModel, this);
    m_modelPicker->setObjectName(QStringLiteral("model"));
    m_modelPicker->setMinimumContentsLength(8);
    m_modelPicker->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    connect(m_modelPicker, &QComboBox::currentTextChanged, this, &CompareColumn::settingsChanged);

    const auto button = [this](const QString &name, const QString &text, const QString &tip) {
        auto *b = new QToolButton(this);
        b->setObjectName(name);
        b->setText(text);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        return b;
    };
    m_parametersButton = button(QStringLiteral("parameters"),
        tr("Parameters…"),
        tr("This column's parameters (its copy of the tab's, steering included)"));
    m_promoteButton = button(QStringLiteral("promote"),
        tr("Promote"),
        tr("End the comparison and keep this column: its model, parameters and output become "
           "the tab's"));
    m_removeButton
        = button(QStringLiteral("remove"), QStringLiteral("✕"), tr("Remove this column"));
    connect(m_parametersButton, &QToolButton::clicked, this, &CompareColumn::editParameters);
    connect(m_promoteButton, &QToolButton::clicked, this, &CompareColumn::promoteRequested);
    connect(m_removeButton, &QToolButton::clicked, this, &CompareColumn::removeRequested);

    m_differences = new QLabel(this);
    m_differences->setObjectName(QStringLiteral("differences"));
    // One line, elided to the column's width (the whole text in the tool tip), so that the
    // outputs of all columns start at the same height.
    m_differences->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    setTextRole(m_differences, TextRole::Muted);
    m_stats = new QLabel(tr("Not run yet."), this);
    m_stats->setObjectName(QStringLiteral("stats"));
    m_stats->setWordWrap(true);
    m_stats->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_run = new RunController(tabKey, this);
    m_run->setStatusLabel(m_stats);
    connect(m_run, &RunController::busyChanged, m_promoteButton, [this](bool busy) {
        m_promoteButton->setEnabled(!busy);
    });

    m_dialog = new QDialog(this);
    m_dialog->setObjectName(QStringLiteral("parametersDialog"));
    auto *dialogButtons = new QDialogButtonBox(QDialogButtonBox::Close, m_dialog);
    connect(dialogButtons, &QDialogButtonBox::rejected, m_dialog, &QDialog::close);
    auto *dialogLayout = new QVBoxLayout(m_dialog);
    dialogLayout->addStretch(0);
    dialogLayout->addWidget(dialogButtons);

    auto *header = new QHBoxLayout;
    header->setSpacing(2);
    header->addWidget(m_title);
    header->addStretch(1);
    header->addWidget(m_parametersButton);
    header->addWidget(m_promoteButton);
    header->addWidget(m_removeButton);
    m_outputSlot = new QWidget(this);
    auto *slotLayout = new QVBoxLayout(m_outputSlot);
    slotLayout->setContentsMargins(0, 0, 0, 0);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);
    layout->addLayout(header);
    layout->addWidget(m_modelPicker);
    layout->addWidget(m_differences);
    layout->addWidget(m_outputSlot, 1);
    layout->addWidget(m_stats);
    setIndex(0);
}

QString CompareColumn::letter(int index)
{
    return QString(QChar(u'A' + index));
}

void CompareColumn::setIndex(int index)
{
    m_index = index;
    setObjectName(QStringLiteral("compareColumn%1").arg(index));
    m_title->setText(QStringLiteral("<b>%1</b>").arg(letter(index)));
    m_dialog->setWindowTitle(tr("Column %1: parameters").arg(letter(index)));
}

bool CompareColumn::isBusy() const
{
    return m_run->isBusy();
}

void CompareColumn::stop()
{
    m_run->stop();
}

QString CompareColumn::statsText() const
{
    return m_stats->text();
}

void CompareColumn::setRemovable(bool removable)
{
    m_removeButton->setEnabled(removable);
}

void CompareColumn::editParameters()
{
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void CompareColumn::highlight(const QList<QPair<int, int>> &ranges, const QColor &colour)
{
    outputView()->setExtraSelections(diffSelections(outputView()->document(), ranges, colour));
}

int CompareColumn::highlightCount() const
{
    return int(outputView()->extraSelections().size());
}

void CompareColumn::showDifferences(const QVariantMap &reference)
{
    if (m_index == 0) {
        setDifferencesText(tr("The others are compared with this column."));
        return;
    }
    const QVariantMap mine = settingsMap();
    QStringList keys = mine.keys();
    for (const QString &key : reference.keys()) {
        if (!mine.contains(key))
            keys.append(key);
    }
    keys.removeDuplicates();
    keys.sort();
    QStringList differences;
    for (const QString &key : std::as_const(keys)) {
        if (mine.value(key) == reference.value(key))
            continue;
        differences << (mine.contains(key)
                ? QStringLiteral("%1 %2").arg(key, plainValue(mine.value(key)))
                : tr("%1 unset").arg(key));
    }
    setDifferencesText(differences.isEmpty()
            ? tr("Same settings as A.")
            : tr("Unlike A: %1").arg(differences.join(QStringLiteral(" · "))));
}

void CompareColumn::setDifferencesText(const QString &text)
{
    m_differencesText = text;
    m_differences->setToolTip(text);
    m_differences->setText(
        m_differences->fontMetrics().elidedText(text, Qt::ElideRight, m_differences->width()));
}

void CompareColumn::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    setDifferencesText(m_differencesText);
}

void CompareColumn::setOutput(QWidget *output)
{
    m_outputSlot->layout()->addWidget(output);
}

void CompareColumn::setParametersPanel(QWidget *panel)
{
    auto *layout = static_cast<QVBoxLayout *>(m_dialog->layout());
    layout->insertWidget(0, panel, 1);
}

void CompareColumn::startJob(core::ApiJob *job, const QString &busyText)
{
    m_timed = job;
    m_firstTokenMs = -1;
    m_run->start(job, busyText);
}

void CompareColumn::noteText()
{
    if (m_firstTokenMs < 0 && m_timed)
        m_firstTokenMs = m_timed->elapsedMs();
}

void CompareColumn::showStats(core::ApiJob *job, int tokens, const QString &finishReason)
{
    const QString total = tr("total %L1 s").arg(job->elapsedMs() / 1000.0, 0, 'f', 2);
    const QString first = m_firstTokenMs < 0
        ? tr("first token –")
        : tr("first token %L1 s").arg(m_firstTokenMs / 1000.0, 0, 'f', 2);
    const QString count = tokens < 0 ? tr("tokens –") : tr("%Ln token(s)", nullptr, tokens);
    if (job->state() == core::ApiJob::State::Succeeded) {
        m_stats->setText(QStringList{count, first, total, tr("finish: %1").arg(finishReason)}.join(
            QStringLiteral(" · ")));
    } else {
        // "Stopped." or the error, as the RunController put it, then the times.
        m_stats->setText(QStringLiteral("%1 %2 · %3").arg(m_stats->text(), first, total));
    }
}

} // namespace ui
