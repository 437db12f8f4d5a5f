// SPDX-License-Identifier: MIT
#include "ui/common/PlaygroundTab.h"

#include "core/util/TextFile.h"
#include "ui/common/ModelPicker.h"
#include "ui/common/PromptEdit.h"
#include "ui/common/RunController.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QPushButton>
#include <QToolButton>

namespace ui {

QList<PlaygroundTab::TitledCall> PlaygroundTab::currentCalls(QString *problem) const
{
    const core::ApiCall call = currentCall(problem);
    if (!call.isValid())
        return {};
    return {{QString(), call}};
}

void PlaygroundTab::setModels(const QList<core::ModelSettings> &models)
{
    if (ModelPicker *picker = modelPicker())
        picker->setModels(models);
}

namespace {
/// The prompt editor Show tokens reads: the focused one in `tab`, else the first visible one.
PromptEdit *tokenSource(const QWidget *tab)
{
    if (auto *focused = qobject_cast<PromptEdit *>(QApplication::focusWidget());
        focused && tab->isAncestorOf(focused))
        return focused;
    const QList<PromptEdit *> edits = tab->findChildren<PromptEdit *>();
    for (PromptEdit *edit : edits) {
        if (edit->isVisibleTo(tab))
            return edit;
    }
    return edits.isEmpty() ? nullptr : edits.first();
}
} // namespace

bool PlaygroundTab::canShowTokens() const
{
    return tokenSource(this) != nullptr;
}

void PlaygroundTab::triggerShowTokens()
{
    if (PromptEdit *edit = tokenSource(this)) {
        if (auto *action = edit->findChild<QAction *>(QStringLiteral("showTokens")))
            action->trigger();
    }
}

bool PlaygroundTab::canExport() const
{
    const QAbstractButton *button = exportButton();
    return button && button->isEnabled() && button->isVisibleTo(this);
}

void PlaygroundTab::triggerExport()
{
    QAbstractButton *button = exportButton();
    if (!button || !button->isEnabled())
        return;
    // A button with a format menu opens the menu; a plain one its file dialog.
    if (auto *tool = qobject_cast<QToolButton *>(button); tool && tool->menu())
        tool->showMenu();
    else if (auto *push = qobject_cast<QPushButton *>(button); push && push->menu())
        push->showMenu();
    else
        button->click();
}

bool PlaygroundTab::openFile(const QString &path, QString *error)
{
    Q_UNUSED(path)
    if (error)
        *error = openUnsupportedText();
    return false;
}

void PlaygroundTab::triggerOpen()
{
    const QString filter = openFilter();
    if (filter.isEmpty()) {
        Q_EMIT commandMessage(openUnsupportedText());
        return;
    }
    const QString path = QFileDialog::getOpenFileName(this, tr("Open"), QString(), filter);
    if (path.isEmpty())
        return;
    QString error;
    if (!openFile(path, &error))
        Q_EMIT commandMessage(error);
}

QString PlaygroundTab::openUnsupportedText() const
{
    return tr("This tab has nothing to open from a file.");
}

QString PlaygroundTab::currentModel() const
{
    const ModelPicker *picker = modelPicker();
    return picker ? picker->model() : QString();
}

void PlaygroundTab::watchRun(RunController *run)
{
    connect(run, &RunController::busyChanged, this, &PlaygroundTab::commandsChanged);
    connect(run, &RunController::finished, this, &PlaygroundTab::commandsChanged);
    connect(run, &RunController::retrying, this, &PlaygroundTab::runRetrying);
}

bool PlaygroundTab::readText(const QString &path, QString *text, QString *error)
{
    return core::readTextFile(path, text, error);
}

} // namespace ui
