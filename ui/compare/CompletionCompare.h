// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Completion.h"
#include "ui/common/PlaygroundTab.h"
#include "ui/compare/CompareSession.h"

#include <functional>

namespace core {
class ApiClient;
class SteeringLibrary;
} // namespace core

namespace ui {

class CompletionCompareColumn;

/// Compare in the Completion tab: CompletionCompareColumns side by side, one shared prompt. A new
/// column copies the settings of the one before (column A: the tab's) and changes one thing: a
/// model no column uses yet, else the temperature. run() sends the prompt from every column.
class CompletionCompare : public CompareSession
{
    Q_OBJECT
public:
    /// `base` gives the tab's current request (model, parameters). `client` (not owned) sends
    /// the columns' requests; `library` serves their steering fields.
    CompletionCompare(core::ApiClient *client,
        std::function<core::SteeringLibrary *()> library,
        std::function<core::CompletionRequest()> base,
        QWidget *parent);

    QList<CompletionCompareColumn *> columns() const;
    /// Sends `prompt` from every column; false with `problem` when no column could send (each
    /// refused one says why under it).
    bool run(const core::Prompt &prompt, QString *problem);
    /// Each column's request for `prompt`, titled "Column A · model"; empty with `problem` set
    /// when a column's request is not valid.
    QList<PlaygroundTab::TitledCall> calls(const core::Prompt &prompt, QString *problem) const;

protected:
    CompareColumn *makeColumn(int index) override;

private:
    core::ApiClient *m_client;
    std::function<core::SteeringLibrary *()> m_library;
    std::function<core::CompletionRequest()> m_base;
};

} // namespace ui
