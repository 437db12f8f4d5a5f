// SPDX-License-Identifier: MIT
#include "ui/compare/CompareSession.h"

#include "ui/common/Theme.h"
#include "ui/compare/CompareColumn.h"
#include "ui/compare/CompareView.h"

#include <QSignalBlocker>
#include <QToolButton>

namespace ui {

CompareSession::CompareSession(QWidget *parent)
    : QObject(parent)
{
    m_toggle = new QToolButton(parent);
    m_toggle->setObjectName(QStringLiteral("compare"));
    m_toggle->setText(tr("Compare"));
    m_toggle->setCheckable(true);
    highlightWhenChecked(m_toggle);
    m_toggle->setToolTip(tr("Compare side by side (Ctrl+Shift+M): 2 to 4 columns, each with its "
                            "own model and parameters; Run sends the same input from all of them"));
    m_view = new CompareView([this](int index) { return makeColumn(index); }, parent);
    m_view->hide();
    connect(m_toggle, &QToolButton::toggled, this, &CompareSession::setActive);
    connect(m_view, &CompareView::busyChanged, this, &CompareSession::busyChanged);
    connect(m_view, &CompareView::allFinished, this, &CompareSession::finished);
    connect(m_view, &CompareView::promoteRequested, this, [this](CompareColumn *column) {
        Q_EMIT promoted(column);
        setActive(false);
    });
}

void CompareSession::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    {
        const QSignalBlocker blocker(m_toggle);
        m_toggle->setChecked(active);
    }
    m_view->clear();
    if (active) {
        m_view->setColumnCount(CompareView::kMinColumns);
        m_view->setStatus(tr("Each column has its own model and parameters. Run (Ctrl+Enter) "
                             "sends to every column."));
    }
    m_view->setVisible(active);
    Q_EMIT activeChanged(active);
}

void CompareSession::setModels(const QList<core::ModelSettings> &models)
{
    m_models = models;
    for (CompareColumn *column : m_view->columns())
        column->modelPicker()->setModels(models);
}

void CompareSession::stop()
{
    m_view->stopAll();
}

bool CompareSession::isBusy() const
{
    return m_view->isBusy();
}

bool CompareSession::started(int count, QString *problem)
{
    if (count == 0) {
        *problem = tr("no column could send its request; each says why under it.");
        return false;
    }
    m_view->runStarted(count);
    return true;
}

} // namespace ui
