// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

namespace ui {

class DeckModel;

/// Where the show is: one segment per step of the deck, the steps done filled, the current one
/// marked, the rest outlined; a dot under a step that has a rehearsed answer. Clicking a segment
/// asks for that step (stepClicked()).
class DeckProgressStrip : public QWidget
{
    Q_OBJECT
public:
    explicit DeckProgressStrip(DeckModel *model, QWidget *parent = nullptr);

    void setCurrent(int row);
    int current() const { return m_current; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    /// The segment of step `row`, in this widget's coordinates.
    QRect segmentRect(int row) const;

Q_SIGNALS:
    void stepClicked(int row);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    DeckModel *m_model;
    int m_current = -1;
};

} // namespace ui
