// SPDX-License-Identifier: MIT
#pragma once

#include "core/presenter/DemoDeck.h"

#include <QAbstractListModel>

#include <functional>

namespace ui {

/// The steps of the demo deck being edited or played, as a list: one row per step, shown as
/// "3 · Chat — Ask a follow-up" with a mark for a recorded answer (DisplayRole), the note as the
/// tooltip. Owns the core::DemoDeck; every edit goes through it so the views follow.
class DeckModel : public QAbstractListModel
{
    Q_OBJECT
public:
    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    const core::DemoDeck &deck() const { return m_deck; }
    /// Replaces the whole deck (a file opened, a sample chosen); not modified after.
    void setDeck(const core::DemoDeck &deck);
    const core::DeckStep &step(int row) const { return m_deck.steps.at(row); }
    int stepCount() const { return int(m_deck.steps.size()); }

    /// Inserts `step` at `row` (clamped to the list).
    void insertStep(int row, const core::DeckStep &step);
    /// Removes step `row` and gives it back (for Undo).
    core::DeckStep takeStep(int row);
    /// Moves step `row` one place up (−1) or down (+1); false at either end.
    bool moveStep(int row, int delta);
    void setStepTitle(int row, const QString &title);
    void setStepNote(int row, const QString &note);
    /// Keeps `run` as step `row`'s rehearsed answer (nullopt: forgets it).
    void setRecording(int row, const std::optional<core::RunRecord> &run);
    void setTitle(const QString &title);
    /// Where tab names come from: the window's tab bar ("Chat" for "chat"); unset, the key.
    void setTabTitles(std::function<QString(const QString &tabKey)> titles)
    {
        m_tabTitles = std::move(titles);
    }
    /// A tab's name as the window shows it ("Chat"), for rows and the progress strip.
    QString tabTitle(const QString &tabKey) const;
    /// What the strip and the list call step `row`: its title, or its tab's name.
    QString stepLabel(int row) const;

    /// Whether the deck changed since setDeck() or setModified(false).
    bool isModified() const { return m_modified; }
    void setModified(bool modified);

Q_SIGNALS:
    void modifiedChanged(bool modified);

private:
    void touch();

    core::DemoDeck m_deck;
    std::function<QString(const QString &)> m_tabTitles;
    bool m_modified = false;
};

} // namespace ui
