// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Steering.h"

#include <QGroupBox>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace ui {

class PairTableModel;

/// The Steering tab's editor ("Examples" box): name and description, the example pairs
/// (PairTableModel) with add, remove, reorder and CSV import/export, the check of the pairs
/// before sending, Create concept and the concept id. Ctrl+N, Delete and Alt+Up/Down in the table.
class SteeringPairsEditor : public QGroupBox
{
    Q_OBJECT
public:
    /// One problem of the pairs: the row (0-based) and what is wrong.
    struct PairProblem
    {
        int row = 0;
        QString message;
    };
    explicit SteeringPairsEditor(QWidget *parent = nullptr);
    /// Whether a create is running (Create concept stays disabled then).
    void setBusyCheck(const std::function<bool()> &busy) { m_busy = busy; }

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *descriptionEdit() const { return m_description; }
    QLineEdit *idEdit() const { return m_idEdit; }
    QPushButton *createButton() const { return m_createButton; }
    QTableView *pairsTable() const { return m_pairs; }
    PairTableModel *pairsModel() const { return m_model; }

    void setExamples(const QList<core::SteeringConceptExample> &examples);
    /// Fills the name, description and pairs with the sample concept `name` (SampleConcepts.h).
    void loadSample(const QString &name);
    QList<core::SteeringConceptExample> examples() const;
    QList<PairProblem> pairProblems() const;
    QString validationText() const;
    void addPair(const QString &negative = {}, const QString &positive = {});
    void addPairAndEdit();
    void removeSelectedPairs();
    void movePair(int delta);
    /// Marks the rows with problems, says what is wrong and enables Create when nothing is.
    void flagProblems();
    /// The pairs from / to a CSV file (negative,positive); import reports through message().
    bool importCsv(const QString &path, QString *error);
    bool exportCsv(const QString &path, QString *error) const;

Q_SIGNALS:
    /// The pairs, name or description changed.
    void edited();
    /// Create concept (button or Ctrl+Enter).
    void createRequested();
    /// A line for the tab's status.
    void message(const QString &text);

private:
    /// Pairs changed by the editor itself: flag and tell.
    void pairsChanged();

    std::function<bool()> m_busy;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_description = nullptr;
    PairTableModel *m_model = nullptr;
    QTableView *m_pairs = nullptr;
    QLabel *m_validation = nullptr;
    QPushButton *m_createButton = nullptr;
    QLineEdit *m_idEdit = nullptr;
};

} // namespace ui
