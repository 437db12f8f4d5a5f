// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace ui {

class DeckModel;
class DeckProgressStrip;

/// The bar at the top of the window in Presenter mode: the current model in plain words, one
/// large Run button (and Stop), the deck's progress strip with Back and Next, the step's title,
/// the mark of a step that shows its rehearsed answer, and Leave.
class PresenterBar : public QWidget
{
    Q_OBJECT
public:
    explicit PresenterBar(DeckModel *deck, QWidget *parent = nullptr);

    QPushButton *runButton() const { return m_run; }
    QPushButton *stopButton() const { return m_stop; }
    QPushButton *previousButton() const { return m_previous; }
    QPushButton *nextButton() const { return m_next; }
    QPushButton *leaveButton() const { return m_leave; }
    DeckProgressStrip *progress() const { return m_progress; }
    QLabel *modelLabel() const { return m_model; }
    /// The reading pace of streamed answers: its items' data are characters a second (0: as
    /// they arrive).
    QComboBox *paceBox() const { return m_pace; }
    QLabel *stepLabel() const { return m_step; }
    /// The mark shown while a step shows its rehearsed answer.
    QLabel *recordingMark() const { return m_recording; }

    /// "Model: luminous-base" with where it runs ("offline sandbox: synthetic answers").
    void setModel(const QString &model, const QString &where);
    /// The step on show (−1: none; the deck's steps then show only when there are some).
    void setStep(int row);
    /// Marks the step as showing its recording, rehearsed at `when`, because of `why`; an empty
    /// `why` with an invalid `when` hides the mark.
    void setRecording(const QDateTime &when, const QString &why);
    void clearRecording();

private:
    DeckModel *m_deck;
    DeckProgressStrip *m_progress;
    QWidget *m_deckRow;
    QLabel *m_step;
    QLabel *m_model;
    QLabel *m_recording;
    QComboBox *m_pace;
    QPushButton *m_run;
    QPushButton *m_stop;
    QPushButton *m_previous;
    QPushButton *m_next;
    QPushButton *m_leave;
};

} // namespace ui
