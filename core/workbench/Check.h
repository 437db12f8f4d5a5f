// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace core {

/// One check of a test-set answer (issue 23). Pure kinds are decided from the answer and the
/// expected text alone (evaluateCheck()); Similarity and LogProbability need a request each
/// (TestRunner sends them); Manual waits for a person's grade.
///
/// JSON (docs/test-set-format.md), one object per check:
///   {"kind": "exact"}                                answer == expected, both trimmed
///   {"kind": "contains", "text": "Paris"}            "text" empty or absent: the expected text
///   {"kind": "regex", "pattern": "^\\d+$"}           QRegularExpression, unanchored
///   {"kind": "json"}                                 the answer (trimmed) is one JSON document
///   {"kind": "json_schema", "schema": {...}}         ... and valid against the schema
///   {"kind": "max_length", "characters": 200}        at most this many characters (trimmed)
///   {"kind": "similarity", "threshold": 0.8}         cosine of semantic embeddings, −1..1
///   {"kind": "log_probability", "threshold": -20}    /evaluate log P(expected | prompt), ≤ 0
///   {"kind": "manual", "scale": "thumbs"|"1-5", "pass_from": 3}
struct Check
{
    enum class Kind {
        Exact,
        Contains,
        Regex,
        Json,
        JsonSchema,
        MaximumLength,
        Similarity,
        LogProbability,
        Manual,
    };
    Kind kind = Kind::Exact;
    /// Contains: the text to find (empty: the expected text). Regex: the pattern. Manual: the
    /// scale, "thumbs" or "1-5".
    QString text;
    /// JsonSchema: the schema.
    QJsonObject schema;
    /// MaximumLength: characters (≥ 0). Similarity: the lowest passing cosine (default 0.8).
    /// LogProbability: the lowest passing natural-log probability (default −20). Manual "1-5":
    /// the lowest passing grade (default 3).
    double threshold = 0;

    /// Whether the check is decided by a request (Similarity, LogProbability).
    bool needsRequest() const { return kind == Kind::Similarity || kind == Kind::LogProbability; }
    QJsonObject toJson() const;
    /// Reads one check object; nullopt with `error` ("unknown check kind \"x\"", "regex: ...")
    /// on a bad one.
    static std::optional<Check> fromJson(const QJsonValue &json, QString *error);
    /// A check of kind `of` from what a form gives: `value` is the Contains text, the Regex
    /// pattern, the JsonSchema schema as JSON text, or the Manual scale; `limit` is the threshold
    /// (characters for MaximumLength). The same rules as fromJson(); nullopt with `error` on a bad
    /// value (an invalid pattern, a schema that is not a JSON object, a threshold out of range).
    static std::optional<Check> make(Kind of, const QString &value, double limit, QString *error);
    /// A short description for tables: `contains "Paris"`, `similarity ≥ 0.80`.
    QString describe() const;
    /// "exact", "contains", "regex", "json", "json_schema", "max_length", "similarity",
    /// "log_probability", "manual".
    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);
    static QList<Kind> allKinds();
};

/// Reads a JSON array of check objects; nullopt with `error` naming the index on a bad one.
std::optional<QList<Check>> checksFromJson(const QJsonValue &json, QString *error);
QJsonArray checksToJson(const QList<Check> &checks);

/// A person's grade of one answer, 1..5 (thumbs up is 5, thumbs down 1), and a note. A "thumbs"
/// check passes from 3, a "1-5" check from its `pass_from`.
struct ManualGrade
{
    int value = 0;
    QString note;
};

/// The outcome of one check on one answer.
struct CheckResult
{
    enum class Verdict { Pass, Fail, Pending };
    Verdict verdict = Verdict::Pending;
    /// The measured value where there is one: similarity (cosine), log-probability, length,
    /// grade.
    std::optional<double> score;
    /// Why, for people: "does not contain \"Paris\"", "similarity 0.62 < 0.80".
    QString reason;
    bool passed() const { return verdict == Verdict::Pass; }
    bool failed() const { return verdict == Verdict::Fail; }
};

/// Decides a check that needs no request: every kind but Similarity and LogProbability (those
/// give Pending, "waiting for the server"). Manual uses `grade` (none: Pending, "not graded").
CheckResult evaluateCheck(const Check &check,
    const QString &answer,
    const QString &expected,
    const std::optional<ManualGrade> &grade = std::nullopt);
/// The result of a Similarity check for a measured cosine `similarity`.
CheckResult similarityResult(const Check &check, double similarity);
/// The result of a LogProbability check for a measured natural-log probability.
CheckResult logProbabilityResult(const Check &check, double logProbability);

} // namespace core
