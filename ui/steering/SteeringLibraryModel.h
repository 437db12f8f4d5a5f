// SPDX-License-Identifier: MIT
#pragma once

#include "core/storage/SteeringLibrary.h"

#include <QAbstractTableModel>

namespace ui {

/// The steering library's concepts as a table: name (editable: an edit asks for a rename), id
/// (shortened; the full id as tool tip), profile (greyed, with a hint, when made on another server
/// than `host`) and creation time.
class SteeringLibraryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Id, Profile, Created, ColumnCount };
    explicit SteeringLibraryModel(QObject *parent = nullptr);

    /// The entries to list and the server in use. Rows are added or removed at the end and the
    /// rest updated in place, so the current row stays where it was.
    void setEntries(const QList<core::SteeringConceptEntry> &entries, const QString &host);
    const QList<core::SteeringConceptEntry> &entries() const { return m_entries; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    /// The name of row `row` was edited to `name` (the library is not changed by the model).
    void renameRequested(int row, const QString &name);

private:
    QList<core::SteeringConceptEntry> m_entries;
    QString m_host;
};

} // namespace ui
