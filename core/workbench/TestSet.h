// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Completion.h"
#include "core/workbench/Check.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace core {

struct PromptVersion;

/// One version of a prompt as a test set file holds it, in the prompt library's export format
/// (`{"version", "created", "template", "variables", "model", "parameters", "steering_concepts"}`,
/// docs/prompt-library-format.md; the library's own type is core::PromptVersion): what a test set
/// runs. `parameters` are /complete fields (maximum_tokens, temperature, top_k,
/// stop_sequences, ...), sent as they are.
struct TestedVersion
{
    QString version; ///< a label: "1", "v2", "shorter"
    QString created; ///< ISO 8601, may be empty
    QString promptTemplate; ///< "template": text with {{ name }} variables
    QHash<QString, QString> variables; ///< default values
    QString model; ///< the model the version was written for (may be empty)
    QJsonObject parameters;
    QStringList steeringConcepts;

    QJsonObject toJson() const;
    static std::optional<TestedVersion> fromJson(const QJsonValue &json, QString *error);
    /// A version from a Completion tab's request: `templateText` is the unfilled prompt text,
    /// the model and steering concepts come from `request`, and its other set fields (except
    /// prompt, model and stream) become `parameters`. `created` is now (UTC).
    static TestedVersion fromRequest(
        const QString &label, const QString &templateText, const CompletionRequest &request);
    /// A version of the prompt library (PromptLibrary::versions()) as a test set runs it: the
    /// label is "<promptName> v<number>" ("Capitals v2"), `created` the stored date as ISO 8601
    /// UTC ("2026-12-02T17:31:44Z"; empty when `saved.created` is invalid), and the template,
    /// variables, model, parameters and steering concepts are `saved`'s as they are.
    static TestedVersion fromSaved(const QString &promptName, const PromptVersion &saved);
};

/// One row of a test set: a value per variable, the expected answer, and checks of its own.
struct TestRow
{
    QHash<QString, QString> vars;
    QString expected;
    QList<Check> checks;
};

/// A test set (issue 23): a table with one column per template variable, the expected answer and
/// checks per row, checks for every row, and the prompt versions it tests. Saved as the JSON
/// documented in docs/test-set-format.md (`"format": "aleph-playground.testset"`, version 1).
struct TestSet
{
    static constexpr QLatin1String kFormat{"aleph-playground.testset"};
    static constexpr int kVersion = 1;

    QString name;
    QString promptName;
    QList<TestedVersion> versions;
    QStringList variables; ///< column order
    QList<TestRow> rows;
    QList<Check> checks; ///< apply to every row

    /// The set's checks followed by the row's own.
    QList<Check> checksFor(int row) const;
    /// Adds the variables of every version's template that are not columns yet.
    void addTemplateVariables();

    QJsonObject toJson() const;
    /// Reads the saved format; nullopt with `error` (naming the row or check) on anything else.
    static std::optional<TestSet> fromJson(const QJsonObject &json, QString *error);
    /// Reads CSV text (separator guessed): a column named "expected" (any case) is the expected
    /// answer, a column named "checks" holds a JSON array of checks, every other column is a
    /// variable. Errors are readCsv()'s, or "the CSV has no columns".
    static std::optional<TestSet> fromCsv(const QString &text, QString *error);
    /// Reads JSON Lines: one object per line, either `{"vars": {...}, "expected": ..., "checks":
    /// [...]}` or flat (`"expected"` and `"checks"` as above, every other key a variable; values
    /// that are not strings are written as compact JSON). Blank lines are skipped. Errors name the
    /// line.
    static std::optional<TestSet> fromJsonl(const QString &text, QString *error);
};

/// Reads a file to import by its extension: .csv/.tsv/.txt as CSV, .jsonl/.ndjson as JSON Lines,
/// anything else as a saved test set. nullopt with `error` naming the file.
std::optional<TestSet> importTestSetFile(const QString &path, QString *error);
/// Reads a saved test set file (UTF-8 JSON); nullopt with `error` naming the file.
std::optional<TestSet> loadTestSet(const QString &path, QString *error);
/// Writes `set` to `path` atomically (QSaveFile); false with `error` naming the file.
bool saveTestSet(const TestSet &set, const QString &path, QString *error);

} // namespace core
