// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QBoxLayout;
class QLabel;
class QWidget;
class QPlainTextEdit;

namespace ui {

/// The outputs of the Steering tab's A/B run side by side: A without a concept, B with it, each
/// with its title and, when that side failed, its error in red above the output; the A/B status
/// line below. The widgets are children of `box`, laid out in its `layout` (after the form's).
class SteeringABView : public QObject
{
    Q_OBJECT
public:
    SteeringABView(QWidget *box, QBoxLayout *layout);
    /// Side 0 (A) or 1 (B).
    QPlainTextEdit *output(int side) const { return m_outputs[side]; }
    QLabel *errorLabel(int side) const { return m_errors[side]; }
    QLabel *statusLabel() const { return m_status; }
    /// B's title names the concept in use (`id`, empty: none yet). When B's text was made with
    /// another concept (one was opened or created since the run), the title says so.
    void setConceptId(const QString &id);
    /// B's run starts with the concept in use: its text is that concept's.
    void startSteeredRun();
    /// B's title, as rich text.
    QString steeredTitle() const;
    /// Highlights the words A and B do not share (WordDiff.h): A's in red, B's in green.
    void highlightDifferences();
    /// Removes the highlights (a new run starts).
    void clearHighlights();
    /// How many words each side has highlighted (side 0: A).
    int highlightedCount(int side) const;

private:
    QPlainTextEdit *m_outputs[2] = {nullptr, nullptr};
    QLabel *m_titles[2] = {nullptr, nullptr};
    QLabel *m_errors[2] = {nullptr, nullptr};
    QLabel *m_status = nullptr;
    QString m_conceptId; // in use
    QString m_madeWith; // of B's text
    void updateSteeredTitle();
};

} // namespace ui
