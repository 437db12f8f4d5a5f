// SPDX-License-Identifier: MIT
#include "ui/presenter/DeckModel.h"

using namespace Qt::StringLiterals;

namespace ui {

int DeckModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_deck.steps.size());
}

QVariant DeckModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_deck.steps.size())
        return {};
    const core::DeckStep &s = m_deck.steps.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        QString text = s.title.isEmpty()
            ? tr("%1 · %2").arg(index.row() + 1).arg(tabTitle(s.tab))
            : tr("%1 · %2 (%3)").arg(index.row() + 1).arg(s.title, tabTitle(s.tab));
        if (s.recording)
            text += tr("  (rehearsed)");
        return text;
    }
    case Qt::ToolTipRole:
        return s.note.isEmpty() ? tr("%1 tab; no note").arg(tabTitle(s.tab))
                                : tr("%1 tab. Note: %2").arg(tabTitle(s.tab), s.note);
    default:
        return {};
    }
}

void DeckModel::setDeck(const core::DemoDeck &deck)
{
    beginResetModel();
    m_deck = deck;
    endResetModel();
    setModified(false);
}

void DeckModel::insertStep(int row, const core::DeckStep &step)
{
    row = std::clamp(row, 0, int(m_deck.steps.size()));
    beginInsertRows({}, row, row);
    m_deck.steps.insert(row, step);
    endInsertRows();
    touch();
}

core::DeckStep DeckModel::takeStep(int row)
{
    beginRemoveRows({}, row, row);
    core::DeckStep step = m_deck.steps.takeAt(row);
    endRemoveRows();
    // The numbers of the rows after it changed.
    if (row < m_deck.steps.size())
        Q_EMIT dataChanged(index(row), index(int(m_deck.steps.size()) - 1));
    touch();
    return step;
}

bool DeckModel::moveStep(int row, int delta)
{
    const int target = row + delta;
    if (row < 0 || row >= m_deck.steps.size() || target < 0 || target >= m_deck.steps.size()
        || delta == 0)
        return false;
    // beginMoveRows wants the row before which the moved one lands.
    beginMoveRows({}, row, row, {}, delta > 0 ? target + 1 : target);
    m_deck.steps.move(row, target);
    endMoveRows();
    Q_EMIT dataChanged(index(std::min(row, target)), index(std::max(row, target)));
    touch();
    return true;
}

void DeckModel::setStepTitle(int row, const QString &title)
{
    m_deck.steps[row].title = title;
    Q_EMIT dataChanged(index(row), index(row));
    touch();
}

void DeckModel::setStepNote(int row, const QString &note)
{
    m_deck.steps[row].note = note;
    Q_EMIT dataChanged(index(row), index(row));
    touch();
}

void DeckModel::setRecording(int row, const std::optional<core::RunRecord> &run)
{
    m_deck.steps[row].recording = run;
    Q_EMIT dataChanged(index(row), index(row));
    touch();
}

void DeckModel::setTitle(const QString &title)
{
    if (m_deck.title == title)
        return;
    m_deck.title = title;
    touch();
}

QString DeckModel::tabTitle(const QString &tabKey) const
{
    const QString title = m_tabTitles ? m_tabTitles(tabKey) : QString();
    return title.isEmpty() ? tabKey : title;
}

QString DeckModel::stepLabel(int row) const
{
    const core::DeckStep &s = m_deck.steps.at(row);
    return s.title.isEmpty() ? tabTitle(s.tab) : s.title;
}

void DeckModel::setModified(bool modified)
{
    if (m_modified == modified)
        return;
    m_modified = modified;
    Q_EMIT modifiedChanged(modified);
}

void DeckModel::touch()
{
    setModified(true);
}

} // namespace ui
