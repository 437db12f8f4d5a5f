// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Completion.h"

#include <QTextBrowser>

namespace ui {

/// A read-only view of one completion. With log_probs, each generated token is shaded by its
/// probability and hovering it shows the top alternatives (the fragment's tool tip).
class CompletionView : public QTextBrowser
{
    Q_OBJECT
public:
    explicit CompletionView(QWidget *parent = nullptr);
    /// Shows `result`: coloured tokens when it has completion_tokens and log_probs of the same
    /// length, else its text; raw_completion below when `showRaw`.
    void showResult(const core::CompletionResult &result, bool showRaw);
    void appendStreamed(const QString &text);
    /// The tool tip of the token at character `position` of the document ("" when none).
    QString toolTipAt(int position) const;
    /// The number of coloured token fragments shown.
    int tokenCount() const { return m_tokenCount; }

protected:
    bool event(QEvent *event) override;
    /// A theme change recolours the shaded tokens and the raw_completion text in place.
    void changeEvent(QEvent *event) override;

private:
    void recolour();

    int m_tokenCount = 0;
};

} // namespace ui
