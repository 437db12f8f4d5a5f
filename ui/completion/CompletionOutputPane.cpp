// SPDX-License-Identifier: MIT
#include "ui/completion/CompletionOutputPane.h"

#include "ui/common/PresenterHint.h"
#include "ui/common/Theme.h"
#include "ui/completion/CompletionView.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

CompletionOutputPane::CompletionOutputPane(QWidget *parent)
    : QWidget(parent)
{
    m_retryButton = new QPushButton(tr("Retry"), this);
    m_retryButton->setObjectName(QStringLiteral("retry"));
    m_retryButton->hide();

    auto *outputs = new QWidget(this);
    m_outputsLayout = new QHBoxLayout(outputs);
    m_outputsLayout->setContentsMargins(0, 0, 0, 0);
    prepareOutputs(1);

    m_legend = new QLabel(tr("Shading: the less likely the token, the stronger the orange. Hover a "
                             "token for its alternatives."),
        this);
    setTextRole(m_legend, TextRole::Muted);
    m_legend->hide();
    m_statusLabel = new QLabel(tr("Ready."), this);
    m_statusLabel->setObjectName(QStringLiteral("status"));
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLabel->setWordWrap(true);

    m_expectedEdit = new QLineEdit(this);
    m_expectedEdit->setObjectName(QStringLiteral("completion_expected"));
    m_expectedEdit->setPlaceholderText(tr("Expected completion, e.g. \" keeps the doctor away\""));
    m_expectedEdit->setToolTip(
        tr("/evaluate: how likely the model finds this continuation of the prompt."));
    m_evaluateButton = new QPushButton(tr("Evaluate"), this);
    m_evaluateButton->setObjectName(QStringLiteral("evaluate"));
    m_explainButton = new QPushButton(tr("Explain"), this);
    m_explainButton->setObjectName(QStringLiteral("explain"));
    m_explainButton->setEnabled(false);
    m_explainButton->setToolTip(
        tr("Opens the prompt and the first completion in the Explanation tab: which parts of the "
           "prompt drove it."));
    m_evaluationLabel = new QLabel(this);
    // Evaluating an expected completion is a developer's check, not part of a demo.
    hideInPresenterMode(m_expectedEdit);
    hideInPresenterMode(m_evaluateButton);
    hideInPresenterMode(m_evaluationLabel);
    m_evaluationLabel->setObjectName(QStringLiteral("evaluation"));
    m_evaluationLabel->setWordWrap(true);
    m_evaluationLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *outputLayout = new QVBoxLayout(this);
    outputLayout->setContentsMargins(0, 0, 0, 0);
    auto *outputHeader = new QHBoxLayout;
    outputHeader->addWidget(new QLabel(tr("Completion"), this));
    outputHeader->addStretch(1);
    outputHeader->addWidget(m_explainButton);
    outputLayout->addLayout(outputHeader);
    outputLayout->addWidget(outputs, 1);
    outputLayout->addWidget(m_legend);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_statusLabel, 1);
    statusRow->addWidget(m_retryButton);
    outputLayout->addLayout(statusRow);
    auto *evaluateRow = new QHBoxLayout;
    evaluateRow->addWidget(m_expectedEdit, 1);
    evaluateRow->addWidget(m_evaluateButton);
    outputLayout->addLayout(evaluateRow);
    outputLayout->addWidget(m_evaluationLabel);
}

void CompletionOutputPane::prepareOutputs(int n)
{
    while (m_outputViews.size() > n)
        delete m_outputViews.takeLast();
    while (m_outputViews.size() < n) {
        auto *view = new CompletionView(this);
        view->setObjectName(QStringLiteral("output%1").arg(m_outputViews.size()));
        m_outputsLayout->addWidget(view);
        m_outputViews.append(view);
    }
    for (CompletionView *view : std::as_const(m_outputViews))
        view->clear();
}

QStringList CompletionOutputPane::showCompletions(
    const core::CompletionResponse &response, bool showRaw)
{
    prepareOutputs(std::max<int>(1, int(response.completions.size())));
    QStringList reasons;
    for (qsizetype i = 0; i < response.completions.size(); ++i) {
        const core::CompletionResult &r = response.completions.at(i);
        m_outputViews.at(i)->showResult(r, showRaw);
        reasons.append(r.finishReason.value_or(tr("unknown")));
    }
    return reasons;
}

QString CompletionOutputPane::partialText() const
{
    QStringList partial;
    for (CompletionView *v : std::as_const(m_outputViews))
        partial << v->toPlainText();
    return partial.join(QStringLiteral("\n---\n"));
}

} // namespace ui
