// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Completion.h"
#include "ui/compare/CompareColumn.h"

#include <functional>
#include <optional>

namespace core {
class ApiClient;
class SteeringLibrary;
} // namespace core

namespace ui {

class CompletionParameters;
class CompletionView;

/// A Completion tab's compare column: its own model and a full CompletionParameters form (every
/// /complete parameter, steering included, in the column's parameters dialog), and a
/// CompletionView of the first completion, streamed when the column's "stream" is on and then
/// shown with its log-probability shading when log_probs is set.
class CompletionCompareColumn : public CompareColumn
{
    Q_OBJECT
public:
    /// `client` (not owned) sends the column's requests and, with `library`, serves the steering
    /// field's "Library" menu.
    CompletionCompareColumn(core::ApiClient *client,
        std::function<core::SteeringLibrary *()> library,
        QWidget *parent = nullptr);

    /// Takes the model and every parameter of `r` (its prompt is not kept: the tab's is shared).
    void applyRequest(const core::CompletionRequest &r);
    /// The request this column sends for `prompt` (`stream` set when it streams); `error` is set
    /// to its first problem when it is not valid.
    core::CompletionRequest request(const core::Prompt &prompt, QString *error) const;
    /// Sends request(prompt): true when it was sent; false when refused (the column says why).
    bool run(const core::Prompt &prompt);
    /// The answer of the last run when it succeeded.
    const std::optional<core::CompletionResponse> &response() const { return m_response; }
    /// The request of the last run (what the output answers).
    const core::CompletionRequest &lastRequest() const { return m_lastRequest; }
    bool rawCompletion() const;
    CompletionView *view() const { return m_view; }
    CompletionParameters *parameters() const { return m_parameters; }

    QString diffText() const override;
    QTextEdit *outputView() const override;
    QVariantMap settingsMap() const override;

private:
    void onEnded(core::ApiJob *job);

    core::ApiClient *m_client;
    CompletionParameters *m_parameters;
    CompletionView *m_view;
    core::CompletionRequest m_lastRequest;
    std::optional<core::CompletionResponse> m_response;
};

} // namespace ui
