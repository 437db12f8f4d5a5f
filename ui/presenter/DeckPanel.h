// SPDX-License-Identifier: MIT
#pragma once

#include "core/presenter/DemoDeck.h"

#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSpinBox;
class QToolButton;

namespace ui {

class DeckModel;
class DeckPlayer;
class PlaygroundTab;

/// The demo deck's dock (View ▸ Demo deck): the deck's title and steps; Record step (from the
/// current tab), Up, Down, Edit (title and note), Delete (Undo brings it back); Open…, Save…,
/// the shipped sample decks; Rehearse (runs every step and keeps its answer) and Present (presenter
/// mode from the first step); how long a step may take before its recording shows.
class DeckPanel : public QWidget
{
    Q_OBJECT
public:
    /// `currentTab` gives the tab a new step is recorded from.
    DeckPanel(DeckModel *model,
        DeckPlayer *player,
        std::function<PlaygroundTab *()> currentTab,
        QWidget *parent = nullptr);

    QListView *list() const { return m_list; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *undoButton() const { return m_undo; }
    /// The file the deck was opened from or saved to ("" for a new deck or a sample).
    QString filePath() const { return m_path; }
    /// The row selected in the list (−1: none).
    int selectedRow() const;
    void selectRow(int row);

    /// The samples shipped with the app (":/decks/…"), title → resource path, in menu order.
    static QList<std::pair<QString, QString>> samples();

public Q_SLOTS:
    /// Adds the current tab as a step after the selected one (at the end when none is).
    void recordStep();
    void moveSelected(int delta);
    /// Asks for the selected step's title and note.
    void editSelected();
    /// Deletes the selected step; undo() brings it back.
    void deleteSelected();
    void undo();
    /// Opens `path` (asks first when the deck on show has unsaved changes); false with the
    /// reason in the status line.
    bool openDeck(const QString &path);
    /// Saves to `path`; false with the reason in the status line.
    bool saveDeck(const QString &path);
    /// Puts back the deck the last session left (the drafts): from `path` ("" for none), with
    /// unsaved changes when `modified`.
    void restore(const core::DemoDeck &deck, const QString &path, bool modified);
    /// File dialogs for the two above.
    void chooseAndOpen();
    void chooseAndSave();
    /// Saves to the deck's own file (filePath()); asks for one when there is none (a new deck or
    /// a sample).
    void save();
    void rehearse();

Q_SIGNALS:
    /// Present: presenter mode on, from the first step.
    void presentRequested();

private:
    /// False when the deck has unsaved changes and the user keeps them.
    bool confirmDiscard();
    void updateButtons();
    void setStatus(const QString &text, bool undoable = false);

    DeckModel *m_model;
    DeckPlayer *m_player;
    std::function<PlaygroundTab *()> m_currentTab;
    QString m_path;
    std::optional<std::pair<int, core::DeckStep>> m_deleted; // what undo() puts back
    QLineEdit *m_title;
    QListView *m_list;
    QPushButton *m_record;
    QToolButton *m_up;
    QToolButton *m_down;
    QPushButton *m_edit;
    QPushButton *m_delete;
    QPushButton *m_rehearse;
    QPushButton *m_present;
    QSpinBox *m_fallback;
    QLabel *m_status;
    QPushButton *m_undo;
};

} // namespace ui
