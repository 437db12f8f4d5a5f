// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Models.h"

#include <QObject>

class QToolButton;
class QWidget;

namespace ui {

class CompareColumn;
class CompareView;

/// What Compare is in a tab, whatever the columns send: the "Compare" toggle, the CompareView
/// the tab shows instead of its single output while the toggle is on (two new columns each time
/// it is turned on), the models the columns' pickers list, stopping them all, and Promote (the
/// tab takes the column, then the comparison ends). CompletionCompare and ChatCompare make the
/// columns and run them.
class CompareSession : public QObject
{
    Q_OBJECT
public:
    /// `parent` (the tab) owns the toggle and the view.
    explicit CompareSession(QWidget *parent);

    /// "Compare": turns the comparison on and off.
    QToolButton *toggle() const { return m_toggle; }
    CompareView *view() const { return m_view; }
    bool isActive() const { return m_active; }
    void setActive(bool active);
    void setModels(const QList<core::ModelSettings> &models);
    const QList<core::ModelSettings> &models() const { return m_models; }
    void stop();
    bool isBusy() const;

Q_SIGNALS:
    void activeChanged(bool active);
    /// Some column runs, or none does any more.
    void busyChanged(bool busy);
    /// Every column of a run has ended.
    void finished();
    /// `column` is to become the tab's single view; the comparison ends right after.
    void promoted(ui::CompareColumn *column);

protected:
    /// Makes column `index`: a copy of the settings of the column before (of the tab's for the
    /// first) with one thing changed.
    virtual CompareColumn *makeColumn(int index) = 0;
    /// After a run tried every column: false with `problem` when none started, else says so.
    bool started(int count, QString *problem);

private:
    QList<core::ModelSettings> m_models;
    QToolButton *m_toggle;
    CompareView *m_view;
    bool m_active = false;
};

} // namespace ui
