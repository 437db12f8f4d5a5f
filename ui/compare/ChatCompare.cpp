// SPDX-License-Identifier: MIT
#include "ui/compare/ChatCompare.h"

#include "ui/compare/ChatCompareColumn.h"
#include "ui/compare/CompareView.h"

namespace ui {

ChatCompare::ChatCompare(core::ApiClient *client,
    std::function<core::SteeringLibrary *()> library,
    std::function<Base()> base,
    QWidget *parent)
    : CompareSession(parent)
    , m_client(client)
    , m_library(std::move(library))
    , m_base(std::move(base))
{}

QList<ChatCompareColumn *> ChatCompare::columns() const
{
    QList<ChatCompareColumn *> out;
    for (CompareColumn *c : view()->columns())
        out << static_cast<ChatCompareColumn *>(c);
    return out;
}

CompareColumn *ChatCompare::makeColumn(int index)
{
    auto *column = new ChatCompareColumn(m_client, m_library);
    column->modelPicker()->setModels(models());
    const QList<ChatCompareColumn *> before = columns().mid(0, index);
    const Base base = m_base();
    // Every column starts from the tab's conversation, so that they stay in sync.
    column->setConversation(base.conversation);
    if (before.isEmpty()) {
        if (!base.model.isEmpty())
            column->modelPicker()->setCurrentText(base.model);
        column->setOptions(base.options);
        return column;
    }
    QVariantMap options = before.last()->options();
    QStringList used;
    for (const ChatCompareColumn *c : before)
        used << c->modelPicker()->model();
    const QString model = unusedModel(column->modelPicker(), used);
    column->modelPicker()->setCurrentText(
        model.isEmpty() ? before.last()->modelPicker()->model() : model);
    if (model.isEmpty()) {
        const QString key = QStringLiteral("temperature");
        options.insert(key, nextTemperature(options.value(key, -1.0).toDouble()));
    }
    column->setOptions(options);
    return column;
}

bool ChatCompare::send(const core::ChatMessage &message, const QString &system, QString *problem)
{
    int count = 0;
    for (ChatCompareColumn *column : columns()) {
        if (column->send(message, system))
            ++count;
    }
    return started(count, problem);
}

bool ChatCompare::regenerate(const QString &system, QString *problem)
{
    int count = 0;
    for (ChatCompareColumn *column : columns()) {
        if (column->regenerate(system))
            ++count;
    }
    return started(count, problem);
}

QList<PlaygroundTab::TitledCall> ChatCompare::calls(
    const QString &system, const QString &pendingUserText, QString *problem) const
{
    QList<PlaygroundTab::TitledCall> out;
    for (const ChatCompareColumn *column : columns()) {
        QString error;
        core::ChatRequest r = column->request(system, pendingUserText, &error);
        const QString letter = CompareColumn::letter(column->index());
        if (!error.isEmpty()) {
            *problem = tr("column %1: %2").arg(letter, error);
            return {};
        }
        r.streamOptions.reset(); // as the tab's View code shows a chat request
        out.append({tr("Column %1 · %2").arg(letter, r.model), core::ApiCall::of(r)});
    }
    return out;
}

} // namespace ui
