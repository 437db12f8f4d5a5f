// SPDX-License-Identifier: MIT
#include "ui/explanation/PromptItemListModel.h"

#include "ui/explanation/ExplanationResult.h"

#include <QImage>
#include <QPixmap>

namespace ui {

namespace {

/// An image's thumbnail and size, decoded once per entry.
void decorate(PromptItemListModel::Entry *e)
{
    if (e->editor || e->item.type != core::PromptItem::Type::Image || !e->icon.isNull())
        return;
    QImage image;
    image.loadFromData(QByteArray::fromBase64(e->item.imageBase64.toLatin1()));
    e->imageSize = image.size();
    e->icon = QIcon(
        QPixmap::fromImage(image.scaled(40, 40, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}

} // namespace

PromptItemListModel::PromptItemListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void PromptItemListModel::setEntries(const QList<Entry> &entries)
{
    beginResetModel();
    m_entries = entries;
    for (Entry &e : m_entries)
        decorate(&e);
    endResetModel();
}

void PromptItemListModel::insertEntry(int row, const Entry &entry)
{
    row = std::clamp(row, 0, int(m_entries.size()));
    beginInsertRows(QModelIndex(), row, row);
    m_entries.insert(row, entry);
    decorate(&m_entries[row]);
    endInsertRows();
}

void PromptItemListModel::removeEntry(int row)
{
    if (row < 0 || row >= m_entries.size())
        return;
    beginRemoveRows(QModelIndex(), row, row);
    m_entries.removeAt(row);
    endRemoveRows();
}

bool PromptItemListModel::moveEntry(int from, int to)
{
    if (from < 0 || to < 0 || from >= m_entries.size() || to >= m_entries.size())
        return false;
    if (from == to)
        return true;
    // beginMoveRows() names the row the entry goes before, counted before the move.
    beginMoveRows(QModelIndex(), from, from, QModelIndex(), to > from ? to + 1 : to);
    m_entries.move(from, to);
    endMoveRows();
    return true;
}

void PromptItemListModel::setItem(int row, const core::PromptItem &item)
{
    if (row < 0 || row >= m_entries.size())
        return;
    m_entries[row].item = item;
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed);
}

int PromptItemListModel::editorRow() const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i)
        if (m_entries.at(i).editor)
            return int(i);
    return -1;
}

void PromptItemListModel::setEditorText(const QString &text)
{
    m_editorText = text;
    const int row = editorRow();
    if (row >= 0)
        Q_EMIT dataChanged(index(row), index(row), {Qt::DisplayRole});
}

int PromptItemListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant PromptItemListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Entry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return rowText(e);
    case Qt::DecorationRole:
        return e.icon.isNull() ? QVariant() : QVariant(e.icon);
    default:
        return QVariant();
    }
}

Qt::ItemFlags PromptItemListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled;
}

QString PromptItemListModel::rowText(const Entry &e) const
{
    if (e.editor)
        return m_editorText.isEmpty() ? tr("Text (the editor below, empty)")
                                      : tr("Text: “%1”").arg(shortenedText(m_editorText, 48));
    if (e.item.type == core::PromptItem::Type::Image) {
        QString text = e.name.isEmpty()
            ? tr("Image · %1×%2").arg(e.imageSize.width()).arg(e.imageSize.height())
            : tr("Image %1 · %2×%3").arg(e.name).arg(e.imageSize.width()).arg(e.imageSize.height());
        if (e.item.size)
            text += tr(" · crop %1×%1 at (%2, %3)")
                        .arg(*e.item.size)
                        .arg(e.item.x.value_or(0))
                        .arg(e.item.y.value_or(0));
        return text;
    }
    if (e.item.type == core::PromptItem::Type::TokenIds) {
        QStringList ids;
        for (const qint64 id : e.item.tokenIds)
            ids << QString::number(id);
        return tr("Token ids: %1").arg(shortenedText(ids.join(QLatin1Char(' ')), 48));
    }
    return tr("Text (fixed): “%1”").arg(shortenedText(e.item.text, 40));
}

} // namespace ui
