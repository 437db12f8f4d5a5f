// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Steering.h"

#include <QAbstractTableModel>
#include <QHash>

namespace ui {

/// The Steering editor's example pairs as an editable table: negative (steer away) and positive
/// (steer toward), in order. A row with a problem (empty, duplicate…) is filled light red, with
/// the problem as its tool tip.
class PairTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Negative, Positive, ColumnCount };
    explicit PairTableModel(QObject *parent = nullptr);

    void setPairs(const QList<core::SteeringConceptExample> &pairs);
    /// The pairs as typed (both cells of every row, empty rows included).
    QList<core::SteeringConceptExample> pairs() const;
    void appendPair(const QString &negative, const QString &positive);
    void swapRows(int a, int b);
    /// The problems by row (rows not listed have none).
    void setProblems(const QHash<int, QString> &problems);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

Q_SIGNALS:
    /// A cell was edited through setData() (not by the setters above).
    void edited();

private:
    QList<QStringList> m_rows; // {negative, positive}
    QHash<int, QString> m_problems;
};

} // namespace ui
