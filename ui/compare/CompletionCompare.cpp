// SPDX-License-Identifier: MIT
#include "ui/compare/CompletionCompare.h"

#include "ui/compare/CompareView.h"
#include "ui/compare/CompletionCompareColumn.h"

namespace ui {

CompletionCompare::CompletionCompare(core::ApiClient *client,
    std::function<core::SteeringLibrary *()> library,
    std::function<core::CompletionRequest()> base,
    QWidget *parent)
    : CompareSession(parent)
    , m_client(client)
    , m_library(std::move(library))
    , m_base(std::move(base))
{}

QList<CompletionCompareColumn *> CompletionCompare::columns() const
{
    QList<CompletionCompareColumn *> out;
    for (CompareColumn *c : view()->columns())
        out << static_cast<CompletionCompareColumn *>(c);
    return out;
}

CompareColumn *CompletionCompare::makeColumn(int index)
{
    auto *column = new CompletionCompareColumn(m_client, m_library);
    column->modelPicker()->setModels(models());
    const QList<CompletionCompareColumn *> before = columns().mid(0, index);
    if (before.isEmpty()) {
        column->applyRequest(m_base());
        return column;
    }
    core::CompletionRequest r = before.last()->request(core::Prompt(), nullptr);
    QStringList used;
    for (const CompletionCompareColumn *c : before)
        used << c->modelPicker()->model();
    const QString model = unusedModel(column->modelPicker(), used);
    if (!model.isEmpty())
        r.model = model;
    else
        r.temperature = nextTemperature(r.temperature.value_or(0.0));
    column->applyRequest(r);
    return column;
}

bool CompletionCompare::run(const core::Prompt &prompt, QString *problem)
{
    int count = 0;
    for (CompletionCompareColumn *column : columns()) {
        if (column->run(prompt))
            ++count;
    }
    return started(count, problem);
}

QList<PlaygroundTab::TitledCall> CompletionCompare::calls(
    const core::Prompt &prompt, QString *problem) const
{
    QList<PlaygroundTab::TitledCall> out;
    for (const CompletionCompareColumn *column : columns()) {
        QString error;
        const core::CompletionRequest r = column->request(prompt, &error);
        const QString letter = CompareColumn::letter(column->index());
        if (!error.isEmpty()) {
            *problem = tr("column %1: %2").arg(letter, error);
            return {};
        }
        out.append({tr("Column %1 · %2").arg(letter, r.model), core::ApiCall::of(r)});
    }
    return out;
}

} // namespace ui
