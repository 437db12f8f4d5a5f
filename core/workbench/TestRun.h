// SPDX-License-Identifier: MIT
#pragma once

#include "core/workbench/Check.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace core {

struct TestSet;

/// One column of a test run: a prompt version (its label in TestSet::versions) on a model.
struct RunColumn
{
    QString version;
    QString model;
    /// "version · model", for headers and exports.
    QString label() const;
    bool operator==(const RunColumn &other) const = default;
};

/// The result of one row on one column.
struct CellResult
{
    enum class State {
        Pending, ///< not run yet (or cancelled before it finished)
        Running,
        Done, ///< answered; `checks` hold the verdicts
        Error, ///< the request failed after its retries; `error` says why
    };
    State state = State::Pending;
    QString prompt; ///< the filled template that was sent
    QString answer;
    QList<CheckResult> checks; ///< one per TestSet::checksFor(row), in that order
    int promptTokens = 0;
    int completionTokens = 0;
    qint64 ms = 0; ///< from sending the completion to the last check's answer
    int retries = 0; ///< retries of the cell's requests together
    QString error;
    std::optional<ManualGrade> grade;

    bool finished() const { return state == State::Done || state == State::Error; }
    /// Done and no check failed (pending manual grades do not fail a cell).
    bool passed() const;
    /// Error, or Done with a failed check.
    bool failed() const { return finished() && !passed(); }
    QJsonObject toJson() const;
    static CellResult fromJson(const QJsonObject &json);
};

/// A run of a test set against columns (prompt versions × models), kept to compare with later
/// runs. Cells are row-major: cell(row, column) is cells[row * columns.size() + column].
struct TestRun
{
    QString id; ///< unique, made by TestRunner::newRun()
    QString created; ///< ISO 8601 UTC
    QString setName;
    QList<RunColumn> columns;
    int rowCount = 0;
    QList<CellResult> cells;

    CellResult &cell(int row, int column) { return cells[row * columns.size() + column]; }
    const CellResult &cell(int row, int column) const
    {
        return cells.at(row * columns.size() + column);
    }
    /// Cells finished (Done or Error), in `column` or (column −1) in all.
    int finishedCount(int column = -1) const;
    /// Cells that passed in `column` or (−1) in all.
    int passedCount(int column = -1) const;
    /// passedCount / finishedCount of `column` in 0..1; nullopt when no cell finished.
    std::optional<double> passRate(int column) const;
    /// Whether any finished cell failed.
    bool anyFailed() const;
    /// Sets the manual grade of a cell and re-decides its manual checks (`set` gives the checks).
    void setGrade(const TestSet &set, int row, int column, const ManualGrade &grade);

    QJsonObject toJson() const;
    static std::optional<TestRun> fromJson(const QJsonObject &json, QString *error);

private:
    /// Cells in `column` (−1: all) for which `predicate(cell)` holds.
    template<class Predicate>
    int count(int column, Predicate predicate) const;
};

/// One cell as a JSON object, as alephctl prints it and exportJson() lists it:
/// {"row": 1-based, "version", "model", "vars": {...}, "expected", "state": "done"|"error"|
///  "pending", "passed": bool, "answer", "checks": [{"check", "kind", "passed": true|false|null,
///  "score", "reason"}], "prompt_tokens", "completion_tokens", "ms", "retries", "error",
///  "grade", "note"}
QJsonObject cellJson(const TestSet &set, const TestRun &run, int row, int column);
/// The grid as CSV: one line per cell with row, the variables, expected, version, model, state,
/// passed, answer, the reasons joined by "; ", scores, tokens, ms, retries, error.
QString exportCsv(const TestSet &set, const TestRun &run);
/// The grid as JSON: {"run": id, "created", "set", "columns": [{"version", "model",
/// "pass_rate"}], "cells": [cellJson()...]}.
QJsonObject exportJson(const TestSet &set, const TestRun &run);

/// Writes the grid to `path`: exportCsv() for a ".csv" path, else exportJson() (indented).
/// False with `error` naming the file.
bool saveRunExport(const TestSet &set, const TestRun &run, const QString &path, QString *error);

/// What changed between two runs of a set: cells (matched by row and by column label) that
/// passed in `earlier` and fail in `later`, and the other way round, in row-major order. Cells
/// not finished in both are left out.
struct RunComparison
{
    struct Cell
    {
        int row = 0;
        int column = 0; ///< column index in `later`
        bool operator==(const Cell &other) const = default;
    };
    QList<Cell> newlyFailing;
    QList<Cell> newlyPassing;
};
RunComparison compareRuns(const TestRun &earlier, const TestRun &later);

/// Runs kept as JSON files in a directory (one `<id>.json` per run).
class TestRunStore
{
public:
    /// `directory` is created when the first run is saved.
    explicit TestRunStore(QString directory);
    /// The default place: <AppDataLocation>/test-runs.
    static QString defaultDirectory();
    QString directory() const { return m_directory; }
    /// Writes `run` (replacing an earlier save of the same id); false with `error`.
    bool save(const TestRun &run, QString *error) const;
    /// Every run of the set named `setName` (all when empty), newest first. Unreadable files are
    /// skipped.
    QList<TestRun> runs(const QString &setName = {}) const;
    /// Deletes the run's file; false when there was none.
    bool remove(const QString &id) const;

private:
    QString m_directory;
};

} // namespace core
