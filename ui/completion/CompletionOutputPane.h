// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Completion.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ui {

class CompletionView;

/// The Completion tab's result pane: n or best_of completions side by side (CompletionView), the
/// log-probability legend, the status line with Retry, Explain, and the Evaluate row (expected
/// completion and its result). It shows what the tab's runs produce; it starts nothing itself.
class CompletionOutputPane : public QWidget
{
    Q_OBJECT
public:
    explicit CompletionOutputPane(QWidget *parent = nullptr);

    /// Makes `n` empty completion views (one at least is always there).
    void prepareOutputs(int n);
    QList<CompletionView *> outputViews() const { return m_outputViews; }
    /// Shows each completion of `response` in its view (raw_completion too when `showRaw`) and
    /// returns their finish reasons.
    QStringList showCompletions(const core::CompletionResponse &response, bool showRaw);
    /// The texts of the views, as a partial result keeps them.
    QString partialText() const;

    QLabel *legend() const { return m_legend; }
    QLabel *statusLabel() const { return m_statusLabel; }
    QPushButton *retryButton() const { return m_retryButton; }
    QPushButton *explainButton() const { return m_explainButton; }
    QLineEdit *expectedEdit() const { return m_expectedEdit; }
    QPushButton *evaluateButton() const { return m_evaluateButton; }
    QLabel *evaluationLabel() const { return m_evaluationLabel; }

private:
    QHBoxLayout *m_outputsLayout;
    QList<CompletionView *> m_outputViews;
    QLabel *m_legend;
    QLabel *m_statusLabel;
    QPushButton *m_retryButton;
    QPushButton *m_explainButton;
    QLineEdit *m_expectedEdit;
    QPushButton *m_evaluateButton;
    QLabel *m_evaluationLabel;
};

} // namespace ui
